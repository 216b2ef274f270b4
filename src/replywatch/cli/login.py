"""``replywatch login ACCOUNT``: sign in with OAuth2; the refresh token goes to the keyring.

The browser flow (authorization code, PKCE, loopback redirect) by default; the
device code with ``--device``, or by itself where no browser is at hand and the
provider offers it (Microsoft does; Google does not for mail). The refresh token
is stored under the account's user and host, and under the ``[alerts.email]``
host too when that signs in as the same user with the same OAuth client; it is
never printed, logged or written to a file.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from replywatch import config as cfg
from replywatch.config import Auth, OAuth2
from replywatch.errors import OAuthError, SecretError, UserError
from replywatch.i18n import _, pgettext

if TYPE_CHECKING:  # the flows load only for `login`: every other command starts faster
    import webbrowser

    from replywatch.oauth.tokens import TokenReply


@dataclass(frozen=True)
class Target:
    """Who signs in where: ``hosts`` share the one grant (IMAP, and SMTP if alike)."""

    what: str
    settings: OAuth2
    username: str
    hosts: tuple[str, ...]


def register(sub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add ``login`` to the subcommands ``sub`` with main's ``command`` helper."""
    p = command("login", cmd_login, "sign in to an OAuth2 account (Gmail, Outlook); the "
                "refresh token goes to the keyring", sub)
    p.add_argument("account", nargs="?", metavar="ACCOUNT", help="the account's name")
    p.add_argument("--alerts-email", action="store_true",
                   help="sign in the SMTP login of [alerts.email] instead")
    p.add_argument("--device", action="store_true",
                   help="sign in with a code typed on another device (Microsoft)")
    p.add_argument("--no-browser", action="store_true",
                   help="print the sign-in URL instead of opening a browser")
    p.add_argument("--port", type=int, default=0, metavar="N",
                   help="loopback port for the browser's redirect (default: any free one; "
                        "fix it to forward it with ssh -L N:127.0.0.1:N)")


def cmd_login(args: argparse.Namespace) -> int:
    """Sign the chosen account in and say where the refresh token went."""
    if not 0 <= args.port <= 65535:
        raise UserError(_("{option} must be 0-65535, got {value}").format(
            option="--port", value=args.port))
    config = cfg.load_config(cfg.resolve_config_path(args.config, os.environ))
    target = choose_target(config, args.account, alerts_email=args.alerts_email)
    browser = None if args.no_browser else _browser()
    reply = sign_in(target, device=args.device, browser=browser is not None,
                    open_url=(browser.open if browser is not None else _no_browser),
                    say=print, port=args.port)
    from replywatch.oauth.tokens import keyring_user

    users = ", ".join(repr(keyring_user(target.username, host)) for host in target.hosts)
    who = (_("signed in: {what} as {username} (scopes {scopes})") if reply.scope
           else _("signed in: {what} as {username}")).format(
        what=target.what, username=target.username, scopes=reply.scope)
    print(_("{who}; refresh token stored in the keyring (service {service}, user {users})")
          .format(who=who, service="'replywatch'", users=users))
    return 0


def choose_target(config: cfg.Config, name: str | None, *, alerts_email: bool) -> Target:
    """Return what ``login NAME`` (or ``login --alerts-email``) signs in.

    Raise UserError for an unknown account, one without OAuth2, or one whose
    tokens come from its own oauth2_token_command.
    """
    if alerts_email == (name is not None):
        raise UserError(_("name one account, or give {option}").format(option="--alerts-email"),
                        hint=_("usage: {usage}").format(
                            usage="replywatch login ACCOUNT | replywatch login --alerts-email"))
    email = config.alerts.email
    if alerts_email:
        if email is None or email.auth is not Auth.OAUTH2 or email.oauth2 is None:
            raise UserError(_("{section} does not sign in with OAuth2 ({setting})").format(
                section="[alerts.email]", setting='auth = "oauth2"'))
        return _checked(Target("[alerts.email]", email.oauth2, email.username, (email.host,)))
    account = next((a for a in config.accounts if a.name == name), None)
    if account is None:
        names = ", ".join(a.name for a in config.accounts) or pgettext("accounts", "none")
        raise UserError(_("no account named {name} in the config (accounts: {names})").format(
            name=repr(name), names=names))
    if account.auth is not Auth.OAUTH2 or account.oauth2 is None:
        raise UserError(_("account {name} signs in with a password").format(name=repr(name)),
                        hint=_("set {setting} and a provider in its {section} section").format(
                            setting='auth = "oauth2"', section="[[accounts]]"))
    hosts = [account.host]
    # One consent serves SMTP too when it is the same user and the same client.
    if (email is not None and email.oauth2 == account.oauth2
            and email.username == account.username and email.host not in hosts):
        hosts.append(email.host)
    what = _("account {name}").format(name=repr(name))
    return _checked(Target(what, account.oauth2, account.username, tuple(hosts)))


def _checked(target: Target) -> Target:
    if target.settings.token_command:
        raise UserError(_("{what} gets its tokens from {key}: sign in with that tool").format(
            what=target.what, key="oauth2_token_command"))
    return target


def sign_in(target: Target, *, device: bool, browser: bool, open_url: Callable[[str], bool],
            say: Callable[[str], None], port: int = 0, timeout: float | None = None,
            wait: Callable[[float], None] = time.sleep) -> TokenReply:
    """Run the browser or the device flow for ``target``; store the refresh token.

    ``device`` asks for the device flow; without a ``browser`` it is chosen where
    the provider offers it. Raise OAuthError if the flow fails or grants no
    refresh token, SecretError if the client secret cannot be read. ``timeout``
    defaults to ``flows.LOGIN_TIMEOUT``.
    """
    from replywatch.oauth import flows
    from replywatch.oauth.providers import endpoints
    from replywatch.oauth.tokens import client_secret, save_refresh_token

    ends = endpoints(target.settings)
    try:
        secret = client_secret(target.settings, target.what)
    except SecretError as exc:
        raise OAuthError(exc.problems, hint=exc.hint) from None
    client = flows.Client(target.settings.client_id, secret)
    if device or (not browser and ends.device_url):
        if not device:
            say(_("No browser found here: signing in with a code instead."))
        reply = flows.device_flow(ends, client, say=say, wait=wait)
    else:
        reply = flows.authorization_code_flow(ends, client, open_url=open_url, say=say,
                                              login_hint=target.username, port=port,
                                              timeout=flows.LOGIN_TIMEOUT if timeout is None
                                              else timeout)
    if reply.refresh_token is None:
        raise OAuthError(_("{provider} granted no refresh token, so replywatch could not "
                           "stay signed in").format(provider=ends.name),
                         hint=_("Microsoft: include {scope} in the scope; Google: remove the "
                                "app's access in your Google Account and sign in again").format(
                             scope="offline_access"))
    for host in target.hosts:
        save_refresh_token(target.username, host, reply.refresh_token)
    return reply


def _browser() -> webbrowser.BaseBrowser | None:
    import webbrowser  # here: only `login` opens a browser

    try:
        return webbrowser.get()
    except webbrowser.Error:
        return None


def _no_browser(url: str) -> bool:
    return False
