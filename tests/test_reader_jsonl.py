from __future__ import annotations

import json
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.errors import InputError, UnknownFormat
from dyadwatch.models import Document, Quarantined
from dyadwatch.sources import READERS, detect_format, iter_input_files, limits, read_documents
from dyadwatch.sources.items import ReadContext
from dyadwatch.sources.jsonl import read_jsonl

FIXTURES = Path(__file__).parent / "fixtures" / "docs"
UTC = timezone.utc
COLLECTED = datetime(2025, 7, 2, 12, 0, tzinfo=UTC)
tmp_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


def read(path: Path, source: str | None = None, synthetic: bool = False) -> list[Document | Quarantined]:
    return list(read_jsonl(path, ReadContext(source, synthetic, COLLECTED)))


def read_bytes(
    tmp_path: Path, data: bytes, source: str | None = None, synthetic: bool = False,
) -> list[Document | Quarantined]:
    path = tmp_path / "items.jsonl"
    path.write_bytes(data)
    return read(path, source, synthetic)


def documents(results: list[Document | Quarantined]) -> list[Document]:
    assert all(isinstance(r, Document) for r in results), results
    return [r for r in results if isinstance(r, Document)]


def reasons(results: list[Document | Quarantined]) -> list[str | None]:
    return [r.reason if isinstance(r, Quarantined) else None for r in results]


def only(results: list[Document | Quarantined]) -> Document | Quarantined:
    assert len(results) == 1, results
    return results[0]


def reason_of(tmp_path: Path, data: bytes) -> str:
    result = only(read_bytes(tmp_path, data))
    assert isinstance(result, Quarantined), result
    return result.reason


def test_fixture_file() -> None:
    path = FIXTURES / "steppe_wire.jsonl"
    results = read(path)
    assert len(results) == 10
    first, second, third, fourth = results[:4]
    assert first == Document(
        source="steppe-wire.example",
        text="Port officials in Aktau and Baku agreed on a joint ferry timetable on Tuesday.",
        origin=f"{path}:1",
        raw=path.read_text(encoding="utf-8").splitlines()[0],
        raw_format="jsonl",
        url="https://www.steppe-wire.example/2025/07/01/ferry",
        title="Ferry timetable agreed",
        published=datetime(2025, 7, 1, 7, tzinfo=UTC),
        language="en",
        platform="web",
        author="Dana Orazbek",
        external_id="sw-101",
        collected_at=COLLECTED,
    )
    assert isinstance(second, Document)
    assert (second.source, second.external_id, second.language) == ("Steppe Wire", "102", "ru")
    assert second.published == datetime(2025, 7, 1, 7, tzinfo=UTC)
    assert isinstance(third, Document)
    assert (third.source, third.synthetic, third.text) == ("steppe_wire", True, "Liman idarəsi yeni cədvəli dərc etdi.")
    assert isinstance(fourth, Document)
    assert fourth.origin == f"{path}:5"
    assert fourth.published == datetime(2025, 7, 1, 7, tzinfo=UTC)
    assert reasons(results[4:]) == [
        "line 6: text is empty",
        "line 7: no text field (text, content, body)",
        "line 8: expected a JSON object, got an array",
        "line 9: invalid JSON (column 24): Expecting ',' delimiter",
        "line 10: published: cannot read '32.13.2025' as a date",
        "line 11: language: 'english' is not a language tag with an ISO 639-1 code (such as ru, az-Cyrl)",
    ]
    assert all(isinstance(r, Quarantined) and r.origin.startswith(f"{path}:") for r in results[4:])


