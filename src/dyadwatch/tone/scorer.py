"""Directed tone: how warm or hostile a text is about each state it mentions.

Method. The lexicon's terms and negators are found in one pass of the phrase index over the whole
text. A negator cancels the nearest term on its side (``before``: the next term; ``after``: the
previous one) when at most ``NEGATION_WINDOW`` words and no clause mark (``, ; : — ( )``) stand
between them in the same sentence; a cancelled term is reported with ``negated=True`` and weighs
nothing ("не провокация" is a denial, not warmth).

Terms are then given to states. A sentence that mentions one state gives it all its terms. A
sentence that mentions several states gives each term to the state whose mention is nearest: fewest
clause marks between them, then fewest characters (ties: to each tied state), so "Turkey is a
brotherly ally, while Armenia stages provocations" is warm about Turkey and hostile about Armenia.
The sentence after a sentence that mentions exactly one state also counts for that state when it
mentions no state itself ("Он назвал это провокацией."); ``DirectedTone.sentences`` counts only the
sentences that mention the state.

Score: ``(warm - hostile) / (warm + hostile + SMOOTHING)`` over the weights of the terms given to the
state, in (-1, 1) and 0 without terms; SMOOTHING keeps one weak word from reading as extreme tone.

Limits: lexicon counting misses irony, sarcasm and context ("the so-called brotherly friendship"),
cannot tell a state's own words from words quoted or attributed to its opponent, treats a state's
accusation and the act it accuses of alike, and the nearest-mention rule misreads long sentences
where the hostile word describes the farther state. Verb-internal negation (Turkish ``-ma/-me``,
Persian ``ن-`` prefixes other than the listed words) is not seen.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from dyadwatch.text.phrases import PhraseHit
from dyadwatch.text.search_keys import word_spans

from .lexicon import HOSTILE, NEGATOR_KEY_PREFIX, WARM, Lexicon

SMOOTHING = 1.0
NEGATION_WINDOW = 3
CLAUSE_MARKS = frozenset(",;:—–()")


@dataclass(frozen=True)
class ToneWord:
    """A lexicon term found in the text: ``term`` as written in the lexicon, span into the text."""

    term: str
    polarity: str
    weight: float
    start: int
    end: int
    negated: bool


@dataclass(frozen=True)
class DirectedTone:
    """The tone of a text about one state, with the words that produced it."""

    about: str
    score: float
    hostile: float
    warm: float
    sentences: int
    words: tuple[ToneWord, ...]

    @property
    def label(self) -> str:
        """``hostile``, ``warm`` or ``neutral`` by the sign of the score."""
        return HOSTILE if self.score < 0 else WARM if self.score > 0 else "neutral"


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int
    mentions: tuple[tuple[str, int, int], ...]

    @property
    def states(self) -> frozenset[str]:
        return frozenset(state for state, _, _ in self.mentions)


class _Words:
    """Word starts of the text, to count the words between two spans."""

    def __init__(self, text: str) -> None:
        spans = [(start, end) for _, start, end in word_spans(text)]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def between(self, left: int, right: int) -> int:
        first = bisect.bisect_left(self.starts, left)
        last = bisect.bisect_right(self.ends, right)
        return max(0, last - first)


def _sentences(sentences: Sequence[tuple[int, int]], mentions: Sequence[tuple[str, int, int]]) -> list[_Sentence]:
    ordered = sorted(sentences)
    starts = [start for start, _ in ordered]
    found: list[list[tuple[str, int, int]]] = [[] for _ in ordered]
    for state, start, end in sorted(mentions, key=lambda m: (m[1], m[2], m[0])):
        position = bisect.bisect_right(starts, start) - 1
        if position >= 0 and start < ordered[position][1]:
            found[position].append((state, start, end))
    return [_Sentence(start, end, tuple(hits)) for (start, end), hits in zip(ordered, found)]


def _negated(text: str, terms: list[PhraseHit], negators: list[PhraseHit], words: _Words) -> set[int]:
    """Indexes (into ``terms``) of the terms a negator cancels; ``terms`` are in text order."""
    starts = [hit.start for hit in terms]
    cancelled = set()
    for negator in negators:
        if negator.key.endswith("before"):
            position = bisect.bisect_left(starts, negator.end)
            if position == len(terms):
                continue
            left, right = negator.end, terms[position].start
        else:
            position = bisect.bisect_left(starts, negator.start) - 1
            if position < 0:
                continue
            left, right = terms[position].end, negator.start
        gap = text[left:right]
        if words.between(left, right) <= NEGATION_WINDOW and not CLAUSE_MARKS.intersection(gap) and "\n" not in gap:
            cancelled.add(position)
    return cancelled


def _distance(text: str, word: ToneWord, mention: tuple[str, int, int]) -> tuple[int, int]:
    """Clause marks between a word and a mention, then characters between them."""
    _, start, end = mention
    left, right = (word.end, start) if start >= word.end else (end, word.start)
    gap = text[left:right] if right > left else ""
    return sum(char in CLAUSE_MARKS for char in gap), len(gap)


def _owners(text: str, word: ToneWord, sentence: _Sentence) -> frozenset[str]:
    states = sentence.states
    if len(states) == 1:
        return states
    nearest = {state: min(_distance(text, word, m) for m in sentence.mentions if m[0] == state) for state in states}
    best = min(nearest.values())
    return frozenset(state for state, distance in nearest.items() if distance == best)


def _tone(state: str, words: list[ToneWord], sentences: int) -> DirectedTone:
    counted = [word for word in words if not word.negated]
    hostile = sum(word.weight for word in counted if word.polarity == HOSTILE)
    warm = sum(word.weight for word in counted if word.polarity == WARM)
    score = round((warm - hostile) / (warm + hostile + SMOOTHING), 6) if counted else 0.0
    ordered = tuple(sorted(words, key=lambda w: (w.start, w.end)))
    return DirectedTone(state, score, hostile, warm, sentences, ordered)


def tone_words(text: str, lexicon: Lexicon) -> list[ToneWord]:
    """Every lexicon term in ``text`` (normalized), in text order, with negation applied."""
    hits = lexicon.index.find(text)
    terms = [hit for hit in hits if not hit.key.startswith(NEGATOR_KEY_PREFIX)]
    negators = [hit for hit in hits if hit.key.startswith(NEGATOR_KEY_PREFIX)]
    cancelled = _negated(text, terms, negators, _Words(text)) if negators else set()
    found = []
    for position, hit in enumerate(terms):
        entry = lexicon.entries[hit.key]
        found.append(ToneWord(entry.term, entry.polarity, entry.weight, hit.start, hit.end, position in cancelled))
    return found


def directed_tone(
    text: str,
    sentences: Sequence[tuple[int, int]],
    language: str,
    mentions: Sequence[tuple[str, int, int]],
    lexicon: Lexicon,
) -> list[DirectedTone]:
    """Tone about each state in ``mentions`` (ISO3, start, end), sorted by state.

    ``sentences`` are character spans of ``text``; ``language`` must be the lexicon's.
    """
    if language != lexicon.language:
        raise ValueError(f"the lexicon is for {lexicon.language!r}, the text is {language!r}")
    spans = _sentences(sentences, mentions)
    words = tone_words(text, lexicon)
    starts = [word.start for word in words]
    given: dict[str, list[ToneWord]] = {}
    counts: dict[str, int] = {}
    previous: _Sentence | None = None
    for sentence in spans:
        inside = words[bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(starts, sentence.end)]
        if sentence.mentions:
            for state in sentence.states:
                counts[state] = counts.get(state, 0) + 1
                given.setdefault(state, [])
            for word in inside:
                for state in _owners(text, word, sentence):
                    given[state].append(word)
        elif previous is not None and len(previous.states) == 1:
            (state,) = previous.states
            given[state].extend(inside)
        previous = sentence
    return [_tone(state, given[state], counts[state]) for state in sorted(given)]
