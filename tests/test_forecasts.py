"""Forecasts: ICD 203 terms, validation, probabilities in force, proposed resolutions, Brier and calibration."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.assess.forecasts import (
    CONFIDENCE_LEVELS,
    Forecast,
    ForecastUpdate,
    Resolution,
    brier,
    calibration,
    icd203_bands,
    icd203_term,
    propose_resolution,
)

CREATED, DEADLINE = date(2025, 1, 1), date(2025, 3, 31)
TERMS = [band.term for band in icd203_bands()]


def forecast(probability: float = 0.65, **changes: Any) -> Forecast:
    values: dict[str, Any] = {
        "id": "F1", "question": "Russia expels an Azerbaijani diplomat before 31 March 2025",
        "resolution_criteria": "An expulsion announced by the Russian MFA", "created": CREATED,
        "deadline": DEADLINE, "analyst": "ana", "probability": probability, "confidence": "moderate",
    }
    return Forecast(**{**values, **changes})


def resolved(probability: float, outcome: bool, analyst: str = "ana") -> Forecast:
    return forecast(probability, analyst=analyst, resolution=Resolution(DEADLINE, outcome))


def test_table_holds_the_seven_icd203_terms() -> None:
    assert [(b.term, b.low, b.high) for b in icd203_bands()] == [
        ("almost no chance", 0.01, 0.05), ("very unlikely", 0.05, 0.20), ("unlikely", 0.20, 0.45),
        ("roughly even chance", 0.45, 0.55), ("likely", 0.55, 0.80), ("very likely", 0.80, 0.95),
        ("almost certain", 0.95, 0.99)]


@pytest.mark.parametrize(("p", "term"), [
    (0.0, "almost no chance"), (0.005, "almost no chance"), (0.01, "almost no chance"),
    (0.049, "almost no chance"), (0.05, "very unlikely"), (0.051, "very unlikely"),
    (0.199, "very unlikely"), (0.20, "unlikely"), (0.201, "unlikely"),
    (0.449, "unlikely"), (0.45, "roughly even chance"), (0.451, "roughly even chance"),
    (0.5, "roughly even chance"),
    (0.549, "roughly even chance"), (0.55, "roughly even chance"), (0.551, "likely"),
    (0.799, "likely"), (0.80, "likely"), (0.801, "very likely"),
    (0.949, "very likely"), (0.95, "very likely"), (0.951, "almost certain"),
    (0.99, "almost certain"), (0.995, "almost certain"), (1.0, "almost certain"),
])
def test_icd203_boundaries_take_the_term_nearer_even(p: float, term: str) -> None:
    assert icd203_term(p) == term


def test_icd203_terms_mirror_around_one_half() -> None:
    for k in range(101):
        assert TERMS.index(icd203_term(k / 100)) == len(TERMS) - 1 - TERMS.index(icd203_term((100 - k) / 100))


@pytest.mark.parametrize("p", [-0.01, 1.01, float("nan")])
def test_icd203_refuses_non_probabilities(p: float) -> None:
    with pytest.raises(ValueError, match="^p:"):
        icd203_term(p)


@given(st.floats(min_value=0.0, max_value=1.0))
@settings(max_examples=200)
def test_icd203_term_is_total_on_the_unit_interval(p: float) -> None:
    assert icd203_term(p) in TERMS


def test_statement_keeps_term_and_confidence_in_separate_clauses() -> None:
    text = forecast(0.65).statement()
    assert text == ("We judge it likely (65 %) that Russia expels an Azerbaijani diplomat before 31 March 2025 "
                    "(confidence: moderate).")
    term_clause, confidence_clause = text.split(" (confidence: ")
    assert not any(level in term_clause for level in CONFIDENCE_LEVELS)
    assert not any(term in confidence_clause for term in TERMS)


def test_statement_follows_updates() -> None:
    later = forecast(0.65, updates=(ForecastUpdate(date(2025, 2, 1), 0.125, "high", "bo"),))
    assert later.statement().startswith("We judge it very unlikely (12.5 %) that")
    assert later.statement().endswith("(confidence: high).")
    assert later.statement(date(2025, 1, 31)).startswith("We judge it likely (65 %)")


@pytest.mark.parametrize(("changes", "field"), [
    ({"probability": 1.2}, "probability"),
    ({"probability": -0.1}, "probability"),
    ({"confidence": "very high"}, "confidence"),
    ({"deadline": date(2024, 12, 31)}, "deadline"),
    ({"resolution": Resolution(date(2024, 12, 31), True)}, r"resolution\.date"),
    ({"updates": (ForecastUpdate(date(2024, 12, 31), 0.5, "low", "ana"),)}, r"updates\[0\]\.date"),
    ({"updates": (ForecastUpdate(date(2025, 2, 1), 0.5, "low", "ana"),
                  ForecastUpdate(date(2025, 1, 15), 0.6, "low", "ana"))}, r"updates\[1\]\.date"),
    ({"updates": (ForecastUpdate(date(2025, 4, 1), 0.5, "low", "ana"),)}, r"updates\[0\]\.date"),
    ({"updates": (ForecastUpdate(date(2025, 2, 1), 0.5, "low", "ana"),),
      "resolution": Resolution(date(2025, 1, 20), True)}, "updates"),
    ({"criteria_query": {"dyad": "RUS:RUS", "quad_class": 4}}, r"criteria_query\.dyad"),
    ({"criteria_query": {"dyad": "RUS:AZE"}}, "criteria_query"),
    ({"criteria_query": {"dyad": "RUS:AZE", "quad_class": 5}}, r"criteria_query\.quad_class"),
    ({"criteria_query": {"dyad": "RUS:AZE", "quad_class": 4, "min_events": 0}}, r"criteria_query\.min_events"),
    ({"criteria_query": {"dyad": "RUS:AZE", "quad_class": 4, "since": "2025-01-01"}}, "criteria_query"),
])
def test_validation_names_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValueError, match=f"^{field}:"):
        forecast(**changes)


@pytest.mark.parametrize(("make", "field"), [
    (lambda: ForecastUpdate(CREATED, 2.0, "low", "ana"), "probability"),
    (lambda: ForecastUpdate(CREATED, 0.5, "certain", "ana"), "confidence"),
])
def test_update_validates_itself(make: Any, field: str) -> None:
    with pytest.raises(ValueError, match=f"^{field}:"):
        make()


def test_probability_on_takes_the_last_judgement_on_or_before_the_day() -> None:
    f = forecast(0.6).updated(ForecastUpdate(date(2025, 2, 1), 0.7, "moderate", "ana"))
    f = f.updated(ForecastUpdate(date(2025, 2, 1), 0.75, "high", "ana"))
    f = f.updated(ForecastUpdate(date(2025, 3, 1), 0.9, "high", "bo"))
    assert f.probability_on(CREATED) == 0.6
    assert f.probability_on(date(2025, 1, 31)) == 0.6
    assert f.probability_on(date(2025, 2, 1)) == 0.75
    assert f.probability_on(date(2025, 2, 28)) == 0.75
    assert f.probability_on(date(2025, 6, 1)) == 0.9
    with pytest.raises(ValueError, match="^day:"):
        f.probability_on(date(2024, 12, 31))


def test_update_after_resolution_is_refused() -> None:
    f = forecast().resolved(Resolution(date(2025, 2, 1), True))
    with pytest.raises(ValueError, match="^updates:"):
        f.updated(ForecastUpdate(date(2025, 2, 2), 0.9, "high", "ana"))


def test_brier_on_a_known_set() -> None:
    unresolved = forecast(0.5)
    assert brier([resolved(0.9, True), resolved(0.7, False), resolved(0.2, False), unresolved]) == pytest.approx(0.18)


def test_brier_scores_the_probability_in_force_at_resolution() -> None:
    f = forecast(0.2, updates=(ForecastUpdate(date(2025, 2, 1), 0.9, "high", "ana"),
                               ForecastUpdate(date(2025, 3, 1), 0.4, "high", "ana")),
                 resolution=Resolution(date(2025, 4, 15), True))
    assert brier([f]) == pytest.approx(0.36)
    early = forecast(0.2, updates=(ForecastUpdate(date(2025, 2, 1), 0.9, "high", "ana"),),
                     resolution=Resolution(date(2025, 2, 10), True))
    assert brier([early]) == pytest.approx(0.01)


def test_brier_needs_a_resolved_forecast() -> None:
    with pytest.raises(ValueError, match="^forecasts:"):
        brier([forecast()])


@given(st.lists(st.tuples(st.floats(min_value=0.0, max_value=1.0), st.booleans()), min_size=1, max_size=20))
@settings(max_examples=100, deadline=None)
def test_brier_lies_in_the_unit_interval(pairs: list[tuple[float, bool]]) -> None:
    assert 0.0 <= brier([resolved(p, outcome) for p, outcome in pairs]) <= 1.0


KNOWN = [resolved(0.05, False, "ana"), resolved(0.15, True, "ana"), resolved(0.12, False, "bo"),
         resolved(0.7, True, "bo"), resolved(0.75, False, "ana"), resolved(1.0, True, "bo"), forecast(0.3)]


def test_calibration_with_equal_width_bins() -> None:
    table = calibration(KNOWN, bins=10)
    assert list(table.columns) == ["bin", "forecasts", "mean_probability", "observed_rate"]
    assert list(table["bin"]) == ["[0, 0.1)", "[0.1, 0.2)", "[0.7, 0.8)", "[0.9, 1]"]
    assert list(table["forecasts"]) == [1, 2, 2, 1]
    assert list(table["mean_probability"]) == pytest.approx([0.05, 0.135, 0.725, 1.0])
    assert list(table["observed_rate"]) == pytest.approx([0.0, 0.5, 0.5, 1.0])


def test_calibration_by_icd203_term() -> None:
    table = calibration(KNOWN, bins="icd203")
    assert list(table["bin"]) == ["very unlikely", "likely", "almost certain"]
    assert list(table["forecasts"]) == [3, 2, 1]
    assert list(table["observed_rate"]) == pytest.approx([1 / 3, 0.5, 1.0])


def test_calibration_by_analyst() -> None:
    table = calibration(KNOWN, bins=2, by="analyst")
    assert list(table.columns) == ["analyst", "bin", "forecasts", "mean_probability", "observed_rate"]
    assert table[["analyst", "bin", "forecasts"]].values.tolist() == [
        ["ana", "[0, 0.5)", 2], ["ana", "[0.5, 1]", 1], ["bo", "[0, 0.5)", 1], ["bo", "[0.5, 1]", 2]]
    assert list(table["observed_rate"]) == pytest.approx([0.5, 0.0, 0.0, 1.0])


def test_calibration_of_nothing_is_empty() -> None:
    assert calibration([forecast()]).empty
    with pytest.raises(ValueError, match="^bins:"):
        calibration(KNOWN, bins=0)


def events(*rows: tuple[str, date, str, str, int, str, str | None, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "event_date", "actor1_code", "actor2_code", "quad_class",
                                       "plover_category", "cameo_code", "actor1_body"])


RECORD = events(
    ("e0", date(2024, 12, 20), "RUS", "AZE", 4, "COERCE", "172", "RUS_MFA"),   # before the forecast
    ("e1", date(2025, 1, 10), "RUS", "AZE", 4, "COERCE", "1723", "RUS_MFA"),
    ("e2", date(2025, 1, 10), "AZE", "RUS", 4, "COERCE", "172", "AZE_MFA"),    # other direction
    ("e3", date(2025, 2, 5), "RUS", "AZE", 3, "THREATEN", "138", "RUS_MOD"),
    ("e4", date(2025, 2, 20), "RUS", "AZE", 4, "COERCE", "174", "RUS_MFA"),
    ("e5", date(2025, 2, 20), "RUS", "AZE", 4, "COERCE", None, "RUS_MFA"),
    ("e6", date(2025, 4, 2), "RUS", "AZE", 4, "COERCE", "172", "RUS_MFA"),     # after the deadline
)


def with_query(**query: Any) -> Forecast:
    return forecast(criteria_query=query)


def test_proposal_true_cites_the_matches_up_to_the_last_needed() -> None:
    proposal = propose_resolution(with_query(dyad="RUS:AZE", quad_class=4, min_events=2), RECORD,
                                  today=date(2025, 3, 1))
    assert proposal is not None
    assert (proposal.outcome, proposal.date, proposal.evidence) == (True, date(2025, 2, 20), ("e1", "e4", "e5"))


def test_proposal_reads_both_directions_bodies_and_cameo_prefixes() -> None:
    both = propose_resolution(with_query(dyad="RUS-AZE", plover_category="COERCE", min_events=2), RECORD,
                              today=date(2025, 3, 1))
    assert both is not None and (both.date, both.evidence) == (date(2025, 1, 10), ("e1", "e2"))
    prefix = propose_resolution(with_query(dyad="RUS:AZE", cameo_prefix="17", min_events=2, body="RUS_MFA"),
                                RECORD, today=date(2025, 3, 1))
    assert prefix is not None and prefix.evidence == ("e1", "e4")


def test_proposal_false_once_the_deadline_has_passed() -> None:
    f = with_query(dyad="RUS:AZE", plover_category="ASSAULT")
    assert propose_resolution(f, RECORD, today=DEADLINE) is None
    proposal = propose_resolution(f, RECORD, today=date(2025, 4, 5))
    assert proposal is not None
    assert (proposal.outcome, proposal.date, proposal.evidence) == (False, DEADLINE, ())


def test_proposal_ignores_events_not_yet_known() -> None:
    f = with_query(dyad="RUS:AZE", quad_class=4, min_events=2)
    assert propose_resolution(f, RECORD, today=date(2025, 2, 1)) is None


def test_no_proposal_without_query_or_once_resolved() -> None:
    assert propose_resolution(forecast(), RECORD, today=date(2025, 4, 5)) is None
    done = with_query(dyad="RUS:AZE", quad_class=4).resolved(Resolution(date(2025, 1, 10), True))
    assert propose_resolution(done, RECORD, today=date(2025, 4, 5)) is None
    with pytest.raises(ValueError, match="^events:"):
        propose_resolution(with_query(dyad="RUS:AZE", quad_class=4), RECORD.drop(columns="cameo_code"),
                           today=date(2025, 4, 5))
