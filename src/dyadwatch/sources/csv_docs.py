"""CSV and TSV files with a header row, one document per row."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from dyadwatch.models import Quarantined, ReadResult
from dyadwatch.sources import limits
from dyadwatch.sources.items import TEXT_FIELDS, RawItem, ReadContext, Reader, document_from_item

RAW_FORMAT = "csv"
DELIMITERS = (",", ";", "\t")
"""Delimiters sniffed from the header line, in order of preference on a tie."""

HeaderCheck = Callable[[Sequence[str]], str | None]
"""Returns what is wrong with a header (lower-cased column names), or None."""


class _Oversize(Exception):
    """Raised through csv.reader when the record being read goes over the item cap."""


class _Feed:
    """Decoded physical lines for csv.reader, remembering the lines of the record being read."""

    def __init__(self, stream: BinaryIO) -> None:
        self._lines = limits.capped_lines(stream, limits.MAX_ITEM_BYTES)
        self._pushed_back: list[limits.Line] = []
        self.record: list[limits.Line] = []
        self.record_size = 0
        self.bad_byte: int | None = None

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        line = self._pushed_back.pop() if self._pushed_back else next(self._lines)
        self.record.append(line)
        self.record_size += line.size
        if line.oversize or self.record_size > limits.MAX_ITEM_BYTES:
            raise _Oversize
        try:
            return line.data.decode("utf-8")
        except UnicodeDecodeError as error:
            if self.bad_byte is None:
                self.bad_byte = line.offset + error.start
            return line.data.decode("utf-8", "surrogateescape")

    def peek(self) -> limits.Line | None:
        """The next physical line without consuming it."""
        if not self._pushed_back:
            line = next(self._lines, None)
            if line is None:
                return None
            self._pushed_back.append(line)
        return self._pushed_back[-1]

    def start_record(self) -> None:
        self.record = []
        self.record_size = 0
        self.bad_byte = None

    @property
    def record_raw(self) -> str:
        """The physical text of the record, clipped for quarantine."""
        return limits.clip_raw(b"".join(line.data for line in self.record), self.record_size)


def read_csv(path: Path, ctx: ReadContext) -> Iterator[ReadResult]:
    for item in iter_csv_items(path, require_text_column):
        yield item if isinstance(item, Quarantined) else document_from_item(item, path, RAW_FORMAT, ctx)


def require_text_column(header: Sequence[str]) -> str | None:
    if any(name in header for name in TEXT_FIELDS):
        return None
    return f"header has no text column (one of {', '.join(TEXT_FIELDS)}); it has: {', '.join(header)}"


def iter_csv_items(path: Path, check_header: HeaderCheck) -> Iterator[RawItem | Quarantined]:
    """Each data row of a CSV file as header → value, or quarantined; streams the file."""
    csv.field_size_limit(max(csv.field_size_limit(), limits.MAX_ITEM_BYTES + 2))
    with path.open("rb") as stream:
        feed = _Feed(stream)
        first = feed.peek()
        if first is None or first.size == 0:
            yield Quarantined(origin=str(path), reason="file is empty", raw="")
            return
        delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(first.data)
        yield from _items(path, feed, csv.reader(feed, delimiter=delimiter), check_header)


def sniff_delimiter(header_line: bytes) -> str:
    """The candidate delimiter seen most often in the header line; comma when none is."""
    counts = {d: header_line.count(d.encode()) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _items(path: Path, feed: _Feed, reader: Iterator[list[str]], check_header: HeaderCheck,
           ) -> Iterator[RawItem | Quarantined]:
    header: list[str] | None = None
    header_raw = ""
    row_number = 0
    while True:
        feed.start_record()
        try:
            row = next(reader)
        except StopIteration:
            break
        except (_Oversize, csv.Error) as error:
            if header is None:
                yield _file_problem(path, feed, f"header: {_describe(error, feed)}")
                return
            row_number += 1
            yield _row_problem(path, feed, row_number, _describe(error, feed))
            continue
        if not row:
            continue
        if header is None:
            header = [name.strip().lower() for name in row]
            header_raw = feed.record_raw
            problem = _header_problem(header, feed) or check_header(header)
            if problem:
                yield _file_problem(path, feed, problem)
                return
            continue
        row_number += 1
        yield _row(path, feed, row_number, header, row)
    if header is None:
        yield Quarantined(origin=str(path), reason="file contains only blank lines", raw="")
    elif row_number == 0:
        yield Quarantined(origin=str(path), reason="file has a header but no data rows", raw=header_raw)


def _describe(error: Exception, feed: _Feed) -> str:
    if isinstance(error, _Oversize):
        return limits.over_limit(feed.record_size, limits.MAX_ITEM_BYTES)
    return f"malformed CSV: {str(error).split(' - ')[0]}"


def _header_problem(header: list[str], feed: _Feed) -> str | None:
    if feed.bad_byte is not None:
        return f"header: invalid UTF-8 at byte {feed.bad_byte}"
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    return f"header repeats column {', '.join(map(repr, repeated))}" if repeated else None


def _row(path: Path, feed: _Feed, number: int, header: list[str], row: list[str]) -> RawItem | Quarantined:
    if feed.bad_byte is not None:
        return _row_problem(path, feed, number, f"invalid UTF-8 at byte {feed.bad_byte}")
    if len(row) != len(header):
        return _row_problem(path, feed, number, f"{len(row)} fields where the header has {len(header)}")
    fields = dict(zip(header, row, strict=True))
    raw = json.dumps(fields, ensure_ascii=False)
    return RawItem(origin=_origin(path, feed, number), where=f"row {number}", raw=raw, fields=fields)


def _origin(path: Path, feed: _Feed, number: int) -> str:
    return f"{path}:row {number} (line {feed.record[0].number})" if feed.record else f"{path}:row {number}"


def _row_problem(path: Path, feed: _Feed, number: int, problem: str) -> Quarantined:
    return Quarantined(origin=_origin(path, feed, number), reason=f"row {number}: {problem}", raw=feed.record_raw)


def _file_problem(path: Path, feed: _Feed, problem: str) -> Quarantined:
    return Quarantined(origin=str(path), reason=problem, raw=feed.record_raw)


READER = Reader(suffixes=(".csv", ".tsv"), read=read_csv)
