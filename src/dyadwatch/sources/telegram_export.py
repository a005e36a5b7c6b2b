"""Telegram Desktop chat exports: the `result.json` of "Export chat history" with "Machine-readable JSON".

A single-chat export is one JSON object::

    {"name": "Kaspi Signal", "type": "public_channel", "id": 1987654321,
     "messages": [{"id": 1, "type": "service", ...},
                  {"id": 2, "type": "message", "date": "2025-06-30T14:05:00", "date_unixtime": "1751292300",
                   "edited": "...", "edited_unixtime": "...", "from": "Kaspi Signal", "from_id": "channel1987654321",
                   "author": "signature", "forwarded_from": "Other channel", "views": 1200,
                   "text": ["plain ", {"type": "bold", "text": "bold"}, {"type": "text_link", "text": "here",
                            "href": "https://..."}],
                   "text_entities": [...]}]}

Each `"type": "message"` with text becomes one Document; its raw is the message object as JSON, so
`forwarded_from`, `edited_unixtime`, `views`, reactions and media fields stay available. Service messages
and messages without text (a photo, a sticker) yield nothing and are counted in `ReadStats`. A message
that cannot be read is quarantined with origin `<path>:message <id>` (or `message #<position>` when it has
no usable id). Dates come from `date_unixtime` (UTC); `date` alone is the exporting computer's local time
without an offset and is taken as UTC.

The export does not name the channel's public username, so a message URL (`https://t.me/<username>/<id>`)
is only made when the caller passes `username=` or the file has a top-level `"username"`.
The file is parsed whole; files over `MAX_EXPORT_BYTES` are quarantined.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dyadwatch.models import Document, Quarantined, ReadResult
from dyadwatch.sources import limits
from dyadwatch.sources.dates import DateError, check_plausible, parse_datetime
from dyadwatch.sources.items import ReadContext, Reader, json_type

RAW_FORMAT = "telegram"
PLATFORM = "telegram"
MAX_EXPORT_BYTES = 500 * limits.MiB
"""Largest export file read (it is parsed whole)."""

CHAT_TYPES = frozenset({
    "public_channel", "private_channel", "personal_chat", "bot_chat", "saved_messages",
    "private_group", "private_supergroup", "public_supergroup",
})
PEEK_BYTES = 64 * 1024
_HEAD_TYPE = re.compile(rb'"type"\s*:\s*"([a-z_]+)"')
_HEAD_MESSAGES = re.compile(rb'"messages"\s*:\s*\[')
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ReadStats:
    """What reading Telegram messages met: messages seen, documents made, skipped and quarantined ones."""

    messages: int = 0
    documents: int = 0
    service: int = 0
    empty: int = 0
    quarantined: int = 0


@dataclass(frozen=True, slots=True)
class Channel:
    """What the export says about its chat, as used for every message of it."""

    name: str | None
    chat_id: str | None
    username: str | None


class MessageError(ValueError):
    """A message object that cannot be read; the message names the field."""


def looks_like_export(path: Path) -> bool:
    """Whether a file starts like a Telegram Desktop single-chat export (reads only its first bytes)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(PEEK_BYTES).removeprefix(limits.BOM).lstrip()
    except OSError:
        return False
    if not head.startswith(b"{"):
        return False
    messages = _HEAD_MESSAGES.search(head)
    chat_type = _HEAD_TYPE.search(head, 0, messages.start()) if messages else None
    return chat_type is not None and chat_type.group(1).decode() in CHAT_TYPES


def read_export(
    path: Path, ctx: ReadContext, *, username: str | None = None, stats: ReadStats | None = None,
) -> Iterator[ReadResult]:
    """Documents of a Telegram Desktop export, a Quarantined for each unreadable message (or the file)."""
    stats = ReadStats() if stats is None else stats
    export = _load_export(path)
    if isinstance(export, Quarantined):
        stats.quarantined += 1
        yield export
        return
    channel = _channel(export, username)
    messages = export["messages"]
    assert isinstance(messages, list), "_load_export checks that messages is a list"
    for position, message in enumerate(messages, start=1):
        stats.messages += 1
        result = _result(message, position, path, channel, ctx, stats)
        if isinstance(result, Document):
            stats.documents += 1
        elif isinstance(result, Quarantined):
            stats.quarantined += 1
        if result is not None:
            yield result
    log.info("%s: %d messages, %d documents, %d service, %d without text, %d quarantined", path,
             stats.messages, stats.documents, stats.service, stats.empty, stats.quarantined)


def _load_export(path: Path) -> dict[str, object] | Quarantined:
    """The export object, or one Quarantined for the whole file."""
    size = path.stat().st_size
    if size > MAX_EXPORT_BYTES:
        reason = limits.over_limit(size, MAX_EXPORT_BYTES, "Telegram export file") + (
            "; export the chat in date ranges (Telegram Desktop: Export chat history → From/To)")
        return Quarantined(origin=str(path), reason=reason, raw="")
    data = path.read_bytes()
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return Quarantined(origin=str(path), reason=f"invalid UTF-8 at byte {error.start}", raw=limits.clip_raw(data))
    except json.JSONDecodeError as error:
        problem: str | None = f"invalid JSON (line {error.lineno}, column {error.colno}): {error.msg}"
    except RecursionError:
        problem = "invalid JSON: nested too deeply"
    except ValueError as error:
        problem = f"invalid JSON: {error}"
    else:
        problem = _export_problem(value)
    if problem is not None:
        return Quarantined(origin=str(path), reason=problem, raw=limits.clip_raw(data))
    return value  # type: ignore[no-any-return]


