"""When a document came out, its near-duplicate cluster, and the documents that mention a state's actors.

A document is dated by its publication time, or by when it was collected when the source gives none.
Days are UTC days; a period from ``since`` to ``until`` includes both days whole.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import TypeVar

import pandas as pd
from sqlalchemy import Select, func, select

from .schema import actors, documents, mentions

PUBLISHED = func.coalesce(documents.c.published, documents.c.collected_at)
CLUSTER = func.coalesce(documents.c.cluster_id, documents.c.id)
"""A document's near-duplicate cluster: the cluster id, or the document itself when it has none."""

Q = TypeVar("Q", bound=Select)  # type: ignore[type-arg]


def published_between(query: Q, since: date | None, until: date | None) -> Q:
    """The query restricted to documents that came out on or after ``since`` and on or before ``until``."""
    if since:
        query = query.where(PUBLISHED >= datetime.combine(since, time.min, timezone.utc))
    if until:
        query = query.where(PUBLISHED < datetime.combine(until + timedelta(days=1), time.min, timezone.utc))
    return query


def mentioning(country: str) -> Select:  # type: ignore[type-arg]
    """Primary keys of the documents that mention an actor of ``country``."""
    return select(mentions.c.doc_pk).join(actors, actors.c.id == mentions.c.actor_id).where(actors.c.country == country)


def publication_days(values: pd.Series) -> pd.Series:
    """Publication times (naive UTC from SQLite, aware from PostgreSQL) as naive UTC days."""
    return pd.to_datetime(values, utc=True).dt.tz_localize(None).dt.normalize()
