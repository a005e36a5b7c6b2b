"""Event coder accuracy on gold sentences: precision, recall and F1 with bootstrap intervals.

Usage: python benchmarks/coder_accuracy.py GOLD.jsonl [GOLD2.jsonl ...] [--resamples 1000] [--seed 0]
       [--write-docs] [--out docs/benchmarks.md]

Each gold file's sentences go to the coder as {"id", "text", "doc_date", "lang"} through
`dyadwatch.coding.code_records`; its events are scored by `dyadwatch.coding.scoring` (the
rules of the gold set's README: overall, per language, per phenomenon, CAMEO-root and date
agreement, false events per no-event and per negated/hypothetical/future/question sentence).
The tables are printed; with --write-docs they replace the section between
`<!-- coder-accuracy:start -->` and `<!-- coder-accuracy:end -->` in the report, which is
appended under "## Event coder accuracy" when the markers are absent. The rest of the report
is left byte for byte as it was.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dyadwatch.coding.scoring import DEFAULT_RESAMPLES, ScoreReport, report_markdown, score  # noqa: E402

START = "<!-- coder-accuracy:start -->"
END = "<!-- coder-accuracy:end -->"
HEADING = "## Event coder accuracy"
INPUT_FIELDS = ("id", "text", "doc_date", "lang")

Coder = Callable[[Iterable[dict[str, Any]]], Iterator[dict[str, Any]]]


@dataclass(frozen=True)
class FileResult:
    """One gold file: its name, size, coder time, records the coder could not code, and scores."""

    name: str
    n_sentences: int
    seconds: float
    n_errors: int
    report: ScoreReport


PLOVER_05_TO_2 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold records of a JSONL file (blank lines skipped), of every JSONL file of a folder, or of
    PLOVER's gold-standard record file."""
    if path.is_dir():
        return [record for part in sorted(path.glob("*.jsonl")) for record in read_gold(part)]
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        return plover_gsr_records(json.loads(text))
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _codes(side: Any) -> list[str]:
    return [a["code"] for a in side if a.get("code")] if isinstance(side, list) else []


