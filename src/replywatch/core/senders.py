"""Who a relay or job-board sender writes for.

An ATS sends for thousands of employers; the employer shows in its *slot* of the
sender address, where there is one: the tenant label (``acme.teamtailor-mail.com``,
``terros.na.teamtailor-mail.com``, ``acme.recruitee.com``) or the local part
(``acme@myworkday.com``, ``e113-jobs@m.personio.de`` -- an id, which cannot name
the company but still marks the address as this employer's own). Region and
service labels (``us.``, ``na.``, ``mail.``, ``talent.``) and role local parts
(``no-reply``, ``notifications``) are no slot.

A job board's mail is never a company's reply, except a message a recruiter wrote
through it: LinkedIn InMail and messages ("Jane Roe via LinkedIn"
<inmail-hit-reply@linkedin.com>), and masked employer addresses such as Indeed's.

Pure functions over addresses and short, already capped header text.
"""

from __future__ import annotations

import re

from replywatch.core.domains import board_base, domain_of, local_of, relay_base
from replywatch.core.names import CompanyName, words

# Labels of a relay's subdomain that say where or how, not for whom.
_GENERIC_LABELS = frozenset({
    "us", "eu", "na", "uk", "ca", "au", "ap", "apac", "emea", "amer", "de", "no", "se",
    "dk", "fi", "nl", "fr", "in", "sg", "jp", "mail", "mails", "mailer", "m", "e", "em",
    "email", "emails", "msg", "msgs", "message", "messages", "notify", "notification",
    "notifications", "talent", "hire", "hiring", "jobs", "job", "careers", "career", "app",
    "apps", "www", "smtp", "send", "sender", "bounce", "bounces", "reply", "replies", "mg",
    "out", "mta", "link", "links", "click", "t", "info", "news", "system", "noreply",
    "recruiting", "recruit", "ats", "api", "secure", "portal", "sandbox", "prod", "impl",
    "service", "services", "inbound", "outbound", "post", "mx", "alerts", "candidate",
    "candidates", "applicant", "applicants", "go", "my", "web", "assessment", "test",
    "tests", "invite", "invites", "interview", "interviews", "schedule", "scheduling",
})
_WORKDAY_POD = re.compile(r"wd\d{1,3}|[a-z]{1,3}\d{1,3}")  # wd5., eu1., na2.

# Words that make up role local parts: no-reply, jobs-noreply, do_not_reply, talent.
_GENERIC_LOCAL_WORDS = frozenset({
    "no", "not", "do", "dont", "noreply", "donotreply", "reply", "replies", "notifications",
    "notification", "notify", "jobs", "job", "careers", "career", "recruiting",
    "recruitment", "recruiter", "recruiters", "talent", "hr", "hiring", "hire", "mailer",
    "mail", "postmaster", "info", "hello", "team", "support", "system", "automated", "auto",
    "alerts", "alert", "invitations", "invitation", "invite", "messages", "message", "bounce",
    "bounces", "applications", "application", "apply", "candidates", "candidate", "admin",
    "help", "news", "newsletter", "service", "services", "contact", "feedback", "people",
    "email", "mailbox", "account", "accounts", "security", "verify", "verification",
    "confirm", "notice", "notices", "assessment", "assessments", "test", "tests", "invites",
    "interview", "interviews", "scheduling", "schedule", "calendar", "updates", "update",
    "talentacquisition", "acquisition", "workday", "greenhouse", "lever", "ats", "via",
    "sender", "bot", "robot", "mailrobot", "daemon", "the", "and", "of", "for",
    "jobb", "stilling", "rekruttering", "rekrytering", "karriere", "karriar", "bewerbung",
})


def _label_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[^a-z0-9]+", text.lower()) if w)


def _is_generic_local(local: str) -> bool:
    parts = _label_words(local)
    return all(p in _GENERIC_LOCAL_WORDS for p in parts)


