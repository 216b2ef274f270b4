"""The application book: the operations behind ``replywatch app ...`` and ``status``.

Each function takes an open store and plain values (already parsed by the CLI),
changes the store in one transaction, and returns plain data for the CLI to print.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime, timedelta, tzinfo
from typing import Any, NamedTuple

from replywatch.core.cadence import Evaluation, evaluate
from replywatch.core.kinds import Kind
from replywatch.core.model import Action, ActionKind, Application, Direction, Event, Stage
from replywatch.core.policy import Policy
from replywatch.core.text import clean_line
from replywatch.core.timeutil import iso
from replywatch.errors import UserError
from replywatch.i18n import N_, _, humanize
from replywatch.store import Store


@functools.cache
def _address() -> re.Pattern[str]:
    # Compiled when an address is first checked: `status` and `app list` check none.
    return re.compile(r"^[^@\s<>(),;:\"\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


def check_address(text: str, *, what: str = "address") -> str:
    """Return the address lower-cased. Raise UserError naming ``what`` if it is not one."""
    address = text.strip()
    if not _address().match(address):
        raise UserError(_("{option}: not an email address: {text}").format(
            option=what, text=repr(text)))
    return address.lower()


def check_message_id(text: str) -> str:
    """Return a Message-ID without angle brackets. Raise UserError if it is not one."""
    mid = text.strip().removeprefix("<").removesuffix(">").strip()
    if not mid or any(c.isspace() for c in mid) or "<" in mid or ">" in mid:
        raise UserError(_("{option}: not a Message-ID: {text}").format(
                            option="--thread", text=repr(text)),
                        hint=_("a Message-ID looks like {example}").format(
                            example="<abc123@mail.example.com>"))
    return mid


# Book is a named tuple, not a frozen dataclass: as immutable, and cheaper to define at
# the start of every command.
class Book(NamedTuple):
    """The store with what is needed to judge it: the policy, the zone and the time."""

    store: Store
    policy: Policy
    tz: tzinfo
    now: datetime

    def evaluate(self, app: Application) -> Evaluation:
        """Return the cadence's view of one application now."""
        return evaluate(app, self.policy, self.tz, self.now)

    # -- changes ------------------------------------------------------------------

    def add(
        self,
        *,
        company: str,
        role: str = "",
        contacts: list[str] | None = None,
        applied_at: datetime | None = None,
        thread_ids: list[str] | None = None,
        notes: str = "",
    ) -> int:
        """Add an application; return its id. Raise UserError on a blank company."""
        if not company.strip():
            raise UserError(_("{option}: must not be empty").format(option="--company"))
        with self.store.tx():
            return self.store.add_application(
                company=company.strip(),
                role=role.strip(),
                applied_at=applied_at or self.now,
                contacts=contacts or [],
                thread_ids=thread_ids or [],
                notes=notes,
                now=self.now,
            )

    def interview(
        self, app_id: int, start: datetime, end: datetime | None, interviewers: list[str]
    ) -> Application:
        """Record an interview (default length one hour); move the stage to interviewing."""
        end = end or start + timedelta(hours=1)
        if end < start:
            raise UserError(_("{option}: the interview cannot end before it starts").format(
                option="--end"))
        with self.store.tx():
            app = self.store.get(app_id)
            self.store.add_interview(app_id, start, end, interviewers)
            for address in interviewers:
                self.store.add_contact(app_id, address)
            if app.stage.rank < Stage.INTERVIEWING.rank:
                self.store.update_application(app_id, self.now, stage=Stage.INTERVIEWING)
        return self.store.get(app_id)

    def log(self, app_id: int, direction: Direction, at: datetime | None, note: str) -> Application:
        """Record a contact made outside the watched mailbox."""
        with self.store.tx():
            self.store.require(app_id)
            event = Event(at=at or self.now, direction=direction, source="manual",
                          note=note or None)
            self.store.add_event(app_id, event)
        return self.store.get(app_id)

    def set(
        self,
        app_id: int,
        *,
        stage: Stage | None = None,
        role: str | None = None,
        add_contacts: list[str] | None = None,
        follow_up_after_days: int | None = None,
        max_follow_ups: int | None = None,
    ) -> Application:
        """Change an application's stage, role, contacts or per-application overrides."""
        fields: dict[str, object] = {}
        if stage is not None:
            fields["stage"] = stage
        if role is not None:
            fields["role"] = role
        if follow_up_after_days is not None:
            if follow_up_after_days < 1:
                raise UserError(_("{option}: must be at least 1").format(
                    option="--follow-up-after-days"))
            fields["follow_up_after_days"] = follow_up_after_days
        if max_follow_ups is not None:
            if max_follow_ups < 0:
                raise UserError(_("{option}: must be 0 or more").format(option="--max-follow-ups"))
            fields["max_follow_ups"] = max_follow_ups
        with self.store.tx():
            self.store.require(app_id)
            if fields:
                self.store.update_application(app_id, self.now, **fields)
            for address in add_contacts or []:
                self.store.add_contact(app_id, address)
        return self.store.get(app_id)

    def snooze(self, app_id: int, until: datetime | None) -> Application:
        """Keep an application quiet until ``until``; None ends a snooze."""
        with self.store.tx():
            self.store.require(app_id)
            self.store.update_application(app_id, self.now, snoozed_until=until)
        return self.store.get(app_id)

    def remove(self, app_id: int) -> Application:
        """Remove an application (kept 30 days for ``restore``); return it as it was.

        Also delete for good what was removed more than 30 days ago.
        """
        from replywatch.store import removed  # here: only `app remove` needs it

        with self.store.tx():
            app = self.store.get(app_id)
            removed.remove(self.store, app_id, self.now)
            removed.purge(self.store, self.now)
        return app

    def restore(self, app_id: int) -> Application:
        """Bring back a removed application; return it."""
        from replywatch.store import removed

        with self.store.tx():
            removed.restore(self.store, app_id, self.now)
        return self.store.get(app_id)

    # -- views --------------------------------------------------------------------

    def as_json(self, app: Application) -> dict[str, Any]:
        """Return the JSON object of one application (``app list/show --json``)."""
        ev = self.evaluate(app)
        return {
            "id": app.id,
            "company": app.company,
            "role": app.role,
            "stage": app.stage.value,
            "contacts": list(app.contacts),
            "domains": list(app.domains),
            "relay_senders": list(app.relay_senders),
            "applied_at": iso(app.applied_at, self.tz),
            "last_from_them": iso(ev.last_from_them, self.tz),
            "last_to_them": iso(ev.last_to_them, self.tz),
            "follow_ups_sent": ev.follow_ups_sent,
            "waiting_on": ev.waiting_on,
            "next_action": action_json(ev.action, self.tz),
            "snoozed_until": iso(app.snoozed_until, self.tz),
            "thread_ids": list(app.thread_ids),
            "interviews": [
                {"start": iso(i.start, self.tz), "end": iso(i.end, self.tz),
                 "with": list(i.interviewers)}
                for i in app.interviews
            ],
            "events": [
                {"at": iso(e.at, self.tz), "direction": e.direction.value, "source": e.source,
                 "message_id": e.message_id, "note": e.note,
                 "kind": e.kind.value if e.kind else None}
                for e in app.events
            ],
            "notes": app.notes,
            "overrides": {
                "follow_up_after_days": app.overrides.follow_up_after_days,
                "max_follow_ups": app.overrides.max_follow_ups,
            },
        }

    def judged(self) -> list[Application]:
        """Return the applications that can have a next action: the open ones, and the
        rejected (whose rejection's notice is one)."""
        return [app for app in self.store.applications(include_closed=True)
                if not app.stage.is_closed or app.stage is Stage.REJECTED]

    def due(self, *, include_future: bool = True) -> list[tuple[Application, Action]]:
        """Return (application, next action) for open applications, soonest first,
        and the notice of a fresh rejection.
        """
        pairs = []
        for app in self.judged():
            action = self.evaluate(app).action
            if action is not None and (include_future or action.due <= self.now):
                pairs.append((app, action))
        pairs.sort(key=lambda pair: (pair[1].due, pair[0].id))
        return pairs


