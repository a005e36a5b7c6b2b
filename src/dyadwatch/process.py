"""Running the pipeline over what is new, one committed transaction per batch."""

from __future__ import annotations

import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing.pool import AsyncResult

from sqlalchemy import Connection, Engine, bindparam, func, or_, select, update

from .pipeline import STAGES, Batch, DocWork, PipelineSettings, epoch_day, run_pure_stages
from .store.bulk import bulk_insert
from .store.coded import sync_registry, write_coding
from .store.framed import write_frames
from .store.fulltext import index_documents
from .store.lock import writer_lock
from .store.lsh_index import LshIndex
from .store.schema import documents, sentences

ProgressCallback = Callable[[int], None]
_STALE = "stale"


@dataclass
class ProcessReport:
    processed: int = 0
    near_duplicates: int = 0
    languages: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, object]:
        return {
            "processed": self.processed,
            "near_duplicates": self.near_duplicates,
            "languages": dict(sorted(self.languages.items())),
        }


def _pending(version: str):  # type: ignore[no-untyped-def]
    return or_(documents.c.processed_version.is_(None), documents.c.processed_version != version)


def count_pending(engine: Engine, version: str) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).where(_pending(version))).scalar_one()


def mark_all_pending(engine: Engine) -> None:
    """Make every document due again, with an empty near-duplicate index, in one transaction."""
    with engine.begin() as connection:
        LshIndex(connection, 0).clear()
        connection.execute(
            update(documents).values(processed_version=_STALE).where(documents.c.processed_version.is_not(None))
        )


def _pipeline_changed(engine: Engine, version: str) -> bool:
    """Whether documents carry the output of an older pipeline version."""
    with engine.connect() as connection:
        return connection.execute(
            select(documents.c.pk)
            .where(documents.c.processed_version.not_in([version, _STALE]))
            .limit(1)
        ).first() is not None


def _batches(engine: Engine, size: int, version: str) -> Iterator[Batch]:
    last = 0
    while True:
        with engine.connect() as connection:
            rows = connection.execute(
                select(
                    documents.c.pk, documents.c.id, documents.c.title, documents.c.text, documents.c.language_hint,
                    documents.c.published, documents.c.collected_at, documents.c.search_text,
                )
                .where(documents.c.pk > last)
                .where(_pending(version))
                .order_by(documents.c.pk)
                .limit(size)
            ).all()
        if not rows:
            return
        last = rows[-1].pk
        yield [
            DocWork(
                pk=r.pk, id=r.id, day=epoch_day((r.published or r.collected_at).date()), title=r.title or "",
                text=r.text, language_hint=r.language_hint, reprocessing=r.search_text is not None,
            )
            for r in rows
        ]


def _work(args: tuple[Batch, PipelineSettings]) -> Batch:
    return run_pure_stages(*args)


def process_pending(
    engine: Engine,
    settings: PipelineSettings,
    *,
    batch_size: int = 500,
    workers: int = 1,
    progress: ProgressCallback | None = None,
) -> ProcessReport:
    """Process every pending document; safe to interrupt, a re-run completes the work."""
    report = ProcessReport()
    with writer_lock(engine):
        version = settings.version
        if _pipeline_changed(engine, version):
            mark_all_pending(engine)
        sync_registry(engine, settings.registry)
        batches = _batches(engine, batch_size, version)
        done = _in_workers(batches, settings, workers) if workers > 1 else (_work((b, settings)) for b in batches)
        for batch in done:
            _commit(engine, batch, settings, report, progress)
    return report


def _in_workers(batches: Iterator[Batch], settings: PipelineSettings, workers: int) -> Iterator[Batch]:
    """Pure stages in worker processes, in order, with at most two batches per worker in flight.

    Workers are spawned, not forked: lingua's thread pool does not survive a fork of a
    process that used it. The bounded window keeps memory flat (Pool.imap would read
    every batch ahead).
    """
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        in_flight: deque[AsyncResult[Batch]] = deque()
        for batch in batches:
            in_flight.append(pool.apply_async(_work, ((batch, settings),)))
            if len(in_flight) >= 2 * workers:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()


def _commit(
    engine: Engine, batch: Batch, settings: PipelineSettings, report: ProcessReport, progress: ProgressCallback | None
) -> None:
    with engine.begin() as connection:
        index = LshIndex(connection, settings.dedup.window_days)
        for stage in STAGES:
            if stage.needs_store:
                batch = stage.run(batch, settings, index)
        _write(connection, batch, settings.version)
        write_coding(connection, batch, settings)
        write_frames(connection, batch)
    report.processed += len(batch)
    report.near_duplicates += sum(1 for d in batch if d.cluster_id != d.id)
    report.languages.update(d.language or "und" for d in batch)
    if progress:
        progress(len(batch))


def _write(connection: Connection, batch: Batch, version: str) -> None:
    now = datetime.now(timezone.utc)
    previous: dict[int, str | None] = {}
    again = [d.pk for d in batch if d.reprocessing]
    if again:
        previous = dict(
            connection.execute(select(documents.c.pk, documents.c.search_text).where(documents.c.pk.in_(again))).all()
        )
        connection.execute(sentences.delete().where(sentences.c.doc_pk.in_(again)))
    connection.execute(
        update(documents).where(documents.c.pk == bindparam("b_pk")),
        [
            {
                "b_pk": d.pk, "norm_title": d.norm_title, "norm_text": d.norm_text, "language": d.language,
                "search_text": d.search_text, "cluster_id": d.cluster_id, "similarity": d.similarity,
                "processed_version": version, "processed_at": now,
            }
            for d in batch
        ],
    )
    bulk_insert(connection, sentences, [(d.pk, i, s, e) for d in batch for i, (s, e) in enumerate(d.sentences)])
    index_documents(connection, [(d.pk, previous.get(d.pk), d.search_text) for d in batch])

