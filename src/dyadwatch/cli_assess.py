"""`dyadwatch assess`: assessments as YAML files, their ACH matrix and the checks of observables and premises."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_ledger import AsOfOpt
from .cli_support import FormatOpt, WorkspaceOpt, err, handled, open_workspace_option
from .output import OutputFormat, emit

assess_app = typer.Typer(help="Assessments: a question, hypotheses with observables, evidence rated by ACH, premises.")
AssessmentId = Annotated[str, typer.Argument(help="The assessment's id.")]
SKELETON = """id: {id}
question: {question}
dyad: {dyad}
created: {created}
analyst: {analyst}
hypotheses: []
evidence: []
premises: []
forecasts: []
"""


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


@assess_app.command("new")
@handled
def assess_new(
    ident: Annotated[str, typer.Option("--id", help="Identifier, e.g. ru-az-june-2025.")],
    question: Annotated[str, typer.Option(help="The question the assessment answers.")],
    dyad: Annotated[str, typer.Option(help="RUS-AZE or RUS:AZE.")],
    out: Annotated[Path, typer.Option(help="Where to write the YAML file to edit.")],
    analyst: Annotated[Optional[str], typer.Option(help="Who (else $DYADWATCH_ANALYST, else the login name).")] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Start an assessment: a YAML file to fill in (hypotheses, evidence, premises, forecasts), stored at once."""
    from .analyst import current_analyst
    from .assess.files import parse_assessment

    text = SKELETON.format(id=ident, question=json.dumps(question, ensure_ascii=False), dyad=dyad,
                           created=date.today().isoformat(), analyst=json.dumps(analyst or current_analyst()))
    parse_assessment(text, str(out))
    out.write_text(text, encoding="utf-8")
    with open_workspace_option(workspace) as ws:
        ws.import_assessment(out)
    typer.echo(f"{out}: assessment {ident} created; edit it and run 'dyadwatch assess import {out}'.")


@assess_app.command("import")
@handled
def assess_import(
    path: Annotated[Path, typer.Argument(help="An assessment YAML file.")],
    workspace: WorkspaceOpt = None,
) -> None:
    """Store (or replace) an assessment from its YAML file; errors name the file, line and field."""
    with open_workspace_option(workspace) as ws:
        assessment, changed = ws.import_assessment(path)
    typer.echo(f"{path}: assessment {assessment.id} {'stored' if changed else 'unchanged'}.")


@assess_app.command("export")
@handled
def assess_export(
    ident: AssessmentId,
    out: Annotated[Optional[Path], typer.Option(help="Write here instead of standard output.")] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """The assessment as YAML, to keep in git."""
    from .assess.files import dump_assessment

    with open_workspace_option(workspace) as ws:
        text = dump_assessment(ws.assessment(ident))
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        typer.echo(text, nl=False)


@assess_app.command("list")
@handled
def assess_list(fmt: FormatOpt = OutputFormat.table, workspace: WorkspaceOpt = None) -> None:
    """The workspace's assessments."""
    with open_workspace_option(workspace) as ws:
        rows = ws.assessments()
    emit(rows, fmt, ("id", "dyad", "question", "updated_at"), title="Assessments")


@assess_app.command("show")
@handled
def assess_show(
    ident: AssessmentId,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """The ACH matrix, the hypotheses ranked (inconsistency, weighted, posterior) and the items that decide it."""
    with open_workspace_option(workspace) as ws:
        assessment = ws.assessment(ident)
        result = ws.ach(ident, as_of=_day(as_of))
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str))
        return
    typer.echo(assessment.question)
    matrix = result.matrix().reset_index()
    emit(matrix.to_dict("records"), fmt, tuple(str(c) for c in matrix.columns), title="ACH matrix")
    scores = result.scores().reset_index().round(4)
    emit(scores.to_dict("records"), fmt, tuple(str(c) for c in scores.columns), title="Hypotheses")
    if result.sensitive_items:
        typer.echo("If wrong, these items would change the ranking: " + ", ".join(result.sensitive_items))
    for caveat in result.caveats:
        err.print(f"caveat: {caveat}", highlight=False, markup=False)


@assess_app.command("check")
@handled
def assess_check(
    ident: AssessmentId,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Each observable and premise checked against the record: supported, contradicted or not found, with items."""
    with open_workspace_option(workspace) as ws:
        checked = ws.check_assessment(ident, as_of=_day(as_of))
    rows = [item.to_dict() for item in checked]
    if fmt is OutputFormat.table:
        for row in rows:
            row["items"] = " ".join(row["items"][:5]) + (" …" if len(row["items"]) > 5 else "")
    emit(rows, fmt, ("kind", "owner", "id", "verdict", "found", "text", "items"), title=f"Checks of {ident}")


@assess_app.command("review")
@handled
def assess_review(
    ident: AssessmentId,
    since: Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Compare with the record as of "
                                                      "this day (default: the newest evidence's day).")] = None,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """New evidence to review: observables whose verdict or items changed since the assessment was written."""
    with open_workspace_option(workspace) as ws:
        flags = ws.review_assessment(ident, since=_day(since))
    rows = [flag.to_dict() for flag in flags]
    if not rows and fmt is OutputFormat.table:
        typer.echo("Nothing new: every observable reads as it did.")
        return
    if fmt is OutputFormat.table:
        for row in rows:
            row["new_items"] = " ".join(row["new_items"][:5])
    emit(rows, fmt, ("hypothesis", "observable", "then", "now", "found", "new_items"), title=f"Review of {ident}")
