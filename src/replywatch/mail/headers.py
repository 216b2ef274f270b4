"""Raw header bytes -> Message: fast, and robust to whatever arrives in a mailbox.

IMAP hands over the fields of HEADER_FIELDS as raw bytes. Running them through the
``email`` package costs 12x (compat32) to 55x (policy.default) the fetch itself, so this
module splits the lines itself, reads only the fields it needs, and decodes RFC 2047
words only where ``=?`` occurs. Mail is hostile: nothing here raises on any input, and
every size is capped so that a crafted header cannot stall a sync pass.

The stdlib address parser (``email.utils.getaddresses``) is not used: it recurses once
per ``(`` or ``:``, so a From of a few thousand of them raises RecursionError.
"""

from __future__ import annotations

import binascii
import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache

from replywatch.model import Message

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
MAX_SUBJECT = 500
MAX_NAME = 200
_MAX_ID = 998  # RFC 5322 line limit: a longer "id" is junk, not an id
_MAX_ADDRESS = 320  # 64 local + 255 domain (RFC 3696); nothing real is longer
_MAX_KEYWORD = 64
_MAX_LIST_ID = 255
# Raw lengths read before any work: every later step is linear in them, and no real
# header needs more (a 500-char subject is at most ~12 chars per char when Q-encoded).
_RAW_TEXT_CAP = 16 * 1024
_RAW_ADDRESS_CAP = 64 * 1024
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
_ENCODED_WORD_RE = re.compile(r"=\?([^?\s]*)\?([bBqQ])\?([^?]*)\?=")
_NOT_BASE64_RE = re.compile(r"[^A-Za-z0-9+/]")
# Control characters that are not whitespace, and lone surrogates (utf-7 can make them):
# dropped. Whitespace of any kind is folded to one space after that.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff]")
_SPACE_RE = re.compile(r"\s+")
_ID_RE = re.compile(r"<([^<>]*)>")
_ID_SPLIT_RE = re.compile(r"[\s,]+")
_ATOM = r"[^\x00-\x20\x7f-\x9f\"(),:;<>@\[\\\]]+"
_ADDRESS_RE = re.compile(
    rf"(?:{_ATOM}|\"(?:[^\"\\\x00-\x1f]|\\.)*\")@(?:{_ATOM}|\[[^\[\]\\\x00-\x20]*\])"
)
_SIMPLE_MAILBOX_RE = re.compile(
    rf'[ \t]*(?:"([^"\\]*)"|([^"<>()\[\]\\,;:]*?))[ \t]*<({_ATOM}@{_ATOM})>[ \t]*'
    rf"|[ \t]*({_ATOM}@{_ATOM})[ \t]*"
)
_ADDRESS_TOKEN_RE = re.compile(
    r"""
      (?P<quoted>"(?:[^"\\]|\\.)*"?)            # unterminated: runs to the end
    | (?P<angle><[^>]*>?)
    | (?P<literal>\[[^\]]*\]?)
    | (?P<word>=\?[^?\s]*\?[bBqQ]\?[^?]*\?=)    # kept whole: broken encoders leave , and "
    | (?P<sep>[,;:])
    | (?P<comment>\()
    | (?P<text>[^"<\[,;:(=]+|=)
    """,
    re.VERBOSE | re.DOTALL,
)
_FLAT_COMMENT_RE = re.compile(r"\([^()]*\)")
_SPACED_AT_RE = re.compile(r"\s*@\s*")
_COMMENT_STOP_RE = re.compile(r"[()\\]")
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
    from_addr, from_name = _sender(_first(fields, "from"))
    auto_submitted = _keyword(_first(fields, "auto-submitted"))
    precedence = _keyword(_first(fields, "precedence"))
    auto_reply = (
        (auto_submitted is not None and auto_submitted != "no")
        or precedence in ("auto_reply", "auto-reply")
        or _keyword(_first(fields, "x-autoreply")) not in _NOT_AUTO
        or _keyword(_first(fields, "x-autorespond")) not in _NOT_AUTO
    )
    subject = _first(fields, "subject")
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
        subject=_clean(_decode_words(subject[:_RAW_TEXT_CAP]), MAX_SUBJECT) if subject else "",
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


