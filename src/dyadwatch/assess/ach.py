"""Analysis of Competing Hypotheses (ACH): scoring a matrix of evidence items against hypotheses.

The method follows Richards J. Heuer Jr., *Psychology of Intelligence Analysis* (CIA Center for the Study of
Intelligence, 1999), chapter 8 "Analysis of Competing Hypotheses", and Heuer & Pherson, *Structured Analytic
Techniques for Intelligence Analysis* (CQ Press, 2nd ed. 2015), ch. 7. An analyst rates every evidence item
against every hypothesis on the scale :data:`SCALE`; a missing rating means ``NA``. From that matrix:

- **Inconsistency** (Heuer's score): per hypothesis, the count of ``I`` ratings plus twice the count of ``II``
  ratings. Consistent ratings do not add support, because evidence consistent with several hypotheses proves
  none of them; the most likely hypothesis is the one with the *least* evidence against it.
- **Weighted inconsistency**: the same sum with each term multiplied by the item's weight
  ``w = credibility × relevance`` (credibility from the source registry; both in [0, 1], default 1).
  Hypotheses are ranked by it, lowest first; ties keep the order in which the hypotheses were given.
- **Posterior** (a Bayesian reading of the same matrix): each rating stands for a likelihood ``L = P(item | H)``
  (column ``likelihood`` of :data:`SCALE`). An item of weight ``w`` contributes the mixture
  ``w·L + (1 − w)·0.5``: with probability ``w`` the report is genuine and relevant, otherwise it is noise whose
  appearance does not depend on the hypothesis (0.5, the neutral likelihood). ``NA`` is scored as neutral, so
  an item that is ``NA`` (or ``N``) for every hypothesis is a constant factor and drops out. Priors are uniform
  unless given; posteriors are normalised across the hypotheses, which treats them as mutually exclusive and
  exhaustive. Overlapping or nested hypotheses violate that assumption, and the result says so in ``caveats``.
- **Diagnosticity** per item: the ratio of its largest to its smallest weighted likelihood across hypotheses
  (Heuer's "diagnostic value"), and its natural log. An item rated the same for every hypothesis has ratio 1
  and diagnosticity 0: it cannot help choose between them.
- **Sensitivity** (Heuer's step 6, "analyse how sensitive your conclusion is to a few critical items"): for
  every item, whether removing it, or moving each of its ratings one step toward neutral, changes the set of
  leading hypotheses under the weighted inconsistency or under the posterior. Such items are listed: if they
  are wrong, misread or deceptive, the conclusion changes.

Scores are compared after rounding to :data:`TIE_DIGITS` decimals, so arithmetic noise never breaks a tie.
Every function is pure; invalid input raises :class:`ValueError` naming the item and hypothesis concerned.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class Grade:
    """What one rating means: its Heuer inconsistency, its likelihood, and the rating one step toward ``N``."""

    inconsistency: int
    likelihood: float
    toward_neutral: str


NEUTRAL_LIKELIHOOD = 0.5
"""The likelihood of a rating that says nothing about the hypothesis (``N`` and ``NA``)."""

SCALE: Mapping[str, Grade] = MappingProxyType({
    "CC": Grade(0, 0.9, "C"),
    "C": Grade(0, 0.7, "N"),
    "N": Grade(0, NEUTRAL_LIKELIHOOD, "N"),
    "I": Grade(1, 0.3, "N"),
    "II": Grade(2, 0.1, "I"),
    "NA": Grade(0, NEUTRAL_LIKELIHOOD, "NA"),
})
"""The rating scale.

