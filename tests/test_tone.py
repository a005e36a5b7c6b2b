"""Directed tone: lexicons load, gold sentences score with the expected sign, overrides re-score."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.errors import InputError
from dyadwatch.text.sentences import split_sentences
from dyadwatch.tone import DirectedTone, ToneLexiconError, directed_tone, lexicon_for, tone_words
from dyadwatch.tone.lexicon import HOSTILE, WARM

GOLD = Path(__file__).parent / "gold" / "tone"
LANGUAGES = ("ru", "az", "en", "tr", "fa")
# Measured on the gold files: every language is at 1.0 except Azerbaijani (22/23; the verb-internal
# negation of "hədələmədi" is not seen, a stated limit of the scorer).
ACCURACY_FLOOR = 0.9
MIN_ENTRIES = 60


def _gold(language: str) -> list[dict[str, Any]]:
    lines = (GOLD / f"{language}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _mentions(item: dict[str, Any]) -> list[tuple[str, int, int]]:
    if "mentions" in item:
        return [(state, start, end) for state, start, end in item["mentions"]]
    start = item["text"].index(item["mention"])
    return [(item["about"], start, start + len(item["mention"]))]


def _score(
    text: str, language: str, mentions: list[tuple[str, int, int]], overrides: Path | None = None
) -> dict[str, DirectedTone]:
    lexicon = lexicon_for(language, overrides)
    tones = directed_tone(text, split_sentences(text, language), language, mentions, lexicon)
    return {tone.about: tone for tone in tones}


def _about(text: str, language: str, state: str, mention: str, overrides: Path | None = None) -> DirectedTone:
    start = text.index(mention)
    return _score(text, language, [(state, start, start + len(mention))], overrides)[state]


@pytest.mark.parametrize("language", LANGUAGES)
def test_package_lexicon_is_large_enough_and_has_negators(language: str) -> None:
    lexicon = lexicon_for(language)
    assert len(lexicon) >= MIN_ENTRIES
    assert {entry.polarity for entry in lexicon.entries.values()} == {HOSTILE, WARM}
    assert {negator.side for negator in lexicon.negators} <= {"before", "after"}
    assert lexicon.negators


@pytest.mark.parametrize("language", LANGUAGES)
def test_gold_signs(language: str) -> None:
    items = _gold(language)
    assert len(items) >= 20
    assert {item["expected"] for item in items} == {"hostile", "warm", "neutral"}
    misses = []
    for item in items:
        tone = _score(item["text"], language, _mentions(item))[item["about"]]
        if tone.label != item["expected"]:
            misses.append((item["id"], item["expected"], tone.score))
    assert 1 - len(misses) / len(items) >= ACCURACY_FLOOR, misses


@pytest.mark.parametrize("language", LANGUAGES)
def test_gold_words_have_exact_spans(language: str) -> None:
    for item in _gold(language):
        tone = _score(item["text"], language, _mentions(item))[item["about"]]
        for word in tone.words:
            matched = item["text"][word.start : word.end]
            assert matched and matched == matched.strip()
            assert not (item["text"][word.end : word.end + 1].isalpha())


def test_words_report_term_weight_and_span() -> None:
    text = "Москва назвала учения Баку провокацией и шантажом."
    tone = _about(text, "ru", "AZE", "Баку")
    assert [(w.term, text[w.start : w.end], w.weight, w.negated) for w in tone.words] == [
        ("провокаци*", "провокацией", 2.0, False),
        ("шантаж*", "шантажом", 2.5, False),
    ]
    assert tone.hostile == 4.5 and tone.warm == 0
    assert tone.score == pytest.approx(-4.5 / 5.5)
    assert tone.sentences == 1


@pytest.mark.parametrize(
    ("language", "text", "mention"),
    [
        ("ru", "Учения Баку не провокация, заявил министр.", "Баку"),
        ("en", "The drills by Baku are not a provocation.", "Baku"),
        ("az", "Bakının təlimi provokasiya deyil.", "Bakının"),
        ("tr", "Bakü'nün tatbikatı provokasyon değil.", "Bakü'nün"),
        ("fa", "رزمایش باکو تحریک نیست.", "باکو"),
    ],
)
def test_negation_cancels_the_term(language: str, text: str, mention: str) -> None:
    tone = _about(text, language, "AZE", mention)
    assert [word.negated for word in tone.words] == [True]
    assert tone.score == 0


def test_negator_cancels_only_the_next_term_in_its_clause() -> None:
    text = "Это не провокация, а агрессия Баку."
    tone = _about(text, "ru", "AZE", "Баку")
    assert [(text[w.start : w.end], w.negated) for w in tone.words] == [("провокация", True), ("агрессия", False)]
    assert tone.label == HOSTILE


def test_azerbaijani_scripts_score_alike() -> None:
    latin = _about("Moskvanın təxribatı ciddi etiraza səbəb oldu.", "az", "RUS", "Moskvanın")
    cyrillic = _about("Мосгванын тәхрибаты ҹидди етираза сәбәб олду.", "az", "RUS", "Мосгванын")
    assert latin.score == cyrillic.score < 0
    assert [w.term for w in latin.words] == [w.term for w in cyrillic.words]


@pytest.mark.parametrize("spelling", ["تحریک‌آمیز", "تحریک آمیز", "تحریکآمیز"])
def test_persian_zwnj_spellings(spelling: str) -> None:
    text = f"اقدام مسکو {spelling} بود."
    tone = _about(text, "fa", "RUS", "مسکو")
    assert tone.label == HOSTILE
    assert text[tone.words[0].start : tone.words[0].end].startswith("تحریک")


def test_two_states_in_one_sentence_are_scored_separately() -> None:
    text = "Baku praised Ankara as a brotherly ally, while it accused Moscow of aggression."
    mentions = [
        (state, text.index(name), text.index(name) + len(name))
        for state, name in [("TUR", "Ankara"), ("RUS", "Moscow")]
    ]
    tones = _score(text, "en", mentions)
    assert tones["TUR"].label == WARM and tones["RUS"].label == HOSTILE
    assert {w.term for w in tones["TUR"].words} == {"brotherly", "ally"}
    assert {w.term for w in tones["RUS"].words} == {"accuse*", "aggression"}


def test_next_sentence_without_a_state_counts_for_the_previous_one() -> None:
    text = "Министр прокомментировал заявление Баку. Он назвал его провокацией. Погода была хорошей."
    tone = _about(text, "ru", "AZE", "Баку")
    assert tone.sentences == 1
    assert [w.term for w in tone.words] == ["провокаци*"]


def test_no_words_scores_zero_and_is_deterministic() -> None:
    text = "Делегация Азербайджана прибыла в Казань."
    first = _about(text, "ru", "AZE", "Азербайджана")
    assert first.score == 0 and first.words == () and first.label == "neutral"
    assert first == _about(text, "ru", "AZE", "Азербайджана")


def test_override_removes_and_changes_entries(tmp_path: Path) -> None:
    text = "Москва назвала учения Баку провокацией и шантажом."
    base = _about(text, "ru", "AZE", "Баку")
    (tmp_path / "tone.tsv").write_text("# analyst fixes\nпровокаци*\thostile\t0\n", encoding="utf-8")
    removed = _about(text, "ru", "AZE", "Баку", tmp_path)
    assert [w.term for w in removed.words] == ["шантаж*"]
    assert removed.score > base.score
    (tmp_path / "tone.tsv").write_text("провокаци*\thostile\t3\nшантажом\twarm\t1\n", encoding="utf-8")
    changed = _about(text, "ru", "AZE", "Баку", tmp_path)
    assert [(w.term, w.polarity, w.weight) for w in changed.words] == [
        ("провокаци*", HOSTILE, 3.0),
        ("шантажом", WARM, 1.0),
    ]
    assert changed.score > base.score
    fingerprints = {lexicon_for("ru").fingerprint, lexicon_for("ru", tmp_path).fingerprint}
    (tmp_path / "tone.tsv").write_text("!neg\tне\toff\n", encoding="utf-8")
    fingerprints.add(lexicon_for("ru", tmp_path).fingerprint)
    assert len(fingerprints) == 3
    assert lexicon_for("ru").fingerprint == lexicon_for("ru", tmp_path / "missing").fingerprint
    negated = _about("Это не провокация Баку.", "ru", "AZE", "Баку", tmp_path)
    assert negated.label == HOSTILE


@pytest.mark.parametrize(
    ("content", "line", "field"),
    [
        ("провокаци*\tвражда\t2\n", 1, "polarity"),
        ("# header\n\nугроз*\thostile\tmany\n", 3, "weight"),
        ("угроз*\thostile\t7\n", 1, "weight"),
        ("угроз*\thostile\n", 1, "columns"),
        ("угроз*\thostile\t1\nугроз*\twarm\t1\n", 2, "term"),
        ("!neg\tне\tsomewhere\n", 1, "side"),
        ("!neg\tни разу\tbefore\n", 1, "word"),
    ],
)
def test_bad_lines_name_file_line_and_field(tmp_path: Path, content: str, line: int, field: str) -> None:
    path = tmp_path / "tone.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ToneLexiconError) as caught:
        lexicon_for("ru", tmp_path)
    error = caught.value
    assert isinstance(error, InputError)
    assert (error.path, error.line, error.field) == (str(path), line, field)
    assert str(path) in str(error) and f"line {line}" in str(error) and f"'{field}'" in str(error)


def test_tone_words_without_states() -> None:
    words = tone_words("A brotherly ally, not an enemy.", lexicon_for("en"))
    assert [(w.term, w.negated) for w in words] == [("brotherly", False), ("ally", False), ("enemy", True)]
