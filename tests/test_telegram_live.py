"""read_channel against a recorded fake of telethon.sync.TelegramClient; nothing here contacts Telegram."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from telethon.errors import FloodWaitError
from telethon.tl.types import MessageActionPinMessage, MessageFwdHeader, PeerChannel

from dyadwatch.errors import ConfigError, InputError
from dyadwatch.models import Document, Quarantined
from dyadwatch.sources.telegram_export import ReadStats
from dyadwatch.sources.telegram_live import (
    ENV_API_HASH,
    ENV_API_ID,
    ENV_SESSION,
    TelegramCredentials,
    load_credentials,
    read_channel,
    telethon_client_factory,
)

UTC = timezone.utc
COLLECTED = datetime(2025, 7, 2, 12, 0, tzinfo=UTC)
API_ID = 7654321
API_HASH = "f00dfacecafebabe0123456789abcdef"


def fake_message(id: int, text: str | None, minutes: int = 0, **fields: Any) -> SimpleNamespace:
    """An object shaped like telethon.tl.custom.Message (only the attributes read_channel uses)."""
    base = dict(id=id, message=text, date=datetime(2025, 7, 1, 9, 0, tzinfo=UTC) + timedelta(minutes=minutes),
                edit_date=None, views=100 + id, forwards=id, post_author=None, grouped_id=None, fwd_from=None,
                action=None)
    return SimpleNamespace(**(base | fields))


RECORDED = [
    fake_message(1, None, action=MessageActionPinMessage()),
    fake_message(2, "Каспийский паром снова в пути: рейс Актау — Баку вышел по расписанию.", 5,
                 post_author="Лейла Г.", edit_date=datetime(2025, 7, 1, 9, 30, tzinfo=UTC)),
    fake_message(3, "", 6),
    fake_message(4, "Azərbaycan və Rusiya nümayəndələri Xəzər limanlarında görüşdü.", 10,
                 fwd_from=MessageFwdHeader(date=datetime(2025, 6, 30, 20, 0, tzinfo=UTC),
                                           from_id=PeerChannel(555), channel_post=77)),
    fake_message(5, "Позднее сообщение", 20),
]


class FakeClient:
    """Replays RECORDED like iter_messages(channel, min_id=..., reverse=True, limit=...); may raise flood waits."""

    def __init__(self, messages: list[SimpleNamespace], flood_after: list[int] | None = None) -> None:
        self.messages = messages
        self.flood_after = list(flood_after or [])
        self.calls: list[dict[str, Any]] = []
        self.entered = self.exited = False

    def __enter__(self) -> FakeClient:
        self.entered = True
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.exited = True

    def iter_messages(self, entity: str, *, min_id: int, reverse: bool, limit: int | None) -> Iterator[Any]:
        self.calls.append({"entity": entity, "min_id": min_id, "reverse": reverse, "limit": limit})
        newer = [m for m in self.messages if not isinstance(m.id, int) or m.id > min_id]
        for count, message in enumerate(newer[:limit] if limit is not None else newer):
            if self.flood_after and count == self.flood_after[0]:
                self.flood_after.pop(0)
                raise FloodWaitError(request=None, capture=3)
            yield message


def read(client: FakeClient, channel: str = "@kaspi_signal", **options: Any) -> list[Document | Quarantined]:
    return list(read_channel(lambda: client, channel, collected_at=COLLECTED, **options))


def test_recorded_channel() -> None:
    client = FakeClient(RECORDED)
    stats = ReadStats()
    results = read(client, stats=stats)
    assert [type(r).__name__ for r in results] == ["Document", "Document", "Document"]
    first, second, _ = results
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.source, first.url, first.external_id, first.platform, first.author) == (
        "kaspi_signal", "https://t.me/kaspi_signal/2", "kaspi_signal/2", "telegram", "Лейла Г.")
    assert first.published == datetime(2025, 7, 1, 9, 5, tzinfo=UTC) and first.title is None
    assert first.origin == "telegram:kaspi_signal:message 2" and first.raw_format == "telegram-api"
    raw = json.loads(first.raw)
    assert raw["views"] == 102 and raw["forwards"] == 2 and raw["edit_date"] == "2025-07-01T09:30:00+00:00"
    assert raw["channel"] == "@kaspi_signal" and raw["message"] == first.text
    forward = json.loads(second.raw)["fwd_from"]
    assert forward["channel_post"] == 77 and forward["from_id"] == {"_": "PeerChannel", "channel_id": 555}
    assert stats == ReadStats(messages=5, documents=3, service=1, empty=1)
    assert client.calls == [{"entity": "@kaspi_signal", "min_id": 0, "reverse": True, "limit": None}]
    assert client.entered and client.exited


def test_since_id_limit_and_source() -> None:
    client = FakeClient(RECORDED)
    results = read(client, since_id=3, limit=1, source="Kaspi Signal", synthetic=True)
    assert [(r.external_id, r.source, r.synthetic) for r in results if isinstance(r, Document)] == [
        ("kaspi_signal/4", "Kaspi Signal", True)]
    assert client.calls[0]["min_id"] == 3 and client.calls[0]["limit"] == 1


def test_numeric_channel_has_no_url() -> None:
    (doc, *_) = read(FakeClient(RECORDED), channel="-1001987654321")
    assert isinstance(doc, Document) and doc.url is None and doc.external_id == "-1001987654321/2"


def test_flood_wait_sleeps_and_resumes_after_the_last_message(caplog: pytest.LogCaptureFixture) -> None:
    client = FakeClient(RECORDED, flood_after=[2, 1])
    slept: list[float] = []
    results = read(client, sleep=slept.append, limit=4)
    assert [r.external_id for r in results if isinstance(r, Document)] == ["kaspi_signal/2", "kaspi_signal/4"]
    assert slept == [3, 3]
    assert [(c["min_id"], c["limit"]) for c in client.calls] == [(0, 4), (2, 2), (3, 1)]
    assert "sleeping 3 s" in caplog.text


def test_flood_waits_are_bounded() -> None:
    client = FakeClient(RECORDED, flood_after=[0, 0, 0])
    slept: list[float] = []
    with pytest.raises(InputError, match="after 2 waits"):
        read(client, sleep=slept.append, max_flood_waits=2)
    assert slept == [3, 3] and client.exited


def test_malformed_messages_are_quarantined() -> None:
    messages = [fake_message(1, 17), fake_message(2, "x", date="yesterday"),
                fake_message(3, "x", date=datetime(2031, 1, 1, tzinfo=UTC)), SimpleNamespace(id=None, message="x"),
                fake_message(5, "fine", date=datetime(2025, 7, 1, 13, 0))]
    results = read(FakeClient(messages))
    assert [(r.origin, r.reason) for r in results if isinstance(r, Quarantined)] == [
        ("telegram:kaspi_signal:message 1", "message: expected a string, got int"),
        ("telegram:kaspi_signal:message 2", "date: expected a datetime, got str"),
        ("telegram:kaspi_signal:message 3",
         "date: 2031-01-01T00:00:00+00:00 is more than 2 days after collection (2025-07-02T12:00:00+00:00)"),
        ("telegram:kaspi_signal:message ?", "id: expected an integer"),
    ]
    assert isinstance(results[-1], Document) and results[-1].published == datetime(2025, 7, 1, 13, 0, tzinfo=UTC)


def test_credentials_never_reach_documents_or_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv(ENV_API_ID, str(API_ID))
    monkeypatch.setenv(ENV_API_HASH, API_HASH)
    monkeypatch.setenv(ENV_SESSION, str(tmp_path / "kaspi.session"))
    credentials = load_credentials()
    client = FakeClient(RECORDED, flood_after=[1])

    def factory() -> FakeClient:
        assert (credentials.api_id, credentials.api_hash) == (API_ID, API_HASH)
        return client

    caplog.set_level(logging.DEBUG)
    results = list(read_channel(factory, "kaspi_signal", sleep=lambda s: None, collected_at=COLLECTED))
    assert results
    for result in results:
        assert API_HASH not in result.raw and str(API_ID) not in result.raw
        assert API_HASH not in repr(result) and str(API_ID) not in repr(result)
    assert API_HASH not in caplog.text and str(API_ID) not in caplog.text
    assert API_HASH not in repr(credentials) and str(API_ID) not in repr(credentials)


def test_credentials_from_workspace_config_and_environment(tmp_path: Path) -> None:
    (tmp_path / "dyadwatch.toml").write_text(
        f'[telegram]\napi_id = {API_ID}\napi_hash = "{API_HASH}"\n', encoding="utf-8")
    assert load_credentials(tmp_path, environ={}) == TelegramCredentials(API_ID, API_HASH, tmp_path / "telegram.session")
    from_env = load_credentials(tmp_path, environ={ENV_API_ID: "42", ENV_SESSION: "~/x.session"})
    assert (from_env.api_id, from_env.api_hash, from_env.session) == (42, API_HASH, Path("~/x.session").expanduser())


@pytest.mark.parametrize(("environ", "match"), [
    ({}, "credentials are missing"),
    ({ENV_API_ID: "12ab", ENV_API_HASH: API_HASH}, "must be a number"),
    ({ENV_API_ID: "12", ENV_API_HASH: API_HASH}, "no Telegram session file"),
])
def test_credential_errors_do_not_echo_values(environ: dict[str, str], match: str) -> None:
    with pytest.raises(ConfigError, match=match) as caught:
        load_credentials(None, environ=environ)
    assert API_HASH not in str(caught.value) and "12ab" not in str(caught.value)


def test_telethon_factory_builds_a_client_without_connecting(tmp_path: Path) -> None:
    client = telethon_client_factory(TelegramCredentials(API_ID, API_HASH, tmp_path / "s.session"))()
    assert type(client).__name__ == "TelegramClient" and not client.is_connected()  # type: ignore[attr-defined]
    client.session.close()  # type: ignore[attr-defined]


_values = st.none() | st.integers() | st.text(max_size=12) | st.floats() | st.datetimes(timezones=st.just(UTC))


@settings(deadline=None, max_examples=150)
@given(st.lists(st.builds(SimpleNamespace, id=_values, message=_values, date=_values, views=_values,
                          action=st.none() | st.just("pin"), fwd_from=_values, post_author=_values), max_size=5))
def test_any_message_objects_never_raise(messages: list[SimpleNamespace]) -> None:
    messages = [m for m in messages if not isinstance(m.id, int) or m.id > 0]
    stats = ReadStats()
    results = list(read_channel(lambda: FakeClient(messages), "kaspi_signal", collected_at=COLLECTED, stats=stats))
    assert all(isinstance(r, (Document, Quarantined)) for r in results)
    assert len(results) == stats.documents + stats.quarantined and stats.messages == len(messages)
