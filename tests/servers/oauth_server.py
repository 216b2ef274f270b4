"""A small OAuth2 authorization server for tests (http.server on 127.0.0.1, a thread).

Endpoints, as a provider has them:

- ``GET /authorize``: checks the client, the loopback redirect URI and the S256
  PKCE challenge, then redirects (302) to the redirect URI with a code and the
  state, as a browser would be after the user signed in as ``browser_user``;
- ``POST /token``: ``authorization_code`` (the PKCE verifier checked against the
  challenge), ``refresh_token`` (``invalid_grant`` once revoked) and the device
  code (answers ``device_script`` in turn: ``authorization_pending``,
  ``slow_down``, then the tokens);
- ``POST /device``: a device code and a user code;
- ``POST|GET /introspect``: RFC 7662 for Dovecot's oauth2 passdb
  (``{"active": ..., "username": ..., "scope": ...}``).

Tokens carry recognisable canary prefixes (``CANARY_ACCESS``, ``CANARY_REFRESH``)
so a test can prove none reached a log. Every request is counted per endpoint
and grant type; the test API is thread-safe.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import json
import secrets
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from types import TracebackType

CANARY_ACCESS = "canary-access-"
CANARY_REFRESH = "canary-refresh-"
SCOPE = "mail"


@dataclass
class _Grant:
    user: str
    scope: str
    revoked: bool = False


@dataclass
class _Code:
    user: str
    client_id: str
    redirect_uri: str
    challenge: str
    scope: str


@dataclass
class _State:
    grants: dict[str, _Grant] = field(default_factory=dict)  # refresh token -> grant
    access: dict[str, tuple[str, float, str]] = field(default_factory=dict)  # -> user, expiry, rt
    codes: dict[str, _Code] = field(default_factory=dict)
    device: dict[str, list[str]] = field(default_factory=dict)  # device code -> script left
    requests: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)


class OAuthServer:
    """The authorization server; use as a context manager. ``url`` is its base."""

    def __init__(self, *, client_id: str = "replywatch-test", client_secret: str | None = None,
                 access_lifetime: int = 3600, browser_user: str = "alice",
                 device_script: tuple[str, ...] = ("authorization_pending", "slow_down"),
                 device_interval: int = 1, rotate: bool = False) -> None:
        self.client_id = client_id
        self.rotate = rotate  # a refresh answers a new refresh token and revokes the old
        self.client_secret = client_secret
        self.access_lifetime = access_lifetime
        self.browser_user = browser_user
        self.device_script = device_script
        self.device_interval = device_interval
        self._state = _State()
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> OAuthServer:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- test API -------------------------------------------------------------------

    def issue_grant(self, user: str, scope: str = SCOPE) -> str:
        """Return a new refresh token for ``user``, as a finished sign-in leaves one."""
        token = CANARY_REFRESH + secrets.token_hex(12)
        with self._state.lock:
            self._state.grants[token] = _Grant(user, scope)
        return token

    def issue_access(self, user: str) -> str:
        """Return a new access token for ``user`` (what a token helper would print)."""
        refresh = self.issue_grant(user)
        with self._state.lock:
            return str(self._issue(user, refresh, SCOPE)["access_token"])

    def revoke(self, refresh_token: str) -> None:
        """Revoke a grant: its refresh token gets invalid_grant, its access tokens die."""
        with self._state.lock:
            self._state.grants[refresh_token].revoked = True
            for token, (user, _expiry, rt) in list(self._state.access.items()):
                if rt == refresh_token:
                    self._state.access[token] = (user, 0.0, rt)

    def expire_access_tokens(self) -> None:
        """Make every access token issued so far expired (the server's clock moved on)."""
        with self._state.lock:
            for token, (user, _expiry, rt) in list(self._state.access.items()):
                self._state.access[token] = (user, 0.0, rt)

    def count(self, what: str) -> int:
        """Return how many requests came for ``what``: a path ("/introspect") or a
        token grant type ("refresh_token", "authorization_code", "device_code").
        """
        with self._state.lock:
            return self._state.requests[what]

    def valid(self, user: str, token: str) -> bool:
        """Return True if ``token`` is a live access token of ``user`` (the SMTP check)."""
        found = self._introspect(token)
        return found["active"] is True and found["username"] == user

    def reset(self, *, access_lifetime: int = 3600, browser_user: str = "alice",
              device_script: tuple[str, ...] = ("authorization_pending", "slow_down"),
              device_interval: int = 1, rotate: bool = False) -> None:
        """Forget every grant, token and count; set how the next sign-ins go."""
        with self._state.lock:
            self._state = _State()
        self.access_lifetime = access_lifetime
        self.browser_user = browser_user
        self.device_script = device_script
        self.device_interval = device_interval
        self.rotate = rotate

    def granted_refresh_tokens(self) -> list[str]:
        """Return every refresh token issued, oldest first."""
        with self._state.lock:
            return list(self._state.grants)

    # -- the endpoints --------------------------------------------------------------

    def _issue(self, user: str, refresh: str, scope: str) -> dict[str, object]:
        access = CANARY_ACCESS + secrets.token_hex(12)
        self._state.access[access] = (user, time.time() + self.access_lifetime, refresh)
        return {"access_token": access, "token_type": "Bearer",
                "expires_in": self.access_lifetime, "scope": scope}

    def _token(self, form: dict[str, str]) -> tuple[int, dict[str, object]]:
        grant_type = form.get("grant_type", "")
        short = grant_type.rsplit(":", 1)[-1]
        state = self._state
        with state.lock:
            state.requests[short] += 1
            if form.get("client_id") != self.client_id or (
                    self.client_secret is not None
                    and form.get("client_secret") != self.client_secret):
                return 401, {"error": "invalid_client"}
            if short == "refresh_token":
                grant = state.grants.get(form.get("refresh_token", ""))
                if grant is None or grant.revoked:
                    return 400, {"error": "invalid_grant",
                                 "error_description": "Token has been expired or revoked."}
                if self.rotate:  # as Microsoft does
                    grant.revoked = True
                    return 200, self._new_grant(grant.user, grant.scope)
                return 200, self._issue(grant.user, form["refresh_token"], grant.scope)
            if short == "authorization_code":
                code = state.codes.pop(form.get("code", ""), None)
                verifier = form.get("code_verifier", "")
                if (code is None or code.redirect_uri != form.get("redirect_uri")
                        or _s256(verifier) != code.challenge):
                    return 400, {"error": "invalid_grant"}
                return 200, self._new_grant(code.user, code.scope)
            if short == "device_code":
                script = state.device.get(form.get("device_code", ""))
                if script is None:
                    return 400, {"error": "invalid_grant"}
                if script:
                    return 400, {"error": script.pop(0)}
                del state.device[form["device_code"]]
                return 200, self._new_grant(self.browser_user, SCOPE)
        return 400, {"error": "unsupported_grant_type"}

    def _new_grant(self, user: str, scope: str) -> dict[str, object]:
        refresh = CANARY_REFRESH + secrets.token_hex(12)
        self._state.grants[refresh] = _Grant(user, scope)
        return {**self._issue(user, refresh, scope), "refresh_token": refresh}

    def _authorize(self, query: dict[str, str]) -> tuple[int, dict[str, str]]:
        redirect = query.get("redirect_uri", "")
        parts = urllib.parse.urlsplit(redirect)
        if (query.get("client_id") != self.client_id or parts.scheme != "http"
                or parts.hostname not in ("127.0.0.1", "localhost")
                or query.get("response_type") != "code"
                or query.get("code_challenge_method") != "S256"
                or not query.get("code_challenge")):
            return 400, {}
        code = secrets.token_urlsafe(16)
        with self._state.lock:
            self._state.requests["/authorize"] += 1
            self._state.codes[code] = _Code(self.browser_user, self.client_id, redirect,
                                            query["code_challenge"], query.get("scope", ""))
        target = redirect + "?" + urllib.parse.urlencode(
            {"code": code, "state": query.get("state", "")})
        return 302, {"Location": target}

    def _device(self, form: dict[str, str]) -> dict[str, object]:
        code = secrets.token_urlsafe(16)
        with self._state.lock:
            self._state.requests["/device"] += 1
            self._state.device[code] = list(self.device_script)
        return {"device_code": code, "user_code": "WDJB-MJHT",
                "verification_uri": f"{self.url}/device", "expires_in": 600,
                "interval": self.device_interval}

    def _introspect(self, token: str) -> dict[str, object]:
        with self._state.lock:
            self._state.requests["/introspect"] += 1
            found = self._state.access.get(token)
        if found is None:
            return {"active": False, "username": ""}
        user, expiry, _ = found
        return {"active": expiry > time.time(), "username": user, "scope": SCOPE}

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _reply(self, status: int, body: dict[str, object],
                       headers: dict[str, str] | None = None) -> None:
                raw = json.dumps(body).encode()
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                if url.path == "/authorize":
                    status, headers = server._authorize(query)
                    self._reply(status, {}, headers)
                elif url.path == "/introspect":
                    self._reply(200, server._introspect(query.get("token", "")))
                else:
                    self._reply(404, {})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                path = urllib.parse.urlsplit(self.path).path
                if path == "/token":
                    self._reply(*server._token(form))
                elif path == "/device":
                    self._reply(200, server._device(form))
                elif path == "/introspect":
                    self._reply(200, server._introspect(form.get("token", "")))
                else:
                    self._reply(404, {})

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
