"""The drafts ledger: which due action got a draft in which account's Drafts folder.

A draft is recorded before its APPEND and marked appended after it, as alerts are
(store/ledger.py): a crash in between leaves a record without ``appended_at``, and
the next try first looks for its Message-ID in the folder instead of appending twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from replywatch.store.db import Store, parse_utc, utc_text


@dataclass(frozen=True)
class DraftRecord:
    """One due action's draft: where it went, and when it was appended (None: not yet
    known to be) and done (a message to them was sent since)."""

    key: str
    app_id: int
    account: str
    folder: str
    message_id: str
    appended_at: datetime | None
    done_at: datetime | None


_COLUMNS = "key, app_id, account, folder, message_id, appended_at, done_at"


def _record(row: Any) -> DraftRecord:
    return DraftRecord(str(row[0]), int(row[1]), str(row[2]), str(row[3]), str(row[4]),
                       parse_utc(row[5]) if row[5] else None,
                       parse_utc(row[6]) if row[6] else None)


def get(store: Store, key: str) -> DraftRecord | None:
    """Return the draft record of the action ``key``, or None."""
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM drafts WHERE key = ?",  # noqa: S608
                             (key,)).fetchone()
    return None if row is None else _record(row)


def record(store: Store, key: str, app_id: int, *, account: str, folder: str,
           message_id: str, now: datetime) -> None:
    """Record that the action ``key`` is getting a draft (a second call changes nothing)."""
    with store.tx():
        store.conn.execute(
            "INSERT OR IGNORE INTO drafts (key, app_id, account, folder, message_id,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (key, app_id, account, folder, message_id, utc_text(now)))


def mark_appended(store: Store, key: str, now: datetime) -> None:
    """Record that the draft of the action ``key`` is in its folder."""
    with store.tx():
        store.conn.execute("UPDATE drafts SET appended_at = ? WHERE key = ?",
                           (utc_text(now), key))


def open_drafts(store: Store) -> list[DraftRecord]:
    """Return the drafts appended and not done yet, oldest first."""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM drafts WHERE appended_at IS NOT NULL"  # noqa: S608
        " AND done_at IS NULL ORDER BY created_at, key").fetchall()
    return [_record(row) for row in rows]


def mark_done(store: Store, key: str, now: datetime) -> None:
    """Record that the action ``key`` was done: the user wrote to them since."""
    with store.tx():
        store.conn.execute("UPDATE drafts SET done_at = ? WHERE key = ? AND done_at IS NULL",
                           (utc_text(now), key))
