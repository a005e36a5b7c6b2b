"""Coordination measures on hand-built waves with exact values, the insufficient-data cases and the model."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dyadwatch.coordination import (
    MIN_ITEMS,
    InsufficientData,
    LogisticModel,
    assess,
    concentration,
    fit_logistic,
    lead_lag,
    load_model,
    synchrony,
    uniformity,
)
from dyadwatch.coordination.combine import PROBABILITY_FLOOR
from dyadwatch.errors import QueryError

T0 = pd.Timestamp("2024-03-01 08:00", tz="UTC")


def item(doc: str, source: str, group: str | None, minutes: float, *, ownership: str = "private",
         cluster: str | None = None, narratives: tuple[str, ...] = (), language: str = "ru",
         text: str = "a b c") -> dict[str, object]:
    return {"doc_id": doc, "source": source, "owner_group": group, "ownership": ownership,
            "published": T0 + pd.Timedelta(minutes=minutes), "cluster": cluster, "narratives": narratives,
            "language": language, "text": text}


def table(*rows: dict[str, object]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def officials(*minutes: float) -> pd.DataFrame:
    return pd.DataFrame([{"time": T0 + pd.Timedelta(minutes=m), "body": "RUS.MFA", "sector": "foreign ministry",
                          "event_id": f"e{k}"} for k, m in enumerate(minutes)])


def words(rng: np.random.Generator, count: int = 40) -> str:
    return " ".join(f"w{k}" for k in rng.choice(400, size=count))


def test_synchrony_counts_cross_group_pairs_within_the_window() -> None:
    items = table(
        item("a", "A", "GA", 0, cluster="c1"),
        item("b", "B", "GB", 60, cluster="c1"),
        item("c", "C", "GC", 300, cluster="c1"),  # 240 min after b, 300 after a: outside the window
        item("d", "D", "GA", 10, cluster="c1"),  # same owner group as a: (a, d) never counts
        item("e", "E", "GE", 30, narratives=("N1",)),
        item("f", "F", "GF", 40, narratives=("N1", "N2")),
        item("g", "G", "GG", 35, narratives=("N3",)),
    )
    result = synchrony(items, window_minutes=120, shuffles=50)
    found = {(p.doc_a, p.doc_b) for p in result.pairs}
    assert found == {("a", "b"), ("d", "b"), ("e", "f")}
    assert result.observed == 3
    assert result.cluster_pairs == 2
    assert result.candidate_pairs == 6  # cluster c1: a-b a-c b-c b-d c-d; narrative N1: e-f (a-d same group)
    narrative_pair = next(p for p in result.pairs if p.doc_a == "e")
    assert narrative_pair.shared_cluster is None and narrative_pair.shared_narratives == ("N1",)
    assert next(p for p in result.pairs if p.doc_a == "a").shared_cluster == "c1"
    edges = {(e.source_a, e.source_b): (e.pairs, e.cluster_pairs, e.narrative_only_pairs) for e in result.edges}
    assert edges == {("A", "B"): (1, 1, 0), ("B", "D"): (1, 1, 0), ("E", "F"): (1, 0, 1)}


def test_synchrony_window_boundary_is_inclusive() -> None:
    items = table(item("a", "A", "GA", 0, cluster="c"), item("b", "B", "GB", 120, cluster="c"),
                  item("c", "C", "GC", 241, cluster="c"))
    assert synchrony(items, window_minutes=120, shuffles=10).observed == 1


def test_same_owner_group_never_counts() -> None:
    items = table(item("a", "A", "G", 0, cluster="c"), item("b", "B", "G", 1, cluster="c"),
                  item("c", "C", "H", 900))
    assert synchrony(items, shuffles=10).observed == 0
    with pytest.raises(InsufficientData, match="two owner groups"):
        synchrony(table(item("a", "A", "G", 0, cluster="c"), item("b", "B", "G", 1, cluster="c")))


def _background(rng: np.random.Generator, sources: int) -> list[dict[str, object]]:
    """Three unrelated items per source spread over a day, so the wave's span is much longer than the window."""
    return [item(f"bg{s}-{k}", f"S{s}", f"G{s}", float(rng.uniform(0, 1440))) for s in range(sources) for k in range(3)]


