"""The OAuth2 keys of an account or of ``[alerts.email]``: validation into ``OAuth2``.

schema.py calls ``read_auth`` for every table that signs in to a server; the rules
across keys live here: a token command excludes everything else, a provider
needs a client id, "custom" needs its endpoints, the password keys belong to
``auth = "password"`` and the OAuth2 keys to ``auth = "oauth2"``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from replywatch.config.keys import oauth2_keys
from replywatch.config.model import PROVIDERS, Auth, OAuth2, PasswordSource
from replywatch.config.tomlread import Table, quote

OAUTH2_KEYS = tuple(key.name for key in oauth2_keys(""))  # "auth" first
_PASSWORD_KEYS = ("password_command", "password_keyring", "password_credential")
_URL_KEYS = ("authorization_url", "token_url", "device_url")
_PROVIDER_KEYS = tuple(key for key in OAUTH2_KEYS[1:] if key != "oauth2_token_command")
_AUTHS = tuple(auth.value for auth in Auth)
_LOOPBACK = ("127.0.0.1", "::1", "localhost")
# An Entra ID tenant: a GUID, a domain name, or "common" / "organizations" / "consumers".
_TENANT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]{0,99}")
_SCOPE_TOKEN = re.compile(r"[\x21\x23-\x5b\x5d-\x7e]+")  # RFC 6749 3.3 scope-token


def read_auth(table: Table) -> tuple[Auth, OAuth2 | None]:
    """Given an account or ``[alerts.email]`` table, return its ``auth`` and, for
    ``auth = "oauth2"``, its OAuth2 settings; record every problem in the table.
    """
    auth = Auth(table.get_choice("auth", _AUTHS, Auth.PASSWORD))
    if auth is Auth.PASSWORD:
        for key in OAUTH2_KEYS[1:]:
            if table.has(key):
                table.problem(key, 'only used with auth = "oauth2"')
        return auth, None
    for key in _PASSWORD_KEYS:
        if table.has(key):
            table.problem(key, 'not used with auth = "oauth2"; remove it')
    return auth, _oauth2(table)


def _oauth2(table: Table) -> OAuth2:
    if table.has("oauth2_token_command"):
        from replywatch.config.schema import _argv  # schema imports this module

        command = _argv(table, "oauth2_token_command")
        for key in _PROVIDER_KEYS:
            if table.has(key):
                table.problem(key, "conflicts with oauth2_token_command; "
                                   "the command gives the access token")
        return OAuth2(token_command=command)
    if not table.has("provider"):
        table.problem("provider", 'required key missing with auth = "oauth2": "google", '
                                  '"microsoft" or "custom" (or give oauth2_token_command)',
                      at="auth")
        return OAuth2()
    provider = table.get_choice("provider", PROVIDERS, "custom")
    urls = {key: _url(table, key) for key in _URL_KEYS if table.has(key)}
    if "provider" in table.bad:
        pass  # an unknown provider: its endpoints cannot be judged
    elif provider == "custom":
        for key in ("authorization_url", "token_url", "scope"):
            if not table.has(key):
                table.problem(key, 'required key missing with provider = "custom"',
                              at="provider")
    else:
        for key in urls:
            table.problem(key, f'only with provider = "custom"; {quote(provider)} has its own')
    if not table.has("client_id"):
        table.problem("client_id", "required key missing: your OAuth client's id (see the "
                                   "README)", at="provider")
    return OAuth2(
        provider=provider,
        client_id=table.get_str("client_id", ""),
        client_secret=_client_secret(table, provider),
        authorization_url=urls.get("authorization_url", ""),
        token_url=urls.get("token_url", ""),
        device_url=urls.get("device_url", ""),
        scope=_scope(table),
        tenant=_tenant(table, provider),
    )


def _tenant(table: Table, provider: str) -> str:
    tenant = table.get_str("tenant", "common")
    if table.has("tenant") and "tenant" not in table.bad:
        if provider != "microsoft":
            table.problem("tenant", 'only with provider = "microsoft"')
        elif not _TENANT.fullmatch(tenant):
            table.problem("tenant", "must be a tenant id, a domain or \"common\", got "
                                    f"{quote(tenant)}")
    return tenant


def _client_secret(table: Table, provider: str) -> PasswordSource | None:
    keyring = table.get_bool("client_secret_keyring", False)
    if not table.has("client_secret_command"):
        if provider == "google" and not keyring and "client_secret_keyring" not in table.bad:
            # Google's token endpoint refuses a Desktop app client without its secret.
            table.problem("client_secret_command", 'required with provider = "google" (or '
                          "client_secret_keyring = true): Google wants the Desktop app "
                          "client's secret", at="provider")
        return PasswordSource(kind="keyring") if keyring else None
    from replywatch.config.schema import _argv  # schema imports this module

    command = _argv(table, "client_secret_command")
    if keyring:
        table.problem("client_secret_keyring", "conflicts with client_secret_command; "
                                               "give at most one client secret source")
    return PasswordSource(kind="command", command=command)


def _url(table: Table, key: str) -> str:
    """Return the endpoint URL at ``key``: https, or http on a loopback address only."""
    url = table.get_str(key)
    if key in table.bad:
        return ""
    parts = urlsplit(url)
    loopback = parts.scheme == "http" and parts.hostname in _LOOPBACK
    if not (parts.scheme == "https" or loopback) or not parts.hostname:
        table.problem(key, "must be an https:// URL (http:// only on 127.0.0.1, ::1 or "
                           f"localhost), got {quote(url)}")
    return url


def _scope(table: Table) -> str:
    scope = table.get_str("scope", "")
    if table.has("scope") and "scope" not in table.bad:
        bad = [token for token in scope.split() if not _SCOPE_TOKEN.fullmatch(token)]
        if bad:
            table.problem("scope", f"not a scope: {quote(bad[0])}")
    return " ".join(scope.split())
