"""fetchread.send then receive answers exactly as imaplib's own ``uid("FETCH", ...)``.

Against the real Dovecot (plain and TLS, with unsolicited EXISTS and flag changes in
the reply), and against a byte-replaying server for the shapes Dovecot never sends:
Gmail's item order, several literals in one response, a BYE in the middle, replies cut
into 1-byte TCP writes, a literal larger than anything asked.
"""

from __future__ import annotations

import imaplib
import random
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from replywatch.mail import fetchread
from replywatch.mail.imap import _HEADER_ITEM
from tests.corpus import corpus_messages, header_part
from tests.servers.dovecot import LocalDovecot

WHEN = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)


def uid_fetch(imap: imaplib.IMAP4, *args: str) -> tuple[str, list[Any]]:
    """Send UID FETCH and read its answer, as the product does with a batch between."""
    return fetchread.receive(imap, fetchread.send(imap, *args))
WANTED = f"({_HEADER_ITEM} INTERNALDATE)"


def _session(dovecot: LocalDovecot, user: str, *, tls_context: ssl.SSLContext | None = None
             ) -> imaplib.IMAP4:
    if tls_context is None:
        imap = imaplib.IMAP4(dovecot.host, dovecot.port)
    else:
        imap = imaplib.IMAP4_SSL(dovecot.host, dovecot.tls_port, ssl_context=tls_context)
    imap.login(user, dovecot.password)
    imap.select("INBOX", readonly=True)
    return imap


def _seed(dovecot: LocalDovecot, user: str) -> int:
    messages = [header_part(raw) for _, raw in corpus_messages()]
    for n, raw in enumerate(messages):
        dovecot.add_message(user, raw + b"body\r\n", internal_date=WHEN + timedelta(minutes=n))
    return len(messages)


def test_fetchread_same_answer_as_imaplib_on_dovecot(dovecot: LocalDovecot,
                                                      imap_user: str) -> None:
    count = _seed(dovecot, imap_user)
    theirs, ours = _session(dovecot, imap_user), _session(dovecot, imap_user)
    try:
        for uid_set in (f"1:{count}", "2,4,6:9", f"{count + 5}:{count + 9}", "1"):
            expected = theirs.uid("FETCH", uid_set, WANTED)
            assert expected == uid_fetch(ours, uid_set, WANTED)
            assert theirs.untagged_responses == ours.untagged_responses
    finally:
        theirs.logout()
        ours.logout()


def test_fetchread_reads_fetch_responses_itself(dovecot: LocalDovecot, imap_user: str) -> None:
    count = _seed(dovecot, imap_user)
    ours = _session(dovecot, imap_user)
    generic = []
    imaplib_reader = ours._get_response

    def counted() -> Any:
        generic.append(1)
        return imaplib_reader()

    ours._get_response = counted  # type: ignore[attr-defined]
    try:
        typ, data = uid_fetch(ours, f"1:{count}", WANTED)
    finally:
        ours.logout()
    assert "OK" == typ
    assert count == sum(isinstance(item, tuple) for item in data)
    # imaplib read the tagged completion, and a response only where its first bytes
    # were cut by the end of the read buffer (a few per hundred).
    assert 1 <= len(generic) <= 1 + count // 20


def test_fetchread_same_answer_over_tls(dovecot: LocalDovecot, imap_user: str,
                                        tls_files: Any) -> None:
    _seed(dovecot, imap_user)
    context = ssl.create_default_context(cafile=str(tls_files.ca_cert))
    theirs = _session(dovecot, imap_user, tls_context=context)
    ours = _session(dovecot, imap_user, tls_context=context)
    try:
        assert theirs.uid("FETCH", "1:*", WANTED) == uid_fetch(ours, "1:*", WANTED)
    finally:
        theirs.logout()
        ours.logout()


def _flag_and_deliver(dovecot: LocalDovecot, user: str) -> imaplib.IMAP4:
    """As another client, flag message 2 and deliver one more; return that session.
    The sessions open already hear of both in their next reply (a flag FETCH and an
    EXISTS, before the tagged OK)."""
    writer = imaplib.IMAP4(dovecot.host, dovecot.port)
    writer.login(user, dovecot.password)
    writer.select("INBOX")
    writer.uid("STORE", "2", "+FLAGS", r"(\Flagged)")
    writer.append("INBOX", None, None, b"From: x@example.com\r\nSubject: new\r\n\r\nhi\r\n")
    return writer


