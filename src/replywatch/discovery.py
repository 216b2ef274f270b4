"""Propose applications from mail that matched none: a relay's or a board's receipt,
or the user's own application (``core.discover`` decides; this reads the store).

Runs inside a pass, after matching, over what is left unmatched. A cheap look at
the raw header bytes (a relay's or board's domain, or one of the user's own
addresses) spares parsing for the rest of the mailbox.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from replywatch import log
from replywatch.classifying import mail_text
from replywatch.core.classify import classify
from replywatch.core.discover import MAX_RECIPIENTS, Proposal, Seen, propose, sent_could_propose
from replywatch.core.domains import (
    ATS_RELAYS,
    JOB_BOARDS,
    domain_of,
    is_ats,
    is_board,
    says_nothing,
)
from replywatch.core.kinds import Kind
from replywatch.core.matching import Prefilter, is_bulk
from replywatch.core.model import Application, Message
from replywatch.core.names import CompanyName
from replywatch.core.rawfields import Fields
from replywatch.errors import MailboxError
from replywatch.mail.bodies import MailBody
from replywatch.mail.headers import parse_raw, peek_sender
from replywatch.store import Store, mailstate, proposals

# Only the user's own mail (an own address in From) or a relay's or a board's (its
# domain in From) can be proposed. Both are looked for in the From field's raw bytes
# (with its continuation lines): every received message names the user in To or Cc,
# and a search of the whole header would parse and classify all of them.
_FROM_FIELD = Fields(rb"from")
# The matching prefilter's domain test, for relays and boards only (and parents:
# acme.teamtailor-mail.com).
_SENDERS = Prefilter({}, frozenset(d.encode() for d in ATS_RELAYS | JOB_BOARDS))


MAX_CANDIDATES = 300  # texts read per pass for proposals: a first pass stays bounded


class TextSource(Protocol):
    """An open connection that reads the start of messages' text."""

    def fetch_texts(self, folder: str, uids: list[int]) -> dict[int, MailBody]:
        """Return the text (and attachment names) of each message still in the folder."""


@dataclass(frozen=True)
class Candidate:
    """Mail that may be an application once its text or attachments are read."""

    key: str
    seen: Seen


@dataclass(frozen=True)
class Proposed:
    """A proposal made in this pass."""

    id: int
    proposal: Proposal


def seen_of(msg: Message, own: set[str]) -> Seen:
    """Return what discovery reads of a parsed message. Received mail gets the
    classifier's kind where its headers decide one: a rejection or an interview
    invitation from a relay is no receipt, whatever thanks it opens with."""
    kind = None
    if (msg.from_addr or "") not in own:
        said = classify(mail_text(msg, rule=""))  # what the classify step reads, unmatched
        kind = None if said.kind is Kind.OTHER else said.kind
    return Seen(
        sent_by_user=(msg.from_addr or "") in own, from_addr=msg.from_addr or "",
        from_name=msg.from_name, to=msg.to, subject=msg.subject, when=msg.when,
        message_id=msg.message_id,
        bulk=is_bulk(msg),
        reply=bool(msg.in_reply_to), kind=kind)


def propose_pending(store: Store, own: set[str], apps: list[Application], now: datetime,
                    candidates: list[Candidate] | None = None) -> list[Proposed]:
    """Propose applications from the unmatched messages of this pass; return the new
    ones. Mail of a company already in the book is not proposed. Messages whose
    headers are not enough, but whose text or attachments could be, are added to
    ``candidates`` (at most MAX_CANDIDATES). Call inside tx()."""
    mine = own_pattern(own)
    in_book: list[tuple[str, str, bool]] | None = None  # made when first needed: rarely
    made: list[Proposed] = []
    for key, raw in mailstate.pending(store):
        if not could_propose(raw.header, mine):
            continue
        if candidates is None or len(candidates) >= MAX_CANDIDATES:
            # No text will be read: the user's own mail is proposed by its subject or
            # not at all. Most of a large Sent folder is settled without a parse.
            sender, subject = peek_sender(raw.header)
            if sender in own and not sent_could_propose(subject):
                continue
        msg = parse_raw(raw)
        seen = seen_of(msg, own)
        if (candidates is not None and len(candidates) < MAX_CANDIDATES
                and _worth_a_look(seen)):
            # Its text (the role, the company) or its attachments (a CV) are read
            # while the connection is open, and the proposal made from all of it.
            candidates.append(Candidate(key, seen))
            continue
        proposal = propose(seen)
        if proposal is not None:
            in_book = _book_keys(apps) if in_book is None else in_book
            made += _keep(store, key, proposal, in_book, now)
    return made


