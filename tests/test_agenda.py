"""The agenda judges again only what changed or crossed a boundary, with the same
alerts as judging everything; the daemon's next tick is the next boundary."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from replywatch.alerts.deliver import Alerter, quiet_until
from replywatch.cli.main import main
from replywatch.config import Alerts, Config, Policy
from replywatch.core.model import Direction, Event
from replywatch.store import Store
from tests.daemonkit import Harness, VirtualClock, WallClock
from tests.mailfactory import account_block
from tests.servers.dovecot import LocalDovecot
from tests.test_alerting import Recorder, add

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # a Tuesday, noon UTC
DAY = timedelta(days=1)
CONFIG = Config(policy=Policy(timezone="UTC"), alerts=Alerts(channels=("console",),
                                                             quiet_hours=None))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "s.db")


def test_agenda_unchanged_book_before_any_boundary_judges_nothing_again(store: Store) -> None:
    for n in range(5):
        add(store, f"Acme {n}", NOW - n * DAY)
    alerter = Alerter(CONFIG, store, [Recorder()])
    alerter.deliver_due(NOW)
    first = alerter.agenda.judged
    alerter.deliver_due(NOW + timedelta(minutes=1), since=NOW)
    assert (5, 0) == (first, alerter.agenda.judged)


def test_agenda_changed_application_alone_is_judged_again(store: Store) -> None:
    quiet = add(store, "Acme", NOW - 2 * DAY)
    add(store, "Globex", NOW - 3 * DAY)
    channel = Recorder()
    alerter = Alerter(CONFIG, store, [channel])
    alerter.deliver_due(NOW)
    with store.tx():
        store.add_event(quiet, Event(at=NOW, direction=Direction.FROM_THEM, source="imap",
                                     message_id="r1@acme.io"))
    alerter.deliver_due(NOW + timedelta(seconds=5), since=NOW)
    assert (1, ["Acme replied"]) == (alerter.agenda.judged,
                                     [a.title.split(" —")[0] for a in channel.sent])


def test_agenda_boundary_crossed_judges_that_application_and_alerts(store: Store) -> None:
    add(store, "Acme", NOW - 7 * DAY + timedelta(minutes=1))  # follow-up due in a minute
    add(store, "Globex", NOW - 1 * DAY)
    channel = Recorder()
    alerter = Alerter(CONFIG, store, [channel])
    alerter.deliver_due(NOW)
    boundary = alerter.agenda.next_change()
    alerter.deliver_due(NOW + timedelta(minutes=2), since=NOW)
    assert (NOW + timedelta(minutes=1), 1, ["Follow up with Acme (1 of 3)"]) == (
        boundary, alerter.agenda.judged, [a.title for a in channel.sent])


def test_agenda_clock_stepped_back_judges_everything_again(store: Store) -> None:
    add(store, "Acme", NOW - 2 * DAY)
    alerter = Alerter(CONFIG, store, [Recorder()])
    alerter.deliver_due(NOW)
    alerter.deliver_due(NOW - timedelta(hours=1), since=NOW)
    assert 1 == alerter.agenda.judged


@pytest.mark.parametrize(("local", "until"), [
    (datetime(2026, 11, 24, 22, 0, tzinfo=UTC), datetime(2026, 11, 25, 8, 0, tzinfo=UTC)),
    (datetime(2026, 11, 25, 7, 0, tzinfo=UTC), datetime(2026, 11, 25, 8, 0, tzinfo=UTC)),
    (datetime(2026, 11, 25, 12, 0, tzinfo=UTC), None),
])
def test_quiet_until_is_the_end_of_the_quiet_hours_holding_now(
        local: datetime, until: datetime | None) -> None:
    assert until == quiet_until(local, UTC, (time(21, 0), time(8, 0)))


def test_daemon_follow_up_falling_due_while_idle_fires_at_its_boundary(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    config = tmp_path / "config.toml"
    config.write_text(account_block(dovecot, imap_user)
                      + '\n[alerts]\nchannels = ["console"]\nquiet_hours = []\n'
                      + '\n[policy]\ntimezone = "UTC"\n')
    applied = datetime.now(UTC) - 7 * DAY + timedelta(minutes=5)  # due in five minutes
    assert 0 == main(["--config", str(config), "app", "add", "--company", "Globex",
                      "--contact", "hr@globex.io",
                      "--applied", applied.isoformat(timespec="seconds")])
    mono, wall = VirtualClock(), WallClock()
    with Harness(config, tmp_path / "data" / "replywatch" / "replywatch.db",
                 clock=wall, monotonic=mono) as h:
        h.wait_log("daemon_ready")
        [planned] = h.wait_log("tick_planned")
        # Six minutes pass in idleness: no pass is due (every 15 minutes), only the tick.
        wall.offset = timedelta(minutes=6)
        mono.advance(6 * 60)
        h.console.wait(lambda text: "Follow up with Globex (1 of 3)" in text)
        passes = h.count("pass_done")
    assert (True, 1) == (240 < planned["seconds"] <= 300, passes)
