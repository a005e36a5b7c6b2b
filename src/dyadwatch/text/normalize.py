"""Language-independent clean-up of incoming text, and per-language character folding.

``normalize`` is applied once to every text as it enters dyadwatch; it is
idempotent. ``fold_language`` applies ``lang/<iso>/char_map.tsv`` and is used
where spellings must meet (search keys); stored text keeps its own letters.
The character data live in ``text/data/`` (zero_width.txt, homoglyphs.tsv,
nfkc_shortcuts.txt, scripts.toml).

Steps of ``normalize``: frequent compatibility characters replaced by their
NFKC form (a speed-up, same result); invisible format and control characters
removed and line breaks unified to ``\n`` (skipped when ``str.isprintable``
shows there are none); NFKC; ZWNJ kept only between two Arabic-script
characters; homoglyphs folded in words mixing Cyrillic and Latin letters
(only looked for when a Latin letter touches a Cyrillic one somewhere);
spaces collapsed, spaces around line breaks and blank lines beyond one
removed, ends stripped.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from dyadwatch.lang import available_languages, data_lines, data_pairs, language_data

_DATA = files("dyadwatch.text") / "data"
_ZWNJ = "\u200c"
_CYRILLIC_LATIN_MARKS = "\u0300-\u036f\u0483-\u0489"
_CONTROLS = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"


@lru_cache(maxsize=1)
def _scripts() -> dict[str, Any]:
    return tomllib.loads((_DATA / "scripts.toml").read_text(encoding="utf-8"))


def _class_range(spec: str) -> str:
    """``"0041-005A"`` or ``"00AA"`` as the body of a regex character class."""
    low, _, high = spec.partition("-")
    first = re.escape(chr(int(low, 16)))
    return f"{first}-{re.escape(chr(int(high, 16)))}" if high else first


@cache
def script_class(script: str) -> str:
    """Body of a regex character class (no brackets) matching a script's letters."""
    return "".join(_class_range(spec) for spec in _scripts()[script]["ranges"])


def uncased_scripts() -> list[str]:
    """Scripts whose lower-case letters do not signal a sentence going on."""
    return [name for name, entry in _scripts().items() if not entry.get("cased", True)]


def _zero_width_class() -> str:
    return "".join(_class_range(line) for line in data_lines(_DATA / "zero_width.txt"))


def _nfkc_shortcuts() -> tuple[tuple[str, str], ...]:
    chars = (chr(int(line, 16)) for line in data_lines(_DATA / "nfkc_shortcuts.txt"))
    return tuple((char, unicodedata.normalize("NFKC", char)) for char in chars)


def _homoglyph_tables() -> tuple[dict[int, str], dict[int, str]]:
    pairs = data_pairs(_DATA / "homoglyphs.tsv")
    to_cyrillic = str.maketrans({latin: cyrillic for latin, cyrillic in pairs})
    to_latin = str.maketrans({cyrillic: latin for latin, cyrillic in pairs})
    return to_cyrillic, to_latin


_LATIN = script_class("Latn")
_CYRILLIC = script_class("Cyrl")
_ARABIC = script_class("Arab")
_REMOVE_RE = re.compile(f"[{_zero_width_class()}{_CONTROLS}]+")
_LINEBREAK_RE = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_ZWNJ_NOT_BEFORE_ARABIC_RE = re.compile(f"{_ZWNJ}++(?![{_ARABIC}])")
_ZWNJ_NOT_AFTER_ARABIC_RE = re.compile(f"{_ZWNJ}(?<![{_ARABIC}]{_ZWNJ})")
_STRAY_ZWNJ_RE = re.compile(f"{_ZWNJ_NOT_BEFORE_ARABIC_RE.pattern}|{_ZWNJ_NOT_AFTER_ARABIC_RE.pattern}")
_LATIN_NEXT_TO_CYRILLIC_RE = re.compile(f"[{_LATIN}](?:(?<=[{_CYRILLIC}][{_LATIN}])|[{_CYRILLIC}])")
_CYRILLIC_NEXT_TO_LATIN_RE = re.compile(f"[{_CYRILLIC}](?:(?<=[{_LATIN}][{_CYRILLIC}])|[{_LATIN}])")
_WORD_RE = re.compile(f"(?:[^\\W\\d_]|[{_CYRILLIC_LATIN_MARKS}])+")
_LATIN_RE = re.compile(f"[{_LATIN}]")
_CYRILLIC_RE = re.compile(f"[{_CYRILLIC}]")
_LATIN_RUN_RE = re.compile(f"[{_LATIN}]+")
_CYRILLIC_RUN_RE = re.compile(f"[{_CYRILLIC}]+")
_TO_CYRILLIC, _TO_LATIN = _homoglyph_tables()
_NFKC_SHORTCUTS = _nfkc_shortcuts()
_SCRIPT_SAMPLE = 200
_SPACES_RE = re.compile(r"[^\S\n]{2,}|[^\S \n]")
_DOUBLE_SPACES_RE = re.compile(" {2,}")
_NEWLINE_SPACE_RE = re.compile(r" \n ?|\n ")
_PARAGRAPH_RE = re.compile(r"\n{3,}")


