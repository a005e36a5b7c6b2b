"""Events of one directed dyad read as stories, aggregated in SQL so reading scales with stories, not copies.

A story here is every event with the same acting and targeted state, PLOVER category (or quad class where
GDELT's CAMEO code has no PLOVER category) and day, whichever instrument reported it: a coded event and a GDELT
row about the same raid are one story, seen by two origins. Meetings, calls and other symmetric events count in
both directions. Copies of one report (a near-duplicate cluster) and outlets of one owner group count once in
the corroboration of a story.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Connection, String, and_, case, cast, func, literal, or_, select

from dyadwatch.store.publication import CLUSTER
from dyadwatch.store.schema import documents, events

from .dyads import Dyad

_SYMMETRIC = or_(events.c.plover_category == "CONSULT", events.c.flags.like('%"symmetric"%'))


@dataclass(frozen=True)
class Window:
    """The days asked for and what could be known: only events known by ``as_of`` and dated up to it count."""

    since: date | None = None
    until: date | None = None
    as_of: date | None = None
    origin: str | None = None

    @property
    def last_day(self) -> date | None:
        """The last day that may carry data: the earlier of ``until`` and ``as_of``."""
        days = [d for d in (self.until, self.as_of) if d is not None]
        return min(days) if days else None


def _acting(dyad: Dyad):  # type: ignore[no-untyped-def]
    """Events of A acting on B, and symmetric ones (meetings, calls) of B with A."""
    return or_(and_(events.c.actor1_code == dyad.a, events.c.actor2_code == dyad.b),
               and_(events.c.actor1_code == dyad.b, events.c.actor2_code == dyad.a, _SYMMETRIC))


def story_rows(connection: Connection, dyad: Dyad, window: Window) -> pd.DataFrame:
    """One row per (story, origin, source, body) with event count, Goldstein and tone sums; symmetric rows folded."""
    symmetric = case((_SYMMETRIC, 1), else_=0)
    body = case((events.c.actor1_code == dyad.a, events.c.actor1_body), else_=events.c.actor2_body)
    category = func.coalesce(events.c.plover_category, literal("QUAD").concat(cast(events.c.quad_class, String)))
    keys = [events.c.event_date.label("day"), category.label("category"), events.c.quad_class.label("quad"),
            events.c.origin.label("origin"), body.label("body"), documents.c.source_id.label("source_id")]
    query = (
        select(*keys, func.count().label("events"), func.sum(events.c.goldstein).label("goldstein"),
               func.sum(events.c.tone).label("tone_sum"), func.count(events.c.tone).label("tone_n"),
               func.count(func.distinct(CLUSTER)).label("clusters"),
               func.max(symmetric).label("symmetric"))
        .select_from(events.outerjoin(documents, documents.c.pk == events.c.doc_pk))
        .where(_acting(dyad), events.c.status != "rejected", events.c.quad_class.is_not(None))
        .group_by(*keys)
    )
    query = _restrict(query, window)
    frame = pd.DataFrame([tuple(row) for row in connection.execute(query)], columns=[
        "day", "category", "quad", "origin", "body", "source_id", "events", "goldstein", "tone_sum", "tone_n",
        "clusters", "symmetric"])
    frame["day"] = pd.to_datetime(frame["day"])
    frame = frame.astype({"goldstein": float, "tone_sum": float, "events": "int64", "tone_n": "int64"})
    frame["body"] = frame["body"].fillna(dyad.a)
    return frame


def _restrict(query, window: Window):  # type: ignore[no-untyped-def]
    if window.since:
        query = query.where(events.c.event_date >= window.since)
    if window.last_day:
        query = query.where(events.c.event_date <= window.last_day)
    if window.as_of:
        query = query.where(func.coalesce(events.c.known_date, events.c.event_date) <= window.as_of)
    if window.origin:
        query = query.where(events.c.origin == window.origin)
    return query


def event_rows(connection: Connection, dyad: Dyad, window: Window, quads: tuple[int, ...] = (1, 2, 3, 4),
               limit: int | None = None) -> pd.DataFrame:
    """The events behind a dyad's stories (id, day, body, Goldstein, summary, document), for drill-down."""
    query = (
        select(events.c.id, events.c.event_date, events.c.origin, events.c.actor1_code, events.c.actor2_code,
               events.c.actor1_body, events.c.actor2_body, events.c.quad_class, events.c.plover_category,
               events.c.cameo_code, events.c.goldstein, func.coalesce(events.c.summary, events.c.description)
               .label("summary"), documents.c.id.label("doc_id"), documents.c.source_id)
        .select_from(events.outerjoin(documents, documents.c.pk == events.c.doc_pk))
        .where(_acting(dyad), events.c.status != "rejected", events.c.quad_class.in_(quads))
        .order_by(events.c.event_date, events.c.id)
    )
    query = _restrict(query, window)
    if limit:
        query = query.limit(limit)
    result = connection.execute(query)
    return pd.DataFrame([tuple(row) for row in result], columns=list(result.keys()))
