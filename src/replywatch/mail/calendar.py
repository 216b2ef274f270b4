"""A calendar invite (text/calendar, RFC 5545) -> the interview it describes.

Read with the icalendar library: the first VEVENT's UID, start, end and people.
A hostile or broken invite gives None, never an exception; its text is capped
before parsing (a partial fetch gives at most 16 KB anyway).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from replywatch.core.timeutil import to_utc

INVITE_CAP = 16 * 1024
DEFAULT_LENGTH = timedelta(hours=1)  # an invite without DTEND or DURATION
MAX_PEOPLE = 20


@dataclass(frozen=True)
class Invite:
    """One interview invite: its iCalendar UID (an update or a cancel names the
    same one), times in UTC, organizer and attendee addresses, and whether it
    cancels the event.
    """

    uid: str
    start: datetime
    end: datetime
    attendees: tuple[str, ...] = ()
    organizer: str | None = None
    cancelled: bool = False


def _address(value: object) -> str | None:
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.lower()[:254] if "@" in text else None


def _moment(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return to_utc(value)  # a floating time (no zone) is taken as UTC: the best guess
    return None  # nothing, or an all-day date: no interview slot


def read_invite(text: str) -> Invite | None:
    """Given the text of a text/calendar part, return its first event as an Invite,
    or None when there is no usable event (broken, all-day, no start).
    """
    import icalendar

    try:
        cal = icalendar.Calendar.from_ical(text[:INVITE_CAP])
        method = str(cal.get("METHOD", "")).upper()
        event = next(iter(cal.walk("VEVENT")), None)
        if event is None:
            return None
        start = _moment(event.decoded("DTSTART", None))
        if start is None:
            return None
        end = _moment(event.decoded("DTEND", None))
        if end is None:
            duration = event.decoded("DURATION", None)
            end = start + (duration if isinstance(duration, timedelta) else DEFAULT_LENGTH)
        raw = event.get("ATTENDEE", [])
        people = [_address(a) for a in (raw if isinstance(raw, list) else [raw])]
        organizer = _address(event.get("ORGANIZER", ""))
        status = str(event.get("STATUS", "")).upper()
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None
    return Invite(
        uid=str(event.get("UID", "")) or f"start:{start.isoformat()}",
        start=start,
        end=max(end, start),
        attendees=tuple(dict.fromkeys(p for p in (organizer, *people) if p))[:MAX_PEOPLE],
        organizer=organizer,
        cancelled=method == "CANCEL" or status == "CANCELLED",
    )
