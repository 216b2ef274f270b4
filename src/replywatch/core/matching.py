"""Pure matching: one message and the applications -> a match, ambiguity, or nothing.

Rules, strongest first; the first rule that finds candidates decides (DESIGN.md
"Matching a message to an application"):

1. thread: In-Reply-To / References name a known Message-ID, or (Gmail) the
   X-GM-THRID is a known thread -- unless the sender has nothing to do with the
   application: then the message is set aside for review (a Message-ID is no secret);
2. contact: the sender (for the user's own mail: a recipient) is a contact;
3. domain: the sender's domain is the company's, or a subdomain of it; for an
   application with no contact and no domain yet, a registrable domain that is the
   company's name run together (``jumptrading.com`` for "Jump Trading");
4. ats: a relay (ATS, scheduler, assessment vendor) address learned for the
   application, or relay mail whose employer slot, display name or subject names
   the company.

Job boards are no relay: their mail never matches, except a message a recruiter
wrote through one (``board``), which counts by company name. When several
applications fit, the company name and then the role in the display name or
subject break the tie; otherwise the message stays ambiguous.

Auto-replies are never replies. Bulk mail (List-Id, List-Unsubscribe, Precedence
bulk/list/junk) is not a reply either, unless it answers a known thread: a
newsletter never writes into the user's own thread, while a recruiter's answer sent
through a mass-mail tool may carry List-Unsubscribe.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property, lru_cache

from replywatch.core.domains import (
    ATS_RELAYS,
    JOB_BOARDS,
    domain_of,
    registrable_label,
    relay_base,
    says_nothing,
)
from replywatch.core.model import Application, Direction, Message
from replywatch.core.names import CompanyName, squash, words
from replywatch.core.rawfields import Fields
from replywatch.core.senders import (
    is_board,
    is_board_person,
    is_recruiter_message,
    relay_slots,
    slot_names,
)


class Rule(StrEnum):
    """The rule that decided a match."""

    THREAD = "thread"
    CONTACT = "contact"
    DOMAIN = "domain"
    ATS = "ats"
    BOARD = "board"


@dataclass(frozen=True)
class Match:
    """The outcome for one message.

    ``app_id`` is set for a match; ``candidates`` (sorted ids) for an ambiguous one;
    ``review`` for a message that names a thread of that application but comes from
    a sender unrelated to it; none of them when the message belongs to no
    application, with ``reason`` saying why it was passed over when that is worth
    telling (``auto_reply``, ``bulk``, ``job_board``, ``unrelated_sender``).
    ``learn`` is a relay address to remember for the matched application.
    """

    direction: Direction
    app_id: int | None = None
    rule: Rule | None = None
    candidates: tuple[int, ...] = ()
    reason: str = ""
    review: int | None = None
    learn: str | None = None

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


_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})


# The index is built again on every pass that has mail to match; the names and roles
# in the book rarely change, and folding them is most of the cost. Book text only
# (bounded by what the user typed), never mail's: the caches keep their arguments.
_book_name = lru_cache(maxsize=8192)(CompanyName.of)
_book_words = lru_cache(maxsize=8192)(words)


@dataclass
class Index:
    """The open applications arranged for fast lookup; ``add_anchor`` as threads grow."""

    own: frozenset[str]
    anchors: dict[str, set[int]] = field(default_factory=dict)
    contacts: dict[str, set[int]] = field(default_factory=dict)
    domains: dict[str, set[int]] = field(default_factory=dict)
    relay_senders: dict[str, set[int]] = field(default_factory=dict)
    # Run-together names of applications with no contact and no domain yet.
    name_domains: dict[str, set[int]] = field(default_factory=dict)
    names: dict[int, CompanyName] = field(default_factory=dict)
    roles: dict[int, tuple[str, ...]] = field(default_factory=dict)
    app_contacts: dict[int, frozenset[str]] = field(default_factory=dict)
    app_domains: dict[int, frozenset[str]] = field(default_factory=dict)

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
            for sender in app.relay_senders:
                index.add_relay_sender(app.id, sender)
            name = _book_name(app.company)
            index.names[app.id] = name
            if not app.contacts and not app.domains and name.usable:
                for form in set(name.forms):
                    index.name_domains.setdefault(form, set()).add(app.id)
            if role := _book_words(app.role):
                index.roles[app.id] = role
            index.app_contacts[app.id] = frozenset(canonical(c) for c in app.contacts)
            index.app_domains[app.id] = frozenset(app.domains)
        return index

    def add_anchor(self, app_id: int, anchor: str) -> None:
        """Make a Message-ID (or ``gmthr:`` id) lead to the application."""
        self.anchors.setdefault(anchor, set()).add(app_id)

    def add_relay_sender(self, app_id: int, address: str) -> None:
        """Make mail from this relay address lead to the application."""
        self.relay_senders.setdefault(canonical(address), set()).add(app_id)

    def is_own(self, address: str | None) -> bool:
        """Return True if the address is one of the user's own."""
        return address is not None and canonical(address) in self.own

    def prefilter(self) -> Prefilter:
        """Return the cheap test of raw headers that passes every message that could match."""
        tokens = {d.encode() for d in self.domains}
        tokens |= {domain_of(c).encode() for c in self.contacts}
        tokens |= {d.encode() for d in ATS_RELAYS | JOB_BOARDS}
        labels = frozenset(form.encode() for form in self.name_domains if form.isascii())
        return Prefilter(self.anchors, frozenset(t for t in tokens if t), labels)


