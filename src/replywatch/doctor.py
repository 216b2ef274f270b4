"""``replywatch doctor``: check every part of the set-up, one pass/fail line each."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from replywatch import secrets
from replywatch.config import Account, Auth, Config, default_store_path
from replywatch.errors import UserError
from replywatch.oauth.sources import AccessTokens, Credential, email_credential, login_credential

if TYPE_CHECKING:
    from replywatch.store import Store


class _Report:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.failures = 0
        self.warnings = 0

    def warn(self, what: str, detail: str) -> None:
        """A line that fails nothing yet says the set-up will not do its job."""
        self.warnings += 1
        self.out.write(f"[warn] {what}: {detail}\n")

    def line(self, ok: bool, what: str, detail: str = "") -> None:
        self.failures += 0 if ok else 1
        mark = "pass" if ok else "FAIL"
        self.out.write(f"[{mark}] {what}" + (f": {detail}" if detail else "") + "\n")

    def step(self, what: str, check: Callable[[], str]) -> bool:
        """Run one check; a UserError is its failure, with the error's first line."""
        try:
            detail = check()
        except UserError as exc:
            self.line(False, what, exc.problems[0] + (f" ({exc.hint})" if exc.hint else ""))
            return False
        self.line(True, what, detail)
        return True


def run_doctor(config: Config, out: TextIO, *, send_test: bool = False) -> int:
    """Given a loaded config, check it all; return 0 if every check passed, else 1.

    A warning (no account configured) is printed but fails nothing.
    """
    from replywatch.store import Store

    report = _Report(out)
    report.line(True, "config", f"{config.path or 'defaults'}: {len(config.accounts)} "
                f"account(s), channels {', '.join(config.alerts.channels) or 'none'}")
    store_path = config.store_path or default_store_path(os.environ)

    def store_check() -> str:
        store = Store.open(store_path)
        try:
            aside = _set_aside_text(store)
            return f"{store_path} (schema {store.schema_version}, " \
                   f"{len(store.applications())} open application(s){aside})"
        finally:
            store.close()

    report.step("store", store_check)
    if not config.accounts:
        report.warn("accounts", f"none in {config.path or 'the config (there is no file)'}: "
                    "no mail is read; add an [[accounts]] section (`replywatch init` writes "
                    "a starter)")
    for account in config.accounts:
        _account(account, report, drafts=config.drafts_on(account))
    _channels(config, report)
    if send_test:
        _send_test(config, report)
    warned = f", {report.warnings} warning(s)" if report.warnings else ""
    out.write(f"all checks passed{warned}\n" if report.failures == 0
              else f"{report.failures} check(s) failed{warned}\n")
    return 0 if report.failures == 0 else 1


def _set_aside_text(store: Store) -> str:
    """Return ", N message(s) set aside: where" for the store line, or "" when none.

    Not a failure: each was logged once and skipped so the rest of the mail flows.
    """
    from replywatch.core.text import clean_line
    from replywatch.store import setaside

    total = setaside.count(store)
    if not total:
        return ""
    latest = setaside.listing(store, 3)
    where = "; ".join(f"{m.account} {clean_line(m.folder, 40)} UID {m.uid}" for m in latest)
    more = ", ..." if total > len(latest) else ""
    return f", {total} message(s) set aside: {where}{more}"


def _account(account: Account, report: _Report, *, drafts: bool = False) -> None:
    from replywatch.mail.imap import ImapMailbox

    what = f"account {account.name!r}"
    password: list[Credential] = []

    def secret() -> str:
        password.append(login_credential(account))
        if isinstance(password[0], str):
            return secrets.describe(account.password, account.username, account.host)
        return token_state(password[0])

    def imap() -> str:
        mailbox = ImapMailbox(account, password[0])
        mailbox.connect()
        try:
            caps = [c for c in ("IDLE", "CONDSTORE", "X-GM-EXT-1") if c in mailbox.capabilities]
            folders = mailbox.folders()
            # Drafts on: the folder they go to must exist; replywatch never creates it.
            drafts_folder = mailbox.drafts_folder() if drafts else None
        finally:
            mailbox.close()
        if drafts and drafts_folder is None:
            raise UserError("drafts = true, but the account has no Drafts folder",
                            hint="create one in your mail client, or turn drafts off")
        roles = ", ".join(f"{f.role}={f.name}" for f in folders)
        roles += f", drafts={drafts_folder}" if drafts_folder else ""
        return (f"login ok on {account.host}:{account.port} ({account.security.value}); "
                f"capabilities {' '.join(caps) or 'none of IDLE/CONDSTORE'}; folders {roles}")

    step = "password" if account.auth is Auth.PASSWORD else "OAuth2 sign-in"
    if report.step(f"{what}: {step}", secret):
        report.step(f"{what}: IMAP", imap)


def _channels(config: Config, report: _Report) -> None:
    channels = config.alerts.channels
    if "desktop" in channels:
        def desktop() -> str:
            from replywatch.alerts.desktop import DesktopNotifier

            with DesktopNotifier() as notifier:
                ok, reason = notifier.available()
                if not ok:
                    raise UserError(reason)
                caps = sorted(notifier.capabilities())
            return f"notification server on the session bus; capabilities {' '.join(caps)}"

        report.step("desktop notifications", desktop)
    if "email" in channels and config.alerts.email is not None:
        settings = config.alerts.email

        def email() -> str:
            from replywatch.alerts.email import check_login

            password = email_credential(settings)
            check_login(settings, password)
            tokens = "" if password is None or isinstance(password, str) else (
                f"; OAuth2: {token_state(password)}")
            return f"{settings.host}:{settings.port} ({settings.security.value})" + (
                f", logged in as {settings.username}" if settings.username else "") + tokens

        report.step("email (SMTP)", email)
    if "command" in channels and config.alerts.command is not None:
        argv = config.alerts.command.argv

        def command() -> str:
            found = shutil.which(argv[0])
            if found is None:
                raise UserError(f"[alerts.command] argv: {argv[0]!r} not found")
            return found

        report.step("command", command)


def _send_test(config: Config, report: _Report) -> None:
    from replywatch.alerts.deliver import Alerter, make_channels
    from replywatch.store import Store

    store = Store.open(config.store_path or default_store_path(os.environ))
    try:
        alerter = Alerter(config, store, make_channels(config))
        for channel, error in alerter.send_test(datetime.now(UTC)).items():
            report.line(error is None, f"test alert on {channel}", error or "sent")
    finally:
        store.close()


def token_state(tokens: AccessTokens) -> str:
    """Given a token source that just gave a token, return its state in one line:
    where tokens come from, when the current one expires, the last refresh, scopes.
    """
    tokens.token()
    state = tokens.state()
    parts = [state.source]
    if state.expires_in is not None:
        parts.append(f"access token expires in {max(0, round(state.expires_in / 60))} min")
    if state.last_refresh is not None:
        when = datetime.fromtimestamp(state.last_refresh, UTC)
        parts.append(f"last refresh {when:%Y-%m-%d %H:%M:%S} UTC")
    if state.scopes:
        parts.append(f"scopes {' '.join(state.scopes)}")
    return "; ".join(parts)
