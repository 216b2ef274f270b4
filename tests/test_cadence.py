"""The cadence rules of DESIGN.md, each at, just before and just after its boundary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from replywatch.config import Policy
from replywatch.core.cadence import Evaluation, evaluate
from replywatch.core.model import (
    Application,
    Direction,
    Event,
    Interview,
    Overrides,
    Stage,
)

OSLO = ZoneInfo("Europe/Oslo")
POLICY = Policy()
SECOND = timedelta(seconds=1)


def at(text: str) -> datetime:
    """Oslo wall-clock time -> aware UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=OSLO).astimezone(UTC)


APPLIED = at("2026-11-02T09:00")  # a Monday
DAY = timedelta(days=1)


def app(*contacts: tuple[datetime, Direction], **kw: object) -> Application:
    events = tuple(Event(at=t, direction=d) for t, d in contacts)
    base = Application(id=1, company="Acme", role="Engineer", stage=Stage.APPLIED,
                       applied_at=APPLIED, events=events)
    return base._replace(**kw)  # type: ignore[arg-type]


def sent(t: datetime) -> tuple[datetime, Direction]:
    return (t, Direction.TO_THEM)


def got(t: datetime) -> tuple[datetime, Direction]:
    return (t, Direction.FROM_THEM)


def ev(a: Application, now: datetime, policy: Policy = POLICY) -> Evaluation:
    return evaluate(a, policy, OSLO, now)


def summary(e: Evaluation) -> tuple[str, str | None, int, datetime | None]:
    if e.action is None:
        return (e.waiting_on, None, 0, None)
    return (e.waiting_on, e.action.kind.value, e.action.n, e.action.due)


# -- first follow-up after silence since the application ----------------------------


@pytest.mark.parametrize(
    ("now", "is_due"),
    [(APPLIED + 7 * DAY - SECOND, False), (APPLIED + 7 * DAY, True),
     (APPLIED + 7 * DAY + SECOND, True)],
)
def test_cadence_silence_after_application_first_follow_up_due_after_7_days(
    now: datetime, is_due: bool
) -> None:
    e = ev(app(), now)
    assert ("them", "follow_up_due", 1, APPLIED + 7 * DAY) == summary(e)
    assert e.action is not None
    assert is_due == (e.action.due <= now)


def test_cadence_message_sent_before_due_is_conversation_not_follow_up() -> None:
    early = APPLIED + 7 * DAY - 60 * SECOND
    e = ev(app(sent(early)), APPLIED + 8 * DAY)
    assert (0, ("them", "follow_up_due", 1, early + 7 * DAY)) == (e.follow_ups_sent, summary(e))


def test_cadence_message_sent_at_due_counts_as_follow_up() -> None:
    f1 = APPLIED + 7 * DAY
    e = ev(app(sent(f1)), f1 + DAY)
    assert (1, ("them", "follow_up_due", 2, f1 + 4 * DAY)) == (e.follow_ups_sent, summary(e))


@pytest.mark.parametrize(
    ("now", "is_due"),
    [(APPLIED + 11 * DAY - SECOND, False), (APPLIED + 11 * DAY, True)],
)
def test_cadence_second_follow_up_due_after_spacing(now: datetime, is_due: bool) -> None:
    e = ev(app(sent(APPLIED + 7 * DAY)), now)
    assert e.action is not None
    assert (2, APPLIED + 11 * DAY, is_due) == (e.action.n, e.action.due, e.action.due <= now)


def test_cadence_three_follow_ups_sent_then_ghosted_after_7_days() -> None:
    f1, f2, f3 = APPLIED + 7 * DAY, APPLIED + 11 * DAY, APPLIED + 15 * DAY
    e = ev(app(sent(f1), sent(f2), sent(f3)), f3 + DAY)
    assert (3, ("them", "ghosted", 0, f3 + 7 * DAY)) == (e.follow_ups_sent, summary(e))


def test_cadence_fourth_message_after_max_is_not_counted() -> None:
    f1, f2, f3 = APPLIED + 7 * DAY, APPLIED + 11 * DAY, APPLIED + 15 * DAY
    extra = f3 + 5 * DAY
    e = ev(app(sent(f1), sent(f2), sent(f3), sent(extra)), extra + DAY)
    assert (3, ("them", "ghosted", 0, extra + 7 * DAY)) == (e.follow_ups_sent, summary(e))


