"""Storage faults: SQLite errors the user (not a programmer) must act on.

A full disk, a read-only folder, a store locked by another process, a damaged
file: none of these is a bug, so none may end as an "internal error". Each
becomes a ``StoreFault`` whose one line names the file and what to do, and whose
exit code (3) is documented in the README. SQLite has already rolled back the
transaction that failed: whatever was committed before is intact.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from replywatch.errors import UserError
from replywatch.i18n import N_, _

EXIT_STORE = 3

# SQLite's primary result codes (extended codes share the low byte): sqlite3.h.
_FULL, _READONLY, _BUSY, _LOCKED, _CORRUPT, _NOTADB = 13, 8, 5, 6, 11, 26
_IOERR, _CANTOPEN, _PERM = 10, 14, 3

_WHAT_TO_DO: dict[int, tuple[str, str]] = {
    _FULL: (N_("the disk is full"),
            N_("free some space on that disk; replywatch retries and loses nothing")),
    _READONLY: (N_("the store is read-only"),
                N_("make the file and its folder writable for this user")),
    _PERM: (N_("no permission to write the store"),
            N_("make the file and its folder writable for this user")),
    _CANTOPEN: (N_("the store cannot be opened"),
                N_("check that its folder exists and is writable for this user")),
    _BUSY: (N_("the store is locked by another process"),
            N_("stop the other replywatch (or the tool holding the file) and try again")),
    _LOCKED: (N_("the store is locked by another process"),
              N_("stop the other replywatch (or the tool holding the file) and try again")),
    _CORRUPT: (N_("the store file is damaged"),
               N_("move it aside (replywatch then starts a new one) or restore a backup; "
                  "`sqlite3 FILE .recover` may rescue its data")),
    _NOTADB: (N_("not a usable replywatch store (not SQLite, or its header is damaged)"),
              N_("move it aside (replywatch then starts a new one) or restore a backup")),
    _IOERR: (N_("the disk reported an I/O error"),
             N_("check the disk (dmesg, free space); replywatch retries")),
}


# The store this process opened last: a SQLite error caught far from the Store
# (the CLI's top level) still names its file. One process uses one store.
_last_path: list[Path] = []


def remember(path: Path) -> None:
    """Note the path of the store just opened, for ``describe``."""
    _last_path[:] = [path]


def describe(exc: sqlite3.Error) -> StoreFault | None:
    """Return ``fault_from`` for the store opened last (see ``remember``)."""
    return fault_from(exc, _last_path[0] if _last_path else _("the replywatch store"))


class StoreFault(UserError):
    """The store cannot be used right now for a reason outside replywatch.

    ``problems[0]`` is the one line to show: the file, what is wrong, what to do.
    ``kind`` is SQLite's error name (``SQLITE_FULL``), for logs and tests.
    """

    def __init__(self, problem: str, *, kind: str) -> None:
        super().__init__(problem, exit_code=EXIT_STORE)
        self.kind = kind


def primary_code(exc: sqlite3.Error) -> int | None:
    """Return SQLite's primary result code of an error, or None if it carries none."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def fault_from(exc: sqlite3.Error, path: Path | str) -> StoreFault | None:
    """Given a SQLite error and the store's path, return the StoreFault it means,
    or None if it is not a storage fault (a bug: bad SQL, a broken constraint).
    """
    code = primary_code(exc)
    if code is None or code not in _WHAT_TO_DO:
        return None
    what, todo = _WHAT_TO_DO[code]
    kind = getattr(exc, "sqlite_errorname", str(code))
    return StoreFault(_("{path}: {what}: {todo} (SQLite: {error})").format(
        path=path, what=_(what), todo=_(todo), error=exc), kind=str(kind))


def fault_from_os(exc: OSError, path: Path | str) -> StoreFault:
    """Given an OS error met while creating the store's file or folder, return its fault."""
    if exc.errno == errno.ENOSPC:
        what, todo = _WHAT_TO_DO[_FULL]
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what, todo = _WHAT_TO_DO[_READONLY]
    else:
        what, todo = _WHAT_TO_DO[_CANTOPEN]
    return StoreFault(_("{path}: {what}: {todo} ({error})").format(
        path=path, what=_(what), todo=_(todo), error=exc.strerror),
                      kind=errno.errorcode.get(exc.errno or 0, "OSError"))
