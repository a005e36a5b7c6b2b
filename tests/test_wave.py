"""The coordination test on a workspace: the wave read from stored documents, and what cannot be judged."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyadwatch
from dyadwatch.cli import app
from dyadwatch.errors import QueryError
from dyadwatch.registry import Registry

from .helpers import news, write_jsonl

runner = CliRunner()
SOURCES = (("Neva Courier", "state", "Neva Holding"), ("Volga Wire", "state-affiliated", "Neva Holding"),
           ("Steppe Daily", "private", "Steppe Media"), ("Caspian Ledger", "independent", "Caspian Trust"),
           ("Bosphorus Daily", "foreign", "Bosphorus Group"))
LINES = (
    "Russia accused Azerbaijan of a provocation after the detentions in Baku.",
    "Moscow summoned the Azerbaijani ambassador over the arrests of Russian citizens.",
    "Baku said the Kremlin was waging an anti-Azerbaijani campaign in its media.",
    "Azerbaijan cancelled a Russian cultural event, officials in Moscow said.",
    "The Russian foreign ministry condemned the raid on Sputnik Azerbaijan in Baku.",
)


@pytest.fixture
def wave(workspace: dyadwatch.Workspace, tmp_path: Path) -> dyadwatch.Workspace:
    registry = Registry(workspace.engine)
    for name, ownership, group in SOURCES:
        registry.add(name, {"country": "RUS" if ownership.startswith("state") else "AZE", "ownership": ownership,
                            "owner_group": group}, citation="synthetic: test outlet")
    docs = []
    for i in range(20):
        source = SOURCES[i % len(SOURCES)][0]
        text = f"{LINES[i % len(LINES)]} Report number {i} adds details about day {i % 7} and witness {i}."
        docs.append(news(f"w{i}", text, source=source, language="en",
                         published=f"2025-06-30T{8 + i // 4:02d}:{(i * 7) % 60:02d}:00Z"))
    docs.append(news("lonely", "Russia and Azerbaijan held talks.", source="Steppe Daily", language="en",
                     published="2025-08-10T09:00:00Z"))
    workspace.ingest([write_jsonl(tmp_path / "wave.jsonl", docs)])
    workspace.process()
    return workspace


def test_a_wave_gets_a_probability_with_its_evidence(wave: dyadwatch.Workspace) -> None:
    result = wave.coordination("RUS-AZE", since=_day("2025-06-30"), until=_day("2025-06-30"))
    assert 0.0 < result.probability < 1.0
    data = result.to_dict()
    assert data["concentration"]["items"] == 20
    assert len(data["concentration"]["state_items"]) == 8  # Neva Courier and Volga Wire: state and state-affiliated
    assert set(data["concentration"]["state_items"]) <= set(wave.documents(source="Neva Courier")["id"]) | set(
        wave.documents(source="Volga Wire")["id"])
    assert {s["body"] for s in data["lead_lag"]["statements"]} >= {"RUS.MFA"}
    assert any("noon UTC" in caveat for caveat in data["caveats"])
    cli = runner.invoke(app, ["coordination", "--dyad", "RUS-AZE", "--since", "2025-06-30", "--until", "2025-06-30",
                              "--format", "json", "-w", str(wave.root)])
    assert cli.exit_code == 0, cli.output
    assert json.loads(cli.stdout)["probability"] == pytest.approx(result.probability, abs=1e-4)


@pytest.mark.parametrize(("since", "until", "message"), [
    ("2025-09-01", "2025-09-03", "no documents"),
    ("2025-08-10", "2025-08-10", "at least 10 are needed"),
])
def test_what_cannot_be_judged_says_why(wave: dyadwatch.Workspace, since: str, until: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        wave.coordination("RUS-AZE", since=_day(since), until=_day(until))
    cli = runner.invoke(app, ["coordination", "--dyad", "RUS-AZE", "--since", since, "--until", until,
                              "-w", str(wave.root)])
    assert cli.exit_code != 0 and message in cli.output and "probability" not in cli.output


def test_a_wave_needs_its_period(wave: dyadwatch.Workspace) -> None:
    cli = runner.invoke(app, ["coordination", "--dyad", "RUS-AZE", "-w", str(wave.root)])
    assert cli.exit_code != 0 and "--since and --until" in cli.output


def _day(text: str) -> date:
    return date.fromisoformat(text)


def test_a_coordination_alert_fires_on_a_wave_above_its_threshold(wave: dyadwatch.Workspace) -> None:
    config = wave.root / "dyadwatch.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[[alerts]]\nname = "campaign"\nkind = "coordination"\n'
                      'dyad = "RUS-AZE"\nthreshold = 0.01\nwave_days = 1\n', encoding="utf-8")
    result = runner.invoke(app, ["alerts", "--dry-run", "--format", "json", "-w", str(wave.root)])
    assert result.exit_code == 0, result.output
    fired = json.loads(result.stdout)
    assert [(a["rule"], a["day"]) for a in fired] == [("campaign", "2025-06-30")]
    assert 0.01 <= fired[0]["evidence"]["probability"] < 1 and "state_share" in fired[0]["evidence"]
    config.write_text(config.read_text(encoding="utf-8").replace("threshold = 0.01", "threshold = 1.5"),
                      encoding="utf-8")
    bad = runner.invoke(app, ["alerts", "--dry-run", "-w", str(wave.root)])
    assert bad.exit_code != 0 and "threshold" in bad.output


def test_the_evidence_reads_as_dataframes(wave: dyadwatch.Workspace) -> None:
    from dyadwatch.coordination.service import evidence_frames

    frames = evidence_frames(wave.coordination("RUS-AZE", since=_day("2025-06-30"), until=_day("2025-06-30")))
    assert len(frames["features"]) == 10 and {"feature", "value", "contribution"} <= set(frames["features"])
    assert "RUS.MFA" in set(frames["statements"]["body"])
    assert set(frames) == {"features", "pairs", "edges", "statements"}
