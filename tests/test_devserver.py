"""The local Dovecot and its fixtures, exercised with stdlib imaplib only."""

from __future__ import annotations

import imaplib
import os
import re
import select
import ssl
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.servers.dovecot import DovecotError, LocalDovecot
from tests.tls import make_self_signed

TIMEOUT = 5.0
MSG = (
    b"From: Hiring <jobs@example.com>\r\nSubject: %s\r\nMessage-ID: <%s@example.com>\r\n\r\nHi\r\n"
)


def message(subject: str) -> bytes:
    return MSG % (subject.encode(), subject.encode())


@pytest.fixture
def imap(dovecot: LocalDovecot, imap_user: str) -> Iterator[imaplib.IMAP4]:
    """A plain-port session logged in as the test's fresh user."""
    client = imaplib.IMAP4(dovecot.host, dovecot.port, timeout=TIMEOUT)
    client.login(imap_user, dovecot.password)
    yield client
    client.logout()


def fetch_all(client: imaplib.IMAP4, folder: str) -> list[tuple[str, datetime, bool]]:
    """(subject, INTERNALDATE, seen) of every message in ``folder``, in UID order."""
    typ, _ = client.select(folder, readonly=True)
    assert typ == "OK"
    typ, data = client.uid(
        "FETCH", "1:*", "(FLAGS INTERNALDATE BODY.PEEK[HEADER.FIELDS (SUBJECT)])"
    )
    assert typ == "OK"
    found = []
    for item in data:
        if not isinstance(item, tuple):
            continue
        meta = item[0].decode()
        date = re.search(r'INTERNALDATE "([^"]+)"', meta)
        assert date
        subject = item[1].decode().strip().removeprefix("Subject: ")
        when = datetime.strptime(date[1], "%d-%b-%Y %H:%M:%S %z")
        found.append((subject, when, "\\Seen" in meta))
    return found


def special_use(client: imaplib.IMAP4) -> dict[str, str]:
    """Special-use attribute -> folder name, from LIST "" "*"."""
    typ, data = client.list()
    assert typ == "OK"
    uses = {}
    for line in data:
        assert isinstance(line, bytes)
        m = re.match(rb'\(([^)]*)\) "." (.+)', line)
        assert m, line
        for flag in m[1].split():
            if flag in (b"\\Sent", b"\\Drafts", b"\\Junk", b"\\Trash", b"\\Archive"):
                uses[flag.decode()] = m[2].decode()
    return uses


# --- connecting ----------------------------------------------------------------


def test_plain_login(dovecot: LocalDovecot, imap_user: str) -> None:
    client = imaplib.IMAP4(dovecot.host, dovecot.port, timeout=TIMEOUT)
    assert client.login(imap_user, dovecot.password)[0] == "OK"
    client.logout()


def test_wrong_password_is_refused_at_once(dovecot: LocalDovecot, imap_user: str) -> None:
    client = imaplib.IMAP4(dovecot.host, dovecot.port, timeout=TIMEOUT)
    with pytest.raises(imaplib.IMAP4.error):
        client.login(imap_user, "wrong")
    client.logout()
    # anvil's auth penalty is off: the next login is not delayed by ~4 s.
    client = imaplib.IMAP4(dovecot.host, dovecot.port, timeout=TIMEOUT)
    assert client.login(imap_user, dovecot.password)[0] == "OK"
    client.logout()


def test_tls_login_verifies_against_the_test_ca(
    dovecot: LocalDovecot, dovecot_ca: Path, imap_user: str
) -> None:
    ctx = ssl.create_default_context(cafile=str(dovecot_ca))
    for host in ("127.0.0.1", "localhost"):
        client = imaplib.IMAP4_SSL(host, dovecot.tls_port, ssl_context=ctx, timeout=TIMEOUT)
        assert client.login(imap_user, dovecot.password)[0] == "OK"
        client.logout()
    # STARTTLS on the plain port, same certificate.
    plain = imaplib.IMAP4(dovecot.host, dovecot.port, timeout=TIMEOUT)
    plain.starttls(ssl_context=ctx)
    assert plain.login(imap_user, dovecot.password)[0] == "OK"
    plain.logout()


def test_tls_verification_fails_with_system_cas_only(dovecot: LocalDovecot) -> None:
    with pytest.raises(ssl.SSLCertVerificationError):
        imaplib.IMAP4_SSL(
            dovecot.host,
            dovecot.tls_port,
            ssl_context=ssl.create_default_context(),
            timeout=TIMEOUT,
        )


