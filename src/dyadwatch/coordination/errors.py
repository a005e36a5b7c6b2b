"""The error a coordination assessment raises when a wave cannot be judged."""

from __future__ import annotations

from dyadwatch.errors import QueryError


class InsufficientData(QueryError):
    """The wave lacks what a measure needs (documents, sources, owner groups, comparable texts).

    The message says what cannot be judged and why; no probability is made up in its place.
    """

    code = "E060"
