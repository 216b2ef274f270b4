"""`replywatch init` as a short guided set-up: the address, the server found for it,
the password into the keyring, a doctor run. Flags do the same without questions.

1. the email address (``--email``);
2. the server: a known provider, MX, SRV (RFC 6186) or autoconfig (``mail.autoconfig``),
   asked only where none of them answers (``--host``, ``--port``, ``--security``);
3. the password, never echoed and never written to the file: into the system keyring
   (``--password-stdin`` reads it from standard input, for scripts);
4. ``doctor``, so that a wrong password or a blocked port shows at once;
5. the next step: ``replywatch check`` reads the mailbox once and shows what it found.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from replywatch import config as cfg
from replywatch.core.domains import domain_of
from replywatch.errors import UserError
from replywatch.i18n import N_, _, ngettext
from replywatch.store.book import check_address

if TYPE_CHECKING:  # loaded by `init` itself: every command registers its arguments
    from replywatch.mail.autoconfig import Found, Server

_SECURITY = ("tls", "starttls", "plain")
_DEFAULT_PORT = {"tls": 993, "starttls": 143, "plain": 143}
_OAUTH_HINT = {
    "google": N_("Gmail takes an app password here (Google Account > Security > App "
                 "passwords; it needs 2-step verification), or OAuth2: set {auth} and run "
                 "`{command}` (README: Sign in with OAuth2)."),
    "microsoft": N_("Microsoft ended password sign-in for Outlook.com, and many Microsoft "
                    "365 tenants did too: if the password is refused, set {auth} and run "
                    "`{command}` (README: Sign in with OAuth2)."),
}


@dataclass
class Io:
    """How the set-up talks: a question with a default, a secret, a line of output."""

    ask: Callable[[str, str], str]
    ask_secret: Callable[[str], str]
    out: TextIO


def terminal_io() -> Io:
    """Return questions on the terminal; the password prompt does not echo."""
    def ask(question: str, default: str) -> str:
        shown = f" [{default}]" if default else ""
        answer = input(f"{question}{shown}: ").strip()
        return answer or default

    import getpass

    return Io(ask, lambda question: getpass.getpass(f"{question}: "), sys.stdout)


@dataclass(frozen=True)
class Choices:
    """What the set-up decided: the account as it goes into the config."""

    email: str
    name: str
    imap: Server
    username: str
    provider: str


def run(args: argparse.Namespace, io: Io, *, find: Callable[[str], Found | None] | None = None,
        environ: dict[str, str] | None = None) -> int:
    """Run the set-up; write the config; return the exit code of the doctor run (0 when
    skipped). Raise UserError for a bad answer, a missing flag, or an existing config."""
    env = dict(os.environ) if environ is None else environ
    path = cfg.resolve_config_path(args.config, env)
    if path.exists():
        raise UserError(_("{path} already exists; not overwriting").format(path=path),
                        hint=_("edit it, or check it with `{command}`").format(
                            command="replywatch config check"))
    interactive = args.email is None
    email = args.email if not interactive else _ask_email(io)
    check_address(email, what="--email")  # raises the one-line error
    from replywatch.mail import autoconfig

    choices = _server(email, args, io, interactive, find or autoconfig.find)
    password = _password(choices, args, io, interactive)
    _store_password(choices, password)
    _write_config(path, choices)
    io.out.write(_("wrote {path} (the password is in the keyring, not in the file)").format(
        path=path) + "\n")
    code = 0
    if not args.no_doctor:
        from replywatch.doctor import run_doctor

        io.out.write(_("checking the set-up:") + "\n")
        code = run_doctor(cfg.load_config(path), io.out)
        if code == 0:
            _first_look(path, io, env)
    io.out.write(_("next: `{accept}` (or {all}) adds what was found; `{check}` reads new "
                   "mail; `{run}` keeps watching (README: run it as a service)").format(
        accept="replywatch app accept ID", all="--all", check="replywatch check",
        run="replywatch run") + "\n")
    return code


def _first_look(path: Path, io: Io, env: dict[str, str]) -> None:
    """Read the lookback window once and show the applications found in it."""
    from datetime import UTC, datetime

    from replywatch.cli.passview import proposal_line
    from replywatch.config.timeinput import zone
    from replywatch.engine import run_pass
    from replywatch.store import Store

    config = cfg.load_config(path)
    days = max(a.lookback_days for a in config.accounts)
    io.out.write(ngettext("reading the last {days} day of mail (read-only) ...",
                          "reading the last {days} days of mail (read-only) ...", days).format(
        days=days) + "\n")
    store = Store.open(config.store_path or cfg.default_store_path(env))
    try:
        report = run_pass(config, store, datetime.now(UTC).replace(microsecond=0))
    finally:
        store.close()
    tz = zone(config.policy.timezone)
    if not report.proposed:
        io.out.write(_("no applications found in that mail; add yours with `{command}`").format(
            command="replywatch app add") + "\n")
        return
    count = len(report.proposed)
    io.out.write(ngettext("found {count} application in your mail:",
                          "found {count} applications in your mail:", count).format(
        count=count) + "\n")
    for found in report.proposed:
        io.out.write(f"  {proposal_line(found.id, found.proposal, tz)}\n")


def _ask_email(io: Io) -> str:
    for _attempt in range(3):
        email = io.ask(_("Your email address"), "").strip()
        try:
            check_address(email)
        except UserError:
            io.out.write("  " + _("{text} is not an email address (like {example})").format(
                text=repr(email), example="you@example.com") + "\n")
            continue
        return email
    raise UserError(_("no email address given"))


def _server(email: str, args: argparse.Namespace, io: Io, interactive: bool,
            find: Callable[[str], Found | None]) -> Choices:
    from replywatch.mail.autoconfig import Server

    domain = domain_of(email)
    name = domain.split(".")[0] or "mail"
    if args.host:
        security = args.security or "tls"
        imap = Server(args.host, args.port or _DEFAULT_PORT[security], security)
        return Choices(email, name, imap, args.username or email, "")
    found = find(email)
    if found is not None:
        io.out.write(_("found {provider} ({how}): IMAP {host}:{port} ({security})").format(
            provider=found.provider or _("your mail server"), how=_(found.how),
            host=found.imap.host, port=found.imap.port, security=found.imap.security) + "\n")
        if found.oauth in _OAUTH_HINT:
            io.out.write("  " + _(_OAUTH_HINT[found.oauth]).format(
                auth='auth = "oauth2"', command="replywatch login") + "\n")
        return Choices(email, name, found.imap, args.username or email, found.provider)
    if not interactive:
        raise UserError(_("cannot find the IMAP server of {domain}").format(domain=domain),
                        hint=_("give it with {host} (and {port}, {security})").format(
                            host="--host", port="--port", security="--security"))
    io.out.write(_("the IMAP server of {domain} could not be found; it is in your mail "
                   "provider's help pages").format(domain=domain) + "\n")
    host = io.ask(_("IMAP server"), f"imap.{domain}").strip()
    security = io.ask(_("Security ({choices})").format(choices="tls, starttls, plain"),
                      "tls").strip().lower()
    if security not in _SECURITY:
        raise UserError(_("{key}: must be tls, starttls or plain, got {text}").format(
            key="security", text=repr(security)))
    port_text = io.ask(_("Port"), str(_DEFAULT_PORT[security])).strip()
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise UserError(_("{key}: must be 1-65535, got {text}").format(
            key="port", text=repr(port_text)))
    username = io.ask(_("Login name"), email).strip() or email
    return Choices(email, name, Server(host, int(port_text), security), username, "")


def _password(choices: Choices, args: argparse.Namespace, io: Io, interactive: bool) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif interactive:
        password = io.ask_secret(_("Password for {username} (not shown)").format(
            username=choices.username))
    else:
        raise UserError(_("no password given"), hint=_("use {option} in scripts").format(
            option="--password-stdin"))
    if not password:
        raise UserError(_("the password is empty; nothing was written"))
    return password


def _store_password(choices: Choices, password: str) -> None:
    import keyring
    import keyring.errors

    from replywatch import log, secrets

    log.register_secret(password)
    user = secrets.keyring_user(choices.username, choices.imap.host)
    try:
        keyring.set_password(secrets.KEYRING_SERVICE, user, password)
    except keyring.errors.KeyringError as exc:
        raise UserError(_("cannot store the password in the keyring: {error}").format(
                            error=exc),
                        hint=_("is a Secret Service (e.g. gnome-keyring) running and "
                               "unlocked? Or set {key} in the config").format(
                            key="password_command")) from exc


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write_config(path: Path, choices: Choices) -> None:
    from replywatch.config.generate import starter_toml

    account = (
        "[[accounts]]\n"
        f"name = {_toml_string(choices.name)}\n"
        f"host = {_toml_string(choices.imap.host)}\n"
        f"port = {choices.imap.port}\n"
        f"security = {_toml_string(choices.imap.security)}\n"
        f"username = {_toml_string(choices.username)}\n"
        # Your own address tells your mail from theirs; a login name may not be one.
        + (f"addresses = [{_toml_string(choices.email)}]\n"
           if choices.username.lower() != choices.email.lower() else "")
        + "# The password is in the system keyring "
        f"(keyring set replywatch {choices.username}@{choices.imap.host}).\n"
    )
    cfg.write_config_text(path, account + "\n" + starter_toml())


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Add the set-up's flags to ``init``."""
    p.add_argument("--email", metavar="ADDRESS",
                   help="set up this address without questions (for scripts)")
    p.add_argument("--host", metavar="HOST", help="the IMAP server, when it cannot be found")
    p.add_argument("--port", type=int, metavar="PORT", help="its port (default by --security)")
    p.add_argument("--security", choices=_SECURITY, help="tls (default), starttls or plain")
    p.add_argument("--username", metavar="NAME", help="the login name (default: the address)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of standard input")
    p.add_argument("--no-doctor", action="store_true", help="do not check the set-up at the end")
    p.add_argument("--starter", action="store_true",
                   help="only write the commented starter file, ask nothing")