def test_read_documents_detects_jsonl() -> None:
    results = list(read_documents(FIXTURES / "steppe_wire.jsonl", source="Forced", synthetic=True))
    documents = [r for r in results if isinstance(r, Document)]
    assert len(documents) == 4
    assert {d.source for d in documents} == {"Forced"}
    assert all(d.synthetic for d in documents)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b"\xef\xbb\xbf", "file is empty"),
        (b"\n  \n\r\n", "file contains only blank lines"),
        (b'"just a string"\n', "line 1: expected a JSON object, got a string"),
        (b"42\n", "line 1: expected a JSON object, got a number"),
        (b"null\n", "line 1: expected a JSON object, got null"),
        (b'{"text": 42}\n', "line 1: text: expected a string, got a number"),
        (b'{"text": "x", "title": ["a"]}\n', "line 1: title: expected a string, got an array"),
        (b'{"text": "x", "id": 1.5}\n', "line 1: id: expected a string, got a number"),
        (b'{"text": "x", "synthetic": "maybe"}\n', "line 1: synthetic: expected true or false, got 'maybe'"),
        (b'{"text": "x", "published": {"y": 1}}\n',
         "line 1: published: expected a date string or Unix seconds, got an object"),
        (b'{"text": "x", "published": "1850-01-01"}\n', "line 1: published: 1850-01-01 is before 1900"),
        (b'{"text": "x", "published": "2025-07-10"}\n',
         "line 1: published: 2025-07-10T00:00:00+00:00 is more than 2 days after collection "
         "(2025-07-02T12:00:00+00:00)"),
        (b'{"text": "x", "language": "qq"}\n',
         "line 1: language: 'qq' is not a language tag with an ISO 639-1 code (such as ru, az-Cyrl)"),
        (b'{"text": "x", "language": "zzz-Latn"}\n',
         "line 1: language: 'zzz-Latn' is not a language tag with an ISO 639-1 code (such as ru, az-Cyrl)"),
        (b"[" * 100_000 + b"\n", "line 1: invalid JSON: nested too deeply"),
        (b'{"text": "x"}}\n', "line 1: invalid JSON (column 14): Extra data"),
    ],
)
def test_bad_items(tmp_path: Path, data: bytes, reason: str) -> None:
    assert reason_of(tmp_path, data) == reason


def test_huge_integer_is_quarantined(tmp_path: Path) -> None:
    assert reason_of(tmp_path, b'{"text": "x", "id": ' + b"9" * 5000 + b"}\n").startswith("line 1: invalid JSON")


def test_invalid_utf8_reports_the_file_offset(tmp_path: Path) -> None:
    first = b'{"text": "fine"}\n'
    bad = b'{"text": "caf\xe9"}\n'
    results = read_bytes(tmp_path, first + bad + first)
    assert [type(r) for r in results] == [Document, Quarantined, Document]
    quarantined = results[1]
    assert isinstance(quarantined, Quarantined)
    offset = len(first) + bad.index(b"\xe9")
    assert quarantined.reason == f"line 2: invalid UTF-8 at byte {offset}"
    assert quarantined.raw == '{"text": "caf\\xe9"}'


def test_bom_is_accepted_and_counted_in_offsets(tmp_path: Path) -> None:
    results = read_bytes(tmp_path, b'\xef\xbb\xbf{"text": "first"}\n{"text": "\xff"}\n')
    assert isinstance(results[0], Document) and results[0].text == "first"
    assert reasons(results) == [None, "line 2: invalid UTF-8 at byte 31"]


def test_windows_line_endings_and_missing_final_newline(tmp_path: Path) -> None:
    results = read_bytes(tmp_path, b'{"text": "a"}\r\n\r\n{"text": "b"}')
    assert [r.text for r in documents(results)] == ["a", "b"]
    assert [r.origin.rsplit(":", 1)[1] for r in results] == ["1", "3"]
    assert results[0].raw == '{"text": "a"}'


def test_source_precedence(tmp_path: Path) -> None:
    lines = [
        {"text": "t", "source": "Steppe Wire", "url": "https://steppe-wire.example/a"},
        {"text": "t", "url": "https://www.Caspian-Ledger.example/a"},
        {"text": "t", "url": "not a url"},
        {"text": "t"},
    ]
    data = "".join(json.dumps(line) + "\n" for line in lines).encode()
    assert [r.source for r in documents(read_bytes(tmp_path, data))] == [
        "Steppe Wire", "caspian-ledger.example", "items", "items"]
    assert {r.source for r in documents(read_bytes(tmp_path, data, source="Analyst upload"))} == {
        "Analyst upload"}


def test_synthetic_flag_from_item_or_reader(tmp_path: Path) -> None:
    data = b'{"text": "a", "synthetic": true}\n{"text": "b", "synthetic": false}\n{"text": "c"}\n'
    assert [r.synthetic for r in documents(read_bytes(tmp_path, data))] == [True, False, False]
    assert [r.synthetic for r in documents(read_bytes(tmp_path, data, synthetic=True))] == [True] * 3


def test_canonical_field_wins_over_alias(tmp_path: Path) -> None:
    data = b'{"text": "main", "content": "alias", "published": "2025-07-01", "date": "2020-01-01"}\n'
    document = only(read_bytes(tmp_path, data))
    assert isinstance(document, Document)
    assert (document.text, document.published) == ("main", datetime(2025, 7, 1, tzinfo=UTC))


