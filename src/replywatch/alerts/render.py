"""The words of an alert: one due action of one application, as text for every channel.

Pure: given the application, its action, ``now`` and the zone to show times in,
``render`` returns a title that says who and what, a short plain-text body of
two or three lines (desktop, console), a fuller email subject and body, the
notification's urgency and actions, and a JSON-ready payload (the command
channel). Every string that came from mail or the user is cleaned by
``core.text`` before it is used; nothing is markup-escaped here (the desktop
transport does that when the server reads markup), so ``<a href=...>`` in a
subject shows as harmless literal text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from replywatch.alerts import advice
from replywatch.core.kinds import Kind
from replywatch.core.model import Action, ActionKind, Application, Direction
from replywatch.core.text import MAX_TEXT_CHARS, clean_line, clean_text
from replywatch.core.timeutil import iso
from replywatch.i18n import N_, _, humanize, ngettext

MAX_TITLE_CHARS = 120
MAX_BODY_CHARS = MAX_TEXT_CHARS
MAX_EMAIL_BODY_CHARS = 4000

# The titles, who and what; "{company}" is cut so that the whole title fits.
_TITLES = {
    ActionKind.REPLY: N_("{company} replied — your answer is due"),
    ActionKind.THANK_YOU_DUE: N_("Thank {company} for the interview"),
    ActionKind.FOLLOW_UP_DUE: N_("Follow up with {company} ({n} of {max_n})"),
    ActionKind.GHOSTED: N_("{company} has gone quiet — time to move on"),
    ActionKind.REJECTED: N_("{company} said no"),
}
# A reply's title by what the message says.
_REPLY_TITLES = {
    Kind.INTERVIEW: N_("{company} invites you to interview"),
    Kind.OFFER: N_("{company} made you an offer"),
    Kind.ACTION: N_("{company}: your move"),
}
_OVERDUE_TITLE = N_("Thank {company} for the interview — it is not too late")

# Urgency by what happened (DESIGN.md "Telling the user"): an interview or an
# offer is critical; a plain reply, a rejection and every reminder are normal.
URGENCY_NORMAL, URGENCY_CRITICAL = "normal", "critical"
_CRITICAL_SAYS = frozenset({Kind.INTERVIEW, Kind.OFFER})
_SIGNATURE = "-- \nreplywatch"
# The action that opens a draft in the thread, where the application has one.
_WRITE_LABELS = {ActionKind.THANK_YOU_DUE: N_("Write thank-you"),
                 ActionKind.FOLLOW_UP_DUE: N_("Write follow-up")}
# How long the "Snooze" action of a notification silences an application.
SNOOZE_DAYS = 2


@dataclass(frozen=True)
class ReplyInfo:
    """The message that made a ``reply`` alert: its sender (display name and/or
    address, as the mail had it), its subject, and when it was sent. Hostile text.
    """

    sender: str
    subject: str
    at: datetime


@dataclass(frozen=True)
class RenderedAlert:
    """One alert, worded for every channel; every string in it is clean.

    ``key`` is the action's key (sent once), ``title`` at most 120 characters on
    one line, ``body`` two or three lines of plain text. ``payload`` is what the
    command channel writes as JSON: key, kind, n, max, due, since, overdue_at,
    application {id, company, role, stage, contacts}, reply (or None), title,
    body, urgency. ``urgency`` is "normal" or "critical".
    """

    key: str
    kind: str
    app_id: int
    title: str
    body: str
    email_subject: str
    email_body: str
    payload: dict[str, object] = field(hash=False)
    # (file name, MIME type, content) the email channel attaches; others ignore them.
    attachments: tuple[tuple[str, str, bytes], ...] = field(default=(), hash=False)
    urgency: str = URGENCY_NORMAL
    # (key, label) pairs a desktop notification offers, and the same as commands
    # for a server that shows no actions.
    actions: tuple[tuple[str, str], ...] = ()
    no_actions_text: str = ""


def render(
    app: Application,
    action: Action,
    *,
    now: datetime,
    tz: tzinfo,
    reply: ReplyInfo | None = None,
) -> RenderedAlert:
    """Given an application, its due action, ``now`` and the zone to show times in,
    return the alert's texts and payload.

    ``reply`` describes the message behind a ``reply`` action; without it the
    alert says only when they wrote. It is ignored for other kinds.
    """
    company = clean_line(app.company) or _("application {id}").format(id=app.id)
    role = clean_line(app.role)
    title = _title(company, action, now)
    if action.kind is ActionKind.REPLY:
        lines, extra = advice.reply(company, action, now, tz, reply)
    elif action.kind is ActionKind.REJECTED:
        lines, extra = advice.rejected(company, action, now, tz)
    elif action.kind is ActionKind.THANK_YOU_DUE:
        lines, extra = advice.thank_you(company, action, now, tz, overdue=_overdue(action, now))
    elif action.kind is ActionKind.FOLLOW_UP_DUE:
        lines, extra = advice.follow_up(company, action, now, tz)
    else:
        lines, extra = advice.ghosted(company, app.id, action, now, tz)
    role_line = [_("Role: {role}").format(role=role)] if role else []
    facts = [*role_line, _last_contact(app, now, tz)]
    short = [*_short(app, action, now, tz, reply), *role_line]
    body = clean_text("\n".join(short), MAX_BODY_CHARS)
    critical = action.kind is ActionKind.REPLY and action.says in _CRITICAL_SAYS
    urgency = URGENCY_CRITICAL if critical else URGENCY_NORMAL
    email_body = clean_text(
        "\n\n".join([title, "\n".join(lines), *extra, "\n".join(facts), _SIGNATURE]) + "\n",
        MAX_EMAIL_BODY_CHARS,
    )
    payload: dict[str, object] = {
        "key": action.key,
        "kind": action.kind.value,
        "n": action.n,
        "max": action.max_n,
        "due": iso(action.due, tz),
        "since": iso(action.since, tz),
        "overdue_at": iso(action.overdue_at, tz),
        "application": {
            "id": app.id,
            "company": company,
            "role": role,
            "stage": app.stage.value,
            "contacts": [clean_line(contact) for contact in app.contacts],
        },
        "reply": _reply_json(reply, tz) if action.kind is ActionKind.REPLY else None,
        "says": action.says.value if action.says else None,
        "title": title,
        "body": body,
        "urgency": urgency,
    }
    actions, commands = _actions(app, action)
    return RenderedAlert(
        key=action.key,
        kind=action.kind.value,
        app_id=app.id,
        title=title,
        body=body,
        email_subject=clean_line(f"[replywatch] {title}"),
        email_body=email_body,
        payload=payload,
        urgency=urgency,
        actions=actions,
        no_actions_text=commands,
    )


def _short(
    app: Application, action: Action, now: datetime, tz: tzinfo, reply: ReplyInfo | None
) -> list[str]:
    """Return the one or two lines a notification says below its title (the role follows)."""
    since = humanize(action.since, now, tz)
    if action.kind is ActionKind.REPLY:
        wrote = _("They wrote on {date}.").format(date=since)
        if reply is not None:
            wrote = _("{sender}, {date}").format(sender=clean_line(reply.sender) or _("They"),
                                                date=humanize(reply.at, now, tz))
        if action.says is Kind.ACTION:
            return [wrote, _("They ask for {what}.").format(what=advice.asked_for(action))]
        if reply is None:
            return [wrote]
        return [wrote, clean_line(reply.subject) or _("(no subject)")]
    if action.kind is ActionKind.REJECTED:
        lines = [_("They wrote on {date}: it is no verdict on you.").format(date=since)]
        if action.cause is not None and not action.cause.automated:
            lines.append(_("A person wrote and told you why: a short thank-you is worth "
                           "sending.") if action.cause.reasons else
                         _("A person wrote: a short thank-you reply keeps the door open."))
        return lines
    if action.kind is ActionKind.THANK_YOU_DUE:
        if _overdue(action, now):
            return [_("Your interview ended {date}: a late note still beats none.").format(
                date=since)]
        return [_("Your interview ended {date}: thank them within a day.").format(date=since)]
    if action.kind is ActionKind.FOLLOW_UP_DUE:
        hint = (_(advice.LAST_FOLLOW_UP) if action.n >= action.max_n
                else _("Reply in the same thread: continue the conversation."))
        return [_("No answer since {date}.").format(date=since), hint]
    return [_("No answer since {date}: silence is an answer too.").format(date=since),
            advice.reopen(app.id)]


def _actions(app: Application, action: Action) -> tuple[tuple[tuple[str, str], ...], str]:
    """Return a notification's actions for ``app`` and the same as commands, on one line."""
    snooze = ngettext("Snooze {days} day", "Snooze {days} days", SNOOZE_DAYS).format(
        days=SNOOZE_DAYS)
    actions = [("snooze", snooze), ("replied", _("Mark replied"))]
    if gmail_thread(app) is not None:
        actions.insert(0, ("open", _("Open")))
    if action.kind is ActionKind.REPLY:
        actions.append(("not_reply", _("Not a reply")))
    if action.kind in _WRITE_LABELS and any(e.source == "mail" for e in app.events):
        # A reply in the thread, in the mail client (alerts/writer.py).
        actions.insert(0, ("write", _(_WRITE_LABELS[action.kind])))
    commands = _("Snooze: replywatch app snooze {id} --days {days} · "
                 "replied: replywatch app log {id} --sent").format(id=app.id, days=SNOOZE_DAYS)
    return tuple(actions), commands


