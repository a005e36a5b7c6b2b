"""Escalation phases (dyadwatch.ledger.phases) and the planted-episode generator (benchmarks/planted.py)."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch import reference
from dyadwatch.ledger.model import PHASE_KINDS, Phase
from dyadwatch.ledger.phases import TRAILING_WINDOW_DAYS, detect_phases, phase_id, update_phases
from dyadwatch.models import GdeltEvent, Quarantined
from dyadwatch.sources.gdelt import V2_COLUMNS, read_gdelt_events

ROOT = Path(__file__).resolve().parents[1]
START = date(2024, 1, 1)


def _planted() -> ModuleType:
    spec = importlib.util.spec_from_file_location("planted", ROOT / "benchmarks" / "planted.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script is loading
    spec.loader.exec_module(module)
    return module


planted = _planted()


def _daily(conflict: np.ndarray, cooperation: np.ndarray | None = None) -> pd.DataFrame:
    """A daily ledger from conflict (and cooperation) counts, split evenly into verbal and material."""
    conflict = np.asarray(conflict, dtype=int)
    cooperation = np.zeros_like(conflict) if cooperation is None else np.asarray(cooperation, dtype=int)
    index = pd.date_range(pd.Timestamp(START), periods=len(conflict), freq="D", name="day")
    return pd.DataFrame({
        "conflict": conflict, "cooperation": cooperation, "verbal_conflict": conflict - conflict // 2,
        "material_conflict": conflict // 2, "verbal_cooperation": cooperation, "material_cooperation": 0,
        "goldstein_sum": -3.0 * conflict + 2.0 * cooperation,
    }, index=index)


def _episode_series(seed: int, onset: int = 200, days: int = 360) -> np.ndarray:
    """Poisson conflict counts at 0.8 a day with one episode: 8× on the onset day, linear decay over 12 days."""
    rate = np.full(days, 0.8)
    rate[onset:onset + 12] *= 1.0 + 7.0 * (1.0 - np.arange(12) / 12)
    return np.random.default_rng(seed).poisson(rate)


def _assert_cover(phases: list[Phase], daily: pd.DataFrame) -> None:
    """Phases are ordered, contiguous and cover every day exactly once."""
    assert phases[0].start == daily.index[0].date()
    assert phases[-1].end == daily.index[-1].date()
    for previous, phase in zip(phases, phases[1:]):
        assert phase.start == previous.end + timedelta(days=1)
    assert all(p.start <= p.end and p.kind in PHASE_KINDS for p in phases)
    assert [p.ongoing for p in phases] == [False] * (len(phases) - 1) + [True]


# --- detection -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_clear_episode_is_an_escalation_starting_within_a_day_of_its_onset(seed: int) -> None:
    daily = _daily(_episode_series(seed))
    phases = detect_phases(daily, dyad="RUS-AZE")
    onset = START + timedelta(days=200)
    escalations = [p for p in phases if p.kind == "escalation"]
    found = [p for p in escalations if abs((p.start - onset).days) <= 1]
    assert len(found) == 1
    assert len(escalations) <= 3  # at most 2 false alarms in 360 days, the 1-per-180-days target (seed 1 has 2)
    assert found[0].conflict_rate > 3 * found[0].baseline_conflict
    assert 0.5 < found[0].baseline_conflict < 1.1
    _assert_cover(phases, daily)


def _escalation_days(conflict: list[int]) -> list[tuple[int, int]]:
    """(first, last) day offsets of the escalations detected in a conflict series."""
    daily = _daily(np.asarray(conflict))
    phases = detect_phases(daily, dyad="RUS-AZE")
    _assert_cover(phases, daily)
    return [((p.start - START).days, (p.end - START).days) for p in phases if p.kind == "escalation"]


def test_an_escalation_starts_on_the_raised_days_before_its_first_burst() -> None:
    """Two days of 3 stories (one-day tail 0.08 at a baseline of 1, not bursts) lead into the burst of 6."""
    conflict = [1] * 200 + [3, 3, 6, 5, 5, 4, 3, 3, 2, 2] + [1] * 150
    assert _escalation_days(conflict) == [(200, 207)]


def test_a_weak_short_episode_is_carved_as_its_most_significant_window() -> None:
    """No day is a burst and no 3 days are elevated, but days 200-204 (12 stories against 5) are."""
    conflict = [1] * 200 + [3, 2, 3, 2, 2] + [1] * 150
    assert _escalation_days(conflict) == [(200, 204)]
    assert _escalation_days([1] * 200 + [3, 2, 2] + [1] * 150) == []  # 7 against 3: p = 0.03, not elevated


def test_quiet_poisson_series_stay_under_the_false_alarm_target() -> None:
    """Twelve quiet 360-day series (24 × 180 days): the target is at most 1 false escalation per 180 days."""
    escalations = []
    for seed, rate in zip(range(11, 23), [0.3, 1.0, 2.0, 4.0] * 3):
        daily = _daily(np.random.default_rng(seed).poisson(rate, 360), np.random.default_rng(seed + 1).poisson(3, 360))
        phases = detect_phases(daily, dyad="RUS-AZE")
        _assert_cover(phases, daily)
        escalations.append(sum(p.kind == "escalation" for p in phases))
    assert sum(escalations) <= 18  # three quarters of the target (24); 15 when measured


def _crisis(cooperation_after: float, seed: int = 7) -> pd.DataFrame:
    """Quiet, 15 days of escalation with cooperation cut, 30 days at a raised level, quiet again."""
    rng = np.random.default_rng(seed)
    conflict = np.concatenate([rng.poisson(0.5, 150), rng.poisson(6.0, 15), rng.poisson(2.0, 30), rng.poisson(0.5, 60)])
    cooperation = np.concatenate([rng.poisson(3.0, 150), rng.poisson(0.3, 15), rng.poisson(cooperation_after, 30),
                                  rng.poisson(3.0, 60)])
    return _daily(conflict, cooperation)


def test_truce_when_cooperation_resumes_while_conflict_stays_above_baseline() -> None:
    phases = detect_phases(_crisis(cooperation_after=3.5), dyad="RUS-AZE")
    kinds = [p.kind for p in phases]
    assert kinds[kinds.index("escalation") + 1] == "truce"
    truce = phases[kinds.index("truce")]
    assert truce.conflict_rate > 2 * truce.baseline_conflict
    assert truce.cooperation_rate >= truce.baseline_cooperation
    assert abs((phases[kinds.index("escalation")].start - (START + timedelta(days=150))).days) <= 1
    assert kinds[-1] == "stable"


def test_de_escalation_when_cooperation_stays_away() -> None:
    kinds = [p.kind for p in detect_phases(_crisis(cooperation_after=0.3), dyad="RUS-AZE")]
    assert kinds[kinds.index("escalation") + 1] == "de-escalation"
    assert "truce" not in kinds


def test_indicators_bursts_and_baseline_of_an_escalation() -> None:
    daily = _daily(_episode_series(1))
    phases = detect_phases(daily, dyad="RUS-AZE")
    index = next(i for i, p in enumerate(phases) if p.kind == "escalation")
    escalation, before = phases[index], phases[index - 1]
    conflict = escalation.indicators["conflict"]
    assert conflict["before"] == pytest.approx(before.conflict_rate)
    assert conflict["during"] == pytest.approx(escalation.conflict_rate)
    assert conflict["change"] == pytest.approx(conflict["during"] - conflict["before"])
    assert set(escalation.indicators) == {"conflict", "cooperation", "material_conflict", "verbal_conflict",
                                          "goldstein_sum"}
    assert escalation.indicators["goldstein_sum"]["change"] < 0
    assert escalation.bursts and escalation.bursts[0] == escalation.start
    assert all(escalation.start <= d <= escalation.end for d in escalation.bursts)
    assert phases[0].indicators["conflict"]["change"] == 0.0


def test_drivers_rank_events_by_goldstein_and_corroboration() -> None:
    daily = _daily(_episode_series(1))
    onset = START + timedelta(days=200)
    events = pd.DataFrame([
        {"id": "a", "event_date": onset, "actor1_code": "RUS", "actor2_code": "AZE", "actor1_body": "RUS.MOD",
         "actor2_body": None, "quad_class": 4, "goldstein": -10.0, "summary": "strike", "corroboration": 3},
        {"id": "b", "event_date": onset + timedelta(days=1), "actor1_code": "AZE", "actor2_code": "RUS",
         "actor1_body": None, "actor2_body": None, "quad_class": 3, "goldstein": -2.0, "summary": "accuse",
         "corroboration": 0},
        {"id": "c", "event_date": onset + timedelta(days=2), "actor1_code": "RUS", "actor2_code": "AZE",
         "actor1_body": "RUS.MOD", "actor2_body": None, "quad_class": 3, "goldstein": -4.4, "summary": "threaten",
         "corroboration": 4},
        {"id": "z", "event_date": START, "actor1_code": "RUS", "actor2_code": "AZE", "actor1_body": None,
         "actor2_body": None, "quad_class": 1, "goldstein": 8.0, "summary": "outside", "corroboration": 9},
    ])
    escalation = next(p for p in detect_phases(daily, events, dyad="RUS-AZE") if p.kind == "escalation")
    assert [e["id"] for e in escalation.drivers["events"]] == ["a", "c", "b"]
    assert escalation.drivers["events"][0] == {"id": "a", "date": onset.isoformat(), "summary": "strike",
                                               "goldstein": -10.0}
    assert escalation.drivers["bodies"] == [{"body": "RUS.MOD", "events": 2}, {"body": "AZE", "events": 1}]


# --- coverage, ids, edge cases --------------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=80),
       st.lists(st.integers(min_value=0, max_value=6), min_size=80, max_size=80))
def test_phases_cover_every_day_once_in_order(conflict: list[int], cooperation: list[int]) -> None:
    daily = _daily(np.array(conflict), np.array(cooperation[:len(conflict)]))
    phases = detect_phases(daily, dyad="RUS-AZE")
    _assert_cover(phases, daily)
    assert sum((p.end - p.start).days + 1 for p in phases) == len(conflict)
    assert all(p.kind != q.kind for p, q in zip(phases, phases[1:]))


def test_phase_ids_are_stable_short_hex() -> None:
    first = phase_id("RUS-AZE", "escalation", date(2025, 6, 27))
    assert re.fullmatch(r"[0-9a-f]{12}", first)
    assert first == phase_id("RUS-AZE", "escalation", date(2025, 6, 27))
    assert first != phase_id("RUS-ARM", "escalation", date(2025, 6, 27))
    assert first != phase_id("RUS-AZE", "truce", date(2025, 6, 27))
    daily = _daily(_episode_series(2))
    assert [p.id for p in detect_phases(daily, dyad="RUS-AZE")] == [p.id for p in detect_phases(daily, dyad="RUS-AZE")]
    assert all(p.id == phase_id("RUS-AZE", p.kind, p.start) for p in detect_phases(daily, dyad="RUS-AZE"))


def test_edge_cases_never_raise() -> None:
    assert detect_phases(_daily(np.array([], dtype=int)), dyad="RUS-AZE") == []
    assert detect_phases(pd.DataFrame(), dyad="RUS-AZE") == []
    one = detect_phases(_daily(np.array([5])), dyad="RUS-AZE")
    assert [(p.kind, p.start, p.end, p.ongoing) for p in one] == [("stable", START, START, True)]
    zeros = detect_phases(_daily(np.zeros(200, dtype=int)), dyad="RUS-AZE")
    assert [(p.kind, p.start, p.end, p.conflict_rate) for p in zeros] == [
        ("stable", START, START + timedelta(days=199), 0.0)]
    assert zeros[0].to_dict()["kind"] == "stable"
    for size in range(2, 6):
        _assert_cover(detect_phases(_daily(np.arange(size)), dyad="RUS-AZE"), _daily(np.arange(size)))
    sparse = np.zeros(300, dtype=int)
    sparse[[40, 180]] = 1
    assert [p.kind for p in detect_phases(_daily(sparse), dyad="RUS-AZE")] == ["stable"]
    assert update_phases(_daily(np.array([], dtype=int)), None, [], dyad="RUS-AZE") == []


# --- incremental updates --------------------------------------------------------------------------------------


def test_update_freezes_old_phases_and_matches_a_full_run_on_unchanged_data() -> None:
    daily = _daily(np.concatenate([_episode_series(3, onset=100, days=250), _episode_series(4, onset=60, days=230)]))
    full = detect_phases(daily, dyad="RUS-AZE")
    updated = update_phases(daily, None, full, dyad="RUS-AZE")
    cutoff = daily.index[-1].date() - timedelta(days=TRAILING_WINDOW_DAYS)
    frozen = [p for p in updated if p.frozen]
    assert frozen and all(p.end < cutoff for p in frozen)
    assert frozen == [replace(p, frozen=True) for p in full[:len(frozen)]]
    assert [(p.id, p.kind, p.start, p.end) for p in updated] == [(p.id, p.kind, p.start, p.end) for p in full]
    _assert_cover(updated, daily)


def test_update_recomputes_only_the_window_and_keeps_published_ids() -> None:
    daily = _daily(_episode_series(5, onset=100, days=400))
    published = detect_phases(daily.iloc[:300], dyad="RUS-AZE")
    later = update_phases(daily, None, published, dyad="RUS-AZE")
    cutoff = daily.index[-1].date() - timedelta(days=TRAILING_WINDOW_DAYS)
    kept = [p for p in published if p.end < cutoff]
    assert [p.id for p in later[:len(kept)]] == [p.id for p in kept]
    assert all(p.frozen for p in later[:len(kept)]) and not any(p.frozen for p in later[len(kept):])
    _assert_cover(later, daily)
    window_only = update_phases(daily.loc[pd.Timestamp(kept[-1].end + timedelta(days=1)):], None, kept,
                                dyad="RUS-AZE")
    assert window_only == later


def test_update_without_frozen_phases_is_a_full_run() -> None:
    daily = _daily(_episode_series(6))
    assert update_phases(daily, None, [], dyad="RUS-AZE") == detect_phases(daily, dyad="RUS-AZE")


# --- planted scenarios ----------------------------------------------------------------------------------------


def test_planted_ground_truth_follows_its_rules() -> None:
    scenario = planted.generate(3)
    for pair in planted.EPISODIC:
        episodes = scenario.episodes[pair]
        assert len(episodes) >= 3
        assert all(5 <= e.days <= 15 and 4.0 <= e.multiplier <= 8.0 for e in episodes)
        assert all(b.onset > a.last + timedelta(days=29) for a, b in zip(episodes, episodes[1:]))
    for coupling in scenario.couplings:
        if coupling.kind == "lead-lag":
            leader = scenario.onsets(coupling.leader)
            follower = scenario.onsets(coupling.follower)
            assert all(any(0 <= (f - lead).days <= 1 for lead in leader) for f in follower)
            assert len(follower) == round(coupling.share * len(leader)) and 0.7 <= coupling.share <= 0.8
    assert {c.kind for c in scenario.couplings} == {"lead-lag", "independent"}
    assert all(not scenario.episodes[pair] for pair in planted.QUIET)
    for direction, (cooperation, conflict) in scenario.rates.items():
        assert 2.0 <= cooperation <= 4.0 and 0.3 <= conflict <= 1.0
    assert planted.generate(3).events.equals(scenario.events)


def test_planted_daily_frame_sums_directions() -> None:
    scenario = planted.generate(4, days=60)
    both = planted.daily_frame(scenario, "RUS-AZE")
    there, back = planted.daily_frame(scenario, "RUS:AZE"), planted.daily_frame(scenario, "AZE:RUS")
    assert len(both) == 60 and both.index[0] == pd.Timestamp(START)
    pd.testing.assert_frame_equal(both, there + back)
    assert (both["conflict"] == both["verbal_conflict"] + both["material_conflict"]).all()
    assert (both["cooperation"] == both["verbal_cooperation"] + both["material_cooperation"]).all()
    for codes in planted.CODES.values():
        assert all(reference.goldstein(code) == value for code, value in codes)
        assert all(reference.quad_class_of_cameo(code) == quad for quad, table in planted.CODES.items()
                   for code, _ in table)


def test_planted_gdelt_export_reads_back_without_quarantine(tmp_path: Path) -> None:
    scenario = planted.generate(5, days=20)
    paths = planted.write_gdelt2_export(scenario, tmp_path)
    assert all(re.fullmatch(r"\d{8}000000\.export\.CSV", p.name) for p in paths)
    lines = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(scenario.events) and all(len(line.split("\t")) == len(V2_COLUMNS) == 61 for line in lines)
    read_back = [r for p in paths for r in read_gdelt_events(p)]
    assert not [r for r in read_back if isinstance(r, Quarantined)]
    results = [r for r in read_back if isinstance(r, GdeltEvent)]
    assert len(results) == len(read_back)
    assert len({r.global_event_id for r in results}) == len(results)
    read = Counter((r.actor1_country, r.actor2_country, r.day, r.quad_class) for r in results)
    events = scenario.events
    assert read == Counter(zip(events["actor1_code"], events["actor2_code"], events["event_date"],
                               events["quad_class"]))
    daily = planted.daily_frame(scenario, "RUS-AZE")
    conflict = Counter(r.day for r in results if {r.actor1_country, r.actor2_country} == {"RUS", "AZE"}
                       and r.quad_class >= 3)
    assert [conflict.get(d.date(), 0) for d in daily.index] == daily["conflict"].tolist()
