"""The follow-up cadence: a pure function of an application, the policy and ``now``.

The clock always runs from the last contact in either direction (DESIGN.md):

- their reply puts the ball in the user's court (next action: ``reply``);
- an interview asks for a thank-you note (due ``thank_you_after_hours`` after it
  ends, overdue after ``thank_you_overdue_hours``) until a message to them is sent;
  the follow-up clock runs from the interview's end and takes over from an unsent
  thank-you once it is due;
- silence after the user's last message asks for follow-ups: the first after
  ``follow_up_after_days`` (``follow_up_after_interview_days`` once interviewed),
  the next ``follow_up_spacing_days`` after the previous message, at most
  ``max_follow_ups`` within ``follow_up_window_days`` of the first;
- a message to them counts as a follow-up when sent at or after the moment one was
  due; sent earlier, it is just more of the conversation and only moves the clock;
- after the last follow-up, ``ghosted_after_days`` of silence means ``ghosted``. A
  follow-up the user never sends gives way to ``ghosted`` the same number of days
  after its window closes, so that silence is an answer in both cases.

What a message from them says matters (DESIGN.md "What a message says"): an
acknowledgement, account mail or a job alert is no reply (the clock keeps
running); a rejection closes the application (the store moves the stage) and
leaves one calm ``rejected`` notice for ``REJECTION_NOTICE_DAYS``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo
from enum import IntEnum
from operator import itemgetter
from typing import NamedTuple

from replywatch.core.kinds import Kind
from replywatch.core.model import Action, ActionKind, Application, Direction, Event, Stage
from replywatch.core.policy import Policy
from replywatch.core.timeutil import add_days

# How long a rejection's notice stays due: long enough for a machine that was off
# for a few days, short enough that an old no does not come back as news.
REJECTION_NOTICE_DAYS = 7


class _Kind(IntEnum):
    # The order breaks ties between contacts at the same instant: the application
    # goes first, an interview before the messages that answer it.
    APPLIED = 0
    INTERVIEW_END = 1
    FROM_THEM = 2
    TO_THEM = 3


# Evaluation and _Rules are named tuples, not frozen dataclasses: `status` makes two
# of each per application, and a frozen dataclass is about three times dearer to make
# (and to define, at every start of the program).
class Evaluation(NamedTuple):
    """What the cadence says about one application at one moment.

    ``waiting_on`` is ``"them"``, ``"you"`` or ``"nobody"``; ``action`` is the next
    action (due now or later), or None when nothing more is expected.
    ``follow_ups_sent`` counts follow-ups in the current silence. ``until`` is the
    first instant after the moment judged at which time alone may change the
    action or make it due (None: time alone changes nothing); until then the same
    application judged again gives the same action.
    """

    waiting_on: str
    action: Action | None
    follow_ups_sent: int
    last_from_them: datetime | None
    last_to_them: datetime | None
    until: datetime | None = None


class _Round:
    """The state of the conversation after walking the contacts so far.

    Changed as the walk goes, so no named tuple: a plain class, as a dataclass would
    import dataclasses (and inspect) at every start of the program for it alone.
    """

    __slots__ = ("ball", "cause", "follow_ups", "interview_start", "interviewed", "last_from",
                 "last_to", "start", "thank_you_for")

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.ball = "them"  # "them": the user waits; "you": the user owes a message
        self.last_to = start
        self.last_from: datetime | None = None
        self.follow_ups: list[datetime] = []
        self.thank_you_for: datetime | None = None  # end of an interview not yet thanked for
        self.interview_start: datetime | None = None
        self.interviewed = False
        self.cause: Event | None = None  # their message that put the ball in the user's court


class _Rules(NamedTuple):
    """The policy with the application's overrides applied."""

    first_after: int
    first_after_interview: int
    spacing: int
    window: int
    ghosted_after: int
    max_follow_ups: int
    thank_you_hours: float
    overdue_hours: float
    business: bool


def _rules(app: Application, policy: Policy) -> _Rules:
    after = app.overrides.follow_up_after_days
    max_n = app.overrides.max_follow_ups
    return _Rules(
        first_after=after if after is not None else policy.follow_up_after_days,
        first_after_interview=(
            after if after is not None else policy.follow_up_after_interview_days
        ),
        spacing=policy.follow_up_spacing_days,
        window=policy.follow_up_window_days,
        ghosted_after=policy.ghosted_after_days,
        max_follow_ups=max_n if max_n is not None else policy.max_follow_ups,
        thank_you_hours=policy.thank_you_after_hours,
        overdue_hours=policy.thank_you_overdue_hours,
        business=policy.business_days,
    )


_Contact = tuple[datetime, _Kind, datetime | None, Event | None]


