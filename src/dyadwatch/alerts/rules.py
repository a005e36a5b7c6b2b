"""Alert rules from ``[[alerts]]`` in dyadwatch.toml, and evaluating them over one dyad's series.

Each ``[[alerts]]`` table is one rule::

    [[alerts]]
    name = "ru-az-escalation"        # unique; part of every alert id (renaming a rule fires it afresh)
    kind = "new_phase"               # new_phase | material_conflict | tone_drop | coordination
    dyad = "RUS-AZE"                 # optional: RUS-AZE (either direction) or RUS:AZE (RUS acting on AZE);
                                     # absent: every watched dyad
    deliver = ["stdout"]             # optional: targets (see dyadwatch.alerts.delivery); absent: [alerts_delivery]
    kinds = ["escalation"]           # new_phase: phase kinds that fire when a phase of that kind starts

    [[alerts]]
    name = "shooting"
    kind = "material_conflict"       # a story (quad class 4) reported by enough owner groups
    min_corroboration = 2            # owner groups behind the story

    [[alerts]]
    name = "tone"
    kind = "tone_drop"               # the day's tone is more than k sd below the mean of the days before
    k = 2.0
    baseline_days = 30               # calendar days before the day that form the baseline
    min_days = 14                    # days with a tone in the baseline needed to judge

    [[alerts]]
    name = "campaign"
    kind = "coordination"            # the wave ending on a day looks coordinated (coordination test)
    threshold = 0.8                  # probability that fires
    wave_days = 3                    # the day and the days before it
    min_documents = 10               # busier waves only

A rule fires for a thing on or after ``since``: a phase by its start, a story by its event date, a tone
drop by its day. Alert ids hash rule name, dyad and the thing (phase id, story, day), so a rerun over the
same data makes the same ids and the caller skips those already delivered. A tone-drop baseline with no
spread (sd 0) never fires; a sustained drop fires on each day it stays beyond k sd.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from dyadwatch.alerts.delivery import Target, parse_targets
from dyadwatch.config import parse_dyad
from dyadwatch.errors import ConfigError
from dyadwatch.ledger.model import PHASE_KINDS, Alert, Phase
from dyadwatch.models import stable_id

_COMMON = ("name", "kind", "dyad", "deliver")
_MATERIAL_CONFLICT = 4
_MESSAGE_SUMMARY = 160


@dataclass(frozen=True)
class NewPhase:
    kind: ClassVar[str] = "new_phase"
    kinds: tuple[str, ...] = ("escalation",)


@dataclass(frozen=True)
class MaterialConflict:
    kind: ClassVar[str] = "material_conflict"
    min_corroboration: int = 2


@dataclass(frozen=True)
class ToneDrop:
    kind: ClassVar[str] = "tone_drop"
    k: float = 2.0
    baseline_days: int = 30
    min_days: int = 14


@dataclass(frozen=True)
class Coordinated:
    kind: ClassVar[str] = "coordination"
    threshold: float = 0.8
    wave_days: int = 3
    min_documents: int = 10


@dataclass(frozen=True)
class WaveScore:
    """The coordination probability of the wave ending on ``day`` (the runner computes it from the store)."""

    day: date
    since: date
    probability: float
    documents: int
    evidence: dict[str, Any]


Params = NewPhase | MaterialConflict | ToneDrop | Coordinated
KINDS: dict[str, type[NewPhase] | type[MaterialConflict] | type[ToneDrop] | type[Coordinated]] = {
    cls.kind: cls for cls in (NewPhase, MaterialConflict, ToneDrop, Coordinated)
}


@dataclass(frozen=True)
class AlertRule:
    """One ``[[alerts]]`` table; ``dyad`` None applies to every dyad, ``deliver`` None uses the default targets."""

    name: str
    params: Params
    dyad: str | None = None
    deliver: tuple[Target, ...] | None = None

    @property
    def kind(self) -> str:
        return self.params.kind

    def targets(self, default: tuple[Target, ...]) -> tuple[Target, ...]:
        """The rule's own targets, or ``default`` (from ``[alerts_delivery]``)."""
        return self.deliver if self.deliver is not None else default

    def applies(self, dyad: str) -> bool:
        """Whether the rule watches ``dyad``: RUS-AZE rules match RUS-AZE and AZE-RUS, RUS:AZE rules only RUS:AZE."""
        if self.dyad is None:
            return True
        wanted, given = normalize_dyad(self.dyad), normalize_dyad(dyad)
        if ":" in wanted:
            return wanted == given
        return ":" not in given and set(wanted.split("-")) == set(given.split("-"))


def normalize_dyad(text: str) -> str:
    """``rus:aze`` to ``RUS:AZE``, ``RUS-AZE`` stays; ConfigError for anything else."""
    a, b = parse_dyad(text)
    if a == b:
        raise ConfigError(f"'{text}' is not a dyad: it names {a} twice.")
    return f"{a}{':' if ':' in text else '-'}{b}"


