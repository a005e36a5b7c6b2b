"""Records the ledger, phases, coincidences and alerts hand to one another."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

PHASE_KINDS = ("escalation", "de-escalation", "truce", "stable")


@dataclass(frozen=True)
class Phase:
    """One segment of a dyad's daily series; ``end`` is inclusive, ``ongoing`` when it reaches the last day."""

    id: str
    dyad: str
    kind: str
    start: date
    end: date
    ongoing: bool
    conflict_rate: float
    cooperation_rate: float
    baseline_conflict: float
    baseline_cooperation: float
    indicators: dict[str, dict[str, float]] = field(default_factory=dict)
    drivers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    bursts: list[date] = field(default_factory=list)
    frozen: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "dyad": self.dyad, "kind": self.kind, "start": self.start.isoformat(),
            "end": self.end.isoformat(), "ongoing": self.ongoing, "conflict_rate": self.conflict_rate,
            "cooperation_rate": self.cooperation_rate, "baseline_conflict": self.baseline_conflict,
            "baseline_cooperation": self.baseline_cooperation, "indicators": self.indicators,
            "drivers": self.drivers, "bursts": [d.isoformat() for d in self.bursts], "frozen": self.frozen,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Phase:
        """The inverse of `to_dict` (phases are stored as JSON)."""
        return cls(**{**data, "start": date.fromisoformat(data["start"]), "end": date.fromisoformat(data["end"]),
                      "bursts": [date.fromisoformat(d) for d in data.get("bursts", [])]})


@dataclass(frozen=True)
class Coincidence:
    """Event-coincidence test: how often a leader's event days are followed by the follower's within ``window``."""

    leader: str
    follower: str
    window: int
    rate: float
    expected_rate: float
    p_value: float
    pairs: list[tuple[date, date]]
    leader_events: int
    follower_events: int
    surrogates: int
    null_model: str
    q_value: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "leader": self.leader, "follower": self.follower, "window": self.window, "rate": self.rate,
            "expected_rate": self.expected_rate, "p_value": self.p_value, "q_value": self.q_value,
            "pairs": [[a.isoformat(), b.isoformat()] for a, b in self.pairs], "leader_events": self.leader_events,
            "follower_events": self.follower_events, "surrogates": self.surrogates, "null_model": self.null_model,
        }


@dataclass(frozen=True)
class Alert:
    """A fired alert; ``id`` is stable so a rule never fires twice for the same thing."""

    id: str
    rule: str
    kind: str
    dyad: str
    day: date
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "rule": self.rule, "kind": self.kind, "dyad": self.dyad, "day": self.day.isoformat(),
                "message": self.message, "evidence": self.evidence}
