"""Attention: documents that mention both states, and their share of each state's own media.

Documents are counted by near-duplicate cluster (a story copied by ten sites is one), on the day they were
published (collected, when the source gives no date). A state's media are the sources whose registry country
is that state on the last day of the period asked for.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from sqlalchemy import Connection, select

from dyadwatch.store.publication import CLUSTER, PUBLISHED, mentioning, publication_days, published_between
from dyadwatch.store.schema import documents

from .dyads import Dyad
from .stories import Window


def attention_rows(connection: Connection, dyad: Dyad, window: Window,
                   countries: Mapping[int, str | None]) -> pd.DataFrame:
    """Per day: clusters mentioning both states, and all clusters published by each state's sources."""
    home = [source for source, country in countries.items() if country in (dyad.a, dyad.b)]
    both = documents.c.pk.in_(mentioning(dyad.a)) & documents.c.pk.in_(mentioning(dyad.b))
    query = select(PUBLISHED.label("when"), documents.c.source_id, CLUSTER.label("cluster"), both.label("both"))
    query = published_between(query.where(both | documents.c.source_id.in_(home)), window.since, window.last_day)
    frame = pd.DataFrame([tuple(r) for r in connection.execute(query)], columns=["when", "source_id", "cluster", "both"])
    frame["day"] = publication_days(frame["when"])
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