def _contacts(app: Application) -> list[_Contact]:
    """Return every contact in time order: (time, kind, interview start, event).

    Messages from them that are no reply (an acknowledgement, account mail, a job
    alert, a rejection) are no contact: the follow-up clock runs on through them.
    """
    items: list[_Contact] = [(app.applied_at, _Kind.APPLIED, None, None)]
    for interview in app.interviews:
        items.append((interview.end, _Kind.INTERVIEW_END, interview.start, None))
    # Event.is_reply written out: `check` and `status` walk every event of the book.
    for event in app.events:
        if event.direction is not Direction.FROM_THEM:
            items.append((event.at, _Kind.TO_THEM, None, event))
        elif event.kind is None or event.kind in _REPLY_KINDS:
            items.append((event.at, _Kind.FROM_THEM, None, event))
    items.sort(key=_WHEN_AND_KIND)
    return items


_WHEN_AND_KIND = itemgetter(0, 1)  # never the event: events do not compare
_REPLY_KINDS = frozenset(kind for kind in Kind if kind.is_reply)


def _next_follow_up(state: _Round, rules: _Rules, tz: tzinfo) -> tuple[datetime | None, datetime]:
    """Return (due time of the next follow-up or None, end of the follow-up window).

    None means no follow-up is left in this round: the count or the window ran out.
    """
    sent = state.follow_ups
    first_after = rules.first_after_interview if state.interviewed else rules.first_after
    anchor = max(state.start, state.last_to)
    first_due = add_days(anchor, first_after, tz, business=rules.business)
    window_start = sent[0] if sent else first_due
    window_end = add_days(window_start, rules.window, tz, business=rules.business)
    if len(sent) >= rules.max_follow_ups:
        return None, window_end
    if not sent:
        return first_due, window_end
    due = add_days(state.last_to, rules.spacing, tz, business=rules.business)
    return (due if due <= window_end else None), window_end


def _walk(app: Application, rules: _Rules, tz: tzinfo) -> _Round:
    """Replay the contacts of the application; return the state after the last one.

    A reply from them starts the conversation's state afresh but for what it leaves
    as it was: the latest message to them, and the interviews so far. So the contacts
    before the last reply are read for those alone, and only the rest is replayed:
    ``check`` and ``status`` judge every application, and a long history costs a
    scan instead of a replay (the same state: ``_replay`` of them all, a property test).
    """
    state = _Round(app.applied_at)
    if not app.interviews and not app.events:
        return state  # applied, nothing since: most of a book, with nothing to replay
    contacts = _contacts(app)
    last = next((index for index in range(len(contacts) - 1, 0, -1)
                 if contacts[index][1] is _Kind.FROM_THEM), 0)
    for at, kind, interview_start, _ in itertools.islice(contacts, last):
        if kind is _Kind.TO_THEM:
            state.last_to = max(state.last_to, at)
        elif kind is _Kind.INTERVIEW_END:
            state.interview_start = interview_start
            state.interviewed = True
    return _replay(state, itertools.islice(contacts, last, None), rules, tz)


def _replay(state: _Round, contacts: Iterable[_Contact], rules: _Rules, tz: tzinfo) -> _Round:
    """Replay ``contacts`` (in order) onto ``state``; return it."""
    for at, kind, interview_start, event in contacts:
        if kind is _Kind.APPLIED:
            if state.ball == "you":
                # They wrote first (a recruiter's approach); applying answers them.
                state.ball = "them"
                state.start = at
                state.follow_ups = []
            continue
        if kind is _Kind.FROM_THEM:
            state.ball = "you"
            state.start = at
            state.last_from = at
            state.follow_ups = []
            state.thank_you_for = None
            state.cause = event
        elif kind is _Kind.INTERVIEW_END:
            state.ball = "them"
            state.start = at
            state.follow_ups = []
            state.thank_you_for = at
            state.interview_start = interview_start
            state.interviewed = True
        else:
            if state.ball == "you":
                # The user answered their reply: a new silence starts.
                state.ball = "them"
                state.start = at
                state.follow_ups = []
            else:
                due, _ = _next_follow_up(state, rules, tz)
                if due is not None and at >= due:
                    state.follow_ups = [*state.follow_ups, at]
            state.thank_you_for = None
            state.last_to = max(state.last_to, at)
    return state


