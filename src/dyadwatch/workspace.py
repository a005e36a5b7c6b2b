"""The Python API: a workspace whose read methods return pandas DataFrames."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, func, select

from .actors.discovery import Candidate, DocText, find_unknown, group_known
from .actors.registry import ActorRegistry
from .alerts.runner import AlertRun, alerts_frame, run_alerts
from .assess import service as assess_service
from .assess.ach import AchResult
from .assess.model import Assessment as AssessmentFile
from .assess.service import CheckedItem, Flag
from .coding import CodingOptions
from .coding.corroboration import add_corroboration, stories
from .collect import CollectReport, collect, source_specs
from .config import (
    DEFAULT_DATABASE,
    DEFAULT_LANGUAGES,
    WorkspaceConfig,
    find_workspace,
    load_config,
    parse_dyad,
    write_new_config,
)
from .coordination import service as coordination_service
from .coordination.combine import Assessment
from .errors import QueryError, UnknownEvent
from .ingest import IngestReport, import_events, import_gdelt, ingest_paths
from .ledger import Window
from .ledger import service as ledger_service
from .ledger.context import ContextReport
from .ledger.model import Coincidence, Phase
from .ledger.phase_store import phases_frame
from .narratives import Narrative, parse_narratives, read_narrative_file
from .narratives.counts import frame_rows, narrative_counts
from .narratives.stored import store_narratives, workspace_narratives
from .pipeline import PipelineSettings
from .process import ProcessReport, count_pending, mark_all_pending, process_pending
from .registry import Registry
from .store import queries
from .store.coded import workspace_registry
from .store.engine import check_connection, make_engine
from .store.event_queries import EVENT_COLUMNS, EventFilter, event_detail, list_events
from .store.lock import writer_lock
from .store.migrate import upgrade
from .store.schema import doc_narratives, doc_tone, documents, mentions, quarantine, sentences, sources
from .text.search_keys import query_alternatives

_DOC_ID = re.compile(r"^[0-9a-f]{4,32}$")
_POSITION = re.compile(r"^(line|row) \d+[^:]*: ")


class Workspace:
    """A folder with dyadwatch.toml and the database it names."""

    def __init__(self, config: WorkspaceConfig, engine: Engine) -> None:
        self.config = config
        self.engine = engine

    @property
    def root(self) -> Path:
        return self.config.root

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def ingest(self, paths: Sequence[Path | str], **options: Any) -> IngestReport:
        """Read documents from files or folders (JSONL, CSV, HTML); see `ingest_paths` for options."""
        return ingest_paths(self.engine, [Path(p) for p in paths], **options)

    def collect(self, **options: Any) -> CollectReport:
        """Read every source configured under [[sources]] in dyadwatch.toml."""
        return collect(self.engine, source_specs(self.root, self.config.sources), **options)

    def import_events(self, paths: Sequence[Path | str], **options: Any) -> IngestReport:
        """Store an analyst's event lists (JSONL or CSV; origin = analyst)."""
        return import_events(self.engine, [Path(p) for p in paths], **options)

    def import_gdelt(self, paths: Sequence[Path | str], **options: Any) -> IngestReport:
        """Store the events of GDELT 1.0 or 2.0 event exports (origin = gdelt)."""
        return import_gdelt(self.engine, [Path(p) for p in paths], **options)

    def pipeline_settings(self) -> PipelineSettings:
        return PipelineSettings(
            languages=self.config.languages, dedup=self.config.dedup, registry=self.actor_registry(),
            coding=CodingOptions(ethnic_targets=self.config.ethnic_targets), coder=self.config.coder,
            narratives=self.narrative_set(), tone_overrides=self.root,
        )

    def narrative_set(self) -> tuple[Narrative, ...]:
        """The narratives the pipeline looks for: the package's and this workspace's own."""
        with self.engine.connect() as connection:
            return workspace_narratives(connection)

    def actor_registry(self) -> ActorRegistry:
        """The package's actors plus this workspace's own, with merges applied."""
        with self.engine.connect() as connection:
            return workspace_registry(connection)

    def pending(self) -> int:
        """How many documents the pipeline has not processed yet."""
        return count_pending(self.engine, self.pipeline_settings().version)

    def reset_processing(self) -> None:
        """Make every document due for processing again (after a pipeline or settings change)."""
        with writer_lock(self.engine):
            mark_all_pending(self.engine)

    def process(self, *, again: bool = False, **options: Any) -> ProcessReport:
        """Run the pipeline over what is new (everything with `again=True`)."""
        if again:
            self.reset_processing()
        return process_pending(self.engine, self.pipeline_settings(), **options)

    def document_records(self, flt: queries.DocFilter | None = None) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return queries.list_documents(connection, flt or queries.DocFilter())

    def search_records(self, query: str, flt: queries.DocFilter | None = None) -> list[dict[str, Any]]:
        alternatives = query_alternatives(query, self.config.languages)
        with self.engine.connect() as connection:
            return queries.search_documents(connection, alternatives, flt or queries.DocFilter())

    def document(self, ident: str) -> dict[str, Any] | None:
        """One document with its sentences, by id or a unique id prefix of 4+ characters."""
        if not _DOC_ID.match(ident):
            return None
        with self.engine.connect() as connection:
            return queries.document_detail(connection, ident)

    def quarantine_records(self, stage: str | None = None) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return queries.list_quarantine(connection, stage)

    def event_records(self, origin: str | None = None) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return queries.list_events(connection, origin)

    def documents(self, **filters: Any) -> pd.DataFrame:
        """Documents as a DataFrame; filters: language, source, since, until, cluster, limit (None = all)."""
        return _frame(self.document_records(queries.DocFilter(**{"limit": None, **filters})))

    def search(self, query: str, **filters: Any) -> pd.DataFrame:
        """Inflection-aware full-text search; same filters as `documents`."""
        return _frame(self.search_records(query, queries.DocFilter(**{"limit": None, **filters})))

    def quarantine(self, stage: str | None = None) -> pd.DataFrame:
        return _frame(self.quarantine_records(stage))

    def sources(self, as_of: date | None = None) -> pd.DataFrame:
        """The source registry: each source's facts as they stood on `as_of` (default: now) and its document count."""
        return _frame(Registry(self.engine).table(as_of))

    def events(
        self,
        origin: str | None = None,
        *,
        dyad: str | None = None,
        body: str | None = None,
        since: date | None = None,
        until: date | None = None,
        include_rejected: bool = False,
    ) -> pd.DataFrame:
        """Events as a DataFrame with corroboration columns.

        ``dyad="RUS-AZE"`` keeps both directions, ``dyad="RUS:AZE"`` only RUS acting on AZE;
        ``body`` keeps events where that body (or actor id) acts or is targeted.
        """
        flt = EventFilter(
            dyad=_dyad_filter(dyad) if dyad else None, body=body, origin=origin, since=since, until=until,
            include_rejected=include_rejected,
        )
        with self.engine.connect() as connection:
            records = list_events(connection, flt)
        frame = pd.DataFrame(records, columns=[*EVENT_COLUMNS, "doc_id", "doc_cluster", "doc_url", "source_name"])
        owners = {row["name"]: row.get("owner_group") for row in Registry(self.engine).table()}
        return add_corroboration(frame, owners)

    def stories(self, **filters: Any) -> pd.DataFrame:
        """One row per story (events collapsed over copies and outlets), most corroborated first."""
        return stories(self.events(**filters))

    def event(self, event_id: str) -> dict[str, Any]:
        """One event with its document, sentence spans and override log."""
        with self.engine.connect() as connection:
            detail = event_detail(connection, event_id)
        if detail is None:
            raise UnknownEvent(f"no event {event_id!r}; `dyadwatch events --format json` lists ids")
        return detail

    def unknown_actors(self, language: str | None = None, limit: int = 2000, min_count: int = 2) -> list[Candidate]:
        """Names in stored documents that no registry actor matches, most frequent first."""
        query = (select(documents.c.pk, documents.c.id, documents.c.language, documents.c.norm_text)
                 .where(documents.c.norm_text.is_not(None)).order_by(documents.c.pk).limit(limit))
        if language:
            query = query.where(documents.c.language == language)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
            pks = [r.pk for r in rows]
            known = group_known(connection.execute(
                select(mentions.c.doc_pk, mentions.c.start, mentions.c.end).where(mentions.c.doc_pk.in_(pks))).all())
            spans: dict[int, list[tuple[int, int]]] = {}
            for pk, start, end in connection.execute(
                    select(sentences.c.doc_pk, sentences.c.start, sentences.c.end).where(sentences.c.doc_pk.in_(pks))):
                spans.setdefault(pk, []).append((start, end))
        docs = (DocText(r.id, r.language or "", r.norm_text, tuple(spans.get(r.pk, ())), known.get(r.pk, ()))
                for r in rows)
        return find_unknown(docs, min_count)

    def actors(self) -> pd.DataFrame:
        """The actor registry in use (the package's and this workspace's), one row per actor."""
        return self.actor_registry().frame()

    def ledger(self, dyads: str | Sequence[str], *, freq: str = "D", by: str = "dyad", since: date | None = None,
               until: date | None = None, as_of: date | None = None, origin: str | None = None) -> pd.DataFrame:
        """The dyad ledger: one row per directed dyad (and acting body with ``by="body"``) and period."""
        window = Window(since=_as_date(since), until=_as_date(until), as_of=_as_date(as_of), origin=origin)
        names = [dyads] if isinstance(dyads, str) else list(dyads)
        return ledger_service.ledger(self.engine, names, window, freq=freq, by_body=by == "body")

    def import_context(self, path: Path | str, **options: Any) -> ContextReport:
        """Store a CSV of dated values (trade, flights, ...) to show beside a dyad's ledger."""
        return ledger_service.import_context(self.engine, Path(path), **options)

    def context(self, dyad: str | None = None) -> pd.DataFrame:
        """Stored context series values."""
        return ledger_service.context_table(self.engine, dyad)

    def phase_list(self, dyad: str, *, since: date | None = None, until: date | None = None,
                   as_of: date | None = None, recompute: bool = False) -> list[Phase]:
        """Escalation phases (stored and updated; from scratch with ``as_of`` or ``until``)."""
        window = Window(since=_as_date(since), until=_as_date(until), as_of=_as_date(as_of))
        return ledger_service.phases(self.engine, dyad, window, recompute=recompute)

    def phases(self, dyad: str, **options: Any) -> pd.DataFrame:
        """`phase_list` as a DataFrame."""
        return phases_frame(self.phase_list(dyad, **options))

    def coincidences(self, dyad: str, with_: str, *, window: int = 2, since: date | None = None,
                     until: date | None = None, as_of: date | None = None) -> Coincidence:
        """Does ``dyad``'s conflict follow ``with_``'s within ``window`` days more often than chance?"""
        period = Window(since=_as_date(since), until=_as_date(until), as_of=_as_date(as_of))
        return ledger_service.coincidences(self.engine, dyad, with_, period, days=window)

    def coincidence_scan(self, *, window: int = 2, since: date | None = None, until: date | None = None,
                         as_of: date | None = None) -> list[Coincidence]:
        """Every related pair of the workspace's dyads (both directions), with q-values."""
        period = Window(since=_as_date(since), until=_as_date(until), as_of=_as_date(as_of))
        dyads = ledger_service.watched_directions((*self.config.dyads, *self.config.related_dyads))
        return ledger_service.coincidence_scan(self.engine, dyads, period, days=window)

    def coordination(self, dyad: str, *, since: date | None = None, until: date | None = None,
                     as_of: date | None = None, window_minutes: float = 120) -> Assessment:
        """Deliberate or spontaneous: the coordination assessment of the documents about ``dyad`` in the period."""
        period = Window(since=_as_date(since), until=_as_date(until), as_of=_as_date(as_of))
        return coordination_service.coordination(self.engine, dyad, period, window_minutes=window_minutes)

    def import_assessment(self, path: Path | str) -> tuple[AssessmentFile, bool]:
        """Store an assessment YAML file (replacing one of its id); returns it and whether anything changed."""
        return assess_service.import_assessment(self.engine, Path(path))

    def assessment(self, ident: str) -> AssessmentFile:
        return assess_service.load_assessment(self.engine, ident)

    def assessments(self) -> list[dict[str, Any]]:
        return assess_service.list_assessments(self.engine)

    def ach(self, ident: str, *, as_of: date | None = None) -> AchResult:
        """The ACH scores of an assessment, with only the evidence known by ``as_of``."""
        return assess_service.score(self.engine, self.assessment(ident), as_of=_as_date(as_of))

    def check_assessment(self, ident: str, *, as_of: date | None = None) -> list[CheckedItem]:
        """Observables and premises checked against the record as known by ``as_of``."""
        return assess_service.check(self.engine, self.assessment(ident), as_of=_as_date(as_of))

    def review_assessment(self, ident: str, *, since: date | None = None) -> list[Flag]:
        """Observables whose check reads differently now than on ``since``: new evidence to review."""
        return assess_service.review(self.engine, self.assessment(ident), since=_as_date(since))

    def run_alerts(self, **options: Any) -> AlertRun:
        """Evaluate the [[alerts]] rules and deliver new alerts (see `alerts.runner`)."""
        return run_alerts(self.engine, self.config, **options)

    def alerts(self) -> pd.DataFrame:
        """Every alert fired so far."""
        return alerts_frame(self.engine)

    def narratives(self) -> pd.DataFrame:
        """The narratives in use, with their languages, phrase counts and how many documents carry each."""
        with self.engine.connect() as connection:
            carried: dict[str, int] = dict(connection.execute(
                select(doc_narratives.c.narrative_id, func.count(func.distinct(doc_narratives.c.doc_pk)))
                .group_by(doc_narratives.c.narrative_id)).all())
        return pd.DataFrame([
            {"id": n.id, "name": n.name, "description": n.description, "origin": n.origin,
             "languages": " ".join(sorted(n.phrases)), "phrases": sum(len(p) for p in n.phrases.values()),
             "documents": carried.get(n.id, 0)} for n in self.narrative_set()])

    def import_narratives(self, path: Path | str) -> tuple[int, int]:
        """Add or replace this workspace's narratives from a YAML or CSV file; returns (new, replaced)."""
        found = read_narrative_file(Path(path))
        with writer_lock(self.engine), self.engine.begin() as connection:
            return store_narratives(connection, found)

    def add_narrative(self, narrative: Narrative) -> tuple[int, int]:
        """Add or replace one narrative (checked like a file record)."""
        checked = parse_narratives("--phrase options", json.dumps([{
            "id": narrative.id, "name": narrative.name, "description": narrative.description,
            "phrases": {k: list(v) for k, v in narrative.phrases.items()}}], ensure_ascii=False))
        with writer_lock(self.engine), self.engine.begin() as connection:
            return store_narratives(connection, checked)

    def narrative_counts(self, **options: Any) -> pd.DataFrame:
        """Documents carrying each narrative per period and source country, ownership, owner group or source."""
        facts = ledger_service.source_facts_for(self.engine, Window())
        with self.engine.connect() as connection:
            return narrative_counts(connection, facts, **options)

    def tones(self, *, about: str | None = None, since: date | None = None,
              until: date | None = None) -> pd.DataFrame:
        """Directed tone of every stored document about each state it mentions, one row per (document, state)."""
        facts = ledger_service.source_facts_for(self.engine, Window())
        with self.engine.connect() as connection:
            frame = frame_rows(connection, doc_tone, since=_as_date(since), until=_as_date(until))
        frame["country"] = frame["source_id"].map(lambda s: facts.get(int(s), {}).get("country"))
        if about:
            frame = frame[frame["about"] == about.upper()]
        frame["words"] = frame["words"].map(json.loads)
        return frame.drop(columns=["id", "doc_pk", "source_id"]).reset_index(drop=True)

    def narrative_matches(self, *, narrative: str | None = None, since: date | None = None,
                          until: date | None = None) -> pd.DataFrame:
        """Every narrative phrase found, one row per match, with its document, source, sentence and span."""
        with self.engine.connect() as connection:
            frame = frame_rows(connection, doc_narratives, since=_as_date(since), until=_as_date(until))
        if narrative:
            frame = frame[frame["narrative_id"] == narrative]
        return frame.drop(columns=["id", "doc_pk", "source_id"]).reset_index(drop=True)

    def document_tone(self, ident: str) -> list[dict[str, Any]]:
        """A document's tone about each state it mentions, with the words (and their surface text)."""
        doc = self.document(ident)
        if doc is None:
            raise QueryError(f"No single document has the id or prefix {ident!r}. List ids with 'dyadwatch docs'.")
        text = doc.get("norm_text") or ""
        with self.engine.connect() as connection:
            rows = connection.execute(select(doc_tone).where(doc_tone.c.doc_pk == doc["pk"])
                                      .order_by(doc_tone.c.about)).mappings().all()
        out = []
        for row in rows:
            words = [{"term": t, "polarity": p, "weight": w, "start": a, "end": b, "negated": n,
                      "surface": text[a:b]} for t, p, w, a, b, n in json.loads(row["words"])]
            out.append({"about": row["about"], "score": round(row["score"], 4), "hostile": row["hostile"],
                        "warm": row["warm"], "sentences": row["sentences"], "words": words})
        return out

    def summary(self) -> dict[str, pd.DataFrame]:
        """Documents by language, source and month; near-duplicate clusters; quarantine by reason."""
        with self.engine.connect() as connection:
            docs = pd.DataFrame(
                connection.execute(
                    select(documents.c.id, documents.c.language, documents.c.published, documents.c.cluster_id,
                           documents.c.title, sources.c.name.label("source"))
                    .select_from(documents.join(sources, sources.c.id == documents.c.source_id))
                ).all(),
                columns=["id", "language", "published", "cluster", "title", "source"],
            )
            bad = pd.DataFrame(
                connection.execute(select(quarantine.c.stage, quarantine.c.reason, quarantine.c.origin)).all(),
                columns=["stage", "reason", "origin"],
            )
        return _summarise(docs, bad)


