"""Pure matching rules, in their order, and the messages that are not replies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from replywatch.core.matching import Index, Match, Rule, canonical, match
from replywatch.core.model import Application, Direction, Message, Stage

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
ME = "me@example.org"


def application(app_id: int, company: str, *, contacts: tuple[str, ...] = (),
                domains: tuple[str, ...] = (), threads: tuple[str, ...] = (),
                role: str = "") -> Application:
    return Application(id=app_id, company=company, role=role, stage=Stage.APPLIED,
                       applied_at=NOW, contacts=contacts, domains=domains, thread_ids=threads)


ACME = application(1, "Acme", contacts=("jane@acme.com",), domains=("acme.com",),
                   threads=("app-1@mail.example.org",))
GLOBEX = application(2, "Globex Corporation", contacts=("hr@globex.io",), domains=("globex.io",))
INDEX = Index.build([ACME, GLOBEX], [ME])


def mail(**kw: object) -> Message:
    base = Message(folder="INBOX", uid=1, internal_date=NOW, message_id="x@y",
                   from_addr="someone@elsewhere.net", to=(ME,), subject="Hello")
    return base._replace(**kw)  # type: ignore[arg-type]


def outcome(m: Match) -> tuple[str, int | None, str | None, tuple[int, ...], str]:
    return (m.direction.value, m.app_id, m.rule.value if m.rule else None, m.candidates, m.reason)


@pytest.mark.parametrize(
    ("msg", "expected"),
    [
        (mail(in_reply_to=("app-1@mail.example.org",), from_addr="bob@acme.com"), (1, "thread")),
        (mail(references=("other@x", "app-1@mail.example.org"), from_addr="jane@acme.com"),
         (1, "thread")),
        (mail(from_addr="jane@acme.com"), (1, "contact")),
        (mail(from_addr="Jane+jobs@ACME.com"), (1, "contact")),
        (mail(from_addr="bob@acme.com"), (1, "domain")),
        (mail(from_addr="bob@mail.eng.acme.com"), (1, "domain")),
        (mail(from_addr="bob@notacme.com"), (None, None)),
        (mail(from_addr="no-reply@greenhouse.io", from_name="Acme Hiring Team"), (1, "ats")),
        (mail(from_addr="no-reply@us.greenhouse-mail.io", subject="Your application to Acme"),
         (1, "ats")),
        (mail(from_addr="no-reply@greenhouse.io", subject="Your application"), (None, None)),
        (mail(from_addr="no-reply@greenhouse.io", subject="Acmeville news"), (None, None)),
        (mail(from_addr="relay@lever.co", reply_to=("jane@acme.com",)), (1, "contact")),
    ],
)
def test_match_rules_each_decide(msg: Message, expected: tuple[int | None, str | None]) -> None:
    m = match(msg, INDEX)
    assert expected == (m.app_id, m.rule.value if m.rule else None)


def test_match_thread_from_other_applications_contact_is_for_review() -> None:
    msg = mail(from_addr="hr@globex.io", in_reply_to=("app-1@mail.example.org",))
    m = match(msg, INDEX)
    assert (("from_them", None, None, (), "unrelated_sender"), 1) == (outcome(m), m.review)


def test_match_free_mail_sender_never_matches_by_domain() -> None:
    index = Index.build([application(3, "Gmail Fans", domains=("gmail.com",))], [ME])
    assert (None, None) == (match(mail(from_addr="x@gmail.com"), index).app_id,
                            match(mail(from_addr="x@gmail.com"), index).rule)


def test_match_gmail_thread_id_is_an_anchor() -> None:
    index = Index.build([application(4, "Initech", threads=("gmthr:1789",))], [ME])
    m = match(mail(gm_thrid=1789, from_addr="hr@initech.com"), index)
    assert (4, Rule.THREAD) == (m.app_id, m.rule)


@pytest.mark.parametrize(
    "msg",
    [
        mail(from_addr="jane@acme.com", auto_reply=True),
        mail(in_reply_to=("app-1@mail.example.org",), auto_reply=True),
    ],
)
def test_match_auto_reply_is_never_a_reply(msg: Message) -> None:
    assert ("from_them", None, None, (), "auto_reply") == outcome(match(msg, INDEX))


@pytest.mark.parametrize(
    "msg",
    [
        mail(from_addr="news@acme.com", list_id="acme-news.acme.com"),
        mail(from_addr="news@acme.com", list_unsubscribe=True),
        mail(from_addr="jane@acme.com", precedence="bulk"),
    ],
)
def test_match_bulk_mail_is_not_a_reply(msg: Message) -> None:
    assert ("from_them", None, None, (), "bulk") == outcome(match(msg, INDEX))


def test_match_bulk_headers_in_known_thread_still_match() -> None:
    msg = mail(from_addr="no-reply@greenhouse.io", list_unsubscribe=True,
               in_reply_to=("app-1@mail.example.org",))
    assert ("from_them", 1, "thread", (), "") == outcome(match(msg, INDEX))


def test_match_two_applications_same_company_are_ambiguous() -> None:
    a = application(5, "Acme", domains=("acme.com",), role="Backend Engineer")
    b = application(6, "Acme", domains=("acme.com",), role="Data Engineer")
    index = Index.build([a, b], [ME])
    m = match(mail(from_addr="bob@acme.com", subject="Next steps"), index)
    assert (None, (5, 6), True) == (m.app_id, m.candidates, m.ambiguous)


def test_match_role_in_subject_tells_same_company_apart() -> None:
    a = application(5, "Acme", domains=("acme.com",), role="Backend Engineer")
    b = application(6, "Acme", domains=("acme.com",), role="Data Engineer")
    index = Index.build([a, b], [ME])
    m = match(mail(from_addr="bob@acme.com", subject="Re: Data Engineer interview"), index)
    assert (6, ()) == (m.app_id, m.candidates)


def test_match_own_message_to_contact_is_to_them() -> None:
    msg = mail(from_addr="ME@example.org", to=("jane@acme.com",))
    assert ("to_them", 1, "contact", (), "") == outcome(match(msg, INDEX))


def test_match_own_message_to_company_domain_is_to_them() -> None:
    msg = mail(from_addr=ME, to=("careers@acme.com", ME))
    assert ("to_them", 1, "domain", (), "") == outcome(match(msg, INDEX))


def test_match_own_message_to_self_matches_nothing() -> None:
    assert ("to_them", None) == (match(mail(from_addr=ME, to=(ME,)), INDEX).direction.value,
                                 match(mail(from_addr=ME, to=(ME,)), INDEX).app_id)


def test_match_own_auto_reply_flag_does_not_hide_users_message() -> None:
    msg = mail(from_addr=ME, to=("jane@acme.com",), auto_reply=True)
    assert 1 == match(msg, INDEX).app_id


def test_match_unknown_sender_matches_nothing() -> None:
    assert ("from_them", None, None, (), "") == outcome(match(mail(), INDEX))


def test_match_missing_from_matches_nothing_without_error() -> None:
    assert None is match(mail(from_addr=None), INDEX).app_id


def test_match_anchor_added_later_is_followed() -> None:
    index = Index.build([ACME, GLOBEX], [ME])
    index.add_anchor(2, "sent-1@mail.example.org")
    m = match(mail(from_addr="hank@globex.io", references=("sent-1@mail.example.org",)), index)
    assert (2, Rule.THREAD) == (m.app_id, m.rule)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Jane+x@Acme.COM", "jane@acme.com"), ("plain@a.b", "plain@a.b"), ("nobody", "nobody")],
)
def test_match_canonical_address(raw: str, expected: str) -> None:
    assert expected == canonical(raw)


def test_match_direction_of_outcome_is_enum() -> None:
    assert Direction.FROM_THEM is match(mail(), INDEX).direction


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (None, NOW),  # no Date header: arrival
        (NOW - timedelta(days=3), NOW - timedelta(days=3)),  # delayed delivery: Date
        (NOW + timedelta(hours=23), NOW + timedelta(hours=23)),  # a clock a bit ahead
        (NOW + timedelta(days=400), NOW),  # dated far ahead: arrival wins
    ],
)
def test_message_when_prefers_date_unless_it_lies_ahead(
        date: datetime | None, expected: datetime) -> None:
    assert expected == mail(date=date).when
