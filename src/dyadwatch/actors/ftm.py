"""Import FollowTheMoney entities (OpenSanctions-style JSON lines) as actors and cited relations.

Each line is ``{"id", "schema", "properties": {...}, "datasets": [...]}``. Person, Company, Organization,
PublicBody and LegalEntity become actors with id ``ftm-<slug of the FtM id>``; Ownership, Directorship,
Membership, Family and UnknownLink become relations. A relation is ``alleged`` unless its line carries
``"dyadwatch_status": "documented"``, and it is cited by its ``sourceUrl`` and ``datasets``: a relation line
with neither is refused. A bad line never stops the import: it is returned as a (line number, reason) problem
for the caller to quarantine, as is a line of a schema not imported and a relation whose ends are unknown.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Collection, Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import pycountry

from dyadwatch.lang import available_languages

from .model import STATUSES, Actor, Relation

ACTOR_KINDS = {
    "Person": "person",
    "Company": "company",
    "Organization": "organisation",
    "PublicBody": "body",
    "LegalEntity": "organisation",
}
# FtM schema -> (property naming the source, property naming the target).
RELATION_ENDS = {
    "Ownership": ("owner", "asset"),
    "Directorship": ("director", "organization"),
    "Membership": ("member", "organization"),
    "Family": ("person", "relative"),
    "UnknownLink": ("subject", "object"),
}
# The relation vocabulary has no "kin" (yet): a family tie is stored as the closest allowed relation, with
# a note that says it is kinship.
FAMILY_RELATION = "kin"
STATUS_HINT = "dyadwatch_status"
LANGUAGE_HINT = "dyadwatch_alias_language"
ORIGIN = "ftm"
_HEAD_ROLE = re.compile(
    r"\b(head|chair\w*|chief|ceo|president|director[- ]general|general director|managing director)\b"
    r"|руковод|председател|генеральн\w* директор|президент",
    re.IGNORECASE,
)
_SLUG_DROP = re.compile(r"[^A-Za-z0-9._-]+")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_MAX_ID = 64


class FtmImport(NamedTuple):
    """What an import produced: actors, relations and the (line number, reason) of each refused line."""

    actors: list[Actor]
    relations: list[Relation]
    problems: list[tuple[int, str]]


class _Refused(Exception):
    """A line that cannot be imported; the message is the reason."""


def actor_id(ftm_id: str) -> str:
    """The dyadwatch id of an FtM entity: ``ftm-`` and the id with other characters than letters, digits,
    '.', '_' and '-' replaced by '-' (case kept); a long id is cut and ends with a hash of the whole."""
    slug = _SLUG_DROP.sub("-", ftm_id).strip("-._") or "x"
    candidate = f"ftm-{slug}"
    if len(candidate) <= _MAX_ID:
        return candidate
    digest = hashlib.sha1(ftm_id.encode()).hexdigest()[:12]
    return f"{candidate[:_MAX_ID - 13]}-{digest}"


def _values(properties: dict[str, Any], name: str) -> list[str]:
    raw = properties.get(name, [])
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        raise _Refused(f"property {name!r} must be a list of strings")
    return [v.strip() for v in raw if v.strip()]


def _first(properties: dict[str, Any], name: str) -> str:
    values = _values(properties, name)
    if not values:
        raise _Refused(f"property {name!r} is missing")
    return values[0]


def _country(properties: dict[str, Any]) -> str | None:
    """The first FtM country code (ISO alpha-2) that ISO 3166 knows, as alpha-3."""
    for name in ("country", "nationality", "jurisdiction"):
        for code in _values(properties, name):
            country = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
            if country is not None:
                return str(country.alpha_3)
    return None


def _day(value: str, *, end: bool) -> date:
    """An FtM date (YYYY, YYYY-MM or YYYY-MM-DD, time ignored); a partial end date becomes the first day
    after the period, since relation ends are exclusive."""
    match = _PARTIAL_DATE.match(value)
    if match is None:
        raise _Refused(f"{value!r} is not an FtM date")
    year, month, day = match.groups()
    try:
        if day:
            return date(int(year), int(month), int(day))
        if month:
            first = date(int(year), int(month), 1)
            return (first + timedelta(days=31)).replace(day=1) if end else first
        return date(int(year) + 1 if end else int(year), 1, 1)
    except ValueError:
        raise _Refused(f"{value!r} is not a valid date") from None


def _optional_day(properties: dict[str, Any], name: str, *, end: bool) -> date | None:
    values = _values(properties, name)
    return _day(values[0], end=end) if values else None


def _citation(entity: dict[str, Any]) -> str:
    datasets = entity.get("datasets", [])
    if not isinstance(datasets, list) or not all(isinstance(d, str) for d in datasets):
        raise _Refused("'datasets' must be a list of strings")
    sources = [*_values(entity["properties"], "sourceUrl"), *(f"dataset {d.strip()}" for d in datasets if d.strip())]
    return "; ".join(sources)


def _status(entity: dict[str, Any]) -> str:
    status = entity.get(STATUS_HINT, "alleged")
    if status not in STATUSES:
        raise _Refused(f"{STATUS_HINT} must be one of {', '.join(STATUSES)}, not {status!r}")
    return str(status)


def _alias_language(entity: dict[str, Any]) -> str:
    language = entity.get(LANGUAGE_HINT, "en")
    if language not in available_languages():
        raise _Refused(f"{LANGUAGE_HINT} {language!r} is not a known language")
    return str(language)


def _actor(entity: dict[str, Any], kind: str) -> Actor:
    properties = entity["properties"]
    name = _first(properties, "name")
    names = tuple(dict.fromkeys([name, *_values(properties, "alias")]))
    citation = _citation(entity)
    return Actor(
        id=actor_id(entity["id"]), name=name, kind=kind, country=_country(properties),
        aliases={_alias_language(entity): names},
        note=f"FtM {entity['schema']} {entity['id']}" + (f"; source: {citation}" if citation else ""),
        origin=ORIGIN,
    )


def _relation_name(schema: str, properties: dict[str, Any]) -> tuple[str, str | None]:
    """The dyadwatch relation for an FtM link and the note that keeps what FtM said about it."""
    roles = ", ".join(_values(properties, "role"))
    role_note = f"role: {roles}" if roles else None
    if schema == "Ownership":
        shares = ", ".join(_values(properties, "percentage"))
        return "owns", "; ".join(n for n in (role_note, f"percentage: {shares}" if shares else None) if n) or None
    if schema == "Directorship":
        return ("heads" if _HEAD_ROLE.search(roles) else "member_of"), role_note
    if schema == "Membership":
        return "member_of", role_note
    if schema == "Family":
        kinship = ", ".join(_values(properties, "relationship")) or "unspecified"
        return FAMILY_RELATION, f"kin ({kinship}), FtM Family"
    return "business_partner", role_note or "FtM UnknownLink"


def _relation(entity: dict[str, Any]) -> Relation:
    schema, properties = entity["schema"], entity["properties"]
    source_name, target_name = RELATION_ENDS[schema]
    citation = _citation(entity)
    if not citation:
        raise _Refused(f"{schema} has no sourceUrl or datasets to cite")
    relation, note = _relation_name(schema, properties)
    start = _optional_day(properties, "startDate", end=False)
    end = _optional_day(properties, "endDate", end=True)
    if start and end and end < start:
        raise _Refused(f"{schema} ends before it starts")
    return Relation(
        source=actor_id(_first(properties, source_name)), relation=relation,
        target=actor_id(_first(properties, target_name)), status=_status(entity), citation=citation,
        start=start, end=end, note=note,
    )


def _entity(line: str) -> dict[str, Any]:
    try:
        entity = json.loads(line)
    except json.JSONDecodeError as error:
        raise _Refused(f"not JSON: {error.msg}") from None
    if not isinstance(entity, dict):
        raise _Refused("not a JSON object")
    for key in ("id", "schema"):
        if not isinstance(entity.get(key), str) or not entity[key].strip():
            raise _Refused(f"{key!r} is missing")
    if not isinstance(entity.get("properties"), dict):
        raise _Refused("'properties' must be an object")
    return entity


def parse_ftm(lines: Iterable[str], *, known_ids: Collection[str] = ()) -> FtmImport:
    """Actors, relations and problems of FtM JSON lines (numbered from 1; blank lines skipped).

    A relation is kept only when both its ends are imported actors or in ``known_ids`` (say the
    registry's ids); otherwise it is a problem on its line.
    """
    actors: dict[str, Actor] = {}
    first_line: dict[str, int] = {}
    relations: list[tuple[int, Relation]] = []
    problems: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entity = _entity(line)
            schema = entity["schema"]
            if schema in ACTOR_KINDS:
                actor = _actor(entity, ACTOR_KINDS[schema])
                if actor.id in actors:
                    raise _Refused(f"{actor.id} appears twice (first on line {first_line[actor.id]})")
                actors[actor.id], first_line[actor.id] = actor, number
            elif schema in RELATION_ENDS:
                relations.append((number, _relation(entity)))
            else:
                raise _Refused(f"schema {schema!r} is not imported")
        except _Refused as refused:
            problems.append((number, str(refused)))
    known = set(actors) | set(known_ids)
    kept = []
    for number, relation in relations:
        missing = [end for end in (relation.source, relation.target) if end not in known]
        if missing:
            problems.append((number, f"{relation.relation} names unknown actor {', '.join(missing)}"))
        else:
            kept.append(relation)
    return FtmImport(list(actors.values()), kept, sorted(problems))


def read_ftm(path: Path, *, known_ids: Collection[str] = ()) -> FtmImport:
    """`parse_ftm` of a UTF-8 JSON lines file."""
    with path.open(encoding="utf-8") as handle:
        return parse_ftm(handle, known_ids=known_ids)
