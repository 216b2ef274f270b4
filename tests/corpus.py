"""The mail corpora in tests/corpora (see its README): real spam, broken MIME, odd addresses."""

from __future__ import annotations

import re
from pathlib import Path

CORPORA = Path(__file__).resolve().parent / "corpora"
_FROM_LINE_RE = re.compile(rb"^From .*\r?\n", re.MULTILINE)
_HEADER_END_RE = re.compile(rb"\n\r?\n")


def corpus_messages() -> list[tuple[str, bytes]]:
    """Return (name, raw) of every corpus message; imaptest mboxes split on From_ lines.

    Raise FileNotFoundError if the corpora are missing: they are part of the repository.
    """
    found = [
        (path.name, path.read_bytes())
        for path in sorted((CORPORA / "mail-parser").iterdir())
        if path.name.startswith("mail_")
    ]
    found += [
        (path.name, path.read_bytes())
        for path in sorted((CORPORA / "mime4j-mimetools").glob("*.msg"))
    ]
    for path in sorted((CORPORA / "imaptest").glob("*.mbox")):
        data = path.read_bytes()
        if data.startswith(b"From "):
            parts = [part for part in _FROM_LINE_RE.split(data) if part.strip()]
            found += [(f"{path.name}#{n}", part) for n, part in enumerate(parts, 1)]
    return found


def header_part(raw: bytes) -> bytes:
    """Return the header block of a raw message (up to and with the blank line)."""
    end = _HEADER_END_RE.search(raw)
    return raw[: end.end()] if end else raw
