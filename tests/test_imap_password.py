"""A mail password with letters outside ASCII ("blåbær"), against a Dovecot whose
users have one: IMAP LOGIN cannot carry it (imaplib raised UnicodeEncodeError, a
crash rather than a sign-in or a clear refusal), SASL PLAIN in UTF-8 can.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from replywatch.config import Account, Security
from replywatch.errors import UserError
from replywatch.mail.imap import ImapMailbox
from tests.servers.dovecot import LocalDovecot
from tests.tls import TlsFiles

PASSWORD = "Blåbær-syltetøy-7"


@pytest.fixture(scope="module")
def blabaer_dovecot(tls_files: TlsFiles) -> Iterator[LocalDovecot]:
    with LocalDovecot(tls=(tls_files.server_cert, tls_files.server_key),
                      password=PASSWORD) as server:
        yield server


def _account(server: LocalDovecot, tls_files: TlsFiles) -> Account:
    return Account(name="t", host=server.host, port=server.tls_port, security=Security.TLS,
                   username="u-blabaer", ca_file=tls_files.ca_cert)


def test_imap_password_with_aeoeaa_signs_in(blabaer_dovecot: LocalDovecot,
                                            tls_files: TlsFiles) -> None:
    box = ImapMailbox(_account(blabaer_dovecot, tls_files), PASSWORD)
    box.connect()
    try:
        roles = {folder.role for folder in box.folders()}
    finally:
        box.close()
    assert "inbox" in roles


def test_imap_wrong_password_with_aeoeaa_is_a_refusal_not_a_crash(
        blabaer_dovecot: LocalDovecot, tls_files: TlsFiles) -> None:
    box = ImapMailbox(_account(blabaer_dovecot, tls_files), "Blåbær-feil")
    with pytest.raises(UserError) as caught:
        box.connect()
    assert "Blåbær" not in f"{caught.value.problems} {caught.value.hint}"
