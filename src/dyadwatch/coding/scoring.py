"""Score coded events against gold sentences, by the rules of the gold set's README.

A predicted event matches a gold event of the same sentence when `source`, `target` and
`plover` agree. A gold `plover_alt` list adds accepted categories; a `symmetric` gold event
(a meeting or call) also matches the reversed direction. Each gold event and each predicted
event take part in at most one match.

Matching is a maximum matching, not a greedy pass: with alternative categories and symmetric
events a greedy order can pair a prediction with the "wrong" gold event and strand another
(gold ACCUSE|PROTEST and gold PROTEST against predicted PROTEST, ACCUSE). Per sentence the
pairs are chosen by an exact maximum-weight assignment (Hungarian method) whose weights put
the number of matches first; among maximum matchings it prefers pairs whose CAMEO root and
date also agree, then pairs in the gold direction. The match count, and so precision, recall
and F1, is the maximum possible; the tie-break only decides the secondary scores.

A predicted event left unmatched that is the reverse duplicate of a matched symmetric gold
event (it would match that gold event, in the other direction from the prediction matched
to it) is excused: neither a true nor a false positive. Each matched symmetric gold event
excuses at most one such duplicate (a second maximum matching decides which).

Counts: precision = matched / (matched + false), recall = matched / gold, F1 = 2 matched /
(2 matched + false + missed); each is None where its denominator is 0. A sentence's events
count towards its language and towards each of its phenomena. The secondary scores are the
shares of matched pairs whose CAMEO root (first two digits; a gold `cameo_alt` code's root
also counts) and whose date (first ten characters, ISO day) agree. False events on "hard"
sentences are two figures: unmatched predictions on sentences without gold events, and on
sentences marked negation, denial, hypothetical, future or question, each divided by the
number of such sentences.

Bootstrap intervals resample sentences with replacement within each group; each group draws
from its own numpy Generator seeded with (seed, CRC-32 of the group's key), so a group's
interval does not depend on which other groups exist. Resamples where a score is undefined
are left out of its percentiles.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

LANGUAGES = ("ru", "az", "en", "tr", "fa")
PHENOMENA = (
    "passive", "reported_speech", "negation", "denial", "hypothetical", "future", "question", "quote",
    "multiple_events", "coreference", "no_event", "idiom", "morphology", "nickname", "long_distance",
)
HARD_PHENOMENA = frozenset({"negation", "denial", "hypothetical", "future", "question"})
DEFAULT_RESAMPLES = 1000

Event = Mapping[str, Any]
Record = Mapping[str, Any]


@dataclass(frozen=True)
class Interval:
    """A 95 % bootstrap interval; both ends None when no resample defines the score."""

    lo: float | None
    hi: float | None


@dataclass(frozen=True)
class SentenceMatch:
    """How one sentence's predicted events pair with its gold events (indices into each list)."""

    pairs: tuple[tuple[int, int], ...]
    excused: tuple[int, ...]
    false: tuple[int, ...]
    missed: tuple[int, ...]


@dataclass(frozen=True)
class SentenceScore:
    """Counts for one gold sentence."""

    id: str
    lang: str
    phenomena: tuple[str, ...]
    n_gold: int
    n_predicted: int
    matched: int
    false: int
    excused: int
    cameo_root_agree: int
    date_agree: int
    match: SentenceMatch


@dataclass(frozen=True)
class GroupScore:
    """Scores for a set of sentences: all, one language or one phenomenon."""

    key: str
    n_sentences: int
    n_gold: int
    n_predicted: int
    matched: int
    false: int
    excused: int
    precision: float | None
    recall: float | None
    f1: float | None
    precision_ci: Interval
    recall_ci: Interval
    f1_ci: Interval
    cameo_root_agree: int
    date_agree: int
    cameo_root_agreement: float | None
    date_agreement: float | None
    n_no_event_sentences: int
    false_on_no_event: int
    false_per_no_event_sentence: float | None
    n_hard_sentences: int
    false_on_hard: int
    false_per_hard_sentence: float | None


@dataclass(frozen=True)
class ScoreReport:
    """Scores overall, per language and per phenomenon, with the per-sentence counts behind them."""

    overall: GroupScore
    by_language: dict[str, GroupScore]
    by_phenomenon: dict[str, GroupScore]
    sentences: tuple[SentenceScore, ...]
    resamples: int
    seed: int


def _norm(value: Any) -> str | None:
    """A code as compared: stripped, upper-case; None or empty stays None."""
    if value is None:
        return None
    text = str(value).strip().upper()
    return text or None


