"""Raw header bytes -> Message: fast, and robust to whatever arrives in a mailbox.

IMAP hands over the fields of HEADER_FIELDS as raw bytes. Running them through the
``email`` package costs 12x (compat32) to 55x (policy.default) the fetch itself, so this
module splits the lines itself, reads only the fields it needs, and decodes RFC 2047
words only where ``=?`` occurs. Mail is hostile: nothing here raises on any input, and
every size is capped so that a crafted header cannot stall a sync pass.

Address lists are read by addresses.py, encoded words and 8-bit text by encoded.py;
this module owns the header block, message ids, dates and keyword fields.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache

from replywatch.core.model import MAX_HEADER_BYTES, Message, RawMessage, message_key
from replywatch.core.rawfields import Fields
from replywatch.mail.addresses import MAX_NAME, normalize_address, parse_address_list, parse_sender
from replywatch.mail.encoded import (
    RAW_TEXT_CAP,
    clean_text,
    decode_words,
    drop_controls,
    repair_8bit,
)

# MAX_NAME, normalize_address and parse_address_list were defined here before
# addresses.py took them over; callers still import them from here.
__all__ = [
    "HEADER_FIELDS",
    "MAX_ADDRESSES",
    "MAX_HEADER_BYTES",
    "MAX_NAME",
    "MAX_REFERENCES",
    "MAX_SUBJECT",
    "normalize_address",
    "parse_address_list",
    "parse_headers",
    "peek_message_id",
]


HEADER_FIELDS: tuple[str, ...] = (
    "From",
    "To",
    "Cc",
    "Reply-To",
    "Date",
    "Subject",
    "Message-ID",
    "In-Reply-To",
    "References",
    "List-Id",
    "List-Unsubscribe",
    "Auto-Submitted",
    "Precedence",
    # Auto-reply markers beyond RFC 3834. A false "auto-reply" hides a recruiter's real
    # answer, the worst failure of this product, so only headers that autoresponders put
    # on their *own* messages count: X-Autoreply (Gmail's vacation responder sets
    # "yes", next to Auto-Submitted) and X-Autorespond (cPanel, BoxTrapper).
    # X-Auto-Response-Suppress is left out on purpose: it asks the *receiver* not to
    # auto-answer, and Outlook/Exchange, newsletters and ATS senders put it on ordinary
    # mail written by people; helpdesk tools that filtered on it lost real mail.
    "X-Autoreply",
    "X-Autorespond",
)

MAX_REFERENCES = 100  # the nearest ancestors are the ones a thread match needs
# Recipients kept per message: the user's own mail to a contact names them among the
# first few; 10,000 recipients must not make a Message (and every match) 10,000 long.
MAX_ADDRESSES = 500
MAX_SUBJECT = 500
_MAX_ID = 998  # RFC 5322 line limit: a longer "id" is junk, not an id
_MAX_KEYWORD = 64
_MAX_LIST_ID = 255
# Raw lengths read before any work: every later step is linear in them, and no real
# header needs more.
_RAW_DATE_CAP = 256
_ID_WINDOW = 8 * 1024
# 100 real ids fill 10-20 KiB; a header that needs more than this to hold 100 distinct
# ones is junk (one id repeated), and reading further back would not change a match.
_MAX_ID_SCAN = 512 * 1024

_WANTED = "|".join(re.escape(name) for name in HEADER_FIELDS)
# One header: its name at a line start, optional blanks before the colon (obsolete
# syntax), and every continuation line that follows it.
_FIELD_RE = re.compile(rf"^({_WANTED})[ \t]*:(.*(?:\n[ \t].*)*)", re.MULTILINE | re.IGNORECASE)
_HEADER_END_RE = re.compile(rb"\n\r?\n")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ID_RE = re.compile(r"<([^<>]*)>")
_ID_SPLIT_RE = re.compile(r"[\s,]+")
_KEYWORD_END_RE = re.compile(r"[\s;(]")
_DATE_RE = re.compile(
    r"(?:[A-Za-z]{3}, ?)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d\d):(\d\d)(?::(\d\d))?"
    r" ([+-])(\d\d)(\d\d)(?: \([^()]*\))?"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_NOT_AUTO = frozenset({None, "no", "false", "0", "off"})


def parse_headers(
    raw: bytes,
    *,
    folder: str,
    uid: int,
    internal_date: datetime,
    gm_msgid: int | None = None,
    gm_thrid: int | None = None,
) -> Message:
    """Given the raw header bytes of one message, return its Message. Never raise.

    ``raw`` is what ``BODY.PEEK[HEADER.FIELDS (...)]`` returns; a whole message works
    too (reading stops at the first blank line). Missing or unreadable fields get the
    Message defaults; a blank field counts as missing. For a header that occurs more
    than once, address lists and ids are merged; any other field takes its first
    occurrence. A naive ``internal_date`` is taken as local time, as imapclient
    returns it; an aware one is converted to UTC.
    """
    fields = _split_fields(raw)
    from_value = _first(fields, "from")
    from_addr, from_name = parse_sender(from_value) if from_value is not None else (None, "")
    auto_submitted = _keyword(_first(fields, "auto-submitted"))
    precedence = _keyword(_first(fields, "precedence"))
    auto_reply = (
        (auto_submitted is not None and auto_submitted != "no")
        or precedence in ("auto_reply", "auto-reply")
        or _keyword(_first(fields, "x-autoreply")) not in _NOT_AUTO
        or _keyword(_first(fields, "x-autorespond")) not in _NOT_AUTO
    )
    message_id = _first(fields, "message-id")
    return Message(
        folder=folder,
        uid=uid,
        internal_date=_to_utc(internal_date),
        message_id=_first_id(message_id) if message_id else None,
        from_addr=from_addr,
        from_name=from_name,
        to=_addresses(fields, "to", "cc"),
        reply_to=_addresses(fields, "reply-to"),
        date=_parse_date(_first(fields, "date")),
        subject=_subject(fields),
        in_reply_to=_ids(fields, "in-reply-to"),
        references=_ids(fields, "references"),
        list_id=_list_id(_first(fields, "list-id")),
        list_unsubscribe="list-unsubscribe" in fields,
        auto_submitted=auto_submitted,
        precedence=precedence,
        auto_reply=auto_reply,
        gm_msgid=gm_msgid,
        gm_thrid=gm_thrid,
    )


def _subject(fields: dict[str, list[str]]) -> str:
    subject = _first(fields, "subject")
    return clean_text(decode_words(subject[:RAW_TEXT_CAP]), MAX_SUBJECT) if subject else ""


def peek_sender(raw: bytes) -> tuple[str | None, str]:
    """Return the sender's address and the subject of raw header bytes, exactly as
    ``parse_headers`` reads them, without reading the other fields: what deciding
    whether the user's own mail could be proposed needs (a third of a parse).
    """
    fields = _split_fields(raw)
    from_value = _first(fields, "from")
    return (parse_sender(from_value)[0] if from_value is not None else None,
            _subject(fields))


_MESSAGE_ID_FIELD = Fields(rb"message-id")


def peek_message_id(raw: bytes) -> str | None:
    """Return the Message-ID of raw header bytes, exactly as ``parse_headers`` would,
    without parsing the rest: what deduplicating a message needs, for every message.
    """
    end = _HEADER_END_RE.search(raw)
    block = raw[: end.start() + 1] if end else raw
    if raw.startswith((b"\n", b"\r\n")):
        return None
    for folded in _MESSAGE_ID_FIELD.values(block):
        value = folded.replace(b"\r\n", b"").replace(b"\n", b"")
        if value and not value.isspace():
            if value.isascii():
                return _first_id(value.decode("ascii"))
            # Rare 8-bit junk: let the full parser decide, so both agree.
            return parse_headers(raw, folder="", uid=0, internal_date=_EPOCH).message_id
    return None


def _split_fields(raw: bytes) -> dict[str, list[str]]:
    """Return the unfolded, non-blank values of the wanted fields, by lower-cased name."""
    if raw.startswith((b"\n", b"\r\n")):
        return {}
    end = _HEADER_END_RE.search(raw)
    block = raw[: end.start() + 1] if end else raw
    try:
        text, has_8bit = block.decode("utf-8"), False
    except UnicodeDecodeError:
        text, has_8bit = block.decode("utf-8", "surrogateescape"), True
    fields: dict[str, list[str]] = {}
    for name, folded in _FIELD_RE.findall(text.replace("\r\n", "\n")):
        value = folded.replace("\n", "")  # unfolding: drop the line break, keep the blank
        if not value or value.isspace():
            continue
        if has_8bit and not value.isascii():
            value = repair_8bit(value)
        key = name.lower()
        if key in fields:
            fields[key].append(value)
        else:
            fields[key] = [value]
    return fields


def _first(fields: dict[str, list[str]], name: str) -> str | None:
    values = fields.get(name)
    return values[0] if values else None


def _addresses(fields: dict[str, list[str]], *names: str) -> tuple[str, ...]:
    """Return the first MAX_ADDRESSES distinct addresses of the named address-list
    fields, in order.
    """
    found: dict[str, None] = {}
    for name in names:
        for value in fields.get(name, ()):
            for _, address in parse_address_list(value):
                found[address] = None
                if len(found) == MAX_ADDRESSES:
                    return tuple(found)
    return tuple(found)


def _ids(fields: dict[str, list[str]], name: str) -> tuple[str, ...]:
    """Return the last MAX_REFERENCES distinct ids of the named id-list fields."""
    values = fields.get(name)
    if not values:
        return ()
    if len(values) == 1:
        return tuple(_msg_ids(values[0]))
    return tuple(_last_distinct([i for value in values for i in _msg_ids(value)]))


def _msg_ids(value: str) -> list[str]:
    """Return the last MAX_REFERENCES distinct ids of an id-list value (see _last_distinct).

    Only a tail window is scanned, grown until it holds enough ids (at most
    _MAX_ID_SCAN), so a 1 MB References header costs little; keeping each id at its
    last occurrence makes the result the same whatever the window. Ids are written in
    angle brackets; a value without any is taken as blank-separated ids with an "@".
    """
    bracketed = "<" in value
    window = _ID_WINDOW
    while True:
        start = max(0, len(value) - window)
        tail = value[start:]
        if bracketed:
            found = _ID_RE.findall(tail)
        else:
            words = _ID_SPLIT_RE.split(tail)
            found = [word for word in words[1 if start else 0 :] if "@" in word]
        ids = _last_distinct(found)
        if start == 0 or len(ids) >= MAX_REFERENCES or window >= _MAX_ID_SCAN:
            return ids
        window *= 4


def _last_distinct(found: list[str]) -> list[str]:
    """Return the last MAX_REFERENCES distinct clean ids, each at its last occurrence.

    References run from the thread's root to the parent: the latest mention of an id is
    its nearest place to this message. Exact repeats are dropped before any cleaning,
    so that a header of one id repeated 100,000 times costs little.
    """
    kept: dict[str, None] = {}
    for raw_id in dict.fromkeys(reversed(found)):
        clean = _clean_id(raw_id)
        if clean and clean not in kept:
            kept[clean] = None
            if len(kept) == MAX_REFERENCES:
                break
    ids = list(kept)
    ids.reverse()
    return ids


def _first_id(value: str) -> str | None:
    head = value[:_ID_WINDOW]
    match = _ID_RE.search(head)
    if match is not None:
        return _clean_id(match[1]) or None
    words = head.split(maxsplit=1)
    return _clean_id(words[0] if words else "") or None


def _clean_id(text: str) -> str:
    if not (text.isascii() and text.isprintable() and " " not in text):
        # Printable ASCII with no blank (nearly every id) has nothing to drop.
        text = drop_controls("".join(text.split()))
    return text if len(text) <= _MAX_ID else ""


def _keyword(value: str | None) -> str | None:
    """Return the lower-cased first word of a keyword field, or None when it is blank.

    Parameters and comments are dropped ("auto-replied; owner=..."); an empty marker is
    no evidence, so it reads as absent.
    """
    if value is None:
        return None
    word = _KEYWORD_END_RE.split(value.strip(), maxsplit=1)[0]
    return clean_text(word, _MAX_KEYWORD).lower() or None


def _list_id(value: str | None) -> str | None:
    """Return the id of a List-Id value, or its cleaned text when it has no <id>."""
    if value is None:
        return None
    value = value[:RAW_TEXT_CAP]
    match = _ID_RE.search(value)
    if match and match[1].strip():
        return clean_text(match[1], _MAX_LIST_ID)
    return clean_text(decode_words(value), _MAX_LIST_ID) or None


def _parse_date(value: str | None) -> datetime | None:
    """Return a Date value as an aware datetime in UTC, or None if it cannot be read.

    Without a zone (``-0000``, or an unknown name like CET) the time is taken as UTC.
    """
    if value is None:
        return None
    text = " ".join(value[:_RAW_DATE_CAP].split())
    try:
        parsed = _rfc5322_date(text) or _lenient_date(text)
        if parsed is None:
            return None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):  # out of range, e.g. year 1 at +01:00 in UTC
        return None


def _rfc5322_date(text: str) -> datetime | None:
    """Read the one shape nearly every Date has, in a fraction of parsedate's time."""
    match = _DATE_RE.fullmatch(text)
    month = _MONTHS.get(match[2].lower()) if match else None
    if match is None or month is None:
        return None
    minutes = int(match[8]) * 60 + int(match[9])
    if minutes >= 24 * 60:  # datetime allows offsets strictly inside +-24 h only
        return None
    day, year, hour, minute = map(int, match.group(1, 3, 4, 5))
    second = int(match[6]) if match[6] else 0
    zone = _zone(-minutes if match[7] == "-" else minutes)
    return datetime(year, month, day, hour, minute, second, tzinfo=zone)