def _as_date(value: date | None) -> date | None:
    """Dates from the CLI arrive as datetimes."""
    return value.date() if isinstance(value, datetime) else value


def _frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame.from_records(records)


def _summarise(docs: pd.DataFrame, bad: pd.DataFrame) -> dict[str, pd.DataFrame]:
    docs = docs.assign(
        language=docs["language"].fillna("(pending)"),
        month=pd.to_datetime(docs["published"], utc=True).dt.strftime("%Y-%m").fillna("(no date)"),
    )
    sizes = docs.groupby("cluster")["id"].transform("size") if len(docs) else pd.Series(dtype=int)
    dupes = docs[sizes > 1] if len(docs) else docs
    clusters = (
        dupes.sort_values("published")
        .groupby("cluster")
        .agg(size=("id", "size"), sources=("source", lambda v: ", ".join(sorted(set(v)))), title=("title", "first"))
        .reset_index()
        .sort_values(["size", "cluster"], ascending=[False, True])
    )
    return {
        "by_language": _count(docs, "language"),
        "by_source": _count(docs, "source"),
        "by_month": _count(docs, "month").sort_values("month"),
        "clusters": clusters,
        "quarantine": _count(bad.assign(kind=bad["reason"].map(_reason_kind)), "stage", "kind")
        if len(bad) else pd.DataFrame(columns=["stage", "kind", "count"]),
    }


