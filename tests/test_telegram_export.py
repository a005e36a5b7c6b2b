from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.models import Document, Quarantined
from dyadwatch.sources import READERS, detect_format, read_documents, telegram_export
from dyadwatch.sources.items import ReadContext
from dyadwatch.sources.telegram_export import ReadStats, clean_username, looks_like_export, read_export

FIXTURE = Path(__file__).parent / "fixtures" / "telegram" / "kaspi_signal_result.json"
UTC = timezone.utc
COLLECTED = datetime(2025, 7, 2, 12, 0, tzinfo=UTC)
tmp_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None, max_examples=150)


def read(path: Path, *, source: str | None = None, username: str | None = None,
         stats: ReadStats | None = None) -> list[Document | Quarantined]:
    return list(read_export(path, ReadContext(source, False, COLLECTED), username=username, stats=stats))


def write_export(tmp_path: Path, messages: list[object], **top: object) -> Path:
    path = tmp_path / "result.json"
    export = {"name": "Kaspi Signal", "type": "public_channel", "id": 1987654321, **top, "messages": messages}
    path.write_text(json.dumps(export), encoding="utf-8")
    return path


def message(**fields: object) -> dict[str, object]:
    return {"id": 10, "type": "message", "date": "2025-07-01T10:00:00", "date_unixtime": "1751364000",
            "from": "Kaspi Signal", "text": "Mətn", **fields}


def test_fixture_export() -> None:
    stats = ReadStats()
    results = read(FIXTURE, stats=stats)
    assert [type(r).__name__ for r in results] == ["Document", "Document", "Document", "Quarantined"]
    first, second, third, broken = results
    raw_messages = json.loads(FIXTURE.read_text(encoding="utf-8"))["messages"]
    assert first == Document(
        source="Kaspi Signal",
        text="Паромное сообщение между Актау и Баку возобновится в июле, сообщили в порту.",
        origin=f"{FIXTURE}:message 2",
        raw=json.dumps(raw_messages[1], ensure_ascii=False),
        raw_format="telegram",
        url=None,
        title=None,
        published=datetime(2025, 6, 30, 14, 5, tzinfo=UTC),
        platform="telegram",
        author="Kaspi Signal",
        external_id="1987654321/2",
        collected_at=COLLECTED,
    )
    assert second.text == ("Срочно: МИД Азербайджана вызвал временного поверенного #Баку подробнее. @kaspi_signal")
    assert "https://kaspi-signal.example/2025/06/30/mid" not in second.text
    assert second.author == "Лейла Г."
    assert json.loads(second.raw)["edited_unixtime"] == "1751299320"
    assert third.text.startswith("Bakı ilə Moskva arasında yeni hökumətlərarası komissiyanın")
    assert third.text.endswith("https://kaspi-signal.example/az/komissiya")
    assert json.loads(third.raw)["forwarded_from"] == "Xəzər Xəbər"
    assert isinstance(broken, Quarantined)
    assert broken.origin == f"{FIXTURE}:message 7"
    assert broken.reason == "message 7: text: expected a string or an array, got a number"
    assert json.loads(broken.raw)["id"] == 7
    assert stats == ReadStats(messages=7, documents=3, service=2, empty=1, quarantined=1)


def test_username_makes_urls_and_external_ids() -> None:
    documents = [r for r in read(FIXTURE, username="@kaspi_signal", source="KS") if isinstance(r, Document)]
    assert [d.url for d in documents] == [f"https://t.me/kaspi_signal/{n}" for n in (2, 3, 5)]
    assert [d.external_id for d in documents] == [f"kaspi_signal/{n}" for n in (2, 3, 5)]
    assert {d.source for d in documents} == {"KS"}


def test_top_level_username_is_used(tmp_path: Path) -> None:
    (doc,) = read(write_export(tmp_path, [message()], username="kaspi_signal"))
    assert isinstance(doc, Document) and doc.url == "https://t.me/kaspi_signal/10"


