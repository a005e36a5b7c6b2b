"""CAMEO and PLOVER lookup tables shipped with dyadwatch (see README.md in this folder)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import pycountry

__all__ = [
    "cameo_codes",
    "cameo_label",
    "cameo_to_plover",
    "goldstein",
    "is_cameo_code",
    "is_country_code",
    "non_state_codes",
    "plover_categories",
    "plover_modes",
    "quad_class_of_cameo",
    "quad_class_of_plover",
]


@cache
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Data rows of a tab-separated table of this package, header skipped."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines()[1:] if line)


@cache
def _cameo() -> dict[str, tuple[str, int]]:
    return {code: (label, int(quad)) for code, label, quad in _rows("cameo_codes.tsv")}


@cache
def _goldstein() -> dict[str, float]:
    return {code: float(value) for code, value in _rows("goldstein.tsv")}


@cache
def _cameo_plover() -> dict[str, tuple[str, str | None]]:
    return {code: (category, mode or None) for code, category, mode, _context in _rows("cameo_to_plover.tsv")}


@cache
def _plover() -> dict[str, tuple[int, frozenset[str]]]:
    return {
        category: (int(quad), frozenset(filter(None, modes.split(","))))
        for category, quad, _name, _recipient, modes in _rows("plover_categories.tsv")
    }


@cache
def non_state_codes() -> frozenset[str]:
    """Actor codes accepted beside ISO 3166 alpha-3 country codes (IGO, NGO, ...)."""
    return frozenset(code for code, _description in _rows("non_state_codes.tsv"))


def _lineage(code: str) -> list[str]:
    """The code and its parents, most specific first: 0231 → 0231, 023, 02."""
    return [code[:n] for n in range(len(code), 1, -1)]


def cameo_codes() -> frozenset[str]:
    """Every CAMEO event code of the table, root codes (01-20) included."""
    return frozenset(_cameo())


def is_cameo_code(code: str) -> bool:
    return code in _cameo()


def cameo_label(code: str) -> str | None:
    entry = _cameo().get(code)
    return entry[0] if entry else None


def goldstein(code: str) -> float | None:
    """Goldstein value of a CAMEO code, or of its nearest parent that has one."""
    if not is_cameo_code(code):
        return None
    return next((_goldstein()[c] for c in _lineage(code) if c in _goldstein()), None)


def cameo_to_plover(code: str) -> tuple[str, str | None] | None:
    """(PLOVER category, mode) of a CAMEO code; a root code such as 04 maps as 040. None: no category."""
    if not is_cameo_code(code):
        return None
    candidates = [code + "0"] if len(code) == 2 else _lineage(code)
    return next((_cameo_plover()[c] for c in candidates if c in _cameo_plover()), None)


def plover_categories() -> frozenset[str]:
    """The 16 event categories of PLOVER v2.0."""
    return frozenset(_plover())


def plover_modes(category: str) -> frozenset[str]:
    """Modes PLOVER v2.0 defines for a category (empty for most); ValueError for an unknown category."""
    return _plover_entry(category)[1]


def quad_class_of_cameo(code: str) -> int:
    """GDELT QuadClass by root: 1 verbal coop 01-05, 2 material coop 06-09, 3 verbal conflict 10-14, 4 else."""
    entry = _cameo().get(code)
    if entry is None:
        raise ValueError(f"{code!r} is not a CAMEO event code")
    return entry[1]


def quad_class_of_plover(category: str) -> int:
    """Quad class (1-4, as for CAMEO) of a PLOVER v2.0 category."""
    return _plover_entry(category)[0]


def _plover_entry(category: str) -> tuple[int, frozenset[str]]:
    entry = _plover().get(category)
    if entry is None:
        raise ValueError(f"{category!r} is not a PLOVER category ({', '.join(sorted(_plover()))})")
    return entry


def is_country_code(code: str) -> bool:
    """True for an upper-case ISO 3166 alpha-3 country code or a listed non-state code."""
    if len(code) != 3 or not code.isascii() or not code.isupper():
        return False
    return code in non_state_codes() or pycountry.countries.get(alpha_3=code) is not None


@cache
def fips_to_iso3() -> dict[str, str]:
    """ISO 3166 alpha-3 code by FIPS 10-4 country code (GDELT's geography country codes): AJ → AZE."""
    return {fips: iso3 for fips, iso3, _name in _rows("fips_to_iso3.tsv")}
