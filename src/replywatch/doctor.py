"""``replywatch doctor``: check every part of the set-up, one pass/fail line each.

The marks ``[pass]``, ``[FAIL]`` and ``[warn]`` stay as they are in every language
(scripts look for them); what follows them is in the user's language, but for the
errors of servers and libraries, which are quoted as they came.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from replywatch import secrets
from replywatch.config import Account, Auth, Config, default_store_path
from replywatch.errors import UserError
from replywatch.i18n import _, ngettext
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
    report.line(True, _("config"), ngettext(
        "{path}: {count} account, channels {channels}",
        "{path}: {count} accounts, channels {channels}", len(config.accounts)).format(
        path=config.path or _("defaults"), count=len(config.accounts),
        channels=", ".join(config.alerts.channels) or _("none")))
    store_path = config.store_path or default_store_path(os.environ)

    def store_check() -> str:
        store = Store.open(store_path)
        try:
            aside = _set_aside_text(store)
            count = len(store.applications())
            return ngettext("{path} (schema {schema}, {count} open application{aside})",
                            "{path} (schema {schema}, {count} open applications{aside})",
                            count).format(path=store_path, schema=store.schema_version,
                                          count=count, aside=aside)
        finally:
            store.close()

    report.step(_("store"), store_check)
    if not config.accounts:
        report.warn(_("accounts"), _(
            "none in {where}: no mail is read; add an [[accounts]] section (`replywatch "
            "init` writes a starter)").format(
            where=config.path or _("the config (there is no file)")))
    for account in config.accounts:
        _account(account, report, drafts=config.drafts_on(account))
    _channels(config, report)
    if send_test:
        _send_test(config, report)
    warned = ngettext(", {count} warning", ", {count} warnings", report.warnings).format(
        count=report.warnings) if report.warnings else ""
    summary = (_("all checks passed{warnings}") if report.failures == 0 else ngettext(
        "{count} check failed{warnings}", "{count} checks failed{warnings}", report.failures))
    out.write(summary.format(count=report.failures, warnings=warned) + "\n")
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
    return ngettext(", {count} message set aside: {where}{more}",
                    ", {count} messages set aside: {where}{more}", total).format(
        count=total, where=where, more=more)


def _account(account: Account, report: _Report, *, drafts: bool = False) -> None:
    from replywatch.mail.imap import ImapMailbox

    what = _("account {name}").format(name=repr(account.name))
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
            raise UserError(_("drafts = true, but the account has no Drafts folder"),
                            hint=_("create one in your mail client, or turn drafts off"))
        roles = ", ".join(f"{f.role}={f.name}" for f in folders)
        roles += f", drafts={drafts_folder}" if drafts_folder else ""
        return _("login ok on {host}:{port} ({security}); capabilities {capabilities}; "
                 "folders {folders}").format(
            host=account.host, port=account.port, security=account.security.value,
            capabilities=" ".join(caps) or _("none of IDLE/CONDSTORE"), folders=roles)

    step = _("password") if account.auth is Auth.PASSWORD else _("OAuth2 sign-in")
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
            return _("notification server on the session bus; capabilities "
                     "{capabilities}").format(capabilities=" ".join(caps))

        report.step(_("desktop notifications"), desktop)
    if "email" in channels and config.alerts.email is not None:
        settings = config.alerts.email

        def email() -> str:
            from replywatch.alerts.email import check_login

            password = email_credential(settings)
            check_login(settings, password)
            tokens = "" if password is None or isinstance(password, str) else (
                f"; OAuth2: {token_state(password)}")
            login = _(", logged in as {user}").format(
                user=settings.username) if settings.username else ""
            return f"{settings.host}:{settings.port} ({settings.security.value})" + login + tokens

        report.step(_("email (SMTP)"), email)
    if "command" in channels and config.alerts.command is not None:
        argv = config.alerts.command.argv

        def command() -> str:
            found = shutil.which(argv[0])
            if found is None:
                raise UserError(_("[alerts.command] argv: {command} not found").format(
                    command=repr(argv[0])))
            return found

        report.step(_("command"), command)


def _send_test(config: Config, report: _Report) -> None:
    from replywatch.alerts.deliver import Alerter, make_channels
    from replywatch.store import Store

    store = Store.open(config.store_path or default_store_path(os.environ))
    try:
        alerter = Alerter(config, store, make_channels(config))
        for channel, error in alerter.send_test(datetime.now(UTC)).items():
            report.line(error is None, _("test alert on {channel}").format(channel=channel),
                        error or _("sent"))
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
        parts.append(_("access token expires in {minutes} min").format(
            minutes=max(0, round(state.expires_in / 60))))
    if state.last_refresh is not None:
        when = datetime.fromtimestamp(state.last_refresh, UTC)
        parts.append(_("last refresh {when} UTC").format(when=f"{when:%Y-%m-%d %H:%M:%S}"))
    if state.scopes:
        parts.append(_("scopes {scopes}").format(scopes=" ".join(state.scopes)))
    return "; ".join(parts)
