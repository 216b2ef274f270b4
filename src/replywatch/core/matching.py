"""Pure matching: one message and the applications -> a match, ambiguity, or nothing.

Rules, strongest first; the first rule that finds candidates decides (DESIGN.md):

1. thread: In-Reply-To / References name a known Message-ID, or (Gmail) the
   X-GM-THRID is a known thread;
2. contact: the sender (for the user's own mail: a recipient) is a contact;
3. domain: the sender's domain is the company's, or a subdomain of it;
4. ats: an applicant-tracking relay sends it *and* the company's name stands in the
   display name or subject.

Auto-replies are never replies. Bulk mail (List-Id, List-Unsubscribe, Precedence
bulk/list/junk) is not a reply either, unless it answers a known thread: a
newsletter never writes into the user's own thread, while a recruiter's answer sent
through a mass-mail tool may carry List-Unsubscribe.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from replywatch.core.domains import ATS_RELAYS, domain_of, is_ats, is_free_mail
from replywatch.core.model import Application, Direction, Message


class Rule(StrEnum):
    """The rule that decided a match."""

    THREAD = "thread"
    CONTACT = "contact"
    DOMAIN = "domain"
    ATS = "ats"


@dataclass(frozen=True)
class Match:
    """The outcome for one message.

    ``app_id`` is set for a match; ``candidates`` (sorted ids) for an ambiguous one;
    neither when the message belongs to no application, with ``reason`` saying why
    it was passed over when that is worth telling (``auto_reply``, ``bulk``).
    """

    direction: Direction
    app_id: int | None = None
    rule: Rule | None = None
    candidates: tuple[int, ...] = ()
    reason: str = ""

    @property
    def ambiguous(self) -> bool:
        """Return True if two or more applications fit the message equally."""
        return len(self.candidates) > 1


def canonical(address: str) -> str:
    """Return the address lower-cased, with a ``+tag`` of the local part removed."""
    local, at, domain = address.strip().lower().rpartition("@")
    if not at:
        return address.strip().lower()
    return f"{local.split('+', 1)[0]}@{domain}"


def thread_anchor(gm_thrid: int) -> str:
    """Return the anchor string under which a Gmail thread id is stored."""
    return f"gmthr:{gm_thrid}"


_WORD = re.compile(r"[^\w]+", re.UNICODE)
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})


def _words(text: str) -> str:
    return " " + _WORD.sub(" ", text.casefold()).strip() + " "


@dataclass
class Index:
    """The open applications arranged for fast lookup; ``add_anchor`` as threads grow."""

    own: frozenset[str]
    anchors: dict[str, set[int]] = field(default_factory=dict)
    contacts: dict[str, set[int]] = field(default_factory=dict)
    domains: dict[str, set[int]] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    roles: dict[int, str] = field(default_factory=dict)

    @classmethod
    def build(cls, apps: Iterable[Application], own_addresses: Iterable[str]) -> Index:
        """Given applications and the user's own addresses, return the index."""
        index = cls(own=frozenset(canonical(a) for a in own_addresses))
        for app in apps:
            for anchor in app.thread_ids:
                index.add_anchor(app.id, anchor)
            for contact in app.contacts:
                index.contacts.setdefault(canonical(contact), set()).add(app.id)
            for domain in app.domains:
                index.domains.setdefault(domain, set()).add(app.id)
            index.names[app.id] = _words(app.company)
            if app.role.strip():
                index.roles[app.id] = _words(app.role)
        return index

    def add_anchor(self, app_id: int, anchor: str) -> None:
        """Make a Message-ID (or ``gmthr:`` id) lead to the application."""
        self.anchors.setdefault(anchor, set()).add(app_id)

    def is_own(self, address: str | None) -> bool:
        """Return True if the address is one of the user's own."""
        return address is not None and canonical(address) in self.own

    def prefilter(self) -> Prefilter:
        """Return the cheap test of raw headers that passes every message that could match."""
        tokens = {d.encode() for d in self.domains}
        tokens |= {domain_of(c).encode() for c in self.contacts}
        tokens |= {d.encode() for d in ATS_RELAYS}
        return Prefilter(self.anchors, frozenset(t for t in tokens if t))


_ID_TOKEN = re.compile(rb"<([^<>]*)>|[^\s<>,]*@[^\s<>,]*")
_DOMAIN = re.compile(rb"@\s*([^\s<>,;:\"()\[\]@]+)")
_BLANK_OR_CONTROL = bytes(range(0x21)) + b"\x7f"  # what the parser drops inside an id


