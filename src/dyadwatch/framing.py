"""Narratives and directed tone of one document, computed in the pipeline right after event coding."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from .lang import language_file
from .narratives import Narrative, matcher_for
from .tone.lexicon import TONE_FILE, Lexicon, lexicon_for, override_file
from .tone.scorer import DirectedTone, directed_tone

NarrativeRow = tuple[int, str, int, int, str]
"""(sentence index, narrative id, start, end, phrase as written in the data)."""


@cache
def has_tone_lexicon(language: str) -> bool:
    return language_file(language, TONE_FILE).is_file()


def narrative_rows(text: str, sentences: Sequence[tuple[int, int]], language: str | None,
                   narratives: Sequence[Narrative]) -> list[NarrativeRow]:
    """Every narrative phrase in the text, with the sentence it sits in."""
    if not language or not narratives:
        return []
    rows = []
    for hit in matcher_for(narratives, language).find(text):
        index = next((i for i, (start, end) in enumerate(sentences) if start <= hit.start < end), -1)
        rows.append((index, hit.narrative, hit.start, hit.end, hit.phrase))
    return rows


def document_tone(text: str, sentences: Sequence[tuple[int, int]], language: str | None,
                  states: Sequence[tuple[str, int, int]], overrides: Path | None) -> list[DirectedTone]:
    """Tone about each state the document mentions (``states``: ISO3 and span of each actor mention)."""
    if not language or not states or not has_tone_lexicon(language):
        return []
    return directed_tone(text, list(sentences), language, list(states), _lexicon(language, overrides))


_LEXICONS: dict[tuple[str, str, int | None], Lexicon] = {}


def _lexicon(language: str, overrides: Path | None) -> Lexicon:
    """The lexicon, built once per language and state of the workspace's tone.tsv (its modification time)."""
    path = override_file(overrides) if overrides is not None else None
    stamp = path.stat().st_mtime_ns if path is not None and path.is_file() else None
    key = (language, str(path), stamp)
    if key not in _LEXICONS:
        _LEXICONS[key] = lexicon_for(language, overrides)
    return _LEXICONS[key]


def frames_fingerprint(languages: Sequence[str], narratives: Sequence[Narrative], overrides: Path | None) -> str:
    """Changes when a narrative or a tone lexicon entry of the workspace's languages changes."""
    parts = sorted(f"{n.id}:{sorted((k, v) for k, v in n.phrases.items())}" for n in narratives)
    parts += [lexicon_for(language, overrides).fingerprint for language in languages if has_tone_lexicon(language)]
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:8]
