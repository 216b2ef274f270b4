"""Which senders say something about a company: relays, their employer slots, boards."""

from __future__ import annotations

import pytest

from replywatch.core.domains import (
    company_domain,
    is_ats,
    is_board,
    registrable,
    registrable_label,
)
from replywatch.core.names import CompanyName
from replywatch.core.senders import is_recruiter_message, relay_slots, slot_names


@pytest.mark.parametrize(
    "domain",
    ["talent.icims.eu", "acme.comeet-notifications.com", "join.com", "msg.join.com",
     "terros.na.teamtailor-mail.com", "m.personio.de", "us.greenhouse-mail.io",
     "jobylon.com", "webcruiter.no", "jobbnorge.no", "reachmee.com", "mail.easycruit.com",
     "hackerrank.com", "email.codility.com", "codesignal.com", "hirevue.com",
     "criteriacorp.com", "testgorilla.com", "acme.wd5.myworkdayjobs.com"],
)
def test_domains_relays_include_subdomains(domain: str) -> None:
    assert (True, False) == (is_ats(domain), is_board(domain))


@pytest.mark.parametrize(
    "domain",
    ["linkedin.com", "e.linkedin.com", "indeed.com", "match.indeed.com", "indeedemail.com",
     "glassdoor.com", "ziprecruiter.com", "mail.stepstone.de", "finn.no",
     "arbeidsplassen.nav.no", "monster.com", "jobindex.dk", "jobnet.dk", "academicwork.se",
     "karriere.at", "mail.xing.com", "welcometothejungle.com", "wellfound.com", "hired.com",
     "dice.com", "joinhandshake.com"],
)
def test_domains_job_boards_are_not_relays(domain: str) -> None:
    assert (True, False) == (is_board(domain), is_ats(domain))


@pytest.mark.parametrize(
    ("address", "expected"),
    [("jane@acme.com", "acme.com"), ("x@gmail.com", None), ("x@hotmail.no", None),
     ("no-reply@us.greenhouse-mail.io", None), ("jobs-noreply@linkedin.com", None),
     ("postmaster@localhost", None), ("hr@nav.no", "nav.no")],
)
def test_domains_company_domain_never_free_mail_relay_or_board(
        address: str, expected: str | None) -> None:
    assert expected == company_domain(address)


@pytest.mark.parametrize(
    ("domain", "expected"),
    [("acme.com", "acme.com"), ("mail.eng.acme.com", "acme.com"),
     ("careers.acme.co.uk", "acme.co.uk"), ("hr.acme.com.au", "acme.com.au"),
     ("acme.co.jp", "acme.co.jp"), ("co.uk", "co.uk"), ("acme.no", "acme.no")],
)
def test_domains_registrable_knows_multi_label_suffixes(domain: str, expected: str) -> None:
    label = expected.partition(".")[0]
    assert (expected, label) == (registrable(domain), registrable_label(domain))


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("no-reply@acme.teamtailor-mail.com", ("acme",)),
        ("no-reply@terros.na.teamtailor-mail.com", ("terros",)),
        ("jobs@acme.recruitee.com", ("acme",)),
        ("acme@myworkday.com", ("acme",)),
        ("e113-jobs@m.personio.de", ("e113-jobs",)),
        ("no-reply@us.greenhouse-mail.io", ()),
        ("notifications@smartrecruiters.com", ()),
        ("do_not_reply@talent.icims.eu", ()),
        ("noreply@acme.wd3.myworkdayjobs.com", ("acme",)),
        ("jane.doe@hire.lever.co", ("jane.doe",)),
        ("jane@acme.com", ()),
    ],
)
def test_senders_relay_slots_are_tenant_labels_and_local_parts(
        address: str, expected: tuple[str, ...]) -> None:
    assert expected == relay_slots(address)


@pytest.mark.parametrize(
    ("slots", "expected"),
    [(("acme",), True), (("acme-careers",), True), (("jump-trading",), False),
     (("e113-jobs",), False), (("acmeville",), False)],
)
def test_senders_slot_names_company_as_whole_label_or_word(
        slots: tuple[str, ...], expected: bool) -> None:
    assert expected == slot_names(slots, CompanyName.of("Acme Inc."))


@pytest.mark.parametrize(
    ("address", "name", "subject", "expected"),
    [
        ("inmail-hit-reply@linkedin.com", "Jane Roe", "Opportunity at Acme", True),
        ("messages-noreply@linkedin.com", "Jane Roe via LinkedIn", "Jane just messaged you",
         True),
        ("hit-reply@linkedin.com", "Kari Nordmann", "Kari har sendt deg en melding", True),
        ("x7k2@e.linkedin.com", "Jane Roe via LinkedIn", "Hello", True),
        ("abc-1f3@indeedemail.com", "Jane from Acme", "Your application", True),
        ("jobs-noreply@linkedin.com", "LinkedIn", "Your application was sent to Acme", False),
        ("jobalerts-noreply@linkedin.com", "LinkedIn Job Alerts", "Acme is hiring", False),
        ("messaging-digest-noreply@linkedin.com", "LinkedIn", "You have 2 new messages",
         False),
        ("inmail-hit-reply@linkedin.com", "LinkedIn", "InMail", False),
        ("no-reply@indeed.com", "Indeed", "Jane sent you a message", False),
        ("alert@indeed.com", "Indeed", "New jobs at Acme", False),
        ("noreply@glassdoor.com", "Glassdoor Jobs", "Acme is hiring", False),
        ("jane@acme.com", "Jane Roe via LinkedIn", "InMail", False),
    ],
)
def test_senders_recruiter_message_through_board(
        address: str, name: str, subject: str, expected: bool) -> None:
    assert expected == is_recruiter_message(address, name, subject)
