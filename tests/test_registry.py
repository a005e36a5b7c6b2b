from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

import dyadwatch
from dyadwatch.registry import ATTRIBUTES, InvalidFact, MissingCitation, Registry, UnknownSource, entry_from_row
from dyadwatch.registry.starter import import_starter, starter_path

from .helpers import news, write_jsonl

CITE = "https://example.org/about"
SPUTNIK_AZ = {"country": "AZE", "language": "ru", "ownership": "foreign", "owner_group": "Rossiya Segodnya",
              "alignment": "unknown", "location": "foreign", "credibility": "unknown"}


@pytest.fixture
def registry(workspace: dyadwatch.Workspace) -> Registry:
    return Registry(workspace.engine)


def test_add_then_facts_and_table(registry: Registry, workspace: dyadwatch.Workspace, tmp_path: Path) -> None:
    workspace.ingest([write_jsonl(tmp_path / "a.jsonl", [news("1", "Текст один.", source="Sputnik Azerbaijan"),
                                                         news("2", "Текст два.", source="Sputnik Azerbaijan")])])
    added = registry.add("Sputnik Azerbaijan", SPUTNIK_AZ, CITE, platform="agency", url="https://az.sputniknews.ru",
                         aliases=["Sputnik Azərbaycan"])
    assert added == 9  # seven facts, platform, one alias
    assert registry.facts("Sputnik Azərbaycan") == {**SPUTNIK_AZ, "platform": "agency"}
    row = next(r for r in registry.table() if r["name"] == "Sputnik Azerbaijan")
    assert (row["documents"], row["status"], row["owner_group"], row["platform"]) == (2, "classified", "Rossiya Segodnya", "agency")
    assert row["aliases"] == ["Sputnik Azərbaycan"]
    assert registry.add("Sputnik Azerbaijan", SPUTNIK_AZ, CITE, platform="agency") == 0


def test_edit_keeps_history_and_as_of_sees_the_past(registry: Registry) -> None:
    registry.add("Turan", {"location": "domestic"}, CITE, valid_from=date(1990, 1, 1))
    assert registry.edit("Turan", "location", "exile", "https://example.org/moved", valid_from=date(2024, 1, 15))
    assert not registry.edit("Turan", "location", "exile", CITE, valid_from=date(2024, 3, 1))
    assert registry.facts("Turan", as_of=date(2023, 12, 31))["location"] == "domestic"
    assert registry.facts("Turan", as_of=date(2024, 1, 15))["location"] == "exile"
    assert registry.facts("Turan", as_of=date(1989, 12, 31)) == {}
    rows = [(f.value, f.valid_from, f.valid_to, f.citation) for f in registry.history("Turan")]
    assert rows == [("domestic", date(1990, 1, 1), date(2024, 1, 15), CITE),
                    ("exile", date(2024, 1, 15), None, "https://example.org/moved")]


def test_backdated_edit_ends_where_the_next_value_starts(registry: Registry) -> None:
    registry.add("Outlet", {"ownership": "private"}, CITE, valid_from=date(2010, 1, 1))
    registry.edit("Outlet", "ownership", "state", CITE, valid_from=date(2020, 1, 1))
    registry.edit("Outlet", "ownership", "state-affiliated", CITE, valid_from=date(2015, 1, 1))
    assert [registry.facts("Outlet", as_of=date(y, 6, 1))["ownership"] for y in (2012, 2016, 2021)] == \
        ["private", "state-affiliated", "state"]


def test_edit_without_a_date_starts_today(registry: Registry) -> None:
    registry.add("Outlet", {"alignment": "neutral"}, CITE)
    registry.edit("Outlet", "alignment", "opposition", CITE)
    first, second = registry.history("Outlet")
    assert (first.valid_from, first.valid_to, second.valid_from) == (None, date.today(), date.today())
    assert registry.facts("Outlet")["alignment"] == "opposition"


