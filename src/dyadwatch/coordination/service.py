"""The coordination test run on a workspace: the wave about a dyad in a period, assessed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
from sqlalchemy import Connection, Engine

from dyadwatch.errors import QueryError
from dyadwatch.ledger.dyads import Dyad
from dyadwatch.ledger.service import check_window, parse_dyads, source_facts_for
from dyadwatch.ledger.stories import Window

from .combine import Assessment, assess
from .wave import official_statements, wave_items


def coordination(engine: Engine, dyad_text: str, window: Window, *, window_minutes: float = 120) -> Assessment:
    """Is the wave of documents about the dyad in the period coordinated? Refuses what cannot be judged."""
    dyad = parse_dyads(engine, [dyad_text])[0]
    check_window(engine, window)
    if window.since is None or window.last_day is None:
        raise QueryError("Name the wave: give --since and --until (a wave is a few days, e.g. 2025-06-27 to 2025-07-03).")
    with engine.connect() as connection:
        return assess_wave(connection, dyad, window.since, window.last_day, source_facts_for(engine, window),
                           window_minutes=window_minutes)


def assess_wave(connection: Connection, dyad: Dyad, since: date, until: date,
                facts: Mapping[int, Mapping[str, object]], *, window_minutes: float = 120) -> Assessment:
    """The wave of the period read from the store and assessed (dyad and period already checked)."""
    items = wave_items(connection, dyad, since, until, facts)
    officials = official_statements(connection, dyad, since, until)
    return assess(items, officials.assign(date_only=True), window_minutes=window_minutes)


def evidence_frames(result: Assessment) -> dict[str, pd.DataFrame]:
    """The assessment's evidence as DataFrames: features with contributions, synchronous pairs, edges, statements."""
    data = result.to_dict()
    features = pd.DataFrame({"feature": list(data["features"]), "value": list(data["features"].values()),
                             "contribution": [data["contributions"][k] for k in data["features"]],
                             "meaning": [data["feature_definitions"][k] for k in data["features"]]})
    return {"features": features, "pairs": pd.DataFrame(data["synchrony"]["pairs"]),
            "edges": pd.DataFrame(data["synchrony"]["edges"]),
            "statements": pd.DataFrame(data["lead_lag"]["statements"])}
