"""The dialect-specific half of full-text search: indexing a search column and matching it.

Terms are built in Python (`dyadwatch.text.search_keys`) so both databases see identical
terms: SQLite indexes them with FTS5, PostgreSQL stores them verbatim with
`array_to_tsvector` (no parser, no dictionary) and matches a literal `tsquery`.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, text
from sqlalchemy.sql.elements import TextClause


def index_documents(connection: Connection, rows: Sequence[tuple[int, str | None, str]]) -> None:
    """(pk, previous search text or None, new search text) → index entries replaced."""
    if not rows:
        return
    if connection.dialect.name == "sqlite":
        stale = [{"pk": pk, "old": old} for pk, old, _ in rows if old is not None]
        if stale:
            connection.execute(
                text("INSERT INTO doc_fts(doc_fts, rowid, search_text) VALUES ('delete', :pk, :old)"), stale
            )
        connection.execute(
            text("INSERT INTO doc_fts(rowid, search_text) VALUES (:pk, :new)"),
            [{"pk": pk, "new": new} for pk, _, new in rows],
        )
    else:
        connection.execute(
            text(
                "UPDATE documents SET search_tsv = array_to_tsvector("
                "array_remove(string_to_array(:new, ' '), '')) WHERE pk = :pk"
            ),
            [{"pk": pk, "new": new} for pk, _, new in rows],
        )


def match_clause(dialect: str, alternatives: Sequence[frozenset[str]]) -> tuple[TextClause, dict[str, str]]:
    """A WHERE fragment over `documents d` that is true when every word matches one of its terms."""
    if dialect == "sqlite":
        query = " AND ".join(
            "(" + " OR ".join(f'"{term}"' for term in sorted(group)) + ")" for group in alternatives
        )
        return text("d.pk IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH :fts)"), {"fts": query}
    query = " & ".join(
        "(" + " | ".join(f"'{term}'" for term in sorted(group)) + ")" for group in alternatives
    )
    return text("d.search_tsv @@ CAST(:fts AS tsquery)"), {"fts": query}