@pytest.mark.parametrize(
    ("f2_at", "third_allowed"),
    [
        # window: 14 days from the first follow-up (day 7) ends on day 21;
        # the third is due 4 days after the second.
        (APPLIED + 17 * DAY - SECOND, True),
        (APPLIED + 17 * DAY, True),
        (APPLIED + 17 * DAY + SECOND, False),
    ],
)
def test_cadence_follow_up_window_closes_14_days_after_first(
    f2_at: datetime, third_allowed: bool
) -> None:
    e = ev(app(sent(APPLIED + 7 * DAY), sent(f2_at)), f2_at + DAY)
    expected = ("follow_up_due", 3, f2_at + 4 * DAY) if third_allowed else (
        "ghosted", 0, f2_at + 7 * DAY)
    assert e.action is not None
    assert expected == (e.action.kind.value, e.action.n, e.action.due)


@pytest.mark.parametrize(
    ("now", "kind"),
    [
        # follow-up 1 due day 7, never sent: window ends day 21, ghosted 7 days later.
        (APPLIED + 28 * DAY - SECOND, "follow_up_due"),
        (APPLIED + 28 * DAY, "ghosted"),
    ],
)
def test_cadence_unsent_follow_up_gives_way_to_ghosted(now: datetime, kind: str) -> None:
    e = ev(app(), now)
    assert e.action is not None
    assert kind == e.action.kind.value


# -- replies ----------------------------------------------------------------------


def test_cadence_reply_puts_ball_in_users_court() -> None:
    reply = APPLIED + 3 * DAY
    e = ev(app(got(reply)), reply + SECOND)
    assert ("you", "reply", 0, reply) == summary(e)


def test_cadence_reply_resets_follow_up_count() -> None:
    f1 = APPLIED + 7 * DAY
    reply = f1 + DAY
    answer = reply + DAY
    e = ev(app(sent(f1), got(reply), sent(answer)), answer + DAY)
    assert (0, ("them", "follow_up_due", 1, answer + 7 * DAY)) == (e.follow_ups_sent, summary(e))


def test_cadence_new_round_has_new_alert_key() -> None:
    first = ev(app(), APPLIED + 8 * DAY).action
    reply, answer = APPLIED + 9 * DAY, APPLIED + 10 * DAY
    second = ev(app(got(reply), sent(answer)), answer + 8 * DAY).action
    assert first is not None and second is not None
    assert (1, 1) == (first.n, second.n)
    assert first.key != second.key


def test_cadence_same_state_same_key_across_evaluations() -> None:
    a = app()
    one, two = ev(a, APPLIED + 7 * DAY).action, ev(a, APPLIED + 9 * DAY).action
    assert one is not None and two is not None
    assert one.key == two.key


# -- interviews -------------------------------------------------------------------

START = at("2026-11-10T13:00")
END = at("2026-11-10T14:00")
INTERVIEWED = {"interviews": (Interview(start=START, end=END),), "stage": Stage.INTERVIEWING}


@pytest.mark.parametrize(
    ("now", "waiting", "is_due", "overdue"),
    [
        (START - SECOND, "nobody", False, False),
        (END + 2 * 3600 * SECOND - SECOND, "you", False, False),
        (END + 2 * 3600 * SECOND, "you", True, False),
        (END + DAY - SECOND, "you", True, False),
        (END + DAY, "you", True, True),
    ],
)
def test_cadence_interview_asks_thank_you_after_2_hours_overdue_after_24(
    now: datetime, waiting: str, is_due: bool, overdue: bool
) -> None:
    e = ev(app(**INTERVIEWED), now)
    assert e.action is not None
    assert e.action.overdue_at is not None
    actual = (e.waiting_on, e.action.kind.value, e.action.due <= now, now >= e.action.overdue_at)
    assert (waiting, "thank_you_due", is_due, overdue) == actual


@pytest.mark.parametrize(
    ("now", "kind"),
    [(END + 5 * DAY - SECOND, "thank_you_due"), (END + 5 * DAY, "follow_up_due")],
)
def test_cadence_unsent_thank_you_gives_way_to_follow_up_after_5_days(
    now: datetime, kind: str
) -> None:
    e = ev(app(**INTERVIEWED), now)
    assert e.action is not None
    assert kind == e.action.kind.value


def test_cadence_thank_you_sent_starts_5_day_follow_up_clock() -> None:
    thanks = END + 3 * 3600 * SECOND
    e = ev(app(sent(thanks), **INTERVIEWED), thanks + DAY)
    assert (0, ("them", "follow_up_due", 1, thanks + 5 * DAY)) == (e.follow_ups_sent, summary(e))


def test_cadence_reply_after_interview_wins_over_thank_you() -> None:
    reply = END + 3600 * SECOND
    e = ev(app(got(reply), **INTERVIEWED), reply + SECOND)
    assert ("you", "reply", 0, reply) == summary(e)


# -- stages, snooze, overrides ----------------------------------------------------


