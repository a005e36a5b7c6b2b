"""Narrative counts per day (or week, month) and source country, ownership or owner group."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
from sqlalchemy import Connection, Table, select

from dyadwatch.ledger.attention import period_start
from dyadwatch.store.publication import CLUSTER, PUBLISHED, publication_days, published_between
from dyadwatch.store.schema import doc_narratives, documents, sources

GROUPINGS = ("country", "ownership", "owner_group", "source")


def narrative_counts(connection: Connection, facts: Mapping[int, Mapping[str, object]], *, by: str = "country",
                     freq: str = "D", since: date | None = None, until: date | None = None,
                     narrative: str | None = None) -> pd.DataFrame:
    """Near-duplicate clusters carrying each narrative, per period and source grouping (copies count once)."""
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}")
    query = published_between(
        select(doc_narratives.c.narrative_id, PUBLISHED, documents.c.source_id, CLUSTER)
        .select_from(doc_narratives.join(documents, documents.c.pk == doc_narratives.c.doc_pk)), since, until)
    if narrative:
        query = query.where(doc_narratives.c.narrative_id == narrative)
    rows = pd.DataFrame([tuple(r) for r in connection.execute(query)],
                        columns=["narrative", "when", "source_id", "cluster"])
    columns = ["period", "narrative", by, "documents"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows["period"] = period_start(publication_days(rows["when"]), freq)
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
    query = published_between(
        select(table, documents.c.id.label("doc_id"), documents.c.source_id, sources.c.name.label("source"),
               PUBLISHED.label("published"))
        .select_from(table.join(documents, documents.c.pk == table.c.doc_pk)
                     .join(sources, sources.c.id == documents.c.source_id))
        .order_by(PUBLISHED, table.c.id), since, until)
    result = connection.execute(query)
    return pd.DataFrame([tuple(r) for r in result], columns=list(result.keys()))
