"""Writing coded events and mentions, and applying analysts' logged overrides to them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, select, update

from dyadwatch.actors.loader import parse_actors
from dyadwatch.actors.model import Actor, Relation
from dyadwatch.actors.registry import ActorRegistry, registry_with
from dyadwatch.models import stable_id
from dyadwatch.reference import cameo_to_plover, goldstein, quad_class_of_cameo

from .bulk import bulk_insert
from .schema import actor_merges, actor_relations, actors, events, mentions, overrides
from .writer import insert_ignoring_conflicts

if TYPE_CHECKING:
    from dyadwatch.coding.model import CodedEvent
    from dyadwatch.pipeline import Batch, PipelineSettings

MENTION_COLUMNS = ("doc_pk", "sentence_idx", "actor_id", "start", "end", "surface", "coder_version")
RECODABLE = {
    "cameo": "cameo_code", "source": "actor1_code", "target": "actor2_code", "date": "event_date",
    "source_body": "actor1_body", "target_body": "actor2_body", "plover": "plover_category",
}


def coded_event_id(doc_id: str, event: CodedEvent, text: str) -> str:
    """Stable across re-runs: document, sentence, both states, category and the trigger's words."""
    trigger = text[event.trigger_span[0]:event.trigger_span[1]]
    return stable_id("coded", doc_id, str(event.sentence_idx), event.source.country, event.target.country,
                     event.plover, trigger)


def _event_row(doc_pk: int, doc_id: str, language: str | None, event: CodedEvent, text: str, coder: str,
               version: str, now: datetime, known: date) -> dict[str, Any]:
    return {
        "id": coded_event_id(doc_id, event, text), "origin": "coded", "status": "active",
        "event_date": event.date, "date_note": event.date_note,
        "actor1_code": event.source.country, "actor1_name": event.source.name, "actor1_id": event.source.actor,
        "actor2_code": event.target.country, "actor2_name": event.target.name, "actor2_id": event.target.actor,
        "description": event.summary, "cameo_code": event.cameo, "plover_category": event.plover,
        "plover_mode": event.plover_mode, "goldstein": event.goldstein, "quad_class": event.quad_class,
        "doc_pk": doc_pk, "sentence_idx": event.sentence_idx, "span_start": event.sentence_span[0],
        "span_end": event.sentence_span[1], "coder_version": version, "source_urls": "[]", "external_id": None,
        "input_origin": f"document:{doc_id}", "raw": json.dumps({"why": list(event.why)}, ensure_ascii=False),
        "created_at": now, "language": language,
        "actor1_body": event.source.body, "actor1_sector": event.source.sector,
        "actor2_body": event.target.body, "actor2_sector": event.target.sector,
        "actor1_start": event.source_span[0], "actor1_end": event.source_span[1],
        "actor2_start": event.target_span[0], "actor2_end": event.target_span[1],
        "trigger_start": event.trigger_span[0], "trigger_end": event.trigger_span[1],
        "confidence": event.confidence, "summary": event.summary, "flags": json.dumps(list(event.flags)),
        "coder": coder, "known_date": known,
    }


def write_coding(connection: Connection, batch: Batch, settings: PipelineSettings) -> None:
    """Replace the batch's coded events and mentions, then re-apply every override logged for them."""
    from dyadwatch.coding import make_coder
    from dyadwatch.pipeline import day_of_epoch

    coder = make_coder(settings.coder, settings.registry, settings.coding)
    pks = [d.pk for d in batch]
    connection.execute(mentions.delete().where(mentions.c.doc_pk.in_(pks)))
    connection.execute(events.delete().where(events.c.doc_pk.in_(pks)).where(events.c.origin == "coded"))
    bulk_insert(connection, mentions, [
        (d.pk, sentence, actor, start, end, d.norm_text[start:end], coder.version)
        for d in batch for sentence, actor, start, end in d.mentions
    ], MENTION_COLUMNS)
    now = datetime.now(timezone.utc)
    rows: dict[str, dict[str, Any]] = {}
    for d in batch:
        for event in d.events:
            row = _event_row(d.pk, d.id, d.language, event, d.norm_text, coder.name, coder.version, now,
                             day_of_epoch(d.day))
            rows.setdefault(row["id"], row)
    if rows:
        connection.execute(insert_ignoring_conflicts(connection, events), list(rows.values()))
        apply_overrides(connection, list(rows))


