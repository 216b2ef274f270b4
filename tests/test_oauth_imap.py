"""OAuth2 sign-in to IMAP against a real Dovecot (oauth2 passdb) and the test
authorization server: XOAUTH2 and OAUTHBEARER, one refresh for connections
sharing a token, a revoked grant reported once, and oauth2_token_command.
"""

from __future__ import annotations

import io
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from replywatch import engine, log
from replywatch.alerts.console import ConsoleChannel
from replywatch.alerts.deliver import Alerter
from replywatch.config import Account, Alerts, Auth, Config, OAuth2, Security
from replywatch.errors import MailboxError, OAuthError, SignInExpired
from replywatch.mail.imap import ImapMailbox
from replywatch.oauth import sources
from replywatch.oauth.tokens import REFRESH_MARGIN, TokenSource, save_refresh_token
from replywatch.store import Store
from tests.servers.fixtures import SecretServiceBus
from tests.servers.oauth_dovecot import OAuthDovecot
from tests.servers.oauth_server import CANARY_ACCESS, CANARY_REFRESH, OAuthServer

HOST = "127.0.0.1"


@pytest.fixture(autouse=True)
def _fresh_sources() -> Iterator[None]:
    sources.forget()
    yield
    sources.forget()


@pytest.fixture
def log_text() -> io.StringIO:
    """Every log line of the test (debug included), as JSON lines."""
    stream = io.StringIO()
    log.setup(verbose=True, stream=stream, json=True)
    return stream


def settings_for(server: OAuthServer) -> OAuth2:
    return OAuth2(provider="custom", client_id=server.client_id,
                  authorization_url=f"{server.url}/authorize", token_url=f"{server.url}/token",
                  device_url=f"{server.url}/device", scope="mail")


def oauth_account(server: OAuthServer, dovecot: OAuthDovecot, user: str,
                  settings: OAuth2 | None = None) -> Account:
    return Account(name="work", host=HOST, username=user, port=dovecot.port,
                   security=Security.PLAIN, auth=Auth.OAUTH2,
                   oauth2=settings or settings_for(server))


def signed_in(server: OAuthServer, user: str) -> str:
    """Store a fresh grant of ``user`` in the keyring, as `replywatch login` does."""
    refresh = server.issue_grant(user)
    save_refresh_token(user, HOST, refresh)
    return refresh


def source(server: OAuthServer, user: str, clock: list[float] | None = None) -> TokenSource:
    now: Callable[[], float] = time.time if clock is None else (lambda: clock[0])
    return TokenSource(settings_for(server), username=user, host=HOST, what="account 'work'",
                       login="replywatch login work", clock=now)


def login_methods(dovecot: OAuthDovecot, user: str) -> list[str]:
    """The SASL mechanisms of ``user``'s logins, from Dovecot's log."""
    marker = f"Login: user=<{user}>, method="
    return [line.split(marker)[1].split(",")[0]
            for line in dovecot.log_path.read_text().splitlines() if marker in line]


def wait_for_logins(dovecot: OAuthDovecot, user: str, count: int,
                    timeout: float = 10.0) -> list[str]:
    """Return ``user``'s login mechanisms once Dovecot's log holds ``count`` of them
    (its log process writes a moment after the login was answered).
    """
    deadline = time.monotonic() + timeout
    ticker = threading.Event()
    while len(found := login_methods(dovecot, user)) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{count} login(s) of {user} in {dovecot.log_path}")
        ticker.wait(0.02)
    return found


def test_imap_oauthbearer_offered_signs_in_with_oauthbearer(
        oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, imap_user: str,
        secret_service: SecretServiceBus) -> None:
    signed_in(oauth_server, imap_user)
    account = oauth_account(oauth_server, oauth_dovecot, imap_user)
    with ImapMailbox(account, source(oauth_server, imap_user)) as mailbox:
        roles = [folder.role for folder in mailbox.folders()]
    assert (["OAUTHBEARER"], ["inbox", "sent", "junk", "archive"]) == (
        wait_for_logins(oauth_dovecot, imap_user, 1), roles)


def test_imap_only_xoauth2_offered_signs_in_with_xoauth2(
        oauth_server: OAuthServer, xoauth2_dovecot: OAuthDovecot, imap_user: str,
        secret_service: SecretServiceBus) -> None:
    signed_in(oauth_server, imap_user)
    account = oauth_account(oauth_server, xoauth2_dovecot, imap_user)
    with ImapMailbox(account, source(oauth_server, imap_user)):
        pass
    assert ["XOAUTH2"] == wait_for_logins(xoauth2_dovecot, imap_user, 1)


