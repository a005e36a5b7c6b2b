"""The `dyadwatch` command line: a thin layer over the workspace API."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from .cli_actors import actors_app
from .cli_analysis import alerts, coincidences, coordination, phases
from .cli_assess import assess_app
from .cli_coding import code, explain
from .cli_events import events_app
from .cli_forecast import forecast_app
from .cli_frames import narratives_app, tone
from .cli_ledger import context_app, ledger
from .cli_sources import sources_app
from .cli_support import FormatOpt, WorkspaceOpt, err, handled, open_workspace_option, progress_bar
from .errors import DyadwatchError
from .output import OutputFormat, emit

if TYPE_CHECKING:
    from .ingest import IngestReport
    from .workspace import Workspace

app = typer.Typer(
    help="Watch the relations between two states through multilingual media, and keep every number traceable.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
app.add_typer(events_app, name="events")
app.add_typer(sources_app, name="sources")
app.add_typer(actors_app, name="actors")
app.add_typer(context_app, name="context")
app.add_typer(assess_app, name="assess")
app.add_typer(forecast_app, name="forecast")
app.add_typer(narratives_app, name="narratives")
app.command()(tone)
app.command()(ledger)
app.command()(phases)
app.command()(coincidences)
app.command()(alerts)
app.command()(coordination)
app.command()(explain)
app.command()(code)
LanguageOpt = Annotated[Optional[str], typer.Option(help="Only this language (ISO 639-1).")]
SourceOpt = Annotated[Optional[str], typer.Option(help="Only this source (its name).")]
SinceOpt = Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Published on or after (YYYY-MM-DD).")]
UntilOpt = Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Published on or before (YYYY-MM-DD).")]
ClusterOpt = Annotated[Optional[str], typer.Option(help="Only this near-duplicate cluster (its id).")]
LimitOpt = Annotated[int, typer.Option(min=0, help="At most N rows (0 = all).")]
DOC_COLUMNS = ("id", "published", "language", "source", "cluster", "title")
WAVE_LEAD_DAYS = 2  # the demo's coordination test starts this many days before an escalation
SYNTHETIC_BANNER = "SYNTHETIC DEMO: every outlet, author and text in this example is invented (synthetic: true)."


def _filter(language: str | None, source: str | None, since: datetime | None, until: datetime | None,
            cluster: str | None, limit: int) -> Any:
    from .store.queries import DocFilter

    return DocFilter(
        language=language, source=source, since=since.date() if since else None,
        until=until.date() if until else None, cluster=cluster, limit=limit or None,
    )


@app.command()
@handled
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the workspace in (created if missing).")],
    database: Annotated[str, typer.Option(help="Database URL; a relative SQLite path lies inside DIR.")] = "sqlite:///dyadwatch.db",
    dyad: Annotated[Optional[list[str]], typer.Option(help="Dyad to watch, e.g. RUS-AZE (repeatable).")] = None,
    language: Annotated[Optional[list[str]], typer.Option(help="Language to identify, ISO 639-1 (repeatable).")] = None,
    example: Annotated[Optional[str], typer.Option(help="Copy a bundled example workspace instead, e.g. russia-azerbaijan.")] = None,
) -> None:
    """Create a workspace: dyadwatch.toml and its database (or a copy of a bundled example)."""
    from .config import DEFAULT_LANGUAGES
    from .examples import copy_example
    from .workspace import init_workspace, open_workspace

    if example:
        copy_example(example, directory)
        opened = open_workspace(directory)
    else:
        opened = init_workspace(directory, database=database, dyads=dyad or ["RUS-AZE"],
                                languages=language or DEFAULT_LANGUAGES)
    with opened as ws:
        typer.echo(f"Created workspace {ws.root} (database {ws.config.database}).")
        step = "collect" if ws.config.sources else "ingest FILE..."
        typer.echo(f"Next: dyadwatch {step} --workspace {directory}")


def _print_report(report: IngestReport, output: OutputFormat, noun: str) -> None:
    if output is OutputFormat.json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
        return
    emit([vars(f) for f in report.files], output, ("path", "new", "duplicate", "quarantined"))
    if output is OutputFormat.table:
        typer.echo(
            f"{report.new} new {noun}, {report.duplicate} already stored, {report.quarantined} quarantined"
            + (" (see 'dyadwatch quarantine')." if report.quarantined else ".")
        )


def _run_load(ws: Workspace, loader: Callable[..., IngestReport], paths: list[Path], **options: Any) -> IngestReport:
    with progress_bar() as progress:
        task = progress.add_task("reading", total=None)

        def advance(path: Path, count: int) -> None:
            progress.update(task, advance=count, description=f"reading {path.name}")

        return loader(paths, progress=advance, **options)


@app.command()
@handled
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    input_format: Annotated[str, typer.Option("--format", help="auto (by file suffix), jsonl, csv, html, telegram or feed.")] = "auto",
    source: Annotated[Optional[str], typer.Option(help="Source name for every item (overrides the items' own).")] = None,
    synthetic: Annotated[bool, typer.Option(help="Mark every item as synthetic (invented) text.")] = False,
    output: Annotated[OutputFormat, typer.Option("--output", "-o", help="Report as table, json or csv.")] = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Read documents from JSONL, CSV, HTML, feed files or Telegram exports. Exit 0: all read; 3: some quarantined; 2: nothing read."""
    from .sources import READERS

    if input_format != "auto" and input_format not in READERS:
        raise typer.BadParameter(f"choose auto or one of {', '.join(sorted(READERS))}", param_hint="--format")
    with open_workspace_option(workspace) as ws:
        report = _run_load(ws, ws.ingest, paths, fmt=input_format, source=source, synthetic=synthetic)
    _print_report(report, output, "documents")
    raise typer.Exit(report.exit_code)


