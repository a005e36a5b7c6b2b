"""One-line English summaries of events, for readers who do not read the source language."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from dyadwatch.actors.model import Side
from dyadwatch.lang import data_pairs

_VERBS = files("dyadwatch.coding") / "data" / "summary_verbs.tsv"


@cache
def _verbs() -> dict[str, str]:
    return dict(data_pairs(_VERBS))


def verb_phrase(cameo: str) -> str:
    """The most specific verb phrase listed for a CAMEO code."""
    verbs = _verbs()
    for size in range(len(cameo), 1, -1):
        phrase = verbs.get(cameo[:size])
        if phrase:
            return phrase
    return "acted towards"


def side_label(side: Side) -> str:
    """'RUS Investigative Committee', 'AZE Ilham Aliyev' or just 'RUS' for the state itself."""
    if side.body is None and side.actor == side.country:
        return side.country
    return f"{side.country} {side.name}"


def summarize(source: Side, cameo: str, target: Side, place: str | None) -> str:
    line = f"{side_label(source)} {verb_phrase(cameo)} {side_label(target)}"
    return f"{line}, {place}" if place else line
