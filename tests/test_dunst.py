"""Against a real dunst 1.9 on a private bus, drawing on Xvfb: what it shows, and
clicks on its actions reaching the daemon (dunst sends them to the notifying
connection only, unlike GNOME Shell)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from replywatch.alerts.desktop import DesktopNotifier
from tests.servers.dovecot import LocalDovecot
from tests.servers.dunst import Dunst
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
