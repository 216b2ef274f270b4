"""The in-memory mailbox passes the Mailbox contract."""

from __future__ import annotations

import pytest
from tests.mail.mailbox_contract import MailboxContract, MailboxEnv

from replywatch.engine import Mailbox
from replywatch.mail.memory import MemoryMailbox, MemoryServer


class TestMemoryMailbox(MailboxContract):
    @pytest.fixture
    def env(self) -> MailboxEnv:
        server = MemoryServer()

        def open_with_password(password: str) -> Mailbox:
            box = MemoryMailbox(server, password)
            box.connect()
            return box

        return MailboxEnv(
            add=lambda raw, folder, when: server.add(raw, folder=folder, internal_date=when),
            renumber=server.renumber,
            open=lambda: open_with_password(server.password),
            open_with_password=open_with_password,
            drafts=lambda: [(raw, server.flags.get(("Drafts", uid), frozenset()))
                            for uid, _, raw in server.folders["Drafts"].messages],
        )