def _export_problem(value: object) -> str | None:
    if not isinstance(value, dict):
        return f"not a Telegram export: expected a JSON object, got {json_type(value)}"
    if "messages" not in value and isinstance(value.get("chats"), dict):
        return ("a Telegram full-account export: export the single chat or channel instead "
                "(Telegram Desktop: open the chat, ⋮ → Export chat history, format JSON)")
    if not isinstance(value.get("messages"), list):
        return "not a Telegram export: no \"messages\" list"
    return None


def _channel(export: Mapping[str, object], username: str | None) -> Channel:
    name = export.get("name")
    chat_id = export.get("id")
    return Channel(
        name=(name.strip() or None) if isinstance(name, str) and _encodable(name) else None,
        chat_id=str(chat_id) if isinstance(chat_id, (int, str)) and not isinstance(chat_id, bool) else None,
        username=clean_username(username) or clean_username(export.get("username")),
    )


def clean_username(value: object) -> str | None:
    """A public username from `kaspi_signal`, `@kaspi_signal` or `https://t.me/kaspi_signal`; None otherwise."""
    if not isinstance(value, str):
        return None
    name = value.strip().removeprefix("https://").removeprefix("http://").removeprefix("t.me/").lstrip("@")
    return name if _USERNAME.fullmatch(name) else None


def _result(
    message: object, position: int, path: Path, channel: Channel, ctx: ReadContext, stats: ReadStats,
) -> ReadResult | None:
    where = _where(message, position)
    raw = raw_json(message)
    try:
        return _document(message, path, where, raw, channel, ctx, stats)
    except MessageError as problem:
        return Quarantined(origin=f"{path}:{where}", reason=f"{where}: {problem}", raw=limits.clip_text(raw))


def _where(message: object, position: int) -> str:
    message_id = message.get("id") if isinstance(message, dict) else None
    if isinstance(message_id, int) and not isinstance(message_id, bool):
        return f"message {message_id}"
    return f"message #{position}"


def _document(
    message: object, path: Path, where: str, raw: str, channel: Channel, ctx: ReadContext, stats: ReadStats,
) -> Document | None:
    if not isinstance(message, dict):
        raise MessageError(f"expected a JSON object, got {json_type(message)}")
    kind = message.get("type")
    if kind == "service":
        stats.service += 1
        return None
    if kind != "message":
        raise MessageError(f"type: expected \"message\" or \"service\", got {json.dumps(kind)[:40]}")
    message_id = message.get("id")
    if not isinstance(message_id, int) or isinstance(message_id, bool):
        raise MessageError(f"id: expected an integer, got {json_type(message_id)}")
    text = message_text(message)
    if not text.strip():
        stats.empty += 1
        return None
    channel_key = channel.username or channel.chat_id or channel.name or path.stem
    return Document(
        source=ctx.source or channel.name or channel.username or path.stem,
        text=text,
        origin=f"{path}:{where}",
        raw=raw,
        raw_format=RAW_FORMAT,
        url=f"https://t.me/{channel.username}/{message_id}" if channel.username else None,
        published=_published(message, ctx.collected_at),
        platform=PLATFORM,
        author=_author(message),
        external_id=f"{channel_key}/{message_id}",
        synthetic=ctx.synthetic,
        collected_at=ctx.collected_at,
    )


def message_text(message: Mapping[str, object]) -> str:
    """The plain text of a message: `text` (a string, or strings and entity objects), else `text_entities`.

    Entities contribute their `text`; link targets (`href`) are left out.
    """
    name = "text" if "text" in message else "text_entities"
    value = message.get(name)
    if value is None:
        raise MessageError("no text field (text, text_entities)")
    if isinstance(value, str):
        parts = [value]
    elif isinstance(value, list):
        parts = [_part_text(name, number, part) for number, part in enumerate(value, start=1)]
    else:
        raise MessageError(f"{name}: expected a string or an array, got {json_type(value)}")
    text = "".join(parts)
    if not _encodable(text):
        raise MessageError(f"{name}: contains an unpaired surrogate (\\ud800-\\udfff escape)")
    return text


def _part_text(name: str, number: int, part: object) -> str:
    if isinstance(part, str):
        return part
    if isinstance(part, dict) and isinstance(part.get("text"), str):
        return str(part["text"])
    shape = 'has no string "text"' if isinstance(part, dict) else f"is {json_type(part)}, expected a string or an object"
    raise MessageError(f"{name}: part {number} {shape}")


def _published(message: Mapping[str, object], collected_at: datetime) -> datetime | None:
    name = "date_unixtime" if message.get("date_unixtime") is not None else "date"
    value = message.get(name)
    if value is None:
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise MessageError(f"{name}: expected a date string or Unix seconds, got {json_type(value)}")
    try:
        published = parse_datetime(value)
        check_plausible(published, now=collected_at)
    except DateError as problem:
        raise MessageError(f"{name}: {problem}") from None
    return published


def _author(message: Mapping[str, object]) -> str | None:
    """The post signature (`author`), else the sender (`from`); None when neither is a usable string."""
    for name in ("author", "from"):
        value = message.get(name)
        if isinstance(value, str) and value.strip() and _encodable(value):
            return value.strip()
    return None


def raw_json(value: object) -> str:
    """A JSON text of a value as read, with non-ASCII kept unless it holds unpaired surrogates."""
    text = json.dumps(value, ensure_ascii=False)
    return text if _encodable(text) else json.dumps(value)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


READER = Reader(suffixes=(".json",), read=read_export)
