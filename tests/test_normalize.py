"""normalize() and fold_language()."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.text.normalize import fold_language, normalize

ZWNJ = "\u200c"

# Characters that interact: look-alikes, combining marks, invisible and bidi
# characters, Arabic letters and presentation forms, odd spaces and breaks.
TRICKY = list(
    "aeopcxyiAEOPCXYHKMBTаеорсхуіАЕОРСХУНКМВТəәƏӘёëïїыйи"
    "\u0301\u0306\u0308\u0327\u064b\u0650\u0653\u0654"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\u2060\ufeff\u00ad\u061c"
    "بپتکیيكهةۀﻻ\ufc5e\ufdfa"
    " \t\n\r\x0b\x0c\x85\u2028\u2029\u00a0\u2009\u3000\x00\x07\x1f\x7f\x9f"
    "İıIi.,!?«»'’ʼ-0123456789ﬁ²…№և"
)
tricky_text = st.text(alphabet=st.sampled_from(TRICKY), max_size=60)


def test_nfkc_compatibility_forms() -> None:
    assert normalize("ﬁnal ＡＢＣ ２０２５") == "final ABC 2025"
    assert normalize("ﻻ") == "لا"
    assert normalize("Ереван и Тбилиси…") == "Ереван и Тбилиси..."
    assert normalize("Հայաստան և Վրաստան") == "Հայաստան եւ Վրաստան"
    assert normalize("e\u0301") == "é"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Pu\u200btin", "Putin"),
        ("Pu\u200dtin", "Putin"),
        ("Pu\u2060tin", "Putin"),
        ("\ufeffПутин", "Путин"),
        ("пере\u00adговоры", "переговоры"),
        ("\u202bتهران\u202c", "تهران"),
        ("\u200eBaku\u200f", "Baku"),
        ("\u2066Ankara\u2069", "Ankara"),
        ("Bakı\x07 və\x00 Gəncə", "Bakı və Gəncə"),
    ],
)
def test_invisible_and_control_characters_are_removed(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_zwnj_kept_between_arabic_letters_only() -> None:
    persian = f"می{ZWNJ}خواهم همکاری{ZWNJ}های"
    assert normalize(persian) == persian
    assert normalize(f"می{ZWNJ}{ZWNJ}خواهم") == f"می{ZWNJ}خواهم"
    assert normalize(f"Pu{ZWNJ}tin") == "Putin"
    assert normalize(f"ایران{ZWNJ}Iran") == "ایرانIran"
    assert normalize(f"{ZWNJ}ایران{ZWNJ}") == "ایران"
    assert normalize(f"ایران {ZWNJ}روسیه") == "ایران روسیه"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Пyтин", "Путин"),
        ("ПУТИH", "ПУТИН"),
        ("Mосквa", "Москва"),
        ("Putіn", "Putin"),
        ("Аnkara", "Ankara"),
        ("Әliyev", "Əliyev"),
        ("Gəncә", "Gəncə"),
        ("Əлијев", "Әлијев"),
        ("Cоветник", "Советник"),
    ],
)
def test_mixed_script_words_take_their_majority_script(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_homoglyph_folding_leaves_other_words_alone() -> None:
    assert normalize("NATO и ЕС обсудили Bakı") == "NATO и ЕС обсудили Bakı"
    assert normalize("Вa") == "Вa"  # one letter of each script: a tie, kept as it is
    assert normalize("Пyтин встретился с NATO") == "Путин встретился с NATO"
    assert normalize("Пuтин") == "Пuтин"  # u has no Cyrillic look-alike


def test_whitespace_and_line_breaks() -> None:
    assert normalize("  Баку \t и   Тбилиси  ") == "Баку и Тбилиси"
    assert normalize("first\r\nsecond\rthird") == "first\nsecond\nthird"
    assert normalize("one\n\n\n\n two \n\n three") == "one\n\ntwo\n\nthree"
    assert normalize("a \n b") == "a\nb"
    assert normalize("a\u2029b\u2028c") == "a\n\nb\nc"
    assert normalize("5\u00a0млн\u202fруб.") == "5 млн руб."
    assert normalize("\n\n  \t\n") == ""


def test_clean_text_is_unchanged() -> None:
    text = "Министр прибыл в Баку.\n\nПереговоры продлятся два дня."
    assert normalize(text) == text


@given(st.text())
def test_idempotent_and_never_raises_on_any_text(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=500)
@given(tricky_text)
def test_idempotent_on_interacting_characters(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(tricky_text)
def test_output_invariants(text: str) -> None:
    out = normalize(text)
    assert unicodedata.is_normalized("NFKC", out)
    assert out == out.strip()
    assert "\r" not in out and "\t" not in out and "  " not in out and "\n\n\n" not in out
    assert not any(char in out for char in "\u200b\u200d\u200e\u200f\u202a\u202e\u2066\ufeff\u00ad\x00\x07")


def test_fold_language_persian() -> None:
    arabic_spelling = "پزشكيان \u0643\u064a\u0649 \u0629 خانۀ ۱۴۰۳ ٢٠٢٥ مـــلی"
    assert fold_language(arabic_spelling, "fa") == "پزشکیان کیی ه خانه 1403 2025 ملی"


def test_fold_language_other_languages() -> None:
    assert fold_language("hâlâ Kâbe millî", "tr") == "hala Kabe milli"
    assert fold_language("Äliyev Bakıdä", "az") == "Əliyev Bakıdə"
    assert fold_language("Путин", "ru") == "Путин"


def test_fold_language_is_identity_without_a_map() -> None:
    text = "پزشكيان hâlâ"
    assert fold_language(text, None) == text
    assert fold_language(text, "de") == text
    assert fold_language(text, "en") == text
    assert fold_language(text, "FA") == "پزشکیان hâlâ"


def test_folding_a_homoglyph_then_composing_stays_idempotent() -> None:
    """Folding Cyrillic Е to Latin E lets a later combining cedilla compose: NFKC must run again."""
    once = normalize("AAЕ\u064b\u0327")
    assert once == "AA\u0228\u064b" and normalize(once) == once
