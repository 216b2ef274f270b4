"""The cadence by what a message says (DESIGN.md "What a message says"), at its boundaries."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from replywatch.core.cadence import REJECTION_NOTICE_DAYS, stage_after
from replywatch.core.kinds import Kind
from replywatch.core.model import ActionKind, Application, Direction, Event, Interview, Stage
from tests.test_cadence import APPLIED, DAY, SECOND, app, ev, summary


def theirs(at: datetime, kind: Kind | None, **kw: object) -> Event:
    return Event(at=at, direction=Direction.FROM_THEM, source="mail", message_id=f"mid:{at}",
                 kind=kind, **kw)  # type: ignore[arg-type]


def with_events(*events: Event, **kw: object) -> Application:
    return app()._replace(events=events, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", [Kind.ACKNOWLEDGEMENT, Kind.ACCOUNT, Kind.JOB_ALERT])
def test_cadence_no_reply_kind_keeps_follow_up_clock_running(kind: Kind) -> None:
    e = ev(with_events(theirs(APPLIED + DAY, kind)), APPLIED + 7 * DAY)
    assert (("them", "follow_up_due", 1, APPLIED + 7 * DAY), None) == (
        summary(e), e.last_from_them)


@pytest.mark.parametrize("kind", [Kind.INTERVIEW, Kind.ACTION, Kind.OFFER, Kind.OTHER, None])
def test_cadence_reply_kind_puts_ball_in_users_court_with_its_cause(kind: Kind | None) -> None:
    msg = theirs(APPLIED + DAY, kind)
    e = ev(with_events(msg), APPLIED + DAY)
    assert (("you", "reply", 0, APPLIED + DAY), kind, msg) == (
        summary(e), e.action.says if e.action else "none", e.action.cause if e.action else None)


def test_cadence_acknowledgement_after_reply_leaves_ball_with_user() -> None:
    e = ev(with_events(theirs(APPLIED + DAY, Kind.INTERVIEW),
                       theirs(APPLIED + 2 * DAY, Kind.ACKNOWLEDGEMENT)), APPLIED + 3 * DAY)
    assert ("you", "reply", 0, APPLIED + DAY) == summary(e)


@pytest.mark.parametrize(
    ("now", "notice"),
    [(APPLIED + DAY, True),
     (APPLIED + DAY + REJECTION_NOTICE_DAYS * DAY - SECOND, True),
     (APPLIED + DAY + REJECTION_NOTICE_DAYS * DAY, False)],
)
def test_cadence_rejection_gives_one_notice_while_fresh(now: datetime, notice: bool) -> None:
    no = theirs(APPLIED + DAY, Kind.REJECTION, automated=False, reasons=True)
    e = ev(with_events(no, stage=Stage.REJECTED), now)
    expected = ("nobody", "rejected", 0, APPLIED + DAY) if notice else ("nobody", None, 0, None)
    assert expected == summary(e)
    assert (no if notice else None) == (e.action.cause if e.action else None)


def test_cadence_rejection_notice_not_hidden_by_later_acknowledgement() -> None:
    e = ev(with_events(theirs(APPLIED + DAY, Kind.REJECTION),
                       theirs(APPLIED + 2 * DAY, Kind.ACKNOWLEDGEMENT), stage=Stage.REJECTED),
           APPLIED + 3 * DAY)
    assert ActionKind.REJECTED == (e.action.kind if e.action else None)


def test_cadence_rejected_by_hand_without_rejection_mail_has_no_notice() -> None:
    e = ev(with_events(theirs(APPLIED + DAY, Kind.OTHER), stage=Stage.REJECTED),
           APPLIED + 2 * DAY)
    assert ("nobody", None, 0, None) == summary(e)


def test_cadence_rejection_is_no_reply_when_user_reopens_application() -> None:
    e = ev(with_events(theirs(APPLIED + DAY, Kind.REJECTION)), APPLIED + 7 * DAY)
    assert ("them", "follow_up_due", 1, APPLIED + 7 * DAY) == summary(e)


def test_cadence_invite_interview_then_thank_you_due_two_hours_after_it_ends() -> None:
    start = APPLIED + 3 * DAY
    interview = Interview(start=start, end=start + timedelta(hours=1))
    a = with_events(theirs(APPLIED + DAY, Kind.INTERVIEW),
                    Event(at=APPLIED + 2 * DAY, direction=Direction.TO_THEM),
                    stage=Stage.INTERVIEWING, interviews=(interview,))
    before, after = ev(a, start - SECOND), ev(a, interview.end + 2 * 3600 * SECOND)
    assert (("nobody", "thank_you_due"), ("you", "thank_you_due")) == (
        (before.waiting_on, before.action.kind.value if before.action else None),
        (after.waiting_on, after.action.kind.value if after.action else None))


@pytest.mark.parametrize(
    ("stage", "kind", "expected"),
    [
        (Stage.APPLIED, Kind.INTERVIEW, Stage.INTERVIEWING),
        (Stage.APPLIED, Kind.OFFER, Stage.OFFER),
        (Stage.APPLIED, Kind.REJECTION, Stage.REJECTED),
        (Stage.INTERVIEWING, Kind.REJECTION, Stage.REJECTED),
        (Stage.OFFER, Kind.REJECTION, Stage.REJECTED),
        (Stage.INTERVIEWING, Kind.ACKNOWLEDGEMENT, Stage.INTERVIEWING),
        (Stage.INTERVIEWING, Kind.INTERVIEW, Stage.INTERVIEWING),
        (Stage.OFFER, Kind.INTERVIEW, Stage.OFFER),
        (Stage.APPLIED, Kind.ACTION, Stage.APPLIED),
        (Stage.APPLIED, Kind.OTHER, Stage.APPLIED),
        (Stage.ACCEPTED, Kind.REJECTION, Stage.ACCEPTED),
        (Stage.WITHDRAWN, Kind.INTERVIEW, Stage.WITHDRAWN),
        (Stage.GHOSTED, Kind.OTHER, Stage.APPLIED),
        (Stage.GHOSTED, Kind.INTERVIEW, Stage.INTERVIEWING),
        (Stage.GHOSTED, Kind.REJECTION, Stage.REJECTED),
        (Stage.GHOSTED, Kind.ACKNOWLEDGEMENT, Stage.GHOSTED),
        (Stage.GHOSTED, Kind.JOB_ALERT, Stage.GHOSTED),
    ],
)
def test_stage_after_kind_moves_only_forward(stage: Stage, kind: Kind, expected: Stage) -> None:
    assert expected == stage_after(stage, kind)
