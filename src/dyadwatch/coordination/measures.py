"""Four measures of how a media wave was made: synchrony, concentration, lead–lag and uniformity.

Each function takes the wave's ``items`` (one row per document; columns in ``ITEM_COLUMNS``) and returns a
dataclass whose ``to_dict()`` carries the documents, sources and times behind the figure.

* ``synchrony``: pairs of items from *distinct owner groups* that share a near-duplicate cluster or a narrative
  and were published at most ``window_minutes`` apart, the source co-publication network they form, and a null
  model. The null shifts each source's timestamps circularly by its own random offset inside the wave's span
  (independently per source), which keeps each source's rhythm (number, spacing and bursts of its items) and
  breaks only the alignment between sources. ``z`` and ``p_value = (1 + #null >= observed) / (1 + shuffles)``
  compare the observed pair count with the shuffles. Limits: a wave shorter than the window cannot show
  synchrony (every pair is in the window under the null too, p = 1); a real shock that many outlets report
  within the hour is synchronous without being orchestrated, which is why synchrony is one feature among many.
* ``concentration``: share of items from state and state-aligned sources, the Herfindahl–Hirschman index of
  owner groups (sum of squared item shares; 1 = one group) and the largest groups with their shares.
* ``lead_lag``: the first official statement against the wave's onset (the time by which ``ONSET_SHARE`` of the
  items were out), the share of items published after the first statement and the median lag of items behind
  it. Coded events carry a date only: such statements are placed at noon UTC of their day and flagged
  ``date_only``, so their lead or lag is known to ±12 hours only.
* ``uniformity``: distinct narratives and the entropy of their mentions, lexical diversity and the share of
  items in the largest near-duplicate cluster. Lexical diversity is ``1 - mean Dice overlap`` of the word sets
  of item pairs *in the same language* (at most ``MAX_LEXICAL_PAIRS`` pairs per language, drawn with a fixed
  seed), averaged over languages weighted by their items: copies share most words (diversity near 0), texts
  written independently share mainly function words. Pairs across languages are never compared, so a wave in
  one language is judged as fairly as a multilingual one; languages differ in how many function words texts
  share, which this does not correct.

A source without an owner group is its own group. Items without a cluster id are singletons. Ownership labels
are compared lower-case with ``_`` and spaces read as ``-`` (``state_aligned`` = ``state-aligned``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from dyadwatch.coordination.errors import InsufficientData
from dyadwatch.errors import QueryError

ITEM_COLUMNS = ("doc_id", "source", "owner_group", "ownership", "published", "cluster", "narratives", "language",
                "text")
OFFICIAL_COLUMNS = ("time", "body", "sector", "event_id")
STATE_OWNERSHIP = frozenset({"state", "state-affiliated", "state-aligned"})  # state-controlled media (registry: state-affiliated)
ONSET_SHARE = 0.10  # the wave's onset is the time by which this share of its items were published
TOP_GROUPS = 5  # owner groups listed with their shares
TOP_NARRATIVES = 10  # narratives listed with their counts
MAX_LEXICAL_PAIRS = 5000  # same-language item pairs compared for lexical diversity, per language (sampled beyond)
LEXICAL_SEED = 0  # seed of the pair sample, fixed so the measure is reproducible
MAX_LISTED_PAIRS = 500  # synchronous pairs listed by Synchrony.to_dict() (earliest first); the count is exact
NULL_CHUNK_CELLS = 4_000_000  # shuffles × pairs evaluated at once in the null model (bounds memory)
DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WORD = re.compile(r"\w+", re.UNICODE)


def _iso(value: pd.Timestamp | None) -> str | None:
    return None if value is None else value.isoformat()


def _owner_groups(items: pd.DataFrame) -> pd.Series:
    groups = items["owner_group"].astype("object")
    missing = groups.isna() | (groups.astype(str).str.strip() == "")
    return groups.where(~missing, items["source"]).astype(str)


def _ownership(items: pd.DataFrame) -> pd.Series:
    labels = items["ownership"].fillna("unknown").astype(str).str.strip().str.lower()
    return labels.str.replace(r"[_\s]+", "-", regex=True)


def _clusters(items: pd.DataFrame) -> list[str]:
    """Cluster ids as strings; an item without one is its own singleton cluster."""
    return [f"doc:{doc}" if _missing(c) else f"cluster:{c}" for doc, c in zip(items["doc_id"], items["cluster"])]


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return bool(value is pd.NA or value is pd.NaT or (isinstance(value, str) and not value.strip()))


def _narratives(items: pd.DataFrame) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for value in items["narratives"]:
        if isinstance(value, (tuple, list, set, frozenset, np.ndarray)):
            out.append(tuple(sorted({str(n) for n in value})))
        elif _missing(value):
            out.append(())
        else:
            out.append((str(value),))
    return out


def _utc(values: pd.Series, column: str) -> pd.Series:
    stamps = pd.to_datetime(values)
    if stamps.dt.tz is None:
        raise QueryError(f"'{column}' must hold tz-aware timestamps (UTC); got naive ones")
    return stamps.dt.tz_convert("UTC")


def prepare_items(items: pd.DataFrame) -> pd.DataFrame:
    """Check the columns, resolve owner groups, normalise ownership and sort the wave by publication time.

    Raises ``InsufficientData`` for an empty wave and ``QueryError`` for missing columns or naive timestamps.
    """
    missing = [c for c in ITEM_COLUMNS if c not in items.columns]
    if missing:
        raise QueryError(f"items lack column(s) {', '.join(missing)}; expected {', '.join(ITEM_COLUMNS)}")
    if items.empty:
        raise InsufficientData("the wave has no documents: nothing can be judged")
    frame = items.loc[:, list(ITEM_COLUMNS)].copy()
    frame["doc_id"] = frame["doc_id"].astype(str)
    frame["source"] = frame["source"].astype(str)
    frame["owner_group"] = _owner_groups(frame)
    frame["ownership"] = _ownership(frame)
    frame["published"] = _utc(frame["published"], "published")
    frame["cluster"] = _clusters(frame)
    frame["narratives"] = _narratives(frame)
    frame["language"] = frame["language"].fillna("und").astype(str).str.lower()
    frame["text"] = frame["text"].fillna("").astype(str)
    return frame.sort_values(["published", "doc_id"], kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class Pair:
    """Two items of distinct owner groups sharing a cluster or a narrative within the window."""

    doc_a: str
    doc_b: str
    source_a: str
    source_b: str
    published_a: pd.Timestamp
    published_b: pd.Timestamp
    shared_cluster: str | None
    shared_narratives: tuple[str, ...]

    @property
    def minutes_apart(self) -> float:
        return abs((self.published_b - self.published_a).total_seconds()) / 60.0

    def to_dict(self) -> dict[str, Any]:
        return {"doc_a": self.doc_a, "doc_b": self.doc_b, "source_a": self.source_a, "source_b": self.source_b,
                "published_a": _iso(self.published_a), "published_b": _iso(self.published_b),
                "minutes_apart": round(self.minutes_apart, 2), "shared_cluster": self.shared_cluster,
                "shared_narratives": list(self.shared_narratives)}


@dataclass(frozen=True)
class Edge:
    """Co-publication between two sources: how many synchronous pairs join them, and through what."""

    source_a: str
    source_b: str
    pairs: int
    cluster_pairs: int
    narrative_only_pairs: int

    def to_dict(self) -> dict[str, Any]:
        return {"source_a": self.source_a, "source_b": self.source_b, "pairs": self.pairs,
                "cluster_pairs": self.cluster_pairs, "narrative_only_pairs": self.narrative_only_pairs}


@dataclass(frozen=True)
class Synchrony:
    """Observed synchronous pairs against the per-source circular-shift null model."""

    window_minutes: float
    observed: int
    expected: float
    null_sd: float
    z: float
    p_value: float
    shuffles: int
    seed: int
    candidate_pairs: int  # cross-group pairs sharing a cluster or narrative, at any distance in time
    cluster_pairs: int  # synchronous pairs sharing a near-duplicate cluster
    state_pairs: int  # synchronous pairs whose two items both come from state or state-aligned sources
    span_minutes: float
    pairs: tuple[Pair, ...] = field(repr=False)
    edges: tuple[Edge, ...] = field(repr=False)

    def to_dict(self, max_pairs: int | None = MAX_LISTED_PAIRS) -> dict[str, Any]:
        listed = self.pairs if max_pairs is None else self.pairs[:max_pairs]
        return {"window_minutes": self.window_minutes, "observed_pairs": self.observed,
                "expected_pairs": round(self.expected, 3), "null_sd": round(self.null_sd, 3),
                "z": round(self.z, 3), "p_value": self.p_value, "shuffles": self.shuffles, "seed": self.seed,
                "candidate_pairs": self.candidate_pairs, "cluster_pairs": self.cluster_pairs,
                "state_pairs": self.state_pairs, "span_minutes": round(self.span_minutes, 2),
                "null_model": "each source's timestamps shifted circularly by its own random offset within the "
                              "wave's span; p = (1 + #shuffles with count >= observed) / (1 + shuffles)",
                "pairs": [p.to_dict() for p in listed], "pairs_listed": len(listed),
                "edges": [e.to_dict() for e in self.edges]}


def _candidate_pairs(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of distinct owner groups sharing a cluster or at least one narrative."""
    n = len(frame)
    clusters = pd.factorize(frame["cluster"])[0]
    shared = clusters[:, None] == clusters[None, :]
    vocabulary = sorted({x for row in frame["narratives"] for x in row})
    if vocabulary:
        index = {x: k for k, x in enumerate(vocabulary)}
        incidence = np.zeros((n, len(vocabulary)), dtype=np.float32)
        for i, row in enumerate(frame["narratives"]):
            incidence[i, [index[x] for x in row]] = 1.0
        shared |= (incidence @ incidence.T) > 0
    groups = pd.factorize(frame["owner_group"])[0]
    shared &= groups[:, None] != groups[None, :]
    upper_i, upper_j = np.triu_indices(n, k=1)
    keep = shared[upper_i, upper_j]
    return upper_i[keep], upper_j[keep]


