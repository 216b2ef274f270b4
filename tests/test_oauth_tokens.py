"""The token source against the test authorization server and a real keyring: a
rotated refresh token kept, a revoked grant asked again only after the long wait,
no sign-in yet; and what the browser is sent to at Google and at Microsoft."""

from __future__ import annotations

import re
import time
import urllib.parse
from collections.abc import Callable

import keyring
import pytest

from replywatch.config import OAuth2
from replywatch.errors import OAuthError, SignInExpired
from replywatch.oauth import flows
from replywatch.oauth.providers import endpoints
from replywatch.oauth.tokens import DEAD_RETRY, TokenSource, keyring_user, save_refresh_token
from tests.servers.fixtures import SecretServiceBus
from tests.servers.oauth_server import OAuthServer

HOST = "127.0.0.1"


def source(server: OAuthServer, clock: list[float] | None = None) -> TokenSource:
    settings = OAuth2(provider="custom", client_id=server.client_id,
                      authorization_url=f"{server.url}/authorize",
                      token_url=f"{server.url}/token", scope="mail")
    now: Callable[[], float] = time.time if clock is None else (lambda: clock[0])
    return TokenSource(settings, username="alice", host=HOST, what="account 'work'",
                       login="replywatch login work", clock=now)


def test_token_source_rotated_refresh_token_is_stored_and_used_next(
        oauth_server: OAuthServer, secret_service: SecretServiceBus) -> None:
    oauth_server.reset(rotate=True)
    save_refresh_token("alice", HOST, oauth_server.issue_grant("alice"))
    tokens = source(oauth_server)
    first = tokens.token()
    tokens.invalidate(first)
    tokens.token()  # with the old refresh token this would be invalid_grant
    stored = keyring.get_password("replywatch", keyring_user("alice", HOST))
    assert (stored, 2) == (oauth_server.granted_refresh_tokens()[-1],
                           oauth_server.count("refresh_token"))


def test_token_source_revoked_grant_is_asked_again_only_after_the_long_wait(
        oauth_server: OAuthServer, secret_service: SecretServiceBus) -> None:
    refresh = oauth_server.issue_grant("alice")
    save_refresh_token("alice", HOST, refresh)
    oauth_server.revoke(refresh)
    clock = [1_000_000.0]
    tokens = source(oauth_server, clock)
    counts = []
    for step in (0.0, DEAD_RETRY - 1, 1.0):
        clock[0] += step
        with pytest.raises(SignInExpired):
            tokens.token()
        counts.append(oauth_server.count("refresh_token"))
    assert [1, 1, 2] == counts


def test_token_source_before_any_login_names_the_command_and_asks_nobody(
        oauth_server: OAuthServer, secret_service: SecretServiceBus) -> None:
    with pytest.raises(SignInExpired) as caught:
        source(oauth_server).token()
    expected = (["account 'work': not signed in to 127.0.0.1 yet: run `replywatch login work`"],
                0)
    assert expected == (caught.value.problems, oauth_server.count("refresh_token"))


def authorize_query(settings: OAuth2) -> tuple[str, dict[str, str]]:
    """Start the browser flow, record where the browser is sent, let it time out."""
    sent: list[str] = []

    def no_browser(url: str) -> bool:
        sent.append(url)
        return False

    client = flows.Client(settings.client_id, None)
    with pytest.raises(OAuthError, match="no sign-in arrived"):
        flows.authorization_code_flow(endpoints(settings), client, open_url=no_browser,
                                      say=lambda _: None, login_hint="jane", timeout=0.05)
    url = urllib.parse.urlsplit(sent[0])
    query = dict(urllib.parse.parse_qsl(url.query))
    for key in ("state", "code_challenge"):
        assert re.fullmatch(r"[A-Za-z0-9_-]{32,}", query.pop(key)), key
    query["redirect_uri"] = re.sub(r":\d+/$", ":PORT/", query["redirect_uri"])
    return f"{url.scheme}://{url.netloc}{url.path}", query


def test_authorization_url_google_asks_offline_access_with_consent() -> None:
    expected = ("https://accounts.google.com/o/oauth2/v2/auth", {
        "response_type": "code", "client_id": "g-id", "redirect_uri": "http://127.0.0.1:PORT/",
        "scope": "https://mail.google.com/", "code_challenge_method": "S256",
        "access_type": "offline", "prompt": "consent", "login_hint": "jane"})
    assert expected == authorize_query(OAuth2(provider="google", client_id="g-id"))


def test_authorization_url_microsoft_names_tenant_localhost_and_offline_access() -> None:
    expected = ("https://login.microsoftonline.com/contoso.example/oauth2/v2.0/authorize", {
        "response_type": "code", "client_id": "m-id", "redirect_uri": "http://localhost:PORT/",
        "scope": "https://outlook.office.com/IMAP.AccessAsUser.All "
                 "https://outlook.office.com/SMTP.Send offline_access",
        "code_challenge_method": "S256", "login_hint": "jane"})
    settings = OAuth2(provider="microsoft", client_id="m-id", tenant="contoso.example")
    assert expected == authorize_query(settings)
