"""A LocalDovecot whose users and passwords come from a passwd-file the test edits:
a password can be changed (rotated) on the server while a client runs.

Dovecot re-reads the file when it changed, at most once a second: ``set_password``
returns only once a login with the new password works, so a test never races it.
"""

from __future__ import annotations

import imaplib
import os
import time
from pathlib import Path

from tests.servers.dovecot import LocalDovecot


class PasswdDovecot(LocalDovecot):
    """LocalDovecot with ``passdb { driver = passwd-file }`` instead of one password."""

    @property
    def users_file(self) -> Path:
        """The passwd-file Dovecot reads."""
        return self.folder / "users"

    def _config(self, folder: Path) -> str:
        static = f"passdb {{\n  driver = static\n  args = password={self.password}\n}}\n"
        text = super()._config(folder)
        assert static in text, "LocalDovecot's passdb block changed"
        passwd = f"passdb {{\n  driver = passwd-file\n  args = {folder}/users\n}}\n"
        users = folder / "users"
        if not users.exists():
            users.write_text("")
            self._chown(users)
        return text.replace(static, passwd)

    def set_password(self, user: str, password: str, timeout: float = 10.0) -> None:
        """Give ``user`` this password (replacing any other); return once Dovecot
        accepts it. Raise TimeoutError if it never does.
        """
        name = user.lower()
        lines = [line for line in self.users_file.read_text().splitlines()
                 if line.split(":", 1)[0] != name]
        lines.append(f"{name}:{{PLAIN}}{password}::::::")
        tmp = self.users_file.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n")
        self._chown(tmp)
        os.replace(tmp, self.users_file)
        deadline = time.monotonic() + timeout
        while not self._login_works(name, password):
            if time.monotonic() > deadline:
                raise TimeoutError(f"Dovecot did not take the new password of {name}")

    def _login_works(self, user: str, password: str) -> bool:
        with imaplib.IMAP4(self.host, self.port, timeout=5) as client:
            try:
                client.login(user, password)
            except imaplib.IMAP4.error:
                return False  # refused after Dovecot's ~0.5 s failure delay: a bounded wait
            client.logout()
            return True
