"""What the line- and row-based readers share: the read context, raw items and their mapping to Document."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pycountry

from dyadwatch.models import Document, Quarantined, ReadResult, utcnow
from dyadwatch.sources import limits
from dyadwatch.sources.dates import DateError, parse_published

TEXT_FIELDS = ("text", "content", "body")
PUBLISHED_FIELDS = ("published", "date")
_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no", ""})
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class ReadContext:
    """What the caller tells every reader: forced source name, synthetic flag, collection time."""

    source: str | None = None
    synthetic: bool = False
    collected_at: datetime = field(default_factory=utcnow)


@dataclass(frozen=True, slots=True)
class Reader:
    """A document reader: the file suffixes it claims and the function that reads one file."""

    suffixes: tuple[str, ...]
    read: Callable[[Path, ReadContext], Iterator[ReadResult]]

    def __call__(self, path: Path, ctx: ReadContext) -> Iterator[ReadResult]:
        return self.read(path, ctx)


@dataclass(frozen=True, slots=True)
class RawItem:
    """One record of a JSONL or CSV file, parsed but with its fields not yet checked."""

    origin: str
    where: str
    raw: str
    fields: Mapping[str, object]


class FieldError(ValueError):
    """A field whose value cannot be used; the message names the field."""


def quarantine(item: RawItem, problem: str) -> Quarantined:
    return Quarantined(origin=item.origin, reason=f"{item.where}: {problem}", raw=limits.clip_text(item.raw))


def document_from_item(item: RawItem, path: Path, raw_format: str, ctx: ReadContext) -> ReadResult:
    """The Document an item describes, or its quarantine with the first problem found."""
    try:
        return _document(item, path, raw_format, ctx)
    except FieldError as problem:
        return quarantine(item, str(problem))


def _document(item: RawItem, path: Path, raw_format: str, ctx: ReadContext) -> Document:
    fields = item.fields
    url = optional_text(fields, "url")
    return Document(
        source=ctx.source or optional_text(fields, "source") or host_of(url) or path.stem,
        text=_text(fields),
        origin=item.origin,
        raw=item.raw,
        raw_format=raw_format,
        url=url,
        title=optional_text(fields, "title"),
        published=_published(fields, ctx.collected_at),
        language=language_hint(optional_text(fields, "language")),
        platform=optional_text(fields, "platform"),
        author=optional_text(fields, "author"),
        external_id=optional_text(fields, "id", numbers=True),
        synthetic=ctx.synthetic or flag(fields, "synthetic"),
        collected_at=ctx.collected_at,
    )


def first_present(fields: Mapping[str, object], names: tuple[str, ...]) -> tuple[str, object]:
    """(name, value) of the first of `names` with a non-null, non-blank value; (names[0], None) if none."""
    for name in names:
        value = fields.get(name)
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return name, value
    return names[0], None


def optional_text(fields: Mapping[str, object], *names: str, numbers: bool = False) -> str | None:
    """A string field (first of its aliases), stripped; None when absent or blank."""
    name, value = first_present(fields, names)
    if value is None:
        return None
    if numbers and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise FieldError(f"{name}: expected a string, got {json_type(value)}")
    return _unicode_checked(name, value).strip()


def _unicode_checked(name: str, value: str) -> str:
    """The value, unless a JSON escape left an unpaired surrogate in it (no database can store one)."""
    if _SURROGATE.search(value):
        raise FieldError(f"{name}: contains an unpaired UTF-16 surrogate (a broken \\u escape)")
    return value


def _text(fields: Mapping[str, object]) -> str:
    name, value = first_present(fields, TEXT_FIELDS)
    if value is None:
        if any(n in fields for n in TEXT_FIELDS):
            raise FieldError("text is empty")
        raise FieldError(f"no text field ({', '.join(TEXT_FIELDS)})")
    if not isinstance(value, str):
        raise FieldError(f"{name}: expected a string, got {json_type(value)}")
    return _unicode_checked(name, value)


def _published(fields: Mapping[str, object], collected_at: datetime) -> datetime | None:
    name, value = first_present(fields, PUBLISHED_FIELDS)
    if value is None:
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise FieldError(f"{name}: expected a date string or Unix seconds, got {json_type(value)}")
    try:
        return parse_published(value, now=collected_at)
    except DateError as problem:
        raise FieldError(f"{name}: {problem}") from None


def language_hint(value: str | None) -> str | None:
    """ISO 639-1 code of a language tag: `ru`, `az-Cyrl` (BCP 47) and `aze` (ISO 639-2/3) all work."""
    if value is None:
        return None
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    language = None
    if primary.isascii() and primary.isalpha():
        if len(primary) == 2:
            language = pycountry.languages.get(alpha_2=primary)
        elif len(primary) == 3:
            language = pycountry.languages.get(alpha_3=primary) or pycountry.languages.get(bibliographic=primary)
    code = getattr(language, "alpha_2", None)
    if code is None:
        raise FieldError(f"language: {value!r} is not a language tag with an ISO 639-1 code (such as ru, az-Cyrl)")
    return code


def flag(fields: Mapping[str, object], name: str) -> bool:
    """A yes/no field: JSON true/false, or true/false/1/0/yes/no in text; absent means false."""
    value = fields.get(name)
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise FieldError(f"{name}: expected true or false, got {value!r}")


def host_of(url: str | None) -> str | None:
    """Host name of a URL without a leading www., lower-case; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def json_type(value: object) -> str:
    """JSON name of a Python value's type, for reason texts."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    return "null" if value is None else type(value).__name__
