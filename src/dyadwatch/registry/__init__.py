"""The source registry: dated, cited facts about each outlet or channel (see README.md here)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from ..errors import DyadwatchError
from ..models import Quarantined
from ..store.lock import writer_lock
from ..store.writer import insert_quarantined
from . import store
from .model import (
    ALIGNMENT,
    ATTRIBUTES,
    CREDIBILITY,
    LOCATION,
    OWNERSHIP,
    PLATFORM,
    UNKNOWN,
    Fact,
    InvalidFact,
    MissingCitation,
    RegistryError,
    SourceEntry,
    UnknownSource,
    check_citation,
    check_fact,
    check_facts,
)

__all__ = [
    "ALIGNMENT", "ATTRIBUTES", "CREDIBILITY", "LOCATION", "OWNERSHIP", "PLATFORM", "UNKNOWN",
    "Fact", "ImportReport", "InvalidFact", "MissingCitation", "Registry", "RegistryError", "UnknownSource",
    "entry_from_row",
]

EXIT_OK, EXIT_NOTHING_READ, EXIT_SOME_QUARANTINED = 0, 2, 3
STAGE = "sources"


@dataclass
class ImportReport:
    """What a registry import did; `exit_code` follows the ingest convention (0, 2 nothing read, 3 some bad)."""

    path: str
    new_sources: int = 0
    new_facts: int = 0
    unchanged: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def quarantined(self) -> int:
        return len(self.problems)

    @property
    def exit_code(self) -> int:
        if self.new_facts + self.unchanged == 0 and self.problems:
            return EXIT_NOTHING_READ
        return EXIT_SOME_QUARANTINED if self.problems else EXIT_OK

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "new_sources": self.new_sources, "new_facts": self.new_facts,
                "unchanged": self.unchanged, "quarantined": self.quarantined, "exit_code": self.exit_code,
                "problems": [{"origin": o, "reason": r} for o, r in self.problems]}


class Registry:
    """The source registry of a workspace's database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(
        self, name: str, facts: Mapping[str, str | None], citation: str, valid_from: date | None = None,
        platform: str | None = None, url: str | None = None, aliases: Sequence[str] = (),
    ) -> int:
        """Record a source's facts (creating the source if new); returns how many fact rows were added.

        Values that already hold are skipped, so adding the same facts twice adds nothing; a changed value
        closes the row it replaces (from `valid_from`, else today).
        """
        entry = SourceEntry(_name(name), check_facts({**facts, "platform": platform or facts.get("platform")}),
                            check_citation(citation), valid_from, url, tuple(aliases))
        with writer_lock(self.engine), self.engine.begin() as connection:
            return _store_entry(connection, entry)[1]

    def edit(self, name: str, attribute: str, value: str, citation: str, valid_from: date | None = None) -> bool:
        """Change one attribute from `valid_from` (default today); False when that value already holds."""
        canonical, cited = check_fact(attribute, value), check_citation(citation)
        with writer_lock(self.engine), self.engine.begin() as connection:
            ident = _existing(connection, name)
            added = store.record(connection, ident, attribute, canonical, cited, valid_from or date.today())
            store.mark_classified(connection, ident, canonical if attribute == "platform" else None)
            return added

    def facts(self, name: str, as_of: date | None = None) -> dict[str, str]:
        """The value of each attribute on `as_of` (default today)."""
        with self.engine.connect() as connection:
            return store.current(store.history(connection, _existing(connection, name)), as_of or date.today())

    def history(self, name: str) -> list[Fact]:
        """Every fact row ever recorded for a source, aliases included."""
        with self.engine.connect() as connection:
            return store.history(connection, _existing(connection, name))

    def table(self, as_of: date | None = None) -> list[dict[str, Any]]:
        """One row per source: name, platform, url, status, documents and each attribute's value on `as_of`."""
        day = as_of or date.today()
        with self.engine.connect() as connection:
            facts = store.all_facts(connection)
            rows = store.source_rows(connection, as_of)
        return [_table_row(row, facts.get(row["id"], []), day) for row in rows]

    def unclassified(self) -> list[dict[str, Any]]:
        """Sources seen in documents (or added) without any fact, most documents first."""
        with self.engine.connect() as connection:
            return store.unclassified_rows(connection)

    def import_file(self, path: Path | str) -> ImportReport:
        """Read a CSV or JSONL registry file (one source per row); bad rows are quarantined (stage `sources`)."""
        path = Path(path)
        report = ImportReport(str(path))
        bad: list[Quarantined] = []
        with writer_lock(self.engine), self.engine.begin() as connection:
            for origin, raw, row in _read_rows(path):
                try:
                    created, added = _store_entry(connection, entry_from_row(row))
                except DyadwatchError as exc:
                    report.problems.append((origin, exc.message))
                    bad.append(Quarantined(origin=origin, reason=exc.message, raw=raw, stage=STAGE))
                    continue
                report.new_sources += created
                report.new_facts += added
                report.unchanged += not added
            insert_quarantined(connection, bad)
        return report


