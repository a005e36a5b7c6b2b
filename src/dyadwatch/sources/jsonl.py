"""JSON Lines (one JSON object per line), or a `.json` file holding one array of such objects."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from dyadwatch.models import Quarantined, ReadResult
from dyadwatch.sources import limits
from dyadwatch.sources.items import RawItem, ReadContext, Reader, document_from_item, json_type

RAW_FORMAT = "jsonl"


def read_jsonl(path: Path, ctx: ReadContext) -> Iterator[ReadResult]:
    is_array = path.suffix.lower() == ".json" and _starts_with_array(path)
    items = iter_array_items(path) if is_array else iter_json_items(path)
    for item in items:
        yield item if isinstance(item, Quarantined) else document_from_item(item, path, RAW_FORMAT, ctx)


def _starts_with_array(path: Path) -> bool:
    """Whether the first character after white space and a byte-order mark is `[`."""
    with path.open("rb") as stream:
        head = stream.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"[")


def iter_array_items(path: Path) -> Iterator[RawItem | Quarantined]:
    """Each element of a file holding one JSON array, or one quarantined item for the whole file."""
    size = path.stat().st_size
    if size > limits.MAX_JSON_ARRAY_BYTES:
        reason = limits.over_limit(size, limits.MAX_JSON_ARRAY_BYTES, "JSON array file") + (
            "; write it as JSON Lines (one object per line), which is read as a stream"
        )
        yield Quarantined(origin=str(path), reason=reason, raw="")
        return
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield Quarantined(origin=str(path), reason=f"invalid UTF-8 at byte {error.start}", raw=limits.clip_raw(data))
        return
    problem, value = _parse(text)
    if problem is not None or not isinstance(value, list):
        yield Quarantined(origin=str(path), reason=problem or "expected a JSON array", raw=limits.clip_text(text))
        return
    if not value:
        yield Quarantined(origin=str(path), reason="the JSON array is empty", raw=limits.clip_text(text))
    for number, element in enumerate(value, start=1):
        origin, where = f"{path}:item {number}", f"item {number}"
        raw = json.dumps(element, ensure_ascii=False)
        if isinstance(element, dict):
            yield RawItem(origin=origin, where=where, raw=raw, fields=element)
        else:
            reason = f"{where}: expected a JSON object, got {json_type(element)}"
            yield Quarantined(origin=origin, reason=reason, raw=limits.clip_text(raw))


def iter_json_items(path: Path) -> Iterator[RawItem | Quarantined]:
    """Each non-blank line of a JSONL file as a parsed object, or quarantined; streams the file."""
    saw_bytes = False
    saw_item = False
    with path.open("rb") as stream:
        for line in limits.capped_lines(stream, limits.MAX_ITEM_BYTES):
            saw_bytes = saw_bytes or bool(line.data)
            if not line.oversize and not line.content.strip():
                continue
            saw_item = True
            yield _item(path, line)
    if not saw_item:
        reason = "file contains only blank lines" if saw_bytes else "file is empty"
        yield Quarantined(origin=str(path), reason=reason, raw="")


def _item(path: Path, line: limits.Line) -> RawItem | Quarantined:
    origin = f"{path}:{line.number}"
    where = f"line {line.number}"
    if line.oversize:
        reason = f"{where}: {limits.over_limit(line.size, limits.MAX_ITEM_BYTES)}"
        return Quarantined(origin=origin, reason=reason, raw=limits.clip_raw(line.data, line.size))
    try:
        text = line.content.decode("utf-8")
    except UnicodeDecodeError as error:
        reason = f"{where}: invalid UTF-8 at byte {line.offset + error.start}"
        return Quarantined(origin=origin, reason=reason, raw=limits.clip_raw(line.content))
    problem, value = _parse(text)
    if problem is None and isinstance(value, dict):
        return RawItem(origin=origin, where=where, raw=text, fields=value)
    problem = problem or f"expected a JSON object, got {json_type(value)}"
    return Quarantined(origin=origin, reason=f"{where}: {problem}", raw=limits.clip_text(text))


def _parse(text: str) -> tuple[str | None, object]:
    """(None, value) for valid JSON, else (problem, None)."""
    try:
        return None, json.loads(text)
    except json.JSONDecodeError as error:
        return f"invalid JSON (column {error.colno}): {error.msg}", None
    except RecursionError:
        return "invalid JSON: nested too deeply", None
    except ValueError as error:
        return f"invalid JSON: {error}", None


READER = Reader(suffixes=(".jsonl", ".ndjson", ".json"), read=read_jsonl)
