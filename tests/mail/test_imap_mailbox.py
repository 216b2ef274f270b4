"""The IMAP edge passes the Mailbox contract against a real Dovecot."""

from __future__ import annotations

import imaplib
import shutil
from collections.abc import Generator, Iterator
from datetime import date

import pytest
from tests.mail.mailbox_contract import MailboxContract, MailboxEnv
from tests.servers.dovecot import LocalDovecot

from replywatch.config import Account, Security
from replywatch.core.model import RawMessage
from replywatch.engine import Mailbox
from replywatch.mail.headers import parse_raw
from replywatch.mail.imap import ImapMailbox


class TestImapMailbox(MailboxContract):
    @pytest.fixture
    def env(self, dovecot: LocalDovecot, imap_user: str) -> MailboxEnv:
        account = Account(name="mail", host=dovecot.host, username=imap_user,
                          port=dovecot.port, security=Security.PLAIN)

        def open_with_password(password: str) -> Mailbox:
            box = ImapMailbox(account, password)
            box.connect()
            return box

        def renumber(folder: str) -> None:
            # Dovecot forgets its UIDs when a maildir's uidlist and indexes go.
            root = dovecot.maildir(imap_user)
            path = root if folder == "INBOX" else root / f".{folder}"
            for name in ("dovecot-uidlist", "dovecot.index", "dovecot.index.log",
                         "dovecot.index.cache"):
                (path / name).unlink(missing_ok=True)
            shutil.rmtree(root / ".." / "mail" / folder, ignore_errors=True)

        return MailboxEnv(
            add=lambda raw, folder, when: dovecot.add_message(
                imap_user, raw, folder=folder, internal_date=when),
            renumber=renumber,
            open=lambda: open_with_password(dovecot.password),
            open_with_password=open_with_password,
            drafts=lambda: drafts_of(dovecot, imap_user),
        )


def drafts_of(dovecot: LocalDovecot, user: str) -> list[tuple[bytes, frozenset[str]]]:
    """Return each message of ``user``'s Drafts with its flags, read with imaplib."""
    client = imaplib.IMAP4(dovecot.host, dovecot.port)
    client.login(user, dovecot.password)
    _, exists = client.select("Drafts", readonly=True)
    data = client.fetch("1:*", "(FLAGS BODY.PEEK[])")[1] if exists != [b"0"] else []
    client.logout()
    found = []
    for item in data:
        if isinstance(item, tuple):
            flags = imaplib.ParseFlags(item[0])
            # \Recent is the session's, not the message's: the fake has no sessions.
            found.append((item[1], frozenset(f.decode() for f in flags) - {"\\Recent"}))
    return found


