"""Clocks: intervals on a clock that never steps; a wall clock stepped either way
neither pauses polling nor repeats an alert.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replywatch.cli.main import main
from replywatch.daemon.schedule import Schedule, boottime
from tests.daemonkit import Harness, VirtualClock, WallClock
from tests.mailfactory import account_block, eml
from tests.servers.dovecot import LocalDovecot

# -- the schedule alone ---------------------------------------------------------------


def test_schedule_runs_a_job_once_per_interval_of_its_clock() -> None:
    clock = VirtualClock()
    schedule = Schedule(clock)
    runs: list[float] = []
    schedule.every("pass", 900, lambda: runs.append(clock()))
    for _ in range(60):  # one hour in one-minute steps
        clock.advance(60)
        schedule.run_due()
    assert [1900.0, 2800.0, 3700.0, 4600.0] == runs


def test_schedule_after_a_long_suspend_runs_a_late_job_once() -> None:
    clock = VirtualClock()
    schedule = Schedule(clock)
    runs: list[str] = []
    schedule.every("tick", 60, lambda: runs.append("tick"))
    clock.advance(3 * 86400)  # three days asleep
    assert (["tick"], [], 60.0) == (schedule.run_due(), schedule.run_due(),
                                    schedule.seconds_to_next())


def test_schedule_replacing_a_job_keeps_a_sooner_next_run() -> None:
    clock = VirtualClock()
    schedule = Schedule(clock)
    schedule.every("pass", 600, lambda: None)
    schedule.every("pass", 1800, lambda: None)  # a reload with a longer interval
    assert 600.0 == schedule.seconds_to_next()


def test_schedule_default_clock_is_never_behind_monotonic() -> None:
    import time

    before = time.monotonic()
    assert boottime() >= before  # boot time counts suspend; monotonic does not


# -- the daemon under a stepped wall clock -----------------------------------------------


def write_config(tmp_path: Path, dovecot: LocalDovecot, user: str) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(account_block(dovecot, user)
                      + '\n[alerts]\nchannels = ["console"]\nquiet_hours = []\n'
                      + "\n[policy]\ntimezone = \"UTC\"\n")
    return config


def test_daemon_wall_clock_stepped_back_and_forth_neither_pauses_polls_nor_repeats_alerts(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    config = write_config(tmp_path, dovecot, imap_user)
    applied = (datetime.now(UTC) - timedelta(days=8)).isoformat(timespec="seconds")
    assert 0 == main(["--config", str(config), "app", "add", "--company", "Globex",
                      "--contact", "hr@globex.io", "--applied", applied])
    store = tmp_path / "data" / "replywatch" / "replywatch.db"
    mono, wall = VirtualClock(), WallClock()
    wall.offset = timedelta(hours=1)  # the machine's clock runs an hour fast
    with Harness(config, store, clock=wall, monotonic=mono) as h:
        h.wait_log("pass_done")
        h.console.wait(lambda t: "Follow up with Globex (1 of 3)" in t)
        poll = h.config.daemon.poll_minutes * 60
        # NTP steps it back an hour, a user forward two, NTP back again: meanwhile
        # time itself goes on, one poll interval per step.
        for step, offset in enumerate((timedelta(0), timedelta(hours=2), timedelta(0))):
            wall.offset = offset
            mono.advance(poll)
            h.wait_log("pass_done", count=2 + step)
        dovecot.add_message(imap_user, eml(sender="HR <hr@globex.io>", subject="Re: SRE",
                                           msgid="r1@globex.io"))
        mono.advance(poll)
        h.console.wait(lambda t: "Globex replied" in t)
        wall.offset = timedelta(hours=-1)  # and once more, back past the truth
        mono.advance(poll)
        h.wait_log("pass_done", count=6)
        text = h.console.text()
    assert (1, 1, 6) == (text.count("Follow up with Globex (1 of 3)"), text.count("Globex replied"),
                         h.count("pass_done"))
