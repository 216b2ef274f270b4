"""The daemon tells of applications found in the mailbox: one notice per pass with
Review / Add all / Dismiss, a message on the email channel, and never twice."""

from __future__ import annotations

import json
import os
import signal
from datetime import UTC, datetime
from pathlib import Path

import pytest

from replywatch.alerts.found import ACTIONS, render_found
from replywatch.core.discover import Proposal
from replywatch.store import Store, proposals
from tests.mailfactory import eml
from tests.servers.notify_server import NotifyServer
from tests.servers.smtp import SmtpServer
from tests.test_daemon import World

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def stored(pid: int, company: str, role: str = "") -> proposals.Stored:
    return proposals.Stored(pid, Proposal(company, role, NOW, f"jobs@{company.lower()}.com",
                                          f"m{pid}@x", "relay", ()), "new", None)


def test_render_found_names_the_companies_and_offers_the_three_actions() -> None:
    alert = render_found([stored(3, "Acme"), stored(4, "Globex", "Data Engineer")])
    assert ("2 new applications found: Acme, Globex", "proposals:3,4", ACTIONS, True) == (
        alert.title, alert.key, alert.actions, "- Globex (Data Engineer)" in alert.email_body)


def test_render_found_many_companies_stays_one_short_title() -> None:
    alert = render_found([stored(i, f"Company{i}") for i in range(1, 9)])
    assert "8 new applications found: Company1, Company2, Company3, Company4 and 4 more" == (
        alert.title)




def seed_receipts(world: World) -> None:
    world.dovecot.add_message(world.user, eml(
        sender="Fabrikam Recruiting <no-reply@us.greenhouse-mail.io>",
        subject="Thank you for applying to Fabrikam", msgid="gh-9@greenhouse-mail.io"))
    world.dovecot.add_message(world.user, eml(
        sender="LinkedIn <jobs-noreply@linkedin.com>",
        subject="Your application was sent to Healthify", msgid="li-9@linkedin.com"))


def found_notes(notify_server: NotifyServer) -> list[object]:
    return [n for n in notify_server.notifications if "found" in n.summary]


def test_daemon_tells_found_applications_once_and_add_all_adds_them(
        world: World, notify_server: NotifyServer, smtp_server: SmtpServer) -> None:
    seed_receipts(world)
    world.start()
    world.daemon.wait_log("proposals_told")
    note = next(n for n in notify_server.notifications if "found" in n.summary)
    mails = [m for m in smtp_server.messages if "found" in str(m.message["Subject"])]
    notify_server.invoke_action(note.id, "accept_all")
    world.daemon.wait_log("proposals_action")
    apps = json.loads(world.cli("app", "list", "--json"))
    # A restart tells nothing again.
    assert world.daemon.proc is not None
    os.kill(world.daemon.proc.pid, signal.SIGKILL)
    world.daemon.proc.wait()
    world.notify.messages.clear()
    world.daemon.start()
    world.notify.wait_first_tick_done()
    assert ("2 new applications found: Fabrikam, Healthify", list(ACTIONS), 1,
            ["Fabrikam", "Healthify"], 1) == (
        note.summary, list(note.actions), len(mails), sorted(a["company"] for a in apps),
        len(found_notes(notify_server)))


@pytest.mark.parametrize("notify_server", ["unicast"], indirect=True)  # dunst's way
def test_daemon_dismiss_on_the_notice_drops_them_for_good(
        world: World, notify_server: NotifyServer) -> None:
    seed_receipts(world)
    world.start()
    world.daemon.wait_log("proposals_told")
    note = next(n for n in notify_server.notifications if "found" in n.summary)
    notify_server.invoke_action(note.id, "dismiss_all")
    world.daemon.wait_log("proposals_action")
    store = Store.open(world.config.parent / "data" / "replywatch" / "replywatch.db")
    try:
        left = proposals.waiting(store)
    finally:
        store.close()
    assert [] == left


def test_review_on_the_notice_opens_the_report_that_lists_them(tmp_path: Path) -> None:
    from replywatch.config import Calendar, Config
    from replywatch.daemon.outputs import Outputs
    from replywatch.store import ledger

    store = Store.open(tmp_path / "replywatch.db")
    with store.tx():
        pid = proposals.add(store, "mid:m1@x", stored(1, "Fabrikam").proposal, NOW)
    ledger.record_key(store, f"proposals:{pid}", "proposals", NOW, NOW)
    ledger.mark_delivered(store, f"proposals:{pid}", "desktop", NOW, 77)
    opened: list[str] = []
    config = Config(calendar=Calendar(path=tmp_path / "replywatch.ics"),
                    store_path=tmp_path / "replywatch.db")
    outputs = Outputs(config, store, [], opener=opened.append)
    handled = (outputs.on_action(77, "review", NOW), outputs.on_action(78, "review", NOW))
    page = (tmp_path / "report.html").read_text()
    assert ((True, False), [(tmp_path / "report.html").as_uri()], True) == (
        handled, opened, "Found in your mail" in page and "Fabrikam" in page)
