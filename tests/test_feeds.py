"""RSS and Atom feeds into Documents."""

from __future__ import annotations

import socket
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.models import Document, Quarantined
from dyadwatch.net.testing import FakeDNS, logical_url, make_fetcher
from dyadwatch.sources.feeds import READER, html_to_text, read_feed, read_feed_url
from dyadwatch.sources.items import ReadContext

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
NOW = datetime(2025, 7, 10, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def no_real_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a test tried to use the real resolver")
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def read(name: str, **kwargs: object) -> list[Document | Quarantined]:
    options: dict[str, object] = {"source": None, "feed_url": None, "synthetic": True, "collected_at": NOW}
    options.update(kwargs)
    data = (FEEDS / name).read_bytes()
    return list(read_feed(data, origin=name, **options))  # type: ignore[arg-type]


def documents(results: list[Document | Quarantined]) -> list[Document]:
    assert all(isinstance(r, Document) for r in results), results
    return [r for r in results if isinstance(r, Document)]


def test_rss_entries() -> None:
    docs = documents(read("caspian-ledger.rss", feed_url="https://caspian-ledger.example/feed.rss"))
    assert [d.title for d in docs] == [
        "Москва и Баку договорились о новом раунде консультаций",
        "Azərbaycan və Rusiya nümayəndələri görüşdü",
        "Ferry schedule across the Caspian restored",
    ]
    first, second, third = docs
    assert first.source == "Caspian Ledger"
    assert first.url == "https://caspian-ledger.example/2025/07/01/konsultacii"
    assert first.published == datetime(2025, 7, 1, 7, 0, tzinfo=timezone.utc)
    assert first.author == "Ирина Вымышленная"
    assert first.text == (
        "Заместители министров иностранных дел встретятся в Астрахани в конце месяца.\n"
        "Стороны обсудят транзит через Каспий."
    )
    assert "alert" not in first.text and "<" not in first.text
    assert first.external_id == "cl-2025-0701-1"
    assert first.language == "ru"
    assert first.synthetic and first.raw_format == "feed"
    assert first.origin == "caspian-ledger.rss:entry 1"
    assert "Астрахани" in first.raw
    assert second.published == datetime(2025, 7, 2, 8, 30, tzinfo=timezone.utc)
    assert third.url == "https://caspian-ledger.example/en/2025/07/03/ferry"
    assert third.text == "The fictional ferry line between two invented ports resumed daily sailings."


def test_relative_link_without_feed_url_is_dropped() -> None:
    docs = documents(read("caspian-ledger.rss"))
    assert docs[2].url is None


def test_atom_entries() -> None:
    docs = documents(read("steppe-wire.atom"))
    assert [d.source for d in docs] == ["Steppe Wire"] * 3
    first, second, third = docs
    assert first.text.startswith("The border commission of two invented delegations met")
    assert "Short summary" not in first.text  # full content is preferred to the summary
    assert first.published == datetime(2025, 7, 4, 14, 0, tzinfo=timezone.utc)
    assert first.author == "Invented Reporter"
    assert first.language == "en"
    assert second.published == datetime(2025, 7, 5, 7, 30, tzinfo=timezone.utc)  # updated, no published
    assert second.language == "ru"
    assert second.text == "Аналитик вымышленного института считает, что пауза продлится до осени."
    assert third.text == "Hayali iki şirket yeni bir liman anlaşması imzaladı."
    assert third.language == "tr"


def test_source_argument_wins() -> None:
    docs = documents(read("steppe-wire.atom", source="Forced Name"))
    assert {d.source for d in docs} == {"Forced Name"}


def test_source_falls_back_to_feed_host() -> None:
    data = b'<rss version="2.0"><channel><item><title>t</title><description>Some text.</description></item></channel></rss>'
    (doc,) = read_feed(data, origin="x", source=None, feed_url="https://www.untitled.example/rss", synthetic=False)
    assert isinstance(doc, Document) and doc.source == "untitled.example"


def test_not_a_feed_is_one_quarantine() -> None:
    (item,) = read("not-a-feed.html")
    assert isinstance(item, Quarantined)
    assert item.reason.startswith("not an RSS or Atom feed")
    assert item.origin == "not-a-feed.html" and "Volga Evening" in item.raw


@pytest.mark.parametrize("data", [b'{"items": [{"title": "json feed"}]}', b"\x00\xff garbage \x13", b"plain words"])
def test_json_and_garbage_are_quarantined(data: bytes) -> None:
    (item,) = read_feed(data, origin="body", source=None, feed_url=None, synthetic=False)
    assert isinstance(item, Quarantined) and "not an RSS or Atom feed" in item.reason


@pytest.mark.parametrize("name", ["billion-laughs.rss", "external-entity.rss"])
def test_entity_declarations_are_refused(name: str) -> None:
    (item,) = read(name)
    assert isinstance(item, Quarantined)
    assert "<!ENTITY" in item.reason
    assert "lollol" not in item.raw and "root:" not in item.raw


def test_entity_declarations_in_utf16_are_refused() -> None:
    data = (FEEDS / "billion-laughs.rss").read_text(encoding="utf-8").replace('<?xml version="1.0"?>', "")
    (item,) = read_feed(data.encode("utf-16"), origin="x", source=None, feed_url=None, synthetic=False)
    assert isinstance(item, Quarantined) and "<!ENTITY" in item.reason


def test_entry_without_link_and_entry_without_text() -> None:
    first, second, third = read("missing-link.rss")
    assert isinstance(first, Document) and first.url == "https://volga-evening.example/efir"
    assert first.language == "ru"
    assert isinstance(second, Document) and second.url is None
    assert second.text == "У этой заметки нет ссылки, но есть текст."
    assert isinstance(third, Quarantined)
    assert third.reason == "entry 3: no text: the entry has no summary or content"
    assert third.origin == "missing-link.rss:entry 3"


def test_implausible_and_unreadable_dates_are_quarantined() -> None:
    data = (
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><title>a</title><description>Future.</description><pubDate>Mon, 01 Jan 2035 00:00:00 GMT</pubDate></item>"
        b"<item><title>b</title><description>Nonsense.</description><pubDate>the day after tomorrow</pubDate></item>"
        b"</channel></rss>"
    )
    future, nonsense = read_feed(data, origin="x", source=None, feed_url=None, synthetic=False, collected_at=NOW)
    assert isinstance(future, Quarantined) and future.reason.startswith("entry 1: published:")
    assert isinstance(nonsense, Quarantined) and "cannot read 'the day after tomorrow'" in nonsense.reason


def test_valid_empty_feed_yields_nothing() -> None:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    assert list(read_feed(data, origin="x", source=None, feed_url=None, synthetic=False)) == []


def test_file_reader(tmp_path: Path) -> None:
    assert READER.suffixes == (".rss", ".atom", ".xml")
    results = list(READER(FEEDS / "steppe-wire.atom", ReadContext(source=None, synthetic=True, collected_at=NOW)))
    assert len(documents(results)) == 3
    assert results[0].origin == f"{FEEDS / 'steppe-wire.atom'}:entry 1"
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"  \n")
    (item,) = READER(empty, ReadContext())
    assert isinstance(item, Quarantined) and item.reason == "file is empty"


