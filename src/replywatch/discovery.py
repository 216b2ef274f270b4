"""Propose applications from mail that matched none: a relay's or a board's receipt,
or the user's own application (``core.discover`` decides; this reads the store).

Runs inside a pass, after matching, over what is left unmatched. A cheap look at
the raw header bytes (a relay's or board's domain, or one of the user's own
addresses) spares parsing for the rest of the mailbox.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from replywatch import log
from replywatch.core.discover import Proposal, Seen, propose
from replywatch.core.domains import ATS_RELAYS, JOB_BOARDS
from replywatch.core.model import Application, Message
from replywatch.core.names import CompanyName
from replywatch.mail.headers import parse_raw
from replywatch.store import Store, mailstate, proposals

_SENDERS = re.compile(
    rb"(?i)[@.](?:" + b"|".join(re.escape(d.encode()) for d in sorted(ATS_RELAYS | JOB_BOARDS))
    + rb")\b")


@dataclass(frozen=True)
class Proposed:
    """A proposal made in this pass."""

    id: int
    proposal: Proposal


def seen_of(msg: Message, own: set[str]) -> Seen:
    """Return what discovery reads of a parsed message."""
    return Seen(
        sent_by_user=(msg.from_addr or "") in own, from_addr=msg.from_addr or "",
        from_name=msg.from_name, to=msg.to, subject=msg.subject, when=msg.when,
        message_id=msg.message_id,
        bulk=bool(msg.list_id or msg.list_unsubscribe
                  or (msg.precedence or "").lower() in ("bulk", "list", "junk")),
        reply=bool(msg.in_reply_to))


def propose_pending(store: Store, own: set[str], apps: list[Application], now: datetime
                    ) -> list[Proposed]:
    """Propose applications from the unmatched messages of this pass; return the new
    ones. Mail of a company already in the book is not proposed. Call inside tx()."""
    mine = re.compile(b"|".join(re.escape(a.encode()) for a in sorted(own))) if own else None
    in_book = [(CompanyName.of(a.company).squashed, a.role.casefold().strip(), a.stage.is_closed)
               for a in apps]
    made: list[Proposed] = []
    for key, raw in mailstate.pending(store):
        if not (_SENDERS.search(raw.header) or (mine and mine.search(raw.header.lower()))):
            continue
        msg = parse_raw(raw)
        proposal = propose(seen_of(msg, own))
        if proposal is None or _in_book(proposal, in_book):
            continue
        pid = proposals.add(store, key, proposal, now)
        if pid is not None:
            made.append(Proposed(pid, proposal))
            log.get(proposal=pid).info("application_proposed", source=proposal.source)
    return made


def _in_book(proposal: Proposal, book: list[tuple[str, str, bool]]) -> bool:
    """Return True when the book has this application: the same company, and the same
    role where both name one (an open application of the company counts regardless)."""
    name, role = CompanyName.of(proposal.company).squashed, proposal.role.casefold().strip()
    return any(name == n and (not closed or not role or not r or role == r)
               for n, r, closed in book)
