"""The desktop channel as a notification server receives it: short texts, urgency,
icon, the desktop-entry hint, actions or the commands that stand in for them; and
the desktop entry that the hint names."""

from __future__ import annotations

import configparser
import shlex
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replywatch.alerts.desktop import DesktopChannel, app_icon
from replywatch.alerts.render import RenderedAlert, render
from replywatch.cli.main import build_parser
from replywatch.core.model import Action, ActionKind, Application, Stage
from tests.servers.notify_server import NotifyServer

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)
ROOT = Path(__file__).resolve().parent.parent
DESKTOP_FILE = ROOT / "share" / "replywatch.desktop"


def follow_up_alert() -> tuple[Application, RenderedAlert]:
    app = Application(id=3, company="Contoso", role="Backend engineer", stage=Stage.APPLIED,
                      applied_at=NOW - 8 * DAY)
    action = Action(3, ActionKind.FOLLOW_UP_DUE, due=NOW - DAY, since=NOW - 8 * DAY, n=1,
                    max_n=3)
    return app, render(app, action, now=NOW, tz=UTC)


@pytest.fixture
def no_icon_theme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the XDG data folders at an empty folder: no icon theme has our icon."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "system"))
    return tmp_path


def test_desktop_channel_follow_up_arrives_short_with_actions_and_normal_urgency(
        notify_server: NotifyServer, no_icon_theme: Path) -> None:
    app, alert = follow_up_alert()

    DesktopChannel(notify_server.bus_address).send(alert, app)

    [note] = notify_server.wait_for(1)
    assert ("Follow up with Contoso (1 of 3)",
            "No answer since Mon 16 Nov 12:00.\n"
            "Reply in the same thread: continue the conversation.\nRole: Backend engineer",
            (("snooze", "Snooze 2 days"), ("replied", "Mark replied")),
            1) == (note.summary, note.body, note.actions, note.hints["urgency"])


def test_desktop_channel_without_icon_theme_sends_packaged_png_and_desktop_entry(
        notify_server: NotifyServer, no_icon_theme: Path) -> None:
    app, alert = follow_up_alert()

    DesktopChannel(notify_server.bus_address).send(alert, app)

    [note] = notify_server.wait_for(1)
    icon = Path(note.icon)
    assert (True, "replywatch.png", b"\x89PNG", "replywatch") == (
        icon.is_absolute(), icon.name, icon.read_bytes()[:4], note.hints["desktop-entry"])


def test_desktop_channel_with_icon_installed_in_hicolor_sends_themed_name(
        notify_server: NotifyServer, no_icon_theme: Path) -> None:
    installed = no_icon_theme / "home" / "icons" / "hicolor" / "scalable" / "apps"
    installed.mkdir(parents=True)
    (installed / "replywatch.svg").write_bytes(
        (ROOT / "src/replywatch/alerts/icons/replywatch.svg").read_bytes())
    app, alert = follow_up_alert()

    DesktopChannel(notify_server.bus_address).send(alert, app)

    assert "replywatch" == notify_server.wait_for(1)[0].icon


def test_desktop_channel_critical_alert_arrives_with_critical_urgency(
        notify_server: NotifyServer) -> None:
    alert = RenderedAlert(key="k", kind="interview", app_id=3, title="Contoso invites you",
                          body="b", email_subject="s", email_body="e", payload={},
                          urgency="critical")

    DesktopChannel(notify_server.bus_address).send(alert, None)

    assert 2 == notify_server.wait_for(1)[0].hints["urgency"]


def test_desktop_channel_server_without_actions_gets_commands_instead(
        dbus_session: str) -> None:
    app, alert = follow_up_alert()

    with NotifyServer(dbus_session, capabilities=("body",)) as server:
        DesktopChannel(dbus_session).send(alert, app)
        [note] = server.wait_for(1)

    assert ((), "Snooze: replywatch app snooze 3 --days 2 · replied: replywatch app log 3 --sent"
            ) == (note.actions, note.body.splitlines()[-1])


def test_app_icon_packaged_file_exists_when_no_theme_has_it(no_icon_theme: Path) -> None:
    assert (True, True) == (Path(app_icon()).is_file(), app_icon().endswith(".png"))


def test_desktop_entry_file_is_valid_and_named_like_the_hint() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True,
                          text=True, check=False)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP_FILE)

    assert ("", 0, "replywatch", "replywatch", "true") == (
        done.stdout + done.stderr, done.returncode, DESKTOP_FILE.stem,
        entry["Desktop Entry"]["Icon"], entry["Desktop Entry"]["X-GNOME-UsesNotifications"])


@pytest.mark.parametrize(("capabilities", "timeout"),
                         [(("actions", "body"), 0), (("actions", "body", "persistence"), -1)])
def test_desktop_channel_server_without_persistence_keeps_it_until_dismissed(
        dbus_session: str, capabilities: tuple[str, ...], timeout: int) -> None:
    app, alert = follow_up_alert()

    with NotifyServer(dbus_session, capabilities=capabilities) as server:
        DesktopChannel(dbus_session).send(alert, app)
        [note] = server.wait_for(1)

    assert timeout == note.timeout


def test_desktop_entry_exec_is_a_replywatch_command_the_parser_takes() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(DESKTOP_FILE)
    program, *args = shlex.split(entry["Desktop Entry"]["Exec"])

    parsed = build_parser().parse_args(args)

    assert ("replywatch", "report", True) == (program, parsed.command, parsed.open)
