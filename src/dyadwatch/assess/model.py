"""Records of an assessment file: the question, its hypotheses, evidence, ratings, premises and forecasts.

These are the plain values the file layer (``assess/files.py``) reads and writes; scoring and forecast
bookkeeping convert them into their own types. A *check* (``Observable.check``, ``Premise.check``,
``ForecastSpec.criteria_query``) is a small query over the record, kept as the mapping the analyst wrote
(dates as ``date``, dyads in canonical form); ``assess/checks.py`` runs it. ``CHECK_KEYS`` lists what
each kind requires and allows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

RATINGS = ("CC", "C", "N", "I", "II", "NA")
"""ACH consistency of an evidence item with a hypothesis: very consistent to very inconsistent, not applicable."""

CONFIDENCES = ("low", "moderate", "high")
EVIDENCE_KINDS = ("event", "document", "finding", "note")
PREMISE_STATUSES = ("solid", "caveated", "unsupported")
"""The Key Assumptions Check's verdicts: basically solid, correct with caveats, unsupported or questionable."""

_PERIOD = frozenset({"since", "until"})
CHECK_KEYS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "lead": (frozenset({"dyad", "first", "before"}), _PERIOD),
    "coincidence": (frozenset({"dyad", "with"}), _PERIOD | {"window", "max_p"}),
    "coordination": (frozenset({"dyad"}), _PERIOD | {"min_probability"}),
    "events": (frozenset({"dyad"}), _PERIOD | {"body", "plover", "quad_class", "min"}),
    "phase": (frozenset({"dyad"}), _PERIOD | {"phase_kind"}),
}
"""Per check kind: the keys it requires and those it allows besides ``kind``."""

Check = dict[str, Any]


@dataclass(frozen=True)
class Observable:
    """Something that should be seen if a hypothesis holds; ``check`` asks the record for it."""

    id: str
    text: str
    check: Check | None = None


@dataclass(frozen=True)
class Hypothesis:
    """One candidate answer; ``overlaps`` names hypotheses it does not exclude, ``nested_in`` its parent."""

    id: str
    title: str
    description: str | None = None
    observables: tuple[Observable, ...] = ()
    overlaps: tuple[str, ...] = ()
    nested_in: str | None = None


@dataclass(frozen=True)
class Evidence:
    """An item weighed against the hypotheses: a coded event, a document, an analytic finding or a note."""

    id: str
    kind: str
    description: str
    ref: str | None = None
    source: str | None = None
    citation: str | None = None
    relevance: float = 1.0
    date: date | None = None


@dataclass(frozen=True)
class Premise:
    """A key assumption the reasoning rests on; ``status_hint`` is the analyst's own verdict on it."""

    id: str
    claim: str
    check: Check | None = None
    status_hint: str | None = None


@dataclass(frozen=True)
class ForecastUpdate:
    """A revision of a forecast's probability on ``date``."""

    date: date
    probability: float
    confidence: str
    note: str | None = None


@dataclass(frozen=True)
class Resolution:
    """How a forecast came out: ``outcome`` is whether the event happened."""

    date: date
    outcome: bool
    note: str | None = None


@dataclass(frozen=True)
class ForecastSpec:
    """A forecast as logged in the file; ``analyst`` defaults to the assessment's when absent."""

    id: str
    question: str
    criteria: str
    created: date
    deadline: date
    probability: float
    confidence: str
    criteria_query: Check | None = None
    analyst: str | None = None
    updates: tuple[ForecastUpdate, ...] = ()
    resolution: Resolution | None = None


@dataclass(frozen=True)
class Assessment:
    """A question about a dyad with everything argued about it; ``ratings`` maps (evidence, hypothesis)."""

    id: str
    question: str
    dyad: str
    created: date
    analyst: str
    as_of: date | None = None
    hypotheses: tuple[Hypothesis, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    ratings: dict[tuple[str, str], str] = field(default_factory=dict)
    premises: tuple[Premise, ...] = ()
    forecasts: tuple[ForecastSpec, ...] = ()
    notes: str | None = None
