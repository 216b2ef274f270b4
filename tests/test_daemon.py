"""`replywatch run` as a real subprocess against Dovecot, a private D-Bus and aiosmtpd."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replywatch.cli.main import main
from tests.mailfactory import ME, account_block, eml
from tests.secret_canary import password_command
from tests.servers.dovecot import LocalDovecot
from tests.servers.notify_server import NotifyServer
from tests.servers.smtp import SmtpServer
from tests.tls import TlsFiles


class NotifySocket:
    """An AF_UNIX datagram socket standing in for systemd's notify socket."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.settimeout(0.2)
        self.messages: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                self.messages.append(self.sock.recv(4096).decode())
            except TimeoutError:
                continue
            except OSError:
                return

    def wait_for(self, field: str, timeout: float = 15.0) -> None:
        self.wait_line(lambda line: line == field, field, timeout)

    def wait_line(self, wanted: Callable[[str], bool], what: str,
                  timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(wanted(line) for m in list(self.messages) for line in m.split("\n")):
                return
            time.sleep(0.05)
        raise TimeoutError(f"{what} not received; got {self.messages}")

    def wait_first_tick_done(self) -> None:
        """Wait for READY=1: the daemon sends it once its first pass and the tick after
        it are over, so every alert that pass was going to send is out."""
        self.wait_for("READY=1")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


class Daemon:
    """`python -m replywatch run` in a subprocess."""

    def __init__(self, env: dict[str, str], config: Path, log: Path) -> None:
        self.env, self.config, self.log_path = env, config, log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "replywatch", "--verbose", "--config", str(self.config),
                 "run"],
                env=self.env, stdout=log, stderr=subprocess.STDOUT,
            )

    def log(self) -> list[dict[str, object]]:
        lines = []
        for line in self.log_path.read_text().splitlines():
            try:
                lines.append(json.loads(line))
            except json.JSONDecodeError:
                lines.append({"event": "raw", "text": line})
        return lines

    def wait_log(self, event: str, timeout: float = 15.0, count: int = 1) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if sum(1 for e in self.log() if e.get("event") == event) >= count:
                return
            time.sleep(0.05)
        raise TimeoutError(f"{event} not logged: {self.log_path.read_text()[-3000:]}")

    def signal(self, signum: int) -> int | None:
        assert self.proc is not None
        self.proc.send_signal(signum)
        try:
            return self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class World:
    """A user with Dovecot mailbox, private session bus, SMTP server and a daemon."""

    def __init__(self, tmp: Path, dovecot: LocalDovecot, user: str, bus: str,
                 smtp: SmtpServer, tls: TlsFiles, monkeypatch: pytest.MonkeyPatch) -> None:
        self.dovecot, self.user, self.smtp = dovecot, user, smtp
        self.config = tmp / "config.toml"
        self.config.write_text(
            account_block(dovecot, user)
            + '\n[alerts]\nchannels = ["desktop", "email"]\nquiet_hours = []\n'
            + "\n[alerts.email]\n"
            + f'host = "{smtp.host}"\nport = {smtp.port}\nsecurity = "starttls"\n'
            + f'username = "{smtp.username}"\n'
            + f"password_command = {json.dumps(password_command(smtp.password))}\n"
            + f'ca_file = "{tls.ca_cert}"\nfrom = "replywatch@example.org"\nto = "{ME}"\n'
            + "\n[daemon]\nidle_minutes = 1\n"
        )
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("NOTIFY_", "WATCH"))}
        self.env.update(XDG_DATA_HOME=str(tmp / "data"), XDG_CONFIG_HOME=str(tmp / "cfg"),
                        DBUS_SESSION_BUS_ADDRESS=bus, NOTIFY_SOCKET=str(tmp / "notify"),
                        WATCHDOG_USEC="1000000", PYTHONUNBUFFERED="1")
        for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "DBUS_SESSION_BUS_ADDRESS"):
            monkeypatch.setenv(key, self.env[key])
        self.notify = NotifySocket(tmp / "notify")
        self.daemon = Daemon(self.env, self.config, tmp / "daemon.log")

    def cli(self, *args: str) -> str:
        import contextlib
        import io

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["--config", str(self.config), *args])
        assert 0 == code
        return out.getvalue()

    def add_app(self, *args: str) -> int:
        return int(self.cli("app", "add", *args).strip())

    def show(self, app_id: int) -> dict[str, object]:
        data: dict[str, object] = json.loads(self.cli("app", "show", str(app_id), "--json"))
        return data

    def start(self) -> None:
        self.daemon.start()
        self.notify.wait_for("READY=1")




def wait_until(condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.02)


