"""What a coder produces: events with the sides, codes, date and provenance spans behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dyadwatch.actors.model import Side


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """One event found in one sentence; spans index the document's normalized text."""

    source: Side
    target: Side
    cameo: str
    plover: str
    plover_mode: str | None
    goldstein: float | None
    quad_class: int | None
    date: date
    date_note: str
    sentence_idx: int
    sentence_span: tuple[int, int]
    trigger_span: tuple[int, int]
    source_span: tuple[int, int]
    target_span: tuple[int, int]
    confidence: float
    summary: str
    flags: tuple[str, ...] = ()
    why: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Skipped:
    """A trigger or sentence the coder saw and did not code, with the reason (shown by ``explain``)."""

    sentence_idx: int
    span: tuple[int, int]
    reason: str
