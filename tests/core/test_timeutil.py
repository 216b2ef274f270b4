"""Wall-clock arithmetic across both daylight-saving changes, and business days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from replywatch.core.timeutil import add_days, from_wall_clock

OSLO = ZoneInfo("Europe/Oslo")


def test_from_wall_clock_time_skipped_by_spring_forward_moves_forward() -> None:
    # 2026-03-29: Oslo's clocks jump from 02:00 to 03:00; 02:30 does not exist.
    moment = from_wall_clock(datetime(2026, 3, 29, 2, 30), OSLO)
    assert datetime(2026, 3, 29, 3, 30, tzinfo=OSLO) == moment.astimezone(OSLO)
    assert "03:30:00+02:00" == moment.astimezone(OSLO).isoformat().split("T")[1]


def test_from_wall_clock_ambiguous_fall_back_time_is_first_occurrence() -> None:
    # 2026-10-25: Oslo's clocks go from 03:00 back to 02:00; 02:30 happens twice.
    moment = from_wall_clock(datetime(2026, 10, 25, 2, 30), OSLO)
    assert datetime(2026, 10, 25, 0, 30, tzinfo=UTC) == moment


def test_add_days_across_spring_forward_keeps_wall_clock_time() -> None:
    start = datetime(2026, 3, 27, 9, 0, tzinfo=OSLO)  # Friday, before the change
    later = add_days(start, 7, OSLO)
    assert (datetime(2026, 4, 3, 9, 0), timedelta(days=7) - timedelta(hours=1)) == (
        later.astimezone(OSLO).replace(tzinfo=None), later - start)


def test_add_days_across_fall_back_keeps_wall_clock_time() -> None:
    start = datetime(2026, 10, 23, 9, 0, tzinfo=OSLO)
    later = add_days(start, 7, OSLO)
    assert (datetime(2026, 10, 30, 9, 0), timedelta(days=7, hours=1)) == (
        later.astimezone(OSLO).replace(tzinfo=None), later - start)


MOMENTS = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31),
                       timezones=st.just(UTC))


@given(MOMENTS, st.integers(min_value=1, max_value=60))
def test_add_days_business_lands_on_a_weekday_after_exactly_n_weekdays(
        start: datetime, days: int) -> None:
    end = add_days(start, days, OSLO, business=True)
    local_start, local_end = start.astimezone(OSLO).date(), end.astimezone(OSLO).date()
    weekdays = sum(1 for i in range(1, (local_end - local_start).days + 1)
                   if (local_start + timedelta(days=i)).weekday() < 5)
    assert (True, days) == (local_end.weekday() < 5, weekdays)


@given(MOMENTS, st.integers(min_value=0, max_value=400))
def test_add_days_plain_moves_the_local_date_by_n_and_never_goes_back(
        start: datetime, days: int) -> None:
    end = add_days(start, days, OSLO)
    moved = end.astimezone(OSLO).date() - start.astimezone(OSLO).date()
    assert (timedelta(days=days), True) == (moved, end >= start)


@given(MOMENTS, st.integers(min_value=0, max_value=400), st.booleans())
def test_add_days_any_moment_equals_the_naive_wall_clock_reference(
        start: datetime, days: int, business: bool) -> None:
    # The reference: through a naive wall-clock time and from_wall_clock, step by step.
    local = start.astimezone(OSLO).replace(tzinfo=None)
    for _ in range(days):
        local += timedelta(days=1)
        while business and local.weekday() >= 5:
            local += timedelta(days=1)
    expected = from_wall_clock(local, OSLO)
    actual = add_days(start, days, OSLO, business=business)
    assert (expected, UTC) == (actual, actual.tzinfo)


def test_add_days_onto_a_skipped_time_moves_forward_by_the_gap() -> None:
    start = datetime(2026, 3, 28, 1, 30, tzinfo=UTC)  # 02:30 in Oslo, the day before
    assert datetime(2026, 3, 29, 1, 30, tzinfo=UTC) == add_days(start, 1, OSLO)  # 03:30 CEST


def test_add_days_zero_from_the_second_occurrence_is_the_first_occurrence() -> None:
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET, after the fall back
    expected = (datetime(2026, 10, 25, 0, 30, tzinfo=UTC),) * 2  # 02:30 CEST
    assert expected == (add_days(second, 0, OSLO), add_days(second, 0, OSLO, business=True))