def evaluate(app: Application, policy: Policy, tz: tzinfo, now: datetime) -> Evaluation:
    """Given an application, the policy, the zone days are counted in, and ``now``,
    return who the application waits on and its next action with its due time.

    Closed stages (accepted, rejected, withdrawn, ghosted) have no action, except a
    rejection's one notice while it is fresh; an offer waits on the user. A snooze
    moves the action's due time to the snooze's end.
    """
    rules = _rules(app, policy)
    state = _walk(app, rules, tz)
    last_from = state.last_from
    last_to = state.last_to
    sent = len(state.follow_ups)
    changes: list[datetime] = []  # instants at which the answer may change

    def done(waiting_on: str, action: Action | None) -> Evaluation:
        if action is not None and app.snoozed_until is not None and app.snoozed_until > action.due:
            action = Action(
                app_id=action.app_id,
                kind=action.kind,
                due=app.snoozed_until,
                since=action.since,
                n=action.n,
                max_n=action.max_n,
                overdue_at=action.overdue_at,
            )
        if action is not None:
            changes.append(action.due)
        until = min((t for t in changes if t > now), default=None)
        return Evaluation(waiting_on, action, sent, last_from, last_to, until)

    if app.stage.is_closed:
        if app.stage is Stage.REJECTED:  # a rejection's notice ends after some days
            changes.extend(e.at + timedelta(days=REJECTION_NOTICE_DAYS) for e in app.events
                           if e.direction is Direction.FROM_THEM)
        return done("nobody", _rejection_notice(app, now))
    if state.ball == "you":
        reply = Action(app.id, ActionKind.REPLY, due=state.start, since=state.start,
                       cause=state.cause)
        return done("you", reply)
    if app.stage is Stage.OFFER:
        return done("you", None)

    follow_due, window_end = _next_follow_up(state, rules, tz)
    if follow_due is not None:
        changes.append(follow_due)  # it takes over from a thank-you
    if state.thank_you_for is not None and (follow_due is None or now < follow_due):
        end = state.thank_you_for
        thank_you = Action(
            app.id,
            ActionKind.THANK_YOU_DUE,
            due=end + timedelta(hours=rules.thank_you_hours),
            since=end,
            overdue_at=end + timedelta(hours=rules.overdue_hours),
        )
        before_interview = state.interview_start is not None and now < state.interview_start
        return done("nobody" if before_interview else "you", thank_you)

    if follow_due is None:
        if rules.max_follow_ups == 0 and sent == 0:
            # No follow-ups wanted: silence after the first would-be follow-up is the answer.
            base = add_days(state.last_to, rules.first_after, tz, business=rules.business)
        else:
            base = state.last_to
        ghosted_due = add_days(base, rules.ghosted_after, tz, business=rules.business)
        return done("them", Action(app.id, ActionKind.GHOSTED, ghosted_due, since=state.start))

    # A follow-up the user never sends gives way to ghosted once its window is long shut.
    give_up = add_days(window_end, rules.ghosted_after, tz, business=rules.business)
    changes.append(give_up)
    if now >= give_up:
        return done("them", Action(app.id, ActionKind.GHOSTED, give_up, since=state.start))
    follow_up = Action(
        app.id,
        ActionKind.FOLLOW_UP_DUE,
        due=follow_due,
        since=state.start,
        n=sent + 1,
        max_n=rules.max_follow_ups,
    )
    return done("them", follow_up)



def _rejection_notice(app: Application, now: datetime) -> Action | None:
    """Return the notice of the rejection that closed the application, while fresh.

    Only for an application whose stage is ``rejected`` and whose latest message
    from them says so; the notice is due when the message came.
    """
    if app.stage is not Stage.REJECTED:
        return None
    theirs = [e for e in app.events if e.direction is Direction.FROM_THEM
              and e.kind is not None and e.kind not in _NO_NEWS]
    if not theirs or theirs[-1].kind is not Kind.REJECTION:
        return None
    last = theirs[-1]
    if now >= last.at + timedelta(days=REJECTION_NOTICE_DAYS):
        return None
    return Action(app.id, ActionKind.REJECTED, due=last.at, since=last.at, cause=last)


# Mail that says nothing about the application's fate: it never hides a rejection.
_NO_NEWS = frozenset({Kind.ACKNOWLEDGEMENT, Kind.ACCOUNT, Kind.JOB_ALERT})

# The stage a message of each kind moves an application to, forward only.
_STAGE_OF_KIND = {
    Kind.INTERVIEW: Stage.INTERVIEWING,
    Kind.OFFER: Stage.OFFER,
    Kind.REJECTION: Stage.REJECTED,
}


def stage_after(stage: Stage, kind: Kind) -> Stage:
    """Given an application's stage and the kind of a new message from them, return
    the stage it moves to on its own.

    Stages only move forward: a late acknowledgement never undoes ``interviewing``,
    and a closed application stays closed — except ``ghosted``, which any reply or
    rejection revives, since silence was taken for an answer.
    """
    if stage is Stage.GHOSTED:
        if not (kind.is_reply or kind is Kind.REJECTION):
            return stage
        stage = Stage.APPLIED
    elif stage.is_closed:
        return stage
    target = _STAGE_OF_KIND.get(kind)
    if target is None or target.rank <= stage.rank:
        return stage
    return target
