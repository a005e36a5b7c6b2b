"""Read-only queries behind `docs`, `search`, `quarantine`, `sources`, `events` and `summary`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Any

from sqlalchemy import Connection, Select, and_, select
from sqlalchemy.sql.elements import ColumnElement

from ..errors import QueryError
from .fulltext import match_clause
from .schema import documents, events, quarantine, sentences, sources

d = documents.alias("d")
s = sources.alias("s")


@dataclass(frozen=True)
class DocFilter:
    """Filters shared by `docs` and `search`; dates are inclusive days."""

    language: str | None = None
    source: str | None = None
    since: date | None = None
    until: date | None = None
    cluster: str | None = None
    limit: int | None = 50

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.language:
            found.append(d.c.language == self.language.lower())
        if self.source:
            found.append(s.c.name == self.source)
        if self.since:
            found.append(d.c.published >= datetime.combine(self.since, time.min))
        if self.until:
            found.append(d.c.published < datetime.combine(self.until, time.max))
        if self.cluster:
            found.append(d.c.cluster_id == self.cluster)
        return found


def utc(value: datetime | None) -> datetime | None:
    """Stored times are UTC; SQLite hands them back naive."""
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


_DOC_COLUMNS = (
    d.c.id, d.c.url, d.c.title, d.c.language, d.c.published, s.c.name.label("source"),
    d.c.cluster_id.label("cluster"), d.c.similarity, d.c.synthetic, d.c.origin, d.c.external_id,
)


def _doc_select(flt: DocFilter) -> Select[Any]:
    query = select(*_DOC_COLUMNS).select_from(d.join(s, s.c.id == d.c.source_id))
    conditions = flt.conditions()
    if conditions:
        query = query.where(and_(*conditions))
    query = query.order_by(d.c.published.desc().nulls_last(), d.c.pk)
    return query.limit(flt.limit) if flt.limit else query


def _doc_records(rows: Sequence[Any]) -> list[dict[str, Any]]:
    return [{**row._mapping, "published": utc(row.published), "synthetic": bool(row.synthetic)} for row in rows]


def list_documents(connection: Connection, flt: DocFilter) -> list[dict[str, Any]]:
    return _doc_records(connection.execute(_doc_select(flt)).all())


def search_documents(
    connection: Connection, alternatives: Sequence[frozenset[str]], flt: DocFilter
) -> list[dict[str, Any]]:
    """Documents whose search column has, for every query word, one of its alternative terms."""
    if not alternatives:
        raise QueryError("The query has no searchable words. Give at least one word of two or more letters.")
    clause, params = match_clause(connection.dialect.name, alternatives)
    query = _doc_select(flt).where(clause)
    return _doc_records(connection.execute(query, params).all())


def document_detail(connection: Connection, ident: str) -> dict[str, Any] | None:
    """One document by id (or unique id prefix), with its sentences."""
    rows = connection.execute(
        select(d, s.c.name.label("source"))
        .select_from(d.join(s, s.c.id == d.c.source_id))
        .where(d.c.id.like(ident.replace("%", "").replace("_", "") + "%"))
        .limit(2)
    ).all()
    if len(rows) != 1:
        return None
    row = rows[0]._mapping
    spans = connection.execute(
        select(sentences.c.idx, sentences.c.start, sentences.c.end)
        .where(sentences.c.doc_pk == row["pk"]).order_by(sentences.c.idx)
    ).all()
    text = row["norm_text"] or ""
    record = {k: v for k, v in row.items() if k not in ("search_tsv",)}
    record["published"] = utc(record["published"])
    record["collected_at"] = utc(record["collected_at"])
    record["sentences"] = [{"idx": i, "start": a, "end": b, "text": text[a:b]} for i, a, b in spans]
    return record


def list_quarantine(connection: Connection, stage: str | None = None) -> list[dict[str, Any]]:
    query = select(quarantine).order_by(quarantine.c.created_at, quarantine.c.origin)
    if stage:
        query = query.where(quarantine.c.stage == stage)
    return [{**r._mapping, "created_at": utc(r.created_at)} for r in connection.execute(query)]


def list_events(connection: Connection, origin: str | None = None) -> list[dict[str, Any]]:
    query = select(events).order_by(events.c.event_date, events.c.id)
    if origin:
        query = query.where(events.c.origin == origin)
    return [
        {**r._mapping, "source_urls": json.loads(r.source_urls), "created_at": utc(r.created_at)}
        for r in connection.execute(query)
    ]
