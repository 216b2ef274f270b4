"""Desktop notifications over the D-Bus session bus (freedesktop Notifications 1.2).

The only module of replywatch that speaks D-Bus. One connection per notifier,
with jeepney's threaded router: it sends every call *and* hears the server's
``ActionInvoked`` and ``NotificationClosed`` signals. That matters: dunst sends
them as unicast signals to the connection that called ``Notify``, GNOME Shell
broadcasts them; the sending connection, with a match rule for the broadcast,
hears both (a second connection would hear only GNOME's). Every bus call has a
timeout, and every failure of the bus or the server becomes an
``AlertChannelError`` with ``channel="desktop"``. The server's capabilities are
honoured: body markup is escaped only for a server that reads it, actions are
sent only to one that shows them (otherwise the body says what to run instead).
"""

from __future__ import annotations

import contextlib
import html
import os
import queue
import threading
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

from jeepney import DBusAddress, HeaderFields, MatchRule, MessageType, new_method_call
from jeepney.auth import AuthenticationError
from jeepney.bus_messages import DBus
from jeepney.io.common import RouterClosed
from jeepney.io.threading import DBusConnection, DBusRouter, open_dbus_connection
from jeepney.wrappers import DBusErrorResponse, unwrap_msg

from replywatch.alerts import AlertChannelError
from replywatch.alerts.render import RenderedAlert
from replywatch.core.model import Application
from replywatch.core.text import clean_line, clean_text
from replywatch.i18n import N_, _
from replywatch.wakeup import Wakeup

CHANNEL = "desktop"
NOTIFICATIONS_NAME = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
NOTIFICATIONS_INTERFACE = "org.freedesktop.Notifications"
_NOTIFICATIONS = DBusAddress(
    NOTIFICATIONS_PATH, bus_name=NOTIFICATIONS_NAME, interface=NOTIFICATIONS_INTERFACE
)

URGENCY_LOW, URGENCY_NORMAL, URGENCY_CRITICAL = 0, 1, 2
# The name of the icon and of the desktop entry (replywatch.desktop) that desktops
# use to group and label our notifications.
ICON_NAME = DESKTOP_ENTRY = "replywatch"

# Servers show a few lines at most; the caps only stop a hostile message from
# making a huge bus message. Counted in characters, before markup escaping.
MAX_SUMMARY_CHARS = 200
MAX_BODY_CHARS = 2000

# The bus's answers to a call for a name nobody owns and none can be started for.
_NO_SERVER_ERRORS = frozenset(
    {"org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner"}
)
_NO_SERVER = N_("no notification server on the D-Bus session bus (nobody owns {name})")

# Put in listen()'s queue to wake it: the stop was set, or the connection ended.
_LOOK = object()
# Signals kept for listen() while nobody reads them; more are dropped (clicks
# are rare; only a flood from a misbehaving server would fill this).
MAX_QUEUED_SIGNALS = 1000

# Everything the notification server signals, unicast to us or broadcast.
_SIGNALS = MatchRule(type="signal", interface=NOTIFICATIONS_INTERFACE, path=NOTIFICATIONS_PATH)
# The bus delivers a broadcast only to those who asked; sender= a well-known
# name makes it deliver only the name's current owner's signals.
_BROADCAST = MatchRule(
    type="signal", sender=NOTIFICATIONS_NAME, interface=NOTIFICATIONS_INTERFACE,
    path=NOTIFICATIONS_PATH,
)


class _Router(DBusRouter):  # type: ignore[misc]  # jeepney is untyped
    """jeepney's threaded router, whose receiver ends quietly when the bus goes away.

    The stock receiver thread dies with a traceback on stderr when the socket
    closes; here it just ends, calls ``ended`` (which wakes the listener), and
    ``alive`` tells the notifier to reconnect.
    """

    def __init__(self, connection: DBusConnection, ended: Callable[[], None]) -> None:
        self._ended = ended  # before the receiver thread starts
        self._finished = False
        super().__init__(connection)

    def _receiver(self) -> None:
        # OSError: the bus closed the socket; ValueError: it sent garbage.
        try:
            with contextlib.suppress(OSError, ValueError):
                super()._receiver()
        finally:
            self._finished = True  # the thread is still alive while it calls ended()
            self._ended()

    @property
    def alive(self) -> bool:
        return not self._finished and bool(self._rcv_thread.is_alive())


