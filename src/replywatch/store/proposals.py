"""Applications found in the mailbox, waiting for the user (DESIGN.md "Finding
applications"): new, accepted (with the application made of it) or dismissed.

A dismissed proposal never comes back: not the same message, nor the same company
and role from another one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from replywatch.core.discover import Proposal
from replywatch.core.names import CompanyName
from replywatch.store.db import Store, parse_utc, utc_text


@dataclass(frozen=True)
class Stored:
    """A proposal as kept: its id, status and the application accepted from it."""

    id: int
    proposal: Proposal
    status: str
    app_id: int | None


def name_key(company: str, role: str) -> str:
    """Return the key under which company and role count as the same application."""
    return f"{CompanyName.of(company).squashed}|{' '.join(role.casefold().split())}"


def known(store: Store, message_key: str, proposal: Proposal) -> bool:
    """Return True if this message was proposed before, or the same company and role
    were dismissed, accepted or are waiting already."""
    row = store.conn.execute(
        "SELECT 1 FROM proposals WHERE message_key = ? OR name_key = ? LIMIT 1",
        (message_key, name_key(proposal.company, proposal.role))).fetchone()
    return row is not None


def add(store: Store, message_key: str, proposal: Proposal, now: datetime) -> int | None:
    """Keep a new proposal; return its id, or None when it was known. Call inside tx()."""
    if known(store, message_key, proposal):
        return None
    cur = store.conn.execute(
        "INSERT INTO proposals (message_key, name_key, company, role, applied_at, contact,"
        " message_id, source, evidence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (message_key, name_key(proposal.company, proposal.role), proposal.company,
         proposal.role, utc_text(proposal.applied), proposal.contact, proposal.message_id,
         proposal.source, json.dumps(list(proposal.evidence)), utc_text(now)))
    return int(cur.lastrowid or 0)


_COLUMNS = "id, company, role, applied_at, contact, message_id, source, evidence, status, app_id"


def _stored(row: tuple[object, ...]) -> Stored:
    pid, company, role, applied, contact, mid, source, evidence, status, app_id = row
    proposal = Proposal(str(company), str(role), parse_utc(str(applied)), str(contact),
                        None if mid is None else str(mid), str(source),
                        tuple(json.loads(str(evidence))))
    return Stored(int(str(pid)), proposal, str(status),
                  None if app_id is None else int(str(app_id)))


def waiting(store: Store) -> list[Stored]:
    """Return the proposals that wait for the user, oldest application first."""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM proposals WHERE status = 'new'"  # noqa: S608
        " ORDER BY applied_at, id")
    return [_stored(tuple(r)) for r in rows]


def get(store: Store, proposal_id: int) -> Stored | None:
    """Return one proposal, or None."""
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM proposals WHERE id = ?",  # noqa: S608
                             (proposal_id,)).fetchone()
    return None if row is None else _stored(tuple(row))


def mark(store: Store, proposal_id: int, status: str, app_id: int | None = None) -> None:
    """Set a proposal's status ("accepted" with its application, or "dismissed")."""
    store.conn.execute("UPDATE proposals SET status = ?, app_id = ? WHERE id = ?",
                       (status, app_id, proposal_id))


def unnotified(store: Store) -> list[Stored]:
    """Return waiting proposals the user was not yet told about; mark them told."""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM proposals WHERE status = 'new' AND notified = 0"  # noqa: S608
        " ORDER BY id")
    found = [_stored(tuple(r)) for r in rows]
    store.conn.execute("UPDATE proposals SET notified = 1 WHERE notified = 0")
    return found


def accept(store: Store, stored: Stored, now: datetime, *, company: str = "",
           role: str = "") -> int:
    """Make an application of a waiting proposal (its sender the first contact, its
    message the thread anchor); return its id. Call inside tx()."""
    p = stored.proposal
    app_id = store.add_application(
        company=(company or p.company).strip(), role=(role or p.role).strip(),
        applied_at=p.applied, contacts=[p.contact],
        thread_ids=[p.message_id] if p.message_id else [], now=now)
    mark(store, stored.id, "accepted", app_id)
    return app_id


def of_ids(store: Store, ids: list[int]) -> list[Stored]:
    """Return the proposals with these ids that still wait, in the order given."""
    found = [get(store, i) for i in ids]
    return [s for s in found if s is not None and s.status == "new"]
