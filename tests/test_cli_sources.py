from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from dyadwatch.cli import app as main_app
from dyadwatch.cli_sources import sources_app

from .helpers import news, write_jsonl

app = typer.Typer()
app.add_typer(sources_app, name="sources")
runner = CliRunner()
CITE = "https://example.org/about"


def run(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.stdout


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> str:
    folder = tmp_path / "ws"
    assert runner.invoke(main_app, ["init", str(folder), "--database", database_url]).exit_code == 0
    return str(folder)


def test_add_edit_show_and_list(ws: str) -> None:
    run("sources", "add", "Meduza", "--country", "RUS", "--language", "ru", "--ownership", "independent",
        "--location", "exile", "--platform", "web", "--citation", CITE, "--valid-from", "2014-10-20", "-w", ws)
    run("sources", "edit", "Meduza", "credibility", "medium", "--citation", CITE, "--valid-from", "2020-01-01", "-w", ws)
    listed = json.loads(run("sources", "--format", "json", "-w", ws))
    assert [(r["name"], r["ownership"], r["credibility"], r["status"]) for r in listed] == \
        [("Meduza", "independent", "medium", "classified")]
    before = json.loads(run("sources", "--as-of", "2015-01-01", "--format", "json", "-w", ws))
    assert before[0]["credibility"] is None
    shown = json.loads(run("sources", "show", "Meduza", "--format", "json", "-w", ws))[0]
    assert shown["facts"]["location"] == "exile"
    assert {h["citation"] for h in shown["history"]} == {CITE}
    rows = list(csv.DictReader(io.StringIO(run("sources", "--format", "csv", "-w", ws))))
    assert rows[0]["country"] == "RUS" and rows[0]["documents"] == "0"


def test_invalid_value_exits_2_with_coded_message(ws: str) -> None:
    result = runner.invoke(app, ["sources", "add", "X", "--country", "Russia", "--citation", CITE, "-w", ws])
    assert result.exit_code == 2
    assert "[E051]" in result.stderr and "ISO 3166" in result.stderr
    result = runner.invoke(app, ["sources", "edit", "Nobody", "country", "RUS", "--citation", CITE, "-w", ws])
    assert result.exit_code == 1 and "[E052]" in result.stderr


def test_import_starter_twice_adds_nothing(ws: str) -> None:
    first = json.loads(run("sources", "import", "--starter", "-o", "json", "-w", ws))
    assert first["new_sources"] >= 45 and first["quarantined"] == 0
    second = json.loads(run("sources", "import", "--starter", "-o", "json", "-w", ws))
    assert (second["new_sources"], second["new_facts"]) == (0, 0)
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(run("sources", "-f", "csv", "-w", ws)))}
    assert rows["Sputnik Azerbaijan"]["owner_group"] == rows["RIA Novosti"]["owner_group"] == "Rossiya Segodnya"
    assert "Usage" in run("sources", "--help")


def test_import_file_with_bad_rows_exits_3(ws: str, tmp_path: Path) -> None:
    path = tmp_path / "reg.csv"
    path.write_text("name,country,citation\nGood,AZE,https://a.example\nBad,ZZZ,https://a.example\n", encoding="utf-8")
    result = runner.invoke(app, ["sources", "import", str(path), "-w", ws])
    assert result.exit_code == 3
    assert "1 quarantined" in result.stdout
    assert runner.invoke(app, ["sources", "import", "-w", ws]).exit_code == 2


def test_unknown_lists_unclassified_sources(ws: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [news("a", "Баку и Москва.")])
    assert runner.invoke(main_app, ["ingest", str(path), "-w", ws]).exit_code == 0
    assert [(r["name"], r["documents"]) for r in json.loads(run("sources", "unknown", "-f", "json", "-w", ws))] == \
        [("Steppe Wire", 1)]
