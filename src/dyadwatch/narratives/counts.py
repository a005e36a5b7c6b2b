"""Narrative counts per day (or week, month) and source country, ownership or owner group."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, timezone

import pandas as pd
from sqlalchemy import Connection, Table, func, select

from dyadwatch.ledger.attention import period_start
from dyadwatch.store.schema import doc_narratives, documents, sources

GROUPINGS = ("country", "ownership", "owner_group", "source")


def narrative_counts(connection: Connection, facts: Mapping[int, Mapping[str, object]], *, by: str = "country",
                     freq: str = "D", since: date | None = None, until: date | None = None,
                     narrative: str | None = None) -> pd.DataFrame:
    """Near-duplicate clusters carrying each narrative, per period and source grouping (copies count once)."""
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}")
    when = func.coalesce(documents.c.published, documents.c.collected_at)
    query = (select(doc_narratives.c.narrative_id, when, documents.c.source_id,
                    func.coalesce(documents.c.cluster_id, documents.c.id))
             .select_from(doc_narratives.join(documents, documents.c.pk == doc_narratives.c.doc_pk)))
    if since:
        query = query.where(when >= datetime.combine(since, time.min, timezone.utc))
    if until:
        query = query.where(when < datetime.combine(until + timedelta(days=1), time.min, timezone.utc))
    if narrative:
        query = query.where(doc_narratives.c.narrative_id == narrative)
    rows = pd.DataFrame([tuple(r) for r in connection.execute(query)],
                        columns=["narrative", "when", "source_id", "cluster"])
    columns = ["period", "narrative", by, "documents"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows["period"] = period_start(pd.to_datetime(rows["when"], utc=True).dt.tz_localize(None).dt.normalize(), freq)
    rows[by] = [_group(facts.get(int(s), {}), by, int(s)) for s in rows["source_id"]]
    counted = rows.groupby(["period", "narrative", by])["cluster"].nunique().rename("documents").reset_index()
    return counted.sort_values(["period", "documents"], ascending=[True, False], ignore_index=True)[columns]


def _group(fact: Mapping[str, object], by: str, source_id: int) -> str:
    """The source's value for the grouping; a source without an owner group is its own group."""
    name = str(fact.get("name") or source_id)
    if by == "source":
        return name
    value = fact.get(by)
    if value:
        return str(value)
    return name if by == "owner_group" else "unknown"


def frame_rows(connection: Connection, table: Table, *, since: date | None = None,
               until: date | None = None) -> pd.DataFrame:
    """Rows of a per-document table (doc_tone, doc_narratives) with document id, source, publication time."""
    when = func.coalesce(documents.c.published, documents.c.collected_at)
    query = (select(table, documents.c.id.label("doc_id"), documents.c.source_id, sources.c.name.label("source"),
                    when.label("published"))
             .select_from(table.join(documents, documents.c.pk == table.c.doc_pk)
                          .join(sources, sources.c.id == documents.c.source_id))
             .order_by(when, table.c.id))
    if since:
        query = query.where(when >= datetime.combine(since, time.min, timezone.utc))
    if until:
        query = query.where(when < datetime.combine(until + timedelta(days=1), time.min, timezone.utc))
    result = connection.execute(query)
    return pd.DataFrame([tuple(r) for r in result], columns=list(result.keys()))
