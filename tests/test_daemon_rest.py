"""A daemon at rest sleeps: no thread wakes without work; and the pieces that make it
so (the selectable event, the schedule's sleep, the worker's rest) still do their job.
"""

from __future__ import annotations

import select
import threading
import time
from pathlib import Path

import pytest

from replywatch.cli.main import main
from replywatch.daemon.liveness import Pulse
from replywatch.daemon.schedule import Schedule
from replywatch.wakeup import Wakeup
from tests.daemonkit import Harness, VirtualClock
from tests.mailfactory import account_block
from tests.servers.dovecot import LocalDovecot
from tests.servers.notify_server import NotifyServer

# -- the selectable event ---------------------------------------------------------------


def readable(wakeup: Wakeup) -> bool:
    return bool(select.select([wakeup], [], [], 0)[0])


def test_wakeup_fileno_is_readable_exactly_while_set() -> None:
    wakeup = Wakeup()
    before = readable(wakeup)
    wakeup.set()
    wakeup.set()  # twice: one clear still empties it
    during = readable(wakeup)
    wakeup.clear()
    assert (False, True, False, False) == (before, during, readable(wakeup), wakeup.is_set())


def test_wakeup_callback_runs_on_set_until_removed() -> None:
    wakeup, calls = Wakeup(), []
    remove = wakeup.on_set(lambda: calls.append("set"))
    wakeup.set()
    remove()
    wakeup.clear()
    wakeup.set()
    assert ["set"] == calls


def test_wakeup_callback_added_after_set_runs_at_once() -> None:
    wakeup, calls = Wakeup(), []
    wakeup.set()
    wakeup.on_set(lambda: calls.append("set"))
    assert ["set"] == calls


# -- the schedule sleeps until its next job ------------------------------------------------


def test_schedule_asleep_runs_a_job_when_its_clock_reaches_it() -> None:
    clock, stop, ran = VirtualClock(), Wakeup(), threading.Event()
    schedule = Schedule(clock)
    clock.listeners.append(schedule.kick)
    schedule.every("tick", 60, ran.set)
    thread = threading.Thread(target=schedule.run, args=(stop,))
    thread.start()
    early = ran.wait(0.2)
    clock.advance(60)
    on_time = ran.wait(5)
    stop.set()
    thread.join(5)
    assert (False, True, False) == (early, on_time, thread.is_alive())


def test_schedule_asleep_for_a_late_job_runs_a_new_sooner_job() -> None:
    clock, stop, ran = VirtualClock(), Wakeup(), threading.Event()
    schedule = Schedule(clock)
    schedule.every("pass", 3600, lambda: None)
    thread = threading.Thread(target=schedule.run, args=(stop,))
    thread.start()
    schedule.every("soon", 1, ran.set)  # wakes run, which now sleeps one second
    clock.now += 1  # no kick: the one-second sleep itself must end
    on_time = ran.wait(5)
    stop.set()
    thread.join(5)
    assert (True, False) == (on_time, thread.is_alive())


def test_schedule_once_runs_one_time_and_a_replacement_moves_it() -> None:
    clock = VirtualClock()
    schedule = Schedule(clock)
    runs: list[str] = []
    schedule.once("tick", 60, lambda: runs.append("first"))
    schedule.once("tick", 120, lambda: runs.append("moved"))  # the next tick, replanned
    clock.advance(60)
    at_60 = schedule.run_due()
    clock.advance(60)
    at_120 = schedule.run_due()
    clock.advance(600)
    assert ([], ["tick"], [], ["moved"], None) == (
        at_60, at_120, schedule.run_due(), runs, schedule.seconds_to_next())


# -- the worker's rest is not a hang ------------------------------------------------------


def test_pulse_resting_longer_than_any_limit_is_alive() -> None:
    clock = VirtualClock()
    pulse = Pulse(clock)
    with pulse.resting():
        clock.advance(86400)
        resting = pulse.alive(hang_after=60, network_limit=600)
    clock.advance(61)
    assert (True, False) == (resting, pulse.alive(hang_after=60, network_limit=600))


