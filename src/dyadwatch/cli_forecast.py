"""`dyadwatch forecast`: make, update, resolve, list, score and show forecasts kept in the workspace."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Literal, Optional

import typer

from .cli_ledger import AsOfOpt
from .cli_support import FormatOpt, WorkspaceOpt, handled, open_workspace_option
from .errors import InputError
from .output import OutputFormat, emit

if TYPE_CHECKING:
    from .assess.forecasts import Forecast, Resolution

LIST_COLUMNS = ("id", "question", "probability", "term", "confidence", "deadline", "status", "proposal")
BRIER_COLUMNS = ("scope", "forecasts", "brier")
SCORE_DIGITS = 4
LOG_TABLE_COLUMNS = ("day", "action", "probability", "term", "confidence", "analyst", "note", "recorded_at")

DayOpt = Annotated[Optional[datetime], typer.Option(
    "--day", formats=["%Y-%m-%d"], help="The day it applies to (YYYY-MM-DD; default today).")]
WhyOpt = Annotated[str, typer.Option("--why", help="Why (logged with who and the day).")]
AnalystOpt = Annotated[Optional[str], typer.Option(help="Who (else $DYADWATCH_ANALYST, else the login name).")]
ProbabilityOpt = Annotated[float, typer.Option("--probability", help="Probability from 0 to 1.")]
ConfidenceOpt = Annotated[str, typer.Option("--confidence", help="Confidence: low, moderate or high.")]
IdArg = Annotated[str, typer.Argument(help="The forecast's id.")]


class Outcome(str, Enum):
    yes = "yes"
    no = "no"


forecast_app = typer.Typer(help="Forecasts: a probability and a confidence on a dated question, updated, resolved "
                                "and scored (Brier, calibration).")


@contextmanager
def _checked() -> Iterator[None]:
    """Report a refused value (ValueError naming its field) as an input error rather than a traceback."""
    try:
        yield
    except ValueError as exc:
        raise InputError(str(exc)) from exc


def _day(value: datetime | None) -> date:
    return value.date() if value else date.today()


def _yes_no(outcome: bool) -> str:
    return "yes" if outcome else "no"


@forecast_app.command("add")
@handled
def forecast_add(
    forecast_id: Annotated[str, typer.Option("--id", help="A short unique id.")],
    question: Annotated[str, typer.Option("--question", help="The question, answerable yes or no by the deadline.")],
    criteria: Annotated[str, typer.Option("--criteria", help="What counts as yes, in words.")],
    deadline: Annotated[datetime, typer.Option(formats=["%Y-%m-%d"], help="Last day it can happen (YYYY-MM-DD).")],
    probability: ProbabilityOpt,
    confidence: ConfidenceOpt,
    query: Annotated[Optional[str], typer.Option(
        "--query", help='Criteria as a query on the events, e.g. {"dyad": "RUS:AZE", "quad_class": 4}.')] = None,
    created: Annotated[Optional[datetime], typer.Option(
        formats=["%Y-%m-%d"], help="When the forecast was made (YYYY-MM-DD; default today).")] = None,
    analyst: AnalystOpt = None,
    assessment: Annotated[Optional[str], typer.Option(help="The assessment it belongs to.")] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Record a new forecast with its first probability and confidence."""
    from .analyst import current_analyst
    from .assess.forecast_store import save_forecast
    from .assess.forecasts import Forecast

    who = analyst or current_analyst()
    with _checked():
        forecast = Forecast(forecast_id, question, criteria, _day(created), deadline.date(), who, probability,
                            confidence, _query(query))
    with open_workspace_option(workspace) as ws:
        save_forecast(ws.engine, forecast, "add", who, "initial forecast", assessment_id=assessment)
    typer.echo(forecast.statement())


def _query(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"--query: not JSON ({exc})") from exc
    if not isinstance(value, dict):
        raise InputError(f"--query: a JSON object is needed, got {text!r}")
    return value


