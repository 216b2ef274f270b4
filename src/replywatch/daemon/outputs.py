"""What the daemon keeps up to date besides alerts: the calendar feed and the digest.

Both are failures of their own: a feed that cannot be written or a digest that
cannot be sent is logged and tried again later, and never stops a pass.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from replywatch import log
from replywatch.alerts.deliver import Channel
from replywatch.alerts.digest import DigestSender
from replywatch.config import Config, default_store_path
from replywatch.config.timeinput import zone
from replywatch.report import data as report_data
from replywatch.report import ics
from replywatch.store import Store
from replywatch.store.book import Book


def calendar_path(config: Config) -> Path:
    """Return where the feed is kept: ``[calendar] path``, else next to the store."""
    if config.calendar.path is not None:
        return config.calendar.path
    store = config.store_path or default_store_path(os.environ)
    return store.parent / "replywatch.ics"


class Outputs:
    """The feed and the digest of one daemon."""

    def __init__(self, config: Config, store: Store, channels: Sequence[Channel]) -> None:
        self.config = config
        self.store = store
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
            ics.write_atomically(path, ics.feed(report_data.load(book), self.tz))
        except OSError as exc:
            if not self._failing:  # once per streak, like every other failure
                log.get(path=str(path)).warning("calendar_not_written", error=str(exc))
            self._failing = True
            return
        self._failing = False

    def on_tick(self, now: datetime) -> None:
        """Send the weekly digest when it is due and not yet sent."""
        self.digest.maybe_send(now)