@pytest.mark.parametrize(
    "stage", [Stage.REJECTED, Stage.WITHDRAWN, Stage.ACCEPTED, Stage.GHOSTED]
)
def test_cadence_closed_stage_has_no_action(stage: Stage) -> None:
    assert ("nobody", None, 0, None) == summary(ev(app(stage=stage), APPLIED + 30 * DAY))


def test_cadence_offer_waits_on_user_without_reminders() -> None:
    assert ("you", None, 0, None) == summary(ev(app(stage=Stage.OFFER), APPLIED + 30 * DAY))


@pytest.mark.parametrize(
    ("snooze", "due"),
    [
        (APPLIED + 10 * DAY, APPLIED + 10 * DAY),  # past the due time: moves it
        (APPLIED + 3 * DAY, APPLIED + 7 * DAY),  # ends before: changes nothing
    ],
)
def test_cadence_snooze_moves_due_time_past_it(snooze: datetime, due: datetime) -> None:
    e = ev(app(snoozed_until=snooze), APPLIED + 8 * DAY)
    assert e.action is not None
    assert due == e.action.due


def test_cadence_override_follow_up_after_days() -> None:
    e = ev(app(overrides=Overrides(follow_up_after_days=3)), APPLIED)
    assert ("them", "follow_up_due", 1, APPLIED + 3 * DAY) == summary(e)


def test_cadence_override_max_follow_ups_one_then_ghosted() -> None:
    f1 = APPLIED + 7 * DAY
    e = ev(app(sent(f1), overrides=Overrides(max_follow_ups=1)), f1 + DAY)
    assert ("them", "ghosted", 0, f1 + 7 * DAY) == summary(e)


def test_cadence_no_follow_ups_wanted_ghosted_after_both_delays() -> None:
    e = ev(app(overrides=Overrides(max_follow_ups=0)), APPLIED)
    assert ("them", "ghosted", 0, APPLIED + 14 * DAY) == summary(e)


# -- business days and daylight saving ----------------------------------------------


@pytest.mark.parametrize(
    ("applied", "due"),
    [
        # Friday + 7 business days: Mon Tue Wed Thu Fri Mon Tue.
        (at("2026-11-06T09:00"), at("2026-11-17T09:00")),
        # Saturday + 7 business days: the next Tuesday but one, same as from Friday.
        (at("2026-11-07T09:00"), at("2026-11-17T09:00")),
        # Monday + 7 business days: the Wednesday of the next week.
        (at("2026-11-02T09:00"), at("2026-11-11T09:00")),
    ],
)
def test_cadence_business_days_skip_weekends(applied: datetime, due: datetime) -> None:
    policy = POLICY._replace(business_days=True)
    e = ev(app(applied_at=applied), applied, policy)
    assert e.action is not None
    assert due == e.action.due


@pytest.mark.parametrize(
    ("applied_local", "due_utc"),
    [
        # Autumn: Oslo leaves summer time on Sun 25 Oct 2026; 09:00 CEST is 07:00 UTC,
        # the follow-up is due at 09:00 CET, 08:00 UTC: 7 days and one hour later.
        ("2026-10-19T09:00", datetime(2026, 10, 26, 8, 0, tzinfo=UTC)),
        # Spring: summer time starts Sun 29 Mar 2026; 09:00 CET is 08:00 UTC,
        # due at 09:00 CEST, 07:00 UTC: 7 days less one hour.
        ("2026-03-23T09:00", datetime(2026, 3, 30, 7, 0, tzinfo=UTC)),
    ],
)
def test_cadence_days_follow_wall_clock_across_dst(applied_local: str, due_utc: datetime) -> None:
    applied = at(applied_local)
    for now, is_due in ((due_utc - SECOND, False), (due_utc, True)):
        e = ev(app(applied_at=applied), now)
        assert e.action is not None
        assert (due_utc, is_due) == (e.action.due, e.action.due <= now)


def test_cadence_thank_you_hours_are_elapsed_time_across_dst() -> None:
    # The interview ends 01:30 CEST on the night summer time ends; 2 h later is 02:30 CET.
    end = datetime(2026, 10, 24, 23, 30, tzinfo=UTC)
    a = app(interviews=(Interview(start=end - timedelta(hours=1), end=end),),
            applied_at=end - 10 * DAY)
    e = ev(a, end)
    assert e.action is not None
    assert end + timedelta(hours=2) == e.action.due


def test_cadence_their_mail_before_the_application_is_answered_by_it() -> None:
    approach = APPLIED - 2 * DAY
    e = ev(app(got(approach)), APPLIED + DAY)
    assert ("them", "follow_up_due", 1, APPLIED + 7 * DAY) == summary(e)
