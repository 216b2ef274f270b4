"""The start of a message's text: which MIME parts to fetch, and how to decode them.

Only messages matched to an application have their text read. ``choose_parts``
reads a BODYSTRUCTURE (as nested tuples, imapclient's shape) and picks the first
text part — plain preferred, else HTML — and the first ``text/calendar`` part;
``decode_part`` turns at most ``PART_CAP`` fetched bytes into text. Mail is
hostile: the walk is bounded in depth and parts, decoding never raises, and a
part cut short by the partial fetch decodes as far as it goes.
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass

from replywatch.core.htmltext import html_to_text
from replywatch.mail.encoded import decode_base64, decode_charset

PART_CAP = 16 * 1024  # bytes fetched of one part (a partial fetch: <0.16384>)
MAX_DEPTH = 8  # nested multiparts walked; real mail nests three or four deep
MAX_PARTS = 200  # parts looked at in one message


@dataclass(frozen=True)
class Part:
    """One MIME part to fetch: its section number ("1", "2.1"), type and encoding."""

    section: str
    subtype: str  # "plain", "html" or "calendar"
    encoding: str
    charset: str


@dataclass(frozen=True)
class Choice:
    """The parts worth reading of one message, and the names of its attachments."""

    text: Part | None = None
    calendar: Part | None = None
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class MailBody:
    """What was read of one message: the start of its text, its calendar invite, and
    the file names of its attachments (a CV tells an application apart)."""

    text: str = ""
    calendar: str | None = None
    attachments: tuple[str, ...] = ()


def _str(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("ascii", "replace").lower()
    return str(value).lower() if value is not None else ""


def _params(value: object) -> dict[str, str]:
    if not isinstance(value, tuple | list):
        return {}
    items = [_str(v) for v in value]
    return dict(zip(items[0::2], items[1::2], strict=False))


def _is_attachment(node: tuple[object, ...] | list[object]) -> bool:
    # Extension data of a text part: md5 at 8, disposition at 9.
    disposition = node[9] if len(node) > 9 else None
    return isinstance(disposition, tuple | list) and bool(disposition) and (
        _str(disposition[0]) == "attachment")


def choose_parts(structure: object) -> Choice:
    """Given a BODYSTRUCTURE as nested tuples, return the text and calendar parts.

    The text part is the first inline ``text/plain``, else the first inline
    ``text/html``; attached messages (``message/rfc822``) are not looked into.
    """
    plain: Part | None = None
    html: Part | None = None
    calendar: Part | None = None
    names: list[str] = []
    stack: list[tuple[str, object, int]] = [("", structure, 0)]
    seen = 0
    while stack and seen < MAX_PARTS:
        prefix, node, depth = stack.pop()
        seen += 1
        if not isinstance(node, tuple | list) or not node:
            continue
        if isinstance(node[0], list | tuple):  # multipart: children, then subtype
            if depth >= MAX_DEPTH:
                continue
            children = node[0] if isinstance(node[0], list) else [
                child for child in node if isinstance(child, list | tuple)]
            for i in reversed(range(len(children))):  # a stack: first child on top
                section = f"{prefix}.{i + 1}" if prefix else str(i + 1)
                stack.append((section, children[i], depth + 1))
            continue
        name = _file_name(node)
        if name and len(names) < MAX_NAMES:
            names.append(name)
        if len(node) < 7 or _str(node[0]) != "text":
            continue
        subtype = _str(node[1])
        part = Part(prefix or "1", subtype, _str(node[5]), _params(node[2]).get("charset", ""))
        if subtype == "calendar":
            calendar = calendar or part
        elif _is_attachment(node):
            continue
        elif subtype == "plain":
            plain = plain or part
        elif subtype == "html":
            html = html or part
    return Choice(text=plain or html, calendar=calendar, attachments=tuple(names))


MAX_NAMES = 20
MAX_NAME_CHARS = 200


def _file_name(node: tuple[object, ...] | list[object]) -> str:
    """Return a part's file name (lower-cased): the disposition's ``filename``, else
    the type's ``name`` parameter; "" when it has none.

    RFC 3501 puts the disposition after the body fields: at 8 for a basic part, at 9
    for text (after its line count), at 11 for an attached message.
    """
    kind = _str(node[0])
    at = 9 if kind == "text" else 11 if kind == "message" else 8
    disposition = node[at] if len(node) > at else None
    if isinstance(disposition, tuple | list) and len(disposition) > 1:
        name = _params(disposition[1]).get("filename", "")
        if name:
            return name[:MAX_NAME_CHARS]
    return _params(node[2]).get("name", "")[:MAX_NAME_CHARS] if len(node) > 2 else ""


def decode_part(part: Part, data: bytes) -> str:
    """Given a part and its first bytes (at most ``PART_CAP``), return its text.

    Base64 and quoted-printable are undone (a cut-off tail is dropped), the
    declared charset applied (unknown: UTF-8, else Windows-1252), and HTML is
    reduced to text. Never raises.
    """
    data = data[:PART_CAP]
    if part.encoding == "base64":
        raw = decode_base64(data.decode("ascii", "replace")) or b""
    elif part.encoding == "quoted-printable":
        cut = data.rfind(b"=", max(0, len(data) - 2))
        if cut != -1 and len(data) - cut < 3:  # "=A" or "=" cut by the partial fetch
            data = data[:cut]
        raw = binascii.a2b_qp(data)
    else:
        raw = data
    text = decode_charset(raw, part.charset)
    if part.subtype == "html":
        text = html_to_text(text)
    return text
