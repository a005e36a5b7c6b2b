"""Running the workspace's alert rules: evaluate, remember what fired, deliver what has not arrived yet.

Each run evaluates from the last day the previous run saw (kept under ``alerts:last_day``), reading the
series back ``LOOKBACK_DAYS`` more so the tone rule has its baseline: a new day of data costs a new day of
work. Phases come from the stored, incrementally updated phases. An alert is stored once (its id is stable)
and marked delivered only when every target took it; a later run retries the others.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import TextIO

import httpx
import pandas as pd
from sqlalchemy import Engine, func, select

from dyadwatch.config import WorkspaceConfig
from dyadwatch.errors import DyadwatchError
from dyadwatch.ledger.daily import daily_events, daily_series
from dyadwatch.ledger.dyads import Dyad, parse
from dyadwatch.ledger.model import Alert
from dyadwatch.ledger.phase_store import refresh_phases
from dyadwatch.ledger.service import source_facts_for
from dyadwatch.ledger.stories import Window
from dyadwatch.store.cursors import get_cursor, set_cursor
from dyadwatch.store.lock import writer_lock
from dyadwatch.store.schema import alerts as alerts_table
from dyadwatch.store.schema import events as events_table

from .delivery import DeliveryReport, DeliverySettings, Target, deliver, parse_delivery
from .rules import AlertRule, Coordinated, WaveScore, evaluate

CURSOR = "alerts:last_day"
LOOKBACK_DAYS = 60  # days of series read before the first evaluated day (the tone baseline needs 30)


@dataclass
class AlertRun:
    since: date | None
    fired: list[Alert] = field(default_factory=list)
    sent: list[Alert] = field(default_factory=list)
    reports: list[DeliveryReport] = field(default_factory=list)

    @property
    def delivered(self) -> list[str]:
        return [i for r in self.reports for i in r.delivered]

    @property
    def failed(self) -> list[str]:
        return [i for r in self.reports for i in r.undelivered]


def run_alerts(engine: Engine, config: WorkspaceConfig, *, since: date | None = None, dry_run: bool = False,
               transport: httpx.BaseTransport | None = None, stream: TextIO | None = None) -> AlertRun:
    """Evaluate every rule from ``since`` (default: where the last run stopped) and deliver new alerts."""
    start = since or _cursor(engine)
    run = AlertRun(start)
    settings = config.alert_delivery or parse_delivery(None)
    last_day = _last_data_day(engine)
    for dyad, rules in _rules_by_dyad(config).items():
        run.fired += _evaluate_dyad(engine, dyad, rules, start)
    if dry_run:
        return run
    _store(engine, run.fired)
    pending = _undelivered(engine)
    if pending:
        run.sent = pending
        run.reports = _deliver(config, settings, pending, transport, stream)
        for report in run.reports:
            _mark(engine, report)
    if last_day:
        set_cursor(engine, CURSOR, last_day.isoformat())
    return run


def _cursor(engine: Engine) -> date | None:
    value = get_cursor(engine, CURSOR)
    return date.fromisoformat(value) if value else None


def _last_data_day(engine: Engine) -> date | None:
    with engine.connect() as connection:
        return connection.execute(select(func.max(events_table.c.event_date))).scalar()


def _rules_by_dyad(config: WorkspaceConfig) -> dict[Dyad, list[AlertRule]]:
    """Each rule under its own dyad, or under every watched dyad when it names none."""
    watched = [Dyad(a, b, False) for a, b in config.dyads]
    out: dict[Dyad, list[AlertRule]] = {}
    for rule in config.alerts:
        for dyad in ([parse(rule.dyad)] if rule.dyad else watched):
            out.setdefault(dyad, []).append(rule)
    return out


def _evaluate_dyad(engine: Engine, dyad: Dyad, rules: list[AlertRule], since: date | None) -> list[Alert]:
    window = Window(since=since - timedelta(days=LOOKBACK_DAYS) if since else None)
    facts = source_facts_for(engine, window)
    phases = refresh_phases(engine, dyad) if any(r.kind == "new_phase" for r in rules) else []
    with engine.connect() as connection:
        daily = daily_series(connection, dyad, window, facts)
        events = daily_events(connection, dyad, window, facts)
    if daily.empty:
        return []
    fired = []
    for rule in rules:
        waves = _waves(engine, dyad, rule.params, daily, since) if isinstance(rule.params, Coordinated) else []
        fired += evaluate(rule, dyad=dyad.code, phases=phases, daily=daily, events=events, since=since, waves=waves)
    return fired


def _waves(engine: Engine, dyad: Dyad, params: Coordinated, daily: pd.DataFrame, since: date | None) -> list[WaveScore]:
    """The coordination probability of each busy day's wave (the day and the days before it) from ``since``."""
    from dyadwatch.coordination.service import assess_wave

    busy = daily["documents"].rolling(params.wave_days, min_periods=1).sum()
    days = [(pd.Timestamp(stamp).date(), int(documents)) for stamp, documents in busy.items()
            if documents >= params.min_documents and (since is None or pd.Timestamp(stamp).date() >= since)]
    if not days:
        return []
    facts = source_facts_for(engine, Window())
    scores = []
    with engine.connect() as connection:
        for day, documents in days:
            first = day - timedelta(days=params.wave_days - 1)
            try:
                result = assess_wave(connection, dyad, first, day, facts)
            except DyadwatchError:
                continue
            scores.append(WaveScore(day, first, result.probability, documents, {
                "features": {k: round(v, 4) for k, v in result.features.items()},
                "state_share": round(result.concentration.state_share, 4), "synchrony_p": result.synchrony.p_value}))
    return scores


