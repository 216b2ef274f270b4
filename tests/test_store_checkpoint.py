"""A store's pages, and copying its write-ahead log at a moment of its owner's choosing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from replywatch.store import Store

ROWS = 10_000  # about 1,300 pages of 16 KiB: past the 1,000 at which a commit copies the log


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


def test_store_new_file_has_16_kib_pages_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    old = sqlite3.connect(tmp_path / "old.db")
    old.execute("PRAGMA page_size = 4096")
    old.execute("PRAGMA journal_mode = WAL")
    old.close()
    sizes = []
    for name in ("new.db", "old.db"):
        store = Store.open(tmp_path / name)
        sizes.append(store.conn.execute("PRAGMA page_size").fetchone()[0])
        store.close()
    assert [16384, 4096] == sizes
