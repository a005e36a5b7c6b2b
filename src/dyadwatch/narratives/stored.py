"""A workspace's own narratives in the database, and the set the pipeline uses (package plus workspace)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone

from sqlalchemy import Connection, select

from dyadwatch.store.schema import narratives as narratives_table

from .loader import builtin_narratives
from .model import Narrative


def store_narratives(connection: Connection, found: Sequence[Narrative]) -> tuple[int, int]:
    """Insert or replace narratives by id; returns (new, replaced). Unchanged ones count as neither."""
    new = replaced = 0
    now = datetime.now(timezone.utc)
    for narrative in found:
        phrases = json.dumps({k: list(v) for k, v in sorted(narrative.phrases.items())}, ensure_ascii=False)
        row = {"name": narrative.name, "description": narrative.description, "phrases": phrases,
               "origin": narrative.origin}
        stored = connection.execute(select(narratives_table).where(narratives_table.c.id == narrative.id)).mappings().first()
        if stored is None:
            connection.execute(narratives_table.insert().values(id=narrative.id, created_at=now, **row))
            new += 1
        elif any(stored[key] != value for key, value in row.items()):
            connection.execute(narratives_table.update().where(narratives_table.c.id == narrative.id)
                               .values(created_at=now, **row))
            replaced += 1
    return new, replaced


def workspace_narratives(connection: Connection) -> tuple[Narrative, ...]:
    """The package's narratives, with the workspace's own added (a workspace narrative replaces one of its id)."""
    chosen = {n.id: n for n in builtin_narratives()}
    for row in connection.execute(select(narratives_table).order_by(narratives_table.c.id)).mappings():
        phrases = {k: tuple(v) for k, v in json.loads(row["phrases"]).items()}
        chosen[row["id"]] = Narrative(row["id"], row["name"], row["description"], phrases, row["origin"])
    return tuple(chosen.values())
