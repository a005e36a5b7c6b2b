"""Inflection-aware phrase matching (``dyadwatch.text.phrases``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.text.phrases import PhraseHit, PhraseIndex, index_for


def spans(index: PhraseIndex, text: str) -> list[tuple[str, str]]:
    return [(hit.key, text[hit.start:hit.end]) for hit in index.find(text)]


@pytest.mark.parametrize(("language", "phrase", "text", "expected"), [
    ("ru", "русофобия", "Волна русофобии нарастает.", "русофобии"),
    ("ru", "русофобия", "Он называет это русофобией.", "русофобией"),
    ("ru", "братский народ", "Речь шла о братском народе.", "братском народе"),
    ("ru", "братские народы", "Связи братских народов крепнут.", "братских народов"),
    ("az", "qardaş xalq", "Qardaş xalqların birliyi vacibdir.", "Qardaş xalqların"),
    ("az", "Rusiya imperiyası", "Rusiya imperiyasının irsi.", "Rusiya imperiyasının"),
    ("en", "brotherly people", "Two brotherly peoples met.", "brotherly peoples"),
    ("en", "Western machination", "Western machinations again.", "Western machinations"),
    ("tr", "kardeş halk", "Kardeş halkların dostluğu.", "Kardeş halkların"),
    ("tr", "Rus düşmanlığı", "Rus düşmanlığının yükselişi.", "Rus düşmanlığının"),
    ("fa", "کشور برادر", "کشورهای برادر گفتگو کردند.", "کشورهای برادر"),
])
def test_phrase_words_match_their_inflected_forms(language: str, phrase: str, text: str, expected: str) -> None:
    assert spans(PhraseIndex([("k", phrase)], language), text) == [("k", expected)]


def test_cyrillic_azerbaijani_text_matches_a_latin_phrase() -> None:
    index = PhraseIndex([("k", "qardaş xalq")], "az")
    assert spans(index, "Гардаш халгларын бирлији.") == [("k", "Гардаш халгларын")]


@pytest.mark.parametrize("text", ["موج روس‌هراسی", "موج روسهراسی", "موج روس هراسی", "موج روسهراسي"])
def test_persian_phrase_matches_with_and_without_zwnj(text: str) -> None:
    hits = PhraseIndex([("k", "روس‌هراسی")], "fa").find(text)
    assert [(h.key, text[h.start:h.end]) for h in hits] == [("k", text[4:])]


def test_prefix_word_matches_any_continuation() -> None:
    index = PhraseIndex([("p", "провокаци*"), ("q", "западные провокаци*")], "ru")
    text = "Провокационные заявления и западные провокаторы... нет, западные провокации."
    assert spans(index, text) == [("p", "Провокационные"), ("q", "западные провокации")]
    assert spans(index, "провокатор") == []


def test_longest_match_wins_and_hits_do_not_overlap() -> None:
    index = PhraseIndex([("short", "братский народ"), ("long", "два братских народа"), ("one", "народ")], "ru")
    text = "Два братских народа и братский народ, и просто народ."
    assert spans(index, text) == [("long", "Два братских народа"), ("short", "братский народ"), ("one", "народ")]


def test_hits_carry_key_phrase_and_exact_spans() -> None:
    text = "Say no to Western machinations."
    hits = PhraseIndex([("wm", "western machination")], "en").find(text)
    assert hits == [PhraseHit("wm", "western machination", 10, 30)]
    assert text[10:30] == "Western machinations"


def test_turkish_apostrophe_ending_is_cut() -> None:
    index = PhraseIndex([("k", "Batı entrikası")], "tr")
    assert spans(index, "Batı'nın entrikası") == [("k", "Batı'nın entrikası")]


def test_first_phrase_keeps_a_duplicate() -> None:
    index = PhraseIndex([("a", "brotherly people"), ("b", "Brotherly  people")], "en")
    assert [h.key for h in index.find("brotherly people")] == ["a"]


def test_index_for_is_cached_by_content() -> None:
    first = index_for([("k", "русофобия")], "ru")
    assert index_for((("k", "русофобия"),), "ru") is first
    assert index_for([("k", "русофобия")], "en") is not first
    assert index_for([("j", "русофобия")], "ru") is not first


_INDEXES = {
    "ru": PhraseIndex([("a", "русофобия"), ("b", "провокаци*"), ("c", "братский народ")], "ru"),
    "az": PhraseIndex([("a", "qardaş xalq"), ("b", "təxribat*")], "az"),
    "fa": PhraseIndex([("a", "روس‌هراسی"), ("b", "کشور برادر")], "fa"),
}
_WORDS = ["русофобии", "провокация", "братский", "народа", "qardaş", "xalqlar", "Гардаш", "روس", "هراسی",
          "\u200c", "'", "*", " ", ".", "İ", "ı"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=30), st.sampled_from(sorted(_INDEXES)))
def test_random_text_never_raises_and_hits_are_ordered(parts: list[str], language: str) -> None:
    text = " ".join(parts)
    hits = _INDEXES[language].find(text)
    previous_end = 0
    for hit in hits:
        assert 0 <= previous_end <= hit.start < hit.end <= len(text)
        previous_end = hit.end
