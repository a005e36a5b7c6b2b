"""Attention: documents that mention both states, and their share of each state's own media.

Documents are counted by near-duplicate cluster (a story copied by ten sites is one), on the day they were
published (collected, when the source gives no date). A state's media are the sources whose registry country
is that state on the last day of the period asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timezone

import pandas as pd
from sqlalchemy import Connection, func, select

from dyadwatch.store.schema import actors, documents, mentions

from .dyads import Dyad
from .stories import Window


def _mentioning(country: str):  # type: ignore[no-untyped-def]
    return (select(mentions.c.doc_pk).join(actors, actors.c.id == mentions.c.actor_id)
            .where(actors.c.country == country))


def attention_rows(connection: Connection, dyad: Dyad, window: Window,
                   countries: Mapping[int, str | None]) -> pd.DataFrame:
    """Per day: clusters mentioning both states, and all clusters published by each state's sources."""
    when = func.coalesce(documents.c.published, documents.c.collected_at)
    cluster = func.coalesce(documents.c.cluster_id, documents.c.id)
    home = [source for source, country in countries.items() if country in (dyad.a, dyad.b)]
    both = documents.c.pk.in_(_mentioning(dyad.a)) & documents.c.pk.in_(_mentioning(dyad.b))
    query = select(when.label("when"), documents.c.source_id, cluster.label("cluster"), both.label("both"))
    query = query.where(both | documents.c.source_id.in_(home))
    if window.since:
        query = query.where(when >= datetime.combine(window.since, time.min, timezone.utc))
    if window.last_day:
        query = query.where(when <= datetime.combine(window.last_day, time.max, timezone.utc))
    frame = pd.DataFrame([tuple(r) for r in connection.execute(query)], columns=["when", "source_id", "cluster", "both"])
    frame["day"] = pd.to_datetime(frame["when"], utc=True).dt.tz_localize(None).dt.normalize()
    frame["country"] = frame["source_id"].map(countries)
    frame["both"] = frame["both"].astype(bool)
    return frame.drop(columns="when")


def attention_by_period(rows: pd.DataFrame, dyad: Dyad, freq: str) -> pd.DataFrame:
    """`documents` (clusters mentioning both) and `share_a`/`share_b` (of each state's own clusters) per period."""
    if rows.empty:
        return pd.DataFrame(columns=["documents", "share_a", "share_b"], dtype=float)
    rows = rows.assign(period=period_start(rows["day"], freq))
    both = rows[rows["both"]].groupby("period")["cluster"].nunique().rename("documents")
    columns = [both]
    for side, code in (("a", dyad.a), ("b", dyad.b)):
        own = rows[rows["country"] == code]
        total = own.groupby("period")["cluster"].nunique()
        mention = own[own["both"]].groupby("period")["cluster"].nunique()
        columns.append((mention.reindex(total.index, fill_value=0) / total).rename(f"share_{side}"))
    return pd.concat(columns, axis=1, sort=True)


def period_start(days: pd.Series, freq: str) -> pd.Series:
    """The first day of each day's period: the day, its week (from Monday) or its month."""
    return days.dt.to_period({"D": "D", "W": "W-SUN", "M": "M"}[freq]).dt.start_time