def test_self_signed_server_fails_verification_against_the_ca(
    tmp_path: Path, dovecot_ca: Path
) -> None:
    impostor = make_self_signed(tmp_path)
    with LocalDovecot(tls=(impostor.server_cert, impostor.server_key)) as server:
        trusting_ca = ssl.create_default_context(cafile=str(dovecot_ca))
        with pytest.raises(ssl.SSLCertVerificationError):
            imaplib.IMAP4_SSL(server.host, server.tls_port, ssl_context=trusting_ca)
        # The same server is fine for a client that trusts exactly that certificate:
        # the failure above is about trust, not a broken server.
        pinned = ssl.create_default_context(cafile=str(impostor.ca_cert))
        client = imaplib.IMAP4_SSL(server.host, server.tls_port, ssl_context=pinned)
        assert client.login("someone", server.password)[0] == "OK"
        client.logout()
        folder = server.folder
    assert not folder.exists()


# --- mailboxes -------------------------------------------------------------------


def test_capabilities_include_idle_and_condstore(imap: imaplib.IMAP4) -> None:
    typ, data = imap.capability()
    assert typ == "OK"
    caps = set(data[0].decode().upper().split())
    assert {"IDLE", "CONDSTORE", "QRESYNC", "SPECIAL-USE", "UIDPLUS"} <= caps


def test_fresh_user_has_inbox_and_special_use_folders(imap: imaplib.IMAP4) -> None:
    assert special_use(imap) == {
        "\\Sent": "Sent",
        "\\Drafts": "Drafts",
        "\\Junk": "Junk",
        "\\Trash": "Trash",
        "\\Archive": "Archive",
    }
    typ, data = imap.select("INBOX", readonly=True)
    assert (typ, data) == ("OK", [b"0"])
    # The RFC 6154 selection option gives the same answer.
    typ, listing = imap.list('(SPECIAL-USE) ""', "*")
    assert typ == "OK"
    assert len(listing) == 5


def test_added_messages_are_visible_with_date_and_seen_flag(
    dovecot: LocalDovecot, imap_user: str
) -> None:
    applied = datetime(2024, 3, 1, 9, 30, 15, tzinfo=timezone(timedelta(hours=1)))
    reply = datetime(2024, 3, 8, 14, 0, 0, tzinfo=UTC)
    dovecot.add_message(
        imap_user, message("my application"), folder="Sent", internal_date=applied, seen=True
    )
    dovecot.add_message(imap_user, message("newsletter"), internal_date=applied, seen=True)
    dovecot.add_message(imap_user, message("re: my application"), internal_date=reply)

    client = imaplib.IMAP4(dovecot.host, dovecot.port, timeout=TIMEOUT)
    client.login(imap_user, dovecot.password)
    assert fetch_all(client, "INBOX") == [
        ("newsletter", applied, True),
        ("re: my application", reply, False),
    ]
    assert fetch_all(client, "Sent") == [("my application", applied, True)]
    client.logout()


def test_added_messages_keep_call_order_and_custom_folders(
    dovecot: LocalDovecot, imap: imaplib.IMAP4, imap_user: str
) -> None:
    start = datetime(2024, 5, 1, tzinfo=UTC)
    # Dates deliberately out of order: UIDs follow the calls, not the dates.
    for i in (3, 1, 2):
        dovecot.add_message(
            imap_user,
            message(f"m{i}"),
            folder="Jobs.Acme",
            internal_date=start + timedelta(days=i),
            seen=i == 1,
        )
    assert [s for s, _, _ in fetch_all(imap, "Jobs.Acme")] == ["m3", "m1", "m2"]
    with pytest.raises(ValueError, match="folder"):
        dovecot.add_message(imap_user, b"x", folder="../escape")


def test_users_are_isolated(dovecot: LocalDovecot, imap_user: str) -> None:
    other = imap_user + "-other"
    dovecot.add_message(imap_user, message("for the first"), folder="Private")
    clients = {}
    for user in (imap_user, other):
        clients[user] = imaplib.IMAP4(dovecot.host, dovecot.port, timeout=TIMEOUT)
        clients[user].login(user, dovecot.password)
    assert [s for s, _, _ in fetch_all(clients[imap_user], "INBOX")] == []
    assert [s for s, _, _ in fetch_all(clients[imap_user], "Private")] == ["for the first"]
    assert clients[other].select("Private", readonly=True)[0] == "NO"
    assert fetch_all(clients[other], "INBOX") == []
    for client in clients.values():
        client.logout()
    assert dovecot.maildir(imap_user) != dovecot.maildir(other)