def _name(name: str) -> str:
    text = " ".join((name or "").split())
    if not text:
        raise RegistryError("A source needs a name.")
    return text


def _existing(connection: Connection, name: str) -> int:
    ident = store.source_id(connection, name)
    if ident is None:
        raise UnknownSource(f"No source is named {name!r}. List them with 'dyadwatch sources'.")
    return ident


def _store_entry(connection: Connection, entry: SourceEntry) -> tuple[bool, int]:
    """(whether the source is new, fact rows added)."""
    ident = store.source_id(connection, entry.name)
    created = ident is None
    ident = store.create_source(connection, entry.name, entry.url) if ident is None else ident
    if entry.url:
        store.set_url(connection, ident, entry.url)
    added = sum(store.record(connection, ident, attribute, value, entry.citation, entry.valid_from)
                for attribute, value in entry.facts.items())
    added += sum(store.add_alias(connection, ident, alias, entry.citation) for alias in entry.aliases)
    if entry.facts:
        store.mark_classified(connection, ident, entry.facts.get("platform"))
    return created, added


def _table_row(row: dict[str, Any], facts: list[Fact], day: date) -> dict[str, Any]:
    values = store.current(facts, day)
    record = {k: v for k, v in row.items() if k != "id"}
    record["platform"] = values.get("platform", row["platform"])
    record.update({attribute: values.get(attribute) for attribute in ATTRIBUTES if attribute != "platform"})
    record["aliases"] = store.aliases(facts)
    return record


def entry_from_row(row: Mapping[str, Any]) -> SourceEntry:
    """A registry file row as a validated entry; raises a RegistryError naming the first problem."""
    if "__error__" in row:
        raise RegistryError(str(row["__error__"]))
    text = {key.strip().lower(): ("" if value is None else str(value)).strip() for key, value in row.items() if key}
    return SourceEntry(
        name=_name(text.get("name", "")),
        facts=check_facts({attribute: text.get(attribute) for attribute in ATTRIBUTES}),
        citation=check_citation(text.get("citation")),
        valid_from=_day(text.get("valid_from", "")),
        url=text.get("url") or None,
        aliases=tuple(a.strip() for a in text.get("aliases", "").split("|") if a.strip()),
    )


def _day(value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidFact(f"valid_from: {value!r} is not a date (YYYY-MM-DD).") from exc


def _read_rows(path: Path) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(origin, raw text, row) per row; a row that cannot be parsed is yielded with a reason instead."""
    if not path.is_file():
        raise RegistryError(f"{path}: no such file. Give a .csv or .jsonl registry file.")
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        yield from _jsonl_rows(path)
    elif path.suffix.lower() == ".csv":
        yield from _csv_rows(path)
    else:
        raise RegistryError(f"{path}: unknown registry file type; use .csv or .jsonl.")


def _jsonl_rows(path: Path) -> Iterator[tuple[str, str, dict[str, Any]]]:
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield f"{path}:{number}", line.rstrip("\n"), _json_object(line, number)


def _json_object(line: str, number: int) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"__error__": f"line {number}: invalid JSON: {exc.msg}"}
    return value if isinstance(value, dict) else {"__error__": f"line {number}: not a JSON object"}


def _csv_rows(path: Path) -> Iterator[tuple[str, str, dict[str, Any]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            raw = json.dumps(row, ensure_ascii=False)
            if None in row or None in row.values():
                row = {"__error__": f"row {reader.line_num}: field count differs from the header"}
            yield f"{path}:row {reader.line_num}", raw, row
