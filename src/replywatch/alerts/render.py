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

from replywatch.core.kinds import Kind
from replywatch.core.model import Action, ActionKind, Application, Direction
from replywatch.core.text import MAX_TEXT_CHARS, clean_line, clean_text
from replywatch.core.timeutil import iso
from replywatch.i18n import N_, _, humanize

MAX_TITLE_CHARS = 120
MAX_BODY_CHARS = MAX_TEXT_CHARS
MAX_EMAIL_BODY_CHARS = 4000

# The titles, who and what; "{}" is the company, cut so that the whole title fits.
_TITLES = {
    ActionKind.REPLY: "{} replied — your answer is due",
    ActionKind.THANK_YOU_DUE: "Thank {} for the interview",
    ActionKind.FOLLOW_UP_DUE: "Follow up with {} ({n} of {max_n})",
    ActionKind.GHOSTED: "{} has gone quiet — time to move on",
    ActionKind.REJECTED: "{} said no",
}
# A reply's title by what the message says.
_REPLY_TITLES = {
    Kind.INTERVIEW: "{} invites you to interview",
    Kind.OFFER: "{} made you an offer",
    Kind.ACTION: "{}: your move",
}
# What a reply's message asks of the user, by what it says.
_REPLY_ASKS = {
    Kind.INTERVIEW: "They invite you to interview: your answer is due.",
    Kind.OFFER: "An offer: your answer is due.",
}
# Words of an `action` message's evidence -> what they ask for, in plain words.
_ASKED_FOR = (
    (("assessment", "vurdering", "bedömning", "einschätzung"), "an assessment"),
    (("test", "oppgave", "uppgift", "opgave", "aufgabe", "challenge"), "a test or task"),
    (("form", "skjema", "formulär", "formular", "questionnaire", "spørreskjema"), "a form"),
    (("document", "dokument", "certificate", "attest", "vitnemål", "betyg", "zeugnis",
      "reference", "referanse", "referens"), "documents"),
    (("video",), "a video"),
)
_OVERDUE_TITLE = "Thank {} for the interview — overdue"

# Urgency by what happened (DESIGN.md "Telling the user"): an interview or an
# offer is critical; a plain reply, a rejection and every reminder are normal.
URGENCY_NORMAL, URGENCY_CRITICAL = "normal", "critical"
_CRITICAL_SAYS = frozenset({Kind.INTERVIEW, Kind.OFFER})
_SAME_THREAD = (
    "Stay on the channel where the relationship already is: reply in the same "
    "email thread, not by phone or on a new network."
)
_CONVERSATION = "Continue the conversation, don't ask for a decision."
_LAST_FOLLOW_UP = "This is the last follow-up: after it, silence is an answer."
_FOLLOW_UP_PROMPTS = (
    "A good follow-up mentions one of these:",
    "  - a highlight of your conversation with them;",
    "  - something you learned about the company that surprised you;",
    "  - something that resonates with your own values — or a pressing problem of",
    "    theirs that you have experience with.",
)
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
    company = clean_line(app.company) or f"application {app.id}"
    role = clean_line(app.role)
    title = _title(company, action, now)
    if action.kind is ActionKind.REPLY:
        lines, extra = _reply(company, action, now, tz, reply)
    elif action.kind is ActionKind.REJECTED:
        lines, extra = _rejected(company, action, now, tz)
    elif action.kind is ActionKind.THANK_YOU_DUE:
        lines, extra = _thank_you(company, action, now, tz)
    elif action.kind is ActionKind.FOLLOW_UP_DUE:
        lines, extra = _follow_up(company, action, now, tz)
    else:
        lines, extra = _ghosted(company, app, action, now, tz)
    facts = []
    if role:
        facts.append(f"Role: {role}")
    facts.append(f"Last contact: {_last_contact(app, now, tz)}")
    short = _short(app, action, now, tz, reply)
    if role:
        short.append(f"Role: {role}")
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
        wrote = f"They wrote on {since}."
        if reply is not None:
            sender = clean_line(reply.sender) or "They"
            wrote = f"{sender}, {humanize(reply.at, now, tz)}"
        if action.says is Kind.ACTION:
            return [wrote, f"They ask for {asked_for(action)}."]
        if reply is None:
            return [wrote]
        return [wrote, clean_line(reply.subject) or "(no subject)"]
    if action.kind is ActionKind.REJECTED:
        lines = [f"They wrote on {since}: it is no verdict on you."]
        if action.cause is not None and not action.cause.automated:
            lines.append("A person wrote and told you why: a short thank-you is worth sending."
                         if action.cause.reasons else
                         "A person wrote: a short thank-you reply keeps the door open.")
        return lines
    if action.kind is ActionKind.THANK_YOU_DUE:
        if _overdue(action, now):
            return [f"Your interview ended {since}: a late note still beats none."]
        return [f"Your interview ended {since}: thank them within a day."]
    if action.kind is ActionKind.FOLLOW_UP_DUE:
        advice = (_LAST_FOLLOW_UP if action.n >= action.max_n
                  else "Reply in the same thread: continue the conversation.")
        return [f"No answer since {since}.", advice]
    return [f"No answer since {since}: silence is an answer too.",
            f"To reopen it: replywatch app set {app.id} --stage applied"]