def test_null_model_small_p_for_a_tight_wave_and_large_for_spread_items() -> None:
    rng = np.random.default_rng(1)
    tight = table(*_background(rng, 8), *[item(f"t{s}", f"S{s}", f"G{s}", 600 + s, cluster="c") for s in range(8)])
    result = synchrony(tight, shuffles=1000, seed=0)
    assert result.observed == 28
    assert result.p_value < 0.01 and result.z > 3
    spread = table(*_background(rng, 8), *[item(f"t{s}", f"S{s}", f"G{s}", 180 * s, cluster="c") for s in range(8)])
    result = synchrony(spread, shuffles=1000, seed=0)
    assert result.observed == 0
    assert result.p_value == 1.0


def test_synchrony_is_reproducible_and_never_zero_p() -> None:
    rng = np.random.default_rng(2)
    items = table(*_background(rng, 5), *[item(f"t{s}", f"S{s}", f"G{s}", 600, cluster="c") for s in range(5)])
    first, second = synchrony(items, shuffles=200, seed=3), synchrony(items, shuffles=200, seed=3)
    assert first.p_value == second.p_value and first.expected == second.expected
    assert first.p_value >= 1 / 201


def test_concentration_shares_and_hhi() -> None:
    items = table(item("a", "A1", "GA", 0, ownership="state"), item("b", "A2", "GA", 1, ownership="state_aligned"),
                  item("c", "B", "GB", 2, ownership="Private"), item("d", "C", None, 3, ownership="independent"))
    result = concentration(items)
    assert result.state_share == 0.5
    assert result.state_items == ("a", "b")
    assert math.isclose(result.hhi, 0.5**2 + 0.25**2 + 0.25**2)
    assert result.top_groups == (("GA", 2, 0.5), ("C", 1, 0.25), ("GB", 1, 0.25))  # C: the source is its group
    assert result.groups == 3 and result.sources == 4


def _ten_items() -> pd.DataFrame:
    return table(*[item(f"d{k}", f"S{k}", f"G{k}", 10 * k) for k in range(10)])


def test_lead_lag_officials_first() -> None:
    result = lead_lag(_ten_items(), officials(-30, 200))
    assert result.onset == T0  # 10 % of ten items: the first one
    assert result.lead_hours == 0.5 and result.officials_first
    assert result.share_after == 1.0
    assert result.median_lag_hours == 1.25  # median item at 45 min, statement at -30
    assert [s.event_id for s in result.statements] == ["e0", "e1"]


def test_lead_lag_media_first() -> None:
    result = lead_lag(_ten_items(), officials(45))
    assert result.lead_hours == -0.75 and result.officials_first is False
    assert result.share_after == 0.5
    assert result.items_after == ("d5", "d6", "d7", "d8", "d9")


def test_lead_lag_without_statements_and_date_only() -> None:
    result = lead_lag(_ten_items(), officials())
    assert result.first_statement is None and result.lead_hours is None and result.share_after == 0.0
    dated = pd.DataFrame([{"time": date(2024, 3, 1), "body": "AZE.MFA", "sector": "foreign ministry",
                           "event_id": "ev"}])
    result = lead_lag(_ten_items(), dated)
    assert result.first_statement is not None and result.first_statement.date_only
    assert result.first_statement.time == pd.Timestamp("2024-03-01 12:00", tz="UTC")
    assert result.lead_hours == -4.0
    assert result.to_dict()["first_statement"]["time_basis"].startswith("noon UTC")


def test_uniformity_exact_values() -> None:
    items = table(item("a", "A", "GA", 0, cluster="c1", narratives=("N1",), text="x y z"),
                  item("b", "B", "GB", 1, cluster="c1", narratives=("N1", "N2"), text="x y z"),
                  item("c", "C", "GC", 2, narratives=("N2",), language="en", text="p q"),
                  item("d", "D", "GD", 3, language="en", text="r s"))
    result = uniformity(items)
    assert result.distinct_narratives == 2 and result.items_without_narrative == 1
    assert math.isclose(result.narrative_entropy, math.log(2)) and result.narrative_entropy_normalised == 1.0
    assert result.lexical_by_language == {"en": (2, 1.0), "ru": (2, 0.0)}
    assert result.lexical_diversity == 0.5
    assert result.largest_cluster_share == 0.5 and result.largest_cluster == ("a", "b")
    assert result.cross_group_cluster_share == 0.5


