from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from dyadwatch.store.schema import documents, sentences

from .helpers import news, write_jsonl

STORY = (
    "Azerbaijan's foreign ministry summoned the Russian chargé d'affaires on Monday to protest the deaths of two "
    "brothers during police raids in Yekaterinburg. Officials in Baku called the operation an act of "
    "unjustified violence and demanded a full investigation. Moscow said the raids were part of a long-running "
    "criminal case and rejected any ethnic motive. Several cultural events planned in Baku were cancelled the same day."
)


def _corpus(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "c.jsonl", [
        news("s1", STORY, source="Steppe Wire", published="2025-06-30T08:00:00Z"),
        news("s2", STORY.replace("on Monday", "on 30 June") + " Flights were not affected.",
             source="Caspian Ledger", published="2025-06-30T09:10:00Z"),
        news("s3", "Президент Ильхам Алиев провёл телефонный разговор с Владимиром Путиным. Стороны обсудили "
             "двусторонние отношения и подготовку к встрече в Душанбе.", source="Neva Courier",
             published="2025-10-07T12:00:00Z"),
        news("s4", STORY, source="Volga Evening", published="2025-09-30T08:00:00Z"),
    ])


def test_process_fills_language_sentences_and_clusters(workspace, tmp_path: Path) -> None:
    workspace.ingest([_corpus(tmp_path)])
    assert workspace.pending() == 4
    report = workspace.process(batch_size=2)
    assert report.processed == 4 and workspace.pending() == 0
    frame = workspace.documents().set_index("external_id")
    assert frame.loc["s1", "language"] == "en" and frame.loc["s3", "language"] == "ru"
    assert frame.loc["s2", "cluster"] == frame.loc["s1", "cluster"] == frame.loc["s1", "id"]
    assert frame.loc["s2", "similarity"] >= workspace.config.dedup.threshold
    assert frame.loc["s4", "cluster"] == frame.loc["s4", "id"], "outside the time window: its own cluster"
    assert frame.loc["s3", "cluster"] == frame.loc["s3", "id"]
    detail = workspace.document(frame.loc["s3", "id"])
    assert [s["text"] for s in detail["sentences"]] == [
        "Президент Ильхам Алиев провёл телефонный разговор с Владимиром Путиным.",
        "Стороны обсудили двусторонние отношения и подготовку к встрече в Душанбе.",
    ]


def test_processing_again_is_idempotent(workspace, tmp_path: Path) -> None:
    workspace.ingest([_corpus(tmp_path)])
    workspace.process()
    before = workspace.documents().sort_values("id")[["id", "cluster", "language"]].reset_index(drop=True)
    assert workspace.process().processed == 0
    workspace.process(again=True)
    after = workspace.documents().sort_values("id")[["id", "cluster", "language"]].reset_index(drop=True)
    assert before.equals(after)
    with workspace.engine.connect() as connection:
        counts = connection.execute(
            select(sentences.c.doc_pk, func.count()).group_by(sentences.c.doc_pk)
        ).all()
    assert len(counts) == 4 and all(n < 10 for _, n in counts)
    assert len(workspace.search("Yekaterinburg")) == 3


def test_two_workers_give_the_same_result(sqlite_workspace, tmp_path: Path) -> None:
    sqlite_workspace.ingest([_corpus(tmp_path)])
    report = sqlite_workspace.process(workers=2, batch_size=1)
    assert report.processed == 4 and report.near_duplicates == 1


def test_killed_process_loses_nothing_and_resumes(sqlite_workspace, tmp_path: Path) -> None:
    """SIGKILL in the middle of `process`; committed batches stay, a re-run finishes the rest."""
    items = [news(f"k{i}", f"{STORY} Report number {i} from the series on regional tension, item {i * 7}.",
                  published=f"2025-0{1 + i % 9}-1{i % 10}T10:00:00Z") for i in range(1000)]
    sqlite_workspace.ingest([write_jsonl(tmp_path / "many.jsonl", items)])
    env = {**os.environ, "DYADWATCH_WORKSPACE": str(sqlite_workspace.root)}
    child = subprocess.Popen(
        [sys.executable, "-m", "dyadwatch", "process", "--batch-size", "20"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    engine = sqlite_workspace.engine
    version = sqlite_workspace.pipeline_settings().version
    deadline = time.monotonic() + 60
    done = 0
    while time.monotonic() < deadline and done < 40:
        with engine.connect() as connection:
            done = connection.execute(
                select(func.count()).where(documents.c.processed_version == version)
            ).scalar_one()
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert 0 < sqlite_workspace.pending() < 1000, "the kill must land mid-run"
    with engine.connect() as connection:
        partial = connection.execute(select(func.count()).select_from(sentences)).scalar_one()
    assert partial > 0
    sqlite_workspace.process()
    assert sqlite_workspace.pending() == 0
    with engine.connect() as connection:
        per_doc = connection.execute(
            select(func.count(func.distinct(sentences.c.doc_pk)))
        ).scalar_one()
    assert per_doc == 1000
    assert len(sqlite_workspace.search("Yekaterinburg", limit=None)) == 1000


def test_a_new_pipeline_version_reprocesses_everything(workspace, tmp_path: Path) -> None:
    from dyadwatch.store.schema import doc_minhash, lsh_buckets

    workspace.ingest([_corpus(tmp_path)])
    workspace.process()
    before = workspace.documents().sort_values("id")[["id", "cluster", "similarity"]].reset_index(drop=True)

    def index_sizes() -> tuple[int, int]:
        with workspace.engine.connect() as connection:
            return (connection.execute(select(func.count()).select_from(lsh_buckets)).scalar_one(),
                    connection.execute(select(func.count()).select_from(doc_minhash)).scalar_one())

    sizes = index_sizes()
    with workspace.engine.begin() as connection:
        connection.execute(documents.update().values(processed_version="text-0"))
    assert workspace.pending() == 4
    assert workspace.process().processed == 4
    after = workspace.documents().sort_values("id")[["id", "cluster", "similarity"]].reset_index(drop=True)
    assert before.equals(after) and index_sizes() == sizes