def relay_slots(address: str) -> tuple[str, ...]:
    """Given a relay sender's address, return its employer slots: the tenant labels
    of its domain and its local part, where they are not region, service or role
    words. Return () for an address of no relay, or one without a slot.
    """
    domain = domain_of(address)
    base = relay_base(domain)
    if base is None:
        return ()
    slots = [label for label in domain[:-len(base)].split(".")
             if label and label not in _GENERIC_LABELS and not _WORKDAY_POD.fullmatch(label)]
    local = local_of(address)
    if local and not _is_generic_local(local):
        slots.append(local)
    return tuple(slots)


def slot_names(slots: tuple[str, ...], name: CompanyName) -> bool:
    """Return True if one of the slots is the company's name, whole or as one of its
    words (``acme``, ``jump-trading``, ``acme-careers``).
    """
    return any(name.is_label(slot) or name.in_words(words(slot)) for slot in slots)


# Local parts a board writes a person's message from.
_MESSAGE_LOCALS = frozenset({
    "inmail-hit-reply", "inmail-reply", "inmail", "hit-reply", "messages-noreply",
    "message-noreply", "messaging-noreply",
})
# Local parts of a board's own mail: alerts, receipts, digests, invitations.
_BOARD_OWN_LOCALS = frozenset({
    "jobalerts-noreply", "jobs-listings", "jobs-noreply", "jobs-listings-noreply",
    "messaging-digest-noreply", "notifications-noreply", "updates-noreply",
    "invitations", "invitations-noreply", "news", "newsletters-noreply", "alert",
    "alerts", "noreply", "no-reply", "donotreply", "jobalert", "jobalerts",
    "editors-noreply", "groups-noreply", "security-noreply", "member-noreply",
})
# Boards that relay employers' messages through masked personal addresses.
_MASKED_BOARDS = frozenset({"indeedemail.com"})
_BOARD_WORDS = frozenset({"linkedin", "xing", "indeed", "glassdoor", "wellfound", "otta",
                          "hired", "dice", "handshake", "finn", "stepstone"})
# "X via LinkedIn" and a board's subject lines for a person's message, folded words.
_MESSAGE_SUBJECTS = (
    ("inmail",), ("sent", "you", "a", "message"), ("sent", "you", "a", "new", "message"),
    ("new", "message", "from"), ("messaged", "you"), ("har", "sendt", "deg", "en", "melding"),
    ("ny", "melding", "fra"), ("skickade", "ett", "meddelande"), ("nytt", "meddelande"),
    ("har", "sendt", "dig", "en", "besked"), ("ny", "besked", "fra"),
    ("hat", "ihnen", "eine", "nachricht"), ("neue", "nachricht", "von"),
)


def _has_phrase(text: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(text[i:i + n] == phrase for i, w in enumerate(text) if w == phrase[0])


def is_board(address: str | None) -> bool:
    """Return True if the address belongs to a job board."""
    return address is not None and board_base(domain_of(address)) is not None


def is_board_person(address: str) -> bool:
    """Return True if a board address may be a person's own (a LinkedIn employee
    recruiting for LinkedIn), not one of the board's alert or message relays.
    """
    local = local_of(address)
    return bool(local) and local not in _BOARD_OWN_LOCALS and local not in _MESSAGE_LOCALS \
        and not _is_generic_local(local) and board_base(domain_of(address)) not in _MASKED_BOARDS


def is_recruiter_message(address: str, display_name: str, subject: str) -> bool:
    """Given a job board's sender, display name and subject, return True if it is a
    message a person wrote through the board (InMail, a board message, a masked
    employer address) rather than the board's own alert, receipt or digest.
    """
    domain = domain_of(address)
    base = board_base(domain)
    if base is None:
        return False
    local = local_of(address)
    if local in _BOARD_OWN_LOCALS:
        return False
    name = words(display_name)
    if not name or set(name) <= _BOARD_WORDS | {"jobs", "job", "alerts", "team", "via"}:
        return False  # the board itself writing: "LinkedIn", "LinkedIn Job Alerts"
    if local in _MESSAGE_LOCALS:
        return True
    if base in _MASKED_BOARDS and not _is_generic_local(local):
        return True
    if len(name) >= 3 and name[-2] == "via" and name[-1] in _BOARD_WORDS:
        return True
    text = words(subject)
    return any(_has_phrase(text, phrase) for phrase in _MESSAGE_SUBJECTS)
