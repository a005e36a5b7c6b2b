"""Inflected forms of alias words, from each language's ``actor_forms.toml`` (and Cyrillic for Azerbaijani)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from dyadwatch.lang import available_languages, data_pairs, language_data, language_file
from dyadwatch.text.search_keys import folded_word

FORMS_FILE = "actor_forms.toml"
CYRILLIC_FILE = "cyrillic.tsv"


@dataclass(frozen=True)
class FormRules:
    """Ending replacements of one language; ``endings[""]`` applies to every word."""

    endings: dict[str, tuple[str, ...]]
    min_length: int
    transliteration: dict[str, str]


@cache
def form_rules(iso: str) -> FormRules:
    if iso not in available_languages():
        return FormRules({}, 0, {})
    resource = language_file(iso, FORMS_FILE)
    endings: dict[str, tuple[str, ...]] = {}
    min_length = 3
    if resource.is_file():
        loaded = tomllib.loads(resource.read_text(encoding="utf-8"))
        endings = {key: tuple(values) for key, values in loaded.get("endings", {}).items()}
        min_length = int(loaded.get("settings", {}).get("min_length", min_length))
    cyrillic = language_file(iso, CYRILLIC_FILE)
    transliteration = dict(data_pairs(cyrillic)) if cyrillic.is_file() else {}
    return FormRules(endings, min_length, transliteration)


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


def _transliterate(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(char, char) for char in word)


@cache
def word_forms(word: str, iso: str) -> frozenset[str]:
    """Every folded form an alias word may take in a text of language ``iso`` (the word itself included)."""
    rules = form_rules(iso)
    forms = _inflect(_lower(word, iso), rules)
    if rules.transliteration:
        forms |= {_transliterate(form, rules.transliteration) for form in forms}
    return frozenset(folded for folded in (folded_word(form, iso) for form in forms) if folded)
