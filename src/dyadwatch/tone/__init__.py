"""Directed tone and hostility: lexicon scoring of what a text says about each state it mentions.

``lexicon_for`` loads ``lang/<iso>/tone.tsv`` with optional workspace overrides (see
``tone.lexicon``); ``directed_tone`` scores a text per state from the sentences mentioning it and
reports the words behind every score (see ``tone.scorer`` for the method and its limits).
"""

from .lexicon import Lexicon, ToneEntry, ToneLexiconError, lexicon_for
from .scorer import SMOOTHING, DirectedTone, ToneWord, directed_tone, tone_words

__all__ = [
    "SMOOTHING",
    "DirectedTone",
    "Lexicon",
    "ToneEntry",
    "ToneLexiconError",
    "ToneWord",
    "directed_tone",
    "lexicon_for",
    "tone_words",
]
