"""ACH scoring: a hand-worked 3 × 5 matrix, edge cases, input errors and properties of the posterior."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.assess.ach import (
    POSTERIOR,
    REMOVED,
    SCALE,
    TOWARD_NEUTRAL,
    WEIGHTED_INCONSISTENCY,
    Evidence,
    Hypothesis,
    assess,
)

HYPOTHESES = [Hypothesis("H1"), Hypothesis("H2"), Hypothesis("H3")]
# weights w = credibility × relevance: E1 1, E2 0.5, E3 0.5, E4 0.4, E5 1
EVIDENCE = [Evidence("E1", "ministry statement"), Evidence("E2", "anonymous channel", credibility=0.5),
            Evidence("E3", "background piece", relevance=0.5),
            Evidence("E4", "leaked memo", credibility=0.8, relevance=0.5), Evidence("E5", "troop movement")]
# E4 × H3 is missing, hence NA.
RATINGS = {("E1", "H1"): "C", ("E1", "H2"): "I", ("E1", "H3"): "II",
           ("E2", "H1"): "I", ("E2", "H2"): "C", ("E2", "H3"): "C",
           ("E3", "H1"): "N", ("E3", "H2"): "N", ("E3", "H3"): "N",
           ("E4", "H1"): "CC", ("E4", "H2"): "II",
           ("E5", "H1"): "I", ("E5", "H2"): "C", ("E5", "H3"): "I"}


@pytest.fixture(scope="module")
def worked():  # type: ignore[no-untyped-def]
    return assess(HYPOTHESES, EVIDENCE, RATINGS)


def test_worked_example_inconsistency(worked) -> None:  # type: ignore[no-untyped-def]
    # H1: E2 I + E5 I = 2; H2: E1 I + E4 II = 3; H3: E1 II + E5 I = 3
    assert [worked.score(h).inconsistency for h in ("H1", "H2", "H3")] == [2, 3, 3]
    # H1: 0.5·1 + 1·1 = 1.5; H2: 1·1 + 0.4·2 = 1.8; H3: 1·2 + 1·1 = 3.0
    weighted = [worked.score(h).weighted_inconsistency for h in ("H1", "H2", "H3")]
    assert weighted == pytest.approx([1.5, 1.8, 3.0])
    assert worked.ranking == ("H1", "H2", "H3")
    assert [worked.score(h).rank for h in ("H1", "H2", "H3")] == [1, 2, 3]


def test_worked_example_posteriors(worked) -> None:  # type: ignore[no-untyped-def]
    # tempered likelihoods w·L + (1 − w)·0.5, per item (H1, H2, H3):
    # E1 (.7, .3, .1)  E2 (.4, .6, .6)  E3 (.5, .5, .5)  E4 (.66, .34, .5)  E5 (.3, .7, .3)
    # products: H1 .02772, H2 .02142, H3 .0045; sum .05364
    posteriors = [round(worked.score(h).posterior, 4) for h in ("H1", "H2", "H3")]
    assert posteriors == [0.5168, 0.3993, 0.0839]
    assert worked.posterior_ranking == ("H1", "H2", "H3")
    assert all(worked.score(h).prior == pytest.approx(1 / 3) for h in ("H1", "H2", "H3"))


def test_worked_example_diagnosticity(worked) -> None:  # type: ignore[no-untyped-def]
    # E1 .7/.1 = 7, E2 .6/.4 = 1.5, E3 1, E4 .66/.34 = 1.9412, E5 .7/.3 = 2.3333
    ratios = [round(worked.item(e).likelihood_ratio, 4) for e in ("E1", "E2", "E3", "E4", "E5")]
    assert ratios == [7.0, 1.5, 1.0, 1.9412, 2.3333]
    logs = [round(worked.item(e).diagnosticity, 4) for e in ("E1", "E2", "E3", "E4", "E5")]
    assert logs == [1.9459, 0.4055, 0.0, 0.6633, 0.8473]
    assert worked.item("E4").likelihoods == pytest.approx({"H1": 0.66, "H2": 0.34, "H3": 0.5})


def test_worked_example_sensitivity(worked) -> None:  # type: ignore[no-untyped-def]
    # Without E1: weighted (1.5, 0.8, 1.0), products (.0396, .0714, .045) → H2 leads.
    # E1 toward neutral (N, N, I): weighted (1.5, 0.8, 2.0), products (.0198, .0357, .0135) → H2.
    # Without E4: weighted (1.5, 1.0, 3.0), products (.042, .063, .009) → H2.
    # E4 toward neutral (C, I, NA): weighted (1.5, 1.4, 3.0), products (.02436, .02646, .0045) → H2.
    # E2, E3, E5 removed or softened leave H1 ahead under both measures.
    assert worked.sensitive_items == ("E1", "E4")
    changes = {(s.item, s.change, s.measure) for s in worked.sensitivity}
    assert changes == {(item, change, measure) for item in ("E1", "E4") for change in (REMOVED, TOWARD_NEUTRAL)
                       for measure in (WEIGHTED_INCONSISTENCY, POSTERIOR)}
    assert all(s.leaders_before == ("H1",) and s.leaders_after == ("H2",) for s in worked.sensitivity)
    assert worked.caveats == ()


def test_views(worked) -> None:  # type: ignore[no-untyped-def]
    matrix = worked.matrix()
    assert list(matrix.columns) == ["H1", "H2", "H3"]
    assert matrix.loc["E4", "H3"] == "NA" and matrix.loc["E1", "H3"] == "II"
    assert worked.scores().loc["H2", "inconsistency"] == 3
    assert worked.diagnostics().loc["E3", "diagnosticity"] == 0.0
    data = worked.to_dict()
    assert data["sensitive_items"] == ["E1", "E4"] and data["ratings"]["E4"]["H3"] == "NA"


def test_all_na() -> None:
    result = assess(HYPOTHESES, [Evidence("E1"), Evidence("E2")], {("E1", "H2"): "NA"})
    assert [h.inconsistency for h in result.hypotheses] == [0, 0, 0]
    assert [h.posterior for h in result.hypotheses] == pytest.approx([1 / 3] * 3)
    assert [e.diagnosticity for e in result.evidence] == [0.0, 0.0]
    assert result.sensitivity == () and result.ranking == ("H1", "H2", "H3")
    assert any("no item is rated" in note for note in result.caveats)


def test_single_hypothesis() -> None:
    result = assess([Hypothesis("H1")], [Evidence("E1")], {("E1", "H1"): "II"})
    assert result.score("H1").inconsistency == 2 and result.score("H1").posterior == 1.0
    assert result.item("E1").likelihood_ratio == 1.0 and result.sensitivity == ()
    assert any("only one hypothesis" in note for note in result.caveats)


def test_ties_keep_given_order() -> None:
    hypotheses = [Hypothesis("B"), Hypothesis("A"), Hypothesis("C")]
    ratings = {("E1", "A"): "C", ("E1", "B"): "C", ("E1", "C"): "I", ("E2", "A"): "I", ("E2", "B"): "I"}
    result = assess(hypotheses, [Evidence("E1"), Evidence("E2", credibility=0.3)], ratings)
    # weighted: B .3, A .3, C 1; posteriors ∝ B .7·.44, A .7·.44, C .3·.5
    assert result.ranking == ("B", "A", "C") and result.posterior_ranking == ("B", "A", "C")
    assert [result.score(h).rank for h in ("B", "A", "C")] == [1, 1, 3]
    assert [result.score(h).posterior_rank for h in ("B", "A", "C")] == [1, 1, 3]
    assert "B, A tie for first place under the weighted inconsistency" in result.caveats
    assert "B, A tie for first place under the posterior" in result.caveats


def test_overlaps_are_carried_and_flagged() -> None:
    hypotheses = [Hypothesis("H1", overlaps=("H2",)), Hypothesis("H2", overlaps=("H1",)),
                  Hypothesis("H3", nested_in="H1")]
    result = assess(hypotheses, [Evidence("E1")], {("E1", "H1"): "C"})
    assert result.score("H1").overlaps == ("H2",) and result.score("H3").nested_in == "H1"
    assert sum("overlap" in note for note in result.caveats) == 1
    assert any("'H3' is nested in 'H1'" in note for note in result.caveats)


def test_priors() -> None:
    result = assess([Hypothesis("H1"), Hypothesis("H2")], [Evidence("E1")], {("E1", "H1"): "C", ("E1", "H2"): "I"},
                    priors={"H1": 1, "H2": 3})
    # .25·.7 = .175 against .75·.3 = .225
    assert [round(h.posterior, 4) for h in result.hypotheses] == [0.4375, 0.5625]


@pytest.mark.parametrize(("evidence", "ratings", "message"), [
    ([Evidence("E1")], {("E1", "H1"): "X"}, "evidence 'E1', hypothesis 'H1': unknown rating 'X'"),
    ([Evidence("E1")], {("E1", "H9"): "C"}, "evidence 'E1', hypothesis 'H9': rating for an unknown hypothesis"),
    ([Evidence("E1")], {("E9", "H1"): "C"}, "evidence 'E9', hypothesis 'H1': rating for an unknown evidence"),
    ([Evidence("E1"), Evidence("E1")], {}, "duplicate evidence id 'E1'"),
])
def test_bad_ratings(evidence: list[Evidence], ratings: dict[tuple[str, str], str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        assess([Hypothesis("H1")], evidence, ratings)


@pytest.mark.parametrize(("field", "value"), [("credibility", 1.5), ("relevance", -0.1), ("credibility", math.nan)])
def test_weights_outside_unit_interval(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=f"evidence 'E7': {field} .* outside"):
        Evidence("E7", **{field: value})  # type: ignore[arg-type]


def test_lowercase_ratings_are_accepted() -> None:
    assert assess([Hypothesis("H1")], [Evidence("E1")], {("E1", "H1"): " ii "}).score("H1").inconsistency == 2


_IDS = ["H1", "H2", "H3", "H4"]


@st.composite
def matrices(draw: st.DrawFn) -> tuple[list[Hypothesis], list[Evidence], dict[tuple[str, str], str]]:
    hypotheses = [Hypothesis(h) for h in _IDS[:draw(st.integers(1, 4))]]
    unit = st.floats(0.0, 1.0)
    evidence = [Evidence(f"E{i}", credibility=draw(unit), relevance=draw(unit))
                for i in range(draw(st.integers(0, 5)))]
    cells = [(e.id, h.id) for e in evidence for h in hypotheses]
    ratings = {cell: draw(st.sampled_from(list(SCALE))) for cell in cells if draw(st.booleans())}
    return hypotheses, evidence, ratings


@settings(max_examples=60, deadline=None)
@given(matrices(), st.floats(0.0, 1.0))
def test_posteriors_are_a_distribution_and_na_items_change_nothing(
        matrix: tuple[list[Hypothesis], list[Evidence], dict[tuple[str, str], str]], credibility: float) -> None:
    hypotheses, evidence, ratings = matrix
    result = assess(hypotheses, evidence, ratings)
    posteriors = [h.posterior for h in result.hypotheses]
    assert math.fsum(posteriors) == pytest.approx(1.0)
    assert all(0.0 <= p <= 1.0 for p in posteriors)

    na_ratings = {**ratings, **{("NA-only", h.id): "NA" for h in hypotheses}}
    padded = assess(hypotheses, [*evidence, Evidence("NA-only", credibility=credibility)], na_ratings)
    for before, after in zip(result.hypotheses, padded.hypotheses, strict=True):
        assert after.inconsistency == before.inconsistency
        assert after.weighted_inconsistency == before.weighted_inconsistency
        assert after.posterior == pytest.approx(before.posterior, abs=1e-12)
    assert padded.ranking == result.ranking and padded.posterior_ranking == result.posterior_ranking
    assert padded.sensitivity == result.sensitivity
    assert padded.item("NA-only").diagnosticity == 0.0
