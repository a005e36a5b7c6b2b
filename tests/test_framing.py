"""Narratives and directed tone in a workspace: found by `process`, counted, shown, re-scored after a correction."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyadwatch
from dyadwatch.cli import app
from dyadwatch.registry import Registry

from .helpers import news, write_jsonl

runner = CliRunner()
HOSTILE_RU = ("Москва назвала задержание в Баку провокацией и проявлением русофобии. "
              "Официальный Баку отверг обвинения.")
WARM_AZ = "Bakı Moskva ilə strateji tərəfdaşlığı yüksək qiymətləndirir, qardaş xalqlar arasında dostluq güclüdür."


@pytest.fixture
def framed(workspace: dyadwatch.Workspace, tmp_path: Path) -> dyadwatch.Workspace:
    registry = Registry(workspace.engine)
    registry.add("Neva Courier", {"country": "RUS", "ownership": "state", "owner_group": "Neva Holding"},
                 citation="synthetic: test outlet")
    registry.add("Caspian Ledger", {"country": "AZE", "ownership": "private"}, citation="synthetic: test outlet")
    docs = [
        news("n1", HOSTILE_RU, source="Neva Courier", published="2025-06-30T09:00:00Z", language="ru"),
        news("n2", HOSTILE_RU + " Комментариев нет.", source="Neva Courier", published="2025-06-30T10:00:00Z",
             language="ru"),
        news("c1", WARM_AZ, source="Caspian Ledger", published="2025-10-10T09:00:00Z", language="az"),
    ]
    workspace.ingest([write_jsonl(tmp_path / "docs.jsonl", docs)])
    workspace.process()
    return workspace


def _doc(ws: dyadwatch.Workspace, source: str) -> str:
    frame = ws.documents(source=source)
    return str(frame["id"].iloc[0])


def test_narratives_are_found_and_counted_by_source_country(framed: dyadwatch.Workspace) -> None:
    listed = framed.narratives().set_index("id")
    assert listed.loc["russophobia", "documents"] == 2
    assert listed.loc["brotherly-peoples", "documents"] == 1
    counts = framed.narrative_counts(by="country", freq="M")
    russian = counts[(counts["narrative"] == "russophobia")]
    # two copies of one article: one near-duplicate cluster
    assert russian[["country", "documents"]].values.tolist() == [["RUS", 1]]
    by_owner = framed.narrative_counts(by="owner_group", narrative="brotherly-peoples")
    assert by_owner["owner_group"].tolist() == ["Caspian Ledger"]


def test_directed_tone_shows_its_words_and_enters_the_ledger(framed: dyadwatch.Workspace) -> None:
    tones = {t["about"]: t for t in framed.document_tone(_doc(framed, "Neva Courier"))}
    assert tones["AZE"]["score"] < 0
    surfaces = [w["surface"].lower() for w in tones["AZE"]["words"]]
    assert any(s.startswith("провокац") for s in surfaces) and any(s.startswith("русофоб") for s in surfaces)
    warm = {t["about"]: t for t in framed.document_tone(_doc(framed, "Caspian Ledger"))}
    assert warm["RUS"]["score"] > 0
    ledger = framed.ledger("RUS-AZE", freq="M", since=date(2025, 6, 1), until=date(2025, 10, 31))
    june = ledger[(ledger["dyad"] == "RUS:AZE") & (ledger["period"] == "2025-06-01")].iloc[0]
    assert june["directed_tone"] < 0 and june["tone_documents"] == 1 and june["narratives"] >= 1
    october = ledger[(ledger["dyad"] == "AZE:RUS") & (ledger["period"] == "2025-10-01")].iloc[0]
    assert october["directed_tone"] > 0


def test_a_corrected_lexicon_entry_rescores_on_process(framed: dyadwatch.Workspace) -> None:
    doc = _doc(framed, "Neva Courier")
    before = {t["about"]: t["score"] for t in framed.document_tone(doc)}["AZE"]
    (framed.root / "tone.tsv").write_text("провокаци*\thostile\t0\nрусофоб*\thostile\t0\n", encoding="utf-8")
    assert framed.pending() == 3  # the lexicon is part of the pipeline version
    framed.process()
    after = {t["about"]: t for t in framed.document_tone(doc)}["AZE"]
    assert after["score"] > before
    assert not any(w["surface"].lower().startswith("русофоб") for w in after["words"])


def test_narratives_cli_add_import_and_bad_file(framed: dyadwatch.Workspace, tmp_path: Path) -> None:
    root = str(framed.root)
    added = runner.invoke(app, ["narratives", "add", "--id", "official-rebuff", "--name", "Official rebuff",
                                "--description", "Baku rejects Moscow's accusations.",
                                "--phrase", "ru:отверг обвинения", "-w", root])
    assert added.exit_code == 0, added.output
    framed.process()
    assert framed.narratives().set_index("id").loc["official-rebuff", "documents"] == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  name: X\n  description: d\n  phrases:\n    xx: [word]\n", encoding="utf-8")
    result = runner.invoke(app, ["narratives", "import", str(bad), "-w", root])
    assert result.exit_code != 0 and "bad.yaml" in result.output and "xx" in result.output
    tone = runner.invoke(app, ["tone", _doc(framed, "Neva Courier"), "--format", "json", "-w", root])
    assert tone.exit_code == 0 and json.loads(tone.stdout)[0]["about"] in {"AZE", "RUS"}
    missing = runner.invoke(app, ["tone", "ffffffffff", "-w", root])
    assert missing.exit_code != 0 and "No single document" in missing.output


def test_tone_and_narrative_matches_read_as_dataframes(framed: dyadwatch.Workspace) -> None:
    tones = framed.tones(about="AZE")
    russian = tones[tones["source"] == "Neva Courier"]
    assert len(russian) == 2 and (russian["score"] < 0).all() and set(russian["country"]) == {"RUS"}
    assert all(isinstance(words, list) and words for words in russian["words"])
    matches = framed.narrative_matches(narrative="russophobia")
    assert len(matches) == 2 and set(matches["source"]) == {"Neva Courier"}
    assert (matches["end"] > matches["start"]).all()
