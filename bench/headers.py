"""Micro-benchmark: parse_headers against the email package's compat32 header parse.

Parses every message of tests/corpora 20 times with each and prints messages per
second and the ratio, for two inputs: the whole header part of each message, and only
the HEADER_FIELDS lines of it, which is what IMAP returns for HEADER.FIELDS. Each figure
is the best of a few interleaved trials, so that a busy machine disturbs it less. The
baseline only splits the header; parse_headers also decodes addresses, dates and
encoded words. Not a test: numbers vary by machine.

    python bench/headers.py
"""

from __future__ import annotations

import email
import re
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from replywatch.mail.headers import HEADER_FIELDS, parse_headers

CORPORA = Path(__file__).resolve().parents[1] / "tests" / "corpora"
ROUNDS = 20
TRIALS = 5
_FROM_LINE_RE = re.compile(rb"^From .*\r?\n", re.MULTILINE)
_HEADER_END_RE = re.compile(rb"\n\r?\n")
_FIELDS = b"|".join(re.escape(name.encode()) for name in HEADER_FIELDS)
_FIELD_RE = re.compile(rb"^(?:" + _FIELDS + rb")[ \t]*:.*(?:\r?\n[ \t].*)*\r?\n", re.M | re.I)


def corpus_messages(root: Path) -> list[bytes]:
    """Return every raw message of the corpora; imaptest mboxes are split on From_ lines."""
    messages = [
        path.read_bytes()
        for path in sorted((root / "mail-parser").iterdir())
        if path.name.startswith("mail_")
    ]
    messages += [path.read_bytes() for path in sorted((root / "mime4j-mimetools").glob("*.msg"))]
    for path in sorted((root / "imaptest").iterdir()):
        data = path.read_bytes()
        if data.startswith(b"From "):
            messages += [part for part in _FROM_LINE_RE.split(data) if part.strip()]
    return messages


def header_part(raw: bytes) -> bytes:
    """Return raw up to and including its first blank line, as HEADER.FIELDS would."""
    end = _HEADER_END_RE.search(raw)
    return raw[: end.end()] if end else raw


def fields_only(header: bytes) -> bytes:
    """Return the HEADER_FIELDS lines of a header part and a blank line, like IMAP."""
    return b"".join(_FIELD_RE.findall(header)) + b"\r\n"


def rates(parsers: list[Callable[[bytes], object]], headers: list[bytes]) -> list[float]:
    """Return the best messages/second of each parser over TRIALS of ROUNDS passes."""
    best = [0.0] * len(parsers)
    for _ in range(TRIALS):
        for i, parse in enumerate(parsers):
            start = time.perf_counter()
            for _ in range(ROUNDS):
                for raw in headers:
                    parse(raw)
            best[i] = max(best[i], ROUNDS * len(headers) / (time.perf_counter() - start))
    return best


def main() -> int:
    if not CORPORA.is_dir():
        print(f"no corpora at {CORPORA.resolve()}", file=sys.stderr)
        return 1
    headers = [header_part(raw) for raw in corpus_messages(CORPORA)]
    arrived = datetime(2024, 1, 1, tzinfo=UTC)

    def ours(raw: bytes) -> object:
        return parse_headers(raw, folder="INBOX", uid=1, internal_date=arrived)

    def baseline(raw: bytes) -> object:
        return email.message_from_bytes(raw, policy=compat32)

    def baseline_extracting(raw: bytes) -> object:
        # What compat32 needs to reach the same fields: addresses, date, subject.
        msg = email.message_from_bytes(raw, policy=compat32)
        names = ("from", "to", "cc", "reply-to")
        addresses = getaddresses([str(v) for name in names for v in msg.get_all(name, [])])
        try:
            date = parsedate_to_datetime(str(msg.get("date", "")))
        except (TypeError, ValueError):
            date = None
        try:
            subject = str(make_header(decode_header(str(msg.get("subject", "")))))
        except (LookupError, ValueError):
            subject = ""
        return addresses, date, subject

    for label, inputs in (
        ("whole header part", headers),
        ("HEADER.FIELDS lines only", [fields_only(header) for header in headers]),
    ):
        size = sum(map(len, inputs)) / len(inputs)
        print(f"{label}: {len(inputs)} messages, {size:.0f} bytes on average")
        ours_rate, base_rate, full_rate = rates([ours, baseline, baseline_extracting], inputs)
        print(f"  parse_headers                         {ours_rate:9,.0f} messages/s")
        print(f"  message_from_bytes(compat32)          {base_rate:9,.0f} messages/s")
        print(f"  ratio to that baseline                {ours_rate / base_rate:9.2f}x")
        print(f"  compat32 + getaddresses/parsedate/... {full_rate:9,.0f} messages/s")
        print(f"  ratio to that                         {ours_rate / full_rate:9.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
