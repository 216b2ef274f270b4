"""`replywatch report` and `replywatch ics`: the page in a real browser, the feed in a
second iCalendar parser, and both kept current by the daemon."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import vobject

from replywatch.cli.main import main
from replywatch.config.model import WEEKDAYS
from replywatch.store import Store, ledger
from tests.servers.smtp import SmtpServer
from tests.test_daemon import World

Cli = Callable[..., str]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.delenv("REPLYWATCH_CONFIG", raising=False)

    def run(*args: str) -> str:
        out = io.StringIO()
        monkeypatch.setattr("sys.stdout", out)
        assert 0 == main(list(args))
        return out.getvalue()

    return run


def ago(days: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")


def book(cli: Cli) -> dict[str, int]:
    """Five applications: one interviewing, one rejected, one replied, two silent."""
    ids = {name: int(cli("app", "add", "--company", name, "--applied", ago(days)).strip())
           for name, days in (("Acme", 20), ("Globex", 18), ("Initech", 15), ("Hooli", 9),
                              ("Umbrella <Corp>", 3))}
    cli("app", "log", str(ids["Acme"]), "--received", "--at", ago(16))
    cli("app", "interview", str(ids["Acme"]), "--start", ago(10))
    cli("app", "set", str(ids["Globex"]), "--stage", "rejected")
    cli("app", "log", str(ids["Initech"]), "--received", "--at", ago(12))
    return ids


def render_dom(page: Path, tmp_path: Path) -> tuple[str, str]:
    """Return the DOM after a real headless Chromium loaded ``page``, and its log."""
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'chrome'}",
         "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=60, check=True,
        env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": "disabled:"})
    return done.stdout, done.stderr


def test_report_page_renders_in_chromium_with_labels_that_match_the_book(
        cli: Cli, tmp_path: Path) -> None:
    book(cli)
    page = tmp_path / "report.html"
    cli("report", "--out", str(page))
    dom, log = render_dom(page, tmp_path)
    nodes = dict(re.findall(r'data-node="([^":]+):(\d+)"', dom))
    flows = re.findall(r'data-flow="([^"]+)"', dom)
    console = [line for line in log.splitlines() if "CONSOLE" in line]
    assert ({"Applied": "5", "Replied": "2", "Interview": "1", "Rejected": "1",
             "Still waiting": "4"}, [], True) == (nodes, console, "Umbrella &lt;Corp&gt;" in dom)
    assert ["Applied-&gt;Replied:2", "Applied-&gt;Rejected:1", "Applied-&gt;Still waiting:2",
            "Replied-&gt;Interview:1", "Replied-&gt;Still waiting:1",
            "Interview-&gt;Still waiting:1"] == flows


def test_report_page_has_a_table_beside_every_chart_and_loads_nothing(
        cli: Cli, tmp_path: Path) -> None:
    book(cli)
    page = cli("report")
    charts = page.count('role="img"')
    assert (True, charts, 0, 0) == (
        charts >= 3, page.count("<details open><summary>The numbers</summary><table>"),
        len(re.findall(r"<script|https?://(?!www\.w3\.org/2000/svg)", page)),
        page.count("<link"))


def test_report_page_follows_the_readers_colour_scheme(cli: Cli) -> None:
    page = cli("report")
    assert ("color-scheme: light dark" in page, "prefers-color-scheme: dark" in page) == (
        True, True)


def test_report_since_leaves_older_applications_out(cli: Cli) -> None:
    book(cli)
    page = cli("report", "--since", ago(10)[:10])
    assert ("Hooli" in page, "Acme" in page, "2 applications" in page) == (True, False, True)


def test_ics_feed_parses_with_a_second_parser(cli: Cli) -> None:
    book(cli)
    cal = vobject.readOne(cli("ics"))
    summaries = sorted(e.summary.value for e in cal.vevent_list)
    # Initech answered (your move: no follow-up); Globex said no.
    assert ["Follow-up 1 of 3: Acme", "Follow-up 1 of 3: Hooli",
            "Follow-up 1 of 3: Umbrella <Corp>", "Interview: Acme"] == [
        s for s in summaries if not s.startswith("Thank-you")]


def test_ics_uids_stay_the_same_when_the_feed_is_made_again(cli: Cli) -> None:
    ids = book(cli)
    first = {e.uid.value: e.summary.value for e in vobject.readOne(cli("ics")).vevent_list}
    again = {e.uid.value: e.summary.value for e in vobject.readOne(cli("ics")).vevent_list}
    # A change to one application changes only its own entry.
    cli("app", "log", str(ids["Hooli"]), "--sent", "--at", ago(0.5))
    changed = {e.uid.value: e.summary.value for e in vobject.readOne(cli("ics")).vevent_list}
    hooli = {u for u, summary in first.items() if "Hooli" in summary}
    assert (first, True, {u: v for u, v in first.items() if u not in hooli}) == (
        again, hooli.isdisjoint(changed),
        {u: v for u, v in changed.items() if "Hooli" not in v})


def test_ics_due_follow_up_is_an_all_day_event(cli: Cli) -> None:
    book(cli)
    cal = vobject.readOne(cli("ics"))
    follow_up = next(e for e in cal.vevent_list if e.uid.value.startswith("follow_up_due-"))
    assert (type(follow_up.dtstart.value).__name__, "TRANSPARENT") == (
        "date", follow_up.transp.value)


def test_report_out_to_an_unwritable_place_is_one_line_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    (tmp_path / "file").write_text("x")
    code = main(["report", "--out", str(tmp_path / "file" / "report.html")])
    err = capsys.readouterr().err.strip().splitlines()
    assert (2, 1, True) == (code, len(err), "cannot write" in err[0])


# -- the daemon keeps the feed current and sends the digest once -------------------




def _digest_today(world: World) -> None:
    today = WEEKDAYS[datetime.now().astimezone().weekday()]
    world.config.write_text(world.config.read_text().replace(
        "\n[daemon]", f'\n[digest]\nday = "{today}"\ntime = "00:00"\nchannels = ["email"]\n'
        "\n[daemon]"))
    store = Store.open(world.config.parent / "data" / "replywatch" / "replywatch.db")
    ledger.set_meta(store, "digest_since", "2026-01-01T00:00:00+00:00")
    store.close()


def test_daemon_writes_the_calendar_feed_after_a_pass(world: World) -> None:
    app_id = world.add_app("--company", "Acme", "--applied", ago(3))
    world.cli("app", "interview", str(app_id), "--start", ago(-2))
    world.start()
    world.daemon.wait_log("pass_done")
    feed = world.config.parent / "data" / "replywatch" / "replywatch.ics"
    cal = vobject.readOne(feed.read_text())
    assert ["Interview: Acme"] == [e.summary.value for e in cal.vevent_list
                                   if e.summary.value.startswith("Interview")]


def test_daemon_sends_the_weekly_digest_once_across_a_kill_and_restart(
        world: World, smtp_server: SmtpServer) -> None:
    world.add_app("--company", "Globex", "--applied", ago(8))
    _digest_today(world)
    world.start()
    world.daemon.wait_log("digest_sent")
    assert world.daemon.proc is not None
    os.kill(world.daemon.proc.pid, signal.SIGKILL)
    world.daemon.proc.wait()
    world.notify.messages.clear()
    world.daemon.start()
    world.notify.wait_first_tick_done()
    digests = [m for m in smtp_server.messages
               if "this week" in str(m.message["Subject"])]
    parts = [p.get_content_type() for p in digests[0].message.walk()]
    names = [e.get("event") for e in world.daemon.log()].count("digest_sent")
    assert (1, 1, True) == (len(digests), names, "text/html" in parts), json.dumps(parts)
