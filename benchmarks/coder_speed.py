"""Event-coding speed: sentences/s of the coder on one core, natasha NER as the baseline, full `process` docs/s.

Usage: python benchmarks/coder_speed.py [--size 100000] [--workers 2] [--write-docs]

1. Coding stage, one core: every sentence of the bundled example corpus (five languages) through
   actor matching and the rule coder, repeated until at least five seconds have passed.
2. Baseline in the same run: natasha's Russian NER (segmenter + NER tagger) alone over the same
   documents, one core; reported as documents/s beside the coding stage's documents/s.
3. Full pipeline: a generated corpus of `--size` documents whose sentences are drawn from the example
   corpus (so actors and events occur as in news), ingested and processed with `--workers` workers.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from report_section import write_section  # noqa: E402

EXAMPLE = ROOT / "src" / "dyadwatch" / "examples" / "russia-azerbaijan" / "documents.jsonl"
HEADING = "## Event coder speed"
MIN_SECONDS = 5.0


def example_documents() -> list[dict[str, str]]:
    from dyadwatch.text.langid import LanguageIdentifier
    from dyadwatch.text.normalize import fold_language, normalize

    detector = LanguageIdentifier(["ru", "az", "en", "tr", "fa"])
    docs = []
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        text = normalize(item["text"])
        language = item.get("language") or detector.detect(text) or "en"
        docs.append({"text": fold_language(text, language), "language": language,
                     "date": (item.get("published") or "2025-06-30")[:10]})
    return docs


def coding_rate(docs: list[dict[str, str]]) -> dict[str, float]:
    """Sentences/s and documents/s of actor matching + event coding on one core."""
    from datetime import date

    from dyadwatch.actors.matcher import matcher_for
    from dyadwatch.coding import make_coder
    from dyadwatch.text.sentences import split_sentences
    from dyadwatch.text.tokens import tokenize

    coder = make_coder()
    prepared = [(d["text"], split_sentences(d["text"], d["language"]), d["language"], date.fromisoformat(d["date"]))
                for d in docs]
    for text, sentences, language, day in prepared[:50]:
        coder.code_document(text, sentences, language, day)
    sentences_done = docs_done = events = 0
    started = time.perf_counter()
    while time.perf_counter() - started < MIN_SECONDS:
        for text, sentences, language, day in prepared:
            events += len(coder.code_document(text, sentences, language, day))
            matcher = matcher_for(coder.registry, language)  # type: ignore[attr-defined]
            for start, end in sentences:
                matcher.find(tokenize(text, language, start, end))
            sentences_done += len(sentences)
            docs_done += 1
    elapsed = time.perf_counter() - started
    return {"sentences_per_s": sentences_done / elapsed, "docs_per_s": docs_done / elapsed,
            "events_per_doc": events / docs_done}


def ner_rate(docs: list[dict[str, str]]) -> dict[str, float]:
    """natasha NER alone over the same documents, one core."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < MIN_SECONDS:
        for d in docs:
            doc = Doc(d["text"])
            doc.segment(segmenter)
            doc.tag_ner(tagger)
            done += 1
            if time.perf_counter() - started > 3 * MIN_SECONDS:
                break
    return {"docs_per_s": done / (time.perf_counter() - started)}


def generate(path: Path, size: int, docs: list[dict[str, str]], seed: int = 11) -> None:
    """`size` documents of 5-12 sentences drawn from example documents of one language."""
    from dyadwatch.text.sentences import split_sentences

    rng = random.Random(seed)
    pools: dict[str, list[str]] = {}
    for d in docs:
        pools.setdefault(d["language"], []).extend(d["text"][a:b] for a, b in split_sentences(d["text"], d["language"]))
    languages = sorted(pools)
    start = datetime(2024, 10, 1, tzinfo=timezone.utc)
    with path.open("w", encoding="utf-8") as out:
        for i in range(size):
            language = rng.choice(languages)
            text = " ".join(rng.choices(pools[language], k=rng.randint(5, 12)))
            item = {"id": f"s{i}", "text": text, "title": text[:60], "language": language, "synthetic": True,
                    "published": (start + timedelta(minutes=5 * i)).isoformat(), "source": f"Bench {i % 12}",
                    "url": f"https://bench.example/{i}"}
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


def pipeline_rate(size: int, workers: int, docs: list[dict[str, str]]) -> dict[str, float]:
    from sqlalchemy import func, select

    from dyadwatch import init_workspace
    from dyadwatch.store.schema import events

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        generate(corpus, size, docs)
        ws = init_workspace(Path(tmp) / "ws")
        t0 = time.perf_counter()
        ws.ingest([corpus])
        t1 = time.perf_counter()
        ws.process(workers=workers)
        t2 = time.perf_counter()
        with ws.engine.connect() as connection:
            coded = connection.execute(select(func.count()).select_from(events).where(events.c.origin == "coded")).scalar_one()
        t3 = time.perf_counter()
        ws.events(origin="coded")
        read_s = time.perf_counter() - t3
        ws.close()
    return {"documents": size, "ingest_s": t1 - t0, "process_s": t2 - t1, "docs_per_s": size / (t2 - t1),
            "events": coded, "read_s": read_s}


def machine() -> str:
    import os

    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def report(coding: dict[str, float], ner: dict[str, float], pipeline: dict[str, float], workers: int) -> str:
    ratio = coding["docs_per_s"] / ner["docs_per_s"]
    return (
        f"- Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; machine: {machine()}\n"
        f"- Coding stage (actor matching + rule coder), one core, example corpus sentences: "
        f"**{coding['sentences_per_s']:,.0f} sentences/s**, {coding['docs_per_s']:,.0f} documents/s, "
        f"{coding['events_per_doc']:.2f} events per document (target ≥ 2,000 sentences/s).\n"
        f"- Baseline in the same run: natasha NER alone over the same documents, one core: "
        f"{ner['docs_per_s']:,.0f} documents/s. Coding stage / NER: **{ratio:.1f}×** (target ≥ 3×).\n"
        f"- Whole `process` (all text stages + coding, SQLite, {workers} workers) on "
        f"{int(pipeline['documents']):,} generated documents: **{pipeline['docs_per_s']:,.0f} documents/s** "
        f"({pipeline['process_s']:.0f} s; ingest {pipeline['ingest_s']:.0f} s before it; "
        f"{int(pipeline['events']):,} coded events). Target ≥ 300 documents/s.\n"
        f"- Reading all coded events back with corroboration (`Workspace.events(origin=\"coded\")`): "
        f"{pipeline['read_s']:.1f} s.\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    docs = example_documents()
    coding = coding_rate(docs)
    print(f"coding: {coding}", flush=True)
    ner = ner_rate(docs)
    print(f"natasha NER: {ner}", flush=True)
    pipeline = pipeline_rate(args.size, args.workers, docs)
    print(f"pipeline: {pipeline}", flush=True)
    body = report(coding, ner, pipeline, args.workers)
    print(body)
    if args.write_docs:
        write_section(args.out, "coder-speed", HEADING, body)


if __name__ == "__main__":
    main()