def alert_id(rule: str, dyad: str, thing: str) -> str:
    """The stable id of the alert ``rule`` fires for ``thing`` (phase id, story, ISO day) in ``dyad``."""
    return stable_id(rule, dyad, thing)


def parse_rules(tables: list[dict[str, Any]]) -> list[AlertRule]:
    """The ``[[alerts]]`` list of tables to rules; ConfigError naming the rule and field on any mistake."""
    if not isinstance(tables, list):
        raise ConfigError("'alerts' must be a list of tables: write each rule as an [[alerts]] table.")
    rules: list[AlertRule] = []
    for number, table in enumerate(tables, 1):
        rule = _parse_rule(number, table)
        if any(r.name == rule.name for r in rules):
            raise _error(f"rule {rule.name!r}", "name", "another rule has this name; give every rule its own")
        rules.append(rule)
    return rules


def _error(rule: str, field: str, problem: str) -> ConfigError:
    return ConfigError(f"[[alerts]] {rule}, field '{field}': {problem}.")


def _parse_rule(number: int, table: object) -> AlertRule:
    where = f"entry {number}"
    if not isinstance(table, Mapping):
        raise ConfigError(f"[[alerts]] {where} is not a table.")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _error(where, "name", "every rule needs a non-empty name")
    where = f"rule {name!r}"
    kind = table.get("kind")
    if kind not in KINDS:
        raise _error(where, "kind", f"{kind!r} is not a rule kind; use one of {', '.join(KINDS)}")
    params_class = KINDS[str(kind)]
    allowed = (*_COMMON, *params_class.__dataclass_fields__)
    unknown = [key for key in table if key not in allowed]
    if unknown:
        raise _error(where, unknown[0], f"unknown for kind {kind}; its parameters are: {', '.join(allowed)}")
    dyad = None
    if "dyad" in table:
        if not isinstance(table["dyad"], str):
            raise _error(where, "dyad", f"write the dyad as a string such as \"RUS-AZE\", not {table['dyad']!r}")
        try:
            dyad = normalize_dyad(table["dyad"])
        except ConfigError as error:
            raise _error(where, "dyad", error.message.rstrip(".")) from None
    deliver = parse_targets(table["deliver"], f"[[alerts]] {where}, field 'deliver'") if "deliver" in table else None
    return AlertRule(name=name, params=_params(where, params_class, table), dyad=dyad, deliver=deliver)


def _params(where: str, cls: type[Params], table: Mapping[str, Any]) -> Params:
    if cls is NewPhase:
        kinds = table.get("kinds", list(NewPhase.kinds))
        if not isinstance(kinds, list) or not kinds or any(k not in PHASE_KINDS for k in kinds):
            raise _error(where, "kinds", f"a non-empty list of phase kinds from {', '.join(PHASE_KINDS)}")
        return NewPhase(tuple(kinds))
    if cls is MaterialConflict:
        return MaterialConflict(_integer(where, table, "min_corroboration", MaterialConflict.min_corroboration, 1))
    if cls is Coordinated:
        threshold = table.get("threshold", Coordinated.threshold)
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
            raise _error(where, "threshold", f"a probability between 0 and 1, not {threshold!r}")
        return Coordinated(float(threshold), _integer(where, table, "wave_days", Coordinated.wave_days, 1),
                           _integer(where, table, "min_documents", Coordinated.min_documents, 10))
    k = table.get("k", ToneDrop.k)
    if isinstance(k, bool) or not isinstance(k, (int, float)) or not k > 0:
        raise _error(where, "k", f"a positive number of standard deviations, not {k!r}")
    baseline = _integer(where, table, "baseline_days", ToneDrop.baseline_days, 2)
    min_days = _integer(where, table, "min_days", ToneDrop.min_days, 2)
    if min_days > baseline:
        raise _error(where, "min_days", f"{min_days} is more than baseline_days ({baseline}); the rule could not fire")
    return ToneDrop(float(k), baseline, min_days)


