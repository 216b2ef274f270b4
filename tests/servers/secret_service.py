"""A real Secret Service for tests: ``gnome-keyring-daemon`` on a private bus.

``--unlock`` reads a password on standard input and creates (or unlocks) the
"login" keyring with it, so the keyring library's SecretService backend can
store and read secrets with no prompt and no desktop. Its files live in a temp
folder (HOME and XDG_* point there); the user's own keyring is never touched.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

from jeepney.bus_messages import message_bus
from jeepney.io.blocking import Proxy, open_dbus_connection

SECRETS_NAME = "org.freedesktop.secrets"
GNOME_KEYRING_DAEMON = "gnome-keyring-daemon"


class GnomeKeyring:
    """One ``gnome-keyring-daemon --components=secrets`` on the bus at ``bus_address``.

    ``start()`` returns once the daemon owns ``org.freedesktop.secrets``; raise
    RuntimeError if it exits or does not get there within ``timeout`` seconds.
    """

    def __init__(
        self, bus_address: str, *, unlock_password: str = "login-pw", timeout: float = 5.0
    ) -> None:
        self.bus_address = bus_address
        self.unlock_password = unlock_password
        self.timeout = timeout
        self.folder: Path | None = None
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> GnomeKeyring:
        """Start the daemon with an unlocked login keyring; return self when it serves."""
        self.folder = Path(tempfile.mkdtemp(prefix="rw-keyring-"))
        runtime = self.folder / "run"
        runtime.mkdir(mode=0o700)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.folder),
            "XDG_DATA_HOME": str(self.folder / "data"),  # keyrings/ lands here
            "XDG_CONFIG_HOME": str(self.folder / "config"),
            "XDG_RUNTIME_DIR": str(runtime),  # its control socket
            "DBUS_SESSION_BUS_ADDRESS": self.bus_address,
        }
        with (self.folder / "daemon.log").open("wb") as log:
            self._process = subprocess.Popen(
                [GNOME_KEYRING_DAEMON, "--foreground", "--unlock", "--components=secrets"],
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=log,
                env=env,
                start_new_session=True,  # stop() kills its whole process group
            )
        assert self._process.stdin is not None
        # The daemon reads the password until EOF.
        self._process.stdin.write(self.unlock_password.encode())
        self._process.stdin.close()
        try:
            self._wait_until_serving()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_until_serving(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.timeout
        with open_dbus_connection(self.bus_address) as connection:
            bus = Proxy(message_bus, connection, timeout=self.timeout)
            while not bus.NameHasOwner(SECRETS_NAME)[0]:
                if self._process.poll() is not None:
                    raise RuntimeError(
                        f"gnome-keyring-daemon exited with {self._process.returncode}: {self.log()}"
                    )
                if time.monotonic() > deadline:
                    raise RuntimeError(f"gnome-keyring-daemon not serving after {self.timeout} s")
                time.sleep(0.01)

    def log(self) -> str:
        """Return what the daemon wrote to stdout and stderr so far."""
        if self.folder is None or not (self.folder / "daemon.log").exists():
            return ""
        return (self.folder / "daemon.log").read_text(errors="replace")

    def stop(self) -> None:
        """Kill the daemon (its state is thrown away) and remove its folder."""
        if self._process is not None:
            if self._process.poll() is None:
                os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait(self.timeout)
            self._process = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self) -> GnomeKeyring:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
