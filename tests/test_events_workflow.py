"""Coded events in a workspace: provenance, corroboration, overrides that survive re-processing, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyadwatch
from dyadwatch.cli import app
from dyadwatch.errors import InputError, UnknownEvent

from .helpers import news, write_jsonl

runner = CliRunner()
RAID = "Russian police detained members of the Azerbaijani diaspora in Yekaterinburg on Friday."
CALL = "Ilham Aliyev held a phone call with Vladimir Putin on Tuesday."


def _corpus(tmp_path: Path) -> Path:
    items = [
        news("a1", RAID + " Officials gave no reason.", source="Caspian Ledger", published="2025-06-28T09:00:00Z",
             language="en"),
        news("a2", RAID + " Officials gave no reason.", source="Neva Courier", published="2025-06-28T10:00:00Z",
             language="en"),
        news("a3", "Russian police detained members of the Azerbaijani diaspora in Yekaterinburg on Friday, "
                   "witnesses said, and two brothers died.", source="Bosphorus Daily",
             published="2025-06-28T11:00:00Z", language="en"),
        news("c1", CALL, source="Caspian Ledger", published="2025-10-08T09:00:00Z", language="en"),
    ]
    return write_jsonl(tmp_path / "docs.jsonl", items)


@pytest.fixture
def coded(workspace: dyadwatch.Workspace, tmp_path: Path) -> dyadwatch.Workspace:
    workspace.ingest([_corpus(tmp_path)])
    workspace.process()
    return workspace


def test_process_codes_events_with_full_provenance(coded: dyadwatch.Workspace) -> None:
    events = coded.events(origin="coded", dyad="RUS:AZE")
    assert set(events["plover_category"]) == {"COERCE"}
    row = events.iloc[0]
    detail = coded.event(row["id"])
    text = detail["document"]["norm_text"]
    assert text[detail["trigger_start"]:detail["trigger_end"]] == "detained"
    assert text[detail["actor1_start"]:detail["actor1_end"]].startswith("Russian")
    assert str(row["event_date"]) == "2025-06-27"
    assert row["coder_version"] == "rules-1" and row["actor1_body"] is not None
    assert "ethnic_target" in row["flags"]


def test_dyad_filters_directed_and_undirected(coded: dyadwatch.Workspace) -> None:
    both = coded.events(origin="coded", dyad="RUS-AZE")
    directed = coded.events(origin="coded", dyad="AZE:RUS")
    assert len(both) > len(directed) >= 1
    assert set(directed["actor1_code"]) == {"AZE"}


def test_corroboration_counts_owner_groups_not_copies(coded: dyadwatch.Workspace) -> None:
    stories = coded.stories(dyad="RUS:AZE")
    raid = stories[stories["plover_category"] == "COERCE"].iloc[0]
    assert raid["documents"] == 3
    assert raid["clusters"] == 2
    assert raid["corroboration"] == 3
    from dyadwatch.registry import Registry

    coded_sources = Registry(coded.engine)
    coded_sources.edit("Caspian Ledger", "owner_group", "Ledger Holding", "test fixture")
    coded_sources.edit("Neva Courier", "owner_group", "Ledger Holding", "test fixture")
    again = coded.stories(dyad="RUS:AZE")
    assert again[again["plover_category"] == "COERCE"].iloc[0]["corroboration"] == 2


def test_rejection_and_recode_survive_reprocessing(coded: dyadwatch.Workspace) -> None:
    from dyadwatch.analyst import recode_event, reject_event

    events = coded.events(origin="coded", dyad="RUS:AZE")
    rejected, recoded = events["id"].iloc[0], events["id"].iloc[1]
    reject_event(coded.engine, rejected, "duplicate of a wire copy", analyst="tester")
    recode_event(coded.engine, recoded, "cameo", "172", "administrative, not arrest", analyst="tester")
    coded.process(again=True)
    after = coded.events(origin="coded", dyad="RUS:AZE", include_rejected=True).set_index("id")
    assert after.loc[rejected, "status"] == "rejected"
    assert after.loc[recoded, "cameo_code"] == "172"
    assert rejected not in set(coded.events(origin="coded", dyad="RUS:AZE")["id"])
    log = coded.event(recoded)["overrides"]
    assert [(o["action"], o["field"], o["new_value"], o["analyst"]) for o in log] == [
        ("recode", "cameo", "172", "tester")]
    with pytest.raises(InputError):
        reject_event(coded.engine, recoded, "  ")
    with pytest.raises(UnknownEvent):
        reject_event(coded.engine, "nope", "why")


def test_manual_event_needs_a_source(coded: dyadwatch.Workspace) -> None:
    from datetime import date

    from dyadwatch.analyst import ManualEvent, add_event

    event_id = add_event(coded.engine, ManualEvent(date(2025, 6, 29), "AZE", "RUS", "160", "Culture events cancelled",
                                                   ["https://example.org/a"]), analyst="tester")
    assert coded.event(event_id)["origin"] == "analyst"
    with pytest.raises(InputError):
        add_event(coded.engine, ManualEvent(date(2025, 6, 29), "AZE", "RUS", "160", "No source"))


def test_cli_events_explain_export_and_code(coded: dyadwatch.Workspace, tmp_path: Path) -> None:
    ws = ["--workspace", str(coded.root)]
    listed = runner.invoke(app, ["events", "--dyad", "RUS:AZE", "--format", "json", *ws])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert rows and all(r["actor1_code"] == "RUS" for r in rows)
    explained = runner.invoke(app, ["explain", rows[0]["id"], *ws])
    assert explained.exit_code == 0 and "detained" in explained.output and "why:" in explained.output
    rejected = runner.invoke(app, ["events", "reject", rows[0]["id"], "--why", "wrong", *ws])
    assert rejected.exit_code == 0
    exported = tmp_path / "out.json"
    assert runner.invoke(app, ["events", "export", str(exported), "--dyad", "RUS-AZE", *ws]).exit_code == 0
    plover = json.loads(exported.read_text(encoding="utf-8"))
    assert plover and plover[0]["provenance"]["document"]
    tsv = tmp_path / "out.tsv"
    assert runner.invoke(app, ["events", "export", str(tsv), *ws]).exit_code == 0
    assert tsv.read_text(encoding="utf-8").splitlines()[0].startswith("GLOBALEVENTID\tSQLDATE")
    sentences = write_jsonl(tmp_path / "s.jsonl", [{"id": "s1", "text": CALL, "doc_date": "2025-10-08"}])
    (tmp_path / "bad.jsonl").write_text('{"id": "s2"\n', encoding="utf-8")
    result = runner.invoke(app, ["code", str(sentences)])
    assert result.exit_code == 0, result.output
    line = json.loads(result.output.splitlines()[0])
    assert line["id"] == "s1" and line["events"][0]["plover"] == "CONSULT"
    assert runner.invoke(app, ["code", str(tmp_path / "bad.jsonl")]).exit_code == 3


def test_cli_actors_add_merge_and_bad_file(coded: dyadwatch.Workspace, tmp_path: Path) -> None:
    ws = ["--workspace", str(coded.root)]
    added = runner.invoke(app, ["actors", "add", "--id", "ural-prosecutor", "--name", "Ural prosecutor",
                                "--kind", "body", "--country", "RUS", "--sector", "prosecutor",
                                "--alias", "en:Ural prosecutor", *ws])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["actors", "--country", "RUS", "--format", "json", *ws])
    assert "ural-prosecutor" in {r["id"] for r in json.loads(listed.output)}
    merged = runner.invoke(app, ["actors", "merge", "ural-prosecutor", "RUS.PROSEC", "--why", "same body", *ws])
    assert merged.exit_code == 0, merged.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  name: X\n  kind: planet\n", encoding="utf-8")
    failed = runner.invoke(app, ["actors", "import", str(bad), *ws])
    assert failed.exit_code == 2 and "line 3" in failed.output and "kind" in failed.output


def test_unknown_names_are_listed_with_counts_and_contexts(sqlite_workspace: dyadwatch.Workspace,
                                                           tmp_path: Path) -> None:
    text = ("Глава ведомства Аркадий Незнакомцев встретился с Путиным в Москве. "
            "Позже Аркадий Незнакомцев заявил журналистам, что переговоры прошли успешно.")
    items = [news(f"u{i}", text + f" Выпуск {i}.", language="ru", published=f"2025-07-0{i + 1}T10:00:00Z")
             for i in range(2)]
    sqlite_workspace.ingest([write_jsonl(tmp_path / "u.jsonl", items)])
    sqlite_workspace.process()
    found = {c.name: c for c in sqlite_workspace.unknown_actors(language="ru")}
    assert "Аркадий Незнакомцев" in found
    candidate = found["Аркадий Незнакомцев"]
    assert candidate.count == 4 and len(candidate.documents) == 2 and candidate.kind == "PER"
    assert "Путин" not in " ".join(found), "registry actors are not unknown"
    assert "Незнакомцев" in candidate.contexts[0]


def test_example_workspace_imports_its_actors_and_relations(tmp_path: Path) -> None:
    from dyadwatch.examples import copy_example

    folder = tmp_path / "ex"
    copy_example("russia-azerbaijan", folder)
    with dyadwatch.open_workspace(folder) as ws:
        ws.collect()
        registry = ws.actor_registry()
    statuses = {(r.source, r.status) for r in registry.relations}
    assert ("sergei-naryshkin", "alleged") in statuses and ("vladimir-putin", "documented") in statuses
    assert all(r.citation for r in registry.relations)


def test_differing_readouts_of_one_call_are_two_accounts(sqlite_workspace: dyadwatch.Workspace,
                                                          tmp_path: Path) -> None:
    items = [
        news("t1", "Masoud Pezeshkian phoned Ilham Aliyev on Thursday and urged Baku to investigate the drone flights.",
             source="Tehran Mirror", published="2025-06-27T09:00:00Z", language="en"),
        news("b1", "Ilham Aliyev held a phone call with Masoud Pezeshkian on Thursday.",
             source="Caspian Ledger", published="2025-06-27T10:00:00Z", language="en"),
    ]
    sqlite_workspace.ingest([write_jsonl(tmp_path / "calls.jsonl", items)])
    sqlite_workspace.process()
    stories = sqlite_workspace.stories(dyad="IRN-AZE")
    call = stories[stories["plover_category"] == "CONSULT"].iloc[0]
    assert call["documents"] == 2 and call["accounts"] == 2 and bool(call["disagreeing"])
    events = sqlite_workspace.events(dyad="IRN-AZE")
    assert set(events[events["plover_category"] == "CONSULT"]["story"]) == {call["story"]}
