"""The daemon under faults of its own machine: a full store, a worker that hangs,
a server that hangs. In-process (a real Daemon, real Dovecot, real SQLite and a
real notify socket), because the fault is injected: SQLite's max_page_count, a
wall clock that blocks, a TCP peer that never speaks.
"""

from __future__ import annotations

import shutil
import socket
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replywatch.cli.main import main
from tests.daemonkit import Harness, NotifyListener, WallClock
from tests.mailfactory import account_block, eml
from tests.servers.dovecot import LocalDovecot


@pytest.fixture
def notify() -> Iterator[NotifyListener]:
    """A notify socket in a folder with a short path (sun_path holds 108 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="rw-n-"))
    listener = NotifyListener(folder / "notify")
    yield listener
    listener.close()
    shutil.rmtree(folder, ignore_errors=True)


def console_config(tmp_path: Path, accounts: str = "") -> Path:
    config = tmp_path / "config.toml"
    config.write_text(accounts + '\n[alerts]\nchannels = ["console"]\nquiet_hours = []\n'
                      '\n[policy]\ntimezone = "UTC"\n')
    return config


def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "replywatch" / "replywatch.db"


def add_app(config: Path, *args: str) -> None:
    applied = (datetime.now(UTC) - timedelta(days=2)).isoformat(timespec="seconds")
    assert 0 == main(["--config", str(config), "app", "add", "--applied", applied, *args])


# -- a full store -----------------------------------------------------------------------


def test_daemon_store_full_is_reported_once_stays_up_and_resumes_losing_no_mail(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str, notify: NotifyListener,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    config = console_config(tmp_path, account_block(dovecot, imap_user))
    add_app(config, "--company", "Globex", "--contact", "hr@globex.io")
    with Harness(config, store_path(tmp_path), notify=notify.path) as h:
        h.wait_log("pass_done")
        notify.wait_for("STATUS=1 open, 0 due")
        conn = h.daemon.store.conn
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
        for n in range(40):
            dovecot.add_message(imap_user, eml(sender="HR <hr@globex.io>",
                                               subject="Re: " + "x" * 3000,
                                               msgid=f"m{n}@globex.io"))
        h.daemon.request_pass()
        h.wait_log("store_failed")
        for retry in (1, 2):
            h.daemon.request_pass()
            h.wait_log("store_retry_failed", count=retry)
        alive_while_full = h.daemon._worker_thread is not None and \
            h.daemon._worker_thread.is_alive()
        conn.execute("PRAGMA max_page_count = 1073741823")  # space again
        h.daemon.request_pass()
        h.wait_log("store_recovered")
        h.console.wait(lambda t: "Globex replied" in t)
        text = h.console.text()
        failing = [line for line in notify.lines() if line.startswith("STATUS=store failing")]
    conn = sqlite3.connect(store_path(tmp_path))
    stored = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
    check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    assert (True, 1, 1, 1, 1, 40, "ok") == (
        alive_while_full, text.count("replywatch cannot write its store"), len(failing),
        h.count("store_failed"), text.count("Globex replied"), stored, check)
    assert str(store_path(tmp_path)) in failing[0]


# -- the watchdog -----------------------------------------------------------------------


class BlockingClock(WallClock):
    """A wall clock whose reads block while ``hang`` is set: the worker hangs in its
    own code, not on the network.
    """

    def __init__(self) -> None:
        super().__init__()
        self.hang = threading.Event()
        self.release = threading.Event()

    def __call__(self) -> datetime:
        if self.hang.is_set():
            self.release.wait(30)
        return super().__call__()


def test_daemon_watchdog_stops_when_the_worker_hangs_and_resumes_after(
        tmp_path: Path, notify: NotifyListener, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    clock = BlockingClock()
    with Harness(console_config(tmp_path), store_path(tmp_path), notify=notify.path,
                 watchdog_usec=200_000, clock=clock) as h:  # a ping every 0.1 s
        notify.wait_for("WATCHDOG=1", count=3)
        clock.hang.set()
        h.daemon.request_tick()
        h.wait_log("worker_stalled")
        stalled = time.monotonic()
        with pytest.raises(TimeoutError):  # no ping for five intervals
            notify.wait_for("WATCHDOG=1", since=stalled + 0.05, timeout=0.5)
        clock.hang.clear()
        clock.release.set()
        notify.wait_for("WATCHDOG=1", since=time.monotonic())
    assert 1 == h.count("worker_stalled")


class SilentPeer:
    """A TCP server that accepts and then never says a word (no IMAP greeting)."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(8)
        self.port: int = self.server.getsockname()[1]
        self.accepted = threading.Event()
        self._peers: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            self._peers.append(conn)
            self.accepted.set()

    def hang_up(self) -> None:
        """Close everything: the client's hung read ends at once with EOF."""
        self.server.close()
        for peer in self._peers:
            peer.close()


@pytest.fixture
def silent_peer() -> Iterator[SilentPeer]:
    peer = SilentPeer()
    yield peer
    peer.hang_up()


def test_daemon_watchdog_is_fed_while_a_server_hangs(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str, notify: NotifyListener,
        silent_peer: SilentPeer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    config = console_config(tmp_path, account_block(dovecot, imap_user, port=silent_peer.port))
    with Harness(config, store_path(tmp_path), notify=notify.path,
                 watchdog_usec=200_000) as h:  # stalled after 0.4 s without a beat
        assert silent_peer.accepted.wait(10)
        hung = time.monotonic()
        notify.wait_for("WATCHDOG=1", count=6, since=hung, timeout=10)
        stalled = h.count("worker_stalled")
        done = h.count("pass_done")
        silent_peer.hang_up()
    assert (0, 0) == (stalled, done)  # still inside the first pass, still fed
