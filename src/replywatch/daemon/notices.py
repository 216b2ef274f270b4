"""What the daemon tells the user about itself: a store it cannot write, a
password the server refuses, a config it cannot reload. Sent on every channel;
never through the alert ledger's per-application keys, since such a notice
belongs to no application.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from replywatch import log, secrets
from replywatch.alerts.deliver import Channel, broadcast
from replywatch.alerts.render import RenderedAlert
from replywatch.config import Account, Config, load_config
from replywatch.daemon.sdnotify import SystemdNotifier
from replywatch.errors import UserError
from replywatch.i18n import _, ngettext
from replywatch.store.faults import StoreFault


def notice(kind: str, key: str, title: str, body: str) -> RenderedAlert:
    """Return a notice about replywatch itself as an alert every channel can show."""
    return RenderedAlert(key=key, kind=kind, app_id=0, title=title, body=body,
                         email_subject=f"[replywatch] {title}", email_body=body + "\n",
                         payload={"kind": kind, "title": title, "body": body})


def signin_paused(account: Account, refusals: int, pause_minutes: int) -> RenderedAlert:
    """Return the one actionable notice for a password refused ``refusals`` times."""
    title = _("replywatch cannot sign in to {account}").format(account=account.name)
    fix = secrets.how_to_update(account.password, account.username, account.host)
    refused = ngettext("replywatch cannot sign in to {account}: the password was refused "
                       "{count} time; {fix}.",
                       "replywatch cannot sign in to {account}: the password was refused "
                       "{count} times; {fix}.", refusals)
    again = ngettext("replywatch tries again every {count} minute.",
                     "replywatch tries again every {count} minutes.", pause_minutes)
    body = "\n".join([refused.format(account=account.name, count=refusals, fix=fix),
                      again.format(count=pause_minutes)])
    return notice("signin_failed", f"signin:{account.name}", title, body)


def signin_resumed(account: Account) -> RenderedAlert:
    """Return the notice that an account signs in again."""
    title = _("replywatch can sign in to {account} again").format(account=account.name)
    body = _("The password for {account} works again; replywatch reads the mail.").format(
        account=account.name)
    return notice("signin_ok", f"signin-ok:{account.name}", title, body)


def store_failed(problem: str) -> RenderedAlert:
    """Return the notice that the store cannot be written."""
    title = _("replywatch cannot write its store")
    return notice("store_failed", "store", title, "\n".join(
        [problem, _("replywatch keeps running and tries again; no mail is lost.")]))


class StoreHealth:
    """A store fault is reported once per streak (log, STATUS=, a notice on every
    channel) and its end once (log).
    """

    def __init__(self) -> None:
        self.problem: str | None = None

    @property
    def failing(self) -> bool:
        """Return True while the last attempt to use the store failed."""
        return self.problem is not None

    def failed(self, fault: StoreFault, channels: Sequence[Channel],
               notifier: SystemdNotifier) -> None:
        """Report ``fault``, unless this streak was reported already."""
        if self.problem is not None:
            log.get().debug("store_retry_failed", kind=fault.kind)
            return
        self.problem = problem = fault.problems[0]
        log.get().error("store_failed", error=problem, kind=fault.kind)
        notifier.status(f"store failing: {problem}")
        broadcast(channels, store_failed(problem))

    def ok(self) -> None:
        """Note a pass that went through: a failing streak ends."""
        if self.problem is not None:
            self.problem = None
            log.get().info("store_recovered")


def read_config(path: Path | None, notifier: SystemdNotifier) -> Config | None:
    """Given the running config's path, return the file read again; return None and
    report every problem (file:line, as ``reload_failed`` log lines and STATUS=) if
    it is broken: the caller keeps the running config.
    """
    try:
        if path is None:
            raise UserError("no config file to reload: replywatch runs on defaults")
        return load_config(path)
    except UserError as exc:
        for problem in exc.problems:
            log.get().error("reload_failed", error=problem)
        notifier.notify(READY=1, STATUS=f"config not reloaded: {exc.problems[0]}")
        return None
