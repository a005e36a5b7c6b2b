"""Find registry actors in tokenized text: one dictionary lookup per token over precomputed inflected forms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dyadwatch.text.phrases import phrase_variants
from dyadwatch.text.search_keys import folded_word, word_spans
from dyadwatch.text.tokens import Token

from .forms import subject_forms, word_forms
from .registry import ActorRegistry


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor found in text: token range, character span and whether it is in a subject form.

    ``bare`` holds when every word is in its dictionary form or in a form the language's
    ``[subject_endings]`` lists (Russian plural adjectives: "азербайджанские власти").
    """

    actor: str
    first: int
    last: int
    start: int
    end: int
    bare: bool


@dataclass(frozen=True, slots=True)
class _Pattern:
    actor: str
    rest: tuple[frozenset[str], ...]
    bare: tuple[str, ...]
    subject: tuple[frozenset[str], ...]


class ActorMatcher:
    """Aliases of one language compiled into a first-word index; longest match wins, left to right."""

    def __init__(self, registry: ActorRegistry, language: str) -> None:
        self.language = language
        self._index: dict[str, list[_Pattern]] = {}
        for actor in registry:
            owner = registry.canonical(actor.id)
            for alias in actor.aliases.get(language, ()):
                for variant in phrase_variants(alias):
                    self._add(owner, [word for word, _, _ in word_spans(variant)])
        for patterns in self._index.values():
            patterns.sort(key=lambda p: -len(p.rest))

    def _add(self, actor: str, words: list[str]) -> None:
        if not words:
            return
        bare = tuple(folded_word(w, self.language) for w in words)
        if not all(bare):
            return
        forms = [word_forms(w, self.language) for w in words]
        pattern = _Pattern(actor, tuple(forms[1:]), bare, tuple(subject_forms(w, self.language) for w in words))
        for form in forms[0]:
            patterns = self._index.setdefault(form, [])
            patterns[:] = [p for p in patterns if p.bare != bare]
            patterns.append(pattern)

    def find(self, tokens: Sequence[Token]) -> list[Mention]:
        mentions = []
        i, n = 0, len(tokens)
        while i < n:
            patterns = self._index.get(tokens[i].form)
            found = None
            if patterns:
                for p in patterns:
                    size = len(p.rest)
                    if i + size < n and all(tokens[i + 1 + k].form in forms for k, forms in enumerate(p.rest)):
                        found = p
                        break
            if found is None:
                i += 1
                continue
            last = i + len(found.rest)
            bare = all(tokens[i + k].form in found.subject[k] and not tokens[i + k].marked for k in range(len(found.bare)))
            mentions.append(Mention(found.actor, i, last, tokens[i].start, tokens[last].end, bare))
            i = last + 1
        return mentions


_MATCHERS: dict[tuple[str, str], ActorMatcher] = {}


def matcher_for(registry: ActorRegistry, language: str) -> ActorMatcher:
    """A compiled matcher, cached per registry content (its fingerprint) and language."""
    key = (registry.fingerprint, language)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        if len(_MATCHERS) >= 32:
            _MATCHERS.clear()
        matcher = _MATCHERS[key] = ActorMatcher(registry, language)
    return matcher
