"""GDELT mentions (which articles mention an event) and GKG tone per document.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gdelt_mentions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("global_event_id", sa.String(length=40), nullable=False),
        sa.Column("mention_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Integer(), nullable=False),
        sa.Column("doc_tone", sa.Float(), nullable=False),
        sa.Column("input_origin", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gdelt_mentions")),
    )
    op.create_index(op.f("ix_gdelt_mentions_global_event_id"), "gdelt_mentions", ["global_event_id"])
    op.create_table(
        "gkg_tone",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("document_url", sa.Text(), nullable=False),
        sa.Column("date", sa.DateTime(timezone=True), nullable=False),
        sa.Column("tone", sa.Float(), nullable=False),
        sa.Column("positive", sa.Float(), nullable=False),
        sa.Column("negative", sa.Float(), nullable=False),
        sa.Column("polarity", sa.Float(), nullable=False),
        sa.Column("activity_density", sa.Float(), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("input_origin", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gkg_tone")),
    )
    op.create_index(op.f("ix_gkg_tone_date"), "gkg_tone", ["date"])


def downgrade() -> None:
    op.drop_index(op.f("ix_gkg_tone_date"), table_name="gkg_tone")
    op.drop_table("gkg_tone")
    op.drop_index(op.f("ix_gdelt_mentions_global_event_id"), table_name="gdelt_mentions")
    op.drop_table("gdelt_mentions")
