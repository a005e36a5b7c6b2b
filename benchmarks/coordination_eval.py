"""The coordination model evaluated through the real ingest and pipeline, on generated waves turned into documents.

Usage:
    python benchmarks/coordination_eval.py [--seeds 1001-1010] [--jobs 2] [--write-docs]

``benchmarks/coordination_streams.py evaluate`` scores the model on the generator's item tables directly. This
script takes the same waves (``coordination_streams.waves(seed)``, held-out seeds only; nothing here is tuned)
the long way round, as an analyst's data would go:

1. Each seed gets a fresh SQLite workspace (``init_workspace``). Its waves are placed one after the other on
   their own days, ``GAP_DAYS`` empty days apart: every timestamp of a wave (items and officials) is moved by
   the same whole number of days, so times of day are kept.
2. Every item becomes a JSONL document: ``id``, ``source`` (the outlet's name prefixed with the wave, since each
   wave has its own media landscape), ``url`` (unique, so two identical copies from one outlet stay two
   documents), ``published`` (ISO 8601 UTC), ``language`` (the item's, when dyadwatch has actors for it),
   ``synthetic: true`` and ``text``: a first sentence naming both states in the item's language (``LEAD``), the
   generated words, then for each narrative id the item carries the first phrase without ``*`` of a package
   narrative in that language (generator id ``N<k>`` -> the ``k mod 8``-th of ``narratives.yaml``).
3. Every official statement of the wave's officials table becomes a document of ``Official Channel RUS`` or
   ``Official Channel AZE`` (by the body's state) published at the statement's time, whose first sentence the
   rule coder codes as an accusation by the foreign ministry (``OFFICIAL_TEXT``), followed by a statement in its
   own generated words (so that two statements are not near-duplicates of each other). These documents
   mention both states, so they are also part of the wave, from sources of ownership ``state``.
4. A registry CSV (``dyadwatch sources import`` columns) records each source's owner group and ownership
   (the generator's ``state-aligned`` is the registry's ``state-affiliated``; ``unknown`` stays ``unknown``).
5. ``Workspace.ingest``, ``Workspace.process``, ``Registry.import_file``, then per wave
   ``Workspace.coordination("RUS-AZE", since=first day, until=last day)``; a ``DyadwatchError`` counts the
   wave as not judged. The wave is then whatever the workspace holds: documents mentioning both states, the
   pipeline's MinHash clusters, the narratives the pipeline found, officials = coded events of official bodies
   placed at noon of their day.

Scores: ROC AUC (coordinated against organic and shock), Brier score, false coordination (probability >= 0.5)
on shock and on organic waves, detection on coordinated waves (targets: AUC >= 0.95, Brier <= 0.10, false
coordination on shocks <= 5 %). The same waves are also assessed on the generator's tables (``assess`` with the
same null-model seed) so that what the pipeline path changes is seen apart from sampling. Diagnostics compare
what the workspace rebuilt with what the generator knew: near-duplicate clusters (pairwise precision and
recall within waves), narratives per item, official statements coded and their timing.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime, timedelta, timezone
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from coordination_streams import Wave, fresh_text, roc_auc, waves  # noqa: E402
from report_section import write_section  # noqa: E402
from sqlalchemy import select  # noqa: E402

from dyadwatch.coordination import FEATURES, assess  # noqa: E402
from dyadwatch.coordination.wave import OFFICIAL_SECTORS, STATEMENT_HOUR  # noqa: E402
from dyadwatch.errors import DyadwatchError  # noqa: E402
from dyadwatch.narratives import builtin_narratives  # noqa: E402
from dyadwatch.registry import Registry  # noqa: E402
from dyadwatch.store.schema import actors, doc_narratives, documents, events, mentions  # noqa: E402
from dyadwatch.workspace import init_workspace  # noqa: E402

DOCS = ROOT / "docs" / "benchmarks.md"
SECTION, HEADING = "coordination-eval", "## Coordination test"
DEFAULT_SEEDS = range(1001, 1011)
DYAD = "RUS-AZE"
FIRST_DAY = date(2024, 1, 1)
GAP_DAYS = 3  # empty days between the last day of one wave and the first day of the next
ACTOR_LANGUAGES = ("ru", "az", "en", "tr", "fa")  # languages dyadwatch has actor names for
LEAD = {  # a first sentence naming both states, so the actor matcher puts the document in the dyad
    "en": "Russia and Azerbaijan traded statements.",
    "ru": "Россия и Азербайджан обменялись заявлениями.",
    "az": "Rusiya və Azərbaycan bəyanatlar mübadiləsi etdi.",
    "tr": "Rusya ile Azerbaycan açıklamalar yaptı.",
    "fa": "روسیه و آذربایجان بیانیه‌هایی رد و بدل کردند.",
}
OWNERSHIP = {"state": "state", "state-aligned": "state-affiliated", "private": "private",
             "independent": "independent", "foreign": "foreign", "unknown": "unknown"}
HOME_COUNTRY = {"ru": "RUS", "az": "AZE", "tr": "TUR"}  # registry country of an outlet by its main language
OFFICIAL_TEXT = {"RUS": "The Russian Foreign Ministry condemned Azerbaijan.",
                 "AZE": "The Azerbaijani Foreign Ministry condemned Russia."}
OFFICIAL_SOURCE = {"RUS": "Official Channel RUS", "AZE": "Official Channel AZE"}
OFFICIAL_GROUP = {"RUS": "Russian state bodies (synthetic)", "AZE": "Azerbaijani state bodies (synthetic)"}
CITATION = "synthetic: generated source"
KINDS = ("organic", "shock", "coordinated")


def narrative_phrases() -> list[dict[str, str]]:
    """Per package narrative (file order), the first phrase without ``*`` in each language."""
    found = []
    for narrative in builtin_narratives():
        found.append({lang: next(p for p in phrases if "*" not in p) for lang, phrases in narrative.phrases.items()})
    return found


NARRATIVE_IDS = tuple(n.id for n in builtin_narratives())
PHRASES = narrative_phrases()


def package_narrative(generator_id: str) -> int:
    """Index of the package narrative standing for the generator's ``N<k>``: ``k mod 8``."""
    return int(generator_id.lstrip("N")) % len(PHRASES)


