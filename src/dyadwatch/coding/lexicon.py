"""Per-language coder data: event triggers (``events.tsv``) and grammatical cues (``coder.toml``).

``events.tsv`` rows are ``pattern<TAB>cameo<TAB>flags``. A pattern is one or more
words in match form (lower case, folded like search keys); a word ending in ``*``
matches any word it begins, and the words must follow each other with at most
``max_gap`` other words between them. Flags (comma separated):

- ``symmetric``: meetings and calls, coded in the direction of the grammatical subject;
- ``passive``: the subject undergoes the action; the actor after the trigger acts;
- ``speech``: a verb of saying; not an event, it makes the speaker accuse when the
  clause it introduces reports someone else's hostile act;
- ``attribution``: "according to X", "по данным X": like ``speech``, and X is taken as the
  actor of an agentless passive ("according to the Investigative Committee, six were detained");
- ``deny``: a denial (REJECT); the act denied in the same sentence is not an event.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from dyadwatch.errors import ConfigError
from dyadwatch.lang import available_languages, language_file
from dyadwatch.text.search_keys import folded_word
from dyadwatch.text.tokens import Token

TRIGGERS_FILE = "events.tsv"
CUES_FILE = "coder.toml"
FLAGS = frozenset({"symmetric", "passive", "speech", "attribution", "deny"})


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]
    prefix: tuple[bool, ...]
    cameo: str
    flags: frozenset[str]
    line: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger found in a sentence: its token range and whether a negation cue attaches to it."""

    trigger: Trigger
    first: int
    last: int
    negated: bool
    passive: bool = False
    last_form: str = ""
    first_before: str = ""


@dataclass(frozen=True)
class Cues:
    """Word lists and patterns that change what a trigger means (see ``coder.toml``).

    Every ``frozenset`` field is read from the file's ``[words]`` table and every pattern from
    ``[patterns]``; the other fields are top-level settings.
    """

    word_order: str = "SVO"
    subject: str = "first"
    agent_marker_position: str = "before"
    gaps_skip_actors: bool = False
    max_gap: int = 2
    negation_window: int = 2
    modal_window: int = 2
    negative_prefix: str = ""
    negation: frozenset[str] = frozenset()
    modal: frozenset[str] = frozenset()
    modal_after: frozenset[str] = frozenset()
    hypothetical: frozenset[str] = frozenset()
    question: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    postpositions: frozenset[str] = frozenset()
    agent_markers: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset()
    locative_subjects: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    negative_verb: re.Pattern[str] | None = None
    future_verb: re.Pattern[str] | None = None
    passive_verb: re.Pattern[str] | None = None
    participle: re.Pattern[str] | None = None


_WORD_LISTS = frozenset(f.name for f in fields(Cues) if f.type == "frozenset[str]")
_PATTERNS = frozenset(f.name for f in fields(Cues) if f.type == "re.Pattern[str] | None")
_SETTINGS = frozenset(f.name for f in fields(Cues)) - _WORD_LISTS - _PATTERNS


def _words(values: list[str], language: str) -> frozenset[str]:
    return frozenset(w for w in (folded_word(v, language) for v in values) if w)


