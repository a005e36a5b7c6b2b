from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.collect import source_specs
from dyadwatch.errors import ConfigError

from .helpers import news, write_jsonl


def _configure(ws, sources: str) -> None:
    config = ws.root / "dyadwatch.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n" + sources, encoding="utf-8")


def _reopen(ws):
    import dyadwatch

    ws.close()
    return dyadwatch.open_workspace(ws.root)


def test_collect_reads_every_source_and_reports_each(workspace, tmp_path: Path) -> None:
    write_jsonl(workspace.root / "feed.jsonl", [news("a", "Baku and Moscow traded protests."), news("b", "Ankara urged calm.")])
    write_jsonl(workspace.root / "events.jsonl", [
        {"date": "2025-06-27", "actor1_code": "RUS", "actor2_code": "AZE", "cameo_code": "173", "what": "Raids in Yekaterinburg."},
    ])
    _configure(workspace, '''
[[sources]]
kind = "jsonl"
path = "feed.jsonl"
name = "Caspian Ledger"

[[sources]]
kind = "files"
path = "missing-folder"

[[sources]]
kind = "events"
path = "events.jsonl"
''')
    ws = _reopen(workspace)
    try:
        report = ws.collect()
        by_kind = {s.kind: s for s in report.sources}
        assert (by_kind["jsonl"].new, by_kind["events"].new) == (2, 1)
        assert "no such file" in (by_kind["files"].failed or "")
        assert report.exit_code == 3
        assert set(ws.sources()["name"]) == {"Caspian Ledger"}
        again = ws.collect()
        assert [(s.new, s.duplicate) for s in again.sources if s.kind == "jsonl"] == [(0, 2)]
    finally:
        ws.close()


def test_unknown_kind_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="known kinds"):
        source_specs(tmp_path, [{"kind": "carrier-pigeon", "path": "x"}])


