"""Access tokens from a refresh token: kept fresh, shared, and never a storm.

``TokenSource`` holds one server's access token in memory and refreshes it,
under a lock, a margin before it expires: the daemon's worker and its IDLE
connection share one source, so a token that runs out costs one refresh, not one
per connection. The refresh token lives in the keyring (service ``replywatch``,
user ``oauth2:USERNAME@HOST``), nowhere else; a rotated one is written back.

A refresh the provider refuses with ``invalid_grant`` (revoked, expired, password
changed) raises ``SignInExpired`` naming the command that mends it; the source
then asks the provider again only when the keyring holds a different refresh
token (the user ran ``replywatch login``) or after ``DEAD_RETRY`` seconds.
Every token is registered with the log redactor the moment it is known.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from replywatch import log, secrets
from replywatch.config import OAuth2
from replywatch.errors import OAuthError, SecretError, SignInExpired
from replywatch.oauth import http
from replywatch.oauth.providers import Endpoints, endpoints

KEYRING_SERVICE = secrets.KEYRING_SERVICE
REFRESH_MARGIN = 300.0  # seconds before expiry: a login never starts with a dying token
DEFAULT_LIFETIME = 3600.0  # when a provider leaves expires_in out
DEAD_RETRY = 6 * 3600.0


def keyring_user(username: str, host: str) -> str:
    """Return the keyring user name of the refresh token for ``username`` at ``host``."""
    return f"oauth2:{username}@{host}"


def load_refresh_token(username: str, host: str) -> str | None:
    """Return the stored refresh token, or None if there is none.

    Raise OAuthError if the keyring cannot be read.
    """
    import keyring
    import keyring.errors

    try:
        value = keyring.get_password(KEYRING_SERVICE, keyring_user(username, host))
    except keyring.errors.KeyringError as exc:
        raise OAuthError(f"keyring failed reading the sign-in of {username} at {host}: {exc}",
                         hint="is a Secret Service (e.g. gnome-keyring) running and unlocked?"
                         ) from None
    if value:
        log.register_secret(value)
    return value or None


def save_refresh_token(username: str, host: str, token: str) -> None:
    """Store ``token`` as the refresh token of ``username`` at ``host``.

    Raise OAuthError if the keyring refuses it.
    """
    import keyring
    import keyring.errors

    log.register_secret(token)
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_user(username, host), token)
    except keyring.errors.KeyringError as exc:
        raise OAuthError(f"keyring failed storing the sign-in of {username} at {host}: {exc}",
                         hint="is a Secret Service (e.g. gnome-keyring) running and unlocked?"
                         ) from None


@dataclass(frozen=True)
class TokenReply:
    """What a token endpoint granted."""

    access_token: str
    expires_in: float
    refresh_token: str | None
    scope: str


def parse_token_reply(data: dict[str, object], url: str) -> TokenReply:
    """Given a token endpoint's JSON reply, return it typed; raise OAuthError if it
    holds no access token. Every token in it is registered with the log redactor.
    """
    access = data.get("access_token")
    if not isinstance(access, str) or not access:
        raise OAuthError(f"{url} answered without an access token")
    log.register_secret(access)
    refresh = data.get("refresh_token")
    if isinstance(refresh, str) and refresh:
        log.register_secret(refresh)
    else:
        refresh = None
    expires = data.get("expires_in")
    # Some providers send expires_in as a string; a missing one means "about an hour".
    try:
        lifetime = float(expires) if isinstance(expires, int | float | str) else DEFAULT_LIFETIME
    except ValueError:
        lifetime = DEFAULT_LIFETIME
    scope = data.get("scope")
    return TokenReply(access, max(lifetime, 0.0), refresh, scope if isinstance(scope, str) else "")


def client_secret(settings: OAuth2, what: str) -> str | None:
    """Return the OAuth client's secret, or None for a public client.

    Raise SecretError if its source fails.
    """
    if settings.client_secret is None:
        return None
    return secrets.resolve(settings.client_secret, f"oauth2-client:{settings.client_id}",
                           what=f"{what} client_secret")


@dataclass(frozen=True)
class TokenState:
    """What ``doctor`` shows of a token source (never the token)."""

    expires_in: float | None  # seconds; None before the first token
    last_refresh: float | None  # wall-clock time of the last refresh
    scopes: tuple[str, ...]
    refreshes: int
    source: str


class TokenSource:
    """One server's access tokens, refreshed from the keyring's refresh token.

    ``what`` names the owner in messages (``account 'gmail'``); ``login`` is the
    command that signs in again (``replywatch login gmail``). Thread-safe.
    """

    def __init__(self, settings: OAuth2, *, username: str, host: str, what: str, login: str,
                 clock: Callable[[], float] = time.time, timeout: float = http.TIMEOUT) -> None:
        self.settings = settings
        self.endpoints: Endpoints = endpoints(settings)
        self.username = username
        self.host = host
        self.what = what
        self.login = login
        self._clock = clock
        self._timeout = timeout
        self._lock = threading.Lock()
        self._access: str | None = None
        self._expires_at = 0.0
        self._last_refresh: float | None = None
        self._scopes: tuple[str, ...] = ()
        self._refreshes = 0
        # (digest of the refused refresh token, when, the error): see the module doc.
        self._dead: tuple[str, float, SignInExpired] | None = None

    def token(self) -> str:
        """Return an access token valid for at least the refresh margin.

        Raise SignInExpired if the grant was revoked, OAuthError or SecretError if
        a refresh fails otherwise (network, provider, keyring).
        """
        with self._lock:
            if self._access is not None and self._clock() < self._expires_at - REFRESH_MARGIN:
                return self._access
            return self._refresh()

    def invalidate(self, token: str) -> None:
        """Note that the server refused ``token``: the next ``token()`` refreshes.

        A token already replaced is left alone, so several connections refused
        the same token cause one refresh.
        """
        with self._lock:
            if self._access == token:
                self._access = None

    def state(self) -> TokenState:
        """Return what is known of the current token, for ``doctor``."""
        with self._lock:
            left = None if self._access is None else self._expires_at - self._clock()
            return TokenState(left, self._last_refresh, self._scopes, self._refreshes,
                              f"refresh token in the keyring (service {KEYRING_SERVICE!r}, "
                              f"user {keyring_user(self.username, self.host)!r})")

    def _refresh(self) -> str:
        refresh = load_refresh_token(self.username, self.host)
        if refresh is None:
            raise SignInExpired(f"{self.what}: not signed in to {self.host} yet: "
                                f"run `{self.login}`")
        digest = hashlib.sha256(refresh.encode()).hexdigest()
        if self._dead is not None:
            dead_digest, since, error = self._dead
            if dead_digest == digest and self._clock() - since < DEAD_RETRY:
                raise error
        fields = {"grant_type": "refresh_token", "refresh_token": refresh,
                  "client_id": self.settings.client_id}
        try:
            secret = client_secret(self.settings, self.what)
        except SecretError as exc:
            raise OAuthError(exc.problems, hint=exc.hint) from None
        if secret is not None:
            fields["client_secret"] = secret
        if self.endpoints.refresh_scope:
            fields["scope"] = self.endpoints.scope
        logger = log.get(account=self.what, host=self.host)
        try:
            data = http.post_form(self.endpoints.token_url, fields, timeout=self._timeout)
        except http.ProviderError as exc:
            if exc.error != "invalid_grant":
                raise OAuthError(f"{self.what}: refreshing the access token for {self.host} "
                                 f"failed: {exc}") from None
            error = SignInExpired(
                f"{self.what}: the sign-in to {self.host} was revoked or has expired "
                f"(invalid_grant): run `{self.login}`")
            self._dead = (digest, self._clock(), error)
            logger.warning("oauth_grant_refused")
            raise error from None
        except http.HttpError as exc:
            raise OAuthError(f"{self.what}: refreshing the access token for {self.host} "
                             f"failed: {exc}") from None
        reply = parse_token_reply(data, self.endpoints.token_url)
        if reply.refresh_token is not None and reply.refresh_token != refresh:
            save_refresh_token(self.username, self.host, reply.refresh_token)  # rotated
        self._dead = None
        now = self._clock()
        self._access = reply.access_token
        self._expires_at = now + reply.expires_in
        self._last_refresh = now
        if reply.scope:
            self._scopes = tuple(reply.scope.split())
        elif not self._scopes:
            self._scopes = tuple(self.endpoints.scope.split())
        self._refreshes += 1
        logger.info("oauth_token_refreshed", expires_in=int(reply.expires_in))
        return reply.access_token