def plover_gsr_records(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """PLOVER_GSR_CAMEO.txt (English examples of the CAMEO manual) in the shared gold format.

    PLOVER 0.5 names become v2.0 ones (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE,
    FIGHT -> ASSAULT); each source x target pair is one gold event. Records without a target are left
    out, because a coded event always has one.
    """
    records = []
    for item in items:
        sources, targets = _codes(item.get("source")), _codes(item.get("target"))
        if not item.get("text") or not sources or not targets:
            continue
        category = PLOVER_05_TO_2.get(item["event"], item["event"])
        day = item.get("date") or "2000-01-01"
        events = [{"source": a, "target": b, "plover": category, "date": day}
                  for a in sources for b in targets if a != b]
        if events:
            records.append({"id": item["id"], "lang": "en", "text": item["text"], "doc_date": day,
                            "events": events, "phenomena": []})
    return records


def coder_inputs(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """What the coder sees of each gold record: id, text, doc_date and lang, never the answers."""
    for record in records:
        yield {key: record.get(key) for key in INPUT_FIELDS}


def run_coder(records: Sequence[dict[str, Any]], coder: Coder) -> tuple[list[dict[str, Any]], float]:
    """The coder's predictions, one per record in input order, and the seconds it took."""
    started = time.perf_counter()
    predictions = list(coder(coder_inputs(records)))
    seconds = time.perf_counter() - started
    wanted = [str(r["id"]) for r in records]
    got = [str(p.get("id")) for p in predictions]
    if got != wanted:
        raise SystemExit(f"the coder returned {len(got)} results for {len(wanted)} sentences, or out of order")
    return predictions, seconds


def real_coder() -> Coder:
    """The project's coder, `dyadwatch.coding.code_records`."""
    from dyadwatch.coding import code_records

    coder: Coder = code_records
    return coder


def coder_identity() -> tuple[str, str]:
    """CODER_NAME and CODER_VERSION of dyadwatch.coding, "unknown" where missing."""
    try:
        import dyadwatch.coding as coding
    except ImportError:
        return "unknown", "unknown"
    return str(getattr(coding, "CODER_NAME", "unknown")), str(getattr(coding, "CODER_VERSION", "unknown"))


def evaluate(paths: Sequence[Path], *, resamples: int, seed: int, coder: Coder | None = None) -> list[FileResult]:
    """Code and score every gold file (the real coder unless one is given)."""
    code = coder if coder is not None else real_coder()
    results = []
    for path in paths:
        gold = read_gold(path)
        predictions, seconds = run_coder(gold, code)
        report = score(gold, predictions, resamples=resamples, seed=seed)
        errors = sum(1 for p in predictions if p.get("error"))
        results.append(FileResult(path.name if path.is_absolute() else path.as_posix(), len(gold), seconds, errors, report))
    return results


def machine() -> str:
    """Processor architecture, operating system, cores and Python version."""
    return (
        f"{platform.machine()}, {platform.system()} {platform.release()}, {os.cpu_count() or 1} cores, "
        f"Python {platform.python_version()} ({platform.python_implementation()})"
    )


def section(results: Sequence[FileResult], *, coder_name: str, coder_version: str, when: datetime,
            resamples: int, seed: int) -> str:
    """The text between the markers: run details, then each gold file's tables."""
    files = ", ".join(f"`{r.name}` ({r.n_sentences} sentences)" for r in results)
    parts = [
        f"- Date: {when:%Y-%m-%d %H:%M} UTC\n"
        f"- Machine: {machine()}\n"
        f"- Coder: {coder_name} {coder_version}\n"
        f"- Gold files: {files}\n"
        f"- Scoring: `dyadwatch.coding.scoring`; 95 % intervals from {resamples} bootstrap resamples of sentences, "
        f"seed {seed}\n"
    ]
    for r in results:
        rate = r.n_sentences / r.seconds if r.seconds > 0 else float("inf")
        parts.append(
            f"### {r.name}\n\n"
            f"{r.n_sentences} sentences, coded in {r.seconds:.1f} s ({rate:,.1f} sentences/s); "
            f"{r.n_errors} returned an error instead of events.\n\n"
            f"{report_markdown(r.report)}"
        )
    return "\n".join(parts)


def replace_section(document: str, body: str) -> str:
    """The document with the text between the markers replaced by body; markers appended at the end if absent."""
    block = f"{START}\n{body.rstrip()}\n{END}"
    start = document.find(START)
    if start < 0:
        if END in document:
            raise SystemExit(f"{END} without {START}")
        separator = "" if not document else "\n" if document.endswith("\n") else "\n\n"
        return f"{document}{separator}{HEADING}\n\n{block}\n"
    end = document.find(END, start)
    if end < 0:
        raise SystemExit(f"{START} without a following {END}")
    return document[:start] + block + document[end + len(END):]


def write_docs(path: Path, body: str) -> None:
    """Replace (or append) the coder-accuracy section of the report, leaving every other byte alone."""
    document = path.read_bytes().decode("utf-8") if path.exists() else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(replace_section(document, body).encode("utf-8"))


def main(argv: Sequence[str] | None = None, coder: Coder | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="+", help="gold JSONL files")
    parser.add_argument("--resamples", type=int, default=DEFAULT_RESAMPLES, help="bootstrap resamples")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed")
    parser.add_argument("--write-docs", action="store_true", help="write the section into the report")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md", help="report to write into")
    args = parser.parse_args(argv)
    if args.resamples < 0:
        parser.error("--resamples must be 0 or more")
    when = datetime.now(timezone.utc)
    results = evaluate(args.gold, resamples=args.resamples, seed=args.seed, coder=coder)
    name, version = coder_identity()
    body = section(results, coder_name=name, coder_version=version, when=when, resamples=args.resamples,
                   seed=args.seed)
    print(body, flush=True)
    if args.write_docs:
        write_docs(args.out, body)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
