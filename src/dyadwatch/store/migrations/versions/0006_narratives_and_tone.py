"""Narratives a workspace defines, narrative matches per document, and directed tone per document and state.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "narratives",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("phrases", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_narratives")),
    )
    op.create_table(
        "doc_narratives",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("doc_pk", sa.Integer(), nullable=False),
        sa.Column("narrative_id", sa.String(length=64), nullable=False),
        sa.Column("sentence_idx", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("phrase", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["doc_pk"], ["documents.pk"], name=op.f("fk_doc_narratives_doc_pk_documents"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doc_narratives")),
    )
    op.create_index("ix_doc_narratives_doc_pk", "doc_narratives", ["doc_pk"])
    op.create_index("ix_doc_narratives_narrative_id", "doc_narratives", ["narrative_id"])
    op.create_table(
        "doc_tone",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("doc_pk", sa.Integer(), nullable=False),
        sa.Column("about", sa.String(length=3), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("hostile", sa.Float(), nullable=False),
        sa.Column("warm", sa.Float(), nullable=False),
        sa.Column("sentences", sa.Integer(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["doc_pk"], ["documents.pk"], name=op.f("fk_doc_tone_doc_pk_documents"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doc_tone")),
    )
    op.create_index("ix_doc_tone_doc_pk", "doc_tone", ["doc_pk"])


def downgrade() -> None:
    op.drop_index("ix_doc_tone_doc_pk", table_name="doc_tone")
    op.drop_table("doc_tone")
    op.drop_index("ix_doc_narratives_narrative_id", table_name="doc_narratives")
    op.drop_index("ix_doc_narratives_doc_pk", table_name="doc_narratives")
    op.drop_table("doc_narratives")
    op.drop_table("narratives")
