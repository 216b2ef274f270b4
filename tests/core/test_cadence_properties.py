"""Invariants of the cadence over any history of contacts (Hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from replywatch.core.cadence import evaluate
from replywatch.core.kinds import Kind
from replywatch.core.model import (
    CLOSED_STAGES,
    Action,
    ActionKind,
    Application,
    Direction,
    Event,
    Interview,
    Stage,
)
from replywatch.core.policy import Policy

OSLO = ZoneInfo("Europe/Oslo")
APPLIED = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # a month that holds the spring change

offsets = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=80))
events = st.lists(
    st.builds(lambda off, d: Event(at=APPLIED + off, direction=d),
              offsets, st.sampled_from(list(Direction))),
    max_size=12)
interviews = st.lists(
    st.builds(lambda off, minutes: Interview(start=APPLIED + off,
                                             end=APPLIED + off + timedelta(minutes=minutes)),
              offsets, st.integers(min_value=15, max_value=240)),
    max_size=2)
policies = st.builds(
    # The defaults with these fields drawn: builds(Policy), a named tuple, would draw all.
    Policy()._replace,
    follow_up_after_days=st.integers(1, 20),
    follow_up_after_interview_days=st.integers(1, 20),
    max_follow_ups=st.integers(0, 5),
    follow_up_window_days=st.integers(1, 30),
    follow_up_spacing_days=st.integers(1, 10),
    ghosted_after_days=st.integers(1, 20),
    business_days=st.booleans(),
)
open_stages = st.sampled_from([Stage.APPLIED, Stage.INTERVIEWING])


def _app(evs: list[Event], ivs: list[Interview], stage: Stage) -> Application:
    return Application(id=1, company="Acme", role="Engineer", stage=stage, applied_at=APPLIED,
                       events=tuple(sorted(evs, key=lambda e: e.at)), interviews=tuple(ivs))


@settings(max_examples=300, deadline=None)
@given(events, interviews, policies, open_stages, offsets)
def test_cadence_never_asks_for_more_follow_ups_than_the_maximum(
        evs: list[Event], ivs: list[Interview], policy: Policy, stage: Stage,
        later: timedelta) -> None:
    result = evaluate(_app(evs, ivs, stage), policy, OSLO, APPLIED + later)
    action = result.action
    if action is not None and action.kind is ActionKind.FOLLOW_UP_DUE:
        assert (True, policy.max_follow_ups) == (1 <= action.n <= action.max_n, action.max_n)
    assert result.follow_ups_sent <= policy.max_follow_ups


@settings(max_examples=300, deadline=None)
@given(events, interviews, policies, open_stages,
       st.lists(offsets, min_size=2, max_size=6))
def test_cadence_due_time_never_goes_back_as_time_passes(
        evs: list[Event], ivs: list[Interview], policy: Policy, stage: Stage,
        moments: list[timedelta]) -> None:
    app = _app(evs, ivs, stage)
    dues = [a.due for m in sorted(moments)
            if (a := evaluate(app, policy, OSLO, APPLIED + m).action) is not None]
    assert sorted(dues) == dues


@settings(max_examples=200, deadline=None)
@given(events, interviews, policies, st.sampled_from(sorted(CLOSED_STAGES)), offsets)
def test_cadence_closed_application_stays_closed(
        evs: list[Event], ivs: list[Interview], policy: Policy, stage: Stage,
        later: timedelta) -> None:
    result = evaluate(_app(evs, ivs, stage), policy, OSLO, APPLIED + later)
    assert (None, "nobody") == (result.action, result.waiting_on)


@settings(max_examples=200, deadline=None)
@given(events, policies, offsets)
def test_cadence_follow_up_is_never_due_before_the_last_contact(
        evs: list[Event], policy: Policy, later: timedelta) -> None:
    app = _app(evs, [], Stage.APPLIED)
    action = evaluate(app, policy, OSLO, APPLIED + later).action
    last = max([APPLIED, *(e.at for e in evs)])
    if action is not None and action.kind in (ActionKind.FOLLOW_UP_DUE, ActionKind.GHOSTED):
        assert action.due > last


@settings(max_examples=200, deadline=None)
@given(events, policies, offsets, st.timedeltas(min_value=timedelta(hours=1),
                                                max_value=timedelta(days=30)))
def test_cadence_snooze_never_brings_an_action_forward(
        evs: list[Event], policy: Policy, later: timedelta, snooze: timedelta) -> None:
    app = _app(evs, [], Stage.APPLIED)
    now = APPLIED + later
    plain = evaluate(app, policy, OSLO, now).action
    snoozed = evaluate(app._replace(snoozed_until=now + snooze), policy, OSLO, now).action
    if plain is not None and snoozed is not None:
        assert (plain.kind, True) == (snoozed.kind, snoozed.due >= plain.due)


kinds_of_mail = st.sampled_from([None, Kind.REJECTION, Kind.ACKNOWLEDGEMENT, Kind.OTHER])
kinded_events = st.lists(
    st.builds(lambda off, d, k: Event(at=APPLIED + off, direction=d,
                                      kind=k if d is Direction.FROM_THEM else None),
              offsets, st.sampled_from(list(Direction)), kinds_of_mail),
    max_size=12)


@settings(max_examples=400, deadline=None)
@given(kinded_events, interviews, policies,
       st.sampled_from([Stage.APPLIED, Stage.INTERVIEWING, Stage.OFFER, Stage.REJECTED]),
       st.none() | offsets, offsets, st.floats(min_value=0.0, max_value=0.999))
def test_cadence_same_action_until_the_instant_it_names(
        evs: list[Event], ivs: list[Interview], policy: Policy, stage: Stage,
        snooze: timedelta | None, moment: timedelta, part: float) -> None:
    app = _app(evs, ivs, stage)._replace(
                  snoozed_until=None if snooze is None else APPLIED + snooze)
    now = APPLIED + moment
    first = evaluate(app, policy, OSLO, now)
    span = (first.until - now) if first.until is not None else timedelta(days=400)
    later = now + span * part
    again = evaluate(app, policy, OSLO, later)
    assert (first.action, is_due(first.action, now)) == (again.action,
                                                         is_due(again.action, later))


def is_due(action: Action | None, at: datetime) -> bool:
    return action is not None and action.due <= at


kinded_events = st.lists(
    st.builds(lambda off, d, kind: Event(at=APPLIED + off, direction=d,
                                         kind=kind if d is Direction.FROM_THEM else None),
              st.timedeltas(min_value=timedelta(days=-10), max_value=timedelta(days=80)),
              st.sampled_from(list(Direction)), st.sampled_from([None, *Kind])),
    max_size=30)


@settings(max_examples=500, deadline=None)
@given(kinded_events, interviews, policies, st.sampled_from([UTC, OSLO]))
def test_cadence_walk_skipping_to_the_last_reply_is_the_whole_replay(
        evs: list[Event], ivs: list[Interview], policy: Policy, tz: ZoneInfo) -> None:
    # The walk reads the contacts before the last reply from them for what a reply
    # leaves as it was, and replays the rest: the same state as replaying them all.
    from replywatch.core import cadence

    app = _app(evs, ivs, Stage.APPLIED)
    rules = cadence._rules(app, policy)
    whole = cadence._replay(cadence._Round(APPLIED), cadence._contacts(app), rules, tz)
    walked = cadence._walk(app, rules, tz)
    slots = cadence._Round.__slots__
    assert [getattr(whole, s) for s in slots] == [getattr(walked, s) for s in slots]
