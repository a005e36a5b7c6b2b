from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch import reference
from dyadwatch.errors import InputError, UnknownFormat
from dyadwatch.models import CuratedEvent, Quarantined
from dyadwatch.sources.events_file import read_events

FIXTURES = Path(__file__).parent / "fixtures" / "events"
TIMELINE = Path("/work/shared/cases/russia-azerbaijan-2024-2025/timeline.jsonl")
tmp_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)

QUADS = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}
BASE = {"date": "2025-05-05", "actor1_code": "AZE", "actor2_code": "RUS", "what": "Envoy summoned.",
        "cameo_code": "114"}


def read_bytes(tmp_path: Path, data: bytes, name: str = "events.jsonl") -> list[CuratedEvent | Quarantined]:
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_events(path))


def read_one(tmp_path: Path, **changes: object) -> CuratedEvent | Quarantined:
    item = {k: v for k, v in {**BASE, **changes}.items() if v is not ...}
    results = read_bytes(tmp_path, json.dumps(item).encode() + b"\n")
    assert len(results) == 1
    return results[0]


def reason(tmp_path: Path, **changes: object) -> str:
    result = read_one(tmp_path, **changes)
    assert isinstance(result, Quarantined), result
    return result.reason


def test_jsonl_fixture() -> None:
    path = FIXTURES / "events.jsonl"
    first, second, third, fourth = read_events(path)
    assert first == CuratedEvent(
        event_date=date(2025, 3, 4),
        actor1_code="KAZ",
        actor2_code="AZE",
        description="The Kazakh foreign minister visits Baku to discuss the ferry timetable.",
        origin=f"{path}:1",
        raw=path.read_text(encoding="utf-8").splitlines()[0],
        actor1_name="Foreign minister of Kazakhstan",
        actor2_name="Azerbaijan",
        cameo_code="042",
        plover_category="CONSULT",
        plover_mode="visit",
        goldstein=1.9,
        quad_class=1,
        source_urls=("https://caspian-ledger.example/2025/03/visit",),
        external_id="T01",
    )
    assert isinstance(second, CuratedEvent)
    assert (second.cameo_code, second.plover_category, second.plover_mode) == ("057", "SUPPORT", None)
    assert (second.goldstein, second.quad_class, second.description) == (
        8.0, 1, "Baku and Astana sign a memorandum on port fees.")
    assert second.source_urls == ("https://steppe-wire.example/a", "http://caspian-ledger.example/b")
    assert isinstance(third, CuratedEvent)
    assert (third.actor1_code, third.actor2_code, third.cameo_code) == ("IGO", None, None)
    assert (third.plover_category, third.goldstein, third.quad_class) == ("REQUEST", None, 3)
    assert isinstance(fourth, CuratedEvent)
    assert (fourth.cameo_code, fourth.plover_category, fourth.plover_mode) == ("112", "COERCE", "arrest")
    assert (fourth.goldstein, fourth.quad_class) == (-5.0, 3)


def test_csv_fixture() -> None:
    path = FIXTURES / "events.csv"
    first, second, third = read_events(path)
    assert isinstance(first, CuratedEvent)
    assert first.source_urls == ("https://caspian-ledger.example/c01", "https://steppe-wire.example/c01")
    assert (first.plover_category, first.plover_mode, first.goldstein) == ("ACCUSE", "allege", -2.0)
    assert first.origin == f"{path}:row 1 (line 2)"
    assert json.loads(first.raw)["event_id"] == "C01"
    assert first.date_note is None
    assert isinstance(second, CuratedEvent)
    assert (second.goldstein, second.date_note, second.actor1_name) == (-2.0, "reported a day later", "Russia")
    assert isinstance(third, Quarantined)
    assert third.reason == ("row 3: cameo_code: '42' is not a 3- or 4-digit code; "
                            "write CAMEO codes with their leading zero, e.g. 042")