def _apply_nfkc_shortcuts(text: str) -> str:
    """Put frequent compatibility characters in their NFKC form with plain replacements."""
    for char, replacement in _NFKC_SHORTCUTS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def _linebreak(match: re.Match[str]) -> str:
    return "\n\n" if match.group() == "\u2029" else "\n"


def _fix_zwnj(text: str) -> str:
    """One ZWNJ where it sits between Arabic-script characters, none elsewhere."""
    if _ZWNJ not in text:
        return text
    if _ZWNJ_NOT_BEFORE_ARABIC_RE.search(text) is None and _ZWNJ_NOT_AFTER_ARABIC_RE.search(text) is None:
        return text
    return unicodedata.normalize("NFKC", _STRAY_ZWNJ_RE.sub("", text))


def _letter_count(script_run: re.Pattern[str], text: str) -> int:
    return len(text) - len(script_run.sub("", text))


def _fold_word(match: re.Match[str]) -> str:
    word = match.group()
    if _LATIN_RE.search(word) is None or _CYRILLIC_RE.search(word) is None:
        return word
    latin = _letter_count(_LATIN_RUN_RE, word)
    cyrillic = _letter_count(_CYRILLIC_RUN_RE, word)
    if latin == cyrillic:
        return word
    table = _TO_CYRILLIC if cyrillic > latin else _TO_LATIN
    return unicodedata.normalize("NFKC", word.translate(table))


def _has_mixed_word(text: str) -> bool:
    """Whether a Latin letter stands right next to a Cyrillic one anywhere in the text."""
    if _LATIN_RE.search(text) is None or _CYRILLIC_RE.search(text) is None:
        return False
    sample = text[:_SCRIPT_SAMPLE]
    latin = _letter_count(_LATIN_RUN_RE, sample)
    cyrillic = _letter_count(_CYRILLIC_RUN_RE, sample)
    rarer_first = _LATIN_NEXT_TO_CYRILLIC_RE if latin <= cyrillic else _CYRILLIC_NEXT_TO_LATIN_RE
    return rarer_first.search(text) is not None


def _fold_homoglyphs(text: str) -> str:
    """Spell mixed Cyrillic/Latin words in their majority script."""
    if not _has_mixed_word(text):
        return text
    folded = _WORD_RE.sub(_fold_word, text)
    return text if folded == text else unicodedata.normalize("NFKC", folded)


def _is_plain(text: str) -> bool:
    """No control, format or unusual space characters besides line feeds and ZWNJ."""
    return text.replace("\n", "").replace(_ZWNJ, "").isprintable()


def _tidy_whitespace(text: str, plain: bool) -> str:
    """One space between words, no spaces around line breaks, at most one blank line."""
    if not plain:
        text = _SPACES_RE.sub(" ", text)
    elif "  " in text:
        text = _DOUBLE_SPACES_RE.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _NEWLINE_SPACE_RE.sub("\n", text)
    if "\n\n\n" in text:
        text = _PARAGRAPH_RE.sub("\n\n", text)
    return text.strip()


def normalize(text: str) -> str:
    """NFKC, invisible characters out, homoglyphs folded, whitespace tidied; idempotent."""
    text = _apply_nfkc_shortcuts(text)
    plain = _is_plain(text)
    if not plain:
        text = _REMOVE_RE.sub("", text)
        text = _LINEBREAK_RE.sub(_linebreak, text)
    text = unicodedata.normalize("NFKC", text)
    text = _fix_zwnj(text)
    text = _fold_homoglyphs(text)
    return _tidy_whitespace(text, plain)


class CharFold:
    """``str.translate`` with a character map, skipped when no mapped character occurs."""

    def __init__(self, mapping: dict[str, str]) -> None:
        self._table = str.maketrans(mapping)
        keys = "".join(re.escape(char) for char in mapping)
        self._present = re.compile(f"[{keys}]") if keys else None

    def __call__(self, text: str) -> str:
        if self._present is None or self._present.search(text) is None:
            return text
        return text.translate(self._table)


@cache
def language_fold(iso: str) -> CharFold:
    """The precompiled ``char_map.tsv`` fold of a lower-case ISO code (identity if none)."""
    return CharFold(language_data(iso).char_map if iso in available_languages() else {})


def fold_language(text: str, iso: str | None) -> str:
    """Apply ``lang/<iso>/char_map.tsv``; unchanged for None or a language without one."""
    if iso is None:
        return text
    return language_fold(iso.strip().lower())(text)
