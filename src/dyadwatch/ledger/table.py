"""The dyad ledger: per directed dyad and day, week or month, what happened and who reported it.

Every count is of stories (see `stories`), never of copies. `corroborated` counts stories that at least
MIN_CORROBORATION owner groups reported (an outlet without an owner group is its own group); only coded
events come from documents, so analyst and GDELT stories count as corroborated only when a coded event
shares their story. `tone` is the mean GDELT AvgTone of the direction's GDELT events: a property of the
articles GDELT read, not of the dyad itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from sqlalchemy import Connection, select

from dyadwatch.store.schema import context_series, sources

from .attention import attention_by_period, attention_rows, period_start
from .dyads import Dyad
from .framing import framing_by_period
from .stories import Window, story_rows

FREQUENCIES = ("D", "W", "M")
MIN_CORROBORATION = 2
QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
ORIGINS = ("coded", "analyst", "gdelt")
COUNT_COLUMNS = (
    "stories", *QUADS.values(), "cooperation", "conflict", "events", "corroborated", "corroborated_conflict",
    *ORIGINS, "sources", "owner_groups",
)
FLOAT_COLUMNS = ("goldstein_sum", "goldstein_mean", "tone", "share_a", "share_b", "directed_tone")
COLUMNS = (*COUNT_COLUMNS, "goldstein_sum", "goldstein_mean", "tone", "documents", "share_a", "share_b",
           "directed_tone", "tone_documents", "narratives")


def source_facts(connection: Connection, facts: Sequence[Mapping[str, object]]) -> dict[int, dict[str, object]]:
    """Registry facts (country, owner group, ownership) by source id, from `Registry.table` rows."""
    by_name = {row["name"]: row for row in facts}
    return {ident: {**by_name.get(name, {}), "name": name}
            for ident, name in connection.execute(select(sources.c.id, sources.c.name))}


def ledger_frame(connection: Connection, dyad: Dyad, window: Window, *, freq: str = "D", by_body: bool = False,
                 facts: Mapping[int, Mapping[str, object]] | None = None) -> pd.DataFrame:
    """The ledger of each direction of ``dyad``: one row per (dyad, [body,] period), gap-free between the ends."""
    if freq not in FREQUENCIES:
        raise ValueError(f"freq must be one of {', '.join(FREQUENCIES)}")
    facts = facts or {}
    parts = []
    for direction in dyad.directions:
        rows = story_rows(connection, direction, window)
        frame = _aggregate(rows, freq, by_body, facts)
        countries = {ident: _text(f.get("country")) for ident, f in facts.items()}
        attention = attention_by_period(attention_rows(connection, direction, window, countries), direction, freq)
        keys = ["body", "period"] if by_body else ["period"]
        frame = frame.merge(attention.rename_axis("period").reset_index(), on="period",
                            how="left" if by_body else "outer")
        framing = framing_by_period(connection, direction, window, freq, countries)
        frame = frame.merge(framing.rename_axis("period").reset_index(), on="period",
                            how="left" if by_body else "outer")
        frame = _fill_periods(frame, window, freq, keys)
        frame.insert(0, "dyad", direction.code)
        parts.append(frame)
    out = pd.concat(parts, ignore_index=True)
    return out.reindex(columns=["dyad", *(["body"] if by_body else []), "period", *COLUMNS])


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _aggregate(rows: pd.DataFrame, freq: str, by_body: bool,
               facts: Mapping[int, Mapping[str, object]]) -> pd.DataFrame:
    """Story rows to one row per period (and body)."""
    keys = ["body", "period"] if by_body else ["period"]
    if rows.empty:
        columns = [*keys, *COUNT_COLUMNS, "goldstein_sum", "goldstein_mean", "tone"]
        return pd.DataFrame(columns=columns).astype({c: "int64" for c in COUNT_COLUMNS})
    rows = rows.assign(period=period_start(rows["day"], freq))
    rows["group"] = [owner_group(facts, s) for s in rows["source_id"]]
    story_keys = [*keys, "day", "category"]
    for origin in ORIGINS:
        rows[origin] = rows["origin"] == origin
    stories = rows.groupby(story_keys, dropna=False, sort=False).agg(
        quad=("quad", "first"), events=("events", "sum"), goldstein=("goldstein", "sum"),
        tone_sum=("tone_sum", "sum"), tone_n=("tone_n", "sum"),
        groups=("group", "nunique"), **{origin: (origin, "max") for origin in ORIGINS},
    )
    stories["goldstein"] = stories["goldstein"] / stories["events"]
    stories["corroborated"] = stories["groups"] >= MIN_CORROBORATION
    stories = stories.reset_index()
    for quad, name in QUADS.items():
        stories[name] = stories["quad"] == quad
    stories["cooperation"] = stories["quad"].isin((1, 2))
    stories["conflict"] = stories["quad"].isin((3, 4))
    stories["corroborated_conflict"] = stories["corroborated"] & stories["conflict"]
    grouped = stories.groupby(keys)
    out = grouped[[*QUADS.values(), "cooperation", "conflict", "corroborated", "corroborated_conflict",
                   *ORIGINS]].sum().astype("int64")
    out.insert(0, "stories", grouped.size())
    out["events"] = grouped["events"].sum().astype("int64")
    out["goldstein_sum"] = grouped["goldstein"].sum()
    out["goldstein_mean"] = out["goldstein_sum"] / out["stories"]
    tone_n = grouped["tone_n"].sum()
    out["tone"] = (grouped["tone_sum"].sum() / tone_n).where(tone_n > 0)
    per_period = rows.groupby(keys)
    out["sources"] = per_period["source_id"].nunique().astype("int64")
    out["owner_groups"] = per_period["group"].nunique().astype("int64")
    return out.reset_index()


def owner_group(facts: Mapping[int, Mapping[str, object]], source_id: object) -> str | None:
    """The owner group of a source, or the source itself when it has none; None for events without a document."""
    if source_id is None or (isinstance(source_id, float) and np.isnan(source_id)):
        return None
    fact = facts.get(int(source_id), {})  # type: ignore[call-overload]
    group = fact.get("owner_group")
    return group if isinstance(group, str) and group else f"source:{int(source_id)}"  # type: ignore[call-overload]


def _fill_periods(frame: pd.DataFrame, window: Window, freq: str, keys: list[str]) -> pd.DataFrame:
    """Every period between the window's ends (or the data's) appears, counts 0 where nothing happened."""
    days = frame["period"].dropna()
    first = pd.Timestamp(window.since) if window.since else (days.min() if not days.empty else None)
    last = pd.Timestamp(window.last_day) if window.last_day else (days.max() if not days.empty else None)
    if first is None or last is None or first > last:
        return frame.iloc[0:0]
    periods = pd.Series(pd.date_range(first, last, freq="D"))
    wanted = pd.Index(period_start(periods, freq).unique(), name="period")
    frame = frame[frame["period"].isin(wanted)]
    if "body" in keys:
        bodies = frame["body"].dropna().unique()
        index = pd.MultiIndex.from_product([bodies, wanted], names=keys)
    else:
        index = wanted
    frame = frame.set_index(keys).reindex(index)
    for column in COUNT_COLUMNS:
        frame[column] = frame[column].fillna(0).astype("int64")
    frame["goldstein_sum"] = frame["goldstein_sum"].fillna(0.0)
    for column in ("documents", "tone_documents", "narratives"):
        frame[column] = frame[column].fillna(0).astype("int64")
    return frame.astype({c: "float64" for c in FLOAT_COLUMNS}).reset_index()


def context_frame(connection: Connection, dyad: Dyad, window: Window, freq: str) -> pd.DataFrame:
    """Imported context series of the dyad (either spelling) as columns `context.NAME`, mean per period."""
    codes = {dyad.code, f"{dyad.a}-{dyad.b}", f"{dyad.b}-{dyad.a}", f"{dyad.a}:{dyad.b}"}
    query = select(context_series.c.name, context_series.c.day, context_series.c.value).where(
        context_series.c.dyad.in_(sorted(codes)))
    if window.since:
        query = query.where(context_series.c.day >= window.since)
    if window.last_day:
        query = query.where(context_series.c.day <= window.last_day)
    rows = pd.DataFrame(connection.execute(query).all(), columns=["name", "day", "value"])
    if rows.empty:
        return pd.DataFrame()
    rows["period"] = period_start(pd.to_datetime(rows["day"]), freq)
    table = rows.pivot_table(index="period", columns="name", values="value", aggfunc="mean")
    return table.rename(columns=lambda name: f"context.{name}")
