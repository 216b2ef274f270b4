"""Error types.

``UserError`` is for problems the user can fix (bad config, bad argument, unknown
id, unreachable server). The CLI prints its problems without a traceback and exits
with ``exit_code``. Everything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Iterable


class UserError(Exception):
    """A problem the user can fix; carries one or more problem lines and a hint."""

    def __init__(
        self,
        problems: str | Iterable[str],
        *,
        hint: str | None = None,
        exit_code: int = 2,
    ) -> None:
        self.problems: list[str] = [problems] if isinstance(problems, str) else list(problems)
        self.hint = hint
        self.exit_code = exit_code
        super().__init__("; ".join(self.problems))


class ConfigError(UserError):
    """The config file is invalid; each problem names file, line and key path."""


class SecretError(UserError):
    """A password could not be resolved from its configured source."""


class MailboxError(UserError):
    """A mail server cannot be reached, refused the login, or failed TLS verification."""

    def __init__(self, problems: str | Iterable[str], *, hint: str | None = None) -> None:
        super().__init__(problems, hint=hint, exit_code=1)


class OAuthError(UserError):
    """An OAuth2 sign-in or token request failed (network, provider, keyring)."""

    def __init__(self, problems: str | Iterable[str], *, hint: str | None = None) -> None:
        super().__init__(problems, hint=hint, exit_code=1)


class SignInExpired(OAuthError):
    """The provider refused the refresh token (``invalid_grant``): only a new
    ``replywatch login`` helps, so it is not retried until the token changes.
    """


class AuthError(MailboxError):
    """The server refused the login: the password (or user name) is wrong."""
