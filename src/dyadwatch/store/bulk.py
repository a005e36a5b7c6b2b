"""Bulk inserts of plain tuples straight through the driver, for the pipeline's high-volume tables."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table


def bulk_insert(
    connection: Connection, table: Table, rows: Sequence[tuple[object, ...]], columns: Sequence[str] | None = None
) -> None:
    """executemany of tuples in the table's column order (or ``columns``); values must be int, str, bytes or None.

    SQLAlchemy's per-row parameter processing costs more than the insert itself at
    tens of thousands of rows a batch; table and column names come from the schema, never from input.
    """
    if not rows:
        return
    quote = connection.dialect.identifier_preparer.quote
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    names = [table.c[name].name for name in columns] if columns else [column.name for column in table.columns]
    markers = ", ".join(marker for _ in names)
    quoted = ", ".join(quote(name) for name in names)
    connection.exec_driver_sql(f"INSERT INTO {quote(table.name)} ({quoted}) VALUES ({markers})", list(rows))
