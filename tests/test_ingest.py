from __future__ import annotations

import json
from pathlib import Path

from dyadwatch.ingest import EXIT_NOTHING_READ, EXIT_OK, EXIT_SOME_QUARANTINED

from .helpers import news, write_jsonl

GOOD = [
    news("a1", "Baku summoned the Russian ambassador over the deaths in Yekaterinburg.", published="2025-06-30T08:00:00Z"),
    news("a2", "Москва назвала действия Баку недружественными и потребовала объяснений.", published="2025-06-30T11:00:00Z"),
]


def test_ingest_reads_and_counts(workspace, tmp_path: Path) -> None:
    report = workspace.ingest([write_jsonl(tmp_path / "in.jsonl", GOOD)])
    assert (report.new, report.duplicate, report.quarantined, report.exit_code) == (2, 0, 0, EXIT_OK)
    frame = workspace.documents()
    assert sorted(frame["external_id"]) == ["a1", "a2"]
    assert set(frame["source"]) == {"Steppe Wire"}


def test_ingesting_twice_adds_nothing(workspace, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", GOOD)
    workspace.ingest([path])
    again = workspace.ingest([path])
    assert (again.new, again.duplicate, again.exit_code) == (0, 2, EXIT_OK)
    assert len(workspace.documents()) == 2


def test_bad_lines_are_quarantined_and_the_rest_goes_in(workspace, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps(GOOD[0]), '{"text": "unterminated', "[1, 2]", json.dumps(GOOD[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = workspace.ingest([path])
    assert (report.new, report.quarantined, report.exit_code) == (2, 2, EXIT_SOME_QUARANTINED)
    bad = workspace.quarantine()
    assert sorted(bad["origin"]) == [f"{path}:2", f"{path}:3"]
    assert all(bad["reason"].str.len() > 0)
    assert workspace.ingest([path]).quarantined == 2
    assert len(workspace.quarantine()) == 2


def test_nothing_readable_exits_2(workspace, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    report = workspace.ingest([empty, tmp_path / "missing.jsonl"])
    assert report.exit_code == EXIT_NOTHING_READ
    assert set(workspace.quarantine()["origin"]) == {str(empty), str(tmp_path / "missing.jsonl")}


def test_invalid_utf8_is_quarantined(workspace, tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(json.dumps(GOOD[0]).encode() + b"\n" + b'{"text": "caf\xe9 in Baku"}\n')
    report = workspace.ingest([path])
    assert (report.new, report.quarantined) == (1, 1)
    assert "UTF-8" in workspace.quarantine()["reason"].iloc[0]


def test_folders_are_read_recursively(workspace, tmp_path: Path) -> None:
    folder = tmp_path / "feeds" / "deeper"
    folder.mkdir(parents=True)
    write_jsonl(folder / "one.jsonl", GOOD[:1])
    (tmp_path / "feeds" / "two.csv").write_text(
        "id,text,source\nc1,\"Ankara, Baku and Moscow traded statements.\",Bosphorus Daily\n", encoding="utf-8"
    )
    report = workspace.ingest([tmp_path / "feeds"])
    assert report.new == 2 and len(report.files) == 2


def test_source_option_overrides_item_sources(workspace, tmp_path: Path) -> None:
    workspace.ingest([write_jsonl(tmp_path / "in.jsonl", GOOD)], source="Caspian Ledger")
    assert set(workspace.sources()["name"]) == {"Caspian Ledger"}


def test_curated_events_import(workspace, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "events.jsonl", [
        {"event_id": "X1", "date": "2025-06-27", "actor1": "Russian police", "actor1_code": "RUS",
         "actor2": "Azerbaijani community", "actor2_code": "AZE", "what": "Police raided homes in Yekaterinburg.",
         "cameo_code": "1712", "plover_category": "COERCE", "attested_by_urls": ["https://steppe-wire.example/raids"]},
        {"event_id": "X2", "date": "2025-06-28", "actor1_code": "AZE", "actor2_code": "RUS",
         "what": "Baku cancelled Russian cultural events.", "cameo_code": "161"},
        {"event_id": "X3", "date": "not a date", "actor1_code": "AZE", "what": "broken", "cameo_code": "161"},
    ])
    report = workspace.import_events([path])
    assert (report.new, report.quarantined) == (2, 1)
    frame = workspace.events()
    assert set(frame["origin"]) == {"analyst"}
    x2 = frame[frame["external_id"] == "X2"].iloc[0]
    assert (x2["plover_category"], x2["plover_mode"]) == ("SANCTION", "withdraw")  # derived from CAMEO 161
    assert x2["goldstein"] == -4.0 and x2["quad_class"] == 4
    x1 = frame[frame["external_id"] == "X1"].iloc[0]
    assert x1["source_urls"] == ["https://steppe-wire.example/raids"]
    assert workspace.import_events([path]).new == 0


def test_killed_ingest_loses_nothing_and_resumes(sqlite_workspace, tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from sqlalchemy import func, select

    from dyadwatch.store.schema import documents

    items = [news(f"n{i}", f"Item {i}: officials in Baku and Moscow exchanged statements about case {i}.")
             for i in range(20_000)]
    path = write_jsonl(tmp_path / "big.jsonl", items)
    env = {**os.environ, "DYADWATCH_WORKSPACE": str(sqlite_workspace.root)}
    child = subprocess.Popen([sys.executable, "-m", "dyadwatch", "ingest", str(path)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and stored == 0:
        with sqlite_workspace.engine.connect() as connection:
            stored = connection.execute(select(func.count()).select_from(documents)).scalar_one()
        time.sleep(0.01)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert 0 < stored < 20_000, "the kill must land mid-run"
    report = sqlite_workspace.ingest([path])
    assert report.new + stored >= 20_000 and report.new < 20_000
    assert len(sqlite_workspace.documents()) == 20_000
