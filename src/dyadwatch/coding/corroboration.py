"""Corroboration and disagreement: one story per reported happening, counted by owner groups.

A *story* is every coded event with the same acting state, targeted state,
PLOVER category and date (meetings and calls, being symmetric, ignore the
direction). Copies from one near-duplicate cluster count once. Corroboration is
the number of distinct owner groups behind the story's documents (an outlet with
no owner group counts as its own group), so ten outlets of one holding are one
voice. Two accounts of one meeting or call disagree when the documents reporting
it code different other events between the same two states on that day (Tehran
says Baku promised, Baku says it only listened): the story is marked
``disagreeing`` and its ``accounts`` say how many versions there are.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dyadwatch.models import stable_id

_CONSULT = "CONSULT"


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _story_key(row: pd.Series) -> str:
    a, b = _text(row["actor1_code"]), _text(row["actor2_code"])
    flags = row["flags"] if isinstance(row["flags"], list) else []
    if "symmetric" in flags or row["plover_category"] == _CONSULT:
        a, b = sorted((a, b))
    return stable_id("story", row["origin"], a, b, _text(row["plover_category"]), _text(row["event_date"]), length=16)


def add_corroboration(frame: pd.DataFrame, owner_groups: Mapping[str, str | None]) -> pd.DataFrame:
    """Add ``story``, ``documents``, ``clusters``, ``corroboration``, ``accounts`` and ``disagreeing`` columns."""
    out = frame.copy()
    if out.empty:
        for column in ("story", "documents", "clusters", "corroboration", "accounts"):
            out[column] = pd.Series(dtype="int64" if column != "story" else "object")
        out["disagreeing"] = pd.Series(dtype="bool")
        return out
    out["story"] = out.apply(_story_key, axis=1)
    out["owner_group"] = [
        (owner_groups.get(name) or name) if isinstance(name, str) else None for name in out["source_name"]
    ]
    groups = out.groupby("story")
    out["documents"] = groups["doc_id"].transform("nunique")
    out["clusters"] = groups["doc_cluster"].transform("nunique")
    out["corroboration"] = groups["owner_group"].transform("nunique")
    accounts = _accounts(out)
    out["accounts"] = out["story"].map(accounts).fillna(1).astype(int)
    out["disagreeing"] = out["accounts"] > 1
    return out


def _accounts(frame: pd.DataFrame) -> dict[str, int]:
    """Versions of each meeting or call: distinct sets of other same-day events the reporting documents code."""
    coded = frame[frame["doc_id"].notna()]
    pair = coded.apply(lambda r: tuple(sorted((_text(r["actor1_code"]), _text(r["actor2_code"])))), axis=1)
    coded = coded.assign(pair=pair)
    result: dict[str, int] = {}
    for story, meeting in coded[coded["plover_category"] == _CONSULT].groupby("story"):
        versions = set()
        for doc_id in meeting["doc_id"].unique():
            first = meeting[meeting["doc_id"] == doc_id].iloc[0]
            others = coded[(coded["doc_id"] == doc_id) & (coded["pair"] == first["pair"])
                           & (coded["event_date"] == first["event_date"]) & (coded["plover_category"] != _CONSULT)]
            versions.add(frozenset(zip(others["actor1_code"], others["plover_category"])))
        result[story] = len(versions)
    return result


def stories(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per story, most corroborated first: date, states, category, counts and an example summary."""
    if frame.empty or "story" not in frame:
        return pd.DataFrame(columns=["story", "event_date", "actor1_code", "actor2_code", "plover_category",
                                     "corroboration", "documents", "clusters", "accounts", "disagreeing",
                                     "summary", "event_ids"])
    grouped = frame.groupby("story", sort=False)
    table = grouped.agg(
        event_date=("event_date", "first"), actor1_code=("actor1_code", "first"), actor2_code=("actor2_code", "first"),
        plover_category=("plover_category", "first"), corroboration=("corroboration", "max"),
        documents=("documents", "max"), clusters=("clusters", "max"), accounts=("accounts", "max"),
        disagreeing=("disagreeing", "max"), summary=("summary", "first"), event_ids=("id", lambda s: list(s)),
    ).reset_index()
    return table.sort_values(["corroboration", "documents", "event_date"], ascending=[False, False, True],
                             kind="stable").reset_index(drop=True)


def counts_by_body_and_month(frame: pd.DataFrame) -> pd.DataFrame:
    """Active events per month, direction (A:B) and acting body (the state itself when no body)."""
    if frame.empty:
        return pd.DataFrame(columns=["month", "direction", "body", "events", "stories"])
    table = frame.assign(
        month=pd.to_datetime(frame["event_date"]).dt.strftime("%Y-%m"),
        direction=frame["actor1_code"].astype(str) + ":" + frame["actor2_code"].astype(str),
        body=frame["actor1_body"].fillna(frame["actor1_code"]),
    )
    grouped = table.groupby(["month", "direction", "body"])
    return grouped.agg(events=("id", "size"), stories=("story", "nunique")).reset_index()
