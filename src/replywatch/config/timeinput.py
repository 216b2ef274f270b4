"""Time zones by name and user-typed dates.

These read the system (its zone, its clock for "now" and "today"), so they live here
rather than in the pure core; the arithmetic they lean on is core.timeutil's.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from replywatch.core.timeutil import from_wall_clock
from replywatch.errors import UserError
from replywatch.i18n import _


def zone(name: str) -> tzinfo:
    """Given an IANA zone name ("" for the system's zone), return the tzinfo.

    Raise UserError if the name is unknown.
    """
    if not name:
        linked = linked_zone(os.environ)
        if linked is not None:
            return linked
        import tzlocal

        try:
            return tzlocal.get_localzone()
        except (ZoneInfoNotFoundError, ValueError):
            return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UserError(_("unknown time zone {name}").format(name=repr(name))) from exc


def linked_zone(environ: Mapping[str, str], localtime: str = "/etc/localtime") -> ZoneInfo | None:
    """Given the environment, return the system's zone named by the ``localtime`` link
    (as systemd's timedatectl sets it: /etc/localtime -> .../zoneinfo/Europe/Oslo), or
    None when $TZ is set, or there is no such link, or it names no zone.
    """
    # tzlocal answers every case (it is the fallback), but costs ~8 ms of each command:
    # its import, and each path suffix it tries as a zone name loads importlib.resources.
    if "TZ" in environ:
        return None
    target = os.path.realpath(localtime)
    _, marker, key = target.rpartition("/zoneinfo/")
    if not marker or not key:
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None


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
            _("{what}: not a date or date-time: {text}").format(what=what, text=repr(text)),
            hint=_("use ISO 8601, e.g. {date} or {datetime} or {offset}").format(
                date="2026-11-24", datetime="2026-11-24T14:30", offset="2026-11-24T14:30+01:00"),
        ) from exc
    if parsed.tzinfo is None:
        return from_wall_clock(parsed, tz)
    return parsed.astimezone(UTC)