def apply_overrides(connection: Connection, event_ids: Sequence[str]) -> None:
    """Replay the override log (reject, restore, recode) onto the given events, oldest first."""
    for chunk_start in range(0, len(event_ids), 500):
        chunk = event_ids[chunk_start:chunk_start + 500]
        logged = connection.execute(
            select(overrides).where(overrides.c.event_id.in_(chunk)).order_by(overrides.c.id)
        ).mappings().all()
        for entry in logged:
            values = override_values(entry["action"], entry["field"], entry["new_value"])
            if values:
                connection.execute(update(events).where(events.c.id == entry["event_id"]).values(**values))


def override_values(action: str, field: str | None, value: str | None) -> dict[str, Any]:
    """Column values an override sets (a new CAMEO code also sets PLOVER, Goldstein and quad class)."""
    if action == "reject":
        return {"status": "rejected"}
    if action == "restore":
        return {"status": "active"}
    if action != "recode" or field is None or value is None:
        return {}
    column = RECODABLE[field]
    if field == "date":
        return {column: date.fromisoformat(value)}
    if field == "cameo":
        mapped = cameo_to_plover(value)
        return {
            "cameo_code": value, "plover_category": mapped[0] if mapped else None,
            "plover_mode": mapped[1] if mapped else None, "goldstein": goldstein(value),
            "quad_class": quad_class_of_cameo(value),
        }
    return {column: value}


def sync_registry(engine: Engine, registry: ActorRegistry) -> None:
    """Make every registry actor a row of ``actors`` (mentions point at it); workspace actors keep their data."""
    with engine.begin() as connection:
        known = set(connection.execute(select(actors.c.id)).scalars())
        fresh = [a for a in registry if a.id not in known]
        if fresh:
            connection.execute(insert_ignoring_conflicts(connection, actors), [
                {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "sector": a.sector,
                 "origin": a.origin, "data": None}
                for a in fresh
            ])


def store_actors(connection: Connection, new: Iterable[Actor], relations: Iterable[Relation]) -> tuple[int, int]:
    """Save a workspace's own actors (replacing same-id ones) and relations; returns the counts."""
    count = 0
    for actor in new:
        data = json.dumps(_actor_json(actor), ensure_ascii=False, default=str)
        row = {"name": actor.name, "kind": actor.kind, "country": actor.country, "sector": actor.sector,
               "origin": "user", "data": data}
        if connection.execute(update(actors).where(actors.c.id == actor.id).values(**row)).rowcount == 0:
            connection.execute(actors.insert().values(id=actor.id, **row))
        count += 1
    stored = 0
    for relation in relations:
        relation_id = stable_id(relation.source, relation.relation, relation.target, str(relation.start))
        result = connection.execute(insert_ignoring_conflicts(connection, actor_relations).values(
            id=relation_id, source_id=relation.source, relation=relation.relation, target_id=relation.target,
            status=relation.status, citation=relation.citation, valid_from=relation.start, valid_to=relation.end,
            note=relation.note,
        ))
        stored += result.rowcount or 0
    return count, stored


def _actor_json(actor: Actor) -> dict[str, Any]:
    data = asdict(actor)
    data["aliases"] = {k: list(v) for k, v in actor.aliases.items()}
    data["roles"] = [{k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(r).items() if v}
                     for r in actor.roles]
    data.pop("origin")
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def workspace_registry(connection: Connection) -> ActorRegistry:
    """The built-in registry plus the workspace's actors, relations and merges."""
    user: list[Actor] = []
    for row in connection.execute(select(actors.c.id, actors.c.data).where(actors.c.origin == "user")):
        if row.data:
            user.extend(parse_actors(f"workspace actor {row.id}", json.dumps([json.loads(row.data)]), "user"))
    relations = [
        Relation(r.source_id, r.relation, r.target_id, r.status, r.citation, r.valid_from, r.valid_to, r.note)
        for r in connection.execute(select(actor_relations))
    ]
    merges = dict(connection.execute(select(actor_merges.c.source_id, actor_merges.c.target_id)).all())
    return registry_with(user, relations, merges)
