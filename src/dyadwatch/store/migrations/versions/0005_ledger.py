"""Ledger: when each event became known, GDELT tone, context series, stored phases and fired alerts.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)
_AVG_TONE = 34
_DATE_ADDED = {57: 56, 58: 56, 61: 59}


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("known_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("tone", sa.Float(), nullable=True))
    _backfill(op.get_bind())
    op.create_table(
        "context_series",
        sa.Column("dyad", sa.String(length=7), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("citation", sa.Text(), nullable=True),
        sa.Column("input_origin", sa.Text(), nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
        sa.PrimaryKeyConstraint("dyad", "name", "day", name=op.f("pk_context_series")),
    )
    op.create_table(
        "phases",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("dyad", sa.String(length=7), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("frozen", sa.Boolean(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("computed_at", _TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phases")),
    )
    op.create_index("ix_phases_dyad_start", "phases", ["dyad", "start"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("rule", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("dyad", sa.String(length=7), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
        sa.Column("delivered_at", _TZ, nullable=True),
        sa.Column("failures", sa.Text(), nullable=False, server_default="[]"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
    )


def _backfill(connection: sa.Connection) -> None:
    """Coded events become known when their document was published; GDELT rows at DATEADDED, with AvgTone."""
    events = sa.table("events", sa.column("id"), sa.column("origin"), sa.column("event_date"), sa.column("doc_pk"),
                      sa.column("raw"), sa.column("known_date"), sa.column("tone"))
    documents = sa.table("documents", sa.column("pk"), sa.column("published"))
    coded = connection.execute(
        sa.select(events.c.id, documents.c.published)
        .select_from(events.join(documents, documents.c.pk == events.c.doc_pk))
        .where(documents.c.published.is_not(None))
    ).all()
    gdelt = [(row.id, *_gdelt_known(row.raw)) for row in
             connection.execute(sa.select(events.c.id, events.c.raw).where(events.c.origin == "gdelt"))]
    update = sa.update(events).where(events.c.id == sa.bindparam("event_id"))
    known = [{"event_id": i, "known_date": _day(published)} for i, published in coded]
    known += [{"event_id": i, "known_date": day} for i, day, _ in gdelt if day]
    if known:
        connection.execute(update.values(known_date=sa.bindparam("known_date")), known)
    tones = [{"event_id": i, "tone": tone} for i, _, tone in gdelt if tone is not None]
    if tones:
        connection.execute(update.values(tone=sa.bindparam("tone")), tones)
    connection.execute(sa.update(events).where(events.c.known_date.is_(None)).values(known_date=events.c.event_date))


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.fromisoformat(str(value)).date()


def _gdelt_known(raw: str) -> tuple[date | None, float | None]:
    """DATEADDED and AvgTone from a stored tab-separated GDELT line (other layouts are left to the event date)."""
    fields = raw.rstrip("\n").split("\t")
    if len(fields) not in _DATE_ADDED:
        return None, None
    try:
        added = datetime.strptime(fields[_DATE_ADDED[len(fields)]][:8], "%Y%m%d").date()
        tone = float(fields[_AVG_TONE])
    except ValueError:
        return None, None
    return added, tone


def downgrade() -> None:
    op.drop_table("alerts")
    op.drop_index("ix_phases_dyad_start", table_name="phases")
    op.drop_table("phases")
    op.drop_table("context_series")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("tone")
        batch.drop_column("known_date")
