"""Tokens of a sentence with their folded match form and character span."""

from __future__ import annotations

from typing import NamedTuple

from .search_keys import cuts_apostrophes, folded_word, has_apostrophe, word_spans


class Token(NamedTuple):
    """A word's match form and span; ``marked`` when an ending after an apostrophe was cut (Putin'e)."""

    form: str
    start: int
    end: int
    marked: bool = False


def tokenize(text: str, language: str | None, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of ``text[start:end]`` with spans into ``text``; words that fold to nothing are dropped."""
    piece = text[start:end]
    tokens = []
    cuts = cuts_apostrophes(language)
    for word, s, e in word_spans(piece):
        form = folded_word(word, language)
        if form:
            tokens.append(Token(form, start + s, start + e, cuts and has_apostrophe(word)))
    return tokens
