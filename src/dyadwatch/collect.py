"""`dyadwatch collect`: pull every source configured in the workspace, each on its own.

A source is one `[[sources]]` table of dyadwatch.toml with a `kind` and where to find it
(`path`, relative to the workspace, or `url`). Each kind maps to a reader of Documents or
events; a source that fails (network error, missing file, forbidden address) is reported
with its reason and the others go on. Re-collecting is idempotent: every item's id is a
content hash, so what is already stored is counted as a duplicate and left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from .errors import ConfigError, DyadwatchError
from .ingest import FileReport, store_results
from .models import CuratedEvent, Document, GdeltEvent, GdeltMention, GkgTone, Quarantined
from .net import Fetcher, FetchPolicy
from .registry import Registry
from .sources import iter_input_files, read_documents
from .sources.events_file import read_events
from .sources.feeds import read_feed_url
from .sources.gdelt import read_gdelt_events, read_gdelt_mentions, read_gkg_tone
from .sources.pages import fetch_pages, read_url_list
from .sources.telegram_live import load_credentials, read_channel, telethon_client_factory
from .store.cursors import get_cursor, set_cursor
from .store.lock import writer_lock
from .store.writer import (
    insert_curated_events,
    insert_documents,
    insert_gdelt_events,
    insert_gdelt_mentions,
    insert_gkg_tone,
)

Results = Iterable[Document | CuratedEvent | GdeltEvent | GdeltMention | GkgTone | Quarantined]


@dataclass
class Cursor:
    """Where a source's reading stopped: loaded before a run, saved after its items are committed."""

    value: str | None = None


@dataclass(frozen=True)
class SourceSpec:
    """One configured source."""

    kind: str
    label: str
    root: Path
    options: Mapping[str, Any]
    cursor: Cursor = field(default_factory=Cursor)

    @property
    def key(self) -> str:
        """Stable name of the source for its cursor: kind plus what it reads."""
        where = self.options.get("channel") or self.options.get("url") or self.options.get("path") or self.label
        return f"{self.kind}:{where}"

    @property
    def path(self) -> Path:
        value = self.options.get("path")
        if not value:
            raise ConfigError(f"source {self.label!r} ({self.kind}) needs a 'path'.")
        path = Path(str(value))
        return path if path.is_absolute() else self.root / path

    @property
    def source_name(self) -> str | None:
        name = self.options.get("name")
        return str(name) if name else None

    @property
    def synthetic(self) -> bool:
        return bool(self.options.get("synthetic", False))


@dataclass(frozen=True)
class Kind:
    """How one kind of source is read and stored: items read and inserted, or a loader that stores itself."""

    read: Callable[[SourceSpec], Results] | None = None
    insert: Callable[..., tuple[int, int]] | None = None
    stage: str = "collect"
    load: Callable[[SourceSpec, Engine], tuple[int, int, int]] | None = None


@dataclass
class SourceReport(FileReport):
    kind: str = ""
    failed: str | None = None


@dataclass
class CollectReport:
    sources: list[SourceReport] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 all sources read cleanly, 3 some items quarantined or sources failed, 2 every source failed."""
        if self.sources and all(s.failed for s in self.sources):
            return 2
        return 3 if any(s.failed or s.quarantined for s in self.sources) else 0

    def as_dict(self) -> dict[str, object]:
        return {"exit_code": self.exit_code, "sources": [vars(s) for s in self.sources]}


def _local_documents(fmt: str) -> Callable[[SourceSpec], Results]:
    def read(spec: SourceSpec) -> Iterator[Document | Quarantined]:
        for path in iter_input_files([spec.path]):
            yield from read_documents(path, fmt, source=spec.source_name, synthetic=spec.synthetic)

    return read


def _registry_file(spec: SourceSpec, engine: Engine) -> tuple[int, int, int]:
    """A registry file (CSV or JSONL of sources and their dated facts) kept with the workspace.

    The registry stores it and quarantines the rows it rejects; returns (new facts, unchanged, rejected).
    """
    report = Registry(engine).import_file(spec.path)
    return report.new_facts, report.unchanged, report.quarantined


def _actor_file(spec: SourceSpec, engine: Engine) -> tuple[int, int, int]:
    """The workspace's own actors and relations (YAML or CSV); returns (actors, relations, 0)."""
    from .analyst import import_actors

    actors, relations = import_actors(engine, spec.path)
    return actors, relations, 0


def _context_file(spec: SourceSpec, engine: Engine) -> tuple[int, int, int]:
    """Context series beside the ledger (CSV); `dyad`, `name`, `unit` and `source` apply to rows without them."""
    from .ledger.service import import_context

    options = {key: str(spec.options[key]) for key in ("dyad", "name", "unit") if spec.options.get(key)}
    source = spec.options.get("source")
    report = import_context(engine, spec.path, citation=str(source) if source else None, **options)
    return report.new + report.updated, report.unchanged, report.quarantined


def _assessment_file(spec: SourceSpec, engine: Engine) -> tuple[int, int, int]:
    """An assessment kept as YAML beside the workspace; returns (1, 0, 0) when stored anew, else (0, 1, 0)."""
    from .assess.service import import_assessment

    _, changed = import_assessment(engine, spec.path)
    return int(changed), int(not changed), 0


def _each_file(read: Callable[[Path], Iterable[Any]]) -> Callable[[SourceSpec], Results]:
    """A reader of every file under the source's path."""

    def read_all(spec: SourceSpec) -> Iterator[Any]:
        for path in iter_input_files([spec.path]):
            yield from read(path)

    return read_all


