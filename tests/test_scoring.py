"""Scoring of coded events against gold sentences, and the coder-accuracy benchmark's report writing."""

from __future__ import annotations

import importlib.util
import itertools
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.coding.scoring import (
    Interval,
    bootstrap_intervals,
    cameo_root,
    event_matches,
    match_events,
    prf,
    report_markdown,
    score,
    score_sentence,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD_DEV = ROOT.parent / "shared" / "gold" / "dev.jsonl"


def ev(
    source: str, target: str, plover: str, cameo: str | None = "040", date: str | None = "2024-10-01", **extra: Any
) -> dict[str, Any]:
    return {"source": source, "target": target, "plover": plover, "cameo": cameo, "date": date, **extra}


def sent(ident: str, events: list[dict[str, Any]], lang: str = "en", phenomena: Sequence[str] = ()) -> dict[str, Any]:
    return {"id": ident, "lang": lang, "text": "…", "doc_date": "2024-10-02", "events": events,
            "phenomena": list(phenomena)}


def pred(ident: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": ident, "events": events}


# --- matching -------------------------------------------------------------------------------------


def test_symmetric_gold_matches_reversed_direction_but_plain_gold_does_not() -> None:
    meeting = ev("AZE", "RUS", "CONSULT", symmetric=True)
    assert event_matches(ev("RUS", "AZE", "CONSULT"), meeting)
    assert event_matches(ev("AZE", "RUS", "CONSULT"), meeting)
    accusation = ev("AZE", "RUS", "ACCUSE")
    assert not event_matches(ev("RUS", "AZE", "ACCUSE"), accusation)
    s = score_sentence(sent("s", [accusation]), [ev("RUS", "AZE", "ACCUSE")])
    assert (s.matched, s.false, s.excused) == (0, 1, 0)


def test_reverse_duplicate_of_matched_symmetric_event_is_not_false() -> None:
    gold = sent("s", [ev("AZE", "RUS", "CONSULT", symmetric=True)])
    s = score_sentence(gold, [ev("RUS", "AZE", "CONSULT"), ev("AZE", "RUS", "CONSULT")])
    assert (s.matched, s.false, s.excused) == (1, 0, 1)
    report = score([gold], [pred("s", [ev("RUS", "AZE", "CONSULT"), ev("AZE", "RUS", "CONSULT")])], resamples=0)
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (1.0, 1.0, 1.0)


def test_only_one_reverse_duplicate_is_excused_and_same_direction_duplicates_are_false() -> None:
    gold = sent("s", [ev("AZE", "RUS", "CONSULT", symmetric=True)])
    s = score_sentence(gold, [ev("AZE", "RUS", "CONSULT"), ev("RUS", "AZE", "CONSULT"), ev("RUS", "AZE", "CONSULT")])
    assert (s.matched, s.excused, s.false) == (1, 1, 1)
    s = score_sentence(gold, [ev("AZE", "RUS", "CONSULT"), ev("AZE", "RUS", "CONSULT")])
    assert (s.matched, s.excused, s.false) == (1, 0, 1)


def test_reverse_duplicate_of_non_symmetric_event_is_false() -> None:
    gold = sent("s", [ev("AZE", "RUS", "ACCUSE")])
    s = score_sentence(gold, [ev("AZE", "RUS", "ACCUSE"), ev("RUS", "AZE", "ACCUSE")])
    assert (s.matched, s.excused, s.false) == (1, 0, 1)


def test_reverse_duplicate_needs_an_accepted_category() -> None:
    gold = sent("s", [ev("AZE", "RUS", "CONSULT", symmetric=True)])
    s = score_sentence(gold, [ev("AZE", "RUS", "CONSULT"), ev("RUS", "AZE", "AGREE")])
    assert (s.matched, s.excused, s.false) == (1, 0, 1)


def test_plover_alt_categories_match_too() -> None:
    summons = ev("AZE", "RUS", "ACCUSE", plover_alt=["PROTEST"])
    assert event_matches(ev("AZE", "RUS", "PROTEST"), summons)
    assert event_matches(ev("AZE", "RUS", "accuse"), summons)
    assert not event_matches(ev("AZE", "RUS", "COERCE"), summons)
    assert not event_matches(ev("AZE", "RUS", "PROTEST"), ev("AZE", "RUS", "ACCUSE"))


def test_each_gold_event_is_matched_at_most_once() -> None:
    gold = sent("s", [ev("RUS", "UKR", "ASSAULT")])
    s = score_sentence(gold, [ev("RUS", "UKR", "ASSAULT")] * 3)
    assert (s.matched, s.false) == (1, 2)
    assert prf(s.matched, s.false, s.n_gold) == pytest.approx((1 / 3, 1.0, 0.5))


def test_matching_is_maximum_where_a_greedy_pass_would_strand_an_event() -> None:
    gold = [ev("AZE", "RUS", "ACCUSE", plover_alt=["PROTEST"]), ev("AZE", "RUS", "PROTEST")]
    predicted = [ev("AZE", "RUS", "PROTEST"), ev("AZE", "RUS", "ACCUSE")]
    m = match_events(predicted, gold)
    assert sorted(m.pairs) == [(0, 1), (1, 0)]
    assert m.false == () and m.missed == ()


def test_events_without_source_or_target_never_match() -> None:
    assert not event_matches({"source": None, "target": "RUS", "plover": "ACCUSE"}, ev("AZE", "RUS", "ACCUSE"))
    assert not event_matches({"target": "RUS", "plover": "ACCUSE"}, ev("AZE", "RUS", "ACCUSE"))


# --- counts and groups ----------------------------------------------------------------------------


def test_empty_predictions() -> None:
    gold = [sent("a", [ev("RUS", "AZE", "ACCUSE"), ev("AZE", "RUS", "REJECT")]), sent("b", [])]
    report = score(gold, [], resamples=50)
    o = report.overall
    assert (o.n_gold, o.n_predicted, o.matched, o.false) == (2, 0, 0, 0)
    assert o.precision is None and o.recall == 0.0 and o.f1 == 0.0
    assert o.precision_ci == Interval(None, None)
    assert o.recall_ci == Interval(0.0, 0.0)
    assert o.cameo_root_agreement is None and o.date_agreement is None
    assert o.false_per_no_event_sentence == 0.0
    # a prediction record with no events is the same as a missing one
    assert score(gold, [pred("a", []), pred("b", [])], resamples=50).overall == o


def test_no_gold_and_no_predictions_leaves_scores_undefined() -> None:
    o = score([sent("a", [])], [pred("a", [])], resamples=20).overall
    assert (o.precision, o.recall, o.f1) == (None, None, None)
    assert o.f1_ci == Interval(None, None)


def test_per_language_grouping() -> None:
    gold = [
        sent("r1", [ev("RUS", "AZE", "ACCUSE")], lang="ru"),
        sent("r2", [ev("AZE", "RUS", "REJECT"), ev("AZE", "RUS", "SANCTION")], lang="ru"),
        sent("e1", [ev("TUR", "RUS", "AGREE")], lang="en"),
        sent("z1", [], lang="xx"),
    ]
    predictions = [
        pred("r1", [ev("RUS", "AZE", "ACCUSE")]),
        pred("r2", [ev("AZE", "RUS", "REJECT"), ev("RUS", "AZE", "THREATEN")]),
        pred("e1", [ev("TUR", "RUS", "REJECT")]),
        pred("z1", [ev("RUS", "AZE", "ASSAULT")]),
    ]
    report = score(gold, predictions, resamples=0)
    assert list(report.by_language) == ["ru", "en", "xx"]
    ru, en, xx = report.by_language["ru"], report.by_language["en"], report.by_language["xx"]
    assert (ru.n_sentences, ru.n_gold, ru.n_predicted, ru.matched, ru.false) == (2, 3, 3, 2, 1)
    assert (ru.precision, ru.recall) == pytest.approx((2 / 3, 2 / 3))
    assert ru.f1 == pytest.approx(2 / 3)
    assert (en.matched, en.false, en.precision, en.recall, en.f1) == (0, 1, 0.0, 0.0, 0.0)
    assert (xx.n_gold, xx.false, xx.precision, xx.recall, xx.f1) == (0, 1, 0.0, None, 0.0)
    o = report.overall
    assert (o.n_sentences, o.n_gold, o.matched, o.false) == (4, 4, 2, 3)
    assert (o.precision, o.recall) == pytest.approx((2 / 5, 2 / 4))
    assert o.f1 == pytest.approx(2 * 2 / (2 * 2 + 3 + 2))


def test_a_sentence_counts_towards_each_of_its_phenomena() -> None:
    gold = [
        sent("a", [ev("RUS", "AZE", "ACCUSE")], phenomena=["passive", "quote"]),
        sent("b", [ev("AZE", "RUS", "REJECT")], phenomena=["quote"]),
    ]
    report = score(gold, [pred("a", [ev("RUS", "AZE", "ACCUSE")]), pred("b", [])], resamples=0)
    assert list(report.by_phenomenon) == ["passive", "quote"]
    assert (report.by_phenomenon["passive"].n_sentences, report.by_phenomenon["passive"].recall) == (1, 1.0)
    assert (report.by_phenomenon["quote"].n_sentences, report.by_phenomenon["quote"].n_gold) == (2, 2)
    assert report.by_phenomenon["quote"].recall == 0.5


def test_false_events_per_hard_sentence() -> None:
    gold = [
        sent("n1", [], phenomena=["no_event"]),
        sent("n2", [], phenomena=["no_event", "question"]),
        sent("n3", [], phenomena=["no_event"]),
        sent("h1", [ev("RUS", "AZE", "REJECT")], phenomena=["denial"]),
        sent("h2", [ev("IRN", "AZE", "AGREE")], phenomena=["future", "quote"]),
        sent("p", [ev("TUR", "AZE", "SUPPORT")], phenomena=["passive"]),
    ]
    predictions = [
        pred("n1", [ev("RUS", "AZE", "ASSAULT"), ev("AZE", "RUS", "ACCUSE")]),
        pred("n2", [ev("AZE", "RUS", "ACCUSE")]),
        pred("h1", [ev("RUS", "AZE", "REJECT"), ev("RUS", "AZE", "ASSAULT")]),  # one right, one false
        pred("h2", [ev("IRN", "AZE", "AGREE")]),
        pred("p", [ev("TUR", "AZE", "AID")]),  # false, but not on a hard sentence
    ]
    o = score(gold, predictions, resamples=0).overall
    assert (o.n_no_event_sentences, o.false_on_no_event) == (3, 3)
    assert o.false_per_no_event_sentence == pytest.approx(1.0)
    # hard: n2 (question), h1 (denial), h2 (future) -> 1 + 1 + 0 false events over 3 sentences
    assert (o.n_hard_sentences, o.false_on_hard) == (3, 2)
    assert o.false_per_hard_sentence == pytest.approx(2 / 3)
    assert o.false == 5


def test_cameo_root_and_date_agreement() -> None:
    gold = [
        sent("a", [ev("AZE", "RUS", "CONSULT", cameo="042", date="2024-10-24", symmetric=True)]),
        sent("b", [ev("AZE", "RUS", "ACCUSE", cameo="114", date="2024-12-27", plover_alt=["PROTEST"])]),
        sent("c", [ev("AZE", "IRN", "REJECT", cameo="016", date="2025-06-26", cameo_alt=["120"])]),
        sent("d", [ev("RUS", "AZE", "ASSAULT", cameo="190", date="2024-12-25")]),
    ]
    predictions = [
        pred("a", [ev("RUS", "AZE", "CONSULT", cameo="043", date="2024-10-24")]),  # root 04 agrees, date agrees
        pred("b", [ev("AZE", "RUS", "PROTEST", cameo="141", date="2024-12-27T09:00:00")]),  # root differs, date agrees
        pred("c", [ev("AZE", "IRN", "REJECT", cameo="1212", date="2025-06-25")]),  # alt root 12 agrees, date not
        pred("d", [ev("RUS", "AZE", "ASSAULT", cameo=None, date=None)]),  # neither
    ]
    o = score(gold, predictions, resamples=0).overall
    assert o.matched == 4
    assert (o.cameo_root_agree, o.date_agree) == (2, 2)
    assert (o.cameo_root_agreement, o.date_agreement) == (0.5, 0.5)
    assert cameo_root("0841") == "08" and cameo_root("4") is None and cameo_root(None) is None


def test_among_maximum_matchings_the_one_agreeing_on_secondary_scores_is_chosen() -> None:
    gold = [ev("RUS", "UKR", "ASSAULT", cameo="190", date="2025-01-01"),
            ev("RUS", "UKR", "ASSAULT", cameo="183", date="2025-01-02")]
    predicted = [ev("RUS", "UKR", "ASSAULT", cameo="183", date="2025-01-02"),
                 ev("RUS", "UKR", "ASSAULT", cameo="190", date="2025-01-01")]
    s = score_sentence(sent("s", gold), predicted)
    assert (s.matched, s.cameo_root_agree, s.date_agree) == (2, 2, 2)
    assert sorted(s.match.pairs) == [(0, 1), (1, 0)]


def test_bad_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="gold ids repeat"):
        score([sent("a", []), sent("a", [])], [])
    with pytest.raises(ValueError, match="repeats"):
        score([sent("a", [])], [pred("a", []), pred("a", [])])
    with pytest.raises(ValueError, match="not in the gold set"):
        score([sent("a", [])], [pred("b", [])])


# --- bootstrap --------------------------------------------------------------------------------------


def test_bootstrap_is_seeded_and_varies_with_the_seed() -> None:
    gold = [sent(f"s{i}", [ev("RUS", "AZE", "ACCUSE")]) for i in range(30)]
    predictions = [pred(f"s{i}", [ev("RUS", "AZE", "ACCUSE" if i % 3 else "REJECT")]) for i in range(30)]
    first = score(gold, predictions, resamples=300, seed=1).overall
    again = score(gold, predictions, resamples=300, seed=1).overall
    other = score(gold, predictions, resamples=300, seed=2).overall
    assert first.precision_ci == again.precision_ci
    assert first.precision_ci != other.precision_ci
    assert first.precision == pytest.approx(2 / 3)
    assert first.precision_ci.lo is not None and first.precision_ci.hi is not None
    assert 0.4 < first.precision_ci.lo < 2 / 3 < first.precision_ci.hi < 0.9


def test_bootstrap_percentiles_skip_undefined_resamples() -> None:
    sentences = [score_sentence(sent("a", []), []), score_sentence(sent("b", [ev("A", "B", "X")]), [ev("A", "B", "X")])]
    p, r, f = bootstrap_intervals(sentences, 500, np.random.default_rng(0))
    assert p == r == f == Interval(1.0, 1.0)
    assert bootstrap_intervals(sentences, 0, np.random.default_rng(0)) == (Interval(None, None),) * 3


# --- markdown ---------------------------------------------------------------------------------------


def test_markdown_is_three_tables_and_nothing_else() -> None:
    gold = [sent("a", [ev("RUS", "AZE", "ACCUSE")], lang="ru", phenomena=["quote"]),
            sent("b", [], lang="az", phenomena=["no_event", "negation"])]
    text = report_markdown(score(gold, [pred("a", [ev("RUS", "AZE", "ACCUSE")]), pred("b", [])], resamples=20))
    blocks = text.strip().split("\n\n")
    assert len(blocks) == 3
    assert all(line.startswith("| ") or line.startswith("|---") for line in text.splitlines() if line)
    assert [b.splitlines()[0].split(" | ")[0] for b in blocks] == ["| overall", "| language", "| phenomenon"]
    assert [len(b.splitlines()) for b in blocks] == [3, 4, 5]
    overall_row = blocks[0].splitlines()[2]
    assert "| all | 2 | 1 | 1 | 1 | 0 | 1.00 [1.00, 1.00] |" in overall_row
    assert overall_row.endswith("| 0.00 (0/1) | 0.00 (0/1) |")
    az_row = blocks[1].splitlines()[3]
    assert az_row.startswith("| az | 1 | 0 | 0 | 0 | 0 | – | – | – | – | – |")


# --- properties -------------------------------------------------------------------------------------

codes = st.sampled_from(["AZE", "RUS", "IRN"])
categories = st.sampled_from(["ACCUSE", "PROTEST", "CONSULT", "REJECT"])


@st.composite
def gold_events(draw: st.DrawFn) -> dict[str, Any]:
    event = ev(draw(codes), draw(codes), draw(categories), cameo=draw(st.sampled_from(["042", "112", "141"])),
               date=draw(st.sampled_from(["2024-10-01", "2024-10-02"])))
    if draw(st.booleans()):
        event["symmetric"] = True
    alternatives = draw(st.lists(categories, max_size=2, unique=True))
    if alternatives:
        event["plover_alt"] = alternatives
    return event


@st.composite
def gold_sets(draw: st.DrawFn) -> list[dict[str, Any]]:
    n = draw(st.integers(1, 8))
    return [
        sent(f"s{i}", draw(st.lists(gold_events(), max_size=3)), lang=draw(st.sampled_from(["ru", "az", "en"])),
             phenomena=draw(st.lists(st.sampled_from(["negation", "quote", "no_event"]), max_size=2, unique=True)))
        for i in range(n)
    ]


def _copy_as_predictions(gold: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for g in gold:
        yield pred(g["id"], [{k: e[k] for k in ("source", "target", "plover", "cameo", "date")} for e in g["events"]])


@given(gold_sets())
@settings(max_examples=80, deadline=None)
def test_predicting_the_gold_events_scores_one(gold: list[dict[str, Any]]) -> None:
    report = score(gold, list(_copy_as_predictions(gold)), resamples=30)
    o = report.overall
    assert (o.false, o.excused, o.matched) == (0, 0, o.n_gold)
    if o.n_gold:
        assert (o.precision, o.recall, o.f1) == (1.0, 1.0, 1.0)
        assert (o.cameo_root_agreement, o.date_agreement) == (1.0, 1.0)
        assert o.f1_ci == Interval(1.0, 1.0)
    for group in [*report.by_language.values(), *report.by_phenomenon.values()]:
        assert group.false == 0 and group.matched == group.n_gold


@given(gold_sets(), st.data())
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_unmatched_prediction_never_raises_precision(gold: list[dict[str, Any]], data: st.DataObject) -> None:
    predictions = [pred(g["id"], data.draw(st.lists(gold_events(), max_size=3))) for g in gold]
    before = score(gold, predictions, resamples=0).overall
    where = data.draw(st.integers(0, len(gold) - 1))
    stray = ev("ZZZ", "AZE", "ASSAULT")
    predictions[where] = pred(gold[where]["id"], [*predictions[where]["events"], stray])
    after = score(gold, predictions, resamples=0).overall
    assert after.false == before.false + 1
    assert after.recall == before.recall
    assert after.precision is not None and after.precision <= (before.precision if before.precision is not None else 1)
    assert before.f1 is None or (after.f1 is not None and after.f1 <= before.f1)


@given(gold_sets(), st.data(), st.integers(0, 2**16))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_intervals_are_ordered_inside_zero_one_and_hold_the_estimate(
    gold: list[dict[str, Any]], data: st.DataObject, seed: int
) -> None:
    predictions = [pred(g["id"], data.draw(st.lists(gold_events(), max_size=3))) for g in gold]
    report = score(gold, predictions, resamples=400, seed=seed)
    for group in [report.overall, *report.by_language.values(), *report.by_phenomenon.values()]:
        for value, ci in ((group.precision, group.precision_ci), (group.recall, group.recall_ci),
                          (group.f1, group.f1_ci)):
            assert (value is None) == (ci.lo is None) == (ci.hi is None)
            if value is not None:
                assert ci.lo is not None and ci.hi is not None
                assert 0.0 <= ci.lo <= ci.hi <= 1.0
                assert ci.lo - 1e-12 <= value <= ci.hi + 1e-12


def _brute_force_maximum(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> int:
    best = 0
    for k in range(min(len(predicted), len(gold)), 0, -1):
        for chosen in itertools.permutations(range(len(gold)), k):
            for rows in itertools.combinations(range(len(predicted)), k):
                if all(event_matches(predicted[p], gold[g]) for p, g in zip(rows, chosen)):
                    return k
    return best


@given(st.lists(gold_events(), max_size=4), st.lists(gold_events(), max_size=4), st.randoms(use_true_random=False))
@settings(max_examples=200, deadline=None)
def test_matching_is_maximum_valid_and_independent_of_order(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]], random: Any
) -> None:
    m = match_events(predicted, gold)
    assert len(m.pairs) == _brute_force_maximum(predicted, gold)
    assert all(event_matches(predicted[p], gold[g]) for p, g in m.pairs)
    assert len({p for p, _ in m.pairs}) == len({g for _, g in m.pairs}) == len(m.pairs)
    assert sorted([p for p, _ in m.pairs] + list(m.excused) + list(m.false)) == list(range(len(predicted)))
    assert len(m.missed) == len(gold) - len(m.pairs)
    shuffled = list(predicted)
    random.shuffle(shuffled)
    again = match_events(shuffled, gold)
    assert (len(again.pairs), len(again.excused), len(again.false)) == (len(m.pairs), len(m.excused), len(m.false))


def test_dev_gold_scores_one_against_itself() -> None:
    if not GOLD_DEV.exists():
        pytest.skip("shared gold set not present")
    gold = [json.loads(line) for line in GOLD_DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    o = score(gold, list(_copy_as_predictions(gold)), resamples=100).overall
    assert (o.precision, o.recall, o.f1, o.false_per_no_event_sentence) == (1.0, 1.0, 1.0, 0.0)


# --- the benchmark script ---------------------------------------------------------------------------


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("coder_accuracy", ROOT / "benchmarks" / "coder_accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script is loading
    spec.loader.exec_module(module)
    return module


def test_benchmark_section_replacement_keeps_the_rest_byte_identical() -> None:
    bench = _benchmark()
    document = "# Benchmarks\r\n\r\nbefore\n\n## History\n| a |\n"
    appended = bench.replace_section(document, "first")
    assert appended.startswith(document)
    assert appended[len(document):] == f"\n{bench.HEADING}\n\n{bench.START}\nfirst\n{bench.END}\n"
    with_tail = appended + "\ntrailing text ü\n"
    replaced = bench.replace_section(with_tail, "second\n")
    assert replaced == with_tail.replace("\nfirst\n", "\nsecond\n")
    expected = f"no newline\n\n{bench.HEADING}\n\n{bench.START}\nx\n{bench.END}\n"
    assert bench.replace_section("no newline", "x") == expected
    with pytest.raises(SystemExit):
        bench.replace_section(f"{bench.START}\nopen", "x")


def test_benchmark_runs_with_a_stub_coder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = _benchmark()
    gold = [sent("a", [ev("RUS", "AZE", "ACCUSE")], lang="ru"), sent("b", [], lang="az", phenomena=["no_event"])]
    gold_path = tmp_path / "mini.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    seen: list[dict[str, Any]] = []

    def stub(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for record in records:
            seen.append(record)
            yield pred(record["id"], [ev("RUS", "AZE", "ACCUSE")])

    docs = tmp_path / "benchmarks.md"
    docs.write_bytes(b"# Benchmarks\n\nkept\n")
    bench.main([str(gold_path), "--resamples", "50", "--write-docs", "--out", str(docs)], coder=stub)
    assert [sorted(r) for r in seen] == [["doc_date", "id", "lang", "text"]] * 2
    written = docs.read_text(encoding="utf-8")
    assert written.startswith("# Benchmarks\n\nkept\n\n## Event coder accuracy\n\n<!-- coder-accuracy:start -->\n")
    assert written.endswith("<!-- coder-accuracy:end -->\n")
    assert "`mini.jsonl` (2 sentences)" in written
    assert "| all | 2 | 1 | 2 | 1 | 1 | 0.50 " in written
    assert f"{datetime.now(timezone.utc):%Y-%m-%d}" in written
    assert "| all | 2 | 1 | 2 | 1 | 1 |" in capsys.readouterr().out