_MESSAGE_ID_FIELD_RE = re.compile(
    rb"^message-id[ \t]*:(.*(?:\r?\n[ \t].*)*)", re.MULTILINE | re.IGNORECASE
)


def peek_message_id(raw: bytes) -> str | None:
    """Return the Message-ID of raw header bytes, exactly as ``parse_headers`` would,
    without parsing the rest: what deduplicating a message needs, for every message.
    """
    end = _HEADER_END_RE.search(raw)
    block = raw[: end.start() + 1] if end else raw
    if raw.startswith((b"\n", b"\r\n")):
        return None
    for folded in _MESSAGE_ID_FIELD_RE.findall(block):
        value = folded.replace(b"\r\n", b"").replace(b"\n", b"")
        if value and not value.isspace():
            if value.isascii():
                return _first_id(value.decode("ascii"))
            # Rare 8-bit junk: let the full parser decide, so both agree.
            return parse_headers(raw, folder="", uid=0, internal_date=_EPOCH).message_id
    return None


def normalize_address(text: str) -> str | None:
    """Given an address as written, return it as lower-cased ``local@domain``, or None.

    Surrounding blanks and angle brackets, a ``mailto:`` prefix and a trailing dot of
    the domain are dropped; a plus tag is kept (matching decides what it means). None
    when what is left is not one plausible address.
    """
    text = text.strip().strip("<>").strip()
    if text[:7].lower() == "mailto:":
        text = text[7:]
    if len(text) > _MAX_ADDRESS or not _ADDRESS_RE.fullmatch(text):
        return None
    local, _, domain = text.rpartition("@")
    domain = domain.rstrip(".")
    return f"{local}@{domain}".lower() if domain else None


def parse_address_list(text: str) -> list[tuple[str, str]]:
    """Given an address-list header value, return its (display name, address) pairs.

    Names are RFC 2047-decoded and cleaned ("" when absent); addresses are normalised
    by normalize_address, and entries without a usable one are left out. Groups are
    flattened; order is kept. Input beyond 64 KiB is ignored.
    """
    return [
        (name, address)
        for name, raw_address in _mailboxes(text)
        if (address := normalize_address(raw_address)) is not None
    ]


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
            value = _repair_8bit(value)
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
    """Return the distinct addresses of the named address-list fields, in order."""
    found: dict[str, None] = {}
    for name in names:
        for value in fields.get(name, ()):
            for _, address in parse_address_list(value):
                found[address] = None
    return tuple(found)


def _ids(fields: dict[str, list[str]], name: str) -> tuple[str, ...]:
    """Return the last MAX_REFERENCES distinct ids of the named id-list fields."""
    values = fields.get(name)
    if not values:
        return ()
    if len(values) == 1:
        return tuple(_msg_ids(values[0]))
    return tuple(_last_distinct([i for value in values for i in _msg_ids(value)]))


def _repair_8bit(value: str) -> str:
    """Re-decode a value that held bytes which are not UTF-8 (undeclared legacy 8-bit)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _decode_legacy(value.encode("utf-8", "surrogateescape"))
    return value


def _decode_legacy(data: bytes) -> str:
    """Decode bytes of unknown charset: UTF-8 if valid, else Windows-1252.

    Undeclared 8-bit mail is, in practice, Latin-1/Windows-1252 (the WHATWG default);
    that keeps the "ø" of a Norwegian company name where "replace" would not.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _decode_words(text: str) -> str:
    """Decode the RFC 2047 encoded words in text, leniently; never raise.

    Adjacent words of one charset are joined before decoding, since encoders split a
    multi-byte character across words; blanks between encoded words are dropped.
    """
    if "=?" not in text:
        return text
    out: list[str] = []
    pending = bytearray()
    pending_charset: str | None = None
    pos = 0
    for match in _ENCODED_WORD_RE.finditer(text):
        gap = text[pos : match.start()]
        if pending_charset is None or (gap and not gap.isspace()):
            if pending_charset is not None:
                out.append(_decode_charset(bytes(pending), pending_charset))
                pending_charset = None
            out.append(gap)
        charset = match[1].partition("*")[0].lower()  # RFC 2231 adds "*language"
        data = _decode_b(match[3]) if match[2] in "bB" else _decode_q(match[3])
        if data is None:
            if pending_charset is not None:
                out.append(_decode_charset(bytes(pending), pending_charset))
                pending_charset = None
            out.append(match[0])  # undecodable: as written beats nothing
        elif charset == pending_charset:
            pending += data
        else:
            if pending_charset is not None:
                out.append(_decode_charset(bytes(pending), pending_charset))
            pending, pending_charset = bytearray(data), charset
        pos = match.end()
    if pending_charset is not None:
        out.append(_decode_charset(bytes(pending), pending_charset))
    out.append(text[pos:])
    return "".join(out)


