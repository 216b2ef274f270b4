"""Refused passwords, against a real Dovecot whose password file changes: the
secret is re-read after each refusal, three refusals pause the account for 15
minutes with one actionable notice, and the first login that works says so once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from replywatch.store import Store
from replywatch.store.notices import clear_notice, raise_notice, standing
from tests.daemonkit import Harness, VirtualClock
from tests.mailfactory import account_block
from tests.servers.passwd_dovecot import PasswdDovecot
from tests.tls import TlsFiles


@pytest.fixture
def passwd_dovecot(tls_files: TlsFiles) -> Iterator[PasswdDovecot]:
    with PasswdDovecot() as server:
        yield server


def config_with_password_file(tmp_path: Path, server: PasswdDovecot, user: str,
                              secret: Path, reads: Path) -> Path:
    """A config whose password_command counts its runs and prints ``secret``."""
    block = account_block(server, user)
    command = json.dumps(["sh", "-c", f"echo x >> {reads}; cat {secret}"])
    lines = [f"password_command = {command}" if line.startswith("password_command") else line
             for line in block.splitlines()]
    config = tmp_path / "config.toml"
    config.write_text("\n".join(lines) + '\n\n[alerts]\nchannels = ["console"]\n'
                      'quiet_hours = []\n')
    return config


def one_pass(h: Harness) -> None:
    """Ask for a pass and wait until one more has finished."""
    done = h.count("pass_done")
    h.daemon.request_pass()
    h.wait_log("pass_done", count=done + 1)


def runs(reads: Path) -> int:
    return len(reads.read_text().splitlines()) if reads.exists() else 0


def test_daemon_refused_password_pauses_alerts_once_and_resumes_with_the_new_one(
        tmp_path: Path, passwd_dovecot: PasswdDovecot, imap_user: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    passwd_dovecot.set_password(imap_user, "Server-pw-1")
    secret, reads = tmp_path / "secret", tmp_path / "reads"
    secret.write_text("Stale-pw-0\n")  # the client's copy is out of date
    config = config_with_password_file(tmp_path, passwd_dovecot, imap_user, secret, reads)
    mono = VirtualClock()
    with Harness(config, tmp_path / "data" / "rw.db", monotonic=mono) as h:
        for _ in range(5):  # the IDLE thread's logins count too: maybe fewer passes
            one_pass(h)
            if h.count("signin_paused"):
                break
        reads_at_pause = runs(reads)
        one_pass(h)  # paused: no login, not even a read of the secret
        one_pass(h)
        reads_while_paused = runs(reads)
        # The user changes the password on the server and in their password store.
        passwd_dovecot.set_password(imap_user, "Server-pw-2")
        secret.write_text("Server-pw-2\n")
        mono.advance(15 * 60)
        h.daemon.request_pass()
        h.wait_log("signin_resumed")
        one_pass(h)
        text = h.console.text()
    # Two logins may share one read (the pass and IDLE start together).
    assert (True, reads_at_pause, 1, 0, 1) == (
        2 <= reads_at_pause <= 3, reads_while_paused,
        text.count("replywatch cannot sign in to mail: the password was refused"),
        text.count("cannot read account"), text.count("replywatch can sign in to mail again"))
    assert "update what your password_command 'sh' prints" in text


def test_store_notice_is_raised_once_and_cleared_once_across_reopening(
        tmp_path: Path) -> None:
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    store = Store.open(tmp_path / "s.db")
    first = raise_notice(store, "signin:mail", now)
    store.close()
    store = Store.open(tmp_path / "s.db")  # a restart
    again = raise_notice(store, "signin:mail", now)
    keys = standing(store, "signin:")
    cleared, cleared_again = clear_notice(store, "signin:mail"), clear_notice(store, "signin:mail")
    assert (True, False, {"signin:mail"}, True, False) == (first, again, keys, cleared,
                                                           cleared_again)