def accepted_plovers(gold: Event) -> frozenset[str]:
    """The PLOVER categories a gold event accepts: `plover` and any `plover_alt`."""
    codes = [gold.get("plover"), *(gold.get("plover_alt") or ())]
    return frozenset(c for c in map(_norm, codes) if c is not None)


def event_matches(predicted: Event, gold: Event) -> bool:
    """Whether a predicted event matches a gold event (alternative categories, symmetric reversal)."""
    source, target = _norm(predicted.get("source")), _norm(predicted.get("target"))
    if source is None or target is None or _norm(predicted.get("plover")) not in accepted_plovers(gold):
        return False
    direct = (_norm(gold.get("source")), _norm(gold.get("target")))
    if (source, target) == direct:
        return True
    return bool(gold.get("symmetric")) and (target, source) == direct


def cameo_root(code: Any) -> str | None:
    """The CAMEO root (first two digits) of a code, None when it has fewer than two."""
    text = _norm(code)
    return text[:2] if text is not None and len(text) >= 2 else None


def cameo_root_agrees(predicted: Event, gold: Event) -> bool:
    """Whether the predicted CAMEO root equals the root of the gold `cameo` or of a `cameo_alt` code."""
    root = cameo_root(predicted.get("cameo"))
    gold_roots = {cameo_root(c) for c in [gold.get("cameo"), *(gold.get("cameo_alt") or ())]}
    return root is not None and root in gold_roots


def date_agrees(predicted: Event, gold: Event) -> bool:
    """Whether the predicted date is the gold date (ISO day, first ten characters)."""
    mine, theirs = predicted.get("date"), gold.get("date")
    return mine is not None and theirs is not None and str(mine).strip()[:10] == str(theirs).strip()[:10]


