"""The lookup index of stored messages, and the book's tokens as last matched.

``message_lookup`` holds (token, message rowid) pairs (core/lookup.py says which
tokens); ``book_lookup`` each application's tokens as of the last rematch. A change
of the book is then the difference of the two, and its candidates one indexed
lookup, whatever the number of stored messages.

Messages are indexed up to a watermark (the highest rowid indexed, in ``meta``), so
that a store from before the index, or a write that did not index, is caught up by
the next ``index_new``. Stale pairs (of a message deleted without ``forget``) cost
a needless candidate at most, never a missed one.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable
from datetime import datetime

from replywatch.core.model import Application, RawMessage, Stage
from replywatch.store import Store, parse_utc, utc_text
from replywatch.store.db import related_values

TokensOf = Callable[[RawMessage], set[str]]

_WATERMARK = "lookup_rowid"
_VERSION = "lookup_version"  # what made the tokens: another one starts the index over
_OWN = "lookup_own"  # the user's addresses the book tokens were taken with
_BATCH = 2000


def token_ids(tokens: Iterable[str]) -> set[int]:
    """Given lookup tokens, return the ids they are stored under: their CRC-32. A
    collision only adds a candidate, which is matched in full like any other.
    """
    return {zlib.crc32(t.encode("utf-8", "surrogatepass")) for t in tokens}


def _meta(store: Store, key: str) -> str | None:
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _set_meta(store: Store, key: str, value: str) -> None:
    store.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def _raw(row: tuple[object, ...]) -> RawMessage:
    folder, uid, at, header, gm_msgid, gm_thrid = row
    if not (isinstance(folder, str) and isinstance(uid, int) and isinstance(at, str)
            and isinstance(header, bytes)):
        raise TypeError("stored message has a column of the wrong type")
    return RawMessage(folder, uid, parse_utc(at), header,
                      gm_msgid if isinstance(gm_msgid, int) else None,
                      gm_thrid if isinstance(gm_thrid, int) else None)


def index_new(store: Store, tokens_of: TokensOf, limit: int | None = None, *,
              version: str) -> int:
    """Index the messages stored since the last call, the oldest first and at most
    ``limit`` of them; return how many. Call inside ``tx()``. A page at a time:
    memory stays flat on a store of any size.

    ``version`` names what ``tokens_of`` reads (the program's version): tokens made
    by another version may not be what this one looks up, so then the index and
    the book's tokens are dropped, and messages are indexed anew (and the next
    rematch matches everything again).
    """
    if _meta(store, _VERSION) != version:
        store.conn.execute("DELETE FROM message_lookup")
        store.conn.execute("DELETE FROM book_lookup")
        store.conn.execute("DELETE FROM meta WHERE key IN (?, ?)", (_WATERMARK, _OWN))
        _set_meta(store, _VERSION, version)
    mark = int(_meta(store, _WATERMARK) or 0)
    done = 0
    while limit is None or done < limit:
        page = _BATCH if limit is None else min(_BATCH, limit - done)
        rows = store.conn.execute(
            "SELECT rowid, folder, uid, at, header, gm_msgid, gm_thrid FROM messages"
            " WHERE rowid > ? ORDER BY rowid LIMIT ?", (mark, page)).fetchall()
        if not rows:
            break
        store.conn.executemany("INSERT OR IGNORE INTO message_lookup (token, msg)"
                               " VALUES (?, ?)", _pairs(rows, tokens_of))
        mark = rows[-1][0]
        done += len(rows)
    if done:
        _set_meta(store, _WATERMARK, str(mark))
    return done


def _pairs(rows: Iterable[tuple[object, ...]], tokens_of: TokensOf) -> list[tuple[int, object]]:
    """Return the (token id, rowid) pairs of rows (rowid, then the RawMessage columns)."""
    # Sorted: neighbouring inserts land on the same pages of the index.
    return sorted((token, row[0]) for row in rows
                  for token in token_ids(tokens_of(_raw(tuple(row)[1:]))))


def forget_unmatched_before(store: Store, before: datetime, tokens_of: TokensOf) -> None:
    """Drop the index pairs of the messages ``mailstate.prune`` is about to delete
    (unmatched, arrived before ``before``, stored text). Call inside ``tx()``.
    """
    rows = store.conn.execute(
        "SELECT rowid, folder, uid, at, header, gm_msgid, gm_thrid FROM messages"
        " WHERE at < ? AND app_id IS NULL", (utc_text(before),)).fetchall()
    store.conn.executemany("DELETE FROM message_lookup WHERE token = ? AND msg = ?",
                           _pairs(rows, tokens_of))


def after_delete(store: Store) -> None:
    """Keep the watermark below the next rowid after messages were deleted. Call
    inside ``tx()``: SQLite gives a new row the highest rowid plus one, which may be
    a deleted one's, and that row must still count as not indexed.
    """
    row = store.conn.execute("SELECT max(rowid) FROM messages").fetchone()
    highest = int(row[0] or 0)
    if int(_meta(store, _WATERMARK) or 0) > highest:
        _set_meta(store, _WATERMARK, str(highest))


def book(store: Store) -> list[Application]:
    """Return every application not removed, with what matching reads of it (company,
    role, stage, contacts, domains, anchors, relay addresses) and no history: cheaper
    than ``Store.applications``, which loads every event.
    """
    plain = store.conn.cursor()
    plain.row_factory = None
    related = related_values(plain)
    rows = store.conn.execute("SELECT id, company, role, stage, applied_at FROM applications"
                              " WHERE removed_at IS NULL ORDER BY id")
    return [Application(
        id=int(app_id), company=str(company), role=str(role), stage=Stage(stage),
        applied_at=parse_utc(str(applied_at)),
        contacts=tuple(related["contacts"].get(app_id, ())),
        domains=tuple(related["domains"].get(app_id, ())),
        thread_ids=tuple(related["thread_anchors"].get(app_id, ())),
        relay_senders=tuple(related["relay_senders"].get(app_id, ())))
        for app_id, company, role, stage, applied_at in rows]


def book_tokens(store: Store, own: Iterable[str]) -> dict[int, set[str]] | None:
    """Return each application's tokens as of the last rematch, or None when there was
    none yet with these own addresses (then everything must be matched again).
    """
    if _meta(store, _OWN) != _own_text(own):
        return None
    return {int(app_id): set(json.loads(text)) for app_id, text in
            store.conn.execute("SELECT app_id, tokens FROM book_lookup")}


def save_book_tokens(store: Store, tokens: dict[int, set[str]], own: Iterable[str]) -> None:
    """Remember each application's tokens (all of them) as matched. Call inside ``tx()``."""
    before = book_tokens(store, own) or {}
    gone = [(app_id,) for app_id in before.keys() - tokens.keys()]
    store.conn.executemany("DELETE FROM book_lookup WHERE app_id = ?", gone)
    store.conn.executemany(
        "INSERT OR REPLACE INTO book_lookup (app_id, tokens) VALUES (?, ?)",
        [(app_id, json.dumps(sorted(found))) for app_id, found in tokens.items()
         if before.get(app_id) != found])
    _set_meta(store, _OWN, _own_text(own))


def _own_text(own: Iterable[str]) -> str:
    return json.dumps(sorted(own))


REOPEN = (
    "UPDATE messages SET processed = 0, candidates = NULL, review_app = NULL"
    " WHERE rowid IN (SELECT msg FROM message_lookup"
    "                 WHERE token IN (SELECT value FROM json_each(?)))"
    # "+processed": without it SQLite walks messages_pending over every processed
    # message (all of them) instead of looking the few candidates up by rowid.
    " AND +processed = 1 AND app_id IS NULL"
    " AND key NOT IN (SELECT key FROM set_aside)"
)


def reopen(store: Store, tokens: Iterable[str], *, always: bool) -> int:
    """Mark the unmatched messages indexed under any of ``tokens`` (and with
    ``always``, those of the "always" bucket) for matching again; return how many.
    Call inside ``tx()``. A message set aside once is never tried again.
    """
    from replywatch.core.lookup import ALWAYS  # here: the read-only commands skip matching

    ids = token_ids(tokens) | (token_ids({ALWAYS}) if always else set())
    if not ids:
        return 0
    cur = store.conn.execute(REOPEN, (json.dumps(sorted(ids)),))
    return cur.rowcount
