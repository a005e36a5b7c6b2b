"""`dyadwatch actors network | centrality | import-ftm`: actor graphs for Gephi, centrality, FollowTheMoney import.

Relation edges keep their ``status`` (documented or alleged) and ``citation`` in every output; event edges
(``relation="events"``) count coded and analyst events between two actors and carry no status or citation.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.text import Text

from .cli_support import FormatOpt, WorkspaceOpt, err, handled, open_workspace_option
from .output import OutputFormat, emit

if TYPE_CHECKING:
    import networkx as nx

    from .workspace import Workspace

EVENT_ORIGINS = ("coded", "analyst")
EVENT_RELATION = "events"
QUARANTINE_STAGE = "ftm"


class GraphFormat(str, Enum):
    gexf = "gexf"
    graphml = "graphml"


class RelationStatus(str, Enum):
    documented = "documented"
    alleged = "alleged"


AsOfOpt = Annotated[Optional[datetime], typer.Option(
    "--as-of", formats=["%Y-%m-%d"], help="Only relations that hold on this day (YYYY-MM-DD; else all).")]
EventsOpt = Annotated[bool, typer.Option(
    "--events/--no-events", help="Add actor-actor edges of coded and analyst events (weight, cooperation, conflict).")]
SinceOpt = Annotated[Optional[datetime], typer.Option(
    formats=["%Y-%m-%d"], help="With --events: events on or after this day (YYYY-MM-DD).")]
UntilOpt = Annotated[Optional[datetime], typer.Option(
    formats=["%Y-%m-%d"], help="With --events: events on or before this day (YYYY-MM-DD).")]


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _actor_graph(
    ws: Workspace, *, as_of: date | None, statuses: tuple[str, ...], events: bool, since: date | None,
    until: date | None,
) -> nx.MultiDiGraph:
    """The workspace's relation graph, plus one ``events`` edge per actor pair of events when asked."""
    from .actors.network import event_graph, relation_graph

    if not events and (since or until):
        raise typer.BadParameter("only applies to event edges: add --events", param_hint="--since/--until")
    registry = ws.actor_registry()
    graph = relation_graph(registry, as_of=as_of, statuses=statuses)
    graph.graph.update(as_of=as_of, statuses=",".join(statuses))
    if events:
        frame = ws.events(since=since, until=until)
        co_occurring = event_graph(frame[frame["origin"].isin(EVENT_ORIGINS)], registry)
        graph.add_nodes_from(co_occurring.nodes(data=True))
        graph.add_edges_from(
            (source, target, {"relation": EVENT_RELATION, **counts})
            for source, target, counts in co_occurring.edges(data=True)
        )
        graph.graph.update(events_since=since, events_until=until)
    return graph


@handled
def network(
    out: Annotated[Path, typer.Option("--out", "-o", help="The graph file to write.")],
    graph_format: Annotated[Optional[GraphFormat], typer.Option(
        "--format", "-f", help="gexf (Gephi) or graphml; else from --out's suffix (.graphml), else gexf.")] = None,
    as_of: AsOfOpt = None,
    status: Annotated[Optional[list[RelationStatus]], typer.Option(
        "--status", help="Only relations of this status (repeat for both; default both).")] = None,
    events: EventsOpt = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Write the actor graph (relations with status and citation; event edges with --events) for Gephi."""
    from .actors.network import write_gexf, write_graphml

    chosen = graph_format or (GraphFormat.graphml if out.suffix.lower() == ".graphml" else GraphFormat.gexf)
    statuses = tuple(dict.fromkeys(s.value for s in status)) if status else tuple(s.value for s in RelationStatus)
    with open_workspace_option(workspace) as ws:
        graph = _actor_graph(ws, as_of=_day(as_of), statuses=statuses, events=events, since=_day(since),
                             until=_day(until))
    writer = write_graphml if chosen is GraphFormat.graphml else write_gexf
    try:
        writer(graph, out)
    except OSError as error:
        raise typer.BadParameter(f"cannot write {out}: {error.strerror}", param_hint="--out") from error
    kinds = [data.get("status", EVENT_RELATION) for *_, data in graph.edges(data=True)]
    counts = ", ".join(f"{kinds.count(kind)} {kind}" for kind in (*statuses, *([EVENT_RELATION] if events else ())))
    typer.echo(f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges ({counts}) "
               f"to {out} ({chosen.value}).")


@handled
def centrality(
    as_of: AsOfOpt = None,
    events: EventsOpt = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[int, typer.Option(min=0, help="At most N actors, most connected first (0 = all).")] = 20,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Degree (also split by documented and alleged relations) and betweenness of each actor in the graph."""
    from .actors.network import CENTRALITY_COLUMNS
    from .actors.network import centrality as centrality_table

    with open_workspace_option(workspace) as ws:
        graph = _actor_graph(ws, as_of=_day(as_of), statuses=tuple(s.value for s in RelationStatus), events=events,
                             since=_day(since), until=_day(until))
    frame = centrality_table(graph)
    frame["betweenness"] = frame["betweenness"].round(4)
    if limit:
        frame = frame.head(limit)
    emit(frame.to_dict("records"), fmt, CENTRALITY_COLUMNS)


@handled
def import_ftm(
    path: Annotated[Path, typer.Argument(help="FollowTheMoney entities, one JSON object a line (UTF-8).")],
    workspace: WorkspaceOpt = None,
) -> None:
    """Store FtM people, companies and bodies and their cited links as this workspace's own actors and relations.

    Links are alleged unless a line says "dyadwatch_status": "documented". Bad lines are quarantined (stage
    ftm) with their reason. Exit 0: all read; 3: some quarantined; 2: nothing read.
    """
    from .actors.ftm import parse_ftm
    from .errors import InputError
    from .ingest import EXIT_NOTHING_READ, EXIT_OK, EXIT_SOME_QUARANTINED
    from .models import Quarantined
    from .store.coded import store_actors, workspace_registry
    from .store.lock import writer_lock
    from .store.writer import insert_quarantined

    try:
        with path.open(encoding="utf-8") as handle:
            lines = [line.rstrip("\n") for line in handle]
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}") from error
    with open_workspace_option(workspace) as ws:
        found = parse_ftm(lines, known_ids={actor.id for actor in ws.actor_registry()})
        problems = [
            Quarantined(origin=f"{path}:line {number}", reason=reason, raw=lines[number - 1],
                        stage=QUARANTINE_STAGE)
            for number, reason in found.problems
        ]
        with writer_lock(ws.engine), ws.engine.begin() as connection:
            stored, new_relations = store_actors(connection, found.actors, found.relations)
            insert_quarantined(connection, problems)
            workspace_registry(connection)  # the stored actors must read back, else roll back
    for number, reason in found.problems:
        err.print(Text(f"line {number}: {reason}"))
    typer.echo(
        f"{stored} actors and {len(found.relations)} relations read ({new_relations} relations new), "
        f"{len(problems)} lines quarantined" + (" (see 'dyadwatch quarantine --stage ftm')." if problems else ".")
    )
    if stored + len(found.relations) == 0:
        raise typer.Exit(EXIT_NOTHING_READ)
    raise typer.Exit(EXIT_SOME_QUARANTINED if problems else EXIT_OK)
