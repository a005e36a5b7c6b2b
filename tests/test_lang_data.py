"""Every language folder loads, has its files, and its data are well formed."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path

import pytest
import Stemmer

import dyadwatch.lang as lang
from dyadwatch.errors import ConfigError
from dyadwatch.lang import LanguageData, available_languages, language_data, language_file, required_files
from dyadwatch.text.normalize import script_class

LANGUAGES = available_languages()
KEY_CHAR = re.compile(r"[^\W_]")


def test_the_expected_languages_are_there() -> None:
    assert {"ru", "az", "en", "tr", "fa", "uk", "hy", "ka"} <= set(LANGUAGES)


@pytest.mark.parametrize("iso", LANGUAGES)
def test_folder_has_required_files_and_loads(iso: str) -> None:
    for name in required_files():
        assert language_file(iso, name).is_file(), f"{iso}/{name} missing"
    data = language_data(iso)
    assert isinstance(data, LanguageData)
    assert data.iso == iso
    assert data.name
    assert script_class(data.script)


@pytest.mark.parametrize("iso", LANGUAGES)
def test_stemming_is_configured_consistently(iso: str) -> None:
    data = language_data(iso)
    if data.stemmer is not None:
        assert data.stemmer in Stemmer.algorithms()
    lengths = [len(suffix) for suffix in data.suffixes]
    assert lengths == sorted(lengths, reverse=True)
    assert len(set(data.suffixes)) == len(data.suffixes)
    assert data.min_stem_length >= 2
    assert data.apostrophe in ("cut", "join")


@pytest.mark.parametrize("iso", LANGUAGES)
def test_abbreviations_are_lower_case_without_final_dot(iso: str) -> None:
    for abbreviation in language_data(iso).abbreviations:
        assert abbreviation == abbreviation.lower()
        assert not abbreviation.endswith(".")
        assert abbreviation.strip() == abbreviation


@pytest.mark.parametrize("iso", LANGUAGES)
def test_char_map_maps_letters_to_letters(iso: str) -> None:
    """Keys and values stay word characters, so folding never splits or joins words."""
    for source, target in language_data(iso).char_map.items():
        assert len(source) == 1 and KEY_CHAR.fullmatch(source)
        assert all(KEY_CHAR.fullmatch(char) for char in target)


@pytest.mark.parametrize("iso", LANGUAGES)
def test_samples_are_present_and_long_enough(iso: str) -> None:
    resource = language_file(iso, "samples.txt")
    lines = [line for line in resource.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    assert len(lines) >= 2
    assert all(len(line.split()) >= 8 for line in lines)


def test_specific_settings() -> None:
    assert language_data("ru").stemmer == "russian"
    assert language_data("tr").stemmer == "turkish"
    assert language_data("en").stemmer == "english"
    assert language_data("fa").stemmer == "persian"
    assert language_data("hy").stemmer == "armenian"
    az = language_data("az")
    assert az.stemmer is None
    assert "lərin" in az.suffixes and "ların" in az.suffixes
    assert az.suffixes.index("lərin") < az.suffixes.index("in")
    assert az.apostrophe == "cut" and language_data("tr").apostrophe == "cut"
    assert az.lowercase_map == {"I": "ı", "İ": "i"}
    assert az.marker_script == "Cyrl" and "ә" in az.markers and "ҹ" in az.markers
    assert 0 < az.marker_share < 1
    assert language_data("fa").char_map["\u064a"] == "\u06cc"
    assert language_data("fa").char_map["\u0643"] == "\u06a9"
    assert language_data("fa").char_map["\u0640"] == ""
    assert "г" in language_data("ru").abbreviations and "т.е" in language_data("ru").abbreviations
    assert {"mr", "dr", "st"} <= language_data("en").abbreviations
    assert {"və s", "b"} <= az.abbreviations
    assert language_data("hy").extra_terminals == ":"


def test_language_data_is_cached_and_accepts_upper_case() -> None:
    assert language_data("ru") is language_data("ru")
    assert language_data("RU").iso == "ru"


@pytest.mark.parametrize("code", ["de", "xx", "", "../ru", "r"])
def test_unknown_language_names_the_known_ones(code: str) -> None:
    with pytest.raises(ConfigError) as info:
        language_data(code)
    for iso in ("ru", "az", "fa"):
        assert iso in str(info.value)


@pytest.fixture
def copied_lang_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The lang package data copied to a temporary folder the loader reads instead."""
    with as_file(files("dyadwatch.lang")) as source:
        root = tmp_path / "lang"
        shutil.copytree(source, root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    monkeypatch.setattr(lang, "_root", lambda: root)
    lang._language_folders.cache_clear()
    language_data.cache_clear()
    yield root
    lang._language_folders.cache_clear()
    language_data.cache_clear()


def test_adding_a_language_is_adding_a_folder(copied_lang_root: Path) -> None:
    folder = copied_lang_root / "de"
    folder.mkdir()
    (folder / "language.toml").write_text('name = "German"\nscript = "Latn"\nstemmer = "german"\n', encoding="utf-8")
    (folder / "abbreviations.txt").write_text("# German\nz.B.\nbzw\n", encoding="utf-8")
    assert "de" in available_languages()
    data = language_data("de")
    assert data.stemmer == "german"
    assert data.abbreviations == frozenset({"z.b", "bzw"})
    assert data.char_map == {}


def test_broken_language_files_raise_config_errors(copied_lang_root: Path) -> None:
    (copied_lang_root / "xy").mkdir()
    with pytest.raises(ConfigError, match=r"language\.toml"):
        language_data("xy")
    (copied_lang_root / "xy" / "language.toml").write_text('name = "X"\n', encoding="utf-8")
    (copied_lang_root / "xy" / "abbreviations.txt").write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="script"):
        language_data("xy")
    (copied_lang_root / "xy" / "language.toml").write_text(
        'name = "X"\nscript = "Latn"\nsuffixes = "nope.txt"\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"nope\.txt"):
        language_data("xy")