def _actions(app: Application, action: Action) -> tuple[tuple[tuple[str, str], ...], str]:
    """Return a notification's actions for ``app`` and the same as commands, on one line."""
    actions = [("snooze", f"Snooze {SNOOZE_DAYS} days"), ("replied", "Mark replied")]
    if gmail_thread(app) is not None:
        actions.insert(0, ("open", "Open"))
    if action.kind is ActionKind.REPLY:
        actions.append(("not_reply", "Not a reply"))
    if action.kind in _WRITE_LABELS and any(e.source == "mail" for e in app.events):
        # A reply in the thread, in the mail client (alerts/writer.py).
        actions.insert(0, ("write", _(_WRITE_LABELS[action.kind])))
    commands = (f"Snooze: replywatch app snooze {app.id} --days {SNOOZE_DAYS} · "
                f"replied: replywatch app log {app.id} --sent")
    return tuple(actions), commands


def _title(company: str, action: Action, now: datetime) -> str:
    """Return the title with ``company`` cut so that the whole fits in 120 characters."""
    if action.kind is ActionKind.THANK_YOU_DUE and _overdue(action, now):
        template = _OVERDUE_TITLE
    elif action.kind is ActionKind.REPLY and action.says in _REPLY_TITLES:
        template = _REPLY_TITLES[action.says]
    else:
        template = _TITLES[action.kind].replace("{n}", str(action.n))
        template = template.replace("{max_n}", str(action.max_n))
    room = MAX_TITLE_CHARS - (len(template) - 2)
    return template.replace("{}", clean_line(company, room))


def _reply(
    company: str, action: Action, now: datetime, tz: tzinfo, reply: ReplyInfo | None
) -> tuple[list[str], list[str]]:
    if reply is None:
        lines = [f"{company} wrote back on {humanize(action.since, now, tz)}."]
    else:
        sender = clean_line(reply.sender) or company
        subject = clean_line(reply.subject) or "(no subject)"
        lines = [f"{sender} wrote on {humanize(reply.at, now, tz)}:", f"Subject: {subject}"]
    if action.says is Kind.ACTION:
        lines.append(f"Your move: they ask for {asked_for(action)}.")
    else:
        lines.append(_REPLY_ASKS.get(action.says or Kind.OTHER,
                                     "The ball is in your court: your answer is due."))
    return lines, [_SAME_THREAD]


def asked_for(action: Action) -> str:
    """Return what an ``action`` message asks for, from the phrases that decided it:
    "an assessment", "a form" ... or the first phrase itself, quoted.
    """
    evidence = action.cause.evidence if action.cause is not None else ()
    text = " ".join(evidence).lower()
    for words, what in _ASKED_FOR:
        if any(word in text for word in words):
            return what
    return f'"{clean_line(evidence[0], 60)}"' if evidence else "something"


