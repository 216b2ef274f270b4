"""`replywatch mail list / mail kind` and the "Not a reply" action, against the real
Dovecot: the user's word on what a message says, and how long it lasts.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest

from replywatch.alerts.deliver import Alerter
from replywatch.alerts.desktop import DesktopChannel
from replywatch.config import load_config
from replywatch.store import Store
from tests.mailfactory import ME, Setup, eml
from tests.servers.dovecot import LocalDovecot
from tests.servers.notify_server import NotifyServer
from tests.test_check import app_add, check, days_ago, show
from tests.test_check_kinds import REJECTION, kinds_of, rw

__all__ = ["rw"]  # the fixture, shared with test_check_kinds


QUESTION = ("Hi Alex,\r\n\r\nThanks for your note. Quick question before we go on: would you "
            "be open to working from our Oslo office three days a week?\r\n\r\nJane\r\n")


def mail_list(rw: Setup, capsys: pytest.CaptureFixture[str],
              *args: str) -> list[dict[str, object]]:
    code, out, err = rw.run(capsys, "mail", "list", "--json", *args)
    assert 0 == code, err
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def test_mail_kind_correction_survives_uidvalidity_change_and_resync(
        rw: Setup, capsys: pytest.CaptureFixture[str], dovecot: LocalDovecot) -> None:
    app_id = app_add(rw, capsys, "--company", "Contoso", "--contact", "jane@contoso.com",
                     "--applied", days_ago(3))
    rw.add(eml(sender="Jane Smith <jane@contoso.com>", subject="Re: Application",
               msgid="q1@contoso.com", body=QUESTION), days_ago=1)
    check(rw, capsys)
    before = show(rw, capsys, app_id)["waiting_on"]
    code, out, err = rw.run(capsys, "mail", "kind", "<q1@contoso.com>", "acknowledgement")
    assert (0, "you") == (code, before), err
    # New UIDVALIDITY, and the store's copy of the mailbox forgotten: read again.
    maildir = dovecot.maildir(rw.user)
    for name in ("dovecot-uidlist", "dovecot.index", "dovecot.index.log", "dovecot.index.cache"):
        (maildir / name).unlink(missing_ok=True)
    db = sqlite3.connect(rw.data / "replywatch" / "replywatch.db")
    with db:
        db.execute("DELETE FROM messages")
        db.execute("DELETE FROM folder_state")
    db.close()
    data = check(rw, capsys)
    rows = mail_list(rw, capsys, "--app", str(app_id))
    app = show(rw, capsys, app_id)
    assert ("not a reply" in out, [("q1@contoso.com", "acknowledgement", False)],
            [("q1@contoso.com", "acknowledgement", "other", True)], "them",
            "follow_up_due") == (
        True, kinds_of(data),
        [(r["message_id"], r["kind"], r["classified"], r["corrected"]) for r in rows],
        app["waiting_on"], app["next_action"]["kind"])  # type: ignore[index]


def test_mail_kind_correcting_a_rejection_reopens_the_application(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Contoso", "--contact", "jane@contoso.com")
    rw.add(eml(sender="Jane Smith <jane@contoso.com>", subject="Your application",
               msgid="no3@contoso.com", body=REJECTION))
    check(rw, capsys)
    closed = show(rw, capsys, app_id)["stage"]
    code, _, err = rw.run(capsys, "mail", "kind", "no3@contoso.com", "other")
    app = show(rw, capsys, app_id)
    assert (0, "rejected", "applied", "reply") == (
        code, closed, app["stage"], app["next_action"]["kind"]), err  # type: ignore[index]


def test_mail_kind_unknown_message_or_kind_is_a_clear_error(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = rw.run(capsys, "mail", "kind", "<nope@example.com>", "rejection")
    with pytest.raises(SystemExit) as bad_kind:
        rw.run(capsys, "mail", "kind", "x@y", "maybe")
    kind_err = capsys.readouterr().err
    assert (2, True, False, 2, True) == (
        code, "no matched message '<nope@example.com>'" in err, "Traceback" in err,
        bad_kind.value.code, "invalid choice: 'maybe'" in kind_err)


def test_reply_notification_not_a_reply_action_marks_it_acknowledgement(
        rw: Setup, capsys: pytest.CaptureFixture[str], dbus_session: str,
        notify_server: NotifyServer) -> None:
    app_id = app_add(rw, capsys, "--company", "Contoso", "--contact", "jane@contoso.com",
                     "--applied", days_ago(3))
    rw.add(eml(sender="Jane Smith <jane@contoso.com>", subject="Re: Application",
               msgid="q2@contoso.com", body=QUESTION))
    check(rw, capsys)
    config = load_config(rw.config)
    store = Store.open(rw.data / "replywatch" / "replywatch.db")
    alerter = Alerter(config, store, [DesktopChannel(dbus_session)])
    alerter.deliver_due(datetime.now(UTC))
    note = notify_server.wait_for(1)[0]
    clicked = alerter.on_action(note.id, "not_reply", datetime.now(UTC))
    store.close()
    app = show(rw, capsys, app_id)
    assert (True, True, "acknowledgement", "follow_up_due") == (
        ("not_reply", "Not a reply") in note.actions, clicked,
        mail_list(rw, capsys)[0]["kind"], app["next_action"]["kind"])  # type: ignore[index]


def test_check_mail_matched_later_by_app_add_has_its_text_read_on_next_pass(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    rw.add(eml(sender="Sam Lee <sam@northwind.io>", subject="Next steps",
               msgid="int2@northwind.io",
               body="Hi Alex,\r\n\r\nWe would like to invite you to an interview next week.\r\n"))
    check(rw, capsys)
    app_id = app_add(rw, capsys, "--company", "Northwind", "--contact", "sam@northwind.io")
    from_headers = mail_list(rw, capsys)[0]
    check(rw, capsys)
    after = mail_list(rw, capsys)[0]
    assert (("other", False), ("interview", True), "interviewing") == (
        (from_headers["kind"], from_headers["text_read"]), (after["kind"], after["text_read"]),
        show(rw, capsys, app_id)["stage"])


def test_mail_list_human_shows_kind_sender_subject_and_message_id(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Contoso", "--contact", "jane@contoso.com")
    rw.add(eml(sender="Jane Smith <jane@contoso.com>", subject="Your application",
               msgid="no5@contoso.com", body=REJECTION))
    rw.add(eml(sender=ME, to="jane@contoso.com", subject="Re: Your application",
               msgid="ty@example.org"), folder="Sent")
    check(rw, capsys)
    rw.run(capsys, "mail", "kind", "no5@contoso.com", "other")
    code, out, _ = rw.run(capsys, "mail", "list")
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert (0, True, True, True, True) == (
        code,
        any(line.startswith(f"{app_id} ") and "other (corrected) jane@contoso.com Your "
            "application" in line for line in lines),
        "no5@contoso.com" in lines,
        any("you wrote alex.doe@example.org Re: Your application" in line for line in lines),
        "ty@example.org" in lines)
