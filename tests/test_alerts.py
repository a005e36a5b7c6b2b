"""Alert rules (parsing, each kind firing or staying quiet, since) and delivery (stdout, JSONL, a real webhook)."""

from __future__ import annotations

import hashlib
import io
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pandas as pd
import pytest

from dyadwatch.alerts import (
    AlertRule,
    DeliverySettings,
    MaterialConflict,
    NewPhase,
    Target,
    ToneDrop,
    deliver,
    evaluate,
    parse_delivery,
    parse_rules,
)
from dyadwatch.errors import ConfigError
from dyadwatch.ledger.model import Alert, Phase

RU = "Обстрел пограничного поста у Лачина, есть раненые"
FA = "درگیری مرزی میان روسیه و آذربایجان"
EMPTY_DAILY = pd.DataFrame({"tone": pd.Series(dtype=float)}, index=pd.DatetimeIndex([]))
EMPTY_EVENTS = pd.DataFrame(columns=["id", "event_date", "quad_class", "corroboration", "summary", "doc_id", "story"])


def expected_id(rule: str, dyad: str, thing: str) -> str:
    """The documented id formula, spelt out so a change to it shows up here."""
    return hashlib.sha256("\x1f".join((rule, dyad, thing)).encode()).hexdigest()[:24]


def rule(**table: Any) -> AlertRule:
    return parse_rules([{"name": "r", **table}])[0]


def run(alert_rule: AlertRule, *, dyad: str = "RUS-AZE", phases: list[Phase] | None = None,
        daily: pd.DataFrame = EMPTY_DAILY, events: pd.DataFrame = EMPTY_EVENTS, since: date | None = None) -> list[Alert]:
    return evaluate(alert_rule, dyad=dyad, phases=phases or [], daily=daily, events=events, since=since)


# --- parsing -----------------------------------------------------------------------------------------------


def test_parse_defaults_and_parameters() -> None:
    rules = parse_rules([
        {"name": "esc", "kind": "new_phase"},
        {"name": "war", "kind": "material_conflict", "dyad": "rus:aze", "min_corroboration": 3,
         "deliver": ["stdout", "jsonl:out/a.jsonl", "webhook:http://127.0.0.1:9000/hook"]},
        {"name": "tone", "kind": "tone_drop", "dyad": "RUS-AZE", "k": 3, "baseline_days": 20, "min_days": 20},
    ])
    assert rules[0] == AlertRule("esc", NewPhase(("escalation",)))
    assert rules[1].params == MaterialConflict(3) and rules[1].dyad == "RUS:AZE"
    assert rules[1].deliver == (Target("stdout"), Target("jsonl", "out/a.jsonl"),
                                Target("webhook", "http://127.0.0.1:9000/hook"))
    assert rules[2].params == ToneDrop(3.0, 20, 20) and rules[2].kind == "tone_drop"
    assert rules[0].targets((Target("stdout"),)) == (Target("stdout"),)
    assert [str(t) for t in rules[1].targets(())] == ["stdout", "jsonl:out/a.jsonl",
                                                      "webhook:http://127.0.0.1:9000/hook"]


