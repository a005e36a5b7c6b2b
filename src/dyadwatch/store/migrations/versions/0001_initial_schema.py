"""Initial schema: sources, documents, sentences, dedup index, quarantine, actors, events.

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 08:28:14.248088
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlalchemy.dialects.postgresql
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('sector', sa.String(length=40), nullable=True),
    sa.Column('origin', sa.String(length=20), server_default='registry', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actors'))
    )
    op.create_table('notes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('target_kind', sa.String(length=20), nullable=False),
    sa.Column('target_id', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notes'))
    )
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.create_index('ix_notes_target', ['target_kind', 'target_id'], unique=False)

    op.create_table('overrides',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('analyst', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_overrides'))
    )
    with op.batch_alter_table('overrides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_overrides_event_id'), ['event_id'], unique=False)

    op.create_table('quarantine',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quarantine'))
    )
    op.create_table('sources',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('platform', sa.String(length=40), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), server_default='unclassified', nullable=False),
    sa.Column('first_seen', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources')),
    sa.UniqueConstraint('name', name=op.f('uq_sources_name'))
    )
    op.create_table('actor_aliases',
    sa.Column('actor_id', sa.String(length=64), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_actor_aliases_actor_id_actors'), ondelete='CASCADE'),
    sa.UniqueConstraint('actor_id', 'alias', 'language', name=op.f('uq_actor_aliases_actor_id_alias_language'))
    )
    op.create_table('documents',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('published', sa.DateTime(timezone=True), nullable=True),
    sa.Column('collected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('language_hint', sa.String(length=8), nullable=True),
    sa.Column('platform', sa.String(length=40), nullable=True),
    sa.Column('synthetic', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('raw_format', sa.String(length=20), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('norm_title', sa.Text(), nullable=True),
    sa.Column('norm_text', sa.Text(), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=True),
    sa.Column('cluster_id', sa.String(length=32), nullable=True),
    sa.Column('similarity', sa.Float(), nullable=True),
    sa.Column('processed_version', sa.String(length=40), nullable=True),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_documents_source_id_sources')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_documents')),
    sa.UniqueConstraint('id', name=op.f('uq_documents_id'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_cluster_id'), ['cluster_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_language'), ['language'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_processed_version'), ['processed_version'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_source_id'), ['source_id'], unique=False)

    op.create_table('source_facts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('attribute', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('citation', sa.Text(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_source_facts_source_id_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_facts'))
    )
    with op.batch_alter_table('source_facts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_facts_source_id'), ['source_id'], unique=False)

    op.create_table('doc_minhash',
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('day', sa.Integer(), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], name=op.f('fk_doc_minhash_doc_pk_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_pk', name=op.f('pk_doc_minhash'))
    )
    op.create_table('events',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), server_default='active', nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('date_note', sa.Text(), nullable=True),
    sa.Column('actor1_code', sa.String(length=3), nullable=False),
    sa.Column('actor1_name', sa.Text(), nullable=True),
    sa.Column('actor1_id', sa.String(length=64), nullable=True),
    sa.Column('actor2_code', sa.String(length=3), nullable=True),
    sa.Column('actor2_name', sa.Text(), nullable=True),
    sa.Column('actor2_id', sa.String(length=64), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('cameo_code', sa.String(length=4), nullable=True),
    sa.Column('plover_category', sa.String(length=20), nullable=True),
    sa.Column('plover_mode', sa.String(length=40), nullable=True),
    sa.Column('goldstein', sa.Float(), nullable=True),
    sa.Column('quad_class', sa.Integer(), nullable=True),
    sa.Column('doc_pk', sa.Integer(), nullable=True),
    sa.Column('sentence_idx', sa.Integer(), nullable=True),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('coder_version', sa.String(length=40), nullable=True),
    sa.Column('source_urls', sa.Text(), server_default='[]', nullable=False),
    sa.Column('external_id', sa.Text(), nullable=True),
    sa.Column('input_origin', sa.Text(), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], name=op.f('fk_events_doc_pk_documents'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_doc_pk'), ['doc_pk'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_event_date'), ['event_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_origin'), ['origin'], unique=False)

    op.create_table('lsh_buckets',
    sa.Column('period', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('key', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('day', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('doc_pk', sa.Integer(), autoincrement=False, nullable=False),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], name=op.f('fk_lsh_buckets_doc_pk_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('period', 'key', 'day', 'doc_pk', name=op.f('pk_lsh_buckets')),
    sqlite_with_rowid=False
    )

    op.create_table('mentions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('sentence_idx', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.String(length=64), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('surface', sa.Text(), nullable=False),
    sa.Column('coder_version', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_mentions_actor_id_actors')),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], name=op.f('fk_mentions_doc_pk_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentions'))
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_doc_pk'), ['doc_pk'], unique=False)

    op.create_table('sentences',
    sa.Column('doc_pk', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['doc_pk'], ['documents.pk'], name=op.f('fk_sentences_doc_pk_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_pk', 'idx', name=op.f('pk_sentences'))
    )
    _create_fulltext()


def downgrade() -> None:
    _drop_fulltext()
    op.drop_table('sentences')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_doc_pk'))
        batch_op.drop_index(batch_op.f('ix_mentions_actor_id'))

    op.drop_table('mentions')
    op.drop_table('lsh_buckets')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_origin'))
        batch_op.drop_index(batch_op.f('ix_events_event_date'))
        batch_op.drop_index(batch_op.f('ix_events_doc_pk'))

    op.drop_table('events')
    op.drop_table('doc_minhash')
    with op.batch_alter_table('source_facts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_facts_source_id'))

    op.drop_table('source_facts')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_source_id'))
        batch_op.drop_index(batch_op.f('ix_documents_published'))
        batch_op.drop_index(batch_op.f('ix_documents_processed_version'))
        batch_op.drop_index(batch_op.f('ix_documents_language'))
        batch_op.drop_index(batch_op.f('ix_documents_cluster_id'))

    op.drop_table('documents')
    op.drop_table('actor_aliases')
    op.drop_table('sources')
    op.drop_table('quarantine')
    with op.batch_alter_table('overrides', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_overrides_event_id'))

    op.drop_table('overrides')
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.drop_index('ix_notes_target')

    op.drop_table('notes')
    op.drop_table('actors')


def _create_fulltext() -> None:
    """One search column, indexed natively: FTS5 on SQLite, a tsvector with GIN on PostgreSQL."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE doc_fts USING fts5(search_text, content='documents', "
            "content_rowid='pk', tokenize='unicode61 remove_diacritics 0')"
        )
    else:
        op.add_column("documents", sa.Column("search_tsv", sa.dialects.postgresql.TSVECTOR()))
        op.create_index("ix_documents_search_tsv", "documents", ["search_tsv"], postgresql_using="gin")


def _drop_fulltext() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE doc_fts")
    else:
        op.drop_index("ix_documents_search_tsv", table_name="documents")
        op.drop_column("documents", "search_tsv")
