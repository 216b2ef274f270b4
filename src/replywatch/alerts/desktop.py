"""Desktop notifications over the D-Bus session bus (freedesktop Notifications 1.2).

The only module of replywatch that speaks D-Bus. It uses jeepney's blocking
I/O: every bus call has a timeout, and every failure of the bus or the
notification server becomes an ``AlertChannelError`` with ``channel="desktop"``.
Text is cleaned by ``alerts.text`` to what D-Bus can carry (no NUL, valid UTF-8)
and capped here; ``render.py`` decides what the text says, in plain text, and
this module escapes it only for a server that reads body markup.
"""

from __future__ import annotations

import html
import os
import threading
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

from jeepney import DBusAddress, HeaderFields, MatchRule, MessageType, new_method_call
from jeepney.auth import AuthenticationError
from jeepney.bus_messages import DBus
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.wrappers import DBusErrorResponse, unwrap_msg

from replywatch.alerts import AlertChannelError
from replywatch.alerts.render import SNOOZE_DAYS, RenderedAlert, gmail_thread
from replywatch.core.model import ActionKind, Application
from replywatch.core.text import clean_line, clean_text

CHANNEL = "desktop"
NOTIFICATIONS_NAME = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
NOTIFICATIONS_INTERFACE = "org.freedesktop.Notifications"
_NOTIFICATIONS = DBusAddress(
    NOTIFICATIONS_PATH, bus_name=NOTIFICATIONS_NAME, interface=NOTIFICATIONS_INTERFACE
)

URGENCY_LOW, URGENCY_NORMAL, URGENCY_CRITICAL = 0, 1, 2

# Servers show a few lines at most; the caps only stop a hostile message from
# making a huge bus message. Counted in characters, before markup escaping.
MAX_SUMMARY_CHARS = 200
MAX_BODY_CHARS = 2000

# The bus's answers to a call for a name nobody owns and none can be started for.
_NO_SERVER_ERRORS = frozenset(
    {"org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner"}
)
_NO_SERVER = f"no notification server on the D-Bus session bus (nobody owns {NOTIFICATIONS_NAME})"

# How often listen() wakes to look at its stop event.
LISTEN_POLL_SECONDS = 0.5


