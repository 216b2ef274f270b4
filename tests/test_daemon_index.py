"""The daemon catches the lookup index up right after a first pass, a batch at a time,
without waiting for more mail; a pass asked for meanwhile goes first, and a store
that cannot be written stops the catch-up until the next pass."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from replywatch import engine
from replywatch.cli.main import main
from replywatch.core.model import RawMessage
from replywatch.mail.headers import raw_key
from replywatch.store import Store, mailstate
from tests.daemonkit import Harness, events
from tests.mailfactory import ME, account_block
from tests.servers.dovecot import LocalDovecot

MESSAGES = 834  # the daemon's pass indexes none of them: it catches up after it
BATCH = 60
JANE = ("<j1@acme.com>", "<j2@acme.com>", "<j3@acme.com>")


def raw(sender: str, msgid: str, subject: str) -> bytes:
    return (f"From: {sender}\r\nTo: {ME}\r\nSubject: {subject}\r\nMessage-ID: {msgid}\r\n"
            f"Date: Mon, 23 Nov 2026 09:00:00 +0000\r\n\r\nHello.\r\n").encode()


def seeded(tmp_path: Path, dovecot: LocalDovecot, user: str,
           monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a config over a mailbox of MESSAGES messages, the last three from Jane at
    Acme (read last, indexed last), with a book that knows only Globex."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(engine, "INDEX_PER_PASS", BATCH)  # the batch of app add's catch-up
    start = datetime.now(UTC) - timedelta(days=30)
    for i in range(MESSAGES - len(JANE)):
        dovecot.add_message(user, raw(f"news{i % 97}@list{i % 13}.example", f"<n{i}@x.example>",
                                      f"Digest {i}"),
                            internal_date=start + timedelta(minutes=i), seen=True)
    for i, msgid in enumerate(JANE):
        dovecot.add_message(user, raw("jane@acme.com", msgid, "Your application"),
                            internal_date=start + timedelta(days=1, minutes=i), seen=True)
    config = tmp_path / "config.toml"
    config.write_text(account_block(dovecot, user) + "\n[alerts]\nchannels = [\"console\"]\n")
    # A rematch ran once: the next one looks up only what changed, through the index.
    assert 0 == main(["--config", str(config), "app", "add", "--company", "Globex",
                      "--contact", "hr@globex.io"])
    return config


def in_database_file(store_path: Path) -> int:
    """Return how many messages the database file itself holds, its log ignored."""
    conn = sqlite3.connect(f"file:{store_path}?immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM messages").fetchone()[0])
    finally:
        conn.close()


def indexed(store_path: Path) -> tuple[int, int]:
    """Return (messages indexed, messages stored)."""
    store = Store.open(store_path)
    try:
        done = store.conn.execute("SELECT count(DISTINCT msg) FROM message_lookup").fetchone()
        stored = store.conn.execute("SELECT count(*) FROM messages").fetchone()
        return int(done[0]), int(stored[0])
    finally:
        store.close()


def test_daemon_first_pass_backlog_caught_up_without_mail_and_app_add_rematches_old_mail(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    config = seeded(tmp_path, dovecot, imap_user, monkeypatch)
    store_path = tmp_path / "data" / "replywatch" / "replywatch.db"
    with Harness(config, store_path, index_batch=BATCH) as h:
        caught_up = h.wait_log("index_caught_up", timeout=60)
        batches = h.count("index_batch")
        passes = h.count("pass_done")
        # The pass's log was copied into the database file once the index caught up
        # (the daemon defers it: Store.defer_checkpoints), with the daemon still up.
        copied = in_database_file(store_path)
    backlog = MESSAGES
    assert ([backlog], backlog // BATCH, 1, (MESSAGES, MESSAGES), MESSAGES) == (
        [e["indexed"] for e in caught_up], batches, passes, indexed(store_path), copied)
    applied = (datetime.now(UTC) - timedelta(days=40)).date().isoformat()
    assert 0 == main(["--config", str(config), "app", "add", "--company", "Acme",
                      "--contact", "jane@acme.com", "--applied", applied])
    store = Store.open(store_path)
    matched = sorted(str(r[0]) for r in store.conn.execute(
        "SELECT key FROM messages JOIN applications ON applications.id = app_id"
        " WHERE company = 'Acme'"))
    store.close()
    assert [f"mid:{m.strip('<>')}" for m in JANE] == matched


def test_daemon_pass_asked_during_catch_up_runs_before_the_next_batch(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    config = seeded(tmp_path, dovecot, imap_user, monkeypatch)
    with Harness(config, tmp_path / "data" / "replywatch" / "replywatch.db",
                 index_batch=BATCH) as h:
        write = h.logs.write
        asked: list[bool] = []

        def write_and_ask(text: str) -> int:
            # In the worker, as its first batch is logged: a reply's IDLE asks now.
            if '"index_batch"' in text and not asked:
                asked.append(True)
                h.daemon.request_pass()
            return write(text)

        h.logs.write = write_and_ask  # type: ignore[method-assign]
        h.wait_log("index_caught_up", timeout=60)
    order: list[Any] = [e["event"] for e in events(h.logs.text())
                        if e.get("event") in ("index_batch", "pass_done", "index_caught_up")]
    assert ["pass_done", "index_batch", "pass_done", "index_batch"] == order[:4]
    assert "index_caught_up" == order[-1]


def test_daemon_catch_up_on_a_full_store_stops_asking_and_resumes_after(
        tmp_path: Path) -> None:
    store_path = tmp_path / "rw.db"
    # A store made with 4 KiB pages (as before 16 KiB): its 300 messages' index needs
    # new pages at once, which the full disk refuses.
    made = sqlite3.connect(store_path)
    made.execute("PRAGMA page_size = 4096")
    made.execute("PRAGMA journal_mode = WAL")  # writes the file: the page size holds
    made.close()
    store = Store.open(store_path)
    assert 4096 == store.conn.execute("PRAGMA page_size").fetchone()[0]
    with store.tx():
        mailstate.save_messages(store, "mail", (
            RawMessage("INBOX", uid, datetime.now(UTC), raw(f"p{uid}@x{uid}.example",
                                                            f"<m{uid}@x.example>", "Hi"))
            for uid in range(1, 301)), raw_key)
    store.close()
    config = tmp_path / "config.toml"
    config.write_text('[alerts]\nchannels = ["console"]\n')
    h = Harness(config, store_path, index_batch=BATCH)  # not started: the worker's steps
    conn = h.daemon.store.conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    full = h.daemon.catch_up()
    asking = h.daemon._want_index.is_set()
    conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    after = h.daemon.catch_up()
    h.daemon.store.close()
    assert (0, False, 1, BATCH, (BATCH, 300)) == (
        full, asking, h.count("index_failed"), after, indexed(store_path))