def test_oversized_line_is_quarantined_and_reading_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 1000)
    monkeypatch.setattr(limits, "MAX_QUARANTINE_RAW_BYTES", 100)
    big = json.dumps({"text": "x" * 3000}).encode()
    results = read_bytes(tmp_path, b'{"text": "before"}\n' + big + b'\n{"text": "after"}\n')
    assert [type(r) for r in results] == [Document, Quarantined, Document]
    quarantined = results[1]
    assert isinstance(quarantined, Quarantined)
    assert quarantined.reason == "line 2: item is 2.9 KiB, over the 1000 B limit"
    assert quarantined.raw == big[:100].decode() + f"\n[dyadwatch: truncated, 100 of {len(big) + 1} bytes kept]"


def test_real_item_cap(tmp_path: Path) -> None:
    big = b'{"text": "' + b"y" * (6 * limits.MiB) + b'"}'
    results = read_bytes(tmp_path, big + b'\n{"text": "after"}\n')
    assert reasons(results) == ["line 1: item is 6 MiB, over the 5 MiB limit", None]
    assert len(results[0].raw.encode()) < limits.MAX_QUARANTINE_RAW_BYTES + 100
    assert isinstance(results[1], Document)


def test_gigantic_line_is_streamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 64 * 1024)
    monkeypatch.setattr(limits, "MAX_QUARANTINE_RAW_BYTES", 1024)
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as stream:
        stream.write(b'{"text": "')
        for _ in range(40):
            stream.write(b"z" * limits.MiB)
        stream.write(b'"}\n{"text": "after"}\n')
    tracemalloc.start()
    results = read(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert reasons(results) == ["line 1: item is 40 MiB, over the 64 KiB limit", None]
    assert isinstance(results[1], Document)
    assert peak < 2 * limits.MiB


@given(st.binary(max_size=300))
@tmp_settings
def test_arbitrary_bytes_give_one_result_per_non_blank_line(tmp_path: Path, data: bytes) -> None:
    results = read_bytes(tmp_path, data)
    body = data.removeprefix(b"\xef\xbb\xbf")
    items = sum(1 for line in body.split(b"\n") if line.strip())
    assert all(isinstance(r, (Document, Quarantined)) for r in results)
    assert len(results) == max(items, 1)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)
item_keys = st.sampled_from(["id", "url", "title", "text", "content", "body", "published", "date", "language",
                             "source", "platform", "author", "synthetic", "other"])


@given(st.lists(st.one_of(st.dictionaries(item_keys, json_values, max_size=6), json_values), max_size=8))
@tmp_settings
def test_arbitrary_json_lines_give_one_result_each(tmp_path: Path, values: list[object]) -> None:
    data = "".join(json.dumps(v) + "\n" for v in values).encode()
    results = read_bytes(tmp_path, data)
    assert len(results) == max(len(values), 1)
    for result, value in zip(results[: len(values)], values, strict=True):
        if isinstance(result, Document):
            assert isinstance(value, dict)


stripped = st.text(min_size=1, max_size=30).map(str.strip).filter(bool)
moments = st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2025, 6, 30),
                       timezones=st.just(UTC))
valid_items = st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=200).filter(str.strip)},
    optional={
        "id": stripped,
        "url": st.sampled_from(["https://steppe-wire.example/a", "https://caspian-ledger.example/b?x=1"]),
        "title": stripped,
        "published": moments,
        "language": st.sampled_from(["en", "ru", "az", "tr", "fa", "kk"]),
        "source": stripped,
        "platform": stripped,
        "author": stripped,
        "synthetic": st.booleans(),
    },
)


@given(st.lists(valid_items, min_size=1, max_size=5), st.booleans())
@tmp_settings
def test_valid_items_round_trip(tmp_path: Path, items: list[dict[str, object]], ascii_only: bool) -> None:
    lines = [json.dumps({k: v.isoformat() if isinstance(v, datetime) else v for k, v in item.items()},
                        ensure_ascii=ascii_only) for item in items]
    results = read_bytes(tmp_path, ("\n".join(lines) + "\n").encode())
    assert len(results) == len(items)
    for number, (item, line, document) in enumerate(zip(items, lines, results, strict=True), start=1):
        assert isinstance(document, Document), document
        assert document.text == item["text"]
        assert document.raw == line
        assert document.origin == f"{tmp_path / 'items.jsonl'}:{number}"
        assert document.raw_format == "jsonl"
        assert document.external_id == item.get("id")
        assert document.url == item.get("url")
        assert document.title == item.get("title")
        assert document.published == item.get("published")
        assert document.language == item.get("language")
        assert document.platform == item.get("platform")
        assert document.author == item.get("author")
        assert document.synthetic == item.get("synthetic", False)
        url_host = str(item["url"]).split("/")[2] if "url" in item else None
        assert document.source == (item.get("source") or url_host or "items")



