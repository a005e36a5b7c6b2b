"""Size caps that keep one oversized input from exhausting memory.

Readers look these up at call time (``limits.MAX_ITEM_BYTES``), so tests may lower them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

MiB = 1024 * 1024

MAX_ITEM_BYTES = 5 * MiB
"""Largest JSONL line or CSV record read as one item."""

MAX_JSON_ARRAY_BYTES = 200 * MiB
"""Largest file holding one JSON array (parsed whole, unlike JSON Lines)."""

MAX_HTML_FILE_BYTES = 20 * MiB
"""Largest HTML file handed to the extractor."""

MAX_QUARANTINE_RAW_BYTES = 1 * MiB
"""Most bytes of an input kept as the raw text of a quarantined item."""

TRUNCATION_MARKER = "\n[dyadwatch: truncated, {kept} of {total} bytes kept]"


def format_size(n_bytes: int) -> str:
    """Human size with binary units and one decimal at most: 5 MiB, 7.2 MiB, 300 B."""
    units = ("B", "KiB", "MiB", "GiB")
    size = float(n_bytes)
    step = 0
    while size >= 1024 and step < len(units) - 1:
        size /= 1024
        step += 1
    return f"{size:.1f}".removesuffix(".0") + f" {units[step]}"


def over_limit(n_bytes: int, limit: int, what: str = "item") -> str:
    """Reason text for an input over a cap: 'item is 7.2 MiB, over the 5 MiB limit'."""
    return f"{what} is {format_size(n_bytes)}, over the {format_size(limit)} limit"


def clip_raw(data: bytes, total: int | None = None) -> str:
    """Raw text to keep for quarantine: at most MAX_QUARANTINE_RAW_BYTES, undecodable bytes escaped.

    `total` is the full size when `data` is only the start of a larger input.
    """
    total = len(data) if total is None else total
    kept = data[:MAX_QUARANTINE_RAW_BYTES]
    text = kept.decode("utf-8", "backslashreplace")
    if total > len(kept):
        text += TRUNCATION_MARKER.format(kept=len(kept), total=total)
    return text


def clip_text(text: str) -> str:
    """clip_raw for input that is already text (surrogate escapes turned back into bytes)."""
    return clip_raw(text.encode("utf-8", "surrogateescape"))


BOM = b"\xef\xbb\xbf"
_DRAIN_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of a file read with a cap: all of it, or its first bytes when over the cap."""

    number: int
    offset: int
    data: bytes
    size: int
    oversize: bool

    @property
    def content(self) -> bytes:
        """The line without its terminator."""
        return self.data.removesuffix(b"\n").removesuffix(b"\r")


def capped_lines(stream: BinaryIO, cap: int) -> Iterator[Line]:
    """Physical lines of a binary stream (a leading UTF-8 BOM dropped); a line over `cap` bytes is skipped
    over without being held in memory and comes back with only its first bytes."""
    number = 0
    offset = 0
    budget = cap + 2 + len(BOM)
    while chunk := stream.readline(budget):
        number += 1
        cut_short = len(chunk) == budget and not chunk.endswith(b"\n")
        if number == 1 and chunk.startswith(BOM):
            chunk = chunk[len(BOM):]
            offset = len(BOM)
        size = len(chunk) + (_drain_line(stream) if cut_short else 0)
        content_size = len(chunk.removesuffix(b"\n").removesuffix(b"\r"))
        line = Line(number=number, offset=offset, data=chunk, size=size, oversize=cut_short or content_size > cap)
        offset += size
        budget = cap + 2
        yield line


def _drain_line(stream: BinaryIO) -> int:
    """Read past the rest of the current line; return how many bytes that was."""
    skipped = 0
    while more := stream.readline(_DRAIN_CHUNK):
        skipped += len(more)
        if more.endswith(b"\n"):
            break
    return skipped
