"""What the store remembers of the mailbox: folder sync state and messages read.

Every message read is kept in compact form: the raw bytes of the header fields
that matching needs (a few hundred bytes), so that an application added or edited
later is matched against mail already read, with no new fetch. Parsing waits until
a message could belong to an application: most mail never needs it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from replywatch.core.model import MAX_HEADER_BYTES, FolderState, RawMessage
from replywatch.store import Store, lookup, parse_utc, setaside, utc_text

if TYPE_CHECKING:
    from replywatch.store.threadwatch import ThreadWatch

_COLUMNS = "key, folder, uid, at, header, gm_msgid, gm_thrid"


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


def save_messages(store: Store, account: str, messages: Iterable[RawMessage],
                  key_of: Callable[[RawMessage], str], *, relocate: bool = False,
                  settled: Callable[[RawMessage], tuple[str, ...] | None] | None = None,
                  watch: ThreadWatch | None = None) -> tuple[int, int]:
    """Keep messages not seen before; return (read, new). Call inside ``tx()``.

    A message seen in several folders (or again after a UIDVALIDITY change) is
    kept once, under ``key_of(message)``: its X-GM-MSGID or Message-ID. With
    ``relocate`` (the folder's UIDVALIDITY changed), a message kept before in the
    same folder takes its new UID, so that its text can still be fetched. A message
    for which ``settled`` gives ids (``triage``) is kept processed (matched to
    nothing) at once; with ``watch``, a thread anchor with one of those ids that the
    pass adds claims it again (without, a message that names ids is not settled).
    """
    insert = ("INSERT OR IGNORE INTO messages (key, account, folder, uid, at, header,"
              " gm_msgid, gm_thrid, processed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    conn = store.conn
    read = new = 0
    rows: list[tuple[object, ...]] = []
    moves: list[tuple[object, ...]] = []
    named: list[tuple[str, str]] = []
    for raw in messages:
        read += 1
        header = raw.header[:MAX_HEADER_BYTES]  # bounded per message, whatever the source
        key = key_of(raw)
        refs = None if settled is None else settled(raw)
        if refs and watch is None:
            refs = None
        rows.append((key, account, raw.folder, raw.uid, utc_text(raw.internal_date),
                     header, raw.gm_msgid, raw.gm_thrid, int(refs is not None)))
        if refs:
            named += [(ref, key) for ref in refs]
        if relocate:
            moves.append((raw.uid, key, account, raw.folder, raw.uid))
        if len(rows) >= _BATCH:  # a batch at a time: flat memory, few round trips
            new += _insert(conn, insert, rows)
            _watch(watch, named)
    new += _insert(conn, insert, rows)
    _watch(watch, named)
    conn.executemany("UPDATE messages SET uid = ? WHERE key = ? AND account = ? AND folder = ?"
                     " AND uid != ?", moves)
    return read, new


_BATCH = 2000


def _watch(watch: ThreadWatch | None, named: list[tuple[str, str]]) -> None:
    if watch is not None:
        watch.add(named)
    named.clear()


def _insert(conn: sqlite3.Connection, insert: str, rows: list[tuple[object, ...]]) -> int:
    """Insert a batch of rows in key order, empty the list, and return how many rows
    were new. In order, neighbouring keys land on the same pages of the key index,
    which a first pass over a large mailbox otherwise reads and writes at random."""
    rows.sort(key=lambda row: str(row[0]))
    before = conn.total_changes
    conn.executemany(insert, rows)
    rows.clear()
    return conn.total_changes - before


def _raw(row: tuple[object, ...]) -> tuple[str, RawMessage]:
    key, folder, uid, at, header, gm_msgid, gm_thrid = row
    if not (isinstance(key, str) and isinstance(folder, str) and isinstance(uid, int)
            and isinstance(at, str) and isinstance(header, bytes)):
        raise TypeError(f"stored message {key!r} has a column of the wrong type")
    return key, RawMessage(folder, uid, parse_utc(at), header,
                           gm_msgid if isinstance(gm_msgid, int) else None,
                           gm_thrid if isinstance(gm_thrid, int) else None)


def pending(store: Store, batch: int = 1000) -> Iterator[tuple[str, RawMessage]]:
    """Yield (key, message) of the messages not yet matched, in arrival order, a page
    at a time: keyset paging keeps memory flat whatever the mailbox size.
    """
    return _pages(store, "", None, batch)


def pending_between(store: Store, start: datetime, end: datetime, batch: int = 1000
                    ) -> Iterator[tuple[str, RawMessage]]:
    """Yield (key, message) of the pending messages that arrived in [start, end), in
    arrival order, a page at a time.
    """
    return _pages(store, utc_text(start), utc_text(end), batch)


def _pages(store: Store, start: str, end: str | None, batch: int
           ) -> Iterator[tuple[str, RawMessage]]:
    """Yield the pending messages from ``start`` (and before ``end``) by keyset pages.

    No cursor stays open between pages: the caller may update rows as it goes.
    """
    until = "" if end is None else " AND at < ?"
    last_at, last_key = start, ""
    while True:
        params: tuple[object, ...] = (last_at, last_key, *(() if end is None else (end,)), batch)
        rows = store.conn.execute(
            f"SELECT {_COLUMNS} FROM messages WHERE processed = 0 AND (at, key) > (?, ?)"  # noqa: S608
            f"{until} ORDER BY at, key LIMIT ?", params).fetchall()
        if not rows:
            return
        last_at, last_key = rows[-1][3], rows[-1][0]
        for row in rows:
            yield _raw(tuple(row))


def unmatched(store: Store, keys: list[str], batch: int = 500
              ) -> Iterator[tuple[str, RawMessage]]:
    """Yield (key, message) of the messages among ``keys`` that matched nothing and
    fit no application either (no candidates, nothing for review, not set aside), in
    arrival order within each batch of keys."""
    for start in range(0, len(keys), batch):
        chunk = keys[start:start + batch]
        rows = store.conn.execute(
            f"SELECT {_COLUMNS} FROM messages WHERE key IN ({', '.join('?' * len(chunk))})"  # noqa: S608
            " AND app_id IS NULL AND candidates IS NULL AND review_app IS NULL"
            " AND key NOT IN (SELECT key FROM set_aside) ORDER BY at, key", chunk).fetchall()
        for row in rows:
            yield _raw(tuple(row))


def has_pending(store: Store) -> bool:
    """Return True if any message waits to be matched."""
    return store.conn.execute(
        "SELECT 1 FROM messages WHERE processed = 0 LIMIT 1").fetchone() is not None


def mark(store: Store, key: str, *, app_id: int | None = None, direction: str | None = None,
         rule: str | None = None, candidates: tuple[int, ...] = (),
         review: int | None = None) -> None:
    """Record the outcome of matching one message. Call inside ``tx()``.

    ``review`` is the application whose thread the message names although its
    sender has nothing to do with it.
    """
    store.conn.execute(
        "UPDATE messages SET processed = 1, app_id = ?, direction = ?, rule = ?, candidates = ?,"
        " review_app = ? WHERE key = ?",
        (app_id, direction, rule, json.dumps(list(candidates)) if candidates else None, review,
         key),
    )


def mark_rest_processed(store: Store) -> None:
    """Mark every message still pending as matched to nothing. Call inside ``tx()``."""
    store.conn.execute("UPDATE messages SET processed = 1 WHERE processed = 0")


def reopen_unmatched(store: Store) -> int:
    """Mark every message that matched nothing for matching again; return how many.

    Called when the application book changed: a new contact or thread may claim
    mail read earlier.
    """
    cur = store.conn.execute(
        "UPDATE messages SET processed = 0, candidates = NULL, review_app = NULL"
        " WHERE processed = 1 AND app_id IS NULL"
        " AND key NOT IN (SELECT key FROM set_aside)")  # failed once: never again
    return cur.rowcount


def ambiguous(store: Store) -> list[tuple[RawMessage, list[int]]]:
    """Return the messages that fit several applications, unparsed, with their candidates."""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS}, candidates FROM messages WHERE candidates IS NOT NULL"  # noqa: S608
        " ORDER BY at")
    return [(_raw(tuple(r)[:7])[1], json.loads(r[7])) for r in rows]


def for_review(store: Store) -> list[tuple[RawMessage, int]]:
    """Return the messages that name an application's thread from an unrelated sender,
    unparsed, each with that application's id.
    """
    # A removed application (kept 30 days, store/removed.py) has nothing to review.
    rows = store.conn.execute(
        f"SELECT {_COLUMNS}, review_app FROM messages WHERE review_app IS NOT NULL"  # noqa: S608
        " AND review_app NOT IN (SELECT id FROM applications WHERE removed_at IS NOT NULL)"
        " ORDER BY at")
    return [(_raw(tuple(r)[:7])[1], int(r[7])) for r in rows]


def prune(store: Store, before: datetime, tokens_of: lookup.TokensOf | None = None) -> int:
    """Forget unmatched messages older than ``before`` (outside the lookback window),
    with their lookup pairs when ``tokens_of`` can tell which those are.
    """
    setaside.prune(store, before)
    if tokens_of is not None:
        lookup.forget_unmatched_before(store, before, tokens_of)
    cur = store.conn.execute(
        "DELETE FROM messages WHERE at < ? AND app_id IS NULL", (utc_text(before),))
    if cur.rowcount:
        lookup.after_delete(store)
    return cur.rowcount


def message(store: Store, key: str) -> RawMessage | None:
    """Return the stored message with this key, unparsed, or None."""
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM messages WHERE key = ?",  # noqa: S608
                             (key,)).fetchone()
    return _raw(tuple(row))[1] if row else None


def place(store: Store, key: str) -> tuple[str, str, int] | None:
    """Return (account, folder, UID) of a stored message, or None."""
    row = store.conn.execute("SELECT account, folder, uid FROM messages WHERE key = ?",
                             (key,)).fetchone()
    return None if row is None else (str(row[0]), str(row[1]), int(row[2]))
