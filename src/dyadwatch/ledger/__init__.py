"""Dyad ledger, escalation phases, cross-dyad coincidences: the measures an analyst argues from."""

from __future__ import annotations

from .dyads import Dyad, check_known, parse
from .model import Alert, Coincidence, Phase
from .stories import Window
from .table import COLUMNS, FREQUENCIES, context_frame, ledger_frame, source_facts

__all__ = [
    "COLUMNS", "FREQUENCIES", "Alert", "Coincidence", "Dyad", "Phase", "Window", "check_known", "context_frame",
    "ledger_frame", "parse", "source_facts",
]
