"""Generated media waves, organic or orchestrated, to fit and evaluate the coordination model on item tables.

Usage:
    python benchmarks/coordination_streams.py fit [--seeds 1-50]
    python benchmarks/coordination_streams.py evaluate [--seeds 1001-1100]

Each seed draws ``WAVES_PER_SEED`` waves with their own media landscape (state groups of several outlets,
many independent owners) and a shock at ``t0``:

* ``organic_wave``: independent reactions. Outlets of mixed ownership publish over hours (lognormal delays,
  median ``ORGANIC_MEDIAN_MIN``), each in its own words (Zipf draws from a per-language vocabulary plus event
  words), with a few reprints of wire stories (near-duplicate clusters across owners) and several narratives.
  Officials speak at various times, often after the media. ``strength`` raises the state outlets' share of the
  wave and the chance that an official speaks early (organic waves that look official).
* ``shock_wave``: organic reactions to a real shock, the hard case: a share ``0.5 + 0.45 * strength`` of the
  items appears within the first hour, more wire reprints, fewer narratives, and sometimes the shock is itself
  an official announcement.
* ``coordinated_wave``: an official cue, then outlets of one to three state or state-aligned owner groups
  publishing copies of one to three templates (word substitutions of ``COPY_EDIT`` at most) and the same one or
  two narratives within minutes (lognormal delays, median ``CAMPAIGN_MEDIAN_MIN``), hidden among organic
  background items: ``strength`` is the campaign's share of the wave (at least ``MIN_CAMPAIGN`` items).

``fit`` measures every wave of the tuning seeds with ``dyadwatch.coordination.measure`` (the same code
``assess`` runs), chooses the L2 penalty from ``L2_GRID`` by cross-validated log-loss over seed folds and writes
``src/dyadwatch/coordination/model.json``. ``evaluate`` scores the held-out seeds: ROC AUC (target >= 0.95),
Brier score (<= 0.10) and the false-coordination rate, probability >= 0.5 on shock waves (<= 5 %).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dyadwatch.coordination import FEATURES, InsufficientData, LogisticModel, fit_logistic, load_model, measure  # noqa: E402

MODEL_FILE = ROOT / "src" / "dyadwatch" / "coordination" / "model.json"
TUNING_SEEDS = range(1, 51)
HELD_OUT_SEEDS = range(1001, 1101)
WAVES_PER_SEED = (("organic", 4), ("shock", 3), ("coordinated", 4))  # kind, waves of that kind per seed
MIN_SIZE, MAX_SIZE = 10, 200  # wave sizes are log-uniform between these
CAMPAIGN_STRENGTH = (0.25, 1.0)  # campaign share of a coordinated wave drawn uniformly from this range
L2_GRID = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)  # penalties tried by cross-validation
CV_FOLDS = 5  # folds of tuning seeds for choosing the penalty
LANGUAGES = ("ru", "az", "en", "tr")
LANGUAGE_WEIGHTS = (0.4, 0.3, 0.2, 0.1)  # organic items' language mix
VOCABULARY = 800  # words per language
ZIPF_EXPONENT = 1.1  # word frequencies ~ rank^-exponent: frequent function words are shared by every text
EVENT_WORDS = 30  # words naming the shock in each language, shared by texts about it
TEXT_WORDS = (40, 120)  # words per text
COPY_EDIT = 0.2  # a copied text has up to this share of its words substituted
NARRATIVES = 20  # narrative ids available in the dyad
ORGANIC_MEDIAN_MIN = 180.0  # median delay of organic items after the shock (minutes)
ORGANIC_SIGMA = 1.0  # lognormal sigma of organic delays
CAMPAIGN_MEDIAN_MIN = 30.0  # median delay of campaign items after the official cue (minutes)
CAMPAIGN_SIGMA = 0.7  # lognormal sigma of campaign delays
MIN_CAMPAIGN = 3  # a coordinated wave has at least this many campaign items
DATE_ONLY_CHANCE = 0.2  # chance that an official statement is known by its date only (coded events)
SECTORS = ("presidency", "foreign ministry", "security", "defence", "parliament")
BODIES = ("RUS.PRES", "RUS.MFA", "RUS.MOD", "AZE.PRES", "AZE.MFA", "AZE.MOD")
START = pd.Timestamp("2024-01-01", tz="UTC")


@dataclass(frozen=True)
class Wave:
    kind: str
    strength: float
    items: pd.DataFrame
    officials: pd.DataFrame

    @property
    def label(self) -> int:
        return int(self.kind == "coordinated")


def _zipf(rng: np.random.Generator, size: int) -> np.ndarray:
    weights = 1.0 / np.arange(1, VOCABULARY + 1) ** ZIPF_EXPONENT
    return rng.choice(VOCABULARY, size=size, p=weights / weights.sum())


def fresh_text(rng: np.random.Generator, language: str, event: np.ndarray) -> str:
    """A text in its own words: Zipf draws plus a few of the event's words."""
    length = int(rng.integers(*TEXT_WORDS))
    words = [f"{language}w{k}" for k in _zipf(rng, length)]
    for position in rng.choice(length, size=min(length, int(rng.integers(3, 10))), replace=False):
        words[position] = f"{language}e{rng.choice(event)}"
    return " ".join(words)


