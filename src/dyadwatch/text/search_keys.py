"""Search keys: the index terms written for full-text search, and query expansion.

The same terms feed SQLite FTS5 and PostgreSQL, so a term holds only Unicode
letters and digits. ``search_keys`` and ``query_alternatives`` run
``normalize`` and ``fold_language`` themselves: callers may pass raw or
normalized text. Words are found in the normalized text first (runs of
letters, digits and combining marks, with apostrophes inside), so the words of
a query line up the same way whatever the languages. Each word then goes
through, in this order:

1. ``fold_language`` with the language's ``char_map.tsv`` (Persian ي→ی, ك→ک …).
2. Lower-casing, after the language's ``lowercase_map`` (tr, az: ``I``→``ı``,
   ``İ``→``i``); elsewhere ``İ`` lower-cases to ``i`` (its dot is a combining mark). Then the
   language's ``key_map.tsv``, if it has one: Azerbaijani Cyrillic letters become Latin ones, so
   ``Әлијев`` and ``Əliyev`` have one key.
3. Combining marks dropped (Arabic tashkeel, stress marks, the dot of ``i̇``),
   ZWNJ dropped, ``text/data/key_fold.tsv`` applied (``ё``→``е``).
4. Apostrophes (``'`` ``’`` ``ʼ`` …): languages with ``apostrophe = "cut"``
   (tr, az) drop the apostrophe and what follows (``Putin'e``→``putin``);
   the others join the parts (``об'єкт``→``обєкт``, ``O'Brien``→``obrien``).
5. Anything but letters and digits removed; words under 2 characters dropped.
6. Stemming: PyStemmer for languages with ``stemmer``, suffix stripping for
   languages with ``suffixes`` (az, uk, ka), none otherwise or for unknown text.
7. ``text/data/key_fold_final.tsv`` applied to the stem and the word
   (``ı``→``i``), so ``Istanbul`` typed without Turkish letters finds ``İstanbul``.

A document word yields its stem, followed by the folded word when that
differs. Indexing both lets an exact word form match even when the query's
languages miss the document's language, and lets a query word match when a
stemmer treats the bare form differently from inflected forms (Russian
``алиев``→``ал`` but ``алиеву``→``алиев``). ``query_alternatives`` gives each
query word its folded form and stem under no language and under every given
language; the caller ANDs the words and ORs each word's alternatives.
"""

from __future__ import annotations

import re
import threading
import tomllib
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from importlib.resources import files

import Stemmer

from dyadwatch.lang import LanguageData, available_languages, data_pairs, language_data, language_file
from dyadwatch.text.normalize import CharFold, language_fold, normalize

MIN_KEY_LENGTH = 2
KEY_MAP_FILE = "key_map.tsv"
_DATA = files("dyadwatch.text") / "data"
_APOSTROPHES = tomllib.loads((_DATA / "punctuation.toml").read_text(encoding="utf-8"))["apostrophes"]
_ZWNJ = "\u200c"
_NOT_KEY_RE = re.compile(r"[\W_]+")


def _mark_ranges() -> str:
    """Regex class body of the combining marks of the Basic Multilingual Plane."""
    marks = [code for code in range(0x10000) if unicodedata.category(chr(code)).startswith("M")]
    ranges = []
    start = previous = marks[0]
    for code in marks[1:]:
        if code != previous + 1:
            ranges.append((start, previous))
            start = code
        previous = code
    ranges.append((start, previous))
    return "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in ranges)


_MARKS = _mark_ranges()
_PART = f"(?:[^\\W_]|[{_MARKS}{_ZWNJ}])+"
_APOSTROPHE_CLASS = "".join(re.escape(char) for char in _APOSTROPHES)
_WORD_RE = re.compile(f"{_PART}(?:[{_APOSTROPHE_CLASS}]{_PART})*")
_DROP_RE = re.compile(f"[{_MARKS}{_ZWNJ}]+")
_APOSTROPHE_RE = re.compile(f"[{_APOSTROPHE_CLASS}]")
_KEY_FOLD = CharFold(dict(data_pairs(_DATA / "key_fold.tsv")))
_FINAL_FOLD = CharFold(dict(data_pairs(_DATA / "key_fold_final.tsv")))


def _strip_suffixes(word: str, data: LanguageData) -> str:
    """Strip the longest suffix leaving ``min_stem_length`` letters, ``suffix_passes`` times (0: till none fits)."""
    by_last_letter = _suffixes_by_last_letter(data.iso)
    passes = 0
    while data.suffix_passes == 0 or passes < data.suffix_passes:
        for suffix in by_last_letter.get(word[-1:], ()):
            if word.endswith(suffix) and len(word) - len(suffix) >= data.min_stem_length:
                word = word[: -len(suffix)]
                break
        else:
            return word
        passes += 1
    return word