class DesktopNotifier:
    """Send desktop notifications and hear what the user did with them.

    Given a bus address (None: ``$DBUS_SESSION_BUS_ADDRESS``), an application
    name and a timeout in seconds for each bus call. Raise ``AlertChannelError``
    (a ``UserError``) if there is no address. The bus is connected on first use
    and kept until ``close()`` (a lost bus is reconnected on the next call). One
    notifier may be shared by threads: ``notify`` from one, ``listen`` in
    another. Usable as a context manager.
    """

    def __init__(
        self,
        bus_address: str | None = None,
        app_name: str = "replywatch",
        timeout: float = 5.0,
    ) -> None:
        address = (
            bus_address if bus_address is not None else os.environ.get("DBUS_SESSION_BUS_ADDRESS")
        )
        if not address:
            # jeepney would raise a bare KeyError deep inside; say what is missing.
            raise AlertChannelError(
                CHANNEL,
                _("no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set"),
                hint=_("run replywatch inside the desktop session (a systemd --user "
                       "service gets the variable from the session), or turn the desktop "
                       "channel off"),
            )
        self.bus_address = address
        self.app_name = app_name
        self.timeout = timeout
        self._connection: DBusConnection | None = None
        self._router: _Router | None = None
        self._lock = threading.Lock()  # guards opening and closing the connection
        # Survives reconnections: listen() reads it whatever connection fills it.
        self._signals: queue.Queue[Any] = queue.Queue(MAX_QUEUED_SIGNALS)
        # Unique names of the servers that took our notifications: only their
        # signals count (the bus sets the sender field; nobody can fake it).
        self._servers: set[str] = set()

    # --- connection ------------------------------------------------------------

    def _ensure(self) -> _Router:
        """Return the live router, connecting (again) if needed. Raise AlertChannelError."""
        with self._lock:
            if self._router is not None and self._router.alive:
                return self._router
            self._drop()
            connection = self._open()
            router = _Router(connection, self._look)
            router.filter(_SIGNALS, queue=self._signals)
            self._connection, self._router = connection, router
        _unwrap(self._send(router, DBus().AddMatch(_BROADCAST), "AddMatch"), "AddMatch")
        # The server running now is trusted before we notify through it: a click on a
        # notification kept from before a restart (GNOME's message tray) still counts.
        owner = self._send(router, DBus().GetNameOwner(NOTIFICATIONS_NAME), "GetNameOwner")
        if owner.header.message_type == MessageType.method_return:
            with self._lock:
                self._servers.add(str(owner.body[0]))
        return router

    def _open(self) -> DBusConnection:
        """Return a new connection to the bus. Raise AlertChannelError if impossible."""
        try:
            return open_dbus_connection(self.bus_address, auth_timeout=self.timeout)
        except TimeoutError as err:
            raise AlertChannelError(CHANNEL, _(
                "the D-Bus session bus at {address} did not answer within {seconds} s").format(
                address=self.bus_address, seconds=f"{self.timeout:g}")) from err
        except OSError as err:  # no socket, refused, reset
            raise AlertChannelError(CHANNEL, _(
                "cannot connect to the D-Bus session bus at {address}: {error}").format(
                address=self.bus_address, error=err.strerror or err)) from err
        except AuthenticationError as err:
            raise AlertChannelError(CHANNEL, _(
                "the D-Bus session bus at {address} refused us: {error}").format(
                address=self.bus_address, error=err)) from err
        except (ValueError, RuntimeError) as err:
            # jeepney: ValueError for a malformed address, RuntimeError for a
            # transport it cannot use (tcp:, or no unix path at all).
            raise AlertChannelError(CHANNEL, _(
                "cannot use the D-Bus address {address}: {error}").format(
                address=repr(self.bus_address), error=err)) from err

    def _send(self, router: _Router, message: Any, what: str) -> Any:
        """Send a method call; return the reply message. Raise AlertChannelError."""
        try:
            return router.send_and_get_reply(message, timeout=self.timeout)
        except TimeoutError as err:
            self.close()  # the connection's state is unknown: the next call reconnects
            raise AlertChannelError(CHANNEL, _(
                "D-Bus call {call} got no answer within {seconds} s").format(
                call=what, seconds=f"{self.timeout:g}")) from err
        except (OSError, RouterClosed) as err:
            self.close()
            raise AlertChannelError(CHANNEL, _(
                "lost the D-Bus session bus at {address} during {call}").format(
                address=self.bus_address, call=what)) from err

    def _call(self, message: Any, what: str) -> tuple[Any, ...]:
        """Send a method call on the shared connection; return the reply's body."""
        return _unwrap(self._send(self._ensure(), message, what), what)

    def _drop(self) -> None:
        if self._router is not None:
            self._router.close()
            self._router = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def close(self) -> None:
        """Close the bus connection, if open. A later call reconnects."""
        with self._lock:
            self._drop()

    def __enter__(self) -> DesktopNotifier:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- queries -----------------------------------------------------------------

    def available(self) -> tuple[bool, str]:
        """Return (True, server description) if notifications can be shown now.

        Otherwise (False, reason): the bus cannot be reached, or no notification
        server owns (or can be started for) ``org.freedesktop.Notifications``.
        Never raises AlertChannelError.
        """
        try:
            if not self._server_present():
                return True, _("{name} will be started by D-Bus activation").format(
                    name=NOTIFICATIONS_NAME)
            name, vendor, version, spec = self._call(
                new_method_call(_NOTIFICATIONS, "GetServerInformation"), "GetServerInformation"
            )
        except AlertChannelError as err:
            return False, str(err)
        return True, _("notification server {name} {version} ({vendor}, spec {spec})").format(
            name=name, version=version, vendor=vendor, spec=spec)

    def _server_present(self) -> bool:
        """Return True if a server owns the name, False if D-Bus can start one.

        Raise AlertChannelError if there is none and none can be started.
        """
        bus = DBus()
        (owned,) = self._call(bus.NameHasOwner(NOTIFICATIONS_NAME), "NameHasOwner")
        if owned:
            return True
        # Many servers (dunst, mako, xfce4-notifyd) are started by D-Bus
        # activation on the first Notify: not running yet is still fine.
        (activatable,) = self._call(bus.ListActivatableNames(), "ListActivatableNames")
        if NOTIFICATIONS_NAME not in activatable:
            raise AlertChannelError(CHANNEL, _(_NO_SERVER).format(name=NOTIFICATIONS_NAME))
        return False

    def capabilities(self) -> frozenset[str]:
        """Return the notification server's capabilities ("actions", "body-markup", ...).

        Raise AlertChannelError if the bus or the server fails.
        """
        (caps,) = self._call(new_method_call(_NOTIFICATIONS, "GetCapabilities"), "GetCapabilities")
        return frozenset(str(cap) for cap in caps)

    # --- sending -----------------------------------------------------------------

    def notify(
        self,
        summary: str,
        body: str,
        actions: Sequence[tuple[str, str]] = (),
        *,
        replaces_id: int = 0,
        expire_ms: int = -1,
        keep: bool = False,
        urgency: int = URGENCY_NORMAL,
        icon: str = "",
        hints: Mapping[str, str] | None = None,
        no_actions_text: str = "",
    ) -> int:
        """Show a notification; return the id the server gave it.

        ``actions`` are (key, label) pairs, sent only if the server shows
        actions; otherwise ``no_actions_text`` (say, the commands that do the
        same) is added to the body. ``body`` is plain text: it is escaped when
        the server reads body markup; the summary is never markup (spec 1.2).
        ``icon`` is a themed icon name or a file path; ``hints`` are more string
        hints (``desktop-entry``, ``category``). ``replaces_id`` updates an
        earlier notification; ``expire_ms`` -1 lets the server decide, 0 never
        expires; ``keep`` makes it 0 where the server keeps no history (no
        "persistence"), so a notification sent once is not lost to a timeout.
        Raise ValueError for an out-of-range argument, and AlertChannelError if
        the bus, or the server, or its absence fails it.
        """
        if not URGENCY_LOW <= urgency <= URGENCY_CRITICAL:
            raise ValueError(f"urgency must be 0, 1 or 2, not {urgency}")
        if expire_ms < -1 or not 0 <= replaces_id < 2**32:
            raise ValueError("expire_ms must be >= -1 and replaces_id a D-Bus uint32")
        self._server_present()
        caps = self.capabilities()
        if keep and "persistence" not in caps:
            expire_ms = 0
        flat_actions: list[str] = []
        if "actions" in caps:
            for key, label in actions:
                flat_actions += [key, clean_line(label, MAX_SUMMARY_CHARS)]
        elif actions and no_actions_text:
            body = f"{body}\n{no_actions_text}" if body else no_actions_text
        # Cleaned here too, whoever the caller: D-Bus drops the connection on a NUL
        # and cannot carry a lone surrogate.
        summary = clean_line(summary, MAX_SUMMARY_CHARS)
        body = clean_text(body, MAX_BODY_CHARS)
        if "body-markup" in caps:
            # Mail text is hostile: "<a href=...>" must show as text, not as a link,
            # and "<maria@contoso.com>" must not vanish as an unknown tag.
            body = html.escape(body, quote=False)
        all_hints: dict[str, tuple[str, Any]] = {"urgency": ("y", urgency)}
        for key, value in (hints or {}).items():
            all_hints[key] = ("s", clean_line(value))
        message = new_method_call(
            _NOTIFICATIONS,
            "Notify",
            "susssasa{sv}i",
            (self.app_name, replaces_id, clean_line(icon, 4096), summary, body, flat_actions,
             all_hints, expire_ms),
        )
        reply = self._send(self._ensure(), message, "Notify")
        (notification_id,) = _unwrap(reply, "Notify")
        sender = reply.header.fields.get(HeaderFields.sender)
        if sender:
            with self._lock:
                self._servers.add(str(sender))
        return int(notification_id)

    # --- listening ---------------------------------------------------------------

    def _look(self) -> None:
        """Wake ``listen`` to look at its stop and at the connection."""
        with contextlib.suppress(queue.Full):  # a full queue wakes it anyway
            self._signals.put_nowait(_LOOK)

    def listen(
        self,
        handler: Callable[[int, str], None],
        stop: Wakeup,
        *,
        on_closed: Callable[[int, int], None] | None = None,
        ready: threading.Event | None = None,
    ) -> None:
        """Call ``handler(notification_id, action_key)`` for each clicked action until ``stop``.

        Hears the signals of the connection that sends the notifications
        (unicast or broadcast alike), sets ``ready`` once connected, and sleeps
        until a signal comes, ``stop`` is set or the connection ends.
        ``on_closed(notification_id, reason)`` is called for each ``NotificationClosed``.
        Only signals from a server that took one of our notifications count; the
        handlers match ids. An exception from a handler ends the listener. Raise
        AlertChannelError if the bus cannot be reached or is lost (call again to
        reconnect).
        """
        self._ensure()
        if ready is not None:
            ready.set()
        remove = stop.on_set(self._look)
        try:
            while not stop.is_set():
                message = self._signals.get()
                if message is _LOOK:
                    self._raise_if_lost()
                    continue
                self._dispatch(message, handler, on_closed)
        finally:
            remove()

    def _raise_if_lost(self) -> None:
        """Raise AlertChannelError (and close) if the connection has ended."""
        with self._lock:
            lost = self._router is None or not self._router.alive
        if lost:
            self.close()
            raise AlertChannelError(CHANNEL, _("lost the D-Bus session bus at {address}").format(
                address=self.bus_address))

    def _dispatch(self, message: Any, handler: Callable[[int, str], None],
                  on_closed: Callable[[int, int], None] | None) -> None:
        """Call the handler a trusted server's signal is for."""
        with self._lock:
            trusted = message.header.fields.get(HeaderFields.sender) in self._servers
        if not trusted:
            return
        signal = _signal(message)
        if signal == "ActionInvoked":
            notification_id, action_key = message.body
            handler(int(notification_id), str(action_key))
        elif signal == "NotificationClosed" and on_closed is not None:
            notification_id, reason = message.body
            on_closed(int(notification_id), int(reason))


