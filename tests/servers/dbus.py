"""A private D-Bus session bus for tests: one ``dbus-daemon`` in a temp folder.

``DbusDaemon().start()`` returns the bus address; ``stop()`` kills the daemon and
removes its folder. Nothing global is touched: callers pass the address on, or
set ``DBUS_SESSION_BUS_ADDRESS`` themselves (``monkeypatch.setenv``).
"""

from __future__ import annotations

import os
import selectors
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType

DBUS_DAEMON = "dbus-daemon"

# A session-type bus that listens on one unix socket, activates no services and
# lets every client own any name and talk to anyone: the tests are the only
# clients, and a restrictive policy would only hide real behaviour of the code.
_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class DbusDaemon:
    """One private ``dbus-daemon``; usable as a context manager.

    Given nothing, ``start()`` writes a config into a fresh temp folder, runs
    ``dbus-daemon --nofork --print-address=1`` and returns the address it prints
    (ready at that moment). Raise RuntimeError if it exits or prints nothing
    within ``timeout`` seconds.
    """

    def __init__(self, *, timeout: float = 5.0) -> None:
        self.timeout = timeout
        self.address = ""
        self.folder: Path | None = None
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> str:
        """Start the daemon; return its address (``unix:path=...,guid=...``)."""
        # mkdtemp, not pytest's tmp_path: a unix socket path must stay under 108 bytes.
        self.folder = Path(tempfile.mkdtemp(prefix="rw-dbus-"))
        config = self.folder / "session.conf"
        config.write_text(_CONFIG.format(socket=self.folder / "bus"), encoding="utf-8")
        with (self.folder / "dbus-daemon.log").open("wb") as log:
            self._process = subprocess.Popen(
                [DBUS_DAEMON, f"--config-file={config}", "--nofork", "--print-address=1"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=log,
                # Own process group: a Ctrl-C on pytest must not reach it first, and
                # stop() can kill exactly this daemon.
                start_new_session=True,
            )
        self.address = self._read_address()
        return self.address

    def _read_address(self) -> str:
        assert self._process is not None
        assert self._process.stdout is not None
        stdout = self._process.stdout
        data = b""
        with selectors.DefaultSelector() as selector:
            selector.register(stdout, selectors.EVENT_READ)
            while not data.endswith(b"\n"):
                if not selector.select(self.timeout):
                    self.stop()
                    raise RuntimeError(f"dbus-daemon printed no address in {self.timeout} s")
                chunk = os.read(stdout.fileno(), 4096)
                if not chunk:
                    log = self._log()
                    self.stop()
                    raise RuntimeError(f"dbus-daemon exited before it was ready: {log}")
                data += chunk
        return data.decode().strip()

    def _log(self) -> str:
        if self.folder is None:
            return ""
        path = self.folder / "dbus-daemon.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        """Kill the daemon (it holds no state worth a graceful stop); remove its folder."""
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait(timeout=self.timeout)
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self) -> DbusDaemon:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