======  ===================  =============  ==========  ===============
rating  meaning              inconsistency  likelihood  toward neutral
======  ===================  =============  ==========  ===============
CC      very consistent      0              0.9         C
C       consistent           0              0.7         N
N       neutral              0              0.5         N
I       inconsistent         1              0.3         N
II      very inconsistent    2              0.1         I
NA      not applicable       0              0.5         NA
======  ===================  =============  ==========  ===============
"""

TIE_DIGITS = 9
"""Scores equal to this many decimals are tied."""

REMOVED, TOWARD_NEUTRAL = "removed", "toward neutral"
WEIGHTED_INCONSISTENCY, POSTERIOR = "weighted inconsistency", "posterior"


@dataclass(frozen=True)
class Hypothesis:
    """A hypothesis; ``overlaps`` and ``nested_in`` are carried into the result and its caveats."""

    id: str
    description: str = ""
    overlaps: tuple[str, ...] = ()
    nested_in: str | None = None


@dataclass(frozen=True)
class Evidence:
    """An evidence item; its weight in the weighted scores is ``credibility × relevance``."""

    id: str
    description: str = ""
    credibility: float = 1.0
    relevance: float = 1.0

    def __post_init__(self) -> None:
        for name in ("credibility", "relevance"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
                raise ValueError(f"evidence {self.id!r}: {name} {value!r} is outside [0, 1]")

    @property
    def weight(self) -> float:
        return self.credibility * self.relevance


Ratings = Mapping[tuple[str, str], str]
"""Ratings keyed by (evidence id, hypothesis id); a missing key means ``NA``."""


@dataclass(frozen=True)
class HypothesisScore:
    id: str
    inconsistency: int
    weighted_inconsistency: float
    prior: float
    posterior: float
    rank: int
    posterior_rank: int
    overlaps: tuple[str, ...] = ()
    nested_in: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "inconsistency": self.inconsistency,
                "weighted_inconsistency": self.weighted_inconsistency, "prior": self.prior,
                "posterior": self.posterior, "rank": self.rank, "posterior_rank": self.posterior_rank,
                "overlaps": list(self.overlaps), "nested_in": self.nested_in}


@dataclass(frozen=True)
class ItemDiagnosticity:
    id: str
    weight: float
    likelihoods: dict[str, float]
    likelihood_ratio: float
    diagnosticity: float

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "weight": self.weight, "likelihoods": dict(self.likelihoods),
                "likelihood_ratio": self.likelihood_ratio, "diagnosticity": self.diagnosticity}


@dataclass(frozen=True)
class Sensitivity:
    """One item whose ``change`` (removed / toward neutral) moves the lead under ``measure``."""

    item: str
    change: str
    measure: str
    leaders_before: tuple[str, ...]
    leaders_after: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"item": self.item, "change": self.change, "measure": self.measure,
                "leaders_before": list(self.leaders_before), "leaders_after": list(self.leaders_after)}


@dataclass(frozen=True)
class AchResult:
    hypotheses: tuple[HypothesisScore, ...]
    evidence: tuple[ItemDiagnosticity, ...]
    ratings: dict[str, dict[str, str]]
    ranking: tuple[str, ...]
    posterior_ranking: tuple[str, ...]
    sensitivity: tuple[Sensitivity, ...] = ()
    caveats: tuple[str, ...] = ()

    @property
    def sensitive_items(self) -> tuple[str, ...]:
        """Items that, if wrong, would change the leading hypothesis (in matrix order, each once)."""
        return tuple(dict.fromkeys(s.item for s in self.sensitivity))

    def score(self, hypothesis: str) -> HypothesisScore:
        return next(h for h in self.hypotheses if h.id == hypothesis)

    def item(self, evidence: str) -> ItemDiagnosticity:
        return next(e for e in self.evidence if e.id == evidence)

    def to_dict(self) -> dict[str, Any]:
        return {"hypotheses": [h.to_dict() for h in self.hypotheses],
                "evidence": [e.to_dict() for e in self.evidence],
                "ratings": {item: dict(row) for item, row in self.ratings.items()},
                "ranking": list(self.ranking), "posterior_ranking": list(self.posterior_ranking),
                "sensitivity": [s.to_dict() for s in self.sensitivity],
                "sensitive_items": list(self.sensitive_items), "caveats": list(self.caveats)}

    def matrix(self) -> pd.DataFrame:
        """Heuer's matrix: one row per evidence item, one rating column per hypothesis (``NA`` filled in)."""
        columns = [h.id for h in self.hypotheses]
        return pd.DataFrame([[self.ratings[e.id][h] for h in columns] for e in self.evidence],
                            index=pd.Index([e.id for e in self.evidence], name="evidence"), columns=columns)

    def scores(self) -> pd.DataFrame:
        """One row per hypothesis with its scores and ranks."""
        rows = [h.to_dict() for h in self.hypotheses]
        return pd.DataFrame(rows, columns=list(HypothesisScore.__dataclass_fields__)).set_index("id")

    def diagnostics(self) -> pd.DataFrame:
        """One row per evidence item with its weight, likelihood ratio and diagnosticity."""
        rows = [{"id": e.id, "weight": e.weight, "likelihood_ratio": e.likelihood_ratio,
                 "diagnosticity": e.diagnosticity} for e in self.evidence]
        return pd.DataFrame(rows, columns=["id", "weight", "likelihood_ratio", "diagnosticity"]).set_index("id")


