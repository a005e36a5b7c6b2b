"""Ingest + process throughput and peak memory on a generated multilingual corpus.

Usage: python benchmarks/ingest.py [--sizes 10000 50000 100000] [--workers 2] [--out docs/benchmarks.md]

Each size runs in a fresh child process (so peak memory is that run's own) on a new
SQLite workspace: generate a JSONL corpus (ru, az, en, tr, fa, ~1,500 characters per
document, 10 % near-duplicates), `ingest` it, then `process` it. The baseline is the same
pipeline with one worker on the smallest size, measured in the same invocation.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

EXAMPLE = ROOT / "src" / "dyadwatch" / "examples" / "starter" / "documents.jsonl"
LANGUAGE_MIX = {"ru": 0.3, "az": 0.2, "en": 0.2, "tr": 0.15, "fa": 0.15}
SOURCES = ["Caspian Ledger", "Neva Courier", "Volga Evening", "Bosphorus Daily", "Tehran Mirror", "Steppe Wire"]


def word_pools() -> dict[str, list[str]]:
    """Words per language, taken from the bundled synthetic example (its declared or detected language)."""
    from dyadwatch.text.langid import LanguageIdentifier

    detector = LanguageIdentifier(list(LANGUAGE_MIX))
    pools: dict[str, list[str]] = {lang: [] for lang in LANGUAGE_MIX}
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        lang = item.get("language") or detector.detect(item["text"])
        if lang in pools:
            pools[lang].extend(re.findall(r"\w+", item["text"]))
    return pools


def generate(path: Path, size: int, seed: int = 7) -> int:
    """Write `size` documents, one in ten an edited copy of a recent one; returns how many copies."""
    rng = random.Random(seed)
    pools = word_pools()
    langs, weights = zip(*LANGUAGE_MIX.items())
    start = datetime(2024, 10, 1, tzinfo=timezone.utc)
    recent: list[dict[str, object]] = []
    copies = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(size):
            published = start + timedelta(minutes=i * 5 + rng.randrange(5))
            if recent and rng.random() < 0.1:
                base = rng.choice(recent)
                words = str(base["text"]).split()
                for _ in range(5):
                    words[rng.randrange(len(words))] = rng.choice(words)
                text = " ".join(words)
                copies += 1
            else:
                pool = pools[rng.choices(langs, weights)[0]]
                sentences = []
                while sum(len(s) for s in sentences) < 1500:
                    words = rng.choices(pool, k=rng.randint(8, 18))
                    sentences.append(" ".join(words).capitalize() + ".")
                text = " ".join(sentences)
            item = {"id": f"b{i}", "text": text, "title": text[:60], "published": published.isoformat(),
                    "source": rng.choice(SOURCES), "url": f"https://bench.example/{i}", "synthetic": True}
            recent = (recent + [item])[-200:]
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return copies


def run_one(corpus: Path, workers: int) -> dict[str, float]:
    """In a child process: init, ingest, process; print timings and peak memory as JSON."""
    from dyadwatch import init_workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "ws", languages=["ru", "az", "en", "tr", "fa", "uk", "hy", "ka"])
        t0 = time.perf_counter()
        report = ws.ingest([corpus])
        t1 = time.perf_counter()
        processed = ws.process(workers=workers)
        t2 = time.perf_counter()
        ws.close()
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "documents": report.new,
        "near_duplicates": processed.near_duplicates,
        "ingest_s": t1 - t0,
        "process_s": t2 - t1,
        "peak_mib": max(peak_self, peak_children) / 1024,
    }


def measure(corpus: Path, workers: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(corpus), "--workers", str(workers)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(rows: list[dict[str, float]]) -> str:
    lines = [
        "| documents | workers | ingest s | process s | total docs/s | peak MiB | edited copies made | near-duplicates found |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        total = r["ingest_s"] + r["process_s"]
        lines.append(
            f"| {r['documents']:,} | {r['workers']} | {r['ingest_s']:.1f} | {r['process_s']:.1f} | "
            f"{r['documents'] / total:,.0f} | {r['peak_mib']:.0f} | {r['copies']:,} | {r['near_duplicates']:,} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.workers)))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        sizes = sorted(args.sizes)
        for size in sizes:
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            copies = generate(corpus, size)
            if size == sizes[0]:
                baseline = {**measure(corpus, 1), "workers": 1, "copies": copies}
                rows.append(baseline)
                print(table([baseline]), flush=True)
            row = {**measure(corpus, args.workers), "workers": args.workers, "copies": copies}
            rows.append(row)
            print(table([row]).splitlines()[-1], flush=True)
    write_report(args.out, rows, args.workers)


def write_report(out: Path, rows: list[dict[str, float]], workers: int) -> None:
    def rate(r: dict[str, float]) -> float:
        return r["documents"] / (r["ingest_s"] + r["process_s"])

    baseline = rows[0]
    fast = [r for r in rows if r["workers"] == workers]
    same_size = next(r for r in fast if r["documents"] == baseline["documents"])
    memory = [r["peak_mib"] for r in fast]
    text = f"""# Benchmarks

Figures from `python benchmarks/ingest.py` (`make bench`), measured on {platform.machine()} with
{_cores()} cores, Python {platform.python_version()}, SQLite, on {datetime.now(timezone.utc):%Y-%m-%d}.
A generated corpus of mixed-language documents (ru 30 %, az 20 %, en 20 %, tr 15 %, fa 15 %;
about 1,500 characters each; one in ten an edited copy of a recent document) is ingested from
JSONL, then processed: normalisation, language identification, language folding, sentence
splitting, search terms and full-text index, MinHash near-duplicate clustering. A copy has five
words swapped, so most copies are near-duplicates; a few random texts may also share enough
shingles to be joined. Each row is a
fresh process on a fresh workspace; peak memory is the largest resident set of the process or
its workers.

## Ingest + process

{table(rows)}

- Target: at least 1,000 documents/s for ingest + normalise + language ID + dedup. Measured:
  {rate(fast[-1]):,.0f} documents/s at {int(fast[-1]['documents']):,} documents (all stages, sentences and search index included).
- Baseline in the same run: one worker on {int(baseline['documents']):,} documents, {rate(baseline):,.0f} documents/s;
  {workers} workers: {rate(same_size):,.0f} documents/s, a ratio of {rate(same_size) / rate(baseline):.2f}.
- Peak memory from {int(fast[0]['documents']):,} to {int(fast[-1]['documents']):,} documents: {memory[0]:.0f} → {memory[-1]:.0f} MiB
  ({(memory[-1] / memory[0] - 1) * 100:+.1f} %; target within 10 %).
"""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + _kept_history(out), encoding="utf-8")
    print(f"wrote {out}")


def _kept_history(out: Path) -> str:
    """The hand-kept `## History` section of the previous report, carried over."""
    if not out.exists():
        return ""
    previous = out.read_text(encoding="utf-8")
    start = previous.find("\n## History")
    return previous[start:] if start >= 0 else ""


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