def test_reference_case_reads_without_quarantine() -> None:
    if not TIMELINE.exists():
        pytest.skip("shared/ reference case not present")
    events = list(read_events(TIMELINE))
    assert len(events) == len(TIMELINE.read_text(encoding="utf-8").splitlines())
    assert [e for e in events if isinstance(e, Quarantined)] == []
    for event, line in zip(events, TIMELINE.read_text(encoding="utf-8").splitlines(), strict=True):
        item = json.loads(line)
        assert isinstance(event, CuratedEvent)
        assert event.cameo_code == item["cameo_code"]
        assert event.goldstein == item["goldstein"]
        assert event.source_urls == tuple(item["attested_by_urls"])
        assert event.external_id == item["event_id"]
        if item["plover_category"]:
            assert event.plover_category == item["plover_category"]
        assert event.quad_class == QUADS[item["cameo_quad"]]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"date": ...}, "line 1: date is missing"),
        ({"date": "05.05.2025"}, "line 1: date: cannot read '05.05.2025' as an ISO date (YYYY-MM-DD)"),
        ({"date": "2025-02-30"}, "line 1: date: cannot read '2025-02-30' as an ISO date (YYYY-MM-DD)"),
        ({"actor1_code": ...}, "line 1: actor1_code is missing"),
        ({"actor1_code": "XYZ"},
         "line 1: actor1_code: 'XYZ' is not an ISO 3166 alpha-3 country code nor one of "
         "CAU, EUR, IGO, IMG, MNC, NGO, UNO, WST"),
        ({"actor2_code": "AZ"}, "line 1: actor2_code: 'AZ' is not an ISO 3166 alpha-3 country code nor one of "
                                "CAU, EUR, IGO, IMG, MNC, NGO, UNO, WST"),
        ({"what": ...}, "line 1: what (or description) is missing"),
        ({"what": "  "}, "line 1: what (or description) is missing"),
        ({"cameo_code": ...}, "line 1: needs a CAMEO code (cameo_code) or a PLOVER category (plover_category)"),
        ({"cameo_code": "42"}, "line 1: cameo_code: '42' is not a 3- or 4-digit code; "
                               "write CAMEO codes with their leading zero, e.g. 042"),
        ({"cameo_code": 42}, "line 1: cameo_code: '42' is not a 3- or 4-digit code; "
                             "write CAMEO codes with their leading zero, e.g. 042"),
        ({"cameo_code": "999"}, "line 1: cameo_code: '999' is not a CAMEO event code"),
        ({"cameo_code": ["042"]}, "line 1: cameo_code: expected a string, got an array"),
        ({"plover_category": "FIGHT"},
         "line 1: plover_category: 'FIGHT' is not a PLOVER category (ACCUSE, AGREE, AID, ASSAULT, COERCE, "
         "CONCEDE, CONSULT, COOPERATE, MOBILIZE, PROTEST, REJECT, REQUEST, RETREAT, SANCTION, SUPPORT, THREATEN)"),
        ({"plover_mode": "drone"},
         "line 1: plover_mode: 'drone' is not a mode of ACCUSE (its modes: allege, disapprove, investigate)"),
        ({"cameo_code": "057", "plover_mode": "visit"},
         "line 1: plover_mode: 'visit' is not a mode of SUPPORT (its modes: none)"),
        ({"cameo_code": "012", "plover_mode": "visit"}, "line 1: plover_mode: 'visit' given without a PLOVER category"),
        ({"goldstein": 11}, "line 1: goldstein: 11 is outside -10 to 10"),
        ({"goldstein": "high"}, "line 1: goldstein: expected a number from -10 to 10, got 'high'"),
        ({"goldstein": True}, "line 1: goldstein: expected a number from -10 to 10, got True"),
        ({"attested_by_urls": ["ftp://example.org/a"]},
         "line 1: attested_by_urls: 'ftp://example.org/a' is not an http(s) URL"),
        ({"urls": ["https://steppe-wire.example/a", 5]}, "line 1: urls: 5 is not an http(s) URL"),
        ({"source_urls": {"a": 1}}, "line 1: source_urls: expected a list of URLs, got an object"),
        ({"urls": "https:///nohost"}, "line 1: urls: 'https:///nohost' is not an http(s) URL"),
    ],
)
def test_bad_events(tmp_path: Path, changes: dict[str, object], expected: str) -> None:
    assert reason(tmp_path, **changes) == expected


def test_derivations(tmp_path: Path) -> None:
    event = read_one(tmp_path, cameo_code="0841")
    assert isinstance(event, CuratedEvent)
    assert (event.plover_category, event.plover_mode, event.goldstein, event.quad_class) == (
        "RETREAT", "release", 7.0, 2)
    event = read_one(tmp_path, cameo_code="093", plover_mode="Investigate")
    assert isinstance(event, CuratedEvent)
    assert (event.plover_category, event.plover_mode, event.quad_class) == ("ACCUSE", "investigate", 2)
    event = read_one(tmp_path, cameo_code=..., plover="mobilize", actor1_code="nGo", event_id=7)
    assert isinstance(event, CuratedEvent)
    assert (event.plover_category, event.quad_class, event.actor1_code, event.external_id) == (
        "MOBILIZE", 4, "NGO", "7")


def test_analyst_may_disagree_with_the_map(tmp_path: Path) -> None:
    event = read_one(tmp_path, cameo_code="042", plover_category="SUPPORT", goldstein=-1)
    assert isinstance(event, CuratedEvent)
    assert (event.cameo_code, event.plover_category, event.goldstein, event.quad_class) == ("042", "SUPPORT", -1.0, 1)