def _signal(message: Any) -> str | None:
    """Return "ActionInvoked" or "NotificationClosed" if ``message`` is that signal."""
    header = message.header
    if header.message_type != MessageType.signal:
        return None
    member = header.fields.get(HeaderFields.member)
    signature = header.fields.get(HeaderFields.signature)
    if (member, signature) in (("ActionInvoked", "us"), ("NotificationClosed", "uu")):
        return str(member)
    return None


def _unwrap(reply: Any, what: str) -> tuple[Any, ...]:
    """Return a method reply's body; raise AlertChannelError for an error reply."""
    try:
        body: tuple[Any, ...] = unwrap_msg(reply)
    except DBusErrorResponse as err:
        if err.name in _NO_SERVER_ERRORS:
            raise AlertChannelError(CHANNEL, _(_NO_SERVER).format(name=NOTIFICATIONS_NAME)
                                    ) from err
        raise AlertChannelError(CHANNEL, _("D-Bus call {call} failed: {error}").format(
            call=what, error=f"{err.name}: {' '.join(map(str, err.data))}")) from err
    return body


class DesktopChannel:
    """Freedesktop notifications: short, with an icon, urgency by what happened,
    grouped under replywatch's desktop entry, with actions where the server shows them.
    """

    name = CHANNEL

    def __init__(self, bus_address: str | None = None) -> None:
        self._bus_address = bus_address
        self._notifier: DesktopNotifier | None = None
        self._icon: str | None = None

    @property
    def notifier(self) -> DesktopNotifier:
        """Return the notifier, made on first use: a missing session bus is this
        channel's error (raised here, as AlertChannelError), never the daemon's.
        """
        if self._notifier is None:
            self._notifier = DesktopNotifier(self._bus_address)
        return self._notifier

    def send(self, alert: RenderedAlert, app: Application | None) -> int | None:
        """Show the notification; return its id (clicks come back with it).

        Raise AlertChannelError if the bus or the server fails.
        """
        if self._icon is None:
            self._icon = app_icon()
        return self.notifier.notify(
            alert.title, alert.body, alert.actions,
            urgency=URGENCY_CRITICAL if alert.urgency == "critical" else URGENCY_NORMAL,
            icon=self._icon, hints={"desktop-entry": DESKTOP_ENTRY}, keep=True,
            no_actions_text=alert.no_actions_text,
        )


def app_icon() -> str:
    """Return replywatch's icon for a notification: the themed name "replywatch" when
    an icon theme on this machine has it (the README installs it into hicolor), else
    the path of the PNG shipped in the package, which every server can load.
    """
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    data_dirs = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    for base in [data_home, *data_dirs.split(":")]:
        if base and any(Path(base, "icons", "hicolor").glob(f"*/apps/{ICON_NAME}.*")):
            return ICON_NAME
    return str(resources.files("replywatch.alerts").joinpath("icons", f"{ICON_NAME}.png"))