@cache
def cues(language: str) -> Cues:
    resource = language_file(language, CUES_FILE) if language in available_languages() else None
    if resource is None or not resource.is_file():
        return Cues()
    where = f"lang/{language}/{CUES_FILE}"
    try:
        raw = tomllib.loads(resource.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{where} is not valid TOML: {error}") from None
    words, patterns = raw.pop("words", {}), raw.pop("patterns", {})
    for table, known in ((raw, _SETTINGS), (words, _WORD_LISTS), (patterns, _PATTERNS)):
        unknown = set(table) - known
        if unknown:
            raise ConfigError(f"{where}: unknown keys {sorted(unknown)}; known: {sorted(known)}")
    if "negative_prefix" in raw:
        raw["negative_prefix"] = folded_word(raw["negative_prefix"], language)
    values: dict[str, Any] = dict(raw)
    values.update({name: _words(listed, language) for name, listed in words.items()})
    values.update({name: re.compile(pattern) for name, pattern in patterns.items() if pattern})
    return Cues(**values)


def _parse_trigger(language: str, line: int, row: str) -> Trigger:
    columns = row.split("\t")
    if len(columns) < 2 or not columns[0].strip() or not columns[1].strip():
        raise ConfigError(f"lang/{language}/{TRIGGERS_FILE} line {line}: need 'pattern<TAB>cameo[<TAB>flags]'")
    words, prefix = [], []
    for word in columns[0].split():
        is_prefix = word.endswith("*")
        folded = folded_word(word.rstrip("*"), language)
        if not folded:
            raise ConfigError(f"lang/{language}/{TRIGGERS_FILE} line {line}: word {word!r} folds to nothing")
        words.append(folded)
        prefix.append(is_prefix)
    flags = frozenset(f.strip() for f in columns[2].split(",") if f.strip()) if len(columns) > 2 else frozenset()
    unknown = flags - FLAGS
    if unknown:
        raise ConfigError(f"lang/{language}/{TRIGGERS_FILE} line {line}: unknown flags {sorted(unknown)}")
    return Trigger(tuple(words), tuple(prefix), columns[1].strip(), flags, line)


class Lexicon:
    """Triggers of one language indexed by first word (exact forms) and by first-word prefix."""

    def __init__(self, language: str, triggers: list[Trigger]) -> None:
        self.language = language
        self.cues = cues(language)
        self.triggers = triggers
        self._exact: dict[str, list[Trigger]] = {}
        self._prefix: dict[str, list[Trigger]] = {}
        for trigger in triggers:
            table = self._prefix if trigger.prefix[0] else self._exact
            table.setdefault(trigger.words[0], []).append(trigger)
        for table in (self._exact, self._prefix):
            for entries in table.values():
                entries.sort(key=lambda t: (-len(t.words), -sum(len(w) for w in t.words)))
        self._prefix_lengths = sorted({len(w) for w in self._prefix}, reverse=True)

    def _first_word(self, form: str) -> list[Trigger]:
        found = list(self._exact.get(form, ()))
        for size in self._prefix_lengths:
            if size <= len(form):
                found.extend(self._prefix.get(form[:size], ()))
        return found

    @staticmethod
    def _word_matches(form: str, word: str, prefix: bool) -> bool:
        return form.startswith(word) if prefix else form == word

    def _match_rest(self, tokens: list[Token], trigger: Trigger, i: int, blocked: frozenset[int]) -> int | None:
        """Where the pattern's later words end, allowing ``max_gap`` other words but never an actor's."""
        position = i
        for word, prefix in zip(trigger.words[1:], trigger.prefix[1:]):
            for j in range(position + 1, min(len(tokens), position + 2 + self.cues.max_gap)):
                if self._word_matches(tokens[j].form, word, prefix):
                    position = j
                    break
                if j in blocked:
                    return None
            else:
                return None
        return position

    def find(self, tokens: list[Token], blocked: frozenset[int] = frozenset()) -> list[Hit]:
        """Non-overlapping trigger hits, left to right, longest pattern first at each position.

        ``blocked`` holds the token positions of actor mentions, which a pattern may not skip over.
        """
        hits: list[Hit] = []
        covered = -1
        negative_prefix = self.cues.negative_prefix
        for i, token in enumerate(tokens):
            if i <= covered:
                continue
            negated_form = False
            candidates = self._first_word(token.form)
            if not candidates and negative_prefix and token.form.startswith(negative_prefix):
                candidates = self._first_word(token.form[len(negative_prefix):])
                negated_form = bool(candidates)
            for trigger in candidates:
                last = self._match_rest(tokens, trigger, i, blocked) if len(trigger.words) > 1 else i
                if last is None:
                    continue
                negated = negated_form or self._negated(tokens, i, last)
                hits.append(Hit(trigger, i, last, negated, self._passive(tokens, i, last), tokens[last].form,
                                tokens[i - 1].form if i else ""))
                covered = last
                break
        return hits

    def _passive(self, tokens: list[Token], first: int, last: int) -> bool:
        """A passive form: an auxiliary just before a participle, or a passive verb ending (tr, az)."""
        c = self.cues
        if c.passive_verb is None:
            return False
        if c.passive_auxiliaries:
            before = tokens[max(0, first - 2): first]
            return any(t.form in c.passive_auxiliaries for t in before) and bool(c.passive_verb.search(tokens[first].form))
        return any(c.passive_verb.search(t.form) for t in tokens[first: last + 1])

    def _negated(self, tokens: list[Token], first: int, last: int) -> bool:
        c = self.cues
        window = tokens[max(0, first - c.negation_window): first] + tokens[first + 1: last + 1]
        if any(t.form in c.negation for t in window):
            return True
        if c.negative_prefix:
            for t in tokens[first + 1: last + 2]:
                if t.form.startswith(c.negative_prefix) and len(t.form) > len(c.negative_prefix) + 1:
                    if t.form[len(c.negative_prefix):] in c.light_verbs:
                        return True
        if c.negative_verb is not None:
            return any(c.negative_verb.search(t.form) for t in tokens[first: last + 1])
        return False


@cache
def lexicon(language: str) -> Lexicon:
    """The triggers of ``language`` (an empty lexicon for a language without ``events.tsv``)."""
    if language not in available_languages():
        return Lexicon(language, [])
    resource = language_file(language, TRIGGERS_FILE)
    if not resource.is_file():
        return Lexicon(language, [])
    triggers = []
    for number, row in enumerate(resource.read_text(encoding="utf-8").splitlines(), start=1):
        if row.strip() and not row.lstrip().startswith("#"):
            triggers.append(_parse_trigger(language, number, row))
    return Lexicon(language, triggers)