def copy_text(rng: np.random.Generator, template: str, language: str) -> str:
    """A near-copy of ``template``: each word substituted with probability up to ``COPY_EDIT``."""
    words = template.split()
    edit = rng.uniform(0.0, COPY_EDIT)
    for position in np.flatnonzero(rng.random(len(words)) < edit):
        words[position] = f"{language}w{_zipf(rng, 1)[0]}"
    return " ".join(words)


@dataclass(frozen=True)
class Landscape:
    """Outlets of one wave: (source, owner group, ownership, language)."""

    state: tuple[tuple[str, str, str, str], ...]
    independent: tuple[tuple[str, str, str, str], ...]


def landscape(rng: np.random.Generator) -> Landscape:
    state = []
    for g in range(int(rng.integers(3, 6))):
        home = str(rng.choice(("ru", "az")))
        ownership = "state" if rng.random() < 0.5 else "state-aligned"
        for s in range(int(rng.integers(2, 7))):
            language = home if rng.random() < 0.8 else "en"
            label = "private" if rng.random() < 0.1 else ownership  # aligned outlets labelled private happen
            state.append((f"stategroup{g}-outlet{s}", f"stategroup{g}", label, language))
    independent = []
    for s in range(int(rng.integers(40, 90))):
        group = f"owner{s // 2}" if rng.random() < 0.2 else f"owner{s}"
        ownership = str(rng.choice(("private", "independent", "foreign", "unknown"), p=(0.4, 0.3, 0.2, 0.1)))
        language = str(rng.choice(LANGUAGES, p=LANGUAGE_WEIGHTS))
        independent.append((f"outlet{s}", group, ownership, language))
    return Landscape(tuple(state), tuple(independent))


def _statement(rng: np.random.Generator, when: pd.Timestamp, event_id: str) -> dict[str, object]:
    date_only = bool(rng.random() < DATE_ONLY_CHANCE)
    time = when.normalize() + pd.Timedelta(hours=12) if date_only else when
    return {"time": time, "body": str(rng.choice(BODIES)), "sector": str(rng.choice(SECTORS)),
            "event_id": event_id, "date_only": date_only}


