"""The notice of applications found in the mailbox: one per pass, on every channel,
once (through the alert ledger), with "Review", "Add all" and "Dismiss" on the
desktop. What a click does is the daemon's (it must match mail after an accept).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from replywatch import log
from replywatch.alerts import AlertChannelError
from replywatch.alerts.deliver import Channel
from replywatch.alerts.render import RenderedAlert
from replywatch.core.text import clean_line
from replywatch.i18n import N_, _, ngettext, short_day
from replywatch.store import Store, ledger, proposals

KEY_PREFIX = "proposals:"
ACTIONS = (("review", N_("Review")), ("accept_all", N_("Add all")),
           ("dismiss_all", N_("Dismiss")))


def render_found(found: Sequence[proposals.Stored]) -> RenderedAlert:
    """Return the notice of these proposals: "2 new applications found: Acme, Globex"."""
    names = [clean_line(s.proposal.company, 40) for s in found]
    shown = ", ".join(names[:4])
    if len(names) > 4:
        shown = _("{names} and {count} more").format(names=shown, count=len(names) - 4)
    title = ngettext("{count} new application found: {names}",
                     "{count} new applications found: {names}", len(found)).format(
        count=len(found), names=shown)
    lines = [_line(s) for s in found]
    body = _("Found in your mail. Add them, or dismiss the wrong ones.")
    commands = "replywatch app proposals; replywatch app accept --all; app dismiss ID"
    key = KEY_PREFIX + ",".join(str(s.id) for s in found)
    return RenderedAlert(
        key=key, kind="proposals", app_id=0, title=clean_line(title, 120), body=body,
        email_subject=f"[replywatch] {clean_line(title, 160)}",
        email_body="\n".join([body, "", *lines, "", _("Review: {commands}").format(
            commands=commands), ""]),
        payload={"kind": "proposals", "title": title, "body": body,
                 "proposals": [{"id": s.id, "company": s.proposal.company,
                                "role": s.proposal.role, "contact": s.proposal.contact}
                               for s in found]},
        actions=tuple((name, _(label)) for name, label in ACTIONS),
        no_actions_text=commands)


def _line(stored: proposals.Stored) -> str:
    """Return one proposal as a line: "- Acme (Engineer): a job site's receipt, Fri 27 Nov"."""
    proposal = stored.proposal
    company = clean_line(proposal.company, 60)
    if proposal.role:
        company = _("{company} ({role})").format(company=company,
                                                 role=clean_line(proposal.role, 60))
    template = _SOURCES.get(proposal.source, _FROM_MAIL)
    return _(template).format(company=company, date=short_day(proposal.applied))


# Where a proposal was found, by its source ("relay", "board", "sent").
_SOURCES = {
    "relay": N_("- {company}: a receipt from their hiring system, {date}"),
    "board": N_("- {company}: a job site's receipt, {date}"),
    "sent": N_("- {company}: your own application email, {date}"),
}
_FROM_MAIL = N_("- {company}: found in your mail, {date}")


def notify_found(store: Store, channels: Sequence[Channel], now: datetime) -> int:
    """Tell of the proposals not told yet, in one notice; return how many."""
    with store.tx():
        found = proposals.unnotified(store)
    if not found:
        return 0
    alert = render_found(found)
    ledger.record_key(store, alert.key, alert.kind, now, now)
    for channel in channels:
        try:
            notification_id = channel.send(alert, None)
        except AlertChannelError as exc:
            log.get(channel=channel.name).warning("channel_failed", error=exc.problems[0])
            continue
        ledger.mark_delivered(store, alert.key, channel.name, now, notification_id)
    log.get().info("proposals_told", count=len(found))
    return len(found)


def proposals_of_notification(store: Store, notification_id: int) -> list[int] | None:
    """Return the proposal ids behind a desktop notice, or None when it is no notice
    of found applications."""
    key = ledger.key_of_notification(store, notification_id)
    if key is None or not key.startswith(KEY_PREFIX):
        return None
    return [int(part) for part in key[len(KEY_PREFIX):].split(",") if part.isdigit()]