def _decode_b(text: str) -> bytes | None:
    core = _NOT_BASE64_RE.sub("", text)
    if len(core) % 4 == 1:  # a lone trailing sextet carries no whole byte
        core = core[:-1]
    try:
        return binascii.a2b_base64(core + "=" * (-len(core) % 4))
    except binascii.Error:
        return None


def _decode_q(text: str) -> bytes:
    return binascii.a2b_qp(text.encode("utf-8", "replace"), header=True)


def _decode_charset(data: bytes, charset: str) -> str:
    if charset:
        try:
            return data.decode(charset, "replace")
        except (LookupError, ValueError):
            # Unknown or non-text codecs ("x-unknown", "zlib") raise LookupError; a few
            # ("idna") refuse errors="replace" with a ValueError.
            pass
    return _decode_legacy(data)


def _clean(text: str, cap: int) -> str:
    """Drop control characters, fold whitespace, strip, and cap at ``cap`` characters."""
    text = _SPACE_RE.sub(" ", _CONTROL_RE.sub("", text)).strip()
    return text[:cap].rstrip()


def _mailboxes(text: str) -> list[tuple[str, str]]:
    """Split an address list into (clean display name, raw address) pairs, leniently."""
    if len(text) > _RAW_ADDRESS_CAP:  # cut at a comma, not inside an address
        cut = text.rfind(",", 0, _RAW_ADDRESS_CAP)
        text = text[: cut if cut > 0 else _RAW_ADDRESS_CAP]
    simple = _simple_mailboxes(text)
    return simple if simple is not None else _general_mailboxes(text)


def _simple_mailboxes(text: str) -> list[tuple[str, str]] | None:
    """Read the shapes nearly every header has (``a@b``, ``Name <a@b>``, ``"Name" <a@b>``,
    comma-separated) with one regex each; None when any part needs the general parser.

    The result equals _general_mailboxes(text) whenever it is not None (tested).
    """
    # Quotes, comments and encoded words may hide a comma: those go whole or not at all.
    parts = [text] if '"' in text or "(" in text or "=?" in text else text.split(",")
    result: list[tuple[str, str]] = []
    for part in parts:
        match = _SIMPLE_MAILBOX_RE.fullmatch(part)
        if match is None:
            if part.strip():
                return None
            continue  # "a@b,,c@d": nothing between the commas
        name = match[1] if match[1] is not None else match[2]
        address = match[3] or match[4]
        result.append((_clean(_decode_words(name), MAX_NAME) if name else "", address))
    return result