def _rejected(
    company: str, action: Action, now: datetime, tz: tzinfo
) -> tuple[list[str], list[str]]:
    cause = action.cause
    lines = [
        f"{company} will not go on with your application (they wrote "
        f"{humanize(action.since, now, tz)}).",
        "It is no verdict on you: know when to move on.",
    ]
    if cause is not None and not cause.automated:
        if cause.reasons:
            lines.append("A person wrote, and told you why: a short thank-you for the "
                         "feedback is worth sending; the relationship outlasts the role.")
        else:
            lines.append("A person wrote this: a short thank-you reply keeps the door open; "
                         "the relationship outlasts the role.")
    extra = ["replywatch sends no more reminders for this application.",
             "Put your energy into the next one: this is a career-long ultramarathon, "
             "not a sprint."]
    return lines, extra


def _thank_you(
    company: str, action: Action, now: datetime, tz: tzinfo
) -> tuple[list[str], list[str]]:
    ended = humanize(action.since, now, tz)
    if action.overdue_at is not None and _overdue(action, now):
        lines = [
            f"Your thank-you note to {company} is overdue since "
            f"{humanize(action.overdue_at, now, tz)}: best sent within a day of the "
            f"interview, which ended {ended}.",
            "Send it now: a late note still beats none.",
        ]
    else:
        lines = [
            f"Send {company} a thank-you note for your interview (ended {ended}): "
            "within a day of it is best.",
            f"Due {_due(action, now, tz)}.",
        ]
    extra = [
        "How you reflect on the interview tells them a lot: a line on what you took "
        "from the conversation says more than thanks alone.",
        "Send it by email, in the thread where you arranged the interview.",
    ]
    return lines, extra


def _follow_up(
    company: str, action: Action, now: datetime, tz: tzinfo
) -> tuple[list[str], list[str]]:
    lines = [
        f"Follow-up {action.n} of {action.max_n} to {company} is due {_due(action, now, tz)}.",
        f"No answer since {humanize(action.since, now, tz)}.",
        f"Reply in the same email thread. {_CONVERSATION}",
    ]
    extra = ["\n".join(_FOLLOW_UP_PROMPTS), _SAME_THREAD]
    if action.n >= action.max_n:
        lines.append(_LAST_FOLLOW_UP)
        extra.append(
            f"{_LAST_FOLLOW_UP} If they stay quiet, replywatch will tell you when to move on."
        )
    else:
        extra.append(
            f"Persistence is good, pestering is not: this is {action.n} of at most "
            f"{action.max_n}, spaced out."
        )
    return lines, extra


def _ghosted(
    company: str, app: Application, action: Action, now: datetime, tz: tzinfo
) -> tuple[list[str], list[str]]:
    lines = [
        f"No answer from {company} since {humanize(action.since, now, tz)}: "
        "silence is an answer too.",
        "It is no verdict on you. Time to move on: this is a career-long "
        "ultramarathon, not a sprint.",
        f"To reopen it: replywatch app set {app.id} --stage applied",
    ]
    extra = [
        "You did your part. Put your energy into the next application; if they do "
        "write back, replywatch will notice."
    ]
    return lines, extra


def _last_contact(app: Application, now: datetime, tz: tzinfo) -> str:
    """Return the latest contact up to ``now``: what it was, and when."""
    when, what = app.applied_at, "you applied"
    for interview in app.interviews:
        if when < interview.end <= now:
            when, what = interview.end, "your interview ended"
    for event in app.events:
        if when <= event.at <= now:
            when = event.at
            what = "they wrote" if event.direction is Direction.FROM_THEM else "you wrote"
    return f"{what} on {humanize(when, now, tz)}"


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


def _due(action: Action, now: datetime, tz: tzinfo) -> str:
    when = humanize(action.due, now, tz)
    return f"since {when}" if action.due <= now else when


def gmail_thread(app: Application) -> str | None:
    """Return the Gmail web link of the application's thread, if it has one."""
    for anchor in app.thread_ids:
        if anchor.startswith("gmthr:"):
            return f"https://mail.google.com/mail/u/0/#all/{int(anchor[6:]):x}"
    return None
