"""Ledger, context series, phases and coincidences read from a workspace's database."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, func, select

from dyadwatch.errors import QueryError
from dyadwatch.registry import Registry
from dyadwatch.store.lock import writer_lock
from dyadwatch.store.schema import context_series, documents, events

from .coincidences import coincidence_test, scan
from .context import ContextReport, read_rows, store_values
from .daily import daily_series
from .dyads import Dyad, check_known, parse
from .model import Coincidence, Phase
from .phase_store import forget_phases, phases_as_of, refresh_phases
from .stories import Window
from .table import context_frame, ledger_frame, source_facts


def parse_dyads(engine: Engine, texts: Sequence[str]) -> list[Dyad]:
    """Dyad codes checked against ISO 3166 and the stored events."""
    if not texts:
        raise QueryError("Name at least one dyad, e.g. --dyad RUS-AZE (both directions) or --dyad RUS:AZE.")
    dyads = [parse(t) for t in texts]
    with engine.connect() as connection:
        for dyad in dyads:
            check_known(connection, dyad)
    return dyads


def check_window(engine: Engine, window: Window) -> None:
    """Refuse an inverted period, and an as-of date before anything was stored."""
    if window.since and window.until and window.since > window.until:
        raise QueryError(f"--since {window.since} is after --until {window.until}.")
    if window.as_of is None:
        return
    with engine.connect() as connection:
        first_event = connection.execute(select(func.min(events.c.event_date))).scalar()
        first_doc = connection.execute(select(func.min(documents.c.published))).scalar()
    firsts = [d for d in (first_event, first_doc.date() if first_doc else None) if d is not None]
    if not firsts:
        raise QueryError("The workspace holds no events or documents yet; ingest or import some first.")
    if window.as_of < min(firsts):
        raise QueryError(f"--as-of {window.as_of} is before any stored data (the first is {min(firsts)}); "
                         "nothing could have been known then.")


def has_events(engine: Engine, dyad: Dyad, window: Window) -> bool:
    """Whether any event of the dyad (either direction) falls in the window."""
    query = select(events.c.id).where(
        events.c.actor1_code.in_((dyad.a, dyad.b)), events.c.actor2_code.in_((dyad.a, dyad.b)))
    if window.since:
        query = query.where(events.c.event_date >= window.since)
    if window.last_day:
        query = query.where(events.c.event_date <= window.last_day)
    with engine.connect() as connection:
        return connection.execute(query.limit(1)).first() is not None


def ledger(engine: Engine, dyad_texts: Sequence[str], window: Window, *, freq: str = "D",
           by_body: bool = False) -> pd.DataFrame:
    """The ledger of each dyad named (both directions for `A-B`), with context series as extra columns."""
    dyads = parse_dyads(engine, dyad_texts)
    check_window(engine, window)
    facts = source_facts_for(engine, window)
    parts = []
    with engine.connect() as connection:
        for dyad in dyads:
            frame = ledger_frame(connection, dyad, window, freq=freq, by_body=by_body, facts=facts)
            context = context_frame(connection, dyad, window, freq)
            if not context.empty:
                frame = frame.merge(context.rename_axis("period").reset_index(), on="period", how="left")
            parts.append(frame)
    return pd.concat(parts, ignore_index=True).drop_duplicates(
        subset=[c for c in ("dyad", "body", "period") if c in parts[0]])


def source_facts_for(engine: Engine, window: Window) -> dict[int, dict[str, object]]:
    """Source countries and owner groups as they stood on the as-of date (else today)."""
    table = Registry(engine).table(window.as_of)
    with engine.connect() as connection:
        return source_facts(connection, table)


def import_context(engine: Engine, path: Path, *, dyad: str | None = None, name: str | None = None,
                   unit: str | None = None, citation: str | None = None) -> ContextReport:
    """Store a CSV of dated values; see `context` for the layout."""
    if dyad:
        parse(dyad)
    rows = read_rows(path, {"dyad": dyad, "series": name, "unit": unit, "source": citation})
    with writer_lock(engine), engine.begin() as connection:
        return store_values(connection, path, rows)


def context_table(engine: Engine, dyad: str | None = None) -> pd.DataFrame:
    """Stored context values, one row per dyad, series and day."""
    query = select(context_series).order_by(context_series.c.dyad, context_series.c.name, context_series.c.day)
    if dyad:
        code = parse(dyad)
        query = query.where(context_series.c.dyad.in_({code.code, f"{code.a}-{code.b}", f"{code.b}-{code.a}"}))
    with engine.connect() as connection:
        result = connection.execute(query)
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def phases(engine: Engine, dyad_text: str, window: Window, *, recompute: bool = False) -> list[Phase]:
    """Escalation phases of a dyad: stored and brought up to date, or from scratch as of a past day."""
    dyad = parse_dyads(engine, [dyad_text])[0]
    check_window(engine, window)
    if recompute:
        forget_phases(engine, dyad)
    found = phases_as_of(engine, dyad, window) if window.as_of or window.until else refresh_phases(engine, dyad)
    if window.since:
        found = [p for p in found if p.end >= window.since]
    if not found or not has_events(engine, dyad, window):
        raise QueryError(f"No events or documents for {dyad.code} in the period asked for: no phases to show.")
    return found


def conflict_counts(engine: Engine, dyad: Dyad, window: Window) -> pd.Series:
    """Conflict stories per day (gap-free), as known by the window's as-of day."""
    with engine.connect() as connection:
        daily = daily_series(connection, dyad, window, source_facts_for(engine, window))
    if daily.empty:
        return pd.Series(dtype="int64")
    return daily["conflict"].astype("int64").rename(dyad.code)


def coincidences(engine: Engine, follower_text: str, leader_text: str, window: Window, *,
                 days: int) -> Coincidence:
    """Does ``follower`` (``--dyad``) act within ``days`` after ``leader`` (``--with``) more often than chance?"""
    follower, leader = parse_dyads(engine, [follower_text, leader_text])
    check_window(engine, window)
    leader_counts = conflict_counts(engine, leader, window)
    follower_counts = conflict_counts(engine, follower, window)
    for dyad, counts in ((leader, leader_counts), (follower, follower_counts)):
        if counts.sum() == 0:
            raise QueryError(f"{dyad.code} has no conflict events in the period asked for; there is nothing to "
                             "test. Widen --since/--until or check the dyad's direction.")
    try:
        return coincidence_test(leader_counts, follower_counts, window=days, leader_name=leader.code,
                                follower_name=follower.code)
    except ValueError as exc:
        raise QueryError(str(exc)) from exc


def watched_directions(config_dyads: Sequence[tuple[str, str]]) -> list[Dyad]:
    """Both directions of every dyad the workspace watches or relates."""
    return [d for a, b in config_dyads for d in Dyad(a, b, False).directions]


def coincidence_scan(engine: Engine, dyads: Sequence[Dyad], window: Window, *, days: int) -> list[Coincidence]:
    """Every related pair of directed dyads tested, ranked by Benjamini-Hochberg q-value."""
    check_window(engine, window)
    if days < 1:
        raise QueryError("--window must be at least 1 day: a reaction reported the next day would be missed.")
    series = {d.code: conflict_counts(engine, d, window) for d in dict.fromkeys(dyads)}
    series = {code: counts for code, counts in series.items() if counts.sum() > 0}
    try:
        return scan(series, window=days)
    except ValueError as exc:
        raise QueryError(str(exc)) from exc