def _store(engine: Engine, fired: list[Alert]) -> None:
    if not fired:
        return
    now = datetime.now(timezone.utc)
    with writer_lock(engine), engine.begin() as connection:
        known = {r.id for r in connection.execute(select(alerts_table.c.id).where(
            alerts_table.c.id.in_([a.id for a in fired])))}
        rows = [{"id": a.id, "rule": a.rule, "kind": a.kind, "dyad": a.dyad, "day": a.day, "message": a.message,
                 "evidence": json.dumps(a.to_dict()["evidence"], ensure_ascii=False, default=str), "created_at": now}
                for a in dict((a.id, a) for a in fired).values() if a.id not in known]
        if rows:
            connection.execute(alerts_table.insert(), rows)


def _undelivered(engine: Engine) -> list[Alert]:
    with engine.connect() as connection:
        rows = connection.execute(select(alerts_table).where(alerts_table.c.delivered_at.is_(None))
                                  .order_by(alerts_table.c.day, alerts_table.c.id)).mappings().all()
    return [Alert(id=r["id"], rule=r["rule"], kind=r["kind"], dyad=r["dyad"], day=r["day"], message=r["message"],
                  evidence=json.loads(r["evidence"])) for r in rows]


def _deliver(config: WorkspaceConfig, settings: DeliverySettings, pending: list[Alert],
             transport: httpx.BaseTransport | None, stream: TextIO | None) -> list[DeliveryReport]:
    """One delivery per set of targets (a rule may name its own; removed rules use the defaults)."""
    by_rule = {r.name: r for r in config.alerts}
    groups: dict[tuple[Target, ...], list[Alert]] = {}
    for alert in pending:
        rule = by_rule.get(alert.rule)
        groups.setdefault(rule.targets(settings.targets) if rule else settings.targets, []).append(alert)
    return [deliver(alerts, targets, root=config.root, timeout=settings.timeout, transport=transport, stream=stream)
            for targets, alerts in groups.items()]


def _mark(engine: Engine, report: DeliveryReport) -> None:
    now = datetime.now(timezone.utc)
    failures: dict[str, list[str]] = {}
    for target in report.targets:
        for alert_id, reason in target.failed:
            failures.setdefault(alert_id, []).append(f"{target.target}: {reason}")
    with writer_lock(engine), engine.begin() as connection:
        for alert_id in report.delivered:
            connection.execute(alerts_table.update().where(alerts_table.c.id == alert_id)
                               .values(delivered_at=now, failures="[]"))
        for alert_id, reasons in failures.items():
            connection.execute(alerts_table.update().where(alerts_table.c.id == alert_id)
                               .values(failures=json.dumps(reasons, ensure_ascii=False)))


def alerts_frame(engine: Engine) -> pd.DataFrame:
    """Every alert fired so far, newest first, with when it was delivered and why it failed."""
    with engine.connect() as connection:
        result = connection.execute(select(alerts_table).order_by(alerts_table.c.day.desc(), alerts_table.c.id))
        return pd.DataFrame(result.all(), columns=list(result.keys()))
