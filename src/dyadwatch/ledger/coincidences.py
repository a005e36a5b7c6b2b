"""Event-coincidence analysis between two directed dyads: does one dyad's move follow another's?

Event days. A day *starts a burst* for a dyad when its conflict count (stories of PLOVER quad 3/4) is
above its baseline and the summed counts of that day and the next 0-4 days (``BURST_DAYS``) are
improbable under the summed baseline: Poisson upper tail below ``EVENT_ALPHA`` for some stretch
length. Summing a few days finds bursts a single day misses at low baselines. Where the baseline is
below ``SPARSE_RATE`` any conflict day qualifies, so in a sparse series every conflict day is an
event, while in a dense series (0.3-1 stories a day) only bursts are. The baseline is a centred
rolling mean over ``BASELINE_DAYS`` days, computed twice: the second pass leaves out the days the
first flagged (and ``BASELINE_GUARD`` days after each), so a burst does not raise its own baseline.
A burst is one move, not one per day: flagged days less than ``ONSET_GAP`` days apart form an
episode, which keeps one event day, its onset - the candidate among the episode's first days whose
"elevated from here on" Poisson likelihood ratio is highest (see ``_onset``).

Onset evidence. Binary onsets miss weak bursts and can be misdated by a day or two, so the test also
uses a graded score per day: how strongly a burst starts there. It is the z-score of the summed
count of that day and the next ``BURST_DAYS - 1`` days against their summed baseline, minus the
positive part of the same z-score over the ``BURST_DAYS`` days before (a day inside an ongoing burst
is not a start), floored at 0. Baselines below ``SPARSE_RATE`` count as ``SPARSE_RATE``.

Statistic. ``p_value`` tests the *graded* statistic: for each leader onset, the follower's highest
onset evidence within ``[0, window]`` days, summed over the leader's onsets. The same day counts
(lag 0), since stories about a reaction are often dated the day of the move. A window below 1 is
refused: at daily resolution a reaction reported the next morning would be missed. ``rate`` is
descriptive: the trigger coincidence rate, the share of the leader's onsets followed by at least one
follower onset within ``[0, window]`` days, and ``pairs`` lists those onset pairs; ``expected_rate``
is the mean of that rate over the surrogates. ``null_model`` names the statistic and the null.

Null model. The leader's onset sequence is shifted circularly by a random offset, excluding offsets
of ``window`` days or fewer either way (those could re-count the real coupling). A circular shift
keeps each series' own rhythm - the number, spacing and clustering of its events and the follower's
whole evidence series - and only breaks their alignment. ``p_value`` is
``(1 + #surrogates with statistic >= observed) / (1 + surrogates)`` and never 0. With many tests,
``scan`` adds Benjamini-Hochberg q-values.

Calibration (simulated 480-day pairs, baseline 0.3-1 a day, 3-5 bursts of 4-8x decaying over 5-15
days; follower copies 70-80 % of the leader's bursts 0-1 day later): at window 1 and 2, about 92 %
of lead-lag pairs reach p < 0.05 (binary onset coincidence: about 70 %), while independent pairs do
so in about 5 % (nominal; the binary statistic, being discrete, was conservative at 1-2 %).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd
from scipy.stats import poisson

from dyadwatch.ledger.model import Coincidence

EVENT_ALPHA = 0.001  # Poisson upper-tail probability below which a stretch of days is a burst, not background
BURST_DAYS = 5  # longest stretch (days from a start day) whose summed count is tested against the baseline
SPARSE_RATE = 0.05  # baseline (stories a day) below which any conflict day is an event: P(X >= 1) < 0.05
BASELINE_DAYS = 91  # centred rolling window (days) for a dyad's baseline conflict rate
BASELINE_GUARD = 14  # days after a flagged day left out of the second baseline pass (a burst's tail)
ONSET_GAP = 7  # flagged days closer than this belong to one episode
NULL_MODEL = (
    "statistic: summed follower onset evidence within [0, window] days after each leader onset; "
    "null: circular shift of the leader's onsets, |shift| > window"
)


def _baseline(counts: np.ndarray, excluded: np.ndarray) -> np.ndarray:
    """Centred rolling mean of ``counts`` over the days not ``excluded``; 0 where nothing is left."""
    kept = pd.Series(np.where(excluded, np.nan, counts))
    mean = kept.rolling(BASELINE_DAYS, center=True, min_periods=1).mean()
    return np.nan_to_num(mean.to_numpy(), nan=0.0)


def _forward_sums(values: np.ndarray, days: int) -> np.ndarray:
    """Sum of ``values`` over each day and the ``days - 1`` days after it (cut at the end)."""
    total = np.concatenate(([0.0], np.cumsum(values)))
    ends = np.minimum(np.arange(len(values)) + days, len(values))
    return total[ends] - total[:-1]


def _tail(counts: np.ndarray, baseline: np.ndarray) -> np.ndarray:
    """Per start day, the smallest Poisson upper-tail probability of the next 1..BURST_DAYS days' counts.

    Only days with a conflict count above the baseline can start a burst (1.0 elsewhere); below
    SPARSE_RATE a single conflict story is already improbable enough (0.0).
    """
    best = np.ones(len(counts))
    for days in range(1, BURST_DAYS + 1):
        best = np.minimum(best, poisson.sf(_forward_sums(counts, days) - 1, _forward_sums(baseline, days)))
    best[baseline < SPARSE_RATE] = 0.0
    return np.where((counts > 0) & (counts > baseline), best, 1.0)


def _spread(flags: np.ndarray, days: int) -> np.ndarray:
    """Flags extended to the ``days`` days after each flagged day."""
    out = flags.copy()
    for lag in range(1, days + 1):
        out[lag:] |= flags[:-lag]
    return out


def _onset(counts: np.ndarray, baseline: np.ndarray, first: int) -> int:
    """The start day, among an episode's first BURST_DAYS days, that best explains its excess.

    Each candidate day above its baseline is scored by the Poisson log-likelihood ratio of
    "elevated from this day to the end of the episode's first 2 * BURST_DAYS days" against the
    baseline; starting late leaves the burst's first days unexplained, starting early adds background.
    """
    end = min(len(counts), first + 2 * BURST_DAYS)
    observed = np.cumsum(counts[first:end][::-1])[::-1][:BURST_DAYS]
    expected = np.cumsum(baseline[first:end][::-1])[::-1][:BURST_DAYS]
    score = observed * np.log(np.maximum(observed, 1e-12) / np.maximum(expected, 1e-12)) - observed + expected
    candidate = counts[first : first + BURST_DAYS] > baseline[first : first + BURST_DAYS]
    return first + int(np.argmax(np.where(candidate, score, -np.inf)))


def _onsets(counts: np.ndarray, baseline: np.ndarray, tail: np.ndarray) -> np.ndarray:
    """One day per episode of flagged days (see ``_onset``)."""
    positions = np.flatnonzero(tail < EVENT_ALPHA)
    starts = positions[np.diff(positions, prepend=-ONSET_GAP) >= ONSET_GAP]
    out = np.zeros(len(tail), dtype=bool)
    out[[_onset(counts, baseline, int(start)) for start in starts]] = True
    return out


def _check_daily(counts: pd.Series) -> None:
    if not isinstance(counts.index, pd.DatetimeIndex):
        raise ValueError("conflict counts need a daily DatetimeIndex")
    if len(counts) > 1 and (counts.index.to_series().diff().iloc[1:] != pd.Timedelta(days=1)).any():
        raise ValueError("conflict counts need one row per day, in order and without gaps")


def _backward_sums(values: np.ndarray, days: int) -> np.ndarray:
    """Sum of ``values`` over the ``days`` days before each day (cut at the start)."""
    total = np.concatenate(([0.0], np.cumsum(values)))
    here = np.arange(len(values))
    return total[here] - total[np.maximum(here - days, 0)]


def _zscore(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """Poisson z-score ``(observed - expected) / sqrt(expected)``; 0 where nothing is expected."""
    safe = np.where(expected > 0, expected, 1.0)
    return np.where(expected > 0, (observed - expected) / np.sqrt(safe), 0.0)


def _evidence(counts: np.ndarray, baseline: np.ndarray) -> np.ndarray:
    """Graded onset evidence per day (see the module docstring): forward excess z minus backward excess z."""
    floor = np.maximum(baseline, SPARSE_RATE)
    ahead = _zscore(_forward_sums(counts, BURST_DAYS), _forward_sums(floor, BURST_DAYS))
    before = _zscore(_backward_sums(counts, BURST_DAYS), _backward_sums(floor, BURST_DAYS))
    return np.maximum(ahead - np.maximum(before, 0.0), 0.0)


def _analyse(counts: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Burst onsets and graded onset evidence of a daily conflict-count series, from one baseline."""
    _check_daily(counts)
    values = counts.fillna(0).to_numpy(dtype=float)
    first = _tail(values, _baseline(values, np.zeros(len(values), dtype=bool))) < EVENT_ALPHA
    baseline = _baseline(values, _spread(first, BASELINE_GUARD))
    onsets = _onsets(values, baseline, _tail(values, baseline))
    return (
        pd.Series(onsets, index=counts.index, name=counts.name),
        pd.Series(_evidence(values, baseline), index=counts.index, name=counts.name),
    )


