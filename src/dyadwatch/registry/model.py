"""Source registry records, attribute vocabularies and validation."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

import pycountry

from ..errors import DyadwatchError

UNKNOWN = "unknown"

# Closed vocabularies; every attribute also accepts `unknown` ("looked, not established").
# `private` is beside the product's four ownership values on purpose: see registry/README.md.
OWNERSHIP = frozenset({"state", "state-affiliated", "independent", "foreign", "private"})
PLATFORM = frozenset({"web", "agency", "tv", "radio", "print", "telegram", "x", "youtube", "facebook",
                      "instagram", "tiktok", "vk"})
ALIGNMENT = frozenset({"pro-government", "opposition", "neutral"})
LOCATION = frozenset({"domestic", "exile", "foreign"})
CREDIBILITY = frozenset({"high", "medium", "low"})


class RegistryError(DyadwatchError):
    """A source registry request that cannot be carried out."""

    code = "E050"


class InvalidFact(RegistryError):
    """An attribute or value outside the registry's vocabulary."""

    code = "E051"
    exit_code = 2


class UnknownSource(RegistryError):
    code = "E052"


class MissingCitation(RegistryError):
    code = "E053"
    exit_code = 2


def _country(value: str) -> str | None:
    code = value.strip().upper()
    if len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None:
        return code
    return None


def _language(value: str) -> str | None:
    code = value.strip().lower()
    if len(code) == 2 and code.isalpha() and pycountry.languages.get(alpha_2=code) is not None:
        return code
    return None


def _among(vocabulary: frozenset[str]) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        word = value.strip().lower()
        return word if word in vocabulary else None

    return check


def _free_text(value: str) -> str | None:
    text = " ".join(value.split())
    return text or None


_CHECKS: dict[str, tuple[Callable[[str], str | None], str]] = {
    "country": (_country, "an ISO 3166 alpha-3 country code such as RUS or AZE"),
    "language": (_language, "an ISO 639-1 language code such as ru or az"),
    "platform": (_among(PLATFORM), "one of " + ", ".join(sorted(PLATFORM))),
    "ownership": (_among(OWNERSHIP), "one of " + ", ".join(sorted(OWNERSHIP))),
    "owner_group": (_free_text, "the owning group's name"),
    "alignment": (_among(ALIGNMENT), "one of " + ", ".join(sorted(ALIGNMENT))),
    "location": (_among(LOCATION), "one of " + ", ".join(sorted(LOCATION))),
    "credibility": (_among(CREDIBILITY), "one of " + ", ".join(sorted(CREDIBILITY))),
}
ATTRIBUTES: tuple[str, ...] = tuple(_CHECKS)
ALIAS = "alias"


def check_fact(attribute: str, value: str) -> str:
    """The value in its canonical spelling, or InvalidFact saying what is expected."""
    if attribute not in _CHECKS:
        raise InvalidFact(f"{attribute!r} is not a registry attribute; use one of {', '.join(ATTRIBUTES)}.")
    if value.strip().lower() == UNKNOWN:
        return UNKNOWN
    check, expected = _CHECKS[attribute]
    canonical = check(value)
    if canonical is None:
        raise InvalidFact(f"{attribute}: {value!r} is not valid; give {expected}, or {UNKNOWN}.")
    return canonical


def check_facts(facts: Mapping[str, str | None]) -> dict[str, str]:
    """Validated facts; empty values are left out (not recorded), `unknown` is recorded."""
    return {attribute: check_fact(attribute, value) for attribute, value in facts.items() if value and value.strip()}


def check_citation(citation: str | None) -> str:
    text = (citation or "").strip()
    if not text:
        raise MissingCitation("Every fact needs a citation: a URL or a reference to where it is documented.")
    return text


@dataclass(frozen=True)
class Fact:
    """One dated, cited value of an attribute; `valid_to` is exclusive, None = still valid."""

    attribute: str
    value: str
    valid_from: date | None
    valid_to: date | None
    citation: str | None
    recorded_at: datetime | None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)


@dataclass(frozen=True)
class SourceEntry:
    """One source as a registry file or the `add` command gives it."""

    name: str
    facts: dict[str, str]
    citation: str
    valid_from: date | None = None
    url: str | None = None
    aliases: tuple[str, ...] = field(default=())
