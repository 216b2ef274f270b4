"""The two ways ``replywatch login`` gets a grant from the user.

- Authorization code with PKCE (RFC 7636) and a loopback redirect (RFC 8252 7.3):
  a one-shot HTTP listener on 127.0.0.1 and an ephemeral port receives the
  browser's redirect; ``state`` must come back unchanged.
- Device authorization (RFC 8628): the user types a short code on any device;
  the token endpoint is polled at the interval the provider asks for, slower
  after ``slow_down``, until the grant, a refusal or the code's expiry.

Both end in a ``TokenReply``. Nothing here touches the keyring or logs a token.
"""

from __future__ import annotations

import base64
import hashlib
import html
import http.server
import secrets
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from replywatch.errors import OAuthError
from replywatch.i18n import _
from replywatch.oauth import http as oauth_http
from replywatch.oauth.providers import Endpoints
from replywatch.oauth.tokens import TokenReply, parse_token_reply

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
SLOW_DOWN_STEP = 5.0  # RFC 8628 3.5: each slow_down adds 5 seconds to the interval
LOGIN_TIMEOUT = 300.0
_DONE_PAGE = ("<!doctype html><title>replywatch</title><p>{message}</p>"
              "<p>You can close this window and return to the terminal.</p>")


@dataclass(frozen=True)
class Client:
    """The OAuth client the user registered: its id, its secret (None if public)."""

    client_id: str
    client_secret: str | None = None

    def fields(self) -> dict[str, str]:
        """Return the client's part of a token request."""
        out = {"client_id": self.client_id}
        if self.client_secret is not None:
            out["client_secret"] = self.client_secret
        return out


def pkce_pair() -> tuple[str, str]:
    """Return a fresh PKCE (code_verifier, S256 code_challenge)."""
    verifier = secrets.token_urlsafe(64)  # 86 characters of [A-Za-z0-9_-]: 43..128 allowed
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


# -- authorization code -----------------------------------------------------------


class _Redirect:
    """What the loopback listener received: the first request on the redirect path."""

    def __init__(self) -> None:
        self.query: dict[str, str] | None = None
        self.arrived = threading.Event()


class LoopbackListener:
    """A one-shot HTTP listener on 127.0.0.1 for the authorization redirect.

    ``port`` 0 takes an ephemeral port. Use as a context manager; ``redirect_uri``
    names ``host`` (Microsoft wants "localhost") and the port actually bound. The
    page shown in the browser says whether the redirect carried a code and ``state``.
    """

    def __init__(self, state: str, host: str = "127.0.0.1", port: int = 0) -> None:
        self._redirect = _Redirect()
        redirect = self._redirect

        class Handler(http.server.BaseHTTPRequestHandler):
            timeout = 10  # a browser's idle pre-connection must not hold a thread forever

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                if url.path != "/" or redirect.arrived.is_set():
                    self.send_error(404)  # a favicon, a second tab
                    return
                query = dict(urllib.parse.parse_qsl(url.query))
                same = secrets.compare_digest(query.get("state", ""), state)
                ok = same and "code" in query
                message = ("Signed in to replywatch." if ok else "Sign-in failed: " + (
                    "the state did not match" if not same
                    else query.get("error", "no code in the redirect")))
                body = _DONE_PAGE.format(message=html.escape(message)).encode()
                self.send_response(200 if ok else 400)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                redirect.query = query
                redirect.arrived.set()

            def log_message(self, format: str, *args: object) -> None:
                pass  # the query string holds the code: never on stderr

        # Threads: browsers open spare connections that never send a request.
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.1}, daemon=True)
        self.redirect_uri = f"http://{host}:{self._server.server_address[1]}/"

    def __enter__(self) -> LoopbackListener:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def wait(self, timeout: float) -> dict[str, str]:
        """Return the redirect's query parameters; raise OAuthError after ``timeout``."""
        if not self._redirect.arrived.wait(timeout):
            raise OAuthError(f"no sign-in arrived within {timeout:g} s",
                             hint="run `replywatch login` again and finish in the browser")
        query = self._redirect.query
        if query is None:  # set before ``arrived``; None only if the listener broke
            raise OAuthError("the sign-in redirect arrived empty",
                             hint="run `replywatch login` again")
        return query