@pytest.mark.parametrize(("table", "where", "field"), [
    ({"kind": "new_phase"}, "entry 1", "name"),
    ({"name": "x", "kind": "earthquake"}, "rule 'x'", "kind"),
    ({"name": "x", "kind": "new_phase", "min_corroboration": 2}, "rule 'x'", "min_corroboration"),
    ({"name": "x", "kind": "tone_drop", "treshold": 2}, "rule 'x'", "treshold"),
    ({"name": "x", "kind": "new_phase", "dyad": "Russia-Azerbaijan"}, "rule 'x'", "dyad"),
    ({"name": "x", "kind": "new_phase", "dyad": "RUS-RUS"}, "rule 'x'", "dyad"),
    ({"name": "x", "kind": "new_phase", "dyad": 7}, "rule 'x'", "dyad"),
    ({"name": "x", "kind": "new_phase", "kinds": ["war"]}, "rule 'x'", "kinds"),
    ({"name": "x", "kind": "new_phase", "kinds": []}, "rule 'x'", "kinds"),
    ({"name": "x", "kind": "material_conflict", "min_corroboration": 0}, "rule 'x'", "min_corroboration"),
    ({"name": "x", "kind": "material_conflict", "min_corroboration": True}, "rule 'x'", "min_corroboration"),
    ({"name": "x", "kind": "tone_drop", "k": -1}, "rule 'x'", "k"),
    ({"name": "x", "kind": "tone_drop", "k": "2"}, "rule 'x'", "k"),
    ({"name": "x", "kind": "tone_drop", "baseline_days": 10}, "rule 'x'", "min_days"),
    ({"name": "x", "kind": "tone_drop", "min_days": 1.5}, "rule 'x'", "min_days"),
    ({"name": "x", "kind": "new_phase", "deliver": ["email:me"]}, "rule 'x'", "deliver"),
    ({"name": "x", "kind": "new_phase", "deliver": ["webhook:ftp://host/x"]}, "rule 'x'", "deliver"),
    ({"name": "x", "kind": "new_phase", "deliver": []}, "rule 'x'", "deliver"),
])
def test_parse_errors_name_rule_and_field(table: dict[str, Any], where: str, field: str) -> None:
    with pytest.raises(ConfigError, match=rf"\[\[alerts\]\] {where}, field '{field}'") as caught:
        parse_rules([table])
    assert caught.value.code == "E004"


def test_duplicate_names_and_non_tables() -> None:
    with pytest.raises(ConfigError, match=r"rule 'x', field 'name': another rule has this name"):
        parse_rules([{"name": "x", "kind": "new_phase"}, {"name": "x", "kind": "tone_drop"}])
    with pytest.raises(ConfigError, match=r"entry 2 is not a table"):
        parse_rules([{"name": "x", "kind": "new_phase"}, "tone_drop"])  # type: ignore[list-item]


def test_parse_delivery_settings() -> None:
    assert parse_delivery(None) == DeliverySettings((Target("stdout"),), 10.0)
    assert parse_delivery({"deliver": ["jsonl:a.jsonl"], "timeout": 2}) == DeliverySettings(
        (Target("jsonl", "a.jsonl"),), 2.0)
    with pytest.raises(ConfigError, match=r"\[alerts_delivery\], field 'retries'"):
        parse_delivery({"retries": 3})
    with pytest.raises(ConfigError, match=r"\[alerts_delivery\], field 'timeout'"):
        parse_delivery({"timeout": 0})
    with pytest.raises(ConfigError, match=r"\[alerts_delivery\], field 'deliver'"):
        parse_delivery({"deliver": "stdout"})


def test_dyad_scope() -> None:
    undirected, directed, every = rule(kind="new_phase", dyad="RUS-AZE"), rule(kind="new_phase", dyad="RUS:AZE"), \
        rule(kind="new_phase")
    assert undirected.applies("RUS-AZE") and undirected.applies("aze-rus") and not undirected.applies("RUS:AZE")
    assert directed.applies("RUS:AZE") and not directed.applies("AZE:RUS") and not directed.applies("RUS-AZE")
    assert not undirected.applies("IRN-AZE") and every.applies("IRN:AZE")
    phase = _phase("p1", "escalation", date(2025, 6, 1))
    assert run(undirected, dyad="IRN-AZE", phases=[phase]) == []
    assert run(directed, dyad="RUS:AZE", phases=[phase])[0].dyad == "RUS:AZE"


# --- new_phase -----------------------------------------------------------------------------------------------


