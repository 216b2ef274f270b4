"""What the store remembers of the mailbox: folder sync state and messages read.

Messages are kept in compact form (only the header fields matching needs, as
JSON) so that an application added or edited later is matched against mail
already read, with no new fetch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import datetime
from typing import Any

from replywatch.mail.imap import FolderState
from replywatch.model import Message
from replywatch.store import Store, parse_utc, utc_text

_TIME_FIELDS = ("internal_date", "date")
_TUPLE_FIELDS = ("to", "reply_to", "in_reply_to", "references")


def encode(msg: Message) -> str:
    """Return the compact JSON of a message (empty fields left out)."""
    data: dict[str, Any] = {}
    for key, value in asdict(msg).items():
        if value in (None, "", (), False):
            continue
        data[key] = utc_text(value) if key in _TIME_FIELDS else value
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def decode(text: str) -> Message:
    """Return the message of its compact JSON."""
    data: dict[str, Any] = json.loads(text)
    for key in _TIME_FIELDS:
        if key in data:
            data[key] = parse_utc(data[key])
    for key in _TUPLE_FIELDS:
        if key in data:
            data[key] = tuple(data[key])
    return Message(**data)


def folder_states(store: Store, account: str) -> dict[str, FolderState]:
    """Return the remembered state of each folder of an account."""
    rows = store.conn.execute(
        "SELECT folder, uidvalidity, last_uid, highest_modseq, uidnext FROM folder_state"
        " WHERE account = ?", (account,))
    return {r[0]: FolderState(r[1], r[2], r[3], r[4]) for r in rows}


def save_folder_state(store: Store, account: str, folder: str, state: FolderState) -> None:
    """Remember a folder's state. Call inside ``tx()``."""
    store.conn.execute(
        "INSERT OR REPLACE INTO folder_state VALUES (?, ?, ?, ?, ?, ?)",
        (account, folder, state.uidvalidity, state.last_uid, state.highest_modseq,
         state.uidnext),
    )


def save_messages(store: Store, account: str, messages: Iterable[Message]) -> tuple[int, int]:
    """Keep messages not seen before; return (read, new). Call inside ``tx()``.

    A message seen in several folders (or again after a UIDVALIDITY change) is
    kept once, under its Message-ID or X-GM-MSGID.
    """
    read = new = 0
    for msg in messages:
        read += 1
        cur = store.conn.execute(
            "INSERT OR IGNORE INTO messages (key, account, folder, uid, at, data)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (msg.key, account, msg.folder, msg.uid, utc_text(msg.when), encode(msg)),
        )
        new += cur.rowcount
    return read, new


def pending(store: Store, batch: int = 500) -> Iterator[Message]:
    """Yield the messages not yet matched, oldest first, a page at a time.

    Keyset paging keeps memory flat whatever the mailbox size, and stays correct
    while the caller marks the yielded messages as it goes.
    """
    last_at, last_key = "", ""
    while True:
        rows = store.conn.execute(
            "SELECT at, key, data FROM messages WHERE processed = 0 AND (at, key) > (?, ?)"
            " ORDER BY at, key LIMIT ?", (last_at, last_key, batch)).fetchall()
        if not rows:
            return
        last_at, last_key = rows[-1][0], rows[-1][1]
        for row in rows:
            yield decode(row[2])


def mark(store: Store, key: str, *, app_id: int | None = None, direction: str | None = None,
         rule: str | None = None, candidates: tuple[int, ...] = ()) -> None:
    """Record the outcome of matching one message. Call inside ``tx()``."""
    store.conn.execute(
        "UPDATE messages SET processed = 1, app_id = ?, direction = ?, rule = ?, candidates = ?"
        " WHERE key = ?",
        (app_id, direction, rule, json.dumps(list(candidates)) if candidates else None, key),
    )


def reopen_unmatched(store: Store) -> int:
    """Mark every message that matched nothing for matching again; return how many.

    Called when the application book changed: a new contact or thread may claim
    mail read earlier.
    """
    cur = store.conn.execute(
        "UPDATE messages SET processed = 0, candidates = NULL"
        " WHERE processed = 1 AND app_id IS NULL")
    return cur.rowcount


def ambiguous(store: Store) -> list[tuple[Message, list[int]]]:
    """Return the messages that fit several applications, with their candidates."""
    rows = store.conn.execute(
        "SELECT data, candidates FROM messages WHERE candidates IS NOT NULL ORDER BY at")
    return [(decode(d), json.loads(c)) for d, c in rows]


def prune(store: Store, before: datetime) -> int:
    """Forget unmatched messages older than ``before`` (outside the lookback window)."""
    cur = store.conn.execute(
        "DELETE FROM messages WHERE at < ? AND app_id IS NULL", (utc_text(before),))
    return cur.rowcount


def message(store: Store, key: str) -> Message | None:
    """Return the stored message with this key, or None."""
    row = store.conn.execute("SELECT data FROM messages WHERE key = ?", (key,)).fetchone()
    return decode(row[0]) if row else None
