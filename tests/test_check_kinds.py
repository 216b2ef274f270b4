"""What a message says, end to end: `check` against the real Dovecot, then the alerts.

Each message is what an employer or an ATS really sends; the classifier reads its
sender, subject and the start of its text, fetched with BODY.PEEK and capped.
"""

from __future__ import annotations

import imaplib
import io
import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from replywatch.alerts.console import ConsoleChannel
from replywatch.alerts.deliver import Alerter
from replywatch.alerts.desktop import DesktopChannel
from replywatch.config import load_config
from replywatch.store import Store
from tests.mailfactory import ME, Setup, eml, make_setup
from tests.servers.dovecot import LocalDovecot
from tests.servers.notify_server import NotifyServer
from tests.test_check import app_add, check, days_ago, show


@pytest.fixture
def rw(dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
       monkeypatch: pytest.MonkeyPatch) -> Setup:
    setup = make_setup(dovecot, imap_user, tmp_path, monkeypatch)
    # No quiet hours: what is due is sent whatever the hour the suite runs at.
    setup.config.write_text(setup.config.read_text() + "\n[alerts]\nquiet_hours = []\n")
    return setup


def kinds_of(data: dict[str, object]) -> list[tuple[object, ...]]:
    items = data["matched"]
    assert isinstance(items, list)
    return [(m["message_id"], m["kind"], m["reply"]) for m in items]


def alerts(rw: Setup, now: datetime | None = None) -> list[str]:
    """Deliver what is due on the console, as a restarted daemon would; return the
    title lines printed.
    """
    config = load_config(rw.config)
    store = Store.open(rw.data / "replywatch" / "replywatch.db")
    out = io.StringIO()
    try:
        Alerter(config, store, [ConsoleChannel(out)]).deliver_due(now or datetime.now(UTC))
    finally:
        store.close()
    return [line for line in out.getvalue().splitlines() if line and not line[0].isspace()]


RECEIPT = (
    "Hi Alex,\r\n\r\nThank you for applying to the Backend Engineer role at Fabrikam. "
    "We have received your application and our team will review it. If your "
    "experience matches what we are looking for, we will be in touch.\r\n\r\n"
    "Fabrikam Talent Acquisition\r\n"
)
REJECTION = (
    "Hi Alex,\r\n\r\nThank you for taking the time to interview with us. After careful "
    "consideration we have decided not to move forward with your application, because "
    "we are looking for someone with more Kubernetes experience.\r\n\r\n"
    "Best wishes,\r\nJane\r\n"
)


