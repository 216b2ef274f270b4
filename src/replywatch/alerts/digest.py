"""The weekly digest: the week's numbers, what is due this week, what went quiet.

Sent once per ISO week on the channels of ``[digest]`` that are set up, at the
configured day and time or at the first tick after it (a machine that slept
through Monday morning sends it when it wakes); never for a week whose digest was
due before the service first ran. It goes through the alert ledger
under the key ``digest:YYYY-Www``, so a restart never sends it twice; the email
carries the HTML report as an attachment.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta, tzinfo

from replywatch import log
from replywatch.alerts import AlertChannelError
from replywatch.alerts.deliver import Channel
from replywatch.alerts.render import RenderedAlert
from replywatch.config import Config
from replywatch.config.model import WEEKDAYS
from replywatch.core.model import ActionKind
from replywatch.core.report import week_of
from replywatch.core.timeutil import from_wall_clock
from replywatch.i18n import _, ngettext
from replywatch.report import data as report_data
from replywatch.report import html
from replywatch.store import Store, ledger, parse_utc, utc_text
from replywatch.store.book import Book, app_name, describe


def week_key(now: datetime, tz: tzinfo) -> str:
    """Return the ledger key of the digest of the week holding ``now``."""
    year, week, _ = now.astimezone(tz).isocalendar()
    return f"digest:{year}-W{week:02d}"


def due_moment(now: datetime, tz: tzinfo, day: str, at: time) -> datetime:
    """Return when this week's digest is due: weekday ``day`` at ``at`` in the local
    week holding ``now``."""
    monday = week_of(now, tz)
    local = datetime.combine(monday + timedelta(days=WEEKDAYS.index(day)), at)
    return from_wall_clock(local, tz)


def compose(book: Book, tz: tzinfo, max_follow_ups: int) -> tuple[str, str, bytes]:
    """Return the digest's title, its text, and the report page (HTML bytes)."""
    now = book.now
    data = report_data.load(book)
    monday = week_of(now, tz)
    week_start = from_wall_clock(datetime.combine(monday, datetime.min.time()), tz)
    last_week = week_start - timedelta(days=7)
    sent = sum(1 for a in data.apps if last_week <= a.applied_at < week_start)
    replies = sum(1 for f in data.facts
                  if f.first_reply is not None and last_week <= f.first_reply < week_start)
    interviews = sum(1 for a in data.apps for i in a.interviews
                     if last_week <= i.start < week_start)
    week_end = week_start + timedelta(days=7)
    due = [(a, x) for a, x in data.due if x.due < week_end]
    quiet = [a for a, x in data.due if x.kind is ActionKind.GHOSTED and x.due < week_end]
    lines = [_("Last week: {sent}, {replies}, {interviews}.").format(
        sent=ngettext("{count} application sent", "{count} applications sent",
                      sent).format(count=sent),
        replies=ngettext("{count} reply", "{count} replies", replies).format(count=replies),
        interviews=ngettext("{count} interview", "{count} interviews",
                            interviews).format(count=interviews)), ""]
    lines.append(_("Due this week:") if due else _("Nothing is due this week."))
    lines += [f"  - {describe(a, x, now, tz)}" for a, x in due[:20]]
    if len(due) > 20:
        lines.append(_("  ... and {count} more (replywatch status)").format(count=len(due) - 20))
    if quiet:
        lines += ["", _("Gone quiet (silence is an answer; it is fine to move on):")]
        lines += [f"  - {app_name(a)}" for a in quiet[:10]]
    open_count = sum(1 for a in data.apps if not a.stage.is_closed)
    title = _("Your job search this week: {open} open, {due} due").format(open=open_count,
                                                                         due=len(due))
    page = html.render(data, tz, max_follow_ups=max_follow_ups).encode("utf-8")
    return title, "\n".join(lines), page



class DigestSender:
    """Sends the weekly digest on the chosen channels, once per week."""

    def __init__(self, config: Config, store: Store, channels: Sequence[Channel],
                 tz: tzinfo) -> None:
        self.config = config
        self.store = store
        self.tz = tz
        wanted = set(config.digest.channels)
        # Only channels that are set up; the default "email" is skipped without [alerts.email].
        self.channels = [c for c in channels if c.name in wanted]

    def next_moment(self, now: datetime) -> datetime | None:
        """Return the next moment a digest falls due after ``now``, or None when no
        channel takes it."""
        if not self.channels:
            return None
        digest = self.config.digest
        due = due_moment(now, self.tz, digest.day, digest.time)
        return due if due > now else due_moment(now + timedelta(days=7), self.tz,
                                                digest.day, digest.time)

    def maybe_send(self, now: datetime) -> bool:
        """Send this week's digest if it is due and not yet sent on every channel;
        return True when something was sent."""
        if not self.channels:
            return False
        digest = self.config.digest
        due = due_moment(now, self.tz, digest.day, digest.time)
        since = ledger.get_meta(self.store, "digest_since")
        if since is None:
            # The first tick ever: start counting weeks from here, so that installing
            # on a Thursday does not send last Monday's digest at once.
            ledger.set_meta(self.store, "digest_since", utc_text(now))
            return False
        if now < due or due < parse_utc(since):
            return False
        key = week_key(now, self.tz)
        done = ledger.delivered_channels(self.store, key)
        todo = [c for c in self.channels if c.name not in done]
        if not todo:
            return False
        book = Book(self.store, self.config.policy, self.tz, now)
        title, body, page = compose(book, self.tz, self.config.policy.max_follow_ups)
        ledger.record_key(self.store, key, "digest", now, now)
        alert = RenderedAlert(
            key=key, kind="digest", app_id=0, title=title, body=body,
            email_subject=f"[replywatch] {title}", email_body=body + "\n",
            payload={"kind": "digest", "title": title, "body": body},
            attachments=(("replywatch-report.html", "text/html", page),))
        sent = False
        for channel in todo:
            try:
                channel.send(alert, None)
            except AlertChannelError as exc:
                log.get(channel=channel.name).warning("digest_failed", error=exc.problems[0])
                continue
            ledger.mark_delivered(self.store, key, channel.name, now, None)
            log.get(channel=channel.name).info("digest_sent", key=key)
            sent = True
        return sent
