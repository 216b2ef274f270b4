"""Plain data of the domain: applications, their events, mail messages, actions.

Every ``datetime`` here is timezone-aware. The store keeps them in UTC; display code
converts them to the configured time zone.

The records are named tuples: as immutable as frozen dataclasses, about three times
cheaper to make (`status` makes thousands) and to define (every command defines
them), and no import of dataclasses (with inspect) at each start. Change one with
``record._replace(field=value)``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from replywatch.core.kinds import Kind


class Stage(StrEnum):
    """Where an application stands. Order matters: stages only move forward on their own."""

    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    GHOSTED = "ghosted"

    @property
    def is_closed(self) -> bool:
        """Return True for stages in which nothing more is expected of either side."""
        return self in CLOSED_STAGES

    @property
    def rank(self) -> int:
        """Return the stage's place in the forward order used for automatic moves."""
        return _STAGE_RANK[self]


CLOSED_STAGES = frozenset({Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN, Stage.GHOSTED})
_STAGE_RANK = {
    Stage.APPLIED: 0,
    Stage.GHOSTED: 0,  # a reply revives a ghosted application: it is no real progress
    Stage.INTERVIEWING: 1,
    Stage.OFFER: 2,
    Stage.ACCEPTED: 3,
    Stage.REJECTED: 3,
    Stage.WITHDRAWN: 3,
}


class Direction(StrEnum):
    """Which way a contact went."""

    FROM_THEM = "from_them"
    TO_THEM = "to_them"


class ActionKind(StrEnum):
    """What the user is asked to do next."""

    REPLY = "reply"
    THANK_YOU_DUE = "thank_you_due"
    FOLLOW_UP_DUE = "follow_up_due"
    GHOSTED = "ghosted"
    REJECTED = "rejected"  # a calm notice: they said no; time to move on


class Interview(NamedTuple):
    """One interview; ``end`` is always set (the CLI defaults it to start + 1 hour)."""

    start: datetime
    end: datetime
    interviewers: tuple[str, ...] = ()
    id: int | None = None


class Event(NamedTuple):
    """A contact in either direction: a mail matched, or one logged by hand.

    ``source`` is ``"mail"`` or ``"manual"``; ``message_id`` is set for mail (the
    message's key). ``kind`` says what a message from them says (the user's
    correction if there is one); None for manual events and messages to them,
    which the cadence takes as plain contact. ``evidence`` holds the phrases that
    decided the kind; ``automated`` is True when no person wrote it; ``reasons``
    when a rejection gave its reasons.
    """

    at: datetime
    direction: Direction
    source: str = "manual"
    message_id: str | None = None
    note: str | None = None
    id: int | None = None
    kind: Kind | None = None
    evidence: tuple[str, ...] = ()
    automated: bool = False
    reasons: bool = False

    @property
    def is_reply(self) -> bool:
        """Return True when this contact from them puts the ball in the user's court:
        a message of a reply kind, or one whose kind is unknown (logged by hand).
        """
        return self.direction is Direction.FROM_THEM and (
            self.kind is None or self.kind.is_reply)


class Overrides(NamedTuple):
    """Per-application policy overrides; ``None`` means the global policy applies."""

    follow_up_after_days: int | None = None
    max_follow_ups: int | None = None


class Application(NamedTuple):
    """One job application and everything known about it."""

    id: int
    company: str
    role: str
    stage: Stage
    applied_at: datetime
    contacts: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    thread_ids: tuple[str, ...] = ()
    # Relay addresses that wrote for this employer (acme@myworkday.com): learned from
    # a message matched by name, they match later mail without it.
    relay_senders: tuple[str, ...] = ()
    interviews: tuple[Interview, ...] = ()
    events: tuple[Event, ...] = ()
    snoozed_until: datetime | None = None
    notes: str = ""
    overrides: Overrides = Overrides()


class Message(NamedTuple):
    """The few headers of one mail message that matching needs.

    Addresses are lower-cased ``local@domain`` strings. ``message_id``,
    ``in_reply_to`` and ``references`` hold ids without angle brackets.
    ``date`` is the Date header (None when missing or unparsable); ``internal_date``
    is the server's arrival time. ``gm_msgid``/``gm_thrid`` are set on Gmail only.
    """

    folder: str
    uid: int
    internal_date: datetime
    message_id: str | None = None
    from_addr: str | None = None
    from_name: str = ""
    to: tuple[str, ...] = ()
    reply_to: tuple[str, ...] = ()
    date: datetime | None = None
    subject: str = ""
    in_reply_to: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    list_id: str | None = None
    list_unsubscribe: bool = False
    auto_submitted: str | None = None
    precedence: str | None = None
    auto_reply: bool = False
    gm_msgid: int | None = None
    gm_thrid: int | None = None

    @property
    def when(self) -> datetime:
        """Return the best time of the message: its Date header, else its arrival.

        A Date more than a day after the server received the message is a lie (a
        wrong clock, or spam dated ahead to stay on top): the arrival time wins.
        """
        if self.date is None or self.date > self.internal_date + timedelta(days=1):
            return self.internal_date
        return self.date

    @property
    def key(self) -> str:
        """Return the id that deduplicates one message seen in several folders."""
        return message_key(self.gm_msgid, self.message_id, self.folder, self.uid)


def message_key(gm_msgid: int | None, message_id: str | None, folder: str, uid: int) -> str:
    """Return the key of a message: X-GM-MSGID on Gmail, else its Message-ID, else
    its place (folder and UID) for mail that has neither.
    """
    if gm_msgid is not None:
        return f"gm:{gm_msgid}"
    if message_id:
        return f"mid:{message_id}"
    return f"uid:{folder}:{uid}"


# The most header bytes kept per message: IMAP fetches the fields partially, this many
# at most, and the store keeps no more from any source.
MAX_HEADER_BYTES = 128 * 1024


class RawMessage(NamedTuple):
    """One message as read from the server: its header fields, unparsed.

    ``header`` holds the bytes of ``BODY.PEEK[HEADER.FIELDS (...)]``; parsing waits
    until a message could belong to an application (see ``matching.Prefilter``).
    A named tuple: a first pass makes one per message read, and again per message
    read back, at a third of a frozen dataclass's cost.
    """

    folder: str
    uid: int
    internal_date: datetime
    header: bytes
    gm_msgid: int | None = None
    gm_thrid: int | None = None


class FolderState(NamedTuple):
    """What is remembered of one folder between passes."""

    uidvalidity: int
    last_uid: int
    highest_modseq: int | None = None
    uidnext: int | None = None


class Action(NamedTuple):
    """The next thing due for one application.

    ``n`` numbers follow-ups (1..max); it is 0 for other kinds. ``since`` is the
    contact that started the current round (the reply, interview or message the
    clock runs from); with ``app_id``, ``kind`` and ``n`` it makes the alert key, so
    a new round after a reply alerts again while a restart does not.
    ``overdue_at`` is set for a thank-you note (due after 2 h, overdue after 24 h).
    ``cause`` is the message from them that made a ``reply`` or ``rejected`` action
    (its kind tells an interview from an offer); it is not part of the key.
    """

    app_id: int
    kind: ActionKind
    due: datetime
    since: datetime
    n: int = 0
    max_n: int = 0
    overdue_at: datetime | None = None
    cause: Event | None = None

    @property
    def says(self) -> Kind | None:
        """Return the kind of the message behind this action, if one is."""
        return self.cause.kind if self.cause is not None else None

    @property
    def key(self) -> str:
        """Return the stable key under which this action is alerted once."""
        return f"{self.app_id}:{self.kind.value}:{self.n}:{self.since.isoformat()}"
