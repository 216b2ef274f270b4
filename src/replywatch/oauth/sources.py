"""What the IMAP and SMTP edges log in with: a password, or a shared token source.

``login_credential(account)`` and ``email_credential(settings)`` return the
password for ``auth = "password"``, else the one token source of that server in
this process (made on first use and kept: the daemon's worker and IDLE threads
get the same object). ``CommandTokens`` runs ``oauth2_token_command`` for people
whose own token helper does the OAuth2 part.
"""

from __future__ import annotations

import subprocess
import threading
from typing import Protocol

from replywatch import log, secrets
from replywatch.config import Account, Auth, EmailAlerts, OAuth2
from replywatch.errors import OAuthError
from replywatch.oauth.tokens import TokenSource, TokenState

COMMAND_TIMEOUT = 30.0
EMAIL_LOGIN = "replywatch login --alerts-email"


class AccessTokens(Protocol):
    """A source of OAuth2 access tokens for one server."""

    def token(self) -> str:
        """Return a current access token; raise UserError if there is none."""

    def invalidate(self, token: str) -> None:
        """Note that the server refused ``token``."""

    def state(self) -> TokenState:
        """Return what ``doctor`` shows."""


Credential = str | AccessTokens


class CommandTokens:
    """Access tokens printed by the user's own command (``oauth2_token_command``).

    The command is run for every login: a token helper caches and refreshes
    on its own, and a refused token is simply asked for again.
    """

    def __init__(self, argv: tuple[str, ...], what: str) -> None:
        self.argv = argv
        self.what = what
        self._runs = 0

    def token(self) -> str:
        """Run the command; return the first line it prints.

        Raise OAuthError if it cannot run, fails, or prints nothing.
        """
        name = self.argv[0]
        try:
            done = subprocess.run(list(self.argv), capture_output=True, check=False,
                                  timeout=COMMAND_TIMEOUT, stdin=subprocess.DEVNULL)
        except FileNotFoundError:
            raise OAuthError(f"{self.what}: oauth2_token_command not found: {name!r}") from None
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OAuthError(f"{self.what}: oauth2_token_command {name!r} failed: "
                             f"{type(exc).__name__}") from None
        self._runs += 1
        if done.returncode != 0:
            # Its stderr is the user's tool talking; its stdout may hold a token.
            err = done.stderr.decode(errors="replace").strip().splitlines()
            tail = f": {err[-1][:200]}" if err else ""
            raise OAuthError(f"{self.what}: oauth2_token_command {name!r} exited "
                             f"{done.returncode}{tail}")
        lines = done.stdout.decode(errors="replace").splitlines()
        token = lines[0].strip() if lines else ""
        if not token:
            raise OAuthError(f"{self.what}: oauth2_token_command {name!r} printed no token")
        log.register_secret(token)
        return token

    def invalidate(self, token: str) -> None:
        """Nothing to drop: the next login runs the command again."""

    def state(self) -> TokenState:
        """Return how often the command ran; its tokens' lifetimes are its own."""
        return TokenState(None, None, (), self._runs, f"oauth2_token_command {self.argv[0]!r}")


_sources: dict[tuple[str, str, OAuth2], AccessTokens] = {}
_sources_lock = threading.Lock()


def token_source(settings: OAuth2, *, username: str, host: str, what: str, login: str
                 ) -> AccessTokens:
    """Return this process's one token source for ``username`` at ``host``."""
    key = (username, host, settings)
    with _sources_lock:
        source = _sources.get(key)
        if source is None:
            if settings.token_command:
                source = CommandTokens(settings.token_command, what)
            else:
                source = TokenSource(settings, username=username, host=host, what=what,
                                     login=login)
            _sources[key] = source
        return source


def forget() -> None:
    """Drop every token source (tests; a process that reloads its config)."""
    with _sources_lock:
        _sources.clear()


def login_credential(account: Account) -> Credential:
    """Return what ``account`` logs in with: its password, or its token source.

    Raise SecretError if the password cannot be resolved.
    """
    what = f"account {account.name!r}"
    if account.auth is Auth.OAUTH2 and account.oauth2 is not None:
        return token_source(account.oauth2, username=account.username, host=account.host,
                            what=what, login=f"replywatch login {account.name}")
    return secrets.resolve(account.password, account.username, host=account.host, what=what)


def email_credential(settings: EmailAlerts) -> Credential | None:
    """Return what the email channel logs in with; None when it sends without a login.

    Raise SecretError if the password cannot be resolved.
    """
    if not settings.username:
        return None
    if settings.auth is Auth.OAUTH2 and settings.oauth2 is not None:
        return token_source(settings.oauth2, username=settings.username, host=settings.host,
                            what="[alerts.email]", login=EMAIL_LOGIN)
    return secrets.resolve(settings.password, settings.username, host=settings.host,
                           what="[alerts.email]")
