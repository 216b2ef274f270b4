"""What a follow-up draft says where: pure planning of a reply in the application's thread.

Given the messages of an application's thread (already parsed, hostile text cleaned)
and the due action, ``plan`` decides who writes to whom, the subject, the thread
headers (In-Reply-To, References, RFC 5322 section 3.6.4) and which of the four texts
fits: a thank-you note, a first follow-up, a later one, or the last one, which says
goodbye. The words themselves are the user's language's (mail/draft.py); building the
message and the IMAP APPEND are edges too.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from replywatch.core.model import Action, ActionKind, Application, Direction
from replywatch.core.text import clean_line

# References kept in a draft: the thread's root and the nearest ancestors. RFC 5322
# lets them grow without bound; clients (mutt, Thunderbird) trim long lists the same
# way, keeping the first id so that a threader still finds the root.
MAX_REFERENCES = 20
MAX_SUBJECT_CHARS = 200
MAX_NOTES_CHARS = 300
# One reply or forward prefix at a time ("Re:", "SV:", "VS:", "AW:", "Fwd:", "Re[2]:"):
# no nested quantifier, and the loop that strips them is bounded.
_PREFIX = re.compile(r"\s*(?:re|sv|vs|aw|antw|fwd|fw|wg|tr|ref)(?:\[\d{1,4}\])?\s?:",
                     re.IGNORECASE)
_MAX_PREFIXES = 20
# Display names that are a team or a system, not a person to greet by name.
_NOT_A_PERSON = frozenset({
    "recruiting", "recruitment", "recruiter", "talent", "team", "careers", "career",
    "jobs", "job", "hr", "hiring", "noreply", "no-reply", "donotreply", "rekruttering",
    "karriere", "jobb", "stilling", "people", "support", "notifications", "mailer",
})  # fmt: skip


class Variant(StrEnum):
    """Which text a draft carries."""

    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"  # the first follow-up
    FOLLOW_UP_AGAIN = "follow_up_again"  # a later one, not the last
    LAST_FOLLOW_UP = "last_follow_up"  # says goodbye gracefully


@dataclass(frozen=True)
class ThreadMail:
    """One message of an application's thread, as the store knows it.

    Addresses are lower-cased; ids are without angle brackets; text is cleaned.
    ``automated`` is True for mail no person wrote (an ATS receipt, an auto-reply).
    """

    direction: Direction
    when: datetime
    message_id: str | None = None
    from_addr: str | None = None
    from_name: str = ""
    to: tuple[str, ...] = ()
    reply_to: tuple[str, ...] = ()
    subject: str = ""
    references: tuple[str, ...] = ()
    in_reply_to: tuple[str, ...] = ()
    automated: bool = False
    # (address, display name) of the recipients that had a name: how the user
    # addressed them, for a greeting when they never wrote themselves.
    to_names: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DraftPlan:
    """Everything a draft is made of but its words.

    ``greeting`` is the first name to greet ("" when no person's name is known);
    ``interviewers`` the names (or addresses) of the latest interview's people
    other than the addressee; ``subject`` is "" when the thread has none.
    """

    variant: Variant
    from_addr: str
    from_name: str
    to_addr: str
    to_name: str
    greeting: str
    subject: str
    in_reply_to: str | None
    references: tuple[str, ...]
    company: str
    role: str
    notes: str
    interviewers: tuple[str, ...]
    n: int
    max_n: int


def variant_of(action: Action) -> Variant | None:
    """Return the text a due action's draft carries, or None when it takes no draft
    (a reply, a rejection, ghosted: the user writes those, or nothing)."""
    if action.kind is ActionKind.THANK_YOU_DUE:
        return Variant.THANK_YOU
    if action.kind is not ActionKind.FOLLOW_UP_DUE:
        return None
    if action.n >= action.max_n:
        return Variant.LAST_FOLLOW_UP
    return Variant.FOLLOW_UP if action.n <= 1 else Variant.FOLLOW_UP_AGAIN


def reply_subject(subject: str) -> str:
    """Return "Re: " + ``subject`` without its reply and forward prefixes ("Re: Re:",
    "SV:", "VS:", "AW:", "Fwd:"), cleaned and capped; "" for a blank subject."""
    text = clean_line(subject, MAX_SUBJECT_CHARS)
    for _ in range(_MAX_PREFIXES):
        found = _PREFIX.match(text)
        if found is None:
            break
        text = text[found.end():].lstrip()
    return f"Re: {text}" if text else ""


def cap_references(ids: Sequence[str]) -> tuple[str, ...]:
    """Return ``ids`` without repeats, at most MAX_REFERENCES: the first (the thread's
    root) and the nearest ancestors."""
    seen: list[str] = []
    for mid in ids:
        if mid and mid not in seen:
            seen.append(mid)
    if len(seen) <= MAX_REFERENCES:
        return tuple(seen)
    return (seen[0], *seen[-(MAX_REFERENCES - 1):])


def first_name(display: str) -> str:
    """Return the first name in a display name ("Jane Roe", "Roe, Jane" -> "Jane"), or ""
    when it names a team or a system rather than a person."""
    name = clean_line(display, 80).strip("\"' ")
    if "," in name:
        name = name.split(",", 1)[1].strip()
    words = name.split()
    if not words or any(w.lower().strip(".-") in _NOT_A_PERSON for w in words):
        return ""
    first = words[0]
    return first if first.replace("-", "").isalpha() else ""


def _pick_last(thread: Sequence[ThreadMail]) -> ThreadMail | None:
    """Return the message to reply to: the latest a person wrote; else the user's latest
    (their application); else the latest of all."""
    ordered = sorted(thread, key=lambda m: m.when)
    for pool in ([m for m in ordered if not m.automated],
                 [m for m in ordered if m.direction is Direction.TO_THEM], ordered):
        if pool:
            return pool[-1]
    return None


def _names(thread: Sequence[ThreadMail]) -> dict[str, str]:
    """Return address -> the latest display name it wrote under, else the latest it was
    written to under."""
    names: dict[str, str] = {}
    for mail in sorted(thread, key=lambda m: m.when):
        for address, name in mail.to_names:
            if name:
                names[address] = clean_line(name, 80)
    for mail in sorted(thread, key=lambda m: m.when):
        if mail.from_addr and mail.from_name:
            names[mail.from_addr] = clean_line(mail.from_name, 80)
    return names


def _recipient(last: ThreadMail, thread: Sequence[ThreadMail], own: Collection[str],
               contacts: Sequence[str]) -> str | None:
    if last.direction is Direction.FROM_THEM:
        for address in (*last.reply_to, last.from_addr):
            if address and address not in own:
                return address
    for mail in sorted(thread, key=lambda m: m.when, reverse=True):
        if mail.direction is Direction.TO_THEM:
            others = [a for a in mail.to if a not in own]
            if others:
                return others[0]
        elif mail.from_addr and mail.from_addr not in own:
            return mail.from_addr
    return contacts[0] if contacts else None


def _sender(thread: Sequence[ThreadMail], own: Collection[str], fallback: str
            ) -> tuple[str, str]:
    """Return (address, name) the user wrote from in the thread (their latest message;
    else the own address they were written to), else ``fallback``."""
    ordered = sorted(thread, key=lambda m: m.when, reverse=True)
    name = next((clean_line(m.from_name, 80) for m in ordered
                 if m.direction is Direction.TO_THEM and m.from_name), "")
    for mail in ordered:
        if mail.direction is Direction.TO_THEM and mail.from_addr:
            return mail.from_addr, name
    for mail in ordered:
        mine = [a for a in mail.to if a in own]
        if mail.direction is Direction.FROM_THEM and mine:
            return mine[0], name
    return fallback, name


def plan(app: Application, action: Action, thread: Sequence[ThreadMail], *,
         own: Collection[str], fallback_from: str) -> DraftPlan | None:
    """Given an application, its due action, its thread's messages and the user's own
    addresses, return the draft's plan; None when the action takes no draft or there is
    nobody to write to.

    From is the address the user used in the thread (``fallback_from`` when the thread
    shows none); To is whoever wrote last (their Reply-To first), or whom the user
    last wrote to, or the application's first contact.
    """
    variant = variant_of(action)
    if variant is None:
        return None
    last = _pick_last(thread)
    to_addr = (_recipient(last, thread, own, app.contacts) if last is not None
               else (app.contacts[0] if app.contacts else None))
    if to_addr is None:
        return None
    from_addr, from_name = _sender(thread, own, fallback_from)
    names = _names(thread)
    to_name = names.get(to_addr, "")
    if last is not None and last.message_id:
        in_reply_to: str | None = last.message_id
        references = cap_references((*(last.references or last.in_reply_to[-1:]),
                                     last.message_id))
    else:
        in_reply_to, references = None, ()
    people: tuple[str, ...] = ()
    if app.interviews:
        latest = max(app.interviews, key=lambda i: i.start)
        people = tuple(names.get(p.lower(), clean_line(p, 80)) for p in latest.interviewers
                       if p.lower() != to_addr)
    return DraftPlan(
        variant=variant, from_addr=from_addr, from_name=from_name, to_addr=to_addr,
        to_name=to_name, greeting=first_name(to_name), subject=reply_subject(
            last.subject if last is not None else ""),
        in_reply_to=in_reply_to, references=references,
        company=clean_line(app.company, 80), role=clean_line(app.role, 80),
        notes=clean_line(app.notes, MAX_NOTES_CHARS), interviewers=people,
        n=action.n, max_n=action.max_n)


def draft_message_id(action_key: str, from_addr: str) -> str:
    """Return the Message-ID (without brackets) of the draft of one due action: stable,
    so the daemon's draft and ``replywatch draft`` are the same message, and in the
    domain of the user's own address."""
    digest = hashlib.sha256(f"{action_key}\n{from_addr}".encode()).hexdigest()[:32]
    domain = from_addr.rpartition("@")[2] or "replywatch.invalid"
    return f"draft.{digest}@{domain}"
