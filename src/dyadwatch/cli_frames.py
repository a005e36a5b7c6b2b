"""`dyadwatch narratives` and `dyadwatch tone`: the frames found in documents and their directed tone."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_ledger import FrameFormat, Frequency, SinceOpt, UntilOpt, write_frame
from .cli_support import FormatOpt, WorkspaceOpt, handled, open_workspace_option
from .errors import InputError
from .narratives import Narrative
from .output import OutputFormat, emit

narratives_app = typer.Typer(
    help="Narratives (frames): the package's and your own, as phrase sets per language; counts over time.",
    invoke_without_command=True,
)
NARRATIVE_COLUMNS = ("id", "name", "origin", "languages", "phrases", "documents")


@narratives_app.callback()
@handled
def narratives_main(ctx: typer.Context, fmt: FormatOpt = OutputFormat.table, workspace: WorkspaceOpt = None) -> None:
    """List the narratives in use, with how many stored documents carry each."""
    if ctx.invoked_subcommand is not None:
        return
    with open_workspace_option(workspace) as ws:
        frame = ws.narratives()
    emit(frame.to_dict("records"), fmt, NARRATIVE_COLUMNS if fmt is OutputFormat.table else tuple(frame.columns),
         title="Narratives")


@narratives_app.command("import")
@handled
def narratives_import(
    path: Annotated[Path, typer.Argument(help="YAML (a list of narratives) or CSV (id,name,description,language,phrase).")],
    workspace: WorkspaceOpt = None,
) -> None:
    """Add or replace narratives from a file; a bad record is refused with file, line and field."""
    with open_workspace_option(workspace) as ws:
        new, replaced = ws.import_narratives(path)
    typer.echo(f"{path}: {new} new, {replaced} replaced. Run 'dyadwatch process' to look for them in stored documents.")


@narratives_app.command("add")
@handled
def narratives_add(
    ident: Annotated[str, typer.Option("--id", help="Identifier, e.g. energy-blackmail.")],
    name: Annotated[str, typer.Option(help="Short name.")],
    description: Annotated[str, typer.Option(help="One sentence saying what the frame claims.")],
    phrase: Annotated[list[str], typer.Option(help="LANG:PHRASE, repeatable, e.g. ru:энергетический шантаж "
                                                   "(a word ending in * is a prefix).")],
    workspace: WorkspaceOpt = None,
) -> None:
    """Add (or replace) one narrative of this workspace."""
    phrases: dict[str, list[str]] = {}
    for item in phrase:
        language, sep, text = item.partition(":")
        if not sep or not text.strip():
            raise InputError(f"--phrase {item!r}: write LANG:PHRASE, e.g. en:energy blackmail")
        phrases.setdefault(language.strip().lower(), []).append(text.strip())
    narrative = Narrative(ident, name, description, {k: tuple(v) for k, v in phrases.items()}, "user")
    with open_workspace_option(workspace) as ws:
        new, replaced = ws.add_narrative(narrative)
    typer.echo(f"{ident}: {'added' if new else 'replaced' if replaced else 'unchanged'}. "
               "Run 'dyadwatch process' to look for it in stored documents.")


@narratives_app.command("counts")
@handled
def narratives_counts(
    by: Annotated[str, typer.Option(help="country, ownership, owner_group or source (of the publishing source).")]
    = "country",
    freq: Annotated[Frequency, typer.Option(help="Day (D), week (W) or month (M).")] = Frequency.D,
    narrative: Annotated[Optional[str], typer.Option(help="Only this narrative id.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: Annotated[FrameFormat, typer.Option("--format", "-f", help="table, json, csv or parquet.")] = FrameFormat.table,
    out: Annotated[Optional[Path], typer.Option(help="Write to this file (needed for parquet).")] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Documents (near-duplicate clusters) carrying each narrative per period and source grouping."""
    with open_workspace_option(workspace) as ws:
        frame = ws.narrative_counts(by=by, freq=freq.value, narrative=narrative, since=_day(since), until=_day(until))
    write_frame(frame, fmt, ("period", "narrative", by, "documents"), out, title=f"Narratives by {by}")


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


@handled
def tone(
    doc_id: Annotated[str, typer.Argument(help="A document id (see `dyadwatch docs`).")],
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """The document's tone about each state it mentions, with every word that produced it."""
    with open_workspace_option(workspace) as ws:
        records = ws.document_tone(doc_id)
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    rows = [{**r, "words": "; ".join(f"{w['surface']} ({w['polarity']} {w['weight']:g}{', negated' if w['negated'] else ''})"
                                      for w in r["words"])} for r in records]
    emit(rows, fmt, ("about", "score", "hostile", "warm", "sentences", "words"), title=f"Tone of {doc_id}")
