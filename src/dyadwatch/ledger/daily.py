"""A dyad's daily series and the events behind it, in the shape phases, coincidences and alerts read."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from sqlalchemy import Connection

from .dyads import Dyad
from .stories import Window, event_rows
from .table import COUNT_COLUMNS, ledger_frame, owner_group

SUMMED = (*COUNT_COLUMNS, "goldstein_sum", "documents")


def daily_series(connection: Connection, dyad: Dyad, window: Window,
                 facts: Mapping[int, Mapping[str, object]]) -> pd.DataFrame:
    """One row per day (gap-free DatetimeIndex); an undirected dyad sums its two directions (tone: their mean)."""
    frame = ledger_frame(connection, dyad, window, freq="D", facts=facts)
    if frame.empty:
        return frame.set_index("period")
    grouped = frame.groupby("period")
    daily = grouped[list(SUMMED)].sum().astype({"goldstein_sum": "float64", "stories": "int64"})
    daily["tone"] = grouped["tone"].mean()
    daily["goldstein_mean"] = (daily["goldstein_sum"] / daily["stories"].where(daily["stories"] > 0))
    days = pd.date_range(daily.index.min(), daily.index.max(), freq="D")
    daily = daily.reindex(days)
    daily[list(SUMMED)] = daily[list(SUMMED)].fillna(0)
    daily.index.name = "day"
    return daily


def daily_events(connection: Connection, dyad: Dyad, window: Window,
                 facts: Mapping[int, Mapping[str, object]], quads: tuple[int, ...] = (1, 2, 3, 4)) -> pd.DataFrame:
    """The events of each direction with their story and its corroboration (distinct owner groups)."""
    parts = [event_rows(connection, d, window, quads).assign(dyad=d.code) for d in dyad.directions]
    events = pd.concat(parts, ignore_index=True).drop_duplicates("id")
    if events.empty:
        return events.assign(story=pd.Series(dtype=str), corroboration=pd.Series(dtype="int64"))
    category = events["plover_category"].fillna("QUAD" + events["quad_class"].astype(str))
    events["story"] = events["dyad"] + "|" + events["event_date"].astype(str) + "|" + category
    events["group"] = [owner_group(facts, s) for s in events["source_id"]]
    events["corroboration"] = events.groupby("story")["group"].transform("nunique").astype("int64")
    return events.drop(columns="group")
