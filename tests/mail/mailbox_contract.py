"""The contract every Mailbox passes: the in-memory one and the IMAP edge alike.

A backend's test module subclasses ``MailboxContract`` and provides the ``env``
fixture: a ``MailboxEnv`` that seeds messages, renumbers a folder (a new
UIDVALIDITY) and opens a connected mailbox. vdirsyncer's storage tests are the model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from replywatch.core.model import FolderState, RawMessage
from replywatch.engine import Mailbox
from replywatch.mail.folders import Folder

NOW = datetime.now(UTC).replace(microsecond=0)
SINCE = (NOW - timedelta(days=30)).date()


@dataclass
class MailboxEnv:
    """How a contract test drives one backend."""

    add: Callable[[bytes, str, datetime], object]  # raw, folder name, internal date
    renumber: Callable[[str], None]  # give a folder a new UIDVALIDITY
    open: Callable[[], Mailbox]  # a connected mailbox
    open_with_password: Callable[[str], Mailbox]  # connect with this password
    # What the Drafts folder holds, read by other means: (raw message, flags) each.
    drafts: Callable[[], list[tuple[bytes, frozenset[str]]]]


def message(n: int, sender: str = "jane@acme.example") -> bytes:
    return (f"From: {sender}\r\nTo: me@example.org\r\nSubject: Message {n}\r\n"
            f"Message-ID: <m{n}@acme.example>\r\n\r\nBody {n}\r\n").encode()


def by_role(mailbox: Mailbox, role: str) -> Folder:
    return next(f for f in mailbox.folders() if f.role == role)


def read(mailbox: Mailbox, folder: Folder, state: FolderState | None,
         since: date = SINCE) -> tuple[FolderState, list[RawMessage]]:
    new_state, messages = mailbox.read_folder(folder, state, since)
    return new_state, list(messages)


def subjects(messages: list[RawMessage]) -> list[str]:
    return [line.split(": ", 1)[1] for m in messages
            for line in m.header.decode().splitlines() if line.startswith("Subject:")]


class MailboxContract:
    """Tests every Mailbox implementation must pass."""

    @pytest.fixture
    def env(self) -> MailboxEnv:
        raise NotImplementedError

    def test_folders_found_by_role_include_inbox_and_sent(self, env: MailboxEnv) -> None:
        box = env.open()
        roles = [f.role for f in box.folders()]
        box.close()
        assert (True, True, len(roles)) == ("inbox" in roles, "sent" in roles, len(set(roles)))

    def test_first_read_returns_messages_since_the_date_in_uid_order(
            self, env: MailboxEnv) -> None:
        env.add(message(1), "INBOX", NOW - timedelta(days=40))
        env.add(message(2), "INBOX", NOW - timedelta(days=2))
        env.add(message(3), "INBOX", NOW - timedelta(days=1))
        box = env.open()
        state, got = read(box, by_role(box, "inbox"), None)
        box.close()
        assert (["Message 2", "Message 3"], max(m.uid for m in got)) == (
            subjects(got), state.last_uid)

    def test_read_keeps_header_bytes_and_an_aware_arrival_time(self, env: MailboxEnv) -> None:
        arrived = NOW - timedelta(days=3)
        env.add(message(7), "INBOX", arrived)
        box = env.open()
        _, got = read(box, by_role(box, "inbox"), None)
        box.close()
        assert (b"Message-ID: <m7@acme.example>" in got[0].header, arrived, "INBOX") == (
            True, got[0].internal_date, got[0].folder)

    def test_read_with_state_and_nothing_new_returns_nothing(self, env: MailboxEnv) -> None:
        env.add(message(1), "INBOX", NOW)
        box = env.open()
        inbox = by_role(box, "inbox")
        state, _ = read(box, inbox, None)
        again, got = read(box, inbox, state)
        box.close()
        assert ([], state.uidvalidity, state.last_uid) == (got, again.uidvalidity, again.last_uid)

    def test_read_with_state_returns_only_mail_that_arrived_since(
            self, env: MailboxEnv) -> None:
        env.add(message(1), "INBOX", NOW)
        box = env.open()
        inbox = by_role(box, "inbox")
        state, _ = read(box, inbox, None)
        env.add(message(2), "INBOX", NOW)
        later, got = read(box, inbox, state)
        box.close()
        assert (["Message 2"], True) == (subjects(got), later.last_uid > state.last_uid)

    def test_new_mail_is_seen_on_a_new_connection_too(self, env: MailboxEnv) -> None:
        env.add(message(1), "INBOX", NOW)
        box = env.open()
        state, _ = read(box, by_role(box, "inbox"), None)
        box.close()
        env.add(message(2), "INBOX", NOW)
        box = env.open()
        _, got = read(box, by_role(box, "inbox"), state)
        box.close()
        assert ["Message 2"] == subjects(got)

    def test_sent_folder_is_read_on_its_own(self, env: MailboxEnv) -> None:
        env.add(message(1, "me@example.org"), "Sent", NOW)
        env.add(message(2), "INBOX", NOW)
        box = env.open()
        _, got = read(box, by_role(box, "sent"), None)
        box.close()
        assert (["Message 1"], ["Sent"]) == (subjects(got), [m.folder for m in got])

    def test_changed_uidvalidity_reads_the_folder_again(self, env: MailboxEnv) -> None:
        env.add(message(1), "INBOX", NOW)
        env.add(message(2), "INBOX", NOW)
        box = env.open()
        state, _ = read(box, by_role(box, "inbox"), None)
        box.close()
        env.renumber("INBOX")
        box = env.open()
        again, got = read(box, by_role(box, "inbox"), state)
        box.close()
        assert (["Message 1", "Message 2"], True) == (
            subjects(got), again.uidvalidity != state.uidvalidity)

    def test_every_call_counts_commands(self, env: MailboxEnv) -> None:
        box = env.open()
        before = box.commands
        read(box, by_role(box, "inbox"), None)
        box.close()
        assert box.commands > before

    def test_wrong_password_is_a_user_error_naming_the_login(self, env: MailboxEnv) -> None:
        from replywatch.errors import MailboxError

        with pytest.raises(MailboxError, match="login"):
            env.open_with_password("not-the-password")

    def test_texts_in_batches_read_what_fetch_texts_reads(self, env: MailboxEnv) -> None:
        for n in range(5):
            env.add(message(n), "INBOX", NOW)
        box = env.open()
        inbox = by_role(box, "inbox")
        _, got = read(box, inbox, None)
        uids = [m.uid for m in got] + [999]  # one gone: left out of its batch
        batches = [dict(batch) for batch in box.texts(inbox.name, uids, 2)]
        whole = box.fetch_texts(inbox.name, uids)
        box.close()
        assert ([uids[0:2], uids[2:4], uids[4:5]], whole) == (
            [sorted(batch) for batch in batches], {k: v for b in batches for k, v in b.items()})

    def test_fetch_texts_reads_first_plain_part_and_calendar_capped(
            self, env: MailboxEnv) -> None:
        raw = ("From: jane@acme.example\r\nMessage-ID: <t1@acme.example>\r\nMIME-Version: 1.0"
               "\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
               "Content-Type: multipart/alternative; boundary=c\r\n\r\n--c\r\n"
               "Content-Type: text/html; charset=utf-8\r\n\r\n<p>html</p>\r\n--c\r\n"
               "Content-Type: text/plain; charset=iso-8859-1\r\n"
               "Content-Transfer-Encoding: quoted-printable\r\n\r\nS=F8knad mottatt "
               + "x" * 40_000 + "\r\n--c--\r\n--b\r\nContent-Type: text/calendar\r\n\r\n"
               "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n--b--\r\n").encode("latin-1")
        env.add(raw, "INBOX", NOW)
        env.add(message(2), "INBOX", NOW)
        box = env.open()
        inbox = by_role(box, "inbox")
        _, got = read(box, inbox, None)
        texts = box.fetch_texts(inbox.name, [got[0].uid, got[1].uid, 999])
        box.close()
        first, second = texts[got[0].uid], texts[got[1].uid]
        # 16 KB of quoted-printable: "=F8" is three bytes for one character.
        assert (True, 16 * 1024 - 2, True, "Body 2", 2) == (
            first.text.startswith("Søknad mottatt xx"), len(first.text),
            (first.calendar or "").startswith("BEGIN:VCALENDAR"), second.text.strip(),
            len(texts))

    def test_drafts_folder_is_found_by_its_role_and_is_not_read(self, env: MailboxEnv) -> None:
        box = env.open()
        found, read = box.drafts_folder(), [f.name for f in box.folders()]
        box.close()
        assert ("Drafts", False) == (found, "Drafts" in read)

    def test_append_draft_keeps_it_flagged_draft_and_seen_and_searchable_by_message_id(
            self, env: MailboxEnv) -> None:
        raw = (b"From: me@example.org\r\nTo: jane@acme.example\r\nSubject: Re: Hello\r\n"
               b"Message-ID: <draft.1@example.org>\r\nIn-Reply-To: <m1@acme.example>\r\n"
               b"\r\nHi Jane,\r\n")
        box = env.open()
        box.append_draft("Drafts", raw, NOW)
        found = (box.has_message_id("Drafts", "draft.1@example.org"),
                 box.has_message_id("Drafts", "other@example.org"))
        box.close()
        assert ((True, False), [(raw, frozenset({"\\Draft", "\\Seen"}))]) == (
            found, env.drafts())
