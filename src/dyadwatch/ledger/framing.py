"""Directed tone and narratives in the ledger: what A's own media say about B.

For the directed dyad A:B the documents are those published by sources whose registry country is A
and that mention B (they carry a tone about B). `directed_tone` is the mean tone about B over those
documents' near-duplicate clusters (each cluster's documents averaged first, so a copied article counts
once); `narratives` counts (cluster, narrative) pairs among the same documents.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from sqlalchemy import Connection, select

from dyadwatch.store.publication import CLUSTER, PUBLISHED, publication_days, published_between
from dyadwatch.store.schema import doc_narratives, doc_tone, documents

from .attention import period_start
from .dyads import Dyad
from .stories import Window


def framing_by_period(connection: Connection, dyad: Dyad, window: Window, freq: str,
                      countries: Mapping[int, str | None]) -> pd.DataFrame:
    """`directed_tone`, `tone_documents` and `narratives` per period for A's media about B."""
    home = [source for source, country in countries.items() if country == dyad.a]
    columns = ["directed_tone", "tone_documents", "narratives"]
    if not home:
        return pd.DataFrame(columns=columns, dtype=float)
    query = (select(documents.c.pk, PUBLISHED, CLUSTER, doc_tone.c.score)
             .select_from(doc_tone.join(documents, documents.c.pk == doc_tone.c.doc_pk))
             .where(doc_tone.c.about == dyad.b, documents.c.source_id.in_(home)))
    query = published_between(query, window.since, window.last_day)
    rows = pd.DataFrame([tuple(r) for r in connection.execute(query)], columns=["pk", "when", "cluster", "score"])
    if rows.empty:
        return pd.DataFrame(columns=columns, dtype=float)
    rows["period"] = period_start(publication_days(rows["when"]), freq)
    clusters = rows.groupby(["period", "cluster"])["score"].mean().reset_index()
    out = clusters.groupby("period").agg(directed_tone=("score", "mean"), tone_documents=("cluster", "nunique"))
    found = pd.DataFrame([tuple(r) for r in connection.execute(
        select(doc_narratives.c.doc_pk, doc_narratives.c.narrative_id).where(
            doc_narratives.c.doc_pk.in_(rows["pk"].tolist())))], columns=["pk", "narrative"])
    if found.empty:
        out["narratives"] = 0
    else:
        pairs = found.merge(rows[["pk", "period", "cluster"]], on="pk").drop_duplicates(["cluster", "narrative"])
        out["narratives"] = pairs.groupby("period").size().reindex(out.index, fill_value=0)
    return out