@pytest.mark.parametrize(("attribute", "value", "message"), [
    ("country", "RU", "ISO 3166 alpha-3"), ("language", "rus", "ISO 639-1"), ("ownership", "public", "state-affiliated"),
    ("alignment", "left", "pro-government"), ("tone", "calm", "not a registry attribute"),
])
def test_invalid_values_say_what_is_expected(registry: Registry, attribute: str, value: str, message: str) -> None:
    with pytest.raises(InvalidFact, match=message):
        registry.add("Outlet", {attribute: value}, CITE)


def test_missing_citation_and_unknown_source(registry: Registry) -> None:
    with pytest.raises(MissingCitation, match=r"\[E053\]"):
        registry.add("Outlet", {"country": "RUS"}, "  ")
    with pytest.raises(UnknownSource, match="No source is named 'Nobody'"):
        registry.edit("Nobody", "country", "RUS", CITE)


def test_import_quarantines_bad_rows(registry: Registry, workspace: dyadwatch.Workspace, tmp_path: Path) -> None:
    path = tmp_path / "reg.csv"
    path.write_text(
        "name,country,language,ownership,citation,valid_from\n"
        "Good,RUS,ru,state,https://a.example,2014-01-01\n"
        "BadCountry,XXX,ru,state,https://a.example,\n"
        "BadOwnership,RUS,ru,public,https://a.example,\n"
        "NoCitation,RUS,ru,state,,\n"
        "ShortRow,RUS\n",
        encoding="utf-8",
    )
    report = registry.import_file(path)
    assert (report.new_sources, report.new_facts, report.quarantined, report.exit_code) == (1, 3, 4, 3)
    reasons = [reason for _origin, reason in report.problems]
    assert "country: 'XXX'" in reasons[0] and "ownership: 'public'" in reasons[1]
    assert "citation" in reasons[2] and "field count" in reasons[3]
    assert {q["stage"] for q in workspace.quarantine_records("sources")} == {"sources"}
    assert len(workspace.quarantine_records("sources")) == 4
    again = registry.import_file(path)
    assert (again.new_facts, again.unchanged) == (0, 1)
    assert len(workspace.quarantine_records("sources")) == 4


def test_import_jsonl(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "reg.jsonl"
    path.write_text(json.dumps({"name": "Meduza", "country": "RUS", "location": "exile", "citation": CITE,
                                "aliases": "Медуза"}, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    report = registry.import_file(path)
    assert (report.new_facts, report.quarantined) == (3, 1)
    assert registry.facts("Медуза") == {"country": "RUS", "location": "exile"}


def test_unclassified_lists_sources_without_facts(registry: Registry, workspace: dyadwatch.Workspace, tmp_path: Path) -> None:
    workspace.ingest([write_jsonl(tmp_path / "a.jsonl", [news("1", "Один.", source="Steppe Wire"),
                                                         news("2", "Два.", source="Steppe Wire"),
                                                         news("3", "Три.", source="Volga Evening")])])
    assert [(r["name"], r["documents"]) for r in registry.unclassified()] == [("Steppe Wire", 2), ("Volga Evening", 1)]
    registry.add("Volga Evening", {"country": "RUS"}, CITE)
    assert [r["name"] for r in registry.unclassified()] == ["Steppe Wire"]


def test_starter_rows_are_all_valid_and_cited() -> None:
    with starter_path().open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    entries = [entry_from_row(row) for row in rows]
    assert len({e.name for e in entries}) == len(entries) >= 45
    assert all(e.citation.startswith("https://") for e in entries)
    assert all(set(e.facts) == set(ATTRIBUTES) for e in entries)


def test_starter_import_is_idempotent(registry: Registry) -> None:
    first = import_starter(registry)
    assert (first.quarantined, first.exit_code) == (0, 0)
    assert first.new_sources == len(registry.table())
    again = import_starter(registry)
    assert (again.new_sources, again.new_facts, again.unchanged) == (0, 0, first.new_sources)
    assert registry.facts("RIA Novosti")["owner_group"] == registry.facts("Sputnik")["owner_group"] == "Rossiya Segodnya"
    assert registry.facts("AZERTAC")["ownership"] == "state"
