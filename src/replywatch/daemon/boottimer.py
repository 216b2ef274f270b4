"""A timer on CLOCK_BOOTTIME that a selector can sleep on (Linux timerfd).

Python's own timed waits (``Event.wait``, ``select``) count on CLOCK_MONOTONIC,
which stops while the machine is suspended: a wait of ten minutes begun before a
night's suspend ends ten minutes after the resume. A timerfd armed at an
absolute CLOCK_BOOTTIME instant turns readable at the resume itself when that
instant passed meanwhile, so a sleeping schedule catches up at once without
waking every second to look. Python 3.11 has no ``os.timerfd_create``: this is
the two libc calls through ctypes; where they are missing, ``BootTimer.make``
returns None and the caller waits on the monotonic clock.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import os
import sys

_CLOCK_BOOTTIME = 7
_TFD_CLOEXEC = os.O_CLOEXEC
_TFD_NONBLOCK = os.O_NONBLOCK
_TFD_TIMER_ABSTIME = 1


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


class _Itimerspec(ctypes.Structure):
    _fields_ = [("it_interval", _Timespec), ("it_value", _Timespec)]


class BootTimer:
    """One timerfd on CLOCK_BOOTTIME: readable once the instant it is armed at passed."""

    def __init__(self, libc: ctypes.CDLL, fd: int) -> None:
        self._libc = libc
        self._fd = fd

    @classmethod
    def make(cls) -> BootTimer | None:
        """Return a new, disarmed timer, or None where the system has no timerfd."""
        if not sys.platform.startswith("linux"):
            return None
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            fd = libc.timerfd_create(_CLOCK_BOOTTIME, _TFD_CLOEXEC | _TFD_NONBLOCK)
        except (OSError, AttributeError):
            return None
        return cls(libc, fd) if fd >= 0 else None

    def fileno(self) -> int:
        """Return the descriptor to select on."""
        return self._fd

    def arm(self, at: float | None) -> None:
        """Make the timer readable at ``at`` seconds of CLOCK_BOOTTIME (at once if that
        passed); None disarms it. Raise OSError if the kernel refuses.
        """
        self.drain()
        spec = _Itimerspec()
        if at is not None:
            # A zero it_value disarms: an instant already past is armed at 1 ns instead.
            seconds, nanos = divmod(max(math.ceil(at * 1e9), 1), 1_000_000_000)
            spec.it_value.tv_sec, spec.it_value.tv_nsec = seconds, nanos
        if self._libc.timerfd_settime(self._fd, _TFD_TIMER_ABSTIME, ctypes.byref(spec), None):
            errno = ctypes.get_errno()
            raise OSError(errno, os.strerror(errno))

    def drain(self) -> None:
        """Read the expiry count, if any, so the timer is no longer readable."""
        with contextlib.suppress(BlockingIOError):
            os.read(self._fd, 8)

    def close(self) -> None:
        """Close the descriptor."""
        os.close(self._fd)
