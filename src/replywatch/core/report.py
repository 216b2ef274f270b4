"""The numbers of the whole search: the funnel, response times, follow-ups that
worked, weekly activity. Pure functions of the book (and ``now``); the report page,
the digest and their tests all read them from here.

Each application is first reduced to ``Facts``: what happened to it, in order. The
funnel is then the paths of all applications through the stages
applied -> acknowledged -> replied -> interview -> offer -> accepted, each ending in
one outcome (accepted, rejected, withdrawn, ghosted or still waiting), so that what
flows out of every stage adds up to what flowed in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from itertools import pairwise

from replywatch.core.kinds import Kind
from replywatch.core.model import Application, Direction, Event, Stage

# The stages of the funnel in order, and the outcomes an application ends in.
APPLIED, ACKNOWLEDGED, REPLIED, INTERVIEW, OFFER = (
    "Applied", "Acknowledged", "Replied", "Interview", "Offer")
ACCEPTED, REJECTED, WITHDRAWN, GHOSTED, WAITING = (
    "Accepted", "Rejected", "Withdrawn", "Ghosted", "Still waiting")
STAGES = (APPLIED, ACKNOWLEDGED, REPLIED, INTERVIEW, OFFER)
OUTCOMES = (ACCEPTED, REJECTED, WITHDRAWN, GHOSTED, WAITING)
_OUTCOME_OF = {Stage.ACCEPTED: ACCEPTED, Stage.REJECTED: REJECTED,
               Stage.WITHDRAWN: WITHDRAWN, Stage.GHOSTED: GHOSTED}
# Days to a first reply, as the report's distribution groups them.
BUCKETS: tuple[tuple[str, int, int], ...] = (
    ("0-1 days", 0, 1), ("2-3 days", 2, 3), ("4-7 days", 4, 7),
    ("8-14 days", 8, 14), ("15-30 days", 15, 30), ("31+ days", 31, 1_000_000))

KindOf = Callable[[Event], Kind | None]


@dataclass(frozen=True)
class Facts:
    """What happened to one application, as the report counts it.

    ``first_reply`` is the first message from them that was not an
    acknowledgement (nor account mail or a job alert); ``follow_ups_before_reply``
    counts the user's messages to them after applying and before that reply.
    ``channel`` is the ATS relay the reply came through, or "direct".
    """

    app_id: int
    company: str
    applied: datetime
    acknowledged: bool
    first_reply: datetime | None
    interviewed: datetime | None
    offered: bool
    outcome: str
    follow_ups_before_reply: int
    follow_ups: int
    channel: str


def facts_of(app: Application, kind_of: KindOf, channel_of: Callable[[Event], str]
             ) -> Facts:
    """Given an application, the kind of each of its mail events (None for events
    logged by hand, which count as replies) and the channel a reply came through,
    return its Facts."""
    theirs = sorted((e for e in app.events if e.direction is Direction.FROM_THEM),
                    key=lambda e: e.at)
    kinds = [(e, kind_of(e)) for e in theirs]
    acknowledged = any(k is Kind.ACKNOWLEDGEMENT for _, k in kinds)
    # A reply is a person engaging: not a receipt, not a rejection, not account mail.
    replies = [e for e, k in kinds if k is None or k.is_reply]
    first_reply = replies[0] if replies else None
    ours = [e.at for e in app.events
            if e.direction is Direction.TO_THEM and e.at > app.applied_at]
    before = [t for t in ours if first_reply is None or t < first_reply.at]
    interviews = sorted(i.start for i in app.interviews)
    offered = app.stage in (Stage.OFFER, Stage.ACCEPTED) or any(
        k is Kind.OFFER for _, k in kinds)
    interviewed = interviews[0] if interviews else None
    if interviewed is None and (offered or app.stage is Stage.INTERVIEWING or any(
            k is Kind.INTERVIEW for _, k in kinds)):
        interviewed = next((e.at for e, k in kinds if k is Kind.INTERVIEW),
                           first_reply.at if first_reply else app.applied_at)
    return Facts(
        app_id=app.id, company=app.company, applied=app.applied_at,
        acknowledged=acknowledged,
        first_reply=first_reply.at if first_reply else (interviewed if interviewed else None),
        interviewed=interviewed, offered=offered,
        outcome=_OUTCOME_OF.get(app.stage, WAITING),
        follow_ups_before_reply=len(before) if first_reply else len(ours),
        follow_ups=len(ours),
        channel=channel_of(first_reply) if first_reply else "direct",
    )


def path_of(facts: Facts) -> list[str]:
    """Return the nodes one application passes through, from Applied to its outcome."""
    path = [APPLIED]
    if facts.acknowledged:
        path.append(ACKNOWLEDGED)
    if facts.first_reply is not None:
        path.append(REPLIED)
    if facts.interviewed is not None:
        path.append(INTERVIEW)
    if facts.offered:
        path.append(OFFER)
    path.append(facts.outcome)
    return path


@dataclass(frozen=True)
class Funnel:
    """The funnel as a Sankey: node totals and (source, target, count) flows."""

    nodes: dict[str, int]
    flows: list[tuple[str, str, int]]


def funnel(all_facts: Iterable[Facts]) -> Funnel:
    """Return the funnel of these applications. What flows out of each stage adds up
    to what flowed into it; Applied holds every application."""
    edges: Counter[tuple[str, str]] = Counter()
    total = 0
    for facts in all_facts:
        total += 1
        path = path_of(facts)
        edges.update(pairwise(path))
    nodes = {APPLIED: total}
    for (_, target), count in edges.items():
        nodes[target] = nodes.get(target, 0) + count
    order = {name: i for i, name in enumerate(STAGES + OUTCOMES)}
    flows = sorted(((s, t, c) for (s, t), c in edges.items()),
                   key=lambda f: (order[f[0]], order[f[1]]))
    ordered = {name: nodes[name] for name in STAGES + OUTCOMES if name in nodes}
    return Funnel(ordered, flows)


def reply_days(facts: Facts) -> int | None:
    """Return whole days from applying to the first reply, or None without one."""
    if facts.first_reply is None:
        return None
    return max(0, (facts.first_reply - facts.applied) // timedelta(days=1))


def response_times(all_facts: Iterable[Facts]) -> dict[str, dict[str, int]]:
    """Return, per company and per channel (ATS relay or "direct"), how many first
    replies fell in each bucket of BUCKETS: ``{"company:Acme": {"0-1 days": 1}, ...}``.
    Also ``"all"``: every reply."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(
        (b[0] for b in BUCKETS), 0))
    for facts in all_facts:
        days = reply_days(facts)
        if days is None:
            continue
        bucket = next(name for name, low, high in BUCKETS if low <= days <= high)
        for key in ("all", f"company:{facts.company}", f"channel:{facts.channel}"):
            out[key][bucket] += 1
    return dict(out)


