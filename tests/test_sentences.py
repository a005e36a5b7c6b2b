"""split_sentences: span properties and gold splits per language."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.text.sentences import split_sentences

LANGUAGES = [None, "ru", "az", "en", "tr", "fa", "uk", "hy", "ka", "de"]
sentence_like = st.text(alphabet=st.sampled_from(list("aZбЮəİı.!?…؟۔։:»”\")’' \n\t\r0123456789гтеMrDrвs")), max_size=80)


def sentences(text: str, language: str | None) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, language)]


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    covered: set[int] = set()
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered.update(range(start, end))
        previous_end = end
    assert {i for i, char in enumerate(text) if not char.isspace()} <= covered


@settings(max_examples=300)
@given(st.one_of(st.text(), sentence_like), st.sampled_from(LANGUAGES))
def test_spans_are_ordered_in_bounds_disjoint_trimmed_and_cover_the_text(text: str, language: str | None) -> None:
    check_spans(text, split_sentences(text, language))


def test_empty_and_blank_text() -> None:
    assert split_sentences("", "ru") == []
    assert split_sentences(" \n\n\t ", None) == []


def test_spans_point_into_the_original_text() -> None:
    text = "  Первое предложение.   Второе!  "
    assert split_sentences(text, "ru") == [(2, 21), (24, 31)]
    assert text[2:21] == "Первое предложение." and text[24:31] == "Второе!"


def test_russian_abbreviations_initials_and_numbers() -> None:
    text = (
        "В 2025 г. Москва и Баку, т.е. две столицы, подписали меморандум. "
        "В. Путин и И. Алиев встретились 12.06.2025 в 3.5 км от границы! "
        "«Почему так поздно?» — спросил журналист. Ответа не было…\n\n"
        "Новый абзац без точки\nи его продолжение"
    )
    assert sentences(text, "ru") == [
        "В 2025 г. Москва и Баку, т.е. две столицы, подписали меморандум.",
        "В. Путин и И. Алиев встретились 12.06.2025 в 3.5 км от границы!",
        "«Почему так поздно?» — спросил журналист.",
        "Ответа не было…",
        "Новый абзац без точки\nи его продолжение",
    ]


def test_english_titles_and_dotted_initialisms() -> None:
    text = "Mr. Smith met Dr. Jones on St. George Street. They spoke about the U.S. Senate. V. Putin was absent."
    assert sentences(text, "en") == [
        "Mr. Smith met Dr. Jones on St. George Street.",
        "They spoke about the U.S. Senate.",
        "V. Putin was absent.",
    ]


def test_closing_quotes_and_brackets_belong_to_the_sentence() -> None:
    text = 'He said: "We will not sign." (The talks ended.) Then he left.'
    assert sentences(text, "en") == ['He said: "We will not sign."', "(The talks ended.)", "Then he left."]
    text = "Он заявил: «Переговоры продолжатся». Потом уехал."
    assert sentences(text, "ru") == ["Он заявил: «Переговоры продолжатся».", "Потом уехал."]


def test_no_split_before_a_lower_case_word() -> None:
    text = "Он сказал «нет!» и ушёл. Что теперь? наверное, ничего."
    assert sentences(text, "ru") == ["Он сказал «нет!» и ушёл.", "Что теперь? наверное, ничего."]


def test_azerbaijani_abbreviations_and_initials() -> None:
    text = (
        "Naxçıvan, Gəncə və s. Şəhərlərdə seçkilər keçirilib. Prezident İ. Əliyev çıxış edib. "
        "Ətraflı məlumat üçün b. Səhifəyə baxın. Yeni qərar qəbul olunub!"
    )
    assert sentences(text, "az") == [
        "Naxçıvan, Gəncə və s. Şəhərlərdə seçkilər keçirilib.",
        "Prezident İ. Əliyev çıxış edib.",
        "Ətraflı məlumat üçün b. Səhifəyə baxın.",
        "Yeni qərar qəbul olunub!",
    ]


def test_azerbaijani_cyrillic() -> None:
    text = "Президент И. Әлијев Бакыда чыхыш едиб. Ҝөрүш ики саат давам едиб."
    assert sentences(text, "az") == ["Президент И. Әлијев Бакыда чыхыш едиб.", "Ҝөрүш ики саат давам едиб."]


def test_turkish() -> None:
    text = "Prof. Dr. Ahmet Yılmaz Ankara'ya gitti. Erdoğan, Putin'le görüştü vb. Konular ele alındı."
    assert sentences(text, "tr") == [
        "Prof. Dr. Ahmet Yılmaz Ankara'ya gitti.",
        "Erdoğan, Putin'le görüştü vb. Konular ele alındı.",
    ]


def test_persian_question_mark_and_full_stop() -> None:
    text = "آیا این توافق اجرا می‌شود؟ مقام‌ها امیدوارند. نشست بعدی در تهران است۔ پایان"
    assert sentences(text, "fa") == [
        "آیا این توافق اجرا می‌شود؟",
        "مقام‌ها امیدوارند.",
        "نشست بعدی در تهران است۔",
        "پایان",
    ]


def test_armenian_full_stop_and_colon() -> None:
    text = "Նախարարը ժամանել է Թբիլիսի։ Բանակցությունները կշարունակվեն: Վաղը կլինի նոր հանդիպում"
    assert sentences(text, "hy") == [
        "Նախարարը ժամանել է Թբիլիսի։",
        "Բանակցությունները կշարունակվեն:",
        "Վաղը կլինի նոր հանդիպում",
    ]


def test_georgian_has_no_capitals_yet_splits() -> None:
    text = "მინისტრი თბილისში ჩავიდა. მოლაპარაკებები ხვალ გაგრძელდება."
    assert sentences(text, "ka") == ["მინისტრი თბილისში ჩავიდა.", "მოლაპარაკებები ხვალ გაგრძელდება."]


def test_abbreviations_are_per_language_and_all_when_unknown() -> None:
    text = "Dr. Aliyev arrived. He spoke."
    assert sentences(text, "ru") == ["Dr.", "Aliyev arrived.", "He spoke."]
    assert sentences(text, "en") == ["Dr. Aliyev arrived.", "He spoke."]
    assert sentences(text, None) == ["Dr. Aliyev arrived.", "He spoke."]
    assert sentences(text, "EN") == ["Dr. Aliyev arrived.", "He spoke."]


def test_ellipsis_and_repeated_marks() -> None:
    text = "Неужели?! Да... Посмотрим."
    assert sentences(text, "ru") == ["Неужели?!", "Да...", "Посмотрим."]


def test_paragraph_break_always_ends_a_sentence() -> None:
    text = "Заголовок без точки\n\nТекст статьи начинается здесь. И продолжается.\n \n"
    assert sentences(text, "ru") == ["Заголовок без точки", "Текст статьи начинается здесь.", "И продолжается."]