def own_pattern(own: set[str]) -> re.Pattern[bytes] | None:
    """Return the pattern of the user's own addresses for ``could_propose``, or None."""
    # Case-blind on the bytes themselves: no lower-cased copy of every header.
    return re.compile(b"|".join(re.escape(a.encode()) for a in sorted(own)),
                      re.IGNORECASE) if own else None


def could_propose(header: bytes, mine: re.Pattern[bytes] | None) -> bool:
    """Given raw header bytes, return False only if the message cannot be proposed:
    its From field names neither a relay's or board's domain nor (``mine``) one of the
    user's own addresses. A cheap superset test on the bytes, before any parsing.
    """
    for value in _FROM_FIELD.values(header):
        if (mine is not None and mine.search(value)) or _SENDERS.could_match(value, None):
            return True
    return False


def from_mine(header: bytes, mine: re.Pattern[bytes] | None) -> bool:
    """Return True if the From field of raw header bytes may name one of the user's own
    addresses (``mine``): ``could_propose`` for a caller that has tested the whole
    header against the book's prefilter, which knows every relay and board domain
    (``Index.prefilter``) and reads the From field's domains with the rest."""
    return mine is not None and any(mine.search(value) for value in _FROM_FIELD.values(header))


def _keep(store: Store, key: str, proposal: Proposal, in_book: list[tuple[str, str, bool]],
          now: datetime) -> list[Proposed]:
    if _in_book(proposal, in_book):
        return []
    pid = proposals.add(store, key, proposal, now)
    if pid is None:
        return []
    log.get(proposal=pid).info("application_proposed", source=proposal.source)
    return [Proposed(pid, proposal)]


def _worth_a_look(seen: Seen) -> bool:
    """Return True for mail whose text or attachments may make it a proposal: a
    receipt-like message from a relay or board, or the user's own first message to a
    company address."""
    if seen.bulk or seen.reply:
        return False
    if seen.sent_by_user:
        return 1 <= len(seen.to) <= MAX_RECIPIENTS and not says_nothing(domain_of(seen.to[0]))
    sender = domain_of(seen.from_addr)
    return seen.kind in (None, Kind.ACKNOWLEDGEMENT) and (is_ats(sender) or is_board(sender))


def read_candidates(store: Store, sources: Mapping[str, TextSource],
                    candidates: list[Candidate], now: datetime) -> list[Proposed]:
    """Read the text and attachment names of the candidates on the accounts' open
    connections and propose again with them; return the new proposals."""
    if not candidates:  # the usual pass: spare it the whole book's names
        return []
    places: dict[tuple[str, str], dict[int, Candidate]] = {}
    unread: list[Candidate] = []
    for candidate in candidates:
        place = mailstate.place(store, candidate.key)
        if place is not None and place[0] in sources:
            account, folder, uid = place
            places.setdefault((account, folder), {})[uid] = candidate
        else:
            unread.append(candidate)
    in_book = _book_keys(store.applications(include_closed=True))
    made: list[Proposed] = []
    with store.tx():  # no connection to read them on: what the headers say
        for candidate in unread:
            if (proposal := propose(candidate.seen)) is not None:
                made += _keep(store, candidate.key, proposal, in_book, now)
    for (account, folder), by_uid in sorted(places.items(),
                                           key=lambda item: item[0][1].upper() == "INBOX"):
        try:
            bodies = sources[account].fetch_texts(folder, sorted(by_uid))
        except MailboxError as exc:
            log.get(account=account, folder=folder).warning("candidate_texts_failed",
                                                          error=exc.problems[0])
            bodies = {}  # what the headers say, then
        with store.tx():
            for uid, candidate in by_uid.items():
                body = bodies.get(uid)
                seen = candidate.seen if body is None else replace(
                    candidate.seen, body=body.text, attachments=body.attachments)
                proposal = propose(seen)
                if proposal is not None:
                    made += _keep(store, candidate.key, proposal, in_book, now)
    return made


def _in_book(proposal: Proposal, book: list[tuple[str, str, bool]]) -> bool:
    """Return True when the book has this application: the same company, and the same
    role where both name one (an open application of the company counts regardless)."""
    name, role = CompanyName.of(proposal.company).squashed, proposal.role.casefold().strip()
    return any(name == n and (not closed or not role or not r or role == r)
               for n, r, closed in book)


def _book_keys(apps: list[Application]) -> list[tuple[str, str, bool]]:
    return [(CompanyName.of(a.company).squashed, a.role.casefold().strip(), a.stage.is_closed)
            for a in apps]
