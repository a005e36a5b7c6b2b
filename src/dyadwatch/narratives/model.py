"""A narrative (frame): a named storyline recognised by its characteristic phrases in each language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Narrative:
    """A frame with its phrases per language code; ``origin`` tells where it was read from."""

    id: str
    name: str
    description: str
    phrases: dict[str, tuple[str, ...]]
    origin: str = "package"
