"""A real notification daemon for tests: dunst on a private bus, drawing on Xvfb.

``Xvfb`` starts a virtual X server on a free display (it writes the display
number to a pipe once it accepts clients: ``-displayfd``). ``Dunst`` starts
dunst 1.9 on that display and a private session bus, ready once it owns
``org.freedesktop.Notifications``. It plays the user: ``click(label)`` opens
dunst's context menu, whose "dmenu" is a ``grep`` for the label, so dunst
invokes the first action whose label holds it and sends ``ActionInvoked`` to
the notifying connection, as a click would. ``history()`` is what dunst showed
(``dunstctl history``), and ``screenshot(path)`` a picture of the screen.
Debian packages: xvfb, dunst, dbus-bin (dunstctl), imagemagick (import).
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from jeepney import MatchRule
from jeepney.bus_messages import DBus
from jeepney.io.blocking import open_dbus_connection

NOTIFICATIONS = "org.freedesktop.Notifications"
WIDTH, HEIGHT = 600, 320

# show_indicators off: no "(A)" before a summary. timeout 0: a notification stays
# until closed, so a screenshot or a click never races its expiry. Colours: a
# critical one stands out by its frame, as on most desktops.
_CONFIG = """[global]
    markup = {markup}
    dmenu = /bin/sh -c "grep -m1 -F -f {choice}"
    font = DejaVu Sans 10
    width = {width}
    origin = top-right
    offset = 10x10
    padding = 10
    horizontal_padding = 10
    frame_width = 2
    separator_height = 2
    gap_size = 6
    icon_position = left
    min_icon_size = 32
    max_icon_size = 48
    show_indicators = no
    format = "<b>%s</b>\\n%b"

[urgency_low]
    background = "#2b2f36"
    foreground = "#d8dee9"
    frame_color = "#4c566a"
    timeout = 0

[urgency_normal]
    background = "#2b2f36"
    foreground = "#eceff4"
    frame_color = "#5e81ac"
    timeout = 0

[urgency_critical]
    background = "#3b2f36"
    foreground = "#eceff4"
    frame_color = "#bf616a"
    timeout = 0
"""


class Xvfb:
    """A virtual X server on a free display; ``start()`` returns it (":N")."""

    def __init__(self, *, timeout: float = 10.0) -> None:
        self.timeout = timeout
        self.display = ""
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> str:
        """Start Xvfb; return the display once it accepts clients. Raise RuntimeError."""
        read_end, write_end = os.pipe()
        try:
            self._process = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                 f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
                pass_fds=(write_end,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, start_new_session=True,
            )
        finally:
            os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            number = _read_line(pipe.fileno(), self.timeout)
        if not number.isdigit():
            self.stop()
            raise RuntimeError("Xvfb did not report a display")
        self.display = f":{number}"
        return self.display

    def stop(self) -> None:
        """Kill the X server (it holds nothing worth a graceful stop)."""
        if self._process is not None:
            self._process.kill()
            self._process.wait(self.timeout)
            self._process = None

    def __enter__(self) -> Xvfb:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


class Dunst:
    """dunst on ``bus_address`` drawing on ``display``; a context manager.

    ``markup`` is dunst's setting: "full" (it announces body-markup) or "no"
    (it does not, and shows text as it comes).
    """

    def __init__(self, bus_address: str, display: str, *, markup: str = "full",
                 timeout: float = 10.0) -> None:
        self.bus_address, self.display, self.timeout = bus_address, display, timeout
        self.folder = Path(tempfile.mkdtemp(prefix="rw-dunst-"))
        self.choice = self.folder / "choice"
        self.choice.write_text("\n")
        self.config = self.folder / "dunstrc"
        self.config.write_text(_CONFIG.format(markup=markup, choice=self.choice,
                                              width=WIDTH - 72))
        self.env = {
            **os.environ, "DISPLAY": display, "DBUS_SESSION_BUS_ADDRESS": bus_address,
            "XDG_CONFIG_HOME": str(self.folder), "HOME": str(self.folder),
        }
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> Dunst:
        """Start dunst; return self once it owns the name. Raise RuntimeError if it does not."""
        with open_dbus_connection(self.bus_address) as bus:
            rule = MatchRule(type="signal", interface="org.freedesktop.DBus",
                             member="NameOwnerChanged")
            rule.add_arg_condition(0, NOTIFICATIONS)
            bus.send_and_get_reply(DBus().AddMatch(rule), timeout=self.timeout)
            with bus.filter(rule) as owner_changes, (self.folder / "dunst.log").open("wb") as log:
                self._process = subprocess.Popen(
                    ["dunst", "-config", str(self.config)], env=self.env,
                    stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
                try:
                    bus.recv_until_filtered(owner_changes, timeout=self.timeout)
                except TimeoutError:
                    self.stop()
                    raise RuntimeError(f"dunst did not own {NOTIFICATIONS}") from None
        return self

    def click(self, label: str) -> None:
        """Invoke the first action, on any shown notification, whose label holds ``label``."""
        self.choice.write_text(label + "\n")
        self._ctl("context")

    def history(self) -> list[dict[str, Any]]:
        """Close every notification; return all dunst showed, newest first, as plain dicts."""
        self._ctl("close-all")
        data = json.loads(self._ctl("history"))
        return [{key: field["data"] for key, field in n.items()} for n in data["data"][0]]

    def wait_displayed(self, count: int) -> None:
        """Return once dunst shows ``count`` notifications. Raise TimeoutError.

        Asks dunst itself (each answer is a D-Bus round trip, about 10 ms): it
        draws a notification in the same turn of its loop that counts it shown.
        """
        deadline = time.monotonic() + self.timeout
        while int(self._ctl("count", "displayed")) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"dunst did not show {count} notifications")

    def screenshot(self, path: Path) -> Path:
        """Write a PNG of the whole screen to ``path``; return it."""
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True,
                       capture_output=True, timeout=self.timeout)
        return path

    def _ctl(self, *args: str) -> str:
        done = subprocess.run(["dunstctl", *args], env=self.env, check=True,
                              capture_output=True, timeout=self.timeout)
        return done.stdout.decode()

    def stop(self) -> None:
        """Kill dunst; remove its folder."""
        if self._process is not None:
            self._process.kill()
            self._process.wait(self.timeout)
            self._process = None
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Dunst:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def _read_line(fd: int, timeout: float) -> str:
    """Return the first line written to ``fd`` ("" at EOF). Raise TimeoutError."""
    data = b""
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while not data.endswith(b"\n"):
            if not selector.select(max(0.0, deadline - time.monotonic())):
                raise TimeoutError("no line within the timeout")
            chunk = os.read(fd, 64)
            if not chunk:
                break
            data += chunk
    return data.decode().strip()
