"""Published dates: ISO 8601, RFC 2822, DD.MM.YYYY and Unix seconds, read into aware UTC datetimes."""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from dateutil.parser import isoparse

MIN_YEAR = 1900
MAX_AHEAD = timedelta(days=2)
"""How far after collection a published date may lie (time zones, embargoed items)."""

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_UNIX = re.compile(r"[+-]?\d{9,11}(?:\.\d+)?")
_DOTTED = re.compile(
    r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})"
    r"(?:[ T,]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)


class DateError(ValueError):
    """A date that cannot be read, or that cannot be a publication date."""


def parse_published(value: str | int | float, *, now: datetime) -> datetime:
    """Read a published date and check it is plausible at collection time `now`; naive means UTC."""
    published = parse_datetime(value)
    check_plausible(published, now=now)
    return published


def parse_datetime(value: str | int | float) -> datetime:
    """Read a date in any accepted form into an aware UTC datetime."""
    try:
        parsed = _parse(value)
    except (ValueError, OverflowError, TypeError):
        parsed = None
    if parsed is None:
        raise DateError(f"cannot read {_show(value)} as a date")
    return parsed


def check_plausible(published: datetime, *, now: datetime) -> None:
    if published.year < MIN_YEAR:
        raise DateError(f"{published.date().isoformat()} is before {MIN_YEAR}")
    if published > now + MAX_AHEAD:
        raise DateError(
            f"{published.isoformat()} is more than {MAX_AHEAD.days} days after collection ({now.isoformat()})"
        )


def _parse(value: str | int | float) -> datetime | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_unix(value)
    text = value.strip()
    if _UNIX.fullmatch(text):
        return _from_unix(float(text))
    dotted = _DOTTED.fullmatch(text)
    if dotted:
        return _from_dotted(dotted)
    return _to_utc(_from_iso(text) or _from_rfc2822(text))


def _from_unix(seconds: float) -> datetime | None:
    if not math.isfinite(seconds):
        return None
    return _EPOCH + timedelta(seconds=seconds)


def _from_dotted(match: re.Match[str]) -> datetime:
    numbers = {k: int(v) for k, v in match.groupdict(default="0").items()}
    return datetime(numbers["y"], numbers["m"], numbers["d"], numbers["H"], numbers["M"], numbers["S"],
                    tzinfo=timezone.utc)


def _from_iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        parsed: datetime = isoparse(text)
    except (ValueError, OverflowError):
        return None
    return parsed


def _from_rfc2822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError):
        return None


def _to_utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _show(value: object, width: int = 80) -> str:
    """repr of a value for a reason text, shortened."""
    shown = repr(value)
    return shown if len(shown) <= width else shown[: width - 1] + "…"
