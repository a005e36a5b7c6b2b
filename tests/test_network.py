"""Actor networks from cited relations, event graphs, centrality, export and FollowTheMoney import.

Every person, company and body here is invented.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from dyadwatch.actors.ftm import actor_id, parse_ftm, read_ftm
from dyadwatch.actors.loader import parse_actors, parse_relations
from dyadwatch.actors.network import centrality, event_graph, link_event, relation_graph, write_gexf, write_graphml
from dyadwatch.actors.registry import ActorRegistry
from dyadwatch.errors import QueryError

ACTORS = """
- {id: XLA, name: Republic of Xlandia, kind: country}
- {id: XLA.COURT, name: High Court of Xlandia, kind: body, country: XLA, sector: ministry}
- id: P.VANT
  name: Ilya Vantorin
  kind: person
  roles: [{body: XLA.COURT, title: chairman, start: 2015-01-01, end: 2021-01-01}]
- {id: P.QUILL, name: Marta Quillfeather, kind: person}
- {id: CO.BRIGHT, name: Brightwater Holdings, kind: company, country: XLA}
- {id: ORG.LANTERN, name: Lantern Society, kind: organisation}
"""
RELATIONS = """
relations:
- {source: P.VANT, relation: heads, target: XLA.COURT, status: documented, citation: cite-A,
   start: 2015-01-01, end: 2021-01-01}
- {source: P.QUILL, relation: patron_of, target: P.VANT, status: alleged, citation: cite-B}
- {source: P.VANT, relation: owns, target: CO.BRIGHT, status: documented, citation: cite-C, start: 2019-06-01}
- {source: P.QUILL, relation: member_of, target: ORG.LANTERN, status: alleged, citation: cite-D, end: 2018-01-01}
- {source: P.QUILL, relation: business_partner, target: P.VANT, status: alleged, citation: cite-E,
   start: 2022-03-01, note: joint venture}
