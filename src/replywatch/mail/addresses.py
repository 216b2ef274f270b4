"""Address-list header values -> (display name, address) pairs, leniently and fast.

Nearly every value is ``a@b``, ``Name <a@b>`` or ``"Name" <a@b>``, read with one regex
each; anything else goes to a tokeniser that follows RFC 5322 and forgives what mail
gets wrong (obsolete syntax, unbalanced quotes, groups without ``;``). Like headers.py,
nothing here raises on any input, and every size is capped.

The stdlib address parser (``email.utils.getaddresses``) is not used: it recurses once
per ``(`` or ``:``, so a From of a few thousand of them raises RecursionError.
"""

from __future__ import annotations

import re

from replywatch.mail.encoded import RAW_TEXT_CAP, clean_text, decode_words

MAX_NAME = 200
_MAX_ADDRESS = 320  # 64 local + 255 domain (RFC 3696); nothing real is longer
_RAW_ADDRESS_CAP = 64 * 1024  # read before any work: every later step is linear in it

_ATOM = r"[^\x00-\x20\x7f-\x9f\"(),:;<>@\[\\\]]+"
_ADDRESS_RE = re.compile(
    rf"(?:{_ATOM}|\"(?:[^\"\\\x00-\x1f]|\\.)*\")@(?:{_ATOM}|\[[^\[\]\\\x00-\x20]*\])"
)
# The unquoted display name is matched greedily with its blanks (the caller strips
# them): a lazy name followed by "[ \t]*<" overlaps on blanks and is cubic on a
# value of blanks without "<".
_SIMPLE_MAILBOX_RE = re.compile(
    rf'(?:[ \t]*"([^"\\]*)"[ \t]*|([^"<>()\[\]\\,;:]*))<({_ATOM}@{_ATOM})>[ \t]*'
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
_COMMENT_STOP_RE = re.compile(r"[()\\]")


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


def parse_sender(text: str) -> tuple[str | None, str]:
    """Given a From header value, return (address, display name) of its first mailbox
    with a usable address, read as parse_address_list reads it.

    When no mailbox has one, return (None, the first non-empty name, or "").
    """
    mailboxes = _mailboxes(text)
    for name, raw_address in mailboxes:
        address = normalize_address(raw_address)
        if address is not None:
            return address, name
    # No address, but a name still tells the user who wrote (a thread match needs none).
    return None, next((name for name, _ in mailboxes if name), "")


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
        result.append((clean_text(decode_words(name), MAX_NAME) if name else "", address))
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
            # Obsolete "jane @ x.com": blanks around "@" dropped (split, not a regex
            # "\s*@\s*", which retries at every blank of a long run).
            words = "@".join(p.strip() for p in "".join(raw).split("@")).split()
            with_at = [word for word in words if "@" in word]
            address = with_at[0] if with_at else ""
            rest = [word for word in words if word != address]
            name = " ".join(comments) if comments else " ".join(rest).replace('"', "")
        name = clean_text(decode_words(name[:RAW_TEXT_CAP]), MAX_NAME)
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
