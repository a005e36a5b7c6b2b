"""search_keys and query_alternatives: a query finds the texts it should, and only letters get indexed."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyadwatch.text.normalize import normalize
from dyadwatch.text.search_keys import query_alternatives, search_keys

TERM = re.compile(r"[^\W_]+")
LANGUAGES = [None, "ru", "az", "en", "tr", "fa", "uk", "hy", "ka", "de"]


def finds(query: str, languages: Sequence[str], text: str, language: str | None) -> bool:
    """What the store does: every query word must share a key with the text (AND of ORs)."""
    keys = set(search_keys(text, language).split())
    alternatives = query_alternatives(query, languages)
    return bool(alternatives) and all(options & keys for options in alternatives)


@pytest.mark.parametrize(
    ("query", "languages", "text", "language"),
    [
        ("Алиев", ["ru"], "Послание передали Алиеву в понедельник.", "ru"),
        ("Алиев", ["ru"], "Встреча с Алиевым прошла в Баку.", "ru"),
        ("Əliyev", ["az"], "Prezident Əliyevin çıxışı dinlənildi.", "az"),
        ("Əliyev", ["az"], "Məktub Əliyevə təqdim edilib.", "az"),
        ("Putin", ["tr"], "Erdoğan Putin'e bir mektup gönderdi.", "tr"),
        ("Putin", ["tr"], "Putin’in açıklaması gündem oldu.", "tr"),
        ("Putin", ["tr"], "Putinʼin sözcüsü konuştu.", "tr"),
        ("Путин", ["ru"], "Переговоры с Путиным длились три часа.", "ru"),
        ("Baku", ["tr"], "Heyet yarın Baku'ya gidecek.", "tr"),
        ("Moskova", ["tr"], "Görüşme Moskova'da yapıldı.", "tr"),
        ("Istanbul", ["tr"], "Zirve İstanbul'da toplandı.", "tr"),
        ("ıstanbul", ["tr"], "ISTANBUL", "tr"),
        ("پزشکیان", ["fa"], "رئیس جمهور پزشكيان به باکو رفت.", "fa"),
        ("پزشکیان", ["fa"], "رئیس جمهور پزشک\u200cیان به باکو رفت.", "fa"),
        ("پزشكيان", ["fa"], "رئیس جمهور پزشکیان به باکو رفت.", "fa"),
        ("Путин", ["ru"], "Встреча с Пyтиным прошла в Кремле.", "ru"),
        ("Putin", ["en"], "Pu\u200btin spoke to reporters.", "en"),
        ("Putin", ["en"], "President Putіn (with a Cyrillic і) spoke.", "en"),
        ("ёлка", ["ru"], "В Кремле поставили елку.", "ru"),
        ("Пу́тин", ["ru"], "Путин прибыл.", "ru"),
        ("محمد", ["fa"], "مُحَمَّد آمد.", "fa"),
        ("Нагорно-Карабахский", ["ru"], "нагорно-карабахского урегулирования", "ru"),
        ("обʼєкт", ["uk"], "Об'єкт охороняють.", "uk"),
        ("Україна", ["uk"], "Делегація України прибула.", "uk"),
        ("საქართველო", ["ka"], "მინისტრი საქართველოში ჩავიდა.", "ka"),
        ("Հայաստան", ["hy"], "Հայաստանի կառավարությունը որոշում ընդունեց։", "hy"),
        ("Əliyevin", ["ru", "en"], "Prezident Əliyevin çıxışı.", "az"),
    ],
)
def test_query_finds_inflected_and_variant_spellings(
    query: str, languages: list[str], text: str, language: str
) -> None:
    assert finds(query, languages, text, language)


@pytest.mark.parametrize(
    ("query", "languages", "text", "language"),
    [
        ("Путин", ["ru"], "Алиев прибыл в Москву.", "ru"),
        ("Алиев Путин", ["ru"], "Алиев прибыл в Москву.", "ru"),
        ("Baku", ["tr"], "Heyet Ankara'ya gidecek.", "tr"),
        ("Əliyev", ["az"], "Prezident Paşinyan çıxış edib.", "az"),
    ],
)
def test_query_does_not_find_unrelated_texts(query: str, languages: list[str], text: str, language: str) -> None:
    assert not finds(query, languages, text, language)


def test_keys_hold_stem_then_folded_word() -> None:
    assert search_keys("Алиевым", "ru") == "алиев алиевым"
    assert search_keys("Путин", "ru") == "путин"
    assert search_keys("Putin'e", "tr") == "put putin"
    assert search_keys("Əliyevlərin", "az") == "əliyev əliyevlərin"


def test_turkish_and_azerbaijani_dotted_and_dotless_i() -> None:
    assert search_keys("IRAK", "tr") == search_keys("ırak", "tr") == "irak"
    assert search_keys("İRAN", "az") == "iran"
    assert search_keys("Istanbul", "en") == "istanbul"
    assert search_keys("İstanbul", "en") == "istanbul"


def test_unknown_language_folds_but_does_not_stem() -> None:
    assert search_keys("Алиевым и ПУТИНЫМ", None) == "алиевым путиным"
    assert search_keys("Putin'e", None) == "putine"
    assert search_keys("Bundeskanzlerin", "de") == "bundeskanzlerin"


def test_short_words_and_punctuation_are_dropped() -> None:
    assert search_keys("В — и ... , « » 5 %", "ru") == ""
    assert query_alternatives("и — ?", ["ru"]) == []
    assert search_keys("Ж/д 12.06.2025", "ru") == "12 06 2025"


def test_apostrophe_handling_per_language() -> None:
    assert search_keys("O'Brien", "en") == "obrien"
    assert search_keys("об'єкт обʼєкт об’єкт", "uk") == "обєкт обєкт обєкт"
    assert search_keys("Ankara'daki", "tr") == search_keys("Ankara", "tr") == "ankar ankara"


def test_persian_variants_give_the_same_keys() -> None:
    expected = search_keys("پزشکیان", "fa")
    assert search_keys("پزشكيان", "fa") == expected
    assert search_keys("پزشک\u200cیان", "fa") == expected
    assert search_keys("پزشـکـیان", "fa") == expected


def test_keys_are_the_same_before_and_after_normalize() -> None:
    raw = "Пyтин\u00a0и Pu\u200btin   встретились\r\n\r\nв Баку."
    assert search_keys(raw, "ru") == search_keys(normalize(raw), "ru")
    assert search_keys("Пyтин", "ru") == search_keys("Путин", "ru")


def test_query_words_line_up_with_their_alternatives() -> None:
    alternatives = query_alternatives("Алиев Нагорно-Карабахский", ["ru", "az"])
    assert len(alternatives) == 3
    assert {"алиев", "ал"} <= alternatives[0]
    assert "нагорно" in alternatives[1]
    assert "карабахск" in alternatives[2]


def test_query_alternatives_cover_every_language_and_none() -> None:
    (alternatives,) = query_alternatives("Putin'e", ["tr", "en"])
    assert {"putine", "putin", "put"} <= alternatives


@given(st.text(), st.sampled_from(LANGUAGES))
def test_keys_only_contain_letters_and_digits(text: str, language: str | None) -> None:
    keys = search_keys(text, language)
    assert keys == keys.strip()
    for term in keys.split(" ") if keys else []:
        assert TERM.fullmatch(term), term
        assert len(term) >= 2


@given(st.text(), st.lists(st.sampled_from(["ru", "az", "en", "tr", "fa"]), max_size=3))
def test_alternatives_are_non_empty_sets_of_terms(query: str, languages: list[str]) -> None:
    for options in query_alternatives(query, languages):
        assert options
        assert all(TERM.fullmatch(term) for term in options)


def test_azerbaijani_cyrillic_and_latin_share_keys() -> None:
    assert search_keys("Илһам Әлијев Бакыда", "az") == search_keys("İlham Əliyev Bakıda", "az")
