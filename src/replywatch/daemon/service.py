"""``replywatch run``: the daemon.

Threads, each with one job:

- main: signals, the systemd watchdog, and the wait for shutdown;
- worker: every pass, every alert tick and every config reload, one at a time,
  under one lock (the only thread that writes mail state; clicks take the same
  lock); after a pass, when nothing else is asked of it, it catches up the
  lookup index a batch at a time (so that an ``app add`` finds it ready), any
  request going first between two batches; it beats a Pulse, and its network
  calls are marked, so the watchdog is fed while a server hangs and withheld
  when the worker itself hangs;
- schedule: only *asks* the worker for a pass every ``poll_minutes``, and for a
  tick at the next moment something falls due (the agenda's next boundary, the
  end of quiet hours, the digest; a retry after a failure), on a clock that
  never steps (schedule.py): a wall clock stepped
  back an hour pauses nothing, and a resume from suspend is caught up at once;
- one IDLE thread per account whose server has IDLE: asks for a pass within
  seconds of new mail, re-issuing IDLE every ``idle_minutes``, reconnecting with
  capped, jittered backoff;
- a D-Bus listener for clicked notification actions, when alerts go to the desktop.

No thread polls: each sleeps until its next deadline or an event (a socket, a
signal through the wakeup fd, a ``Wakeup``), so a daemon at rest costs no CPU;
the one periodic wake-up is the systemd watchdog's ping, at half of WatchdogSec.
Every wait wakes on shutdown at once; SIGTERM and SIGINT end the process within
seconds with exit 0 (an interrupted write is rolled back by SQLite). SIGHUP
reloads the config: a broken file is reported and the running config stays.
A store that cannot be written (disk full, read-only, locked, damaged) is
reported once; the daemon keeps running and resumes when it can write again.
"""

from __future__ import annotations

import random
import selectors
import signal
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType

from replywatch import engine, log
from replywatch.alerts.deliver import Alerter, Channel, Delivery
from replywatch.config import Account, Config
from replywatch.daemon import notices
from replywatch.daemon.drafts import Drafter
from replywatch.daemon.gcpause import collect_and_freeze, thaw
from replywatch.daemon.idle import IdleWatcher, backoff
from replywatch.daemon.liveness import NetworkChannel, NetworkMailbox, Pulse
from replywatch.daemon.outputs import Outputs
from replywatch.daemon.schedule import Clock, Schedule, boottime
from replywatch.daemon.sdnotify import SystemdNotifier
from replywatch.daemon.signalpipe import SignalPipe
from replywatch.daemon.signin import GuardedMailbox, SignInGuard, SignInNotices
from replywatch.daemon.ticks import next_tick
from replywatch.errors import UserError
from replywatch.oauth.sources import Credential
from replywatch.store import Store, db, ledger
from replywatch.store.faults import StoreFault, fault_from
from replywatch.wakeup import Wakeup

RETRY_SECONDS = 60  # a failed send or a failing store is tried again this soon
STOP_GRACE = 3.0
HANG_FACTOR = 4  # no beat for this many watchdog intervals: the worker hangs
NETWORK_LIMIT = 600.0  # a marked network wait longer than this is a hang too


