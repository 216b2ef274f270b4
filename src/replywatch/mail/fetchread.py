"""imaplib's ``UID FETCH``, with the FETCH responses read by a lean loop.

imaplib reads every response line through a chain of generic steps: the tagged
pattern, the two untagged patterns, the literal pattern and a debug log entry,
each a Python call. On a first pass over a large mailbox that is two lines and a
literal per message, a sixth of the pass. Here a line that starts as an untagged
FETCH response is read directly, with imaplib's own patterns, into imaplib's own
``untagged_responses``, exactly as imaplib would store it; any other line (the
tagged completion, EXISTS, EXPUNGE, BYE, anything unexpected) is left to imaplib's
``_get_response``. ``receive(imap, send(imap, ...))`` answers as
``IMAP4.uid("FETCH", ...)`` does; the two halves let other work go between.

Faster still, a caller that takes records (``receive(..., records)``) has each whole
response of the usual shape (``fetchparse``'s) that already lies in the connection's
read buffer read with one match, straight into a record: no line split, no imaplib
shape, no second parse. Whatever else comes, or a response the buffer holds only part
of, is read line by line as above.
"""

from __future__ import annotations

import re
from typing import Any

from replywatch.mail.fetchparse import USUAL_ITEMS, Fetched, usual_record

# The start of an untagged FETCH response, as far as imaplib's Untagged_status reads
# it: "* 12 FETCH (...". Anything else in the buffer goes to imaplib.
_FETCH = re.compile(rb"\* (\d+) FETCH(?: |\r)")
_PEEK = 32  # bytes enough to see "* <number> FETCH "
MAX_LITERAL = 1 << 20  # what one literal may hold here; the header asked is far less
# One whole response of the usual shape (fetchparse.USUAL_ITEMS), up to its literal:
# then the literal and ")\r\n" must follow. Group 5: the literal's size.
_USUAL_RESPONSE = re.compile(rb"\* \d{1,10} FETCH " + USUAL_ITEMS + rb"\{(\d{1,9})\}\r\n")
_RESPONSE_END = b")\r\n"


def send(imap: Any, *args: str) -> bytes:
    """Given an ``imaplib.IMAP4`` in the selected state and UID FETCH's arguments (the
    UID set and the items), send the command; return its tag, for ``receive``.

    The answer may be received after other work: the server writes it meanwhile. Any
    other command must wait until it has been received.
    """
    tag: bytes = imap._command("UID", "FETCH", *args)
    return tag


def receive(imap: Any, tag: bytes, records: list[Fetched] | None = None
            ) -> tuple[str, list[Any]]:
    """Read the answer to the UID FETCH sent under ``tag``; return ``(typ, data)``
    exactly as ``imap.uid("FETCH", ...)`` does. Raise what imaplib raises:
    ``imap.abort`` on a dropped or garbled connection, ``imap.error`` on BAD, OSError on
    a timeout.

    With ``records``, each response of the usual shape is appended there as a record
    instead, in the order read, and left out of ``data`` (``[None]`` when that is all).
    """
    stored: list[Any] = imap.untagged_responses.setdefault("FETCH", [])
    file, tagged = imap.file, imap.tagged_commands
    literal = imap.Literal
    while tagged[tag] is None:
        head = file.peek(_PEEK)  # all that is buffered (one read first if nothing is)
        if records is not None and (taken := _take(head, records)):
            file.read(taken)
            continue
        if not _FETCH.match(head):
            imap._check_bye()  # as imaplib's loop: a BYE is reported, not an EOF
            imap._get_response()  # the tagged completion, or another response
            continue
        dat = _line(imap)
        # As imaplib: the number, a space and what follows "FETCH ".
        number, _, rest = dat[2:].partition(b" FETCH")
        dat = number + b" " + rest[1:] if rest[1:] else number
        while (m := literal.match(dat)) is not None:
            stored.append((dat, _literal(imap, int(m.group("size")))))
            dat = _line(imap)
        stored.append(dat)
    if not stored:
        imap.untagged_responses.pop("FETCH", None)  # as imaplib: no FETCH, no key
    return _complete(imap, tag)


def _take(buffer: bytes, records: list[Fetched]) -> int:
    """Read the whole responses of the usual shape at the start of ``buffer`` into
    ``records``; return how many bytes they fill (0: the first is none)."""
    position = 0
    while (m := _USUAL_RESPONSE.match(buffer, position)) is not None:
        start, size = m.end(), int(m[5])
        end = start + size
        record = usual_record(m)
        if buffer[end:end + 3] != _RESPONSE_END or record is None or size > MAX_LITERAL:
            break  # cut off where the buffer ends, or not our shape: read as lines
        record.header = buffer[start:end]
        records.append(record)
        position = end + 3
    return position


def _literal(imap: Any, size: int) -> bytes:
    """Read a literal of ``size`` bytes; keep at most MAX_LITERAL of them (we ask for
    less: a server announcing more must not make us hold it), read in pieces."""
    if size <= MAX_LITERAL:
        data: bytes = imap.read(size)
        if len(data) != size:
            raise imap.abort("socket error: EOF in a literal")
        return data
    kept, left = b"", size
    while left:
        piece = imap.read(min(left, MAX_LITERAL))
        if not piece:
            raise imap.abort("socket error: EOF in a literal")
        kept = kept or piece
        left -= len(piece)
    return kept[:MAX_LITERAL]


def _line(imap: Any) -> bytes:
    """Read one response line without its CRLF, as imaplib's ``_get_line``."""
    line: bytes = imap.readline()
    if not line:
        raise imap.abort("socket error: EOF")
    if not line.endswith(b"\r\n"):
        raise imap.abort(f"socket error: unterminated line: {line[:80]!r}")
    return line[:-2]


def _complete(imap: Any, tag: bytes) -> tuple[str, list[Any]]:
    """Finish the command as imaplib's ``uid`` does: BYE, BAD, then the FETCH data."""
    imap._check_bye()
    typ, data = imap.tagged_commands.pop(tag)
    imap._check_bye()
    if typ == "BAD":
        raise imap.error(f"UID command error: {typ} {data}")
    result: tuple[str, list[Any]] = imap._untagged_response(typ, data, "FETCH")
    return result