"""


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry(parse_actors("test.yaml", ACTORS), parse_relations("test.yaml", RELATIONS),
                         merges={"OLD.VANT": "P.VANT"})


def edges(graph: nx.MultiDiGraph) -> set[tuple[str, str, str, str]]:
    return {(u, v, d["relation"], d["status"]) for u, v, d in graph.edges(data=True)}


def test_relation_graph_nodes_edges_and_attributes(registry: ActorRegistry) -> None:
    graph = relation_graph(registry)
    assert set(graph.nodes) == {"P.VANT", "P.QUILL", "XLA.COURT", "CO.BRIGHT", "ORG.LANTERN"}
    assert graph.nodes["XLA.COURT"] == {"name": "High Court of Xlandia", "kind": "body", "country": "XLA",
                                        "sector": "ministry"}
    assert graph.nodes["P.QUILL"]["country"] == ""
    assert graph.number_of_edges("P.QUILL", "P.VANT") == 2
    heads = next(d for _, _, d in graph.edges(data=True) if d["relation"] == "heads")
    assert heads == {"relation": "heads", "status": "documented", "citation": "cite-A", "valid_from": "2015-01-01",
                     "valid_to": "2021-01-01", "note": ""}


def test_relation_graph_as_of_and_statuses(registry: ActorRegistry) -> None:
    assert edges(relation_graph(registry, as_of=date(2020, 1, 1))) == {
        ("P.VANT", "XLA.COURT", "heads", "documented"), ("P.QUILL", "P.VANT", "patron_of", "alleged"),
        ("P.VANT", "CO.BRIGHT", "owns", "documented")}
    before = relation_graph(registry, as_of=date(2014, 12, 31))
    assert set(before.nodes) == {"P.QUILL", "P.VANT", "ORG.LANTERN"}
    assert edges(relation_graph(registry, as_of=date(2021, 1, 1), statuses=("documented",))) == {
        ("P.VANT", "CO.BRIGHT", "owns", "documented")}
    with pytest.raises(QueryError):
        relation_graph(registry, statuses=("rumoured",))


def test_centrality_by_hand(registry: ActorRegistry) -> None:
    # Undirected projection: LANTERN - QUILL - VANT - COURT and VANT - BRIGHT (5 nodes, normaliser 2/12).
    # VANT lies on 5 shortest paths (QUILL/LANTERN to COURT/BRIGHT, COURT-BRIGHT), QUILL on 3 (LANTERN to the rest).
    table = centrality(relation_graph(registry)).set_index("actor")
    assert list(table.index[:2]) == ["P.VANT", "P.QUILL"]
    vant, quill, court = table.loc["P.VANT"], table.loc["P.QUILL"], table.loc["XLA.COURT"]
    assert (vant["degree"], vant["in_degree"], vant["out_degree"]) == (4, 2, 2)
    assert (vant["documented_degree"], vant["alleged_degree"]) == (2, 2)
    assert (quill["degree"], quill["out_degree"], quill["documented_degree"], quill["alleged_degree"]) == (3, 3, 0, 3)
    assert vant["betweenness"] == pytest.approx(5 / 6)
    assert quill["betweenness"] == pytest.approx(3 / 6)
    assert court["betweenness"] == 0 and court["name"] == "High Court of Xlandia"
    assert centrality(nx.MultiDiGraph()).empty


def test_link_event_roles_and_relations_with_status(registry: ActorRegistry) -> None:
    assert link_event(registry, "P.VANT", date(2020, 1, 1)) == [
        "chairman of XLA.COURT (registry role)",
        "heads XLA.COURT (documented: cite-A)",
        "client of P.QUILL (alleged: cite-B)",
        "owns CO.BRIGHT (documented: cite-C)",
    ]
    assert link_event(registry, "OLD.VANT", date(2023, 1, 1)) == [
        "client of P.QUILL (alleged: cite-B)",
        "owns CO.BRIGHT (documented: cite-C)",
        "business_partner of P.QUILL (alleged: cite-E; joint venture)",
    ]
    assert link_event(registry, "P.QUILL", date(2017, 5, 1)) == [
        "patron_of P.VANT (alleged: cite-B)", "member_of ORG.LANTERN (alleged: cite-D)"]
    assert link_event(registry, "XLA", date(2020, 1, 1)) == []


def test_event_graph_counts_cooperation_and_conflict(registry: ActorRegistry) -> None:
    events = pd.DataFrame(
        [("P.VANT", "P.QUILL", "2020-01-05", 1), ("P.VANT", "P.QUILL", "2020-01-06", 4),
         ("P.QUILL", "P.VANT", "2020-01-07", 3), ("OLD.VANT", "P.QUILL", "2020-02-01", 2),
         (None, "P.QUILL", "2020-01-08", 1), ("P.VANT", "P.VANT", "2020-01-09", 1),
         ("P.VANT", "ZZ.UNKNOWN", "2019-12-31", 1)],
        columns=["actor1_id", "actor2_id", "event_date", "quad_class"])
    january = event_graph(events, registry, date(2020, 1, 1), date(2020, 1, 31))
    assert set(january.nodes) == {"P.VANT", "P.QUILL"}
    assert january.edges["P.VANT", "P.QUILL"] == {"weight": 2, "cooperation": 1, "conflict": 1}
    assert january.edges["P.QUILL", "P.VANT"] == {"weight": 1, "cooperation": 0, "conflict": 1}
    everything = event_graph(events, registry)
    assert everything.edges["P.VANT", "P.QUILL"]["weight"] == 3
    assert everything.nodes["ZZ.UNKNOWN"]["name"] == "ZZ.UNKNOWN"
    assert event_graph(events.iloc[:0], registry).number_of_nodes() == 0


def test_gexf_and_graphml_round_trip_keep_status(registry: ActorRegistry, tmp_path: Path) -> None:
    graph = relation_graph(registry)
    graph.graph["as_of"] = None
    graph.add_edge("P.QUILL", "ORG.LANTERN", relation="member_of", status="alleged", citation="cite-F",
                   valid_from=date(2010, 1, 1), valid_to=None, note=None)
    for write, read, name in ((write_gexf, nx.read_gexf, "net.gexf"), (write_graphml, nx.read_graphml, "net.graphml")):
        write(graph, tmp_path / name)
        back = read(tmp_path / name)
        assert set(back.nodes) == set(graph.nodes)
        assert back.nodes["XLA.COURT"]["name"] == "High Court of Xlandia"
        rows = {(u, v, d["relation"], d["status"], d["citation"], d["valid_from"], d["valid_to"])
                for u, v, d in back.edges(data=True)}
        assert ("P.VANT", "XLA.COURT", "heads", "documented", "cite-A", "2015-01-01", "2021-01-01") in rows
        assert ("P.QUILL", "ORG.LANTERN", "member_of", "alleged", "cite-F", "2010-01-01", "") in rows
        assert back.number_of_edges() == 6
    assert graph.graph["as_of"] is None  # the caller's graph is left alone


FTM_LINES = [
    {"id": "xx-person-1", "schema": "Person", "datasets": ["test_set"],
     "properties": {"name": ["Ilya Vantorin"], "alias": ["I. Vantorin"], "nationality": ["lv"]}},
    {"id": "xx-person-2", "schema": "Person", "dyadwatch_alias_language": "ru",
     "properties": {"name": ["Marta Quillfeather"], "alias": ["Марта Квиллфезер"]}},
    {"id": "xx-co/1", "schema": "Company", "datasets": ["test_set"],
     "properties": {"name": ["Brightwater Holdings"], "jurisdiction": ["cy"]}},
    {"id": "own-1", "schema": "Ownership", "datasets": ["test_set"], "dyadwatch_status": "documented",
     "properties": {"owner": ["xx-person-1"], "asset": ["xx-co/1"], "percentage": ["60"], "startDate": ["2019-06"]}},
    {"id": "dir-1", "schema": "Directorship", "properties": {
        "director": ["xx-person-2"], "organization": ["xx-co/1"], "role": ["Chairman of the board"],
        "endDate": ["2021"], "sourceUrl": ["https://example.org/brightwater"]}},
    {"id": "dir-2", "schema": "Directorship", "datasets": ["test_set"],
     "properties": {"director": ["xx-person-1"], "organization": ["xx-co/1"], "role": ["Director"]}},
    {"id": "fam-1", "schema": "Family", "datasets": ["test_set"],
     "properties": {"person": ["xx-person-1"], "relative": ["xx-person-2"], "relationship": ["spouse"]}},
    '{"id": "broken", "schema": "Person"',
    {"id": "link-1", "schema": "UnknownLink", "properties": {"subject": ["xx-person-1"], "object": ["xx-co/1"]}},
    {"id": "sanction-1", "schema": "Sanction", "datasets": ["test_set"], "properties": {"entity": ["xx-person-1"]}},
    {"id": "mem-1", "schema": "Membership", "datasets": ["test_set"],
     "properties": {"member": ["xx-person-2"], "organization": ["xx-missing"]}},
    "",
    {"id": "own-2", "schema": "Ownership", "datasets": ["test_set"], "dyadwatch_status": "certain",
     "properties": {"owner": ["xx-person-2"], "asset": ["xx-co/1"]}},
]


def test_ftm_import(tmp_path: Path) -> None:
    path = tmp_path / "entities.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in FTM_LINES),
                    encoding="utf-8")
    actors, relations, problems = read_ftm(path)
    by_id = {a.id: a for a in actors}
    assert set(by_id) == {"ftm-xx-person-1", "ftm-xx-person-2", "ftm-xx-co-1"}
    vantorin = by_id["ftm-xx-person-1"]
    assert (vantorin.kind, vantorin.country, vantorin.origin) == ("person", "LVA", "ftm")
    assert vantorin.aliases == {"en": ("Ilya Vantorin", "I. Vantorin")}
    assert "source: dataset test_set" in (vantorin.note or "")
    assert by_id["ftm-xx-person-2"].aliases == {"ru": ("Marta Quillfeather", "Марта Квиллфезер")}
    assert (by_id["ftm-xx-co-1"].kind, by_id["ftm-xx-co-1"].country) == ("company", "CYP")

    rows = {(r.source, r.relation, r.target, r.status, r.citation, r.start, r.end, r.note) for r in relations}
    assert rows == {
        ("ftm-xx-person-1", "owns", "ftm-xx-co-1", "documented", "dataset test_set", date(2019, 6, 1), None,
         "percentage: 60"),
        ("ftm-xx-person-2", "heads", "ftm-xx-co-1", "alleged", "https://example.org/brightwater", None,
         date(2022, 1, 1), "role: Chairman of the board"),
        ("ftm-xx-person-1", "member_of", "ftm-xx-co-1", "alleged", "dataset test_set", None, None, "role: Director"),
        ("ftm-xx-person-1", "kin", "ftm-xx-person-2", "alleged", "dataset test_set", None, None,
         "kin (spouse), FtM Family"),
    }
    assert [number for number, _ in problems] == [8, 9, 10, 11, 13]
    reasons = dict(problems)
    assert reasons[8].startswith("not JSON")
    assert "no sourceUrl or datasets" in reasons[9]
    assert "'Sanction' is not imported" in reasons[10]
    assert "unknown actor ftm-xx-missing" in reasons[11]
    assert "dyadwatch_status" in reasons[13]

    registry = ActorRegistry(actors, relations)
    assert ("ftm-xx-person-1", "ftm-xx-co-1", "owns", "documented") in edges(relation_graph(registry))


def test_ftm_known_ids_ids_and_duplicates() -> None:
    lines = [json.dumps({"id": "m-1", "schema": "Membership", "datasets": ["d"],
                         "properties": {"member": ["xx-p"], "organization": ["xx-org"]}}),
             json.dumps({"id": "xx-p", "schema": "Person", "properties": {"name": ["Ola Brindle"]}}),
             json.dumps({"id": "xx-p", "schema": "Person", "properties": {"name": ["Ola Brindle"]}}),
             json.dumps({"id": "xx-q", "schema": "Person", "properties": {"alias": ["No Name"]}})]
    actors, relations, problems = parse_ftm(lines, known_ids={"ftm-xx-org"})
    assert [a.id for a in actors] == ["ftm-xx-p"]
    assert [(r.relation, r.target) for r in relations] == [("member_of", "ftm-xx-org")]
    assert problems == [(3, "ftm-xx-p appears twice (first on line 2)"), (4, "property 'name' is missing")]
    long_a, long_b = actor_id("a" * 100), actor_id("a" * 99 + "b")
    assert len(long_a) == 64 and long_a != long_b
    assert actor_id("NK-abc:DEF 1") == "ftm-NK-abc-DEF-1"
