"""Read actor and relation files (YAML or CSV), checking every field; errors name file, line and field."""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Iterator
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from dyadwatch.errors import ActorFileError
from dyadwatch.lang import available_languages

from .model import KINDS, RELATIONS, STATUSES, Actor, Relation, Role

_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_CODE_RE = re.compile(r"[A-Z]{3}")
_DATA = files("dyadwatch.actors") / "data"
BUILTIN_FILES = ("countries.yaml", "bodies.yaml", "people.yaml", "organisations.yaml", "places.yaml")
_CSV_ALIAS_PREFIX = "aliases_"
_CSV_SEPARATOR = "|"


@cache
def sectors() -> dict[str, str]:
    """The sector vocabulary: sector id to description."""
    loaded = yaml.safe_load((_DATA / "sectors.yaml").read_text(encoding="utf-8"))
    return {str(key): str(value) for key, value in loaded.items()}


class _Record:
    """One mapping from a file with the line of each of its fields, for error messages."""

    def __init__(self, path: str, line: int, values: dict[str, Any], lines: dict[str, int]) -> None:
        self.path, self.line, self.values, self.lines = path, line, values, lines

    def fail(self, field: str | None, problem: str) -> ActorFileError:
        return ActorFileError(self.path, self.lines.get(field or "", self.line), field, problem)

    def text(self, field: str, *, required: bool = False) -> str | None:
        value = self.values.get(field)
        if value is None or value == "":
            if required:
                raise self.fail(field, "is required")
            return None
        if not isinstance(value, (str, int, float)):
            raise self.fail(field, f"must be text, not {type(value).__name__}")
        return str(value).strip()

    def day(self, field: str) -> date | None:
        value = self.values.get(field)
        if value is None or value == "":
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise self.fail(field, f"is not an ISO date (YYYY-MM-DD): {value!r}") from None


class _TextDates(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad date is reported with its field."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _yaml_records(path: str, text: str, key: str) -> Iterator[_Record]:
    """Mappings of a YAML list (or of the list under ``key`` in a mapping), each with its field lines."""
    try:
        root = yaml.compose(text, Loader=_TextDates)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ActorFileError(path, mark.line + 1 if mark else None, None, f"is not valid YAML: {error}") from None
    if root is None:
        return
    if isinstance(root, yaml.MappingNode):
        found = [value for name, value in root.value if name.value == key]
        if not found:
            return
        root = found[0]
    elif key != "actors":
        return
    if not isinstance(root, yaml.SequenceNode):
        raise ActorFileError(path, root.start_mark.line + 1, None, f"must be a list of {key} (or a mapping with '{key}:')")
    for node in root.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            raise ActorFileError(path, line, None, "each entry must be a mapping")
        values = yaml.load(yaml.serialize(node), Loader=_TextDates)
        lines = {name.value: name.start_mark.line + 1 for name, _ in node.value}
        yield _Record(path, line, values, lines)


def _csv_records(path: str, text: str) -> Iterator[_Record]:
    reader = csv.DictReader(io.StringIO(text))
    for row in reader:
        line = reader.line_num
        values: dict[str, Any] = {}
        aliases: dict[str, list[str]] = {}
        for column, cell in row.items():
            if column is None:
                raise ActorFileError(path, line, None, "has more cells than the header has columns")
            cell = (cell or "").strip()
            if column.startswith(_CSV_ALIAS_PREFIX):
                if cell:
                    aliases[column[len(_CSV_ALIAS_PREFIX):]] = [a.strip() for a in cell.split(_CSV_SEPARATOR) if a.strip()]
            elif cell:
                values[column] = cell
        if aliases:
            values["aliases"] = aliases
        if "role_body" in values:
            values["roles"] = [{k[5:]: values.pop(k) for k in list(values) if k.startswith("role_")}]
        yield _Record(path, line, values, {})


def _aliases(record: _Record) -> dict[str, tuple[str, ...]]:
    raw = record.values.get("aliases") or {}
    if not isinstance(raw, dict):
        raise record.fail("aliases", "must map language codes to lists of names")
    known = set(available_languages())
    aliases: dict[str, tuple[str, ...]] = {}
    for language, names in raw.items():
        if language not in known:
            raise record.fail("aliases", f"unknown language {language!r} (known: {', '.join(sorted(known))})")
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list) or not all(isinstance(n, (str, int)) and str(n).strip() for n in names):
            raise record.fail("aliases", f"aliases for {language!r} must be a list of non-empty names")
        aliases[language] = tuple(dict.fromkeys(str(n).strip() for n in names))
    return aliases


def _roles(record: _Record) -> tuple[Role, ...]:
    raw = record.values.get("roles") or []
    if not isinstance(raw, list):
        raise record.fail("roles", "must be a list of {body, title, start, end}")
    roles = []
    for entry in raw:
        if not isinstance(entry, dict) or not entry.get("body"):
            raise record.fail("roles", "each role needs a 'body'")
        sub = _Record(record.path, record.lines.get("roles", record.line), entry, {})
        role = Role(str(entry["body"]), str(entry.get("title") or ""), sub.day("start"), sub.day("end"))
        if role.start and role.end and role.end < role.start:
            raise record.fail("roles", f"role in {role.body} ends before it starts")
        roles.append(role)
    return tuple(roles)