def parse_rating(value: object, item: str, hypothesis: str) -> str:
    """The scale rating ``value`` names (case and surrounding blanks ignored)."""
    rating = value.strip().upper() if isinstance(value, str) else ""
    if rating not in SCALE:
        raise ValueError(f"evidence {item!r}, hypothesis {hypothesis!r}: unknown rating {value!r} "
                         f"(expected one of {', '.join(SCALE)})")
    return rating


def _unique(ids: Iterable[str], kind: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for identifier in ids:
        if not isinstance(identifier, str) or not identifier:
            raise ValueError(f"{kind} id {identifier!r} must be a non-empty string")
        if identifier in seen:
            raise ValueError(f"duplicate {kind} id {identifier!r}")
        seen[identifier] = None
    return tuple(seen)


def _check_relations(hypotheses: Sequence[Hypothesis], known: tuple[str, ...]) -> None:
    for hypothesis in hypotheses:
        related = [*hypothesis.overlaps, *([hypothesis.nested_in] if hypothesis.nested_in is not None else [])]
        for other in related:
            if other not in known or other == hypothesis.id:
                raise ValueError(f"hypothesis {hypothesis.id!r}: relation to {other!r} names no other hypothesis")


def rating_table(hypotheses: Sequence[str], evidence: Sequence[str], ratings: Ratings) -> dict[str, dict[str, str]]:
    """Every (item, hypothesis) rating, validated and with ``NA`` for the missing ones."""
    table = {item: dict.fromkeys(hypotheses, "NA") for item in evidence}
    for key, value in ratings.items():
        item, hypothesis = key
        if item not in table:
            raise ValueError(f"evidence {item!r}, hypothesis {hypothesis!r}: rating for an unknown evidence item")
        if hypothesis not in table[item]:
            raise ValueError(f"evidence {item!r}, hypothesis {hypothesis!r}: rating for an unknown hypothesis")
        table[item][hypothesis] = parse_rating(value, item, hypothesis)
    return table


def normalised_priors(hypotheses: Sequence[str], priors: Mapping[str, float] | None) -> dict[str, float]:
    """Priors summing to 1: uniform when none are given, otherwise one non-negative number per hypothesis."""
    if priors is None:
        return {h: 1.0 / len(hypotheses) for h in hypotheses}
    unknown = sorted(set(priors) - set(hypotheses))
    missing = [h for h in hypotheses if h not in priors]
    if unknown or missing:
        raise ValueError(f"priors: unknown hypotheses {unknown}, missing hypotheses {missing}")
    for h in hypotheses:
        if not math.isfinite(priors[h]) or priors[h] < 0:
            raise ValueError(f"hypothesis {h!r}: prior {priors[h]!r} must be a finite non-negative number")
    total = math.fsum(priors[h] for h in hypotheses)
    if total <= 0:
        raise ValueError("priors: at least one hypothesis needs a positive prior")
    return {h: priors[h] / total for h in hypotheses}


def inconsistency(hypotheses: Sequence[str], table: Mapping[str, Mapping[str, str]]) -> dict[str, int]:
    """Heuer's unweighted score: I counts 1, II counts 2, every other rating 0."""
    return {h: sum(SCALE[row[h]].inconsistency for row in table.values()) for h in hypotheses}


def weighted_inconsistency(hypotheses: Sequence[str], table: Mapping[str, Mapping[str, str]],
                           weights: Mapping[str, float]) -> dict[str, float]:
    """Heuer's score with each item's term multiplied by its weight (credibility × relevance)."""
    return {h: math.fsum(SCALE[row[h]].inconsistency * weights[item] for item, row in table.items())
            for h in hypotheses}


def tempered_likelihood(rating: str, weight: float) -> float:
    """``w·L + (1 − w)·0.5``: the rating's likelihood, pulled toward neutral as the item's weight falls."""
    return weight * SCALE[rating].likelihood + (1.0 - weight) * NEUTRAL_LIKELIHOOD


def posteriors(hypotheses: Sequence[str], table: Mapping[str, Mapping[str, str]], weights: Mapping[str, float],
               priors: Mapping[str, float]) -> dict[str, float]:
    """P(H | items) ∝ P(H) · Π tempered likelihoods, normalised over the hypotheses (computed in log space)."""
    logs = {h: (math.log(priors[h]) if priors[h] > 0 else -math.inf)
            + math.fsum(math.log(tempered_likelihood(row[h], weights[item])) for item, row in table.items())
            for h in hypotheses}
    top = max(logs.values())
    unnormalised = {h: math.exp(value - top) for h, value in logs.items()}
    total = math.fsum(unnormalised.values())
    return {h: value / total for h, value in unnormalised.items()}


def diagnosticity(item: str, row: Mapping[str, str], weight: float) -> ItemDiagnosticity:
    """Largest over smallest weighted likelihood of one item across the hypotheses, and its log."""
    likelihoods = {h: tempered_likelihood(rating, weight) for h, rating in row.items()}
    ratio = max(likelihoods.values()) / min(likelihoods.values())
    return ItemDiagnosticity(item, weight, likelihoods, ratio, math.log(ratio))


def _key(value: float) -> float:
    return round(value, TIE_DIGITS)


def ranked(scores: Mapping[str, float], lowest_first: bool) -> tuple[str, ...]:
    """Hypotheses from most to least likely; tied scores keep their given order (the sort is stable)."""
    sign = 1.0 if lowest_first else -1.0
    return tuple(sorted(scores, key=lambda h: sign * _key(scores[h])))


def ranks(scores: Mapping[str, float], lowest_first: bool) -> dict[str, int]:
    """Competition ranks (1, 1, 3, ...): tied hypotheses share a rank."""
    sign = 1.0 if lowest_first else -1.0
    keys = {h: sign * _key(value) for h, value in scores.items()}
    return {h: 1 + sum(other < key for other in keys.values()) for h, key in keys.items()}


def leaders(scores: Mapping[str, float], lowest_first: bool) -> tuple[str, ...]:
    """The hypotheses tied for first place, in their given order."""
    rank = ranks(scores, lowest_first)
    return tuple(h for h in scores if rank[h] == 1)


def _lead(hypotheses: Sequence[str], table: Mapping[str, Mapping[str, str]], weights: Mapping[str, float],
          priors: Mapping[str, float]) -> dict[str, tuple[str, ...]]:
    return {WEIGHTED_INCONSISTENCY: leaders(weighted_inconsistency(hypotheses, table, weights), lowest_first=True),
            POSTERIOR: leaders(posteriors(hypotheses, table, weights, priors), lowest_first=False)}


def sensitivity(hypotheses: Sequence[str], table: Mapping[str, Mapping[str, str]], weights: Mapping[str, float],
                priors: Mapping[str, float]) -> tuple[Sensitivity, ...]:
    """Items whose removal, or whose ratings moved one step toward neutral, change the leading hypotheses."""
    before = _lead(hypotheses, table, weights, priors)
    found: list[Sensitivity] = []
    for item, row in table.items():
        softened = {h: SCALE[rating].toward_neutral for h, rating in row.items()}
        variants = {REMOVED: {other: r for other, r in table.items() if other != item},
                    TOWARD_NEUTRAL: {**table, item: softened}}
        for change, variant in variants.items():
            after = _lead(hypotheses, variant, weights, priors)
            found.extend(Sensitivity(item, change, measure, before[measure], after[measure])
                         for measure in (WEIGHTED_INCONSISTENCY, POSTERIOR) if after[measure] != before[measure])
    return tuple(found)


def caveats(hypotheses: Sequence[Hypothesis], table: Mapping[str, Mapping[str, str]],
            lead: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Warnings about what the scores cannot mean for this matrix."""
    notes: list[str] = []
    pairs = dict.fromkeys(tuple(sorted((h.id, other))) for h in hypotheses for other in h.overlaps)
    notes.extend(f"hypotheses {a!r} and {b!r} overlap: posteriors assume mutually exclusive hypotheses, "
                 "so they split the probability the two share" for a, b in pairs)
    notes.extend(f"hypothesis {h.id!r} is nested in {h.nested_in!r}: posteriors assume mutually exclusive "
                 "hypotheses, so the broader one's posterior excludes the nested case" for h in hypotheses
                 if h.nested_in is not None)
    if len(hypotheses) == 1:
        notes.append("only one hypothesis: ACH needs competing hypotheses; its posterior is 1 by construction")
    if all(rating == "NA" for row in table.values() for rating in row.values()):
        notes.append("no item is rated against any hypothesis: the scores say nothing and posteriors are the priors")
    for measure, tied in lead.items():
        if len(tied) > 1:
            notes.append(f"{', '.join(tied)} tie for first place under the {measure}")
    return tuple(notes)


def assess(hypotheses: Sequence[Hypothesis], evidence: Sequence[Evidence], ratings: Ratings,
           priors: Mapping[str, float] | None = None) -> AchResult:
    """Score an ACH matrix: inconsistency, weighted inconsistency, posteriors, diagnosticity and sensitivity."""
    hypothesis_ids = _unique((h.id for h in hypotheses), "hypothesis")
    if not hypothesis_ids:
        raise ValueError("no hypotheses to assess")
    _check_relations(hypotheses, hypothesis_ids)
    item_ids = _unique((e.id for e in evidence), "evidence")
    table = rating_table(hypothesis_ids, item_ids, ratings)
    weights = {e.id: e.weight for e in evidence}
    prior = normalised_priors(hypothesis_ids, priors)

    counts = inconsistency(hypothesis_ids, table)
    weighted = weighted_inconsistency(hypothesis_ids, table, weights)
    posterior = posteriors(hypothesis_ids, table, weights, prior)
    rank, posterior_rank = ranks(weighted, lowest_first=True), ranks(posterior, lowest_first=False)
    scores = tuple(HypothesisScore(h.id, counts[h.id], weighted[h.id], prior[h.id], posterior[h.id], rank[h.id],
                                   posterior_rank[h.id], tuple(h.overlaps), h.nested_in) for h in hypotheses)
    return AchResult(
        hypotheses=scores,
        evidence=tuple(diagnosticity(item, row, weights[item]) for item, row in table.items()),
        ratings=table,
        ranking=ranked(weighted, lowest_first=True),
        posterior_ranking=ranked(posterior, lowest_first=False),
        sensitivity=sensitivity(hypothesis_ids, table, weights, prior),
        caveats=caveats(hypotheses, table, _lead(hypothesis_ids, table, weights, prior)),
    )

