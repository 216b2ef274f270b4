"""One daemon per store: a lock on a file next to the store, held while ``run`` lives.

Two daemons on one store would each alert every due action (the ledger is checked,
then written, by each) and fight over the IMAP sessions. The lock is an
``fcntl.flock`` on ``<store>.lock``: the kernel drops it when the process ends, however
it ends, so a crash or a SIGKILL never leaves a stale lock behind. The file holds
the holder's pid, for the message the second one prints.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from types import TracebackType

from replywatch.errors import UserError


def lock_path(store_path: Path) -> Path:
    """Return the lock file of a store: ``replywatch.db`` -> ``replywatch.db.lock``."""
    return store_path.with_name(store_path.name + ".lock")


class RunLock:
    """The run lock of one store; use as a context manager around the daemon's life."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path.expanduser()
        self.path = lock_path(self.store_path)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock at once, or raise UserError (exit 1) naming the pid holding it."""
        self.path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise UserError(
                f"{self.store_path}: another `replywatch run` (pid {holder}) is already "
                "watching this store",
                hint="stop that one first (`systemctl --user stop replywatch`, if it is the "
                     "service); one store has one daemon",
                exit_code=1,
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self._fd = fd

    def release(self) -> None:
        """Let the lock go (closing the file drops it)."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
