"""The near-duplicate index on disk: LSH band keys and signatures in the database.

Candidates are looked up by band key within a window of days around the document's
publication day, so memory stays flat however large the corpus grows, and the index
commits in the same transaction as the documents it describes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
from sqlalchemy import Connection, select

from .schema import doc_minhash, documents, lsh_buckets

_CACHE_SIZE = 20_000


class LshIndex:
    """Lookup and insert of signatures for one writing connection."""

    def __init__(self, connection: Connection, window_days: int) -> None:
        self.connection = connection
        self.window_days = window_days
        self._signatures: OrderedDict[int, np.ndarray] = OrderedDict()
        self._clusters: OrderedDict[int, str] = OrderedDict()

    def candidates(self, keys: Sequence[int], day: int, exclude: int) -> list[int]:
        """Documents sharing a band key, published within the window around `day`."""
        rows = self.connection.execute(
            select(lsh_buckets.c.doc_pk)
            .where(lsh_buckets.c.key.in_(list(keys)))
            .where(lsh_buckets.c.day.between(day - self.window_days, day + self.window_days))
            .where(lsh_buckets.c.doc_pk != exclude)
            .distinct()
        )
        return sorted(rows.scalars())

    def signatures(self, pks: Sequence[int]) -> dict[int, np.ndarray]:
        missing = [pk for pk in pks if pk not in self._signatures]
        if missing:
            rows = self.connection.execute(
                select(doc_minhash.c.doc_pk, doc_minhash.c.signature).where(doc_minhash.c.doc_pk.in_(missing))
            )
            for pk, blob in rows:
                self._remember(self._signatures, pk, np.frombuffer(blob, dtype=np.uint32))
        return {pk: self._signatures[pk] for pk in pks if pk in self._signatures}

    def clusters(self, pks: Sequence[int]) -> dict[int, str]:
        missing = [pk for pk in pks if pk not in self._clusters]
        if missing:
            rows = self.connection.execute(
                select(documents.c.pk, documents.c.cluster_id).where(documents.c.pk.in_(missing))
            )
            for pk, cluster in rows:
                if cluster is not None:
                    self._remember(self._clusters, pk, cluster)
        return {pk: self._clusters[pk] for pk in pks if pk in self._clusters}

    def add(self, pk: int, day: int, signature: np.ndarray, keys: Sequence[int], cluster: str) -> None:
        self.connection.execute(
            doc_minhash.insert(), {"doc_pk": pk, "day": day, "signature": signature.astype(np.uint32).tobytes()}
        )
        self.connection.execute(lsh_buckets.insert(), [{"key": k, "day": day, "doc_pk": pk} for k in keys])
        self._remember(self._signatures, pk, signature)
        self._remember(self._clusters, pk, cluster)

    def remove(self, pk: int) -> None:
        self.connection.execute(lsh_buckets.delete().where(lsh_buckets.c.doc_pk == pk))
        self.connection.execute(doc_minhash.delete().where(doc_minhash.c.doc_pk == pk))
        self._signatures.pop(pk, None)
        self._clusters.pop(pk, None)

    @staticmethod
    def _remember(cache: OrderedDict, key: int, value: object) -> None:  # type: ignore[type-arg]
        cache[key] = value
        cache.move_to_end(key)
        if len(cache) > _CACHE_SIZE:
            cache.popitem(last=False)
