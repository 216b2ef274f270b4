"""Realistic test messages and a per-test replywatch set-up against the local Dovecot."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from types import ModuleType

import pytest

from replywatch.cli.main import main
from replywatch.core.model import Message, RawMessage
from replywatch.mail.headers import parse_raw
from tests.secret_canary import password_command
from tests.servers.dovecot import LocalDovecot

ME = "alex.doe@example.org"


def eml(
    *,
    sender: str,
    to: str = ME,
    subject: str = "Hello",
    msgid: str | None = None,
    date: datetime | None = None,
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
    extra: Sequence[str] = (),
    body: str = "Hello,\r\n\r\nThanks.\r\n",
) -> bytes:
    """Return one RFC 5322 message with the headers a real mailer writes."""
    when = date or datetime.now(UTC)
    lines = [
        "Return-Path: <bounce@mailer.example.net>",
        "Received: from mx.example.net (mx.example.net [192.0.2.1]) by mail.example.org",
        f"From: {sender}",
        f"To: {to}",
        f"Subject: {subject}",
        f"Date: {format_datetime(when)}",
    ]
    if msgid:
        lines.append(f"Message-ID: <{msgid}>")
    if in_reply_to:
        lines.append(f"In-Reply-To: <{in_reply_to}>")
    if references or in_reply_to:
        refs = list(references) or [in_reply_to or ""]
        lines.append("References: " + " ".join(f"<{r}>" for r in refs))
    lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", *extra]
    return ("\r\n".join(lines) + "\r\n\r\n" + body).encode()


@dataclass
class Setup:
    """A replywatch user with its own config, store and Dovecot mailbox."""

    dovecot: LocalDovecot
    user: str
    config: Path
    data: Path

    def add(self, raw: bytes, *, folder: str = "INBOX", days_ago: float = 0,
            seen: bool = False) -> None:
        """Put a message into the mailbox, arrived ``days_ago``."""
        when = datetime.now(UTC) - timedelta(days=days_ago)
        self.dovecot.add_message(self.user, raw, folder=folder, internal_date=when, seen=seen)

    def run(self, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
        """Run the CLI in-process; return (exit code, stdout, stderr)."""
        capsys.readouterr()
        code = main(["--config", str(self.config), *args])
        out, err = capsys.readouterr()
        return code, out, err


def write_config(path: Path, accounts: Sequence[str], extra: str = "") -> Path:
    """Write a config file with the given [[accounts]] blocks."""
    path.write_text("\n".join(accounts) + "\n" + extra)
    return path


def account_block(dovecot: LocalDovecot, user: str, *, name: str = "mail",
                  port: int | None = None, security: str = "plain",
                  password: str | None = None, ca_file: Path | None = None,
                  lookback_days: int = 120) -> str:
    """Return one [[accounts]] block for a user of the local Dovecot."""
    pw = password if password is not None else dovecot.password
    lines = [
        "[[accounts]]",
        f'name = "{name}"',
        f'host = "{dovecot.host}"',
        f"port = {port or dovecot.port}",
        f'security = "{security}"',
        f'username = "{user}"',
        f'addresses = ["{ME}"]',
        f"password_command = {json.dumps(password_command(pw))}",
        f"lookback_days = {lookback_days}",
    ]
    if ca_file:
        lines.append(f'ca_file = "{ca_file}"')
    return "\n".join(lines) + "\n"


def make_setup(dovecot: LocalDovecot, user: str, tmp_path: Path,
               monkeypatch: pytest.MonkeyPatch, **kw: object) -> Setup:
    """Return a Setup whose store lives in ``tmp_path``."""
    data = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.delenv("REPLYWATCH_CONFIG", raising=False)
    config = write_config(tmp_path / "config.toml",
                          [account_block(dovecot, user, **kw)])  # type: ignore[arg-type]
    os.environ.pop("CREDENTIALS_DIRECTORY", None)
    return Setup(dovecot, user, config, data)


def count_parses(monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> list[int]:
    """Make ``module``'s parse_raw note the UID of each message it parses; return the
    list it notes them in."""
    parsed: list[int] = []

    def counting(raw: RawMessage) -> Message:
        parsed.append(raw.uid)
        return parse_raw(raw)

    monkeypatch.setattr(module, "parse_raw", counting)
    return parsed