def test_csv_problems(tmp_path: Path) -> None:
    results = read_bytes(tmp_path, b"date,actor1,what\n2025-01-01,x,y\n", name="events.csv")
    assert [r.reason for r in results if isinstance(r, Quarantined)] == [
        "header lacks actor1_code; it has: date, actor1, what"]
    results = read_bytes(tmp_path, b"actor1_code,notes\nAZE,x\n", name="events.csv")
    assert [r.reason for r in results if isinstance(r, Quarantined)] == [
        "header lacks date, what (or description); it has: actor1_code, notes"]
    data = (b"date;actor1_code;description;cameo;urls\n"
            b"2025-01-01;AZE;Talks.;0231;https://a.example/x https://b.example/y|https://c.example/z\n")
    event = read_bytes(tmp_path, data, name="events.csv")[0]
    assert isinstance(event, CuratedEvent)
    assert event.source_urls == ("https://a.example/x", "https://b.example/y", "https://c.example/z")
    assert (event.cameo_code, event.plover_category, event.goldstein) == ("0231", None, 3.4)


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnknownFormat, match="its suffix must be one of .jsonl, .ndjson, .json, .csv, .tsv"):
        read_events(tmp_path / "events.xlsx")
    with pytest.raises(InputError):
        read_events(tmp_path / "absent.csv")


@given(st.binary(max_size=300), st.sampled_from(["events.jsonl", "events.csv"]))
@tmp_settings
def test_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, name: str) -> None:
    results = read_bytes(tmp_path, data, name)
    assert results
    assert all(isinstance(r, (CuratedEvent, Quarantined)) for r in results)


event_keys = st.sampled_from(["date", "actor1", "actor1_code", "actor2_code", "what", "description", "cameo_code",
                              "cameo", "plover_category", "plover_mode", "goldstein", "urls", "event_id"])
values = st.one_of(st.none(), st.booleans(), st.integers(-20, 3000), st.floats(), st.text(max_size=12),
                   st.sampled_from(["AZE", "042", "CONSULT", "visit", "2025-01-01", "https://a.example/"]),
                   st.lists(st.text(max_size=5), max_size=2))


@given(st.lists(st.dictionaries(event_keys, values, max_size=10), max_size=6))
@tmp_settings
def test_arbitrary_items_give_one_result_each(tmp_path: Path, items: list[dict[str, object]]) -> None:
    data = "".join(json.dumps(item) + "\n" for item in items).encode()
    results = read_bytes(tmp_path, data)
    assert len(results) == max(len(items), 1)


mapped_codes = sorted(code for code in ("010", "042", "043", "057", "0841", "112", "1122", "138", "173", "195")
                      if reference.is_cameo_code(code))
valid_events = st.fixed_dictionaries(
    {
        "date": st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat),
        "actor1_code": st.sampled_from(["AZE", "RUS", "IRN", "TUR", "KAZ", "IGO"]),
        "what": st.text(min_size=1, max_size=60).map(str.strip).filter(bool),
        "cameo_code": st.sampled_from(mapped_codes),
    },
    optional={
        "actor2_code": st.sampled_from(["AZE", "RUS", "UKR", "USA", "UNO"]),
        "actor1": st.text(min_size=1, max_size=20).map(str.strip).filter(bool),
        "goldstein": st.floats(min_value=-10, max_value=10).map(lambda g: round(g, 1)),
        "urls": st.lists(st.sampled_from(["https://caspian-ledger.example/1", "http://steppe-wire.example/2"]),
                         max_size=3),
        "event_id": st.text(st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=8),
    },
)


def check_round_trip(item: dict[str, Any], event: CuratedEvent | Quarantined) -> None:
    assert isinstance(event, CuratedEvent), event
    code = str(item["cameo_code"])
    assert event.event_date.isoformat() == item["date"]
    assert event.actor1_code == item["actor1_code"]
    assert event.actor2_code == item.get("actor2_code")
    assert event.description == item["what"]
    assert event.cameo_code == code
    assert event.goldstein == item.get("goldstein", reference.goldstein(code))
    assert event.quad_class == reference.quad_class_of_cameo(code)
    assert (event.plover_category, event.plover_mode) == (reference.cameo_to_plover(code) or (None, None))
    assert event.source_urls == tuple(item.get("urls", ()))
    assert event.external_id == item.get("event_id")


@given(st.lists(valid_events, min_size=1, max_size=5))
@tmp_settings
def test_jsonl_round_trip(tmp_path: Path, items: list[dict[str, Any]]) -> None:
    results = read_bytes(tmp_path, "".join(json.dumps(i) + "\n" for i in items).encode())
    assert len(results) == len(items)
    for item, event in zip(items, results, strict=True):
        check_round_trip(item, event)


@given(st.lists(valid_events, min_size=1, max_size=5))
@tmp_settings
def test_csv_round_trip(tmp_path: Path, items: list[dict[str, Any]]) -> None:
    columns = ["date", "actor1", "actor1_code", "actor2_code", "what", "cameo_code", "goldstein", "urls", "event_id"]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for item in items:
        cells = {**item, "urls": " | ".join(item.get("urls", []))}
        writer.writerow([cells.get(c, "") for c in columns])
    results = read_bytes(tmp_path, buffer.getvalue().encode(), name="events.csv")
    assert len(results) == len(items)
    for item, event in zip(items, results, strict=True):
        check_round_trip(item, event)
