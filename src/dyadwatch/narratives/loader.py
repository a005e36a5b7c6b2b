"""Read narrative files (YAML or CSV), checking every field; errors name file, line and field."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from dyadwatch.errors import DataFileError
from dyadwatch.lang import available_languages

from .model import Narrative

_ID_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_DATA = files("dyadwatch.narratives") / "data"
BUILTIN_FILE = "narratives.yaml"
_CSV_SEPARATOR = "|"
_CSV_COLUMNS = ("id", "name", "description", "language", "phrase")


class NarrativeFileError(DataFileError):
    """A narrative file (YAML or CSV) with a malformed record."""

    code = "E054"


class _Record:
    """One narrative's raw fields with the line of each field, for error messages."""

    def __init__(self, path: str, line: int, values: dict[str, Any], lines: dict[str, int]) -> None:
        self.path, self.line, self.values, self.lines = path, line, values, lines

    def fail(self, field: str | None, problem: str) -> NarrativeFileError:
        return NarrativeFileError(self.path, self.lines.get(field or "", self.line), field, problem)

    def text(self, field: str) -> str:
        value = self.values.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise self.fail(field, "is required")
        if not isinstance(value, str):
            raise self.fail(field, f"must be text, not {type(value).__name__}")
        return value.strip()


def _yaml_records(path: str, text: str) -> Iterator[_Record]:
    """Mappings of a YAML list (or of the ``narratives:`` list of a mapping), each with its field lines."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise NarrativeFileError(path, mark.line + 1 if mark else None, None, f"is not valid YAML: {error}") from None
    if root is None:
        return
    if isinstance(root, yaml.MappingNode):
        found = [value for name, value in root.value if name.value == "narratives"]
        if not found:
            raise NarrativeFileError(path, root.start_mark.line + 1, None, "has no 'narratives:' list")
        root = found[0]
    if not isinstance(root, yaml.SequenceNode):
        raise NarrativeFileError(path, root.start_mark.line + 1, None, "must be a list of narratives")
    for node in root.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            raise NarrativeFileError(path, line, None, "each entry must be a mapping")
        values = yaml.load(yaml.serialize(node), Loader=yaml.SafeLoader)
        lines = {name.value: name.start_mark.line + 1 for name, _ in node.value}
        phrases = next((value for name, value in node.value if name.value == "phrases"), None)
        if isinstance(phrases, yaml.MappingNode):
            lines.update({f"phrases.{name.value}": name.start_mark.line + 1 for name, _ in phrases.value})
        yield _Record(path, line, values, lines)


def _csv_records(path: str, text: str) -> Iterator[_Record]:
    """One record per narrative id: rows of an id are merged, their phrases gathered per language."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in _CSV_COLUMNS if column not in (reader.fieldnames or ())]
    if missing:
        raise NarrativeFileError(path, 1, missing[0], f"column missing (columns: {', '.join(_CSV_COLUMNS)})")
    records: dict[str, _Record] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            raise NarrativeFileError(path, line, None, "has more cells than the header has columns")
        cells = {column: (row.get(column) or "").strip() for column in _CSV_COLUMNS}
        if not cells["id"]:
            raise NarrativeFileError(path, line, "id", "is required")
        record = records.get(cells["id"])
        if record is None:
            record = records[cells["id"]] = _Record(path, line, {"id": cells["id"], "phrases": {}}, {"id": line})
        for field in ("name", "description"):
            if not cells[field]:
                continue
            if record.values.get(field, cells[field]) != cells[field]:
                raise NarrativeFileError(path, line, field, f"differs from line {record.lines[field]}")
            record.values[field] = cells[field]
            record.lines.setdefault(field, line)
        language = cells["language"]
        if not language:
            raise NarrativeFileError(path, line, "language", "is required")
        phrases = [p.strip() for p in cells["phrase"].split(_CSV_SEPARATOR)]
        if not all(phrases):
            raise NarrativeFileError(path, line, "phrase", "holds an empty phrase")
        record.values["phrases"].setdefault(language, []).extend(phrases)
        record.lines.setdefault(f"phrases.{language}", line)
        record.lines.setdefault("phrases", line)
    yield from records.values()


def _phrases(record: _Record) -> dict[str, tuple[str, ...]]:
    raw = record.values.get("phrases")
    if not isinstance(raw, dict) or not raw:
        raise record.fail("phrases", "must map language codes to lists of phrases")
    known = set(available_languages())
    phrases: dict[str, tuple[str, ...]] = {}
    for language, entries in raw.items():
        field = f"phrases.{language}"
        if language not in known:
            raise record.fail(field, f"unknown language {language!r} (known: {', '.join(sorted(known))})")
        if isinstance(entries, str):
            entries = [entries]
        if not isinstance(entries, list) or not entries:
            raise record.fail(field, "must be a non-empty list of phrases")
        for entry in entries:
            if not isinstance(entry, str) or not entry.strip() or entry.strip() == "*":
                raise record.fail(field, f"holds an empty or non-text phrase: {entry!r}")
        phrases[language] = tuple(dict.fromkeys(entry.strip() for entry in entries))
    return phrases


def _narrative(record: _Record, origin: str) -> Narrative:
    narrative_id = record.text("id")
    if not _ID_RE.fullmatch(narrative_id):
        raise record.fail("id", f"{narrative_id!r} may hold only lower-case letters, digits and '-' (at most 64)")
    return Narrative(
        id=narrative_id,
        name=record.text("name"),
        description=record.text("description"),
        phrases=_phrases(record),
        origin=origin,
    )


def parse_narratives(path: str, text: str, origin: str = "user") -> list[Narrative]:
    """Narratives of one YAML or CSV text; ``path`` names it in errors."""
    records = _csv_records(path, text) if path.lower().endswith(".csv") else _yaml_records(path, text)
    narratives: list[Narrative] = []
    seen: dict[str, int] = {}
    for record in records:
        narrative = _narrative(record, origin)
        if narrative.id in seen:
            raise record.fail("id", f"{narrative.id!r} appears twice (first on line {seen[narrative.id]})")
        seen[narrative.id] = record.line
        narratives.append(narrative)
    return narratives


def read_narrative_file(path: Path) -> list[Narrative]:
    """Narratives of a user's YAML or CSV file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise NarrativeFileError(str(path), None, None, f"cannot be read: {error}") from None
    return parse_narratives(str(path), text)


@cache
def builtin_narratives() -> tuple[Narrative, ...]:
    """The narratives shipped in the package (``narratives/data/narratives.yaml``)."""
    text = (_DATA / BUILTIN_FILE).read_text(encoding="utf-8")
    return tuple(parse_narratives(f"dyadwatch/narratives/data/{BUILTIN_FILE}", text, "package"))
