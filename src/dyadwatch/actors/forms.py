"""Inflected forms of alias words, from each language's ``actor_forms.toml``.

Forms are folded like search keys, so a language's ``key_map.tsv`` applies too: Azerbaijani
Cyrillic text is matched against the Latin aliases.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache

from dyadwatch.lang import available_languages, language_data, language_file
from dyadwatch.text.search_keys import folded_word

FORMS_FILE = "actor_forms.toml"


@dataclass(frozen=True)
class FormRules:
    """Ending replacements of one language; ``endings[""]`` applies to every word."""

    endings: dict[str, tuple[str, ...]]
    min_length: int
    subject_endings: dict[str, tuple[str, ...]] = field(default_factory=dict)


@cache
def form_rules(iso: str) -> FormRules:
    if iso not in available_languages():
        return FormRules({}, 0)
    resource = language_file(iso, FORMS_FILE)
    if not resource.is_file():
        return FormRules({}, 3)
    loaded = tomllib.loads(resource.read_text(encoding="utf-8"))
    return FormRules(
        {key: tuple(values) for key, values in loaded.get("endings", {}).items()},
        int(loaded.get("settings", {}).get("min_length", 3)),
        {key: tuple(values) for key, values in loaded.get("subject_endings", {}).items()},
    )


def _lower(word: str, iso: str) -> str:
    if iso in available_languages():
        for upper, lower in language_data(iso).lowercase_map.items():
            word = word.replace(upper, lower)
    return word.lower()


def _replaced_endings(word: str, table: dict[str, tuple[str, ...]]) -> set[str]:
    """The word with its longest listed ending replaced by each of that ending's replacements."""
    matching = [ending for ending in table if ending and word.endswith(ending)]
    if not matching:
        return set()
    ending = max(matching, key=len)
    return {word[: -len(ending)] + replacement for replacement in table[ending]}


def _folded(forms: set[str], iso: str) -> frozenset[str]:
    return frozenset(folded for folded in (folded_word(form, iso) for form in forms) if folded)


@cache
def word_forms(word: str, iso: str) -> frozenset[str]:
    """Every folded form an alias word may take in a text of language ``iso`` (the word itself included)."""
    rules = form_rules(iso)
    lowered = _lower(word, iso)
    forms = {lowered}
    if len(lowered) >= rules.min_length:
        forms.update(lowered + suffix for suffix in rules.endings.get("", ()))
        forms |= _replaced_endings(lowered, rules.endings)
    return _folded(forms, iso)


@cache
def subject_forms(word: str, iso: str) -> frozenset[str]:
    """Folded forms of an alias word that can stand as a subject: the word itself and ``[subject_endings]``."""
    lowered = _lower(word, iso)
    return _folded({lowered} | _replaced_endings(lowered, form_rules(iso).subject_endings), iso)
