"""What the daemon tells the user about itself: a store it cannot write, a
password the server refuses. Sent on every channel; never through the alert
ledger's per-application keys, since such a notice belongs to no application.
"""

from __future__ import annotations

from collections.abc import Sequence

from replywatch import log, secrets
from replywatch.alerts import AlertChannelError
from replywatch.alerts.deliver import Channel
from replywatch.alerts.render import RenderedAlert
from replywatch.config import Account


def notice(kind: str, key: str, title: str, body: str) -> RenderedAlert:
    """Return a notice about replywatch itself as an alert every channel can show."""
    return RenderedAlert(key=key, kind=kind, app_id=0, title=title, body=body,
                         email_subject=f"[replywatch] {title}", email_body=body + "\n",
                         payload={"kind": kind, "title": title, "body": body})


def send(channels: Sequence[Channel], alert: RenderedAlert) -> int:
    """Send a notice on every channel; return on how many it went out."""
    sent = 0
    for channel in channels:
        try:
            channel.send(alert, None)
            sent += 1
        except AlertChannelError as exc:
            log.get(channel=channel.name).warning("channel_failed", error=exc.problems[0])
    return sent


def signin_paused(account: Account, refusals: int, pause_minutes: int) -> RenderedAlert:
    """Return the one actionable notice for a password refused ``refusals`` times."""
    title = f"replywatch cannot sign in to {account.name}"
    fix = secrets.how_to_update(account.password, account.username, account.host)
    body = (f"replywatch cannot sign in to {account.name}: the password was refused "
            f"{refusals} times; {fix}."
            f"\nreplywatch tries again every {pause_minutes} minutes.")
    return notice("signin_failed", f"signin:{account.name}", title, body)


def signin_resumed(account: Account) -> RenderedAlert:
    """Return the notice that an account signs in again."""
    title = f"replywatch can sign in to {account.name} again"
    return notice("signin_ok", f"signin-ok:{account.name}", title,
                  f"The password for {account.name} works again; replywatch reads the mail.")


def store_failed(problem: str) -> RenderedAlert:
    """Return the notice that the store cannot be written."""
    title = "replywatch cannot write its store"
    return notice("store_failed", "store", title,
                  f"{problem}\nreplywatch keeps running and retries; no mail is lost.")
