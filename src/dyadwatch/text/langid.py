"""Language identification with lingua, restricted to the languages a workspace reads.

lingua knows Azerbaijani only in Latin script. A language folder can declare
marker letters for another script (``[detection]`` in ``language.toml``): a
text mostly written in that script whose share of marker letters reaches
``marker_share`` is given that language before lingua is asked. That is how
Cyrillic Azerbaijani (ә, ғ, ҹ, һ, ө, ү, ј, ҝ) is told from Russian.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from dyadwatch.errors import ConfigError
from dyadwatch.lang import available_languages, language_data
from dyadwatch.text.normalize import script_class

MAX_CHARS = 300
MIN_LETTERS = 3
_LETTER_RE = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class _MarkerRule:
    iso: str
    script_letter: re.Pattern[str]
    markers: frozenset[str]
    share: float


def _iso_code(code: str) -> IsoCode639_1:
    try:
        return IsoCode639_1.from_str(code.strip().upper())
    except ValueError as exc:
        raise ConfigError(f"Language code {code!r} is not an ISO 639-1 code lingua knows.") from exc


@cache
def _detector(codes: frozenset[str]) -> LanguageDetector:
    """One lingua detector per language set, built once per process (building is costly)."""
    return LanguageDetectorBuilder.from_iso_codes_639_1(*(_iso_code(code) for code in sorted(codes))).build()


@cache
def _script_letter(script: str) -> re.Pattern[str]:
    return re.compile(f"[{script_class(script)}]")


def _marker_rules(codes: frozenset[str]) -> tuple[_MarkerRule, ...]:
    known = set(available_languages())
    rules = []
    for code in sorted(codes & known):
        data = language_data(code)
        if data.marker_script and data.markers:
            rules.append(_MarkerRule(code, _script_letter(data.marker_script), data.markers, data.marker_share))
    return tuple(rules)


def _letter_count(text: str) -> int:
    return len(_LETTER_RE.findall(text))


def _marker_verdict(rule: _MarkerRule, sample: str, letters: int) -> bool:
    """The sample is mostly in the rule's script and carries enough marker letters."""
    in_script = len(rule.script_letter.findall(sample))
    if in_script * 2 <= letters:
        return False
    markers = sum(sample.count(letter) for letter in rule.markers)
    return markers >= rule.share * in_script


def _lingua_code(language: Language | None) -> str | None:
    return language.iso_code_639_1.name.lower() if language is not None else None


class LanguageIdentifier:
    """Detects which of the given languages a text is written in.

    With a single language there is nothing to tell apart: every text with
    enough letters gets that language.
    """

    def __init__(self, languages: Sequence[str]) -> None:
        codes = frozenset(code.strip().lower() for code in languages)
        if not codes:
            raise ConfigError("LanguageIdentifier needs at least one language code.")
        for code in codes:
            _iso_code(code)
        self.languages = tuple(sorted(codes))
        self._rules = _marker_rules(codes)
        self._detector = _detector(codes) if len(codes) > 1 else None

    def _settle(self, sample: str) -> tuple[bool, str | None]:
        """(settled, verdict) without lingua; not settled means lingua must look."""
        letters = _letter_count(sample)
        if letters < MIN_LETTERS:
            return True, None
        for rule in self._rules:
            if _marker_verdict(rule, sample, letters):
                return True, rule.iso
        if self._detector is None:
            return True, self.languages[0]
        return False, None

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code, or None when there is no verdict (empty, too short, no letters)."""
        sample = text[:MAX_CHARS]
        settled, verdict = self._settle(sample)
        if settled or self._detector is None:
            return verdict
        return _lingua_code(self._detector.detect_language_of(sample))

    def detect_many(self, texts: Sequence[str]) -> list[str | None]:
        """``detect`` for many texts, with lingua running in parallel."""
        samples = [text[:MAX_CHARS] for text in texts]
        settled = [self._settle(sample) for sample in samples]
        results = [verdict for _, verdict in settled]
        pending = [index for index, (done, _) in enumerate(settled) if not done]
        if pending and self._detector is not None:
            found = self._detector.detect_languages_in_parallel_of([samples[index] for index in pending])
            for index, language in zip(pending, found, strict=True):
                results[index] = _lingua_code(language)
        return results
