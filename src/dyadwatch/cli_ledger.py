"""`dyadwatch ledger` and `dyadwatch context`: the dyad ledger and the series shown beside it."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import pandas as pd
import typer

from .cli_support import FormatOpt, WorkspaceOpt, err, handled, open_workspace_option
from .errors import InputError
from .output import OutputFormat, emit

LEDGER_TABLE_COLUMNS = (
    "dyad", "period", "stories", "cooperation", "conflict", "material_conflict", "corroborated_conflict",
    "goldstein_sum", "owner_groups", "documents", "tone",
)
SHORT_NAMES = {"cooperation": "coop", "conflict": "confl", "material_conflict": "mat.confl",
               "corroborated_conflict": "corr.confl", "goldstein_sum": "goldstein", "owner_groups": "groups",
               "documents": "docs"}
DyadsOpt = Annotated[list[str], typer.Option(
    "--dyad", help="RUS-AZE: both directions; RUS:AZE: RUS acting on AZE. Repeat for several.")]
SinceOpt = Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="From this day (YYYY-MM-DD).")]
UntilOpt = Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Up to this day (YYYY-MM-DD).")]
AsOfOpt = Annotated[Optional[datetime], typer.Option(
    "--as-of", formats=["%Y-%m-%d"],
    help="Use only documents published and events known by this day: what an analyst could see then.")]
OriginOpt = Annotated[Optional[str], typer.Option(help="Only events of this origin: coded, analyst or gdelt.")]


class Frequency(str, Enum):
    D = "D"
    W = "W"
    M = "M"


class Grouping(str, Enum):
    dyad = "dyad"
    body = "body"


class FrameFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    parquet = "parquet"


def write_frame(frame: pd.DataFrame, fmt: FrameFormat, columns: tuple[str, ...], out: Path | None,
                title: str) -> None:
    """Print or write a DataFrame: JSON and CSV keep every column, the table shows `columns`."""
    if fmt is FrameFormat.parquet:
        if out is None:
            raise InputError("--format parquet writes a file: give --out FILE.parquet.")
        frame.to_parquet(out, index=False)
        err.print(f"wrote {len(frame)} rows to {out}")
        return
    if fmt is FrameFormat.csv:
        frame.to_csv(out if out is not None else sys.stdout, index=False, date_format="%Y-%m-%d")
        return
    records = _records(frame)
    if fmt is FrameFormat.json:
        text = json.dumps(records, ensure_ascii=False, indent=2)
        if out is not None:
            out.write_text(text + "\n", encoding="utf-8")
        else:
            typer.echo(text)
        return
    shown = [c for c in columns if c in frame] + [str(c) for c in frame if str(c).startswith("context.")]
    short = [{SHORT_NAMES.get(k, k): v for k, v in r.items()} for r in records]
    emit(short, OutputFormat.table, [SHORT_NAMES.get(c, c) for c in shown], title=title)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    plain = frame.copy()
    for column in plain:
        if pd.api.types.is_datetime64_any_dtype(plain[column]):
            plain[column] = plain[column].dt.date
    plain = plain.astype(object).where(plain.notna(), None)
    return [{k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()} for r in plain.to_dict("records")]


@handled
def ledger(
    dyad: DyadsOpt,
    by: Annotated[Grouping, typer.Option(help="One line per dyad, or per acting body within it.")] = Grouping.dyad,
    freq: Annotated[Frequency, typer.Option(help="Day (D), week from Monday (W) or month (M).")] = Frequency.D,
    since: SinceOpt = None,
    until: UntilOpt = None,
    as_of: AsOfOpt = None,
    origin: OriginOpt = None,
    active: Annotated[bool, typer.Option("--active/--all", help="Table: hide periods with no stories.")] = True,
    fmt: Annotated[FrameFormat, typer.Option("--format", "-f", help="table, json, csv or parquet.")] = FrameFormat.table,
    out: Annotated[Optional[Path], typer.Option(help="Write to this file (needed for parquet).")] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Stories per directed dyad and period: quad classes, Goldstein, corroboration, origins, attention, tone."""
    with open_workspace_option(workspace) as ws:
        frame = ws.ledger(dyad, freq=freq.value, by=by.value, since=since, until=until, as_of=as_of, origin=origin)
    if not (frame["stories"].sum() or frame["documents"].sum()):
        err.print(f"No events or documents for {', '.join(dyad)} in the period asked for.", highlight=False)
        raise typer.Exit(2)
    if fmt is FrameFormat.table and active:
        frame = frame[frame["stories"] > 0]
    columns = LEDGER_TABLE_COLUMNS if by is Grouping.dyad else ("dyad", "body", *LEDGER_TABLE_COLUMNS[1:])
    write_frame(frame, fmt, columns, out, title=f"Ledger {', '.join(dyad)} ({freq.value})")


context_app = typer.Typer(help="Context series (trade, remittances, flights, gas...) shown beside a dyad's ledger.")


@context_app.command("import")
@handled
def context_import(
    path: Annotated[Path, typer.Argument(help="CSV with date,value (and optionally dyad,series,unit,source).")],
    dyad: Annotated[Optional[str], typer.Option(help="Dyad of every row without a dyad column.")] = None,
    name: Annotated[Optional[str], typer.Option(help="Series name of rows without a series column.")] = None,
    unit: Annotated[Optional[str], typer.Option(help="Unit, e.g. 'million USD'.")] = None,
    source: Annotated[Optional[str], typer.Option(help="Where the numbers come from (citation).")] = None,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Import dated values; bad rows are quarantined with the reason (exit 3), nothing read exits 2."""
    with open_workspace_option(workspace) as ws:
        report = ws.import_context(path, dyad=dyad, name=name, unit=unit, citation=source)
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(f"{report.path}: {report.new} new, {report.updated} updated, {report.unchanged} unchanged, "
                   f"{report.quarantined} quarantined")
        for origin, problem in report.problems[:20]:
            err.print(f"  {origin}: {problem}", markup=False, highlight=False)
    raise typer.Exit(report.exit_code)


@context_app.command("list")
@handled
def context_list(
    dyad: Annotated[Optional[str], typer.Option(help="Only this dyad.")] = None,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Stored context values."""
    with open_workspace_option(workspace) as ws:
        frame = ws.context(dyad)
    write_frame(frame.drop(columns=["created_at"]), FrameFormat(fmt.value),
                ("dyad", "name", "day", "value", "unit", "citation"), None, title="Context series")
