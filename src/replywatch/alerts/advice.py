"""The fuller words of an alert's email: what happened, and advice for each kind.

Pure, like ``render``, which joins these lines into the email body. Every text is
written in English, wrapped for the catalogue and shown in the user's language;
``company`` and the other arguments are clean text already.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from replywatch.core.kinds import Kind
from replywatch.core.model import Action
from replywatch.core.text import clean_line
from replywatch.i18n import N_, _, humanize

if TYPE_CHECKING:
    from replywatch.alerts.render import ReplyInfo

# What a reply's message asks of the user, by what it says.
_REPLY_ASKS = {
    Kind.INTERVIEW: N_("They invite you to interview: your answer is due."),
    Kind.OFFER: N_("An offer: your answer is due."),
}
# Words of an `action` message's evidence -> what they ask for, in plain words.
_ASKED_FOR = (
    (("assessment", "vurdering", "bedömning", "einschätzung"), N_("an assessment")),
    (("test", "oppgave", "uppgift", "opgave", "aufgabe", "challenge"), N_("a test or task")),
    (("form", "skjema", "formulär", "formular", "questionnaire", "spørreskjema"), N_("a form")),
    (("document", "dokument", "certificate", "attest", "vitnemål", "betyg", "zeugnis",
      "reference", "referanse", "referens"), N_("documents")),
    (("video",), N_("a video")),
)
_SAME_THREAD = N_(
    "Stay where the conversation already is: reply in the same email thread, "
    "not by phone or on a new network."
)
LAST_FOLLOW_UP = N_("This is the last follow-up: after it, silence is an answer.")
_FOLLOW_UP_PROMPTS = N_(
    "A good follow-up mentions one of these:\n"
    "  - a highlight of your conversation with them;\n"
    "  - something you learned about the company that surprised you;\n"
    "  - something that resonates with your own values — or a pressing problem of\n"
    "    theirs that you have experience with."
)


def asked_for(action: Action) -> str:
    """Return what an ``action`` message asks for, from the phrases that decided it:
    "an assessment", "a form" ... or the first phrase itself, quoted.
    """
    evidence = action.cause.evidence if action.cause is not None else ()
    text = " ".join(evidence).lower()
    for words, what in _ASKED_FOR:
        if any(word in text for word in words):
            return _(what)
    if evidence:
        return _('"{phrase}"').format(phrase=clean_line(evidence[0], 60))
    return _("something")


def reply(
    company: str, action: Action, now: datetime, tz: tzinfo, info: ReplyInfo | None
) -> tuple[list[str], list[str]]:
    """Return the lines and the advice of a ``reply`` alert's email."""
    if info is None:
        lines = [_("{company} wrote back on {date}.").format(
            company=company, date=humanize(action.since, now, tz))]
    else:
        sender = clean_line(info.sender) or company
        subject = clean_line(info.subject) or _("(no subject)")
        lines = [_("{sender} wrote on {date}:").format(sender=sender,
                                                       date=humanize(info.at, now, tz)),
                 _("Subject: {subject}").format(subject=subject)]
    if action.says is Kind.ACTION:
        lines.append(_("Your move: they ask for {what}.").format(what=asked_for(action)))
    else:
        ask = _REPLY_ASKS.get(action.says or Kind.OTHER)
        lines.append(_(ask) if ask else _("The ball is in your court: your answer is due."))
    return lines, [_(_SAME_THREAD)]


def rejected(company: str, action: Action, now: datetime, tz: tzinfo
             ) -> tuple[list[str], list[str]]:
    """Return the lines and the advice of a ``rejected`` alert's email."""
    cause = action.cause
    lines = [
        _("{company} will not go on with your application (they wrote {date}).").format(
            company=company, date=humanize(action.since, now, tz)),
        _("It is no verdict on you, and it is fine to move on."),
    ]
    if cause is not None and not cause.automated:
        if cause.reasons:
            lines.append(_("A person wrote, and told you why: a short thank-you for the "
                           "feedback is worth sending; the relationship outlasts the role."))
        else:
            lines.append(_("A person wrote this: a short thank-you reply keeps the door "
                           "open; the relationship outlasts the role."))
    extra = [_("replywatch sends no more reminders for this application."),
             _("Put your energy into the next one: this is a career-long ultramarathon, "
               "not a sprint.")]
    return lines, extra


def thank_you(company: str, action: Action, now: datetime, tz: tzinfo, *, overdue: bool
              ) -> tuple[list[str], list[str]]:
    """Return the lines and the advice of a ``thank_you_due`` alert's email."""
    ended = humanize(action.since, now, tz)
    if overdue and action.overdue_at is not None:
        lines = [
            _("Your thank-you note to {company} is overdue since {date}: best sent within "
              "a day of the interview, which ended {ended}.").format(
                company=company, date=humanize(action.overdue_at, now, tz), ended=ended),
            _("Send it when you can: a late note still beats none."),
        ]
    else:
        lines = [
            _("Send {company} a thank-you note for your interview (ended {ended}): "
              "within a day of it is best.").format(company=company, ended=ended),
            (_("Due since {date}.") if action.due <= now else _("Due {date}.")).format(
                date=humanize(action.due, now, tz)),
        ]
    extra = [
        _("How you reflect on the interview tells them a lot: a line on what you took "
          "from the conversation says more than thanks alone."),
        _("Send it by email, in the thread where you arranged the interview."),
    ]
    return lines, extra


def follow_up(company: str, action: Action, now: datetime, tz: tzinfo
              ) -> tuple[list[str], list[str]]:
    """Return the lines and the advice of a ``follow_up_due`` alert's email."""
    due = (_("Follow-up {n} of {max_n} to {company} is due since {date}.")
           if action.due <= now else
           _("Follow-up {n} of {max_n} to {company} is due {date}."))
    lines = [
        due.format(n=action.n, max_n=action.max_n, company=company,
                   date=humanize(action.due, now, tz)),
        _("No answer since {date}.").format(date=humanize(action.since, now, tz)),
        _("Reply in the same email thread. Continue the conversation, don't ask for "
          "a decision."),
    ]
    extra = [_(_FOLLOW_UP_PROMPTS), _(_SAME_THREAD)]
    if action.n >= action.max_n:
        lines.append(_(LAST_FOLLOW_UP))
        extra.append(_("This is the last follow-up. If they stay quiet, replywatch will "
                       "tell you when it is time to move on."))
    else:
        extra.append(_("Persistence is good, pestering is not: this is {n} of at most "
                       "{max_n}, spaced out.").format(n=action.n, max_n=action.max_n))
    return lines, extra


def ghosted(company: str, app_id: int, action: Action, now: datetime, tz: tzinfo
            ) -> tuple[list[str], list[str]]:
    """Return the lines and the advice of a ``ghosted`` alert's email."""
    lines = [
        _("No answer from {company} since {date}: silence is an answer too.").format(
            company=company, date=humanize(action.since, now, tz)),
        _("It is no verdict on you. Time to move on: this is a career-long "
          "ultramarathon, not a sprint."),
        reopen(app_id),
    ]
    extra = [_("You did your part. Put your energy into the next application; if they "
               "do write back, replywatch will notice.")]
    return lines, extra


def reopen(app_id: int) -> str:
    """Return the line that says how to reopen a ghosted application."""
    return _("To reopen it: replywatch app set {id} --stage applied").format(id=app_id)
