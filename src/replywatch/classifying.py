"""The classify step of a pass: what each matched message from them says.

A message matched in a pass that has its connection open is classified once, from
the start of its text, read right after matching; only where the text cannot be read
then are its headers classified instead. A message matched with no connection (the
book changed, and mail read earlier is matched again) is classified from its headers
at once, and again with its text on the next connection. Each verdict may move the
application's stage (forward only), and a calendar invite records the interview.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import NamedTuple, Protocol

from replywatch import log
from replywatch.core.classify import classify
from replywatch.core.kinds import Classification, Kind, MailText
from replywatch.core.model import Message
from replywatch.errors import MailboxError
from replywatch.mail.bodies import MailBody
from replywatch.mail.bodytext import is_automated
from replywatch.mail.calendar import Invite, read_invite
from replywatch.mail.headers import parse_raw
from replywatch.store import Store, kinds, mailstate

# A rejection that gives its reasons, in the languages the classifier reads.
_REASONS = re.compile(
    r"\b(?:because|as we|the reason|feedback|we felt|we found that|your experience in|"
    r"fordi|grunnen|tilbakemelding|eftersom|därför|anledningen|återkoppling|"
    r"begrundelse|weil|da wir|der grund|rückmeldung)\b", re.IGNORECASE)
_TEXT_CAP = 16 * 1024


class TextSource(Protocol):
    """What the classify step needs of a mailbox: the start of a few messages' text."""

    def texts(self, folder: str, uids: list[int], size: int) -> Iterator[Mapping[int, MailBody]]:
        """Yield the text of each message still in the folder, by UID, for ``uids`` a
        batch of ``size`` at a time."""


def automated(msg: Message, rule: str) -> bool:
    """Return True when no person wrote the message: it came through an ATS relay
    (``rule`` "ats"), or ``bodytext.is_automated`` says so (the same test that
    ``replywatch classify`` and the classifier's measurements use).
    """
    return rule == "ats" or is_automated(msg)


def machine_said(found: Classification, msg: Message) -> Classification:
    """Return what counts of a classification: a message a system generated
    (Auto-Submitted: auto-generated) that says nothing more definite is no reply —
    "weak evidence is `other`" protects a person's mail, and no person wrote this."""
    if found.kind is Kind.OTHER and msg.auto_submitted == "auto-generated":
        return Classification(Kind.ACKNOWLEDGEMENT, found.confidence,
                              (*found.evidence, "Auto-Submitted: auto-generated"))
    return found


def gave_reasons(text: str) -> bool:
    """Return True when a message's text says why (a rejection with its reasons)."""
    return _REASONS.search(text[:_TEXT_CAP]) is not None


def mail_text(msg: Message, rule: str, body: MailBody | None = None) -> MailText:
    """Return what the classifier reads of a message (headers, and its text if read)."""
    return MailText(
        sender=msg.from_addr or "", display_name=msg.from_name, subject=msg.subject,
        body=body.text[:_TEXT_CAP] if body else "", automated=automated(msg, rule),
        has_calendar=body is not None and body.calendar is not None)


# What a message marked DEFERRED holds until its text (or its headers) is classified.
_UNCLASSIFIED = Classification(Kind.OTHER, 0.0, ())


def classify_matched(store: Store, app_id: int, key: str, msg: Message, *, rule: str,
                     now: datetime, defer: bool = False) -> Classification | None:
    """Classify a message from them that just matched, from its headers; move the
    stage for it; return the kind that counts (the user's, if they corrected it).
    A message whose text was read already keeps that verdict. With ``defer`` (the
    pass reads its text next, ``read_texts``), it is only marked to be classified
    (``Body.DEFERRED``) and None is returned: the text's verdict would replace the
    headers' at once, and ``read_texts`` falls back to the headers when the text
    cannot be read. Call inside ``tx()``.
    """
    known = kinds.get(store, key)
    if known is not None and known.body in (kinds.Body.READ, kinds.Body.GIVEN_UP):
        kinds.settle_stage(store, app_id, key, now)
        return Classification(known.effective, known.confidence, known.evidence)
    if defer:
        kinds.record(store, key, _UNCLASSIFIED, automated=automated(msg, rule), reasons=False,
                     body=kinds.Body.DEFERRED)
        return None
    found = machine_said(classify(mail_text(msg, rule)), msg)
    kinds.record(store, key, found, automated=automated(msg, rule), reasons=False,
                 body=kinds.Body.PENDING)
    kinds.settle_stage(store, app_id, key, now)
    corrected = known.corrected if known is not None else None
    return Classification(corrected, 1.0, ()) if corrected else found


class Reading(NamedTuple):
    """The texts a pass will read, by account and folder (primary folders last), the
    batches of the first folder, asked for already, and the messages marked DEFERRED
    on an account with no connection now (classified from their headers instead)."""

    wanted: list[tuple[tuple[str, str], dict[int, str]]]
    started: Iterator[Mapping[int, MailBody]] | None
    unread: list[str]


