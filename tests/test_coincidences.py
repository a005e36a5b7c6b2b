"""Event-coincidence analysis between two directed dyads."""

from __future__ import annotations

import time
from datetime import date

import numpy as np
import pandas as pd
import pytest

from dyadwatch.ledger.coincidences import benjamini_hochberg, coincidence_test, event_days, scan

DAYS = 480


def _bursty(rng: np.random.Generator, starts: list[int], baseline: float = 0.5, peak: float = 8.0) -> pd.Series:
    """Poisson background plus a burst of ``peak`` x baseline decaying over 10 days at each start."""
    multiplier = np.ones(DAYS)
    for start in starts:
        multiplier[start : start + 10] = 1 + (peak - 1) * (1 - np.arange(10) / 10)
    index = pd.date_range("2023-01-01", periods=DAYS, freq="D")
    return pd.Series(rng.poisson(baseline * multiplier), index=index)


def _sparse(days: list[str], start: str = "2024-01-01", end: str = "2024-12-31") -> pd.Series:
    counts = pd.Series(0, index=pd.date_range(start, end, freq="D"))
    counts[pd.DatetimeIndex(days)] = 1
    return counts


LEADER_STARTS = [40, 100, 170, 240, 300, 360, 420, 450]


def test_sparse_series_every_conflict_day_is_an_event() -> None:
    events = event_days(_sparse(["2024-06-03", "2024-06-20"]))
    assert list(events[events].index.date) == [date(2024, 6, 3), date(2024, 6, 20)]


def test_dense_series_background_is_not_an_event() -> None:
    rng = np.random.default_rng(1)
    events = event_days(_bursty(rng, [100, 300], baseline=0.8))
    onsets = np.flatnonzero(events.to_numpy())
    assert len(onsets) <= 3
    assert any(abs(day - 100) <= 2 for day in onsets) and any(abs(day - 300) <= 2 for day in onsets)


def test_pairs_list_exact_dates() -> None:
    leader = _sparse(["2024-06-03", "2024-06-20"])
    follower = _sparse(["2024-06-04"])
    result = coincidence_test(leader, follower, window=2, leader_name="IRN:AZE", follower_name="RUS:AZE")
    assert result.rate == 0.5
    assert result.pairs == [(date(2024, 6, 3), date(2024, 6, 4))]
    assert (result.leader_events, result.follower_events, result.window) == (2, 1, 2)
    assert (result.leader, result.follower) == ("IRN:AZE", "RUS:AZE")


def test_same_day_counts_and_series_of_different_ranges_align() -> None:
    leader = _sparse(["2024-03-10"], end="2024-06-30")
    follower = _sparse(["2024-03-10"], start="2024-02-01")
    result = coincidence_test(leader, follower, window=1, leader_name="A:B", follower_name="C:B")
    assert result.pairs == [(date(2024, 3, 10), date(2024, 3, 10))]


def test_follower_copying_three_quarters_of_bursts_is_significant() -> None:
    """Rate sits below 0.75 because burst onsets are located to +-1 day (40 seeds: mean 0.59, every p < 0.01)."""
    rates = []
    for seed in range(10):
        rng = np.random.default_rng(seed)
        copied = [start + int(rng.integers(0, 2)) for start in LEADER_STARTS[:6]]
        leader, follower = _bursty(rng, LEADER_STARTS), _bursty(rng, copied)
        result = coincidence_test(leader, follower, window=2, leader_name="IRN:AZE", follower_name="RUS:AZE")
        assert result.p_value < 0.05
        assert result.expected_rate < 0.2
        assert result.null_model.startswith("statistic: summed follower onset evidence")
        assert "circular shift" in result.null_model
        rates.append(result.rate)
    assert 0.5 <= float(np.mean(rates)) <= 0.8


def test_weak_follower_bursts_count_through_graded_evidence() -> None:
    """Follower bursts of 4x a 0.4 baseline: onsets are mostly missed (rate ~0.14), the graded p still finds them."""
    significant, rates = 0, []
    for seed in range(12):
        rng = np.random.default_rng(seed)
        copied = [start + int(rng.integers(0, 2)) for start in LEADER_STARTS[:6]]
        leader, follower = _bursty(rng, LEADER_STARTS), _bursty(rng, copied, baseline=0.4, peak=4.0)
        if not event_days(follower).any():
            continue  # no follower onset at all: the test refuses (see test_series_without_events_is_refused)
        result = coincidence_test(leader, follower, window=1, leader_name="A:B", follower_name="C:B", seed=seed)
        significant += result.p_value < 0.05
        rates.append(result.rate)
    assert len(rates) >= 10
    assert float(np.mean(rates)) < 0.3
    assert significant >= len(rates) - 1


