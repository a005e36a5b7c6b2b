"""The actor registry: the package's actors plus a workspace's own, with merges applied."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from datetime import date

import pandas as pd

from dyadwatch.errors import ActorFileError, UnknownActor

from .loader import builtin_actors
from .model import Actor, Relation, Side


class ActorRegistry:
    """Look up actors by id and say which state, body and sector an actor stands for on a day."""

    def __init__(
        self,
        actors: Iterable[Actor],
        relations: Iterable[Relation] = (),
        merges: Mapping[str, str] | None = None,
    ) -> None:
        self._actors: dict[str, Actor] = {}
        for actor in actors:
            self._actors[actor.id] = actor
        self.relations = tuple(relations)
        self.merges = dict(merges or {})
        self._check()
        self.fingerprint = self._fingerprint()

    def _check(self) -> None:
        for actor in self._actors.values():
            for role in actor.roles:
                if role.body not in self._actors:
                    raise ActorFileError(actor.origin, None, "roles", f"{actor.id}: role body {role.body!r} is not in the registry")
        for relation in self.relations:
            for end in (relation.source, relation.target):
                if end not in self._actors:
                    raise ActorFileError("relations", None, "source" if end == relation.source else "target",
                                         f"{relation.relation} relation names unknown actor {end!r}")
        for source, target in self.merges.items():
            if target not in self._actors:
                raise UnknownActor(f"cannot merge {source!r} into unknown actor {target!r}")

    def _fingerprint(self) -> str:
        payload = json.dumps(
            [[asdict(a) for a in self._actors.values()], sorted(self.merges.items())], default=str, sort_keys=True
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def canonical(self, actor_id: str) -> str:
        """The actor an id stands for after merges (merges may chain)."""
        seen = {actor_id}
        while actor_id in self.merges:
            actor_id = self.merges[actor_id]
            if actor_id in seen:
                break
            seen.add(actor_id)
        return actor_id

    def get(self, actor_id: str) -> Actor:
        actor = self._actors.get(self.canonical(actor_id))
        if actor is None:
            raise UnknownActor(f"no actor {actor_id!r}; `dyadwatch actors` lists them")
        return actor

    def side(self, actor_id: str, day: date) -> Side | None:
        """The state, body and sector the actor acts for on ``day``; None for a person with no role then."""
        actor = self.get(actor_id)
        if actor.kind == "person":
            role = next((r for r in actor.roles if r.holds_on(day)), None)
            if role is None:
                return None
            body = self.get(role.body)
            if body.country is None:
                return None
            return Side(actor.id, actor.name, body.country, body.id, body.sector, actor.ethnic)
        if actor.country is None:
            return None
        body_id = None if actor.kind == "country" else actor.id
        return Side(actor.id, actor.name, actor.country, body_id, actor.sector, actor.ethnic)

    def frame(self) -> pd.DataFrame:
        """One row per actor: id, name, kind, country, sector, ethnic, origin, alias count, languages."""
        rows = [
            {
                "id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "sector": a.sector,
                "ethnic": a.ethnic, "origin": a.origin, "aliases": sum(len(v) for v in a.aliases.values()),
                "languages": ",".join(sorted(a.aliases)),
                "merged_into": None,
            }
            for a in self._actors.values()
        ]
        for relation in self.relations:
            for end in (relation.source, relation.target):
                if end not in self._actors:
                    raise ActorFileError("relations", None, "source" if end == relation.source else "target",
                                         f"{relation.relation} relation names unknown actor {end!r}")
        for source, target in self.merges.items():
            rows.append({"id": source, "name": source, "kind": "merged", "merged_into": self.canonical(target)})
        return pd.DataFrame(rows, columns=[
            "id", "name", "kind", "country", "sector", "ethnic", "origin", "aliases", "languages", "merged_into",
        ])


def registry_with(
    user_actors: Iterable[Actor] = (), relations: Iterable[Relation] = (), merges: Mapping[str, str] | None = None
) -> ActorRegistry:
    """The built-in registry extended (or overridden, id by id) by a workspace's actors."""
    return ActorRegistry([*builtin_actors(), *user_actors], relations, merges)
