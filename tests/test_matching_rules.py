"""Pure matching of relay, board, name-domain, tie-break, forgery and learned-sender rules."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from replywatch.core.matching import Index, Match, match
from replywatch.core.model import Application, Message, Stage

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
ME = "me@example.org"


def application(app_id: int, company: str, *, contacts: tuple[str, ...] = (),
                domains: tuple[str, ...] = (), threads: tuple[str, ...] = (),
                role: str = "", relay_senders: tuple[str, ...] = ()) -> Application:
    return Application(id=app_id, company=company, role=role, stage=Stage.APPLIED,
                       applied_at=NOW, contacts=contacts, domains=domains, thread_ids=threads,
                       relay_senders=relay_senders)


BOOK = [
    application(1, "Acme Inc.", contacts=("jane@acme.com",), domains=("acme.com",),
                threads=("app-1@mail.example.org",)),
    application(2, "Terros", contacts=("hr@terros.io",), domains=("terros.io",)),
    application(3, "Talkiatry Inc.", contacts=("pat@talkiatry.com",), domains=("talkiatry.com",)),
    application(4, "Jump Trading LLC", threads=("app-4@mail.example.org",)),
    application(5, "Søstrene Grene A/S", contacts=("hr@sostrenegrene.com",),
                domains=("sostrenegrene.com",)),
    application(6, "Fabrikam", contacts=("kim@fabrikam.com",), domains=("fabrikam.com",),
                relay_senders=("e113-jobs@m.personio.de",)),
]
INDEX = Index.build(BOOK, [ME])


def mail(**kw: object) -> Message:
    base = Message(folder="INBOX", uid=1, internal_date=NOW, message_id="x@y",
                   from_addr="someone@elsewhere.net", to=(ME,), subject="Hello")
    return base._replace(**kw)  # type: ignore[arg-type]


def decided(m: Match) -> tuple[int | None, str | None]:
    return m.app_id, m.rule.value if m.rule else None


@pytest.mark.parametrize(
    ("sender", "name", "subject", "expected"),
    [
        # the employer's slot in the address
        ("no-reply@acme.teamtailor-mail.com", "", "Thanks", (1, "ats")),
        ("no-reply@terros.na.teamtailor-mail.com", "Recruiting", "Update", (2, "ats")),
        ("jobs@acme.recruitee.com", "", "Update", (1, "ats")),
        ("acme@myworkday.com", "Workday", "Update", (1, "ats")),
        ("noreply@acme.wd5.myworkdayjobs.com", "", "Update", (1, "ats")),
        # an id slot cannot name the company: the name comes from elsewhere
        ("e207-jobs@m.personio.de", "", "Your application", (None, None)),
        ("e207-jobs@m.personio.de", "Terros", "Your application", (2, "ats")),
        # relays and vendors named in DESIGN.md, subdomains included
        ("do_not_reply@talent.icims.eu", "", "Talkiatry: your application", (3, "ats")),
        ("noreply@acme.comeet-notifications.com", "", "Update", (1, "ats")),
        ("noreply@msg.join.com", "Talkiatry via JOIN", "Update", (3, "ats")),
        ("no-reply@hackerrank.com", "", "Terros has invited you to a test", (2, "ats")),
        ("no-reply@codility.com", "", "Invitation: coding test", (None, None)),
        # names normalised: legal form, accents
        ("no-reply@us.greenhouse-mail.io", "Talkiatry", "Thank you", (3, "ats")),
        ("no-reply@jobylon.com", "", "Søknad mottatt - Sostrene Grene", (5, "ats")),
        ("no-reply@jobylon.com", "", "Søknad mottatt - SØSTRENE GRENE", (5, "ats")),
        # a name that is part of another word names nothing
        ("no-reply@us.greenhouse-mail.io", "", "News from Acmeville", (None, None)),
        ("no-reply@us.greenhouse-mail.io", "Terrosa", "Thank you", (None, None)),
        # a relay domain alone never matches
        ("no-reply@us.greenhouse-mail.io", "Hiring Team", "Thank you for applying", (None, None)),
    ],
)
def test_match_relay_needs_the_company_name_somewhere(
        sender: str, name: str, subject: str, expected: tuple[int | None, str | None]) -> None:
    assert expected == decided(match(mail(from_addr=sender, from_name=name, subject=subject),
                                     INDEX))


@pytest.mark.parametrize(
    ("sender", "learn"),
    [("no-reply@acme.teamtailor-mail.com", "no-reply@acme.teamtailor-mail.com"),
     ("acme@myworkday.com", "acme@myworkday.com"),
     ("e207-jobs@m.personio.de", "e207-jobs@m.personio.de"),
     ("no-reply@us.greenhouse-mail.io", None),
     ("no-reply@hooli.teamtailor-mail.com", None),  # the slot names someone else
     ("jane.doe@hire.lever.co", None)],
)
def test_match_relay_learns_only_an_address_with_an_employer_slot(
        sender: str, learn: str | None) -> None:
    m = match(mail(from_addr=sender, subject="Your application to Acme"), INDEX)
    assert (1, learn) == (m.app_id, m.learn)


def test_match_learned_relay_sender_matches_without_the_name() -> None:
    m = match(mail(from_addr="e113-jobs@m.personio.de", subject="Your application"), INDEX)
    assert (6, "ats") == decided(m)


def test_match_learned_relay_sender_shared_by_two_roles_still_needs_the_role() -> None:
    index = Index.build([
        application(13, "Hooli", role="Backend Engineer",
                    relay_senders=("no-reply@hooli.teamtailor-mail.com",)),
        application(14, "Hooli", role="Data Engineer"),
    ], [ME])
    sender = "no-reply@hooli.teamtailor-mail.com"
    plain = match(mail(from_addr=sender, subject="Interview invitation"), index)
    role = match(mail(from_addr=sender, subject="Data Engineer: interview"), index)
    assert ((13, 14), 14) == (plain.candidates, role.app_id)


def test_match_relay_slot_outweighs_a_name_in_the_display_name() -> None:
    index = Index.build([application(15, "Workday"), application(16, "Acme")], [ME])
    m = match(mail(from_addr="acme@myworkday.com", from_name="Workday"), index)
    assert (16, "ats") == decided(m)


def test_match_own_mail_to_learned_relay_sender_is_to_them() -> None:
    m = match(mail(from_addr=ME, to=("e113-jobs@m.personio.de",)), INDEX)
    assert ("to_them", 6, "ats") == (m.direction.value, m.app_id, m.rule and m.rule.value)


@pytest.mark.parametrize(
    ("sender", "expected"),
    [
        ("talent@jumptrading.com", (4, "domain")),
        ("jo@careers.jump-trading.co.uk", (4, "domain")),
        ("jo@jumptradingllc.com", (4, "domain")),
        ("jo@jumptradingfirm.com", (None, None)),
        ("jo@jump.com", (None, None)),
        # only the application without a contact guesses from its name (7, not 3)
        ("x@talkiatry.org", (7, "domain")),
        ("x@terros.com", (None, None)),
    ],
)
def test_match_name_domain_only_for_application_without_contact(
        sender: str, expected: tuple[int | None, str | None]) -> None:
    book = [*BOOK, application(7, "Talkiatry", contacts=())]
    index = Index.build(book, [ME])
    assert expected == decided(match(mail(from_addr=sender), index))


def test_match_name_domain_never_from_free_mail() -> None:
    index = Index.build([application(8, "Gmail")], [ME])
    assert (None, None) == decided(match(mail(from_addr="x@gmail.com"), index))


@pytest.mark.parametrize(
    ("sender", "name", "subject"),
    [
        ("jobs-noreply@linkedin.com", "LinkedIn", "Your application was sent to Acme"),
        ("jobalerts-noreply@linkedin.com", "LinkedIn Job Alerts", "Acme is hiring: Engineer"),
        ("alert@indeed.com", "Indeed", "Acme Inc. - 3 new jobs"),
        ("noreply@glassdoor.com", "Acme", "Acme reviews"),
        ("no-reply@ziprecruiter.com", "ZipRecruiter", "Acme viewed your profile"),
        ("noreply@mail.stepstone.de", "StepStone", "Ihre Bewerbung bei Acme"),
        ("noreply@finn.no", "FINN", "Søknaden din til Acme er sendt"),
        ("ikke-svar@arbeidsplassen.nav.no", "Arbeidsplassen", "Ny stilling hos Acme"),
        ("jane@acme.com", "Jane", "Acme"),  # contact: the control
    ],
)
def test_match_job_board_mail_is_never_a_reply(sender: str, name: str, subject: str) -> None:
    m = match(mail(from_addr=sender, from_name=name, subject=subject), INDEX)
    expected = (1, "contact") if sender == "jane@acme.com" else (None, None)
    assert (expected, "" if sender == "jane@acme.com" else "job_board") == (decided(m), m.reason)


def test_match_board_own_relay_address_in_book_still_not_a_reply() -> None:
    index = Index.build([application(9, "Acme", contacts=("jobs-noreply@linkedin.com",))], [ME])
    assert (None, "job_board") == (match(mail(from_addr="jobs-noreply@linkedin.com",
                                              subject="Acme"), index).app_id,
                                   match(mail(from_addr="jobs-noreply@linkedin.com",
                                              subject="Acme"), index).reason)


def test_match_contact_working_at_a_board_matches_by_contact() -> None:
    index = Index.build([application(9, "LinkedIn", contacts=("mia.chen@linkedin.com",))], [ME])
    person = match(mail(from_addr="mia.chen@linkedin.com", subject="Interview"), index)
    alert = match(mail(from_addr="jobalerts-noreply@linkedin.com", subject="LinkedIn jobs"),
                  index)
    assert ((9, "contact"), (None, None)) == (decided(person), decided(alert))


@pytest.mark.parametrize(
    ("sender", "name", "subject", "extra", "expected"),
    [
        ("inmail-hit-reply@linkedin.com", "Jane Roe", "Backend role at Acme", {},
         (1, "board")),
        ("inmail-hit-reply@linkedin.com", "Jane Roe", "Backend role at Acme",
         {"list_unsubscribe": True}, (1, "board")),
        ("messages-noreply@linkedin.com", "Per Hansen via LinkedIn", "Terros - stillingen",
         {}, (2, "board")),
        ("messages-noreply@linkedin.com", "Jane Roe via LinkedIn", "Jane just messaged you",
         {}, (None, None)),
    ],
)
def test_match_recruiter_message_through_board_counts_by_name(
        sender: str, name: str, subject: str, extra: dict[str, object],
        expected: tuple[int | None, str | None]) -> None:
    m = match(mail(from_addr=sender, from_name=name, subject=subject, **extra), INDEX)
    assert expected == decided(m)


AGENCY = [
    application(10, "Acme", contacts=("sam@talentagency.com",), role="Backend Engineer"),
    application(11, "Globex", contacts=("sam@talentagency.com",), role="Data Engineer"),
    application(12, "Globex", contacts=("sam@talentagency.com",), role="Platform Engineer"),
]


@pytest.mark.parametrize(
    ("name", "subject", "expected"),
    [
        ("Sam", "Acme - next steps", (10, ())),
        ("Sam (Acme)", "Next steps", (10, ())),
        ("Sam", "Globex: Data Engineer interview", (11, ())),
        ("Sam", "Platform Engineer role", (12, ())),
        ("Sam", "Globex next steps", (None, (11, 12))),
        ("Sam", "Checking in", (None, (10, 11, 12))),
    ],
)
def test_match_agency_contact_tie_broken_by_name_then_role(
        name: str, subject: str, expected: tuple[int | None, tuple[int, ...]]) -> None:
    m = match(mail(from_addr="sam@talentagency.com", from_name=name, subject=subject),
              Index.build(AGENCY, [ME]))
    assert expected == (m.app_id, m.candidates)


@pytest.mark.parametrize(
    ("sender", "expected"),
    [
        ("jane@acme.com", (1, None)),  # a contact
        ("bob@eng.acme.com", (1, None)),  # the company's domain
        ("no-reply@us.greenhouse-mail.io", (1, None)),  # a relay
        ("messages-noreply@linkedin.com", (1, None)),  # a board
        ("mallory@evil.example", (None, 1)),
        ("hr@terros.io", (None, 1)),  # another application's contact
        ("x@gmail.com", (None, 1)),
        (None, (None, 1)),
    ],
)
def test_match_thread_from_unrelated_sender_is_for_review(
        sender: str | None, expected: tuple[int | None, int | None]) -> None:
    m = match(mail(from_addr=sender, in_reply_to=("app-1@mail.example.org",)), INDEX)
    assert expected == (m.app_id, m.review)


def test_match_thread_from_name_domain_is_related() -> None:
    m = match(mail(from_addr="talent@jumptrading.com", references=("app-4@mail.example.org",)),
              INDEX)
    assert ((4, "thread"), None) == (decided(m), m.review)


def test_match_own_message_in_thread_is_never_for_review() -> None:
    m = match(mail(from_addr=ME, to=("x@gmail.com",), in_reply_to=("app-1@mail.example.org",)),
              INDEX)
    assert ("to_them", 1, None) == (m.direction.value, m.app_id, m.review)
