"""Event coding: coded-event provenance columns, workspace actors, merges and relations.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _event_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    """Fresh Column objects each call (a Column may belong to one table only)."""
    return [
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("actor1_body", sa.String(length=64), nullable=True),
        sa.Column("actor1_sector", sa.String(length=40), nullable=True),
        sa.Column("actor2_body", sa.String(length=64), nullable=True),
        sa.Column("actor2_sector", sa.String(length=40), nullable=True),
        sa.Column("actor1_start", sa.Integer(), nullable=True),
        sa.Column("actor1_end", sa.Integer(), nullable=True),
        sa.Column("actor2_start", sa.Integer(), nullable=True),
        sa.Column("actor2_end", sa.Integer(), nullable=True),
        sa.Column("trigger_start", sa.Integer(), nullable=True),
        sa.Column("trigger_end", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("flags", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("coder", sa.String(length=40), nullable=True),
    ]


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for column in _event_columns():
            batch.add_column(column)
    op.create_index("ix_events_dyad_date", "events", ["actor1_code", "actor2_code", "event_date"])
    with op.batch_alter_table("actors") as batch:
        batch.add_column(sa.Column("data", sa.Text(), nullable=True))
    op.create_table(
        "actor_merges",
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("target_id", sa.String(length=64), nullable=False),
        sa.Column("analyst", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("source_id", name=op.f("pk_actor_merges")),
    )
    op.create_table(
        "actor_relations",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("target_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("citation", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_relations")),
    )


def downgrade() -> None:
    op.drop_table("actor_relations")
    op.drop_table("actor_merges")
    with op.batch_alter_table("actors") as batch:
        batch.drop_column("data")
    op.drop_index("ix_events_dyad_date", table_name="events")
    with op.batch_alter_table("events") as batch:
        for column in reversed(_event_columns()):
            batch.drop_column(column.name)
