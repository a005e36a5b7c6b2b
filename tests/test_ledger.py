"""The dyad ledger, as-of views, context series, phases, coincidences and alerts on a real workspace."""

from __future__ import annotations

import csv
import json
import math
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import dyadwatch
from dyadwatch.cli import app
from dyadwatch.errors import QueryError
from dyadwatch.ledger.context import read_rows

from .helpers import news, write_jsonl

runner = CliRunner()
START = date(2025, 3, 1)
CONFLICT = ("173", "112", "130", "160", "120")


def _event(day: date, source: str, target: str, cameo: str, what: str = "reported move") -> dict[str, object]:
    return {"date": day.isoformat(), "actor1_code": source, "actor2_code": target, "cameo_code": cameo,
            "what": what, "source_urls": ["https://example.invalid/" + cameo]}


def _import(ws: dyadwatch.Workspace, tmp_path: Path, items: list[dict[str, object]], name: str = "ev") -> None:
    ws.import_events([write_jsonl(tmp_path / f"{name}.jsonl", items)])


@pytest.fixture
def small(workspace: dyadwatch.Workspace, tmp_path: Path) -> dyadwatch.Workspace:
    """A few analyst events around 27 June 2025 and one coded raid reported on 28 June."""
    day = date(2025, 6, 27)
    _import(workspace, tmp_path, [
        _event(day, "RUS", "AZE", "173", "raids in Yekaterinburg"),
        _event(day, "RUS", "AZE", "173", "raids in Yekaterinburg, second report"),
        _event(day + timedelta(days=1), "RUS", "AZE", "112"),
        _event(date(2025, 6, 20), "AZE", "RUS", "042", "visit"),
        _event(date(2025, 6, 29), "AZE", "RUS", "160"),
    ])
    docs = [news("r1", "Russian police detained members of the Azerbaijani diaspora in Yekaterinburg on Friday. "
                 "Baku protested.",
                 source="Caspian Ledger", published="2025-06-28T09:00:00Z", language="en"),
            news("r2", "Russian police detained members of the Azerbaijani diaspora in Yekaterinburg on Friday. "
                 "Baku protested.",
                 source="Neva Courier", published="2025-06-28T10:00:00Z", language="en")]
    workspace.ingest([write_jsonl(tmp_path / "docs.jsonl", docs)])
    workspace.process()
    return workspace


def _day(frame: pd.DataFrame, dyad: str, day: str) -> pd.Series:
    row = frame[(frame["dyad"] == dyad) & (frame["period"] == pd.Timestamp(day))]
    assert len(row) == 1, f"{dyad} {day}: {len(row)} rows"
    return row.iloc[0]


def test_ledger_counts_stories_not_copies(small: dyadwatch.Workspace) -> None:
    frame = small.ledger("RUS-AZE", since=date(2025, 6, 18), until=date(2025, 6, 30))
    assert set(frame["dyad"]) == {"RUS:AZE", "AZE:RUS"}
    assert len(frame) == 2 * 13  # every day of the period, both directions
    raid = _day(frame, "RUS:AZE", "2025-06-27")
    # two analyst entries, a coded event from two outlets: one COERCE story seen by two origins
    assert raid["stories"] == 1 and raid["material_conflict"] == 1 and raid["conflict"] == 1
    assert raid["analyst"] == 1 and raid["coded"] == 1 and raid["gdelt"] == 0
    assert raid["events"] == 4
    assert raid["goldstein_sum"] == pytest.approx(-5.0)
    assert raid["corroborated"] == 1 and raid["owner_groups"] == 2 and raid["sources"] == 2
    accuse = _day(frame, "RUS:AZE", "2025-06-28")
    assert accuse["verbal_conflict"] == 1 and accuse["goldstein_mean"] == pytest.approx(-2.0)
    assert accuse["corroborated"] == 0
    # a visit is symmetric: it counts in both directions; a sanction does not
    assert _day(frame, "RUS:AZE", "2025-06-20")["cooperation"] == 1
    assert _day(frame, "AZE:RUS", "2025-06-20")["cooperation"] == 1
    assert _day(frame, "AZE:RUS", "2025-06-29")["material_conflict"] == 1
    assert _day(frame, "RUS:AZE", "2025-06-29")["stories"] == 0
    assert _day(frame, "RUS:AZE", "2025-06-28")["documents"] == 1  # two copies, one near-duplicate cluster