def test_insufficient_data_cases() -> None:
    empty = pd.DataFrame(columns=["doc_id", "source", "owner_group", "ownership", "published", "cluster",
                                  "narratives", "language", "text"])
    with pytest.raises(InsufficientData, match="no documents"):
        assess(empty, officials())
    with pytest.raises(InsufficientData, match=f"at least {MIN_ITEMS}"):
        assess(table(*[item(f"d{k}", f"S{k}", f"G{k}", k) for k in range(MIN_ITEMS - 1)]), officials())
    with pytest.raises(InsufficientData, match="one source"):
        assess(table(*[item(f"d{k}", "S", None, k) for k in range(12)]), officials())
    with pytest.raises(InsufficientData, match="one owner group"):
        assess(table(*[item(f"d{k}", f"S{k}", "G", k) for k in range(12)]), officials())
    no_words = table(*[item(f"d{k}", f"S{k}", f"G{k}", k, language=f"l{k}") for k in range(12)])
    with pytest.raises(InsufficientData, match="lexical diversity"):
        assess(no_words, officials())
    with pytest.raises(QueryError, match="tz-aware"):
        concentration(_ten_items().assign(published=lambda f: f["published"].dt.tz_localize(None)))
    assert issubclass(InsufficientData, QueryError) and InsufficientData.code == "E060"


def coordinated_table() -> pd.DataFrame:
    """A cue at 0, then twenty state outlets of four groups copying one text within half an hour."""
    rng = np.random.default_rng(5)
    template = words(rng)
    rows = [item(f"c{k}", f"state{k}", f"SG{k % 4}", 5 + k * 1.5, ownership="state" if k % 2 else "state-aligned",
                 cluster="copy", narratives=("N1",), text=template) for k in range(20)]
    rows += [item(f"o{k}", f"ind{k}", f"IG{k}", 300 + 200 * k, narratives=(f"N{k + 2}",), text=words(rng))
             for k in range(4)]
    return table(*rows)


def organic_table() -> pd.DataFrame:
    """Twenty independent outlets reacting over a day in their own words, officials speaking later."""
    rng = np.random.default_rng(6)
    ownership = ("private", "independent", "foreign")
    return table(*[item(f"o{k}", f"ind{k}", f"IG{k}", float(rng.uniform(0, 1440)), ownership=ownership[k % 3],
                        narratives=(f"N{k % 6}",), language=("ru", "az", "en")[k % 3], text=words(rng))
                   for k in range(20)])


def test_probability_high_for_coordinated_low_for_organic() -> None:
    assert assess(coordinated_table(), officials(0)).probability > 0.9
    assert assess(organic_table(), officials(900)).probability < 0.1


def test_to_dict_carries_the_evidence() -> None:
    result = assess(coordinated_table(), officials(0), shuffles=200)
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data["features"]) == set(load_model().features) == set(data["feature_definitions"])
    assert data["synchrony"]["pairs"][0]["doc_a"].startswith("c")
    assert data["synchrony"]["pairs"][0]["published_a"].startswith("2024-03-01T08:")
    assert data["synchrony"]["edges"][0]["pairs"] >= 1
    assert data["concentration"]["state_items"][:2] == ["c0", "c1"]
    assert data["lead_lag"]["statements"][0]["body"] == "RUS.MFA"
    assert len(data["uniformity"]["largest_cluster"]) == 20
    assert "logistic" in data["method"] and data["model"]["seeds"] == "1-50"
    assert any("one language" in note for note in data["caveats"])
    logit = sum(data["contributions"].values()) + load_model().intercept
    expected = min(max(1 / (1 + math.exp(-logit)), PROBABILITY_FLOOR), 1 - PROBABILITY_FLOOR)
    assert math.isclose(result.probability, expected, abs_tol=1e-3)


def test_fit_logistic_separates_and_round_trips(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 2))
    y = (x[:, 0] > 0).astype(float)
    model = fit_logistic(x, y, ("signal", "noise"), l2=0.01)
    assert model.coefficients[0] > 2 and abs(model.coefficients[1]) < 1
    path = tmp_path / "model.json"
    model.write(path)
    again = load_model(path)
    assert isinstance(again, LogisticModel) and again.probability({"signal": 2.0, "noise": 0.0}) > 0.9