def _null_counts(minutes: np.ndarray, sources: np.ndarray, first: np.ndarray, second: np.ndarray, span: float,
                 window: float, shuffles: int, rng: np.random.Generator) -> np.ndarray:
    """Synchronous pair counts after independent circular shifts of each source's times within the span."""
    counts = np.zeros(shuffles, dtype=np.int64)
    if first.size == 0 or shuffles == 0:
        return counts
    n_sources = int(sources.max()) + 1
    chunk = max(1, NULL_CHUNK_CELLS // first.size)
    for start in range(0, shuffles, chunk):
        size = min(chunk, shuffles - start)
        offsets = rng.uniform(0.0, span, size=(size, n_sources))
        shifted = np.mod(minutes[None, :] + offsets[:, sources], span)
        counts[start:start + size] = (np.abs(shifted[:, first] - shifted[:, second]) <= window).sum(axis=1)
    return counts


def synchrony(items: pd.DataFrame, *, window_minutes: float = 120, shuffles: int = 1000, seed: int = 0) -> Synchrony:
    """Cross-group pairs sharing a cluster or narrative within ``window_minutes``, tested by circular shifts.

    Raises ``InsufficientData`` when the wave has a single owner group (no pair can exist).
    """
    if window_minutes <= 0:
        raise QueryError("window_minutes must be positive")
    if shuffles < 1:
        raise QueryError("shuffles must be at least 1")
    frame = prepare_items(items)
    if frame["owner_group"].nunique() < 2:
        raise InsufficientData("synchrony needs items from at least two owner groups; the wave has one "
                               f"({frame['owner_group'].iloc[0]})")
    start = frame["published"].iloc[0]
    minutes = ((frame["published"] - start).dt.total_seconds() / 60.0).to_numpy()
    span = float(minutes[-1])
    first, second = _candidate_pairs(frame)
    within = np.abs(minutes[first] - minutes[second]) <= window_minutes
    observed = int(within.sum())
    rng = np.random.default_rng(seed)
    if span > 0:
        sources = pd.factorize(frame["source"])[0]
        null = _null_counts(minutes, sources, first, second, span, float(window_minutes), shuffles, rng)
    else:
        null = np.full(shuffles, observed, dtype=np.int64)
    expected = float(null.mean())
    null_sd = float(null.std(ddof=1)) if shuffles > 1 else 0.0
    z = (observed - expected) / null_sd if null_sd > 0 else 0.0
    p_value = float((1 + np.sum(null >= observed)) / (1 + shuffles))
    pairs = _pairs(frame, first[within], second[within])
    state = set(frame.index[frame["ownership"].isin(STATE_OWNERSHIP)])
    state_pairs = sum(1 for i, j in zip(first[within], second[within]) if i in state and j in state)
    return Synchrony(window_minutes=float(window_minutes), observed=observed, expected=expected, null_sd=null_sd,
                     z=float(z), p_value=p_value, shuffles=shuffles, seed=seed, candidate_pairs=int(first.size),
                     cluster_pairs=sum(1 for p in pairs if p.shared_cluster is not None), state_pairs=state_pairs,
                     span_minutes=span, pairs=pairs, edges=_edges(pairs))


def _pairs(frame: pd.DataFrame, first: np.ndarray, second: np.ndarray) -> tuple[Pair, ...]:
    docs, sources, times = frame["doc_id"].tolist(), frame["source"].tolist(), frame["published"].tolist()
    clusters, narratives = frame["cluster"].tolist(), frame["narratives"].tolist()
    out = []
    for i, j in zip(first.tolist(), second.tolist()):
        cluster = clusters[i].removeprefix("cluster:") if clusters[i] == clusters[j] else None
        shared = tuple(sorted(set(narratives[i]) & set(narratives[j])))
        out.append(Pair(docs[i], docs[j], sources[i], sources[j], times[i], times[j], cluster, shared))
    return tuple(out)


def _edges(pairs: tuple[Pair, ...]) -> tuple[Edge, ...]:
    tally: dict[tuple[str, str], list[int]] = {}
    for pair in pairs:
        key = (min(pair.source_a, pair.source_b), max(pair.source_a, pair.source_b))
        counts = tally.setdefault(key, [0, 0])
        counts[0 if pair.shared_cluster is not None else 1] += 1
    edges = [Edge(a, b, c + n, c, n) for (a, b), (c, n) in tally.items()]
    return tuple(sorted(edges, key=lambda e: (-e.pairs, e.source_a, e.source_b)))


@dataclass(frozen=True)
class Concentration:
    """Who published the wave: state share and owner-group concentration."""

    items: int
    state_share: float
    state_items: tuple[str, ...] = field(repr=False)
    hhi: float
    groups: int
    sources: int
    top_groups: tuple[tuple[str, int, float], ...]  # (owner group, items, share), largest first
    ownership_counts: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "sources": self.sources, "owner_groups": self.groups,
                "state_share": round(self.state_share, 4), "state_ownership": sorted(STATE_OWNERSHIP),
                "state_items": list(self.state_items), "hhi": round(self.hhi, 4),
                "effective_groups": round(1.0 / self.hhi, 2) if self.hhi > 0 else None,
                "top_groups": [{"owner_group": g, "items": n, "share": round(s, 4)} for g, n, s in self.top_groups],
                "ownership_counts": dict(self.ownership_counts)}


