"""The sd_notify(3) protocol without libsystemd: readiness, status, watchdog, stopping.

Under ``Type=notify`` the service manager passes ``$NOTIFY_SOCKET``; each message is
one datagram of ``KEY=value`` lines. Outside systemd the variable is unset and every
call is a no-op, so the daemon never needs to know how it was started. Nothing here
logs: a failed send returns False and the caller decides what to say.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping

# A datagram to a live manager never waits long; a stuck one must not stall the
# daemon's watchdog thread (STYLE.md: every network call has a timeout).
_SEND_TIMEOUT = 2.0


class SystemdNotifier:
    """Send sd_notify messages to the socket named by ``$NOTIFY_SOCKET``."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        """Given an environment (default ``os.environ``), remember the notify socket
        and watchdog settings it names; the environment is read once, here.
        """
        self._environ = dict(os.environ if environ is None else environ)
        self._socket = self._environ.get("NOTIFY_SOCKET", "")

    @property
    def enabled(self) -> bool:
        """Return True if ``$NOTIFY_SOCKET`` is set, i.e. notify() will try to send."""
        return bool(self._socket)

    def notify(self, **fields: object) -> bool:
        """Given fields such as ``READY=1, STATUS="3 open"``, send them in order as
        one datagram. Newlines in a value become spaces: a value must not be able
        to forge another field. Return False if the message could not be sent (a
        bad address, a refused or timed-out send); return True if it was sent, or
        if there is nothing to do (no manager, no fields).
        """
        if not self._socket or not fields:
            return True
        lines = (f"{key}={_one_line(value)}" for key, value in fields.items())
        message = "\n".join(lines).encode("utf-8")
        if self._socket.startswith("@"):  # abstract namespace: a leading NUL byte
            address = b"\0" + os.fsencode(self._socket[1:])
        elif self._socket.startswith("/"):
            address = os.fsencode(self._socket)
        else:  # relative paths are invalid; vsock: (systemd >= 254) is not supported
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.settimeout(_SEND_TIMEOUT)
                sock.sendto(message, address)
        except OSError:
            return False
        return True

    def ready(self) -> bool:
        """Send ``READY=1``: start-up is done. Return as ``notify`` does."""
        return self.notify(READY=1)

    def status(self, text: str) -> bool:
        """Given a one-line summary, send it as ``STATUS=`` (``systemctl status``
        shows it). Return as ``notify`` does.
        """
        return self.notify(STATUS=text)

    def watchdog(self) -> bool:
        """Send ``WATCHDOG=1``: the daemon is alive. Return as ``notify`` does."""
        return self.notify(WATCHDOG=1)

    def stopping(self) -> bool:
        """Send ``STOPPING=1``: shutdown has begun. Return as ``notify`` does."""
        return self.notify(STOPPING=1)

    def watchdog_interval(self) -> float | None:
        """Return how often to send ``watchdog()``, in seconds: half of
        ``$WATCHDOG_USEC`` as sd_watchdog_enabled(3) advises, so one late ping is
        not fatal. Return None if no watchdog is set, the value is not a positive
        integer, or ``$WATCHDOG_PID`` names another process (the variables were
        inherited, not meant for us).
        """
        usec = _positive_int(self._environ.get("WATCHDOG_USEC"))
        # The pid is compared at call time, not in __init__: a fork in between changes it.
        pid = self._environ.get("WATCHDOG_PID")
        if usec is None or (pid is not None and _positive_int(pid) != os.getpid()):
            return None
        return usec / 2 / 1_000_000


def _one_line(value: object) -> str:
    return str(value).replace("\r", " ").replace("\n", " ")


def _positive_int(text: str | None) -> int | None:
    try:
        number = int(text or "")
    except ValueError:
        return None
    return number if number > 0 else None
