"""Readers that turn input files into Documents, or Quarantined items for what cannot be read.

A new input kind is one module that defines a `READER` plus one line in `READERS`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from dyadwatch.errors import InputError, UnknownFormat
from dyadwatch.models import ReadResult
from dyadwatch.sources import csv_docs, feeds, html_page, jsonl, telegram_export
from dyadwatch.sources.items import ReadContext, Reader

__all__ = ["READERS", "ReadContext", "Reader", "detect_format", "iter_input_files", "read_documents"]

READERS: dict[str, Reader] = {
    "jsonl": jsonl.READER,
    "csv": csv_docs.READER,
    "html": html_page.READER,
    "telegram": telegram_export.READER,
    "feed": feeds.READER,
}


def detect_format(path: Path) -> str:
    """Format name for a file, from its suffix; a `.json` file is sniffed for a Telegram Desktop export."""
    suffix = path.suffix.lower()
    if suffix in telegram_export.READER.suffixes and telegram_export.looks_like_export(path):
        return "telegram"
    for name, reader in READERS.items():
        if suffix in reader.suffixes:
            return name
    raise UnknownFormat(
        f"cannot tell the format of {path} from its suffix {suffix or '(none)'!r}; "
        f"known formats: {_format_list()}; name one with --format"
    )


def read_documents(
    path: Path, fmt: str = "auto", *, source: str | None = None, synthetic: bool = False,
) -> Iterator[ReadResult]:
    """Documents of one input file, with a Quarantined in place of each item that cannot be read.

    An unknown format or a missing file raises at once; I/O errors while reading raise InputError.
    """
    reader = READERS[detect_format(path)] if fmt == "auto" else _reader(fmt)
    if not path.is_file():
        raise InputError(f"{path}: not a readable file")
    return _read(reader, path, ReadContext(source=source, synthetic=synthetic))


def _read(reader: Reader, path: Path, ctx: ReadContext) -> Iterator[ReadResult]:
    try:
        yield from reader(path, ctx)
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from error


def iter_input_files(paths: Sequence[Path]) -> Iterator[Path]:
    """The given files, and the files under the given directories in sorted order, hidden ones skipped."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            raise InputError(f"{path}: no such file or directory")


def _walk(root: Path) -> list[Path]:
    """Non-hidden files under root, outside hidden directories, sorted by their path below root."""
    found: list[Path] = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [d for d in subdirectories if not d.startswith(".")]
        found.extend(Path(directory) / name for name in files if not name.startswith("."))
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def _reader(fmt: str) -> Reader:
    if fmt not in READERS:
        raise UnknownFormat(f"unknown format {fmt!r}; known formats: {_format_list()}")
    return READERS[fmt]


def _format_list() -> str:
    return ", ".join(f"{name} ({', '.join(reader.suffixes)})" for name, reader in READERS.items())