def ago(days: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")


def test_daemon_reply_under_idle_reaches_notification_within_3_seconds(
        world: World, notify_server: NotifyServer) -> None:
    world.add_app("--company", "Acme", "--contact", "jane@acme.com", "--applied", ago(2))
    world.start()
    world.daemon.wait_log("idle_started")
    wait_until(lambda: "IDLE" in world.dovecot.commands_sent(world.user), "IDLE sent")
    started = time.monotonic()
    world.dovecot.add_message(world.user, eml(sender="Jane <jane@acme.com>",
                                              subject="Interview?", msgid="idle@acme.com"))
    notes = notify_server.wait_for(1, timeout=10)
    elapsed = time.monotonic() - started
    assert ("Acme replied — your answer is due", True) == (notes[0].summary, elapsed < 3.0), elapsed


def test_daemon_due_follow_up_alerts_once_and_never_again_after_kill_and_restart(
        world: World, notify_server: NotifyServer, smtp_server: SmtpServer) -> None:
    app_id = world.add_app("--company", "Globex", "--contact", "hr@globex.io",
                           "--applied", ago(8))
    world.start()
    notes = notify_server.wait_for(1)
    mails = smtp_server.wait_for(1)
    world.daemon.wait_log("alerts_done")
    assert world.daemon.proc is not None
    os.kill(world.daemon.proc.pid, signal.SIGKILL)
    world.daemon.proc.wait()
    world.notify.messages.clear()
    world.daemon.start()
    world.notify.wait_for("READY=1")
    world.daemon.wait_log("pass_done", count=2)
    world.notify.wait_first_tick_done()  # a repeat would have been sent before READY
    assert (1, 1) == (len(notify_server.notifications), len(smtp_server.messages))
    assert "Follow up with Globex (1 of 3)" == notes[0].summary
    assert "Follow up with Globex (1 of 3)" in str(mails[0].message["Subject"])
    assert [("snooze", "Snooze 2 days"), ("replied", "Mark replied")] == list(notes[0].actions)
    assert "follow_up_due" == world.show(app_id)["next_action"]["kind"]  # type: ignore[index]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_daemon_stops_on_signal_within_5_seconds_with_exit_0(
        world: World, signum: int) -> None:
    world.start()
    world.daemon.wait_log("idle_started")
    started = time.monotonic()
    code = world.daemon.signal(signum)
    assert (0, True) == (code, time.monotonic() - started < 5.0)
    world.notify.wait_for("STOPPING=1", timeout=1)


def click_on_follow_up(world: World, notify_server: NotifyServer, action: str) -> int:
    """Start the daemon on a due follow-up, click ``action`` on its notification;
    return the application's id once the daemon applied the click.
    """
    app_id = world.add_app("--company", "Initech", "--contact", "bill@initech.com",
                           "--applied", ago(8))
    world.start()
    note = notify_server.wait_for(1)[0]
    world.daemon.wait_log("alerts_done")
    notify_server.invoke_action(note.id, action)
    world.daemon.wait_log("notification_action")
    return app_id


@pytest.mark.parametrize("notify_server", ["unicast"], indirect=True)  # dunst's way
def test_daemon_mark_replied_click_updates_application(
        world: World, notify_server: NotifyServer) -> None:
    app = world.show(click_on_follow_up(world, notify_server, "replied"))
    events = app["events"]
    assert isinstance(events, list)
    assert ("them", "marked replied", "to_them") == (
        app["waiting_on"], events[-1]["note"], events[-1]["direction"])


@pytest.mark.parametrize("notify_server", ["unicast", "broadcast"], indirect=True)
def test_daemon_snooze_click_silences_application(
        world: World, notify_server: NotifyServer) -> None:
    snoozed = world.show(click_on_follow_up(world, notify_server, "snooze"))["snoozed_until"]
    assert isinstance(snoozed, str)
    days = (datetime.fromisoformat(snoozed) - datetime.now(UTC)).total_seconds() / 86400
    assert 1.9 < days <= 2.0


def test_daemon_notify_socket_gets_ready_status_and_watchdog(world: World) -> None:
    world.add_app("--company", "Acme", "--applied", ago(8))
    world.start()
    world.notify.wait_for("WATCHDOG=1", timeout=5)
    statuses = [line for m in world.notify.messages for line in m.split("\n")
                if line.startswith("STATUS=")]
    assert "STATUS=1 open, 1 due" in statuses


def test_daemon_unreachable_account_still_becomes_ready_and_is_reported_once(
        world: World, notify_server: NotifyServer) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    text = world.config.read_text().replace(f"port = {world.dovecot.port}", f"port = {closed}")
    world.config.write_text(text)
    world.start()
    notes = notify_server.wait_for(1)
    world.notify.wait_first_tick_done()  # a second alert would have come before READY
    assert ["replywatch cannot read account 'mail'"] == [n.summary for n in notes]
    assert 1 == len(notify_server.notifications)