@pytest.mark.parametrize(("value", "expected"), [
    ("kaspi_signal", "kaspi_signal"), ("@kaspi_signal", "kaspi_signal"), ("https://t.me/kaspi_signal", "kaspi_signal"),
    ("t.me/kaspi_signal", "kaspi_signal"), ("", None), ("-100198", None), ("ab", None), (17, None), (None, None),
])
def test_clean_username(value: object, expected: str | None) -> None:
    assert clean_username(value) == expected


def test_date_without_unixtime_is_taken_as_utc(tmp_path: Path) -> None:
    item = message(date="2025-06-30T18:05:00")
    del item["date_unixtime"]
    (doc,) = read(write_export(tmp_path, [item]))
    assert isinstance(doc, Document) and doc.published == datetime(2025, 6, 30, 18, 5, tzinfo=UTC)


def test_text_entities_are_read_when_text_is_absent(tmp_path: Path) -> None:
    item = message(text_entities=[{"type": "plain", "text": "Xəbər "}, {"type": "bold", "text": "vacib"}])
    del item["text"]
    (doc,) = read(write_export(tmp_path, [item]))
    assert isinstance(doc, Document) and doc.text == "Xəbər vacib"


@pytest.mark.parametrize(("item", "where", "reason"), [
    (7, "message #1", "expected a JSON object, got a number"),
    ({"type": "message", "text": "x"}, "message #1", "id: expected an integer, got null"),
    (message(type="sticker"), "message 10", 'type: expected "message" or "service", got "sticker"'),
    (message(text=None), "message 10", "no text field (text, text_entities)"),
    (message(text=["a", 3]), "message 10", "text: part 2 is a number, expected a string or an object"),
    (message(text=[{"type": "bold"}]), "message 10", 'text: part 1 has no string "text"'),
    (message(date_unixtime="soon"), "message 10", "date_unixtime: cannot read 'soon' as a date"),
    (message(date_unixtime=[1]), "message 10", "date_unixtime: expected a date string or Unix seconds, got an array"),
    (message(date_unixtime="1893456000"), "message 10", "date_unixtime: 2030-01-01T00:00:00+00:00 is more than"),
    (message(text="\ud800"), "message 10", "text: contains an unpaired surrogate"),
])
def test_malformed_messages_are_quarantined(tmp_path: Path, item: object, where: str, reason: str) -> None:
    path = write_export(tmp_path, [item, message(id=11)])
    results = read(path)
    assert [type(r).__name__ for r in results] == ["Quarantined", "Document"]
    assert results[0].origin == f"{path}:{where}"
    assert results[0].reason.startswith(f"{where}: {reason}")


def test_service_and_empty_messages_yield_nothing_but_are_counted(tmp_path: Path) -> None:
    stats = ReadStats()
    items = [{"id": 1, "type": "service", "action": "pin_message", "text": ""}, message(id=2, text=""),
             message(id=3, text=[]), message(id=4, text="   ", photo="(File not included.)")]
    assert read(write_export(tmp_path, items), stats=stats) == []
    assert stats == ReadStats(messages=4, service=1, empty=3)