def _officials(rows: list[dict[str, object]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["time", "body", "sector", "event_id", "date_only"])


def _organic_items(rng: np.random.Generator, world: Landscape, size: int, t0: pd.Timestamp, state_weight: float,
                   wire_share: float, narratives: np.ndarray, burst_share: float) -> list[dict[str, object]]:
    """Independent reactions: own words, a few wire reprints, narratives drawn per item."""
    outlets = list(world.independent) + list(world.state)
    activity = rng.dirichlet(np.full(len(outlets), 0.5))
    n_state = len(world.state)
    activity[-n_state:] *= state_weight / max(activity[-n_state:].sum(), 1e-12)
    activity[:-n_state] *= (1.0 - state_weight) / max(activity[:-n_state].sum(), 1e-12)
    event = {lang: rng.choice(1000, size=EVENT_WORDS, replace=False) for lang in LANGUAGES}
    wires = [(str(rng.choice(LANGUAGES, p=LANGUAGE_WEIGHTS)), f"wire{k}") for k in range(int(rng.integers(1, 4)))]
    wire_texts = {cid: fresh_text(rng, lang, event[lang]) for lang, cid in wires}
    narrative_weights = rng.dirichlet(np.full(len(narratives), 0.8))
    rows = []
    for k in range(size):
        source, group, ownership, language = outlets[int(rng.choice(len(outlets), p=activity / activity.sum()))]
        if rng.random() < burst_share:
            delay = rng.uniform(0.0, 60.0)
        else:
            delay = rng.lognormal(math.log(ORGANIC_MEDIAN_MIN), ORGANIC_SIGMA)
        if rng.random() < wire_share:
            language, cluster = wires[int(rng.integers(len(wires)))]
            text = copy_text(rng, wire_texts[cluster], language)
        else:
            cluster, text = None, fresh_text(rng, language, event[language])
        count = int(rng.choice(4, p=(0.15, 0.45, 0.3, 0.1)))
        chosen = [str(x) for x in rng.choice(narratives, size=count, replace=False, p=narrative_weights)]
        rows.append({"source": source, "owner_group": group, "ownership": ownership,
                     "published": t0 + pd.Timedelta(minutes=float(delay)), "cluster": cluster,
                     "narratives": tuple(chosen), "language": language, "text": text})
    return rows


def _table(rng: np.random.Generator, rows: list[dict[str, object]]) -> pd.DataFrame:
    order = rng.permutation(len(rows))
    frame = pd.DataFrame([rows[i] for i in order])
    frame.insert(0, "doc_id", [f"d{k}" for k in range(len(frame))])
    return frame


def _t0(rng: np.random.Generator) -> pd.Timestamp:
    return START + pd.Timedelta(minutes=float(rng.uniform(0, 300 * 24 * 60)))


def _narrative_pool(rng: np.random.Generator, low: int, high: int) -> np.ndarray:
    return np.array([f"N{k}" for k in rng.choice(NARRATIVES, size=int(rng.integers(low, high + 1)), replace=False)])


def _late_statements(rng: np.random.Generator, t0: pd.Timestamp, count: int, median_min: float,
                     prefix: str) -> list[dict[str, object]]:
    return [_statement(rng, t0 + pd.Timedelta(minutes=float(rng.lognormal(math.log(median_min), 1.0))),
                       f"{prefix}{k}") for k in range(count)]


def organic_wave(rng: np.random.Generator, strength: float, size: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Spontaneous reactions over hours; ``strength`` adds state outlets and early official statements."""
    world, t0 = landscape(rng), _t0(rng)
    rows = _organic_items(rng, world, size, t0, state_weight=0.05 + 0.35 * strength,
                          wire_share=float(rng.uniform(0.05, 0.15)), narratives=_narrative_pool(rng, 4, 8),
                          burst_share=0.0)
    officials = _late_statements(rng, t0, int(rng.integers(0, 4)), 360.0, "org")
    if rng.random() < 0.2 + 0.4 * strength:
        officials.append(_statement(rng, t0 + pd.Timedelta(minutes=float(rng.uniform(-60, 60))), "org-early"))
    return _table(rng, rows), _officials(officials)


def shock_wave(rng: np.random.Generator, strength: float, size: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Organic reactions to a real shock: a burst of independent outlets within the hour."""
    world, t0 = landscape(rng), _t0(rng)
    rows = _organic_items(rng, world, size, t0, state_weight=float(rng.uniform(0.05, 0.3)),
                          wire_share=float(rng.uniform(0.15, 0.35)), narratives=_narrative_pool(rng, 3, 6),
                          burst_share=0.5 + 0.45 * strength)
    officials = _late_statements(rng, t0, int(rng.integers(0, 4)), 180.0, "shock")
    if rng.random() < 0.3:
        officials.append(_statement(rng, t0 - pd.Timedelta(minutes=float(rng.uniform(0, 30))), "shock-announced"))
    return _table(rng, rows), _officials(officials)


def coordinated_wave(rng: np.random.Generator, strength: float, size: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An official cue, then state outlets of a few groups publishing copies and one or two narratives."""
    world, t0 = landscape(rng), _t0(rng)
    campaign = min(size, max(MIN_CAMPAIGN, round(strength * size)))
    background = _organic_items(rng, world, size - campaign, t0, state_weight=float(rng.uniform(0.05, 0.2)),
                                wire_share=float(rng.uniform(0.05, 0.15)), narratives=_narrative_pool(rng, 4, 8),
                                burst_share=0.0)
    groups = sorted({g for _, g, _, _ in world.state})
    chosen = {str(g) for g in rng.choice(groups, size=int(rng.integers(1, min(3, len(groups)) + 1)), replace=False)}
    outlets = [o for o in world.state if o[1] in chosen]
    if len({o[1] for o in outlets}) < 2 and not background:
        outlets += [o for o in world.state if o[1] not in chosen][:1]  # a wave needs two owner groups
    cue = t0 + pd.Timedelta(minutes=float(rng.uniform(0, 360)))
    lines = list(rng.choice(NARRATIVES, size=2, replace=False))
    event = rng.choice(1000, size=EVENT_WORDS, replace=False)
    templates = {(lang, k): fresh_text(rng, lang, event) for lang in sorted({o[3] for o in outlets})
                 for k in range(int(rng.integers(1, 4)))}
    copy_chance = float(rng.uniform(0.5, 0.95))
    rows = []
    for _ in range(campaign):
        source, group, ownership, language = outlets[int(rng.integers(len(outlets)))]
        keys = [key for key in templates if key[0] == language]
        key = keys[int(rng.integers(len(keys)))]
        copied = rng.random() < copy_chance
        text = copy_text(rng, templates[key], language) if copied else fresh_text(rng, language, event)
        carried = lines if rng.random() < 0.5 else [lines[int(rng.integers(2))]]
        rows.append({"source": source, "owner_group": group, "ownership": ownership,
                     "published": cue + pd.Timedelta(minutes=float(rng.lognormal(math.log(CAMPAIGN_MEDIAN_MIN),
                                                                                  CAMPAIGN_SIGMA))),
                     "cluster": f"camp-{key[0]}-{key[1]}" if copied else None,
                     "narratives": tuple(f"N{x}" for x in carried), "language": language, "text": text})
    officials = [_statement(rng, cue, "cue")] + _late_statements(rng, t0, int(rng.integers(0, 3)), 360.0, "coord")
    return _table(rng, background + rows), _officials(officials)


GENERATORS = {"organic": organic_wave, "shock": shock_wave, "coordinated": coordinated_wave}


def waves(seed: int) -> list[Wave]:
    """The waves of one seed, in ``WAVES_PER_SEED`` order."""
    rng = np.random.default_rng(seed)
    out = []
    for kind, count in WAVES_PER_SEED:
        for _ in range(count):
            strength = float(rng.uniform(*CAMPAIGN_STRENGTH)) if kind == "coordinated" else float(rng.uniform())
            size = int(round(math.exp(rng.uniform(math.log(MIN_SIZE), math.log(MAX_SIZE)))))
            items, officials = GENERATORS[kind](rng, strength, size)
            out.append(Wave(kind, strength, items, officials))
    return out


def seed_features(seed: int) -> list[tuple[int, str, float, int, list[float] | None]]:
    """(seed, kind, strength, label, feature values or None when the wave cannot be judged) per wave."""
    rows: list[tuple[int, str, float, int, list[float] | None]] = []
    for wave in waves(seed):
        try:
            values = measure(wave.items, wave.officials, seed=seed).features
            rows.append((seed, wave.kind, wave.strength, wave.label, [values[name] for name in FEATURES]))
        except InsufficientData:
            rows.append((seed, wave.kind, wave.strength, wave.label, None))
    return rows


def collect(seeds: range, jobs: int) -> pd.DataFrame:
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        per_seed = list(pool.map(seed_features, seeds))
    rows = [row for chunk in per_seed for row in chunk]
    frame = pd.DataFrame(rows, columns=["seed", "kind", "strength", "label", "values"])
    return frame


def _judged(frame: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    judged = frame[frame["values"].notna()].reset_index(drop=True)
    return judged, np.array(judged["values"].tolist(), dtype=float), judged["label"].to_numpy(dtype=float)


def _log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _predict(model: LogisticModel, x: np.ndarray) -> np.ndarray:
    return np.array([model.probability(dict(zip(model.features, row))) for row in x])


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Mann–Whitney estimate of the area under the ROC curve (ties count half)."""
    positive, negative = scores[labels == 1], scores[labels == 0]
    greater = (positive[:, None] > negative[None, :]).sum() + 0.5 * (positive[:, None] == negative[None, :]).sum()
    return float(greater / (positive.size * negative.size))


def fit(seeds: range = TUNING_SEEDS, jobs: int = 2) -> LogisticModel:
    """Choose the L2 penalty by seed-fold cross-validation, fit on all tuning waves and write model.json."""
    began = time.perf_counter()
    frame, x, y = _judged(collect(seeds, jobs))
    names = tuple(FEATURES)
    folds = frame["seed"].to_numpy() % CV_FOLDS
    scores = {}
    for l2 in L2_GRID:
        losses = []
        for fold in range(CV_FOLDS):
            train, test = folds != fold, folds == fold
            losses.append(_log_loss(_predict(fit_logistic(x[train], y[train], names, l2), x[test]), y[test]))
        scores[l2] = float(np.mean(losses))
    best = min(scores, key=lambda l2: scores[l2])
    meta = {"fitted_by": "benchmarks/coordination_streams.py fit", "seeds": f"{seeds.start}-{seeds.stop - 1}",
            "waves": int(len(frame)), "coordinated": int(y.sum()), "l2": best,
            "cv_log_loss": {str(k): round(v, 4) for k, v in scores.items()}, "folds": CV_FOLDS,
            "feature_definitions": dict(FEATURES)}
    model = fit_logistic(x, y, names, best, meta)
    model.write(MODEL_FILE)
    print(f"fitted on {len(frame)} waves ({int(y.sum())} coordinated) of seeds {meta['seeds']} in "
          f"{time.perf_counter() - began:.0f} s; l2 = {best} (cv log-loss {scores[best]:.4f})")
    for name, weight in zip(names, model.coefficients):
        print(f"  {name:28s} {weight:+.3f}")
    print(f"wrote {MODEL_FILE.relative_to(ROOT)}")
    return model


def evaluate(seeds: range = HELD_OUT_SEEDS, jobs: int = 2) -> dict[str, float]:
    """ROC AUC, Brier score and false-coordination rate of the packaged model on held-out seeds."""
    began = time.perf_counter()
    raw = collect(seeds, jobs)
    frame, x, y = _judged(raw)
    p = _predict(load_model(), x)
    shock = (frame["kind"] == "shock").to_numpy()
    organic = (frame["kind"] == "organic").to_numpy()
    weak = ((frame["kind"] == "coordinated") & (frame["strength"] < 0.5)).to_numpy()
    strong = ((frame["kind"] == "coordinated") & (frame["strength"] >= 0.5)).to_numpy()
    results = {"waves": float(len(raw)), "not_judged": float(len(raw) - len(frame)), "roc_auc": roc_auc(p, y),
               "brier": float(np.mean((p - y) ** 2)), "false_coordination_shock": float(np.mean(p[shock] >= 0.5)),
               "false_coordination_organic": float(np.mean(p[organic] >= 0.5)),
               "detection_weak": float(np.mean(p[weak] >= 0.5)), "detection_strong": float(np.mean(p[strong] >= 0.5)),
               "seconds": time.perf_counter() - began}
    print(f"held-out seeds {seeds.start}-{seeds.stop - 1}: {len(raw)} waves, {len(raw) - len(frame)} not judged")
    print(f"  ROC AUC {results['roc_auc']:.4f} (target >= 0.95)")
    print(f"  Brier {results['brier']:.4f} (target <= 0.10)")
    print(f"  false coordination on shock waves {results['false_coordination_shock']:.1%} (target <= 5 %), "
          f"on organic waves {results['false_coordination_organic']:.1%}")
    print(f"  coordinated detected at p >= 0.5: strength < 0.5 {results['detection_weak']:.1%}, "
          f">= 0.5 {results['detection_strong']:.1%}")
    print(f"  {results['seconds']:.0f} s")
    return results


def _seeds(text: str) -> range:
    low, _, high = text.partition("-")
    return range(int(low), int(high or low) + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("fit", "evaluate"))
    parser.add_argument("--seeds", type=_seeds, help="seed range, e.g. 1-50")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    args = parser.parse_args()
    if args.command == "fit":
        fit(args.seeds or TUNING_SEEDS, args.jobs)
    else:
        evaluate(args.seeds or HELD_OUT_SEEDS, args.jobs)


if __name__ == "__main__":
    main()
