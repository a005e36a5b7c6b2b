"""Reads and writes of the registry on the `sources` and `source_facts` tables (SQLAlchemy Core)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, func, or_, select, update

from ..models import utcnow
from ..store.queries import utc
from ..store.schema import documents, source_facts, sources
from .model import ALIAS, Fact

CLASSIFIED = "classified"
UNCLASSIFIED = "unclassified"


def source_id(connection: Connection, name: str) -> int | None:
    """The id of a source by its name, else by one of its aliases."""
    found = connection.execute(select(sources.c.id).where(sources.c.name == name)).scalar()
    if found is not None:
        return int(found)
    alias = connection.execute(
        select(source_facts.c.source_id)
        .where(source_facts.c.attribute == ALIAS, source_facts.c.value == name, source_facts.c.valid_to.is_(None))
        .limit(1)
    ).scalar()
    return int(alias) if alias is not None else None


def create_source(connection: Connection, name: str, url: str | None) -> int:
    result = connection.execute(
        sources.insert().values(name=name, url=url, status=UNCLASSIFIED, first_seen=utcnow())
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def set_url(connection: Connection, ident: int, url: str) -> None:
    connection.execute(update(sources).where(sources.c.id == ident, sources.c.url.is_(None)).values(url=url))


def mark_classified(connection: Connection, ident: int, platform: str | None) -> None:
    values: dict[str, Any] = {"status": CLASSIFIED}
    if platform:
        values["platform"] = platform
    connection.execute(update(sources).where(sources.c.id == ident).values(**values))


def history(connection: Connection, ident: int) -> list[Fact]:
    """Every fact of a source, by attribute, oldest first."""
    rows = connection.execute(
        select(source_facts)
        .where(source_facts.c.source_id == ident)
        .order_by(source_facts.c.attribute, source_facts.c.valid_from.asc().nulls_first(), source_facts.c.id)
    )
    return [_fact(row) for row in rows]


def _fact(row: Any) -> Fact:
    return Fact(row.attribute, row.value, row.valid_from, row.valid_to, row.citation, utc(row.recorded_at))


def current(facts: list[Fact], day: date) -> dict[str, str]:
    """The value of each attribute on a day: the row valid then that started last (then recorded last)."""
    chosen: dict[str, Fact] = {}
    for fact in facts:  # ordered by valid_from (unknown start first), then id
        if fact.attribute != ALIAS and fact.valid_on(day):
            chosen[fact.attribute] = fact
    return {attribute: fact.value for attribute, fact in chosen.items()}


def aliases(facts: list[Fact]) -> list[str]:
    return sorted({fact.value for fact in facts if fact.attribute == ALIAS and fact.valid_to is None})


def record(
    connection: Connection, ident: int, attribute: str, value: str, citation: str, valid_from: date | None
) -> bool:
    """Add a value unless it already holds on `valid_from`; close what it replaces. True when a row was added."""
    rows = [f for f in history(connection, ident) if f.attribute == attribute]
    start = valid_from if valid_from is not None or not rows else date.today()
    if start is None:  # the first value, known since the source began
        _insert(connection, ident, attribute, value, citation, None, None)
        return True
    if current(rows, start).get(attribute) == value:
        return False
    _close(connection, ident, attribute, start)
    _insert(connection, ident, attribute, value, citation, start, _next_start(rows, start))
    return True


def _insert(connection: Connection, ident: int, attribute: str, value: str, citation: str,
            start: date | None, end: date | None) -> None:
    connection.execute(source_facts.insert().values(
        source_id=ident, attribute=attribute, value=value, valid_from=start, valid_to=end,
        citation=citation, recorded_at=utcnow(),
    ))


def add_alias(connection: Connection, ident: int, alias: str, citation: str) -> bool:
    known = connection.execute(
        select(source_facts.c.id).where(source_facts.c.source_id == ident, source_facts.c.attribute == ALIAS,
                                        source_facts.c.value == alias, source_facts.c.valid_to.is_(None))
    ).first()
    if known:
        return False
    connection.execute(source_facts.insert().values(
        source_id=ident, attribute=ALIAS, value=alias, valid_from=None, citation=citation, recorded_at=utcnow()
    ))
    return True


def _close(connection: Connection, ident: int, attribute: str, start: date) -> None:
    """End the rows that hold on `start` there (a row starting that same day is kept, valid for no day)."""
    connection.execute(
        update(source_facts)
        .where(
            source_facts.c.source_id == ident, source_facts.c.attribute == attribute,
            or_(source_facts.c.valid_from.is_(None), source_facts.c.valid_from <= start),
            or_(source_facts.c.valid_to.is_(None), source_facts.c.valid_to > start),
        )
        .values(valid_to=start)
    )


def _next_start(rows: list[Fact], start: date) -> date | None:
    later = [f.valid_from for f in rows if f.valid_from is not None and f.valid_from > start]
    return min(later) if later else None


def source_rows(connection: Connection, as_of: date | None) -> list[dict[str, Any]]:
    """Every source with its document count (documents published up to `as_of` when given)."""
    counted = select(documents.c.source_id, func.count().label("documents"))
    if as_of is not None:
        counted = counted.where(documents.c.published < datetime.combine(as_of + timedelta(days=1), time.min))
    counts = counted.group_by(documents.c.source_id).subquery()
    query = (
        select(sources.c.id, sources.c.name, sources.c.platform, sources.c.url, sources.c.status,
               func.coalesce(counts.c.documents, 0).label("documents"))
        .select_from(sources.outerjoin(counts, counts.c.source_id == sources.c.id))
        .order_by(sources.c.name)
    )
    return [dict(row._mapping) for row in connection.execute(query)]


def all_facts(connection: Connection) -> dict[int, list[Fact]]:
    """Facts of every source by source id, each list ordered as `history` orders it."""
    found: dict[int, list[Fact]] = {}
    rows = connection.execute(
        select(source_facts).order_by(source_facts.c.source_id, source_facts.c.attribute,
                                      source_facts.c.valid_from.asc().nulls_first(), source_facts.c.id)
    )
    for row in rows:
        found.setdefault(row.source_id, []).append(_fact(row))
    return found


def unclassified_rows(connection: Connection) -> list[dict[str, Any]]:
    """Sources without any fact, most documents first."""
    has_facts = select(source_facts.c.id).where(source_facts.c.source_id == sources.c.id).exists()
    counts = select(documents.c.source_id, func.count().label("documents")).group_by(documents.c.source_id).subquery()
    query = (
        select(sources.c.name, sources.c.platform, func.coalesce(counts.c.documents, 0).label("documents"),
               sources.c.first_seen)
        .select_from(sources.outerjoin(counts, counts.c.source_id == sources.c.id))
        .where(~has_facts)
        .order_by(func.coalesce(counts.c.documents, 0).desc(), sources.c.name)
    )
    return [{**row._mapping, "first_seen": utc(row.first_seen)} for row in connection.execute(query)]
