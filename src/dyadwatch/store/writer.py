"""Writes of collected input: sources, documents, quarantined items, analyst events."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from functools import partial

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql.dml import Insert

from .. import reference
from ..models import CuratedEvent, Document, GdeltEvent, GdeltMention, GkgTone, Quarantined, stable_id, utcnow
from .schema import documents, events, gdelt_mentions, gkg_tone, quarantine, sources


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


def _insert_keyed(connection: Connection, table: Table, rows: Mapping[str, Callable[[], dict[str, object]]]) -> int:
    """Insert the rows (made on demand) whose content-hash id is not stored yet; returns how many."""
    stored = existing(connection, table.c.id, list(rows))
    fresh = [{"id": ident, **make()} for ident, make in rows.items() if ident not in stored]
    if fresh:
        connection.execute(insert_ignoring_conflicts(connection, table), fresh)
    return len(fresh)


def insert_quarantined(connection: Connection, items: Sequence[Quarantined]) -> int:
    """Store quarantined items; returns how many were not stored before."""
    return _insert_keyed(connection, quarantine, {
        item.id: partial(dict, stage=item.stage, origin=item.origin, reason=item.reason, raw=item.raw,
                         created_at=utcnow())
        for item in items
    })


def insert_curated_events(connection: Connection, items: Sequence[CuratedEvent]) -> tuple[int, int]:
    """Store analyst events; returns (new, already stored)."""
    new = _insert_keyed(connection, events, {item.id: partial(_event_row, item) for item in items})
    return new, len(items) - new


def _event_row(item: CuratedEvent) -> dict[str, object]:
    return {
        "origin": "analyst",
        "status": "active",
        "event_date": item.event_date,
        "known_date": item.event_date,
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


def insert_gdelt_events(connection: Connection, items: Sequence[GdeltEvent]) -> tuple[int, int]:
    """Store GDELT events (origin = gdelt); returns (new, already stored)."""
    new = _insert_keyed(connection, events, {item.id: partial(_gdelt_row, item) for item in items})
    return new, len(items) - new


def _gdelt_row(item: GdeltEvent) -> dict[str, object]:
    plover = reference.cameo_to_plover(item.event_code)
    return {
        "origin": "gdelt",
        "status": "active",
        "event_date": item.day,
        "actor1_code": _gdelt_actor_code(item.actor1_country, item.actor1_code) or "",
        "actor1_name": item.actor1_name,
        "actor2_code": _gdelt_actor_code(item.actor2_country, item.actor2_code),
        "actor2_name": item.actor2_name,
        "description": gdelt_description(item),
        "cameo_code": item.event_code,
        "plover_category": plover[0] if plover else None,
        "plover_mode": plover[1] if plover else None,
        "goldstein": item.goldstein,
        "quad_class": item.quad_class,
        "tone": item.avg_tone,
        "known_date": item.date_added.date(),
        "source_urls": json.dumps(_gdelt_urls(item.source_url), ensure_ascii=False),
        "external_id": item.global_event_id,
        "input_origin": item.origin,
        "raw": item.raw,
        "created_at": utcnow(),
    }


def _gdelt_urls(source_url: str | None) -> list[str]:
    """SOURCEURL as a list when it is a web address; 1.0 rows may name a service (`BBC Monitoring`) instead."""
    return [source_url] if source_url and source_url.lower().startswith(("http://", "https://")) else []


def _gdelt_actor_code(country: str | None, cameo_actor: str | None) -> str | None:
    """The 3-letter actor code kept in `events`: the country, else the first CAMEO block (GOV, IGO, ...)."""
    return country or (cameo_actor[:3] if cameo_actor else None)


def gdelt_description(item: GdeltEvent) -> str:
    """`AZERBAIJAN → EMBASSY: Engage in symbolic act (CAMEO 051)`, from actor names and the CAMEO label."""
    actor1 = item.actor1_name or item.actor1_code or "(no actor)"
    actors = f"{actor1} → {item.actor2_name or item.actor2_code}" if item.actor2_name or item.actor2_code else actor1
    label = reference.cameo_label(item.event_code) or "unknown CAMEO code"
    return f"{actors}: {label} (CAMEO {item.event_code})"


def insert_gdelt_mentions(connection: Connection, items: Sequence[GdeltMention]) -> tuple[int, int]:
    """Store GDELT mentions; one row per event, article and mention time."""
    rows: dict[str, Callable[[], dict[str, object]]] = {
        stable_id("mention", m.global_event_id, m.url, m.mention_time.isoformat()): partial(
            dict, global_event_id=m.global_event_id, mention_time=m.mention_time, source_name=m.source_name,
            url=m.url, confidence=m.confidence, doc_tone=m.doc_tone, input_origin=m.origin,
        )
        for m in items
    }
    new = _insert_keyed(connection, gdelt_mentions, rows)
    return new, len(items) - new


def insert_gkg_tone(connection: Connection, items: Sequence[GkgTone]) -> tuple[int, int]:
    """Store GKG tone records; one row per document and GKG timestamp."""
    rows: dict[str, Callable[[], dict[str, object]]] = {
        stable_id("gkg", t.document_url, t.date.isoformat()): partial(
            dict, document_url=t.document_url, date=t.date, tone=t.tone, positive=t.positive, negative=t.negative,
            polarity=t.polarity, activity_density=t.activity_density, word_count=t.word_count, input_origin=t.origin,
        )
        for t in items
    }
    new = _insert_keyed(connection, gkg_tone, rows)
    return new, len(items) - new
