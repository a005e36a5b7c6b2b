"""Names the registry lacks: NER for Russian (natasha), capitalised word runs for Latin and Cyrillic text.

A batch job over stored documents, never part of the per-document pipeline. Spans that
overlap a registry mention are left out; the rest are counted with a few contexts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

_CAPITALISED_RE = re.compile(r"(?<![\w'’])(?:[A-ZÀ-ÖØ-ÞĀ-ŽƏА-ЯЁӘҒҸҺӨҮЈҜ][\w'’\-]+)(?:\s+[A-ZÀ-ÖØ-ÞĀ-ŽƏА-ЯЁӘҒҸҺӨҮЈҜ][\w'’\-]+)*")
MAX_CONTEXTS = 3
CONTEXT_CHARS = 60


@dataclass
class Candidate:
    name: str
    kind: str
    language: str
    count: int = 0
    documents: set[str] = field(default_factory=set)
    contexts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DocText:
    id: str
    language: str
    text: str
    sentences: tuple[tuple[int, int], ...]
    known: tuple[tuple[int, int], ...]


@cache
def _natasha() -> tuple[Any, Any] | None:
    try:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError:
        return None
    return Segmenter(), NewsNERTagger(NewsEmbedding())


def natasha_available() -> bool:
    return _natasha() is not None


def _natasha_spans(text: str) -> Iterator[tuple[int, int, str]]:
    loaded = _natasha()
    if loaded is None:
        return
    from natasha import Doc

    segmenter, tagger = loaded
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    for span in doc.spans:
        yield span.start, span.stop, span.type


def _capitalised_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    for match in _CAPITALISED_RE.finditer(text, start, end):
        if match.start() == start or text[max(start, match.start() - 2):match.start()].strip() in (".", "!", "?"):
            words = match.group().split()
            if len(words) < 2:
                continue
        yield match.start(), match.end(), "NAME"


def _overlaps(span: tuple[int, int], known: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in known)


def find_unknown(docs: Iterable[DocText], min_count: int = 2) -> list[Candidate]:
    """Candidate names, most frequent first, with counts, documents and contexts."""
    found: dict[tuple[str, str], Candidate] = {}
    for doc in docs:
        if doc.language == "ru" and natasha_available():
            spans: Iterable[tuple[int, int, str]] = _natasha_spans(doc.text)
        elif doc.language in ("fa",):
            continue
        else:
            spans = (s for a, b in doc.sentences for s in _capitalised_spans(doc.text, a, b))
        for start, end, kind in spans:
            if _overlaps((start, end), doc.known):
                continue
            name = " ".join(doc.text[start:end].split())
            if len(name) < 3:
                continue
            key = (name.lower(), doc.language)
            candidate = found.setdefault(key, Candidate(name, kind, doc.language))
            candidate.count += 1
            candidate.documents.add(doc.id)
            if len(candidate.contexts) < MAX_CONTEXTS:
                left, right = max(0, start - CONTEXT_CHARS), min(len(doc.text), end + CONTEXT_CHARS)
                candidate.contexts.append(" ".join(doc.text[left:right].split()))
    ranked = [c for c in found.values() if c.count >= min_count]
    return sorted(ranked, key=lambda c: (-c.count, c.name))


def group_known(rows: Iterable[tuple[int, int, int]]) -> dict[int, tuple[tuple[int, int], ...]]:
    """Registry mention spans per document primary key."""
    grouped: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for pk, start, end in rows:
        grouped[pk].append((start, end))
    return {pk: tuple(spans) for pk, spans in grouped.items()}