def test_fetchread_keeps_unsolicited_exists_and_flags(dovecot: LocalDovecot,
                                                       imap_user: str) -> None:
    count = _seed(dovecot, imap_user)
    theirs, ours = _session(dovecot, imap_user), _session(dovecot, imap_user)
    writer = _flag_and_deliver(dovecot, imap_user)
    try:
        expected = theirs.uid("FETCH", f"1:{count}", WANTED)
        actual = uid_fetch(ours, f"1:{count}", WANTED)
        assert expected == actual
        assert any(b"FLAGS" in item for item in actual[1] if isinstance(item, bytes))
        assert str(count + 1).encode() == ours.untagged_responses["EXISTS"][-1]
        assert theirs.untagged_responses == ours.untagged_responses
    finally:
        for imap in (writer, theirs, ours):
            imap.logout()


# -- shapes Dovecot never sends, replayed byte for byte ---------------------------------

GREETING = b"* OK [CAPABILITY IMAP4rev1] replay ready\r\n"
SHAPES = {
    "gmail order": (
        b'* 1 FETCH (X-GM-THRID 55 X-GM-MSGID 66 UID 7 INTERNALDATE "01-Nov-2026 10:00:00'
        b' +0000" BODY[HEADER.FIELDS (FROM)]<0> {9}\r\nFrom: a\r\n)\r\n'),
    "items after the literal, two literals": (
        b"* 1 FETCH (BODY[HEADER.FIELDS (FROM)] {9}\r\nFrom: a\r\n BODY[TEXT] {2}\r\nhi"
        b' UID 7 INTERNALDATE "01-Nov-2026 10:00:00 +0000")\r\n'),
    "empty literal, quoted, NIL, no data": (
        b"* 1 FETCH (UID 7 BODY[HEADER] {0}\r\n)\r\n"
        b'* 2 FETCH (UID 8 BODY[HEADER] "a")\r\n* 3 FETCH (UID 9 BODY[HEADER] NIL)\r\n'
        b"* 4 FETCH\r\n* 5 FETCH \r\n"),
    "interleaved untagged": (
        b"* 1 FETCH (UID 7 BODY[HEADER] {3}\r\nabc)\r\n* 9 EXISTS\r\n* 2 EXPUNGE\r\n"
        b"* OK [ALERT] mind the gap\r\n* 1 FETCH (FLAGS (\\Seen))\r\n"
        b"* 3 FETCHED nothing\r\n"),
    "nothing found": b"",
}


class Replay:
    """A server on 127.0.0.1 that logs anyone in and answers every UID FETCH with
    ``body`` then ``tagged`` under its tag (or hangs up after the body, with
    ``tagged=None``), in writes of ``chunk`` bytes."""

    def __init__(self, body: bytes, *, chunk: int = 0, tagged: bytes | None = b"OK done"
                 ) -> None:
        self.body, self.chunk, self.tagged = body, chunk, tagged
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _send(self, conn: socket.socket, data: bytes) -> None:
        if not self.chunk:
            conn.sendall(data)
            return
        for start in range(0, len(data), self.chunk):
            conn.sendall(data[start:start + self.chunk])

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    def _talk(self, conn: socket.socket) -> None:
        # A client done with a test may close while an answer is still being written,
        # or with bytes unread: a broken pipe or a reset, not news.
        with conn, suppress(ConnectionError):
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn.sendall(GREETING)
            for line in conn.makefile("rb"):
                tag, _, rest = line.partition(b" ")
                if rest.upper().startswith(b"UID FETCH"):
                    if self.tagged is None:
                        self._send(conn, self.body)
                        return
                    self._send(conn, self.body + tag + b" " + self.tagged + b"\r\n")
                elif rest.upper().startswith(b"LOGOUT"):
                    conn.sendall(b"* BYE bye\r\n" + tag + b" OK bye\r\n")
                    return
                else:
                    conn.sendall(tag + b" OK done\r\n")

    def close(self) -> None:
        self._listener.close()


@contextmanager
def replay(body: bytes, **options: Any) -> Iterator[Replay]:
    server = Replay(body, **options)
    try:
        yield server
    finally:
        server.close()


def _replay_session(port: int) -> imaplib.IMAP4:
    imap = imaplib.IMAP4("127.0.0.1", port)
    imap.login("u", "p")
    imap.select("INBOX", readonly=True)
    return imap


def _both(body: bytes, **options: Any) -> tuple[Any, Any, imaplib.IMAP4, imaplib.IMAP4]:
    """Return imaplib's answer and ours to the same replayed bytes, and both sessions."""
    with replay(body, **options) as server:
        theirs, ours = _replay_session(server.port), _replay_session(server.port)
        outcomes: list[Any] = []
        calls: list[tuple[imaplib.IMAP4, Callable[[], Any]]] = [
            (theirs, lambda: theirs.uid("FETCH", "1:*", "(X)")),
            (ours, lambda: uid_fetch(ours, "1:*", "(X)"))]
        for imap, call in calls:
            try:
                outcomes.append(call())
            except (imap.abort, imap.error) as exc:
                outcomes.append((type(exc).__name__, str(exc).rsplit(" => ", 1)[-1]))
        return outcomes[0], outcomes[1], theirs, ours


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("chunk", [0, 1, 7])
def test_fetchread_same_answer_as_imaplib_on_replayed_shapes(shape: str, chunk: int) -> None:
    expected, actual, theirs, ours = _both(SHAPES[shape], chunk=chunk)
    assert expected == actual
    assert theirs.untagged_responses == ours.untagged_responses


