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


def _inflect(word: str, rules: FormRules) -> set[str]:
    forms = {word}
    if len(word) < rules.min_length:
        return forms
    for suffix in rules.endings.get("", ()):
        forms.add(word + suffix)
    matching = [ending for ending in rules.endings if ending and word.endswith(ending)]
    if matching:
        ending = max(matching, key=len)
        stem = word[: -len(ending)]
        forms.update(stem + replacement for replacement in rules.endings[ending])
    return forms


@cache
def word_forms(word: str, iso: str) -> frozenset[str]:
    """Every folded form an alias word may take in a text of language ``iso`` (the word itself included)."""
    forms = _inflect(_lower(word, iso), form_rules(iso))
    return frozenset(folded for folded in (folded_word(form, iso) for form in forms) if folded)


@cache
def subject_forms(word: str, iso: str) -> frozenset[str]:
    """Folded forms of an alias word that can stand as a subject: the word itself and ``[subject_endings]``."""
    rules = form_rules(iso)
    lowered = _lower(word, iso)
    forms = {lowered}
    matching = [ending for ending in rules.subject_endings if ending and lowered.endswith(ending)]
    if matching:
        ending = max(matching, key=len)
        forms.update(lowered[: -len(ending)] + replacement for replacement in rules.subject_endings[ending])
    return frozenset(folded for folded in (folded_word(form, iso) for form in forms) if folded)
