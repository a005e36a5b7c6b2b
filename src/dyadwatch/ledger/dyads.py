"""Dyad codes on the command line: `RUS-AZE` for both directions, `RUS:AZE` for Russia acting on Azerbaijan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pycountry
from sqlalchemy import Connection, or_, select

from dyadwatch.errors import QueryError
from dyadwatch.store.schema import events

_CODE = re.compile(r"^([A-Za-z]{3})([-:])([A-Za-z]{3})$")


@dataclass(frozen=True)
class Dyad:
    """Two state codes; ``directed`` keeps only ``a`` acting on ``b``."""

    a: str
    b: str
    directed: bool

    @property
    def code(self) -> str:
        return f"{self.a}{':' if self.directed else '-'}{self.b}"

    @property
    def directions(self) -> tuple[Dyad, ...]:
        """The directed dyads it covers: itself, or A:B and B:A."""
        if self.directed:
            return (self,)
        return Dyad(self.a, self.b, True), Dyad(self.b, self.a, True)

    def __str__(self) -> str:
        return self.code


def parse(text: str) -> Dyad:
    """`RUS-AZE` or `RUS:AZE` (any case) to a Dyad; a clear QueryError otherwise."""
    match = _CODE.match(text.strip())
    if not match:
        raise QueryError(f"{text!r} is not a dyad: write two ISO 3166 alpha-3 codes joined by '-' (both "
                         "directions, e.g. RUS-AZE) or ':' (one direction, e.g. RUS:AZE for Russia acting on Azerbaijan).")
    a, sep, b = match.group(1).upper(), match.group(2), match.group(3).upper()
    if a == b:
        raise QueryError(f"{text!r} names the same state twice; a dyad needs two.")
    return Dyad(a, b, sep == ":")


@cache
def _iso3() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries)


def check_known(connection: Connection, dyad: Dyad) -> None:
    """Refuse a code that is neither ISO 3166 alpha-3 nor used by any stored event (GDELT's IGO, REB, ...)."""
    for code in (dyad.a, dyad.b):
        if code in _iso3():
            continue
        used = connection.execute(
            select(events.c.id).where(or_(events.c.actor1_code == code, events.c.actor2_code == code)).limit(1)
        ).first()
        if used is None:
            raise QueryError(f"{code} in {dyad.code} is not an ISO 3166 alpha-3 country code and no stored event "
                             "uses it. Check the spelling (Azerbaijan is AZE, Iran IRN, Türkiye TUR).")
