"""GDELT files: event tables (1.0 historical and daily, 2.0 export), 2.0 mentions and GKG 2.1 tone.

Event rows become GdeltEvent records; the layout is told by the number of tab-separated fields of each
row (57: 1.0 historical, 58: 1.0 daily with SOURCEURL, 61: 2.0), or, for a comma- or tab-separated file
whose first line names the columns (GLOBALEVENTID, ...; `NA` for empty, as R writes it), by the header.
Every line yields exactly one result: a record, or a Quarantined saying what is wrong with it.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TypeVar

from dyadwatch import reference
from dyadwatch.models import GdeltEvent, GdeltMention, GkgTone, Quarantined
from dyadwatch.sources import limits

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO_V1 = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
_GEO_V2 = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")


def _event_columns(geo: Sequence[str], tail: Sequence[str]) -> tuple[str, ...]:
    """Column names of a GDELT event table with the given geography block and trailing columns."""
    return (
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        *(f"Actor1{name}" for name in _ACTOR), *(f"Actor2{name}" for name in _ACTOR),
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        *(f"{who}Geo_{name}" for who in ("Actor1", "Actor2", "Action") for name in geo),
        *tail,
    )


V1_COLUMNS = _event_columns(_GEO_V1, ("DATEADDED",))
"""GDELT 1.0 historical files (1979 – March 2013): 57 fields, no SOURCEURL."""
V1_DAILY_COLUMNS = V1_COLUMNS + ("SOURCEURL",)
"""GDELT 1.0 daily files (from April 2013): 58 fields."""
V2_COLUMNS = _event_columns(_GEO_V2, ("DATEADDED", "SOURCEURL"))
"""GDELT 2.0 export files (from February 2015): 61 fields, ADM2 codes added to each geography."""
LAYOUTS: dict[int, tuple[str, ...]] = {len(c): c for c in (V1_COLUMNS, V1_DAILY_COLUMNS, V2_COLUMNS)}
REQUIRED_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "EventCode", "QuadClass", "GoldsteinScale", "DATEADDED")
MENTION_FIELDS = 16
GKG_FIELDS = 27
GKG_TONE_VALUES = 7

CAMEO_COUNTRY_TO_ISO3 = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
"""CAMEO actor country codes that differ from ISO 3166 alpha-3 (Romania, Zaire, East Timor); others are kept."""

_MISSING = frozenset({"", "NA"})
_EVENT_CODE = re.compile(r"\d{2,4}")
_ID = re.compile(r"\d{1,20}")
_LAYOUT_HINT = "a GDELT event row has 57 (1.0), 58 (1.0 daily, with SOURCEURL) or 61 (2.0)"


class RowError(ValueError):
    """A row that cannot be used; the message names the field."""


def read_gdelt_events(path: Path) -> Iterator[GdeltEvent | Quarantined]:
    """Events of a GDELT event file, with a Quarantined for each line that cannot be read."""
    header: tuple[list[str], str] | None = None
    for number, line in _lines(path):
        if isinstance(line, Quarantined):
            yield line
        elif number == 1 and (found := _header(line)) is not None:
            header = found
            missing = [name for name in REQUIRED_COLUMNS if name not in found[0]]
            if missing:
                yield _bad(path, number, f"header lacks {', '.join(missing)}", line)
                return
        elif header is not None:
            yield _row_result(path, number, line, _header_row(line, *header))
        else:
            yield _row_result(path, number, line, _tsv_row(line))


Record = TypeVar("Record", GdeltMention, GkgTone)


def read_gdelt_mentions(path: Path) -> Iterator[GdeltMention | Quarantined]:
    """Mentions of a GDELT 2.0 mentions file (16 tab-separated fields, no header)."""
    return _read_tsv_records(path, _mention)


def read_gkg_tone(path: Path) -> Iterator[GkgTone | Quarantined]:
    """Document tones of a GDELT GKG 2.1 file (27 tab-separated fields, no header)."""
    return _read_tsv_records(path, _gkg_tone)


def _read_tsv_records(path: Path, parse: Callable[[list[str], str], Record]) -> Iterator[Record | Quarantined]:
    """Each line of a headerless tab-separated file parsed into a record, or quarantined with its problem."""
    for number, line in _lines(path):
        if isinstance(line, Quarantined):
            yield line
            continue
        try:
            yield parse(line.split("\t"), _origin(path, number))
        except RowError as problem:
            yield _bad(path, number, str(problem), line)


def _lines(path: Path) -> Iterator[tuple[int, str | Quarantined]]:
    """(line number, text) of each line; a Quarantined in place of a line too long or not UTF-8."""
    with path.open("rb") as stream:
        for line in limits.capped_lines(stream, limits.MAX_ITEM_BYTES):
            if line.oversize:
                reason = limits.over_limit(line.size, limits.MAX_ITEM_BYTES, "line")
                yield line.number, _bad(path, line.number, reason, line.content, total=line.size)
                continue
            try:
                yield line.number, line.content.decode("utf-8")
            except UnicodeDecodeError as error:
                yield line.number, _bad(path, line.number, f"invalid UTF-8 at byte {error.start}", line.content)


def _origin(path: Path, number: int) -> str:
    return f"{path}:line {number}"


def _bad(path: Path, number: int, problem: str, raw: str | bytes, total: int | None = None) -> Quarantined:
    """A Quarantined for one line: origin `path:line N`, reason `line N: problem`, the raw line clipped."""
    data = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else raw
    return Quarantined(origin=_origin(path, number), reason=f"line {number}: {problem}",
                       raw=limits.clip_raw(data, total))


def _header(line: str) -> tuple[list[str], str] | None:
    """(column names, delimiter) when the line is a header naming GLOBALEVENTID, else None."""
    if "GLOBALEVENTID" not in line:
        return None
    delimiter = "\t" if "\t" in line else ","
    names = [name.strip() for name in _split(line, delimiter) or []]
    return (names, delimiter) if "GLOBALEVENTID" in names else None


def _header_row(line: str, names: list[str], delimiter: str) -> dict[str, str] | str:
    """Fields of a row of a file with a header, by column name; a problem text when it does not fit."""
    values = _split(line, delimiter)
    if values is None:
        return "cannot read the line as CSV (a field is over the csv module's size limit)"
    if len(values) != len(names):
        return f"{len(values)} fields where the header has {len(names)}"
    return dict(zip(names, values))


def _split(line: str, delimiter: str) -> list[str] | None:
    """The fields of one CSV line; None when the csv module cannot read it."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return None