def follow_ups_that_worked(all_facts: Iterable[Facts], max_follow_ups: int = 3
                           ) -> list[tuple[int, int, int]]:
    """Return ``(n, replied, tried)`` for n = 0..max_follow_ups: of the applications
    that sent n follow-ups before an answer (or in all, without one), how many were
    answered after exactly n. More than the maximum counts as the maximum."""
    replied: Counter[int] = Counter()
    tried: Counter[int] = Counter()
    for facts in all_facts:
        n = min(facts.follow_ups_before_reply, max_follow_ups)
        tried[n] += 1
        if facts.first_reply is not None:
            replied[n] += 1
    return [(n, replied[n], tried[n]) for n in range(max_follow_ups + 1)]


def week_of(moment: datetime, tz: tzinfo) -> date:
    """Return the Monday of the local week that holds ``moment``."""
    day = moment.astimezone(tz).date()
    return day - timedelta(days=day.weekday())


def weekly_activity(apps: Sequence[Application], all_facts: Sequence[Facts], tz: tzinfo,
                    since: datetime | None = None) -> list[tuple[date, int, int, int]]:
    """Return ``(monday, applications, replies, interviews)`` for every week from the
    first event (or ``since``) to the last, empty weeks included."""
    sent: Counter[date] = Counter(week_of(a.applied_at, tz) for a in apps)
    replies: Counter[date] = Counter(
        week_of(f.first_reply, tz) for f in all_facts if f.first_reply is not None)
    interviews: Counter[date] = Counter(
        week_of(i.start, tz) for a in apps for i in a.interviews)
    weeks = set(sent) | set(replies) | set(interviews)
    if since is not None:
        weeks = {w for w in weeks if w >= week_of(since, tz)}
    if not weeks:
        return []
    out = []
    week, last = min(weeks), max(weeks)
    while week <= last:
        out.append((week, sent[week], replies[week], interviews[week]))
        week += timedelta(days=7)
    return out
