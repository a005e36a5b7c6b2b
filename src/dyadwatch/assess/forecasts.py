"""Forecasts: a probability and a confidence on a dated question, their updates, resolution and scoring.

Probability and confidence are two separate judgements and never share a phrase. The probability is
worded with the ICD 203 estimative terms (``data/icd203.tsv``: term, low, high for 1–99 %):

- a value on a boundary between two terms takes the *less extreme* one, the term nearer 0.5: 0.05 is
  "very unlikely", 0.20 "unlikely", 0.45 and 0.55 "roughly even chance", 0.80 "likely", 0.95 "very likely";
- ICD 203 stops at 1 % and 99 %: a probability in [0, 0.01) is "almost no chance", one in (0.99, 1]
  "almost certain"; outside [0, 1] it is refused (ValueError).

The confidence (``CONFIDENCE_LEVELS``) says how good the evidence and reasoning behind the probability are.

A forecast is made on ``created`` and may be updated until its ``deadline``, never after it or after its
resolution, so the probability in force at the resolution (the last judgement on or before the resolution
date, see ``Forecast.probability_on``) is the one the analyst held when the question closed. ``brier`` and
``calibration`` score that probability against the outcome.

``propose_resolution`` reads a forecast's ``criteria_query`` against an events table and proposes an
outcome with its evidence; the analyst resolves. A query is a dict::

    {"dyad": "RUS:AZE",           # ':' one direction (actor1 RUS on actor2 AZE), '-' both directions
     "quad_class": 4,             # exactly one of quad_class (1-4), plover_category, cameo_prefix ("19")
     "min_events": 2,             # default 1
     "body": "RUS_MFA"}           # optional: actor1_body must be this
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import pandas as pd

from dyadwatch.errors import QueryError
from dyadwatch.ledger.dyads import Dyad, parse

CONFIDENCE_LEVELS = ("low", "moderate", "high")
EVENT_COLUMNS = ("id", "event_date", "actor1_code", "actor2_code", "quad_class", "plover_category", "cameo_code",
                 "actor1_body")
_CATEGORY_KEYS = ("quad_class", "plover_category", "cameo_prefix")
_QUERY_KEYS = frozenset({"dyad", "min_events", "body", *_CATEGORY_KEYS})
_CALIBRATION_COLUMNS = ["bin", "forecasts", "mean_probability", "observed_rate"]


@dataclass(frozen=True)
class Band:
    """One ICD 203 estimative term and its probability range."""

    term: str
    low: float
    high: float

    @property
    def distance_from_even(self) -> float:
        return abs((self.low + self.high) / 2 - 0.5)


@cache
def icd203_bands() -> tuple[Band, ...]:
    """The ICD 203 terms from the package's ``data/icd203.tsv``, from least to most likely."""
    text = files("dyadwatch.assess").joinpath("data", "icd203.tsv").read_text(encoding="utf-8")
    header, *lines = [line.split("\t") for line in text.splitlines() if line.strip()]
    if header != ["term", "low", "high"]:
        raise ValueError(f"icd203.tsv: header must be term, low, high, not {header}")
    bands = tuple(Band(term, float(low), float(high)) for term, low, high in lines)
    for before, after in zip(bands, bands[1:]):
        if before.high != after.low or not before.low < before.high:
            raise ValueError(f"icd203.tsv: {before.term!r} and {after.term!r} must be ordered and adjoin")
    return bands


def _check_probability(name: str, p: float) -> None:
    if not 0.0 <= p <= 1.0:  # also refuses NaN
        raise ValueError(f"{name}: a probability must be in [0, 1], got {p!r}")


def _check_confidence(name: str, level: str) -> None:
    if level not in CONFIDENCE_LEVELS:
        raise ValueError(f"{name}: confidence must be one of {', '.join(CONFIDENCE_LEVELS)}, got {level!r}")


def icd203_term(p: float) -> str:
    """The ICD 203 term for probability ``p``; a boundary value takes the term nearer 0.5."""
    _check_probability("p", p)
    bands = icd203_bands()
    fits = [band for band in bands if band.low <= p <= band.high] or [bands[0] if p < bands[0].low else bands[-1]]
    return min(fits, key=lambda band: band.distance_from_even).term


def _percent(p: float) -> str:
    return f"{round(p * 100, 1):g} %"


@dataclass(frozen=True)
class ForecastUpdate:
    """A revised probability and confidence, dated and signed."""

    date: date
    probability: float
    confidence: str
    analyst: str
    note: str = ""

    def __post_init__(self) -> None:
        _check_probability("probability", self.probability)
        _check_confidence("confidence", self.confidence)


@dataclass(frozen=True)
class Resolution:
    """What happened: the outcome, the day it was known, and the events that show it."""

    date: date
    outcome: bool
    note: str = ""
    evidence: tuple[str, ...] = ()