def _title(company: str, action: Action, now: datetime) -> str:
    """Return the title with ``company`` cut so that the whole fits in 120 characters."""
    if action.kind is ActionKind.THANK_YOU_DUE and _overdue(action, now):
        template = _(_OVERDUE_TITLE)
    elif action.kind is ActionKind.REPLY and action.says in _REPLY_TITLES:
        template = _(_REPLY_TITLES[action.says])
    else:
        template = _(_TITLES[action.kind])
    fields = {"n": action.n, "max_n": action.max_n}
    room = MAX_TITLE_CHARS - len(template.format(company="", **fields))
    return template.format(company=clean_line(company, max(room, 1)), **fields)


def _last_contact(app: Application, now: datetime, tz: tzinfo) -> str:
    """Return the line of the latest contact up to ``now``: what it was, and when."""
    when, what = app.applied_at, _LAST_APPLIED
    for interview in app.interviews:
        if when < interview.end <= now:
            when, what = interview.end, _LAST_INTERVIEW
    for event in app.events:
        if when <= event.at <= now:
            when = event.at
            what = _LAST_THEY_WROTE if event.direction is Direction.FROM_THEM else _LAST_YOU_WROTE
    return _(what).format(date=humanize(when, now, tz))


_LAST_APPLIED = N_("Last contact: you applied on {date}")
_LAST_INTERVIEW = N_("Last contact: your interview ended on {date}")
_LAST_THEY_WROTE = N_("Last contact: they wrote on {date}")
_LAST_YOU_WROTE = N_("Last contact: you wrote on {date}")


def _reply_json(reply: ReplyInfo | None, tz: tzinfo) -> dict[str, object] | None:
    if reply is None:
        return None
    return {
        "sender": clean_line(reply.sender),
        "subject": clean_line(reply.subject),
        "at": iso(reply.at, tz),
    }


def _overdue(action: Action, now: datetime) -> bool:
    return action.overdue_at is not None and now >= action.overdue_at


def gmail_thread(app: Application) -> str | None:
    """Return the Gmail web link of the application's thread, if it has one."""
    for anchor in app.thread_ids:
        if anchor.startswith("gmthr:"):
            return f"https://mail.google.com/mail/u/0/#all/{int(anchor[6:]):x}"
    return None