def _stamp(value: pd.Timestamp) -> str:
    return value.tz_convert("UTC").floor("s").strftime("%Y-%m-%dT%H:%M:%SZ")


def _span(wave: Wave) -> tuple[date, date]:
    times = list(wave.items["published"]) + list(wave.officials["time"])
    return min(times).tz_convert("UTC").date(), max(times).tz_convert("UTC").date()


def item_text(row: Any) -> tuple[str, str | None]:
    """(text, language field) of one generated item."""
    language = row.language if row.language in ACTOR_LANGUAGES else None
    parts = [LEAD[language or "en"], f"{row.text}."]
    for narrative in row.narratives:
        phrases = PHRASES[package_narrative(narrative)]
        if language in phrases:
            parts.append(f"{phrases[language]}.")
    return " ".join(parts), language


def official_text(seed: int, wave_no: int, number: int, state: str) -> str:
    """The coded sentence, then a statement in its own words (English vocabulary of the generator)."""
    rng = np.random.default_rng([seed, wave_no, number])
    return f"{OFFICIAL_TEXT[state]} {fresh_text(rng, 'en', rng.choice(1000, size=30, replace=False))}."


def build_inputs(seed: int, generated: list[Wave], folder: Path) -> tuple[Path, Path, list[dict[str, Any]]]:
    """Write documents.jsonl and registry.csv; return them with each wave's placement and truth."""
    docs_path, registry_path = folder / "documents.jsonl", folder / "registry.csv"
    placed: list[dict[str, Any]] = []
    registry: dict[str, dict[str, str]] = {}
    day = FIRST_DAY
    with docs_path.open("w", encoding="utf-8") as out:
        for number, wave in enumerate(generated):
            first, last = _span(wave)
            shift = pd.Timedelta(days=(day - first).days)
            prefix = f"w{number:02d}"
            truth: dict[str, dict[str, Any]] = {}
            languages: dict[str, Counter[str]] = {}
            for row in wave.items.itertuples(index=False):
                ident = f"{prefix}-{row.doc_id}"
                text, language = item_text(row)
                source = f"{prefix} {row.source}"
                record = {"id": ident, "source": source, "url": f"https://synthetic.example/{seed}/{ident}",
                          "published": _stamp(row.published + shift), "synthetic": True, "text": text}
                if language:
                    record["language"] = language
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                cluster = None if row.cluster is None or pd.isna(row.cluster) else str(row.cluster)
                truth[ident] = {"cluster": cluster, "group": row.owner_group,
                                "narratives": {NARRATIVE_IDS[package_narrative(n)] for n in row.narratives},
                                "generator_narratives": set(row.narratives)}
                languages.setdefault(source, Counter())[row.language] += 1
                registry[source] = {"owner_group": f"{prefix} {row.owner_group}",
                                    "ownership": OWNERSHIP.get(str(row.ownership), "unknown")}
            for source, counts in languages.items():
                main = counts.most_common(1)[0][0]
                registry[source]["language"] = main if main in ACTOR_LANGUAGES else "unknown"
                registry[source]["country"] = HOME_COUNTRY.get(main, "unknown")
            statements = []
            for k, row in enumerate(wave.officials.itertuples(index=False)):
                state = str(row.body)[:3]
                ident = f"{prefix}-off{k}"
                when = row.time + shift
                record = {"id": ident, "source": OFFICIAL_SOURCE[state],
                          "url": f"https://synthetic.example/{seed}/{ident}", "published": _stamp(when),
                          "language": "en", "synthetic": True, "text": official_text(seed, number, k, state)}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                statements.append({"id": ident, "time": when, "date_only": bool(row.date_only)})
            placed.append({"number": number, "kind": wave.kind, "strength": wave.strength,
                           "since": day, "until": day + (last - first), "truth": truth, "statements": statements})
            day = day + (last - first) + timedelta(days=GAP_DAYS + 1)
    for state in ("RUS", "AZE"):
        registry[OFFICIAL_SOURCE[state]] = {"owner_group": OFFICIAL_GROUP[state], "ownership": "state",
                                            "language": "en", "country": state}
    with registry_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["name", "country", "language", "platform", "ownership", "owner_group", "citation"])
        for name, facts in registry.items():
            writer.writerow([name, facts["country"], facts["language"], "web", facts["ownership"],
                             facts["owner_group"], CITATION])
    return docs_path, registry_path, placed


