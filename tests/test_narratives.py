"""Narratives as data: the package file, the loader's errors, CSV import and the gold sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.errors import InputError
from dyadwatch.narratives import (
    Narrative,
    NarrativeFileError,
    NarrativeHit,
    builtin_narratives,
    matcher_for,
    parse_narratives,
    read_narrative_file,
)
from dyadwatch.text.normalize import normalize

LANGUAGES = ("ru", "az", "en", "tr", "fa")
GOLD = Path(__file__).parent / "gold" / "narratives"
REQUIRED = {
    "western-machinations", "russophobia", "criminal-diaspora",
    "brotherly-peoples", "unavoidable-alliance", "sanctions-window",
}


def gold(language: str) -> list[tuple[str, set[str]]]:
    lines = (GOLD / f"{language}.jsonl").read_text(encoding="utf-8").splitlines()
    return [(row["text"], set(row["narratives"])) for row in map(json.loads, lines)]


def test_package_narratives_have_phrases_in_all_five_languages() -> None:
    narratives = builtin_narratives()
    assert REQUIRED <= {n.id for n in narratives}
    for narrative in narratives:
        assert narrative.origin == "package" and narrative.name and narrative.description
        for language in LANGUAGES:
            assert 8 <= len(narrative.phrases.get(language, ())) <= 20, (narrative.id, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_package_phrase_finds_its_own_narrative(language: str) -> None:
    matcher = matcher_for(builtin_narratives(), language)
    for narrative in builtin_narratives():
        for phrase in narrative.phrases[language]:
            text = normalize(phrase)
            assert [h.narrative for h in matcher.find(text)] == [narrative.id], phrase


@pytest.mark.parametrize("language", LANGUAGES)
def test_gold_sentences_yield_exactly_the_expected_narratives(language: str) -> None:
    rows = gold(language)
    assert len(rows) >= 20
    assert sum(not expected for _, expected in rows) >= 6
    matcher = matcher_for(builtin_narratives(), language)
    wrong = [(text, expected, matcher.narratives_in(normalize(text)))
             for text, expected in rows if matcher.narratives_in(normalize(text)) != expected]
    assert wrong == []


def test_gold_covers_both_azerbaijani_scripts_and_persian_zwnj_spellings() -> None:
    az = [text for text, expected in gold("az") if expected]
    assert sum(any("\u0400" <= c <= "\u04ff" for c in text) for text in az) >= 3
    fa = [text for text, expected in gold("fa") if "russophobia" in expected]
    assert any("روس\u200cهراسی" in t for t in fa) and any("روسهراسی" in t for t in fa)
    assert any("روس هراسی" in t for t in fa)


def test_hits_carry_phrase_and_span() -> None:
    text = "Эксперты снова заговорили о кознях Запада."
    assert matcher_for(builtin_narratives(), "ru").find(text) == [
        NarrativeHit("western-machinations", "козни Запада", 28, 41),
    ]
    assert text[28:41] == "кознях Запада"


def test_matcher_for_is_cached_per_content_and_language() -> None:
    narratives = builtin_narratives()
    assert matcher_for(narratives, "ru") is matcher_for(list(narratives), "ru")
    assert matcher_for(narratives, "ru") is not matcher_for(narratives, "en")
    assert matcher_for(narratives[:2], "ru") is not matcher_for(narratives, "ru")


_GOOD = """\
narratives:
  - id: test-frame
    name: Test frame
    description: A frame for tests.
    phrases:
      en: [brotherly people]
"""


def test_yaml_file_reads_as_user_narratives(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(_GOOD, encoding="utf-8")
    assert read_narrative_file(path) == [
        Narrative("test-frame", "Test frame", "A frame for tests.", {"en": ("brotherly people",)}, "user"),
    ]


@pytest.mark.parametrize(("text", "line", "field", "problem"), [
    (_GOOD.replace("      en:", "      xx:"), 6, "phrases.xx", "unknown language"),
    (_GOOD.replace("[brotherly people]", "[brotherly people, '']"), 6, "phrases.en", "empty"),
    (_GOOD.replace("[brotherly people]", "[]"), 6, "phrases.en", "non-empty list"),
    (_GOOD.replace("    name: Test frame\n", ""), 2, "name", "is required"),
    (_GOOD.replace("id: test-frame", "id: Test Frame"), 2, "id", "may hold only"),
    (_GOOD.replace("      en: [brotherly people]\n", ""), 5, "phrases", "must map"),
    (_GOOD + _GOOD.split("narratives:\n")[1], 7, "id", "appears twice (first on line 2)"),
    ("narratives:\n  - id: [unclosed\n", 3, None, "not valid YAML"),
    ("narratives:\n  - just text\n", 2, None, "must be a mapping"),
])
def test_yaml_errors_name_file_line_and_field(text: str, line: int, field: str | None, problem: str) -> None:
    with pytest.raises(NarrativeFileError) as caught:
        parse_narratives("mine.yaml", text)
    error = caught.value
    assert isinstance(error, InputError)
    assert (error.path, error.line, error.field) == ("mine.yaml", line, field)
    assert problem in str(error) and "mine.yaml" in str(error)


_CSV = """\
id,name,description,language,phrase
test-frame,Test frame,A frame for tests.,en,brotherly people
test-frame,,,en,fraternal nation | brother nation
test-frame,,,ru,братский народ
other,Other,Another frame.,tr,kardeş halk
"""


def test_csv_rows_are_gathered_per_narrative(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(_CSV, encoding="utf-8")
    first, second = read_narrative_file(path)
    assert first.phrases == {"en": ("brotherly people", "fraternal nation", "brother nation"), "ru": ("братский народ",)}
    assert (second.id, second.phrases) == ("other", {"tr": ("kardeş halk",)})
    assert [h.narrative for h in matcher_for([first, second], "en").find("two brother nations")] == ["test-frame"]


@pytest.mark.parametrize(("text", "line", "field", "problem"), [
    (_CSV.replace(",en,fraternal", ",xx,fraternal"), 3, "phrases.xx", "unknown language"),
    (_CSV.replace("fraternal nation | brother nation", "fraternal nation ||"), 3, "phrase", "empty phrase"),
    (_CSV.replace("test-frame,,,ru", "test-frame,Renamed,,ru"), 4, "name", "differs from line 2"),
    (_CSV.replace("other,Other,Another frame.,tr", "other,,Another frame.,tr"), 5, "name", "is required"),
    (_CSV.replace(",ru,", ",,"), 4, "language", "is required"),
    (_CSV.replace("id,name,", "key,name,"), 1, "id", "column missing"),
    (_CSV + "other,Other,Another frame.,tr,a,b\n", 6, None, "more cells"),
])
def test_csv_errors_name_file_line_and_field(text: str, line: int, field: str | None, problem: str) -> None:
    with pytest.raises(NarrativeFileError) as caught:
        parse_narratives("mine.csv", text)
    assert (caught.value.path, caught.value.line, caught.value.field) == ("mine.csv", line, field)
    assert problem in str(caught.value)


def test_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(NarrativeFileError, match="cannot be read"):
        read_narrative_file(tmp_path / "missing.yaml")