def test_fetchread_same_answer_on_random_cuts() -> None:
    body = b"".join(SHAPES.values())
    for seed in range(5):
        chunk = random.Random(seed).randint(2, 40)
        expected, actual, theirs, ours = _both(body, chunk=chunk)
        assert expected == actual
        assert theirs.untagged_responses == ours.untagged_responses


@pytest.mark.parametrize("tagged", [b"NO [SERVERBUG] broken", b"BAD what"])
def test_fetchread_refusal_as_imaplib(tagged: bytes) -> None:
    expected, actual, _, _ = _both(SHAPES["gmail order"], tagged=tagged)
    assert expected == actual


def test_fetchread_bye_then_hang_up_reported_as_imaplib() -> None:
    expected, actual, _, _ = _both(
        b"* 1 FETCH (UID 7 BODY[HEADER] {3}\r\nabc)\r\n* BYE going away\r\n", tagged=None)
    assert ("abort", "going away") == (actual[0], actual[1][-10:])
    assert expected == actual


def test_fetchread_literal_cut_short_is_an_abort() -> None:
    expected, actual, _, _ = _both(b"* 1 FETCH (UID 7 BODY[HEADER] {50}\r\nabc", tagged=None)
    assert "abort" == actual[0]
    assert "abort" == expected[0]


def test_fetchread_oversized_literal_kept_to_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetchread, "MAX_LITERAL", 16)
    big = b"x" * 100
    body = b"* 1 FETCH (UID 7 BODY[HEADER] {100}\r\n" + big + b" UID 7)\r\n"
    with replay(body, chunk=9) as server:
        ours = _replay_session(server.port)
        typ, data = uid_fetch(ours, "1:*", "(X)")
    assert "OK" == typ
    assert [(b"1 (UID 7 BODY[HEADER] {100}", b"x" * 16), b" UID 7)"] == data


# -- records read straight from the buffer ------------------------------------------------

def _as_records(data: list[Any]) -> list[tuple[Any, ...]]:
    """What the product keeps of imaplib-shaped FETCH data, by the product's parsers."""
    from replywatch.mail import fetchparse
    from replywatch.mail.imap import _fallback

    if data == [None]:
        return []
    parsed = fetchparse.parse(data)
    return _rows(_fallback(data) if parsed is None else parsed)


def _rows(records: list[Any]) -> list[tuple[Any, ...]]:
    # A message the server sent no INTERNALDATE for arrived "now" (imap._aware).
    now = datetime.now(UTC)
    return [(r.uid, "now" if r.internal_date and abs(r.internal_date - now) < timedelta(
        minutes=1) else r.internal_date, r.header, r.gm_msgid, r.gm_thrid) for r in records]


def _uid(row: tuple[Any, ...]) -> tuple[int, str]:
    return (row[0] or 0, repr(row))


def _imaplib_rows(imap: imaplib.IMAP4) -> tuple[str, list[tuple[Any, ...]]]:
    typ, data = imap.uid("FETCH", "1:*", "(X)")
    return typ, sorted(_as_records(data), key=_uid)


def _records_rows(imap: imaplib.IMAP4) -> tuple[str, list[tuple[Any, ...]]]:
    typ, rows, _ = records_fetch(imap, "1:*", "(X)")
    return typ, sorted(rows, key=_uid)


def records_fetch(imap: imaplib.IMAP4, *args: str) -> tuple[str, list[tuple[Any, ...]], int]:
    """UID FETCH with records: return the status, every message's row (records first,
    then what was read as lines), and how many came as records."""
    records: list[Any] = []
    typ, data = fetchread.receive(imap, fetchread.send(imap, *args), records)
    return typ, _rows(records) + _as_records(data), len(records)


def test_records_same_messages_as_imaplib_on_dovecot(dovecot: LocalDovecot,
                                                     imap_user: str) -> None:
    count = _seed(dovecot, imap_user)
    theirs, ours = _session(dovecot, imap_user), _session(dovecot, imap_user)
    try:
        typ, expected = theirs.uid("FETCH", f"1:{count}", WANTED)
        got_typ, rows, taken = records_fetch(ours, f"1:{count}", WANTED)
        assert (typ, sorted(_as_records(expected))) == (got_typ, sorted(rows))
        assert count == len(rows)
        # Read whole from the buffer, but for the few its end cuts.
        assert taken >= count * 0.8
        assert theirs.untagged_responses == ours.untagged_responses
    finally:
        theirs.logout()
        ours.logout()


