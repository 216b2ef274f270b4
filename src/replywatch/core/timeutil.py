"""Time zones, calendar arithmetic and parsing of user-typed dates.

Days are counted on the wall clock of the configured zone, so that "7 days after
Monday 09:00" is the next Monday 09:00 even across a daylight-saving change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from replywatch.errors import UserError


def zone(name: str) -> tzinfo:
    """Given an IANA zone name ("" for the system's zone), return the tzinfo.

    Raise UserError if the name is unknown.
    """
    if not name:
        import tzlocal

        try:
            return tzlocal.get_localzone()
        except (ZoneInfoNotFoundError, ValueError):
            return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UserError(f"unknown time zone {name!r}") from exc


def add_days(start: datetime, days: int, tz: tzinfo, *, business: bool = False) -> datetime:
    """Given an aware ``start``, return it moved ``days`` days later on the wall clock of ``tz``.

    With ``business``, only Monday to Friday count: each step moves to the next
    weekday, so Friday 10:00 + 1 is Monday 10:00 and Saturday 10:00 + 1 is Monday 10:00.
    The result is in UTC.
    """
    local = start.astimezone(tz).replace(tzinfo=None)
    if not business:
        local += timedelta(days=days)
    else:
        for _ in range(days):
            local += timedelta(days=1)
            while local.weekday() >= 5:
                local += timedelta(days=1)
    return from_wall_clock(local, tz)


def from_wall_clock(local: datetime, tz: tzinfo) -> datetime:
    """Given a naive wall-clock time in ``tz``, return the aware UTC instant.

    A time that does not exist (skipped by a spring-forward change) is moved
    forward by the gap, as a wall clock would show it; an ambiguous one takes the
    first occurrence.
    """
    aware = local.replace(tzinfo=tz, fold=0)
    back = aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    if back != local:  # in a gap: the offset before the change applies
        aware = local.replace(tzinfo=tz, fold=1)
    return aware.astimezone(UTC)


def parse_when(text: str, tz: tzinfo, *, what: str = "date") -> datetime:
    """Given a user-typed DATE or DATETIME (ISO 8601), return an aware UTC datetime.

    A date alone means midnight in ``tz``; a datetime without offset is read in
    ``tz``; "now", "today" and "yesterday" are accepted. Raise UserError naming
    ``what`` and the bad text otherwise.
    """
    raw = text.strip()
    lowered = raw.lower()
    if lowered == "now":
        return datetime.now(UTC)
    if lowered in ("today", "yesterday"):
        day = datetime.now(tz).date() - timedelta(days=1 if lowered == "yesterday" else 0)
        return from_wall_clock(datetime.combine(day, time()), tz)
    try:
        if len(raw) == 10:
            return from_wall_clock(datetime.combine(date.fromisoformat(raw), time()), tz)
        parsed = datetime.fromisoformat(raw.replace(" ", "T", 1))
    except ValueError as exc:
        raise UserError(
            f"{what}: not a date or date-time: {text!r}",
            hint="use ISO 8601, e.g. 2026-11-24 or 2026-11-24T14:30 or 2026-11-24T14:30+01:00",
        ) from exc
    if parsed.tzinfo is None:
        return from_wall_clock(parsed, tz)
    return parsed.astimezone(UTC)


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


def humanize(value: datetime, now: datetime, tz: tzinfo) -> str:
    """Return a short local label such as "Mon 24 Nov" or "Mon 24 Nov 14:30" for display."""
    local = value.astimezone(tz)
    label = f"{local:%a} {local.day} {local:%b}"
    if local.year != now.astimezone(tz).year:
        label += f" {local.year}"
    if (local.hour, local.minute) != (0, 0):
        label += f" {local:%H:%M}"
    return label
