"""Reading input files into the store in committed batches; bad items are quarantined."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from sqlalchemy import Engine

from .errors import DyadwatchError
from .models import CuratedEvent, Document, GdeltEvent, GdeltMention, GkgTone, Quarantined
from .sources import iter_input_files, read_documents
from .sources.events_file import read_events
from .sources.gdelt import read_gdelt_events
from .store.lock import writer_lock
from .store.writer import insert_curated_events, insert_documents, insert_gdelt_events, insert_quarantined

EXIT_OK = 0
EXIT_NOTHING_READ = 2
EXIT_SOME_QUARANTINED = 3

Item = Document | CuratedEvent | GdeltEvent | GdeltMention | GkgTone
"""What readers yield besides Quarantined items, and inserters store."""
ProgressCallback = Callable[[Path, int], None]


@dataclass
class FileReport:
    path: str
    new: int = 0
    duplicate: int = 0
    quarantined: int = 0


@dataclass
class IngestReport:
    """What a run read, per file and in total; `exit_code` follows the documented convention."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def new(self) -> int:
        return sum(f.new for f in self.files)

    @property
    def duplicate(self) -> int:
        return sum(f.duplicate for f in self.files)

    @property
    def quarantined(self) -> int:
        return sum(f.quarantined for f in self.files)

    @property
    def exit_code(self) -> int:
        if self.new + self.duplicate == 0:
            return EXIT_NOTHING_READ
        return EXIT_SOME_QUARANTINED if self.quarantined else EXIT_OK

    def as_dict(self) -> dict[str, object]:
        return {
            "new": self.new,
            "duplicate": self.duplicate,
            "quarantined": self.quarantined,
            "exit_code": self.exit_code,
            "files": [vars(f) for f in self.files],
        }


def ingest_paths(
    engine: Engine,
    paths: Sequence[Path],
    *,
    fmt: str = "auto",
    source: str | None = None,
    synthetic: bool = False,
    batch_size: int = 1000,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Store every document found under `paths`; each batch commits on its own."""

    def read(path: Path) -> Iterator[Document | Quarantined]:
        return read_documents(path, fmt, source=source, synthetic=synthetic)

    return _load(engine, paths, read, insert_documents, batch_size, progress, stage="ingest")


def import_events(
    engine: Engine, paths: Sequence[Path], *, batch_size: int = 1000, progress: ProgressCallback | None = None
) -> IngestReport:
    """Store an analyst's curated events (origin = analyst)."""
    return _load(engine, paths, read_events, insert_curated_events, batch_size, progress, stage="events")


def _load(
    engine: Engine,
    paths: Sequence[Path],
    read: Callable[[Path], Iterable[Item | Quarantined]],
    insert: Callable[..., tuple[int, int]],
    batch_size: int,
    progress: ProgressCallback | None,
    *,
    stage: str,
) -> IngestReport:
    report = IngestReport()
    with writer_lock(engine):
        for path in _files(paths):
            file_report = FileReport(str(path))
            report.files.append(file_report)
            store_results(engine, _safe(read, path, stage), insert, file_report, batch_size,
                          partial(progress, path) if progress else None)
    return report


def store_results(
    engine: Engine,
    results: Iterable[Item | Quarantined],
    insert: Callable[..., tuple[int, int]],
    report: FileReport,
    batch_size: int = 1000,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Store read items and quarantined ones, one transaction per batch, counting into `report`.

    The caller holds the writer lock.
    """
    for items, bad in _chunks(results, batch_size):
        with engine.begin() as connection:
            new, duplicate = insert(connection, items) if items else (0, 0)
            insert_quarantined(connection, bad)
        report.new += new
        report.duplicate += duplicate
        report.quarantined += len(bad)
        if progress:
            progress(len(items) + len(bad))


def _files(paths: Sequence[Path]) -> Iterator[Path]:
    for path in paths:
        if path.exists():
            yield from iter_input_files([path])
        else:
            yield path


def _safe(
    read: Callable[[Path], Iterable[Item | Quarantined]], path: Path, stage: str
) -> Iterator[Item | Quarantined]:
    """A reader's output, quarantined items tagged with the stage; an unreadable file becomes one item."""
    if not path.exists():
        yield Quarantined(origin=str(path), reason="no such file or folder", raw="", stage=stage)
        return
    try:
        for result in read(path):
            yield replace(result, stage=stage) if isinstance(result, Quarantined) else result
    except (DyadwatchError, OSError) as exc:
        message = exc.message if isinstance(exc, DyadwatchError) else f"cannot read the file: {exc.strerror or exc}"
        yield Quarantined(origin=str(path), reason=message, raw="", stage=stage)


def _chunks(
    results: Iterable[Item | Quarantined], size: int
) -> Iterator[tuple[list[Item], list[Quarantined]]]:
    items: list[Item] = []
    bad: list[Quarantined] = []
    for result in results:
        (bad if isinstance(result, Quarantined) else items).append(result)  # type: ignore[arg-type]
        if len(items) + len(bad) >= size:
            yield items, bad
            items, bad = [], []
    if items or bad:
        yield items, bad


def import_gdelt(
    engine: Engine, paths: Sequence[Path], *, batch_size: int = 1000, progress: ProgressCallback | None = None
) -> IngestReport:
    """Store the events of GDELT event files (1.0 or 2.0 layout, origin = gdelt)."""
    return _load(engine, paths, read_gdelt_events, insert_gdelt_events, batch_size, progress, stage="gdelt")
