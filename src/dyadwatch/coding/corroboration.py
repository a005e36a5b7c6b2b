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

_CONSULT = "CONSULT"
_PRIME = 2_147_483_647


def _states(frame: pd.DataFrame, ordered: pd.Series | None = None) -> tuple[pd.Series, pd.Series]:
    """Acting and targeted state codes, put in alphabetical order where ``ordered`` holds (default: everywhere)."""
    a = frame["actor1_code"].fillna("").astype(str)
    b = frame["actor2_code"].fillna("").astype(str)
    keep = a <= b if ordered is None else ~ordered | (a <= b)
    return a.where(keep, b), b.where(keep, a)


def _story_keys(frame: pd.DataFrame) -> pd.Series:
    """Story id per row: origin, the two states (sorted for symmetric events), category and date, hashed."""
    category = frame["plover_category"].fillna("").astype(str)
    symmetric = (category == _CONSULT) | frame["flags"].map(lambda f: isinstance(f, list) and "symmetric" in f)
    low, high = _states(frame, symmetric)
    text = (frame["origin"].astype(str) + "|" + low + "|" + high + "|" + category + "|"
            + frame["event_date"].astype(str))
    return pd.util.hash_pandas_object(text, index=False).map("{:016x}".format)


def add_corroboration(frame: pd.DataFrame, owner_groups: Mapping[str, str | None]) -> pd.DataFrame:
    """Add ``story``, ``documents``, ``clusters``, ``corroboration``, ``accounts`` and ``disagreeing`` columns."""
    out = frame.copy()
    if out.empty:
        for column in ("story", "documents", "clusters", "corroboration", "accounts"):
            out[column] = pd.Series(dtype="int64" if column != "story" else "object")
        out["disagreeing"] = pd.Series(dtype="bool")
        return out
    out["story"] = _story_keys(out)
    names = out["source_name"]
    out["owner_group"] = names.map(lambda n: (owner_groups.get(n) or n) if isinstance(n, str) else None)
    groups = out.groupby("story")
    out["documents"] = groups["doc_id"].transform("nunique")
    out["clusters"] = groups["doc_cluster"].transform("nunique")
    out["corroboration"] = groups["owner_group"].transform("nunique")
    out["accounts"] = out["story"].map(_accounts(out)).fillna(1).astype(int)
    out["disagreeing"] = out["accounts"] > 1
    return out


def _accounts(frame: pd.DataFrame) -> pd.Series:
    """Versions of each meeting or call: distinct sets of other same-day events the reporting documents code."""
    coded = frame[frame["doc_id"].notna()]
    if coded.empty:
        return pd.Series(dtype="int64")
    low, high = _states(coded)
    coded = coded.assign(pair=low + "|" + high, day=coded["event_date"].astype(str),
                         what=coded["actor1_code"].fillna("").astype(str) + ":"
                         + coded["plover_category"].fillna("").astype(str))
    keys = ["doc_id", "pair", "day"]
    meetings = coded[coded["plover_category"] == _CONSULT]
    if meetings.empty:
        return pd.Series(dtype="int64")
    others = coded[coded["plover_category"] != _CONSULT].drop_duplicates([*keys, "what"])
    # a set's signature: the sum of its members' hashes (order-free, vectorised)
    hashed = others.assign(h=(pd.util.hash_pandas_object(others["what"], index=False) % _PRIME).astype("int64"))
    signatures = hashed.groupby(keys)["h"].sum().rename("signature")
    reports = meetings[[*keys, "story"]].drop_duplicates().join(signatures, on=keys)
    reports["signature"] = reports["signature"].fillna(0)
    return reports.groupby("story")["signature"].nunique()


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
