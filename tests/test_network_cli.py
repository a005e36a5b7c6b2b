"""`dyadwatch actors network | centrality | import-ftm` on a workspace.

Every person and company here is invented.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
import typer
from sqlalchemy import update
from typer.testing import CliRunner, Result

import dyadwatch
from dyadwatch.cli_network import centrality, import_ftm, network
from dyadwatch.models import CuratedEvent
from dyadwatch.store.schema import events
from dyadwatch.store.writer import insert_curated_events

runner = CliRunner()
actors_app = typer.Typer()
actors_app.command("network")(network)
actors_app.command("centrality")(centrality)
actors_app.command("import-ftm")(import_ftm)
app = typer.Typer()
app.add_typer(actors_app, name="actors")

BAD_LINE = '{"id": "zz-broken", "schema": "Person"'
FTM_LINES: list[dict[str, object] | str] = [
    {"id": "zz-veyrand", "schema": "Person", "datasets": ["zz_test"], "properties": {"name": ["Tomas Veyrand"]}},
    {"id": "zz-marrow", "schema": "Person", "datasets": ["zz_test"], "properties": {"name": ["Ilse Marrow"]}},
    {"id": "zz-korvath", "schema": "Company", "datasets": ["zz_test"],
     "properties": {"name": ["Korvath Shipping Ltd"]}},
    {"id": "zz-dunmere", "schema": "Company", "datasets": ["zz_test"], "properties": {"name": ["Dunmere Logistics"]}},
    {"id": "zz-own-1", "schema": "Ownership", "datasets": ["zz_test"], "dyadwatch_status": "documented",
     "properties": {"owner": ["zz-veyrand"], "asset": ["zz-korvath"], "startDate": ["2019-06"]}},
    {"id": "zz-dir-1", "schema": "Directorship", "properties": {
        "director": ["zz-veyrand"], "organization": ["zz-dunmere"], "role": ["Director"],
        "sourceUrl": ["https://example.org/dunmere"]}},
    {"id": "zz-fam-1", "schema": "Family", "datasets": ["zz_test"],
     "properties": {"person": ["zz-veyrand"], "relative": ["zz-marrow"], "relationship": ["sibling"]}},
    BAD_LINE,
    {"id": "zz-mem-1", "schema": "Membership", "datasets": ["zz_test"],
     "properties": {"member": ["zz-marrow"], "organization": ["zz-korvath"]}},
]


def _run(ws: dyadwatch.Workspace, *args: str) -> Result:
    return runner.invoke(app, ["actors", *args, "-w", str(ws.root)])


def _ftm_file(tmp_path: Path) -> Path:
    path = tmp_path / "entities.jsonl"
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in FTM_LINES),
                    encoding="utf-8")
    return path


@pytest.fixture
def imported(sqlite_workspace: dyadwatch.Workspace, tmp_path: Path) -> dyadwatch.Workspace:
    """The workspace after importing the FtM file (one bad line)."""
    result = _run(sqlite_workspace, "import-ftm", str(_ftm_file(tmp_path)))
    assert result.exit_code == 3, result.output
    return sqlite_workspace


def _edges(graph: nx.Graph) -> set[tuple[str, str, str]]:
    return {(source, target, data["status"]) for source, target, data in graph.edges(data=True)}


def test_import_ftm_stores_actors_relations_and_quarantines_the_bad_line(
    imported: dyadwatch.Workspace, tmp_path: Path
) -> None:
    actors = imported.actors().set_index("id")
    assert {"ftm-zz-veyrand", "ftm-zz-marrow", "ftm-zz-korvath", "ftm-zz-dunmere"} <= set(actors.index)
    assert actors.loc["ftm-zz-korvath", "name"] == "Korvath Shipping Ltd"
    relations = {(r.source, r.relation, r.target, r.status, r.citation) for r in imported.actor_registry().relations}
    assert ("ftm-zz-veyrand", "owns", "ftm-zz-korvath", "documented", "dataset zz_test") in relations
    assert ("ftm-zz-veyrand", "member_of", "ftm-zz-dunmere", "alleged", "https://example.org/dunmere") in relations
    assert len(relations) == 4
    bad = imported.quarantine("ftm")
    assert len(bad) == 1
    row = bad.iloc[0]
    assert row["origin"].endswith("entities.jsonl:line 8")
    assert row["raw"] == BAD_LINE
    assert row["reason"].startswith("not JSON")

    again = _run(imported, "import-ftm", str(_ftm_file(tmp_path)))
    assert again.exit_code == 3, again.output
    assert "(0 relations new)" in again.output
    assert len(imported.actor_registry().relations) == 4
    assert len(imported.quarantine("ftm")) == 1


def test_import_ftm_exit_codes(sqlite_workspace: dyadwatch.Workspace, tmp_path: Path) -> None:
    nothing = tmp_path / "bad.jsonl"
    nothing.write_text(BAD_LINE + "\n", encoding="utf-8")
    assert _run(sqlite_workspace, "import-ftm", str(nothing)).exit_code == 2
    clean = tmp_path / "clean.jsonl"
    clean.write_text(json.dumps(FTM_LINES[0]) + "\n", encoding="utf-8")
    result = _run(sqlite_workspace, "import-ftm", str(clean))
    assert result.exit_code == 0, result.output
    assert _run(sqlite_workspace, "import-ftm", str(tmp_path / "missing.jsonl")).exit_code == 2


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_network_export_reads_back_with_status_and_citation(
    imported: dyadwatch.Workspace, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"actors.{fmt}"
    result = _run(imported, "network", "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "4 nodes and 4 edges (1 documented, 3 alleged)" in result.output
    graph = nx.read_gexf(out) if fmt == "gexf" else nx.read_graphml(out)
    assert ("ftm-zz-veyrand", "ftm-zz-korvath", "documented") in _edges(graph)
    assert ("ftm-zz-marrow", "ftm-zz-korvath", "alleged") in _edges(graph)
    assert all(data["citation"] for *_, data in graph.edges(data=True))
    assert graph.nodes["ftm-zz-dunmere"]["name"] == "Dunmere Logistics"


def test_network_status_documented_keeps_only_documented(imported: dyadwatch.Workspace, tmp_path: Path) -> None:
    out = tmp_path / "documented.graphml"
    result = _run(imported, "network", "--status", "documented", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert _edges(nx.read_graphml(out)) == {("ftm-zz-veyrand", "ftm-zz-korvath", "documented")}


def test_network_events_adds_event_edges(imported: dyadwatch.Workspace, tmp_path: Path) -> None:
    item = CuratedEvent(event_date=date(2025, 3, 4), actor1_code="XXA", actor2_code="XXB", description="talks",
                        origin="cli:test", raw="{}", quad_class=1)
    with imported.engine.begin() as connection:
        insert_curated_events(connection, [item])
        connection.execute(update(events).where(events.c.id == item.id)
                           .values(actor1_id="ftm-zz-marrow", actor2_id="ftm-zz-dunmere"))
    out = tmp_path / "with-events.gexf"
    result = _run(imported, "network", "--events", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "1 events" in result.output
    graph = nx.read_gexf(out)
    edge = next(data for *_, data in graph.edges(data=True) if data.get("relation") == "events")
    assert (edge["weight"], edge["cooperation"], edge["conflict"]) == (1, 1, 0)
    assert _run(imported, "network", "--since", "2025-01-01", "--out", str(out)).exit_code != 0


def test_centrality_puts_the_hub_first(imported: dyadwatch.Workspace) -> None:
    result = _run(imported, "centrality", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["actor"] == "ftm-zz-veyrand"
    assert (rows[0]["degree"], rows[0]["documented_degree"], rows[0]["alleged_degree"]) == (3, 1, 2)
    assert len(json.loads(_run(imported, "centrality", "--limit", "2", "--format", "json").stdout)) == 2


def test_network_needs_out_and_a_known_format(imported: dyadwatch.Workspace, tmp_path: Path) -> None:
    missing = _run(imported, "network")
    assert missing.exit_code != 0
    assert "--out" in missing.output
    bad = _run(imported, "network", "--format", "dot", "--out", str(tmp_path / "x.dot"))
    assert bad.exit_code != 0
    assert "--format" in bad.output
