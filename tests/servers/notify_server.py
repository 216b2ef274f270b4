"""A recording ``org.freedesktop.Notifications`` server for tests (dbus-fast).

It owns the well-known name on a given bus, records every ``Notify`` call and
plays the user: ``invoke_action(id, key)`` emits ``ActionInvoked`` and then
``NotificationClosed`` exactly as a click on a notification's button does.
It plays either of the two behaviours seen in the wild: ``signals="broadcast"``
(GNOME Shell: the signals go to every connection that asked) or
``signals="unicast"`` (dunst 1.9: addressed to the connection that called
``Notify`` for that notification, and to no other).
It runs an asyncio loop in a daemon thread; the test API is thread-safe.

Do not add ``from __future__ import annotations`` here: dbus-fast reads the
D-Bus signatures from the live annotations of the service methods.
"""

import asyncio
import itertools
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Annotated, Any

from dbus_fast import Message, MessageType, RequestNameReply
from dbus_fast.aio import MessageBus
from dbus_fast.annotations import DBusDict, DBusInt32, DBusSignature, DBusStr, DBusUInt32
from dbus_fast.service import ServiceInterface, dbus_method, dbus_signal

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"

DEFAULT_CAPABILITIES = ("actions", "body")

# NotificationClosed reasons, from the Desktop Notifications Specification 1.2.
CLOSED_EXPIRED = 1
CLOSED_DISMISSED = 2
CLOSED_BY_CALL = 3

BROADCAST = "broadcast"
UNICAST = "unicast"

DBusStrList = Annotated[list[str], DBusSignature("as")]


@dataclass(frozen=True)
class Notification:
    """One recorded ``Notify`` call; ``id`` is what the server returned."""

    id: int
    app_name: str
    replaces_id: int
    icon: str
    summary: str
    body: str
    actions: tuple[tuple[str, str], ...]  # (key, label) pairs, in the order sent
    hints: dict[str, Any]  # Variant values unwrapped
    timeout: int
    sender: str = ""  # the unique bus name of the connection that called Notify


class _NotificationsInterface(ServiceInterface):
    """The D-Bus face of ``NotifyServer``; all state lives in the server object."""

    def __init__(self, server: "NotifyServer") -> None:
        super().__init__(INTERFACE)
        self._server = server

    @dbus_method()
    def GetCapabilities(self) -> DBusStrList:
        return sorted(self._server.capabilities)

    @dbus_method()
    def GetServerInformation(
        self,
    ) -> Annotated[tuple[str, str, str, str], DBusSignature("ssss")]:
        return ("replywatch-test-notify", "replywatch", "1.0", "1.2")

    @dbus_method()
    def Notify(  # the D-Bus method takes eight positional arguments
        self,
        app_name: DBusStr,
        replaces_id: DBusUInt32,
        app_icon: DBusStr,
        summary: DBusStr,
        body: DBusStr,
        actions: DBusStrList,
        hints: DBusDict,
        expire_timeout: DBusInt32,
    ) -> DBusUInt32:
        # Per the spec, a replacement keeps the id of the notification it replaces.
        new_id = replaces_id or self._server._new_id()
        self._server._append(
            Notification(
                id=new_id,
                app_name=app_name,
                replaces_id=replaces_id,
                icon=app_icon,
                summary=summary,
                body=body,
                actions=tuple(zip(actions[::2], actions[1::2], strict=False)),
                hints={key: variant.value for key, variant in hints.items()},
                timeout=expire_timeout,
                sender=self._server._caller,
            )
        )
        return new_id

    @dbus_method()
    def CloseNotification(self, id: DBusUInt32) -> None:
        self._server._closed_by_call(id)
        self.NotificationClosed(id, CLOSED_BY_CALL)

    @dbus_signal()
    def ActionInvoked(
        self, id: int, action_key: str
    ) -> Annotated[tuple[int, str], DBusSignature("us")]:
        return (id, action_key)

    @dbus_signal()
    def NotificationClosed(
        self, id: int, reason: int
    ) -> Annotated[tuple[int, int], DBusSignature("uu")]:
        return (id, reason)