def start_texts(store: Store, sources: Mapping[str, TextSource]) -> Reading:
    """Ask for the first texts to read now, so that the server works on them while the
    pass does other work (discovery, after matching). ``read_texts`` reads them."""
    wanted: dict[tuple[str, str], dict[int, str]] = {}
    unread: list[str] = []
    for key, account, folder, uid, deferred in kinds.pending_bodies(store):
        if account in sources:
            wanted.setdefault((account, folder), {})[uid] = key
        elif deferred:
            unread.append(key)
    # The primary folder last: it stays selected for the next pass's NOOP.
    ordered = sorted(wanted.items(), key=lambda item: item[0][1].upper() == "INBOX")
    started = None
    if ordered:
        (account, folder), by_uid = ordered[0]
        try:
            started = sources[account].texts(folder, sorted(by_uid), TEXT_CHUNK)
        except MailboxError:
            started = None  # read_texts asks again, and says so if it fails again
    return Reading(ordered, started, unread)


def read_texts(store: Store, sources: Mapping[str, TextSource], now: datetime,
               own: frozenset[str] = frozenset(), reading: Reading | None = None) -> int:
    """Read the text of every classified message whose text is unread, on the
    accounts' open connections; classify each again. Return how many were read.
    ``own`` (the user's addresses) is left out of an invite's interviewers.

    A folder that fails is tried again on later passes, up to a limit; the
    headers' verdict stands meanwhile.
    """
    reading = reading or start_texts(store, sources)
    if reading.unread:
        with store.tx():
            for key in reading.unread:
                _from_headers(store, key, now)
    read = 0
    for number, ((account, folder), by_uid) in enumerate(reading.wanted):
        logger = log.get(account=account, folder=folder)
        uids = sorted(by_uid)
        # A chunk at a time: a first pass may match thousands of messages, and each
        # text is up to 16 KB; memory stays that of one chunk. The mailbox may read the
        # next chunk ahead while this one is classified.
        chunks = reading.started if number == 0 else None
        for start in range(0, len(uids), TEXT_CHUNK):
            chunk = {uid: by_uid[uid] for uid in uids[start:start + TEXT_CHUNK]}
            try:
                if chunks is None:
                    chunks = sources[account].texts(folder, uids, TEXT_CHUNK)
                bodies = next(chunks, {})
            except MailboxError as exc:
                logger.warning("text_fetch_failed", error=exc.problems[0])
                with store.tx():  # this chunk and the rest: tried again on a later pass
                    for uid in uids[start:]:
                        _failed(store, by_uid[uid], now)
                break
            with store.tx():
                for uid, key in chunk.items():
                    body = bodies.get(uid)
                    if body is None:
                        _failed(store, key, now)
                        continue
                    _reclassify(store, key, body, now, own)
                    read += 1
            del bodies
    return read


TEXT_CHUNK = 200  # messages whose text is held at once (16 KB a part at most)


def _failed(store: Store, key: str, now: datetime) -> None:
    """Count a failed read of a message's text; classify one not yet classified
    (DEFERRED) from its headers meanwhile."""
    _from_headers(store, key, now)
    kinds.failed_body(store, key)


def _from_headers(store: Store, key: str, now: datetime) -> None:
    """Classify a message marked DEFERRED from its headers, as ``classify_matched``
    does without ``defer``; its text stays to be read (``Body.PENDING``)."""
    known = kinds.get(store, key)
    placed = kinds.matched_to(store, key)
    raw = mailstate.message(store, key)
    if known is None or known.body is not kinds.Body.DEFERRED or placed is None or raw is None:
        return
    app_id, rule = placed
    classify_matched(store, app_id, key, parse_raw(raw), rule=rule, now=now)


def _reclassify(store: Store, key: str, body: MailBody, now: datetime,
                own: frozenset[str]) -> None:
    """Classify one message again with its text; record an invite's interview."""
    placed = kinds.matched_to(store, key)
    raw = mailstate.message(store, key)
    if placed is None or raw is None:
        # Its application was deleted meanwhile: no text of it is wanted any more, and
        # counting the read as failed keeps later passes from reading it again.
        kinds.failed_body(store, key)
        return
    app_id, rule = placed
    msg = parse_raw(raw)
    found = machine_said(classify(mail_text(msg, rule, body)), msg)
    kinds.record(store, key, found, automated=automated(msg, rule),
                 reasons=found.kind is Kind.REJECTION and gave_reasons(body.text),
                 body=kinds.Body.READ)
    log.get(application=app_id).info("message_classified", kind=found.kind.value,
                                     confidence=found.confidence)
    invite = read_invite(body.calendar) if body.calendar else None
    effective = kinds.get(store, key)
    if invite is not None and effective is not None and effective.effective is Kind.INTERVIEW:
        _record_invite(store, app_id, invite, own)
    kinds.settle_stage(store, app_id, key, now)


def _record_invite(store: Store, app_id: int, invite: Invite, own: frozenset[str]) -> None:
    """Record (or move, or cancel) the interview an invite describes, by its UID."""
    if invite.cancelled:
        kinds.set_invited_interview(store, app_id, invite.uid, None)
        log.get(application=app_id).info("interview_cancelled")
        return
    people = [a for a in invite.attendees if a not in own]
    kinds.set_invited_interview(store, app_id, invite.uid, (invite.start, invite.end, people))
    log.get(application=app_id).info("interview_recorded")
