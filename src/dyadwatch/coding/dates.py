"""Resolve the date of an event from words in its sentence, against the document's date (``dates.toml``).

``dates.toml`` holds ``[relative]`` (word -> days from the document date),
``[weekdays]`` (word -> 0 Monday .. 6 Sunday; the latest such day on or before
the document date) and ``[months]`` (word -> 1..12, for "25 декабря",
"December 25", "dekabrın 25-də"). Keys may be several words ("cümə axşamı")
and end in ``*`` to match any word they begin. The expression nearest the
trigger wins; without one the event takes the document date.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from dyadwatch.lang import available_languages, language_file
from dyadwatch.text.search_keys import folded_word
from dyadwatch.text.tokens import Token

DATES_FILE = "dates.toml"
_DIGITS_RE = re.compile(r"\d+")
_YEAR_RANGE = range(1900, 2101)


@dataclass(frozen=True, slots=True)
class DateCue:
    first: int
    last: int
    day: date
    note: str


@dataclass(frozen=True, slots=True)
class _Key:
    words: tuple[str, ...]
    prefix: tuple[bool, ...]
    kind: str
    value: int


def _keys(table: dict[str, int], kind: str, language: str) -> list[_Key]:
    keys = []
    for phrase, value in table.items():
        words, prefix = [], []
        for word in phrase.split():
            prefix.append(word.endswith("*"))
            words.append(folded_word(word.rstrip("*"), language))
        keys.append(_Key(tuple(words), tuple(prefix), kind, int(value)))
    return sorted(keys, key=lambda k: -len(k.words))


@dataclass(frozen=True)
class _KeyIndex:
    """Date keys by first word: exact forms, and prefixes grouped by their length."""

    exact: dict[str, tuple[_Key, ...]]
    prefixes: dict[str, tuple[_Key, ...]]
    prefix_lengths: tuple[int, ...]

    def candidates(self, form: str) -> list[_Key]:
        found = list(self.exact.get(form, ()))
        for size in self.prefix_lengths:
            if size <= len(form):
                found.extend(self.prefixes.get(form[:size], ()))
        return sorted(found, key=lambda k: -len(k.words))


@cache
def _date_keys(language: str) -> _KeyIndex:
    empty = _KeyIndex({}, {}, ())
    if language not in available_languages():
        return empty
    resource = language_file(language, DATES_FILE)
    if not resource.is_file():
        return empty
    raw = tomllib.loads(resource.read_text(encoding="utf-8"))
    exact: dict[str, list[_Key]] = {}
    prefixes: dict[str, list[_Key]] = {}
    for kind in ("relative", "weekdays", "months"):
        for key in _keys(raw.get(kind, {}), kind, language):
            table = prefixes if key.prefix[0] else exact
            table.setdefault(key.words[0], []).append(key)
    return _KeyIndex({k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in prefixes.items()},
                     tuple(sorted({len(k) for k in prefixes}, reverse=True)))


def _matches(tokens: list[Token], i: int, key: _Key) -> bool:
    if i + len(key.words) > len(tokens):
        return False
    for k, (word, prefix) in enumerate(zip(key.words, key.prefix)):
        form = tokens[i + k].form
        if not (form.startswith(word) if prefix else form == word):
            return False
    return True


def _number(token: Token | None, text: str) -> int | None:
    if token is None:
        return None
    match = _DIGITS_RE.match(text[token.start: token.end])
    return int(match.group()) if match else None


def _month_date(tokens: list[Token], i: int, last: int, month: int, text: str, doc_date: date) -> tuple[date, int, int] | None:
    """A day number next to a month word, with a year after it if one is written."""
    before = tokens[i - 1] if i > 0 else None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    day_number, first, end = _number(before, text), i - 1, last
    if day_number is None or not 1 <= day_number <= 31:
        day_number, first, end = _number(after, text), i, last + 1
    if day_number is None or not 1 <= day_number <= 31:
        return None
    year = None
    for token in tokens[end + 1: end + 3] + tokens[max(0, first - 2): first]:
        value = _number(token, text)
        if value in _YEAR_RANGE:
            year = value
            break
    try:
        day = date(year or doc_date.year, month, day_number)
    except ValueError:
        return None
    if year is None and day > doc_date:
        day = day.replace(year=doc_date.year - 1)
    return day, first, end


def find_dates(tokens: list[Token], text: str, language: str, doc_date: date) -> list[DateCue]:
    """Every date expression of a sentence, resolved against ``doc_date``."""
    cues = []
    index = _date_keys(language)
    i = 0
    while i < len(tokens):
        for key in index.candidates(tokens[i].form):
            if not _matches(tokens, i, key):
                continue
            last = i + len(key.words) - 1
            phrase = text[tokens[i].start: tokens[last].end]
            if key.kind == "relative":
                cues.append(DateCue(i, last, doc_date + timedelta(days=key.value), f"'{phrase}' = {key.value:+d} days"))
            elif key.kind == "weekdays":
                back = (doc_date.weekday() - key.value) % 7
                cues.append(DateCue(i, last, doc_date - timedelta(days=back), f"'{phrase}' = last such weekday"))
            else:
                resolved = _month_date(tokens, i, last, key.value, text, doc_date)
                if resolved is None:
                    continue
                day, first, end = resolved
                cues.append(DateCue(first, end, day, f"'{text[tokens[first].start: tokens[end].end]}'"))
            i = last
            break
        i += 1
    return cues


def nearest_date(cues: list[DateCue], first: int, last: int, doc_date: date) -> tuple[date, str]:
    """The date expression closest to tokens ``first..last``, or the document date."""
    if not cues:
        return doc_date, "document date"
    cue = min(cues, key=lambda c: min(abs(c.first - last), abs(c.last - first)))
    return cue.day, cue.note
