"""Analyst event lists (JSONL or CSV) read into CuratedEvent records."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from dyadwatch import reference
from dyadwatch.errors import InputError, UnknownFormat
from dyadwatch.models import CuratedEvent, Quarantined
from dyadwatch.sources import csv_docs, jsonl
from dyadwatch.sources.items import FieldError, RawItem, first_present, json_type, optional_text, quarantine

DESCRIPTION_FIELDS = ("what", "description")
CAMEO_FIELDS = ("cameo_code", "cameo")
PLOVER_FIELDS = ("plover_category", "plover")
URL_FIELDS = ("attested_by_urls", "urls", "source_urls")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CAMEO_FORM = re.compile(r"\d{3,4}")
_URL_SEPARATORS = re.compile(r"[|\s]+")

EventResult = CuratedEvent | Quarantined


def read_events(path: Path) -> Iterator[EventResult]:
    """Events of a JSONL or CSV event list (by suffix), with a Quarantined for each one that cannot be used.

    An unknown suffix or a missing file raises at once.
    """
    suffix = path.suffix.lower()
    if suffix in jsonl.READER.suffixes:
        items = jsonl.iter_json_items(path)
    elif suffix in csv_docs.READER.suffixes:
        items = csv_docs.iter_csv_items(path, require_event_columns)
    else:
        known = ", ".join(jsonl.READER.suffixes + csv_docs.READER.suffixes)
        raise UnknownFormat(f"cannot read {path} as an event list: its suffix must be one of {known}")
    if not path.is_file():
        raise InputError(f"{path}: not a readable file")
    return (item if isinstance(item, Quarantined) else event_from_item(item) for item in items)


def require_event_columns(header: Sequence[str]) -> str | None:
    missing = [name for name in ("date", "actor1_code") if name not in header]
    if not any(name in header for name in DESCRIPTION_FIELDS):
        missing.append("what (or description)")
    if not missing:
        return None
    return f"header lacks {', '.join(missing)}; it has: {', '.join(header)}"


def event_from_item(item: RawItem) -> EventResult:
    try:
        return _event(item)
    except FieldError as problem:
        return quarantine(item, str(problem))


def _event(item: RawItem) -> CuratedEvent:
    fields = item.fields
    event_date = _date(fields)
    actor1_code = _actor_code(fields, "actor1_code")
    if actor1_code is None:
        raise FieldError("actor1_code is missing")
    description = optional_text(fields, *DESCRIPTION_FIELDS)
    if not description:
        raise FieldError("what (or description) is missing")
    cameo = _cameo_code(fields)
    category, mode = _plover(fields, cameo)
    if cameo is None and category is None:
        raise FieldError("needs a CAMEO code (cameo_code) or a PLOVER category (plover_category)")
    return CuratedEvent(
        event_date=event_date,
        actor1_code=actor1_code,
        actor2_code=_actor_code(fields, "actor2_code"),
        description=description,
        origin=item.origin,
        raw=item.raw,
        actor1_name=optional_text(fields, "actor1"),
        actor2_name=optional_text(fields, "actor2"),
        cameo_code=cameo,
        plover_category=category,
        plover_mode=mode,
        goldstein=_goldstein(fields, cameo),
        quad_class=_quad_class(cameo, category),
        source_urls=_urls(fields),
        external_id=optional_text(fields, "event_id", numbers=True),
        date_note=optional_text(fields, "date_note"),
    )


def _date(fields: Mapping[str, object]) -> date:
    value = optional_text(fields, "date")
    if value is None:
        raise FieldError("date is missing")
    try:
        if _ISO_DATE.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise FieldError(f"date: cannot read {value!r} as an ISO date (YYYY-MM-DD)")


def _actor_code(fields: Mapping[str, object], name: str) -> str | None:
    value = optional_text(fields, name)
    if value is None:
        return None
    code = value.upper()
    if not reference.is_country_code(code):
        others = ", ".join(sorted(reference.non_state_codes()))
        raise FieldError(f"{name}: {value!r} is not an ISO 3166 alpha-3 country code nor one of {others}")
    return code


def _cameo_code(fields: Mapping[str, object]) -> str | None:
    name, value = first_present(fields, CAMEO_FIELDS)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise FieldError(f"{name}: expected a string, got {json_type(value)}")
    code = str(value).strip()
    if not _CAMEO_FORM.fullmatch(code):
        raise FieldError(
            f"{name}: {code!r} is not a 3- or 4-digit code; write CAMEO codes with their leading zero, e.g. 042"
        )
    if not reference.is_cameo_code(code):
        raise FieldError(f"{name}: {code!r} is not a CAMEO event code")
    return code


def _plover(fields: Mapping[str, object], cameo: str | None) -> tuple[str | None, str | None]:
    """(category, mode): as given, else derived from the CAMEO code through the CAMEO→PLOVER map."""
    given_mode = optional_text(fields, "plover_mode")
    mode = given_mode.lower() if given_mode else None
    category = _plover_category(fields)
    if category is None:
        derived = reference.cameo_to_plover(cameo) if cameo else None
        if derived is None:
            if mode:
                raise FieldError(f"plover_mode: {mode!r} given without a PLOVER category")
            return None, None
        category, mode = derived[0], mode or derived[1]
    if mode and mode not in reference.plover_modes(category):
        modes = ", ".join(sorted(reference.plover_modes(category))) or "none"
        raise FieldError(f"plover_mode: {mode!r} is not a mode of {category} (its modes: {modes})")
    return category, mode


def _plover_category(fields: Mapping[str, object]) -> str | None:
    name, value = first_present(fields, PLOVER_FIELDS)
    if value is None:
        return None
    category = value.strip().upper() if isinstance(value, str) else ""
    if category not in reference.plover_categories():
        known = ", ".join(sorted(reference.plover_categories()))
        raise FieldError(f"{name}: {value!r} is not a PLOVER category ({known})")
    return category


def _quad_class(cameo: str | None, category: str | None) -> int | None:
    """Quad class of the CAMEO code when there is one, else of the PLOVER category."""
    if cameo:
        return reference.quad_class_of_cameo(cameo)
    return reference.quad_class_of_plover(category) if category else None


def _goldstein(fields: Mapping[str, object], cameo: str | None) -> float | None:
    value = fields.get("goldstein")
    if value is None or value == "":
        return reference.goldstein(cameo) if cameo else None
    try:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValueError
        score = float(value)
    except ValueError:
        raise FieldError(f"goldstein: expected a number from -10 to 10, got {value!r}") from None
    if not math.isfinite(score) or not -10 <= score <= 10:
        raise FieldError(f"goldstein: {value!r} is outside -10 to 10")
    return score


def _urls(fields: Mapping[str, object]) -> tuple[str, ...]:
    name, value = first_present(fields, URL_FIELDS)
    if value is None:
        return ()
    if isinstance(value, str):
        urls: list[object] = [u for u in _URL_SEPARATORS.split(value) if u]
    elif isinstance(value, list):
        urls = value
    else:
        raise FieldError(f"{name}: expected a list of URLs, got {json_type(value)}")
    for url in urls:
        if not _is_web_url(url):
            raise FieldError(f"{name}: {url!r} is not an http(s) URL")
    return tuple(str(url) for url in urls)


def _is_web_url(url: object) -> bool:
    if not isinstance(url, str) or not url or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
