"""`dyadwatch actors`: list, add, import, merge and discover actors."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_network import centrality, import_ftm, network
from .cli_support import FormatOpt, WorkspaceOpt, handled, open_workspace_option, progress_bar
from .output import OutputFormat, emit

actors_app = typer.Typer(
    help="Actors: the registry (states, bodies, people, organisations), your own additions, merges, unknown names.",
    invoke_without_command=True,
)
ACTOR_COLUMNS = ("id", "name", "kind", "country", "sector", "origin", "languages", "merged_into")


@actors_app.callback()
@handled
def actors_main(
    ctx: typer.Context,
    kind: Annotated[Optional[str], typer.Option(help="Only this kind (country, body, person, ...).")] = None,
    country: Annotated[Optional[str], typer.Option(help="Only actors of this state (ISO3).")] = None,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """List the actors in use: the package's registry plus this workspace's own."""
    if ctx.invoked_subcommand is not None:
        return
    with open_workspace_option(workspace) as ws:
        frame = ws.actors()
    if kind:
        frame = frame[frame["kind"] == kind]
    if country:
        frame = frame[frame["country"] == country.upper()]
    emit(frame.astype(object).where(frame.notna(), None).to_dict("records"), fmt, ACTOR_COLUMNS)


@actors_app.command("show")
@handled
def actors_show(
    actor_id: Annotated[str, typer.Argument(help="The actor's id.")],
    workspace: WorkspaceOpt = None,
) -> None:
    """One actor with its aliases, roles and relations (JSON)."""
    from dataclasses import asdict

    with open_workspace_option(workspace) as ws:
        registry = ws.actor_registry()
    actor = registry.get(actor_id)
    record = asdict(actor)
    record["relations"] = [asdict(r) for r in registry.relations if actor.id in (r.source, r.target)]
    typer.echo(json.dumps(record, ensure_ascii=False, indent=2, default=str))


@actors_app.command("import")
@handled
def actors_import(
    path: Annotated[Path, typer.Argument(help="YAML (a list, or `actors:` and `relations:`) or CSV file.")],
    workspace: WorkspaceOpt = None,
) -> None:
    """Add or replace this workspace's actors and relations; a bad record names file, line and field."""
    from .analyst import import_actors

    with open_workspace_option(workspace) as ws:
        added, relations = import_actors(ws.engine, path)
    typer.echo(f"{added} actors and {relations} new relations stored; run `dyadwatch process` to recode.")


@actors_app.command("add")
@handled
def actors_add(
    actor_id: Annotated[str, typer.Option("--id", help="Unique id (letters, digits, '.', '_', '-').")],
    name: Annotated[str, typer.Option(help="Canonical English name.")],
    kind: Annotated[str, typer.Option(help="country, body, person, organisation, company, media, place or group.")],
    alias: Annotated[list[str], typer.Option(help="LANG:NAME, e.g. ru:Бастрыкин (repeat for several).")],
    country: Annotated[Optional[str], typer.Option(help="State it belongs to (ISO3).")] = None,
    sector: Annotated[Optional[str], typer.Option(help="Sector of a body (see the registry's sectors).")] = None,
    role: Annotated[Optional[str], typer.Option(help="For a person: BODY[:START[:END]] with ISO dates.")] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Add one actor to this workspace (same checks as `actors import`)."""
    from .analyst import import_actors
    from .errors import InputError

    aliases: dict[str, list[str]] = {}
    for item in alias:
        language, _, text = item.partition(":")
        if not text:
            raise InputError(f"--alias {item!r}: write LANG:NAME, e.g. ru:Бастрыкин")
        aliases.setdefault(language, []).append(text)
    record: dict[str, object] = {"id": actor_id, "name": name, "kind": kind, "aliases": aliases}
    if country:
        record["country"] = country.upper()
    if sector:
        record["sector"] = sector
    if role:
        body, *dates = role.split(":")
        record["roles"] = [{"body": body, **dict(zip(("start", "end"), dates))}]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "actor.yaml"
        path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
        with open_workspace_option(workspace) as ws:
            import_actors(ws.engine, path)
    typer.echo(f"added {actor_id}; run `dyadwatch process` to recode documents with it.")


@actors_app.command("merge")
@handled
def actors_merge(
    source: Annotated[str, typer.Argument(help="The actor to merge away.")],
    target: Annotated[str, typer.Argument(help="The actor it is the same as.")],
    why: Annotated[str, typer.Option("--why", help="Why (logged with who and when).")],
    analyst: Annotated[Optional[str], typer.Option(help="Who (else $DYADWATCH_ANALYST, else the login name).")] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Treat actor A as actor B from now on; `dyadwatch process` recodes."""
    from .analyst import merge_actors

    with open_workspace_option(workspace) as ws:
        merge_actors(ws.engine, source, target, why, analyst)
    typer.echo(f"merged {source} into {target}; run `dyadwatch process` to recode.")


@actors_app.command("unknown")
@handled
def actors_unknown(
    language: Annotated[Optional[str], typer.Option(help="Only documents in this language.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Look at most at this many documents.")] = 2000,
    min_count: Annotated[int, typer.Option(min=1, help="Only names seen at least this often.")] = 2,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Names the registry lacks, with counts and contexts (natasha NER for Russian; a batch job)."""
    from .actors.discovery import natasha_available

    with open_workspace_option(workspace) as ws, progress_bar() as progress:
        task = progress.add_task("reading names", total=None)
        candidates = ws.unknown_actors(language=language, limit=limit, min_count=min_count)
        progress.update(task, completed=1, total=1)
    if not natasha_available():
        typer.echo("note: natasha is not installed (pip install 'dyadwatch[ner]'); Russian uses capitalised words.", err=True)
    records = [
        {"name": c.name, "kind": c.kind, "language": c.language, "count": c.count, "documents": len(c.documents),
         "contexts": c.contexts if fmt is OutputFormat.json else (c.contexts[0] if c.contexts else "")}
        for c in candidates
    ]
    emit(records, fmt, ("name", "kind", "language", "count", "documents", "contexts"))


actors_app.command("network")(network)
actors_app.command("centrality")(centrality)
actors_app.command("import-ftm")(import_ftm)
