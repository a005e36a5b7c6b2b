"""Actors, their time-bounded roles and the relations between them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

KINDS = ("country", "body", "person", "organisation", "company", "media", "place", "group")
RELATIONS = ("heads", "member_of", "patron_of", "business_partner", "part_of", "owns", "kin")
STATUSES = ("documented", "alleged")


@dataclass(frozen=True, slots=True)
class Role:
    """A person's office in a body, from ``start`` until ``end`` (open when None)."""

    body: str
    title: str = ""
    start: date | None = None
    end: date | None = None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """One entry of the registry: a state, a body inside it, a person, an organisation or a place."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    ethnic: str | None = None
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    note: str | None = None
    origin: str = "builtin"


@dataclass(frozen=True, slots=True)
class Relation:
    """A dated, cited link between two actors; ``status`` says whether it is documented or only alleged."""

    source: str
    relation: str
    target: str
    status: str
    citation: str
    start: date | None = None
    end: date | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Side:
    """What an actor stands for on a given day: its state, the body acting and that body's sector."""

    actor: str
    name: str
    country: str
    body: str | None
    sector: str | None
    ethnic: str | None = None