@forecast_app.command("update")
@handled
def forecast_update(
    forecast_id: IdArg,
    probability: ProbabilityOpt,
    confidence: ConfidenceOpt,
    why: WhyOpt,
    day: DayOpt = None,
    analyst: AnalystOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Revise a forecast's probability and confidence (until its deadline, before it is resolved)."""
    from .analyst import current_analyst
    from .assess.forecast_store import get_forecast, save_forecast
    from .assess.forecasts import ForecastUpdate

    who = analyst or current_analyst()
    with open_workspace_option(workspace) as ws:
        forecast = get_forecast(ws.engine, forecast_id)
        if forecast.resolution is not None:
            raise InputError(f"{forecast_id}: resolved on {forecast.resolution.date}; it can no longer be updated")
        with _checked():
            forecast = forecast.updated(ForecastUpdate(_day(day), probability, confidence, who, why))
        save_forecast(ws.engine, forecast, "update", who, why)
    typer.echo(forecast.statement())


@forecast_app.command("resolve")
@handled
def forecast_resolve(
    forecast_id: IdArg,
    outcome: Annotated[Outcome, typer.Option("--outcome", help="Whether it happened: yes or no.")],
    why: WhyOpt,
    day: DayOpt = None,
    evidence: Annotated[Optional[list[str]], typer.Option(
        "--evidence", help="An event id showing the outcome (repeat for several).")] = None,
    analyst: AnalystOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Close a forecast with its outcome; the probability in force that day is the one scored."""
    from .analyst import current_analyst
    from .assess.forecast_store import get_forecast, save_forecast
    from .assess.forecasts import Resolution

    with open_workspace_option(workspace) as ws:
        forecast = get_forecast(ws.engine, forecast_id)
        if forecast.resolution is not None:
            raise InputError(f"{forecast_id}: already resolved on {forecast.resolution.date}")
        with _checked():
            forecast = forecast.resolved(Resolution(_day(day), outcome is Outcome.yes, why, tuple(evidence or ())))
        save_forecast(ws.engine, forecast, "resolve", analyst or current_analyst(), why)
    typer.echo(f"resolved {forecast_id}: {outcome.value} on {_day(day)}")


def _status(forecast: Forecast, today: date) -> str:
    if forecast.resolution is not None:
        return f"resolved {_yes_no(forecast.resolution.outcome)} on {forecast.resolution.date}"
    return "past deadline" if today > forecast.deadline else "open"


def _proposal(resolution: Resolution | None) -> str | None:
    if resolution is None:
        return None
    cited = f", evidence {' '.join(resolution.evidence)}" if resolution.evidence else ""
    return f"{_yes_no(resolution.outcome)} on {resolution.date}{cited}"


@forecast_app.command("list")
@handled
def forecast_list(as_of: AsOfOpt = None, fmt: FormatOpt = OutputFormat.table, workspace: WorkspaceOpt = None) -> None:
    """Forecasts by deadline: probability now, its ICD 203 term, confidence, status and any proposed resolution."""
    from .assess.forecast_store import as_known_on, load_forecasts, proposals
    from .assess.forecasts import icd203_term

    today = as_of.date() if as_of else date.today()
    with open_workspace_option(workspace) as ws:
        forecasts = as_known_on(load_forecasts(ws.engine), today)
        proposed = {forecast.id: resolution for forecast, resolution in proposals(ws.engine, today)
                    if forecast.created <= today}
    records = []
    for forecast in forecasts:
        now = forecast.judgements[-1]
        records.append({"id": forecast.id, "question": forecast.question, "probability": now.probability,
                        "term": icd203_term(now.probability), "confidence": now.confidence,
                        "deadline": forecast.deadline, "status": _status(forecast, today),
                        "proposal": _proposal(proposed.get(forecast.id))})
    emit(records, fmt, LIST_COLUMNS)


def _bins(text: str) -> int | Literal["icd203"]:
    if text == "icd203":
        return "icd203"
    try:
        return int(text)
    except ValueError:
        raise InputError(f"--bins: a whole number or 'icd203', got {text!r}") from None


@forecast_app.command("score")
@handled
def forecast_score(
    by: Annotated[Optional[str], typer.Option("--by", help="'analyst': calibration per analyst.")] = None,
    bins: Annotated[str, typer.Option("--bins", help="Calibration bins: a number of equal bins, or icd203.")] = "10",
    as_of: AsOfOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Brier score of the resolved forecasts (overall and per analyst) and the calibration table.

    JSON gives one object with both tables; CSV gives the two tables one after the other, a blank line between.
    """
    from .assess.forecast_store import as_known_on, load_forecasts
    from .assess.forecasts import brier, calibration

    if by not in (None, "analyst"):
        raise InputError(f"--by: only 'analyst' is known, got {by!r}")
    with open_workspace_option(workspace) as ws:
        forecasts = load_forecasts(ws.engine)
    if as_of:
        forecasts = as_known_on(forecasts, as_of.date())
    with _checked():
        scores = [{"scope": "all", "forecasts": sum(f.resolution is not None for f in forecasts),
                   "brier": round(brier(forecasts), SCORE_DIGITS)}]
        analysts = sorted({f.scored.analyst for f in forecasts if f.resolution is not None})
        for name in analysts:
            theirs = [f for f in forecasts if f.resolution is not None and f.scored.analyst == name]
            scores.append({"scope": name, "forecasts": len(theirs), "brier": round(brier(theirs), SCORE_DIGITS)})
        table = calibration(forecasts, _bins(bins), "analyst" if by else None).round(SCORE_DIGITS)
    rows = table.to_dict("records")
    if fmt is OutputFormat.json:
        typer.echo(json.dumps({"brier": scores, "calibration": rows}, ensure_ascii=False, indent=2))
        return
    emit(scores, fmt, BRIER_COLUMNS, title="Brier score (0 best, 1 worst)")
    if fmt is OutputFormat.csv:
        typer.echo("")
    emit(rows, fmt, [str(column) for column in table.columns], title="Calibration")


@forecast_app.command("show")
@handled
def forecast_show(forecast_id: IdArg, fmt: FormatOpt = OutputFormat.table, workspace: WorkspaceOpt = None) -> None:
    """A forecast's statement, its log (every judgement and the resolution, dated) and its resolution."""
    from .assess.forecast_store import forecast_log, forecast_to_dict, get_forecast
    from .assess.forecasts import icd203_term

    with open_workspace_option(workspace) as ws:
        forecast = get_forecast(ws.engine, forecast_id)
        log = forecast_log(ws.engine, forecast_id)
    entries = log.astype(object).where(log.notna(), None).to_dict("records")
    for entry in entries:
        entry["term"] = None if entry["probability"] is None else icd203_term(entry["probability"])
    if fmt is OutputFormat.json:
        typer.echo(json.dumps({"statement": forecast.statement(), "forecast": forecast_to_dict(forecast),
                               "log": [{k: _iso(v) for k, v in e.items()} for e in entries]},
                              ensure_ascii=False, indent=2))
        return
    if fmt is OutputFormat.table:
        _describe(forecast)
    emit(entries, fmt, LOG_TABLE_COLUMNS, title="Log")


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _describe(forecast: Forecast) -> None:
    typer.echo(forecast.statement())
    typer.echo(f"question: {forecast.question}")
    typer.echo(f"resolves yes if: {forecast.resolution_criteria}")
    if forecast.criteria_query is not None:
        typer.echo(f"query: {json.dumps(dict(forecast.criteria_query), ensure_ascii=False)}")
    typer.echo(f"made {forecast.created} by {forecast.analyst}; deadline {forecast.deadline}")
    resolution = forecast.resolution
    if resolution is None:
        typer.echo("resolution: none yet")
        return
    typer.echo(f"resolution: {_yes_no(resolution.outcome)} on {resolution.date} ({resolution.note}); scored "
               f"probability {forecast.scored.probability:g}")
    if resolution.evidence:
        typer.echo(f"evidence: {' '.join(resolution.evidence)}")
