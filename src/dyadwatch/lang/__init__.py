"""Per-language data: one folder per ISO 639-1 code, loaded from files only.

A language folder holds ``language.toml`` (settings), ``abbreviations.txt`` and,
where useful, ``char_map.tsv``, ``suffixes.txt`` and ``samples.txt``. Adding a
language means adding a folder; no Python changes.

``language.toml`` keys (all but ``name`` and ``script`` optional)::

    name = "Azerbaijani"
    script = "Latn"                  # ISO 15924 code of the main script
    stemmer = "turkish"              # a PyStemmer algorithm
    suffixes = "suffixes.txt"        # or: a suffix list for a light stemmer
    min_stem_length = 3              # shortest stem the suffix stripper leaves
    suffix_passes = 0                # strip this many times, 0 = until none matches
    apostrophe = "cut"               # "cut": Putin'e -> Putin; "join" (default): O'Brien -> OBrien
    lowercase_map = { "I" = "ı" }    # lower-casing exceptions applied before str.lower()

    [detection]                      # for scripts the language detector does not know
    marker_script = "Cyrl"
    markers = "әғҹһөүјҝ"
    marker_share = 0.03              # share of markers among the script's letters

    [sentences]
    extra_terminals = ":"            # sentence-final marks besides the shared ones

TSV files have two tab-separated columns; a column is either literal text or
``U+XXXX`` code points separated by spaces; an empty second column deletes.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from dyadwatch.errors import ConfigError

_ISO_RE = re.compile(r"[a-z]{2,3}")
_CODEPOINTS_RE = re.compile(r"U\+[0-9A-Fa-f]{4,6}(?: U\+[0-9A-Fa-f]{4,6})*")
_APOSTROPHE_MODES = ("cut", "join")
_REQUIRED_FILES = ("language.toml", "abbreviations.txt")


@dataclass(frozen=True)
class LanguageData:
    """Everything dyadwatch knows about one language, read from its folder."""

    iso: str
    name: str
    script: str
    stemmer: str | None
    suffixes: tuple[str, ...]
    abbreviations: frozenset[str]
    char_map: dict[str, str]
    min_stem_length: int = 3
    suffix_passes: int = 1
    apostrophe: str = "join"
    lowercase_map: dict[str, str] = field(default_factory=dict)
    marker_script: str | None = None
    markers: frozenset[str] = frozenset()
    marker_share: float = 0.0
    extra_terminals: str = ""


def _root() -> Traversable:
    return files(__name__)


def required_files() -> tuple[str, ...]:
    """Files every language folder must contain."""
    return _REQUIRED_FILES


@lru_cache(maxsize=1)
def _language_folders() -> tuple[str, ...]:
    return tuple(
        sorted(entry.name for entry in _root().iterdir() if entry.is_dir() and not entry.name.startswith(("_", ".")))
    )


def available_languages() -> list[str]:
    """ISO codes of the language folders, sorted."""
    return list(_language_folders())


def language_file(iso: str, name: str) -> Traversable:
    """A file inside a language folder (it may not exist)."""
    return _folder(iso) / name


def data_lines(resource: Traversable) -> list[str]:
    """Non-empty lines of a text resource, ``#`` comments removed, stripped."""
    lines = (line.split("#", 1)[0].strip() for line in resource.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def parse_field(raw: str) -> str:
    """A TSV column: ``U+XXXX`` code points (space separated) or literal text."""
    if _CODEPOINTS_RE.fullmatch(raw):
        return "".join(chr(int(token[2:], 16)) for token in raw.split())
    return raw


def data_pairs(resource: Traversable) -> list[tuple[str, str]]:
    """Two-column TSV rows (``#`` lines ignored); a missing second column means ''."""
    pairs = []
    text = resource.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = line.split("\t")
        source = parse_field(columns[0].strip())
        target = parse_field(columns[1].strip()) if len(columns) > 1 else ""
        if not source:
            raise ConfigError(f"{resource.name} line {number}: first column is empty; fix the file.")
        pairs.append((source, target))
    return pairs


def _folder(iso: str) -> Traversable:
    code = iso.strip().lower()
    if not _ISO_RE.fullmatch(code) or code not in _language_folders():
        known = ", ".join(available_languages())
        raise ConfigError(f"Unknown language {iso!r}; available languages: {known}.")
    return _root() / code


def _read_settings(folder: Traversable) -> dict[str, Any]:
    try:
        return tomllib.loads((folder / "language.toml").read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{folder.name}/language.toml is missing; add it.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{folder.name}/language.toml is not valid TOML: {exc}") from exc


def _abbreviations(folder: Traversable) -> frozenset[str]:
    return frozenset(line.lower().rstrip(".") for line in data_lines(folder / "abbreviations.txt"))


def _char_map(folder: Traversable) -> dict[str, str]:
    resource = folder / "char_map.tsv"
    if not resource.is_file():
        return {}
    pairs = data_pairs(resource)
    bad = [source for source, _ in pairs if len(source) != 1]
    if bad:
        raise ConfigError(f"{folder.name}/char_map.tsv maps {bad!r}: keys must be single characters.")
    return dict(pairs)


def _suffixes(folder: Traversable, settings: dict[str, Any]) -> tuple[str, ...]:
    name = settings.get("suffixes")
    if not name:
        return ()
    resource = folder / name
    if not resource.is_file():
        raise ConfigError(f"{folder.name}/language.toml names {name!r}, which does not exist.")
    return tuple(sorted(dict.fromkeys(data_lines(resource)), key=len, reverse=True))


def _require(settings: dict[str, Any], key: str, iso: str) -> Any:
    if key not in settings:
        raise ConfigError(f"{iso}/language.toml lacks the required key {key!r}.")
    return settings[key]


@cache
def language_data(iso: str) -> LanguageData:
    """Settings and word lists of one language; ConfigError names the known ones."""
    folder = _folder(iso)
    settings = _read_settings(folder)
    detection = settings.get("detection", {})
    apostrophe = settings.get("apostrophe", "join")
    if apostrophe not in _APOSTROPHE_MODES:
        raise ConfigError(f"{folder.name}/language.toml: apostrophe must be one of {_APOSTROPHE_MODES}.")
    return LanguageData(
        iso=folder.name,
        name=_require(settings, "name", folder.name),
        script=_require(settings, "script", folder.name),
        stemmer=settings.get("stemmer") or None,
        suffixes=_suffixes(folder, settings),
        abbreviations=_abbreviations(folder),
        char_map=_char_map(folder),
        min_stem_length=int(settings.get("min_stem_length", 3)),
        suffix_passes=int(settings.get("suffix_passes", 1)),
        apostrophe=apostrophe,
        lowercase_map=dict(settings.get("lowercase_map", {})),
        marker_script=detection.get("marker_script"),
        markers=frozenset(detection.get("markers", "")),
        marker_share=float(detection.get("marker_share", 0.0)),
        extra_terminals=settings.get("sentences", {}).get("extra_terminals", ""),
    )
