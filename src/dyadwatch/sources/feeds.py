"""RSS and Atom feeds: one Document per entry, read by feedparser after entity declarations are refused."""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from dyadwatch.models import Document, Quarantined, ReadResult, utcnow
from dyadwatch.net import Fetcher
from dyadwatch.sources import limits
from dyadwatch.sources.dates import DateError, check_plausible, parse_datetime
from dyadwatch.sources.items import FieldError, ReadContext, Reader, host_of, language_hint
from dyadwatch.sources.pages import ArticleFetch, article_fetcher, extract_text

RAW_FORMAT = "feed"
MAX_FEED_BYTES = limits.MAX_HTML_FILE_BYTES
"""Largest feed file or response read."""

_ENTITY_DECLARATION = re.compile(rb"<!\s*entity", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG = re.compile(r"<[^>]*>")
_BLOCKS = frozenset({
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "footer", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section", "table", "tr", "ul",
})


class _Unusable(Exception):
    """An entry that cannot become a Document."""


@dataclass(frozen=True, slots=True)
class _Feed:
    """What every entry of one feed shares."""

    origin: str
    source: str
    language: str | None
    synthetic: bool
    collected_at: datetime
    fetch_article: ArticleFetch | None


def read_feed(
    data: bytes, *, origin: str, source: str | None, feed_url: str | None, synthetic: bool,
    fetch_article: ArticleFetch | None = None, collected_at: datetime | None = None,
) -> Iterator[ReadResult]:
    """Documents of a feed's entries; one Quarantined for a body that is not a feed or declares entities."""
    refusal = _refusal(data)
    if refusal is not None:
        yield Quarantined(origin=origin, reason=refusal, raw=limits.clip_raw(data))
        return
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=_headers(feed_url))
    except Exception as error:  # feedparser is lenient, but one broken feed must not stop a batch
        reason = f"feed parser failed: {type(error).__name__}: {error}"
        yield Quarantined(origin=origin, reason=reason, raw=limits.clip_raw(data))
        return
    if not parsed.get("entries"):
        if parsed.get("bozo") or not parsed.get("version"):
            yield Quarantined(origin=origin, reason=_not_a_feed(parsed), raw=limits.clip_raw(data))
        return
    feed = _Feed(
        origin=origin,
        source=source or _clean(parsed.feed.get("title")) or host_of(feed_url) or Path(origin).stem or origin,
        language=_language(parsed.feed.get("language")),
        synthetic=synthetic,
        collected_at=collected_at or utcnow(),
        fetch_article=fetch_article,
    )
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_result(entry, number, feed)


def read_feed_url(
    url: str, fetcher: Fetcher, *, source: str | None, synthetic: bool, full_text: bool = False,
) -> Iterator[ReadResult]:
    """Fetch a feed (a crawl: robots.txt honoured) and read it.

    A failed fetch raises its FetchError: the whole source failed, which the caller reports.
    """
    result = fetcher.get(url, crawl=True)
    yield from read_feed(
        result.body, origin=url, source=source, feed_url=result.final_url, synthetic=synthetic,
        fetch_article=article_fetcher(fetcher) if full_text else None,
    )


