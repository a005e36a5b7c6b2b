from __future__ import annotations

import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.models import Document, Quarantined
from dyadwatch.sources import limits, read_documents
from dyadwatch.sources.html_page import read_html
from dyadwatch.sources.items import ReadContext

FIXTURES = Path(__file__).parent / "fixtures" / "html"
UTC = timezone.utc
COLLECTED = datetime(2025, 7, 2, 12, 0, tzinfo=UTC)
slow_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None,
                         max_examples=25)

PARAGRAPHS = (
    "Customs officers on both sides of the border reported shorter queues after the new lanes opened, "
    "and hauliers said the waiting time for refrigerated trucks fell from two days to a few hours.",
    "The regional transport office expects the pilot to run until the end of the year, after which a "
    "joint commission will decide whether the scheme becomes permanent for all freight crossings.",
)


def page(title: str = "Border lanes open", body: str = "", head: str = "", lang: str = "en") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title>{head}</head>'
            f"<body><article><h1>{title}</h1>{body}{paragraphs}</article></body></html>")


def read(path: Path, source: str | None = None, synthetic: bool = False) -> Document | Quarantined:
    results = list(read_html(path, ReadContext(source, synthetic, COLLECTED)))
    assert len(results) == 1
    return results[0]


def read_bytes(tmp_path: Path, data: bytes, name: str = "page.html") -> Document | Quarantined:
    path = tmp_path / name
    path.write_bytes(data)
    return read(path)


def test_fixture_page() -> None:
    path = FIXTURES / "caspian_ledger_ferry.html"
    document = read(path)
    assert isinstance(document, Document)
    assert document.title == "Ferry talks resume between Baku and Aktau"
    assert document.author == "Nargiz Tahmasbova"
    assert document.published == datetime(2025, 7, 1, 7, tzinfo=UTC)
    assert document.url == "https://caspian-ledger.example/2025/07/ferry-talks"
    assert document.source == "Caspian Ledger"
    assert document.language == "en"
    assert "revive a ferry timetable" in document.text
    assert "refrigerated containers" in document.text
    assert "Home" not in document.text
    assert document.origin == str(path)
    assert document.raw == path.read_text(encoding="utf-8")
    assert document.raw_format == "html"
    assert document.external_id is None
    assert not document.synthetic


def test_registry_and_context() -> None:
    results = list(read_documents(FIXTURES / "caspian_ledger_ferry.html", source="Saved pages", synthetic=True))
    assert len(results) == 1
    document = results[0]
    assert isinstance(document, Document)
    assert (document.source, document.synthetic) == ("Saved pages", True)


def test_page_without_url_or_site_name_is_named_after_the_file(tmp_path: Path) -> None:
    document = read_bytes(tmp_path, page().encode(), name="border-lanes.htm")
    assert isinstance(document, Document)
    assert (document.url, document.source, document.title) == (None, "border-lanes", "Border lanes open")
    assert document.published is None


def test_host_of_canonical_url_names_the_source(tmp_path: Path) -> None:
    head = '<link rel="canonical" href="https://www.steppe-wire.example/lanes">'
    document = read_bytes(tmp_path, page(head=head).encode())
    assert isinstance(document, Document)
    assert (document.url, document.source) == ("https://www.steppe-wire.example/lanes", "steppe-wire.example")


def test_non_utf8_page_uses_declared_charset(tmp_path: Path) -> None:
    title = "Пограничные полосы открыты"
    html = page(title=title, head='<meta charset="windows-1251">', lang="ru",
                body="<p>Таможенники сообщили о коротких очередях на границе после открытия новых полос.</p>")
    document = read_bytes(tmp_path, html.encode("cp1251"))
    assert isinstance(document, Document)
    assert document.title == title
    assert "Таможенники" in document.text
    assert document.language == "ru"
    assert "Таможенники" in document.raw


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b"  \n ", "file is empty"),
        (b"Just a plain text note, saved with the wrong suffix.\n" * 20,
         "not an HTML page: no <html>, <head> or <body> tag near the start"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not an HTML page: no <html>, <head> or <body> tag near the start"),
        (b"<html><head><title>Empty</title></head><body></body></html>", "no text could be extracted from the page"),
        (page(head='<meta property="article:published_time" content="1850-01-01">').encode(), None),
    ],
)
def test_unusable_pages(tmp_path: Path, data: bytes, reason: str | None) -> None:
    result = read_bytes(tmp_path, data)
    if reason is None:
        assert isinstance(result, Document)
        assert result.published is None
    else:
        assert isinstance(result, Quarantined)
        assert result.reason == reason
        assert result.origin == str(tmp_path / "page.html")


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_HTML_FILE_BYTES", 1000)
    monkeypatch.setattr(limits, "MAX_QUARANTINE_RAW_BYTES", 50)
    data = page().encode() + b" " * 2000
    result = read_bytes(tmp_path, data)
    assert isinstance(result, Quarantined)
    assert result.reason == f"file is {limits.format_size(len(data))}, over the 1000 B limit"
    assert result.raw.endswith(f"[dyadwatch: truncated, 50 of {len(data)} bytes kept]")


def test_entity_expansion_bomb_is_harmless(tmp_path: Path) -> None:
    entities = '<!ENTITY a0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE html [{entities}]>'
            + page(body="<p>Before the entity &a9; after the entity, in a long enough paragraph.</p>"))
    started = time.monotonic()
    result = read_bytes(tmp_path, bomb.encode(), name="bomb.xhtml")
    assert time.monotonic() - started < 10
    if isinstance(result, Document):
        assert "lollol" not in result.text
        assert len(result.text) < 5000


def test_external_entity_is_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    html = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">]>'
            + page(body="<p>Leak attempt: &leak; in a paragraph of reasonable length for extraction.</p>"))
    result = read_bytes(tmp_path, html.encode())
    assert "TOP-SECRET-MARKER" not in getattr(result, "text", "")


@given(st.binary(max_size=400))
@slow_settings
def test_arbitrary_bytes_give_one_result(tmp_path: Path, data: bytes) -> None:
    result = read_bytes(tmp_path, data)
    assert isinstance(result, (Document, Quarantined))


markup = st.lists(st.sampled_from(["<html>", "</html>", "<body>", "<p>", "</p>", "<div>", "<!--", "-->",
                                   "<script>", "</script>", "&amp;", "&#0;", "<![CDATA[", "]]>", "<", ">",
                                   "words and more words ", "Баку ", "\x00", "<meta charset='koi8-r'>"]),
                  max_size=30).map("".join)


@given(markup)
@slow_settings
def test_arbitrary_markup_gives_one_result(tmp_path: Path, html: str) -> None:
    result = read_bytes(tmp_path, html.encode())
    assert isinstance(result, (Document, Quarantined))


safe_titles = st.text(st.characters(whitelist_categories=("L", "N"), whitelist_characters=" -"),
                      min_size=3, max_size=40).map(str.strip).filter(lambda t: len(t) >= 3)


@given(safe_titles, st.dates(min_value=date(2001, 1, 1), max_value=date(2025, 6, 30)))
@slow_settings
def test_title_and_date_round_trip(tmp_path: Path, title: str, day: date) -> None:
    head = f'<meta property="article:published_time" content="{day.isoformat()}T09:30:00+00:00">'
    document = read_bytes(tmp_path, page(title=title, head=head).encode())
    assert isinstance(document, Document)
    assert " ".join((document.title or "").split()) == " ".join(title.split())
    assert document.published == datetime(day.year, day.month, day.day, 9, 30, tzinfo=UTC)
    assert all(p in document.text for p in PARAGRAPHS)