def test_fetch_texts_of_many_messages_goes_in_bounded_batches(
        dovecot: LocalDovecot, imap_user: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from replywatch.mail import imap

    monkeypatch.setattr(imap, "TEXT_BATCH", 2)
    for n in range(5):
        dovecot.add_message(imap_user, (f"From: jane@acme.example\r\nMessage-ID: <b{n}@x>\r\n"
                                        f"Content-Type: text/plain\r\n\r\nText {n}\r\n").encode())
    account = Account(name="mail", host=dovecot.host, username=imap_user, port=dovecot.port,
                      security=Security.PLAIN)
    with ImapMailbox(account, dovecot.password) as box:
        box.examine("INBOX")
        before = len(dovecot.commands_sent(imap_user))
        texts = box.fetch_texts("INBOX", [1, 2, 3, 4, 5])
    sent = dovecot.commands_sent(imap_user)[before:]
    structure_fetches = [c for c in sent if c.endswith("(BODYSTRUCTURE)")]
    assert ({n + 1: f"Text {n}" for n in range(5)},
            ["UID FETCH 1,2 (BODYSTRUCTURE)", "UID FETCH 3,4 (BODYSTRUCTURE)",
             "UID FETCH 5 (BODYSTRUCTURE)"]) == (
        {uid: body.text.strip() for uid, body in texts.items()}, structure_fetches)


def _texts_box(dovecot: LocalDovecot, user: str, count: int) -> ImapMailbox:
    for n in range(count):
        dovecot.add_message(user, (f"From: jane@acme.example\r\nMessage-ID: <b{n}@x>\r\n"
                                   f"Content-Type: text/plain\r\n\r\nText {n}\r\n").encode())
    account = Account(name="mail", host=dovecot.host, username=user, port=dovecot.port,
                      security=Security.PLAIN)
    box = ImapMailbox(account, dovecot.password)
    box.connect()
    box.examine("INBOX")
    return box


def test_texts_ask_the_next_batch_s_structure_before_handing_on_this_one(
        dovecot: LocalDovecot, imap_user: str) -> None:
    # The server works out the next batch's structure while the caller classifies.
    box = _texts_box(dovecot, imap_user, 5)
    try:
        before, commands = len(dovecot.commands_sent(imap_user)), box.commands
        batches = box.texts("INBOX", [1, 2, 3, 4, 5], 2)
        first = next(batches)
        asked_with_the_first = box.commands - commands  # its FETCH and the next one's
        rest = list(batches)
        box.examine("Sent")  # nothing left unread: the connection goes on
    finally:
        box.close()
    # A plain text is the first section, read with the structure: no FETCH of its own.
    asked = "(BODYSTRUCTURE BODY.PEEK[1]<0.16384>)"
    fetches = [c for c in dovecot.commands_sent(imap_user)[before:] if "FETCH" in c]
    assert (2, [f"UID FETCH 1:2 {asked}", f"UID FETCH 3:4 {asked}", f"UID FETCH 5 {asked}"],
            [{1: "Text 0", 2: "Text 1"}, {3: "Text 2", 4: "Text 3"}, {5: "Text 4"}],
            "LOGOUT") == (
        asked_with_the_first, fetches,
        [{uid: body.text.strip() for uid, body in batch.items()} for batch in (first, *rest)],
        dovecot.commands_sent(imap_user)[-1])


def test_texts_left_half_read_drops_the_connection(
        dovecot: LocalDovecot, imap_user: str) -> None:
    box = _texts_box(dovecot, imap_user, 5)
    batches = box.texts("INBOX", [1, 2, 3, 4, 5], 2)
    next(batches)
    assert isinstance(batches, Generator)
    batches.close()  # the caller failed while the next batch's structure was coming
    box.close()
    assert "LOGOUT" not in dovecot.commands_sent(imap_user)[-1]


def _header_reader(dovecot: LocalDovecot, user: str, count: int
                   ) -> tuple[ImapMailbox, Iterator[RawMessage]]:
    """Add ``count`` messages; return a connected mailbox and its reader of INBOX."""
    for n in range(count):
        dovecot.add_message(user, f"From: jane@acme.example\r\nMessage-ID: <h{n}@x>\r\n"
                                  f"Subject: n{n}\r\n\r\nText\r\n".encode())
    account = Account(name="mail", host=dovecot.host, username=user, port=dovecot.port,
                      security=Security.PLAIN)
    box = ImapMailbox(account, dovecot.password)
    box.connect()
    inbox = next(f for f in box.folders() if f.name == "INBOX")
    _, messages = box.read_folder(inbox, None, date(2000, 1, 1))
    return box, messages


def test_read_folder_asks_for_the_next_batch_before_handing_on_this_one(
        dovecot: LocalDovecot, imap_user: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from replywatch.mail import imap

    monkeypatch.setattr(imap, "BATCH", 2)
    box, messages = _header_reader(dovecot, imap_user, 5)
    try:
        before = box.commands
        first = next(messages)
        asked_with_the_first = box.commands - before  # its FETCH and the next one's
        rest = list(messages)
    finally:
        box.close()
    assert 2 == asked_with_the_first
    assert [f"n{n}" for n in range(5)] == [
        parse_raw(m).subject for m in (first, *rest)]
    header_fetches = [c for c in dovecot.commands_sent(imap_user) if "HEADER.FIELDS" in c]
    assert ["1:2", "3:4", "5"] == [c.split()[2] for c in header_fetches]


def test_read_folder_left_half_read_drops_the_connection(
        dovecot: LocalDovecot, imap_user: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from replywatch.mail import imap

    monkeypatch.setattr(imap, "BATCH", 2)
    box, messages = _header_reader(dovecot, imap_user, 5)
    next(messages)
    assert isinstance(messages, Generator)
    messages.close()  # the caller failed while the next batch's answer was coming
    box.close()
    # Closed without a LOGOUT that would read the unread answer first.
    assert "LOGOUT" not in dovecot.commands_sent(imap_user)[-1]


def test_texts_a_text_not_in_the_first_section_is_fetched_by_its_own_section(
        dovecot: LocalDovecot, imap_user: str) -> None:
    nested = ("From: jane@acme.example\r\nMessage-ID: <n1@x>\r\nMIME-Version: 1.0\r\n"
              "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
              "Content-Type: multipart/alternative; boundary=c\r\n\r\n--c\r\n"
              "Content-Type: text/html; charset=utf-8\r\n\r\n<p>html</p>\r\n--c\r\n"
              "Content-Type: text/plain; charset=utf-8\r\n\r\nS\u00f8knad mottatt\r\n--c--\r\n"
              "--b\r\nContent-Type: text/calendar\r\n\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
              "--b--\r\n").encode()
    dovecot.add_message(imap_user, nested)
    box = _texts_box(dovecot, imap_user, 1)  # and a plain one, UID 2
    try:
        before = len(dovecot.commands_sent(imap_user))
        (texts,) = list(box.texts("INBOX", [1, 2], 10))
        sent = [c for c in dovecot.commands_sent(imap_user)[before:] if "FETCH" in c]
    finally:
        box.close()
    assert ({1: ("Søknad mottatt", True), 2: ("Text 0", False)},
            ["UID FETCH 1:2 (BODYSTRUCTURE BODY.PEEK[1]<0.16384>)",
             "UID FETCH 1 (BODY.PEEK[1.2]<0.16384> BODY.PEEK[2]<0.16384>)"]) == (
        {uid: (body.text.strip(), body.calendar is not None) for uid, body in texts.items()},
        sent)


def test_settle_refuses_a_connection_still_owed_a_text_batch(
        dovecot: LocalDovecot, imap_user: str) -> None:
    # A pass that failed between asking for texts and reading them: the daemon drops
    # the connection (and connects again next pass) instead of keeping it.
    from replywatch.errors import MailboxError

    box = _texts_box(dovecot, imap_user, 3)
    box.folders()
    box.texts("INBOX", [1, 2, 3], 2)  # the first batch is asked for at once
    with pytest.raises(MailboxError):
        box.settle()
    box.close()
    assert "LOGOUT" not in dovecot.commands_sent(imap_user)[-1]
