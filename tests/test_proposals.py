"""Applications found in the mailbox, through a real Dovecot: proposed by `check`,
listed, accepted (already matched to their mail) and dismissed for good."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.mailfactory import ME, Setup, eml, make_setup
from tests.servers.dovecot import LocalDovecot


@pytest.fixture
def rw(dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
       monkeypatch: pytest.MonkeyPatch) -> Setup:
    return make_setup(dovecot, imap_user, tmp_path, monkeypatch)


def run_json(rw: Setup, capsys: pytest.CaptureFixture[str], *args: str) -> object:
    code, out, err = rw.run(capsys, *args, "--json")
    assert 0 == code, err
    return json.loads(out)


def seed(rw: Setup) -> None:
    rw.add(eml(sender="Fabrikam Recruiting <no-reply@us.greenhouse-mail.io>",
               subject="Thanks for applying for the Senior Backend Engineer role at Fabrikam",
               msgid="gh-1@greenhouse-mail.io",
               body="Your application was received. We will review it and be in touch."),
           days_ago=6)
    rw.add(eml(sender="LinkedIn <jobs-noreply@linkedin.com>",
               subject="Alex, your application was sent to Healthify", msgid="li-1@linkedin.com"),
           days_ago=5)
    rw.add(eml(sender=f"Alex Doe <{ME}>", to="jobs@northwind.example",
               subject="Application for Data Engineer", msgid="sent-1@example.org"),
           folder="Sent", days_ago=4)
    # never proposed: a job alert, a newsletter, a friend, a relay's rejection
    rw.add(eml(sender="LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>",
               subject="30 new jobs for Backend Engineer", msgid="alert@linkedin.com",
               extra=["List-Unsubscribe: <mailto:u@linkedin.com>"]), days_ago=3)
    rw.add(eml(sender="Northwind <news@northwind.example>", subject="Our new office",
               msgid="news@northwind.example"), days_ago=3)
    rw.add(eml(sender=f"Alex Doe <{ME}>", to="sara@gmail.com", subject="My CV",
               msgid="sent-2@example.org"), folder="Sent", days_ago=2)
    rw.add(eml(sender="Contoso <no-reply@hire.lever.co>",
               subject="Update on your application to Contoso", msgid="lv-1@lever.co",
               body="Thank you for applying to Contoso. Unfortunately we will not move "
                    "forward."), days_ago=1)


def test_check_proposes_receipts_and_own_applications_and_nothing_else(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    seed(rw)
    report = run_json(rw, capsys, "check")
    assert isinstance(report, dict)
    found = sorted((p["company"], p["role"], p["source"], p["contact"])
                   for p in report["proposed"])
    assert [("Fabrikam", "Senior Backend Engineer", "relay", "no-reply@us.greenhouse-mail.io"),
            ("Healthify", "", "board", "jobs-noreply@linkedin.com"),
            ("Northwind", "Data Engineer", "sent", "jobs@northwind.example")] == found


def test_app_proposals_json_has_the_contract_fields(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    seed(rw)
    run_json(rw, capsys, "check")
    listed = run_json(rw, capsys, "app", "proposals")
    assert isinstance(listed, list)
    assert ({"id", "company", "role", "applied", "contact", "message_id", "evidence",
             "source"}, 3, "gh-1@greenhouse-mail.io") == (
        set(listed[0]), len(listed), next(p["message_id"] for p in listed
                                          if p["company"] == "Fabrikam"))


def test_app_accept_makes_an_application_already_matched_to_its_mail(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    seed(rw)
    run_json(rw, capsys, "check")
    listed = run_json(rw, capsys, "app", "proposals")
    assert isinstance(listed, list)
    fabrikam = next(p for p in listed if p["company"] == "Fabrikam")
    code, out, err = rw.run(capsys, "app", "accept", str(fabrikam["id"]))
    app_id = int(out.strip())
    shown = run_json(rw, capsys, "app", "show", str(app_id))
    left = run_json(rw, capsys, "app", "proposals")
    assert isinstance(shown, dict) and isinstance(left, list)
    assert (0, "Fabrikam", "Senior Backend Engineer", ["mid:gh-1@greenhouse-mail.io"], 2) == (
        code, shown["company"], shown["role"],
        [e["message_id"] for e in shown["events"]], len(left)), err


def test_app_accept_all_and_company_override(rw: Setup,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    seed(rw)
    run_json(rw, capsys, "check")
    code, out, _ = rw.run(capsys, "app", "accept", "--all")
    apps = run_json(rw, capsys, "app", "list")
    assert isinstance(apps, list)
    assert (0, 3, ["Fabrikam", "Healthify", "Northwind"], []) == (
        code, len(out.split()), sorted(a["company"] for a in apps),
        run_json(rw, capsys, "app", "proposals"))


def test_app_dismiss_never_comes_back_even_after_a_rescan(
        rw: Setup, capsys: pytest.CaptureFixture[str], dovecot: LocalDovecot) -> None:
    seed(rw)
    run_json(rw, capsys, "check")
    listed = run_json(rw, capsys, "app", "proposals")
    assert isinstance(listed, list)
    healthify = next(p for p in listed if p["company"] == "Healthify")
    code, _, _ = rw.run(capsys, "app", "dismiss", str(healthify["id"]))
    # The server forgets its UIDs: every message is read again.
    maildir = dovecot.maildir(rw.user)
    for name in ("dovecot-uidlist", "dovecot.index", "dovecot.index.log", "dovecot.index.cache"):
        (maildir / name).unlink(missing_ok=True)
    shutil.rmtree(maildir / ".." / "mail" / "INBOX", ignore_errors=True)
    # ... and another board receipt names the same company.
    rw.add(eml(sender="LinkedIn <jobs-noreply@linkedin.com>",
               subject="Your application was sent to Healthify", msgid="li-2@linkedin.com"))
    again = run_json(rw, capsys, "check")
    assert isinstance(again, dict)
    remaining = run_json(rw, capsys, "app", "proposals")
    assert isinstance(remaining, list)
    assert (0, [], ["Fabrikam", "Northwind"]) == (
        code, again["proposed"], sorted(p["company"] for p in remaining))


def test_check_mail_of_an_application_in_the_book_is_not_proposed(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = rw.run(capsys, "app", "add", "--company", "Fabrikam Inc.")
    seed(rw)
    report = run_json(rw, capsys, "check")
    assert isinstance(report, dict)
    assert (0, ["Healthify", "Northwind"]) == (
        code, sorted(p["company"] for p in report["proposed"]))


def test_app_accept_unknown_or_dismissed_proposal_is_one_line_exit_2(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = rw.run(capsys, "app", "accept", "99")
    errors = [line for line in err.splitlines() if line.startswith("replywatch: error:")]
    assert (2, ["replywatch: error: no proposal with id 99"]) == (code, errors), err


def with_attachment(sender: str, to: str, subject: str, msgid: str, filename: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message["Message-ID"] = f"<{msgid}>"
    message["Date"] = format_datetime(datetime.now(UTC))
    message.set_content("Hello, please find my papers attached.\n")
    message.add_attachment(b"%PDF-1.4 cv", maintype="application", subtype="pdf",
                           filename=filename)
    return message.as_bytes()


def test_check_reads_the_text_and_attachments_the_headers_do_not_tell(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    # The role is only in the receipt's text; the application is only told by its CV.
    rw.add(eml(sender="Contoso Hiring Team <no-reply@hire.lever.co>",
               subject="Thanks for applying", msgid="lv-2@lever.co",
               body="Thank you for applying for the Platform Engineer role at Contoso. We "
                    "have received your application."))
    rw.add(with_attachment(f"Alex Doe <{ME}>", "hr@tailspin.example", "Frontend Developer",
                           "sent-3@example.org", "Alex_Doe_CV.pdf"), folder="Sent")
    rw.add(with_attachment(f"Alex Doe <{ME}>", "support@tailspin.example", "My order",
                           "sent-4@example.org", "receipt.pdf"), folder="Sent")
    report = run_json(rw, capsys, "check")
    assert isinstance(report, dict)
    found = sorted((p["company"], p["role"], p["source"]) for p in report["proposed"])
    assert [("Contoso", "Platform Engineer", "relay"), ("Tailspin", "", "sent")] == found
