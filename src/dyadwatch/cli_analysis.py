"""`dyadwatch phases`, `coincidences` and `alerts`: escalation phases, lead-lag tests and alert rules."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Optional

import typer

from .cli_ledger import AsOfOpt, SinceOpt, UntilOpt
from .cli_support import FormatOpt, WorkspaceOpt, err, handled, open_workspace_option
from .errors import QueryError
from .output import OutputFormat, emit

PHASE_COLUMNS = ("id", "kind", "start", "end", "days", "conflict/day", "baseline", "bodies", "top event")
TOP_EVENT_CHARS = 70
COINCIDENCE_COLUMNS = ("follower", "leader", "window", "rate", "expected_rate", "p_value", "q_value",
                       "leader_events", "follower_events", "pairs")
FEW_MOVES = 3
ALERT_COLUMNS = ("day", "dyad", "rule", "kind", "message", "delivered_at")


def _phase_row(phase: dict[str, Any]) -> dict[str, Any]:
    bodies = ", ".join(f"{b['body']} ({b['events']})" for b in phase["drivers"].get("bodies", [])[:3])
    events = phase["drivers"].get("events", [])
    start, end = phase["start"], phase["end"]
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
    top = str(events[0]["summary"]) if events else ""
    return {**phase, "days": days, "bodies": bodies, "conflict/day": round(phase["conflict_rate"], 2),
            "baseline": round(phase["baseline_conflict"], 2),
            "top event": top if len(top) <= TOP_EVENT_CHARS else top[:TOP_EVENT_CHARS - 1] + "…",
            "end": end + (" (ongoing)" if phase["ongoing"] else "")}


@handled
def phases(
    dyad: Annotated[str, typer.Option("--dyad", help="RUS-AZE (both directions summed) or RUS:AZE.")],
    since: SinceOpt = None,
    until: UntilOpt = None,
    as_of: AsOfOpt = None,
    recompute: Annotated[bool, typer.Option(help="Forget the stored phases (frozen ones too) and segment anew.")] = False,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Escalation, de-escalation, truce and stable phases of a dyad, with the events and bodies that drove them."""
    with open_workspace_option(workspace) as ws:
        found = ws.phase_list(dyad, since=since, until=until, as_of=as_of, recompute=recompute)
    records = [p.to_dict() for p in found]
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    emit([_phase_row(r) for r in records], fmt, PHASE_COLUMNS, title=f"Phases {dyad}")


@handled
def coincidences(
    dyad: Annotated[Optional[str], typer.Option(
        "--dyad", help="The directed dyad whose moves may follow (e.g. RUS:AZE).")] = None,
    with_: Annotated[Optional[str], typer.Option(
        "--with", help="The directed dyad that may lead (e.g. IRN:AZE).")] = None,
    window: Annotated[int, typer.Option(help="Days after a leader's move in which a follower's counts (0..N).")] = 2,
    scan: Annotated[bool, typer.Option("--scan", help="Test every related pair of the workspace's dyads "
                                                      "(Benjamini-Hochberg q-values).")] = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Does one dyad's conflict follow another's within WINDOW days more often than chance (circular-shift null)?"""
    if window < 1:
        raise typer.BadParameter("must be at least 1 day: a reaction reported the next day would be missed.",
                                 param_hint="--window")
    with open_workspace_option(workspace) as ws:
        if scan:
            results = ws.coincidence_scan(window=window, since=since, until=until, as_of=as_of)
        elif dyad and with_:
            results = [ws.coincidences(dyad, with_, window=window, since=since, until=until, as_of=as_of)]
        else:
            raise QueryError("Give --dyad FOLLOWER --with LEADER (e.g. --dyad RUS:AZE --with IRN:AZE), or --scan.")
    records = [r.to_dict() for r in results]
    for result in results:
        if min(result.leader_events, result.follower_events) < FEW_MOVES:
            err.print(f"note: {result.leader} → {result.follower} rests on {result.leader_events} leader and "
                      f"{result.follower_events} follower moves; one more or fewer coincidence would change it.",
                      highlight=False)
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(records if scan else records[0], ensure_ascii=False, indent=2))
        return
    for record in records:
        record["pairs"] = "; ".join(f"{a}→{b}" for a, b in record["pairs"][:6])
        for key in ("rate", "expected_rate"):
            record[key] = round(record[key], 3)
        record["p_value"] = round(record["p_value"], 4)
        if record["q_value"] is not None:
            record["q_value"] = round(record["q_value"], 4)
    emit(records, fmt, COINCIDENCE_COLUMNS, title="Coincidences" + ("" if scan else f" {with_} → {dyad}"))


@handled
def alerts(
    since: SinceOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would fire; store and send nothing.")] = False,
    history: Annotated[bool, typer.Option("--history", help="List every alert fired so far instead.")] = False,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Run the [[alerts]] rules of dyadwatch.toml from where the last run stopped and deliver new alerts.

    Exit codes: 0 delivered (or nothing new), 5 some alerts could not be delivered (retried next run).
    """
    with open_workspace_option(workspace) as ws:
        if history:
            frame = ws.alerts()
            records = frame.astype(object).where(frame.notna(), None).to_dict("records")
            emit(records, fmt, ALERT_COLUMNS, title="Alerts")
            return
        if not ws.config.alerts:
            err.print("No [[alerts]] rules in dyadwatch.toml; docs/ledger.md shows how to write them.")
            raise typer.Exit(0)
        run = ws.run_alerts(since=since.date() if since else None, dry_run=dry_run)
    if dry_run:
        emit([a.to_dict() for a in run.fired], fmt, ALERT_COLUMNS[:-1], title="Alerts that would fire")
        return
    err.print(f"{len(run.fired)} fired, {len(run.sent)} sent, {len(run.delivered)} delivered, "
              f"{len(run.failed)} failed", highlight=False)
    if run.failed:
        raise typer.Exit(5)


@handled
def coordination(
    dyad: Annotated[str, typer.Option("--dyad", help="The dyad whose coverage forms the wave (RUS-AZE).")],
    since: SinceOpt = None,
    until: UntilOpt = None,
    as_of: AsOfOpt = None,
    window: Annotated[int, typer.Option("--window", help="Minutes within which co-publication counts.")] = 120,
    fmt: FormatOpt = OutputFormat.table,
    workspace: WorkspaceOpt = None,
) -> None:
    """Deliberate or spontaneous? Synchrony, concentration, lead-lag and uniformity of a wave, and a probability."""
    if window < 1:
        raise typer.BadParameter("must be at least 1 minute.", param_hint="--window")
    with open_workspace_option(workspace) as ws:
        result = ws.coordination(dyad, since=since, until=until, as_of=as_of, window_minutes=window)
    record = result.to_dict()
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2, default=str))
        return
    rows = [{"measure": name, "value": value, "contribution": record["contributions"].get(name),
             "meaning": record["feature_definitions"].get(name)} for name, value in record["features"].items()]
    emit(rows, fmt, ("measure", "value", "contribution", "meaning"),
         title=f"Coordination {dyad}: probability {record['probability']:.2f}")
    for caveat in record["caveats"]:
        err.print(f"caveat: {caveat}", highlight=False, markup=False)
