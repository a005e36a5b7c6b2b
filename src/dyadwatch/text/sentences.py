"""Rule-based sentence splitting that returns character spans.

A sentence ends at a run of terminal marks (``text/data/punctuation.toml`` plus
the language's ``extra_terminals``) followed by white space, with any closing
quotes or brackets, and at every paragraph break (a blank line). A single dot
does not end a sentence after an abbreviation of the language
(``lang/<iso>/abbreviations.txt``; all languages' lists when the language is
unknown), after a single letter (initials, ``т. е.``) or dotted letters
(``U.S.``, ``В.В.``). No terminal ends a sentence when the next word starts
with a lower-case letter of a cased script. Numbers such as ``3.5`` or
``12.06.2025`` have no white space after the dot, so they are never split.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from dyadwatch.lang import available_languages, language_data
from dyadwatch.text.normalize import script_class, uncased_scripts

_PUNCTUATION = tomllib.loads((files("dyadwatch.text") / "data" / "punctuation.toml").read_text(encoding="utf-8"))
_PARAGRAPH_RE = re.compile(r"\n[^\S\n]*\n")
_WINDOW = 60
_NEXT_WORD_RE = re.compile(r"[\W_]*?([^\W_])")
_DOTTED_LETTERS_RE = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_LEADING_PUNCTUATION_RE = re.compile(r"^[\W_]+")
_UNCASED_RE = re.compile("[" + "".join(script_class(name) for name in uncased_scripts()) + "]")


@dataclass(frozen=True)
class _Splitter:
    terminal: re.Pattern[str]
    abbreviations: frozenset[str]


def _class(chars: str) -> str:
    return "".join(re.escape(char) for char in dict.fromkeys(chars))


def _abbreviations(language: str | None) -> frozenset[str]:
    if language in available_languages():
        return language_data(language).abbreviations
    if language is None:
        return frozenset().union(*(language_data(iso).abbreviations for iso in available_languages()))
    return frozenset()


@cache
def _splitter(language: str | None) -> _Splitter:
    """Boundary regex and abbreviations of a language, compiled once."""
    extra = language_data(language).extra_terminals if language in available_languages() else ""
    terminals = _class(_PUNCTUATION["terminals"] + extra)
    closers = _class(_PUNCTUATION["closers"])
    terminal = re.compile(f"(?P<terminal>[{terminals}][{terminals}]*)[{closers}]*(?=\\s|\\Z)")
    return _Splitter(terminal, _abbreviations(language))


def _continues(text: str, position: int) -> bool:
    """The next word starts with a lower-case letter of a cased script."""
    match = _NEXT_WORD_RE.match(text, position)
    if match is None:
        return False
    letter = match.group(1)
    return letter.islower() and _UNCASED_RE.match(letter) is None


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """The word before the dot is an abbreviation, initials or a listed two-word abbreviation."""
    window = text[max(0, dot - _WINDOW) : dot]
    if not window or window[-1].isspace():
        return False
    words = window.rsplit(None, 2)[-2:]
    last = _LEADING_PUNCTUATION_RE.sub("", words[-1])
    if _DOTTED_LETTERS_RE.fullmatch(last) or last.lower() in abbreviations:
        return True
    if len(words) < 2:
        return False
    return f"{_LEADING_PUNCTUATION_RE.sub('', words[0])} {last}".lower() in abbreviations


def _ends_sentence(text: str, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    if _continues(text, match.end()):
        return False
    terminal = match.group("terminal")
    return terminal != "." or not _is_abbreviation(text, match.start("terminal"), abbreviations)


def _cuts(text: str, language: str | None) -> list[int]:
    """Positions where a sentence ends, in order."""
    splitter = _splitter(language)
    cuts = [match.start() for match in _PARAGRAPH_RE.finditer(text)]
    cuts.extend(
        match.end() for match in splitter.terminal.finditer(text) if _ends_sentence(text, match, splitter.abbreviations)
    )
    return sorted(cuts)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    segment = text[start:end]
    stripped = segment.strip()
    if not stripped:
        return None
    left = start + len(segment) - len(segment.lstrip())
    return left, left + len(stripped)


def split_sentences(text: str, language: str | None) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of ``text``, in order and white-space trimmed."""
    spans = []
    start = 0
    code = language.strip().lower() if language else None
    for cut in [*_cuts(text, code), len(text)]:
        span = _trimmed(text, start, cut)
        if span is not None:
            spans.append(span)
        start = cut
    return spans
