"""Each matching rule of DESIGN.md pinned with real-looking mail through a real Dovecot:
relay slots, learned relay senders, names, job boards, InMail, tie-break, forgery.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.mailfactory import ME, Setup, eml, make_setup
from tests.servers.dovecot import LocalDovecot


@pytest.fixture
def rw(dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
       monkeypatch: pytest.MonkeyPatch) -> Setup:
    return make_setup(dovecot, imap_user, tmp_path, monkeypatch)


def run_json(rw: Setup, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code, out, err = rw.run(capsys, *args, "--json")
    assert 0 == code, err
    data: dict[str, object] = json.loads(out)
    return data


def app_add(rw: Setup, capsys: pytest.CaptureFixture[str], *args: str) -> int:
    code, out, err = rw.run(capsys, "app", "add", *args)
    assert 0 == code, err
    return int(out.strip())


def matched(data: dict[str, object]) -> list[tuple[object, object, object]]:
    items = data["matched"]
    assert isinstance(items, list)
    return [(m["application"], m["message_id"], m["rule"]) for m in items]


def ago(days: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")


def test_check_relay_employer_slot_in_tenant_label_and_local_part_matches(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    terros = app_add(rw, capsys, "--company", "Terros", "--contact", "hr@terros.io")
    acme = app_add(rw, capsys, "--company", "Acme Inc.", "--contact", "jane@acme.com")
    rw.add(eml(sender="Recruiting <no-reply@terros.na.teamtailor-mail.com>",
               subject="Thanks for your application", msgid="t1@teamtailor-mail.com"))
    rw.add(eml(sender="Workday <acme@myworkday.com>", subject="Application received",
               msgid="w1@myworkday.com"))
    rw.add(eml(sender="Recruiting <no-reply@hooli.na.teamtailor-mail.com>",
               subject="Thanks for your application", msgid="t2@teamtailor-mail.com"))
    assert [(terros, "t1@teamtailor-mail.com", "ats"), (acme, "w1@myworkday.com", "ats")] == \
        matched(run_json(rw, capsys, "check"))


def test_check_relay_id_slot_needs_name_then_sender_is_learned(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Fabrikam GmbH", "--contact", "kim@fabrikam.de")
    rw.add(eml(sender="Personio <e113-jobs@m.personio.de>", subject="Ihre Bewerbung",
               msgid="p0@personio.de"), days_ago=3)
    rw.add(eml(sender="Personio <e113-jobs@m.personio.de>",
               subject="Ihre Bewerbung bei Fabrikam", msgid="p1@personio.de"), days_ago=2)
    first = matched(run_json(rw, capsys, "check"))
    # Later mail from the learned address needs no name.
    rw.add(eml(sender="Personio <e113-jobs@m.personio.de>", subject="Einladung zum Gespräch",
               msgid="p2@personio.de"))
    second = matched(run_json(rw, capsys, "check"))
    shown = run_json(rw, capsys, "app", "show", str(app_id))
    assert ([(app_id, "p1@personio.de", "ats")], [(app_id, "p2@personio.de", "ats")],
            ["e113-jobs@m.personio.de"]) == (first, second, shown["relay_senders"])


def test_check_generic_relay_address_is_not_learned(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Umbrella", "--contact", "talent@umbrella.com")
    rw.add(eml(sender="Umbrella Recruiting <no-reply@us.greenhouse-mail.io>",
               subject="Thank you for applying", msgid="g1@greenhouse-mail.io"), days_ago=1)
    run_json(rw, capsys, "check")
    rw.add(eml(sender="Recruiting <no-reply@us.greenhouse-mail.io>",
               subject="Thank you for applying", msgid="g2@greenhouse-mail.io"))
    later = matched(run_json(rw, capsys, "check"))
    shown = run_json(rw, capsys, "app", "show", str(app_id))
    assert ([], []) == (later, shown["relay_senders"])


def test_check_relays_vendors_subdomains_and_normalised_names_match(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    talk = app_add(rw, capsys, "--company", "Talkiatry Inc.", "--contact", "pat@talkiatry.com")
    grene = app_add(rw, capsys, "--company", "Søstrene Grene A/S", "--contact",
                    "hr@sostrenegrene.com")
    rw.add(eml(sender="Talkiatry <do_not_reply@talent.icims.eu>", subject="Application update",
               msgid="i1@icims.eu"))
    rw.add(eml(sender="Jobylon <no-reply@jobylon.com>",
               subject="=?utf-8?q?S=C3=B8knad_mottatt_=E2=80=93_SOSTRENE_GRENE?=",
               msgid="j1@jobylon.com"))
    rw.add(eml(sender="Comeet <noreply@acme.comeet-notifications.com>", subject="Talkiatryx",
               msgid="c1@comeet.com"))
    rw.add(eml(sender="HackerRank <no-reply@hackerrank.com>",
               subject="Talkiatry has invited you to take a test", msgid="h1@hackerrank.com"))
    rw.add(eml(sender="Søstrene Grene via JOIN <noreply@msg.join.com>", subject="Neuigkeiten",
               msgid="n1@join.com"))
    assert sorted([(talk, "i1@icims.eu", "ats"), (grene, "j1@jobylon.com", "ats"),
                   (talk, "h1@hackerrank.com", "ats"), (grene, "n1@join.com", "ats")], key=str) == \
        sorted(matched(run_json(rw, capsys, "check")), key=str)


def test_check_company_named_domain_matches_application_without_contact(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Jump Trading LLC")
    rw.add(eml(sender="Talent <talent@careers.jumptrading.com>", subject="Your interview",
               msgid="jt1@jumptrading.com"))
    rw.add(eml(sender="Jump <x@jumptradingfirm.com>", subject="Hi", msgid="jt2@x.com"))
    assert [(app_id, "jt1@jumptrading.com", "domain")] == matched(run_json(rw, capsys, "check"))


def test_check_job_board_mail_is_never_a_reply_but_inmail_is(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Healthify", "--contact", "jo@healthify.us",
                     "--applied", ago(10))
    unsub = ["List-Unsubscribe: <https://www.linkedin.com/e/unsub>"]
    rw.add(eml(sender="LinkedIn <jobs-noreply@linkedin.com>",
               subject="Your application was sent to Healthify", msgid="l1@linkedin.com",
               extra=unsub), days_ago=9)
    rw.add(eml(sender="LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>",
               subject="Healthify is hiring: Data Engineer", msgid="l2@linkedin.com",
               extra=unsub), days_ago=8)
    rw.add(eml(sender="Indeed <alert@indeed.com>", subject="Healthify - 3 new jobs",
               msgid="n1@indeed.com"), days_ago=7)
    rw.add(eml(sender="Healthify <noreply@glassdoor.com>", subject="Healthify reviews",
               msgid="g1@glassdoor.com"), days_ago=6)
    before = run_json(rw, capsys, "check")
    rw.add(eml(sender="Mia Chen <inmail-hit-reply@linkedin.com>",
               subject="Data Engineer at Healthify - can we talk?", msgid="l3@linkedin.com",
               extra=unsub))
    after = run_json(rw, capsys, "check")
    shown = run_json(rw, capsys, "app", "show", str(app_id))
    assert ([], [(app_id, "l3@linkedin.com", "board")], "you") == (
        matched(before), matched(after), shown["waiting_on"])


def test_check_agency_recruiter_tie_broken_by_company_name_else_ambiguous(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    acme = app_add(rw, capsys, "--company", "Acme", "--contact", "sam@talentbridge.no")
    globex = app_add(rw, capsys, "--company", "Globex", "--contact", "sam@talentbridge.no")
    rw.add(eml(sender="Sam Berg <sam@talentbridge.no>", subject="Globex: neste steg",
               msgid="a1@talentbridge.no"))
    rw.add(eml(sender="Sam Berg <sam@talentbridge.no>", subject="Oppfølging",
               msgid="a2@talentbridge.no"))
    data = run_json(rw, capsys, "check")
    assert ([(globex, "a1@talentbridge.no", "contact")],
            [{"message_id": "a2@talentbridge.no", "candidates": [acme, globex],
              "from": "sam@talentbridge.no", "subject": "Oppfølging"}]) == (
        matched(data), data["ambiguous"])


def test_check_forged_thread_is_shown_for_review_and_keeps_follow_up_due(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Initech", "--contact", "careers@initech.com",
                     "--applied", ago(12))
    rw.add(eml(sender=ME, to="careers@initech.com", subject="Application: SRE",
               msgid="app-1@example.org", date=datetime.now(UTC) - timedelta(days=12)),
           folder="Sent", days_ago=12, seen=True)
    rw.add(eml(sender="Bill <bill@evil.example>", subject="Re: Application: SRE",
               msgid="f1@evil.example", in_reply_to="app-1@example.org"), days_ago=1)
    _, text, _ = rw.run(capsys, "check")
    status = run_json(rw, capsys, "status")
    _, status_text, _ = rw.run(capsys, "status")
    shown = run_json(rw, capsys, "app", "show", str(app_id))
    review = {"message_id": "f1@evil.example", "application": app_id, "company": "Initech",
              "from": "bill@evil.example", "subject": "Re: Application: SRE",
              "reason": "unrelated_sender"}
    line = (f"message from bill@evil.example \"Re: Application: SRE\" names a thread of "
            f"application {app_id} (Initech)")
    assert ([review], "follow_up_due", True, True, False) == (
        status["review"], shown["next_action"]["kind"],  # type: ignore[index]
        f"review: {line}" in text, line in status_text, "reply from them" in text)


def test_check_review_sender_added_as_contact_then_matches(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Initech", "--thread", "<app-2@example.org>")
    rw.add(eml(sender="Bill <bill.lumbergh@gmail.com>", subject="Re: Application",
               msgid="f2@mail.gmail.com", in_reply_to="app-2@example.org"))
    first = run_json(rw, capsys, "check")
    code, _, err = rw.run(capsys, "app", "set", str(app_id), "--add-contact",
                          "bill.lumbergh@gmail.com")
    shown = run_json(rw, capsys, "app", "show", str(app_id))
    status = run_json(rw, capsys, "status")
    review = first["review"]
    assert isinstance(review, list)
    assert ([], [(app_id, "f2@mail.gmail.com")], 0, "you", []) == (
        matched(first), [(r["application"], r["message_id"]) for r in review],
        code, shown["waiting_on"], status["review"]), err