def concentration(items: pd.DataFrame) -> Concentration:
    """Share of state and state-aligned items, owner-group HHI and the ``TOP_GROUPS`` largest groups."""
    frame = prepare_items(items)
    n = len(frame)
    is_state = frame["ownership"].isin(STATE_OWNERSHIP)
    counts = frame["owner_group"].value_counts()
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    shares = counts / n
    top = tuple((str(g), int(c), float(c) / n) for g, c in counts.iloc[:TOP_GROUPS].items())
    return Concentration(items=n, state_share=float(is_state.mean()), state_items=tuple(frame.loc[is_state, "doc_id"]),
                         hhi=float((shares**2).sum()), groups=int(counts.size), sources=int(frame["source"].nunique()),
                         top_groups=top, ownership_counts={str(k): int(v) for k, v in
                                                           frame["ownership"].value_counts().sort_index().items()})


@dataclass(frozen=True)
class Statement:
    """An official statement as placed in time (noon UTC when only its date is known)."""

    time: pd.Timestamp
    body: str
    sector: str
    event_id: str
    date_only: bool

    def to_dict(self) -> dict[str, Any]:
        return {"time": _iso(self.time), "body": self.body, "sector": self.sector, "event_id": self.event_id,
                "date_only": self.date_only,
                "time_basis": "noon UTC of the event day (date only)" if self.date_only else "as reported"}


