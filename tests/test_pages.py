"""Fetching single pages and URL lists into Documents, offline."""

from __future__ import annotations

import socket
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest

from dyadwatch.errors import InputError
from dyadwatch.models import Document, Quarantined
from dyadwatch.net.testing import FakeDNS, logical_url, make_fetcher
from dyadwatch.sources.pages import fetch_pages, read_url_list

NOW = datetime(2025, 7, 10, tzinfo=timezone.utc)
PAGE = """<!DOCTYPE html><html lang="az"><head><meta charset="utf-8">
<title>Mədəni əlaqələr</title><meta property="og:site_name" content="Caspian Ledger">
<meta property="article:published_time" content="2025-06-30T09:00:00+04:00"></head><body>
<nav>Ana səhifə | Siyasət</nav><article><h1>Mədəni əlaqələr genişlənir</h1>
<p>Uydurma iki teatr qarşılıqlı qastrol proqramı barədə razılığa gəldi və payızda Bakıda çıxış edəcək.</p>
<p>Layihənin təşkilatçıları bildirib ki, tamaşalar rus və Azərbaycan dillərində göstəriləcək.</p>
<p>Biletlər avqustun əvvəlində satışa çıxarılacaq; qiymətlər hələ açıqlanmayıb.</p></article>
<footer>© Caspian Ledger</footer></body></html>"""


@pytest.fixture(autouse=True)
def no_real_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a test tried to use the real resolver")
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def site(request: httpx.Request) -> httpx.Response:
    url = logical_url(request)
    if request.url.path == "/robots.txt":
        return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
    if url == "https://news.example/culture":
        return httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"}, text=PAGE)
    if url == "https://news.example/old":
        return httpx.Response(301, headers={"Location": "/culture"})
    if url == "https://news.example/data.json":
        return httpx.Response(200, headers={"Content-Type": "application/json"}, content=b'{"a": 1}')
    if url == "https://news.example/untyped":
        return httpx.Response(200, content=PAGE.encode())
    if url == "https://news.example/empty":
        return httpx.Response(200, headers={"Content-Type": "text/html"}, text="<html><body></body></html>")
    if url == "https://news.example/private/x":
        return httpx.Response(200, headers={"Content-Type": "text/html"}, text=PAGE)
    return httpx.Response(404)


def fetch(*urls: str) -> list[Document | Quarantined]:
    fetcher, _, _ = make_fetcher(site, FakeDNS({"inside.example": ["10.1.2.3"]}), retries=0)
    return list(fetch_pages(urls, fetcher, source=None, synthetic=True, collected_at=NOW))


def test_page_becomes_a_document() -> None:
    (doc,) = fetch("https://news.example/culture")
    assert isinstance(doc, Document)
    assert "qastrol proqramı" in doc.text and "Ana səhifə" not in doc.text
    assert doc.source == "Caspian Ledger"
    assert doc.url == "https://news.example/culture" and doc.origin == "https://news.example/culture"
    assert doc.language == "az" and doc.synthetic and doc.raw_format == "html"
    assert doc.published is not None and doc.published.date().isoformat() == "2025-06-30"


def test_redirect_gives_final_url_and_untyped_html_is_sniffed() -> None:
    moved, untyped = fetch("https://news.example/old", "https://news.example/untyped")
    assert isinstance(moved, Document) and moved.url == "https://news.example/culture"
    assert moved.origin == "https://news.example/old"
    assert isinstance(untyped, Document)


@pytest.mark.parametrize(("url", "reason"), [
    ("https://news.example/data.json", "not an HTML page: content type application/json"),
    ("https://news.example/empty", "no text could be extracted"),
    ("https://news.example/missing", "[E043]"),
    ("https://news.example/private/x", "[E045] robots.txt"),
    ("http://inside.example/", "[E041]"),
    ("ftp://news.example/x", "[E047]"),
])
def test_failures_are_quarantined(url: str, reason: str) -> None:
    (item,) = fetch(url)
    assert isinstance(item, Quarantined) and item.origin == url
    assert reason in item.reason


def test_one_failure_does_not_stop_the_rest() -> None:
    results = fetch("https://news.example/missing", "https://news.example/culture")
    assert [type(r) for r in results] == [Quarantined, Document]


def test_source_argument_wins() -> None:
    fetcher, _, _ = make_fetcher(site)
    (doc,) = fetch_pages(["https://news.example/culture"], fetcher, source="Forced", synthetic=False)
    assert isinstance(doc, Document) and doc.source == "Forced" and not doc.synthetic


def test_read_url_list(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text(
        "\ufeff# watched pages\n\nhttps://news.example/a\n  https://news.example/b#part   # the second\n"
        "https://news.example/a\nHTTP://NEWS.example/c\n",
        encoding="utf-8",
    )
    assert read_url_list(path) == ["https://news.example/a", "https://news.example/b#part", "HTTP://NEWS.example/c"]


def test_read_url_list_reports_invalid_lines(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("https://news.example/a\nnews.example/b\nftp://news.example/c\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_url_list(path)
    assert "line 2: 'news.example/b' is not an http(s) URL" in caught.value.message
    assert "line 3: 'ftp://news.example/c'" in caught.value.message
