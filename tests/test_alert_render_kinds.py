"""The words of an alert by what their message said (DESIGN.md "What a message says")."""

from __future__ import annotations

import pytest

from replywatch.alerts.render import render
from replywatch.core.kinds import Kind
from replywatch.core.model import Action, ActionKind, Direction, Event
from tests.test_alert_render import HOUR, NOW, app_


def cause(kind: Kind, *evidence: str, automated: bool = False, reasons: bool = False) -> Event:
    return Event(at=NOW - HOUR, direction=Direction.FROM_THEM, source="mail",
                 message_id="mid:x@acme.example", kind=kind, evidence=evidence,
                 automated=automated, reasons=reasons)


def reply(event: Event) -> Action:
    return Action(7, ActionKind.REPLY, due=NOW - HOUR, since=NOW - HOUR, cause=event)


def rejected(event: Event) -> Action:
    return Action(7, ActionKind.REJECTED, due=NOW - HOUR, since=NOW - HOUR, cause=event)


@pytest.mark.parametrize(
    ("kind", "title", "line", "urgency"),
    [
        (Kind.INTERVIEW, "Acme invites you to interview",
         "They invite you to interview: your answer is due.", "critical"),
        (Kind.OFFER, "Acme made you an offer", "An offer: your answer is due.", "critical"),
        (Kind.OTHER, "Acme replied — your answer is due",
         "The ball is in your court: your answer is due.", "normal"),
    ],
)
def test_render_reply_title_ask_and_urgency_follow_the_kind(
        kind: Kind, title: str, line: str, urgency: str) -> None:
    alert = render(app_(), reply(cause(kind)), now=NOW, tz=NOW.tzinfo)  # type: ignore[arg-type]

    assert (title, True, kind.value, urgency) == (
        alert.title, line in alert.email_body, alert.payload["says"], alert.urgency)


def test_render_reply_offers_not_a_reply_action() -> None:
    alert = render(app_(), reply(cause(Kind.OTHER)), now=NOW,
                   tz=NOW.tzinfo)  # type: ignore[arg-type]

    assert ("not_reply", "Not a reply") == alert.actions[-1]


@pytest.mark.parametrize(
    ("evidence", "asked"),
    [
        (("please complete the online assessment",), "an assessment"),
        (("fill out the attached form",), "a form"),
        (("send us copies of your certificates",), "documents"),
        (("løs kodeoppgaven innen fredag",), "a test or task"),
        (("tell us your availability",), '"tell us your availability"'),
    ],
)
def test_render_action_says_what_they_ask_for(evidence: tuple[str, ...], asked: str) -> None:
    alert = render(app_(), reply(cause(Kind.ACTION, *evidence)), now=NOW,
                   tz=NOW.tzinfo)  # type: ignore[arg-type]
    assert ("Acme: your move", f"They ask for {asked}.", True) == (
        alert.title, alert.body.splitlines()[1],
        f"Your move: they ask for {asked}." in alert.email_body)


@pytest.mark.parametrize(
    ("automated", "reasons", "suggestion"),
    [
        (True, False, None),
        (False, False, "A person wrote this: a short thank-you reply keeps the door open"),
        (False, True, "told you why: a short thank-you for the feedback is worth sending"),
    ],
)
def test_render_rejection_is_calm_and_suggests_thank_you_when_a_person_wrote(
        automated: bool, reasons: bool, suggestion: str | None) -> None:
    alert = render(app_(), rejected(cause(Kind.REJECTION, "not to move forward",
                                          automated=automated, reasons=reasons)),
                   now=NOW, tz=NOW.tzinfo)  # type: ignore[arg-type]
    found = [line for line in alert.email_body.splitlines() if "thank-you" in line]
    assert ("Acme said no", "rejected", "it is fine to move on" in alert.email_body) == (
        alert.title, alert.kind, True)
    # The notification's short body says it too, in fewer words.
    assert (suggestion is not None, reasons, True) == (
        "A person wrote" in alert.body, "told you why" in alert.body,
        "it is no verdict on you" in alert.body)
    assert (suggestion is None, True) == (not found, all(suggestion in f for f in found)
                                          if suggestion else True)