@dataclass(frozen=True)
class LeadLag:
    """Whether official statements precede the media wave or follow it."""

    onset: pd.Timestamp
    onset_share: float
    first_item: pd.Timestamp
    first_statement: Statement | None
    lead_hours: float | None  # onset minus first statement: positive when officials spoke first
    share_after: float  # items published after the first statement (0 when there is none)
    median_lag_hours: float | None  # median of (published - first statement) over all items
    items_after: tuple[str, ...] = field(repr=False)
    statements: tuple[Statement, ...] = field(repr=False)

    @property
    def officials_first(self) -> bool | None:
        return None if self.lead_hours is None else self.lead_hours > 0

    def to_dict(self) -> dict[str, Any]:
        return {"onset": _iso(self.onset), "onset_share": self.onset_share, "first_item": _iso(self.first_item),
                "first_statement": None if self.first_statement is None else self.first_statement.to_dict(),
                "lead_hours": None if self.lead_hours is None else round(self.lead_hours, 3),
                "officials_first": self.officials_first, "share_after": round(self.share_after, 4),
                "median_lag_hours": None if self.median_lag_hours is None else round(self.median_lag_hours, 3),
                "items_after": list(self.items_after), "statements": [s.to_dict() for s in self.statements]}


def _statement_time(value: object, date_only: bool) -> tuple[pd.Timestamp, bool]:
    """A statement's UTC time; a bare date (or a row flagged ``date_only``) is placed at noon UTC."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return pd.Timestamp(value.isoformat(), tz="UTC") + pd.Timedelta(hours=12), True
    if isinstance(value, str) and DATE_ONLY.match(value.strip()):
        return pd.Timestamp(value.strip(), tz="UTC") + pd.Timedelta(hours=12), True
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    if stamp.tzinfo is None:
        raise QueryError(f"official statement time {value!r} must be tz-aware (UTC) or a bare date")
    stamp = stamp.tz_convert("UTC")
    if date_only:
        return stamp.normalize() + pd.Timedelta(hours=12), True
    return stamp, False


def statements(officials: pd.DataFrame | None) -> tuple[Statement, ...]:
    """Official statements sorted by time; an optional boolean ``date_only`` column marks date-only rows."""
    if officials is None or officials.empty:
        return ()
    missing = [c for c in OFFICIAL_COLUMNS if c not in officials.columns]
    if missing:
        raise QueryError(f"officials lack column(s) {', '.join(missing)}; expected {', '.join(OFFICIAL_COLUMNS)}")
    flags = officials["date_only"] if "date_only" in officials.columns else pd.Series(False, index=officials.index)
    out = []
    for row, flag in zip(officials.itertuples(index=False), flags):
        if _missing(row.time):
            continue
        time, date_only = _statement_time(row.time, bool(flag) if not _missing(flag) else False)
        out.append(Statement(time, str(row.body), str(row.sector), str(row.event_id), date_only))
    return tuple(sorted(out, key=lambda s: (s.time, s.body, s.event_id)))


def lead_lag(items: pd.DataFrame, officials: pd.DataFrame | None) -> LeadLag:
    """First official statement against the onset (time by which ``ONSET_SHARE`` of the items were out)."""
    frame = prepare_items(items)
    times = frame["published"]
    onset = times.iloc[max(1, math.ceil(ONSET_SHARE * len(frame))) - 1]
    listed = statements(officials)
    if not listed:
        return LeadLag(onset=onset, onset_share=ONSET_SHARE, first_item=times.iloc[0], first_statement=None,
                       lead_hours=None, share_after=0.0, median_lag_hours=None, items_after=(), statements=())
    first = listed[0]
    after = times > first.time
    lags = (times - first.time).dt.total_seconds() / 3600.0
    return LeadLag(onset=onset, onset_share=ONSET_SHARE, first_item=times.iloc[0], first_statement=first,
                   lead_hours=(onset - first.time).total_seconds() / 3600.0, share_after=float(after.mean()),
                   median_lag_hours=float(lags.median()), items_after=tuple(frame.loc[after, "doc_id"]),
                   statements=listed)


@dataclass(frozen=True)
class Uniformity:
    """How alike the wave's items are: narratives, words and near-duplicate clusters."""

    items: int
    distinct_narratives: int
    narrative_entropy: float  # Shannon entropy (nats) of narrative mentions
    narrative_entropy_normalised: float  # entropy / log(distinct narratives); 0 with fewer than two
    items_without_narrative: int
    top_narratives: tuple[tuple[str, int], ...]
    lexical_diversity: float | None  # None when no language has two items with words
    lexical_by_language: dict[str, tuple[int, float]]  # language -> (items, diversity)
    largest_cluster_share: float
    largest_cluster: tuple[str, ...] = field(repr=False)  # doc ids of the largest near-duplicate cluster
    cross_group_cluster_share: float  # items whose cluster also holds an item of another owner group

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "distinct_narratives": self.distinct_narratives,
                "narrative_entropy": round(self.narrative_entropy, 4),
                "narrative_entropy_normalised": round(self.narrative_entropy_normalised, 4),
                "items_without_narrative": self.items_without_narrative,
                "top_narratives": [{"narrative": k, "items": n} for k, n in self.top_narratives],
                "lexical_diversity": None if self.lexical_diversity is None else round(self.lexical_diversity, 4),
                "lexical_by_language": {k: {"items": n, "diversity": round(d, 4)}
                                        for k, (n, d) in self.lexical_by_language.items()},
                "lexical_method": "1 - mean Dice overlap of word sets of same-language item pairs",
                "largest_cluster_share": round(self.largest_cluster_share, 4),
                "largest_cluster": list(self.largest_cluster),
                "cross_group_cluster_share": round(self.cross_group_cluster_share, 4)}


