"""A LocalDovecot whose users sign in with OAuth2 bearer tokens (XOAUTH2, OAUTHBEARER).

Dovecot's ``oauth2`` passdb asks the test authorization server's introspection
endpoint about every token (no cache): a token the server calls inactive, or
one issued to another user, is refused, as at Gmail or Outlook.
"""

from __future__ import annotations

from pathlib import Path

from replywatch.demo.dovecot import LocalDovecot


class OAuthDovecot(LocalDovecot):
    """LocalDovecot with ``passdb { driver = oauth2 }`` pointed at ``introspection_url``.

    ``mechanisms`` are the SASL mechanisms offered: drop "oauthbearer" to play a
    server (Outlook's) that only knows XOAUTH2.
    """

    def __init__(self, introspection_url: str, *, mode: str = "post",
                 mechanisms: str = "xoauth2 oauthbearer", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.introspection_url = introspection_url
        self.mode = mode
        self._auth_mechanisms = mechanisms

    def _passdb(self, folder: Path) -> str:
        conf = folder / "dovecot-oauth2.conf.ext"
        conf.write_text(
            f"introspection_url = {self.introspection_url}\n"
            f"introspection_mode = {self.mode}\n"
            "username_attribute = username\n"
            "active_attribute = active\n"
            "active_value = true\n"
        )
        self._chown(conf)
        return (f"passdb {{\n  driver = oauth2\n  mechanisms = {self._auth_mechanisms}\n"
                f"  args = {conf}\n}}")
