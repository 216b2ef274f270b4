"""Small readers of IMAP's wire format that need no IMAP library: numbers in a
SELECT or STATUS answer, an ESEARCH ALL set, a UID sequence set, and a closed socket.
"""

from __future__ import annotations

import os
import socket
from array import array
from collections.abc import Iterable, Sequence
from typing import Any


def raise_if_closed(sock: socket.socket) -> bool:
    """Raise ConnectionError if the peer closed or reset the connection under ``sock``;
    else return True if bytes wait unread on it.

    Peeks at the raw TCP socket without consuming anything (TLS records included):
    end of stream means closed; a reset raises; no data yet means alive.
    """
    with socket.socket(fileno=os.dup(sock.fileno())) as raw:
        try:
            data = raw.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
        except BlockingIOError:
            return False
    if not data:
        raise ConnectionAbortedError("connection closed by the server")
    return True


def numbers(info: Any) -> dict[str, int]:
    """Return the integer items of a SELECT or STATUS response, by name."""
    out: dict[str, int] = {}
    for key in (b"UIDVALIDITY", b"UIDNEXT", b"EXISTS", b"HIGHESTMODSEQ"):
        if key in info:
            value = info[key]
            out[key.decode()] = int(value[0] if isinstance(value, list | tuple) else value)
    return out


def parse_esearch_all(reply: str) -> list[int]:
    """Given an ESEARCH reply (``(TAG "A1") UID ALL 1:3,7``), return the UIDs of its ALL
    set, in order; an empty list when it has none (nothing matched). Ranges are
    expanded: the set describes at most one SEARCH_WINDOW of messages.
    """
    words = reply.split()
    if "ALL" not in (w.upper() for w in words):
        return []
    text = words[[w.upper() for w in words].index("ALL") + 1] if len(words) > 1 else ""
    uids: list[int] = []
    for part in text.split(","):
        low, _, high = part.partition(":")
        if not low.isdigit() or (high and not high.isdigit()):
            continue  # a malformed part is dropped, not guessed
        start, end = sorted((int(low), int(high or low)))
        uids.extend(range(start, end + 1))
    return uids


def uid_array(windows: Iterable[list[int]]) -> array[int]:
    """Given the UIDs found window by window, return them all sorted, without
    repeats, in an array (8 bytes a UID, not a 36-byte int object and its pointer:
    a first pass over 200,000 messages holds them until its last FETCH).

    Message numbers follow UIDs, so windows searched in order give sorted UIDs; an
    answer out of order (RFC 4731 allows it) costs one sort.
    """
    uids: array[int] = array("Q")
    for found in windows:
        uids.extend(found)
    if any(uids[i] >= uids[i + 1] for i in range(len(uids) - 1)):
        uids = array("Q", sorted(set(uids)))
    return uids


def sequence_set(uids: Sequence[int]) -> str:
    """Return a compact IMAP sequence set of sorted UIDs: [1, 2, 3, 7] -> "1:3,7"."""
    parts: list[str] = []
    run_start = prev = uids[0]
    for uid in uids[1:]:
        if uid != prev + 1:
            parts.append(f"{run_start}:{prev}" if prev != run_start else str(prev))
            run_start = uid
        prev = uid
    parts.append(f"{run_start}:{prev}" if prev != run_start else str(prev))
    return ",".join(parts)


def int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