def test_as_of_hides_what_was_not_yet_known(small: dyadwatch.Workspace) -> None:
    then = small.ledger("RUS:AZE", since=date(2025, 6, 26), until=date(2025, 6, 30), as_of=date(2025, 6, 27))
    assert list(then["period"]) == list(pd.date_range("2025-06-26", "2025-06-27"))
    raid = _day(then, "RUS:AZE", "2025-06-27")
    assert raid["coded"] == 0 and raid["analyst"] == 1  # the raid was reported on 28 June
    assert raid["documents"] == 0
    later = small.ledger("RUS:AZE", since=date(2025, 6, 26), until=date(2025, 6, 30), as_of=date(2025, 6, 28))
    assert _day(later, "RUS:AZE", "2025-06-27")["coded"] == 1


def test_weeks_months_and_bodies(small: dyadwatch.Workspace) -> None:
    weeks = small.ledger("RUS:AZE", freq="W", since=date(2025, 6, 16), until=date(2025, 6, 30))
    assert list(weeks["period"]) == [pd.Timestamp("2025-06-16"), pd.Timestamp("2025-06-23"),
                                     pd.Timestamp("2025-06-30")]
    assert list(weeks["stories"]) == [1, 2, 0]
    months = small.ledger("RUS:AZE", freq="M", since=date(2025, 6, 1), until=date(2025, 6, 30))
    assert months["stories"].tolist() == [3] and months["conflict"].tolist() == [2]
    bodies = small.ledger("RUS:AZE", by="body", since=date(2025, 6, 27), until=date(2025, 6, 27))
    acting = dict(zip(bodies["body"], bodies["stories"]))
    assert acting.get("RUS.MVD") == 1, acting  # the police, from the coded sentence
    assert acting.get("RUS") == 1  # analyst entries name the state only


def test_context_series_import_is_idempotent_and_quarantines(sqlite_workspace: dyadwatch.Workspace,
                                                             tmp_path: Path) -> None:
    ws = sqlite_workspace
    path = tmp_path / "trade.csv"
    path.write_text("date,value,unit\n2025-06-01,1200.5,million USD\n2025-07-01,980,million USD\n"
                    "2025-08-01,not a number,million USD\n2025-13-01,5,million USD\n", encoding="utf-8")
    report = ws.import_context(path, dyad="RUS-AZE", name="trade", citation="customs statistics")
    assert (report.new, report.quarantined, report.exit_code) == (2, 2, 3)
    assert "not a number" in report.problems[0][1]
    again = ws.import_context(path, dyad="RUS-AZE", name="trade", citation="customs statistics")
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    path.write_text("date,value\n2025-07-01,990\n", encoding="utf-8")
    assert ws.import_context(path, dyad="RUS-AZE", name="trade").updated == 1
    _import(ws, tmp_path, [_event(date(2025, 6, 10), "RUS", "AZE", "112")])
    frame = ws.ledger("RUS:AZE", freq="M", since=date(2025, 6, 1), until=date(2025, 7, 31))
    assert frame["context.trade"].tolist() == [1200.5, 990.0]
    assert len(ws.quarantine("context")) == 2