def _tsv_row(line: str) -> dict[str, str] | str:
    """Fields of a header-less tab-separated row, named by the layout its field count tells."""
    values = line.split("\t")
    columns = LAYOUTS.get(len(values))
    if columns is None:
        return f"{len(values)} tab-separated fields; {_LAYOUT_HINT}"
    return dict(zip(columns, values))


def _row_result(path: Path, number: int, line: str, fields: dict[str, str] | str) -> GdeltEvent | Quarantined:
    if isinstance(fields, str):
        return _bad(path, number, fields, line)
    try:
        return _event(fields, _origin(path, number), limits.clip_text(line))
    except RowError as problem:
        return _bad(path, number, str(problem), line)


def _event(fields: Mapping[str, str], origin: str, raw: str) -> GdeltEvent:
    event_code = _required(fields, "EventCode")
    if not _EVENT_CODE.fullmatch(event_code):
        raise RowError(f"EventCode: {event_code!r} is not a CAMEO code of 2 to 4 digits")
    root = _text(fields, "EventRootCode") or event_code[:2]
    if root != event_code[:2]:
        raise RowError(f"EventRootCode: {root!r} is not the root of EventCode {event_code!r}")
    return GdeltEvent(
        global_event_id=_event_id(fields),
        day=_day(_required(fields, "SQLDATE"), "SQLDATE"),
        actor1_code=_text(fields, "Actor1Code"),
        actor1_name=_text(fields, "Actor1Name"),
        actor1_country=_actor_country(_text(fields, "Actor1CountryCode")),
        actor2_code=_text(fields, "Actor2Code"),
        actor2_name=_text(fields, "Actor2Name"),
        actor2_country=_actor_country(_text(fields, "Actor2CountryCode")),
        event_code=event_code,
        event_root_code=root,
        quad_class=_quad_class(fields),
        goldstein=_number(fields, "GoldsteinScale", -10.0, 10.0),
        num_mentions=_count(fields, "NumMentions"),
        num_sources=_count(fields, "NumSources"),
        num_articles=_count(fields, "NumArticles"),
        avg_tone=_number(fields, "AvgTone", -100.0, 100.0),
        action_geo_country=reference.fips_to_iso3().get(_text(fields, "ActionGeo_CountryCode") or ""),
        action_geo_fullname=_text(fields, "ActionGeo_FullName"),
        source_url=_text(fields, "SOURCEURL"),
        date_added=_timestamp(_required(fields, "DATEADDED"), "DATEADDED", allow_day=True),
        raw=raw,
        origin=origin,
    )


