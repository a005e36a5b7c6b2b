"""Ledger and phase speed on a large event store: one dyad's ledger read from N stored events, phases first and after a day.

Usage: python benchmarks/ledger_speed.py [--events 1000000] [--runs 5] [--profile] [--write-docs]

1. A fresh SQLite workspace in a temporary folder; N generated events (default 1,000,000) inserted straight into
   `events` with SQLAlchemy Core executemany, 50,000 rows a transaction. Events spread over 40 directed dyads
   among 10 states across four years (2022-2025); RUS:AZE and AZE:RUS hold about 4 % of them, with two
   conflict crises so the phases have something to find. Origins: GDELT 85 %, coded 13 %, analyst 2 %.
2. Ledger of RUS:AZE (one direction) and RUS-AZE (both) over the last two years at freq D, W and M, and
   by acting body; the Python API's `Workspace.ledger` once more for the headline case. Median of `--runs`
   runs after one warm-up. The SQL part of the headline case (`story_rows`, `attention_rows`) is timed alone.
3. Phases of RUS-AZE: first computation (stored phases forgotten before each run, outside the timing), then
   the incremental refresh after one more day of events for every dyad (inserted outside the timing), and a
   refresh with nothing new.

`--profile` (and any run that misses the 200 ms target) prints a cProfile of the headline ledger call and
SQLite's query plan of its story query.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import os
import platform
import pstats
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from report_section import write_section  # noqa: E402

REFERENCE = ROOT / "src" / "dyadwatch" / "reference"
HEADING = "## Ledger speed"
TARGET_MS = 200.0
CHUNK = 50_000

COUNTRIES = ("RUS", "AZE", "IRN", "TUR", "ARM", "GEO", "UKR", "KAZ", "USA", "CHN")
FIRST_DAY, LAST_DAY = date(2022, 1, 1), date(2025, 12, 31)
SINCE, UNTIL = date(2024, 1, 1), date(2025, 12, 31)
MEASURED = (("RUS", "AZE"), ("AZE", "RUS"))
MEASURED_SHARE = (0.025, 0.015)  # RUS:AZE, AZE:RUS: 4 % of all events together
DYADS = 40
CRISES = ((date(2024, 12, 25), date(2025, 1, 20)), (date(2025, 6, 27), date(2025, 8, 15)))
CRISIS_SHARE = 0.08  # of the measured dyad's events, extra conflict events placed inside the crises
QUAD_P = (0.45, 0.12, 0.25, 0.18)
ORIGINS = ("gdelt", "coded", "analyst")
ORIGIN_P = (0.85, 0.13, 0.02)
BODIES = ("PRES", "GOV", "MFA", "MOD", "MVD")


# --- data -------------------------------------------------------------------------------------------------------


def cameo_table() -> dict[int, list[tuple[str, str, float, str | None]]]:
    """Three-digit CAMEO codes by quad class: (code, label, Goldstein, PLOVER category or None)."""
    def rows(name: str) -> list[dict[str, str]]:
        with (REFERENCE / name).open(encoding="utf-8") as handle:
            return list(csv.DictReader(handle, delimiter="\t"))

    goldstein = {r["code"]: float(r["goldstein"]) for r in rows("goldstein.tsv")}
    plover = {r["cameo_code"]: r["plover_category"] or None for r in rows("cameo_to_plover.tsv")}
    table: dict[int, list[tuple[str, str, float, str | None]]] = {1: [], 2: [], 3: [], 4: []}
    for r in rows("cameo_codes.tsv"):
        if len(r["code"]) == 3 and r["quad_class"]:
            table[int(r["quad_class"])].append(
                (r["code"], r["label"], goldstein.get(r["code"], 0.0), plover.get(r["code"])))
    return table


def dyad_list(rng: np.random.Generator) -> tuple[list[tuple[str, str]], np.ndarray]:
    """40 directed dyads: the measured two plus 38 others, with Zipf-like shares of the remaining events."""
    others = [(a, b) for a in COUNTRIES for b in COUNTRIES if a != b and (a, b) not in MEASURED]
    picked = [others[i] for i in rng.choice(len(others), DYADS - len(MEASURED), replace=False)]
    rest = 1.0 / np.arange(1, len(picked) + 1) ** 0.8
    rest = rest / rest.sum() * (1.0 - sum(MEASURED_SHARE))
    return [*MEASURED, *picked], np.concatenate([MEASURED_SHARE, rest])


class Generator:
    """Columns of generated events, drawn with numpy; rows built per chunk for executemany."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = np.random.default_rng(seed)
        self.cameo = cameo_table()
        self.dyads, self.shares = dyad_list(self.rng)
        self.serial = 0
        self.created = datetime(2026, 1, 1, tzinfo=timezone.utc)

    def events(self, n: int, day: date | None = None) -> list[dict[str, object]]:
        """``n`` events over the four years (or all on ``day``)."""
        rng = self.rng
        dyad = rng.choice(len(self.dyads), n, p=self.shares)
        quad = rng.choice(4, n, p=QUAD_P) + 1
        if day is None:
            span = (LAST_DAY - FIRST_DAY).days + 1
            # slow growth over the years plus a weekday rhythm (less news at weekends)
            weights = np.linspace(0.8, 1.2, span) * np.where((np.arange(span) + FIRST_DAY.weekday()) % 7 >= 5, 0.6, 1.0)
            offset = rng.choice(span, n, p=weights / weights.sum())
            crisis = (dyad < len(MEASURED)) & (rng.random(n) < CRISIS_SHARE)
            if crisis.any():
                starts = np.array([(a - FIRST_DAY).days for a, _ in CRISES])
                lengths = np.array([(b - a).days + 1 for a, b in CRISES])
                which = rng.integers(0, len(CRISES), crisis.sum())
                offset[crisis] = starts[which] + (rng.random(crisis.sum()) * lengths[which]).astype(int)
                quad[crisis] = rng.choice([3, 4], crisis.sum(), p=[0.4, 0.6])
            days = (np.datetime64(FIRST_DAY) + offset.astype("timedelta64[D]")).astype(object)
        else:
            days = [day] * n
        origin = rng.choice(len(ORIGINS), n, p=ORIGIN_P)
        pick = rng.random(n)
        tone = rng.normal(-2.5, 3.0, n)
        body1, body2 = rng.integers(0, len(BODIES), n), rng.integers(0, len(BODIES) + 3, n)
        ids = rng.integers(0, 2**63, n)
        rows = []
        for i in range(n):
            a, b = self.dyads[dyad[i]]
            codes = self.cameo[int(quad[i])]
            code, label, goldstein, plover = codes[int(pick[i] * len(codes))]
            kind = ORIGINS[origin[i]]
            gdelt = kind == "gdelt"
            self.serial += 1
            rows.append({
                "id": f"{ids[i]:016x}{self.serial:016x}", "origin": kind, "status": "active", "event_date": days[i],
                "actor1_code": a, "actor2_code": b, "description": f"{a} {label.lower()} {b}",
                "cameo_code": code, "plover_category": plover, "quad_class": int(quad[i]), "goldstein": goldstein,
                "tone": float(tone[i]) if gdelt else None,
                "actor1_body": None if gdelt else f"{a}.{BODIES[body1[i]]}",
                "actor2_body": None if gdelt or body2[i] >= len(BODIES) else f"{b}.{BODIES[body2[i]]}",
                "source_urls": "[]", "input_origin": "benchmark", "raw": "", "created_at": self.created,
                "flags": "[]", "known_date": days[i],
            })
        return rows


