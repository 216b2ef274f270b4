"""Header text as mail writes it -> clean str: RFC 2047 words, undeclared 8-bit, cleaning.

Shared by headers.py (subjects, list ids, keywords, ids) and addresses.py (display
names). Like them, nothing here raises on any input: a word that cannot be decoded is
kept as written, and a charset that is unknown falls back to UTF-8 or Windows-1252.
"""

from __future__ import annotations

import binascii
import re

# The most raw text decoded for one value; every later step is linear in it, and no real
# header needs more (a 500-char subject is at most ~12 chars per char when Q-encoded).
RAW_TEXT_CAP = 16 * 1024

_ENCODED_WORD_RE = re.compile(r"=\?([^?\s]*)\?([bBqQ])\?([^?]*)\?=")
_NOT_BASE64_RE = re.compile(r"[^A-Za-z0-9+/]")
# Control characters that are not whitespace, and lone surrogates (utf-7 can make them):
# dropped. Whitespace of any kind is folded to one space after that.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff]")
_SPACE_RE = re.compile(r"\s+")


def decode_words(text: str) -> str:
    """Given header text, return it with its RFC 2047 encoded words decoded; never raise.

    Adjacent words of one charset are joined before decoding, since encoders split a
    multi-byte character across words; blanks between encoded words are dropped. A word
    that cannot be decoded is kept as written.
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


def repair_8bit(value: str) -> str:
    """Given a value decoded from UTF-8 with ``surrogateescape``, return it with the bytes
    that were not UTF-8 (undeclared legacy 8-bit) re-decoded; other values as they are.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _decode_legacy(value.encode("utf-8", "surrogateescape"))
    return value


def clean_text(text: str, cap: int) -> str:
    """Given decoded text, return it without control characters, with whitespace folded
    to single blanks, stripped, and cut to at most ``cap`` characters.
    """
    text = _SPACE_RE.sub(" ", _CONTROL_RE.sub("", text)).strip()
    return text[:cap].rstrip()


def drop_controls(text: str) -> str:
    """Given text, return it without the characters that clean_text drops."""
    return _CONTROL_RE.sub("", text)


def _decode_legacy(data: bytes) -> str:
    """Decode bytes of unknown charset: UTF-8 if valid, else Windows-1252.

    Undeclared 8-bit mail is, in practice, Latin-1/Windows-1252 (the WHATWG default);
    that keeps the "ø" of a Norwegian company name where "replace" would not.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


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


# Codecs that are no mail charset and cost more than linear time on crafted input.
_NOT_CHARSETS = frozenset({"punycode", "idna"})


def _decode_charset(data: bytes, charset: str) -> str:
    if charset and charset not in _NOT_CHARSETS:
        try:
            return data.decode(charset, "replace")
        except (LookupError, ValueError):
            # Unknown or non-text codecs ("x-unknown", "zlib") raise LookupError; a few
            # ("idna") refuse errors="replace" with a ValueError.
            pass
    return _decode_legacy(data)


def decode_base64(text: str) -> bytes | None:
    """Given base64 text (whitespace and junk allowed, possibly cut short), return its
    bytes, or None if it cannot be decoded.
    """
    return _decode_b(text)


def decode_charset(data: bytes, charset: str) -> str:
    """Given bytes and their declared charset ("" if none), return text; never raise."""
    return _decode_charset(data, charset)
