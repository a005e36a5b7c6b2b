"""Database tables (SQLAlchemy Core). Alembic migrations create and evolve them."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
TZ = DateTime(timezone=True)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("platform", String(40)),
    Column("url", Text),
    Column("status", String(20), nullable=False, server_default="unclassified"),
    Column("first_seen", TZ, nullable=False),
)

source_facts = Table(
    "source_facts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("attribute", String(40), nullable=False),
    Column("value", Text, nullable=False),
    Column("valid_from", Date),
    Column("valid_to", Date),
    Column("citation", Text),
    Column("recorded_at", TZ, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("external_id", Text),
    Column("url", Text),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("author", Text),
    Column("published", TZ, index=True),
    Column("collected_at", TZ, nullable=False),
    Column("language_hint", String(8)),
    Column("platform", String(40)),
    Column("synthetic", Boolean, nullable=False, server_default=false()),
    Column("origin", Text, nullable=False),
    Column("raw", Text, nullable=False),
    Column("raw_format", String(20), nullable=False),
    Column("language", String(8), index=True),
    Column("norm_title", Text),
    Column("norm_text", Text),
    Column("search_text", Text),
    Column("cluster_id", String(32), index=True),
    Column("similarity", Float),
    Column("processed_version", String(40), index=True),
    Column("processed_at", TZ),
)

sentences = Table(
    "sentences",
    metadata,
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

doc_minhash = Table(
    "doc_minhash",
    metadata,
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), primary_key=True),
    Column("day", Integer, nullable=False),
    Column("signature", LargeBinary, nullable=False),
)

lsh_buckets = Table(
    "lsh_buckets",
    metadata,
    Column("period", Integer, primary_key=True, autoincrement=False),
    Column("key", BigInteger, primary_key=True, autoincrement=False),
    Column("day", Integer, primary_key=True, autoincrement=False),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), primary_key=True, autoincrement=False),
    sqlite_with_rowid=False,
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("stage", String(20), nullable=False),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("raw", Text, nullable=False),
    Column("created_at", TZ, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("country", String(3)),
    Column("sector", String(40)),
    Column("origin", String(20), nullable=False, server_default="registry"),
    Column("data", Text),
)

actor_merges = Table(
    "actor_merges",
    metadata,
    Column("source_id", String(64), primary_key=True),
    Column("target_id", String(64), nullable=False),
    Column("analyst", Text, nullable=False),
    Column("note", Text),
    Column("created_at", TZ, nullable=False),
)

actor_relations = Table(
    "actor_relations",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("source_id", String(64), nullable=False),
    Column("relation", String(20), nullable=False),
    Column("target_id", String(64), nullable=False),
    Column("status", String(12), nullable=False),
    Column("citation", Text, nullable=False),
    Column("valid_from", Date),
    Column("valid_to", Date),
    Column("note", Text),
)

actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("actor_id", String(64), ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("language", String(8)),
    UniqueConstraint("actor_id", "alias", "language"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("sentence_idx", Integer, nullable=False),
    Column("actor_id", String(64), ForeignKey("actors.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("surface", Text, nullable=False),
    Column("coder_version", String(40), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("origin", String(20), nullable=False, index=True),
    Column("status", String(20), nullable=False, server_default="active"),
    Column("event_date", Date, nullable=False, index=True),
    Column("date_note", Text),
    Column("actor1_code", String(3), nullable=False),
    Column("actor1_name", Text),
    Column("actor1_id", String(64)),
    Column("actor2_code", String(3)),
    Column("actor2_name", Text),
    Column("actor2_id", String(64)),
    Column("description", Text, nullable=False),
    Column("cameo_code", String(4)),
    Column("plover_category", String(20)),
    Column("plover_mode", String(40)),
    Column("goldstein", Float),
    Column("quad_class", Integer),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="SET NULL"), index=True),
    Column("sentence_idx", Integer),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("coder_version", String(40)),
    Column("source_urls", Text, nullable=False, server_default="[]"),
    Column("external_id", Text),
    Column("input_origin", Text, nullable=False),
    Column("raw", Text, nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("language", String(8)),
    Column("actor1_body", String(64)),
    Column("actor1_sector", String(40)),
    Column("actor2_body", String(64)),
    Column("actor2_sector", String(40)),
    Column("actor1_start", Integer),
    Column("actor1_end", Integer),
    Column("actor2_start", Integer),
    Column("actor2_end", Integer),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("confidence", Float),
    Column("summary", Text),
    Column("flags", Text, nullable=False, server_default="[]"),
    Column("coder", String(40)),
    Column("known_date", Date),
    Column("tone", Float),
    Index("ix_events_dyad_date", "actor1_code", "actor2_code", "event_date"),
)

overrides = Table(
    "overrides",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), nullable=False, index=True),
    Column("action", String(20), nullable=False),
    Column("field", String(40)),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("analyst", Text, nullable=False),
    Column("note", Text),
    Column("created_at", TZ, nullable=False),
)

notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target_kind", String(20), nullable=False),
    Column("target_id", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("created_at", TZ, nullable=False),
    Index("ix_notes_target", "target_kind", "target_id"),
)

collect_state = Table(
    "collect_state",
    metadata,
    Column("source_key", String(300), primary_key=True),
    Column("cursor", Text, nullable=False),
    Column("updated_at", TZ, nullable=False),
)

gdelt_mentions = Table(
    "gdelt_mentions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("global_event_id", String(40), nullable=False, index=True),
    Column("mention_time", TZ, nullable=False),
    Column("source_name", Text),
    Column("url", Text, nullable=False),
    Column("confidence", Integer, nullable=False),
    Column("doc_tone", Float, nullable=False),
    Column("input_origin", Text, nullable=False),
)

gkg_tone = Table(
    "gkg_tone",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("document_url", Text, nullable=False),
    Column("date", TZ, nullable=False, index=True),
    Column("tone", Float, nullable=False),
    Column("positive", Float, nullable=False),
    Column("negative", Float, nullable=False),
    Column("polarity", Float, nullable=False),
    Column("activity_density", Float, nullable=False),
    Column("word_count", Integer, nullable=False),
    Column("input_origin", Text, nullable=False),
)

context_series = Table(
    "context_series",
    metadata,
    Column("dyad", String(7), primary_key=True),
    Column("name", String(80), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("value", Float, nullable=False),
    Column("unit", Text),
    Column("citation", Text),
    Column("input_origin", Text, nullable=False),
    Column("created_at", TZ, nullable=False),
)

phases = Table(
    "phases",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("dyad", String(7), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date, nullable=False),
    Column("frozen", Boolean, nullable=False),
    Column("data", Text, nullable=False),
    Column("computed_at", TZ, nullable=False),
    Index("ix_phases_dyad_start", "dyad", "start"),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("rule", String(80), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("dyad", String(7), nullable=False),
    Column("day", Date, nullable=False),
    Column("message", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("delivered_at", TZ),
    Column("failures", Text, nullable=False, server_default="[]"),
)

narratives = Table(
    "narratives",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("phrases", Text, nullable=False),
    Column("origin", String(20), nullable=False),
    Column("created_at", TZ, nullable=False),
)

doc_narratives = Table(
    "doc_narratives",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("narrative_id", String(64), nullable=False, index=True),
    Column("sentence_idx", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("phrase", Text, nullable=False),
)

doc_tone = Table(
    "doc_tone",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False, index=True),
    Column("about", String(3), nullable=False),
    Column("score", Float, nullable=False),
    Column("hostile", Float, nullable=False),
    Column("warm", Float, nullable=False),
    Column("sentences", Integer, nullable=False),
    Column("words", Text, nullable=False),
)

assessments = Table(
    "assessments",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("question", Text, nullable=False),
    Column("dyad", String(7), nullable=False),
    Column("yaml", Text, nullable=False),
    Column("updated_at", TZ, nullable=False),
)

forecasts = Table(
    "forecasts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("assessment_id", String(64)),
    Column("question", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("created", Date, nullable=False),
    Column("deadline", Date, nullable=False),
    Column("resolved", Date),
    Column("outcome", Boolean),
)

forecast_log = Table(
    "forecast_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("forecast_id", String(64), nullable=False, index=True),
    Column("action", String(10), nullable=False),
    Column("day", Date, nullable=False),
    Column("probability", Float),
    Column("confidence", String(10)),
    Column("analyst", Text, nullable=False),
    Column("note", Text),
    Column("recorded_at", TZ, nullable=False),
)