def test_independent_pairs_are_rarely_significant() -> None:
    """The graded statistic is not discrete, so its level is nominal: about 5 % of independent pairs."""
    rng = np.random.default_rng(4)
    significant = 0
    for seed in range(40):
        leader = _bursty(rng, sorted(rng.choice(np.arange(20, DAYS - 20, 30), 5, replace=False).tolist()))
        follower = _bursty(rng, sorted(rng.choice(np.arange(35, DAYS - 20, 30), 5, replace=False).tolist()))
        result = coincidence_test(leader, follower, window=2, leader_name="A:B", follower_name="C:B", seed=seed)
        significant += result.p_value < 0.05
    assert significant <= 4


def test_p_value_is_never_zero_and_seed_is_deterministic() -> None:
    rng = np.random.default_rng(5)
    leader = _bursty(rng, LEADER_STARTS)
    follower = _bursty(rng, LEADER_STARTS)
    first = coincidence_test(leader, follower, window=1, leader_name="A:B", follower_name="B:A", surrogates=500)
    again = coincidence_test(leader, follower, window=1, leader_name="A:B", follower_name="B:A", surrogates=500)
    assert first.p_value == pytest.approx(1 / 501)
    assert first == again


def test_runs_fast_on_two_years() -> None:
    rng = np.random.default_rng(6)
    index = pd.date_range("2023-01-01", periods=730, freq="D")
    leader, follower = (pd.Series(rng.poisson(0.5, 730), index=index) for _ in range(2))
    leader.iloc[[100, 400]] += 8
    follower.iloc[[101, 600]] += 8
    began = time.perf_counter()
    coincidence_test(leader, follower, window=2, leader_name="A:B", follower_name="C:B")
    assert time.perf_counter() - began < 0.1


@pytest.mark.parametrize("window", [0, -3])
def test_window_below_one_is_refused(window: int) -> None:
    leader = _sparse(["2024-06-03"])
    with pytest.raises(ValueError, match=f"a window of {window} days"):
        coincidence_test(leader, leader, window=window, leader_name="A:B", follower_name="C:B")


def test_series_without_events_is_refused() -> None:
    with pytest.raises(ValueError, match="IRN:AZE has no conflict events in the period; nothing to test"):
        coincidence_test(_sparse([]), _sparse(["2024-06-03"]), window=2, leader_name="IRN:AZE",
                         follower_name="RUS:AZE")


def test_benjamini_hochberg_known_values() -> None:
    p_values = [0.01, 0.04, 0.03, 0.5, 0.02]
    assert benjamini_hochberg(p_values) == pytest.approx([0.05, 0.05, 0.05, 0.5, 0.05])
    assert benjamini_hochberg([0.9, 0.8]) == pytest.approx([0.9, 0.9])
    assert benjamini_hochberg([]) == []
    scipy_stats = pytest.importorskip("scipy.stats")
    random = np.random.default_rng(7).uniform(size=30)
    assert benjamini_hochberg(random.tolist()) == pytest.approx(scipy_stats.false_discovery_control(random).tolist())


def test_scan_tests_related_dyads_with_q_values() -> None:
    rng = np.random.default_rng(8)
    series = {
        "IRN:AZE": _bursty(rng, LEADER_STARTS),
        "RUS:AZE": _bursty(rng, [start + 1 for start in LEADER_STARTS]),
        "USA:CHN": _bursty(rng, [60, 200, 330]),
        "ARM:GEO": _sparse(["2023-03-01"], start="2023-01-01", end="2024-04-24"),
    }
    results = scan(series, window=2, surrogates=500)
    assert {(r.leader, r.follower) for r in results} == {("IRN:AZE", "RUS:AZE"), ("RUS:AZE", "IRN:AZE")}
    assert all(r.q_value is not None and r.q_value >= r.p_value for r in results)
    assert [r.q_value for r in results] == sorted(r.q_value for r in results if r.q_value is not None)
    assert results[0].p_value < 0.05
    only = scan(series, window=2, pairs=[("IRN:AZE", "RUS:AZE")], surrogates=500)
    assert [(r.leader, r.follower) for r in only] == [("IRN:AZE", "RUS:AZE")]
