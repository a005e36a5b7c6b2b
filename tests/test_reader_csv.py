from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.models import Document, Quarantined
from dyadwatch.sources import limits, read_documents
from dyadwatch.sources.csv_docs import read_csv, sniff_delimiter
from dyadwatch.sources.items import ReadContext

FIXTURES = Path(__file__).parent / "fixtures" / "docs"
UTC = timezone.utc
COLLECTED = datetime(2025, 7, 2, 12, 0, tzinfo=UTC)
tmp_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


def read(path: Path, source: str | None = None, synthetic: bool = False) -> list[Document | Quarantined]:
    return list(read_csv(path, ReadContext(source, synthetic, COLLECTED)))


def read_bytes(tmp_path: Path, data: bytes, name: str = "rows.csv") -> list[Document | Quarantined]:
    path = tmp_path / name
    path.write_bytes(data)
    return read(path)


def documents(results: list[Document | Quarantined]) -> list[Document]:
    assert all(isinstance(r, Document) for r in results), results
    return [r for r in results if isinstance(r, Document)]


def reasons(results: list[Document | Quarantined]) -> list[str | None]:
    return [r.reason if isinstance(r, Quarantined) else None for r in results]


def test_fixture_file() -> None:
    path = FIXTURES / "caspian_ledger.csv"
    results = read(path)
    assert reasons(results) == [
        None,
        None,
        "row 3: 4 fields where the header has 8",
        "row 4: text is empty",
        "row 5: date: cannot read '32.13.2025' as a date",
    ]
    first, second = results[0], results[1]
    assert first == Document(
        source="Caspian Ledger",
        text="The harbour reopened after a week of repairs, officials said.",
        origin=f"{path}:row 1 (line 2)",
        raw=json.dumps({"id": "cl-1", "title": "Harbour reopens",
                        "content": "The harbour reopened after a week of repairs, officials said.",
                        "date": "2025-07-01", "language": "en", "source": "Caspian Ledger",
                        "author": "Leyla Mammadli", "notes": "internal"}, ensure_ascii=False),
        raw_format="csv",
        title="Harbour reopens",
        published=datetime(2025, 7, 1, tzinfo=UTC),
        language="en",
        author="Leyla Mammadli",
        external_id="cl-1",
        collected_at=COLLECTED,
    )
    assert isinstance(second, Document)
    assert second.text == "First paragraph.\nSecond paragraph, still the same row."
    assert second.source == "caspian_ledger"
    assert second.author is None
    assert [r.origin for r in results[2:]] == [f"{path}:row {n} (line {n + 2})" for n in (3, 4, 5)]
    assert results[2].raw == "cl-3,Short row,only four fields,2025-07-02\n"


def test_tsv_fixture_and_registry() -> None:
    results = list(read_documents(FIXTURES / "steppe_wire.tsv"))
    assert len(results) == 1
    document = results[0]
    assert isinstance(document, Document)
    assert (document.title, document.published) == ("Grain corridor", datetime(2025, 6, 30, 8, tzinfo=UTC))
    assert document.raw_format == "csv"


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [(b"id,text,title", ","), (b"id;text;title", ";"), (b"id\ttext\ttitle", "\t"), (b"text", ","),
     (b'"a,b";text;title', ";")],
)
def test_sniff_delimiter(header: bytes, delimiter: str) -> None:
    assert sniff_delimiter(header) == delimiter


def test_semicolon_file(tmp_path: Path) -> None:
    results = read_bytes(tmp_path, "title;text\nDéjà;Texte, avec virgule\n".encode())
    assert isinstance(results[0], Document)
    assert (results[0].title, results[0].text) == ("Déjà", "Texte, avec virgule")


def test_tsv_suffix_means_tab(tmp_path: Path) -> None:
    results = read_bytes(tmp_path, b"title\ttext\nA, B; C\tbody, with; marks\n", name="rows.tsv")
    assert isinstance(results[0], Document)
    assert results[0].title == "A, B; C"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b"\xef\xbb\xbf", "file is empty"),
        (b"\n\n", "file contains only blank lines"),
        (b"id,text\n", "file has a header but no data rows"),
        (b"id,title,published\n1,a,2025-07-01\n",
         "header has no text column (one of text, content, body); it has: id, title, published"),
        (b"text,title,Text\nx,y,z\n", "header repeats column 'text'"),
        (b"id,te\xffxt\n1,a\n", "header: invalid UTF-8 at byte 5"),
    ],
)
def test_file_level_problems(tmp_path: Path, data: bytes, reason: str) -> None:
    results = read_bytes(tmp_path, data)
    assert reasons(results) == [reason]
    assert results[0].origin == str(tmp_path / "rows.csv")


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (b"1,a,b,c\n", "row 1: 4 fields where the header has 3"),
        (b"1\n", "row 1: 1 fields where the header has 3"),
        (b"1,,\n", "row 1: text is empty"),
        (b"1, ,\n", "row 1: text is empty"),
        (b"1,x,2025-13-01\n", "row 1: published: cannot read '2025-13-01' as a date"),
        (b'1,"x\ry",\n', None),
        (b"1,x\ry,\n", "row 1: malformed CSV: new-line character seen in unquoted field"),
    ],
)
def test_row_problems(tmp_path: Path, row: bytes, reason: str | None) -> None:
    results = read_bytes(tmp_path, b"id,text,published\n" + row + b"2,after,\n")
    assert reasons(results) == [reason, None]