def test_file_reader_falls_back_to_file_name(tmp_path: Path) -> None:
    path = tmp_path / "untitled-outlet.rss"
    path.write_bytes(b'<rss version="2.0"><channel><item><description>Body text.</description></item></channel></rss>')
    (doc,) = READER(path, ReadContext())
    assert isinstance(doc, Document) and doc.source == "untitled-outlet"


def test_html_to_text() -> None:
    assert html_to_text("<p>One <b>two</b></p><ul><li>three</li><li>four</li></ul>five<br>six") == (
        "One two\nthree\nfour\nfive\nsix"
    )
    assert html_to_text("<style>p {}</style>plain &amp; simple") == "plain & simple"
    assert html_to_text("broken <p attr='x") == "broken"
    assert html_to_text("\x00\x01") == ""


ARTICLE = """<!DOCTYPE html><html lang="ru"><head><title>Консультации</title></head><body>
<nav>Главная | Политика</nav><article><h1>Москва и Баку договорились о консультациях</h1>
<p>Заместители министров иностранных дел двух стран встретятся в Астрахани в конце месяца, сообщил вымышленный источник.</p>
<p>По его словам, стороны обсудят транзит через Каспий, тарифы на перевозки и расписание паромов между портами.</p>
<p>Следующая встреча запланирована на осень; место её проведения пока не выбрано, добавил собеседник издания.</p>
</article><footer>© Caspian Ledger</footer></body></html>"""