class NotifyServer:
    """A recording notification server on the bus at ``bus_address``.

    Given a bus address and the capabilities to announce, ``start()`` connects,
    exports the interface and owns ``org.freedesktop.Notifications``; it raises
    RuntimeError if the name is already owned. Use as a context manager.
    """

    def __init__(
        self,
        bus_address: str,
        *,
        capabilities: Iterable[str] = DEFAULT_CAPABILITIES,
        signals: str = BROADCAST,
        timeout: float = 5.0,
    ) -> None:
        if signals not in (BROADCAST, UNICAST):
            raise ValueError(f"signals must be {BROADCAST!r} or {UNICAST!r}, not {signals!r}")
        self.bus_address = bus_address
        self.capabilities = frozenset(capabilities)
        self.signals = signals
        self._caller = ""  # sender of the method call being dispatched (loop thread only)
        self.timeout = timeout
        self.closed_ids: list[int] = []  # ids closed by CloseNotification, in order
        self._notifications: list[Notification] = []
        self._changed = threading.Condition()
        self._ids = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._bus: MessageBus | None = None
        self._interface = _NotificationsInterface(self)

    # --- life cycle -------------------------------------------------------

    def start(self) -> "NotifyServer":
        """Start the loop thread and own the name; return self once it is owned."""
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="notify-server", daemon=True
        )
        self._thread.start()
        try:
            self._run(self._connect())
        except BaseException:
            self.stop()
            raise
        return self

    async def _connect(self) -> None:
        self._bus = await MessageBus(bus_address=self.bus_address).connect()
        # Runs before the exported method on the same loop: Notify reads the caller.
        self._bus.add_message_handler(self._note_caller)
        self._bus.export(OBJECT_PATH, self._interface)
        reply = await self._bus.request_name(BUS_NAME)
        if reply is not RequestNameReply.PRIMARY_OWNER:
            raise RuntimeError(f"{BUS_NAME} is already owned on this bus ({reply.name})")

    def stop(self) -> None:
        """Leave the bus and end the loop thread; safe to call twice."""
        if self._loop is None:
            return
        if self._bus is not None:
            self._run(self._disconnect())
            self._bus = None
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(self.timeout)
            self._thread = None
        self._loop.close()
        self._loop = None

    async def _disconnect(self) -> None:
        assert self._bus is not None
        self._bus.disconnect()
        await self._bus.wait_for_disconnect()  # type: ignore[no-untyped-call]

    def _run(self, coroutine: Any) -> Any:
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(self.timeout)

    def __enter__(self) -> "NotifyServer":
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- test API -----------------------------------------------------------

    @property
    def notifications(self) -> list[Notification]:
        """A copy of the recorded Notify calls, oldest first."""
        with self._changed:
            return list(self._notifications)

    def wait_for(self, count: int, timeout: float = 5.0) -> list[Notification]:
        """Return the recorded calls once there are at least ``count``.

        Raise TimeoutError if fewer than ``count`` arrive within ``timeout`` seconds.
        """
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._notifications) >= count, timeout):
                raise TimeoutError(
                    f"expected {count} notification(s), got {len(self._notifications)}"
                )
            return list(self._notifications)

    def invoke_action(self, notification_id: int, action_key: str) -> None:
        """Play a user's click: emit ActionInvoked, then NotificationClosed (dismissed).

        Raise ValueError if no recorded notification ``notification_id`` offers
        ``action_key``: a real server cannot invoke an action it never showed.
        """
        offered = {
            key for n in self.notifications if n.id == notification_id for key, _label in n.actions
        }
        if action_key not in offered:
            raise ValueError(f"notification {notification_id} has no action {action_key!r}")
        self._run(self._emit_click(notification_id, action_key))

    async def _emit_click(self, notification_id: int, action_key: str) -> None:
        if self.signals == BROADCAST:
            self._interface.ActionInvoked(notification_id, action_key)
            self._interface.NotificationClosed(notification_id, CLOSED_DISMISSED)
            return
        # dunst 1.9: both signals addressed to the connection that sent the notification.
        [caller] = {n.sender for n in self.notifications if n.id == notification_id}
        assert self._bus is not None
        for member, signature, body in (
            ("ActionInvoked", "us", [notification_id, action_key]),
            ("NotificationClosed", "uu", [notification_id, CLOSED_DISMISSED]),
        ):
            await self._bus.send(Message(
                message_type=MessageType.SIGNAL, destination=caller, path=OBJECT_PATH,
                interface=INTERFACE, member=member, signature=signature, body=body,
            ))

    # --- called on the loop thread by the interface ---------------------------

    def _note_caller(self, message: Message) -> None:
        if message.message_type is MessageType.METHOD_CALL and message.member == "Notify":
            self._caller = message.sender or ""

    def _new_id(self) -> int:
        return next(self._ids)

    def _append(self, notification: Notification) -> None:
        with self._changed:
            self._notifications.append(notification)
            self._changed.notify_all()

    def _closed_by_call(self, notification_id: int) -> None:
        with self._changed:
            self.closed_ids.append(notification_id)
            self._changed.notify_all()