def test_invalid_utf8_row(tmp_path: Path) -> None:
    header = b"id,text\n"
    good = b"1,fine\n"
    bad = b"2,caf\xe9 au lait\n"
    results = read_bytes(tmp_path, b"\xef\xbb\xbf" + header + good + bad + good)
    assert reasons(results) == [None, f"row 2: invalid UTF-8 at byte {3 + len(header + good) + 5}", None]
    assert results[1].raw == "2,caf\\xe9 au lait\n"


def test_synthetic_and_language_columns(tmp_path: Path) -> None:
    data = b"text,synthetic,language\na,yes,EN\nb,0,\nc,,ru\nd,perhaps,\n"
    results = read_bytes(tmp_path, data)
    assert reasons(results) == [None, None, None, "row 4: synthetic: expected true or false, got 'perhaps'"]
    assert [(r.synthetic, r.language) for r in documents(results[:3])] == [(True, "en"), (False, None), (False, "ru")]


def test_body_alias_and_unknown_columns(tmp_path: Path) -> None:
    results = read_bytes(tmp_path, b"Body , Extra\nthe text,ignored\n")
    assert isinstance(results[0], Document)
    assert results[0].text == "the text"
    assert results[0].raw == '{"body": "the text", "extra": "ignored"}'


def test_source_argument_wins(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(b"text,source,url\na,Steppe Wire,https://steppe-wire.example/x\nb,,https://www.steppe-wire.example/y\n")
    assert [r.source for r in documents(read(path))] == ["Steppe Wire", "steppe-wire.example"]
    assert [r.source for r in documents(read(path, source="Manual"))] == ["Manual", "Manual"]


def test_oversized_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 1000)
    long_line = b"2," + b"x" * 2000 + b"\n"
    multi_line = b'3,"' + b"y" * 400 + b"\n" + b"y" * 400 + b"\n" + b"y" * 400 + b'"\n'
    results = read_bytes(tmp_path, b"id,text\n1,a\n" + long_line + b"4,b\n" + multi_line + b"5,c\n")
    assert reasons(results) == [
        None,
        "row 2: item is 2 KiB, over the 1000 B limit",
        None,
        "row 4: item is 1.2 KiB, over the 1000 B limit",
        None,
    ]
    assert documents(results[-1:])[0].text == "c"


def test_real_item_cap(tmp_path: Path) -> None:
    results = read_bytes(tmp_path, b"id,text\n1," + b"w" * (6 * limits.MiB) + b"\n2,after\n")
    assert reasons(results) == ["row 1: item is 6 MiB, over the 5 MiB limit", None]
    assert len(results[0].raw) < limits.MAX_QUARANTINE_RAW_BYTES + 100


def test_long_field_under_the_cap_is_read(tmp_path: Path) -> None:
    text = "v" * 300_000
    results = read_bytes(tmp_path, f"id,text\n1,{text}\n".encode())
    assert isinstance(results[0], Document)
    assert results[0].text == text


@given(st.binary(max_size=300), st.sampled_from(["rows.csv", "rows.tsv"]))
@tmp_settings
def test_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, name: str) -> None:
    results = read_bytes(tmp_path, data, name)
    assert results
    assert all(isinstance(r, (Document, Quarantined)) for r in results)


@given(st.binary(max_size=200))
@tmp_settings
def test_arbitrary_rows_give_one_result_each(tmp_path: Path, data: bytes) -> None:
    body = data.replace(b"\r", b"").replace(b'"', b"").replace(b"\x00", b"")
    results = read_bytes(tmp_path, b"id,text\n" + body)
    rows = [line for line in body.split(b"\n") if line]
    assert len(results) == max(len(rows), 1)


text_values = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=80)
stripped = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), min_size=1,
                   max_size=20).map(str.strip).filter(bool)
rows = st.fixed_dictionaries(
    {"text": text_values.filter(str.strip), "id": st.one_of(st.just(""), stripped)},
    optional={
        "title": stripped,
        "date": st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2025, 6, 30)).map(
            lambda d: d.replace(microsecond=0).isoformat()),
        "language": st.sampled_from(["en", "ru", "az", "tr", "fa"]),
        "author": stripped,
    },
)


@given(st.lists(rows, min_size=1, max_size=6), st.sampled_from([",", ";", "\t"]))
@tmp_settings
def test_valid_rows_round_trip(tmp_path: Path, items: list[dict[str, str]], delimiter: str) -> None:
    columns = ["id", "text", "title", "date", "language", "author"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(columns)
    for item in items:
        writer.writerow([item.get(c, "") for c in columns])
    results = read_bytes(tmp_path, buffer.getvalue().encode())
    assert len(results) == len(items)
    for number, (item, document) in enumerate(zip(items, results, strict=True), start=1):
        assert isinstance(document, Document), document
        assert document.text == item["text"]
        assert document.external_id == (item["id"] or None)
        assert document.title == item.get("title")
        assert document.author == item.get("author")
        assert document.language == item.get("language")
        expected_date = datetime.fromisoformat(item["date"]).replace(tzinfo=UTC) if "date" in item else None
        assert document.published == expected_date
        assert document.origin.startswith(f"{tmp_path / 'rows.csv'}:row {number} (line ")
        assert json.loads(document.raw) == {c: item.get(c, "") for c in columns}