@app.command()
@handled
def collect(
    output: Annotated[OutputFormat, typer.Option("--output", "-o", help="Report as table, json or csv.")] = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Pull every source in dyadwatch.toml's [[sources]]. Exit 0: all read; 3: items quarantined or a source failed; 2: every source failed."""
    with open_workspace_option(workspace) as ws:
        with progress_bar() as progress:
            task = progress.add_task("collecting", total=None)
            report = ws.collect(progress=lambda label, n: progress.update(task, advance=n, description=label))
    if output is OutputFormat.json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
    else:
        emit([vars(s) for s in report.sources], output, ("path", "kind", "new", "duplicate", "quarantined", "failed"))
    raise typer.Exit(report.exit_code)


@app.command()
@handled
def process(
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per committed batch.")] = 500,
    workers: Annotated[int, typer.Option(min=1, help="Processes for the CPU-bound stages.")] = 1,
    again: Annotated[bool, typer.Option("--again", help="Process every document again, not only new ones.")] = False,
    output: Annotated[OutputFormat, typer.Option("--output", "-o", help="Report as table or json.")] = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Run the text pipeline over new documents (normalise, language, sentences, search terms, near-duplicates)."""
    with open_workspace_option(workspace) as ws:
        if again:
            ws.reset_processing()
        with progress_bar() as progress:
            task = progress.add_task("processing", total=ws.pending())
            report = ws.process(batch_size=batch_size, workers=workers,
                                progress=lambda n: progress.update(task, advance=n))
    if output is OutputFormat.json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
    else:
        languages = ", ".join(f"{k} {v}" for k, v in sorted(report.languages.items())) or "none"
        typer.echo(f"Processed {report.processed} documents ({languages}); {report.near_duplicates} joined a near-duplicate cluster.")


@app.command()
@handled
def docs(
    language: LanguageOpt = None, source: SourceOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    cluster: ClusterOpt = None, limit: LimitOpt = 50, fmt: FormatOpt = OutputFormat.table, workspace: WorkspaceOpt = None,
) -> None:
    """List documents, newest first."""
    with open_workspace_option(workspace) as ws:
        records = ws.document_records(_filter(language, source, since, until, cluster, limit))
    _emit_documents(records, fmt)


def _emit_documents(records: list[dict[str, Any]], fmt: OutputFormat) -> None:
    """Documents as data; a table of synthetic documents says so (JSON and CSV carry the `synthetic` field)."""
    emit(records, fmt, (*DOC_COLUMNS, "synthetic") if fmt is OutputFormat.csv else DOC_COLUMNS)
    invented = sum(1 for r in records if r.get("synthetic"))
    if fmt is OutputFormat.table and invented:
        typer.echo(f"{SYNTHETIC_BANNER} ({invented} of {len(records)} rows)")


@app.command()
@handled
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all must occur; inflected forms match).")],
    language: LanguageOpt = None, source: SourceOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    cluster: ClusterOpt = None, limit: LimitOpt = 50, fmt: FormatOpt = OutputFormat.table, workspace: WorkspaceOpt = None,
) -> None:
    """Full-text search that understands inflection, homoglyphs and script variants."""
    with open_workspace_option(workspace) as ws:
        records = ws.search_records(query, _filter(language, source, since, until, cluster, limit))
    _emit_documents(records, fmt)


@app.command()
@handled
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id, or a unique prefix of 4+ characters.")],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="table or json.")] = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Show one document: metadata, normalised text and its sentences."""
    with open_workspace_option(workspace) as ws:
        record = ws.document(doc_id)
    if record is None:
        err.print(f"No single document has the id or prefix {doc_id!r}. List ids with 'dyadwatch docs'.", markup=False)
        raise typer.Exit(1)
    if fmt is OutputFormat.json:
        emit([record], fmt, ())
        return
    fields = ("id", "source", "url", "title", "published", "language", "cluster_id", "origin", "synthetic")
    emit([{"field": k, "value": record[k]} for k in fields], OutputFormat.table, ("field", "value"))
    emit(record["sentences"], OutputFormat.table, ("idx", "start", "end", "text"), title="sentences")
    if record["synthetic"]:
        typer.echo(SYNTHETIC_BANNER)


@app.command()
@handled
def quarantine(
    stage: Annotated[Optional[str], typer.Option(help="Only items quarantined at this stage (ingest, events).")] = None,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """List input that could not be read, with the reason and where it came from."""
    with open_workspace_option(workspace) as ws:
        records = ws.quarantine_records(stage)
    emit(records, fmt, ("origin", "reason", "stage"))


@events_app.command("import")
@handled
def events_import(
    paths: Annotated[list[Path], typer.Argument(help="Event files: analyst lists (JSONL, CSV) or, with --gdelt, GDELT exports.")],
    gdelt: Annotated[bool, typer.Option("--gdelt", help="The files are GDELT 1.0/2.0 event exports (origin = gdelt).")] = False,
    output: Annotated[OutputFormat, typer.Option("--output", "-o", help="Report as table, json or csv.")] = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Import an analyst's event list (origin = analyst), or GDELT event files. Exit codes as for ingest."""
    with open_workspace_option(workspace) as ws:
        report = _run_load(ws, ws.import_gdelt if gdelt else ws.import_events, paths)
    _print_report(report, output, "events")
    raise typer.Exit(report.exit_code)


@app.command()
@handled
def summary(
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="table or json.")] = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Documents by language, source and month; near-duplicate clusters; quarantined items."""
    with open_workspace_option(workspace) as ws:
        _print_summary(ws, fmt)


def _print_summary(ws: Workspace, fmt: OutputFormat) -> None:
    frames = ws.summary()
    if fmt is OutputFormat.json:
        typer.echo(json.dumps({k: v.to_dict(orient="records") for k, v in frames.items()}, ensure_ascii=False, indent=2))
        return
    for name, frame in frames.items():
        emit(frame.to_dict(orient="records"), OutputFormat.table, list(frame.columns), title=name.replace("_", " "))


@app.command()
@handled
def demo(
    directory: Annotated[Path, typer.Argument(help="Workspace folder for the example.")] = Path("demo-workspace"),
    example: Annotated[str, typer.Option(help="Which bundled example workspace.")] = "russia-azerbaijan",
) -> None:
    """Build a workspace from a bundled synthetic example (init --example, collect, process) and print its summary."""
    from .examples import copy_example
    from .workspace import open_workspace

    if not (directory / "dyadwatch.toml").exists():
        copy_example(example, directory)
    with open_workspace(directory) as ws:
        collected = ws.collect()
        processed = ws.process()
        typer.echo(SYNTHETIC_BANNER)
        typer.echo(f"Workspace {ws.root}")
        emit([vars(s) for s in collected.sources], OutputFormat.table,
             ("path", "kind", "new", "duplicate", "quarantined", "failed"), title="collected")
        typer.echo(f"Processed {processed.processed} new documents.")
        _print_summary(ws, OutputFormat.table)
        _print_coded_events(ws)
        _print_ledger_findings(ws)
        _print_assessments(ws)
        typer.echo(SYNTHETIC_BANNER)
        typer.echo(f"Try: dyadwatch search Алиев --workspace {directory}")
        typer.echo(f"     dyadwatch events --dyad RUS:AZE --since 2025-06-27 --until 2025-07-05 --workspace {directory}")
        typer.echo(f"     dyadwatch ledger --dyad RUS-AZE --freq M --workspace {directory}")
        typer.echo(f"     dyadwatch phases --dyad RUS-AZE --as-of 2025-07-03 --workspace {directory}")


def _print_coded_events(ws: Workspace) -> None:
    """Coded events per watched dyad, acting body and month, and the ten most corroborated stories."""
    from .coding.corroboration import counts_by_body_and_month

    for a, b in ws.config.dyads:
        coded = ws.events(origin="coded", dyad=f"{a}-{b}")
        counts = counts_by_body_and_month(coded)
        emit(counts.to_dict("records"), OutputFormat.table, ("month", "direction", "body", "events", "stories"),
             title=f"coded events {a}-{b} per month and acting body")
        top = ws.stories(origin="coded", dyad=f"{a}-{b}").head(10)
        emit(top.to_dict("records"), OutputFormat.table,
             ("event_date", "actor1_code", "actor2_code", "plover_category", "corroboration", "documents",
              "accounts", "summary"), title=f"ten most corroborated {a}-{b} stories")


def _print_ledger_findings(ws: Workspace) -> None:
    """Monthly ledger, phases and the Iran-then-Russia coincidence test of each watched dyad."""
    from .cli_analysis import PHASE_COLUMNS, _phase_row
    from .cli_ledger import LEDGER_TABLE_COLUMNS

    for a, b in ws.config.dyads:
        monthly = ws.ledger(f"{a}-{b}", freq="M")
        monthly = monthly[monthly["stories"] > 0].assign(period=lambda f: f["period"].dt.strftime("%Y-%m"))
        columns = [c for c in LEDGER_TABLE_COLUMNS if c != "tone"] + [c for c in monthly if c.startswith("context.")]
        emit(monthly.round(2).to_dict("records"), OutputFormat.table, columns,
             title=f"ledger {a}-{b} per month (stories, not copies)")
        phases = ws.phase_list(f"{a}-{b}")
        emit([_phase_row(p.to_dict()) for p in phases], OutputFormat.table, PHASE_COLUMNS, title=f"phases {a}-{b}")
        for phase in (p for p in phases if p.kind == "escalation"):
            _print_wave(ws, f"{a}-{b}", phase.start - timedelta(days=WAVE_LEAD_DAYS), phase.end)
        for leader in [f"{x}:{b}" for x, y in ws.config.related_dyads if y == b and x != a]:
            try:
                test = ws.coincidences(f"{a}:{b}", leader, window=2)
            except DyadwatchError as exc:
                typer.echo(f"coincidence {leader} → {a}:{b}: not testable ({exc.message})")
                continue
            pairs = ", ".join(f"{x}→{y}" for x, y in test.pairs) or "none"
            typer.echo(f"coincidence {leader} → {a}:{b} within 2 days: rate {test.rate:.2f} "
                       f"(expected {test.expected_rate:.2f}), p = {test.p_value:.3f}, "
                       f"{test.leader_events} leader and {test.follower_events} follower moves; pairs: {pairs}")


def _print_assessments(ws: Workspace) -> None:
    """Each assessment's ACH ranking, its checked observables and premises, and its forecasts' Brier score."""
    from .assess.forecasts import brier
    from .assess.service import forecasts_of

    for listed in ws.assessments():
        assessment = ws.assessment(listed["id"])
        typer.echo(f"assessment {assessment.id}: {assessment.question}")
        scores = ws.ach(assessment.id).scores().reset_index().round(3)
        emit(scores.to_dict("records"), OutputFormat.table, tuple(str(c) for c in scores.columns),
             title="ACH: hypotheses ranked")
        checked = [item.to_dict() for item in ws.check_assessment(assessment.id)]
        emit(checked, OutputFormat.table, ("kind", "owner", "id", "verdict", "found"),
             title="observables and premises against the record")
        forecasts = forecasts_of(assessment)
        for forecast in forecasts:
            outcome = forecast.resolution.outcome if forecast.resolution else "open"
            typer.echo(f"forecast {forecast.id}: {forecast.statement(forecast.created)} Resolved: {outcome}.")
        if any(f.resolution for f in forecasts):
            typer.echo(f"Brier score of the resolved forecasts: {brier(forecasts):.4f}")


def _print_wave(ws: Workspace, dyad: str, since: date, until: date) -> None:
    """The coordination test on the coverage of one escalation, with the features that weighed most."""
    try:
        result = ws.coordination(dyad, since=since, until=until)
    except DyadwatchError as exc:
        typer.echo(f"coordination {dyad} {since} to {until}: not judged ({exc.message})")
        return
    top = sorted(result.contributions.items(), key=lambda item: -abs(item[1]))[:3]
    weights = ", ".join(f"{name} {value:+.2f}" for name, value in top)
    typer.echo(f"coordination {dyad} {since} to {until}: probability {result.probability:.2f} over "
               f"{result.concentration.items} documents; weighed most: {weights}")


def main() -> None:
    app()

