"""Printing records as a table, JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def emit(
    records: Sequence[dict[str, Any]],
    fmt: OutputFormat,
    columns: Sequence[str],
    *,
    title: str | None = None,
    stream: TextIO | None = None,
) -> None:
    """Write records: JSON keeps every field; table and CSV show `columns`."""
    out = stream or sys.stdout
    if fmt is OutputFormat.json:
        json.dump([_plain(r) for r in records], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt is OutputFormat.csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for record in records:
            writer.writerow(["" if record.get(c) is None else _cell(record.get(c)) for c in columns])
    else:
        table = Table(title=title, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for record in records:
            table.add_row(*(_escape(_cell(record.get(c))) for c in columns))
        Console(file=out, soft_wrap=False).print(table)


def _cell(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def _escape(text: str) -> str:
    """Scraped text must not be read as Rich markup."""
    from rich.markup import escape

    return escape(text)
