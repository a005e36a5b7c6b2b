"""Checking an observable or a premise against the monitored record: supported, contradicted or not found.

A check is a small query (written in an assessment file) of one of these kinds:

- ``lead``: the bodies in ``first`` act (any coded or analyst event of the dyad) before those in ``before``;
- ``coincidence``: ``dyad``'s conflict moves follow ``with``'s within ``window`` days (p at most ``max_p``);
- ``coordination``: the wave about ``dyad`` has a coordination probability of at least ``min_probability``;
- ``events``: at least ``min`` events of the dyad (optionally of a ``body``, a PLOVER ``plover`` category or a
  ``quad_class``) in the period;
- ``phase``: a phase of ``phase_kind`` starts in the period.

Every verdict lists the items behind it (event ids, phase ids, coinciding days, the wave's figures) and
honours ``as_of``: only what was published and known by then is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine

from dyadwatch.errors import DyadwatchError
from dyadwatch.ledger import service as ledger
from dyadwatch.ledger.daily import daily_events
from dyadwatch.ledger.dyads import parse
from dyadwatch.ledger.stories import Window

SUPPORTED, CONTRADICTED, NOT_FOUND, CANNOT_JUDGE = "supported", "contradicted", "not found", "cannot judge"


@dataclass(frozen=True)
class CheckResult:
    verdict: str
    found: str
    items: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "found": self.found, "items": self.items}


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _window(check: Mapping[str, Any], as_of: date | None) -> Window:
    return Window(since=_day(check.get("since")), until=_day(check.get("until")), as_of=as_of)


def run_check(engine: Engine, check: Mapping[str, Any], as_of: date | None = None) -> CheckResult:
    """The verdict of one check; a check the record cannot answer says why instead of guessing."""
    kind = check.get("kind")
    try:
        if kind == "lead":
            return _lead(engine, check, as_of)
        if kind == "coincidence":
            return _coincidence(engine, check, as_of)
        if kind == "coordination":
            return _coordination(engine, check, as_of)
        if kind == "events":
            return _events(engine, check, as_of)
        if kind == "phase":
            return _phase(engine, check, as_of)
    except DyadwatchError as exc:
        return CheckResult(CANNOT_JUDGE, exc.message)
    return CheckResult(CANNOT_JUDGE, f"unknown check kind {kind!r}")


def _dyad_events(engine: Engine, check: Mapping[str, Any], as_of: date | None):  # type: ignore[no-untyped-def]
    dyad = ledger.parse_dyads(engine, [str(check["dyad"])])[0]
    window = _window(check, as_of)
    with engine.connect() as connection:
        return daily_events(connection, dyad, window, ledger.source_facts_for(engine, window))


def _lead(engine: Engine, check: Mapping[str, Any], as_of: date | None) -> CheckResult:
    events = _dyad_events(engine, check, as_of)
    missing = CheckResult(NOT_FOUND, f"no event by {', '.join(check['first'])} or {', '.join(check['before'])}")
    if events.empty:
        return missing
    body = events["actor1_body"].fillna(events["actor1_code"])
    first, before = (events[body.isin(list(check[group]))].sort_values("event_date").head(1)
                     for group in ("first", "before"))
    if first.empty and before.empty:
        return missing
    if before.empty or (not first.empty and first["event_date"].iloc[0] < before["event_date"].iloc[0]):
        return CheckResult(SUPPORTED, _earliest(first, before), [*first["id"], *before["id"]])
    return CheckResult(CONTRADICTED, _earliest(first, before), [*first["id"], *before["id"]])


def _earliest(first: Any, before: Any) -> str:
    parts = [f"{row.actor1_body or row.actor1_code} first acted on {row.event_date}"
             for frame in (first, before) for row in frame.itertuples()]
    return "; ".join(parts)


def _coincidence(engine: Engine, check: Mapping[str, Any], as_of: date | None) -> CheckResult:
    result = ledger.coincidences(engine, str(check["dyad"]), str(check["with"]), _window(check, as_of),
                                 days=int(check.get("window", 2)))
    found = (f"rate {result.rate:.2f} (expected {result.expected_rate:.2f}), p = {result.p_value:.3f}, "
             f"{result.leader_events} leader and {result.follower_events} follower moves")
    items = [f"{a}→{b}" for a, b in result.pairs]
    verdict = SUPPORTED if result.p_value <= float(check.get("max_p", 0.05)) else CONTRADICTED
    return CheckResult(verdict, found, items)


def _coordination(engine: Engine, check: Mapping[str, Any], as_of: date | None) -> CheckResult:
    from dyadwatch.coordination.service import coordination

    result = coordination(engine, str(check["dyad"]), _window(check, as_of))
    found = (f"coordination probability {result.probability:.2f} over {result.concentration.items} documents, "
             f"state share {result.concentration.state_share:.2f}")
    verdict = SUPPORTED if result.probability >= float(check.get("min_probability", 0.5)) else CONTRADICTED
    return CheckResult(verdict, found, [])


def _events(engine: Engine, check: Mapping[str, Any], as_of: date | None) -> CheckResult:
    events = _dyad_events(engine, check, as_of)
    if check.get("body"):
        events = events[(events["actor1_body"] == check["body"]) | (events["actor2_body"] == check["body"])]
    if check.get("plover"):
        events = events[events["plover_category"] == check["plover"]]
    if check.get("quad_class"):
        events = events[events["quad_class"] == int(check["quad_class"])]
    wanted = int(check.get("min", 1))
    ids = list(events["id"])
    found = f"{len(ids)} matching events (at least {wanted} wanted)"
    return CheckResult(SUPPORTED if len(ids) >= wanted else NOT_FOUND, found, ids[:50])


def _phase(engine: Engine, check: Mapping[str, Any], as_of: date | None) -> CheckResult:
    window = _window(check, as_of)
    parse(str(check["dyad"]))
    found = ledger.phases(engine, str(check["dyad"]), Window(until=window.until, as_of=as_of))
    kind = str(check.get("phase_kind", "escalation"))
    hits = [p for p in found if p.kind == kind and (window.since is None or p.start >= window.since)
            and (window.until is None or p.start <= window.until)]
    if not hits:
        return CheckResult(NOT_FOUND, f"no {kind} phase starts in the period")
    return CheckResult(SUPPORTED, "; ".join(f"{p.kind} {p.start} – {p.end}" for p in hits), [p.id for p in hits])
