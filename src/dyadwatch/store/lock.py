"""The single-writer rule: one process writes a workspace's database at a time."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text

from ..errors import WriterBusy

_PG_LOCK_KEY = 0x64796164  # "dyad"


_held: dict[str, int] = {}


@contextmanager
def writer_lock(engine: Engine) -> Iterator[None]:
    """Hold the workspace's writer lock; raise WriterBusy at once if another process has it.

    Re-entrant within a process: a writer that calls another writer (collect importing a
    registry file) keeps the one lock it already holds.
    """
    key = engine.url.render_as_string(hide_password=True)
    if _held.get(key):
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    lock = _file_lock(Path(str(engine.url.database) + ".lock")) if engine.dialect.name == "sqlite" else _advisory_lock(engine)
    with lock:
        _held[key] = 1
        try:
            yield
        finally:
            del _held[key]


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise WriterBusy(
                f"The database is being written by pid {holder}. Wait for it to finish, or stop it; "
                "reading commands (docs, search) work meanwhile."
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


@contextmanager
def _advisory_lock(engine: Engine) -> Iterator[None]:
    with engine.connect() as connection:
        got = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _PG_LOCK_KEY}).scalar()
        connection.commit()
        if not got:
            raise WriterBusy(
                "Another dyadwatch process is writing this PostgreSQL database. Wait for it to finish, or stop it."
            )
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK_KEY})
            connection.commit()
