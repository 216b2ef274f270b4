"""Messages set aside: one whose parsing or matching failed is kept out of every pass.

A hostile or broken message must never stall a pass nor be retried forever: the
first failure records it here (account, folder, UID and what went wrong) and marks
it processed, so that later passes, and a rematch after the book changed, skip it.
``check --json`` and ``doctor`` show the count.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from replywatch.store import Store, utc_text

MAX_ERROR = 200  # the reason kept per message: a line, not a traceback


# A named tuple: every command that reads mail state imports this module, and a
# frozen dataclass costs about half a millisecond of each start to define.
class SetAside(NamedTuple):
    """Where a set-aside message is, and why it was set aside."""

    account: str
    folder: str
    uid: int
    error: str


def set_aside(store: Store, key: str, error: str) -> SetAside | None:
    """Set the stored message ``key`` aside with ``error``; return where it is, or None
    when no such message is stored. Call inside ``tx()``.
    """
    row = store.conn.execute("SELECT account, folder, uid, at FROM messages WHERE key = ?",
                             (key,)).fetchone()
    if row is None:
        return None
    error = " ".join(error.split())[:MAX_ERROR]
    store.conn.execute("INSERT OR REPLACE INTO set_aside VALUES (?, ?, ?, ?, ?, ?)",
                       (key, row[0], row[1], row[2], row[3], error))
    store.conn.execute("UPDATE messages SET processed = 1 WHERE key = ?", (key,))
    return SetAside(row[0], row[1], int(row[2]), error)


def count(store: Store) -> int:
    """Return how many messages are set aside."""
    return int(store.conn.execute("SELECT count(*) FROM set_aside").fetchone()[0])


def listing(store: Store, limit: int = 20) -> list[SetAside]:
    """Return the latest ``limit`` messages set aside, newest first."""
    rows = store.conn.execute(
        "SELECT account, folder, uid, error FROM set_aside ORDER BY at DESC LIMIT ?", (limit,))
    return [SetAside(r[0], r[1], int(r[2]), r[3]) for r in rows]


def prune(store: Store, before: datetime) -> int:
    """Forget messages set aside that arrived before ``before``. Call inside ``tx()``."""
    return store.conn.execute("DELETE FROM set_aside WHERE at < ?",
                              (utc_text(before),)).rowcount
