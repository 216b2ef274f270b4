"""What a message says: its kind, and the evidence for it (DESIGN.md "What a message says").

The types shared by the classifier (``core/classify.py``), the cadence, the store and
the alerts. Pure data; no I/O. The records are named tuples: every command imports
this module for Kind, and a frozen dataclass costs three times as much to define.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Kind(StrEnum):
    """What one message from them says."""

    ACKNOWLEDGEMENT = "acknowledgement"
    REJECTION = "rejection"
    INTERVIEW = "interview"
    ACTION = "action"
    OFFER = "offer"
    ACCOUNT = "account"
    JOB_ALERT = "job_alert"
    OTHER = "other"

    @property
    def is_reply(self) -> bool:
        """Return True when a message of this kind puts the ball in the user's court.

        An acknowledgement, account mail and job alerts are recorded but answer
        nothing: the follow-up clock keeps running. A rejection closes the
        application instead of asking for an answer.
        """
        return self in _REPLY_KINDS


_REPLY_KINDS = frozenset({Kind.INTERVIEW, Kind.ACTION, Kind.OFFER, Kind.OTHER})


class MailText(NamedTuple):
    """What the classifier reads of one message.

    ``sender`` is the lower-cased ``local@domain`` address; ``body`` is the start of
    the first text part (HTML already reduced to text), at most 16 KB; ``automated``
    is True when the sender is a relay, a board or a no-reply address, or the
    message carries automation headers; ``has_calendar`` when it has a
    ``text/calendar`` part.
    """

    sender: str
    display_name: str
    subject: str
    body: str = ""
    automated: bool = False
    has_calendar: bool = False


class Classification(NamedTuple):
    """The kind of one message, how sure the classifier is (0.0 to 1.0), and the
    phrases that decided it (quoted as found, short)."""

    kind: Kind
    confidence: float
    evidence: tuple[str, ...] = ()
