"""Signals as bytes on a socket: the main loop's select wakes on them at once."""

from __future__ import annotations

import signal
import socket


class SignalPipe:
    """The wakeup fd of Python's signal handling: each signal caught writes its number
    here (signal.set_wakeup_fd), which wakes a select at once. Main thread only.
    """

    def __init__(self) -> None:
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        self._previous = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)

    def fileno(self) -> int:
        """Return the descriptor to select on."""
        return self._read.fileno()

    def read(self) -> bytes:
        """Return the numbers of the signals caught since the last read, in order."""
        taken = b""
        while True:
            try:
                chunk = self._read.recv(256)
            except BlockingIOError:
                return taken
            if not chunk:
                return taken
            taken += chunk

    def close(self) -> None:
        """Give the wakeup fd back and close both ends."""
        signal.set_wakeup_fd(self._previous)
        self._read.close()
        self._write.close()