def _check_query(query: Mapping[str, Any]) -> None:
    unknown = set(query) - _QUERY_KEYS
    if unknown:
        raise ValueError(f"criteria_query: unknown keys {sorted(unknown)}; known: {sorted(_QUERY_KEYS)}")
    if "dyad" not in query:
        raise ValueError("criteria_query.dyad: a query needs a dyad, e.g. 'RUS:AZE' or 'RUS-AZE'")
    _query_dyad(query)
    categories = [key for key in _CATEGORY_KEYS if key in query]
    if len(categories) != 1:
        raise ValueError(f"criteria_query: give exactly one of {', '.join(_CATEGORY_KEYS)}, got {categories}")
    if "quad_class" in query and query["quad_class"] not in (1, 2, 3, 4):
        raise ValueError(f"criteria_query.quad_class: must be 1, 2, 3 or 4, got {query['quad_class']!r}")
    min_events = query.get("min_events", 1)
    if not isinstance(min_events, int) or isinstance(min_events, bool) or min_events < 1:
        raise ValueError(f"criteria_query.min_events: must be a whole number of at least 1, got {min_events!r}")


def _query_dyad(query: Mapping[str, Any]) -> Dyad:
    try:
        return parse(str(query["dyad"]))
    except QueryError as exc:
        raise ValueError(f"criteria_query.dyad: {exc}") from exc


@dataclass(frozen=True)
class Forecast:
    """A dated question with a probability and a confidence, revised by updates until it is resolved."""

    id: str
    question: str
    resolution_criteria: str
    created: date
    deadline: date
    analyst: str
    probability: float
    confidence: str
    criteria_query: Mapping[str, Any] | None = None
    updates: tuple[ForecastUpdate, ...] = ()
    resolution: Resolution | None = None

    def __post_init__(self) -> None:
        _check_probability("probability", self.probability)
        _check_confidence("confidence", self.confidence)
        if self.deadline < self.created:
            raise ValueError(f"deadline: {self.deadline} is before the forecast was made ({self.created})")
        if self.criteria_query is not None:
            _check_query(self.criteria_query)
        previous = self.created
        for index, update in enumerate(self.updates):
            if update.date < previous:
                raise ValueError(f"updates[{index}].date: {update.date} is before {previous}, when the forecast "
                                 "was made or last updated")
            if update.date > self.deadline:
                raise ValueError(f"updates[{index}].date: {update.date} is after the deadline {self.deadline}")
            previous = update.date
        if self.resolution is not None:
            if self.resolution.date < self.created:
                raise ValueError(f"resolution.date: {self.resolution.date} is before the forecast was made "
                                 f"({self.created})")
            if previous > self.resolution.date:
                raise ValueError(f"updates: an update on {previous} is after the resolution ({self.resolution.date})")

    @property
    def judgements(self) -> tuple[ForecastUpdate, ...]:
        """The initial judgement (as an update on ``created``) followed by the updates, oldest first."""
        initial = ForecastUpdate(self.created, self.probability, self.confidence, self.analyst, "initial forecast")
        return (initial, *self.updates)

    def judgement_on(self, day: date) -> ForecastUpdate:
        """The judgement in force on ``day``: the last one made on or before it (same day: the later one)."""
        if day < self.created:
            raise ValueError(f"day: {day} is before the forecast was made ({self.created})")
        return [judgement for judgement in self.judgements if judgement.date <= day][-1]

    def probability_on(self, day: date) -> float:
        """The probability in force on ``day``."""
        return self.judgement_on(day).probability

    @property
    def scored(self) -> ForecastUpdate:
        """The judgement scored against the outcome: the one in force on the resolution date."""
        if self.resolution is None:
            raise ValueError(f"resolution: forecast {self.id} is not resolved")
        return self.judgement_on(self.resolution.date)

    def statement(self, day: date | None = None) -> str:
        """The judgement in force on ``day`` (default: the latest), probability and confidence in separate clauses."""
        judgement = self.judgements[-1] if day is None else self.judgement_on(day)
        claim = self.question.strip().rstrip("?.")
        return (f"We judge it {icd203_term(judgement.probability)} ({_percent(judgement.probability)}) "
                f"that {claim} (confidence: {judgement.confidence}).")

    def updated(self, update: ForecastUpdate) -> Forecast:
        """This forecast with ``update`` appended (validated like any forecast)."""
        return replace(self, updates=(*self.updates, update))

    def resolved(self, resolution: Resolution) -> Forecast:
        """This forecast with ``resolution`` set (validated like any forecast)."""
        return replace(self, resolution=resolution)


