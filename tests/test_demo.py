from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dyadwatch.cli import app

runner = CliRunner()


def test_demo_builds_the_russia_azerbaijan_example(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    first = runner.invoke(app, ["demo", str(folder)], env={"COLUMNS": "200"})
    assert first.exit_code == 0, first.output
    assert first.stdout.count("SYNTHETIC DEMO") == 2
    docs = json.loads(runner.invoke(app, ["docs", "-w", str(folder), "--limit", "0", "-f", "json"]).stdout)
    assert len(docs) == 757 and all(d["synthetic"] for d in docs)
    assert {d["language"] for d in docs} == {"ru", "az", "en", "tr", "fa"}
    summary = json.loads(runner.invoke(app, ["summary", "-w", str(folder), "-f", "json"]).stdout)
    assert len(summary["clusters"]) >= 24, "the example plants 24 syndication groups"
    events = json.loads(runner.invoke(app, ["events", "list", "-w", str(folder), "-f", "json"]).stdout)
    assert {e["origin"] for e in events} == {"analyst", "gdelt", "coded"}
    assert len([e for e in events if e["origin"] != "coded"]) == 82
    registry = json.loads(runner.invoke(app, ["sources", "-w", str(folder), "-f", "json"]).stdout)
    assert {"Neva Courier", "Caspian Ledger"} <= {s["name"] for s in registry}
    again = runner.invoke(app, ["demo", str(folder)], env={"COLUMNS": "200"})
    assert again.exit_code == 0 and "Processed 0 new documents" in again.stdout