def action_json(action: Action | None, tz: tzinfo) -> dict[str, Any] | None:
    """Return ``{"kind", "due", "n", ...}`` for an action, or None."""
    if action is None:
        return None
    return {
        "kind": action.kind.value,
        "due": iso(action.due, tz),
        "n": action.n,
        "max": action.max_n,
        "overdue_at": iso(action.overdue_at, tz),
        "key": action.key,
    }


def action_text(action: Action, now: datetime, tz: tzinfo) -> str:
    """Return the next action in words, e.g. "follow-up 1 of 3 due since Mon 24 Nov"."""
    when = humanize(action.due, now, tz)
    past = action.due <= now
    if action.kind is ActionKind.REPLY:
        words = _REPLY_WORDS.get(action.says) if action.says else None
        return _(words or N_("replied {when}: your answer is due")).format(when=when)
    if action.kind is ActionKind.THANK_YOU_DUE:
        if action.overdue_at is not None and now >= action.overdue_at:
            return _("thank-you note overdue since {when}").format(
                when=humanize(action.overdue_at, now, tz))
        if past:
            return _("thank-you note due since {when}").format(when=when)
        return _("thank-you note due {when}").format(when=when)
    if action.kind is ActionKind.FOLLOW_UP_DUE:
        if past:
            return _("follow-up {n} of {max} due since {when}").format(
                n=action.n, max=action.max_n, when=when)
        return _("follow-up {n} of {max} due {when}").format(
            n=action.n, max=action.max_n, when=when)
    if action.kind is ActionKind.REJECTED:
        return _("said no {when}: time to move on").format(when=when)
    if past:
        return _("no answer: ghosted since {when}").format(when=when)
    return _("ghosted {when} if still silent").format(when=when)


def app_name(app: Application) -> str:
    """Return "Company (Role)", cleaned: both may come from an import or a mail."""
    return clean_line(app.company, 60) + (f" ({clean_line(app.role, 60)})" if app.role else "")


def describe(app: Application, action: Action, now: datetime, tz: tzinfo) -> str:
    """Return one line such as "Acme — follow-up 1 of 3 due since Mon 24 Nov"."""
    return f"{app_name(app)} — {action_text(action, now, tz)}"


# What a reply's message was, in the one-line view.
_REPLY_WORDS = {
    Kind.INTERVIEW: N_("invited you to interview {when}: your answer is due"),
    Kind.OFFER: N_("made you an offer {when}: your answer is due"),
    Kind.ACTION: N_("asked something of you {when}: your answer is due"),
}