def insert(engine, rows: list[dict[str, object]]) -> None:  # type: ignore[no-untyped-def]
    from dyadwatch.store.lock import writer_lock
    from dyadwatch.store.schema import events

    with writer_lock(engine):
        for start in range(0, len(rows), CHUNK):
            with engine.begin() as connection:
                connection.execute(events.insert(), rows[start:start + CHUNK])


def fill(engine, generator: Generator, n: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Generate and insert ``n`` events in chunks; generation and insert timed apart."""
    gen_s = insert_s = 0.0
    done = 0
    while done < n:
        size = min(CHUNK * 4, n - done)
        t0 = time.perf_counter()
        rows = generator.events(size)
        t1 = time.perf_counter()
        insert(engine, rows)
        t2 = time.perf_counter()
        gen_s += t1 - t0
        insert_s += t2 - t1
        done += size
        print(f"  inserted {done:,} events ({insert_s:.1f} s insert, {gen_s:.1f} s generation)", flush=True)
    t0 = time.perf_counter()
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    return {"generate_s": gen_s, "insert_s": insert_s, "analyze_s": time.perf_counter() - t0}


# --- timing -----------------------------------------------------------------------------------------------------


def median_ms(call: Callable[[], object], runs: int, before: Callable[[], object] | None = None) -> dict[str, float]:
    """Median (and min, max) wall time of ``call`` over ``runs`` runs after one warm-up; ``before`` untimed."""
    times = []
    for i in range(runs + 1):
        if before:
            before()
        t0 = time.perf_counter()
        call()
        elapsed = (time.perf_counter() - t0) * 1000
        if i:
            times.append(elapsed)
    return {"ms": statistics.median(times), "min": min(times), "max": max(times)}


def measure(ws, generator: Generator, runs: int, total: int) -> tuple[list[tuple[str, dict[str, float]]], dict[str, int]]:  # type: ignore[no-untyped-def]
    from dyadwatch.ledger import Window, service
    from dyadwatch.ledger.attention import attention_rows
    from dyadwatch.ledger.dyads import parse
    from dyadwatch.ledger.phase_store import forget_phases
    from dyadwatch.ledger.stories import story_rows

    engine = ws.engine
    window = Window(since=SINCE, until=UNTIL)
    rows: list[tuple[str, dict[str, float]]] = []
    facts: dict[str, int] = {}

    def run(label: str, call: Callable[[], object], before: Callable[[], object] | None = None) -> None:
        result = median_ms(call, runs, before)
        rows.append((label, result))
        print(f"  {label:<58} {result['ms']:9.1f} ms  (min {result['min']:.1f}, max {result['max']:.1f})", flush=True)

    for dyad in ("RUS:AZE", "RUS-AZE"):
        for freq in ("D", "W", "M"):
            run(f"ledger {dyad}, 2 years, freq {freq}",
                lambda d=dyad, f=freq: service.ledger(engine, [d], window, freq=f))
        run(f"ledger {dyad}, 2 years, freq D, by body",
            lambda d=dyad: service.ledger(engine, [d], window, freq="D", by_body=True))
    run("Workspace.ledger(\"RUS:AZE\", since, until) (Python API)",
        lambda: ws.ledger("RUS:AZE", since=SINCE, until=UNTIL))

    directed = parse("RUS:AZE")
    with engine.connect() as connection:
        run("  of which SQL: story_rows RUS:AZE (one query)", lambda: story_rows(connection, directed, window))
        run("  of which SQL: attention_rows RUS:AZE (empty documents)",
            lambda: attention_rows(connection, directed, window, {}))
        facts["story_rows"] = len(story_rows(connection, directed, window))
        facts["dyad_events"] = connection.exec_driver_sql(
            "SELECT count(*) FROM events WHERE actor1_code='RUS' AND actor2_code='AZE' "
            "AND event_date BETWEEN ? AND ?", (SINCE.isoformat(), UNTIL.isoformat())).scalar_one()
    facts["ledger_rows"] = len(service.ledger(engine, ["RUS:AZE"], window, freq="D"))

    undirected = parse("RUS-AZE")
    run("phases RUS-AZE, first computation (4 years)", lambda: service.phases(engine, "RUS-AZE", Window()),
        before=lambda: forget_phases(engine, undirected))
    facts["phases"] = len(service.phases(engine, "RUS-AZE", Window()))
    day = [LAST_DAY]
    per_day = max(1, round(total / ((LAST_DAY - FIRST_DAY).days + 1)))  # an average day of the stored span

    def new_day() -> None:
        day[0] += timedelta(days=1)
        insert(engine, generator.events(per_day, day[0]))

    run(f"phases RUS-AZE, refresh after one new day ({per_day} events)",
        lambda: service.phases(engine, "RUS-AZE", Window()), before=new_day)
    run("phases RUS-AZE, refresh with nothing new", lambda: service.phases(engine, "RUS-AZE", Window()))
    facts["per_day"] = per_day
    return rows, facts


def profile(ws, top: int = 30) -> str:  # type: ignore[no-untyped-def]
    """cProfile of the headline ledger call (several runs) and SQLite's plan of its story query."""
    from dyadwatch.ledger import Window, service
    from dyadwatch.ledger.dyads import parse

    window = Window(since=SINCE, until=UNTIL)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        service.ledger(ws.engine, ["RUS:AZE"], window, freq="D")
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative")
    stats.print_stats(top)
    out.write("\ntottime:\n")
    stats.sort_stats("tottime").print_stats(top)
    out.write("\n" + explain(ws.engine, parse("RUS:AZE"), window))
    return out.getvalue()


def explain(engine, dyad, window) -> str:  # type: ignore[no-untyped-def]
    """EXPLAIN QUERY PLAN of story_rows' query, captured from the statement SQLAlchemy sends."""
    from sqlalchemy import event

    from dyadwatch.ledger.stories import story_rows

    seen: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "GROUP BY" in statement and not seen:
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        with engine.connect() as connection:
            story_rows(connection, dyad, window)
            statement, parameters = seen[0]
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()  # type: ignore[arg-type]
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    return "story_rows query plan:\n" + "\n".join(f"  {row[-1]}" for row in plan) + "\n"


# --- report -----------------------------------------------------------------------------------------------------


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip() + ", "
                break
    except OSError:
        pass
    return (f"{platform.machine()}, {cpu}{os.cpu_count()} cores, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, {platform.system()}")


def headline(rows: list[tuple[str, dict[str, float]]], n: int) -> str:
    ms = dict(rows)["ledger RUS:AZE, 2 years, freq D"]["ms"]
    verdict = "met" if ms < TARGET_MS else "MISSED"
    return f"ledger RUS:AZE, 2 years, {n:,} events stored: {ms:.0f} ms (target < {TARGET_MS:.0f} ms; {verdict})"


def report(n: int, fill_times: dict[str, float], rows: list[tuple[str, dict[str, float]]],
           facts: dict[str, int], runs: int) -> str:
    table = "\n".join(f"| {label.strip()} | {r['ms']:,.1f} | {r['min']:,.1f}–{r['max']:,.1f} |" for label, r in rows)
    timings = dict(rows)
    first = timings["phases RUS-AZE, first computation (4 years)"]["ms"]
    refresh = next(r["ms"] for label, r in rows if label.startswith("phases RUS-AZE, refresh after"))
    return (
        f"`python benchmarks/ledger_speed.py --events {n} --write-docs`. A fresh SQLite workspace holds {n:,} "
        f"generated events (40 directed dyads among 10 states, 2022–2025; GDELT 85 %, coded 13 %, analyst 2 %; "
        f"RUS:AZE 2.5 % and AZE:RUS 1.5 %, with two conflict crises). The documents table is empty, so the "
        f"join to documents and the attention query cost next to nothing here. Times are medians of {runs} runs "
        f"after one warm-up, in one process.\n\n"
        f"- Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; machine: {machine()}\n"
        f"- Insert: {n:,} events by SQLAlchemy Core executemany, {CHUNK:,} a transaction: "
        f"{fill_times['insert_s']:.0f} s ({n / fill_times['insert_s']:,.0f} events/s; generation "
        f"{fill_times['generate_s']:.0f} s apart, ANALYZE {fill_times['analyze_s']:.1f} s).\n"
        f"- **{headline(rows, n)}.** RUS:AZE has {facts['dyad_events']:,} events in those two years, "
        f"{facts['story_rows']:,} rows from the story query, {facts['ledger_rows']:,} ledger rows.\n"
        f"- Phases of RUS-AZE: first computation {first:,.0f} ms ({facts['phases']} phases); refresh after one "
        f"more day ({facts['per_day']} events over all dyads) {refresh:,.0f} ms, {first / refresh:.1f}× faster.\n\n"
        f"| measurement | median ms | min–max ms |\n|---|---:|---:|\n{table}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="print a cProfile even when the target is met")
    parser.add_argument("--keep", type=Path, help="build the workspace here and keep it (default: a temp folder)")
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()

    from dyadwatch import init_workspace

    with tempfile.TemporaryDirectory(prefix="ledger-speed-") as tmp:
        folder = args.keep or Path(tmp) / "ws"
        ws = init_workspace(folder)
        generator = Generator(args.seed)
        print(f"inserting {args.events:,} events into {folder}", flush=True)
        fill_times = fill(ws.engine, generator, args.events)
        print(f"insert: {fill_times}", flush=True)
        print("measuring", flush=True)
        rows, facts = measure(ws, generator, args.runs, args.events)
        line = headline(rows, args.events)
        print(line, flush=True)
        if args.profile or dict(rows)["ledger RUS:AZE, 2 years, freq D"]["ms"] >= TARGET_MS:
            print(profile(ws), flush=True)
        ws.close()
    body = report(args.events, fill_times, rows, facts, args.runs)
    print(body)
    if args.write_docs:
        write_section(args.out, "ledger-speed", HEADING, body)


if __name__ == "__main__":
    main()