@cache
def _suffixes_by_last_letter(iso: str) -> dict[str, tuple[str, ...]]:
    """The language's suffixes grouped by their last letter, longest first."""
    groups: dict[str, list[str]] = {}
    for suffix in language_data(iso).suffixes:
        groups.setdefault(suffix[-1], []).append(suffix)
    return {letter: tuple(suffixes) for letter, suffixes in groups.items()}


def _unchanged(word: str) -> str:
    return word


@dataclass(frozen=True)
class _KeyMaker:
    """The key recipe of one language (or of none), see the module docstring."""

    fold: Callable[[str], str]
    lowercase_map: tuple[tuple[str, str], ...]
    cut_apostrophes: bool
    stem: Callable[[str], str]
    script: Callable[[str], str] = _unchanged

    def fold_word(self, word: str) -> str:
        """Steps 1-5: the word as a key before stemming."""
        word = self.fold(word)
        for upper, lower in self.lowercase_map:
            word = word.replace(upper, lower)
        word = self.script(word.lower())
        if not word.isalpha() or _APOSTROPHE_RE.search(word):
            word = _DROP_RE.sub("", word)
            if self.cut_apostrophes:
                word = _APOSTROPHE_RE.split(word, maxsplit=1)[0]
            word = _NOT_KEY_RE.sub("", _APOSTROPHE_RE.sub("", word))
        return _KEY_FOLD(word)

    def word_keys(self, word: str) -> tuple[str, ...]:
        """Keys of one word: its stem, then the folded word if it differs."""
        folded = self.fold_word(word)
        if len(folded) < MIN_KEY_LENGTH:
            return ()
        stem = _FINAL_FOLD(self.stem(folded))
        folded = _FINAL_FOLD(folded)
        if len(stem) < MIN_KEY_LENGTH or stem == folded:
            return (folded,)
        return (stem, folded)


class _SnowballStem:
    """PyStemmer's ``stemWord`` with one Stemmer per thread (Stemmer objects are not thread-safe)."""

    def __init__(self, algorithm: str) -> None:
        self._algorithm = algorithm
        self._local = threading.local()

    def __call__(self, word: str) -> str:
        stemmer = getattr(self._local, "stemmer", None)
        if stemmer is None:
            stemmer = self._local.stemmer = Stemmer.Stemmer(self._algorithm)
        return str(stemmer.stemWord(word))


def _stem_function(data: LanguageData) -> Callable[[str], str]:
    if data.stemmer:
        return _SnowballStem(data.stemmer)
    if data.suffixes:
        return partial(_strip_suffixes, data=data)
    return _unchanged


@cache
def _key_maker(iso: str | None) -> _KeyMaker:
    """The recipe for ``iso``; a language without a folder gets no language-specific step."""
    code = iso.strip().lower() if iso else None
    if code is None or code not in available_languages():
        return _KeyMaker(_unchanged, (), False, _unchanged)
    data = language_data(code)
    key_map = language_file(code, KEY_MAP_FILE)
    return _KeyMaker(
        fold=language_fold(code),
        lowercase_map=tuple(data.lowercase_map.items()),
        cut_apostrophes=data.apostrophe == "cut",
        stem=_stem_function(data),
        script=CharFold(dict(data_pairs(key_map))) if key_map.is_file() else _unchanged,
    )


@lru_cache(maxsize=200_000)
def _token_keys(token: str, iso: str | None) -> tuple[str, ...]:
    """Keys of a white-space delimited token: those of each word in it, in order."""
    maker = _key_maker(iso)
    return tuple(key for word in _WORD_RE.findall(token) for key in maker.word_keys(word))


def search_keys(text: str, language: str | None, *, normalized: bool = False) -> str:
    """Space-separated index terms of a text in ``language`` (None or unknown: no stemming).

    Pass ``normalized=True`` for text that has been through ``normalize`` already.
    """
    if not normalized:
        text = normalize(text)
    keys = [key for token in text.split() for key in _token_keys(token, language)]
    return " ".join(keys)


def query_alternatives(query: str, languages: Sequence[str]) -> list[frozenset[str]]:
    """For each query word, the keys it may match in a text of any of ``languages``."""
    codes = [None, *languages]
    alternatives = []
    for word in _WORD_RE.findall(normalize(query)):
        keys = frozenset(key for code in codes for key in _key_maker(code).word_keys(word))
        if keys:
            alternatives.append(keys)
    return alternatives


def word_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """The words of normalized ``text`` as (word, start, end), found the same way as search keys."""
    for match in _WORD_RE.finditer(text):
        yield match.group(), match.start(), match.end()


@lru_cache(maxsize=500_000)
def folded_word(word: str, iso: str | None) -> str:
    """A word as a match key without stemming: folded, lower-cased, apostrophe suffix cut where the language does."""
    return _FINAL_FOLD(_key_maker(iso).fold_word(word))


def cuts_apostrophes(iso: str | None) -> bool:
    """Whether the language drops what follows an apostrophe (Turkish, Azerbaijani case endings)."""
    return _key_maker(iso).cut_apostrophes


def has_apostrophe(word: str) -> bool:
    return _APOSTROPHE_RE.search(word) is not None
