"""The bundled synthetic example corpus."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STARTER = Path(__file__).parent / "starter"


@dataclass(frozen=True)
class ExamplePaths:
    documents: list[Path]
    events: list[Path]


def starter_paths() -> ExamplePaths:
    """The starter example's document inputs (JSONL, CSV, HTML pages, a malformed file) and event list."""
    return ExamplePaths(
        documents=[STARTER / "documents.jsonl", STARTER / "documents.csv", STARTER / "pages", STARTER / "malformed.jsonl"],
        events=[STARTER / "events.jsonl"],
    )
