"""Per-source collection cursors: where the last successful collection of a source stopped."""

from __future__ import annotations

from sqlalchemy import Engine, select

from ..models import utcnow
from .schema import collect_state
from .writer import insert_ignoring_conflicts


def get_cursor(engine: Engine, key: str) -> str | None:
    with engine.connect() as connection:
        return connection.execute(select(collect_state.c.cursor).where(collect_state.c.source_key == key)).scalar()


def set_cursor(engine: Engine, key: str, cursor: str) -> None:
    """Record a cursor; called only after everything read up to it is committed."""
    with engine.begin() as connection:
        updated = connection.execute(
            collect_state.update().where(collect_state.c.source_key == key).values(cursor=cursor, updated_at=utcnow())
        ).rowcount
        if not updated:
            connection.execute(
                insert_ignoring_conflicts(connection, collect_state),
                {"source_key": key, "cursor": cursor, "updated_at": utcnow()},
            )
