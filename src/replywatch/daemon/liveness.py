"""Is the worker alive? The answer that feeds systemd's watchdog.

A timer thread that pings the watchdog proves only that a timer runs. Here the
worker beats a ``Pulse`` as it loops, and marks the stretches it spends waiting
on the network (an IMAP command, an SMTP send, a D-Bus call), each bounded by
its own timeout. The worker counts as alive while it beats, or while it waits on
the network for less than ``network_limit``: a server that hangs keeps the
watchdog fed (the call's timeout ends it), a worker stuck in its own code (a
runaway loop, a deadlock) stops it, and systemd restarts the service.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from replywatch.alerts.render import RenderedAlert
from replywatch.core.model import Application, FolderState, RawMessage
from replywatch.engine import Mailbox
from replywatch.mail.folders import Folder


class Pulse:
    """The worker's heartbeat on a never-stepping clock."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._last = clock()
        self._waiting_since: float | None = None
        self._depth = 0
        self._resting = False

    def beat(self) -> None:
        """Note that the worker made progress just now."""
        with self._lock:
            self._last = self._clock()

    @contextmanager
    def waiting(self) -> Iterator[None]:
        """Mark the block as a wait on something outside the worker, bounded by its
        own timeout: the network, or new work. The block's end is a beat.
        """
        with self._lock:
            if self._depth == 0:
                self._waiting_since = self._clock()
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0:
                    self._waiting_since = None
                self._last = self._clock()

    @contextmanager
    def resting(self) -> Iterator[None]:
        """Mark the block as the worker's wait for new work, which may last hours (the
        next job may be that far off) and is alive all along. The block's end is a beat.
        """
        with self._lock:
            self._resting = True
        try:
            yield
        finally:
            with self._lock:
                self._resting = False
                self._last = self._clock()

    def alive(self, hang_after: float, network_limit: float) -> bool:
        """Return True if the worker rests (waits for work), beat within ``hang_after``
        seconds, or has been waiting on the network for less than ``network_limit``
        seconds.
        """
        with self._lock:
            if self._resting:
                return True
            now = self._clock()
            if self._waiting_since is not None:
                return now - self._waiting_since < network_limit
            return now - self._last < hang_after


class WrappedMailbox:
    """A mailbox that stands for another: its command count is the inner one's, and
    what it does not define itself is the inner mailbox's."""

    def __init__(self, inner: Mailbox) -> None:
        self.inner = inner

    @property
    def commands(self) -> int:
        """Return the inner mailbox's command count."""
        return self.inner.commands

    @commands.setter
    def commands(self, value: int) -> None:
        self.inner.commands = value

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class NetworkMailbox(WrappedMailbox):
    """A mailbox whose every call (and every batch its messages are read in) is a
    marked network wait of the worker's pulse.
    """

    def __init__(self, inner: Mailbox, pulse: Pulse) -> None:
        super().__init__(inner)
        self._pulse = pulse

    def connect(self) -> None:
        """Connect the inner mailbox."""
        with self._pulse.waiting():
            self.inner.connect()

    def close(self) -> None:
        """Close the inner mailbox."""
        with self._pulse.waiting():
            self.inner.close()

    def folders(self) -> list[Folder]:
        """Return the inner mailbox's folders."""
        with self._pulse.waiting():
            return self.inner.folders()

    def read_folder(self, folder: Folder, state: FolderState | None, since: date
                    ) -> tuple[FolderState, Iterator[RawMessage]]:
        """Read a folder; the messages are fetched lazily, each fetch marked too."""
        with self._pulse.waiting():
            new_state, messages = self.inner.read_folder(folder, state, since)
        return new_state, self._marked(messages)

    def drafts_folder(self) -> str | None:
        """Return the inner mailbox's Drafts folder (a LIST: a network wait)."""
        with self._pulse.waiting():
            return self.inner.drafts_folder()

    def has_message_id(self, folder: str, message_id: str) -> bool:
        """Search the inner mailbox's folder for a Message-ID (a network wait)."""
        with self._pulse.waiting():
            return self.inner.has_message_id(folder, message_id)

    def append_draft(self, folder: str, raw: bytes, when: datetime) -> None:
        """Append a draft on the inner mailbox (a network wait)."""
        with self._pulse.waiting():
            self.inner.append_draft(folder, raw, when)

    def _marked(self, messages: Iterator[RawMessage]) -> Iterator[RawMessage]:
        while True:
            with self._pulse.waiting():
                message = next(messages, None)
            if message is None:
                return
            yield message


class NetworkChannel:
    """An alert channel whose sends are marked network waits of the worker's pulse."""

    def __init__(self, inner: Any, pulse: Pulse) -> None:
        self.inner = inner
        self.name: str = inner.name
        self._pulse = pulse

    def send(self, alert: RenderedAlert, app: Application | None) -> int | None:
        """Send on the inner channel."""
        with self._pulse.waiting():
            result: int | None = self.inner.send(alert, app)
            return result