def read_feed_file(path: Path, ctx: ReadContext) -> Iterator[ReadResult]:
    """The entries of a saved .rss, .atom or .xml feed file."""
    with path.open("rb") as stream:
        data = stream.read(MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        size = max(path.stat().st_size, len(data))
        reason = limits.over_limit(size, MAX_FEED_BYTES, what="file")
        yield Quarantined(origin=str(path), reason=reason, raw=limits.clip_raw(data[:limits.MAX_QUARANTINE_RAW_BYTES], size))
        return
    if not data.strip():
        yield Quarantined(origin=str(path), reason="file is empty", raw="")
        return
    yield from read_feed(
        data, origin=str(path), source=ctx.source, feed_url=None, synthetic=ctx.synthetic,
        collected_at=ctx.collected_at,
    )


def _refusal(data: bytes) -> str | None:
    """Why the body is refused before parsing: entity declarations (billion laughs, external entities)."""
    probe = data.replace(b"\x00", b"")  # UTF-16 and UTF-32 spell ASCII with zero bytes in between
    if _ENTITY_DECLARATION.search(probe):
        return "feed declares XML entities (<!ENTITY); refused unparsed to rule out entity expansion and external entities"
    return None


def _headers(feed_url: str | None) -> dict[str, str]:
    """Response headers for feedparser: the feed's URL as the base of relative links."""
    return {"content-location": feed_url} if feed_url else {}


def _not_a_feed(parsed: Mapping[str, Any]) -> str:
    problem = parsed.get("bozo_exception")
    detail = f": {type(problem).__name__}: {str(problem)[:200]}" if problem else ""
    return f"not an RSS or Atom feed (no entries){detail}"


def _entry_result(entry: Mapping[str, Any], number: int, feed: _Feed) -> ReadResult:
    where = f"entry {number}"
    origin = f"{feed.origin}:{where}"
    raw = _raw(entry)
    try:
        return _document(entry, origin, raw, feed)
    except (DateError, _Unusable) as problem:
        return Quarantined(origin=origin, reason=f"{where}: {problem}", raw=limits.clip_text(raw))


def _document(entry: Mapping[str, Any], origin: str, raw: str, feed: _Feed) -> Document:
    url = _web_url(entry.get("link"))
    text = _entry_text(entry)
    if feed.fetch_article is not None and url is not None:
        text = _full_text(feed.fetch_article, url, feed.collected_at) or text
    if not text.strip():
        raise _Unusable("no text: the entry has no summary or content" + ("" if url else " and no link"))
    return Document(
        source=feed.source,
        text=text,
        origin=origin,
        raw=raw,
        raw_format=RAW_FORMAT,
        url=url,
        title=_clean(_plain(entry.get("title_detail"), entry.get("title"))),
        published=_published(entry, feed.collected_at),
        language=_entry_language(entry) or feed.language,
        platform="web",
        author=_clean(entry.get("author")),
        external_id=_clean(entry.get("id")),
        synthetic=feed.synthetic,
        collected_at=feed.collected_at,
    )


def _entry_text(entry: Mapping[str, Any]) -> str:
    """Full content when the entry has it, else its summary, as plain text."""
    contents = [_plain(part, part.get("value")) for part in entry.get("content") or []]
    text = "\n".join(part for part in contents if part.strip())
    return text or _plain(entry.get("summary_detail"), entry.get("summary"))


def _full_text(fetch_article: ArticleFetch, url: str, collected_at: datetime) -> str | None:
    html = fetch_article(url)
    return extract_text(html, collected_at) if html else None


def _plain(detail: Mapping[str, Any] | None, value: str | None) -> str:
    """A feed text construct as plain text: HTML stripped unless its type says it is plain already."""
    if not value:
        return ""
    if detail is not None and detail.get("type") == "text/plain":
        return value.strip()
    return html_to_text(value)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: block elements on their own lines, white space collapsed."""
    fragment = _CONTROL.sub("", fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _collapse(_TAG.sub(" ", fragment))
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return _collapse(root.text_content())


def _collapse(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _published(entry: Mapping[str, Any], collected_at: datetime) -> datetime | None:
    """Publication (else update) time in UTC; DateError when it is unreadable or implausible."""
    for name in ("published", "updated"):
        raw = entry.get(name)
        if not raw:
            continue
        parsed = entry.get(f"{name}_parsed")
        try:
            when = _from_struct(parsed) if parsed else parse_datetime(raw)
        except DateError as problem:
            raise DateError(f"{name}: {problem}") from None
        try:
            check_plausible(when, now=collected_at)
        except DateError as problem:
            raise DateError(f"{name}: {problem}") from None
        return when
    return None


def _from_struct(value: time.struct_time) -> datetime:
    """feedparser's parsed dates are UTC struct_times."""
    try:
        return datetime(*value[:6], tzinfo=timezone.utc)
    except (TypeError, ValueError, OverflowError):
        raise DateError(f"cannot read {time.strftime('%Y-%m-%d %H:%M:%S', value)!r} as a date") from None


def _entry_language(entry: Mapping[str, Any]) -> str | None:
    for detail in [*(entry.get("content") or []), entry.get("summary_detail") or {}, entry.get("title_detail") or {}]:
        language = _language(detail.get("language"))
        if language:
            return language
    return None


def _language(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return language_hint(value)
    except FieldError:
        return None


def _web_url(value: object) -> str | None:
    if isinstance(value, str) and re.match(r"https?://[^/\s]+", value.strip(), re.IGNORECASE):
        return value.strip()
    return None


def _clean(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _raw(entry: Mapping[str, Any]) -> str:
    """The entry as feedparser read it (its text fields), as JSON: the raw input kept with the document."""
    fields = ("id", "title", "link", "author", "published", "updated", "summary", "content", "tags")
    return json.dumps({name: entry[name] for name in fields if name in entry}, ensure_ascii=False, default=str)


READER = Reader(suffixes=(".rss", ".atom", ".xml"), read=read_feed_file)