def _integer(where: str, table: Mapping[str, Any], field: str, default: int, least: int) -> int:
    value = table.get(field, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise _error(where, field, f"a whole number of at least {least}, not {value!r}")
    return value


def evaluate(
    rule: AlertRule,
    *,
    dyad: str,
    phases: Sequence[Phase],
    daily: pd.DataFrame,
    events: pd.DataFrame,
    since: date | None,
    waves: Sequence[WaveScore] = (),
) -> list[Alert]:
    """The alerts ``rule`` fires in ``dyad`` for things on or after ``since`` (all of them when None), oldest first.

    ``phases``, ``daily`` (daily DatetimeIndex, column ``tone``) and ``events`` (columns ``id, event_date,
    quad_class, corroboration, summary, doc_id, story``) all belong to ``dyad``; each kind reads only its own.
    """
    dyad = normalize_dyad(dyad)
    if not rule.applies(dyad):
        return []
    params = rule.params
    if isinstance(params, NewPhase):
        return _new_phase(rule, params, dyad, phases, since)
    if isinstance(params, MaterialConflict):
        return _material_conflict(rule, params, dyad, events, since)
    if isinstance(params, Coordinated):
        return _coordinated(rule, params, dyad, waves, since)
    return _tone_drop(rule, params, dyad, daily, since)


def _coordinated(rule: AlertRule, params: Coordinated, dyad: str, waves: Sequence[WaveScore],
                 since: date | None) -> list[Alert]:
    """A wave whose coordination probability reaches the threshold."""
    return [_alert(rule, dyad, wave.day.isoformat(), wave.day,
                   f"{dyad}: the wave of {wave.since} to {wave.day} ({wave.documents} documents) looks coordinated, "
                   f"probability {wave.probability:.2f}", {"since": wave.since.isoformat(), "until": wave.day.isoformat(),
                                                             "probability": wave.probability, **wave.evidence})
            for wave in waves if wave.probability >= params.threshold and (since is None or wave.day >= since)]


def _alert(rule: AlertRule, dyad: str, thing: str, day: date, message: str, evidence: dict[str, Any]) -> Alert:
    return Alert(id=alert_id(rule.name, dyad, thing), rule=rule.name, kind=rule.kind, dyad=dyad, day=day,
                 message=message, evidence=evidence)


def _new_phase(
    rule: AlertRule, params: NewPhase, dyad: str, phases: Sequence[Phase], since: date | None,
) -> list[Alert]:
    chosen = [p for p in phases if p.kind in params.kinds and (since is None or p.start >= since)]
    return [
        _alert(rule, dyad, phase.id, phase.start, f"{dyad}: {phase.kind} phase began on {phase.start.isoformat()}",
               {"phase_id": phase.id, "phase_kind": phase.kind, "start": phase.start.isoformat(),
                "drivers": phase.drivers})
        for phase in sorted(chosen, key=lambda p: (p.start, p.id))
    ]


def _material_conflict(
    rule: AlertRule, params: MaterialConflict, dyad: str, events: pd.DataFrame, since: date | None,
) -> list[Alert]:
    if events.empty:
        return []
    frame = events.assign(day=pd.to_datetime(events["event_date"]).dt.date)
    frame = frame[pd.to_numeric(frame["quad_class"], errors="coerce") == _MATERIAL_CONFLICT]
    if since is not None:
        frame = frame[frame["day"] >= since]
    alerts = []
    for story, group in frame.groupby("story", sort=False):
        corroboration = pd.to_numeric(group["corroboration"], errors="coerce").max()
        if not corroboration >= params.min_corroboration:
            continue
        day = min(group["day"])
        summary = next((str(s) for s in group["summary"] if isinstance(s, str) and s.strip()), "")
        shown = summary if len(summary) <= _MESSAGE_SUMMARY else summary[:_MESSAGE_SUMMARY - 1] + "…"
        alerts.append(_alert(
            rule, dyad, str(story), day,
            f"{dyad}: material conflict on {day.isoformat()}, {int(corroboration)} owner groups: {shown}",
            {"story": str(story), "event_ids": sorted(str(i) for i in group["id"]), "summary": summary,
             "corroboration": int(corroboration), "doc_ids": sorted({str(d) for d in group["doc_id"].dropna()})},
        ))
    return sorted(alerts, key=lambda a: (a.day, a.id))


def _tone_drop(
    rule: AlertRule, params: ToneDrop, dyad: str, daily: pd.DataFrame, since: date | None,
) -> list[Alert]:
    if daily.empty:
        return []
    tone = pd.Series(pd.to_numeric(daily["tone"], errors="coerce").to_numpy(dtype=float),
                     index=pd.DatetimeIndex(daily.index).normalize()).sort_index()
    days = tone.index.to_numpy()
    values = tone.to_numpy()
    window = np.timedelta64(params.baseline_days, "D")
    first = 0 if since is None else int(np.searchsorted(days, np.datetime64(since, "ns"), "left"))
    alerts = []
    for i in range(first, len(days)):
        if np.isnan(values[i]):
            continue
        lo, hi = np.searchsorted(days, [days[i] - window, days[i]], "left")
        history = values[lo:hi]
        history = history[~np.isnan(history)]
        if len(history) < params.min_days:
            continue
        mean, sd = float(history.mean()), float(history.std(ddof=1))
        if not sd > 0:
            continue
        z = (float(values[i]) - mean) / sd
        if z < -params.k:
            day = pd.Timestamp(days[i]).date()
            alerts.append(_alert(
                rule, dyad, day.isoformat(), day,
                f"{dyad}: tone {values[i]:.2f} on {day.isoformat()} is {-z:.1f} sd below the "
                f"{params.baseline_days}-day mean {mean:.2f}",
                {"tone": round(float(values[i]), 6), "mean": round(mean, 6), "sd": round(sd, 6),
                 "z": round(z, 6), "days": len(history)},
            ))
    return alerts