def event_days(counts: pd.Series) -> pd.Series:
    """Burst onsets of a daily conflict-count series (see the module docstring for the rule)."""
    return _analyse(counts)[0]


def _window_max(values: np.ndarray, window: int) -> np.ndarray:
    """Per day ``t``, the largest of ``values`` over ``[t, t + window]`` (cut at the end)."""
    out = values.copy()
    for lag in range(1, window + 1):
        out[:-lag] = np.maximum(out[:-lag], values[lag:])
    return out


def _covered(follower: np.ndarray, window: int) -> np.ndarray:
    """Days ``t`` with a follower event in ``[t, t + window]``."""
    reversed_spread = _spread(follower[::-1], window)
    return reversed_spread[::-1]


def _first_follow(follower: np.ndarray, day: int, window: int) -> int | None:
    hits = np.flatnonzero(follower[day : day + window + 1])
    return day + int(hits[0]) if len(hits) else None


def _check_window(window: int) -> None:
    if window < 1:
        raise ValueError(
            f"a window of {window} days cannot catch a reaction: use 1 or more days "
            "(the follower's event may fall on the leader's day or up to `window` days after)"
        )


def _coincidence(
    leader: pd.Series,
    follower: tuple[pd.Series, pd.Series],
    window: int,
    names: tuple[str, str],
    surrogates: int,
    seed: int,
) -> Coincidence:
    """The test on the leader's onsets and the follower's onsets and onset evidence, already computed."""
    days = leader.index.union(follower[0].index)
    lead = leader.reindex(days, fill_value=False).to_numpy(dtype=bool)
    follow = follower[0].reindex(days, fill_value=False).to_numpy(dtype=bool)
    evidence = follower[1].reindex(days, fill_value=0.0).to_numpy(dtype=float)
    for name, events in zip(names, (lead, follow)):
        if not events.any():
            raise ValueError(f"{name} has no conflict events in the period; nothing to test")
    total = len(days)
    if total <= 2 * window + 1:
        raise ValueError(f"{total} days are too few for a window of {window} days: the null model needs longer")
    if surrogates < 1:
        raise ValueError("surrogates must be at least 1")
    covered = _covered(follow, window)
    reach = _window_max(evidence, window)
    leads = np.flatnonzero(lead)
    shifts = np.random.default_rng(seed).integers(window + 1, total - window, size=surrogates)
    shifted = (leads[None, :] + shifts[:, None]) % total
    observed = float(reach[leads].sum())
    null = reach[shifted].sum(axis=1)
    tied = null >= observed - 1e-9 * (1.0 + observed)  # summation order must not break a tie
    pairs: list[tuple[date, date]] = []
    for day in leads:
        reply = _first_follow(follow, int(day), window)
        if reply is not None:
            pairs.append((days[day].date(), days[reply].date()))
    return Coincidence(
        leader=names[0],
        follower=names[1],
        window=window,
        rate=int(covered[leads].sum()) / len(leads),
        expected_rate=float(covered[shifted].sum(axis=1).mean()) / len(leads),
        p_value=(1 + int(tied.sum())) / (1 + surrogates),
        pairs=pairs,
        leader_events=len(leads),
        follower_events=int(follow.sum()),
        surrogates=surrogates,
        null_model=NULL_MODEL,
    )


