"""mail/failures.py: a failed IMAP step in words, the server's text decoded, with a hint."""

from __future__ import annotations

import pytest

from replywatch.config import Account
from replywatch.mail.failures import mailbox_error, server_text

ACCOUNT = Account(name="work", host="imap.example.com", username="me@example.com", port=993)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("b'[AUTHENTICATIONFAILED] Invalid credentials (Failure)'",
         "[AUTHENTICATIONFAILED] Invalid credentials (Failure)"),
        (b"[ALERT] Log in via your web browser", "[ALERT] Log in via your web browser"),
        ("b'Ung\\xc3\\xbcltiges Passwort'", "Ungültiges Passwort"),
        ('b"it\'s refused"', "it's refused"),
        ("plain words", "plain words"),
        ("b'__import__(\"os\")'", '__import__("os")'),
        ("line\r\nbreak\x1b[31m", "line  break [31m"),
    ],
)
def test_server_text_decodes_bytes_and_reprs(value: object, expected: str) -> None:
    assert expected == server_text(value)


def test_server_text_long_reply_capped() -> None:
    assert 301 == len(server_text("b'" + "x" * 100_000 + "'"))


def test_mailbox_error_connection_refused_hint_names_usual_port() -> None:
    error = mailbox_error(ACCOUNT, "cannot connect", ConnectionRefusedError(111, "refused"))
    assert ("account 'work' (imap.example.com:993): cannot connect: connection refused",
            "check host and port (IMAP with security = 'tls' is usually on port 993)") == (
        error.problems[0], error.hint)


def test_mailbox_error_gmail_login_refused_hint_is_app_password() -> None:
    gmail = Account(name="g", host="imap.gmail.com", username="a@gmail.com")
    error = mailbox_error(gmail, "login", Exception("b'[AUTHENTICATIONFAILED] Invalid "
                                                    "credentials (Failure)'"),
                          login_refused=True)
    assert "login refused: [AUTHENTICATIONFAILED] Invalid credentials (Failure)" in \
        error.problems[0]
    assert "app password" in (error.hint or "")
