"""Find narratives in text: their phrases of one language in a ``PhraseIndex``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dyadwatch.text.phrases import PhraseIndex

from .model import Narrative

_CACHE_LIMIT = 32


@dataclass(frozen=True, slots=True)
class NarrativeHit:
    """A narrative phrase found in text: the narrative id, the phrase as written in the data, the span."""

    narrative: str
    phrase: str
    start: int
    end: int


class NarrativeMatcher:
    """The phrases of every narrative in one language; longest match wins, left to right, no overlaps."""

    def __init__(self, narratives: Iterable[Narrative], language: str) -> None:
        self.language = language
        entries = [(n.id, phrase) for n in narratives for phrase in n.phrases.get(language, ())]
        self._index = PhraseIndex(entries, language)

    def find(self, text: str) -> list[NarrativeHit]:
        """Narrative phrases in ``text`` (best normalized); spans index into ``text``."""
        return [NarrativeHit(h.key, h.phrase, h.start, h.end) for h in self._index.find(text)]

    def narratives_in(self, text: str) -> set[str]:
        """Ids of the narratives whose phrases occur in ``text``."""
        return {hit.narrative for hit in self.find(text)}


def _fingerprint(narratives: tuple[Narrative, ...], language: str) -> int:
    """The phrases of ``language`` and whose they are: what a compiled matcher depends on (cheap, per document)."""
    return hash((language, tuple((n.id, n.phrases.get(language, ())) for n in narratives)))


_MATCHERS: dict[int, NarrativeMatcher] = {}


def matcher_for(narratives: Iterable[Narrative], language: str) -> NarrativeMatcher:
    """A compiled matcher, cached per narrative content (a fingerprint) and language."""
    listed = tuple(narratives)
    key = _fingerprint(listed, language)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        if len(_MATCHERS) >= _CACHE_LIMIT:
            _MATCHERS.clear()
        matcher = _MATCHERS[key] = NarrativeMatcher(listed, language)
    return matcher
