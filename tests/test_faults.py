"""Faults on the wire: `check` and the daemon (a real subprocess) through a proxy that
resets, says BYE, goes silent, goes slow, and restarts, between them and Dovecot.

Each test: no crash, one line of error where the user sees one, recovery, mail that
arrived during the fault matched soon after, and never more than two connections
for the account at once.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from replywatch.config import Account, Security
from replywatch.errors import MailboxError
from replywatch.mail.imap import ImapMailbox
from replywatch.wakeup import Wakeup
from tests.mailfactory import Setup, account_block, eml, make_setup
from tests.servers.dovecot import LocalDovecot
from tests.servers.faultproxy import FaultProxy
from tests.test_daemon import Daemon, NotifySocket

SHORT_HEARTBEAT = 3
CATCH_UP = 5.0  # a reply that came while the server was away is matched this soon


@pytest.fixture
def proxy(dovecot: LocalDovecot) -> Iterator[FaultProxy]:
    with FaultProxy((dovecot.host, dovecot.port)) as relay:
        yield relay


@pytest.fixture
def heartbeat() -> int:
    """Long by default: a fault must be noticed at once, not by the next heartbeat."""
    return 60


@pytest.fixture
def rw(dovecot: LocalDovecot, imap_user: str, tmp_path: Path, proxy: FaultProxy,
       monkeypatch: pytest.MonkeyPatch, heartbeat: int) -> Setup:
    setup = make_setup(dovecot, imap_user, tmp_path, monkeypatch)
    setup.config.write_text(account_block(dovecot, imap_user, port=proxy.port)
                            + f"\n[daemon]\nidle_minutes = 1\nheartbeat_seconds = {heartbeat}\n")
    return setup


class Running:
    """The daemon as a subprocess, with its log."""

    def __init__(self, rw: Setup, tmp: Path) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NOTIFY_", "WATCH"))}
        env.update(XDG_DATA_HOME=str(rw.data), XDG_CONFIG_HOME=str(tmp / "cfg"),
                   NOTIFY_SOCKET=str(tmp / "notify"), PYTHONUNBUFFERED="1")
        self.notify = NotifySocket(tmp / "notify")
        self.daemon = Daemon(env, rw.config, tmp / "daemon.log")

    def count(self, event: str) -> int:
        return sum(1 for e in self.daemon.log() if e.get("event") == event)

    def wait(self, event: str, count: int = 1, timeout: float = 20.0) -> float:
        """Wait for the ``count``-th ``event``; return the monotonic time it was seen."""
        self.daemon.wait_log(event, timeout=timeout, count=count)
        return time.monotonic()

    def events(self, event: str) -> list[dict[str, object]]:
        return [e for e in self.daemon.log() if e.get("event") == event]


@pytest.fixture
def running(rw: Setup, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Running]:
    code, _, err = rw.run(capsys, "app", "add", "--company", "Acme", "--contact",
                          "jane@acme.com")
    assert 0 == code, err
    run = Running(rw, tmp_path)
    run.daemon.start()
    run.notify.wait_for("READY=1")
    run.wait("idle_started")
    yield run
    run.daemon.stop()
    run.notify.close()
    assert [] == [e for e in run.daemon.log()
                  if e.get("event") in ("work_crashed", "raw") or e.get("level") == "critical"]


def reply(rw: Setup, msgid: str) -> None:
    rw.add(eml(sender="Jane <jane@acme.com>", subject="Next steps", msgid=msgid))


def matched(run: Running) -> list[object]:
    return [e["message_id"] for e in run.events("reply_matched")]


def test_daemon_idle_reset_noticed_at_once_and_reply_caught_up(
        rw: Setup, proxy: FaultProxy, running: Running) -> None:
    proxy.reset_all()
    faulted = time.monotonic()
    noticed = running.wait("idle_lost")
    reply(rw, "after-reset@acme.com")
    caught = running.wait("reply_matched")
    assert (["after-reset@acme.com"], True) == (matched(running), noticed - faulted < 2.0)
    assert caught - faulted < CATCH_UP
    assert proxy.most_open <= 2


def test_daemon_bye_then_close_noticed_at_once_and_recovered(
        rw: Setup, proxy: FaultProxy, running: Running) -> None:
    proxy.bye_all()
    faulted = time.monotonic()
    noticed = running.wait("idle_lost")
    running.wait("idle_started", count=2)
    reply(rw, "after-bye@acme.com")
    running.wait("reply_matched")
    lost = running.events("idle_lost")[0]
    assert (["after-bye@acme.com"], True) == (matched(running), noticed - faulted < 2.0)
    assert "BYE" in str(lost["error"]) or "closed" in str(lost["error"]), lost
    assert proxy.most_open <= 2


@pytest.mark.parametrize("heartbeat", [SHORT_HEARTBEAT])
def test_daemon_silent_peer_noticed_within_heartbeat_and_recovered(
        rw: Setup, proxy: FaultProxy, running: Running, heartbeat: int) -> None:
    proxy.silent.set()
    faulted = time.monotonic()
    noticed = running.wait("idle_lost", timeout=heartbeat * 4)
    reply(rw, "after-silence@acme.com")
    proxy.silent.clear()
    back = time.monotonic()
    # The silent connections are dropped by the client; new ones hear the server.
    caught = running.wait("reply_matched", timeout=60)
    assert (["after-silence@acme.com"], True) == (matched(running),
                                                  noticed - faulted < heartbeat + 1.5)
    assert caught - back < 30  # a connection attempt in flight, or the next backoff step
    assert proxy.most_open <= 2


def test_daemon_server_restart_caught_up_within_5_seconds_of_return(
        rw: Setup, proxy: FaultProxy, running: Running) -> None:
    proxy.down()
    running.wait("idle_lost", count=2)  # refused at least once: the server is away
    reply(rw, "during-restart@acme.com")
    proxy.start()
    back = time.monotonic()
    caught = running.wait("reply_matched")
    assert (["during-restart@acme.com"], True) == (matched(running), caught - back < CATCH_UP)
    assert proxy.most_open <= 2


def test_daemon_reset_mid_fetch_pass_recovers_and_matches(
        rw: Setup, proxy: FaultProxy, running: Running) -> None:
    proxy.reset_on(b" FETCH (")
    reply(rw, "mid-fetch@acme.com")
    assert proxy.reset_done.wait(15)
    caught = running.wait("reply_matched")
    faulted_passes = running.count("pass_done")
    assert (["mid-fetch@acme.com"], True) == (matched(running), faulted_passes >= 1)
    assert caught > 0 and proxy.most_open <= 2


def test_check_reset_mid_fetch_one_line_error_then_next_check_matches(
        rw: Setup, proxy: FaultProxy, capsys: pytest.CaptureFixture[str]) -> None:
    rw.run(capsys, "app", "add", "--company", "Acme", "--contact", "jane@acme.com")
    reply(rw, "check-fetch@acme.com")
    proxy.reset_on(b" FETCH (")
    code, _, err = rw.run(capsys, "check", "--json")
    user_lines = [line for line in err.splitlines() if line.startswith("replywatch:")]
    assert (1, 1) == (code, len(user_lines)), err
    assert "FETCH in INBOX" in user_lines[0] and "Traceback" not in err
    code, out, err = rw.run(capsys, "check", "--json")
    assert (0, ["check-fetch@acme.com"]) == (
        code, [m["message_id"] for m in json.loads(out)["matched"]]), err
    assert proxy.most_open <= 1


def test_check_slow_peer_completes_and_matches(
        rw: Setup, proxy: FaultProxy, capsys: pytest.CaptureFixture[str]) -> None:
    rw.run(capsys, "app", "add", "--company", "Acme", "--contact", "jane@acme.com")
    for i in range(5):
        reply(rw, f"slow-{i}@acme.com")
    proxy.slow.set()
    code, out, err = rw.run(capsys, "check", "--json")
    assert (0, [f"slow-{i}@acme.com" for i in range(5)]) == (
        code, [m["message_id"] for m in json.loads(out)["matched"]]), err


@pytest.mark.parametrize("fault", ["reset", "bye"])
def test_idle_wait_over_tls_fault_ends_wait_at_once(
        dovecot: LocalDovecot, imap_user: str, dovecot_ca: Path, fault: str) -> None:
    with FaultProxy((dovecot.host, dovecot.tls_port)) as relay:
        account = Account(name="t", host=relay.host, port=relay.port, security=Security.TLS,
                          username=imap_user, ca_file=dovecot_ca)
        box = ImapMailbox(account, dovecot.password)
        box.connect()
        timer = threading.Timer(0.5, relay.reset_all if fault == "reset" else relay.bye_all)
        timer.start()
        started = time.monotonic()
        with pytest.raises(MailboxError) as raised:
            box.idle_wait("INBOX", 60, Wakeup())
        elapsed = time.monotonic() - started
        box.close()
    assert (True, "IDLE" in raised.value.problems[0]) == (elapsed < 2.5, True), elapsed