@lru_cache(maxsize=2 * 24 * 60)
def _zone(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


def _lenient_date(text: str) -> datetime | None:
    """Read any other shape the stdlib knows (obsolete zones, 2-digit years) or ISO 8601."""
    from email.utils import parsedate_to_datetime  # here: rare, and costly to import

    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return datetime.fromisoformat(text)  # some robots write ISO 8601
    except ValueError:
        return None


def _to_utc(moment: datetime) -> datetime:
    if moment.tzinfo is UTC:
        return moment
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError, OSError):
        return moment.replace(tzinfo=UTC)


def parse_raw(raw: RawMessage) -> Message:
    """Return the parsed message of one read or stored unparsed."""
    return parse_headers(raw.header, folder=raw.folder, uid=raw.uid,
                         internal_date=raw.internal_date, gm_msgid=raw.gm_msgid,
                         gm_thrid=raw.gm_thrid)


def raw_key(raw: RawMessage) -> str:
    """Return the key that deduplicates a message seen in several folders.

    When its Message-ID cannot be read (a bug meeting a hostile header), the key
    falls back to folder and UID: a sync must never fail on one message; matching
    meets it again and sets it aside if it still fails.
    """
    if raw.gm_msgid is not None:  # Gmail's own id is the key: its Message-ID is not read
        return message_key(raw.gm_msgid, None, raw.folder, raw.uid)
    try:
        message_id = peek_message_id(raw.header[:MAX_HEADER_BYTES])
    except Exception:  # one hostile message must not stop a sync
        message_id = None
    return message_key(None, message_id, raw.folder, raw.uid)
