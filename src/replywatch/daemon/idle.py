"""One account's push connection: IMAP IDLE on INBOX, and noticing when it dies.

A lost connection must not look like a quiet one. BYE, end of stream and a reset
end the wait at once (see ``ImapMailbox.idle_wait``); a peer that goes silent is
noticed within ``heartbeat_seconds``, because IDLE is ended and answered that often,
with a read timeout that bounds the answer. After a loss the watcher reconnects
with capped, jittered backoff, and asks for a catch-up pass as soon as it is back:
mail may have come while it was away.

At most one connection at a time: the old one is closed before any wait and before
the next is opened (the daemon's worker keeps the account's other one).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from replywatch import log
from replywatch.config import Account
from replywatch.config.model import Daemon as DaemonConfig
from replywatch.errors import UserError
from replywatch.oauth.sources import login_credential
from replywatch.wakeup import Wakeup

BACKOFF_FIRST = 2.0
BACKOFF_CAP = 300.0
# A refused connection costs the server nothing (no TLS, no login): while the server
# is down, try again this often at most, so the catch-up follows its return within
# seconds. Anything else (login refused, timeouts, TLS) backs off to BACKOFF_CAP.
REFUSED_CAP = 3.0
INBOX = "INBOX"


def backoff(attempt: int, rng: random.Random, cap: float = BACKOFF_CAP) -> float:
    """Return the wait before retry ``attempt`` (1, 2, ...): doubling, capped, jittered
    between half the ceiling and the ceiling.
    """
    ceiling = min(cap, BACKOFF_FIRST * 2 ** min(attempt - 1, 16))
    return rng.uniform(ceiling / 2, ceiling)


def probe_timeout(heartbeat: float) -> float:
    """Return how long the heartbeat's round trip may take: a third of the heartbeat,
    at least 1 s and at most 60 s.
    """
    return min(60.0, max(1.0, heartbeat / 3))


def _refused(exc: UserError) -> bool:
    cause = exc.__cause__
    return isinstance(cause, ConnectionRefusedError)


class IdleWatcher:
    """Keep an IDLE connection on one account's INBOX; call ``on_mail`` when mail
    arrives and after every reconnect. ``run`` returns when ``stop`` is set, or at
    once for a server without IDLE (the daemon's polling covers that account).
    """

    def __init__(self, account: Account, timing: DaemonConfig, stop: Wakeup,
                 on_mail: Callable[[], None], rng: random.Random, *,
                 allow: Callable[[], bool] = lambda: True,
                 wrap: Callable[[Any], Any] = lambda mailbox: mailbox) -> None:
        self.account = account
        self.stop = stop
        self.on_mail = on_mail
        self.rng = rng
        # The daemon's sign-in guard: no login while the account is paused after
        # refused passwords, and each login's outcome told to it (daemon/signin.py).
        self.allow = allow
        self.wrap = wrap
        self.heartbeat = float(timing.heartbeat_seconds)
        self.read_timeout = probe_timeout(self.heartbeat)
        # Each IDLE ends in time for its DONE to be answered within the heartbeat.
        self.idle_seconds = min(timing.idle_minutes * 60.0, self.heartbeat - self.read_timeout)
        self.log = log.get(account=account.name)

    def run(self) -> None:
        """Watch until ``stop`` is set. Never raises a UserError."""
        attempt = 0
        while not self.stop.is_set():
            if not self.allow():  # paused: the worker's pass tells the user
                self.stop.wait(backoff(attempt + 1, self.rng))
                continue
            error = self._session(reconnected=attempt > 0)
            if error is None:
                return
            attempt += 1
            cap = REFUSED_CAP if _refused(error) else BACKOFF_CAP
            wait = backoff(attempt, self.rng, cap)
            self.log.info("idle_lost", error=error.problems[0], attempt=attempt,
                          retry_in=round(wait, 1))
            self.stop.wait(wait)

    def _mail(self) -> None:
        self.on_mail()  # first: the pass starts while IDLE is being ended
        self.log.info("idle_new_mail")

    def _session(self, *, reconnected: bool) -> UserError | None:
        """Run one connection until it fails (return the error) or until ``stop`` is
        set or the server has no IDLE (return None). The connection is closed on return.
        """
        from replywatch.mail.imap import ImapMailbox

        try:
            # For OAuth2, the same token source as the worker's passes.
            mailbox = self.wrap(ImapMailbox(self.account, login_credential(self.account),
                                            read_timeout=self.read_timeout))
            mailbox.connect()
        except UserError as exc:
            return exc
        try:
            if not mailbox.can_idle:
                self.log.info("idle_unsupported")
                return None
            if reconnected:
                self.on_mail()  # back after a loss: mail may have come meanwhile
            self.log.info("idle_started")
            while not self.stop.is_set():
                mailbox.idle_wait(INBOX, self.idle_seconds, self.stop, on_mail=self._mail)
            return None
        except UserError as exc:
            return exc
        finally:
            mailbox.close()