def _phase(ident: str, kind: str, start: date) -> Phase:
    return Phase(id=ident, dyad="RUS-AZE", kind=kind, start=start, end=start + timedelta(days=5), ongoing=False,
                 conflict_rate=1.0, cooperation_rate=0.5, baseline_conflict=0.2, baseline_cooperation=0.5,
                 drivers={"conflict": [{"event": "e1", "weight": 2.0}]})


def test_new_phase_fires_for_escalations_since() -> None:
    phases = [_phase("p-old", "escalation", date(2025, 5, 1)), _phase("p-calm", "stable", date(2025, 6, 10)),
              _phase("p-new", "escalation", date(2025, 6, 20)), _phase("p-truce", "truce", date(2025, 6, 25))]
    alerts = run(rule(kind="new_phase"), phases=phases, since=date(2025, 6, 1))
    assert [a.id for a in alerts] == [expected_id("r", "RUS-AZE", "p-new")]
    alert = alerts[0]
    assert (alert.rule, alert.kind, alert.dyad, alert.day) == ("r", "new_phase", "RUS-AZE", date(2025, 6, 20))
    assert alert.evidence == {"phase_id": "p-new", "phase_kind": "escalation", "start": "2025-06-20",
                              "drivers": {"conflict": [{"event": "e1", "weight": 2.0}]}}
    assert [a.day for a in run(rule(kind="new_phase"), phases=phases)] == [date(2025, 5, 1), date(2025, 6, 20)]
    both = run(rule(kind="new_phase", kinds=["escalation", "truce"]), phases=phases, since=date(2025, 6, 1))
    assert [a.evidence["phase_id"] for a in both] == ["p-new", "p-truce"]
    assert run(rule(kind="new_phase"), phases=phases[1:2]) == []


# --- material_conflict ----------------------------------------------------------------------------------------


def _events() -> pd.DataFrame:
    rows = [
        ("e1", date(2025, 6, 28), 4, 2, RU, "d1", "s-clash"),
        ("e2", date(2025, 6, 28), 4, 2, None, "d2", "s-clash"),
        ("e3", date(2025, 6, 28), 4, 1, "one outlet says so", "d3", "s-lonely"),
        ("e4", date(2025, 6, 29), 3, 5, "protest note", "d4", "s-verbal"),
        ("e5", date(2025, 6, 20), 4, 3, FA, "d5", "s-old"),
        ("e6", date(2025, 6, 30), 1, 4, "talks", None, "s-talks"),
    ]
    return pd.DataFrame(rows, columns=["id", "event_date", "quad_class", "corroboration", "summary", "doc_id", "story"])


def test_material_conflict_fires_once_per_corroborated_story() -> None:
    alerts = run(rule(kind="material_conflict"), events=_events(), since=date(2025, 6, 25))
    assert [a.id for a in alerts] == [expected_id("r", "RUS-AZE", "s-clash")]
    assert alerts[0].day == date(2025, 6, 28)
    assert alerts[0].evidence == {"story": "s-clash", "event_ids": ["e1", "e2"], "summary": RU, "corroboration": 2,
                                  "doc_ids": ["d1", "d2"]}
    assert RU in alerts[0].message
    everything = run(rule(kind="material_conflict"), events=_events())
    assert [a.evidence["story"] for a in everything] == ["s-old", "s-clash"]
    assert run(rule(kind="material_conflict", min_corroboration=1), events=_events(), since=date(2025, 6, 25)) \
        and len(run(rule(kind="material_conflict", min_corroboration=1), events=_events())) == 3


def test_material_conflict_quiet_inputs() -> None:
    quiet = _events()
    quiet = quiet[quiet["quad_class"] != 4]
    assert run(rule(kind="material_conflict"), events=quiet) == []
    assert run(rule(kind="material_conflict"), events=EMPTY_EVENTS) == []
    assert run(rule(kind="material_conflict", min_corroboration=4), events=_events()) == []


# --- tone_drop ----------------------------------------------------------------------------------------------


