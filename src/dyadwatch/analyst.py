"""The analyst in the loop: manual events, rejections, recodes and actor merges, each logged with who, when, why."""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, select

from .actors.loader import read_actor_file
from .errors import InputError, UnknownActor, UnknownEvent
from .models import CuratedEvent
from .reference import cameo_to_plover, goldstein, is_cameo_code, quad_class_of_cameo
from .store.coded import RECODABLE, apply_overrides, store_actors, workspace_registry
from .store.lock import writer_lock
from .store.schema import actor_merges, events, overrides
from .store.writer import insert_curated_events

ENV_ANALYST = "DYADWATCH_ANALYST"


def current_analyst() -> str:
    """Who is acting: $DYADWATCH_ANALYST, else the login name."""
    return os.environ.get(ENV_ANALYST) or getpass.getuser()


def _log(engine: Engine, event_id: str, action: str, why: str, analyst: str | None,
         field: str | None = None, new_value: str | None = None) -> None:
    if not why.strip():
        raise InputError("say why (--why): every override is logged with its reason")
    with writer_lock(engine), engine.begin() as connection:
        row = connection.execute(select(events).where(events.c.id == event_id)).mappings().first()
        if row is None:
            raise UnknownEvent(f"no event {event_id!r}; `dyadwatch events --format json` lists ids")
        old = None if field is None else row[RECODABLE[field]]
        connection.execute(overrides.insert().values(
            event_id=event_id, action=action, field=field, old_value=None if old is None else str(old),
            new_value=new_value, analyst=analyst or current_analyst(), note=why, created_at=datetime.now(timezone.utc),
        ))
        apply_overrides(connection, [event_id])


def reject_event(engine: Engine, event_id: str, why: str, analyst: str | None = None) -> None:
    """Mark an event rejected; re-processing keeps it rejected."""
    _log(engine, event_id, "reject", why, analyst)


def restore_event(engine: Engine, event_id: str, why: str, analyst: str | None = None) -> None:
    _log(engine, event_id, "restore", why, analyst)


def recode_event(engine: Engine, event_id: str, field: str, value: str, why: str, analyst: str | None = None) -> None:
    """Change one field (cameo, source, target, date, source_body, target_body); re-processing keeps the change."""
    if field not in RECODABLE:
        raise InputError(f"cannot recode {field!r}; recodable fields: {', '.join(sorted(RECODABLE))}")
    if field == "cameo" and not is_cameo_code(value):
        raise InputError(f"{value!r} is not a CAMEO code")
    if field == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            raise InputError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
    if field in ("source", "target") and not (len(value) == 3 and value.isalpha() and value.isupper()):
        raise InputError(f"{value!r} is not an ISO 3166 alpha-3 code")
    _log(engine, event_id, "recode", why, analyst, field, value)


@dataclass(frozen=True)
class ManualEvent:
    """An event an analyst records from the command line, with the sources that back it."""

    event_date: date
    source: str
    target: str
    cameo: str
    description: str
    source_urls: Sequence[str] = ()


def add_event(engine: Engine, event: ManualEvent, analyst: str | None = None) -> str:
    """Store a manual event (origin = analyst) and log who added it; returns its id."""
    if not is_cameo_code(event.cameo):
        raise InputError(f"{event.cameo!r} is not a CAMEO code")
    if not event.source_urls:
        raise InputError("a manual event needs at least one source (--url)")
    mapped = cameo_to_plover(event.cameo)
    who = analyst or current_analyst()
    item = CuratedEvent(
        event_date=event.event_date, actor1_code=event.source, actor2_code=event.target,
        description=event.description, origin=f"cli:{who}",
        raw=json.dumps({"added_by": who, "cameo": event.cameo}, ensure_ascii=False),
        cameo_code=event.cameo, plover_category=mapped[0] if mapped else None,
        plover_mode=mapped[1] if mapped else None, goldstein=goldstein(event.cameo),
        quad_class=quad_class_of_cameo(event.cameo), source_urls=tuple(event.source_urls),
    )
    with writer_lock(engine), engine.begin() as connection:
        insert_curated_events(connection, [item])
        connection.execute(overrides.insert().values(
            event_id=item.id, action="add", analyst=who, note=event.description,
            created_at=datetime.now(timezone.utc),
        ))
    return item.id


def import_actors(engine: Engine, path: Path) -> tuple[int, int]:
    """Add (or replace) the workspace's actors and relations from a YAML or CSV file; returns the counts."""
    new, relations = read_actor_file(path)
    with writer_lock(engine), engine.begin() as connection:
        counts = store_actors(connection, new, relations)
        workspace_registry(connection)
    return counts


def merge_actors(engine: Engine, source: str, target: str, why: str, analyst: str | None = None) -> None:
    """Treat actor ``source`` as ``target`` from now on (aliases, mentions, events on the next process run)."""
    with writer_lock(engine), engine.begin() as connection:
        registry = workspace_registry(connection)
        for actor_id in (source, target):
            if actor_id not in registry:
                raise UnknownActor(f"no actor {actor_id!r}; `dyadwatch actors` lists them")
        if registry.canonical(target) == source:
            raise InputError(f"{target!r} is already merged into {source!r}")
        connection.execute(actor_merges.delete().where(actor_merges.c.source_id == source))
        connection.execute(actor_merges.insert().values(
            source_id=source, target_id=target, analyst=analyst or current_analyst(), note=why,
            created_at=datetime.now(timezone.utc),
        ))