def _reason_kind(reason: str) -> str:
    """The kind of problem, without its position: "line 7: invalid JSON (column 3): …" → "invalid JSON"."""
    return _POSITION.sub("", reason).split(":")[0].split(" (")[0]


def _count(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    counted = frame.groupby(list(columns)).size().reset_index(name="count")
    return counted.sort_values(["count", *columns], ascending=[False, *[True] * len(columns)]).reset_index(drop=True)


def open_workspace(path: Path | str | None = None) -> Workspace:
    """Open a workspace (see `find_workspace` for the lookup order) and bring its schema up to date."""
    root = find_workspace(Path(path) if path is not None else None)
    config = load_config(root)
    engine = make_engine(config.database_url)
    check_connection(engine)
    upgrade(engine)
    return Workspace(config, engine)


def init_workspace(
    path: Path | str,
    *,
    database: str = DEFAULT_DATABASE,
    dyads: Sequence[str] = ("RUS-AZE",),
    languages: Sequence[str] = DEFAULT_LANGUAGES,
) -> Workspace:
    """Create dyadwatch.toml and the database in a folder, and open it."""
    root = Path(path)
    write_new_config(root, database=database, dyads=tuple(dyads), languages=tuple(languages))
    return open_workspace(root)


def _dyad_filter(text: str) -> tuple[str, str, bool]:
    """``A-B`` (both directions) or ``A:B`` (A acting on B)."""
    a, b = parse_dyad(text)
    return a, b, ":" in text