def _daily(tones: list[float], start: date = date(2025, 5, 1)) -> pd.DataFrame:
    index = pd.date_range(start, periods=len(tones), freq="D")
    return pd.DataFrame({"tone": tones, "conflict": 0, "material_conflict": 0}, index=index)


BASE = [1.0 + (0.5 if i % 2 else -0.5) for i in range(30)]
"""Thirty days of tone: mean 1.0, sample sd 0.5085."""


def test_tone_drop_fires_on_the_day_of_the_drop() -> None:
    daily = _daily([*BASE, -1.0, 1.0])
    alerts = run(rule(kind="tone_drop"), daily=daily)
    drop = date(2025, 5, 31)
    assert [(a.id, a.day) for a in alerts] == [(expected_id("r", "RUS-AZE", "2025-05-31"), drop)]
    sd = float(np.std(BASE, ddof=1))
    assert alerts[0].evidence == pytest.approx({"tone": -1.0, "mean": 1.0, "sd": sd, "z": -2.0 / sd, "days": 30})
    assert run(rule(kind="tone_drop", k=4.0), daily=daily) == []
    assert run(rule(kind="tone_drop"), daily=daily, since=drop + timedelta(days=1)) == []
    assert [a.day for a in run(rule(kind="tone_drop"), daily=daily, since=drop)] == [drop]


def test_tone_drop_baseline_is_the_previous_days_only() -> None:
    # 60 days: a noisy but low first month, then a calm high month; the drop is judged against the high month
    daily = _daily([*(-5.0 + x for x in BASE), *BASE, -0.5])
    alerts = run(rule(kind="tone_drop"), daily=daily, since=date(2025, 6, 1))
    assert [a.day for a in alerts] == [date(2025, 6, 30)]
    assert alerts[0].evidence["mean"] == pytest.approx(1.0)


def test_tone_drop_quiet_and_thin_inputs() -> None:
    assert run(rule(kind="tone_drop"), daily=_daily([*BASE, 0.5])) == []
    assert run(rule(kind="tone_drop"), daily=_daily([1.0] * 30 + [-9.0])) == []  # no spread: no z
    thin = [*([np.nan] * 17), *BASE[:13], -5.0]  # only 13 days with a tone
    assert run(rule(kind="tone_drop"), daily=_daily(thin)) == []
    assert [a.day for a in run(rule(kind="tone_drop", min_days=13), daily=_daily(thin))] == [date(2025, 5, 31)]
    assert run(rule(kind="tone_drop"), daily=_daily([*BASE, np.nan])) == []
    assert run(rule(kind="tone_drop"), daily=EMPTY_DAILY) == []


# --- delivery ------------------------------------------------------------------------------------------------


def _alert(ident: str, message: str = RU, **evidence: Any) -> Alert:
    return Alert(id=ident, rule="war", kind="material_conflict", dyad="RUS-AZE", day=date(2025, 6, 28),
                 message=message, evidence={"summary": FA, "start": date(2025, 6, 1), "n": np.int64(3), **evidence})


def test_stdout_one_line_per_alert() -> None:
    out = io.StringIO()
    report = deliver([_alert("a1", "two\nlines [bold]x[/bold] \x1b[31mred"), _alert("a2")], [Target("stdout")],
                     stream=out)
    assert out.getvalue().splitlines() == [
        "2025-06-28 RUS-AZE war: two lines [bold]x[/bold] \ufffd[31mred",
        f"2025-06-28 RUS-AZE war: {RU}",
    ]
    assert report.delivered == ("a1", "a2") and report.ok


