"""Raw RFC 822 bytes -> the start of the first text part, and any calendar invite.

What the classifier reads of a message body (DESIGN.md "What a message says"): the
first ``text/plain`` part, else the first ``text/html`` part reduced to text, decoded
by its transfer encoding and charset, at most 16 KB; plus the raw bytes of a
``text/calendar`` part, which records an interview. Mail is hostile: the input is
capped, the MIME tree is walked without recursion and with bounded depth and part
count, and nothing here raises on any input.
"""

from __future__ import annotations

import email
import email.errors
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message as EmailMessage
from email.policy import compat32

from replywatch.core.domains import domain_of, is_ats
from replywatch.core.htmltext import html_to_text
from replywatch.core.kinds import MailText
from replywatch.core.model import Message
from replywatch.mail.encoded import drop_controls
from replywatch.mail.headers import parse_headers

# The most raw message read. Text parts come first in real mail; a body text that
# starts after a megabyte of attachments is not worth the parse.
MAX_RAW = 1024 * 1024
MAX_TEXT = 16 * 1024
MAX_CALENDAR = 64 * 1024
# A real message nests a few levels (mixed > alternative > related); thousands of
# crafted levels would otherwise cost stack and time.
_MAX_DEPTH = 12
_MAX_PARTS = 200
# The email package checks every line against every open boundary, and nests one
# parser frame per level: crafted nesting is quadratic and ends in RecursionError
# (0.7 s for 1 MB). Real mail declares a handful of boundaries; the message is cut
# before the one past this many.
_MAX_BOUNDARIES = 24
_BOUNDARY_RE = re.compile(rb"boundary", re.IGNORECASE)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NO_REPLY_MARKERS = ("noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
                     "do_not_reply", "notification", "mailer-daemon", "bounce")


@dataclass(frozen=True)
class BodyText:
    """The start of the first text part (HTML reduced), and the raw calendar part."""

    text: str = ""
    calendar: bytes | None = None


def body_text(raw: bytes) -> BodyText:
    """Given a raw RFC 822 message (whole, or cut short by a partial fetch), return the
    start of its first text part and the bytes of its first ``text/calendar`` part.

    text/plain is preferred over text/html; parts marked as attachments are skipped.
    Never raise: unreadable MIME gives an empty BodyText, an unknown charset falls
    back to UTF-8 or Windows-1252.
    """
    raw = raw[:MAX_RAW]
    for count, match in enumerate(_BOUNDARY_RE.finditer(raw)):
        if count == _MAX_BOUNDARIES:
            raw = raw[: match.start()]
            break
    try:
        message = email.message_from_bytes(raw, policy=compat32)
        return _read(message)
    except (email.errors.MessageError, LookupError, ValueError, TypeError,
            UnicodeError, RecursionError, IndexError, AttributeError):
        # The email package is lenient, but crafted nesting or header parameters reach
        # corners of it that raise; a message we cannot read says nothing.
        return BodyText()


def _read(message: EmailMessage) -> BodyText:
    plain: EmailMessage | None = None
    html: EmailMessage | None = None
    calendar: bytes | None = None
    stack: list[tuple[EmailMessage, int]] = [(message, 0)]
    seen = 0
    while stack and seen < _MAX_PARTS:
        part, depth = stack.pop()
        seen += 1
        payload = part.get_payload()
        if isinstance(payload, list):
            if depth < _MAX_DEPTH:
                # Reversed so that the stack pops the parts in document order.
                stack.extend((child, depth + 1) for child in reversed(payload)
                             if isinstance(child, EmailMessage))
            continue
        ctype = part.get_content_type()
        if ctype == "text/calendar" and calendar is None:
            calendar = _payload(part)[:MAX_CALENDAR]
        if _is_attachment(part):
            continue
        if ctype == "text/plain" and plain is None:
            plain = part
        elif ctype == "text/html" and html is None:
            html = part
    if plain is not None:
        text = _decode(plain)
        # A text/plain part that is empty (some HTML mailers send one) says nothing.
        if text.strip() or html is None:
            return BodyText(_clean(text), calendar)
    if html is not None:
        return BodyText(_clean(html_to_text(_decode(html, MAX_TEXT * 16))), calendar)
    return BodyText("", calendar)


def _is_attachment(part: EmailMessage) -> bool:
    disposition = str(part.get("Content-Disposition", "")).strip().lower()
    return disposition.startswith("attachment")


def _payload(part: EmailMessage) -> bytes:
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def _decode(part: EmailMessage, cap: int = MAX_TEXT * 4) -> str:
    """Decode a leaf part's start: transfer encoding, then its charset."""
    data = _payload(part)[:cap]
    charset = part.get_content_charset()
    if charset:
        try:
            return data.decode(charset, "replace")
        except (LookupError, ValueError):
            pass  # unknown or non-text codec: guessed below, as headers are
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return drop_controls(text)[:MAX_TEXT]


def mail_text(raw: bytes) -> MailText:
    """Given a raw RFC 822 message, return what the classifier reads of it; never raise.

    From and Subject come from the header parser the sync uses; ``automated`` is set
    for an ATS or board sender, a no-reply address, and mail with list or
    auto-submitted headers.
    """
    head = parse_headers(raw[:MAX_RAW], folder="", uid=0, internal_date=_EPOCH)
    body = body_text(raw)
    return MailText(
        sender=head.from_addr or "",
        display_name=head.from_name,
        subject=head.subject,
        body=body.text,
        automated=is_automated(head),
        has_calendar=body.calendar is not None,
    )


def is_automated(head: Message) -> bool:
    """Given a message's headers, return True when no person wrote it: an ATS or
    board sender, a no-reply address, or list or auto-submitted headers. The one
    definition for ``replywatch classify`` and the sync's classify step alike.
    """
    sender = head.from_addr or ""
    local = sender.partition("@")[0][:256]
    return (
        is_ats(domain_of(sender))
        or any(marker in local for marker in _NO_REPLY_MARKERS)
        or head.list_id is not None
        or head.list_unsubscribe
        or head.auto_reply
        or head.precedence in ("bulk", "list", "junk")
    )