# -- the whole daemon at rest ---------------------------------------------------------------


def switches(thread: threading.Thread) -> int:
    """Return how often ``thread`` was switched out so far (it blocked or was preempted)."""
    status = Path(f"/proc/self/task/{thread.native_id}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return int(fields["voluntary_ctxt_switches"]) + int(fields["nonvoluntary_ctxt_switches"])


def settled(threads: list[threading.Thread], timeout: float = 20.0) -> dict[str, int]:
    """Return the threads' switch counts once none of them ran for half a second (a
    slow machine may take a while over start-up). Raise TimeoutError if they keep
    waking: a daemon that polls never settles."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = {t.name: switches(t) for t in threads}
        threading.Event().wait(0.5)
        if before == {t.name: switches(t) for t in threads}:
            return before
    raise TimeoutError("the daemon's threads keep waking")


def test_daemon_at_rest_no_thread_wakes_without_work(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str, dbus_session: str,
        notify_server: NotifyServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", dbus_session)
    config = tmp_path / "config.toml"
    config.write_text(account_block(dovecot, imap_user)
                      + '\n[alerts]\nchannels = ["console", "desktop"]\nquiet_hours = []\n')
    assert 0 == main(["--config", str(config), "app", "add", "--company", "Globex",
                      "--contact", "hr@globex.io"])
    with Harness(config, tmp_path / "data" / "rw.db") as h:
        h.wait_log("daemon_ready")
        h.wait_log("idle_started")
        names = {"worker", "schedule", "idle-mail", "dbus-listen", "harness"}
        threads = [t for t in threading.enumerate() if t.name in names]
        before = settled(threads)  # start-up over: IDLE's command and answer went by
        threading.Event().wait(2.0)  # the interval observed: nothing is due in it
        after = {t.name: switches(t) for t in threads}
    assert (names, dict.fromkeys(names, 0)) == (
        set(before), {name: after[name] - before[name] for name in names})


def test_boot_timer_armed_in_the_past_is_readable_and_disarmed_is_not() -> None:
    from replywatch.daemon.boottimer import BootTimer
    from replywatch.daemon.schedule import boottime

    timer = BootTimer.make()
    assert timer is not None  # Linux
    timer.arm(boottime() - 1)
    past = bool(select.select([timer], [], [], 5)[0])
    timer.arm(None)
    disarmed = bool(select.select([timer], [], [], 0)[0])
    timer.arm(boottime() + 0.05)
    soon = bool(select.select([timer], [], [], 5)[0])
    timer.close()
    assert (True, False, True) == (past, disarmed, soon)


def test_schedule_on_the_boot_clock_runs_a_due_job_while_asleep() -> None:
    stop, ran = Wakeup(), threading.Event()
    schedule = Schedule()  # boottime: the timerfd
    schedule.every("soon", 0.05, ran.set)
    thread = threading.Thread(target=schedule.run, args=(stop,))
    thread.start()
    on_time = ran.wait(5)
    stop.set()
    thread.join(5)
    assert (True, False) == (on_time, thread.is_alive())


def test_collect_and_freeze_keeps_no_cycle_longer_than_the_next_pass() -> None:
    import gc
    import weakref

    from replywatch.daemon.gcpause import collect_and_freeze, thaw

    class Node:
        other: object = None

    node = Node()
    node.other = node  # a cycle: only the collector can free it
    alive = weakref.ref(node)
    collect_and_freeze()  # after a pass: the cycle lives on, frozen
    frozen = gc.get_freeze_count() > 0
    del node
    gc.collect()  # an automatic collection would not free it either...
    kept = alive() is not None
    collect_and_freeze()  # ...the next pass's does
    freed = alive() is None
    thaw()
    assert (True, True, True, 0) == (frozen, kept, freed, gc.get_freeze_count())