def authorization_code_flow(endpoints: Endpoints, client: Client, *,
                            open_url: Callable[[str], bool], say: Callable[[str], None],
                            login_hint: str = "", port: int = 0,
                            timeout: float = LOGIN_TIMEOUT) -> TokenReply:
    """Sign in through the browser; return the tokens granted.

    ``open_url`` opens the URL (returns False where there is no browser; then the
    URL is only printed with ``say``). Raise OAuthError if the user refuses, the
    state does not match, no redirect arrives in ``timeout`` seconds, or the code
    cannot be exchanged.
    """
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(24)
    with LoopbackListener(state, endpoints.redirect_host, port) as listener:
        params = {
            "response_type": "code", "client_id": client.client_id,
            "redirect_uri": listener.redirect_uri, "scope": endpoints.scope, "state": state,
            "code_challenge": challenge, "code_challenge_method": "S256",
            **endpoints.auth_params,
        }
        if login_hint:
            params["login_hint"] = login_hint
        url = endpoints.authorization_url + (
            "&" if "?" in endpoints.authorization_url else "?") + urllib.parse.urlencode(params)
        if open_url(url):
            say(_("Your browser was opened to sign in. If it was not, open:") + f"\n  {url}")
        else:
            say(_("Open this URL in a browser on this machine to sign in:") + f"\n  {url}")
        query = listener.wait(timeout)
    if not secrets.compare_digest(query.get("state", ""), state):
        raise OAuthError("the sign-in redirect carried a wrong state: refused "
                         "(a stale browser tab, or a forged request)")
    if "error" in query:
        detail = query.get("error_description", "")
        raise OAuthError(f"{endpoints.name} refused the sign-in: {query['error']}"
                         + (f": {' '.join(detail.split())[:300]}" if detail else ""))
    return _token_request(endpoints, {
        "grant_type": "authorization_code", "code": query.get("code", ""),
        "redirect_uri": listener.redirect_uri, "code_verifier": verifier, **client.fields(),
    })


# -- device code ------------------------------------------------------------------


def device_flow(endpoints: Endpoints, client: Client, *, say: Callable[[str], None],
                wait: Callable[[float], None] = time.sleep,
                clock: Callable[[], float] = time.monotonic) -> TokenReply:
    """Sign in with a code typed on another device; return the tokens granted.

    ``wait`` sleeps between polls (the tests record it). Raise OAuthError if the
    provider has no device flow for mail, the user declines, or the code expires.
    """
    if not endpoints.device_url:
        raise OAuthError(f"{endpoints.name} offers no device sign-in for mail: "
                         f"{endpoints.no_device}")
    try:
        data = oauth_http.post_form(endpoints.device_url,
                                    {"scope": endpoints.scope, **client.fields()})
    except oauth_http.HttpError as exc:
        raise OAuthError(f"device sign-in at {endpoints.device_url} failed: {exc}") from None
    device_code = _text(data, "device_code", endpoints.device_url)
    user_code = _text(data, "user_code", endpoints.device_url)
    # RFC 8628 says verification_uri; Google's older endpoint says verification_url.
    where = next((data[key] for key in ("verification_uri", "verification_url")
                  if isinstance(data.get(key), str)), None)
    if where is None:
        raise OAuthError(f"{endpoints.device_url} answered without verification_uri")
    interval = _number(data.get("interval"), 5.0)
    deadline = clock() + _number(data.get("expires_in"), 900.0)
    say(_("To sign in, open {url} on any device and enter the code {code}").format(
        url=where, code=user_code))
    fields = {"grant_type": DEVICE_GRANT, "device_code": device_code, **client.fields()}
    while True:
        wait(interval)
        if clock() > deadline:
            raise OAuthError("the sign-in code expired before it was used",
                             hint="run `replywatch login` again")
        try:
            return _token_request(endpoints, fields, raw=True)
        except oauth_http.ProviderError as exc:
            if exc.error == "authorization_pending":
                continue
            if exc.error == "slow_down":
                interval += SLOW_DOWN_STEP
                continue
            if exc.error == "expired_token":
                raise OAuthError("the sign-in code expired before it was used",
                                 hint="run `replywatch login` again") from None
            if exc.error == "access_denied":
                raise OAuthError("the sign-in was declined") from None
            raise OAuthError(f"{endpoints.name} refused the sign-in: {exc}") from None


def _token_request(endpoints: Endpoints, fields: dict[str, str], *, raw: bool = False
                   ) -> TokenReply:
    """POST to the token endpoint. With ``raw``, ProviderError passes through (the
    device flow reads its codes); else every failure is an OAuthError.
    """
    try:
        data = oauth_http.post_form(endpoints.token_url, fields)
    except oauth_http.ProviderError as exc:
        if raw:
            raise
        raise OAuthError(f"{endpoints.name} refused the sign-in: {exc}") from None
    except oauth_http.HttpError as exc:
        raise OAuthError(f"token request failed: {exc}") from None
    return parse_token_reply(data, endpoints.token_url)


def _text(data: dict[str, object], key: str, url: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise OAuthError(f"{url} answered without {key}")
    return value


def _number(value: object, default: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        return default