def _mention(values: list[str], origin: str) -> GdeltMention:
    if len(values) != MENTION_FIELDS:
        raise RowError(f"{len(values)} tab-separated fields; a GDELT 2.0 mentions row has {MENTION_FIELDS}")
    event_id, url = values[0].strip(), values[5].strip()
    if not _ID.fullmatch(event_id):
        raise RowError(f"GLOBALEVENTID: {event_id!r} is not a number")
    if not url:
        raise RowError("MentionIdentifier is empty")
    return GdeltMention(
        global_event_id=event_id,
        mention_time=_timestamp(values[2].strip(), "MentionTimeDate"),
        source_name=values[4].strip() or None,
        url=url,
        confidence=_parse_int(values[11], "Confidence"),
        doc_tone=_parse_float(values[13], "MentionDocTone", -100.0, 100.0),
        origin=origin,
    )


def _gkg_tone(values: list[str], origin: str) -> GkgTone:
    if len(values) != GKG_FIELDS:
        raise RowError(f"{len(values)} tab-separated fields; a GDELT GKG 2.1 row has {GKG_FIELDS}")
    url = values[4].strip()
    if not url:
        raise RowError("V2DOCUMENTIDENTIFIER is empty")
    tone = values[15].split(",")
    if len(tone) != GKG_TONE_VALUES:
        raise RowError(f"V1.5TONE: {len(tone)} comma-separated values where GKG 2.1 has {GKG_TONE_VALUES}")
    tone_value, positive, negative, polarity, activity, _self_group = (
        _parse_float(value, f"V1.5TONE value {n}", -100.0, 100.0) for n, value in enumerate(tone[:6], 1)
    )
    return GkgTone(
        document_url=url,
        date=_timestamp(values[1].strip(), "V2.1DATE"),
        tone=tone_value,
        positive=positive,
        negative=negative,
        polarity=polarity,
        activity_density=activity,
        word_count=_parse_int(tone[6], "V1.5TONE word count"),
        origin=origin,
    )


def _text(fields: Mapping[str, str], name: str) -> str | None:
    """A field's value stripped, None when absent, empty or `NA`."""
    value = fields.get(name, "").strip()
    return None if value in _MISSING else value


def _required(fields: Mapping[str, str], name: str) -> str:
    value = _text(fields, name)
    if value is None:
        raise RowError(f"{name} is empty")
    return value


def _event_id(fields: Mapping[str, str]) -> str:
    value = _required(fields, "GLOBALEVENTID")
    if not _ID.fullmatch(value):
        raise RowError(f"GLOBALEVENTID: {value!r} is not a number")
    return value


def _day(value: str, name: str) -> date:
    try:
        if len(value) == 8 and value.isascii() and value.isdigit():
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        pass
    raise RowError(f"{name}: cannot read {value!r} as a date (YYYYMMDD)")


def _timestamp(value: str, name: str, *, allow_day: bool = False) -> datetime:
    """A UTC time from YYYYMMDDHHMMSS, or with allow_day also from YYYYMMDD (taken as midnight)."""
    if allow_day and len(value) == 8:
        day = _day(value, name)
        return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    try:
        if len(value) == 14 and value.isascii() and value.isdigit():
            return datetime.strptime(value, "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
    except ValueError:
        pass
    forms = "YYYYMMDDHHMMSS or YYYYMMDD" if allow_day else "YYYYMMDDHHMMSS"
    raise RowError(f"{name}: cannot read {value!r} as a time ({forms})")


def _actor_country(code: str | None) -> str | None:
    """ISO 3166 alpha-3 for a CAMEO country code; region codes (EUR, CAS, ...) are kept as they are."""
    return CAMEO_COUNTRY_TO_ISO3.get(code, code) if code else None


def _quad_class(fields: Mapping[str, str]) -> int:
    value = _parse_int(_required(fields, "QuadClass"), "QuadClass")
    if not 1 <= value <= 4:
        raise RowError(f"QuadClass: {value} is not 1, 2, 3 or 4")
    return value


def _count(fields: Mapping[str, str], name: str) -> int:
    return _parse_int(_required(fields, name), name)


def _number(fields: Mapping[str, str], name: str, low: float, high: float) -> float:
    return _parse_float(_required(fields, name), name, low, high)


def _parse_int(value: str, name: str) -> int:
    text = value.strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 18):
        raise RowError(f"{name}: {value!r} is not a whole number")
    return int(text)


def _parse_float(value: str, name: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except ValueError:
        raise RowError(f"{name}: {value!r} is not a number") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise RowError(f"{name}: {value!r} is outside {low:g} to {high:g}")
    return number
