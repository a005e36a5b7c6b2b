"""Observables and premises checked against the record, with the items behind each verdict and no hindsight."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import dyadwatch
from dyadwatch.assess.checks import CANNOT_JUDGE, CONTRADICTED, NOT_FOUND, SUPPORTED, run_check

from .helpers import news, write_jsonl

POLICE = "Russian police detained members of the Azerbaijani diaspora in Yekaterinburg on Friday."
MINISTRY = "The Russian foreign ministry condemned Azerbaijan on Sunday."


@pytest.fixture
def record(sqlite_workspace: dyadwatch.Workspace, tmp_path: Path) -> dyadwatch.Workspace:
    docs = [news("p1", POLICE, published="2025-06-28T09:00:00Z", language="en"),
            news("m1", MINISTRY, source="Neva Courier", published="2025-06-30T09:00:00Z", language="en")]
    sqlite_workspace.ingest([write_jsonl(tmp_path / "docs.jsonl", docs)])
    sqlite_workspace.process()
    return sqlite_workspace


def _lead(first: str, before: str) -> dict[str, object]:
    return {"kind": "lead", "dyad": "RUS:AZE", "first": [first], "before": [before],
            "since": "2025-06-20", "until": "2025-07-10"}


def test_lead_reads_who_acted_first(record: dyadwatch.Workspace) -> None:
    police_first = run_check(record.engine, _lead("RUS.MVD", "RUS.MFA"))
    assert police_first.verdict == SUPPORTED and len(police_first.items) == 2
    assert "RUS.MVD first acted on 2025-06-27" in police_first.found
    assert run_check(record.engine, _lead("RUS.MFA", "RUS.MVD")).verdict == CONTRADICTED
    assert run_check(record.engine, _lead("RUS.FSB", "RUS.SK")).verdict == NOT_FOUND


def test_as_of_hides_later_statements(record: dyadwatch.Workspace) -> None:
    ministry = {"kind": "events", "dyad": "RUS:AZE", "body": "RUS.MFA", "since": "2025-06-20", "until": "2025-07-10"}
    assert run_check(record.engine, ministry).verdict == SUPPORTED
    before = run_check(record.engine, ministry, as_of=date(2025, 6, 29))
    assert before.verdict == NOT_FOUND and before.items == []
    police = run_check(record.engine, _lead("RUS.MVD", "RUS.MFA"), as_of=date(2025, 6, 29))
    assert police.verdict == SUPPORTED and len(police.items) == 1


def test_what_the_record_cannot_answer_says_why(record: dyadwatch.Workspace) -> None:
    coincidence = run_check(record.engine, {"kind": "coincidence", "dyad": "RUS:AZE", "with": "IRN:AZE", "window": 2})
    assert coincidence.verdict == CANNOT_JUDGE and "IRN:AZE" in coincidence.found
    wave = run_check(record.engine, {"kind": "coordination", "dyad": "RUS-AZE", "since": "2025-06-27",
                                     "until": "2025-07-01"})
    assert wave.verdict == CANNOT_JUDGE and "at least 10" in wave.found
    assert run_check(record.engine, {"kind": "horoscope"}).verdict == CANNOT_JUDGE