# A bracketed id, or a whole blank-delimited run (an id only if it holds "@"). The run
# is matched whole and tested for "@" after: a pattern "run@run" retries at every
# position of a long run without "@", quadratic on a hostile 2 MB Subject.
_ID_PARTS = re.compile(rb"<([^<>]*)>|([^\s<>,]+)")
_DOMAIN = re.compile(rb"@\s*([^\s<>,;:\"()\[\]@]+)")
# The fields a thread match reads, with their continuation lines: ids are looked for
# there only. A token loop over the whole header (Received, Subject, addresses) was
# most of the prefilter's cost, on every message of a first pass.
_THREAD_FIELDS = Fields(rb"in-reply-to|references")
_BLANK_OR_CONTROL = bytes(range(0x21)) + b"\x7f"  # what the parser drops inside an id
_MAX_DOMAIN = 253  # the longest DNS name: a longer "domain" is not remembered
_MAX_VERDICTS = 50_000


def thread_refs(header: bytes, gm_thrid: int | None) -> tuple[str, ...] | None:
    """Return every anchor a message with these raw header bytes could be matched by
    (its thread fields' ids, and the Gmail thread), read as the prefilter reads them:
    a superset of what the parser finds. None when an id is not plain ASCII.
    """
    values = _THREAD_FIELDS.values(header)
    if not values:  # most mail
        return () if gm_thrid is None else (thread_anchor(gm_thrid),)
    refs = [thread_anchor(gm_thrid)] if gm_thrid is not None else []
    for value in values:
        # Each token is (bracketed, "") or ("", run); a run is never empty.
        for inner, run in _ID_PARTS.findall(value):
            if run and b"@" not in run:
                continue
            token = (run or inner).translate(None, _BLANK_OR_CONTROL)
            if not token.isascii():
                return None
            refs.append(token.decode())
    return tuple(dict.fromkeys(refs))  # References repeats In-Reply-To


