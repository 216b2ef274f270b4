"""A kept connection ends each pass with the primary folder selected, against Dovecot:
the next pass with nothing new asks INBOX with one NOOP, and mail that came while
the pass read texts elsewhere is still read."""

from __future__ import annotations

from datetime import date

import pytest

from replywatch.config import Account, Security
from replywatch.core.model import FolderState
from replywatch.mail.folders import Folder
from replywatch.mail.imap import ImapMailbox
from tests.mailfactory import ME, eml
from tests.servers.dovecot import LocalDovecot

INBOX, SENT = Folder("INBOX", "inbox"), Folder("Sent", "sent")
SINCE = date(2020, 1, 1)


def _read_all(box: ImapMailbox, states: dict[str, FolderState]) -> list[str]:
    """One pass's read, Sent first and INBOX last as the engine does; return the
    Message-IDs found."""
    found = []
    for folder in (SENT, INBOX):
        state, messages = box.read_folder(folder, states.get(folder.name), SINCE)
        found += [m.header.split(b"Message-ID: <")[1].split(b">")[0].decode() for m in messages]
        states[folder.name] = state
    return found


@pytest.fixture
def box(dovecot: LocalDovecot, imap_user: str) -> ImapMailbox:
    dovecot.add_message(imap_user, eml(sender="a@example.net", msgid="in-1@x"))
    dovecot.add_message(imap_user, eml(sender=ME, to="jobs@acme.example", msgid="sent-1@x"),
                        folder="Sent")
    account = Account(name="t", host=dovecot.host, port=dovecot.port, security=Security.PLAIN,
                      username=imap_user)
    return ImapMailbox(account, dovecot.password)


def test_settle_after_texts_elsewhere_next_no_change_read_of_inbox_is_a_noop(
        box: ImapMailbox, dovecot: LocalDovecot, imap_user: str) -> None:
    states: dict[str, FolderState] = {}
    with box:
        box.folders()
        _read_all(box, states)
        box.fetch_texts("Sent", [1])  # reading a text leaves Sent selected
        box.settle()
        before = len(dovecot.commands_sent(imap_user))
        found = _read_all(box, states)
        after = [c.split()[0] for c in dovecot.commands_sent(imap_user)[before:]]
    assert ([], ["STATUS", "NOOP"]) == (found, after)


def test_settle_mail_that_came_before_the_examine_is_read_next_pass(
        box: ImapMailbox, dovecot: LocalDovecot, imap_user: str) -> None:
    states: dict[str, FolderState] = {}
    with box:
        box.folders()
        first = _read_all(box, states)
        box.fetch_texts("Sent", [1])
        # Arrives after INBOX was read, before settle selects it again: no EXISTS
        # will tell the next NOOP about it.
        dovecot.add_message(imap_user, eml(sender="b@example.net", msgid="in-2@x"))
        box.settle()
        second = _read_all(box, states)
    assert (["sent-1@x", "in-1@x"], ["in-2@x"]) == (first, second)