def _lexical(frame: pd.DataFrame) -> tuple[float | None, dict[str, tuple[int, float]]]:
    rng = np.random.default_rng(LEXICAL_SEED)
    by_language: dict[str, tuple[int, float]] = {}
    for language, texts in frame.groupby("language", sort=True)["text"]:
        words = [frozenset(WORD.findall(t.lower())) for t in texts]
        words = [w for w in words if w]
        if len(words) < 2:
            continue
        pairs = list(combinations(range(len(words)), 2))
        if len(pairs) > MAX_LEXICAL_PAIRS:
            pairs = [pairs[k] for k in rng.choice(len(pairs), size=MAX_LEXICAL_PAIRS, replace=False)]
        dice = [2 * len(words[i] & words[j]) / (len(words[i]) + len(words[j])) for i, j in pairs]
        by_language[str(language)] = (len(words), 1.0 - float(np.mean(dice)))
    if not by_language:
        return None, by_language
    weights = np.array([n for n, _ in by_language.values()], dtype=float)
    values = np.array([d for _, d in by_language.values()])
    return float(np.average(values, weights=weights)), by_language


def uniformity(items: pd.DataFrame) -> Uniformity:
    """Narrative count and entropy, same-language lexical diversity and the largest near-duplicate cluster."""
    frame = prepare_items(items)
    n = len(frame)
    mentions = Counter(x for row in frame["narratives"] for x in row)
    total = sum(mentions.values())
    probabilities = np.array([c / total for c in mentions.values()]) if total else np.array([])
    entropy = float(-(probabilities * np.log(probabilities)).sum()) if total else 0.0
    normalised = entropy / math.log(len(mentions)) if len(mentions) > 1 else 0.0
    top = tuple(sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_NARRATIVES])
    diversity, by_language = _lexical(frame)
    sizes = frame["cluster"].value_counts()
    largest = sorted(sizes[sizes == sizes.max()].index)[0]
    groups_per_cluster = frame.groupby("cluster")["owner_group"].nunique()
    cross = frame["cluster"].map(groups_per_cluster) > 1
    return Uniformity(items=n, distinct_narratives=len(mentions), narrative_entropy=entropy,
                      narrative_entropy_normalised=normalised,
                      items_without_narrative=int(sum(1 for row in frame["narratives"] if not row)),
                      top_narratives=top, lexical_diversity=diversity, lexical_by_language=by_language,
                      largest_cluster_share=float(sizes.max()) / n,
                      largest_cluster=tuple(frame.loc[frame["cluster"] == largest, "doc_id"]),
                      cross_group_cluster_share=float(cross.mean()))
