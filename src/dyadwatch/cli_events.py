"""`dyadwatch events`: list, add, reject, recode and export events."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from .cli_support import FormatOpt, WorkspaceOpt, handled, open_workspace_option
from .output import OutputFormat, emit

EVENT_TABLE_COLUMNS = (
    "id", "event_date", "actor1_code", "actor1_body", "actor2_code", "actor2_body", "plover_category", "cameo_code",
    "origin", "corroboration", "summary",
)
DyadOpt = Annotated[Optional[str], typer.Option(
    "--dyad", help="RUS-AZE: both directions; RUS:AZE: only RUS acting on AZE (ISO 3166 alpha-3).")]
BodyOpt = Annotated[Optional[str], typer.Option(
    "--body", help="Only events where this body or actor acts or is targeted (e.g. RUS.SK, vladimir-putin).")]
OriginOpt = Annotated[Optional[str], typer.Option(help="Only events of this origin: coded, analyst or gdelt.")]
SinceOpt = Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Events on or after (YYYY-MM-DD).")]
UntilOpt = Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Events on or before (YYYY-MM-DD).")]
RejectedOpt = Annotated[bool, typer.Option("--rejected", help="Include events an analyst rejected.")]
WhyOpt = Annotated[str, typer.Option("--why", help="Why (logged with who and when).")]
AnalystOpt = Annotated[Optional[str], typer.Option(help="Who (else $DYADWATCH_ANALYST, else the login name).")]

events_app = typer.Typer(
    help="Events: list them (filters below), add, reject and recode them, import and export event files.",
    invoke_without_command=True,
)


def _frame(workspace: Path | None, dyad: str | None, body: str | None, origin: str | None,
           since: datetime | None, until: datetime | None, rejected: bool) -> Any:
    with open_workspace_option(workspace) as ws:
        return ws.events(origin, dyad=dyad, body=body, since=since.date() if since else None,
                         until=until.date() if until else None, include_rejected=rejected)


def _records(frame: Any) -> list[dict[str, Any]]:
    drop = [c for c in ("raw", "doc_pk", "owner_group") if c in frame]
    return frame.drop(columns=drop).astype(object).where(frame.drop(columns=drop).notna(), None).to_dict("records")


@events_app.callback()
@handled
def events_main(
    ctx: typer.Context,
    dyad: DyadOpt = None,
    body: BodyOpt = None,
    origin: OriginOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    rejected: RejectedOpt = False,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """List events in date order with their corroboration (distinct owner groups)."""
    if ctx.invoked_subcommand is not None:
        return
    frame = _frame(workspace, dyad, body, origin, since, until, rejected)
    emit(_records(frame), fmt, EVENT_TABLE_COLUMNS)


@events_app.command("list")
@handled
def events_list(
    dyad: DyadOpt = None,
    body: BodyOpt = None,
    origin: OriginOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    rejected: RejectedOpt = False,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """The same list as `dyadwatch events`."""
    frame = _frame(workspace, dyad, body, origin, since, until, rejected)
    emit(_records(frame), fmt, EVENT_TABLE_COLUMNS)


@events_app.command("stories")
@handled
def events_stories(
    dyad: DyadOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[int, typer.Option(min=0, help="At most N stories (0 = all).")] = 10,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Stories (an event collapsed over copies and outlets), most corroborated first."""
    with open_workspace_option(workspace) as ws:
        table = ws.stories(dyad=dyad, since=since.date() if since else None, until=until.date() if until else None)
    if limit:
        table = table.head(limit)
    emit(table.to_dict("records"), fmt, ("event_date", "actor1_code", "actor2_code", "plover_category",
                                         "corroboration", "documents", "accounts", "summary"))


@events_app.command("add")
@handled
def events_add(
    source: Annotated[str, typer.Option("--source", help="Acting state (ISO 3166 alpha-3).")],
    target: Annotated[str, typer.Option("--target", help="Targeted state (ISO 3166 alpha-3).")],
    cameo: Annotated[str, typer.Option("--cameo", help="CAMEO code (PLOVER, Goldstein and quad class follow).")],
    on: Annotated[datetime, typer.Option("--date", formats=["%Y-%m-%d"], help="When it happened (YYYY-MM-DD).")],
    description: Annotated[str, typer.Option("--description", help="One line saying what happened.")],
    url: Annotated[list[str], typer.Option("--url", help="A source backing the event (repeat for several).")],
    analyst: AnalystOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Record an event by hand (origin = analyst), with the sources that back it."""
    from .analyst import ManualEvent, add_event

    with open_workspace_option(workspace) as ws:
        event_id = add_event(ws.engine, ManualEvent(on.date(), source.upper(), target.upper(), cameo, description, url),
                             analyst)
    typer.echo(event_id)


def _status_change(action: str, done: str, doc: str) -> None:
    """Register `events reject` or `events restore`: a logged override that changes an event's status."""

    @handled
    def command(
        event_id: Annotated[str, typer.Argument(help="The event's id.")],
        why: WhyOpt,
        analyst: AnalystOpt = None,
        workspace: WorkspaceOpt = None,
    ) -> None:
        from . import analyst as overrides

        with open_workspace_option(workspace) as ws:
            getattr(overrides, f"{action}_event")(ws.engine, event_id, why, analyst)
        typer.echo(f"{done} {event_id}")

    command.__doc__ = doc
    events_app.command(action)(command)


_status_change("reject", "rejected", "Reject an event; it stays rejected when documents are processed again.")
_status_change("restore", "restored", "Undo a rejection (logged like any override).")


@events_app.command("recode")
@handled
def events_recode(
    event_id: Annotated[str, typer.Argument(help="The event's id.")],
    why: WhyOpt,
    cameo: Annotated[Optional[str], typer.Option(help="New CAMEO code.")] = None,
    source: Annotated[Optional[str], typer.Option(help="New acting state (ISO3).")] = None,
    target: Annotated[Optional[str], typer.Option(help="New targeted state (ISO3).")] = None,
    on: Annotated[Optional[str], typer.Option("--date", help="New date (YYYY-MM-DD).")] = None,
    source_body: Annotated[Optional[str], typer.Option(help="New acting body (actor id).")] = None,
    target_body: Annotated[Optional[str], typer.Option(help="New targeted body (actor id).")] = None,
    analyst: AnalystOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Change an event's codes; the change is logged and survives re-processing."""
    from .analyst import recode_event
    from .errors import InputError

    changes = {"cameo": cameo, "source": source, "target": target, "date": on,
               "source_body": source_body, "target_body": target_body}
    chosen = {k: v for k, v in changes.items() if v}
    if not chosen:
        raise InputError("give at least one of --cameo, --source, --target, --date, --source-body, --target-body")
    with open_workspace_option(workspace) as ws:
        for field, value in chosen.items():
            recode_event(ws.engine, event_id, field, value.upper() if field in ("source", "target") else value,
                         why, analyst)
    typer.echo(f"recoded {event_id}: " + ", ".join(f"{k}={v}" for k, v in chosen.items()))


@events_app.command("export")
@handled
def events_export(
    out: Annotated[Path, typer.Argument(help="File to write: .json (PLOVER-style) or .tsv (GDELT-style columns).")],
    dyad: DyadOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Export events as PLOVER-style JSON or GDELT-style TSV, each row keeping its provenance."""
    from .coding.export import write_export

    frame = _frame(workspace, dyad, None, None, since, until, False)
    count = write_export(frame, out)
    typer.echo(f"wrote {count} events to {out}")
