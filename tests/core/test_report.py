"""The numbers of the report, against hand-counted books."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from replywatch.core.kinds import Kind
from replywatch.core.model import Application, Direction, Event, Interview, Stage
from replywatch.core.report import (
    OUTCOMES,
    STAGES,
    Facts,
    facts_of,
    follow_ups_that_worked,
    funnel,
    response_times,
    weekly_activity,
)

OSLO = ZoneInfo("Europe/Oslo")
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # a Monday
DAY = timedelta(days=1)


def app(app_id: int, stage: Stage = Stage.APPLIED, events: tuple[Event, ...] = (),
        interviews: tuple[Interview, ...] = (), company: str = "Acme") -> Application:
    return Application(id=app_id, company=company, role="", stage=stage, applied_at=T0,
                       events=events, interviews=interviews)


def got(days: float, mid: str = "") -> Event:
    return Event(at=T0 + days * DAY, direction=Direction.FROM_THEM, source="mail",
                 message_id=mid or None)


def sent(days: float) -> Event:
    return Event(at=T0 + days * DAY, direction=Direction.TO_THEM)


KINDS = {"ack": Kind.ACKNOWLEDGEMENT, "rej": Kind.REJECTION, "int": Kind.INTERVIEW}


def facts(a: Application) -> Facts:
    return facts_of(a, lambda e: KINDS.get((e.message_id or "").split("-")[0]),
                    lambda e: "greenhouse.io" if (e.message_id or "").endswith("gh") else "direct")


BOOK = [
    app(1),                                                        # silence: still waiting
    app(2, events=(got(1, "ack-2"),)),                             # receipt only
    app(3, Stage.REJECTED, (got(1, "ack-3"), got(9, "rej-3"))),    # receipt, then no
    app(4, Stage.INTERVIEWING, (got(3, "int-4gh"),),
        (Interview(T0 + 6 * DAY, T0 + 6 * DAY + timedelta(hours=1)),)),
    app(5, Stage.ACCEPTED, (sent(8), got(10, "x-5")),
        (Interview(T0 + 12 * DAY, T0 + 12 * DAY + timedelta(hours=1)),)),
    app(6, Stage.GHOSTED, (sent(7), sent(11), sent(15))),
    app(7, Stage.WITHDRAWN, (got(2, "x-7"),)),
]


def test_funnel_hand_counted_book_nodes() -> None:
    shown = funnel(facts(a) for a in BOOK)
    assert {"Applied": 7, "Acknowledged": 2, "Replied": 3, "Interview": 2, "Offer": 1,
            "Accepted": 1, "Rejected": 1, "Withdrawn": 1, "Ghosted": 1,
            "Still waiting": 3} == shown.nodes


def test_funnel_hand_counted_book_flows() -> None:
    shown = funnel(facts(a) for a in BOOK)
    assert [("Applied", "Acknowledged", 2), ("Applied", "Replied", 3),
            ("Applied", "Ghosted", 1), ("Applied", "Still waiting", 1),
            ("Acknowledged", "Rejected", 1), ("Acknowledged", "Still waiting", 1),
            ("Replied", "Interview", 2), ("Replied", "Withdrawn", 1),
            ("Interview", "Offer", 1), ("Interview", "Still waiting", 1),
            ("Offer", "Accepted", 1)] == shown.flows


def test_response_times_count_first_person_reply_not_receipt_or_rejection() -> None:
    times = response_times(facts(a) for a in BOOK)
    assert ({"0-1 days": 0, "2-3 days": 2, "4-7 days": 0, "8-14 days": 1, "15-30 days": 0,
             "31+ days": 0}, 1, 2) == (
        times["all"], times["channel:greenhouse.io"]["2-3 days"],
        times["channel:direct"]["2-3 days"] + times["channel:direct"]["8-14 days"])


def test_follow_ups_that_worked_counts_replies_after_n_follow_ups() -> None:
    # Apps 1-4 and 7 sent none (4 and 7 got answers); 5 sent one, then an answer;
    # 6 sent three and heard nothing.
    assert [(0, 2, 5), (1, 1, 1), (2, 0, 0), (3, 0, 1)] == follow_ups_that_worked(
        facts(a) for a in BOOK)


def test_weekly_activity_counts_by_local_week_with_empty_weeks() -> None:
    apps = [app(1), app(2, events=(got(15),)),
            app(3, interviews=(Interview(T0 + 8 * DAY, T0 + 8 * DAY),))]
    weeks = weekly_activity(apps, [facts(a) for a in apps], OSLO)
    assert [("2026-11-02", 3, 0, 0), ("2026-11-09", 0, 1, 1), ("2026-11-16", 0, 1, 0)] == [
        (f"{w:%Y-%m-%d}", a, r, i) for w, a, r, i in weeks]


stages = st.sampled_from(list(Stage))
kinds = st.sampled_from(["ack", "rej", "int", "x", ""])
apps = st.lists(st.builds(
    lambda i, stage, evs, n_iv: app(
        i, stage, tuple(got(d, f"{k}-{i}") if k else sent(d) for d, k in evs),
        tuple(Interview(T0 + DAY, T0 + DAY) for _ in range(n_iv))),
    st.integers(1, 10_000), stages,
    st.lists(st.tuples(st.floats(0, 60), kinds), max_size=6), st.integers(0, 2)),
    max_size=40)


@given(apps)
def test_funnel_flows_out_of_each_stage_add_up_to_the_stage(book: list[Application]) -> None:
    shown = funnel(facts(a) for a in book)
    for stage in STAGES:
        if stage in shown.nodes:
            out = sum(c for s, _, c in shown.flows if s == stage)
            assert shown.nodes[stage] == out, stage
    assert len(book) == sum(shown.nodes.get(o, 0) for o in OUTCOMES)
