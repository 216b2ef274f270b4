"""A plain connection (a local server, the test Dovecot) makes no TLS context: loading
the system's CA store would cost more than a no-change pass itself."""

from __future__ import annotations

import ssl

import pytest

from replywatch.config import Account, Security
from replywatch.mail import imap
from replywatch.mail.imap import ImapMailbox
from tests.servers.dovecot import LocalDovecot


def test_imap_plain_account_connects_without_a_tls_context(
        dovecot: LocalDovecot, imap_user: str, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str | None] = []

    def recording(ca_file: str | None) -> ssl.SSLContext:
        made.append(ca_file)
        return ssl.create_default_context(cafile=ca_file)

    monkeypatch.setattr(imap, "tls_context", recording)
    account = Account(name="t", host=dovecot.host, port=dovecot.port,
                      security=Security.PLAIN, username=imap_user)
    with ImapMailbox(account, dovecot.password) as box:
        folders = [f.role for f in box.folders()]
    assert ([], "inbox") == (made, folders[0])
