"""Opening a database by URL: SQLite (WAL, foreign keys) or PostgreSQL, same code."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import NullPool

from ..errors import StoreError

SQLITE_CACHE_KIB = 32768
"""Page cache per SQLite connection: bounded, and large enough for the near-duplicate index's hot pages."""


def make_engine(url: str) -> Engine:
    """An engine for the URL; SQLite gets WAL, foreign keys and a busy timeout on every connection."""
    try:
        if url.startswith("sqlite"):
            _ensure_parent(url)
            engine = create_engine(url, poolclass=NullPool)
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(
            f"Cannot use database URL {url!r}: {exc}. Use sqlite:///FILE or postgresql+psycopg://USER@HOST/DB."
        ) from exc


def _ensure_parent(url: str) -> None:
    path = url.split(":///", 1)[-1]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()


def _sqlite_begin(connection) -> None:  # type: ignore[no-untyped-def]
    """Start SQLite transactions ourselves so pysqlite's implicit handling never interferes."""
    connection.exec_driver_sql("BEGIN")


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        raise StoreError(f"Cannot connect to {engine.url!r}: {exc.orig}. Check the server and the URL in dyadwatch.toml.") from exc