def _general_mailboxes(text: str) -> list[tuple[str, str]]:
    """Tokenise an address list like RFC 5322 says, and forgive what mail gets wrong.

    A ":" starts a group only when a ";" follows it; otherwise it is text, since a
    "Company: Hiring Team <jobs@x>" display name is far more common than a group in
    mail that breaks the rules.
    """
    tokens = _address_tokens(text)
    last_semicolon = max((i for i, (kind, value) in enumerate(tokens) if value == ";"), default=-1)
    result: list[tuple[str, str]] = []
    phrase: list[str] = []
    raw: list[str] = []
    comments: list[str] = []
    angle: str | None = None

    def flush() -> None:
        nonlocal angle
        if angle is not None:
            if "(" in angle:  # obsolete syntax allows comments inside the brackets
                angle = _FLAT_COMMENT_RE.sub("", angle)
            address = "".join(angle.split()).rpartition(":")[2]  # drop a route or mailto:
            name = "".join(phrase)
            if not name.strip():
                name = " ".join(comments)  # "<jane@x> (Jane Doe)"
        else:
            words = _SPACED_AT_RE.sub("@", "".join(raw)).split()  # obsolete "jane @ x.com"
            with_at = [word for word in words if "@" in word]
            address = with_at[0] if with_at else ""
            rest = [word for word in words if word != address]
            name = " ".join(comments) if comments else " ".join(rest).replace('"', "")
        name = _clean(_decode_words(name[:_RAW_TEXT_CAP]), MAX_NAME)
        if name or address:
            result.append((name, address))
        phrase.clear()
        raw.clear()
        comments.clear()
        angle = None

    for i, (kind, value) in enumerate(tokens):
        if kind == "comment":
            comments.append(value)
        elif kind == "angle":
            angle = value[1:].removesuffix(">")
        elif value in (",", ";") and kind == "sep":
            flush()
        elif value == ":" and kind == "sep" and i < last_semicolon:
            phrase.clear()  # a group's name: its members are what count
            raw.clear()
            comments.clear()
        else:
            raw.append(value)
            phrase.append(_unquote(value) if kind == "quoted" else value)
    flush()
    return result


def _address_tokens(text: str) -> list[tuple[str, str]]:
    """Return (kind, text) tokens of an address list; nested comments are one token."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    size = len(text)
    while pos < size:
        match = _ADDRESS_TOKEN_RE.match(text, pos)
        if match is None:  # unreachable: the alternatives cover every character
            break
        kind = match.lastgroup or "text"
        if kind == "comment":
            end = _comment_end(text, match.end())
            tokens.append(("comment", text[match.end() : end].removesuffix(")")))
            pos = end
        else:
            tokens.append((kind, match[0]))
            pos = match.end()
    return tokens


def _comment_end(text: str, pos: int) -> int:
    """Return the index just past the ")" that closes a comment opened before pos."""
    depth = 1
    while depth:
        stop = _COMMENT_STOP_RE.search(text, pos)
        if stop is None:
            return len(text)
        pos = stop.end()
        if stop[0] == "(":
            depth += 1
        elif stop[0] == ")":
            depth -= 1
        else:
            pos += 1  # a backslash quotes the next character
    return min(pos, len(text))


def _unquote(quoted: str) -> str:
    inner = quoted[1:].removesuffix('"') if len(quoted) > 1 else ""
    return re.sub(r"\\(.)", r"\1", inner) if "\\" in inner else inner


def _sender(value: str | None) -> tuple[str | None, str]:
    """Return (address, display name) of the first usable mailbox of a From value."""
    if value is None:
        return None, ""
    mailboxes = _mailboxes(value)
    for name, raw_address in mailboxes:
        address = normalize_address(raw_address)
        if address is not None:
            return address, name
    # No address, but a name still tells the user who wrote (a thread match needs none).
    return None, next((name for name, _ in mailboxes if name), "")


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
    words = head.split()
    return _clean_id(match[1] if match else words[0] if words else "") or None


def _clean_id(text: str) -> str:
    text = _CONTROL_RE.sub("", "".join(text.split()))
    return text if len(text) <= _MAX_ID else ""


def _keyword(value: str | None) -> str | None:
    """Return the lower-cased first word of a keyword field, or None when it is blank.

    Parameters and comments are dropped ("auto-replied; owner=..."); an empty marker is
    no evidence, so it reads as absent.
    """
    if value is None:
        return None
    word = _KEYWORD_END_RE.split(value.strip(), maxsplit=1)[0]
    return _clean(word, _MAX_KEYWORD).lower() or None


def _list_id(value: str | None) -> str | None:
    """Return the id of a List-Id value, or its cleaned text when it has no <id>."""
    if value is None:
        return None
    value = value[:_RAW_TEXT_CAP]
    match = _ID_RE.search(value)
    if match and match[1].strip():
        return _clean(match[1], _MAX_LIST_ID)
    return _clean(_decode_words(value), _MAX_LIST_ID) or None


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
