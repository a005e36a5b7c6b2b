"""The rule coder: gold sentences per language, hard cases, provenance, and bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.coding import CodingOptions, code_records, make_coder
from dyadwatch.coding.scoring import score

GOLD = Path(__file__).parent / "gold"
LANGUAGES = ("ru", "az", "en", "tr", "fa")
# Floors a little under the scores measured on all sentences of each language (tuning and
# held-out halves; docs/benchmarks.md has the tables): a change that makes the coder worse fails here.
F1_FLOORS = {"ru": 0.74, "az": 0.62, "en": 0.67, "tr": 0.63, "fa": 0.62}
PRECISION_FLOORS = {"ru": 0.81, "az": 0.69, "en": 0.82, "tr": 0.76, "fa": 0.70}


def coded(text: str, doc_date: str = "2025-07-01", lang: str | None = None, **options: str) -> list[dict]:
    coder = make_coder(options=CodingOptions(**options)) if options else None
    record = {"id": "x", "text": text, "doc_date": doc_date, **({"lang": lang} if lang else {})}
    return next(code_records([record], coder))["events"]


def triples(events: list[dict]) -> set[tuple[str, str, str]]:
    return {(e["source"], e["target"], e["plover"]) for e in events}


@pytest.fixture(scope="module")
def gold_reports() -> dict[str, object]:
    reports = {}
    for language in LANGUAGES:
        records = [json.loads(line) for path in (GOLD / f"{language}.jsonl", GOLD / "heldout" / f"{language}.jsonl")
                   for line in path.read_text(encoding="utf-8").splitlines()]
        predictions = list(code_records({"id": r["id"], "text": r["text"], "doc_date": r["doc_date"], "lang": r["lang"]}
                                        for r in records))
        reports[language] = (records, score(records, predictions, resamples=50))
    return reports


@pytest.mark.parametrize("language", LANGUAGES)
def test_gold_sentences_per_language(gold_reports: dict, language: str) -> None:
    records, report = gold_reports[language]
    assert len(records) >= 40
    phenomena = {p for r in records for p in r["phenomena"]}
    assert {"negation", "passive", "reported_speech", "multiple_events", "morphology", "nickname"} <= phenomena
    overall = report.overall
    assert overall.f1 is not None and overall.f1 >= F1_FLOORS[language], overall
    assert overall.precision is not None and overall.precision >= PRECISION_FLOORS[language], overall


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Следственный комитет России задержал в Екатеринбурге членов азербайджанской диаспоры.", "ru",
     {("RUS", "AZE", "COERCE")}),
    ("Azerbaijan's foreign ministry summoned the Russian ambassador on Monday.", "en", {("AZE", "RUS", "ACCUSE")}),
    ("Putin apologised to Aliyev.", "en", {("RUS", "AZE", "SUPPORT")}),
    ("Bakı Moskvanı ittiham edib.", "az", {("AZE", "RUS", "ACCUSE")}),
    ("Erdoğan Putin ile telefonda görüştü.", "tr", {("TUR", "RUS", "CONSULT")}),
    ("پوتین با علی‌اف دیدار کرد.", "fa", {("RUS", "AZE", "CONSULT")}),
])
def test_simple_events_in_each_language(text: str, lang: str, expected: set) -> None:
    assert triples(coded(text, lang=lang)) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Moscow did not accuse Baku of anything.", "en"),
    ("Will Putin apologise to Aliyev?", "en"),
    ("If Moscow attacked Baku, the crisis would deepen.", "en"),
    ("Москва не обвиняла Баку.", "ru"),
    ("Путин извинится перед Алиевым?", "ru"),
    ("Rusiya Azərbaycanı ittiham etməyib.", "az"),
    ("Erdoğan Putin ile görüşecek.", "tr"),
    ("آیا پوتین با علی‌اف دیدار کرد؟", "fa"),
])
def test_negated_future_hypothetical_and_questions_are_not_events(text: str, lang: str) -> None:
    assert coded(text, lang=lang) == []


def test_relative_dates_resolve_against_the_document_date() -> None:
    events = coded("On Friday Azerbaijan's foreign ministry summoned the Russian ambassador.", "2025-07-02", "en")
    assert [e["date"] for e in events] == ["2025-06-27"]
    events = coded("Вчера МИД Азербайджана вызвал посла России.", "2025-07-01", "ru")
    assert [e["date"] for e in events] == ["2025-06-30"]


def test_ethnic_target_rule_is_switchable() -> None:
    text = "Russian police detained members of the Azerbaijani diaspora in Yekaterinburg."
    by_ethnicity = coded(text, lang="en")
    assert triples(by_ethnicity) == {("RUS", "AZE", "COERCE")}
    assert "ethnic_target" in by_ethnicity[0]["flags"]
    assert "Yekaterinburg" in by_ethnicity[0]["summary"]
    assert coded(text, lang="en", ethnic_targets="legal") == []


def test_bodies_stay_distinct_inside_one_state() -> None:
    events = coded("The Russian Investigative Committee detained Azerbaijani citizens, and Peskov accused Baku of "
                   "provocations.", lang="en")
    bodies = {(e["source"], e["source_body"]) for e in events}
    assert ("RUS", "RUS.SK") in bodies and ("RUS", "RUS.PRES") in bodies


def test_every_event_carries_spans_summary_and_coder() -> None:
    text = "Azerbaijan's foreign ministry summoned the Russian ambassador."
    event = coded(text, lang="en")[0]
    assert text[event["trigger"]["start"]:event["trigger"]["end"]] == "summoned"
    assert text[slice(*event["source_span"])].startswith("Azerbaijan")
    assert event["cameo"] == "114" and event["goldstein"] == -2.0 and event["quad_class"] == 3
    assert event["summary"].startswith("AZE ")
    assert 0 < event["confidence"] <= 1


@pytest.mark.parametrize("text", ["😀" * 5000, "\u202eМосква\u202c обвинила Баку", "؟؟؟", ""])
def test_odd_input_is_coded_or_skipped_never_a_crash(text: str) -> None:
    result = next(code_records([{"id": "b", "text": text, "doc_date": "2025-01-01"}]))
    assert result["id"] == "b" and isinstance(result["events"], list)


def test_a_huge_sentence_is_skipped_with_its_reason() -> None:
    text = "Moscow accused Baku " + "x" * 100_000
    result = next(code_records([{"id": "h", "text": text, "doc_date": "2025-01-01", "lang": "en"}]))
    assert result["events"] == []
    assert any("longer than" in s["reason"] for s in result["skipped"])


def test_unknown_language_and_bad_date_are_reported() -> None:
    bad_date = next(code_records([{"id": "d", "text": "Putin met Aliyev.", "doc_date": "yesterday"}]))
    assert bad_date["events"] == [] and "not an ISO date" in bad_date["error"]
    skipped: list = []
    assert make_coder().code_document("Ein Satz.", [(0, 9)], "de", date(2025, 1, 1), skipped) == []
    assert [s.reason for s in skipped] == ["no trigger lexicon for language 'de'"]


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400), st.sampled_from(LANGUAGES))
def test_coder_never_crashes_on_arbitrary_text(text: str, lang: str) -> None:
    result = next(code_records([{"id": "h", "text": text, "doc_date": "2025-06-30", "lang": lang}]))
    for event in result["events"]:
        assert event["source"] != event["target"]
