"""`replywatch login`: the authorization-code flow driven end to end (the test plays
the browser and follows the redirect to the loopback listener), the device flow
with its polling and slow_down, and the refresh token landing in a real keyring.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from replywatch.cli.login import Target, sign_in
from replywatch.cli.main import main
from replywatch.config import Account, Auth, OAuth2, Security
from replywatch.errors import OAuthError
from replywatch.mail.imap import ImapMailbox
from replywatch.oauth import sources
from replywatch.oauth.tokens import keyring_user
from tests.servers.fixtures import SecretServiceBus
from tests.servers.oauth_dovecot import OAuthDovecot
from tests.servers.oauth_server import CANARY_ACCESS, CANARY_REFRESH, OAuthServer

HOST = "127.0.0.1"


@pytest.fixture(autouse=True)
def _fresh_sources() -> Iterator[None]:
    sources.forget()
    yield
    sources.forget()


def settings_for(server: OAuthServer) -> OAuth2:
    return OAuth2(provider="custom", client_id=server.client_id,
                  authorization_url=f"{server.url}/authorize", token_url=f"{server.url}/token",
                  device_url=f"{server.url}/device", scope="mail")


def target(server: OAuthServer, user: str) -> Target:
    return Target("account 'work'", settings_for(server), user, (HOST,))


class Browser:
    """Plays the user's browser: GETs the URL, follows the redirect, keeps the page."""

    def __init__(self, tamper: dict[str, str] | None = None) -> None:
        self.tamper = tamper or {}
        self.pages: list[str] = []
        self.done = threading.Event()

    def open(self, url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        query = {**dict(urllib.parse.parse_qsl(parts.query)), **self.tamper}
        url = parts._replace(query=urllib.parse.urlencode(query)).geturl()
        threading.Thread(target=self._visit, args=(url,), daemon=True).start()
        return True

    def _visit(self, url: str) -> None:
        try:
            with urllib.request.urlopen(url, timeout=10) as page:
                self.pages.append(page.read().decode())
        except urllib.error.HTTPError as err:
            self.pages.append(err.read().decode())
        self.done.set()


def test_sign_in_browser_flow_stores_a_refresh_token_that_signs_in_to_imap(
        oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, imap_user: str,
        secret_service: SecretServiceBus) -> None:
    oauth_server.reset(browser_user=imap_user)
    browser = Browser()
    said: list[str] = []
    sign_in(target(oauth_server, imap_user), device=False, browser=True, open_url=browser.open,
            say=said.append, timeout=10)
    stored = keyring.get_password("replywatch", keyring_user(imap_user, HOST))
    account = Account(name="work", host=HOST, username=imap_user, port=oauth_dovecot.port,
                      security=Security.PLAIN, auth=Auth.OAUTH2, oauth2=settings_for(oauth_server))
    with ImapMailbox(account, sources.login_credential(account)) as mailbox:
        assert mailbox.folders()
    assert browser.done.wait(5)
    assert ([stored], 1, True) == (oauth_server.granted_refresh_tokens(),
                                   oauth_server.count("authorization_code"),
                                   "Signed in to replywatch." in browser.pages[0])
    assert all(CANARY_REFRESH not in line and CANARY_ACCESS not in line for line in said)


def test_sign_in_redirect_with_a_wrong_state_is_refused(
        oauth_server: OAuthServer, imap_user: str, secret_service: SecretServiceBus) -> None:
    browser = Browser(tamper={"state": "forged"})
    with pytest.raises(OAuthError) as caught:
        sign_in(target(oauth_server, imap_user), device=False, browser=True,
                open_url=browser.open, say=lambda _: None, timeout=10)
    assert browser.done.wait(5)
    expected = (["the sign-in redirect carried a wrong state: refused (a stale browser tab, "
                 "or a forged request)"], 0, None, True)
    assert expected == (caught.value.problems, oauth_server.count("authorization_code"),
                        keyring.get_password("replywatch", keyring_user(imap_user, HOST)),
                        "the state did not match" in browser.pages[0])


def test_sign_in_device_flow_polls_slower_after_slow_down(
        oauth_server: OAuthServer, imap_user: str, secret_service: SecretServiceBus) -> None:
    waits: list[float] = []
    said: list[str] = []
    sign_in(target(oauth_server, imap_user), device=True, browser=True,
            open_url=lambda _: pytest.fail("the device flow opens no browser"),
            say=said.append, wait=waits.append)
    stored = keyring.get_password("replywatch", keyring_user(imap_user, HOST))
    # pending -> wait the interval again; slow_down -> 5 s more (RFC 8628 3.5)
    assert ([1.0, 1.0, 6.0], 3, [stored]) == (waits, oauth_server.count("device_code"),
                                              oauth_server.granted_refresh_tokens())
    assert [f"To sign in, open {oauth_server.url}/device on any device and enter the code "
            "WDJB-MJHT"] == said


def test_sign_in_without_a_browser_takes_the_device_flow_where_offered(
        oauth_server: OAuthServer, imap_user: str, secret_service: SecretServiceBus) -> None:
    oauth_server.reset(device_script=())
    said: list[str] = []
    sign_in(target(oauth_server, imap_user), device=False, browser=False,
            open_url=lambda _: False, say=said.append, wait=lambda _: None)
    assert ("No browser found here: signing in with a code instead.", 1) == (
        said[0], oauth_server.count("device_code"))


def test_sign_in_device_code_expired_is_reported(
        oauth_server: OAuthServer, imap_user: str, secret_service: SecretServiceBus) -> None:
    oauth_server.reset(device_script=("authorization_pending", "expired_token"))
    with pytest.raises(OAuthError) as caught:
        sign_in(target(oauth_server, imap_user), device=True, browser=True,
                open_url=lambda _: False, say=lambda _: None, wait=lambda _: None)
    assert (["the sign-in code expired before it was used"], "run `replywatch login` again") == (
        caught.value.problems, caught.value.hint)


def test_sign_in_google_device_flow_is_refused_with_the_reason() -> None:
    google = Target("account 'gmail'", OAuth2(provider="google", client_id="x"), "jane", ("h",))
    with pytest.raises(OAuthError) as caught:
        sign_in(google, device=True, browser=False, open_url=lambda _: False,
                say=lambda _: None)
    assert caught.value.problems[0].startswith(
        "Google offers no device sign-in for mail: Google's device flow does not allow the "
        "mail scope (https://mail.google.com/)")


# -- the command ----------------------------------------------------------------------


def write_config(tmp_path: Path, server: OAuthServer, account_keys: str,
                 email_host: str = "") -> Path:
    oauth = (f'provider = "custom"\nclient_id = "{server.client_id}"\n'
             f'authorization_url = "{server.url}/authorize"\ntoken_url = "{server.url}/token"\n'
             f'device_url = "{server.url}/device"\nscope = "mail"\n')
    text = ('[[accounts]]\nname = "work"\nhost = "127.0.0.1"\nusername = "alice"\n'
            + account_keys.replace("OAUTH", oauth))
    if email_host:
        text += (f'[alerts.email]\nhost = "{email_host}"\nusername = "alice"\n'
                 f'from = "a@example.test"\nto = "a@example.test"\nauth = "oauth2"\n' + oauth)
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_login_command_device_flow_signs_in_imap_and_matching_smtp_host(
        tmp_path: Path, oauth_server: OAuthServer, secret_service: SecretServiceBus,
        capsys: pytest.CaptureFixture[str]) -> None:
    oauth_server.reset(device_script=(), device_interval=0)
    config = write_config(tmp_path, oauth_server, 'auth = "oauth2"\nOAUTH', "localhost")
    code = main(["--config", str(config), "login", "work", "--device"])
    out, err = capsys.readouterr()
    stored = [keyring.get_password("replywatch", keyring_user("alice", host))
              for host in ("127.0.0.1", "localhost")]
    expected_last = ("signed in: account 'work' as alice (scopes mail); refresh token stored in "
                     "the keyring (service 'replywatch', user 'oauth2:alice@127.0.0.1', "
                     "'oauth2:alice@localhost')")
    assert (0, oauth_server.granted_refresh_tokens() * 2, expected_last) == (
        code, stored, out.splitlines()[-1])
    assert CANARY_REFRESH not in out + err and CANARY_ACCESS not in out + err


@pytest.mark.parametrize(("args", "keys", "expected"), [
    (["login", "home"], 'auth = "oauth2"\nOAUTH',
     "replywatch: error: no account named 'home' in the config (accounts: work)"),
    (["login", "work"], "",
     "replywatch: error: account 'work' signs in with a password"),
    (["login", "work"], 'auth = "oauth2"\noauth2_token_command = ["oama"]\n',
     "replywatch: error: account 'work' gets its tokens from oauth2_token_command: sign in "
     "with that tool"),
    (["login", "--alerts-email"], "",
     'replywatch: error: [alerts.email] does not sign in with OAuth2 (auth = "oauth2")'),
    (["login"], "", "replywatch: error: name one account, or give --alerts-email"),
])
def test_login_command_what_it_cannot_sign_in_is_one_line_exit_2(
        tmp_path: Path, oauth_server: OAuthServer, capsys: pytest.CaptureFixture[str],
        args: list[str], keys: str, expected: str) -> None:
    config = write_config(tmp_path, oauth_server, keys)
    code = main(["--config", str(config), *args])
    assert (2, expected) == (code, capsys.readouterr().err.splitlines()[0])


def test_login_command_in_norwegian_says_the_code_and_where_the_token_went(
        tmp_path: Path, oauth_server: OAuthServer, secret_service: SecretServiceBus,
        capsys: pytest.CaptureFixture[str]) -> None:
    oauth_server.reset(device_script=(), device_interval=0)
    config = write_config(tmp_path, oauth_server, 'auth = "oauth2"\nOAUTH')
    config.write_text(config.read_text() + '[ui]\nlanguage = "nb"\n')
    code = main(["--config", str(config), "login", "work", "--device"])
    lines = capsys.readouterr().out.splitlines()
    assert (0, True, "logget inn: konto 'work' som alice (tilganger mail); fornyelsestoken "
                     "lagret i nøkkelringen (tjeneste 'replywatch', bruker "
                     "'oauth2:alice@127.0.0.1')") == (
        code, lines[0].startswith("For å logge inn, åpne "), lines[-1])


def test_login_command_in_norwegian_unknown_account_names_it_exit_2(
        tmp_path: Path, oauth_server: OAuthServer, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, oauth_server, 'auth = "oauth2"\nOAUTH')
    config.write_text(config.read_text() + '[ui]\nlanguage = "nb"\n')
    code = main(["--config", str(config), "login", "home"])
    assert (2, "replywatch: feil: ingen konto som heter 'home' i konfigurasjonen "
               "(kontoer: work)") == (code, capsys.readouterr().err.splitlines()[0])
