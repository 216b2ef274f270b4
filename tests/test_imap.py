"""ImapMailbox against Dovecot: IDLE waits, wakes on mail and on shutdown."""

from __future__ import annotations

import threading
import time

from replywatch.config import Account, Security
from replywatch.mail.imap import ImapMailbox
from replywatch.wakeup import Wakeup
from tests.mailfactory import eml
from tests.servers.dovecot import LocalDovecot


def mailbox(dovecot: LocalDovecot, user: str) -> ImapMailbox:
    account = Account(name="t", host=dovecot.host, port=dovecot.port, security=Security.PLAIN,
                      username=user)
    box = ImapMailbox(account, dovecot.password)
    box.connect()
    return box


def test_idle_wait_times_out_and_ends_idle_so_it_can_be_reissued(
        dovecot: LocalDovecot, imap_user: str) -> None:
    box = mailbox(dovecot, imap_user)
    started = time.monotonic()
    arrived = box.idle_wait("INBOX", 1.5, Wakeup())
    elapsed = time.monotonic() - started
    box.close()
    commands = [c.split()[0] for c in dovecot.commands_sent(imap_user)]
    assert (False, True) == (arrived, 1.4 < elapsed < 3.0)
    assert ["EXAMINE", "IDLE", "DONE"] == [c for c in commands if c in ("EXAMINE", "IDLE",
                                                                        "DONE")]


def test_idle_wait_returns_when_mail_arrives(dovecot: LocalDovecot, imap_user: str) -> None:
    box = mailbox(dovecot, imap_user)
    timer = threading.Timer(0.5, lambda: dovecot.add_message(
        imap_user, eml(sender="a@example.net", msgid="idle@x")))
    timer.start()
    started = time.monotonic()
    arrived = box.idle_wait("INBOX", 30, Wakeup())
    elapsed = time.monotonic() - started
    box.close()
    assert (True, True) == (arrived, elapsed < 5)


def test_idle_wait_mail_calls_on_mail_once_before_returning(
        dovecot: LocalDovecot, imap_user: str) -> None:
    box = mailbox(dovecot, imap_user)
    calls: list[str] = []
    timer = threading.Timer(0.3, lambda: dovecot.add_message(
        imap_user, eml(sender="a@example.net", msgid="idle-cb@x")))
    timer.start()
    arrived = box.idle_wait("INBOX", 30, Wakeup(), on_mail=lambda: calls.append("mail"))
    box.close()
    assert (True, ["mail"]) == (arrived, calls)


def test_idle_wait_wakes_on_shutdown_within_a_second(
        dovecot: LocalDovecot, imap_user: str) -> None:
    box = mailbox(dovecot, imap_user)
    stop = Wakeup()
    threading.Timer(0.3, stop.set).start()
    started = time.monotonic()
    box.idle_wait("INBOX", 600, stop)
    elapsed = time.monotonic() - started
    box.close()
    assert elapsed < 1.5