def test_jsonl_appends(tmp_path: Path) -> None:
    target = Target("jsonl", "out/alerts.jsonl")
    deliver([_alert("a1"), _alert("a2")], [target], root=tmp_path)
    report = deliver([_alert("a3")], [target], root=tmp_path)
    raw = (tmp_path / "out/alerts.jsonl").read_text(encoding="utf-8")
    assert RU in raw and FA in raw  # not \u-escaped
    lines = [json.loads(line) for line in raw.splitlines()]
    assert [line["id"] for line in lines] == ["a1", "a2", "a3"]
    assert lines[0] == {"id": "a1", "rule": "war", "kind": "material_conflict", "dyad": "RUS-AZE",
                        "day": "2025-06-28", "message": RU,
                        "evidence": {"summary": FA, "start": "2025-06-01", "n": 3}}
    assert report.targets[0].target == "jsonl:out/alerts.jsonl" and report.delivered == ("a3",)


def test_jsonl_after_a_cut_off_line_and_unwritable(tmp_path: Path) -> None:
    path = tmp_path / "alerts.jsonl"
    path.write_text('{"id": "half', encoding="utf-8")
    deliver([_alert("a1")], [Target("jsonl", str(path))])
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[1])["id"] == "a1"
    report = deliver([_alert("a2")], [Target("jsonl", "alerts.jsonl/inner.jsonl")], root=tmp_path)
    assert report.delivered == () and report.undelivered == ("a2",)
    assert "cannot append" in report.targets[0].failed[0][1]


@dataclass
class Hook:
    """A real local HTTP server recording what is POSTed; answers ``status``."""

    status: int = 204
    received: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def hook() -> Iterator[Hook]:
    state = Hook()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            state.received.append(json.loads(body.decode("utf-8")))
            self.send_response(state.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_webhook_posts_json_to_a_real_server(hook: Hook, tmp_path: Path) -> None:
    report = deliver([_alert("a1"), _alert("a2", message=FA)],
                     [Target("webhook", hook.url), Target("jsonl", "a.jsonl")], root=tmp_path, timeout=5)
    assert [r["id"] for r in hook.received] == ["a1", "a2"]
    assert hook.received[0]["message"] == RU and hook.received[1]["message"] == FA
    assert hook.received[0]["evidence"] == {"summary": FA, "start": "2025-06-01", "n": 3}
    assert report.ok and report.delivered == ("a1", "a2") and report.undelivered == ()


def test_webhook_500_is_undelivered(hook: Hook, tmp_path: Path) -> None:
    hook.status = 500
    report = deliver([_alert("a1"), _alert("a2")], [Target("jsonl", "a.jsonl"), Target("webhook", hook.url)],
                     root=tmp_path, timeout=5)
    assert len(hook.received) == 2
    webhook = report.targets[1]
    assert webhook.delivered == () and [i for i, _ in webhook.failed] == ["a1", "a2"]
    assert "answered HTTP 500" in webhook.failed[0][1]
    assert report.targets[0].delivered == ("a1", "a2")
    assert report.delivered == () and report.undelivered == ("a1", "a2") and not report.ok


def test_webhook_unreachable_stops_trying() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    report = deliver([_alert("a1"), _alert("a2")], [Target("webhook", f"http://127.0.0.1:{port}/hook")], timeout=2)
    failed = report.targets[0].failed
    assert [i for i, _ in failed] == ["a1", "a2"] and "ConnectError" in failed[0][1]
    assert failed[1][1].startswith("not sent:")


def test_webhook_transport_is_injectable() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if json.loads(request.content)["id"] == "slow":
            raise httpx.ReadTimeout("slow", request=request)
        return httpx.Response(200)

    report = deliver([_alert("a1"), _alert("slow"), _alert("a3")], [Target("webhook", "https://hooks.example/x")],
                     transport=httpx.MockTransport(answer), timeout=3)
    assert report.delivered == ("a1",) and report.undelivered == ("slow", "a3")
    assert report.targets[0].failed[0] == ("slow", "https://hooks.example/x did not answer within 3 s")
    assert seen[0].headers["content-type"].startswith("application/json")
    assert json.loads(seen[0].content.decode("utf-8"))["evidence"]["summary"] == FA
