"""Narratives (frames) as data: recognised in text by inflection-aware phrase matching."""

from .loader import NarrativeFileError, builtin_narratives, parse_narratives, read_narrative_file
from .matcher import NarrativeHit, NarrativeMatcher, matcher_for
from .model import Narrative

__all__ = [
    "Narrative",
    "NarrativeFileError",
    "NarrativeHit",
    "NarrativeMatcher",
    "builtin_narratives",
    "matcher_for",
    "parse_narratives",
    "read_narrative_file",
]
