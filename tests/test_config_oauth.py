"""The OAuth2 keys of an account and of [alerts.email]: typed values and every rule
with its FILE:LINE: key path message."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from replywatch.config import Auth, OAuth2, PasswordSource, load_config
from replywatch.errors import ConfigError

# Line 1 is [[accounts]]; a test appends its own keys from line 5 on.
ACCOUNT = """\
[[accounts]]
name = "gmail"
host = "imap.gmail.com"
username = "jane@gmail.com"
"""
GOOGLE = ('auth = "oauth2"\nprovider = "google"\nclient_id = "1234.apps"\n'
          "client_secret_keyring = true\n")


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write(text: str) -> Path:
    path = Path("config.toml")
    path.write_text(dedent(text), encoding="utf-8")
    return path


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(write(text))
    return caught.value.problems


def test_load_config_google_account_reads_provider_and_client() -> None:
    account = load_config(write(ACCOUNT + GOOGLE)).accounts[0]
    expected = (Auth.OAUTH2, OAuth2(provider="google", client_id="1234.apps",
                                    client_secret=PasswordSource(kind="keyring")))
    assert expected == (account.auth, account.oauth2)


def test_load_config_account_without_auth_signs_in_with_a_password() -> None:
    account = load_config(write(ACCOUNT)).accounts[0]
    assert (Auth.PASSWORD, None) == (account.auth, account.oauth2)


def test_load_config_google_without_client_secret_is_reported() -> None:
    text = ACCOUNT + 'auth = "oauth2"\nprovider = "google"\nclient_id = "x"\n'
    expected = ['config.toml:6: accounts[0].client_secret_command: required with provider = '
                '"google" (or client_secret_keyring = true): Google wants the Desktop app '
                "client's secret"]
    assert expected == problems(text)


def test_load_config_client_secret_command_is_an_argv_source() -> None:
    text = ACCOUNT + 'auth = "oauth2"\nprovider = "google"\nclient_id = "x"\n' \
        'client_secret_command = ["pass", "show", "oauth"]\n'
    oauth2 = load_config(write(text)).accounts[0].oauth2
    assert oauth2 is not None
    assert PasswordSource(kind="command", command=("pass", "show", "oauth")) == \
        oauth2.client_secret


def test_load_config_microsoft_tenant_is_read() -> None:
    text = ACCOUNT + 'auth = "oauth2"\nprovider = "microsoft"\nclient_id = "x"\n' \
        'tenant = "contoso.onmicrosoft.com"\n'
    oauth2 = load_config(write(text)).accounts[0].oauth2
    assert oauth2 is not None
    assert ("microsoft", "contoso.onmicrosoft.com") == (oauth2.provider, oauth2.tenant)


def test_load_config_custom_provider_reads_its_endpoints() -> None:
    text = ACCOUNT + 'auth = "oauth2"\nprovider = "custom"\nclient_id = "x"\n' \
        'authorization_url = "https://id.example/auth"\ntoken_url = "https://id.example/token"\n' \
        'device_url = "http://127.0.0.1:8080/device"\nscope = "imap  smtp"\n'
    oauth2 = load_config(write(text)).accounts[0].oauth2
    expected = OAuth2(provider="custom", client_id="x", authorization_url="https://id.example/auth",
                      token_url="https://id.example/token",
                      device_url="http://127.0.0.1:8080/device", scope="imap smtp")
    assert expected == oauth2


def test_load_config_token_command_alone_is_enough() -> None:
    text = ACCOUNT + 'auth = "oauth2"\noauth2_token_command = ["oama", "access", "jane"]\n'
    oauth2 = load_config(write(text)).accounts[0].oauth2
    assert OAuth2(token_command=("oama", "access", "jane")) == oauth2


def test_load_config_oauth2_without_provider_is_reported() -> None:
    expected = ['config.toml:5: accounts[0].provider: required key missing with auth = "oauth2": '
                '"google", "microsoft" or "custom" (or give oauth2_token_command)']
    assert expected == problems(ACCOUNT + 'auth = "oauth2"\n')


def test_load_config_provider_without_client_id_is_reported() -> None:
    expected = ["config.toml:6: accounts[0].client_id: required key missing: your OAuth "
                "client's id (see the README)"]
    assert expected == problems(ACCOUNT + 'auth = "oauth2"\nprovider = "microsoft"\n')


def test_load_config_unknown_provider_is_reported_with_suggestion() -> None:
    text = ACCOUNT + 'auth = "oauth2"\nprovider = "gogle"\nclient_id = "x"\n'
    expected = ['config.toml:6: accounts[0].provider: must be one of "google", "microsoft", '
                '"custom", got "gogle"; did you mean "google"?']
    assert expected == problems(text)


def test_load_config_password_key_with_oauth2_is_reported() -> None:
    expected = ['config.toml:9: accounts[0].password_command: not used with auth = "oauth2"; '
                "remove it"]
    assert expected == problems(ACCOUNT + GOOGLE + 'password_command = ["pass"]\n')


def test_load_config_oauth2_key_with_password_auth_is_reported() -> None:
    expected = ['config.toml:5: accounts[0].client_id: only used with auth = "oauth2"']
    assert expected == problems(ACCOUNT + 'client_id = "x"\n')


def test_load_config_token_command_with_provider_is_reported() -> None:
    text = ACCOUNT + GOOGLE + 'oauth2_token_command = ["oama"]\n'
    expected = [
        "config.toml:6: accounts[0].provider: conflicts with oauth2_token_command; "
        "the command gives the access token",
        "config.toml:7: accounts[0].client_id: conflicts with oauth2_token_command; "
        "the command gives the access token",
        "config.toml:8: accounts[0].client_secret_keyring: conflicts with oauth2_token_command; "
        "the command gives the access token",
    ]
    assert expected == problems(text)


def test_load_config_custom_provider_without_endpoints_is_reported() -> None:
    text = ACCOUNT + 'auth = "oauth2"\nprovider = "custom"\nclient_id = "x"\n'
    expected = [
        'config.toml:6: accounts[0].authorization_url: required key missing with provider = '
        '"custom"',
        'config.toml:6: accounts[0].token_url: required key missing with provider = "custom"',
        'config.toml:6: accounts[0].scope: required key missing with provider = "custom"',
    ]
    assert expected == problems(text)


def test_load_config_plain_http_endpoint_off_loopback_is_reported() -> None:
    text = ACCOUNT + 'auth = "oauth2"\nprovider = "custom"\nclient_id = "x"\n' \
        'authorization_url = "http://id.example/auth"\ntoken_url = "https://id.example/t"\n' \
        'scope = "mail"\n'
    expected = ['config.toml:8: accounts[0].authorization_url: must be an https:// URL (http:// '
                'only on 127.0.0.1, ::1 or localhost), got "http://id.example/auth"']
    assert expected == problems(text)


def test_load_config_endpoint_with_a_known_provider_is_reported() -> None:
    expected = ['config.toml:9: accounts[0].token_url: only with provider = "custom"; "google" '
                "has its own"]
    assert expected == problems(ACCOUNT + GOOGLE + 'token_url = "https://x.example/t"\n')


def test_load_config_tenant_with_google_is_reported() -> None:
    expected = ['config.toml:9: accounts[0].tenant: only with provider = "microsoft"']
    assert expected == problems(ACCOUNT + GOOGLE + 'tenant = "common"\n')


def test_load_config_two_client_secret_sources_are_reported() -> None:
    text = ACCOUNT + GOOGLE + 'client_secret_command = ["pass"]\n'
    expected = ["config.toml:8: accounts[0].client_secret_keyring: conflicts with "
                "client_secret_command; give at most one client secret source"]
    assert expected == problems(text)


def test_load_config_email_oauth2_without_username_is_reported() -> None:
    text = '[alerts.email]\nhost = "smtp.gmail.com"\nfrom = "jane@gmail.com"\n' \
        'to = "jane@gmail.com"\n' + GOOGLE
    expected = ['config.toml:5: alerts.email.username: required with auth = "oauth2": the '
                "account to sign in as"]
    assert expected == problems(text)


def test_load_config_email_oauth2_is_read() -> None:
    text = '[alerts.email]\nhost = "smtp.gmail.com"\nfrom = "jane@gmail.com"\n' \
        'to = "jane@gmail.com"\nusername = "jane@gmail.com"\n' + GOOGLE
    email = load_config(write(text)).alerts.email
    assert email is not None
    assert (Auth.OAUTH2, OAuth2(provider="google", client_id="1234.apps",
                                client_secret=PasswordSource(kind="keyring"))) == (
        email.auth, email.oauth2)
