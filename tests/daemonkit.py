"""The daemon in-process, for faults that need an injected clock or hang: a real
Daemon over a real store and the real Dovecot, its threads running, its logs and
console alerts captured where a test can wait on them (no sleeps).
"""

from __future__ import annotations

import io
import json
import socket
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO, cast

from replywatch import log
from replywatch.alerts.deliver import Channel, make_channels
from replywatch.config import Config, load_config
from replywatch.daemon.sdnotify import SystemdNotifier
from replywatch.daemon.service import Daemon
from replywatch.store import Store


class Recorder(io.TextIOBase):
    """A thread-safe text stream that keeps every line and wakes waiters."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self._cond = threading.Condition()

    def write(self, text: str) -> int:
        with self._cond:
            self._text += text
            self._cond.notify_all()
        return len(text)

    def isatty(self) -> bool:
        return False

    def text(self) -> str:
        with self._cond:
            return self._text

    def wait(self, test: Callable[[str], bool], timeout: float = 15.0) -> str:
        """Wait until ``test(text)`` holds; return the text. Raise TimeoutError."""
        with self._cond:
            if not self._cond.wait_for(lambda: test(self._text), timeout):
                raise TimeoutError(f"not seen in time; have:\n{self._text[-4000:]}")
            return self._text


def events(text: str) -> list[dict[str, Any]]:
    """Return the JSON log lines of a recorded log."""
    out = []
    for line in text.splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out


class VirtualClock:
    """A never-stepping clock that moves only when told to (for the schedule), and
    tells its listeners (a schedule asleep until a later moment) when it moved."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.listeners: list[Callable[[], None]] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
        for listener in self.listeners:
            listener()


class WallClock:
    """The wall clock, which a test may step by ``offset``."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


class Harness:
    """A Daemon running in a background thread, with logs and console captured."""

    def __init__(self, config_path: Path, store_path: Path, *,
                 notify: Path | None = None, watchdog_usec: int | None = None,
                 **daemon_kw: Any) -> None:
        self.logs = Recorder()
        self.console = Recorder()
        log.setup(stream=cast(TextIO, self.logs), json=True, verbose=True)
        self.config: Config = load_config(config_path)
        self.store = Store.open(store_path)
        env = {}
        if notify is not None:
            env["NOTIFY_SOCKET"] = str(notify)
        if watchdog_usec is not None:
            env["WATCHDOG_USEC"] = str(watchdog_usec)

        def channels(config: Config) -> list[Channel]:
            return make_channels(config, stream=cast(TextIO, self.console))

        self.daemon = Daemon(self.config, self.store, channels(self.config),
                             notifier=SystemdNotifier(env), make_channels=channels, **daemon_kw)
        monotonic = daemon_kw.get("monotonic")
        if isinstance(monotonic, VirtualClock):  # the schedule sleeps until told it moved
            monotonic.listeners.append(self.daemon.schedule.kick)
        self._thread = threading.Thread(target=self.daemon.run, daemon=True, name="harness")

    def __enter__(self) -> Harness:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.daemon.stop.set()
        self._thread.join(10)

    def wait_log(self, event: str, count: int = 1, timeout: float = 15.0) -> list[dict[str, Any]]:
        """Wait until ``event`` was logged ``count`` times; return those lines."""
        def enough(text: str) -> bool:
            return sum(1 for e in events(text) if e.get("event") == event) >= count

        text = self.logs.wait(enough, timeout)
        return [e for e in events(text) if e.get("event") == event]

    def count(self, event: str) -> int:
        return sum(1 for e in events(self.logs.text()) if e.get("event") == event)


class NotifyListener:
    """A datagram socket standing in for systemd's notify socket, with waiting."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.settimeout(0.05)
        self.messages: list[tuple[float, str]] = []
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.sock.recv(4096).decode()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._cond:
                self.messages.append((time.monotonic(), data))
                self._cond.notify_all()

    def lines(self, since: float = 0.0) -> list[str]:
        with self._cond:
            return [line for at, m in self.messages if at >= since for line in m.split("\n")]

    def wait_for(self, field: str, count: int = 1, since: float = 0.0,
                 timeout: float = 15.0) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: self.lines_unlocked(since).count(field) >= count,
                                       timeout):
                raise TimeoutError(f"{field} x{count} not received: {self.messages[-20:]}")

    def lines_unlocked(self, since: float) -> list[str]:
        return [line for at, m in self.messages if at >= since for line in m.split("\n")]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()
