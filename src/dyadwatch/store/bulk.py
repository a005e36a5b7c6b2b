"""Bulk inserts of plain tuples straight through the driver, for the pipeline's high-volume tables."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table


def bulk_insert(connection: Connection, table: Table, rows: Sequence[tuple[object, ...]]) -> None:
    """executemany of tuples in the table's column order; values must already be int, str, bytes or None.

    SQLAlchemy's per-row parameter processing costs more than the insert itself at
    tens of thousands of rows a batch; table and column names come from the schema, never from input.
    """
    if not rows:
        return
    quote = connection.dialect.identifier_preparer.quote
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    columns = ", ".join(quote(column.name) for column in table.columns)
    markers = ", ".join(marker for _ in table.columns)
    connection.exec_driver_sql(f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({markers})", list(rows))