def _max_weight_assignment(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Row-column pairs of positive weight in a maximum-weight assignment (Hungarian method, exact)."""
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if n_rows == 0 or n_cols == 0:
        return []
    if n_rows > n_cols:
        flipped = [[weights[r][c] for r in range(n_rows)] for c in range(n_cols)]
        return [(r, c) for c, r in _max_weight_assignment(flipped)]
    cost = [[0] * (n_cols + 1)] + [[0] + [-w for w in row] for row in weights]
    inf = 1 + sum(abs(w) for row in weights for w in row) * 2
    u = [0] * (n_rows + 1)
    v = [0] * (n_cols + 1)
    owner = [0] * (n_cols + 1)
    way = [0] * (n_cols + 1)
    for row in range(1, n_rows + 1):
        owner[0] = row
        col0 = 0
        min_v = [inf] * (n_cols + 1)
        used = [False] * (n_cols + 1)
        while True:
            used[col0] = True
            row0, delta, col1 = owner[col0], inf, 0
            for col in range(1, n_cols + 1):
                if not used[col]:
                    current = cost[row0][col] - u[row0] - v[col]
                    if current < min_v[col]:
                        min_v[col], way[col] = current, col0
                    if min_v[col] < delta:
                        delta, col1 = min_v[col], col
            for col in range(n_cols + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    min_v[col] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    return sorted(
        (owner[col] - 1, col - 1) for col in range(1, n_cols + 1)
        if owner[col] and weights[owner[col] - 1][col - 1] > 0
    )


def _direction(event: Event) -> tuple[str | None, str | None]:
    return _norm(event.get("source")), _norm(event.get("target"))


def match_events(predicted: Sequence[Event], gold: Sequence[Event]) -> SentenceMatch:
    """Pair one sentence's predicted events with its gold events: a maximum matching, then excuses."""
    bonus_max = 5
    base = bonus_max * min(len(predicted), len(gold)) + 1
    weights = [
        [
            base
            + 2 * cameo_root_agrees(p, g)
            + 2 * date_agrees(p, g)
            + (_direction(p) == _direction(g))
            if event_matches(p, g) else 0
            for g in gold
        ]
        for p in predicted
    ]
    pairs = _max_weight_assignment(weights)
    matched_pred = {p for p, _ in pairs}
    matched_gold = {g for _, g in pairs}
    partner = {g: p for p, g in pairs}
    loose = [p for p in range(len(predicted)) if p not in matched_pred]
    symmetric = [g for g in sorted(matched_gold) if gold[g].get("symmetric")]
    duplicate = [
        [
            1 if event_matches(predicted[p], gold[g]) and _direction(predicted[p]) != _direction(predicted[partner[g]])
            else 0
            for g in symmetric
        ]
        for p in loose
    ]
    excused = sorted(loose[p] for p, _ in _max_weight_assignment(duplicate))
    return SentenceMatch(
        pairs=tuple(pairs),
        excused=tuple(excused),
        false=tuple(p for p in loose if p not in set(excused)),
        missed=tuple(g for g in range(len(gold)) if g not in matched_gold),
    )


def score_sentence(gold: Record, predicted: Sequence[Event]) -> SentenceScore:
    """Match and count one gold record against the events predicted for it."""
    gold_events: list[Event] = list(gold.get("events") or ())
    match = match_events(predicted, gold_events)
    return SentenceScore(
        id=str(gold["id"]),
        lang=str(gold.get("lang") or "?"),
        phenomena=tuple(dict.fromkeys(str(p) for p in gold.get("phenomena") or ())),
        n_gold=len(gold_events),
        n_predicted=len(predicted),
        matched=len(match.pairs),
        false=len(match.false),
        excused=len(match.excused),
        cameo_root_agree=sum(cameo_root_agrees(predicted[p], gold_events[g]) for p, g in match.pairs),
        date_agree=sum(date_agrees(predicted[p], gold_events[g]) for p, g in match.pairs),
        match=match,
    )


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def prf(matched: int, false: int, n_gold: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 from counts; None where a denominator is 0."""
    return (
        _ratio(matched, matched + false),
        _ratio(matched, n_gold),
        _ratio(2 * matched, 2 * matched + false + (n_gold - matched)),
    )


def _percentiles(values: npt.NDArray[np.float64]) -> Interval:
    defined = values[~np.isnan(values)]
    if defined.size == 0:
        return Interval(None, None)
    lo, hi = np.percentile(defined, [2.5, 97.5])
    return Interval(float(lo), float(hi))


def bootstrap_intervals(
    sentences: Sequence[SentenceScore], resamples: int, rng: np.random.Generator
) -> tuple[Interval, Interval, Interval]:
    """95 % percentile intervals of precision, recall and F1, resampling sentences with replacement."""
    n = len(sentences)
    if n == 0 or resamples <= 0:
        return Interval(None, None), Interval(None, None), Interval(None, None)
    counts = np.array([[s.matched, s.false, s.n_gold] for s in sentences], dtype=np.int64)
    totals = np.empty((resamples, 3), dtype=np.int64)
    chunk = max(1, 2_000_000 // n)
    for start in range(0, resamples, chunk):
        size = min(chunk, resamples - start)
        index = rng.integers(0, n, size=(size, n))
        totals[start:start + size] = counts[index].sum(axis=1)
    matched, false, gold = totals[:, 0], totals[:, 1], totals[:, 2]

    def share(numerator: npt.NDArray[np.int64], denominator: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
        out = np.full(resamples, np.nan)
        np.divide(numerator, denominator, out=out, where=denominator > 0)
        return out

    return (
        _percentiles(share(matched, matched + false)),
        _percentiles(share(matched, gold)),
        _percentiles(share(2 * matched, matched + false + gold)),
    )


def _group_rng(seed: int, key: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(key.encode("utf-8"))])


def score_group(
    key: str, sentences: Sequence[SentenceScore], *, resamples: int = DEFAULT_RESAMPLES, seed: int = 0
) -> GroupScore:
    """Sum a group's sentence counts into scores with bootstrap intervals."""
    matched = sum(s.matched for s in sentences)
    false = sum(s.false for s in sentences)
    n_gold = sum(s.n_gold for s in sentences)
    precision, recall, f1 = prf(matched, false, n_gold)
    p_ci, r_ci, f_ci = bootstrap_intervals(sentences, resamples, _group_rng(seed, key))
    cameo = sum(s.cameo_root_agree for s in sentences)
    dates = sum(s.date_agree for s in sentences)
    empty = [s for s in sentences if s.n_gold == 0]
    hard = [s for s in sentences if HARD_PHENOMENA.intersection(s.phenomena)]
    false_empty = sum(s.false for s in empty)
    false_hard = sum(s.false for s in hard)
    return GroupScore(
        key=key,
        n_sentences=len(sentences),
        n_gold=n_gold,
        n_predicted=sum(s.n_predicted for s in sentences),
        matched=matched,
        false=false,
        excused=sum(s.excused for s in sentences),
        precision=precision,
        recall=recall,
        f1=f1,
        precision_ci=p_ci,
        recall_ci=r_ci,
        f1_ci=f_ci,
        cameo_root_agree=cameo,
        date_agree=dates,
        cameo_root_agreement=_ratio(cameo, matched),
        date_agreement=_ratio(dates, matched),
        n_no_event_sentences=len(empty),
        false_on_no_event=false_empty,
        false_per_no_event_sentence=_ratio(false_empty, len(empty)),
        n_hard_sentences=len(hard),
        false_on_hard=false_hard,
        false_per_hard_sentence=_ratio(false_hard, len(hard)),
    )


def _ordered(keys: Iterable[str], preferred: Sequence[str]) -> list[str]:
    present = set(keys)
    return [k for k in preferred if k in present] + sorted(present.difference(preferred))


def score(
    gold: Iterable[Record],
    predictions: Iterable[Record],
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
) -> ScoreReport:
    """Score predictions ({"id", "events"}) against gold records; a gold id without a prediction has no events.

    Raises ValueError on a repeated gold or prediction id, or a prediction for an id not in the gold set.
    """
    gold_records = list(gold)
    gold_ids = [str(g["id"]) for g in gold_records]
    if len(set(gold_ids)) != len(gold_ids):
        raise ValueError("gold ids repeat")
    predicted: dict[str, list[Event]] = {}
    for item in predictions:
        ident = str(item["id"])
        if ident in predicted:
            raise ValueError(f"prediction id {ident!r} repeats")
        predicted[ident] = list(item.get("events") or ())
    unknown = sorted(set(predicted).difference(gold_ids))
    if unknown:
        raise ValueError(f"predictions for ids not in the gold set: {', '.join(unknown[:5])}")
    sentences = tuple(score_sentence(g, predicted.get(i, [])) for g, i in zip(gold_records, gold_ids))
    languages = _ordered((s.lang for s in sentences), LANGUAGES)
    phenomena = _ordered((p for s in sentences for p in s.phenomena), PHENOMENA)
    return ScoreReport(
        overall=score_group("all", sentences, resamples=resamples, seed=seed),
        by_language={
            lang: score_group(f"lang:{lang}", [s for s in sentences if s.lang == lang], resamples=resamples, seed=seed)
            for lang in languages
        },
        by_phenomenon={
            name: score_group(
                f"phenomenon:{name}", [s for s in sentences if name in s.phenomena], resamples=resamples, seed=seed
            )
            for name in phenomena
        },
        sentences=sentences,
        resamples=resamples,
        seed=seed,
    )


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _with_ci(value: float | None, ci: Interval) -> str:
    if value is None:
        return "–"
    if ci.lo is None or ci.hi is None:
        return _num(value)
    return f"{value:.2f} [{ci.lo:.2f}, {ci.hi:.2f}]"


def _share(value: float | None, numerator: int, denominator: int) -> str:
    return "–" if value is None else f"{value:.2f} ({numerator}/{denominator})"


_COLUMNS = (
    "sentences", "gold events", "predicted", "matched", "false",
    "P [95 % CI]", "R [95 % CI]", "F1 [95 % CI]",
    "CAMEO root agrees", "date agrees", "false per no-event sentence", "false per neg./hyp./fut./question sentence",
)


def _row(label: str, g: GroupScore) -> str:
    cells = [
        label.replace("|", "\\|"), str(g.n_sentences), str(g.n_gold), str(g.n_predicted), str(g.matched), str(g.false),
        _with_ci(g.precision, g.precision_ci), _with_ci(g.recall, g.recall_ci), _with_ci(g.f1, g.f1_ci),
        _share(g.cameo_root_agreement, g.cameo_root_agree, g.matched),
        _share(g.date_agreement, g.date_agree, g.matched),
        _share(g.false_per_no_event_sentence, g.false_on_no_event, g.n_no_event_sentences),
        _share(g.false_per_hard_sentence, g.false_on_hard, g.n_hard_sentences),
    ]
    return "| " + " | ".join(cells) + " |"


def _table(first: str, rows: Iterable[tuple[str, GroupScore]]) -> str:
    lines = [
        "| " + " | ".join((first, *_COLUMNS)) + " |",
        "|---|" + "---:|" * len(_COLUMNS),
    ]
    lines.extend(_row(label, group) for label, group in rows)
    return "\n".join(lines)


def report_markdown(report: ScoreReport) -> str:
    """Markdown tables (overall, per language, per phenomenon), separated by blank lines, no prose."""
    return "\n\n".join([
        _table("overall", [("all", report.overall)]),
        _table("language", report.by_language.items()),
        _table("phenomenon", report.by_phenomenon.items()),
    ]) + "\n"
