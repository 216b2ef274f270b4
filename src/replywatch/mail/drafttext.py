"""The words of a follow-up draft, in the user's language.

Short, kind and concrete, never pushy: a greeting, one or two sentences that carry
the conversation on, the prompts as lines in brackets for the user to fill in (a
highlight of the interview, something learned about the company that surprised,
something that resonated with one's own values, a pressing problem of theirs one
has solved before), and a closing. A thank-you note and the first, a later and the
last follow-up each read differently; the last says goodbye gracefully.
"""

from __future__ import annotations

from replywatch.core.draft import DraftPlan, Variant
from replywatch.i18n import N_, _

_FILL_IN = N_("[Fill in a line or two below, delete the rest, then send.]")
_HIGHLIGHT = N_("[A highlight of our conversation: …]")
_LEARNED = N_("[Something I learned about {company} that surprised me: …]")
_VALUES = N_("[Something that resonated with my own values: …]")
_PROBLEM = N_("[A pressing problem of yours that I have solved before: …]")
# Which prompts each text offers, in order.
_PROMPTS = {
    Variant.THANK_YOU: (_HIGHLIGHT, _LEARNED, _VALUES),
    Variant.FOLLOW_UP: (_HIGHLIGHT, _LEARNED, _VALUES, _PROBLEM),
    Variant.FOLLOW_UP_AGAIN: (_PROBLEM, _LEARNED),
    Variant.LAST_FOLLOW_UP: (_HIGHLIGHT,),
}


def position(plan: DraftPlan) -> str:
    """Return the job as a noun phrase: "the Engineer role at Acme"."""
    if plan.role:
        return _("the {role} role at {company}").format(role=plan.role, company=plan.company)
    return _("the position at {company}").format(company=plan.company)


def fallback_subject(plan: DraftPlan) -> str:
    """Return a subject for a draft whose thread has none."""
    if plan.variant is Variant.THANK_YOU:
        return _("Thank you for the conversation")
    return _("My application for {position}").format(position=position(plan))


def _opening(plan: DraftPlan) -> list[str]:
    where = position(plan)
    if plan.variant is Variant.THANK_YOU:
        lines = [_("Thank you for taking the time to talk with me about {position}.")
                 .format(position=where)]
        if plan.interviewers:
            lines.append(_("Please pass my thanks on to {names} as well.")
                         .format(names=", ".join(plan.interviewers)))
        return lines
    if plan.variant is Variant.FOLLOW_UP:
        return [_("I hope all is well. I am following up on my application for {position},"
                  " which I am still very interested in.").format(position=where)]
    if plan.variant is Variant.FOLLOW_UP_AGAIN:
        return [_("I wanted to share one more thought about {position} since my last "
                  "message.").format(position=where)]
    return [_("I know you have a lot on your plate, so this will be my last note about "
              "{position}.").format(position=where)]


def _closing(plan: DraftPlan) -> list[str]:
    if plan.variant is Variant.THANK_YOU:
        return [_("I look forward to hearing from you.")]
    if plan.variant is Variant.FOLLOW_UP:
        return [_("I would be glad to tell you more.")]
    if plan.variant is Variant.FOLLOW_UP_AGAIN:
        return [_("Happy to talk whenever it suits you.")]
    return [_("If the timing is not right, I understand completely. Thank you for your "
              "time, and all the best to you and the team; I would be glad to stay in "
              "touch.")]


def body(plan: DraftPlan) -> str:
    """Return the draft's text for ``plan`` in the language in use, lines ending "\\n"."""
    greeting = (_("Hi {name},").format(name=plan.greeting) if plan.greeting
                else _("Hi,"))
    prompts = [_(_FILL_IN)]
    prompts += [_(p).format(company=plan.company) for p in _PROMPTS[plan.variant]]
    if plan.notes:
        prompts.append(_("[Your notes: {notes}]").format(notes=plan.notes))
    paragraphs = [greeting, "\n".join(_opening(plan)), "\n".join(prompts),
                  "\n".join(_closing(plan)),
                  "\n".join(filter(None, [_("Best regards,"), plan.from_name]))]
    return "\n\n".join(paragraphs) + "\n"
