"""`dyadwatch sources`: the source registry (dated, cited facts about outlets and channels)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_support import FormatOpt, WorkspaceOpt, err, handled, open_workspace_option
from .output import OutputFormat, emit
from .registry import ImportReport, Registry

sources_app = typer.Typer(
    help="The source registry: list sources, add and edit their dated, cited facts, import registry files.",
    invoke_without_command=True,
)
DateOpt = Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Facts valid on this day (YYYY-MM-DD; default today).")]
FromOpt = Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="The fact holds from this day (YYYY-MM-DD).")]
CitationOpt = Annotated[str, typer.Option(help="URL or reference documenting the fact (required).")]
LIST_COLUMNS = ("name", "platform", "ownership", "owner_group", "country", "language", "documents", "status")


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


@sources_app.callback()
@handled
def sources_list(
    ctx: typer.Context, as_of: DateOpt = None, fmt: FormatOpt = OutputFormat.table, workspace: WorkspaceOpt = None,
) -> None:
    """List sources with their facts on a day and their document counts; new ones are 'unclassified'."""
    if ctx.invoked_subcommand is not None:
        return
    with open_workspace_option(workspace) as ws:
        records = Registry(ws.engine).table(_day(as_of))
    emit(records, fmt, LIST_COLUMNS)


@sources_app.command("add")
@handled
def sources_add(
    name: Annotated[str, typer.Argument(help="Source name as documents carry it.")],
    citation: CitationOpt,
    country: Annotated[Optional[str], typer.Option(help="ISO 3166 alpha-3 code, e.g. RUS.")] = None,
    language: Annotated[Optional[str], typer.Option(help="ISO 639-1 code, e.g. ru.")] = None,
    platform: Annotated[Optional[str], typer.Option(help="web, agency, tv, radio, print, telegram, x, youtube, …")] = None,
    ownership: Annotated[Optional[str], typer.Option(help="state, state-affiliated, independent, foreign, private.")] = None,
    owner_group: Annotated[Optional[str], typer.Option(help="Owning group, e.g. Rossiya Segodnya.")] = None,
    alignment: Annotated[Optional[str], typer.Option(help="pro-government, opposition or neutral.")] = None,
    location: Annotated[Optional[str], typer.Option(help="domestic, exile or foreign.")] = None,
    credibility: Annotated[Optional[str], typer.Option(help="high, medium or low.")] = None,
    url: Annotated[Optional[str], typer.Option(help="The outlet's address.")] = None,
    alias: Annotated[Optional[list[str]], typer.Option(help="Another name of the source (repeatable).")] = None,
    valid_from: FromOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Add a source, or facts to a source; every attribute also accepts 'unknown'."""
    facts = {"country": country, "language": language, "ownership": ownership, "owner_group": owner_group,
             "alignment": alignment, "location": location, "credibility": credibility}
    with open_workspace_option(workspace) as ws:
        added = Registry(ws.engine).add(name, facts, citation, _day(valid_from), platform=platform, url=url,
                                        aliases=alias or ())
    typer.echo(f"{name}: {added} new facts.")


@sources_app.command("edit")
@handled
def sources_edit(
    name: Annotated[str, typer.Argument(help="Source name or alias.")],
    attribute: Annotated[str, typer.Argument(help="country, language, platform, ownership, owner_group, alignment, location or credibility.")],
    value: Annotated[str, typer.Argument(help="The new value (or 'unknown').")],
    citation: CitationOpt,
    valid_from: FromOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Change one fact from a day on (default today); the previous value is kept as history."""
    with open_workspace_option(workspace) as ws:
        added = Registry(ws.engine).edit(name, attribute, value, citation, _day(valid_from))
    typer.echo(f"{name}: {attribute} = {value}" + ("." if added else " already holds; nothing added."))


@sources_app.command("import")
@handled
def sources_import(
    path: Annotated[Optional[Path], typer.Argument(help="CSV or JSONL registry file, one source per row.")] = None,
    starter: Annotated[bool, typer.Option("--starter", help="Import the bundled starter registry.")] = False,
    output: Annotated[OutputFormat, typer.Option("--output", "-o", help="Report as table or json.")] = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Import a registry file (or the starter registry). Exit 0: all read; 3: some rows quarantined; 2: none read."""
    from .registry.starter import starter_path

    if (path is None) == (not starter):
        raise typer.BadParameter("give either a FILE or --starter")
    with open_workspace_option(workspace) as ws:
        report = Registry(ws.engine).import_file(starter_path() if starter else path)  # type: ignore[arg-type]
    _print_import(report, output)
    raise typer.Exit(report.exit_code)


def _print_import(report: ImportReport, output: OutputFormat) -> None:
    if output is OutputFormat.json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    if report.problems:
        emit([{"origin": o, "reason": r} for o, r in report.problems], OutputFormat.table, ("origin", "reason"),
             title="quarantined")
    typer.echo(f"{report.new_sources} new sources, {report.new_facts} new facts, {report.unchanged} rows already "
               f"stored, {report.quarantined} quarantined.")


@sources_app.command("show")
@handled
def sources_show(
    name: Annotated[str, typer.Argument(help="Source name or alias.")],
    as_of: DateOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Show a source's facts on a day and their whole history with citations."""
    with open_workspace_option(workspace) as ws:
        registry = Registry(ws.engine)
        current = registry.facts(name, _day(as_of))
        history = [vars(fact) for fact in registry.history(name)]
    if fmt is OutputFormat.json:
        emit([{"name": name, "facts": current, "history": history}], fmt, ())
        return
    emit([{"attribute": k, "value": v} for k, v in current.items()], fmt, ("attribute", "value"), title=name)
    emit(history, fmt, ("attribute", "value", "valid_from", "valid_to", "citation", "recorded_at"), title="history")


@sources_app.command("unknown")
@handled
def sources_unknown(fmt: FormatOpt = OutputFormat.table, workspace: WorkspaceOpt = None) -> None:
    """List sources seen in documents that have no facts yet, most documents first."""
    with open_workspace_option(workspace) as ws:
        records = Registry(ws.engine).unclassified()
    emit(records, fmt, ("name", "platform", "documents", "first_seen"))
    if fmt is OutputFormat.table and records:
        err.print("Classify them with 'dyadwatch sources add NAME … --citation URL'.", markup=False)
