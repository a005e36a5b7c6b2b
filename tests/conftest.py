"""Shared fixtures: a fresh workspace on SQLite and, when a server is given, on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import dyadwatch

PG_ENV = "DYADWATCH_TEST_POSTGRES_URL"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test, dropped afterwards."""
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(f"{PG_ENV} is not set: PostgreSQL tests need a server (.ci/run starts one on 127.0.0.1)")
    name = f"dw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL for each backend the suite covers."""
    if request.param == "sqlite":
        yield "sqlite:///dyadwatch.db"
    else:
        yield from _postgres_database()


@pytest.fixture
def workspace(tmp_path: Path, database_url: str) -> Iterator[dyadwatch.Workspace]:
    ws = dyadwatch.init_workspace(tmp_path / "ws", database=database_url)
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def sqlite_workspace(tmp_path: Path) -> Iterator[dyadwatch.Workspace]:
    """For tests about SQLite-only behaviour (file locks, WAL)."""
    ws = dyadwatch.init_workspace(tmp_path / "ws")
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("shared/ reference data is not beside the project (it is optional outside CI)")
    return SHARED

