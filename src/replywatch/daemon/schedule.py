"""Run actions at fixed intervals on a clock that never steps.

The wall clock can be stepped by NTP, by hand, or by a VM resumed from a
snapshot; an interval measured on it pauses for an hour when it steps back an
hour. Intervals here run on CLOCK_BOOTTIME: it never steps, and unlike
CLOCK_MONOTONIC it keeps counting through a suspend, so a machine that slept
through a poll polls at once on waking (once, not once per missed interval).
The wall clock is only ever read for *what* is due (the cadence), never for
*when* to look. Between jobs the schedule sleeps (on a CLOCK_BOOTTIME timerfd,
which a resume wakes at once: daemon/boottimer.py); it never wakes to look.
"""

from __future__ import annotations

import select
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from replywatch.daemon.boottimer import BootTimer
from replywatch.wakeup import Wakeup

Clock = Callable[[], float]


def boottime() -> float:
    """Return seconds on a clock that never steps and counts suspended time."""
    if hasattr(time, "CLOCK_BOOTTIME"):  # Linux
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.monotonic()


@dataclass
class _Job:
    name: str
    every: float | None  # None: once
    action: Callable[[], None]
    next_at: float


class Schedule:
    """Interval and one-off jobs on an injectable never-stepping clock (default
    ``boottime``).

    A job that fell behind (the machine slept, the process was stopped) runs once
    and is then due ``every`` seconds after that run: missed runs are coalesced.
    """

    def __init__(self, clock: Clock = boottime) -> None:
        """Given a clock, make an empty schedule."""
        self.clock = clock
        self._jobs: dict[str, _Job] = {}
        self._lock = threading.Lock()
        self._kick = Wakeup()

    def every(self, name: str, seconds: float, action: Callable[[], None]) -> None:
        """Run ``action`` every ``seconds``, first ``seconds`` from now; a job of the
        same name is replaced, keeping its next run if that comes sooner.
        """
        if seconds <= 0:
            raise ValueError("an interval must be positive")
        with self._lock:
            next_at = self.clock() + seconds
            old = self._jobs.get(name)
            if old is not None:
                next_at = min(next_at, old.next_at)
            self._jobs[name] = _Job(name, seconds, action, next_at)
        self.kick()  # ``run`` may be asleep until a later moment

    def once(self, name: str, seconds: float, action: Callable[[], None]) -> None:
        """Run ``action`` once, ``seconds`` from now (at once if not positive); a job of
        the same name is replaced."""
        with self._lock:
            self._jobs[name] = _Job(name, None, action, self.clock() + max(0.0, seconds))
        self.kick()

    def cancel(self, name: str) -> None:
        """Drop the job ``name``, if there is one."""
        with self._lock:
            self._jobs.pop(name, None)

    def kick(self) -> None:
        """Make ``run`` look at the clock and its jobs now (a job changed, or a test
        moved its clock)."""
        self._kick.set()

    def run_due(self) -> list[str]:
        """Run every job that is due now; return their names."""
        now = self.clock()
        with self._lock:
            due = [job for job in self._jobs.values() if job.next_at <= now]
            for job in due:
                if job.every is None:
                    del self._jobs[job.name]
                else:
                    job.next_at = now + job.every  # coalesce: one run however late
        for job in due:
            job.action()
        return [job.name for job in due]

    def seconds_to_next(self) -> float | None:
        """Return how long until the next job is due (0 if one is due now), or None
        if there is no job."""
        with self._lock:
            if not self._jobs:
                return None
            return max(0.0, min(job.next_at for job in self._jobs.values()) - self.clock())

    def run(self, stop: Wakeup) -> None:
        """Run due jobs until ``stop`` is set, asleep in between until the next job is
        due, ``kick`` is called or ``stop`` is set.
        """
        remove = stop.on_set(self.kick)
        # The real boot-time clock: sleep on a timerfd, which a resume wakes at once.
        timer = BootTimer.make() if self.clock is boottime else None
        try:
            while not stop.is_set():
                self._kick.clear()  # before looking: a kick from now on is not lost
                self.run_due()
                self._sleep(timer)
        finally:
            remove()
            if timer is not None:
                timer.close()

    def _sleep(self, timer: BootTimer | None) -> None:
        """Sleep until the next job is due or ``kick`` is called."""
        if timer is None:
            self._kick.wait(self.seconds_to_next())
            return
        with self._lock:
            next_at = min((job.next_at for job in self._jobs.values()), default=None)
        timer.arm(next_at)
        select.select([timer.fileno(), self._kick.fileno()], [], [])
