"""The near-duplicate index on disk: LSH band keys and signatures in the database.

Candidates are looked up by band key within a window of days around the document's
publication day, so memory stays flat however large the corpus grows, and the index
commits in the same transaction as the documents it describes. Every call works on a
whole batch: a few queries per batch, none per document.

Band keys are filed under a period of `PERIOD_DAYS` days before the key itself, so the
lookups and inserts of a batch stay within the few periods its window reaches: the
pages a batch touches stay few and hot however many years the index holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, select

from .bulk import bulk_insert
from .schema import doc_minhash, documents, lsh_buckets

_CHUNK = 500
PERIOD_DAYS = 32


def period_of(day: int) -> int:
    return day // PERIOD_DAYS


@dataclass(frozen=True, slots=True)
class Indexed:
    """What the index knows of one document."""

    pk: int
    day: int
    signature: np.ndarray
    cluster: str


def _chunks(values: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start:start + _CHUNK])


class LshIndex:
    """Batch lookups and inserts on one writing connection."""

    def __init__(self, connection: Connection, window_days: int) -> None:
        self.connection = connection
        self.window_days = window_days

    def buckets(self, wanted: Iterable[tuple[int, Sequence[int]]]) -> dict[int, list[tuple[int, int]]]:
        """Stored (doc pk, day) per band key, for (day, band keys) of each document of a batch.

        Each document asks only the periods its window reaches, so a batch that spans
        years costs no more lookups than one that spans a day.
        """
        by_period: dict[int, set[int]] = defaultdict(set)
        low, high = None, None
        for day, keys in wanted:
            for period in range(period_of(day - self.window_days), period_of(day + self.window_days) + 1):
                by_period[period].update(keys)
            low = day if low is None else min(low, day)
            high = day if high is None else max(high, day)
        found: dict[int, list[tuple[int, int]]] = defaultdict(list)
        if low is None or high is None:
            return found
        for period, period_keys in sorted(by_period.items()):
            for chunk in _chunks(sorted(period_keys)):
                rows = self.connection.execute(
                    select(lsh_buckets.c.key, lsh_buckets.c.doc_pk, lsh_buckets.c.day)
                    .where(lsh_buckets.c.period == period)
                    .where(lsh_buckets.c.key.in_(chunk))
                    .where(lsh_buckets.c.day.between(low - self.window_days, high + self.window_days))
                )
                for key, pk, day in rows:
                    found[key].append((pk, day))
        return found

    def load(self, pks: Iterable[int]) -> dict[int, Indexed]:
        """Signatures and clusters of stored documents."""
        loaded: dict[int, Indexed] = {}
        for chunk in _chunks(sorted(set(pks))):
            rows = self.connection.execute(
                select(doc_minhash.c.doc_pk, doc_minhash.c.day, doc_minhash.c.signature, documents.c.cluster_id)
                .join(documents, documents.c.pk == doc_minhash.c.doc_pk)
                .where(doc_minhash.c.doc_pk.in_(chunk))
            )
            for pk, day, blob, cluster in rows:
                loaded[pk] = Indexed(pk, day, np.frombuffer(blob, dtype=np.uint32), cluster or "")
        return loaded

    def add(self, entries: Sequence[tuple[Indexed, Sequence[int]]]) -> None:
        """Store signatures and band keys of newly clustered documents."""
        if not entries:
            return
        bulk_insert(
            self.connection, doc_minhash, [(e.pk, e.day, e.signature.astype(np.uint32).tobytes()) for e, _ in entries]
        )
        rows = sorted((period_of(e.day), k, e.day, e.pk) for e, keys in entries for k in keys)
        bulk_insert(self.connection, lsh_buckets, rows)

    def clear(self) -> None:
        """Forget every signature, before the whole corpus is processed again."""
        self.connection.execute(lsh_buckets.delete())
        self.connection.execute(doc_minhash.delete())