def read_back(engine: Any) -> dict[str, Any]:
    """What the pipeline made of each document: cluster, narratives, countries mentioned, official events."""
    with engine.connect() as connection:
        docs = {pk: (ext, ident, cluster) for pk, ext, ident, cluster in connection.execute(
            select(documents.c.pk, documents.c.external_id, documents.c.id, documents.c.cluster_id))}
        narratives: dict[int, set[str]] = {}
        for pk, narrative in connection.execute(select(doc_narratives.c.doc_pk, doc_narratives.c.narrative_id)):
            narratives.setdefault(pk, set()).add(narrative)
        countries: dict[int, set[str]] = {}
        for pk, country in connection.execute(select(mentions.c.doc_pk, actors.c.country)
                                              .join(actors, actors.c.id == mentions.c.actor_id)):
            countries.setdefault(pk, set()).add(country)
        official: dict[int, int] = Counter()
        for pk, a, b in connection.execute(
                select(events.c.doc_pk, events.c.actor1_code, events.c.actor2_code)
                .where(events.c.origin == "coded", events.c.actor1_sector.in_(sorted(OFFICIAL_SECTORS)))):
            if {a, b} == {"RUS", "AZE"}:
                official[pk] += 1
    by_external = {}
    for pk, (ext, ident, cluster) in docs.items():
        by_external[ext] = {"cluster": cluster or ident, "narratives": narratives.get(pk, set()),
                            "both": {"RUS", "AZE"} <= countries.get(pk, set()), "official_events": official.get(pk, 0)}
    return by_external