def test_detect_format() -> None:
    cases = {"a.jsonl": "jsonl", "a.NDJSON": "jsonl", "a.json": "jsonl", "a.csv": "csv", "a.tsv": "csv",
             "a.html": "html", "a.htm": "html", "a.xhtml": "html"}
    assert {name: detect_format(Path(name)) for name in cases} == cases


def test_unknown_format_names_the_formats_and_the_option() -> None:
    with pytest.raises(UnknownFormat) as caught:
        detect_format(Path("notes.txt"))
    message = str(caught.value)
    assert "'.txt'" in message and "--format" in message
    assert "jsonl (.jsonl, .ndjson, .json)" in message and "csv (.csv, .tsv)" in message and "html (" in message
    with pytest.raises(UnknownFormat, match="unknown format 'xml'"):
        read_documents(FIXTURES / "steppe_wire.jsonl", "xml")


def test_explicit_format_overrides_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text('{"text": "forced"}\n')
    assert [r.text for r in documents(list(read_documents(path, "jsonl")))] == ["forced"]


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_documents(tmp_path / "absent.jsonl")


def test_iter_input_files(tmp_path: Path) -> None:
    for name in ["b.jsonl", "a/z.csv", "a/y/x.html", ".hidden.jsonl", ".git/config", "a/.cache/c.jsonl", "c.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    listed = list(iter_input_files([tmp_path, tmp_path / "c.txt"]))
    assert [p.relative_to(tmp_path).as_posix() for p in listed] == [
        "a/y/x.html", "a/z.csv", "b.jsonl", "c.txt", "c.txt"]
    with pytest.raises(InputError):
        list(iter_input_files([tmp_path / "absent"]))


def test_registry_lists_every_reader() -> None:
    assert set(READERS) == {"jsonl", "csv", "html", "telegram", "feed"}


@pytest.mark.parametrize(("tag", "code"), [("ru", "ru"), ("az-Cyrl", "az"), ("en_US", "en"), ("aze", "az"), ("per", "fa"), ("FA", "fa")])
def test_language_tags_are_reduced_to_iso_639_1(tmp_path: Path, tag: str, code: str) -> None:
    path = tmp_path / "tags.jsonl"
    path.write_text(json.dumps({"text": "x", "language": tag}) + "\n", encoding="utf-8")
    (doc,) = list(read_documents(path))
    assert isinstance(doc, Document) and doc.language == code


def test_a_json_array_file_is_read_item_by_item(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    items = [{"text": "Baku recalled its ambassador.", "id": "x1"}, 7, {"text": "Moscow summoned the envoy."}]
    path.write_text("\ufeff  " + json.dumps(items, indent=2), encoding="utf-8")
    results = list(read_documents(path))
    assert [type(r).__name__ for r in results] == ["Document", "Quarantined", "Document"]
    assert results[0].external_id == "x1" and results[0].origin == f"{path}:item 1"
    assert results[1].reason == "item 2: expected a JSON object, got a number"


@pytest.mark.parametrize(
    ("content", "reason"),
    [("[1, 2", "invalid JSON (column 6): Expecting ',' delimiter"), ("[]", "the JSON array is empty")],
)
def test_a_broken_json_array_file_is_one_quarantined_item(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    (result,) = list(read_documents(path))
    assert isinstance(result, Quarantined) and result.reason == reason and result.origin == str(path)


def test_a_json_array_over_the_limit_says_to_use_jsonl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_JSON_ARRAY_BYTES", 10)
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"text": "x" * 50}]), encoding="utf-8")
    (result,) = list(read_documents(path))
    assert isinstance(result, Quarantined) and "write it as JSON Lines" in result.reason


@pytest.mark.parametrize("field", ["text", "title", "source"])
def test_an_unpaired_surrogate_escape_is_quarantined(tmp_path: Path, field: str) -> None:
    item = {"text": "Baku protested.", field: "broken \\ud800 escape"}
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(item).replace("\\\\ud800", "\\ud800") + "\n", encoding="utf-8")
    (result,) = list(read_documents(path))
    assert isinstance(result, Quarantined)
    assert result.reason == f"line 1: {field}: contains an unpaired UTF-16 surrogate (a broken \\u escape)"
