from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import func, inspect, select

from dyadwatch.errors import StoreError
from dyadwatch.models import Document, Quarantined
from dyadwatch.store.engine import make_engine
from dyadwatch.store.lock import writer_lock
from dyadwatch.store.migrate import current_revision, head_revision, upgrade
from dyadwatch.store.schema import documents, quarantine, sources
from dyadwatch.store.writer import insert_documents, insert_quarantined


def _doc(text: str, source: str = "Steppe Wire", **fields: object) -> Document:
    return Document(source=source, text=text, origin="test:1", raw=text, raw_format="jsonl", **fields)  # type: ignore[arg-type]


def test_schema_is_at_head_with_every_table(workspace) -> None:
    engine = workspace.engine
    assert current_revision(engine) == head_revision()
    assert upgrade(engine) is False
    tables = set(inspect(engine).get_table_names())
    assert {"sources", "source_facts", "documents", "sentences", "doc_minhash", "lsh_buckets", "quarantine",
            "actors", "actor_aliases", "mentions", "events", "overrides", "notes"} <= tables


def test_sqlite_runs_in_wal_with_foreign_keys(sqlite_workspace) -> None:
    with sqlite_workspace.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_documents_are_stored_once(workspace) -> None:
    published = datetime(2025, 6, 28, 9, 30, tzinfo=timezone.utc)
    batch = [_doc("Baku summoned the Russian envoy.", published=published), _doc("Moscow replied within hours.")]
    with workspace.engine.begin() as connection:
        assert insert_documents(connection, batch) == (2, 0)
    with workspace.engine.begin() as connection:
        assert insert_documents(connection, [*batch, _doc("A third item.")]) == (1, 2)
    with workspace.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(documents)).scalar() == 3
        assert connection.execute(select(sources.c.name, sources.c.status)).all() == [("Steppe Wire", "unclassified")]
    stored = workspace.documents()
    assert stored.loc[stored["published"].notna(), "published"].iloc[0] == published


def test_document_id_is_a_stable_content_hash() -> None:
    a = _doc("Baku  summoned\nthe envoy.", url="https://steppe-wire.example/1")
    b = _doc("Baku summoned the envoy.", url="https://steppe-wire.example/1")
    assert a.id == b.id and len(a.id) == 24
    assert a.id != _doc("Baku summoned the envoy.", source="Caspian Ledger").id


def test_quarantine_is_idempotent(workspace) -> None:
    items = [Quarantined(origin="feed.jsonl:3", reason="invalid JSON", raw="{oops")]
    with workspace.engine.begin() as connection:
        assert insert_quarantined(connection, items) == 1
    with workspace.engine.begin() as connection:
        assert insert_quarantined(connection, items) == 0
    with workspace.engine.connect() as connection:
        assert connection.execute(select(quarantine.c.origin, quarantine.c.reason)).all() == [("feed.jsonl:3", "invalid JSON")]


def test_a_second_writer_process_is_refused_with_exit_code_4(workspace, tmp_path) -> None:
    import os
    import subprocess
    import sys

    path = tmp_path / "one.jsonl"
    path.write_text('{"text": "Baku protested.", "source": "Steppe Wire"}\n', encoding="utf-8")
    command = [sys.executable, "-m", "dyadwatch", "ingest", str(path), "-w", str(workspace.root)]
    env = {**os.environ, "COLUMNS": "200"}
    with writer_lock(workspace.engine):
        busy = subprocess.run(command, capture_output=True, text=True, env=env)
    assert busy.returncode == 4 and "E011" in busy.stderr
    assert subprocess.run(command, capture_output=True, text=True, env=env).returncode == 0


def test_bad_database_url_says_what_to_use() -> None:
    with pytest.raises(StoreError, match="sqlite:///FILE"):
        make_engine("nosuchdb://x")


def test_the_writer_lock_is_reentrant_within_a_process(workspace) -> None:
    with writer_lock(workspace.engine):
        with writer_lock(workspace.engine):
            pass
        with writer_lock(workspace.engine):
            pass
