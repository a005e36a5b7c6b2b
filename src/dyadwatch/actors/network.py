"""Actor networks: the registry's cited relations as a graph, event co-occurrence graphs, centrality and export.

Every relation edge carries its ``status`` (documented or alleged) and ``citation``: a relation between real
people is a claim with a source, and the graph, the centrality table, the event links and the GEXF/GraphML
files all keep saying which claim is documented and which is only alleged.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from dyadwatch.errors import QueryError

from .model import STATUSES, Actor, Relation
from .registry import ActorRegistry

COOPERATION_QUADS = (1, 2)
CONFLICT_QUADS = (3, 4)
CENTRALITY_COLUMNS = (
    "actor", "name", "degree", "in_degree", "out_degree", "betweenness", "documented_degree", "alleged_degree",
)
_INVERSE = {
    "heads": "headed by",
    "member_of": "has member",
    "patron_of": "client of",
    "business_partner": "business_partner of",
    "part_of": "has part",
    "owns": "owned by",
}


def _holds_on(relation: Relation, day: date) -> bool:
    return (relation.start is None or relation.start <= day) and (relation.end is None or day < relation.end)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _node_attributes(actor: Actor) -> dict[str, str]:
    return {"name": actor.name, "kind": actor.kind, "country": actor.country or "", "sector": actor.sector or ""}


def _relations_on(registry: ActorRegistry, as_of: date | None, statuses: Iterable[str]) -> list[Relation]:
    wanted = set(statuses)
    unknown = wanted - set(STATUSES)
    if unknown:
        raise QueryError(f"unknown relation status {', '.join(sorted(unknown))} (known: {', '.join(STATUSES)})")
    return [r for r in registry.relations if r.status in wanted and (as_of is None or _holds_on(r, as_of))]


def relation_graph(
    registry: ActorRegistry, *, as_of: date | None = None, statuses: Iterable[str] = STATUSES
) -> nx.MultiDiGraph:
    """The registry's relations (valid on ``as_of``; all when None) as source -> target edges.

    Nodes are the actors taking part in a kept relation (name, kind, country, sector); each edge carries
    relation, status, citation, valid_from, valid_to and note, dates as ISO text and missing values as "".
    Merged actor ids are replaced by the actor they were merged into.
    """
    graph = nx.MultiDiGraph()
    for relation in _relations_on(registry, as_of, statuses):
        source, target = registry.get(relation.source), registry.get(relation.target)
        for actor in (source, target):
            graph.add_node(actor.id, **_node_attributes(actor))
        graph.add_edge(
            source.id, target.id, relation=relation.relation, status=relation.status, citation=relation.citation,
            valid_from=_iso(relation.start), valid_to=_iso(relation.end), note=relation.note or "",
        )
    return graph


def _add_event_node(graph: nx.DiGraph, registry: ActorRegistry, actor_id: str) -> None:
    if actor_id in registry:
        graph.add_node(actor_id, **_node_attributes(registry.get(actor_id)))
    else:
        graph.add_node(actor_id, name=actor_id, kind="", country="", sector="")


def event_graph(
    events: pd.DataFrame, registry: ActorRegistry, since: date | None = None, until: date | None = None
) -> nx.DiGraph:
    """Actor1 -> actor2 edges of the events dated ``since``..``until`` (inclusive; open when None).

    ``weight`` counts the events, ``cooperation`` those of quad class 1-2 and ``conflict`` those of 3-4.
    Rows lacking an actor id, and an actor acting on itself, add nothing. These edges are co-occurrence in
    coded events, not relations: they carry no status or citation.
    """
    graph = nx.DiGraph()
    if events.empty:
        return graph
    days = pd.to_datetime(events["event_date"]).dt.date
    keep = events["actor1_id"].notna() & events["actor2_id"].notna()
    if since is not None:
        keep &= days >= since
    if until is not None:
        keep &= days <= until
    for actor1, actor2, quad in events.loc[keep, ["actor1_id", "actor2_id", "quad_class"]].itertuples(index=False):
        source, target = registry.canonical(str(actor1)), registry.canonical(str(actor2))
        if source == target:
            continue
        if not graph.has_edge(source, target):
            _add_event_node(graph, registry, source)
            _add_event_node(graph, registry, target)
            graph.add_edge(source, target, weight=0, cooperation=0, conflict=0)
        edge = graph.edges[source, target]
        edge["weight"] += 1
        edge["cooperation"] += int(quad in COOPERATION_QUADS)
        edge["conflict"] += int(quad in CONFLICT_QUADS)
    return graph


def _status_degree(graph: nx.DiGraph, node: str, status: str) -> int:
    edges = [*graph.in_edges(node, data="status"), *graph.out_edges(node, data="status")]
    return sum(1 for _, _, value in edges if value == status)


def centrality(graph: nx.DiGraph) -> pd.DataFrame:
    """One row per node, most connected first: degrees (each relation counts), status-split degrees and
    betweenness (networkx, normalised) on the undirected simple projection of the graph."""
    betweenness = nx.betweenness_centrality(nx.Graph(graph))
    rows = [
        (
            node, attributes.get("name", node), graph.degree(node), graph.in_degree(node), graph.out_degree(node),
            betweenness[node], _status_degree(graph, node, "documented"), _status_degree(graph, node, "alleged"),
        )
        for node, attributes in graph.nodes(data=True)
    ]
    frame = pd.DataFrame(rows, columns=list(CENTRALITY_COLUMNS))
    return frame.sort_values(["degree", "actor"], ascending=[False, True], ignore_index=True)


def _cited(relation: Relation) -> str:
    note = f"; {relation.note}" if relation.note else ""
    return f"({relation.status}: {relation.citation}{note})"


def link_event(registry: ActorRegistry, actor_id: str, day: date) -> list[str]:
    """What ties an event's actor to others on ``day``: its registry roles, then its relations with status."""
    actor = registry.get(actor_id)
    links = [
        f"{role.title or 'official'} of {role.body} (registry role)" for role in actor.roles if role.holds_on(day)
    ]
    for relation in registry.relations:
        if not _holds_on(relation, day):
            continue
        if registry.canonical(relation.source) == actor.id:
            links.append(f"{relation.relation} {registry.canonical(relation.target)} {_cited(relation)}")
        elif registry.canonical(relation.target) == actor.id:
            inverse = _INVERSE.get(relation.relation, f"target of {relation.relation}")
            links.append(f"{inverse} {registry.canonical(relation.source)} {_cited(relation)}")
    return links


def _plain(value: Any) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _writable(graph: nx.Graph) -> nx.Graph:
    """A copy whose graph, node and edge attributes are all text or numbers (None becomes "")."""
    copy = graph.copy()
    copy.graph = {key: _plain(value) for key, value in copy.graph.items()}
    for _, attributes in copy.nodes(data=True):
        attributes.update({key: _plain(value) for key, value in attributes.items()})
    for *_, attributes in copy.edges(data=True):
        attributes.update({key: _plain(value) for key, value in attributes.items()})
    return copy


def write_gexf(graph: nx.Graph, path: Path) -> None:
    """The graph as GEXF (for Gephi), every attribute kept as text or number."""
    nx.write_gexf(_writable(graph), path)


def write_graphml(graph: nx.Graph, path: Path) -> None:
    """The graph as GraphML, every attribute kept as text or number."""
    nx.write_graphml(_writable(graph), path)