def test_idle_announces_an_added_message(
    dovecot: LocalDovecot, imap: imaplib.IMAP4, imap_user: str
) -> None:
    imap.select("INBOX", readonly=True)
    # imaplib has no IDLE: speak it directly.
    tag = imap._new_tag()
    imap.send(tag + b" IDLE\r\n")
    assert imap.readline().startswith(b"+")
    dovecot.add_message(imap_user, message("pushed"))
    ready, _, _ = select.select([imap.socket()], [], [], TIMEOUT)
    assert ready, "no untagged response within the timeout"
    assert imap.readline().strip() == b"* 1 EXISTS"
    imap.send(b"DONE\r\n")
    while not (line := imap.readline()).startswith(tag):
        assert line.startswith(b"* ")  # e.g. "* 1 RECENT"
    assert line.startswith(tag + b" OK")


# --- recording what clients sent --------------------------------------------------


def test_commands_sent_records_a_session_without_the_password(
    dovecot: LocalDovecot, imap_user: str
) -> None:
    dovecot.add_message(imap_user, message("one"))
    client = imaplib.IMAP4(dovecot.host, dovecot.port, timeout=TIMEOUT)
    client.login(imap_user, dovecot.password)
    client.select("INBOX", readonly=True)
    client.uid("FETCH", "1:*", "(BODY.PEEK[HEADER])")
    client.append("Drafts", r"(\Draft)", None, b"Subject: draft\r\n\r\nbody\r\n")
    # Visible while the session is still open.
    assert dovecot.commands_sent(imap_user)[-1].startswith("APPEND Drafts")
    client.logout()

    assert dovecot.commands_sent(imap_user) == [
        "EXAMINE INBOX",
        "UID FETCH 1:* (BODY.PEEK[HEADER])",
        "APPEND Drafts (\\Draft) {24}",
        "LOGOUT",
    ]
    recorded = b"".join(p.read_bytes() for p in dovecot.home(imap_user).rglob("*.in"))
    assert dovecot.password.encode() not in recorded


def test_commands_sent_parses_literals_and_drops_login_arguments(
    dovecot: LocalDovecot, imap_user: str
) -> None:
    # A hand-written rawlog: covers what imaplib never sends (LITERAL+, IDLE's DONE,
    # a LOGIN that reached the imap process) without a client that sends it.
    folder = dovecot.home(imap_user) / "rawlog"
    folder.mkdir(parents=True)
    (folder / "20240101-000000.1.1.in").write_bytes(
        b"100.000002 a2 LOGIN bob {6+}\r\n"
        b"100.000002 secret\r\n"
        b"100.000003 a3 IDLE\r\n"
        b"101.000000 DONE\r\n"
    )
    (folder / "20240101-000000.2.1.in").write_bytes(
        b"100.000001 b1 SEARCH SUBJECT {3+}\r\n"
        b"100.000001 a\n"  # Dovecot stamps every line, also inside a literal
        b"100.000001 b UNSEEN\r\n"
        b"102.000000 b2 NOOP\r\n"
        b"102.000001 b3 UID FE"  # half a command: not sent yet
    )
    assert dovecot.commands_sent(imap_user) == [
        "SEARCH SUBJECT {3} UNSEEN",
        "LOGIN",
        "IDLE",
        "DONE",
        "NOOP",
    ]


def test_commands_sent_needs_rawlog() -> None:
    with pytest.raises(RuntimeError, match="rawlog"):
        LocalDovecot().commands_sent("anyone")


# --- life cycle ------------------------------------------------------------------


def test_failed_start_raises_with_log_and_cleans_up() -> None:
    # Not in tmp_path: as root the server runs as nobody, who cannot enter it.
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)
        fake = Path(tmp, "dovecot")
        fake.write_text("#!/bin/sh\necho 'Fatal: pretend config error' >&2\nexit 89\n")
        fake.chmod(0o755)
        before = set(Path(tempfile.gettempdir()).glob("replywatch-dovecot-*"))
        server = LocalDovecot(binary=fake)
        with pytest.raises(DovecotError, match="pretend config error"):
            server.start()
    assert set(Path(tempfile.gettempdir()).glob("replywatch-dovecot-*")) == before
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.folder


def test_stop_is_idempotent_and_removes_everything() -> None:
    server = LocalDovecot()
    server.start()
    folder = server.folder
    assert (folder / "dovecot.conf").exists()
    server.stop()
    server.stop()
    assert not folder.exists()
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.port
