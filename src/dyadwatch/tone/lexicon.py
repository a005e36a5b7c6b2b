"""Tone lexicons: hostile and warm terms per language, with negators and workspace overrides.

Each language has ``lang/<iso>/tone.tsv``. A line is either a term::

    term<TAB>polarity<TAB>weight        провокаци*	hostile	2

with ``polarity`` ``hostile`` or ``warm`` and ``weight`` from 0.5 to 3, or a negator::

    !neg<TAB>word<TAB>side              !neg	не	before

where ``side`` says whether the negator stands ``before`` the term it cancels ("не провокация",
"not a provocation") or ``after`` it ("provokasiya deyil", "تحریک نیست"). Terms are matched by
``dyadwatch.text.phrases`` (inflected forms of each word; a word ending in ``*`` is a prefix), so two
spellings that fold to the same words (``тёплый``/``теплый``) are one entry. ``#`` starts a comment.

Workspace overrides: a ``tone.tsv`` with the same columns in a folder the caller gives. A term line
replaces the package entry for the same term or adds one; weight ``0`` removes it. A negator line
adds a negator; side ``off`` removes one. The lexicon's ``fingerprint`` digests every entry and
negator after overrides, so scores stored with an older fingerprint can be found and recomputed.

Limits: a lexicon counts words. It cannot see irony, a quoted opponent's words, or that a hostile
term describes a third party; weights are judgements of the authors, not estimates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources.abc import Traversable
from pathlib import Path

from dyadwatch.errors import DataFileError, InputError
from dyadwatch.lang import language_file
from dyadwatch.text.normalize import normalize
from dyadwatch.text.phrases import PREFIX_MARK, PhraseIndex, index_for
from dyadwatch.text.search_keys import folded_word, word_spans

TONE_FILE = "tone.tsv"
HOSTILE = "hostile"
WARM = "warm"
POLARITIES = (HOSTILE, WARM)
NEGATOR_MARK = "!neg"
NEGATOR_SIDES = ("before", "after")
NEGATOR_OFF = "off"
MIN_WEIGHT = 0.5
MAX_WEIGHT = 3.0
NEGATOR_KEY_PREFIX = "!neg:"


class ToneLexiconError(DataFileError):
    """A malformed line in a tone lexicon."""

    code = "E057"


@dataclass(frozen=True, slots=True)
class ToneEntry:
    """One lexicon term; ``source`` is ``file:line`` of the line that set it."""

    term: str
    polarity: str
    weight: float
    source: str


@dataclass(frozen=True, slots=True)
class Negator:
    word: str
    side: str


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    columns: list[str]


class Lexicon:
    """The tone terms and negators of one language, compiled into one phrase index."""

    def __init__(self, language: str, entries: dict[str, ToneEntry], negators: dict[str, Negator]) -> None:
        self.language = language
        self.entries: dict[str, ToneEntry] = {entry.term: entry for entry in entries.values()}
        self.negators: tuple[Negator, ...] = tuple(sorted(negators.values(), key=lambda n: (n.side, n.word)))
        self.fingerprint = _fingerprint(language, self.entries.values(), self.negators)

    @cached_property
    def index(self) -> PhraseIndex:
        """Terms keyed by themselves, negators keyed ``!neg:<side>``."""
        pairs = [(term, term) for term in sorted(self.entries)]
        pairs += [(NEGATOR_KEY_PREFIX + negator.side, negator.word) for negator in self.negators]
        return index_for(pairs, self.language)

    def __len__(self) -> int:
        return len(self.entries)


def _fingerprint(language: str, entries: Iterable[ToneEntry], negators: tuple[Negator, ...]) -> str:
    digest = hashlib.sha256(language.encode())
    for entry in sorted(entries, key=lambda e: e.term):
        digest.update(f"\x1e{entry.term}\x1f{entry.polarity}\x1f{entry.weight:g}".encode())
    for negator in negators:
        digest.update(f"\x1dneg\x1f{negator.word}\x1f{negator.side}".encode())
    return f"tone-{language}-{digest.hexdigest()[:12]}"


def term_key(term: str, language: str) -> str:
    """The identity of a term: its words folded like match forms, prefix marks kept."""
    text = normalize(term)
    words = []
    for raw, _, end in word_spans(text):
        prefix = PREFIX_MARK if text[end : end + 1] == PREFIX_MARK else ""
        words.append(folded_word(raw, language) + prefix)
    return " ".join(words)


def _lines(text: str) -> list[_Line]:
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        content = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if content:
            lines.append(_Line(number, [column.strip() for column in content.split("\t")]))
    return lines


def _weight(raw: str, where: str, number: int, allow_zero: bool) -> float:
    try:
        weight = float(raw)
    except ValueError:
        raise ToneLexiconError(where, number, "weight", f"{raw!r} is not a number.") from None
    if allow_zero and weight == 0:
        return 0.0
    if not MIN_WEIGHT <= weight <= MAX_WEIGHT:
        allowed = "0 (remove) or " if allow_zero else ""
        raise ToneLexiconError(where, number, "weight", f"{raw} is outside {allowed}{MIN_WEIGHT:g}-{MAX_WEIGHT:g}.")
    return weight


@dataclass
class _Parsed:
    terms: dict[str, ToneEntry | None]
    negators: dict[str, Negator | None]


def _parse(text: str, where: str, language: str, is_override: bool) -> _Parsed:
    """Term and negator lines by key; ``None`` marks a removal (overrides only)."""
    parsed = _Parsed({}, {})
    seen: dict[str, int] = {}
    sides = NEGATOR_SIDES + ((NEGATOR_OFF,) if is_override else ())
    for line in _lines(text):
        columns, number = line.columns, line.number
        if len(columns) != 3:
            raise ToneLexiconError(where, number, "columns", f"expected 3 tab-separated columns, found {len(columns)}.")
        first, second, third = columns
        if first == NEGATOR_MARK:
            key = term_key(second, language)
            if not key or " " in key or PREFIX_MARK in key:
                raise ToneLexiconError(where, number, "word", f"a negator is one plain word, not {second!r}.")
            if third not in sides:
                raise ToneLexiconError(where, number, "side", f"{third!r} is not one of {', '.join(sides)}.")
            parsed.negators[key] = None if third == NEGATOR_OFF else Negator(second, third)
            continue
        key = term_key(first, language)
        if not key or first.startswith("!"):
            raise ToneLexiconError(where, number, "term", f"{first!r} has no word to match.")
        if key in seen:
            raise ToneLexiconError(where, number, "term", f"{first!r} repeats the term of line {seen[key]}.")
        seen[key] = number
        if second not in POLARITIES:
            raise ToneLexiconError(where, number, "polarity", f"{second!r} is not one of {', '.join(POLARITIES)}.")
        weight = _weight(third, where, number, allow_zero=is_override)
        parsed.terms[key] = ToneEntry(first, second, weight, f"{where}:{number}") if weight else None
    return parsed


def _read(resource: Traversable | Path, where: str) -> str:
    try:
        return resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{where} cannot be read: {exc}") from exc


@cache
def _package(language: str) -> _Parsed:
    resource = language_file(language, TONE_FILE)
    where = f"lang/{language}/{TONE_FILE}"
    return _parse(_read(resource, where), where, language, is_override=False)


def override_file(overrides: Path) -> Path:
    """The override file: ``overrides`` itself when it is a file, else ``overrides/tone.tsv``."""
    return overrides if overrides.is_file() else overrides / TONE_FILE


def lexicon_for(language: str, overrides: Path | None = None) -> Lexicon:
    """The package lexicon of ``language``, with the workspace's ``tone.tsv`` applied when it exists.

    The override file is read on every call, so a corrected entry takes effect at once.
    """
    package = _package(language)
    terms = dict(package.terms)
    negators = dict(package.negators)
    if overrides is not None:
        path = override_file(overrides)
        if path.is_file():
            parsed = _parse(_read(path, str(path)), str(path), language, is_override=True)
            terms.update(parsed.terms)
            negators.update(parsed.negators)
    kept_terms = {key: entry for key, entry in terms.items() if entry is not None}
    kept_negators = {key: negator for key, negator in negators.items() if negator is not None}
    return Lexicon(language, kept_terms, kept_negators)