def test_records_keep_unsolicited_responses_for_imaplib(dovecot: LocalDovecot,
                                                        imap_user: str) -> None:
    count = _seed(dovecot, imap_user)
    ours = _session(dovecot, imap_user)
    writer = _flag_and_deliver(dovecot, imap_user)
    try:
        typ, rows, _ = records_fetch(ours, f"1:{count}", WANTED)
        assert "OK" == typ
        assert list(range(1, count + 1)) == sorted(row[0] for row in rows)
        assert str(count + 1).encode() == ours.untagged_responses["EXISTS"][-1]
    finally:
        writer.logout()
        ours.logout()


USUAL = (
    b'* 1 FETCH (UID 7 INTERNALDATE "01-Nov-2026 10:00:00 +0100" BODY[HEADER.FIELDS (FROM)]'
    b" {9}\r\nFrom: a\r\n)\r\n"
    b'* 2 FETCH (X-GM-THRID 55 X-GM-MSGID 66 UID 8 INTERNALDATE "01-Nov-2026 10:00:00'
    b' +0000" BODY[HEADER.FIELDS (FROM)]<0> {0}\r\n)\r\n')
RECORD_SHAPES = {
    **SHAPES,
    "usual": USUAL,
    "usual, then items after the literal": USUAL + (
        b'* 3 FETCH (UID 9 INTERNALDATE "01-Nov-2026 10:00:00 +0000" BODY[HEADER.FIELDS'
        b' (FROM)] {9}\r\nFrom: b\r\n FLAGS (\\Seen))\r\n'),
    "usual head, impossible date": (
        b'* 1 FETCH (UID 5 INTERNALDATE "31-Feb-2026 10:00:00 +0000" BODY[HEADER.FIELDS'
        b" (FROM)] {9}\r\nFrom: a\r\n)\r\n") + USUAL,
    "usual head, a literal longer than announced": (
        b'* 1 FETCH (UID 7 INTERNALDATE "01-Nov-2026 10:00:00 +0000" BODY[HEADER.FIELDS'
        b" (FROM)] {3}\r\nFrom: a\r\n)\r\n"),
    "usual, between untagged": b"* 9 EXISTS\r\n" + USUAL + b"* 2 EXPUNGE\r\n" + USUAL,
}


@pytest.mark.parametrize("shape", sorted(RECORD_SHAPES))
@pytest.mark.parametrize("chunk", [0, 1, 7, 61])
def test_records_same_messages_as_imaplib_on_replayed_shapes(shape: str, chunk: int) -> None:
    with replay(RECORD_SHAPES[shape], chunk=chunk) as server:
        theirs, ours = _replay_session(server.port), _replay_session(server.port)
        outcomes: list[Any] = []
        # In any order: a response cut by the buffer's end is read (as lines) after the
        # whole ones that follow it, and nothing downstream reads a batch in order.
        calls: list[Callable[[], Any]] = [lambda: _imaplib_rows(theirs),
                                          lambda: _records_rows(ours)]
        for call in calls:
            try:
                outcomes.append(call())
            except (imaplib.IMAP4.abort, imaplib.IMAP4.error) as exc:
                outcomes.append((type(exc).__name__, str(exc).rsplit(" => ", 1)[-1]))
        assert outcomes[0] == outcomes[1]
        assert {k: v for k, v in theirs.untagged_responses.items() if k != "FETCH"} == {
            k: v for k, v in ours.untagged_responses.items() if k != "FETCH"}


def test_records_of_the_usual_shape_skip_imaplib_and_the_parser() -> None:
    with replay(USUAL * 3) as server:
        ours = _replay_session(server.port)
        records: list[Any] = []
        typ, data = fetchread.receive(ours, fetchread.send(ours, "1:*", "(X)"), records)
    assert ("OK", [None]) == (typ, data)
    assert [(7, WHEN - timedelta(hours=1), b"From: a\r\n", None, None),
            (8, WHEN, b"", 66, 55)] * 3 == _rows(records)


def test_records_same_messages_on_random_cuts() -> None:
    # Shapes fetchparse reads as a list: imapclient's fallback keeps one message a UID.
    body = (USUAL * 10 + RECORD_SHAPES["usual, then items after the literal"]
            + b"* 9 EXISTS\r\n* 2 EXPUNGE\r\n" + USUAL * 10)
    for seed in range(5):
        chunk = random.Random(seed).randint(2, 40)
        with replay(body, chunk=chunk) as server:
            theirs, ours = _replay_session(server.port), _replay_session(server.port)
            assert _imaplib_rows(theirs) == _records_rows(ours)
