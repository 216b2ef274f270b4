"""Against a real dunst 1.9 on a private bus, drawing on Xvfb: what it shows, and
clicks on its actions reaching the daemon (dunst sends them to the notifying
connection only, unlike GNOME Shell)."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replywatch.alerts.desktop import DesktopChannel, DesktopNotifier
from replywatch.alerts.render import ReplyInfo, render
from replywatch.core.model import Action, ActionKind, Application, Stage
from tests.servers.dovecot import LocalDovecot
from tests.servers.dunst import HEIGHT, WIDTH, Dunst
from tests.servers.smtp import SmtpServer
from tests.test_daemon import World, ago
from tests.tls import TlsFiles

_TAG = re.compile(r"<[^<>]{0,200}>")


def shown(message: str) -> str:
    """Return the text dunst draws for its Pango ``message``: tags dropped, entities read."""
    return html.unescape(_TAG.sub("", message))


@pytest.fixture
def dunst_world(tmp_path: Path, dovecot: LocalDovecot, imap_user: str, dbus_session: str,
                dunst: Dunst, smtp_server: SmtpServer, tls_files: TlsFiles,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    w = World(tmp_path, dovecot, imap_user, dbus_session, smtp_server, tls_files, monkeypatch)
    yield w
    w.daemon.stop()
    w.notify.close()


def click_through_daemon(world: World, dunst: Dunst, label: str) -> int:
    """Start the daemon on a due follow-up, click ``label`` in dunst; return the app id
    once the daemon applied the click.
    """
    app_id = world.add_app("--company", "Initech", "--contact", "bill@initech.com",
                           "--applied", ago(8))
    world.start()
    world.daemon.wait_log("alerts_done")
    dunst.click(label)
    world.daemon.wait_log("notification_action")
    return app_id


def test_dunst_snooze_click_through_daemon_snoozes_application(
        dunst_world: World, dunst: Dunst) -> None:
    app_id = click_through_daemon(dunst_world, dunst, "Snooze")

    snoozed = dunst_world.show(app_id)["snoozed_until"]
    assert isinstance(snoozed, str)
    days = (datetime.fromisoformat(snoozed) - datetime.now(UTC)).total_seconds() / 86400
    assert 1.9 < days <= 2.0


def test_dunst_mark_replied_click_through_daemon_logs_message_to_them(
        dunst_world: World, dunst: Dunst) -> None:
    app = dunst_world.show(click_through_daemon(dunst_world, dunst, "Mark replied"))

    events = app["events"]
    assert isinstance(events, list)
    assert ("them", "marked replied", "to_them") == (
        app["waiting_on"], events[-1]["note"], events[-1]["direction"])


@pytest.mark.parametrize(("dunst", "markup"), [("full", True), ("no", False)],
                         indirect=["dunst"])
def test_dunst_address_in_angle_brackets_is_shown_with_or_without_markup(
        dunst: Dunst, markup: bool) -> None:
    with DesktopNotifier(dunst.bus_address) as notifier:
        announced = "body-markup" in notifier.capabilities()
        notifier.notify("Contoso replied", "Maria Lopez <maria@contoso.com> & Co wrote")

    [note] = dunst.history()
    assert (markup, "Maria Lopez <maria@contoso.com> & Co wrote") == (
        announced, shown(note["message"]).split("\n")[-1])


def test_dunst_screenshot_of_real_alerts_shows_them_with_icon(
        dunst: Dunst, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Also makes the README's picture: scripts/notifications_screenshot.sh."""
    target = os.environ.get("REPLYWATCH_SCREENSHOT")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-theme"))  # the packaged icon
    now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    channel = DesktopChannel(dunst.bus_address)
    for app, action, reply in sample_alerts(now):
        channel.send(render(app, action, now=now, tz=UTC, reply=reply), app)
    dunst.wait_displayed(3)
    shot = dunst.screenshot(tmp_path / "notifications.png")
    width, height, colours = subprocess.run(
        ["identify", "-format", "%w %h %k", str(shot)], capture_output=True, text=True,
        check=True).stdout.split()
    shown_notes = dunst.history()
    if target:
        shutil.copyfile(shot, target)

    assert ((WIDTH, HEIGHT), True, ["Follow up with Globex (1 of 3)",
                                    "Thank Initech for the interview",
                                    "Contoso replied — your answer is due"],
            {"replywatch.png"}) == (
        (int(width), int(height)), int(colours) > 50,
        [n["summary"] for n in shown_notes], {Path(n["icon_path"]).name for n in shown_notes})


def sample_alerts(now: datetime) -> list[tuple[Application, Action, ReplyInfo | None]]:
    """A reply, a thank-you and a follow-up, as a job seeker's week might bring them."""
    day = timedelta(days=1)
    contoso = Application(id=1, company="Contoso", role="Backend Engineer",
                          stage=Stage.APPLIED, applied_at=now - 9 * day)
    initech = Application(id=2, company="Initech", role="Site Reliability Engineer",
                          stage=Stage.INTERVIEWING, applied_at=now - 20 * day)
    globex = Application(id=3, company="Globex", role="Data Engineer", stage=Stage.APPLIED,
                         applied_at=now - 8 * day)
    reply = ReplyInfo(sender="Maria Lopez <maria@contoso.com>",
                      subject="Re: Backend Engineer — next steps", at=now - timedelta(hours=2))
    return [
        (contoso, Action(1, ActionKind.REPLY, due=reply.at, since=reply.at), reply),
        (initech, Action(2, ActionKind.THANK_YOU_DUE, due=now - timedelta(hours=1),
                         since=now - timedelta(hours=3), overdue_at=now + 21 * timedelta(hours=1)),
         None),
        (globex, Action(3, ActionKind.FOLLOW_UP_DUE, due=now - day, since=now - 8 * day, n=1,
                        max_n=3), None),
    ]