class Daemon:
    """The long-running service over one config and store."""

    def __init__(self, config: Config, store: Store, channels: list[Channel], *,
                 notifier: SystemdNotifier | None = None,
                 open_mailbox: engine.MailboxFactory = engine.open_imap,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 monotonic: Clock = boottime,
                 make_channels: Callable[[Config], list[Channel]] | None = None,
                 hang_after: float | None = None,
                 index_batch: int = engine.INDEX_PER_PASS) -> None:
        """``clock`` is the wall clock (what is due); ``monotonic`` a clock that never
        steps (when to look). ``make_channels`` makes the channels of a reloaded
        config. ``hang_after`` overrides how long a worker without a beat is alive.
        ``index_batch`` is how many messages the worker indexes between requests.
        """
        self.config = config
        self.store = store
        store.defer_checkpoints()  # copied after each pass's index catch-up instead
        self.notifier = notifier or SystemdNotifier()
        self.open_mailbox = open_mailbox
        self.clock = clock
        self.monotonic = monotonic
        self.pulse = Pulse(monotonic)
        self.signin = SignInGuard(monotonic)
        self.schedule = Schedule(monotonic)
        self._make_channels = make_channels
        self._channels = list(channels)
        self.alerter = self._alerter(config, channels)
        self.outputs = Outputs(config, store, channels)
        self._hang_after = hang_after
        self.stop = Wakeup()
        self._lock = threading.Lock()  # the store, the alerter: one user at a time
        self._wake = threading.Event()
        self._want_pass = threading.Event()
        self._want_tick = threading.Event()
        self._want_reload = threading.Event()
        self._want_index = threading.Event()  # the lookup index is behind: catch up
        self._index_batch = index_batch
        self._indexed = 0  # by this catch-up so far: logged once it is done
        self._first_pass_done = Wakeup()
        self._worker_thread: threading.Thread | None = None
        self._aux_stop = Wakeup()  # IDLE and click threads of this config
        self._rng = random.Random()  # noqa: S311 - jitter for retries, not a secret
        self._store_health = notices.StoreHealth()
        self._signin_notices = SignInNotices(store, self.signin)
        # One kept connection per account, used by the worker only: a pass with
        # nothing new then costs a NOOP and a STATUS per folder.
        self._sessions: dict[str, engine.Mailbox] = {}
        self.drafter = Drafter()
        self.log = log.get()

    def _alerter(self, config: Config, channels: list[Channel]) -> Alerter:
        # A send is a network wait of the worker (SMTP, D-Bus, a command), with a timeout.
        return Alerter(config, self.store, [NetworkChannel(c, self.pulse) for c in channels])

    def _open(self, account: Account, password: Credential) -> engine.Mailbox:
        mailbox = GuardedMailbox(self.open_mailbox(account, password), account, self.signin)
        return NetworkMailbox(mailbox, self.pulse)

    # -- requests from other threads ------------------------------------------------

    def request_pass(self) -> None:
        """Ask the worker for a full pass soon."""
        self._want_pass.set()
        self._wake.set()

    def request_tick(self) -> None:
        """Ask the worker to evaluate the cadence and alert what is due."""
        self._want_tick.set()
        self._wake.set()

    def request_reload(self) -> None:
        """Ask the worker to read the config file again (SIGHUP)."""
        self._want_reload.set()
        self._wake.set()

    # -- the worker -------------------------------------------------------------------

    def _worker(self) -> None:
        while not self.stop.is_set():
            # Asleep until asked: every request sets _wake, and so does the stop.
            with self.pulse.resting():  # waiting for work is not hanging
                self._wake.wait()
            self._wake.clear()
            if self.stop.is_set():
                break
            if self._want_reload.is_set():
                self._want_reload.clear()
                self.reload()
            # While the store is failing, every tick retries the whole pass.
            if self._want_pass.is_set() or (self._want_tick.is_set()
                                            and self._store_health.failing):
                self._want_pass.clear()
                self._want_tick.clear()  # a pass ends with a tick
                self.work(full=True)
            elif self._want_tick.is_set():
                self._want_tick.clear()
                self.work(full=False)
            elif self._want_index.is_set():
                self.catch_up()

    def catch_up(self) -> int:
        """Index one batch of the messages the passes left for later (the bulk of a
        first pass) and come back for the next one, after any request that came in
        meanwhile; stop asking once none are left. Return how many were indexed.
        """
        try:
            with self._lock:
                done = engine.index_backlog(self.store, self._index_batch)
        except (StoreFault, db.Error) as exc:
            # Not a failure of its own: the next pass meets the store and reports it.
            self._want_index.clear()
            self.log.warning("index_failed", error=str(exc))
            return 0
        self.pulse.beat()
        self._indexed += done
        if done < self._index_batch:
            self._checkpoint()  # the pass's log, copied now that nothing waits
            self._want_index.clear()
            if self._indexed:  # not after every pass that left nothing behind
                self.log.info("index_caught_up", indexed=self._indexed)
            self._indexed = 0
        else:
            self._want_index.set()  # more may be left: after whatever is asked meanwhile
            self._wake.set()
            self.log.debug("index_batch", indexed=done)
        return done

    def _checkpoint(self) -> None:
        """Copy the store's write-ahead log into it (deferred: see Store.defer_checkpoints);
        a failure is the next pass's to meet and report."""
        try:
            with self._lock:
                self.store.checkpoint()
        except (StoreFault, db.Error) as exc:
            self.log.warning("checkpoint_failed", error=str(exc))

    def work(self, *, full: bool) -> bool:
        """Run one pass (``full``) or one alert tick, as the worker does, and report
        what fails; return True if it went through.
        """
        try:
            if full:
                self._run_pass()
            else:
                self._tick()
        except StoreFault as exc:
            self._store_failed(exc)
            return False
        except UserError as exc:
            self.log.error("work_failed", error=exc.problems[0])
            return False
        except db.Error as exc:  # a read outside a transaction
            fault = fault_from(exc, self.store.path)
            if fault is None:
                self.log.exception("work_crashed")
            else:
                self._store_failed(fault)
            return False
        except Exception:
            # A bug must not kill the daemon silently: log it with its traceback
            # and carry on; the watchdog still sees a live worker.
            self.log.exception("work_crashed")
            return False
        finally:
            self._first_pass_done.set()
        if full:
            self._store_health.ok()
            self._want_index.set()  # what the pass left unindexed, when nothing waits
            self._wake.set()
        return True

    def _store_failed(self, fault: StoreFault) -> None:
        self._store_health.failed(fault, self.alerter.channels, self.notifier)
        self.schedule.once("tick", RETRY_SECONDS, self.request_tick)  # a tick retries

    def _run_pass(self) -> None:
        now = self.clock()
        paused = {a.name: f"account {a.name!r}: sign-in paused after refused passwords"
                  for a in self.config.accounts if not self.signin.allow(a.name)}
        with self._lock:
            # Nothing indexed for lookups in the pass: the worker catches up after
            # the alerts went out (catch_up), off a reply's path.
            report = engine.run_pass(self.config, self.store, now, self._open,
                                     sessions=self._sessions, skip=paused, judge=False,
                                     index=0)
            for acct in report.accounts:
                if acct.ok:
                    self.alerter.account_ok(acct.name)
                elif not self.signin.failing(acct.name):
                    # A refused password has its own notice, after a few tries.
                    self.alerter.account_failed(acct.name, acct.error or "failed", now)
            self._signin_notices.after_pass(self.config, report, self.alerter.channels, now)
        self.log.info("pass_done", matched=len(report.matched),
                      ambiguous=len(report.ambiguous), review=len(report.review))
        self._tick()  # judges the book (the alerter's agenda): the pass does not
        with self._lock:
            # Drafts go out on the connections the pass kept open (daemon/drafts.py),
            # for the actions the tick's agenda just judged (kept: nothing judged again).
            drafted_at = self.clock()
            due = self.alerter.due(drafted_at) if any(
                self.config.drafts_on(a) for a in self.config.accounts) else []
            self.drafter.after_pass(self.config, self.store, self._sessions, due, drafted_at)
            self.outputs.after_pass(now)
            self.outputs.tell_found(now)
            engine.prepare(self.config, self.store)  # off the next reply's path
        collect_and_freeze()

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
        self._plan_tick(now, delivery)

    def _plan_tick(self, now: datetime, delivery: Delivery) -> None:
        """Ask for the next tick at the first moment it has work (daemon/ticks.py)."""
        moment = next_tick(now, delivery, self.alerter, self.outputs, self.config,
                           retry=timedelta(seconds=RETRY_SECONDS))
        if moment is None:  # the next pass's tick will do
            self.schedule.cancel("tick")
            return
        wait = (moment - now).total_seconds()
        self.schedule.once("tick", wait, self.request_tick)
        self.log.debug("tick_planned", seconds=round(wait, 1))

    # -- reload -----------------------------------------------------------------------

    def reload(self) -> bool:
        """Read the config file again and put it in force: accounts, channels, policy,
        intervals. Return False, keeping the running config, if the file is broken
        (each problem logged with file:line).
        """
        self.notifier.notify(RELOADING=1, MONOTONIC_USEC=time.monotonic_ns() // 1000)
        new = notices.read_config(self.config.path, self.notifier)
        if new is None:
            return False
        if new.store_path != self.config.store_path:
            self.log.warning("reload_store_path_ignored", hint="restart to use another store")
        channels = self._make_channels(new) if self._make_channels else self._channels
        with self._lock:
            for session in self._sessions.values():
                session.close()
            self._sessions.clear()
            self.config, self._channels = new, channels
            self.alerter = self._alerter(new, channels)
            self.outputs = Outputs(new, self.store, channels)
        self.schedule.every("pass", new.daemon.poll_minutes * 60, self.request_pass)
        self._start_aux()
        self.log.info("config_reloaded", accounts=len(new.accounts),
                      channels=[c.name for c in channels])
        self.notifier.notify(READY=1, STATUS="config reloaded")
        self.request_pass()
        return True

    # -- push -------------------------------------------------------------------------

    def _idle(self, account: Account, stop: Wakeup) -> None:
        """Keep an IDLE connection on INBOX (daemon/idle.py); ask for a pass on mail.
        Its logins go through the sign-in guard, as the worker's do."""
        IdleWatcher(account, self.config.daemon, stop, self.request_pass, self._rng,
                    allow=lambda: self.signin.allow(account.name),
                    wrap=lambda mailbox: GuardedMailbox(mailbox, account, self.signin)).run()

    # -- clicks -----------------------------------------------------------------------

    def _listen(self, channel: Channel, stop: Wakeup) -> None:
        from replywatch.alerts import AlertChannelError
        from replywatch.alerts.desktop import DesktopChannel

        if not isinstance(channel, DesktopChannel):
            return  # only desktop notifications are clicked
        attempt = 0

        def on_click(notification_id: int, key: str) -> None:
            with self._lock:
                now = self.clock()
                if (self.alerter.on_action(notification_id, key, now)
                        or self.outputs.on_action(notification_id, key, now)):
                    self.request_tick()

        def on_closed(notification_id: int, reason: int) -> None:
            self.log.debug("notification_closed", notification=notification_id, reason=reason)

        while not stop.is_set():
            try:
                channel.notifier.listen(on_click, stop, on_closed=on_closed)
            except AlertChannelError as exc:
                attempt += 1
                self.log.debug("listen_failed", error=exc.problems[0])
                stop.wait(backoff(attempt, self._rng))

    # -- lifecycle --------------------------------------------------------------------

    def _start(self, name: str, target: Callable[..., None], *args: object) -> threading.Thread:
        # Daemon threads: a network call stuck past the stop grace must not keep
        # the process alive; every write is in a transaction SQLite rolls back.
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        thread.start()
        return thread

    def _start_aux(self) -> None:
        """(Re)start the IDLE and click threads for the config in force."""
        self._aux_stop.set()
        self._aux_stop = stop = Wakeup()
        if self.stop.is_set():
            return
        for account in self.config.accounts:
            self._start(f"idle-{account.name}", self._idle, account, stop)
        for channel in self._channels:
            if channel.name == "desktop":
                self._start("dbus-listen", self._listen, channel, stop)

    def _handle_signal(self, _signum: int, _frame: FrameType | None) -> None:
        # Nothing here: the signal's number reaches the main loop through the wakeup
        # fd (signal.set_wakeup_fd), which also wakes its select. The handler runs on
        # the main thread between any two bytecodes, perhaps while it holds the log's
        # write lock or an Event's lock; logging or setting an Event here can deadlock
        # (seen: a SIGTERM right after a log line).
        return

    def _take_signals(self, signums: bytes) -> None:
        """Act on the signals read from the wakeup fd (main thread, no lock held)."""
        for signum in signums:
            if signum == signal.SIGHUP:
                self.log.info("reload_requested")
                self.request_reload()
                continue
            self.log.info("stopping", signal=signal.Signals(signum).name)
            self.stop.set()
            self._aux_stop.set()
            self._wake.set()

    def start(self) -> None:
        """Load what a pass needs, then start the worker, the schedule, IDLE and click
        threads; return."""
        engine.load()  # before the first pass (and the threads): not on its path
        self._worker_thread = self._start("worker", self._worker)
        self.request_pass()  # at start: the first alerts go out within seconds
        self.schedule.every("pass", self.config.daemon.poll_minutes * 60, self.request_pass)
        self._start("schedule", self.schedule.run, self.stop)
        self._start_aux()
        self.log.info("daemon_started", accounts=len(self.config.accounts),
                      channels=[c.name for c in self._channels])

    def shutdown(self) -> None:
        """Stop every thread; close the store once the worker has let go of it."""
        self.notifier.stopping()
        self.stop.set()
        self._aux_stop.set()
        self._wake.set()
        worker = self._worker_thread
        if worker is not None:
            worker.join(STOP_GRACE)
        if worker is None or not worker.is_alive():
            self.store.close()
        thaw()  # the process may live on (tests, the demo): collect as usual
        self.log.info("daemon_stopped")

    def run(self) -> int:
        """Run until SIGTERM or SIGINT (or ``stop`` is set); return the exit code."""
        signals = SignalPipe() if threading.current_thread() is threading.main_thread() else None
        try:
            if signals is not None:
                for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
                    signal.signal(signum, self._handle_signal)
            self.start()
            try:
                self._main_loop(signals)
            finally:
                self.shutdown()
        finally:
            if signals is not None:
                signals.close()
        return 0

    def _main_loop(self, signals: SignalPipe | None) -> None:
        """Sleep until a signal, the stop, the end of the first pass or the next
        watchdog ping (the one periodic wake-up, at half of WATCHDOG_USEC); act on it.
        """
        interval = self.notifier.watchdog_interval()
        hang_after = self._hang_after or HANG_FACTOR * (interval or 60.0)
        ready_sent = withheld = False
        next_ping = None if interval is None else time.monotonic() + interval
        with selectors.DefaultSelector() as selector:
            selector.register(self.stop, selectors.EVENT_READ)
            selector.register(self._first_pass_done, selectors.EVENT_READ)
            if signals is not None:
                selector.register(signals, selectors.EVENT_READ)
            while not self.stop.is_set():
                timeout = None if next_ping is None else max(0.0, next_ping - time.monotonic())
                selector.select(timeout)
                if signals is not None:
                    self._take_signals(signals.read())
                if self.stop.is_set():
                    break
                if not ready_sent and self._first_pass_done.is_set():
                    # READY=1 once the first pass ran, whether or not every account answered.
                    self.notifier.ready()
                    ready_sent = True
                    selector.unregister(self._first_pass_done)
                    self.log.info("daemon_ready")
                if interval is None or next_ping is None or time.monotonic() < next_ping:
                    continue
                next_ping = time.monotonic() + interval
                if self._alive(hang_after):
                    self.notifier.watchdog()
                    withheld = False
                elif not withheld:
                    # No WATCHDOG=1 from now on: systemd restarts us after WatchdogSec.
                    self.log.error("worker_stalled", hang_after=hang_after)
                    withheld = True

    def _alive(self, hang_after: float) -> bool:
        """Return True while the worker thread runs and beats, or waits on the network
        for less than NETWORK_LIMIT (each network call has its own timeout).
        """
        worker = self._worker_thread
        return (worker is not None and worker.is_alive()
                and self.pulse.alive(hang_after, NETWORK_LIMIT))