@dataclass(frozen=True)
class Prefilter:
    """A superset test on raw header bytes: False means no rule can match the message.

    Every rule needs one of: a known Message-ID (thread), a Gmail thread id, or an
    address whose domain (or a parent of it) is a contact's, the company's or an
    ATS relay's (contact, domain, ats, and the user's own mail to a contact or
    company). Those are looked for in the raw bytes, generously (any angle-bracket
    or ``@`` token, any domain after an ``@``), so that only mail that cannot match
    skips parsing. Anything it cannot read plainly (8-bit tokens) passes.
    """

    anchors: dict[str, set[int]]  # the Index's own dict: anchors added later count
    domains: frozenset[bytes]

    def could_match(self, header: bytes, gm_thrid: int | None) -> bool:
        """Return False only if no rule can match a message with these header bytes."""
        if gm_thrid is not None and thread_anchor(gm_thrid) in self.anchors:
            return True
        anchors = self.anchors
        if anchors:
            for m in _ID_TOKEN.finditer(header):
                token = (m[1] if m[1] is not None else m[0]).translate(None, _BLANK_OR_CONTROL)
                if not token.isascii() or token.decode() in anchors:
                    return True
        domains = self.domains
        for found in _DOMAIN.findall(header.lower()):
            if not found.isascii():
                return True
            domain = found.strip(b".")
            while True:  # the domain, then each parent: mail.eng.acme.com ... com
                if domain in domains:
                    return True
                dot = domain.find(b".")
                if dot < 0:
                    break
                domain = domain[dot + 1:]
        return False


def _by_thread(msg: Message, index: Index) -> set[int]:
    found: set[int] = set()
    for ref in (*msg.in_reply_to, *msg.references):
        found |= index.anchors.get(ref, set())
    if msg.gm_thrid is not None:
        found |= index.anchors.get(thread_anchor(msg.gm_thrid), set())
    return found


def _by_contact(addresses: Iterable[str], index: Index) -> set[int]:
    found: set[int] = set()
    for address in addresses:
        found |= index.contacts.get(canonical(address), set())
    return found


def _by_domain(addresses: Iterable[str], index: Index) -> set[int]:
    found: set[int] = set()
    for address in addresses:
        domain = domain_of(address)
        if not domain or is_free_mail(domain) or is_ats(domain):
            continue
        # Walk up the parents: mail.eng.acme.com finds acme.com.
        parts = domain.split(".")
        for i in range(len(parts) - 1):
            found |= index.domains.get(".".join(parts[i:]), set())
    return found


def _by_ats(msg: Message, index: Index) -> set[int]:
    if msg.from_addr is None or not is_ats(domain_of(msg.from_addr)):
        return set()
    text = _words(f"{msg.from_name} {msg.subject}")
    return {app_id for app_id, name in index.names.items() if name.strip() and name in text}


def _decide(found: set[int], rule: Rule, msg: Message, index: Index,
            direction: Direction) -> Match | None:
    if not found:
        return None
    if len(found) == 1:
        return Match(direction, app_id=next(iter(found)), rule=rule)
    # Two applications at one company: the role named in the subject tells them apart.
    subject = _words(msg.subject)
    named = [a for a in found if a in index.roles and index.roles[a] in subject]
    if len(named) == 1:
        return Match(direction, app_id=named[0], rule=rule)
    return Match(direction, rule=rule, candidates=tuple(sorted(found)))


def is_bulk(msg: Message) -> bool:
    """Return True for mailing-list and bulk mail."""
    return bool(msg.list_id) or msg.list_unsubscribe or msg.precedence in _BULK_PRECEDENCE


def match(msg: Message, index: Index) -> Match:
    """Given a message and the index, return which application it belongs to, if any."""
    own = index.is_own(msg.from_addr)
    direction = Direction.TO_THEM if own else Direction.FROM_THEM
    if not own and msg.auto_reply:
        return Match(direction, reason="auto_reply")
    decided = _decide(_by_thread(msg, index), Rule.THREAD, msg, index, direction)
    if decided is not None:
        return decided
    if not own and is_bulk(msg):
        return Match(direction, reason="bulk")
    if own:
        others = [a for a in msg.to if not index.is_own(a)]
        steps: tuple[tuple[Rule, Callable[[], set[int]]], ...] = (
            (Rule.CONTACT, lambda: _by_contact(others, index)),
            (Rule.DOMAIN, lambda: _by_domain(others, index)),
        )
    else:
        # Reply-To counts as the sender: ATS mail often comes from a relay with the
        # recruiter's own address in Reply-To.
        senders = [a for a in (msg.from_addr, *msg.reply_to) if a and not index.is_own(a)]
        steps = (
            (Rule.CONTACT, lambda: _by_contact(senders, index)),
            (Rule.DOMAIN, lambda: _by_domain(senders, index)),
            (Rule.ATS, lambda: _by_ats(msg, index)),
        )
    for rule, find in steps:
        decided = _decide(find(), rule, msg, index, direction)
        if decided is not None:
            return decided
    return Match(direction)
