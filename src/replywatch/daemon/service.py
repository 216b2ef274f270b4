"""``replywatch run``: the daemon.

Threads, each with one job:

- main: signals, the systemd watchdog, and the wait for shutdown;
- worker: every pass and every alert tick, one at a time, under one lock (the
  only thread that writes mail state; clicks take the same lock);
- APScheduler: only *asks* the worker for a pass every ``poll_minutes`` and a
  tick every minute (misfires run late, coalesced into one: a resume from
  suspend is caught up on the next tick, never dropped);
- one IDLE thread per account whose server has IDLE: asks for a pass within
  seconds of new mail, re-issuing IDLE every ``idle_minutes``, reconnecting with
  capped, jittered backoff;
- a D-Bus listener for clicked notification actions, when alerts go to the desktop.

Every wait wakes on shutdown at once; SIGTERM and SIGINT end the process within
seconds with exit 0 (an interrupted write is rolled back by SQLite).
"""

from __future__ import annotations

import random
import signal
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType

from replywatch import engine, log
from replywatch.alerts.deliver import Alerter, Channel
from replywatch.config import Account, Config
from replywatch.config.timeinput import zone
from replywatch.daemon.idle import IdleWatcher, backoff
from replywatch.daemon.outputs import Outputs
from replywatch.daemon.sdnotify import SystemdNotifier
from replywatch.errors import UserError
from replywatch.store import Store, ledger

TICK_SECONDS = 60
STOP_GRACE = 3.0