def diagnose(wave: dict[str, Any], stored: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Cluster pairs, narratives, wave membership and official statements: generator truth against the workspace."""
    truth = wave["truth"]
    present = [ident for ident in truth if ident in stored]
    pairs = Counter()
    for a, b in combinations(present, 2):
        same_truth = truth[a]["cluster"] is not None and truth[a]["cluster"] == truth[b]["cluster"]
        same_found = stored[a]["cluster"] == stored[b]["cluster"]
        pairs[(same_truth, same_found)] += 1
    narrative_hits = sum(len(truth[i]["narratives"] & stored[i]["narratives"]) for i in present)
    narrative_expected = sum(len(truth[i]["narratives"]) for i in present)
    narrative_found = sum(len(stored[i]["narratives"]) for i in present)
    exact = sum(truth[i]["narratives"] == stored[i]["narratives"] for i in present)
    official_docs = [s["id"] for s in wave["statements"]]
    noon_shift = [abs((s["time"].normalize() + pd.Timedelta(hours=STATEMENT_HOUR) - s["time"]).total_seconds()) / 3600
                  for s in wave["statements"]]
    generator_narratives = {n for i in truth for n in truth[i]["generator_narratives"]}
    return {
        "items": len(truth), "stored": len(present), "in_wave": sum(stored[i]["both"] for i in present),
        "pairs_tp": pairs[(True, True)], "pairs_fn": pairs[(True, False)], "pairs_fp": pairs[(False, True)],
        "narrative_hits": narrative_hits, "narrative_expected": narrative_expected,
        "narrative_found": narrative_found, "narrative_exact": exact,
        "generator_narratives": len(generator_narratives),
        "package_narratives": len({NARRATIVE_IDS[package_narrative(n)] for n in generator_narratives}),
        "statements": len(official_docs),
        "statements_in_wave": sum(stored.get(i, {}).get("both", False) for i in official_docs),
        "statements_coded": sum(stored.get(i, {}).get("official_events", 0) > 0 for i in official_docs),
        "media_official_events": sum(stored[i]["official_events"] for i in present),
        "noon_shift_hours": noon_shift,
    }


def run_seed(seed: int) -> dict[str, Any]:
    """One seed: a fresh workspace, its waves ingested, processed and assessed, plus the table-path assessment."""
    times: dict[str, float] = {}
    began = time.perf_counter()
    generated = waves(seed)
    with tempfile.TemporaryDirectory(prefix=f"coordination-eval-{seed}-") as tmp:
        folder = Path(tmp)
        docs_path, registry_path, placed = build_inputs(seed, generated, folder)
        times["generate"] = time.perf_counter() - began
        ws = init_workspace(folder / "ws", dyads=(DYAD,))
        try:
            mark = time.perf_counter()
            ingested = ws.ingest([docs_path])
            times["ingest"] = time.perf_counter() - mark
            mark = time.perf_counter()
            ws.process()
            times["process"] = time.perf_counter() - mark
            mark = time.perf_counter()
            imported = Registry(ws.engine).import_file(registry_path)
            times["registry"] = time.perf_counter() - mark
            if imported.problems:
                raise RuntimeError(f"registry rows refused: {imported.problems[:3]}")
            mark = time.perf_counter()
            rows = []
            for wave, place in zip(generated, placed):
                row: dict[str, Any] = {"seed": seed, "kind": place["kind"], "strength": place["strength"],
                                       "label": int(place["kind"] == "coordinated")}
                try:
                    assessment = ws.coordination(DYAD, since=place["since"], until=place["until"])
                    row.update(p_pipeline=assessment.probability, f_pipeline=assessment.features)
                except DyadwatchError as error:
                    row.update(p_pipeline=None, why_pipeline=f"{type(error).__name__}: {error.message}")
                rows.append(row)
            times["coordination"] = time.perf_counter() - mark
            stored = read_back(ws.engine)
        finally:
            ws.close()
    mark = time.perf_counter()
    for wave, row in zip(generated, rows):
        try:
            assessment = assess(wave.items, wave.officials)
            row.update(p_table=assessment.probability, f_table=assessment.features)
        except DyadwatchError as error:
            row.update(p_table=None, why_table=f"{type(error).__name__}: {error.message}")
    times["table"] = time.perf_counter() - mark
    for place, row in zip(placed, rows):
        row["diagnostics"] = diagnose(place, stored)
    documents_written = sum(len(p["truth"]) + len(p["statements"]) for p in placed)
    return {"seed": seed, "rows": rows, "times": times, "documents": documents_written,
            "ingested": ingested.new, "duplicates": ingested.duplicate}


def scores(frame: pd.DataFrame, path: str) -> dict[str, Any]:
    """AUC, Brier, false coordination and detection of one path over the waves it judged."""
    judged = frame[frame[f"p_{path}"].notna()]
    p = judged[f"p_{path}"].to_numpy(dtype=float)
    y = judged["label"].to_numpy(dtype=float)
    kind = judged["kind"].to_numpy()
    strong = judged["strength"].to_numpy() >= 0.5
    coordinated = kind == "coordinated"

    def share(mask: np.ndarray) -> float:
        return float(np.mean(p[mask] >= 0.5)) if mask.any() else float("nan")

    both = 0 < y.sum() < len(y)
    return {"judged": {k: int((kind == k).sum()) for k in KINDS},
            "not_judged": {k: int(((frame["kind"] == k) & frame[f"p_{path}"].isna()).sum()) for k in KINDS},
            "auc": roc_auc(p, y) if both else float("nan"), "brier": float(np.mean((p - y) ** 2)),
            "fc_shock": share(kind == "shock"), "fc_organic": share(kind == "organic"),
            "detection": share(coordinated), "detection_weak": share(coordinated & ~strong),
            "detection_strong": share(coordinated & strong)}


def _pct(value: float) -> str:
    return "n/a" if value != value else f"{value:.1%}"


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def summarise(results: list[dict[str, Any]], seeds: range, seconds: float) -> tuple[list[str], dict[str, Any]]:
    frame = pd.DataFrame([row for r in results for row in r["rows"]])
    pipe, table = scores(frame, "pipeline"), scores(frame, "table")
    diag = pd.DataFrame(list(frame["diagnostics"]))
    tp, fn, fp = (int(diag[c].sum()) for c in ("pairs_tp", "pairs_fn", "pairs_fp"))
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    shifts = [h for hs in diag["noon_shift_hours"] for h in hs]
    reasons = Counter((row.kind, str(row.why_pipeline).split(":")[0] + ": " + _reason(str(row.why_pipeline)))
                      for row in frame.itertuples() if row.p_pipeline is None or row.p_pipeline != row.p_pipeline)
    both = frame[frame["p_pipeline"].notna() & frame["p_table"].notna()]
    feature_rows = []
    for name in FEATURES:
        cells = []
        for kind in KINDS:
            part = both[both["kind"] == kind]
            t = np.mean([f[name] for f in part["f_table"]]) if len(part) else float("nan")
            q = np.mean([f[name] for f in part["f_pipeline"]]) if len(part) else float("nan")
            cells.append(f"{t:.2f} → {q:.2f}")
        feature_rows.append(f"| {name} | " + " | ".join(cells) + " |")
    times = Counter()
    for r in results:
        times.update(r["times"])
    facts = {
        "seeds": f"{seeds.start}-{seeds.stop - 1}", "waves": len(frame),
        "kinds": {k: int((frame["kind"] == k).sum()) for k in KINDS},
        "documents": sum(r["documents"] for r in results), "ingested": sum(r["ingested"] for r in results),
        "pipeline": pipe, "table": table, "pair_precision": precision, "pair_recall": recall,
        "pairs": (tp, fn, fp),
        "stored": int(diag["stored"].sum()), "items": int(diag["items"].sum()), "in_wave": int(diag["in_wave"].sum()),
        "narr_recall": _ratio(int(diag["narrative_hits"].sum()), int(diag["narrative_expected"].sum())),
        "narr_precision": _ratio(int(diag["narrative_hits"].sum()), int(diag["narrative_found"].sum())),
        "narr_exact": _ratio(int(diag["narrative_exact"].sum()), int(diag["stored"].sum())),
        "gen_narratives": float(diag["generator_narratives"].mean()),
        "pkg_narratives": float(diag["package_narratives"].mean()),
        "statements": int(diag["statements"].sum()), "statements_in_wave": int(diag["statements_in_wave"].sum()),
        "statements_coded": int(diag["statements_coded"].sum()),
        "media_official_events": int(diag["media_official_events"].sum()),
        "noon_shift_mean": float(np.mean(shifts)) if shifts else float("nan"),
        "noon_shift_median": float(np.median(shifts)) if shifts else float("nan"),
        "official_share": _official_share(both), "reasons": reasons, "times": dict(times), "seconds": seconds,
        "feature_rows": feature_rows,
    }
    return report_lines(facts), facts


def _reason(text: str) -> str:
    """The gist of a refusal, without the wave's numbers: 'the wave has N document(s)...' -> 'too few documents'."""
    if "document(s)" in text:
        return "fewer than 10 documents"
    if "one source" in text:
        return "one source"
    if "one owner group" in text:
        return "one owner group"
    if "lexical diversity" in text:
        return "no two comparable texts"
    return text.split(":", 1)[-1].strip()[:80]


def _official_share(frame: pd.DataFrame) -> float:
    """Mean share of the pipeline wave's items that are official documents (items the table path never had)."""
    shares = []
    for row in frame.itertuples():
        diag = row.diagnostics
        n = diag["in_wave"] + diag["statements_in_wave"]
        if n:
            shares.append(diag["statements_in_wave"] / n)
    return float(np.mean(shares)) if shares else float("nan")


def report_lines(f: dict[str, Any]) -> list[str]:
    pipe, table = f["pipeline"], f["table"]

    def met(ok: bool) -> str:
        return "met" if ok else "**not met**"

    minutes = f["seconds"] / 60
    t = f["times"]
    lines = [
        f"- Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; machine: {platform.machine()}, "
        f"Python {platform.python_version()}, SQLite; `python benchmarks/coordination_eval.py --seeds {f['seeds']} "
        "--write-docs`.",
        f"- Held-out seeds {f['seeds']} (never used for fitting or tuning): {f['waves']} waves "
        f"({f['kinds']['organic']} organic, {f['kinds']['shock']} shock, {f['kinds']['coordinated']} coordinated), "
        f"{f['documents']:,} documents written ({f['statements']} of them official statements), "
        f"{f['ingested']:,} stored. One fresh SQLite workspace per seed; waves on their own days, "
        f"{GAP_DAYS} empty days apart.",
        f"- Time: {minutes:.1f} min wall clock on 2 processes (summed over seeds: ingest {t.get('ingest', 0):.0f} s, "
        f"process {t.get('process', 0):.0f} s, registry import {t.get('registry', 0):.0f} s, "
        f"`Workspace.coordination` {t.get('coordination', 0):.0f} s, table-path `assess` {t.get('table', 0):.0f} s).",
        "",
        "| path | judged (org / shock / coord) | not judged | ROC AUC | Brier | false coord. shock | "
        "false coord. organic | detected (all / strength < 0.5 / ≥ 0.5) |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, s in (("ingest + pipeline + `Workspace.coordination`", pipe), ("generator tables, same waves", table)):
        j, nj = s["judged"], s["not_judged"]
        lines.append(f"| {name} | {j['organic']} / {j['shock']} / {j['coordinated']} | {sum(nj.values())} | "
                     f"{s['auc']:.3f} | {s['brier']:.3f} | {_pct(s['fc_shock'])} | {_pct(s['fc_organic'])} | "
                     f"{_pct(s['detection'])} / {_pct(s['detection_weak'])} / {_pct(s['detection_strong'])} |")
    lines += [
        "",
        f"- Targets through the pipeline: ROC AUC ≥ 0.95 {met(pipe['auc'] >= 0.95)}, Brier ≤ 0.10 "
        f"{met(pipe['brier'] <= 0.10)}, false coordination on shock waves ≤ 5 % {met(pipe['fc_shock'] <= 0.05)}.",
    ]
    if f["reasons"]:
        lines.append("- Not judged through the pipeline: " + "; ".join(
            f"{kind} {n} ({reason})" for (kind, reason), n in sorted(f["reasons"].items())) + ".")
    tp, fn, fp = f["pairs"]
    lines += [
        f"- Near-duplicate clusters: of the {tp + fn:,} item pairs the generator made copies of each other (same "
        f"wave), the pipeline's MinHash dedup (Jaccard ≥ 0.5 on 3-word shingles) put **{_pct(f['pair_recall'])}** "
        f"in one cluster (pair recall); of the {tp + fp:,} pairs it clustered, {_pct(f['pair_precision'])} were "
        "generator copies (pair precision). Copies the generator edits by up to 20 % of words (two copies each "
        "edited) often fall below the threshold, so the pipeline path sees fewer and smaller clusters.",
        f"- Narratives: the pipeline found {_pct(f['narr_recall'])} of the narrative labels written into the items "
        f"(precision {_pct(f['narr_precision'])}; identical sets on {_pct(f['narr_exact'])} of items). The "
        f"generator's 20 narrative ids are folded onto the package's 8 (id mod 8): a wave draws "
        f"{f['gen_narratives']:.1f} generator narratives on average, {f['pkg_narratives']:.1f} after folding, so "
        "organic items share a narrative more often than on the table path.",
        f"- Wave membership: {f['in_wave']:,} of {f['stored']:,} stored media items mention both states "
        f"({_pct(_ratio(f['in_wave'], f['stored']))}).",
        f"- Officials: {f['statements_coded']} of {f['statements']} official statements were coded as an official "
        f"RUS–AZE event ({f['statements_in_wave']} of their documents joined the wave); media items produced "
        f"{f['media_official_events']} official-body events. Official documents are part of the wave on this path "
        f"(state ownership, their own owner group): on average {_pct(f['official_share'])} of a judged wave's "
        "items. Every statement is placed at noon UTC of its day (coded events carry a day only): the placement "
        f"moves a statement by {f['noon_shift_mean']:.1f} h on average (median {f['noon_shift_median']:.1f} h), "
        "where the table path knew 80 % of them to the minute.",
        "",
        "Mean feature values of waves judged on both paths (generator table → pipeline):",
        "",
        "| feature | organic | shock | coordinated |",
        "|---|---|---|---|",
        *f["feature_rows"],
    ]
    return lines


def _seeds(text: str) -> range:
    low, _, high = text.partition("-")
    return range(int(low), int(high or low) + 1)


INTRO = (
    "`benchmarks/coordination_eval.py` (default seeds 1001-1010; `--seeds` to change). The coordination model "
    "evaluated the way an analyst's "
    "data reach it: generated waves (`benchmarks/coordination_streams.py`, held-out seeds only) are written as "
    "JSONL documents and a source registry CSV, ingested and processed in a fresh SQLite workspace per seed, and "
    "each wave is judged by `Workspace.coordination(\"RUS-AZE\", since=, until=)`. Each document opens with a "
    "sentence naming both states in its language, then the generated words, then one phrase of a package "
    "narrative per narrative it carries (generator id mod 8). Each official statement is a document of an "
    "official channel (ownership state) whose first sentence the rule coder codes as a foreign-ministry "
    "accusation, published at the statement's time; these documents also join the wave. The same waves are "
    "assessed on the generator's tables for comparison. Nothing was tuned on these seeds."
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=_seeds, default=DEFAULT_SEEDS, help="held-out seed range, e.g. 1001-1010")
    parser.add_argument("--jobs", type=int, default=2, help="seeds processed at once (one process each)")
    parser.add_argument("--write-docs", action="store_true", help=f"write the section of {DOCS.relative_to(ROOT)}")
    args = parser.parse_args()
    if args.seeds.start <= 50:
        parser.error("seeds 1-50 fitted the model; evaluate on held-out seeds (e.g. 1001-1010)")
    began = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(run_seed, args.seeds))
    lines, _ = summarise(results, args.seeds, time.perf_counter() - began)
    print("\n".join(lines))
    if args.write_docs:
        write_section(DOCS, SECTION, HEADING, "\n".join([INTRO, "", *lines]))
        print(f"wrote {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
