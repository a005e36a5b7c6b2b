"""Assessments in a workspace: import, ACH scores, checks against the record, export, and no hindsight."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyadwatch
from dyadwatch.cli import app
from dyadwatch.examples import example_workspaces

from .helpers import news, write_jsonl

runner = CliRunner()
EXAMPLE = example_workspaces()["russia-azerbaijan"] / "assessment.yaml"


@pytest.fixture
def assessed(sqlite_workspace: dyadwatch.Workspace, tmp_path: Path) -> dyadwatch.Workspace:
    docs = [news("p1", "Russian police detained members of the Azerbaijani diaspora in Yekaterinburg on Friday.",
                 published="2025-06-28T09:00:00Z", language="en"),
            news("m1", "The Russian foreign ministry condemned Azerbaijan on Monday.", source="Neva Courier",
                 published="2025-06-30T09:00:00Z", language="en")]
    sqlite_workspace.ingest([write_jsonl(tmp_path / "docs.jsonl", docs)])
    sqlite_workspace.process()
    result = runner.invoke(app, ["assess", "import", str(EXAMPLE), "-w", str(sqlite_workspace.root)])
    assert result.exit_code == 0, result.output
    return sqlite_workspace


def test_ach_scores_and_checks_of_the_example(assessed: dyadwatch.Workspace) -> None:
    scores = assessed.ach("ru-az-june-2025").scores()
    assert list(scores.index) == ["H1", "H2"]
    assert scores.loc["H1", "inconsistency"] == 1 and scores.loc["H2", "inconsistency"] == 1
    assert scores["posterior"].sum() == pytest.approx(1.0)
    checked = {item.id: item.result for item in assessed.check_assessment("ru-az-june-2025")}
    assert checked["H2.lead"].verdict == "supported" and checked["H1.lead"].verdict == "contradicted"
    assert "RUS.MVD first acted on 2025-06-27" in checked["H2.lead"].found
    assert checked["H1.media"].verdict == "cannot judge"  # two documents are no wave
    shown = runner.invoke(app, ["assess", "show", "ru-az-june-2025", "--format", "json", "-w", str(assessed.root)])
    assert shown.exit_code == 0
    # no registry here: every source weighs 0.7; E1, E3 and E4 each decide between H1 and H2
    assert json.loads(shown.stdout)["sensitive_items"] == ["E1", "E3", "E4"]


def test_as_of_leaks_nothing_published_later(assessed: dyadwatch.Workspace) -> None:
    before = {item.id: item.result for item in assessed.check_assessment("ru-az-june-2025", as_of=_day("2025-06-29"))}
    assert "RUS.MFA" not in before["H2.lead"].found and len(before["H2.lead"].items) == 1
    assert before["P2"].verdict == "not found"
    early = assessed.ach("ru-az-june-2025", as_of=_day("2025-06-30"))
    assert {item.id for item in early.evidence} == {"E1", "E2", "E4"}  # E3, E5, E6 were dated later


def test_export_round_trips_and_bad_files_name_line_and_field(assessed: dyadwatch.Workspace, tmp_path: Path) -> None:
    out = tmp_path / "again.yaml"
    assert runner.invoke(app, ["assess", "export", "ru-az-june-2025", "--out", str(out),
                               "-w", str(assessed.root)]).exit_code == 0
    again = runner.invoke(app, ["assess", "import", str(out), "-w", str(assessed.root)])
    assert again.exit_code == 0 and "unchanged" in again.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("ratings: {H1: C, H2: CC}", "ratings: {H1: C, H2: X}"),
                   encoding="utf-8")
    refused = runner.invoke(app, ["assess", "import", str(bad), "-w", str(assessed.root)])
    assert refused.exit_code != 0 and "bad.yaml" in refused.output and "line" in refused.output
    assert "ratings" in refused.output
    missing = runner.invoke(app, ["assess", "show", "nope", "-w", str(assessed.root)])
    assert missing.exit_code != 0 and "No assessment" in missing.output


def _day(text: str) -> date:
    return date.fromisoformat(text)


def test_new_evidence_matching_an_observable_is_flagged(assessed: dyadwatch.Workspace) -> None:
    flags = {flag.observable: flag for flag in assessed.review_assessment("ru-az-june-2025", since=_day("2025-06-29"))}
    assert "H2.lead" in flags and len(flags["H2.lead"].new_items) == 1  # the ministry's statement of 30 June
    assert flags["H1.lead"].then.verdict == flags["H1.lead"].now.verdict == "contradicted"  # police first, still
    quiet = runner.invoke(app, ["assess", "review", "ru-az-june-2025", "--since", "2025-12-31",
                                "-w", str(assessed.root)])
    assert quiet.exit_code == 0 and "Nothing new" in quiet.output


def test_explain_resolves_an_actor_to_its_roles_and_ties(sqlite_workspace: dyadwatch.Workspace,
                                                         tmp_path: Path) -> None:
    docs = [news("c1", "Vladimir Putin spoke by phone with Ilham Aliyev on Tuesday.",
                 published="2025-10-08T09:00:00Z", language="en")]
    sqlite_workspace.ingest([write_jsonl(tmp_path / "call.jsonl", docs)])
    sqlite_workspace.process()
    event = sqlite_workspace.events(origin="coded").iloc[0]
    result = runner.invoke(app, ["explain", str(event["id"]), "--json", "-w", str(sqlite_workspace.root)])
    links = json.loads(result.stdout)["links"]
    assert any("RUS.PRES" in link for link in links["source"]) and any("AZE.PRES" in link for link in links["target"])