class DesktopNotifier:
    """Send desktop notifications and hear their action clicks.

    Given a bus address (None: ``$DBUS_SESSION_BUS_ADDRESS``), an application
    name and a timeout in seconds for each bus call. Raise ``AlertChannelError``
    (a ``UserError``) if there is no address. The bus is connected on first use
    and kept until ``close()``; calls are serialised by a lock, so one notifier
    may be shared by threads. Usable as a context manager.
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
                "no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set",
                hint="run replywatch inside the desktop session (a systemd --user "
                "service gets the variable from the session), or turn the desktop "
                "channel off",
            )
        self.bus_address = address
        self.app_name = app_name
        self.timeout = timeout
        self._connection: DBusConnection | None = None
        self._lock = threading.Lock()

    # --- connection ------------------------------------------------------------

    def _open(self) -> DBusConnection:
        """Return a new connection to the bus. Raise AlertChannelError if impossible."""
        try:
            return open_dbus_connection(self.bus_address, auth_timeout=self.timeout)
        except TimeoutError as err:
            raise AlertChannelError(
                CHANNEL,
                f"the D-Bus session bus at {self.bus_address} did not answer "
                f"within {self.timeout:g} s",
            ) from err
        except OSError as err:  # no socket, refused, reset
            raise AlertChannelError(
                CHANNEL,
                f"cannot connect to the D-Bus session bus at {self.bus_address}: "
                f"{err.strerror or err}",
            ) from err
        except AuthenticationError as err:
            raise AlertChannelError(
                CHANNEL, f"the D-Bus session bus at {self.bus_address} refused us: {err}"
            ) from err
        except (ValueError, RuntimeError) as err:
            # jeepney: ValueError for a malformed address, RuntimeError for a
            # transport it cannot use (tcp:, or no unix path at all).
            raise AlertChannelError(
                CHANNEL, f"cannot use the D-Bus address {self.bus_address!r}: {err}"
            ) from err

    def _call(self, message: Any, what: str) -> tuple[Any, ...]:
        """Send a method call on the shared connection; return the reply's body.

        Raise AlertChannelError on a timeout, a lost bus, or an error reply.
        """
        with self._lock:
            if self._connection is None:
                self._connection = self._open()
            return _call_on(self._connection, message, what, self.timeout, self._drop)

    def _drop(self) -> None:
        # After a timeout or a broken socket the connection's state is unknown:
        # the next call opens a fresh one.
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
        bus = DBus()
        try:
            (owned,) = self._call(bus.NameHasOwner(NOTIFICATIONS_NAME), "NameHasOwner")
            if not owned:
                # Many servers (dunst, mako, xfce4-notifyd) are started by D-Bus
                # activation on the first Notify: not running yet is still fine.
                (activatable,) = self._call(bus.ListActivatableNames(), "ListActivatableNames")
                if NOTIFICATIONS_NAME not in activatable:
                    return False, _NO_SERVER
                return True, f"{NOTIFICATIONS_NAME} will be started by D-Bus activation"
            name, vendor, version, spec = self._call(
                new_method_call(_NOTIFICATIONS, "GetServerInformation"), "GetServerInformation"
            )
        except AlertChannelError as err:
            return False, str(err)
        return True, f"notification server {name} {version} ({vendor}, spec {spec})"

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
        urgency: int = URGENCY_NORMAL,
    ) -> int:
        """Show a notification; return the id the server gave it.

        ``actions`` are (key, label) pairs, dropped if the server cannot show
        actions. ``body`` is plain text: it is escaped when the server reads body
        markup; the summary is never markup (spec 1.2). ``replaces_id`` updates
        an earlier notification; ``expire_ms`` -1 lets the server decide, 0 never
        expires. Raise ValueError for an out-of-range argument, and
        AlertChannelError if the bus or the server fails.
        """
        if not URGENCY_LOW <= urgency <= URGENCY_CRITICAL:
            raise ValueError(f"urgency must be 0, 1 or 2, not {urgency}")
        if expire_ms < -1 or not 0 <= replaces_id < 2**32:
            raise ValueError("expire_ms must be >= -1 and replaces_id a D-Bus uint32")
        caps = self.capabilities()
        # Cleaned here too, whoever the caller: D-Bus drops the connection on a NUL
        # and cannot carry a lone surrogate.
        summary = clean_line(summary, MAX_SUMMARY_CHARS)
        body = clean_text(body, MAX_BODY_CHARS)
        if "body-markup" in caps:
            # Mail text is hostile: "<a href=...>" must show as text, not as a link.
            body = html.escape(body, quote=False)
        flat_actions: list[str] = []
        if "actions" in caps:
            for key, label in actions:
                flat_actions += [key, clean_line(label, MAX_SUMMARY_CHARS)]
        message = new_method_call(
            _NOTIFICATIONS,
            "Notify",
            "susssasa{sv}i",
            (
                self.app_name,
                replaces_id,
                "",  # app_icon: the server shows the application's own
                summary,
                body,
                flat_actions,
                {"urgency": ("y", urgency)},
                expire_ms,
            ),
        )
        (notification_id,) = self._call(message, "Notify")
        return int(notification_id)

    # --- listening ---------------------------------------------------------------

    def listen(
        self,
        handler: Callable[[int, str], None],
        stop: threading.Event,
        *,
        ready: threading.Event | None = None,
    ) -> None:
        """Call ``handler(notification_id, action_key)`` for each clicked action until ``stop``.

        Uses its own bus connection (so it may run in a thread beside notify()),
        subscribes to ``ActionInvoked`` from the notification server, sets
        ``ready`` once subscribed, and checks ``stop`` at least every 0.5 s.
        Every server's clicks arrive, not only ours: the handler matches ids.
        An exception from the handler ends the listener. Raise AlertChannelError
        if the bus cannot be reached or is lost.
        """
        connection = self._open()
        try:
            # sender= a well-known name: the bus delivers only signals from the
            # name's current owner, so no other client can fake a click.
            rule = MatchRule(
                type="signal",
                sender=NOTIFICATIONS_NAME,
                interface=NOTIFICATIONS_INTERFACE,
                member="ActionInvoked",
                path=NOTIFICATIONS_PATH,
            )
            _call_on(connection, DBus().AddMatch(rule), "AddMatch", self.timeout, lambda: None)
            if ready is not None:
                ready.set()
            while not stop.is_set():
                try:
                    message = connection.receive(timeout=LISTEN_POLL_SECONDS)
                except TimeoutError:
                    continue
                except OSError as err:
                    raise AlertChannelError(
                        CHANNEL,
                        f"lost the D-Bus session bus at {self.bus_address}: {err.strerror or err}",
                    ) from err
                # The bus also sends us unicast signals (NameAcquired): check.
                if _is_action_invoked(message):
                    notification_id, action_key = message.body
                    handler(int(notification_id), str(action_key))
        finally:
            connection.close()


class DesktopChannel:
    """Freedesktop notifications, with actions where the server shows them."""

    name = CHANNEL

    def __init__(self, bus_address: str | None = None) -> None:
        self._bus_address = bus_address
        self._notifier: DesktopNotifier | None = None

    @property
    def notifier(self) -> DesktopNotifier:
        """Return the notifier, made on first use: a missing session bus is this
        channel's error (raised here, as AlertChannelError), never the daemon's.
        """
        if self._notifier is None:
            self._notifier = DesktopNotifier(self._bus_address)
        return self._notifier

    def send(self, alert: RenderedAlert, app: Application | None) -> int | None:
        """Show the notification; return its id (clicks come back with it)."""
        actions: list[tuple[str, str]] = []
        if app is not None:
            actions = [("snooze", f"Snooze {SNOOZE_DAYS} days"), ("replied", "Mark replied")]
            if gmail_thread(app) is not None:
                actions.insert(0, ("open", "Open"))
            if alert.kind == ActionKind.REPLY.value:
                actions.append(("not_reply", "Not a reply"))
        urgency = 2 if alert.kind == ActionKind.REPLY.value else 1
        return self.notifier.notify(alert.title, alert.body, actions, urgency=urgency)


def _is_action_invoked(message: Any) -> bool:
    """Return whether ``message`` is an ActionInvoked(id, key) signal."""
    header = message.header
    return bool(
        header.message_type == MessageType.signal
        and header.fields.get(HeaderFields.interface) == NOTIFICATIONS_INTERFACE
        and header.fields.get(HeaderFields.member) == "ActionInvoked"
        and header.fields.get(HeaderFields.signature) == "us"
    )


def _call_on(
    connection: DBusConnection,
    message: Any,
    what: str,
    timeout: float,
    on_broken: Callable[[], None],
) -> tuple[Any, ...]:
    """Send ``message`` on ``connection``; return the reply body or raise AlertChannelError."""
    try:
        reply = connection.send_and_get_reply(message, timeout=timeout)
    except TimeoutError as err:
        on_broken()
        raise AlertChannelError(
            CHANNEL, f"D-Bus call {what} got no answer within {timeout:g} s"
        ) from err
    except OSError as err:
        on_broken()
        raise AlertChannelError(
            CHANNEL, f"lost the D-Bus session bus during {what}: {err.strerror or err}"
        ) from err
    try:
        body: tuple[Any, ...] = unwrap_msg(reply)
    except DBusErrorResponse as err:
        if err.name in _NO_SERVER_ERRORS:
            raise AlertChannelError(CHANNEL, _NO_SERVER) from err
        raise AlertChannelError(
            CHANNEL, f"D-Bus call {what} failed: {err.name}: {' '.join(map(str, err.data))}"
        ) from err
    return body
