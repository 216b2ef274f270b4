"""Properties of the whole path from raw header bytes to a match, on hostile headers.

Hypothesis makes headers out of the pieces mail attacks are built from: encoded-word
floods, NULs and control bytes, bad and unknown charsets, deep nesting of comments,
quotes and angle brackets, and long recipient lists. Whatever it makes, nothing
raises and every output stays within its cap.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replywatch.core.matching import Index, match
from replywatch.core.model import Application, Stage
from replywatch.mail.addresses import MAX_NAME
from replywatch.mail.headers import (
    HEADER_FIELDS,
    MAX_ADDRESSES,
    MAX_REFERENCES,
    MAX_SUBJECT,
    parse_headers,
    peek_message_id,
)

NOW = datetime(2026, 11, 24, tzinfo=UTC)
INDEX = Index.build([Application(
    id=1, company="Acme", role="Engineer", stage=Stage.APPLIED, applied_at=NOW,
    contacts=("jane@acme.com",), domains=("acme.com",), thread_ids=("t1@acme.com",))],
    ["me@example.org"])
PREFILTER = INDEX.prefilter()
_MAX_ID = 998

CHARSETS = ["utf-8", "UTF-8*en", "iso-8859-1", "x-unknown", "utf-7", "utf-16", "idna",
            "punycode", "zlib", "", "gb18030", "rot13", "\x00"]
PIECES = st.one_of(
    st.sampled_from(["=?", "?=", "?q?", "?b?", "<", ">", "(", ")", '"', "\\", "@", ",", ";",
                     ":", "\r\n ", "\r\n", "\x00", "\x1b[31m", "\u202e", " ", "\t",
                     "jane@acme.com", "t1@acme.com", "<t1@acme.com>", "acme.com", "."]),
    st.builds(lambda cs, enc, data: f"=?{cs}?{enc}?{data}?=", st.sampled_from(CHARSETS),
              st.sampled_from("bBqQx"), st.text(max_size=12)),
    st.text(max_size=8),
)
VALUES = st.one_of(
    st.lists(PIECES, max_size=40).map("".join),
    # Floods: one piece many times over (deep nesting, a million-word Subject in small).
    st.builds(lambda piece, n: piece * n, PIECES, st.integers(0, 3000)),
    # Long recipient lists.
    st.builds(lambda n: ", ".join(f"P {i} <p{i}@h{i % 7}.example>" for i in range(n)),
              st.integers(0, 2000)),
)
HEADERS = st.lists(st.tuples(st.sampled_from(HEADER_FIELDS), VALUES), max_size=12)


def _raw(fields: list[tuple[str, str]], tail: bytes) -> bytes:
    text = "".join(f"{name}: {value}\r\n" for name, value in fields)
    return text.encode("utf-8", "surrogatepass") + tail


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HEADERS, st.sampled_from([b"\r\n", b"", b"\xff\xfe\r\n", b"\x00"]))
def test_header_to_match_hostile_headers_never_raise_and_stay_capped(
        fields: list[tuple[str, str]], tail: bytes) -> None:
    raw = _raw(fields, tail)
    PREFILTER.could_match(raw, None)
    peeked = peek_message_id(raw)
    msg = parse_headers(raw, folder="INBOX", uid=1, internal_date=NOW)
    match(msg, INDEX)
    assert peeked == msg.message_id
    assert len(msg.subject) <= MAX_SUBJECT
    assert len(msg.from_name) <= MAX_NAME
    assert len(msg.to) <= MAX_ADDRESSES
    assert len(msg.reply_to) <= MAX_ADDRESSES
    assert len(msg.references) <= MAX_REFERENCES
    assert len(msg.in_reply_to) <= MAX_REFERENCES
    ids = [*msg.references, *msg.in_reply_to, msg.message_id or ""]
    assert all(len(i) <= _MAX_ID and "\x00" not in i for i in ids)
    assert "\x00" not in msg.subject + msg.from_name


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=4000))
def test_header_to_match_random_bytes_never_raise(raw: bytes) -> None:
    PREFILTER.could_match(raw, None)
    match(parse_headers(raw, folder="INBOX", uid=1, internal_date=NOW), INDEX)


def test_header_to_match_ten_thousand_recipients_capped() -> None:
    raw = ("To: " + ", ".join(f"p{i}@h{i}.example" for i in range(10_000)) + "\r\n").encode()
    msg = parse_headers(raw, folder="INBOX", uid=1, internal_date=NOW)
    assert MAX_ADDRESSES == len(msg.to)