def test_token_source_token_refused_by_two_connections_is_refreshed_once(
        oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, imap_user: str,
        secret_service: SecretServiceBus, log_text: io.StringIO) -> None:
    signed_in(oauth_server, imap_user)
    account = oauth_account(oauth_server, oauth_dovecot, imap_user)
    tokens = source(oauth_server, imap_user)
    with ImapMailbox(account, tokens):
        pass
    oauth_server.expire_access_tokens()  # ran out at the server mid-session
    start = threading.Barrier(2)
    connected: list[bool] = []

    def connect() -> None:
        start.wait(5)
        with ImapMailbox(account, tokens) as mailbox:
            connected.append(bool(mailbox.folders()))

    threads = [threading.Thread(target=connect) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert ([True, True], 2, 2) == (connected, oauth_server.count("refresh_token"),
                                    tokens.state().refreshes)
    assert (CANARY_ACCESS not in log_text.getvalue()
            and CANARY_REFRESH not in log_text.getvalue())


def test_token_source_token_near_expiry_is_refreshed_before_login_once(
        oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, imap_user: str,
        secret_service: SecretServiceBus) -> None:
    signed_in(oauth_server, imap_user)
    account = oauth_account(oauth_server, oauth_dovecot, imap_user)
    clock = [1_000_000.0]
    tokens = source(oauth_server, imap_user, clock)
    first = tokens.token()
    clock[0] += 3600 - REFRESH_MARGIN + 1  # inside the margin: too close to expiry
    for _ in range(2):
        with ImapMailbox(account, tokens):
            pass
    # Two introspections: two logins, none refused first.
    assert (2, True, 2) == (oauth_server.count("refresh_token"), tokens.token() != first,
                            oauth_server.count("/introspect"))


def test_engine_revoked_grant_alerts_once_and_asks_no_more_until_login(
        oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, imap_user: str,
        secret_service: SecretServiceBus, tmp_path: Path, log_text: io.StringIO) -> None:
    oauth_server.revoke(signed_in(oauth_server, imap_user))
    account = oauth_account(oauth_server, oauth_dovecot, imap_user)
    config = Config(accounts=(account,), alerts=Alerts(channels=("console",)))
    store = Store.open(tmp_path / "replywatch.db")
    out = io.StringIO()
    alerter = Alerter(config, store, [ConsoleChannel(out)])
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)

    def one_pass() -> bool:  # as the daemon's worker does it
        report = engine.run_pass(config, store, now, sessions={})
        for acct in report.accounts:
            if acct.ok:
                alerter.account_ok(acct.name)
            else:
                alerter.account_failed(acct.name, acct.error or "", now)
        return report.ok

    passes = [one_pass() for _ in range(3)]
    for _ in range(3):  # the IDLE thread's reconnects
        with pytest.raises(SignInExpired):
            ImapMailbox(account, sources.login_credential(account)).connect()
    alerts = out.getvalue()
    assert ([False] * 3, 1, 1, 0) == (passes, oauth_server.count("refresh_token"),
                                      alerts.count("cannot read account 'work'"),
                                      len(login_methods(oauth_dovecot, imap_user)))
    assert "run `replywatch login work`" in alerts
    signed_in(oauth_server, imap_user)  # the user ran `replywatch login work`
    assert (True, 2) == (one_pass(), oauth_server.count("refresh_token"))
    assert CANARY_REFRESH not in log_text.getvalue()
    store.close()


def test_imap_token_of_another_user_is_refused_twice_with_a_hint(
        oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, imap_user: str,
        secret_service: SecretServiceBus) -> None:
    save_refresh_token(imap_user, HOST, oauth_server.issue_grant("someone-else"))
    account = oauth_account(oauth_server, oauth_dovecot, imap_user)
    with pytest.raises(MailboxError) as caught:
        ImapMailbox(account, source(oauth_server, imap_user)).connect()
    expected = (f"is username {imap_user!r} the account you signed in as, with the mail "
                "scope? run `replywatch login work` again", 2)
    assert expected == (caught.value.hint, oauth_server.count("refresh_token"))
    assert caught.value.problems[0].endswith("login: login refused: [AUTHENTICATIONFAILED] "
                                             "Authentication failed.")


def test_login_credential_worker_and_idle_share_one_token_source(
        oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, imap_user: str) -> None:
    account = oauth_account(oauth_server, oauth_dovecot, imap_user)
    worker, idle = sources.login_credential(account), sources.login_credential(account)
    assert (True, True) == (worker is idle, isinstance(worker, TokenSource))


def test_oauth2_token_command_signs_in_with_the_printed_token(
        oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, imap_user: str) -> None:
    token = oauth_server.issue_access(imap_user)
    command = (sys.executable, "-c", f"print({token!r})")
    account = oauth_account(oauth_server, oauth_dovecot, imap_user, OAuth2(token_command=command))
    with ImapMailbox(account, sources.login_credential(account)):
        pass
    assert ["OAUTHBEARER"] == wait_for_logins(oauth_dovecot, imap_user, 1)


def test_oauth2_token_command_failure_names_the_command_not_its_output(
        oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, imap_user: str) -> None:
    script = "import sys; print('canary-access-leak'); print('no token', file=sys.stderr); " \
             "sys.exit(3)"
    account = oauth_account(oauth_server, oauth_dovecot, imap_user,
                            OAuth2(token_command=(sys.executable, "-c", script)))
    with pytest.raises(OAuthError) as caught:
        ImapMailbox(account, sources.login_credential(account)).connect()
    expected = [f"account 'work': oauth2_token_command {sys.executable!r} exited 3: no token"]
    assert expected == caught.value.problems