def _matching_events(forecast: Forecast, query: Mapping[str, Any], events: pd.DataFrame, today: date) -> pd.DataFrame:
    missing = [column for column in EVENT_COLUMNS if column not in events.columns]
    if missing:
        raise ValueError(f"events: missing columns {', '.join(missing)}")
    days = pd.to_datetime(events["event_date"]).dt.date
    dyad = _query_dyad(query)
    pairs = {(direction.a, direction.b) for direction in dyad.directions}
    keep = (days >= forecast.created) & (days <= min(forecast.deadline, today))
    keep &= pd.Series([pair in pairs for pair in zip(events["actor1_code"], events["actor2_code"])],
                      index=events.index, dtype=bool)
    if "quad_class" in query:
        keep &= pd.to_numeric(events["quad_class"], errors="coerce") == query["quad_class"]
    if "plover_category" in query:
        keep &= events["plover_category"] == query["plover_category"]
    if "cameo_prefix" in query:
        keep &= events["cameo_code"].astype("string").str.startswith(str(query["cameo_prefix"])).fillna(False)
    if query.get("body"):
        keep &= events["actor1_body"] == query["body"]
    found = events.loc[keep, ["id"]].assign(day=days[keep])
    return found.sort_values(["day", "id"], key=lambda column: column.astype(str))


def propose_resolution(forecast: Forecast, events: pd.DataFrame, *, today: date) -> Resolution | None:
    """A proposed resolution from ``events`` as known on ``today``, or None if there is nothing to propose.

    Only forecasts with a ``criteria_query`` and no resolution get a proposal. Events count from ``created``
    to the deadline (both included, and not after ``today``). With at least ``min_events`` matches the outcome
    is True, dated on the day of the last needed event, citing every match up to that day; once the deadline
    has passed without enough, it is False, dated on the deadline. Otherwise it is too early: None.
    """
    query = forecast.criteria_query
    if query is None or forecast.resolution is not None:
        return None
    needed = int(query.get("min_events", 1))
    found = _matching_events(forecast, query, events, today)
    period = f"{forecast.created} – {forecast.deadline}"
    if len(found) >= needed:
        day = found["day"].iloc[needed - 1]
        cited = found[found["day"] <= day]
        return Resolution(day, True, f"{len(found)} matching events in {period} ({needed} needed); "
                                     f"the last needed on {day}", tuple(str(i) for i in cited["id"]))
    if today > forecast.deadline:
        return Resolution(forecast.deadline, False, f"{len(found)} matching events in {period} ({needed} needed), "
                                                    f"checked on {today}")
    return None


def _resolved(forecasts: Iterable[Forecast]) -> list[tuple[Forecast, ForecastUpdate, bool]]:
    return [(f, f.scored, f.resolution.outcome) for f in forecasts if f.resolution is not None]


def brier(forecasts: Iterable[Forecast]) -> float:
    """Mean squared error of the scored probabilities of the resolved forecasts (0 best, 1 worst).

    Unresolved forecasts are skipped; a set with none resolved has no score (ValueError).
    """
    scored = [(judgement.probability - float(outcome)) ** 2 for _, judgement, outcome in _resolved(forecasts)]
    if not scored:
        raise ValueError("forecasts: none is resolved, so there is nothing to score")
    return math.fsum(scored) / len(scored)


def _binner(bins: int | Literal["icd203"]) -> Callable[[float], tuple[int, str]]:
    if bins == "icd203":
        order = {band.term: index for index, band in enumerate(icd203_bands())}
        return lambda p: (order[icd203_term(p)], icd203_term(p))
    if isinstance(bins, bool) or not isinstance(bins, int) or bins < 1:
        raise ValueError(f"bins: a whole number of at least 1 or 'icd203', got {bins!r}")

    def equal_width(p: float) -> tuple[int, str]:
        index = min(math.floor(round(p * bins, 9)), bins - 1)
        closing = "]" if index == bins - 1 else ")"
        return index, f"[{index / bins:g}, {(index + 1) / bins:g}{closing}"

    return equal_width


def calibration(forecasts: Iterable[Forecast], bins: int | Literal["icd203"] = 10,
                by: Literal["analyst"] | None = None) -> pd.DataFrame:
    """Forecasts, mean scored probability and observed rate per probability bin, for the resolved forecasts.

    ``bins``: that many equal-width bins on [0, 1] (each [low, high), the last closed), or ``"icd203"`` for the
    estimative terms. Only bins holding forecasts are listed, in probability order. ``by="analyst"`` adds an
    ``analyst`` column and a row per analyst and bin, the analyst being whoever made the scored judgement.
    """
    if by not in (None, "analyst"):
        raise ValueError(f"by: None or 'analyst', got {by!r}")
    binner = _binner(bins)
    rows = [(judgement.analyst, *binner(judgement.probability), judgement.probability, float(outcome))
            for _, judgement, outcome in _resolved(forecasts)]
    keys = ["analyst", "order", "bin"] if by == "analyst" else ["order", "bin"]
    columns = ["analyst", *_CALIBRATION_COLUMNS] if by == "analyst" else _CALIBRATION_COLUMNS
    frame = pd.DataFrame(rows, columns=["analyst", "order", "bin", "probability", "outcome"])
    if frame.empty:
        return pd.DataFrame(columns=columns)
    table = frame.groupby(keys, sort=True).agg(forecasts=("probability", "size"),
                                               mean_probability=("probability", "mean"),
                                               observed_rate=("outcome", "mean"))
    return table.reset_index()[columns]