@dataclass(frozen=True)
class Prefilter:
    """A superset test on raw header bytes: False means no rule can match the message.

    Every rule needs one of: a known Message-ID (thread), a Gmail thread id, or an
    address whose domain (or a parent of it) is a contact's, the company's, an
    ATS relay's or a job board's (contact, domain, ats, board, and the user's own
    mail to a contact or company), or a domain with a label that is a company's
    name run together (the domain rule for applications with no contact yet).
    Those are looked for in the raw bytes, generously (any angle-bracket or ``@``
    token of an In-Reply-To or References field, any domain after an ``@``), so that
    only mail that cannot match skips parsing. Anything it cannot read plainly (8-bit
    tokens) passes.
    """

    anchors: dict[str, set[int]]  # the Index's own dict: anchors added later count
    domains: frozenset[bytes]
    # Names run together (jumptrading) of applications with no contact or domain:
    # any label of a sender's domain that is one of them may be the company's.
    labels: frozenset[bytes] = frozenset()
    # Each domain's verdict, once: most mail comes from a few hundred domains. The sets
    # above never change, so a verdict never goes stale; bounded in count and length.
    _verdicts: dict[bytes, bool] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def _longest(self) -> int:
        return max(map(len, self.domains), default=0)

    def could_match(self, header: bytes, gm_thrid: int | None) -> bool:
        """Return False only if no rule can match a message with these header bytes."""
        anchors = self.anchors
        if anchors:
            refs = thread_refs(header, gm_thrid)
            if refs is None or any(ref in anchors for ref in refs):
                return True
        return self.could_match_sender(header)

    def could_match_sender(self, header: bytes) -> bool:
        """Return False only if no rule but the thread rule can match a message with
        these header bytes: no address in it has a domain the book knows."""
        if not self.domains and not self.labels:
            return False  # a sweep for new thread anchors only: no address can count
        verdicts = self._verdicts
        for found in _DOMAIN.findall(header.lower()):
            known = verdicts.get(found)
            if known is None:
                known = not found.isascii() or self._domain_known(found.strip(b"."))
                if len(found) <= _MAX_DOMAIN and len(verdicts) < _MAX_VERDICTS:
                    verdicts[found] = known
            if known:
                return True
        return False

    def _domain_known(self, domain: bytes) -> bool:
        """Return True if the domain, a parent of it, or a label of it but the last is
        known. Linear in the domain's length, however many dots a hostile one has.
        """
        labels = self.labels
        if labels and any(part.translate(None, b"-_") in labels
                          for part in domain.split(b".")[:-1]):
            return True
        if len(domain) > self._longest:
            # Only a suffix as long as a known domain can be one: start at the first
            # dot within that reach, so the walk below copies little.
            dot = domain.find(b".", len(domain) - self._longest - 1)
            if dot < 0:
                return False
            domain = domain[dot + 1:]
        while True:  # the domain, then each parent: mail.eng.acme.com ... com
            if domain in self.domains:
                return True
            dot = domain.find(b".")
            if dot < 0:
                return False
            domain = domain[dot + 1:]


def _parents(domain: str) -> list[str]:
    """Return the domain and its parents down to two labels: a.b.c.com -> [.., c.com]."""
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)]


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
        if says_nothing(domain):
            continue
        # Walk up the parents: mail.eng.acme.com finds acme.com.
        for parent in _parents(domain):
            found |= index.domains.get(parent, set())
        found |= index.name_domains.get(squash(registrable_label(domain)), set())
    return found


def _named(text: tuple[str, ...], index: Index, among: Iterable[int] | None = None
           ) -> set[int]:
    """Return the applications (of ``among``, else all) whose company the words name."""
    ids = index.names if among is None else among
    return {a for a in ids if index.names[a].in_words(text)}


def _by_relay(msg: Message, index: Index) -> tuple[set[int], tuple[str, ...]]:
    """Return the applications relay mail is for, and the employer slots of its address."""
    sender = msg.from_addr
    if sender is None or relay_base(domain_of(sender)) is None:
        return set(), ()
    # The address speaks first: a learned address, and the employer its slot names
    # (together, as two roles at one employer share an address and the role must
    # still tell them apart). Only an address that says nothing leaves it to the
    # display name and subject, which may name the relay's brand or a client.
    found = set(index.relay_senders.get(canonical(sender), ()))
    slots = relay_slots(sender)
    found |= {a for a, name in index.names.items() if slot_names(slots, name)}
    if not found:
        found = _named(words(f"{msg.from_name} {msg.subject}"), index)
    return found, slots


def _learnable(slots: tuple[str, ...], name: CompanyName) -> bool:
    """Return True if an address with these slots is the employer's own: a slot names
    it, or is an id (e113-jobs). A shared no-reply@us.greenhouse-mail.io writes for
    every Greenhouse customer; hooli.teamtailor-mail.com for Hooli, whatever the
    display name says.
    """
    return slot_names(slots, name) or any(c.isdigit() for slot in slots for c in slot)


def _tie_break(found: set[int], msg: Message, index: Index) -> set[int]:
    """Narrow several candidates by the company name, then the role, in the display
    name or subject; return the narrowest non-empty set.
    """
    text = words(f"{msg.from_name} {msg.subject}")
    named = _named(text, index, found) or found
    if len(named) > 1:
        roles = {a for a in named if a in index.roles and _has_words(text, index.roles[a])}
        named = roles or named
    return named


