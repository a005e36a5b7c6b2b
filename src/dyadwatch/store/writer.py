"""Writes of collected input: sources, documents, quarantined items, analyst events."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql.dml import Insert

from ..models import CuratedEvent, Document, Quarantined, utcnow
from .schema import documents, events, quarantine, sources


def insert_ignoring_conflicts(connection: Connection, table: Table) -> Insert:
    """INSERT … ON CONFLICT DO NOTHING in the connection's dialect."""
    insert = sqlite_insert if connection.dialect.name == "sqlite" else pg_insert
    return insert(table).on_conflict_do_nothing()


def existing(connection: Connection, column, values: Sequence[str]) -> set[str]:  # type: ignore[no-untyped-def]
    """The values that are already stored in a unique column."""
    found: set[str] = set()
    for start in range(0, len(values), 500):
        chunk = list(values[start:start + 500])
        found.update(connection.execute(select(column).where(column.in_(chunk))).scalars())
    return found


def ensure_sources(connection: Connection, docs: Sequence[Document]) -> dict[str, int]:
    """Source ids by name, registering unknown sources as `unclassified`."""
    first: dict[str, Document] = {}
    for doc in docs:
        first.setdefault(doc.source, doc)
    rows = [
        {"name": name, "platform": doc.platform, "url": None, "status": "unclassified", "first_seen": utcnow()}
        for name, doc in first.items()
    ]
    if rows:
        connection.execute(insert_ignoring_conflicts(connection, sources), rows)
    result = connection.execute(select(sources.c.name, sources.c.id).where(sources.c.name.in_(list(first))))
    return {name: ident for name, ident in result}


def insert_documents(connection: Connection, docs: Sequence[Document]) -> tuple[int, int]:
    """Store new documents; returns (new, already stored). Same id twice in a batch counts once."""
    unique: dict[str, Document] = {}
    for doc in docs:
        unique.setdefault(doc.id, doc)
    stored = existing(connection, documents.c.id, list(unique))
    fresh = [doc for ident, doc in unique.items() if ident not in stored]
    if fresh:
        source_ids = ensure_sources(connection, fresh)
        connection.execute(
            insert_ignoring_conflicts(connection, documents),
            [_document_row(doc, source_ids[doc.source]) for doc in fresh],
        )
    return len(fresh), len(docs) - len(fresh)


def _document_row(doc: Document, source_id: int) -> dict[str, object]:
    return {
        "id": doc.id,
        "source_id": source_id,
        "external_id": doc.external_id,
        "url": doc.url,
        "title": doc.title,
        "text": doc.text,
        "author": doc.author,
        "published": doc.published,
        "collected_at": doc.collected_at,
        "language_hint": doc.language,
        "platform": doc.platform,
        "synthetic": doc.synthetic,
        "origin": doc.origin,
        "raw": doc.raw,
        "raw_format": doc.raw_format,
    }


def insert_quarantined(connection: Connection, items: Sequence[Quarantined]) -> int:
    """Store quarantined items; returns how many were not stored before."""
    unique = {item.id: item for item in items}
    stored = existing(connection, quarantine.c.id, list(unique))
    fresh = [
        {"id": ident, "stage": item.stage, "origin": item.origin, "reason": item.reason,
         "raw": item.raw, "created_at": utcnow()}
        for ident, item in unique.items() if ident not in stored
    ]
    if fresh:
        connection.execute(insert_ignoring_conflicts(connection, quarantine), fresh)
    return len(fresh)


def insert_curated_events(connection: Connection, items: Sequence[CuratedEvent]) -> tuple[int, int]:
    """Store analyst events; returns (new, already stored)."""
    unique = {item.id: item for item in items}
    stored = existing(connection, events.c.id, list(unique))
    fresh = [_event_row(ident, item) for ident, item in unique.items() if ident not in stored]
    if fresh:
        connection.execute(insert_ignoring_conflicts(connection, events), fresh)
    return len(fresh), len(items) - len(fresh)


def _event_row(ident: str, item: CuratedEvent) -> dict[str, object]:
    return {
        "id": ident,
        "origin": "analyst",
        "status": "active",
        "event_date": item.event_date,
        "date_note": item.date_note,
        "actor1_code": item.actor1_code,
        "actor1_name": item.actor1_name,
        "actor2_code": item.actor2_code,
        "actor2_name": item.actor2_name,
        "description": item.description,
        "cameo_code": item.cameo_code,
        "plover_category": item.plover_category,
        "plover_mode": item.plover_mode,
        "goldstein": item.goldstein,
        "quad_class": item.quad_class,
        "source_urls": json.dumps(list(item.source_urls), ensure_ascii=False),
        "external_id": item.external_id,
        "input_origin": item.origin,
        "raw": item.raw,
        "created_at": utcnow(),
    }
