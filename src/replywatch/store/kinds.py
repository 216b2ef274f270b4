"""What each matched message from them says, as stored: its kind, the user's
correction, whether its text was read, and the stage a message moved on its own.

Kept by message key in ``message_kinds``, apart from ``messages``: a re-scan (a
UIDVALIDITY change, a re-sync) reads the message again under the same key, and
the kind and the user's correction are still there.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from replywatch.core.cadence import stage_after
from replywatch.core.kinds import Classification, Kind
from replywatch.core.model import RawMessage, Stage
from replywatch.errors import UserError
from replywatch.i18n import _
from replywatch.store import mailstate
from replywatch.store.db import Store, parse_utc, utc_text

MAX_BODY_TRIES = 3  # a text that cannot be read after this many passes is given up


class Body(IntEnum):
    """How far a message's text was read."""

    PENDING = 0  # classified from its headers; the text is still to be read
    READ = 1
    GIVEN_UP = 2  # gone from the server, or failing: the headers' kind stays
    # Matched in a pass that reads its text next: not classified yet (kind "other",
    # no evidence). The text decides; if it cannot be read, the headers do.
    DEFERRED = 3


@dataclass(frozen=True)
class StoredKind:
    """One message's classification: the classifier's, and the user's word on it."""

    key: str
    kind: Kind
    confidence: float
    evidence: tuple[str, ...]
    automated: bool
    reasons: bool
    body: Body
    corrected: Kind | None

    @property
    def effective(self) -> Kind:
        """Return the kind that counts: the user's correction, else the classifier's."""
        return self.corrected or self.kind


def record(store: Store, key: str, found: Classification, *, automated: bool, reasons: bool,
           body: Body) -> None:
    """Store the classifier's verdict on one message, keeping any correction.

    Call inside ``tx()``.
    """
    store.conn.execute(
        "INSERT INTO message_kinds (key, kind, confidence, evidence, automated, reasons, body)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET kind = excluded.kind,"
        " confidence = excluded.confidence, evidence = excluded.evidence,"
        " automated = excluded.automated, reasons = excluded.reasons, body = excluded.body",
        (key, found.kind.value, found.confidence, json.dumps(list(found.evidence)),
         int(automated), int(reasons), int(body)))


def get(store: Store, key: str) -> StoredKind | None:
    """Return what is stored of one message's kind, or None."""
    row = store.conn.execute("SELECT * FROM message_kinds WHERE key = ?", (key,)).fetchone()
    if row is None:
        return None
    return StoredKind(
        key=row["key"], kind=Kind(row["kind"]), confidence=float(row["confidence"]),
        evidence=tuple(json.loads(row["evidence"])), automated=bool(row["automated"]),
        reasons=bool(row["reasons"]), body=Body(row["body"]),
        corrected=Kind(row["corrected"]) if row["corrected"] else None)


def correct(store: Store, key: str, kind: Kind, now: datetime) -> None:
    """Record the user's kind for one message, and move its application's stage for
    it (undoing a move the old kind made). The correction outlives every
    re-classification and re-scan.

    Call inside ``tx()``. Raise UserError if the message is no matched message from them.
    """
    cur = store.conn.execute(
        "UPDATE message_kinds SET corrected = ?, corrected_at = ? WHERE key = ?",
        (kind.value, utc_text(now), key))
    if cur.rowcount == 0:
        raise UserError(_("message {key} is not a matched message from them").format(
                            key=repr(key)),
                        hint=_("see `{command}`").format(command="replywatch mail list"))
    for row in store.conn.execute(
            "SELECT app_id FROM events WHERE message_id = ? AND direction = 'from_them'",
            (key,)).fetchall():
        settle_stage(store, int(row[0]), key, now)


def matched_to(store: Store, key: str) -> tuple[int, str] | None:
    """Return (application id, matching rule) of a matched message, or None."""
    row = store.conn.execute("SELECT app_id, rule FROM messages WHERE key = ?",
                             (key,)).fetchone()
    if row is None or row[0] is None:
        return None
    return int(row[0]), str(row[1] or "")


def set_invited_interview(store: Store, app_id: int, source: str,
                          slot: tuple[datetime, datetime, Sequence[str]] | None) -> None:
    """Record the interview of a calendar invite (``source`` is its UID): an update
    replaces the one recorded before, and ``slot`` None (a cancel) removes it.
    Call inside ``tx()``.
    """
    store.conn.execute("DELETE FROM interviews WHERE app_id = ? AND source = ?",
                       (app_id, source))
    if slot is None:
        return
    interview_id = store.add_interview(app_id, *slot)
    store.conn.execute("UPDATE interviews SET source = ? WHERE id = ?", (source, interview_id))


