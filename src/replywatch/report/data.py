"""The report's input, read from the store once: applications, their facts, what is due."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from replywatch.core.domains import domain_of, relay_base
from replywatch.core.model import Action, Application, Event
from replywatch.core.report import Facts, facts_of
from replywatch.mail.headers import parse_raw
from replywatch.store import Store, mailstate, proposals
from replywatch.store.book import Book


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, at ``now``."""

    apps: list[Application]
    facts: list[Facts]
    due: list[tuple[Application, Action]]
    now: datetime
    found: list[proposals.Stored] = field(default_factory=list)


def _channel(store: Store, event: Event) -> str:
    """Return the ATS relay the message of ``event`` came through, or "direct"."""
    # A mail event's message_id is the message's key ("mid:...", "gm:..."), as stored.
    raw = mailstate.message(store, event.message_id) if event.message_id else None
    sender = parse_raw(raw).from_addr if raw is not None else None
    return relay_base(domain_of(sender or "")) or "direct"


def load(book: Book, since: datetime | None = None, *, with_facts: bool = True) -> ReportData:
    """Return the report's data: every application (closed ones too) applied at or
    after ``since``, their facts and what is due, soonest first. The calendar feed
    needs no facts (``with_facts=False``): they read the message of every reply."""
    apps = [a for a in book.store.applications(include_closed=True)
            if since is None or a.applied_at >= since]
    # Each event carries what its message says (the user's correction first).
    facts = [facts_of(a, lambda e: e.kind, lambda e: _channel(book.store, e))
             for a in apps] if with_facts else []
    wanted = {a.id for a in apps}
    due = [(a, x) for a, x in book.due(include_future=True) if a.id in wanted]
    return ReportData(apps, facts, due, book.now,
                      proposals.waiting(book.store))
