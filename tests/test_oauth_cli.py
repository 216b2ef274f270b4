"""The command line with OAuth2 accounts: `doctor` shows the token state of IMAP and
SMTP sign-ins, and names the command that mends a revoked one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from replywatch.cli.main import main
from replywatch.config import Security
from replywatch.oauth import sources
from replywatch.oauth.tokens import save_refresh_token
from tests.servers.fixtures import SecretServiceBus
from tests.servers.oauth_dovecot import OAuthDovecot
from tests.servers.oauth_server import CANARY_ACCESS, CANARY_REFRESH, OAuthServer
from tests.servers.smtp import SmtpServer
from tests.tls import TlsFiles


@pytest.fixture(autouse=True)
def _fresh_sources() -> Iterator[None]:
    sources.forget()
    yield
    sources.forget()


def oauth_keys(server: OAuthServer) -> str:
    return (f'auth = "oauth2"\nprovider = "custom"\nclient_id = "{server.client_id}"\n'
            f'authorization_url = "{server.url}/authorize"\ntoken_url = "{server.url}/token"\n'
            f'scope = "mail"\n')


def write_config(tmp_path: Path, server: OAuthServer, dovecot: OAuthDovecot, user: str,
                 smtp: SmtpServer | None = None, tls: TlsFiles | None = None) -> Path:
    text = (f'[[accounts]]\nname = "work"\nhost = "127.0.0.1"\nport = {dovecot.port}\n'
            f'security = "plain"\nusername = "{user}"\n' + oauth_keys(server))
    if smtp is not None and tls is not None:
        text += (f'[alerts]\nchannels = ["email"]\n[alerts.email]\nhost = "{smtp.host}"\n'
                 f'port = {smtp.port}\nsecurity = "starttls"\nusername = "{user}"\n'
                 f'ca_file = "{tls.ca_cert}"\nfrom = "{user}@example.test"\n'
                 f'to = "{user}@example.test"\n' + oauth_keys(server))
    else:
        text += '[alerts]\nchannels = []\n'
    text += f'[store]\npath = "{tmp_path / "rw.db"}"\n'
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_doctor_oauth2_account_and_smtp_show_token_state(
        tmp_path: Path, oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, imap_user: str,
        tls_files: TlsFiles, secret_service: SecretServiceBus,
        capsys: pytest.CaptureFixture[str]) -> None:
    # IMAP and SMTP on one host here: one keyring entry serves both.
    save_refresh_token(imap_user, "127.0.0.1", oauth_server.issue_grant(imap_user))
    with SmtpServer(tls_files, security=Security.STARTTLS, bearer=oauth_server.valid) as smtp:
        config = write_config(tmp_path, oauth_server, oauth_dovecot, imap_user, smtp, tls_files)
        code = main(["--config", str(config), "doctor"])
    captured = capsys.readouterr()
    lines = [re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", "TIME", line)
             for line in captured.out.splitlines()]
    state = (f"refresh token in the keyring (service 'replywatch', user "
             f"'oauth2:{imap_user}@127.0.0.1'); access token expires in 60 min; "
             f"last refresh TIME UTC; scopes mail")
    assert 0 == code, captured.out
    assert f"[pass] account 'work': OAuth2 sign-in: {state}" in lines
    assert (f"[pass] email (SMTP): {smtp.host}:{smtp.port} (starttls), logged in as "
            f"{imap_user}; OAuth2: {state}") in lines
    assert CANARY_ACCESS not in captured.out + captured.err
    assert CANARY_REFRESH not in captured.out + captured.err


def test_doctor_revoked_grant_fails_naming_the_login_command(
        tmp_path: Path, oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot, imap_user: str,
        secret_service: SecretServiceBus, capsys: pytest.CaptureFixture[str]) -> None:
    refresh = oauth_server.issue_grant(imap_user)
    save_refresh_token(imap_user, "127.0.0.1", refresh)
    oauth_server.revoke(refresh)
    config = write_config(tmp_path, oauth_server, oauth_dovecot, imap_user)
    code = main(["--config", str(config), "doctor"])
    fails = [line for line in capsys.readouterr().out.splitlines() if line.startswith("[FAIL]")]
    expected = ["[FAIL] account 'work': OAuth2 sign-in: account 'work': the sign-in to "
                "127.0.0.1 was revoked or has expired (invalid_grant): run "
                "`replywatch login work`"]
    assert (1, expected) == (code, fails)
