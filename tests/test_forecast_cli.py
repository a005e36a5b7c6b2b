"""`dyadwatch forecast`: add, update, resolve, list, score and show forecasts kept in a workspace."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

import dyadwatch
from dyadwatch.assess.forecast_store import forecast_from_dict, forecast_to_dict, get_forecast
from dyadwatch.cli_forecast import forecast_app

from .helpers import write_jsonl

runner = CliRunner()
app = typer.Typer()
app.add_typer(forecast_app, name="forecast")


def _run(ws: dyadwatch.Workspace, *args: str) -> Result:
    return runner.invoke(app, ["forecast", *args, "-w", str(ws.root)])


def _ok(ws: dyadwatch.Workspace, *args: str) -> Result:
    result = _run(ws, *args)
    assert result.exit_code == 0, result.output
    return result


def _add(ws: dyadwatch.Workspace, forecast_id: str, probability: str, *extra: str) -> Result:
    return _ok(ws, "add", "--id", forecast_id, "--question", f"Will {forecast_id} happen?", "--criteria", "it does",
               "--created", "2025-06-01", "--deadline", "2025-09-30", "--probability", probability,
               "--confidence", "moderate", *extra)


def _resolved_pair(ws: dyadwatch.Workspace) -> None:
    """raid: 0.7 by zed, raised to 0.9 by ana, happened; visit: 0.2 by bob, did not happen."""
    _add(ws, "raid", "0.7", "--analyst", "zed")
    _ok(ws, "update", "raid", "--probability", "0.9", "--confidence", "high", "--day", "2025-06-10",
        "--why", "troops massing", "--analyst", "ana")
    _ok(ws, "resolve", "raid", "--outcome", "yes", "--day", "2025-06-20", "--why", "raid reported",
        "--evidence", "ev1", "--evidence", "ev2", "--analyst", "ana")
    _add(ws, "visit", "0.2", "--analyst", "bob")
    _ok(ws, "resolve", "visit", "--outcome", "no", "--day", "2025-09-30", "--why", "no visit", "--analyst", "bob")


def test_score_gives_the_hand_computed_brier(sqlite_workspace: dyadwatch.Workspace) -> None:
    _resolved_pair(sqlite_workspace)
    result = _ok(sqlite_workspace, "score", "--format", "json")
    report = json.loads(result.stdout)
    brier = {row["scope"]: row["brier"] for row in report["brier"]}
    # raid scored at 0.9 (the update in force when resolved): 0.01; visit at 0.2: 0.04
    assert brier["all"] == pytest.approx((0.01 + 0.04) / 2)
    assert brier == pytest.approx({"all": 0.025, "ana": 0.01, "bob": 0.04})
    assert [(row["bin"], row["forecasts"], row["observed_rate"]) for row in report["calibration"]] == [
        ("[0.2, 0.3)", 1, 0.0), ("[0.9, 1]", 1, 1.0)]
    by_term = json.loads(_ok(sqlite_workspace, "score", "--bins", "icd203", "--by", "analyst",
                             "--format", "json").stdout)
    assert [(row["analyst"], row["bin"]) for row in by_term["calibration"]] == [
        ("ana", "very likely"), ("bob", "unlikely")]
    assert "0.025" in _ok(sqlite_workspace, "score", "--format", "csv").stdout


def test_list_shows_term_and_confidence_in_separate_columns(sqlite_workspace: dyadwatch.Workspace) -> None:
    _add(sqlite_workspace, "raid", "0.7")
    _ok(sqlite_workspace, "update", "raid", "--probability", "0.85", "--confidence", "high", "--day", "2025-06-10",
        "--why", "more signs")
    rows = list(csv.DictReader(io.StringIO(_ok(sqlite_workspace, "list", "--format", "csv").stdout)))
    assert len(rows) == 1
    assert rows[0]["probability"] == "0.85" and rows[0]["term"] == "very likely"
    assert rows[0]["confidence"] == "high" and rows[0]["status"] == "past deadline" and rows[0]["proposal"] == ""


def test_the_log_keeps_every_action_with_its_date(sqlite_workspace: dyadwatch.Workspace) -> None:
    _resolved_pair(sqlite_workspace)
    shown = json.loads(_ok(sqlite_workspace, "show", "raid", "--format", "json").stdout)
    assert [(e["action"], e["day"], e["probability"], e["confidence"], e["analyst"]) for e in shown["log"]] == [
        ("add", "2025-06-01", 0.7, "moderate", "zed"), ("update", "2025-06-10", 0.9, "high", "ana"),
        ("resolve", "2025-06-20", None, None, "ana")]
    assert shown["forecast"]["resolution"]["evidence"] == ["ev1", "ev2"]
    text = _ok(sqlite_workspace, "show", "raid").stdout
    assert "very likely" in text and "confidence: high" in text and "yes on 2025-06-20" in text
    stored = get_forecast(sqlite_workspace.engine, "raid")
    assert forecast_from_dict(forecast_to_dict(stored)) == stored


def test_a_query_forecast_gets_a_proposal_once_matching_events_exist(sqlite_workspace: dyadwatch.Workspace,
                                                                      tmp_path: Path) -> None:
    today = date.today()
    query = json.dumps({"dyad": "RUS:AZE", "quad_class": 4, "min_events": 2})
    _ok(sqlite_workspace, "add", "--id", "raids", "--question", "Will Russia raid Azerbaijani businesses twice?",
        "--criteria", "two material-conflict events RUS on AZE", "--query", query,
        "--created", (today - timedelta(days=30)).isoformat(), "--deadline", (today + timedelta(days=30)).isoformat(),
        "--probability", "0.6", "--confidence", "low")

    def proposal() -> str | None:
        rows = json.loads(_ok(sqlite_workspace, "list", "--format", "json").stdout)
        return rows[0]["proposal"]

    assert proposal() is None
    first, second = today - timedelta(days=10), today - timedelta(days=5)
    events: list[dict[str, object]] = [
        {"date": day.isoformat(), "actor1_code": "RUS", "actor2_code": "AZE", "cameo_code": "173",
         "what": f"raid {n}", "source_urls": [f"https://example.invalid/{n}"]}
        for n, day in enumerate((first, second))]
    sqlite_workspace.import_events([write_jsonl(tmp_path / "raids.jsonl", events)])
    assert (proposal() or "").startswith(f"yes on {second}, evidence ")


@pytest.mark.parametrize(("args", "field"), [
    (("add", "--id", "x", "--question", "q", "--criteria", "c", "--deadline", "2025-07-01", "--created",
      "2025-06-01", "--probability", "1.5", "--confidence", "low"), "probability"),
    (("add", "--id", "x", "--question", "q", "--criteria", "c", "--deadline", "2025-07-01", "--created",
      "2025-06-01", "--probability", "0.5", "--confidence", "sure"), "confidence"),
    (("add", "--id", "x", "--question", "q", "--criteria", "c", "--deadline", "2025-07-01", "--created",
      "2025-06-01", "--probability", "0.5", "--confidence", "low", "--query", '{"dyad": "RUS:AZE"}'),
     "criteria_query"),
    (("resolve", "raid", "--outcome", "yes", "--day", "2025-05-01", "--why", "early"), "resolution.date"),
    (("update", "raid", "--probability", "-0.1", "--confidence", "low", "--day", "2025-06-05", "--why", "w"),
     "probability"),
    (("update", "nope", "--probability", "0.5", "--confidence", "low", "--why", "w"), "no forecast 'nope'"),
    (("add", "--id", "raid", "--question", "q", "--criteria", "c", "--deadline", "2025-07-01", "--created",
      "2025-06-01", "--probability", "0.5", "--confidence", "low"), "id: a forecast 'raid' already exists"),
])
def test_bad_input_exits_non_zero_naming_the_field(sqlite_workspace: dyadwatch.Workspace, args: tuple[str, ...],
                                                   field: str) -> None:
    _add(sqlite_workspace, "raid", "0.7")
    result = _run(sqlite_workspace, *args)
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert field in result.stderr


def test_as_of_shows_only_what_was_judged_and_known_then(sqlite_workspace: dyadwatch.Workspace) -> None:
    _resolved_pair(sqlite_workspace)
    early = {row["id"]: row for row in json.loads(_ok(sqlite_workspace, "list", "--as-of", "2025-06-05",
                                                      "--format", "json").stdout)}
    assert early["raid"]["probability"] == 0.7 and early["raid"]["status"] == "open"
    later = json.loads(_ok(sqlite_workspace, "score", "--as-of", "2025-06-30", "--format", "json").stdout)
    assert {row["scope"]: row["brier"] for row in later["brier"]} == pytest.approx({"all": 0.01, "ana": 0.01})
    before_any = _run(sqlite_workspace, "score", "--as-of", "2025-06-15")
    assert before_any.exit_code != 0 and "Traceback" not in before_any.output
