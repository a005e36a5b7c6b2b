"""LanguageIdentifier: gold sentences per language, Cyrillic Azerbaijani, edge cases."""

from __future__ import annotations

import pytest

from dyadwatch.errors import ConfigError
from dyadwatch.lang import available_languages, language_file
from dyadwatch.text.langid import MAX_CHARS, LanguageIdentifier

WORKSPACE_LANGUAGES = ["ru", "az", "en", "tr", "fa", "uk"]

# News-style sentences written for these tests.
GOLD = [
    (
        "ru",
        "Министерство иностранных дел Азербайджана в понедельник вызвало посла России, чтобы выразить "
        "протест против задержания граждан в Екатеринбурге.",
    ),
    (
        "ru",
        "По данным пограничной службы, очередь грузовиков на переходе Верхний Ларс за выходные выросла "
        "почти до двух тысяч машин.",
    ),
    (
        "az",
        "Azərbaycan Xarici İşlər Nazirliyi bazar ertəsi Rusiyanın səfirini nazirliyə çağıraraq "
        "Yekaterinburqda saxlanılan vətəndaşlarla bağlı etirazını bildirib.",
    ),
    (
        "az",
        "Prezident İlham Əliyev Gürcüstanın baş naziri ilə telefon danışığında iki ölkə arasında dəmir "
        "yolu əlaqələrinin genişləndirilməsini müzakirə edib.",
    ),
    (
        "az",
        "Азәрбајҹан Хариҹи Ишләр Назирлији базар ертәси Русијанын сәфирини назирлијә чағырараг "
        "Јекатеринбургда сахланылан вәтәндашларла бағлы етиразыны билдириб.",
    ),
    (
        "az",
        "Президент Илһам Әлијев Ҝүрҹүстанын баш назири илә телефон данышығында ики өлкә арасында "
        "дәмир јолу әлагәләринин ҝенишләндирилмәсини мүзакирә едиб.",
    ),
    (
        "en",
        "The Azerbaijani foreign ministry summoned the Russian ambassador on Monday to protest against "
        "the detention of its citizens in Yekaterinburg.",
    ),
    (
        "en",
        "Border officials said the queue of lorries at the mountain crossing had grown to almost two "
        "thousand vehicles over the weekend.",
    ),
    (
        "tr",
        "Azerbaycan Dışişleri Bakanlığı pazartesi günü Rusya'nın Bakü Büyükelçisini bakanlığa çağırarak "
        "Yekaterinburg'da gözaltına alınan vatandaşlarla ilgili tepkisini iletti.",
    ),
    (
        "tr",
        "Sınır yetkilileri, dağ geçidindeki tır kuyruğunun hafta sonu boyunca yaklaşık iki bin araca "
        "ulaştığını açıkladı.",
    ),
    (
        "fa",
        "وزارت امور خارجه جمهوری آذربایجان روز دوشنبه سفیر روسیه را احضار کرد و به بازداشت شهروندان "
        "این کشور در یکاترینبورگ اعتراض کرد.",
    ),
    (
        "fa",
        "به گفته مقام‌های مرزی، صف کامیون‌ها در گذرگاه کوهستانی در پایان هفته به نزدیک دو هزار خودرو رسید.",
    ),
    (
        "uk",
        "Міністерство закордонних справ Азербайджану в понеділок викликало посла Росії, щоб висловити "
        "протест проти затримання громадян у Єкатеринбурзі.",
    ),
]


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier(WORKSPACE_LANGUAGES)


@pytest.mark.parametrize(("expected", "text"), GOLD)
def test_gold_sentences(identifier: LanguageIdentifier, expected: str, text: str) -> None:
    assert len(text.split()) >= 15
    assert identifier.detect(text) == expected


def test_detect_many_agrees_with_detect(identifier: LanguageIdentifier) -> None:
    texts = [text for _, text in GOLD] + ["", "2025"]
    assert identifier.detect_many(texts) == [expected for expected, _ in GOLD] + [None, None]
    assert identifier.detect_many([]) == []


@pytest.mark.parametrize("text", ["", "   ", "12 345 678", "12.06.2025, 14:30", "!!! ???", "Да"])
def test_no_verdict_without_enough_letters(identifier: LanguageIdentifier, text: str) -> None:
    assert identifier.detect(text) is None


def test_cyrillic_azerbaijani_needs_az_in_the_set(identifier: LanguageIdentifier) -> None:
    cyrillic_az = GOLD[4][1]
    assert identifier.detect(cyrillic_az) == "az"
    assert LanguageIdentifier(["ru", "uk", "en"]).detect(cyrillic_az) in {"ru", "uk"}


def test_russian_with_a_stray_marker_letter_stays_russian(identifier: LanguageIdentifier) -> None:
    russian = GOLD[0][1].replace("посла", "посла һ", 1)
    assert identifier.detect(russian) == "ru"


def test_only_the_start_of_a_long_text_is_read(identifier: LanguageIdentifier) -> None:
    russian = GOLD[0][1]
    english = GOLD[6][1]
    head = (russian + " ") * (MAX_CHARS // len(russian) + 1)
    assert identifier.detect(head + english * 20) == "ru"


def test_codes_come_back_lower_case_iso_639_1() -> None:
    identifier = LanguageIdentifier(["RU", " En "])
    assert identifier.languages == ("en", "ru")
    assert identifier.detect(GOLD[6][1]) == "en"


def test_a_single_language_is_the_verdict_for_any_text_with_letters() -> None:
    identifier = LanguageIdentifier(["tr"])
    assert identifier.detect(GOLD[9][1]) == "tr"
    assert identifier.detect("12 345") is None


def test_detectors_are_built_once_per_language_set() -> None:
    first = LanguageIdentifier(["ru", "az", "en"])
    second = LanguageIdentifier(["en", "ru", "az", "ru"])
    assert first._detector is second._detector


@pytest.mark.parametrize("languages", [[], ["xx"], ["ru", "russian"]])
def test_bad_language_lists_raise_config_error(languages: list[str]) -> None:
    with pytest.raises(ConfigError):
        LanguageIdentifier(languages)


def test_every_language_folder_sample_is_recognised() -> None:
    languages = available_languages()
    identifier = LanguageIdentifier(languages)
    for iso in languages:
        text = language_file(iso, "samples.txt").read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line and not line.startswith("#")]
        assert identifier.detect_many(lines) == [iso] * len(lines), iso