class Daemon:
    """The long-running service over one config and store."""

    def __init__(self, config: Config, store: Store, channels: list[Channel], *,
                 notifier: SystemdNotifier | None = None,
                 open_mailbox: engine.MailboxFactory = engine.open_imap,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.config = config
        self.store = store
        self.alerter = Alerter(config, store, channels)
        self.outputs = Outputs(config, store, channels)
        self.notifier = notifier or SystemdNotifier()
        self.open_mailbox = open_mailbox
        self.clock = clock
        self.stop = threading.Event()
        self._lock = threading.Lock()  # the store, the alerter: one user at a time
        self._wake = threading.Event()
        self._want_pass = threading.Event()
        self._want_tick = threading.Event()
        self._heartbeat = time.monotonic()
        self._first_pass_done = threading.Event()
        self._threads: list[threading.Thread] = []
        self._rng = random.Random()  # noqa: S311 - jitter for retries, not a secret
        # One kept connection per account, used by the worker only: a pass with
        # nothing new then costs a NOOP and a STATUS per folder.
        self._sessions: dict[str, engine.Mailbox] = {}
        self.log = log.get()

    # -- requests from other threads ------------------------------------------------

    def request_pass(self) -> None:
        """Ask the worker for a full pass soon."""
        self._want_pass.set()
        self._wake.set()

    def request_tick(self) -> None:
        """Ask the worker to evaluate the cadence and alert what is due."""
        self._want_tick.set()
        self._wake.set()

    # -- the worker -------------------------------------------------------------------

    def _worker(self) -> None:
        while not self.stop.is_set():
            self._heartbeat = time.monotonic()
            self._wake.wait(0.5)
            self._wake.clear()
            if self.stop.is_set():
                break
            try:
                if self._want_pass.is_set():
                    self._want_pass.clear()
                    self._want_tick.clear()  # a pass ends with a tick
                    self._run_pass()
                elif self._want_tick.is_set():
                    self._want_tick.clear()
                    self._tick()
            except UserError as exc:
                self.log.error("work_failed", error=exc.problems[0])
            except Exception:
                # A bug must not kill the daemon silently: log it with its traceback
                # and carry on; the watchdog still sees a live worker.
                self.log.exception("work_crashed")
            finally:
                self._first_pass_done.set()

    def _run_pass(self) -> None:
        now = self.clock()
        with self._lock:
            report = engine.run_pass(self.config, self.store, now, self.open_mailbox,
                                     sessions=self._sessions)
            for acct in report.accounts:
                if acct.ok:
                    self.alerter.account_ok(acct.name)
                else:
                    self.alerter.account_failed(acct.name, acct.error or "failed", now)
        self.log.info("pass_done", matched=len(report.matched),
                      ambiguous=len(report.ambiguous), review=len(report.review),
                      due=len(report.due))
        self._tick()
        with self._lock:
            self.outputs.after_pass(now)
            self.outputs.tell_found(now)

    def _tick(self) -> None:
        now = self.clock()
        with self._lock:
            since = ledger.last_tick(self.store)
            delivery = self.alerter.deliver_due(now, since=since)
            ledger.save_tick(self.store, now)
            self.outputs.on_tick(now)
            open_count = len(self.store.applications())
        if delivery.sent or delivery.failed:
            self.log.info("alerts_done", sent=len(delivery.sent), failed=delivery.failed,
                          held=delivery.held)
        self.notifier.status(f"{open_count} open, {delivery.due} due")

    # -- push -------------------------------------------------------------------------

    def _idle(self, account: Account) -> None:
        """Keep an IDLE connection on INBOX (daemon/idle.py); ask for a pass on mail."""
        IdleWatcher(account, self.config.daemon, self.stop, self.request_pass, self._rng).run()

    # -- clicks -----------------------------------------------------------------------

    def _listen(self, channel: Channel) -> None:
        from replywatch.alerts import AlertChannelError
        from replywatch.alerts.desktop import DesktopChannel

        assert isinstance(channel, DesktopChannel)
        attempt = 0

        def on_click(notification_id: int, key: str) -> None:
            with self._lock:
                now = self.clock()
                if (self.alerter.on_action(notification_id, key, now)
                        or self.outputs.on_action(notification_id, key, now)):
                    self.request_tick()

        def on_closed(notification_id: int, reason: int) -> None:
            self.log.debug("notification_closed", notification=notification_id, reason=reason)

        while not self.stop.is_set():
            try:
                channel.notifier.listen(on_click, self.stop, on_closed=on_closed)
            except AlertChannelError as exc:
                attempt += 1
                self.log.debug("listen_failed", error=exc.problems[0])
                self.stop.wait(backoff(attempt, self._rng))

    # -- lifecycle --------------------------------------------------------------------

    def _start(self, name: str, target: Callable[..., None], *args: object) -> None:
        # Daemon threads: a network call stuck past the stop grace must not keep
        # the process alive; every write is in a transaction SQLite rolls back.
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _handle_signal(self, signum: int, _frame: FrameType | None) -> None:
        self.log.info("stopping", signal=signal.Signals(signum).name)
        self.stop.set()
        self._wake.set()

    def run(self) -> int:
        """Run until SIGTERM or SIGINT; return the exit code."""
        from apscheduler.schedulers.background import BackgroundScheduler

        signal.signal(signal.SIGTERM, self._handle_signal)
        signal.signal(signal.SIGINT, self._handle_signal)
        self._start("worker", self._worker)
        self.request_pass()  # at start: the first alerts go out within seconds
        scheduler = BackgroundScheduler(
            timezone=zone(self.config.policy.timezone),
            # A job due while the machine slept runs once when it wakes, never dropped.
            job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1},
        )
        now = datetime.now(UTC)
        scheduler.add_job(self.request_pass, "interval", id="pass", replace_existing=True,
                          minutes=self.config.daemon.poll_minutes,
                          next_run_time=now + timedelta(minutes=self.config.daemon.poll_minutes))
        scheduler.add_job(self.request_tick, "interval", id="tick", replace_existing=True,
                          seconds=TICK_SECONDS, next_run_time=now + timedelta(seconds=TICK_SECONDS))
        scheduler.start()
        for account in self.config.accounts:
            self._start(f"idle-{account.name}", self._idle, account)
        for channel in self.alerter.channels:
            if channel.name == "desktop":
                self._start("dbus-listen", self._listen, channel)
        self.log.info("daemon_started", accounts=len(self.config.accounts),
                      channels=[c.name for c in self.alerter.channels])
        try:
            self._main_loop()
        finally:
            self.notifier.stopping()
            scheduler.shutdown(wait=False)
            self.stop.set()
            self._wake.set()
            worker = self._threads[0]
            worker.join(STOP_GRACE)
            if not worker.is_alive():
                self.store.close()
            self.log.info("daemon_stopped")
        return 0

    def _main_loop(self) -> None:
        interval = self.notifier.watchdog_interval()
        ready_sent = False
        last_ping = time.monotonic()
        while not self.stop.is_set():
            self.stop.wait(0.2 if not ready_sent else min(interval or 1.0, 1.0))
            if not ready_sent and self._first_pass_done.is_set():
                # READY=1 once the first pass ran, whether or not every account answered.
                self.notifier.ready()
                ready_sent = True
                self.log.info("daemon_ready")
            if interval and time.monotonic() - last_ping >= interval and self._alive(interval):
                self.notifier.watchdog()
                last_ping = time.monotonic()

    def _alive(self, interval: float) -> bool:
        """Return True while the worker thread runs and has looped recently.

        A long first pass holds the worker; allow it a generous margin, so only a
        worker that is truly stuck or dead lets systemd's watchdog restart us.
        """
        worker = self._threads[0]
        stale = time.monotonic() - self._heartbeat
        return worker.is_alive() and stale < max(600.0, interval * 4)
