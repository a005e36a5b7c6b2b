"""A wave read from the workspace: the documents about a dyad in a period, and the officials' statements in it.

The wave is every document published in the period that mentions actors of both states, with its
source's registry facts as they stood on the last day (owner group, ownership), its near-duplicate
cluster and the narratives found in it. Officials' statements are the coded events of the period whose
acting side is a state body of one of the two states in an official sector (presidency, government,
foreign ministry, security and law-enforcement bodies, military, legislature); coded events carry a
day only, so each statement is placed at noon UTC of its day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timezone

import pandas as pd
from sqlalchemy import Connection, select

from dyadwatch.ledger.dyads import Dyad
from dyadwatch.store.event_queries import dyad_clause
from dyadwatch.store.publication import CLUSTER, PUBLISHED, mentioning, published_between
from dyadwatch.store.schema import doc_narratives, documents, events, sources

OFFICIAL_SECTORS = frozenset({
    "presidency", "supreme_leader", "government", "foreign_ministry", "security_service", "intelligence",
    "investigative", "interior", "prosecutor", "military", "legislature",
})
STATEMENT_HOUR = 12  # coded events have a day only: a statement is placed at this hour (UTC) of its day
ITEM_COLUMNS = ("doc_id", "source", "owner_group", "ownership", "published", "cluster", "narratives", "language",
                "text")


def wave_items(connection: Connection, dyad: Dyad, since: date, until: date,
               facts: Mapping[int, Mapping[str, object]]) -> pd.DataFrame:
    """Documents of the period that mention both states, with source facts, cluster and narratives."""
    query = published_between(
        select(documents.c.pk, documents.c.id, documents.c.source_id, sources.c.name, PUBLISHED.label("when"),
               CLUSTER, documents.c.language, documents.c.norm_text)
        .select_from(documents.join(sources, sources.c.id == documents.c.source_id))
        .where(documents.c.pk.in_(mentioning(dyad.a)), documents.c.pk.in_(mentioning(dyad.b)))
        .order_by(PUBLISHED), since, until)
    rows = [tuple(r) for r in connection.execute(query)]
    pks = [r[0] for r in rows]
    found: dict[int, list[str]] = {}
    for pk, narrative in connection.execute(
            select(doc_narratives.c.doc_pk, doc_narratives.c.narrative_id).where(doc_narratives.c.doc_pk.in_(pks))):
        if narrative not in found.setdefault(pk, []):
            found[pk].append(narrative)
    records = []
    for pk, ident, source_id, name, published, cluster, language, text in rows:
        fact = facts.get(source_id, {})
        group = fact.get("owner_group")
        records.append((ident, name, group if isinstance(group, str) and group else name,
                        str(fact.get("ownership") or "unknown"), _utc(published), cluster, tuple(found.get(pk, ())), language or "und", text or ""))
    return pd.DataFrame(records, columns=list(ITEM_COLUMNS))


def _utc(value: object) -> pd.Timestamp:
    """SQLite returns naive datetimes (stored in UTC); PostgreSQL aware ones."""
    stamp = pd.Timestamp(value)
    return stamp.tz_convert("UTC") if stamp.tzinfo else stamp.tz_localize("UTC")


def official_statements(connection: Connection, dyad: Dyad, since: date, until: date) -> pd.DataFrame:
    """Coded events of the period acted by an official body of either state, at noon of their day."""
    query = (
        select(events.c.id, events.c.event_date, events.c.actor1_body, events.c.actor1_sector, events.c.actor1_code,
               events.c.summary)
        .where(events.c.origin == "coded", events.c.status != "rejected",
               events.c.event_date >= since, events.c.event_date <= until,
               events.c.actor1_sector.in_(sorted(OFFICIAL_SECTORS)),
               dyad_clause(dyad.a, dyad.b, directed=False))
        .order_by(events.c.event_date, events.c.id)
    )
    rows = [(pd.Timestamp(datetime.combine(day, time(STATEMENT_HOUR), timezone.utc)), body or code, sector,
             ident, summary) for ident, day, body, sector, code, summary in connection.execute(query)]
    return pd.DataFrame(rows, columns=["time", "body", "sector", "event_id", "summary"])