def _code(record: _Record, field: str) -> str | None:
    value = record.text(field)
    if value is not None and not _CODE_RE.fullmatch(value):
        raise record.fail(field, f"must be a 3-letter upper-case code (ISO 3166 alpha-3 or CAMEO), not {value!r}")
    return value


def _actor(record: _Record, origin: str) -> Actor:
    actor_id = record.text("id", required=True)
    assert actor_id is not None
    if not _ID_RE.fullmatch(actor_id):
        raise record.fail("id", f"{actor_id!r} may hold only letters, digits, '.', '_' and '-' (at most 64)")
    kind = record.text("kind", required=True)
    if kind not in KINDS:
        raise record.fail("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    sector = record.text("sector")
    if sector is not None and sector not in sectors():
        raise record.fail("sector", f"{sector!r} is not a known sector ({', '.join(sorted(sectors()))})")
    country = _code(record, "country")
    if kind == "country" and country is None:
        country = actor_id if _CODE_RE.fullmatch(actor_id) else None
    return Actor(
        id=actor_id,
        name=record.text("name", required=True) or actor_id,
        kind=kind,
        country=country,
        sector=sector,
        ethnic=_code(record, "ethnic"),
        aliases=_aliases(record),
        roles=_roles(record),
        note=record.text("note"),
        origin=origin,
    )


def _relation(record: _Record) -> Relation:
    relation = record.text("relation", required=True)
    if relation not in RELATIONS:
        raise record.fail("relation", f"{relation!r} is not one of {', '.join(RELATIONS)}")
    status = record.text("status", required=True)
    if status not in STATUSES:
        raise record.fail("status", f"{status!r} must be 'documented' or 'alleged'")
    return Relation(
        source=record.text("source", required=True) or "",
        relation=relation,
        target=record.text("target", required=True) or "",
        status=status,
        citation=record.text("citation", required=True) or "",
        start=record.day("start"),
        end=record.day("end"),
        note=record.text("note"),
    )


def _records(path: str, text: str, key: str) -> Iterator[_Record]:
    if path.lower().endswith(".csv"):
        return _csv_records(path, text)
    return _yaml_records(path, text, key)


def parse_actors(path: str, text: str, origin: str = "user") -> list[Actor]:
    """Actors of one YAML or CSV text; ``path`` names it in errors."""
    actors = [_actor(record, origin) for record in _records(path, text, "actors")]
    seen: set[str] = set()
    for actor in actors:
        if actor.id in seen:
            raise ActorFileError(path, None, "id", f"{actor.id!r} appears twice")
        seen.add(actor.id)
    return actors


def parse_relations(path: str, text: str) -> list[Relation]:
    """Relations of one YAML or CSV text (a list, or the ``relations:`` list of a mapping)."""
    return [_relation(record) for record in _records(path, text, "relations")]


def read_actor_file(path: Path) -> tuple[list[Actor], list[Relation]]:
    """Actors and relations of a user's file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ActorFileError(str(path), None, None, f"cannot be read: {error}") from None
    return parse_actors(str(path), text), parse_relations(str(path), text) if path.suffix.lower() != ".csv" else []


@cache
def builtin_actors() -> tuple[Actor, ...]:
    """The registry shipped in the package (``actors/data``), then every other ISO 3166 country."""
    actors: list[Actor] = []
    for name in BUILTIN_FILES:
        actors.extend(parse_actors(f"dyadwatch/actors/data/{name}", (_DATA / name).read_text(encoding="utf-8"), "builtin"))
    known = {a.id for a in actors}
    actors.extend(a for a in world_countries() if a.id not in known)
    return tuple(actors)


def world_countries() -> list[Actor]:
    """A country actor per ISO 3166 country, named in English and in pycountry's ru/az/tr/fa translations."""
    import gettext

    import pycountry

    skip = tomllib.loads((_DATA / "world_countries.toml").read_text(encoding="utf-8")).get("skip", {})
    translations = {
        language: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for language in ("ru", "az", "tr", "fa")
    }
    countries = []
    for country in pycountry.countries:
        english = [getattr(country, "common_name", None) or country.name, country.name]
        aliases = {"en": english}
        for language, translation in translations.items():
            aliases[language] = [translation.gettext(name) for name in english]
        cleaned = {
            language: tuple(dict.fromkeys(n for n in names if n not in skip.get(language, ()) and "," not in n))
            for language, names in aliases.items()
        }
        countries.append(Actor(
            id=country.alpha_3, name=english[0], kind="country", country=country.alpha_3,
            aliases={k: v for k, v in cleaned.items() if v}, origin="pycountry",
        ))
    return countries
