"""An event a thread can sleep on beside a socket: the daemon's waits without polling.

A ``threading.Event`` wakes only a thread blocked in its own ``wait``. A thread
blocked in ``select`` on an IMAP or D-Bus socket would have to come up for air
every fraction of a second to look at it, and those wake-ups cost a resting
daemon most of its CPU. A ``Wakeup`` is an Event whose ``fileno()`` turns
readable when it is set (an eventfd on Linux, a pipe elsewhere), so a selector
wakes on the socket *or* the event, and otherwise sleeps; and it can call
back whoever waits on something that is neither (a queue, another event).
"""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
from collections.abc import Callable


def _channel() -> tuple[int, int]:
    """Return (read end, write end) of a non-blocking, close-on-exec wake channel."""
    if hasattr(os, "eventfd"):
        fd = os.eventfd(0, os.EFD_CLOEXEC | os.EFD_NONBLOCK)
        return fd, fd
    read, write = os.pipe()
    for end in (read, write):
        os.set_blocking(end, False)
    return read, write


def _close(*fds: int) -> None:
    for fd in set(fds):
        with contextlib.suppress(OSError):
            os.close(fd)


class Wakeup(threading.Event):
    """A ``threading.Event`` that is also selectable, with callbacks on ``set``.

    ``fileno()`` is readable exactly while the event is set. The descriptor is
    closed when the event is garbage collected.
    """

    def __init__(self) -> None:
        super().__init__()
        self._read, self._write = _channel()
        self._guard = threading.Lock()  # the flag and the descriptor change together
        self._callbacks: list[Callable[[], None]] = []
        weakref.finalize(self, _close, self._read, self._write)

    def fileno(self) -> int:
        """Return a descriptor that selects readable while the event is set."""
        return self._read

    def set(self) -> None:
        """Set the event: wake every waiter, make ``fileno()`` readable, run callbacks."""
        with self._guard:
            if not self.is_set():
                super().set()
                with contextlib.suppress(BlockingIOError):  # a full pipe is readable
                    os.write(self._write, (1).to_bytes(8, "little"))
            callbacks = list(self._callbacks)
        for callback in callbacks:
            callback()

    def clear(self) -> None:
        """Clear the event and drain ``fileno()``."""
        with self._guard:
            super().clear()
            with contextlib.suppress(BlockingIOError):
                os.read(self._read, 8)

    def on_set(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback()`` on every ``set`` from now on (and at once if the event
        is set already); return a function that removes it again. Callbacks run in
        the setting thread: they must be quick and must not block.
        """
        with self._guard:
            self._callbacks.append(callback)
            already = self.is_set()
        if already:
            callback()

        def remove() -> None:
            with self._guard, contextlib.suppress(ValueError):
                self._callbacks.remove(callback)

        return remove
