"""Web pages fetched by URL: one Document per page, main text and metadata extracted by trafilatura."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from dyadwatch.errors import InputError
from dyadwatch.models import Document, Quarantined, ReadResult, utcnow
from dyadwatch.net import Fetcher, FetchError, FetchResult
from dyadwatch.sources import limits
from dyadwatch.sources.dates import DateError
from dyadwatch.sources.html_page import (
    SNIFF_CHARS,
    UnusablePage,
    clean,
    decode_html,
    extract_page,
    page_language,
    page_published,
)
from dyadwatch.sources.items import host_of

RAW_FORMAT = "html"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_HTML_TAG = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_COMMENT = re.compile(r"\s#")
"""Where a trailing comment starts in a URL list line (a `#` inside a URL is its fragment)."""
_WEB_URL = re.compile(r"https?://[^/\s?#]+\S*", re.IGNORECASE)

ArticleFetch = Callable[[str], str | None]
"""URL → HTML of the page, or None when it cannot be had."""


def fetch_pages(
    urls: Iterable[str], fetcher: Fetcher, *, source: str | None, synthetic: bool,
    collected_at: datetime | None = None,
) -> Iterator[ReadResult]:
    """One Document (or Quarantined with the reason) per URL, each fetched as a crawl (robots.txt honoured)."""
    when = collected_at or utcnow()
    for url in urls:
        yield fetch_page(url, fetcher, source=source, synthetic=synthetic, collected_at=when)


def fetch_page(url: str, fetcher: Fetcher, *, source: str | None, synthetic: bool, collected_at: datetime) -> ReadResult:
    try:
        result = fetcher.get(url, crawl=True)
    except FetchError as error:
        return Quarantined(origin=url, reason=str(error), raw="")
    if not is_html(result):
        reason = f"not an HTML page: content type {result.content_type or 'unknown'} from {result.final_url}"
        return Quarantined(origin=url, reason=reason, raw=limits.clip_raw(result.body))
    html = decode_html(result.body)
    try:
        return _document(html, url, result.final_url, source, synthetic, collected_at)
    except (DateError, UnusablePage) as problem:
        return Quarantined(origin=url, reason=str(problem), raw=limits.clip_text(html))


def is_html(result: FetchResult) -> bool:
    """Whether a response is an HTML page: by its content type, or by its first tags when it has none."""
    if result.content_type is not None:
        return result.content_type in HTML_TYPES
    return _HTML_TAG.search(result.body[:SNIFF_CHARS]) is not None


def article_fetcher(fetcher: Fetcher) -> ArticleFetch:
    """A fetch_article for feeds: the page's HTML through the Fetcher (crawl), None on any failure."""

    def fetch(url: str) -> str | None:
        try:
            result = fetcher.get(url, crawl=True)
        except FetchError:
            return None
        return decode_html(result.body) if is_html(result) else None

    return fetch


def _document(
    html: str, origin: str, final_url: str, source: str | None, synthetic: bool, collected_at: datetime,
) -> Document:
    page = extract_page(html, collected_at)
    if page is None or not page.text or not page.text.strip():
        raise UnusablePage(f"no text could be extracted from {final_url}")
    return Document(
        source=source or clean(page.sitename) or host_of(final_url) or final_url,
        text=page.text,
        origin=origin,
        raw=html,
        raw_format=RAW_FORMAT,
        url=final_url,
        title=clean(page.title),
        published=page_published(page.date, collected_at),
        language=page_language(html),
        platform="web",
        author=clean(page.author),
        synthetic=synthetic,
        collected_at=collected_at,
    )


def extract_text(html: str, collected_at: datetime) -> str | None:
    """The main text of a page, or None when there is none or extraction fails."""
    try:
        page = extract_page(html, collected_at)
    except UnusablePage:
        return None
    return page.text.strip() if page is not None and page.text and page.text.strip() else None



def read_url_list(path: Path) -> list[str]:
    """URLs of a list file: one per line, `#` comments (whole line, or after a space) and blank lines skipped, repeats dropped.

    Raises InputError naming every line that is not an absolute http(s) URL.
    """
    urls: list[str] = []
    problems: list[str] = []
    text = path.read_bytes().removeprefix(limits.BOM).decode("utf-8", "replace")
    for number, line in enumerate(text.splitlines(), start=1):
        entry = _COMMENT.split(line, 1)[0].strip()
        if not entry or entry.startswith("#"):
            continue
        if _WEB_URL.fullmatch(entry):
            urls.append(entry)
        else:
            problems.append(f"line {number}: {entry[:200]!r} is not an http(s) URL")
    if problems:
        raise InputError(f"{path}: " + "; ".join(problems) + "; fix or remove these lines")
    return list(dict.fromkeys(urls))
