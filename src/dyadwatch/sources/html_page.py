"""Saved web pages: one document per HTML file, main text and metadata extracted by trafilatura."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from trafilatura import bare_extraction
from trafilatura.settings import Document as ExtractedPage
from trafilatura.utils import detect_encoding

from dyadwatch.models import Document, Quarantined, ReadResult
from dyadwatch.sources import limits
from dyadwatch.sources.dates import MAX_AHEAD, DateError, parse_published
from dyadwatch.sources.items import FieldError, ReadContext, Reader, host_of, language_hint

RAW_FORMAT = "html"
SNIFF_CHARS = 64 * 1024
"""How far into the page the <html>, <head> or <body> tag must appear."""

_HTML_TAG = re.compile(r"<\s*(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)


def read_html(path: Path, ctx: ReadContext) -> Iterator[ReadResult]:
    yield read_page(path, ctx)


def read_page(path: Path, ctx: ReadContext) -> ReadResult:
    """The Document of one saved page, or its quarantine."""
    origin = str(path)
    with path.open("rb") as stream:
        data = stream.read(limits.MAX_HTML_FILE_BYTES + 1)
        if len(data) > limits.MAX_HTML_FILE_BYTES:
            size = max(path.stat().st_size, len(data))
            reason = limits.over_limit(size, limits.MAX_HTML_FILE_BYTES, what="file")
            return Quarantined(origin=origin, reason=reason, raw=limits.clip_raw(data, size))
    if not data.strip():
        return Quarantined(origin=origin, reason="file is empty", raw="")
    html = decode_html(data)
    if not _HTML_TAG.search(html[:SNIFF_CHARS]):
        reason = "not an HTML page: no <html>, <head> or <body> tag near the start"
        return Quarantined(origin=origin, reason=reason, raw=limits.clip_text(html))
    try:
        return _document(html, origin, path, ctx)
    except (DateError, UnusablePage) as problem:
        return Quarantined(origin=origin, reason=str(problem), raw=limits.clip_text(html))


class UnusablePage(Exception):
    """The extractor gave nothing usable for this page."""


def _document(html: str, origin: str, path: Path, ctx: ReadContext) -> Document:
    page = extract_page(html, ctx.collected_at)
    if page is None or not page.text or not page.text.strip():
        raise UnusablePage("no text could be extracted from the page")
    url = _web_url(page.url)
    return Document(
        source=ctx.source or clean(page.sitename) or host_of(url) or path.stem,
        text=page.text,
        origin=origin,
        raw=html,
        raw_format=RAW_FORMAT,
        url=url,
        title=clean(page.title),
        published=page_published(page.date, ctx.collected_at),
        language=page_language(html),
        author=clean(page.author),
        synthetic=ctx.synthetic,
        collected_at=ctx.collected_at,
    )


def extract_page(html: str, collected_at: datetime) -> ExtractedPage | None:
    """trafilatura's extraction with metadata; UnusablePage when it fails outright."""
    date_params = {
        "original_date": True,
        "extensive_search": True,
        "outputformat": "%Y-%m-%dT%H:%M:%S%z",
        "max_date": (collected_at + MAX_AHEAD).date().isoformat(),
    }
    try:
        page = bare_extraction(html, with_metadata=True, date_extraction_params=date_params)
    except Exception as error:  # the extractor's failures are many and undocumented; one page must not stop a batch
        raise UnusablePage(f"HTML extraction failed: {type(error).__name__}: {error}") from None
    return page if isinstance(page, ExtractedPage) else None


def page_published(value: str | None, collected_at: datetime) -> datetime | None:
    if not value:
        return None
    try:
        return parse_published(value, now=collected_at)
    except DateError as problem:
        raise DateError(f"published: {problem}") from None


def decode_html(data: bytes) -> str:
    """Text of an HTML file: UTF-8, else the charset its <meta> declares, else a detected one."""
    data = data.removeprefix(limits.BOM)
    for encoding in _candidate_encodings(data):
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def _candidate_encodings(data: bytes) -> Iterator[str]:
    yield "utf-8"
    declared = _META_CHARSET.search(data[:SNIFF_CHARS])
    if declared:
        yield declared.group(1).decode("ascii")
    yield from detect_encoding(data)


def page_language(html: str) -> str | None:
    """Primary subtag of <html lang>, when it is a two-letter ISO 639-1 code."""
    match = _HTML_LANG.search(html[:SNIFF_CHARS])
    if not match:
        return None
    try:
        return language_hint(match.group(1))
    except FieldError:
        return None


def _web_url(url: str | None) -> str | None:
    """The page's own URL (canonical link, og:url) when it is an absolute http(s) URL."""
    return url if url and re.match(r"https?://[^/\s]+", url, re.IGNORECASE) else None


def clean(value: str | None) -> str | None:
    """The value stripped; None when absent or blank."""
    if value is None or not value.strip():
        return None
    return value.strip()


READER = Reader(suffixes=(".html", ".htm", ".xhtml"), read=read_html)
