"""Context series: any dated number an analyst wants beside a dyad's ledger (trade, remittances, flights, gas).

A CSV file with a header: `date` and `value` are required; `dyad`, `series`, `unit` and `source` may be columns
or be given once for the whole file. One value per dyad, series and day: importing the same file twice changes
nothing, and a new value for a stored day replaces it (counted as updated). Bad rows are quarantined with the
reason (stage `context`) and the rest of the file goes on.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import Connection, select

from dyadwatch.errors import InputError, QueryError
from dyadwatch.ingest import EXIT_NOTHING_READ, EXIT_OK, EXIT_SOME_QUARANTINED
from dyadwatch.models import Quarantined
from dyadwatch.store.schema import context_series
from dyadwatch.store.writer import insert_quarantined

from .dyads import parse

STAGE = "context"
_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,80}$")


@dataclass
class ContextReport:
    path: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)

    @property
    def quarantined(self) -> int:
        return len(self.problems)

    @property
    def exit_code(self) -> int:
        """The ingest convention: all read, nothing read, or some rows quarantined."""
        if self.new + self.updated + self.unchanged == 0:
            return EXIT_NOTHING_READ
        return EXIT_SOME_QUARANTINED if self.problems else EXIT_OK

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "quarantined": self.quarantined, "problems": [list(p) for p in self.problems],
                "exit_code": self.exit_code}


@dataclass(frozen=True)
class ContextValue:
    dyad: str
    name: str
    day: date
    value: float
    unit: str | None
    citation: str | None


def read_rows(path: Path, defaults: dict[str, str | None]) -> list[tuple[str, str, ContextValue | str]]:
    """(origin, raw line, value or the reason it was refused) per data row."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}") from exc
    with handle:
        reader = csv.DictReader(handle)
        header = [(h or "").strip().lower() for h in reader.fieldnames or []]
        missing = {"date", "value"} - set(header)
        if missing:
            raise InputError(f"{path}: the header must name the columns date and value (missing: "
                             f"{', '.join(sorted(missing))}); dyad, series, unit and source are optional.")
        reader.fieldnames = header
        out: list[tuple[str, str, ContextValue | str]] = []
        for row in reader:
            origin = f"{path}:line {reader.line_num}"
            raw = ",".join("" if v is None else str(v) for v in row.values())
            out.append((origin, raw, _value(row, defaults)))
    return out


def _value(row: dict[str, str | None], defaults: dict[str, str | None]) -> ContextValue | str:
    def get(key: str) -> str | None:
        text = (row.get(key) or "").strip()
        return text or defaults.get(key)

    if None in row:
        return "more fields than the header names"
    dyad_text, name = get("dyad"), get("series")
    if not dyad_text:
        return "no dyad: give a dyad column or --dyad"
    try:
        dyad = parse(dyad_text).code
    except QueryError as exc:
        return exc.message
    if not name or not _NAME.match(name):
        return f"series name {name!r} must be 1-80 letters, digits, '_', '.' or '-' (a series column or --name)"
    try:
        day = date.fromisoformat((row.get("date") or "").strip()[:10])
    except ValueError:
        return f"date {row.get('date')!r} is not YYYY-MM-DD"
    try:
        value = float((row.get("value") or "").strip().replace(",", "."))
    except ValueError:
        return f"value {row.get('value')!r} is not a number"
    if not math.isfinite(value):
        return f"value {row.get('value')!r} is not a finite number"
    return ContextValue(dyad, name, day, value, get("unit"), get("source"))


def store_values(connection: Connection, path: Path, rows: list[tuple[str, str, ContextValue | str]]) -> ContextReport:
    """Insert new days, replace changed values, count the rest; quarantine refused rows."""
    report = ContextReport(str(path))
    bad = []
    now = datetime.now(timezone.utc)
    for origin, raw, item in rows:
        if isinstance(item, str):
            report.problems.append((origin, item))
            bad.append(Quarantined(origin=origin, reason=item, raw=raw, stage=STAGE))
            continue
        key = (context_series.c.dyad == item.dyad) & (context_series.c.name == item.name) & (
            context_series.c.day == item.day)
        stored = connection.execute(select(context_series.c.value).where(key)).first()
        if stored is None:
            connection.execute(context_series.insert().values(
                dyad=item.dyad, name=item.name, day=item.day, value=item.value, unit=item.unit,
                citation=item.citation, input_origin=origin, created_at=now))
            report.new += 1
        elif stored.value != item.value:
            connection.execute(context_series.update().where(key).values(
                value=item.value, unit=item.unit, citation=item.citation, input_origin=origin, created_at=now))
            report.updated += 1
        else:
            report.unchanged += 1
    insert_quarantined(connection, bad)
    return report
