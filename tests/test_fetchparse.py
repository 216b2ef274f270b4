"""The lean FETCH parser: every shape it accepts, and None for every other."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replywatch.config import Account, Security
from replywatch.mail import fetchparse
from replywatch.mail.imap import _HEADER_ITEM, ImapMailbox, _fallback
from replywatch.mail.wire import sequence_set
from tests.corpus import corpus_messages, header_part
from tests.servers.dovecot import LocalDovecot

HF = b"BODY[HEADER.FIELDS (FROM SUBJECT)]"


def summary(records: list[fetchparse.Fetched] | None) -> list[tuple[object, ...]] | None:
    if records is None:
        return None
    return [(r.uid, r.header, r.internal_date, r.gm_msgid, r.gm_thrid) for r in records]


WHEN = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # Dovecot: UID, INTERNALDATE, then the header as a literal.
        ([(b'1 (UID 7 INTERNALDATE "01-Nov-2026 10:00:00 +0000" ' + HF + b" {9}",
           b"From: a\r\n"), b")"],
         [(7, b"From: a\r\n", WHEN, None, None)]),
        # Gmail: its ids first.
        ([(b'1 (X-GM-THRID 55 X-GM-MSGID 66 UID 7 INTERNALDATE "01-Nov-2026 11:00:00 +0100" '
           + HF + b" {9}", b"From: a\r\n"), b")"],
         [(7, b"From: a\r\n", WHEN, 66, 55)]),
        # Items after the literal, in the tail element.
        ([(b"1 (" + HF + b" {9}", b"From: a\r\n"),
          b' UID 7 INTERNALDATE "01-Nov-2026 10:00:00 +0000")'],
         [(7, b"From: a\r\n", WHEN, None, None)]),
        # A quoted header and a NIL one, no literal at all.
        ([b'1 (UID 7 INTERNALDATE "01-Nov-2026 10:00:00 +0000" ' + HF + b' "a\\"b")',
          b'2 (UID 8 INTERNALDATE "01-Nov-2026 10:00:00 +0000" ' + HF + b" NIL)"],
         [(7, b'a"b', WHEN, None, None), (8, b"", WHEN, None, None)]),
        # A partial fetch (<0.N>) is answered with the origin after the section.
        ([(b'1 (UID 7 INTERNALDATE "01-Nov-2026 10:00:00 +0000" ' + HF + b"<0> {9}",
           b"From: a\r\n"), b")"],
         [(7, b"From: a\r\n", WHEN, None, None)]),
        # An unsolicited flag change for another message is dropped.
        ([b"3 (FLAGS (\\Seen))",
          (b'1 (UID 7 INTERNALDATE " 1-Nov-2026 10:00:00 +0000" ' + HF + b" {2}", b"\r\n"),
          b")"],
         [(7, b"\r\n", WHEN, None, None)]),
    ],
)
def test_fetchparse_known_shapes(data: list[object],
                                 expected: list[tuple[object, ...]]) -> None:
    assert expected == summary(fetchparse.parse(data))


@pytest.mark.parametrize(
    "data",
    [
        [(b'1 (UID 7 INTERNALDATE "32-Nov-2026 10:00:00 +0000" ' + HF + b" {2}", b"\r\n"), b")"],
        [(b"1 (UID 7 " + HF + b" {2}", b"\r\n"), b")"],  # no INTERNALDATE
        [(b'1 (UID 7 INTERNALDATE "01-Nov-2026 10:00:00 +0000" BODY[TEXT] {2}', b"\r\n"), b")"],
        [b')'],
        [None],
        [(b'1 (UID 7 INTERNALDATE "01-Nov-2026 10:00:00 +0000" ' + HF + b" {2}", b"\r\n"),
         (b" BODY[1] {2}", b"xx"), b")"],
    ],
)
def test_fetchparse_unknown_shape_is_none(data: list[object]) -> None:
    assert None is fetchparse.parse(data)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(b"01-Nov-2026 10:00:00 +0000", WHEN),
     (b"01-Nov-2026 05:00:00 -0500", WHEN),
     (b" 1-nov-2026 10:30:00 +0030", WHEN),
     (b"01-Foo-2026 10:00:00 +0000", None),
     (b"01-Nov-2026 10:00:00 +2400", None),  # a day off UTC: no such zone
     (b"01-Jan-0001 00:30:00 +0100", None),  # before the first day there is
     (b"31-Dec-9999 23:30:00 -0100", None),  # after the last
     (b"2026-11-01T10:00:00Z", None)],
)
def test_fetchparse_internal_date(text: bytes, expected: datetime | None) -> None:
    assert expected == fetchparse.internal_date(text)


_MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec", "nov", "NOV", "nOv", "Foo"]


@settings(max_examples=2000, deadline=None)
@given(day=st.integers(0, 39), month=st.sampled_from(_MONTH_NAMES), year=st.integers(1, 9999),
       clock=st.tuples(st.integers(0, 25), st.integers(0, 61), st.integers(0, 61)),
       sign=st.sampled_from("+-"), zone=st.tuples(st.integers(0, 25), st.integers(0, 59)),
       padded=st.booleans())
def test_fetchparse_internal_date_is_strptime_s_instant(
        day: int, month: str, year: int, clock: tuple[int, int, int], sign: str,
        zone: tuple[int, int], padded: bool) -> None:
    hours, minutes, seconds = clock
    text = (f"{day:2d}" if padded else f"{day:02d}") + (
        f"-{month}-{year:04d} {hours:02d}:{minutes:02d}:{seconds:02d} {sign}{zone[0]:02d}"
        f"{zone[1]:02d}")
    offset = zone[0] * 60 + zone[1]
    try:  # the reference: the standard library's reading, made UTC
        if offset >= 24 * 60:
            raise ValueError("no zone is a day off UTC")
        expected: datetime | None = datetime.strptime(
            text.strip(), "%d-%b-%Y %H:%M:%S %z").astimezone(UTC)
    except (ValueError, OverflowError):
        expected = None
    assert expected == fetchparse.internal_date(text.encode())


def test_fetchparse_offset_kept_as_instant() -> None:
    moment = fetchparse.internal_date(b"01-Nov-2026 23:30:00 -0230")
    assert datetime(2026, 11, 1, 23, 30, tzinfo=timezone(-timedelta(hours=2, minutes=30))) \
        == moment


@pytest.mark.parametrize(
    ("uids", "expected"),
    [([1], "1"), ([1, 2, 3], "1:3"), ([1, 2, 3, 7, 9, 10], "1:3,7,9:10")],
)
def test_sequence_set_compact(uids: list[int], expected: str) -> None:
    assert expected == sequence_set(uids)


def corpus_reply(dovecot: LocalDovecot, user: str) -> tuple[str, list[object], int]:
    """Put the corpus's headers in ``user``'s INBOX; return Dovecot's answer to the
    header FETCH the product sends, as imaplib hands it over, and how many messages."""
    messages = [header_part(raw) for _, raw in corpus_messages()]
    for n, raw in enumerate(messages):
        dovecot.add_message(user, raw + b"body\r\n", internal_date=WHEN + timedelta(minutes=n))
    account = Account(name="t", host=dovecot.host, port=dovecot.port, security=Security.PLAIN,
                      username=user)
    with ImapMailbox(account, dovecot.password) as mailbox:
        mailbox.examine("INBOX")
        typ, data = mailbox._client._imap.uid(
            "FETCH", f"1:{len(messages)}", f"({_HEADER_ITEM} INTERNALDATE)")
    return typ, data, len(messages)


def test_fetchparse_agrees_with_imapclient_on_real_dovecot_replies(
        dovecot: LocalDovecot, imap_user: str) -> None:
    typ, data, count = corpus_reply(dovecot, imap_user)
    fast = fetchparse.parse(data)
    assert "OK" == typ
    assert fast is not None
    assert count == len(fast)
    assert sorted(summary(_fallback(data)) or []) == sorted(summary(fast) or [])


def test_fetchparse_usual_shape_read_as_the_general_way(
        dovecot: LocalDovecot, imap_user: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _, data, count = corpus_reply(dovecot, imap_user)
    usual = summary(fetchparse.parse(data))
    monkeypatch.setattr(fetchparse, "_USUAL", re.compile(rb"(?!)(.)(.)(.)(.)"))  # never
    assert count == len(usual or [])
    assert summary(fetchparse.parse(data)) == usual