def test_check_ats_receipt_is_acknowledgement_and_follow_up_clock_runs(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Fabrikam", "--applied", days_ago(8))
    rw.add(eml(sender="Fabrikam Hiring Team <no-reply@us.greenhouse-mail.io>",
               subject="Thank you for applying to Fabrikam", msgid="ack1@greenhouse-mail.io",
               body=RECEIPT, date=datetime.now(UTC) - timedelta(days=7)), days_ago=7)
    data = check(rw, capsys)
    app = show(rw, capsys, app_id)
    assert ([("ack1@greenhouse-mail.io", "acknowledgement", False)], "them", "follow_up_due",
            "acknowledgement") == (
        kinds_of(data), app["waiting_on"], app["next_action"]["kind"],  # type: ignore[index]
        app["events"][0]["kind"])  # type: ignore[index]
    titles = alerts(rw)
    assert ([], 1) == ([t for t in titles if "replied" in t],
                       len([t for t in titles if "Follow up with" in t and "(1 of 3)" in t]))


def test_check_rejection_closes_application_with_one_notice_across_restarts(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Contoso", "--contact", "jane@contoso.com",
                     "--applied", days_ago(20))
    rw.add(eml(sender="Jane Smith <jane@contoso.com>", subject="Your application at Contoso",
               msgid="no1@contoso.com", body=REJECTION), days_ago=0.1)
    data = check(rw, capsys)
    first, second = alerts(rw), alerts(rw)
    app = show(rw, capsys, app_id)
    assert ([("no1@contoso.com", "rejection", False)], "rejected", "nobody",
            ["Contoso said no"], []) == (
        kinds_of(data), app["stage"], app["waiting_on"], first, second)


def test_check_rejection_notice_of_a_person_with_reasons_suggests_thank_you(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_add(rw, capsys, "--company", "Contoso", "--contact", "jane@contoso.com")
    rw.add(eml(sender="Jane Smith <jane@contoso.com>", subject="Your application",
               msgid="no2@contoso.com", body=REJECTION))
    check(rw, capsys)
    config = load_config(rw.config)
    store = Store.open(rw.data / "replywatch" / "replywatch.db")
    out = io.StringIO()
    Alerter(config, store, [ConsoleChannel(out)]).deliver_due(datetime.now(UTC))
    store.close()
    assert "A person wrote and told you why: a short thank-you is worth sending." in " ".join(
        out.getvalue().split())


def test_check_interview_invitation_in_text_moves_stage_and_is_urgent(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Northwind", "--contact", "sam@northwind.io",
                     "--applied", days_ago(6))
    # The subject alone says nothing: the text decides.
    rw.add(eml(sender="Sam Lee <sam@northwind.io>", subject="Next steps",
               msgid="int1@northwind.io",
               body="Hi Alex,\r\n\r\nThanks for your application! We would like to invite you "
                    "to an interview with our platform team. Could you share a few times "
                    "that suit you next week?\r\n\r\nSam\r\n"))
    data = check(rw, capsys)
    app = show(rw, capsys, app_id)
    titles = alerts(rw)
    assert ([("int1@northwind.io", "interview", True)], "interviewing", "reply",
            ["Northwind invites you to interview"]) == (
        kinds_of(data), app["stage"], app["next_action"]["kind"], titles)  # type: ignore[index]


def test_check_late_acknowledgement_never_undoes_interviewing(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Northwind", "--contact", "sam@northwind.io")
    code, _, _ = rw.run(capsys, "app", "set", str(app_id), "--stage", "interviewing")
    rw.add(eml(sender="Northwind <no-reply@northwind.io>",
               subject="Thank you for applying to Northwind", msgid="late@northwind.io",
               body=RECEIPT.replace("Fabrikam", "Northwind")))
    check(rw, capsys)
    assert (0, "interviewing") == (code, show(rw, capsys, app_id)["stage"])


def invite(*, start: datetime, uid: str = "iv-1@calendar.northwind.io",
           msgid: str = "cal1@northwind.io") -> bytes:
    """A calendar invite as Google Calendar and Outlook send it: text + text/calendar."""
    stamp = "%Y%m%dT%H%M%SZ"
    end = start + timedelta(minutes=45)
    ics = "\r\n".join([
        "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT",
        f"DTSTART:{start.strftime(stamp)}", f"DTEND:{end.strftime(stamp)}",
        f"DTSTAMP:{start.strftime(stamp)}", "ORGANIZER;CN=Sam Lee:mailto:sam@northwind.io",
        f"UID:{uid}",
        f"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:{ME}",
        "SUMMARY:Interview: Alex Doe / Northwind", "STATUS:CONFIRMED",
        "END:VEVENT", "END:VCALENDAR", ""])
    head = "\r\n".join([
        "From: Sam Lee <sam@northwind.io>", f"To: {ME}",
        "Subject: Invitation: Interview: Alex Doe / Northwind",
        f"Date: {format_datetime(start - timedelta(days=2))}",
        f"Message-ID: <{msgid}>", "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="b1"'])
    body = "\r\n".join([
        "--b1", 'Content-Type: text/plain; charset="UTF-8"', "",
        "You have been invited to the following event: Interview: Alex Doe / Northwind",
        "--b1", 'Content-Type: text/calendar; charset="UTF-8"; method=REQUEST',
        "Content-Transfer-Encoding: 7bit", "", ics, "--b1--", ""])
    return (head + "\r\n\r\n" + body).encode()


def test_check_calendar_invite_records_interview_and_thank_you_follows_it(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Northwind", "--contact", "sam@northwind.io",
                     "--applied", days_ago(10))
    start = (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0)
    rw.add(invite(start=start), days_ago=3)
    data = check(rw, capsys)
    app = show(rw, capsys, app_id)
    interviews = [(datetime.fromisoformat(i["start"]), datetime.fromisoformat(i["end"]),
                   i["with"]) for i in app["interviews"]]  # type: ignore[attr-defined]
    assert ([("cal1@northwind.io", "interview", True)], "interviewing",
            [(start, start + timedelta(minutes=45), ["sam@northwind.io"])],
            "thank_you_due") == (kinds_of(data), app["stage"], interviews,
                                 app["next_action"]["kind"])  # type: ignore[index]


def test_check_text_fetch_uses_peek_and_leaves_message_unread(
        rw: Setup, capsys: pytest.CaptureFixture[str], dovecot: LocalDovecot) -> None:
    app_add(rw, capsys, "--company", "Contoso", "--contact", "jane@contoso.com")
    rw.add(eml(sender="Jane Smith <jane@contoso.com>", subject="Your application",
               msgid="peek@contoso.com", body=REJECTION))
    before = len(rw.dovecot.commands_sent(rw.user))
    data = check(rw, capsys)
    sent = [c.upper() for c in rw.dovecot.commands_sent(rw.user)[before:]]
    client = imaplib.IMAP4("127.0.0.1", dovecot.port)
    client.login(rw.user, dovecot.password)
    client.select("INBOX", readonly=True)
    _, flags = client.fetch("1", "(FLAGS)")
    client.logout()
    text_fetches = [c for c in sent if "FETCH" in c and "HEADER.FIELDS" not in c]
    assert ([("peek@contoso.com", "rejection", False)], False,
            ["UID FETCH 1 (BODYSTRUCTURE BODY.PEEK[1]<0.16384>)"]) == (
        kinds_of(data), b"\\Seen" in flags[0], text_fetches)  # type: ignore[operator]


def _server_output(dovecot: LocalDovecot, user: str) -> bytes:
    """Everything the server sent ``user``'s clients (rawlog, a time stamp per line)."""
    return b"".join(p.read_bytes() for p in sorted((dovecot.home(user) / "rawlog").glob("*.out")))


def test_check_text_fetch_of_a_5_mb_body_costs_at_most_16_kb(
        rw: Setup, capsys: pytest.CaptureFixture[str], dovecot: LocalDovecot) -> None:
    app_add(rw, capsys, "--company", "Contoso", "--contact", "jane@contoso.com")
    huge = REJECTION + ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\r\n"
                        * 90_000)  # about 5 MB
    rw.add(eml(sender="Jane Smith <jane@contoso.com>", subject="Your application",
               msgid="huge@contoso.com", body=huge))
    data = check(rw, capsys)
    output = _server_output(dovecot, rw.user)
    literals = [int(n) for n in re.findall(rb"BODY\[1\]<0> \{(\d+)\}", output)]
    assert (True, [("huge@contoso.com", "rejection", False)], [16 * 1024]) == (
        len(huge) > 5_000_000, kinds_of(data), literals)
    assert len(output) < 64 * 1024  # the whole session, time stamps and all


def test_check_human_summary_says_what_each_message_is(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_add(rw, capsys, "--company", "Fabrikam", "--applied", days_ago(2))
    app_add(rw, capsys, "--company", "Northwind", "--contact", "sam@northwind.io")
    rw.add(eml(sender="Fabrikam Hiring Team <no-reply@us.greenhouse-mail.io>",
               subject="Thank you for applying to Fabrikam", msgid="ack2@greenhouse-mail.io",
               body=RECEIPT))
    rw.add(eml(sender="Sam Lee <sam@northwind.io>", subject="Offer",
               msgid="offer1@northwind.io",
               body="Hi Alex,\r\n\r\nWe are delighted to offer you the position of Backend "
                    "Engineer at Northwind. Please find the offer letter attached; let us "
                    "know by Friday.\r\n\r\nSam\r\n"))
    code, out, _ = rw.run(capsys, "check")
    assert (0, True, True) == (
        code,
        'matched: Fabrikam — acknowledgement from them, no reply (ats) "Thank you for applying'
        in out,
        'matched: Northwind — reply from them, offer (contact) "Offer"' in out)


def test_check_offer_moves_stage_to_offer_and_a_late_receipt_keeps_it(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Northwind", "--contact", "sam@northwind.io")
    rw.add(eml(sender="Sam Lee <sam@northwind.io>", subject="Your offer from Northwind",
               msgid="offer2@northwind.io",
               body="Hi Alex,\r\n\r\nI am happy to tell you that we would like to offer you "
                    "the role. The offer letter with salary and start date is attached.\r\n"),
           days_ago=1)
    check(rw, capsys)
    rw.add(eml(sender="Northwind <no-reply@northwind.io>",
               subject="Thank you for applying to Northwind", msgid="late2@northwind.io",
               body=RECEIPT.replace("Fabrikam", "Northwind")))
    check(rw, capsys)
    app = show(rw, capsys, app_id)
    assert ("offer", "you", "reply") == (app["stage"], app["waiting_on"],
                                         app["next_action"]["kind"])  # type: ignore[index]


def test_desktop_urgency_critical_for_interview_normal_for_rejection(
        rw: Setup, capsys: pytest.CaptureFixture[str], dbus_session: str,
        notify_server: NotifyServer) -> None:
    app_add(rw, capsys, "--company", "Northwind", "--contact", "sam@northwind.io")
    app_add(rw, capsys, "--company", "Contoso", "--contact", "jane@contoso.com")
    rw.add(eml(sender="Sam Lee <sam@northwind.io>", subject="Interview invitation",
               msgid="int3@northwind.io",
               body="Hi Alex,\r\n\r\nWe would like to invite you to an interview. Which of "
                    "these times suit you?\r\n"))
    rw.add(eml(sender="Jane Smith <jane@contoso.com>", subject="Your application",
               msgid="no4@contoso.com", body=REJECTION))
    check(rw, capsys)
    config = load_config(rw.config)
    store = Store.open(rw.data / "replywatch" / "replywatch.db")
    Alerter(config, store, [DesktopChannel(dbus_session)]).deliver_due(datetime.now(UTC))
    store.close()
    urgency = {n.summary: n.hints.get("urgency") for n in notify_server.wait_for(2)}
    assert {"Northwind invites you to interview": 2, "Contoso said no": 1} == urgency


def test_report_counts_a_receipt_as_acknowledged_and_the_interview_as_first_reply(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    from replywatch.config.timeinput import zone
    from replywatch.report.data import load
    from replywatch.store.book import Book

    app_add(rw, capsys, "--company", "Fabrikam", "--applied", days_ago(9))
    rw.add(eml(sender="Fabrikam Hiring Team <no-reply@us.greenhouse-mail.io>",
               subject="Thank you for applying to Fabrikam", msgid="ack3@greenhouse-mail.io",
               body=RECEIPT, date=datetime.now(UTC) - timedelta(days=8)), days_ago=8)
    invited = (datetime.now(UTC) - timedelta(days=2)).replace(microsecond=0)
    rw.add(eml(sender="Fabrikam Recruiting <no-reply@us.greenhouse-mail.io>",
               subject="Interview invitation: Fabrikam", msgid="int4@greenhouse-mail.io",
               date=invited,
               body="Hi Alex,\r\n\r\nWe would like to invite you to an interview with the "
                    "Fabrikam team. Please pick a time that suits you.\r\n"), days_ago=2)
    check(rw, capsys)
    config = load_config(rw.config)
    store = Store.open(rw.data / "replywatch" / "replywatch.db")
    facts = load(Book(store, config.policy, zone(config.policy.timezone),
                      datetime.now(UTC))).facts[0]
    store.close()
    assert (True, invited, "greenhouse-mail.io") == (
        facts.acknowledged, facts.first_reply, facts.channel)


def test_check_updated_invite_moves_the_interview_instead_of_adding_one(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Northwind", "--contact", "sam@northwind.io")
    first = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0)
    rw.add(invite(start=first), days_ago=1)
    check(rw, capsys)
    moved = first + timedelta(days=1)
    rw.add(invite(start=moved, msgid="cal2@northwind.io"))
    check(rw, capsys)
    starts = [datetime.fromisoformat(i["start"])
              for i in show(rw, capsys, app_id)["interviews"]]  # type: ignore[attr-defined]
    assert [moved] == starts


AUTO = ["Auto-Submitted: auto-generated"]


def test_check_ats_rejection_marked_auto_generated_still_closes_the_application(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    # ATSs mark their notifications auto-generated (RFC 3834): a rejection sent so is
    # still a rejection, not an out-of-office to pass over.
    app_id = app_add(rw, capsys, "--company", "Fabrikam", "--applied", days_ago(9))
    rw.add(eml(sender="Fabrikam Recruiting <no-reply@us.greenhouse-mail.io>",
               subject="Your application to Fabrikam", msgid="auto-rej@greenhouse-mail.io",
               extra=AUTO, body="Hi Alex,\r\n\r\nThank you for applying to Fabrikam. "
               "Unfortunately we have decided to move forward with other candidates.\r\n"),
           days_ago=1)
    data = check(rw, capsys)
    assert ([("auto-rej@greenhouse-mail.io", "rejection", False)], "rejected") == (
        kinds_of(data), show(rw, capsys, app_id)["stage"])


def test_check_auto_generated_notice_that_says_nothing_is_no_reply(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Fabrikam", "--applied", days_ago(9))
    rw.add(eml(sender="Fabrikam Recruiting <no-reply@us.greenhouse-mail.io>",
               subject="Fabrikam: an update", msgid="auto-note@greenhouse-mail.io",
               extra=AUTO, body="Hello,\r\n\r\nPlease see the portal.\r\n"), days_ago=1)
    data = check(rw, capsys)
    assert ([("auto-note@greenhouse-mail.io", "acknowledgement", False)], "them") == (
        kinds_of(data), show(rw, capsys, app_id)["waiting_on"])


def test_check_out_of_office_auto_replied_is_still_passed_over(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_add(rw, capsys, "--company", "Globex", "--contact", "careers@globex.io",
            "--applied", days_ago(9))
    rw.add(eml(sender="Globex Careers <careers@globex.io>", subject="Automatic reply",
               msgid="ooo@globex.io", extra=["Auto-Submitted: auto-replied"]), days_ago=1)
    assert [] == kinds_of(check(rw, capsys))
