from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from dyadwatch.cli import app

from .helpers import news, write_jsonl

README = Path(__file__).resolve().parents[1] / "README.md"
runner = CliRunner()


def _commands(group: typer.Typer, prefix: str = "dyadwatch") -> list[str]:
    names = [f"{prefix} {c.name or c.callback.__name__}" for c in group.registered_commands]  # type: ignore[union-attr]
    for sub in group.registered_groups:
        names += _commands(sub.typer_instance, f"{prefix} {sub.name}")
    return names


def run(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.stdout


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Path:
    folder = tmp_path / "ws"
    run("init", str(folder), "--database", database_url)
    return folder


def test_every_command_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = [name for name in _commands(app) if f"`{name}" not in readme]
    assert not missing, f"undocumented commands: {missing}"


@pytest.mark.parametrize("command", [c.split()[1:] for c in _commands(app)])
def test_every_command_has_help(command: list[str]) -> None:
    assert "Usage" in run(*command, "--help")


def test_no_workspace_exits_1_and_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DYADWATCH_WORKSPACE", raising=False)
    result = runner.invoke(app, ["docs"])
    assert result.exit_code == 1
    assert "dyadwatch init DIR" in result.stderr


def test_ingest_process_and_read_back_as_json(ws: Path, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [
        news("a", "Баку и Москва обменялись резкими заявлениями после рейдов в Екатеринбурге.",
             published="2025-06-30T08:00:00Z", url="https://steppe-wire.example/a"),
        news("b", "Azerbaijan suspended the work of a Russian state news agency in Baku.",
             published="2025-07-01T08:00:00Z"),
    ])
    report = json.loads(run("ingest", str(path), "--workspace", str(ws), "--output", "json"))
    assert (report["new"], report["quarantined"], report["exit_code"]) == (2, 0, 0)
    assert json.loads(run("process", "-w", str(ws), "--output", "json"))["processed"] == 2
    docs = json.loads(run("docs", "-w", str(ws), "--format", "json"))
    assert {"id", "url", "title", "language", "published", "source", "cluster"} <= set(docs[0])
    assert [d["language"] for d in docs] == ["en", "ru"]
    assert docs[1]["published"] == "2025-06-30T08:00:00+00:00"
    found = json.loads(run("search", "Екатеринбург", "-w", str(ws), "--format", "json"))
    assert [d["url"] for d in found] == ["https://steppe-wire.example/a"]
    rows = list(csv.DictReader(io.StringIO(run("docs", "-w", str(ws), "--format", "csv", "--language", "en"))))
    assert len(rows) == 1 and rows[0]["language"] == "en"
    detail = json.loads(run("show", docs[1]["id"][:8], "-w", str(ws), "--format", "json"))[0]
    assert detail["sentences"][0]["text"].startswith("Баку и Москва")
    sources = json.loads(run("sources", "-w", str(ws), "--format", "json"))
    assert [(x["name"], x["status"], x["documents"], x["ownership"]) for x in sources] == [
        ("Steppe Wire", "unclassified", 2, None)
    ]
    summary = json.loads(run("summary", "-w", str(ws), "--format", "json"))
    assert {r["language"]: r["count"] for r in summary["by_language"]} == {"en": 1, "ru": 1}


def test_exit_codes_for_partial_and_unreadable_input(ws: Path, tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(json.dumps(news("a", "Baku protested.")) + "\n{broken\n", encoding="utf-8")
    run("ingest", str(mixed), "-w", str(ws), code=3)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    run("ingest", str(empty), "-w", str(ws), code=2)
    bad = json.loads(run("quarantine", "-w", str(ws), "--format", "json"))
    assert {b["origin"] for b in bad} == {f"{mixed}:2", str(empty)}
    assert all(b["reason"] and b["stage"] == "ingest" for b in bad)


def test_scraped_markup_is_not_interpreted_in_tables(ws: Path, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", [news("m", "[bold red]Injected[/] text from a page.", title="[link=x]t[/link]")])
    run("ingest", str(path), "-w", str(ws))
    result = runner.invoke(app, ["docs", "-w", str(ws)], env={"COLUMNS": "300"})
    assert "[link=x]t[/link]" in result.stdout


def test_events_import_and_list(ws: Path, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "ev.jsonl", [
        {"date": "2025-10-09", "actor1_code": "RUS", "actor2_code": "AZE", "cameo_code": "055",
         "what": "Putin apologised to Aliyev in Dushanbe.", "attested_by_urls": ["https://steppe-wire.example/d"]},
    ])
    run("events", "import", str(path), "-w", str(ws))
    listed = json.loads(run("events", "list", "-w", str(ws), "--format", "json"))
    assert [(e["origin"], e["cameo_code"], e["plover_category"]) for e in listed] == [("analyst", "055", "SUPPORT")]


def test_unknown_input_format_is_a_usage_error(ws: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--format", "xml", "-w", str(ws)])
    assert result.exit_code == 2 and "--format" in result.output
