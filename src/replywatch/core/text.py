"""Cleaning of hostile text, the one place every alert channel gets it from.

Company names, roles, subjects and display names come from mail or from the user:
they may hold terminal escape codes, header-breaking line ends, lone surrogates
from undecodable bytes, or megabytes of text. ``clean_line`` and ``clean_text``
make any string safe to show on a terminal, in a notification, in an email
header or body, and in JSON. Markup is left alone: ``<a href=...>`` stays
literal text, and escaping it is the job of a transport that reads markup.
"""

from __future__ import annotations

import functools
import re

ELLIPSIS = "…"
MAX_LINE_CHARS = 200
MAX_TEXT_CHARS = 2000

# C0 and C1 control characters and DEL: ESC starts terminal escape sequences
# (colours, window titles, cursor moves), BS/CR/VT/FF move the cursor, NUL ends
# D-Bus strings. Also the Unicode line and paragraph separators (they could end a
# header line somewhere along the way) and the bidirectional embedding, override
# and isolate controls, which reorder what is shown ("Trojan Source").
_UNSAFE = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_PATTERNS = {
    "unsafe": f"[{_UNSAFE}]",
    # What a text drops once its line ends are "\n": all of the above but "\n".
    "unsafe_but_newline": f"(?!\n)[{_UNSAFE}]",
    # Line ends a text keeps, as one "\n" each.
    "line_end": "\r\n|[\r\n\x85\u2028\u2029]",
    "blank_lines": r"\n{3,}",
}


@functools.cache
def _pattern(name: str) -> re.Pattern[str]:
    # Compiled when first used, not at every start of the program: most texts a
    # command shows are clean already and never reach a pattern.
    return re.compile(_PATTERNS[name])


def clean_line(text: str, limit: int = MAX_LINE_CHARS) -> str:
    """Given any string, return it as one line of at most ``limit`` characters.

    Lone surrogates become "?", control characters and line ends become spaces,
    runs of whitespace fold into one space, the ends are stripped, and a longer
    result is cut to ``limit`` characters, the last being "…". Idempotent. Raise
    ValueError if ``limit`` is below 1.
    """
    if (0 < len(text) <= limit and text.isprintable() and "  " not in text
            and text[0] != " " and text[-1] != " "):
        # Clean already, as most names are: no control, format or separator character,
        # no lone surrogate, no whitespace but single inner spaces (str.isprintable
        # rules out all the others), and short enough. `status` cleans thousands.
        return text
    return _cleaned_line(text, limit)


def _cleaned_line(text: str, limit: int) -> str:
    text = _pattern("unsafe").sub(" ", _valid_unicode(text))
    return _cap(" ".join(text.split()), limit)


def clean_text(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Given any string, return it as lines of plain text, at most ``limit`` characters.

    Lone surrogates become "?", every line end becomes "\\n", a tab becomes a space,
    other control characters are dropped, more than one blank line in a row folds
    into one, and a longer result is cut to ``limit`` characters, the last being
    "…". Idempotent. Raise ValueError if ``limit`` is below 1.
    """
    text = _pattern("line_end").sub("\n", _valid_unicode(text)).replace("\t", " ")
    text = _pattern("unsafe_but_newline").sub("", text)
    return _cap(_pattern("blank_lines").sub("\n\n", text), limit)


def _valid_unicode(text: str) -> str:
    # Mail decoded with surrogateescape holds lone surrogates: they cannot be
    # encoded as UTF-8 (SMTP, D-Bus, JSON consumers would fail on them).
    return text.encode("utf-8", "replace").decode("utf-8")


def _cap(text: str, limit: int) -> str:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS
