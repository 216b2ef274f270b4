"""Proposals of applications found in the mailbox: each path, what is never proposed,
the labelled mailbox's figures, and linear time on hostile input."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import pytest

from replywatch.core.discover import Proposal, Seen, propose
from replywatch.core.kinds import Kind
from tests.discover_mailbox import mailbox, same_company

WHEN = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def received(sender: str, subject: str, body: str = "", name: str = "",
             **kw: Any) -> Proposal | None:
    return propose(Seen(sent_by_user=False, from_addr=sender, from_name=name,
                        to=("alex@example.org",), subject=subject, when=WHEN,
                        message_id="m1@x", body=body, **kw))


def sent(to: str, subject: str, files: tuple[str, ...] = (), **kw: Any) -> Proposal | None:
    return propose(Seen(sent_by_user=True, from_addr="alex@example.org", from_name="Alex",
                        to=(to,), subject=subject, when=WHEN, message_id="s1@x",
                        attachments=files, **kw))


def test_propose_relay_receipt_names_company_role_and_relay_contact() -> None:
    got = received("no-reply@us.greenhouse-mail.io", "Thank you for applying to Fabrikam",
                   "Your application for the Senior Backend Engineer position was received.")
    assert ("Fabrikam", "Senior Backend Engineer", "no-reply@us.greenhouse-mail.io",
            "relay", "m1@x", WHEN) == (got.company, got.role, got.contact, got.source,
                                       got.message_id, got.applied) if got else None


@pytest.mark.parametrize(("subject", "body", "company"), [
    ("Takk for din søknad til Nordlys Energi", "Vi har mottatt søknaden din.", "Nordlys Energi"),
    ("Tack för din ansökan", "Tack för din ansökan till Svea Logistik.", "Svea Logistik"),
    ("Tak for din ansøgning", "Tak for din ansøgning til Dansk Energi.", "Dansk Energi"),
    ("Vielen Dank für Ihre Bewerbung bei Rhein Software GmbH", "", "Rhein Software GmbH"),
])
def test_propose_relay_receipt_in_nordic_languages_and_german(
        subject: str, body: str, company: str) -> None:
    got = received("noreply@webcruiter.no", subject, body)
    assert company == (got.company if got else None)


def test_propose_relay_receipt_without_a_name_in_the_text_takes_the_sender_name() -> None:
    got = received("noreply@talent.icims.eu", "Application received",
                   "We have received your application.", name="Proseware Talent Acquisition")
    assert "Proseware" == (got.company if got else None)


def test_propose_board_receipt_names_the_employer() -> None:
    got = received("jobs-noreply@linkedin.com", "Alex, your application was sent to Healthify")
    assert ("Healthify", "board") == ((got.company, got.source) if got else None)


def test_propose_sent_application_with_cv_attached_to_a_company_address() -> None:
    got = sent("jobs@fabrikam.com", "Senior Backend Engineer", ("Alex_Berg_CV.pdf",))
    assert ("Fabrikam", "jobs@fabrikam.com", "sent") == (
        (got.company, got.contact, got.source) if got else None)


def test_propose_sent_application_by_its_subject_names_the_role() -> None:
    got = sent("post@fjordkraft.no", "Søknad på stillingen som dataingeniør")
    assert ("Fjordkraft", "dataingeniør") == ((got.company, got.role) if got else None)


@pytest.mark.parametrize("seen", [
    # a relay's rejection thanks you for applying, but answers
    {"sender": "no-reply@greenhouse.io", "subject": "Update on your application to Fabrikam",
         "body": "Thank you for applying to Fabrikam. Unfortunately we will not move forward."},
    # the classifier said it is no receipt
    {"sender": "no-reply@greenhouse.io", "subject": "Thank you for applying to Fabrikam",
         "kind": Kind.INTERVIEW},
    # a job alert from a board, sent as bulk mail
    {"sender": "jobalerts-noreply@linkedin.com", "subject": "Fabrikam is hiring", "bulk": True},
    # a board's recommendation, not a receipt
    {"sender": "jobs-listings@linkedin.com", "subject": "Contoso is hiring a Platform Engineer"},
    # a company's own newsletter: no relay, no board
    {"sender": "news@northwind.com", "subject": "Thank you for applying to our newsletter"},
])
def test_propose_never_from_answers_alerts_or_newsletters(seen: dict[str, Any]) -> None:
    sender, subject = str(seen.pop("sender")), str(seen.pop("subject"))
    body = str(seen.pop("body", ""))
    assert None is received(sender, subject, body, "", **seen)


@pytest.mark.parametrize(("to", "subject", "files", "reply"), [
    ("sara@gmail.com", "CV for you to check", ("CV.pdf",), False),  # a friend: free mail
    ("jane@fabrikam.com", "Re: Senior Backend Engineer", ("CV.pdf",), True),  # a reply
    ("jane@fabrikam.com", "Fwd: Application", ("CV.pdf",), False),  # a forward
    ("support@fabrikam.com", "Problem with my order", ("receipt.pdf",), False),
    ("jobs@linkedin.com", "Application for Product Manager", ("CV.pdf",), False),  # a board
])
def test_propose_never_from_own_mail_that_is_no_application(
        to: str, subject: str, files: tuple[str, ...], reply: bool) -> None:
    assert None is sent(to, subject, files, reply=reply)


def test_propose_labelled_mailbox_meets_precision_and_recall_targets() -> None:
    items = mailbox()
    results = [(i, propose(i.seen)) for i in items]
    proposed = [(i, p) for i, p in results if p is not None]
    right = [(i, p) for i, p in proposed if same_company(p.company, i.company)]
    positives = [i for i in items if i.company]
    precision, recall = len(right) / len(proposed), len(right) / len(positives)
    assert (True, True, True) == (len(items) >= 150, precision >= 0.98, recall >= 0.95), (
        precision, recall)


@pytest.mark.parametrize("token", ["a" * 2_000_000, "søknad til " * 180_000,
                                   "Thank you for applying to " * 80_000, "@." * 1_000_000])
def test_propose_runs_in_linear_time_on_a_2_mb_token(token: str) -> None:
    def cost(text: str) -> float:
        start = time.perf_counter()
        received("no-reply@greenhouse.io", text[:300], text, name=text[:200])
        sent("jobs@fabrikam.com", text[:300], (text[:200],))
        return time.perf_counter() - start

    # The least of three runs: a busy machine only ever adds time.
    small = min(cost(token[: len(token) // 8]) for _ in range(3))
    large = min(cost(token) for _ in range(3))
    # Inputs are capped: a message 8x larger costs no more than a few times as much.
    assert large < max(small, 2e-3) * 4