def _fetcher(spec: SourceSpec) -> Fetcher:
    return Fetcher(FetchPolicy(allow_private=bool(spec.options.get("allow_private", False))))


def _feed(spec: SourceSpec) -> Iterator[Any]:
    """A feed by `url` (fetched, entry links followed when `full_text = true`) or by local `path`."""
    url = spec.options.get("url")
    if not url:
        yield from _local_documents("feed")(spec)
        return
    with _fetcher(spec) as fetcher:
        yield from read_feed_url(str(url), fetcher, source=spec.source_name, synthetic=spec.synthetic,
                                 full_text=bool(spec.options.get("full_text", False)))


def _url_list(spec: SourceSpec) -> Iterator[Document | Quarantined]:
    """Every page of a URL list file, fetched and extracted."""
    urls = read_url_list(spec.path)
    with _fetcher(spec) as fetcher:
        yield from fetch_pages(urls, fetcher, source=spec.source_name, synthetic=spec.synthetic)


def _telegram_channel(spec: SourceSpec) -> Iterable[Document | Quarantined]:
    """A live channel through Telethon, with the user's own credentials (see sources/telegram_live.py)."""
    channel = spec.options.get("channel")
    if not channel:
        raise ConfigError(f"source {spec.label!r} (telegram) needs a 'channel', e.g. channel = \"@name\".")
    return _read_channel_from(spec, telethon_client_factory(load_credentials(spec.root)), str(channel))


def _read_channel_from(spec: SourceSpec, client_factory: Any, channel: str) -> Iterator[Document | Quarantined]:
    """Messages newer than the source's cursor; the cursor follows the newest message id read."""
    limit = spec.options.get("limit")
    since = int(spec.cursor.value) if spec.cursor.value else None
    for result in read_channel(client_factory, channel, since_id=since, limit=int(limit) if limit else None,
                               source=spec.source_name, synthetic=spec.synthetic):
        if isinstance(result, Document) and result.external_id:
            newest = int(result.external_id.rsplit("/", 1)[-1])
            spec.cursor.value = str(max(newest, int(spec.cursor.value or 0)))
        yield result


KINDS: dict[str, Kind] = {
    "registry": Kind(load=_registry_file),
    "actors": Kind(load=_actor_file),
    "context": Kind(load=_context_file),
    "assessment": Kind(load=_assessment_file),
    "files": Kind(_local_documents("auto"), insert_documents),
    "telegram-export": Kind(_local_documents("telegram"), insert_documents),
    "jsonl": Kind(_local_documents("jsonl"), insert_documents),
    "csv": Kind(_local_documents("csv"), insert_documents),
    "html": Kind(_local_documents("html"), insert_documents),
    "feed": Kind(_feed, insert_documents),
    "urls": Kind(_url_list, insert_documents),
    "telegram": Kind(_telegram_channel, insert_documents),
    "events": Kind(_each_file(read_events), insert_curated_events, stage="events"),
    "gdelt-events": Kind(_each_file(read_gdelt_events), insert_gdelt_events, stage="gdelt"),
    "gdelt-mentions": Kind(_each_file(read_gdelt_mentions), insert_gdelt_mentions, stage="gdelt"),
    "gdelt-gkg": Kind(_each_file(read_gkg_tone), insert_gkg_tone, stage="gdelt"),
}


def source_specs(root: Path, entries: Iterable[Mapping[str, Any]]) -> list[SourceSpec]:
    """The workspace's `[[sources]]` entries, checked for a known kind."""
    specs = []
    for number, entry in enumerate(entries, start=1):
        kind = str(entry.get("kind", ""))
        if kind not in KINDS:
            raise ConfigError(
                f"[[sources]] entry {number} has kind {kind!r}; known kinds: {', '.join(sorted(KINDS))}."
            )
        label = str(entry.get("name") or entry.get("path") or entry.get("url") or f"{kind} #{number}")
        specs.append(SourceSpec(kind=kind, label=label, root=root, options=dict(entry)))
    return specs


def collect(
    engine: Engine,
    specs: Iterable[SourceSpec],
    *,
    progress: Callable[[str, int], None] | None = None,
) -> CollectReport:
    """Read every source in turn; a failing source is reported and the others go on."""
    report = CollectReport()
    with writer_lock(engine):
        for spec in specs:
            kind = KINDS[spec.kind]
            source_report = SourceReport(path=spec.label, kind=spec.kind)
            report.sources.append(source_report)
            tick = (lambda n, label=spec.label: progress(label, n)) if progress else None
            spec.cursor.value = get_cursor(engine, spec.key)
            start = spec.cursor.value
            try:
                if kind.load is not None:
                    source_report.new, source_report.duplicate, source_report.quarantined = kind.load(spec, engine)
                elif kind.read is not None and kind.insert is not None:
                    store_results(engine, _tagged(kind.read(spec), kind.stage), kind.insert, source_report, progress=tick)
            except (DyadwatchError, OSError) as exc:
                source_report.failed = exc.message if isinstance(exc, DyadwatchError) else str(exc)
            if source_report.failed is None and spec.cursor.value not in (None, start):
                set_cursor(engine, spec.key, str(spec.cursor.value))
    return report


def _tagged(results: Results, stage: str) -> Iterator[Document | CuratedEvent | GdeltEvent | GdeltMention | GkgTone | Quarantined]:
    for result in results:
        yield Quarantined(result.origin, result.reason, result.raw, stage) if isinstance(result, Quarantined) else result
