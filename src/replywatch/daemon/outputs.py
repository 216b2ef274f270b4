"""What the daemon keeps up to date besides alerts: the calendar feed and the digest.

Both are failures of their own: a feed that cannot be written or a digest that
cannot be sent is logged and tried again later, and never stops a pass.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from replywatch import log
from replywatch.alerts import found
from replywatch.alerts.deliver import Channel
from replywatch.alerts.digest import DigestSender
from replywatch.config import Config
from replywatch.config.timeinput import zone
from replywatch.engine import rematch
from replywatch.report import data as report_data
from replywatch.report import ics
from replywatch.store import Store, proposals
from replywatch.store.book import Book


def calendar_path(config: Config) -> Path:
    """Return where the feed is kept: ``[calendar] path``, else next to the store."""
    return config.calendar.path or ics.beside_store(config, "replywatch.ics")


class Outputs:
    """The feed and the digest of one daemon."""

    def __init__(self, config: Config, store: Store, channels: Sequence[Channel], *,
                 opener: Callable[[str], object] = webbrowser.open) -> None:
        self.config = config
        self.store = store
        self.channels = channels
        self._opener = opener
        self.tz = zone(config.policy.timezone)
        self.digest = DigestSender(config, store, channels, self.tz)
        self._failing = False

    def after_pass(self, now: datetime) -> None:
        """Rewrite the calendar feed (when it is on)."""
        if not self.config.calendar.enabled:
            return
        path = calendar_path(self.config)
        book = Book(self.store, self.config.policy, self.tz, now)
        try:
            ics.write_atomically(path, ics.feed(report_data.load(book, with_facts=False), self.tz))
        except OSError as exc:
            if not self._failing:  # once per streak, like every other failure
                log.get(path=str(path)).warning("calendar_not_written", error=str(exc))
            self._failing = True
            return
        self._failing = False

    def on_tick(self, now: datetime) -> None:
        """Send the weekly digest when it is due and not yet sent."""
        self.digest.maybe_send(now)

    def next_moment(self, now: datetime) -> datetime | None:
        """Return when ``on_tick`` next has something to do (the digest), or None."""
        return self.digest.next_moment(now)

    def tell_found(self, now: datetime) -> None:
        """Send one notice of the applications found since the last one."""
        found.notify_found(self.store, self.channels, now)

    def on_action(self, notification_id: int, action: str, now: datetime) -> bool:
        """Apply a click on a notice of found applications; return True if it was one.

        "accept_all" adds them (matched to their mail at once), "dismiss_all" drops
        them for good, "review" opens the report, which lists them.
        """
        ids = found.proposals_of_notification(self.store, notification_id)
        if ids is None:
            return False
        waiting = proposals.of_ids(self.store, ids)
        logger = log.get(action=action, proposals=len(waiting))
        if action == "accept_all":
            with self.store.tx():
                for stored in waiting:
                    proposals.accept(self.store, stored, now)
            rematch(self.config, self.store)
        elif action == "dismiss_all":
            with self.store.tx():
                for stored in waiting:
                    proposals.mark(self.store, stored.id, "dismissed")
        elif action == "review":
            self._open_report(now)
        else:
            return False
        logger.info("proposals_action")
        return True

    def _open_report(self, now: datetime) -> None:
        from replywatch.report import html

        book = Book(self.store, self.config.policy, self.tz, now)
        path = ics.beside_store(self.config, "report.html")
        page = html.render(report_data.load(book), self.tz,
                           max_follow_ups=self.config.policy.max_follow_ups)
        try:
            ics.write_atomically(path, page.encode("utf-8"))
        except OSError as exc:
            log.get(path=str(path)).warning("report_not_written", error=str(exc))
            return
        self._opener(path.resolve().as_uri())
