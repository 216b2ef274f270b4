"""Mail kept settled that a thread anchor added later in the same pass may still claim.

A message that names a thread (In-Reply-To, References, a Gmail thread id) but
that no other rule can match, and discovery cannot propose, can only ever be
matched by a thread anchor. On a first pass such mail is most of what would wait
for matching (about a third of a Dovecot mailbox, all of a Gmail one), and nearly
none of it names an anchor the pass adds. So it is kept settled, as mail that no
rule can match, and the ids it names are written to a table of this connection
(``temp``: never on disk with the store, gone with the connection). When the pass
has matched its pending mail, the messages naming one of the anchors it added are
claimed: read back and matched, as the sweep would have matched them.

A pass that dies between keeping mail and matching it loses the table. A mark in
the store (``meta``) says that watched mail waits for its claims; a match that
finds the mark without the table of the pass that wrote it matches every unmatched
message again (``mailstate.reopen_unmatched``): slow once, never a missed reply.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from replywatch.store import Store

_MARK = "thread_watch"  # meta key: watched mail waits for its claims; the value is a token
_BITS = 1 << 23  # a bitmap of the ids named: most anchors a pass adds are named by none
CLAIM_BATCH = 500  # ids asked at once (SQLite's bound parameters)
MAX_REFS = 200  # more ids than this in one message: it waits for matching as ever


class ThreadWatch:
    """The ids named by the mail a pass kept settled, on the pass's store connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.token = secrets.token_hex(8)
        self._bits = bytearray()  # made with the table: most passes keep no such mail
        self._open = False

    @property
    def watching(self) -> bool:
        """True once mail was kept under this watch, until ``close``."""
        return self._open

    def add(self, named: list[tuple[str, str]]) -> None:
        """Remember (id, message key) pairs: the message is claimed if an anchor with
        that id is added before ``close``. Call inside the ``tx()`` that keeps the mail.
        """
        if not named:
            return
        conn = self.store.conn
        if not self._open:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS thread_watch"
                         " (ref INTEGER NOT NULL, key TEXT NOT NULL)")
            conn.execute("DELETE FROM temp.thread_watch")  # a pass that failed left it
            self._bits = bytearray(_BITS // 8)
            self._open = True
        # In the transaction that keeps the mail: a rollback takes both away.
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_MARK, self.token))
        bits = self._bits
        rows = []
        for ref, key in named:
            h = hash(ref)  # this process's: the table lives no longer than it
            bits[(h % _BITS) >> 3] |= 1 << (h & 7)
            rows.append((h, key))
        conn.executemany("INSERT INTO temp.thread_watch VALUES (?, ?)", rows)

    def claims(self, anchors: Iterable[str]) -> list[str]:
        """Return the keys of the watched messages that name one of ``anchors``, each
        once. A hash may bring a stranger along: matching reads its real ids.
        """
        if not self._open:
            return []
        bits = self._bits
        hashes = sorted({h for h in map(hash, anchors)
                         if bits[(h % _BITS) >> 3] & (1 << (h & 7))})
        keys: dict[str, None] = {}
        for start in range(0, len(hashes), CLAIM_BATCH):
            chunk = hashes[start:start + CLAIM_BATCH]
            rows = self.store.conn.execute(
                f"SELECT key FROM temp.thread_watch WHERE ref IN ({', '.join('?' * len(chunk))})",  # noqa: S608
                chunk)
            keys.update((str(key), None) for (key,) in rows)
        return list(keys)

    def close(self) -> None:
        """Forget what was watched, and the mark. Call inside the ``tx()`` that matched
        the pass's mail."""
        if self._open:
            self.store.conn.execute("DELETE FROM temp.thread_watch")
            self._bits = bytearray()
            self._open = False
        forget(self.store)


def orphaned(store: Store, watch: ThreadWatch | None) -> bool:
    """Return True when watched mail waits for claims that no ``watch`` here holds:
    the pass that kept it ended before matching, or was another process's."""
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (_MARK,)).fetchone()
    return row is not None and (watch is None or row[0] != watch.token)


def forget(store: Store) -> None:
    """Remove the mark: its mail is matched (``close``), or, orphaned, matched again.
    Call in ``tx()``."""
    store.conn.execute("DELETE FROM meta WHERE key = ?", (_MARK,))