def pending_bodies(store: Store) -> list[tuple[str, str, str, int, bool]]:
    """Return (key, account, folder, uid, deferred) of the matched messages whose text
    is unread; ``deferred``: not classified from its headers either (``Body.DEFERRED``)."""
    rows = store.conn.execute(
        "SELECT k.key, m.account, m.folder, m.uid, k.body FROM message_kinds k"
        " JOIN messages m ON m.key = k.key WHERE k.body IN (?, ?) ORDER BY m.at",
        (int(Body.PENDING), int(Body.DEFERRED)))
    return [(r[0], r[1], r[2], int(r[3]), r[4] == Body.DEFERRED) for r in rows]


def failed_body(store: Store, key: str) -> None:
    """Count a failed attempt at a message's text; give up after ``MAX_BODY_TRIES``.

    Call inside ``tx()``.
    """
    store.conn.execute(
        "UPDATE message_kinds SET tries = tries + 1,"
        " body = CASE WHEN tries + 1 >= ? THEN ? ELSE body END WHERE key = ?",
        (MAX_BODY_TRIES, int(Body.GIVEN_UP), key))


def settle_stage(store: Store, app_id: int, key: str, now: datetime) -> Stage:
    """Move the application's stage for what message ``key`` says; return the stage.

    Stages move forward only (``cadence.stage_after``). When the kind of the
    message that made the last automatic move changed (the text was read, or the
    user corrected it) and nobody moved the stage since, that move is undone first.
    Call inside ``tx()``.
    """
    stored = get(store, key)
    # Only the stage is needed: loading the whole application per message would make
    # a first pass over a long history quadratic.
    row = store.conn.execute("SELECT stage FROM applications WHERE id = ?",
                             (app_id,)).fetchone()
    if row is None:
        raise UserError(_("no application with id {id}").format(id=app_id))
    current = Stage(row[0])
    stage = current
    move = store.conn.execute(
        "SELECT key, before, after FROM stage_moves WHERE app_id = ?", (app_id,)).fetchone()
    if move is not None and move["key"] == key and move["after"] == stage.value:
        stage = Stage(move["before"])
        store.conn.execute("DELETE FROM stage_moves WHERE app_id = ?", (app_id,))
    new = stage_after(stage, stored.effective) if stored is not None else stage
    if new is not stage:
        store.conn.execute(
            "INSERT OR REPLACE INTO stage_moves (app_id, key, before, after) VALUES (?, ?, ?, ?)",
            (app_id, key, stage.value, new.value))
    if new is not current:
        store.update_application(app_id, now, stage=new)
    return new


@dataclass(frozen=True)
class MatchedMail:
    """One matched message for ``mail list``: where it went and what it says."""

    key: str
    app_id: int
    at: datetime
    direction: str
    rule: str | None
    raw: RawMessage | None  # its stored headers, unparsed; None once forgotten
    kind: StoredKind | None


def matched(store: Store, app_id: int | None = None) -> list[MatchedMail]:
    """Return the matched messages (of one application, or all), oldest first."""
    rows = store.conn.execute(
        "SELECT e.message_id, e.app_id, e.at, e.direction, m.rule FROM events e"
        " LEFT JOIN messages m ON m.key = e.message_id"
        " WHERE e.source = 'mail' AND (? IS NULL OR e.app_id = ?) ORDER BY e.at, e.id",
        (app_id, app_id)).fetchall()
    return [MatchedMail(r[0], int(r[1]), parse_utc(r[2]), r[3], r[4],
                        mailstate.message(store, r[0]), get(store, r[0])) for r in rows]


def find_key(store: Store, text: str) -> tuple[str, int]:
    """Given a message key or a Message-ID (with or without <>), return (key, app id)
    of the matched message it names. Raise UserError if none is.
    """
    wanted = text.strip()
    mid = wanted.removeprefix("<").removesuffix(">")
    for candidate in (wanted, f"mid:{mid}"):
        row = store.conn.execute(
            "SELECT message_id, app_id FROM events WHERE source = 'mail' AND message_id = ?",
            (candidate,)).fetchone()
        if row is not None:
            return str(row[0]), int(row[1])
    raise UserError(_("no matched message {text}").format(text=repr(text)),
                    hint=_("give a key or Message-ID as `{command}` shows it").format(
                        command="replywatch mail list"))
