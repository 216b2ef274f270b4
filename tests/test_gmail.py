"""The Gmail code path (X-GM-EXT-1, \\All, X-GM-MSGID, X-GM-THRID) against a Gmail replay."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replywatch.config import Account, Config, PasswordSource, Policy, Security
from replywatch.core.model import Message
from replywatch.engine import PassReport, run_pass
from replywatch.mail.folders import Folder
from replywatch.mail.headers import parse_raw
from replywatch.mail.imap import ImapMailbox
from replywatch.store import Store, mailstate
from tests.gmail_replay import ALL, JUNK, SENT, GmailReplay, GmMessage

USER = "kari.nordmann@gmail.com"
PW = "hvqkzmtrplwxbnsd"  # the shape of a Google app password
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
# Gmail ids: a thread's id is the X-GM-MSGID of its first message.
OUTREACH = 1791234567890123456
REPLY = 1791234999000111222
LONE = 1790876543210987654
MUTATIONS = {"SELECT", "STORE", "UID STORE", "APPEND", "COPY", "UID COPY", "MOVE", "UID MOVE",
             "EXPUNGE", "UID EXPUNGE", "CREATE", "DELETE", "RENAME", "SUBSCRIBE", "CLOSE"}


def header(sender: str, to: str, subject: str, msgid: str, when: datetime) -> bytes:
    """Return a header block as Gmail stores it (more fields than the product asks for)."""
    return (f"Delivered-To: {USER}\r\nReceived: by 2002:a05:6f02:8a0c:b0:7a:1f2e with SMTP id"
            f" x12csp411;\r\n        {when:%a, %d %b %Y %H:%M:%S} -0800 (PST)\r\n"
            f"MIME-Version: 1.0\r\nFrom: {sender}\r\nDate: {when:%a, %d %b %Y %H:%M:%S} +0000"
            f"\r\nMessage-ID: <{msgid}>\r\nSubject: {subject}\r\nTo: {to}\r\n"
            "Content-Type: text/plain; charset=\"UTF-8\"\r\n\r\n").encode()


def gm(uid: int, gm_msgid: int, gm_thrid: int, sender: str, to: str, subject: str,
       days_ago: int) -> GmMessage:
    when = NOW - timedelta(days=days_ago)
    mid = f"CAJ{gm_msgid:x}@mail.gmail.com"
    return GmMessage(uid, gm_msgid, gm_thrid, when, header(sender, to, subject, mid, when))


def account(port: int) -> Account:
    return Account(name="gmail", host="127.0.0.1", port=port, username=USER,
                   security=Security.PLAIN, lookback_days=120,
                   password=PasswordSource(kind="command", command=("printf", "%s", PW)))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "state" / "replywatch.db")
    yield s
    s.close()


def add_app(store: Store, *, contacts: Sequence[str] = (), thread_ids: Sequence[str] = ()
            ) -> int:
    with store.tx():
        return store.add_application(company="Fjordtech", role="Backend-utvikler",
                                     applied_at=NOW - timedelta(days=20), contacts=contacts,
                                     thread_ids=thread_ids, now=NOW - timedelta(days=20))


def run(store: Store, mailbox: Mapping[str, Sequence[GmMessage]]
        ) -> tuple[PassReport, list[str]]:
    """Run one pass against a replay of ``mailbox``; return the report and the commands."""
    with GmailReplay(mailbox, USER, PW) as server:
        config = Config(accounts=(account(server.port),), policy=Policy(timezone="UTC"))
        report = run_pass(config, store, NOW)
        return report, server.commands


def stored(store: Store, gm_msgid: int) -> Message | None:
    raw = mailstate.message(store, f"gm:{gm_msgid}")
    return None if raw is None else parse_raw(raw)


def verb(command: str) -> str:
    words = command.split()
    return " ".join(words[:2]) if words[0].upper() == "UID" else words[0]


OUTREACH_MSG = gm(301, OUTREACH, OUTREACH, f"Kari Nordmann <{USER}>", "hr@fjordtech.no",
                  "Søknad: Backend-utvikler", days_ago=10)
REPLY_MSG = gm(305, REPLY, OUTREACH, "Ingrid Fjord <ingrid.fjord@fjordtech.no>", USER,
               "Re: Søknad: Backend-utvikler", days_ago=3)
LONE_MSG = gm(290, LONE, LONE, "Nyhetsbrev <news@example.org>", USER, "Ukens tilbud",
              days_ago=12)


# --- folders -----------------------------------------------------------------------


def test_folders_gmail_all_and_junk_by_special_use() -> None:
    with GmailReplay({}, USER, PW) as server, ImapMailbox(account(server.port), PW) as mbox:
        folders = mbox.folders()
    assert [Folder("[Gmail]/Alle e-poster", "all"), Folder("[Gmail]/Søppelpost", "junk")] \
        == folders


def test_folders_gmail_all_mail_hidden_reads_inbox_and_sent() -> None:
    with GmailReplay({}, USER, PW, hidden={ALL}) as server, \
            ImapMailbox(account(server.port), PW) as mbox:
        roles = {f.role for f in mbox.folders()}
    assert {"inbox", "sent", "junk"} == roles


def test_connect_gmail_capability_is_gmail() -> None:
    with GmailReplay({}, USER, PW) as server, ImapMailbox(account(server.port), PW) as mbox:
        assert mbox.is_gmail


# --- a first pass --------------------------------------------------------------------


def test_run_pass_first_pass_messages_carry_gmail_ids(store: Store) -> None:
    run(store, {ALL: [LONE_MSG]})
    msg = stored(store, LONE)
    assert (LONE, LONE, "[Gmail]/Alle e-poster") \
        == (msg and msg.gm_msgid, msg and msg.gm_thrid, msg and msg.folder)


def test_run_pass_known_gmail_thread_unrelated_sender_is_for_review(store: Store) -> None:
    app = add_app(store, thread_ids=(f"gmthr:{OUTREACH}",))
    stranger = gm(306, REPLY, OUTREACH, "Ola Hansen <ola.hansen@hotmail.com>", USER,
                  "Intervju neste uke?", days_ago=2)
    report, _ = run(store, {ALL: [stranger]})
    assert ([], [app]) == (report.matched, [r.app_id for r in report.review])


def test_run_pass_known_gmail_thread_company_sender_matches_by_thread(store: Store) -> None:
    app = add_app(store, thread_ids=(f"gmthr:{OUTREACH}",))
    colleague = gm(306, REPLY, OUTREACH, "Ola Hansen <ola.hansen@fjordtech.no>", USER,
                   "Intervju neste uke?", days_ago=2)
    report, _ = run(store, {ALL: [colleague]})
    assert [(app, "from_them", "thread")] \
        == [(m.app_id, m.direction.value, m.rule) for m in report.matched]


def test_run_pass_own_mail_then_colleague_reply_in_thread_matches(store: Store) -> None:
    app = add_app(store, contacts=("hr@fjordtech.no",))
    report, _ = run(store, {ALL: [OUTREACH_MSG, REPLY_MSG]})
    assert [(app, "to_them", "contact"), (app, "from_them", "thread")] \
        == [(m.app_id, m.direction.value, m.rule) for m in report.matched]


def test_run_pass_own_mail_gmail_thread_becomes_anchor(store: Store) -> None:
    app = add_app(store, contacts=("hr@fjordtech.no",))
    run(store, {ALL: [OUTREACH_MSG]})
    assert f"gmthr:{OUTREACH}" in store.get(app).thread_ids


def test_run_pass_reply_in_later_pass_matches_stored_gmail_thread(store: Store) -> None:
    app = add_app(store, contacts=("hr@fjordtech.no",))
    run(store, {ALL: [OUTREACH_MSG]})
    report, _ = run(store, {ALL: [OUTREACH_MSG, REPLY_MSG]})
    assert [(app, "from_them", "thread")] \
        == [(m.app_id, m.direction.value, m.rule) for m in report.matched]


def test_run_pass_same_gm_msgid_in_all_and_junk_counted_once(store: Store) -> None:
    in_junk = GmMessage(17, LONE, LONE, LONE_MSG.internal_date, LONE_MSG.header)
    report, _ = run(store, {ALL: [LONE_MSG], JUNK: [in_junk]})
    folders = report.accounts[0].folders
    assert ([("all", 1), ("junk", 1)], 1) \
        == ([(f.role, f.read) for f in folders], sum(f.new for f in folders))


def test_run_pass_sent_folder_not_read_on_gmail(store: Store) -> None:
    _, commands = run(store, {ALL: [LONE_MSG], SENT: [OUTREACH_MSG]})
    assert [] == [c for c in commands if SENT in c]


# --- read-only -----------------------------------------------------------------------


def test_run_pass_gmail_command_sequence_is_read_only(store: Store) -> None:
    _, commands = run(store, {ALL: [OUTREACH_MSG, REPLY_MSG], JUNK: [LONE_MSG]})
    # All Mail, read for the first time, is read last and stays selected. The last
    # two: the structure and the start of the text of the user's own message to a
    # company address, which may be an application (DESIGN "Finding applications").
    assert ["CAPABILITY", "LOGIN", "LIST",
            "EXAMINE", "UID SEARCH", "UID FETCH",
            "EXAMINE", "UID SEARCH", "UID FETCH",
            "UID FETCH", "UID FETCH",
            "LOGOUT"] == [verb(c) for c in commands]


def test_run_pass_gmail_folders_opened_with_examine(store: Store) -> None:
    _, commands = run(store, {ALL: [LONE_MSG]})
    # All Mail last on a first pass: it stays selected for the texts of matched mail.
    assert ['EXAMINE "[Gmail]/S&APg-ppelpost"', 'EXAMINE "[Gmail]/Alle e-poster"'] \
        == [c for c in commands if verb(c) in ("EXAMINE", "SELECT")]


def test_run_pass_gmail_fetch_peeks_headers_and_gmail_ids(store: Store) -> None:
    _, commands = run(store, {ALL: [OUTREACH_MSG, REPLY_MSG]})
    fetches = [c for c in commands if verb(c) == "UID FETCH"]
    headers = [c for c in fetches if "HEADER.FIELDS" in c]
    texts = [c for c in fetches if "HEADER.FIELDS" not in c]
    assert ([(True, True, True)], True) == (
        [("BODY.PEEK[HEADER.FIELDS (" in c, "X-GM-THRID" in c, "X-GM-MSGID" in c)
         for c in headers],
        all("BODYSTRUCTURE" in c or "BODY.PEEK[1]<0." in c for c in texts))


def test_run_pass_gmail_sends_no_mutating_command(store: Store) -> None:
    _, commands = run(store, {ALL: [OUTREACH_MSG, REPLY_MSG], JUNK: [LONE_MSG]})
    assert set() == {verb(c).upper() for c in commands} & MUTATIONS


def test_run_pass_wrong_gmail_password_account_reported_failed(store: Store) -> None:
    with GmailReplay({ALL: [LONE_MSG]}, USER, "another-password") as server:
        config = Config(accounts=(account(server.port),), policy=Policy(timezone="UTC"))
        report = run_pass(config, store, NOW)
    assert (False, True) == (report.accounts[0].ok,
                             "Invalid credentials" in (report.accounts[0].error or ""))
    # On 127.0.0.1, so it is Gmail's own greeting (X-GM-EXT-1) that brings the hint.
    assert (True, True) == ("sign in with OAuth2" in (report.accounts[0].hint or ""),
                            "create an app password" in (report.accounts[0].hint or ""))