def _has_words(text: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(text[i:i + n] == phrase for i, w in enumerate(text) if w == phrase[0])


def _decide(found: set[int], rule: Rule, msg: Message, index: Index,
            direction: Direction) -> Match | None:
    if not found:
        return None
    if len(found) > 1:
        found = _tie_break(found, msg, index)
    if len(found) == 1:
        return Match(direction, app_id=next(iter(found)), rule=rule)
    return Match(direction, rule=rule, candidates=tuple(sorted(found)))


def is_bulk(msg: Message) -> bool:
    """Return True for mailing-list and bulk mail."""
    return bool(msg.list_id) or msg.list_unsubscribe or msg.precedence in _BULK_PRECEDENCE


def related(address: str | None, app_id: int, index: Index) -> bool:
    """Return True if the sender has something to do with the application: one of its
    contacts or relay addresses, its company's domain (known, or its name run
    together), any relay or job board, or the user.
    """
    if address is None:
        return False
    if index.is_own(address):
        return True
    key = canonical(address)
    if key in index.app_contacts.get(app_id, ()) or app_id in index.relay_senders.get(key, ()):
        return True
    domain = domain_of(address)
    if relay_base(domain) is not None or is_board(address):
        return True
    if any(parent in index.app_domains.get(app_id, ()) for parent in _parents(domain)):
        return True
    name = index.names.get(app_id)
    return name is not None and "." in domain and name.is_label(registrable_label(domain))


def _thread_match(msg: Message, index: Index, direction: Direction) -> Match | None:
    decided = _decide(_by_thread(msg, index), Rule.THREAD, msg, index, direction)
    if (decided is None or decided.app_id is None or direction is Direction.TO_THEM
            or related(msg.from_addr, decided.app_id, index)):
        return decided
    return Match(direction, reason="unrelated_sender", review=decided.app_id)


def _board_match(msg: Message, index: Index, direction: Direction) -> Match:
    if msg.from_addr is None or not is_recruiter_message(msg.from_addr, msg.from_name,
                                                         msg.subject):
        return Match(direction, reason="job_board")
    found = _named(words(f"{msg.from_name} {msg.subject}"), index)
    return _decide(found, Rule.BOARD, msg, index, direction) or Match(direction)


def _board_employee(address: str | None, index: Index) -> bool:
    """Return True for a contact who works at a board (applying to LinkedIn itself)."""
    return (address is not None and canonical(address) in index.contacts
            and is_board_person(address))


def match(msg: Message, index: Index) -> Match:
    """Given a message and the index, return which application it belongs to, if any."""
    own = index.is_own(msg.from_addr)
    direction = Direction.TO_THEM if own else Direction.FROM_THEM
    if not own and msg.auto_reply and msg.auto_submitted != "auto-generated":
        # An out-of-office answers nothing. A notification a system generated (an
        # ATS's receipt or rejection: RFC 3834 "auto-generated") is matched, and what
        # it says decides what it does (classifying.py).
        return Match(direction, reason="auto_reply")
    decided = _thread_match(msg, index, direction)
    if decided is not None:
        return decided
    if not own and is_board(msg.from_addr) and not _board_employee(msg.from_addr, index):
        # Before the bulk test: a board puts List-Unsubscribe on the InMail it relays.
        return _board_match(msg, index, direction)
    if not own and is_bulk(msg):
        return Match(direction, reason="bulk")
    if own:
        others = [a for a in msg.to if not index.is_own(a)]
        steps: tuple[tuple[Rule, Callable[[], set[int]]], ...] = (
            (Rule.CONTACT, lambda: _by_contact(others, index)),
            (Rule.DOMAIN, lambda: _by_domain(others, index)),
            (Rule.ATS, lambda: {a for o in others
                                for a in index.relay_senders.get(canonical(o), ())}),
        )
    else:
        # Reply-To counts as the sender: ATS mail often comes from a relay with the
        # recruiter's own address in Reply-To.
        senders = [a for a in (msg.from_addr, *msg.reply_to) if a and not index.is_own(a)]
        steps = (
            (Rule.CONTACT, lambda: _by_contact(senders, index)),
            (Rule.DOMAIN, lambda: _by_domain(senders, index)),
        )
    for rule, find in steps:
        decided = _decide(find(), rule, msg, index, direction)
        if decided is not None:
            return decided
    if not own:
        found, slots = _by_relay(msg, index)
        decided = _decide(found, Rule.ATS, msg, index, direction)
        if decided is not None and decided.app_id is not None and msg.from_addr \
                and _learnable(slots, index.names[decided.app_id]):
            return replace(decided, learn=canonical(msg.from_addr))
        if decided is not None:
            return decided
    return Match(direction)
