from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyadwatch.sources.dates import DateError, parse_datetime, parse_published

UTC = timezone.utc
NOW = datetime(2025, 7, 2, 12, 0, tzinfo=UTC)

aware_datetimes = st.datetimes(
    min_value=datetime(1901, 1, 1), max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=3)), timezone(timedelta(hours=-5, minutes=-30))]),
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-07-01", datetime(2025, 7, 1, tzinfo=UTC)),
        ("2025-07-01T10:00:00", datetime(2025, 7, 1, 10, tzinfo=UTC)),
        ("2025-07-01T10:00:00+03:00", datetime(2025, 7, 1, 7, tzinfo=UTC)),
        ("2025-07-01T10:00:00Z", datetime(2025, 7, 1, 10, tzinfo=UTC)),
        ("2025-07-01 10:00:00.5+0300", datetime(2025, 7, 1, 7, 0, 0, 500000, tzinfo=UTC)),
        ("Tue, 01 Jul 2025 10:00:00 +0300", datetime(2025, 7, 1, 7, tzinfo=UTC)),
        ("01 Jul 2025 10:00:00 GMT", datetime(2025, 7, 1, 10, tzinfo=UTC)),
        ("01.07.2025", datetime(2025, 7, 1, tzinfo=UTC)),
        ("1.7.2025", datetime(2025, 7, 1, tzinfo=UTC)),
        ("01.07.2025 10:30", datetime(2025, 7, 1, 10, 30, tzinfo=UTC)),
        ("01.07.2025, 10:30:15", datetime(2025, 7, 1, 10, 30, 15, tzinfo=UTC)),
        ("1751353200", datetime(2025, 7, 1, 7, tzinfo=UTC)),
        (1751353200, datetime(2025, 7, 1, 7, tzinfo=UTC)),
        (1751353200.5, datetime(2025, 7, 1, 7, 0, 0, 500000, tzinfo=UTC)),
        ("  2025-07-01  ", datetime(2025, 7, 1, tzinfo=UTC)),
    ],
)
def test_accepted_forms(value: str | int | float, expected: datetime) -> None:
    parsed = parse_published(value, now=NOW)
    assert parsed == expected
    assert parsed.tzinfo is UTC


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("32.13.2025", "cannot read '32.13.2025' as a date"),
        ("yesterday", "cannot read 'yesterday' as a date"),
        ("", "cannot read '' as a date"),
        ("2025-02-30", "cannot read '2025-02-30' as a date"),
        (float("nan"), "cannot read nan as a date"),
        (True, "cannot read True as a date"),
        ("1899-12-31", "1899-12-31 is before 1900"),
        (
            "2025-07-05T00:00:00Z",
            "2025-07-05T00:00:00+00:00 is more than 2 days after collection (2025-07-02T12:00:00+00:00)",
        ),
    ],
)
def test_rejected_dates(value: str | float, reason: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_published(value, now=NOW)
    assert str(caught.value) == reason


def test_two_days_ahead_is_still_accepted() -> None:
    assert parse_published("2025-07-04T12:00:00Z", now=NOW) == NOW + timedelta(days=2)


def test_long_values_are_shortened_in_the_reason() -> None:
    with pytest.raises(DateError) as caught:
        parse_datetime("x" * 500)
    assert len(str(caught.value)) < 120


@given(aware_datetimes)
def test_iso_round_trip(moment: datetime) -> None:
    assert parse_datetime(moment.isoformat()) == moment


@given(st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2100, 1, 1)))
def test_naive_iso_means_utc(moment: datetime) -> None:
    assert parse_datetime(moment.isoformat()) == moment.replace(tzinfo=UTC)


@given(aware_datetimes)
def test_rfc2822_round_trip(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    assert parse_datetime(format_datetime(moment)) == moment


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2100, 1, 1)))
def test_dotted_round_trip(day: date) -> None:
    expected = datetime.combine(day, time(), tzinfo=UTC)
    assert parse_datetime(day.strftime("%d.%m.%Y")) == expected
    assert parse_datetime(f"{day.day}.{day.month}.{day.year}") == expected


@given(st.integers(min_value=100_000_000, max_value=99_999_999_999))
def test_unix_round_trip(seconds: int) -> None:
    expected = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)
    assert parse_datetime(seconds) == expected
    assert parse_datetime(str(seconds)) == expected


@given(st.one_of(st.text(), st.integers(), st.floats()))
def test_anything_parses_or_raises_date_error(value: str | int | float) -> None:
    try:
        parsed = parse_published(value, now=NOW)
    except DateError:
        return
    assert parsed.tzinfo is UTC
    assert datetime(1900, 1, 1, tzinfo=UTC) <= parsed <= NOW + timedelta(days=2)