def coincidence_test(
    leader: pd.Series,
    follower: pd.Series,
    *,
    window: int,
    leader_name: str,
    follower_name: str,
    surrogates: int = 2000,
    seed: int = 0,
) -> Coincidence:
    """Whether bursts start in the follower within ``window`` days of the leader's onsets more than by chance.

    ``p_value`` tests the graded statistic (follower onset evidence after leader onsets); ``rate`` is
    the descriptive share of leader onsets followed by a follower onset (see the module docstring).
    """
    _check_window(window)
    return _coincidence(
        event_days(leader), _analyse(follower), window, (leader_name, follower_name), surrogates, seed
    )


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """Benjamini-Hochberg q-values (monotone, at most 1), in the order of ``p_values``."""
    p = np.asarray(p_values, dtype=float)
    if p.size == 0:
        return []
    order = np.argsort(p)
    scaled = p[order] * p.size / np.arange(1, p.size + 1)
    monotone = np.minimum.accumulate(scaled[::-1])[::-1]
    q = np.empty_like(p)
    q[order] = np.minimum(monotone, 1.0)
    return [float(v) for v in q]


def _related(first: str, second: str) -> bool:
    """Two different directed dyads that share a state (A:B and B:A included: tit-for-tat)."""
    return first != second and bool(set(first.split(":")) & set(second.split(":")))


def scan(
    series: Mapping[str, pd.Series],
    *,
    window: int,
    pairs: Iterable[tuple[str, str]] | None = None,
    min_events: int = 3,
    surrogates: int = 2000,
    seed: int = 0,
) -> list[Coincidence]:
    """Test every ordered pair of related dyads (or ``pairs``), with BH q-values, best first."""
    _check_window(window)
    wanted = list(pairs) if pairs is not None else [(a, b) for a in series for b in series if _related(a, b)]
    for name in {n for pair in wanted for n in pair} - set(series):
        raise ValueError(f"no conflict series for {name}")
    analysed = {name: _analyse(counts) for name, counts in series.items()}
    results = [
        _coincidence(analysed[a][0], analysed[b], window, (a, b), surrogates, seed)
        for a, b in wanted
        if int(analysed[a][0].sum()) >= min_events and int(analysed[b][0].sum()) >= min_events
    ]
    q_values = benjamini_hochberg([r.p_value for r in results])
    ranked = [replace(r, q_value=q) for r, q in zip(results, q_values)]
    return sorted(ranked, key=lambda r: (r.q_value, r.p_value))