def test_context_file_without_date_column_is_refused(sqlite_workspace: dyadwatch.Workspace, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("day,amount\n2025-01-01,3\n", encoding="utf-8")
    result = runner.invoke(app, ["context", "import", str(path), "--dyad", "RUS-AZE", "--name", "x",
                                 "-w", str(sqlite_workspace.root)])
    assert result.exit_code != 0 and "date and value" in result.output


def _episodes(tmp_path: Path, ws: dyadwatch.Workspace) -> None:
    """200 quiet days of weekly cooperation, with a conflict burst on 1 May (IRN) and 2 May (RUS) 2025."""
    items = [_event(START + timedelta(days=d), "RUS", "AZE", "036") for d in range(0, 200, 7)]
    items += [_event(START + timedelta(days=d), "RUS", "AZE", "112") for d in (20, 95, 150)]
    for offset, (leader_day, follower_day) in enumerate([(date(2025, 5, 1), date(2025, 5, 2)),
                                                          (date(2025, 7, 10), date(2025, 7, 10))]):
        for k, cameo in enumerate(CONFLICT):
            for spread in range(5):
                items.append(_event(leader_day + timedelta(days=spread), "IRN", "AZE", cameo))
                items.append(_event(follower_day + timedelta(days=spread), "RUS", "AZE", cameo,
                                    f"wave {offset} move {k}"))
    _import(ws, tmp_path, items, "episodes")


def test_phases_find_the_escalation_and_stay_stable(sqlite_workspace: dyadwatch.Workspace, tmp_path: Path) -> None:
    ws = sqlite_workspace
    _episodes(tmp_path, ws)
    found = ws.phase_list("RUS:AZE")
    kinds = [(p.kind, p.start) for p in found if p.kind == "escalation"]
    assert [start for _, start in kinds] == [date(2025, 5, 2), date(2025, 7, 10)]
    days = [p.start + timedelta(days=i) for p in found for i in range((p.end - p.start).days + 1)]
    assert days == sorted(set(days)) and days[0] == START  # contiguous cover
    assert found[-1].ongoing
    first = next(p for p in found if p.kind == "escalation")
    assert first.drivers["events"] and first.drivers["bodies"][0]["body"] == "RUS"
    assert [p.id for p in ws.phase_list("RUS:AZE")] == [p.id for p in found]
    result = runner.invoke(app, ["phases", "--dyad", "RUS:AZE", "--format", "json", "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert {"kind", "start", "end", "drivers"} <= set(listed[0])
    before = ws.phase_list("RUS:AZE", as_of=date(2025, 5, 1))
    assert all(p.kind != "escalation" for p in before)  # the May wave had not begun


def test_coincidence_of_a_follower(sqlite_workspace: dyadwatch.Workspace, tmp_path: Path) -> None:
    ws = sqlite_workspace
    _episodes(tmp_path, ws)
    result = ws.coincidences("RUS:AZE", "IRN:AZE", window=2)
    assert result.leader == "IRN:AZE" and result.follower == "RUS:AZE"
    assert result.rate == 1.0 and result.p_value < 0.05
    assert (date(2025, 5, 1), date(2025, 5, 2)) in result.pairs
    cli = runner.invoke(app, ["coincidences", "--dyad", "RUS:AZE", "--with", "IRN:AZE", "--window", "2",
                              "--format", "json", "-w", str(ws.root)])
    assert cli.exit_code == 0, cli.output
    assert {"rate", "expected_rate", "p_value", "pairs"} <= set(json.loads(cli.stdout))
    assert "rests on 2 leader and 5 follower moves" in cli.output  # two waves are two coincidences


@pytest.mark.parametrize(("args", "message"), [
    (["ledger", "--dyad", "XYZ-AZE"], "XYZ"),
    (["ledger", "--dyad", "RUSAZE"], "is not a dyad"),
    (["ledger", "--dyad", "RUS-RUS"], "same state"),
    (["ledger", "--dyad", "RUS-AZE", "--since", "2025-07-01", "--until", "2025-06-01"], "after"),
    (["ledger", "--dyad", "RUS-AZE", "--as-of", "2001-01-01"], "before any stored data"),
    (["ledger", "--dyad", "RUS-AZE", "--format", "parquet"], "--out"),
    (["phases", "--dyad", "RUS-AZE", "--since", "2030-01-01", "--until", "2030-02-01"], "No events"),
    (["ledger", "--dyad", "RUS-AZE", "--since", "2030-01-01", "--until", "2030-02-01"], "No events"),
    (["coincidences", "--dyad", "RUS:AZE", "--with", "IRN:AZE", "--window", "0"], "at least 1"),
    (["coincidences", "--dyad", "RUS:AZE", "--with", "TUR:AZE"], "no conflict events"),
    (["coincidences", "--dyad", "RUS:AZE"], "--with"),
])
def test_bad_requests_get_a_clear_message(small: dyadwatch.Workspace, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "-w", str(small.root)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_single_day_of_data(sqlite_workspace: dyadwatch.Workspace, tmp_path: Path) -> None:
    ws = sqlite_workspace
    _import(ws, tmp_path, [_event(date(2025, 6, 27), "RUS", "AZE", "173"),
                           _event(date(2025, 6, 27), "IRN", "AZE", "173")])
    found = ws.phase_list("RUS:AZE")
    assert [(p.kind, p.start, p.end) for p in found] == [("stable", date(2025, 6, 27), date(2025, 6, 27))]
    with pytest.raises(QueryError, match="period"):
        ws.coincidences("RUS:AZE", "IRN:AZE", window=1)


def test_ledger_cli_formats(small: dyadwatch.Workspace, tmp_path: Path) -> None:
    out = tmp_path / "ledger.parquet"
    result = runner.invoke(app, ["ledger", "--dyad", "RUS:AZE", "--since", "2025-06-20", "--until", "2025-06-30",
                                 "--format", "parquet", "--out", str(out), "-w", str(small.root)])
    assert result.exit_code == 0, result.output
    frame = pd.read_parquet(out)
    assert len(frame) == 11 and frame["stories"].sum() == 3
    csv = runner.invoke(app, ["ledger", "--dyad", "RUS:AZE", "--since", "2025-06-27", "--until", "2025-06-27",
                              "--format", "csv", "-w", str(small.root)])
    header, row = csv.output.strip().splitlines()
    assert header.startswith("dyad,period,stories") and row.startswith("RUS:AZE,2025-06-27,1,")
    table = runner.invoke(app, ["ledger", "--dyad", "RUS:AZE", "--freq", "M", "-w", str(small.root)])
    assert table.exit_code == 0 and "Ledger RUS:AZE (M)" in table.output


ALERT_RULES = """
[alerts_delivery]
deliver = ["jsonl:alerts.jsonl"]

[[alerts]]
name = "escalation"
kind = "new_phase"
dyad = "RUS:AZE"
"""


def test_alert_rules_fire_once_and_failed_deliveries_are_retried(sqlite_workspace: dyadwatch.Workspace,
                                                                 tmp_path: Path) -> None:
    ws = sqlite_workspace
    _episodes(tmp_path, ws)
    config = ws.root / "dyadwatch.toml"
    config.write_text(config.read_text(encoding="utf-8") + ALERT_RULES, encoding="utf-8")
    first = runner.invoke(app, ["alerts", "-w", str(ws.root)])
    assert first.exit_code == 0, first.output
    lines = [json.loads(line) for line in (ws.root / "alerts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(a["rule"], a["day"]) for a in lines] == [("escalation", "2025-05-02"), ("escalation", "2025-07-10")]
    assert lines[0]["evidence"]["phase_id"]
    again = runner.invoke(app, ["alerts", "-w", str(ws.root)])
    assert again.exit_code == 0 and "0 sent" in again.output
    assert len((ws.root / "alerts.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    config.write_text(config.read_text(encoding="utf-8") + '\n[[alerts]]\nname = "hook"\nkind = "new_phase"\n'
                      'dyad = "RUS:AZE"\ndeliver = ["webhook:http://127.0.0.1:9/hook"]\n', encoding="utf-8")
    failing = runner.invoke(app, ["alerts", "--since", "2025-01-01", "-w", str(ws.root)])
    assert failing.exit_code == 5, failing.output
    retried = runner.invoke(app, ["alerts", "-w", str(ws.root)])
    assert retried.exit_code == 5 and "2 sent" in retried.output
    history = runner.invoke(app, ["alerts", "--history", "--format", "json", "-w", str(ws.root)])
    delivered = {(a["rule"], a["delivered_at"] is not None) for a in json.loads(history.stdout)}
    assert delivered == {("escalation", True), ("hook", False)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=12)), max_size=8))
def test_context_rows_are_stored_or_quarantined_never_lost(tmp_path: Path, rows: list[tuple[str, str]]) -> None:
    path = tmp_path / "series.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "value"])
        writer.writerows(rows)
    parsed = read_rows(path, {"dyad": "RUS-AZE", "series": "s"})
    assert len(parsed) == len(rows)
    for (_, _, item), (day, value) in zip(parsed, rows):
        if isinstance(item, str):
            assert item
        else:
            assert item.day.isoformat() == day.strip()[:10] and math.isfinite(item.value)
