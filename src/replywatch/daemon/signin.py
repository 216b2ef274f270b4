"""Refused logins: re-read the password, slow down, tell the user once.

A server that refuses the password will refuse it again: retrying every poll
only gets the account locked by the provider. After each refusal the cached
secret is dropped (the next try reads it again: a rotated password is picked up
without a restart). After ``limit`` refusals in a row, an account is tried at
most once per ``pause``, and the user gets one actionable alert; the first
login that works again ends the pause.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from replywatch import log, secrets
from replywatch.alerts.deliver import Channel, broadcast
from replywatch.config import Account, Config
from replywatch.core.model import FolderState, RawMessage
from replywatch.daemon import notices
from replywatch.daemon.liveness import WrappedMailbox
from replywatch.engine import Mailbox, PassReport
from replywatch.errors import AuthError, MailboxError
from replywatch.mail.folders import Folder
from replywatch.store import Store
from replywatch.store import notices as standing

LIMIT = 3
PAUSE_SECONDS = 15 * 60.0


@dataclass
class _State:
    failures: int = 0
    last_try: float = 0.0


class SignInGuard:
    """Per account: refusals in a row, and whether a try is allowed now."""

    def __init__(self, clock: Callable[[], float], *, limit: int = LIMIT,
                 pause: float = PAUSE_SECONDS) -> None:
        self._clock = clock
        self.limit = limit
        self.pause = pause
        self._lock = threading.Lock()
        self._states: dict[str, _State] = {}
        self._news: list[tuple[str, str]] = []

    def allow(self, account: str) -> bool:
        """Return True if ``account`` may try to log in now."""
        with self._lock:
            state = self._states.get(account)
            if state is None or state.failures < self.limit:
                return True
            return self._clock() - state.last_try >= self.pause

    def failing(self, account: str) -> bool:
        """Return True if the account's last login was refused."""
        with self._lock:
            state = self._states.get(account)
            return state is not None and state.failures > 0

    def refused(self, account: str) -> int:
        """Record a refused login; return the refusals in a row."""
        with self._lock:
            state = self._states.setdefault(account, _State())
            state.failures += 1
            state.last_try = self._clock()
            if state.failures == self.limit:
                self._news.append((account, "paused"))
            return state.failures

    def accepted(self, account: str) -> None:
        """Record a login that worked: the streak, and any pause, ends."""
        with self._lock:
            state = self._states.pop(account, None)
            if state is not None and state.failures >= self.limit:
                self._news.append((account, "resumed"))

    def news(self) -> list[tuple[str, str]]:
        """Return and clear what changed: ``(account, "paused" | "resumed")``."""
        with self._lock:
            news, self._news = self._news, []
            return news


class GuardedMailbox(WrappedMailbox):
    """A mailbox whose ``connect`` asks the guard first and tells it how it went."""

    def __init__(self, inner: Mailbox, account: Account, guard: SignInGuard) -> None:
        super().__init__(inner)
        self._account = account
        self._guard = guard

    def connect(self) -> None:
        """Log in, unless the account is paused. Raise MailboxError when paused or
        when the login fails; a refused login drops the cached password.
        """
        acct = self._account
        if not self._guard.allow(acct.name):
            raise MailboxError(
                f"account {acct.name!r}: sign-in paused after {self._guard.limit} refused "
                f"passwords; next try within {int(self._guard.pause // 60)} minutes")
        try:
            self.inner.connect()
        except AuthError:
            secrets.forget(acct.password, acct.username, acct.host)
            self._guard.refused(acct.name)
            raise
        self._guard.accepted(acct.name)

    def close(self) -> None:
        """Close the inner mailbox."""
        self.inner.close()

    def folders(self) -> list[Folder]:
        """Return the inner mailbox's folders."""
        return self.inner.folders()

    def read_folder(self, folder: Folder, state: FolderState | None, since: date
                    ) -> tuple[FolderState, Iterator[RawMessage]]:
        """Read a folder of the inner mailbox."""
        return self.inner.read_folder(folder, state, since)


class SignInNotices:
    """Tell the user once when an account's password keeps being refused, and once
    when it works again; the notice stands in the store across restarts.
    """

    def __init__(self, store: Store, guard: SignInGuard) -> None:
        self._store = store
        self._guard = guard
        self._standing: set[str] | None = None

    def after_pass(self, config: Config, report: PassReport, channels: Sequence[Channel],
                   now: datetime) -> None:
        """Given a pass's report, send what the guard's news and the accounts read call for."""
        accounts = {a.name: a for a in config.accounts}
        if self._standing is None:  # notices still standing from before a restart
            self._standing = {key.removeprefix("signin:")
                              for key in standing.standing(self._store, "signin:")}
        for name, what in self._guard.news():
            if what == "paused" and name in accounts:
                log.get(account=name).warning("signin_paused")
                if standing.raise_notice(self._store, f"signin:{name}", now):
                    self._standing.add(name)
                    broadcast(channels, notices.signin_paused(
                        accounts[name], self._guard.limit, int(self._guard.pause // 60)))
        for acct in report.accounts:
            if acct.ok and acct.name in self._standing:
                self._standing.discard(acct.name)
                if standing.clear_notice(self._store, f"signin:{acct.name}"):
                    log.get(account=acct.name).info("signin_resumed")
                    broadcast(channels, notices.signin_resumed(accounts[acct.name]))
