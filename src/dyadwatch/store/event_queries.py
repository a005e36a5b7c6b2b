"""Reading events back: filters by dyad, body and date, with the document and source behind each."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from .schema import documents, events, overrides, sources

EVENT_COLUMNS = (
    "id", "event_date", "origin", "status", "actor1_code", "actor1_name", "actor1_id", "actor1_body",
    "actor1_sector", "actor2_code", "actor2_name", "actor2_id", "actor2_body", "actor2_sector", "cameo_code",
    "plover_category", "plover_mode", "goldstein", "quad_class", "confidence", "summary", "description", "flags",
    "language", "sentence_idx", "span_start", "span_end", "trigger_start", "trigger_end", "actor1_start",
    "actor1_end", "actor2_start", "actor2_end", "coder", "coder_version", "date_note", "doc_pk", "raw",
    "source_urls", "external_id", "input_origin", "created_at",
)


@dataclass(frozen=True)
class EventFilter:
    """``dyad`` is (A, B, directed): directed keeps A acting on B, undirected keeps both directions."""

    dyad: tuple[str, str, bool] | None = None
    body: str | None = None
    origin: str | None = None
    since: date | None = None
    until: date | None = None
    include_rejected: bool = False
    limit: int | None = None
    event_id: str | None = None


def dyad_clause(a: str, b: str, directed: bool):  # type: ignore[no-untyped-def]
    """Events of A acting on B, or (undirected) of either acting on the other."""
    forward = and_(events.c.actor1_code == a, events.c.actor2_code == b)
    if directed:
        return forward
    return or_(forward, and_(events.c.actor1_code == b, events.c.actor2_code == a))


def list_events(connection: Connection, flt: EventFilter) -> list[dict[str, Any]]:
    """Events with the document id, cluster and source name of coded ones, in date order."""
    columns = [events.c[name] for name in EVENT_COLUMNS]
    query = (
        select(*columns, documents.c.id.label("doc_id"), documents.c.cluster_id.label("doc_cluster"),
               documents.c.url.label("doc_url"), sources.c.name.label("source_name"))
        .select_from(events.outerjoin(documents, documents.c.pk == events.c.doc_pk)
                     .outerjoin(sources, sources.c.id == documents.c.source_id))
        .order_by(events.c.event_date, events.c.id)
    )
    if flt.event_id:
        query = query.where(events.c.id == flt.event_id)
    if flt.dyad:
        query = query.where(dyad_clause(*flt.dyad))
    if flt.body:
        query = query.where(or_(events.c.actor1_body == flt.body, events.c.actor2_body == flt.body,
                                events.c.actor1_id == flt.body, events.c.actor2_id == flt.body))
    if flt.origin:
        query = query.where(events.c.origin == flt.origin)
    if flt.since:
        query = query.where(events.c.event_date >= flt.since)
    if flt.until:
        query = query.where(events.c.event_date <= flt.until)
    if not flt.include_rejected:
        query = query.where(events.c.status != "rejected")
    if flt.limit:
        query = query.limit(flt.limit)
    result = connection.execute(query)
    keys = list(result.keys())
    records = [dict(zip(keys, row)) for row in result]
    for record in records:
        record["flags"] = json.loads(record["flags"] or "[]")
        record["source_urls"] = json.loads(record["source_urls"] or "[]")
    return records


def event_detail(connection: Connection, event_id: str) -> dict[str, Any] | None:
    """One event with its document text, sentence and override log (for ``explain``)."""
    rows = list_events(connection, EventFilter(event_id=event_id, include_rejected=True))
    if not rows:
        return None
    record = rows[0]
    if record["doc_pk"] is not None:
        doc = connection.execute(
            select(documents.c.id, documents.c.norm_text, documents.c.title, documents.c.url, documents.c.published,
                   documents.c.synthetic, sources.c.name.label("source"))
            .select_from(documents.join(sources, sources.c.id == documents.c.source_id))
            .where(documents.c.pk == record["doc_pk"])
        ).mappings().first()
        record["document"] = dict(doc) if doc else None
    record["overrides"] = [
        dict(r) for r in connection.execute(
            select(overrides).where(overrides.c.event_id == event_id).order_by(overrides.c.id)
        ).mappings()
    ]
    return record
