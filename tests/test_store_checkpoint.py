"""A store can leave copying its write-ahead log to a moment of its owner's choosing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from replywatch.store import Store

ROWS = 3000  # about 1,500 pages of log: past the 1,000 at which a commit would copy it


def in_database_file(path: Path) -> int:
    """Return how many proposals the database file itself holds, its log ignored."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM big").fetchone()[0])
    except sqlite3.OperationalError:  # not even the table is in the file yet
        return 0
    finally:
        conn.close()


def fill(store: Store) -> None:
    with store.tx():
        store.conn.execute("CREATE TABLE big (n INTEGER, pad BLOB)")
        store.conn.executemany("INSERT INTO big VALUES (?, ?)",
                               ((n, b"x" * 2000) for n in range(ROWS)))


def test_store_commit_copies_a_long_log_by_default(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    fill(store)
    assert ROWS == in_database_file(tmp_path / "s.db")
    store.close()


def test_store_deferred_log_copied_only_at_checkpoint(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    store.defer_checkpoints()
    fill(store)
    before = in_database_file(tmp_path / "s.db")
    store.checkpoint()
    after = in_database_file(tmp_path / "s.db")
    store.close()
    assert (0, ROWS) == (before, after)
