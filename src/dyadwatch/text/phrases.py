"""Find phrases in text through inflection: one dictionary lookup per token over precomputed word forms.

Each word of a phrase matches every form ``actors.forms.word_forms`` generates for it in the
language (case endings, plurals, possessives), folded like search keys: Azerbaijani Cyrillic
text meets Latin phrases, ZWNJ and apostrophe endings (tr, az) are handled as in actor
matching. A phrase word ending in ``*`` is a prefix ("провокаци*"). Matching runs left to
right; at each token the phrase with the most words wins and hits never overlap.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from dyadwatch.actors.forms import word_forms
from dyadwatch.text.normalize import normalize
from dyadwatch.text.search_keys import folded_word, word_spans
from dyadwatch.text.tokens import tokenize

PREFIX_MARK = "*"
_ZWNJ = "\u200c"
_MEMO_LIMIT = 200_000
_CACHE_LIMIT = 32


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A phrase found in text: its key (a narrative id, a lexicon term id), the phrase as written, the span."""

    key: str
    phrase: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Word:
    """One phrase word: its folded forms, or a folded prefix."""

    bare: str
    forms: frozenset[str]
    prefix: str

    def matches(self, form: str) -> bool:
        return form in self.forms if not self.prefix else form.startswith(self.prefix)


@dataclass(frozen=True, slots=True)
class _Pattern:
    key: str
    phrase: str
    words: tuple[_Word, ...]
    signature: tuple[tuple[str, bool], ...]


def phrase_variants(phrase: str) -> list[str]:
    """A phrase as written, plus the Persian habit of writing a ZWNJ as a space (or nothing)."""
    text = normalize(phrase)
    variants = [text]
    if _ZWNJ in text:
        variants += [text.replace(_ZWNJ, " "), text.replace(_ZWNJ, "")]
    return variants


class PhraseIndex:
    """Phrases of one language compiled into a first-word index (exact forms plus first-word prefixes).

    A phrase whose words repeat an earlier entry's (after folding) is dropped: the first key keeps it.
    """

    def __init__(self, entries: Iterable[tuple[str, str]], language: str) -> None:
        self.language = language
        self._exact: dict[str, list[_Pattern]] = {}
        self._prefixed: dict[str, list[_Pattern]] = {}
        self._seen: set[tuple[tuple[str, bool], ...]] = set()
        self._memo: dict[str, tuple[_Pattern, ...]] = {}
        for key, phrase in entries:
            for variant in phrase_variants(phrase):
                self._add(key, phrase, variant)
        self._prefix_lengths = sorted({len(prefix) for prefix in self._prefixed})

    def _word(self, raw: str, is_prefix: bool) -> _Word | None:
        folded = folded_word(raw, self.language)
        if not folded:
            return None
        if is_prefix:
            return _Word(folded, frozenset(), folded)
        return _Word(folded, word_forms(raw, self.language), "")

    def _add(self, key: str, phrase: str, variant: str) -> None:
        words: list[_Word] = []
        for raw, _, end in word_spans(variant):
            word = self._word(raw, variant[end : end + 1] == PREFIX_MARK)
            if word is None:
                return
            words.append(word)
        if not words:
            return
        signature = tuple((w.bare, bool(w.prefix)) for w in words)
        if signature in self._seen:
            return
        self._seen.add(signature)
        pattern = _Pattern(key, phrase, tuple(words), signature)
        first = words[0]
        if first.prefix:
            self._prefixed.setdefault(first.prefix, []).append(pattern)
        else:
            for form in first.forms:
                self._exact.setdefault(form, []).append(pattern)

    def _candidates(self, form: str) -> tuple[_Pattern, ...]:
        """Patterns whose first word matches ``form``, most words first (memoised per form)."""
        found = self._memo.get(form)
        if found is None:
            patterns = list(self._exact.get(form, ()))
            for length in self._prefix_lengths:
                if length > len(form):
                    break
                patterns.extend(self._prefixed.get(form[:length], ()))
            patterns.sort(key=lambda p: (-len(p.words), sum(bool(w.prefix) for w in p.words)))
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[form] = tuple(patterns)
        return found

    def find(self, text: str) -> list[PhraseHit]:
        """Phrases in ``text`` (best normalized with ``normalize``); spans index into ``text``."""
        tokens = tokenize(text, self.language)
        hits = []
        i, n = 0, len(tokens)
        while i < n:
            found = None
            for pattern in self._candidates(tokens[i].form):
                size = len(pattern.words)
                if i + size <= n and all(
                    word.matches(tokens[i + k].form) for k, word in enumerate(pattern.words[1:], start=1)
                ):
                    found = pattern
                    break
            if found is None:
                i += 1
                continue
            last = i + len(found.words) - 1
            hits.append(PhraseHit(found.key, found.phrase, tokens[i].start, tokens[last].end))
            i = last + 1
        return hits


def entries_fingerprint(entries: Iterable[tuple[str, str]], language: str) -> str:
    """A short digest of (key, phrase) entries and language, for caching compiled indexes."""
    digest = hashlib.sha256(language.encode())
    for key, phrase in entries:
        digest.update(f"\x1e{key}\x1f{phrase}".encode())
    return digest.hexdigest()[:16]


_INDEXES: dict[str, PhraseIndex] = {}


def index_for(entries: Iterable[tuple[str, str]], language: str) -> PhraseIndex:
    """A compiled index, cached per fingerprint of the entries and language."""
    listed = list(entries)
    fingerprint = entries_fingerprint(listed, language)
    index = _INDEXES.get(fingerprint)
    if index is None:
        if len(_INDEXES) >= _CACHE_LIMIT:
            _INDEXES.clear()
        index = _INDEXES[fingerprint] = PhraseIndex(listed, language)
    return index
