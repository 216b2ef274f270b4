"""SystemdNotifier against a real AF_UNIX datagram socket standing in for systemd."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from replywatch.daemon.sdnotify import SystemdNotifier


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A fresh folder with a short path: sun_path holds only 108 bytes, and pytest's
    tmp_path can be longer than that under a deep $TMPDIR.
    """
    folder = Path(tempfile.mkdtemp(prefix="sdn-", dir="/tmp" if os.path.isdir("/tmp") else None))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def manager(short_dir: Path) -> Iterator[tuple[socket.socket, str]]:
    """A bound datagram socket playing the service manager, and its $NOTIFY_SOCKET."""
    path = short_dir / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        sock.settimeout(5)
        yield sock, str(path)


def received(sock: socket.socket) -> str:
    return sock.recv(4096).decode("utf-8")


def test_notifier_ready_sends_ready_1(manager: tuple[socket.socket, str]) -> None:
    sock, path = manager
    notifier = SystemdNotifier({"NOTIFY_SOCKET": path})
    assert notifier.ready()
    assert "READY=1" == received(sock)


def test_notifier_status_sends_status_line(manager: tuple[socket.socket, str]) -> None:
    sock, path = manager
    assert SystemdNotifier({"NOTIFY_SOCKET": path}).status("3 open, 1 due")
    assert "STATUS=3 open, 1 due" == received(sock)


def test_notifier_watchdog_sends_watchdog_1(manager: tuple[socket.socket, str]) -> None:
    sock, path = manager
    assert SystemdNotifier({"NOTIFY_SOCKET": path}).watchdog()
    assert "WATCHDOG=1" == received(sock)


def test_notifier_stopping_sends_stopping_1(manager: tuple[socket.socket, str]) -> None:
    sock, path = manager
    assert SystemdNotifier({"NOTIFY_SOCKET": path}).stopping()
    assert "STOPPING=1" == received(sock)


def test_notifier_several_fields_arrive_in_one_datagram_in_order(
    manager: tuple[socket.socket, str],
) -> None:
    sock, path = manager
    assert SystemdNotifier({"NOTIFY_SOCKET": path}).notify(READY=1, STATUS="3 open, 1 due")
    assert "READY=1\nSTATUS=3 open, 1 due" == received(sock)


def test_notifier_newline_in_value_cannot_forge_a_field(
    manager: tuple[socket.socket, str],
) -> None:
    sock, path = manager
    assert SystemdNotifier({"NOTIFY_SOCKET": path}).status("Acme\nSTOPPING=1")
    assert "STATUS=Acme STOPPING=1" == received(sock)


def test_notifier_default_environ_is_os_environ(
    manager: tuple[socket.socket, str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    sock, path = manager
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    assert SystemdNotifier().ready()
    assert "READY=1" == received(sock)


def test_notifier_abstract_socket_receives_message() -> None:
    name = f"replywatch-test-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(5)
        assert SystemdNotifier({"NOTIFY_SOCKET": "@" + name}).ready()
        assert "READY=1" == received(sock)


def test_notifier_unset_socket_is_a_quiet_no_op() -> None:
    notifier = SystemdNotifier({})
    assert not notifier.enabled
    assert notifier.ready()
    assert notifier.status("idle")
    assert notifier.watchdog()
    assert notifier.stopping()


def test_notifier_nobody_listening_returns_false(short_dir: Path) -> None:
    notifier = SystemdNotifier({"NOTIFY_SOCKET": str(short_dir / "gone")})
    assert notifier.enabled
    assert not notifier.ready()


def test_notifier_relative_socket_path_returns_false() -> None:
    assert not SystemdNotifier({"NOTIFY_SOCKET": "notify"}).ready()


def test_watchdog_interval_is_half_of_watchdog_usec() -> None:
    notifier = SystemdNotifier({"WATCHDOG_USEC": "120000000", "WATCHDOG_PID": str(os.getpid())})
    assert 60.0 == notifier.watchdog_interval()


def test_watchdog_interval_without_pid_applies_to_us() -> None:
    assert 1.5 == SystemdNotifier({"WATCHDOG_USEC": "3000000"}).watchdog_interval()


def test_watchdog_interval_unset_is_none() -> None:
    assert SystemdNotifier({}).watchdog_interval() is None


def test_watchdog_interval_pid_mismatch_is_none() -> None:
    env = {"WATCHDOG_USEC": "120000000", "WATCHDOG_PID": str(os.getpid() + 1)}
    assert SystemdNotifier(env).watchdog_interval() is None


@pytest.mark.parametrize("usec", ["", "0", "-5", "abc", "1.5", "²"])
def test_watchdog_interval_invalid_usec_is_none(usec: str) -> None:
    assert SystemdNotifier({"WATCHDOG_USEC": usec}).watchdog_interval() is None