@pytest.mark.parametrize(("content", "reason"), [
    ("[1, 2", "invalid JSON (line 1, column 6): Expecting ',' delimiter"),
    ('{"name": "x"}', 'not a Telegram export: no "messages" list'),
    ("[]", "not a Telegram export: expected a JSON object, got an array"),
    ('{"chats": {"list": []}}', "a Telegram full-account export: export the single chat"),
])
def test_an_unreadable_file_is_one_quarantined_item(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "result.json"
    path.write_text(content, encoding="utf-8")
    stats = ReadStats()
    (result,) = read(path, stats=stats)
    assert isinstance(result, Quarantined) and result.origin == str(path) and result.reason.startswith(reason)
    assert stats.quarantined == 1


def test_invalid_utf8_is_quarantined(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(b'{"messages": ["\xff"]}')
    (result,) = read(path)
    assert isinstance(result, Quarantined) and result.reason == "invalid UTF-8 at byte 15"


def test_a_file_over_the_cap_is_quarantined_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(telegram_export, "MAX_EXPORT_BYTES", 100)
    path = write_export(tmp_path, [message(text="x" * 200)])
    (result,) = read(path)
    assert isinstance(result, Quarantined) and "over the 100 B limit" in result.reason and "date ranges" in result.reason


def test_detect_format_sniffs_exports(tmp_path: Path) -> None:
    assert detect_format(FIXTURE) == "telegram"
    bom_export = tmp_path / "bom.json"
    bom_export.write_bytes(b"\xef\xbb\xbf\n" + FIXTURE.read_bytes())
    array = tmp_path / "array.json"
    array.write_text('[{"text": "x", "type": "public_channel", "messages": []}]', encoding="utf-8")
    other_object = tmp_path / "other.json"
    other_object.write_text('{"type": "news", "messages": []}', encoding="utf-8")
    lines = tmp_path / "lines.json"
    lines.write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    assert [detect_format(p) for p in (bom_export, array, other_object, lines)] == ["telegram", "jsonl", "jsonl", "jsonl"]
    assert detect_format(tmp_path / "absent.json") == "jsonl"
    assert not looks_like_export(tmp_path / "absent.json")


def test_read_documents_reads_exports_by_detection_and_by_name(tmp_path: Path) -> None:
    auto = list(read_documents(FIXTURE, source="Kaspi", synthetic=True))
    assert [type(r).__name__ for r in auto] == ["Document", "Document", "Document", "Quarantined"]
    assert all(r.synthetic and r.source == "Kaspi" for r in auto if isinstance(r, Document))
    renamed = tmp_path / "export.txt"
    renamed.write_bytes(FIXTURE.read_bytes())
    assert len(list(read_documents(renamed, "telegram"))) == 4
    assert "telegram" in READERS


def test_cli_ingest_with_format_telegram(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dyadwatch.cli import app

    workspace = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(workspace)]).exit_code == 0
    result = runner.invoke(app, ["ingest", "--format", "telegram", str(FIXTURE), "-w", str(workspace), "-o", "json"])
    assert result.exit_code == 3, result.output
    assert '"new": 3' in result.output and '"quarantined": 1' in result.output


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
_message_keys = st.sampled_from(["id", "type", "text", "text_entities", "date", "date_unixtime", "from", "author",
                                 "forwarded_from", "edited_unixtime"])
_text_value = _json | st.lists(st.text(max_size=10) | st.fixed_dictionaries({"type": st.text(max_size=5),
                                                                              "text": _json}), max_size=4)


def _check(results: list[Document | Quarantined], stats: ReadStats) -> None:
    assert all(isinstance(r, (Document, Quarantined)) for r in results)
    assert len(results) == stats.documents + stats.quarantined <= stats.messages
    for result in results:
        json.loads(result.raw)
        if isinstance(result, Document):
            assert result.text.strip() and result.platform == "telegram"


@tmp_settings
@given(text=_text_value)
def test_any_json_text_never_raises(tmp_path: Path, text: object) -> None:
    stats = ReadStats()
    _check(list(read_export(write_export(tmp_path, [message(text=text)]), ReadContext(None, False, COLLECTED),
                            stats=stats)), stats)


@tmp_settings
@given(messages=st.lists(_json | st.dictionaries(_message_keys, _json | _text_value), max_size=5),
       top=st.dictionaries(st.sampled_from(["name", "id", "username", "type"]), _json, max_size=3))
def test_any_message_objects_never_raise(tmp_path: Path, messages: list[object], top: dict[str, object]) -> None:
    stats = ReadStats()
    _check(list(read_export(write_export(tmp_path, messages, **top), ReadContext(None, False, COLLECTED),
                            stats=stats)), stats)