def test_collect_cli_json_report(workspace) -> None:
    from typer.testing import CliRunner

    from dyadwatch.cli import app

    write_jsonl(workspace.root / "one.jsonl", [news("a", "Baku recalled its envoy.")])
    _configure(workspace, '[[sources]]\nkind = "jsonl"\npath = "one.jsonl"\n')
    result = CliRunner().invoke(app, ["collect", "-w", str(workspace.root), "--output", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sources"][0]["new"] == 1


def test_init_from_an_example_copies_its_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from dyadwatch import examples
    from dyadwatch.cli import app

    bundled = tmp_path / "bundled"
    sample = bundled / "tiny"
    sample.mkdir(parents=True)
    write_jsonl(sample / "docs.jsonl", [news("t1", "Baku and Moscow agreed to talk.", synthetic=True)])
    (sample / "dyadwatch.toml").write_text('[[sources]]\nkind = "jsonl"\npath = "docs.jsonl"\nsynthetic = true\n', encoding="utf-8")
    (sample / "README.md").write_text("not copied", encoding="utf-8")
    monkeypatch.setattr(examples, "HERE", bundled)
    runner = CliRunner()
    target = tmp_path / "ws"
    result = runner.invoke(app, ["init", str(target), "--example", "tiny"])
    assert result.exit_code == 0, result.output
    assert "dyadwatch collect" in result.stdout
    assert (target / "docs.jsonl").exists() and not (target / "README.md").exists()
    assert runner.invoke(app, ["collect", "-w", str(target)]).exit_code == 0
    assert runner.invoke(app, ["init", str(target), "--example", "tiny"]).exit_code == 1
    assert runner.invoke(app, ["init", str(tmp_path / "other"), "--example", "nope"]).exit_code == 1


def test_feeds_by_url_go_through_the_guarded_fetcher(workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    from dyadwatch import collect as collect_module
    from dyadwatch.net.testing import FakeDNS, logical_url, make_fetcher

    feed = (Path(__file__).parent / "fixtures" / "feeds" / "caspian-ledger.rss").read_bytes()

    def answer(request: httpx.Request) -> httpx.Response:
        if logical_url(request).endswith("/robots.txt"):
            return httpx.Response(404)
        return httpx.Response(200, content=feed, headers={"content-type": "application/rss+xml"})

    dns = FakeDNS({"caspian-ledger.example": ["93.184.216.34"], "inward.example": ["10.0.0.5"]})
    monkeypatch.setattr(collect_module, "_fetcher", lambda spec: make_fetcher(answer, dns, retries=0)[0])
    _configure(workspace, '''
[[sources]]
kind = "feed"
url = "https://caspian-ledger.example/rss"

[[sources]]
kind = "feed"
url = "https://inward.example/rss"
''')
    ws = _reopen(workspace)
    try:
        good, inward = ws.collect().sources
        assert good.new == 3 and good.failed is None
        assert inward.new == 0 and "10.0.0.5" in (inward.failed or "")
    finally:
        ws.close()


def test_a_live_channel_resumes_after_the_newest_message_it_stored(workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from dyadwatch import collect as collect_module

    from .test_telegram_live import RECORDED, FakeClient, fake_message

    messages = list(RECORDED)
    clients: list[FakeClient] = []

    def factory(credentials: object) -> object:
        client = FakeClient(messages)
        clients.append(client)
        return lambda: client

    monkeypatch.setattr(collect_module, "load_credentials", lambda root: object())
    monkeypatch.setattr(collect_module, "telethon_client_factory", factory)
    _configure(workspace, '[[sources]]\nkind = "telegram"\nchannel = "@kaspi_signal"\n')
    ws = _reopen(workspace)
    try:
        assert ws.collect().sources[0].new == 3
        messages.append(fake_message(6, "Новое сообщение о переговорах в Баку.", 30))
        second = ws.collect().sources[0]
        assert (second.new, second.duplicate) == (1, 0)
        assert [c.calls[0]["min_id"] for c in clients] == [0, 5]
    finally:
        ws.close()


def test_urls_kind_fetches_each_listed_page(workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    from dyadwatch import collect as collect_module
    from dyadwatch.net.testing import FakeDNS, logical_url, make_fetcher

    body = (Path(__file__).parent / "fixtures" / "html" / "caspian_ledger_ferry.html").read_bytes()

    def answer(request: httpx.Request) -> httpx.Response:
        if logical_url(request).endswith("/robots.txt"):
            return httpx.Response(404)
        if "missing" in logical_url(request):
            return httpx.Response(404)
        return httpx.Response(200, content=body, headers={"content-type": "text/html; charset=utf-8"})

    monkeypatch.setattr(collect_module, "_fetcher", lambda spec: make_fetcher(answer, FakeDNS(), retries=0)[0])
    (workspace.root / "watch.txt").write_text(
        "# pages to watch\nhttps://news.example/a\nhttps://news.example/missing\n", encoding="utf-8")
    _configure(workspace, '[[sources]]\nkind = "urls"\npath = "watch.txt"\nname = "Caspian Ledger"\n')
    ws = _reopen(workspace)
    try:
        (report,) = ws.collect().sources
        assert (report.new, report.quarantined, report.failed) == (1, 1, None)
        assert "404" in ws.quarantine()["reason"].iloc[0]
    finally:
        ws.close()


def test_gdelt_mentions_and_gkg_tone_are_stored_once(workspace) -> None:
    import shutil

    from sqlalchemy import func, select

    from dyadwatch.store.schema import gdelt_mentions, gkg_tone

    fixtures = Path(__file__).parent / "fixtures" / "gdelt"
    shutil.copy(fixtures / "gdelt2_mentions.tsv", workspace.root / "mentions.tsv")
    shutil.copy(fixtures / "gkg21.tsv", workspace.root / "gkg.tsv")
    _configure(workspace, '[[sources]]\nkind = "gdelt-mentions"\npath = "mentions.tsv"\n\n'
                          '[[sources]]\nkind = "gdelt-gkg"\npath = "gkg.tsv"\n')
    ws = _reopen(workspace)
    try:
        mentions, gkg = ws.collect().sources
        assert mentions.new > 0 and gkg.new > 0 and not (mentions.failed or gkg.failed)
        again = ws.collect().sources
        assert [(s.new, s.duplicate) for s in again] == [(0, mentions.new), (0, gkg.new)]
        with ws.engine.connect() as connection:
            assert connection.execute(select(func.count()).select_from(gdelt_mentions)).scalar_one() == mentions.new
            tones = connection.execute(select(gkg_tone.c.tone, gkg_tone.c.word_count)).all()
        assert len(tones) == gkg.new and all(-100 <= tone <= 100 and words >= 0 for tone, words in tones)
    finally:
        ws.close()
