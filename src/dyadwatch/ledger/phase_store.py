"""Phases kept in the database, so ids stay stable and a new day recomputes only the trailing window."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pandas as pd
from sqlalchemy import Connection, Engine, select

from dyadwatch.registry import Registry
from dyadwatch.store.lock import writer_lock
from dyadwatch.store.schema import phases as phases_table

from .daily import daily_events, daily_series
from .dyads import Dyad
from .model import Phase
from .phases import TRAILING_WINDOW_DAYS, detect_phases, update_phases
from .stories import Window
from .table import source_facts


def stored_phases(connection: Connection, dyad: str) -> list[Phase]:
    rows = connection.execute(
        select(phases_table.c.data).where(phases_table.c.dyad == dyad).order_by(phases_table.c.start))
    return [Phase.from_dict(json.loads(data)) for (data,) in rows]


def phases_as_of(engine: Engine, dyad: Dyad, window: Window) -> list[Phase]:
    """Phases from scratch on what was known by ``window.as_of`` (nothing stored, nothing read from the store)."""
    facts = _facts(engine, window)
    history = Window(until=window.until, as_of=window.as_of)
    with engine.connect() as connection:
        daily = daily_series(connection, dyad, history, facts)
        events = daily_events(connection, dyad, history, facts)
    return detect_phases(daily, events, dyad=dyad.code)


def refresh_phases(engine: Engine, dyad: Dyad) -> list[Phase]:
    """Bring the stored phases up to the newest data, recomputing only from the oldest phase not yet frozen."""
    facts = _facts(engine, Window())
    with engine.connect() as connection:
        stored = stored_phases(connection, dyad.code)
        unsettled = [p.start for p in stored if not p.frozen]
        frozen_end = max((p.end for p in stored if p.frozen), default=None)
        start = min(unsettled) if unsettled else (frozen_end + timedelta(days=1) if frozen_end else None)
        recent = Window(since=start)
        daily = daily_series(connection, dyad, recent, facts)
        events = daily_events(connection, dyad, recent, facts)
    if daily.empty:
        return stored
    current = update_phases(daily, events, stored, dyad=dyad.code, window_days=TRAILING_WINDOW_DAYS)
    _save(engine, dyad.code, current)
    return current


def forget_phases(engine: Engine, dyad: Dyad) -> None:
    """Drop a dyad's stored phases, frozen ones too (after re-coding or rejecting events in the past)."""
    with writer_lock(engine), engine.begin() as connection:
        connection.execute(phases_table.delete().where(phases_table.c.dyad == dyad.code))


def _facts(engine: Engine, window: Window) -> dict[int, dict[str, object]]:
    table = Registry(engine).table(window.as_of)
    with engine.connect() as connection:
        return source_facts(connection, table)


def _save(engine: Engine, dyad: str, current: list[Phase]) -> None:
    """Replace the dyad's unfrozen phases with ``current``'s; frozen rows are never rewritten."""
    now = datetime.now(timezone.utc)
    with writer_lock(engine), engine.begin() as connection:
        frozen = {r.id for r in connection.execute(select(phases_table.c.id).where(
            phases_table.c.dyad == dyad, phases_table.c.frozen.is_(True)))}
        connection.execute(phases_table.delete().where(phases_table.c.dyad == dyad,
                                                       phases_table.c.frozen.is_(False)))
        rows = [{"id": p.id, "dyad": dyad, "kind": p.kind, "start": p.start, "end": p.end, "frozen": p.frozen,
                 "data": json.dumps(p.to_dict(), ensure_ascii=False), "computed_at": now}
                for p in current if p.id not in frozen]
        if rows:
            connection.execute(phases_table.insert(), rows)


def phases_frame(phases: list[Phase]) -> pd.DataFrame:
    """Phases as a DataFrame (drivers and indicators stay as dicts)."""
    return pd.DataFrame([p.to_dict() for p in phases], columns=[
        "id", "dyad", "kind", "start", "end", "ongoing", "conflict_rate", "cooperation_rate", "baseline_conflict",
        "baseline_cooperation", "indicators", "drivers", "bursts", "frozen"])
