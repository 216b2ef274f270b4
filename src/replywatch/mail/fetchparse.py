"""A lean parser for the one bulk FETCH response replywatch reads.

imapclient's general response parser reads a token at a time and costs about six
times the network itself; on a first pass over a large mailbox that is most of
the pass. The response to ``UID FETCH set (BODY.PEEK[HEADER.FIELDS (...)]
INTERNALDATE [X-GM-MSGID X-GM-THRID])`` (the section may be partial, ``<0.N>``,
answered as ``BODY[HEADER.FIELDS (...)]<0>``) has a small, fixed shape, read here with
a few regular expressions. Anything of another shape makes ``parse`` return None,
and the caller falls back to imapclient's parser for that batch: speed never costs
a message.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

# One FETCH item we want: UID, the Gmail ids, INTERNALDATE, or the header section
# (a literal announced at the end of the line, a quoted string, or NIL).
_ITEM = re.compile(
    rb"(?P<num>UID|X-GM-MSGID|X-GM-THRID) (?P<value>\d+)"
    rb'|INTERNALDATE "(?P<date>[^"]*)"'
    rb"|BODY\[HEADER\.FIELDS \([^)]*\)\](?:<\d+>)? "
    rb'(?:\{(?P<literal>\d+)\}$|"(?P<quoted>(?:[^"\\]|\\.)*)"|(?P<nil>NIL))'
)
_START = re.compile(rb"^\d+ \(")
# The items of a response of the usual shape, up to the header literal's size: Dovecot's
# order (and Gmail's, with its ids first). Groups: thread id, message id, UID, date.
# Numbers are bounded, so that no hostile one costs more than a word to read.
USUAL_ITEMS = (
    rb"\((?:X-GM-THRID (\d{1,20}) X-GM-MSGID (\d{1,20}) )?UID (\d{1,10}) "
    rb'INTERNALDATE "([^"\r\n]{1,40})" BODY\[HEADER\.FIELDS \([^)\r\n]*\)\](?:<\d{1,10}>)? '
)
# A response line of that shape, as imaplib stores it, the header as a literal.
_USUAL = re.compile(rb"\d+ " + USUAL_ITEMS + rb"\{\d+\}\Z")
_MONTHS = {m: i for i, m in enumerate(
    (b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
     b"Dec"), start=1)}
_DATE = re.compile(rb"^ ?(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$")


class Fetched:
    """One message's items: uid, header bytes, arrival time and Gmail ids."""

    __slots__ = ("gm_msgid", "gm_thrid", "header", "internal_date", "uid")

    def __init__(self) -> None:
        self.uid: int | None = None
        self.header: bytes | None = None
        self.internal_date: datetime | None = None
        self.gm_msgid: int | None = None
        self.gm_thrid: int | None = None


def internal_date(text: bytes) -> datetime | None:
    """Return the aware datetime of an INTERNALDATE value, or None if it is malformed."""
    m = _DATE.match(text)
    if m is None:
        return None
    day, name, year, hours, minutes, seconds, sign, zone_hours, zone_minutes = m.groups()
    month = _MONTH_FORMS.get(name) or _MONTHS.get(name.title())
    if month is None:
        return None
    number = _NUMBERS  # a dict lookup a field: int() of bytes costs several times more
    zone = sign + zone_hours + zone_minutes
    shift = _ZONES.get(zone)
    if shift is None:
        offset = number[zone_hours] * 60 + number[zone_minutes]
        if offset >= 24 * 60:
            return None  # no zone is a day or more off UTC
        shift = timedelta(minutes=-offset if sign == b"-" else offset)
        if len(_ZONES) < 200:  # a few zones a mailbox; hostile ones are not kept
            _ZONES[zone] = shift
    try:
        local = datetime(int(year), month, number[day], number[hours], number[minutes],
                         number[seconds], tzinfo=UTC)
        # The wall clock at that offset, made UTC: one subtraction, no zone object.
        return local - shift if shift else local
    except (ValueError, OverflowError):
        return None


# The one- and two-digit fields of an INTERNALDATE, and each zone's offset, read once.
_NUMBERS = {str(n).encode(): n for n in range(10)} | {f"{n:02d}".encode(): n for n in range(100)}
_MONTH_FORMS = {form: n for name, n in _MONTHS.items() for form in (name, name.upper(),
                                                                  name.lower())}
_ZONES: dict[bytes, timedelta] = {}


def _items(text: bytes, record: Fetched) -> bool | None:
    """Read the wanted items of one line into ``record``; return None on a bad value,
    else whether the line announces the header section as a literal.
    """
    literal = False
    for m in _ITEM.finditer(text):
        if m["num"]:
            setattr(record, {b"UID": "uid", b"X-GM-MSGID": "gm_msgid",
                             b"X-GM-THRID": "gm_thrid"}[m["num"]], int(m["value"]))
        elif m["date"] is not None:
            record.internal_date = internal_date(m["date"])
            if record.internal_date is None:
                return None
        elif m["literal"]:
            literal = True
        elif m["quoted"] is not None:
            record.header = re.sub(rb"\\(.)", rb"\1", m["quoted"])
        elif m["nil"]:
            record.header = b""
    return literal


def _with_literal(head: object, literal: object) -> Fetched | None:
    """Return the record a response line and its literal start, or None when they are
    not the header section of a response of our shape."""
    if not isinstance(head, bytes) or not isinstance(literal, bytes):
        return None
    if (m := _USUAL.match(head)) is not None:
        # The shape nearly every response has: read with one match.
        record = usual_record(m)
        if record is None:
            return None
    else:
        record = Fetched()
        # A second literal in one response, or a literal that is not the header
        # section, is not our shape.
        if (not _START.match(head) or not _items(head, record)
                or not head.rstrip().endswith(b"}")):
            return None
    record.header = literal
    return record


def usual_record(m: re.Match[bytes]) -> Fetched | None:
    """Return the record (header not yet set) of a match of ``USUAL_ITEMS``, or None
    when its INTERNALDATE is malformed."""
    when = internal_date(m[4])
    if when is None:
        return None
    record = Fetched()
    record.uid, record.internal_date = int(m[3]), when
    if m[1] is not None:
        record.gm_thrid, record.gm_msgid = int(m[1]), int(m[2])
    return record


def parse(data: list[object]) -> list[Fetched] | None:
    """Given imaplib's data of the FETCH, return one record per message, or None when
    the response has a shape this parser does not know.

    Responses without a UID are unsolicited (a flag changed meanwhile) and dropped.
    """
    records: list[Fetched] = []
    current: Fetched | None = None
    for element in data:
        if isinstance(element, tuple) and len(element) == 2:
            current = _with_literal(*element)
            if current is None:
                return None
            records.append(current)
        elif isinstance(element, bytes):
            if element == b")" and current is not None:
                continue  # the usual end of a response: nothing to read
            if _START.match(element):
                current = Fetched()
                records.append(current)
            elif current is None:
                return None
            if _items(element, current) is None:
                return None
        else:
            return None
    found = [r for r in records if r.uid is not None]
    if any(r.header is None or r.internal_date is None for r in found):
        return None
    return found
