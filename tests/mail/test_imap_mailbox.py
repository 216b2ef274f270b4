"""The IMAP edge passes the Mailbox contract against a real Dovecot."""

from __future__ import annotations

import shutil

import pytest
from tests.mail.mailbox_contract import MailboxContract, MailboxEnv
from tests.servers.dovecot import LocalDovecot

from replywatch.config import Account, Security
from replywatch.engine import Mailbox
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
        )
