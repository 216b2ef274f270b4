"""The calendar feed: interviews as events, due thank-you notes and follow-ups as
all-day events, with stable UIDs, so that a calendar re-reading the file updates
its entries instead of adding new ones.

Made with ``icalendar`` (a well-kept RFC 5545 library): folding, escaping and
time zones are its job.
"""

from __future__ import annotations

import os
import tempfile
from datetime import timedelta, tzinfo
from pathlib import Path

from replywatch.config import Config, default_store_path
from replywatch.core.model import ActionKind
from replywatch.i18n import _
from replywatch.report.data import ReportData
from replywatch.store.book import app_name, describe

_DOMAIN = "replywatch.invalid"  # UIDs need a domain; this one can never clash


def feed(data: ReportData, tz: tzinfo) -> bytes:
    """Return the iCalendar feed of ``data``: one VEVENT per interview and per due
    thank-you note or follow-up."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//replywatch//job search//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Job search (replywatch)"))
    stamp = data.now.replace(microsecond=0)
    for app in data.apps:
        for index, interview in enumerate(sorted(app.interviews, key=lambda i: i.start)):
            event = Event()
            key = interview.id if interview.id is not None else index
            event.add("uid", f"interview-{app.id}-{key}@{_DOMAIN}")
            event.add("dtstamp", stamp)
            event.add("dtstart", interview.start)
            event.add("dtend", interview.end)
            event.add("summary", _("Interview: {name}").format(name=app_name(app)))
            if interview.interviewers:
                event.add("description", _("With {names}").format(
                    names=", ".join(interview.interviewers)))
            cal.add_component(event)
    for app, action in data.due:
        if action.kind not in (ActionKind.THANK_YOU_DUE, ActionKind.FOLLOW_UP_DUE):
            continue
        event = Event()
        # The round (``since``) is part of the UID: a follow-up of a new round is a
        # new entry, the same one re-read is the same entry.
        round_ = action.since.strftime("%Y%m%dT%H%M%SZ")
        event.add("uid", f"{action.kind.value}-{app.id}-{action.n}-{round_}@{_DOMAIN}")
        event.add("dtstamp", stamp)
        day = action.due.astimezone(tz).date()
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        summary = (_("Thank-you note: {name}") if action.kind is ActionKind.THANK_YOU_DUE
                   else _("Follow-up {n} of {max_n}: {name}"))
        event.add("summary", summary.format(n=action.n, max_n=action.max_n, name=app_name(app)))
        event.add("description", describe(app, action, data.now, tz))
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        cal.add_component(event)
    return bytes(cal.to_ical())



def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename, so that a
    calendar reading the file never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def beside_store(config: Config, name: str) -> Path:
    """Return the path of file ``name`` in the store's folder (the feed, the report)."""
    return (config.store_path or default_store_path(os.environ)).parent / name