def article_server(request: httpx.Request) -> httpx.Response:
    url = logical_url(request)
    if request.url.path == "/robots.txt":
        return httpx.Response(404)
    if url == "https://caspian-ledger.example/feed.rss":
        return httpx.Response(200, headers={"Content-Type": "application/rss+xml"},
                              content=(FEEDS / "caspian-ledger.rss").read_bytes())
    if url == "https://caspian-ledger.example/2025/07/01/konsultacii":
        return httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"}, text=ARTICLE)
    if url.endswith("/gorus"):
        return httpx.Response(200, headers={"Content-Type": "application/pdf"}, content=b"%PDF-1.4")
    return httpx.Response(404)


def test_full_text_is_followed_through_the_fetcher() -> None:
    dns = {"caspian-ledger.example": ["93.184.216.40"]}
    fetcher, recorder, _ = make_fetcher(article_server, FakeDNS(dns), retries=0)
    first, second, third = documents(list(read_feed_url(
        "https://caspian-ledger.example/feed.rss", fetcher, source=None, synthetic=True, full_text=True,
    )))
    assert "тарифы на перевозки" in first.text and "Следующая встреча" in first.text
    assert "Главная" not in first.text
    assert first.title == "Москва и Баку договорились о новом раунде консультаций"  # the feed's title stays
    assert second.text == "Nümayəndələr Bakıda ticarət və nəqliyyat məsələlərini müzakirə etdilər."  # PDF: summary
    assert third.text.startswith("The fictional ferry line")  # 404: summary
    assert {r.headers["host"] for r in recorder.requests} == {"caspian-ledger.example"}
    assert all(str(r.url).startswith("https://93.184.216.40/") for r in recorder.requests)


def test_read_feed_url_failure_raises_for_the_caller_to_report() -> None:
    from dyadwatch.net import FetchError

    fetcher, _, _ = make_fetcher(article_server, retries=0)
    with pytest.raises(FetchError, match="cannot resolve nowhere.example"):
        list(read_feed_url("https://nowhere.example/feed", fetcher, source=None, synthetic=False))


def test_fetch_article_callable_is_used_for_entries_with_links() -> None:
    asked: list[str] = []

    def fetch_article(url: str) -> str | None:
        asked.append(url)
        return None

    documents(read("missing-link.rss", fetch_article=fetch_article)[:2])
    assert asked == ["https://volga-evening.example/efir", "https://volga-evening.example/tolko-zagolovok"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    for item in read_feed(data, origin="fuzz", source=None, feed_url=None, synthetic=False):
        assert isinstance(item, (Document, Quarantined))


FEED_PIECES = st.sampled_from([
    b'<?xml version="1.0"?>', b'<rss version="2.0">', b"<channel>", b"<title>T</title>", b"<item>", b"</item>",
    b"<description>&lt;p&gt;x&lt;/p&gt;</description>", b"<link>http://a.example/</link>", b"<pubDate>junk</pubDate>",
    b"<pubDate>Tue, 01 Jul 2025 10:00:00 +0300</pubDate>", b"</channel>", b"</rss>", b"<feed xmlns='http://www.w3.org/2005/Atom'>",
    b"<entry>", b"</entry>", b"<content type='html'>&lt;b&gt;</content>", b"&amp;", b"<!DOCTYPE rss>", b"\xff",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(FEED_PIECES, max_size=25).map(b"".join))
def test_feedlike_bytes_never_raise(data: bytes) -> None:
    for item in read_feed(data, origin="fuzz", source=None, feed_url=None, synthetic=False):
        assert isinstance(item, (Document, Quarantined))
