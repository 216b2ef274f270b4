"""`replywatch check` against a real Dovecot: reading, matching, read-only, incremental."""

from __future__ import annotations

import imaplib
import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.mailfactory import ME, Setup, account_block, eml, make_setup, write_config
from tests.servers.dovecot import LocalDovecot

if TYPE_CHECKING:
    from replywatch.engine import Mailbox, PassReport


@pytest.fixture
def rw(dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
       monkeypatch: pytest.MonkeyPatch) -> Setup:
    return make_setup(dovecot, imap_user, tmp_path, monkeypatch)


def check(rw: Setup, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, out, err = rw.run(capsys, "check", "--json")
    assert 0 == code, err
    data: dict[str, object] = json.loads(out)
    return data


def app_add(rw: Setup, capsys: pytest.CaptureFixture[str], *args: str) -> int:
    code, out, err = rw.run(capsys, "app", "add", *args)
    assert 0 == code, err
    return int(out.strip())


def show(rw: Setup, capsys: pytest.CaptureFixture[str], app_id: int) -> dict[str, object]:
    code, out, _ = rw.run(capsys, "app", "show", str(app_id), "--json")
    assert 0 == code
    data: dict[str, object] = json.loads(out)
    return data


def matches(data: dict[str, object]) -> list[tuple[object, ...]]:
    items = data["matched"]
    assert isinstance(items, list)
    return [(m["application"], m["message_id"], m["direction"], m["rule"]) for m in items]


def days_ago(n: float) -> str:
    return (datetime.now(UTC) - timedelta(days=n)).isoformat(timespec="seconds")


# -- matching rules, each with a message on the server ------------------------------


def test_check_reply_from_contact_matches_and_waits_on_user(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com",
                     "--applied", days_ago(5))
    rw.add(eml(sender="Jane Roe <jane@acme.com>", subject="Your application",
               msgid="r1@acme.com"), days_ago=1)
    data = check(rw, capsys)
    app = show(rw, capsys, app_id)
    assert ([(app_id, "r1@acme.com", "from_them", "contact")], "you", "reply") == (
        matches(data), app["waiting_on"], app["next_action"]["kind"])  # type: ignore[index]


def test_check_thread_started_in_sent_is_followed_into_inbox_reply(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Initech", "--contact", "careers@initech.com",
                     "--applied", days_ago(6))
    rw.add(eml(sender=ME, to="careers@initech.com", subject="Application: SRE",
               msgid="app-1@example.org", date=datetime.now(UTC) - timedelta(days=6)),
           folder="Sent", days_ago=6, seen=True)
    # A colleague of the contact answers, in the thread.
    rw.add(eml(sender="Bill <bill.lumbergh@initech.com>", subject="Re: Application: SRE",
               msgid="r2@mail.gmail.com", in_reply_to="app-1@example.org",
               date=datetime.now(UTC) - timedelta(days=1)), days_ago=1)
    data = check(rw, capsys)
    assert [(app_id, "app-1@example.org", "to_them", "contact"),
            (app_id, "r2@mail.gmail.com", "from_them", "thread")] == matches(data)


def test_check_company_domain_and_subdomain_match(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Globex", "--contact", "hr@globex.io")
    rw.add(eml(sender="Hank <hank@eng.globex.io>", subject="Interview?", msgid="d1@globex.io"))
    assert [(app_id, "d1@globex.io", "from_them", "domain")] == matches(check(rw, capsys))


def test_check_ats_relay_with_company_name_matches_and_without_does_not(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Umbrella", "--contact", "talent@umbrella.com")
    rw.add(eml(sender="Umbrella Recruiting <no-reply@us.greenhouse-mail.io>",
               subject="Thank you for applying", msgid="ats1@greenhouse-mail.io"))
    rw.add(eml(sender="Recruiting <no-reply@us.greenhouse-mail.io>",
               subject="Thank you for applying to Hooli", msgid="ats2@greenhouse-mail.io"))
    assert [(app_id, "ats1@greenhouse-mail.io", "from_them", "ats")] == matches(check(rw, capsys))


@pytest.mark.parametrize(
    "extra",
    [
        ["List-Id: Acme News <news.acme.com>"],
        ["List-Unsubscribe: <mailto:unsubscribe@acme.com>"],
        ["Precedence: bulk"],
        ["Auto-Submitted: auto-replied"],
    ],
)
def test_check_bulk_and_auto_replies_are_not_replies(
        rw: Setup, capsys: pytest.CaptureFixture[str], extra: list[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    rw.add(eml(sender="Acme <news@acme.com>", subject="Out of office / news",
               msgid="bulk@acme.com", extra=extra))
    data = check(rw, capsys)
    assert ([], "them") == (matches(data), show(rw, capsys, app_id)["waiting_on"])


def test_check_two_applications_same_company_are_ambiguous_and_unchanged(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    a = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com",
                "--role", "Backend")
    b = app_add(rw, capsys, "--company", "Acme", "--contact", "joe@acme.com", "--role", "Data")
    rw.add(eml(sender="Bob <bob@acme.com>", subject="Next steps", msgid="amb@acme.com"))
    data = check(rw, capsys)
    events = [show(rw, capsys, i)["events"] for i in (a, b)]
    assert ([], [{"message_id": "amb@acme.com", "candidates": [a, b], "from": "bob@acme.com",
                  "subject": "Next steps"}], [[], []]) == (matches(data), data["ambiguous"],
                                                           events)
    code, out, _ = rw.run(capsys, "status")
    assert 0 == code
    assert (f'message from bob@acme.com "Next steps" fits applications {a}, {b}'
            in out.split("Which application? (replywatch never guesses):\n")[1])


def test_check_hostile_subject_reaches_terminal_as_harmless_text(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    rw.add(b"From: jane@acme.com\r\nMessage-ID: <esc@acme.com>\r\n"
           b"Subject: \x1b]0;pwned\x07\x1b[2JRe: hi\r\n\r\nx\r\n")
    code, out, _ = rw.run(capsys, "check")
    assert (0, False, True) == (code, "\x1b" in out or "\x07" in out,
                                '"]0;pwned[2JRe: hi"' in out)


def test_check_same_message_in_two_folders_counts_once(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    raw = eml(sender="jane@acme.com", subject="Hi", msgid="dup@acme.com")
    rw.add(raw)
    rw.add(raw, folder="Archive")
    data = check(rw, capsys)
    assert ([(app_id, "dup@acme.com", "from_them", "contact")], 1) == (
        matches(data), len(show(rw, capsys, app_id)["events"]))  # type: ignore[arg-type]


def test_check_user_message_after_silence_counts_as_follow_up(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com",
                     "--applied", days_ago(9))
    rw.add(eml(sender=ME, to="jane@acme.com", subject="Following up", msgid="f1@example.org",
               date=datetime.now(UTC) - timedelta(days=1)), folder="Sent", days_ago=1)
    check(rw, capsys)
    app = show(rw, capsys, app_id)
    assert (1, "them", 2) == (app["follow_ups_sent"], app["waiting_on"],
                              app["next_action"]["n"])  # type: ignore[index]


def test_check_user_message_after_interview_clears_thank_you(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com",
                     "--applied", days_ago(10))
    code, _, err = rw.run(capsys, "app", "interview", str(app_id), "--start", days_ago(1))
    assert 0 == code, err
    assert "thank_you_due" == show(rw, capsys, app_id)["next_action"]["kind"]  # type: ignore[index]
    rw.add(eml(sender=ME, to="jane@acme.com", subject="Thank you", msgid="ty@example.org"),
           folder="Sent")
    check(rw, capsys)
    assert "follow_up_due" == show(rw, capsys, app_id)["next_action"]["kind"]  # type: ignore[index]


def test_check_application_added_later_matches_mail_already_read_without_fetch(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    rw.add(eml(sender=ME, to="jobs@hooli.com", subject="Application", msgid="ap@example.org",
               date=datetime.now(UTC) - timedelta(days=3)), folder="Sent", days_ago=3)
    rw.add(eml(sender="Gavin <gavin@hooli.com>", subject="Re: Application", msgid="rr@hooli.com",
               in_reply_to="ap@example.org", date=datetime.now(UTC) - timedelta(days=1)),
           days_ago=1)
    check(rw, capsys)
    before = len(rw.dovecot.commands_sent(rw.user))
    app_id = app_add(rw, capsys, "--company", "Hooli", "--contact", "jobs@hooli.com",
                     "--applied", days_ago(3))
    app = show(rw, capsys, app_id)
    assert (before, ["ap@example.org", "rr@hooli.com"], "you") == (
        len(rw.dovecot.commands_sent(rw.user)), app["thread_ids"], app["waiting_on"])


def test_check_thread_option_matches_reply_from_company_named_domain(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Pied Piper", "--thread", "<given@example.org>")
    rw.add(eml(sender="richard@piedpiper.com", subject="Re: hi", msgid="pp@piedpiper.com",
               references=["older@x", "given@example.org"]))
    assert [(app_id, "pp@piedpiper.com", "from_them", "thread")] == matches(check(rw, capsys))


# -- robustness -------------------------------------------------------------------


def test_check_malformed_messages_do_not_end_the_pass(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    rw.add(b"From: <<<@@>\r\nSubject: =?bogus-charset?Q?=E9t=E9?=\r\n\r\nx\r\n")
    rw.add(b"Subject: no from, no id\r\n\r\nx\r\n")
    refs = " ".join(f"<r{i}@spam.example>" for i in range(40_000)).encode()  # about 1 MB
    rw.add(b"From: x@spam.example\r\nReferences: " + refs + b"\r\nMessage-ID: <big@x>\r\n\r\n")
    rw.add(b"From: =?utf-8?B?////?= <jane@acme.com>\r\nMessage-ID: <ok@acme.com>\r\n"
           b"Subject: \xff\xfe raw bytes\r\nDate: not a date\r\n\r\nx\r\n")
    data = check(rw, capsys)
    folders = data["accounts"][0]["folders"]  # type: ignore[index]
    assert ([(app_id, "ok@acme.com", "from_them", "contact")], 4) == (
        matches(data), folders[0]["read"])


# -- read-only ----------------------------------------------------------------------


def test_check_never_changes_the_mailbox(
        rw: Setup, capsys: pytest.CaptureFixture[str], dovecot: LocalDovecot) -> None:
    app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    rw.add(eml(sender="jane@acme.com", subject="Unread reply", msgid="u1@acme.com"))
    rw.add(eml(sender="bob@acme.com", subject="Read reply", msgid="u2@acme.com"), seen=True)
    rw.add(eml(sender=ME, to="jane@acme.com", msgid="s1@example.org"), folder="Sent")
    for _ in range(3):
        check(rw, capsys)
    rw.add(eml(sender="jane@acme.com", subject="Another", msgid="u3@acme.com"))
    check(rw, capsys)

    client = imaplib.IMAP4("127.0.0.1", dovecot.port)
    client.login(rw.user, dovecot.password)
    flags = {}
    for folder in ("INBOX", "Sent"):
        client.select(folder, readonly=True)
        _, data = client.fetch("1:*", "(FLAGS)")
        flags[folder] = [b"\\Seen" in line for line in data if isinstance(line, bytes)]
    client.logout()
    sent = rw.dovecot.commands_sent(rw.user)
    verbs = {c.split()[0].upper() for c in sent} | {
        " ".join(c.split()[:2]).upper() for c in sent if c.upper().startswith("UID ")}
    assert {"INBOX": [False, True, False], "Sent": [False]} == flags
    assert set() == verbs & {"SELECT", "STORE", "UID STORE", "APPEND", "COPY", "UID COPY",
                             "MOVE", "UID MOVE", "EXPUNGE", "UID EXPUNGE", "CREATE", "DELETE"}
    fetches = [c.upper() for c in sent if "FETCH" in c.upper() and "FLAGS" not in c.upper()]
    assert fetches
    # Headers and text with BODY.PEEK; the structure of matched mail (no flag change).
    assert all("BODY.PEEK[" in c or c.endswith("(BODYSTRUCTURE)") for c in fetches)
    assert not any("BODY[" in c or "RFC822" in c for c in fetches)


# -- incremental ------------------------------------------------------------------


def test_check_pass_with_nothing_new_asks_status_of_every_folder_and_examines_none(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(30):
        rw.add(eml(sender=f"n{i}@example.net", msgid=f"m{i}@example.net"))
    check(rw, capsys)
    before = len(rw.dovecot.commands_sent(rw.user))
    data = check(rw, capsys)
    new = rw.dovecot.commands_sent(rw.user)[before:]
    # No EXAMINE: it costs the server the folder's whole index (85 ms for a
    # 50,000-message INBOX), STATUS does not; INBOX's STATUS comes first (Dovecot
    # answers it 30x faster there). No ENABLE CONDSTORE nor HIGHESTMODSEQ: UIDNEXT
    # tells new mail, and Dovecot's first CONDSTORE session pays a resync.
    assert (["STATUS", "LIST", "STATUS", "STATUS", "STATUS", "LOGOUT"], []) == (
        [c.split()[0] for c in new], [c for c in new if "MODSEQ" in c.upper()])
    assert 0 == sum(f["new"] for f in data["accounts"][0]["folders"])  # type: ignore[index]


def test_check_second_pass_fetches_only_new_mail(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    for i in range(5):
        rw.add(eml(sender=f"n{i}@example.net", msgid=f"m{i}@example.net"))
    check(rw, capsys)
    rw.add(eml(sender="jane@acme.com", msgid="late@acme.com"))
    before = len(rw.dovecot.commands_sent(rw.user))
    data = check(rw, capsys)
    fetches = [c for c in rw.dovecot.commands_sent(rw.user)[before:]
               if "FETCH" in c and "HEADER.FIELDS" in c]  # the matched one's text aside
    assert ([(app_id, "late@acme.com", "from_them", "contact")], 1) == (matches(data),
                                                                        len(fetches))
    assert fetches[0].startswith("UID FETCH 6 ")


def test_check_changed_uidvalidity_rescans_without_counting_twice(
        rw: Setup, capsys: pytest.CaptureFixture[str], dovecot: LocalDovecot) -> None:
    app_id = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    rw.add(eml(sender="jane@acme.com", msgid="v1@acme.com"))
    first = check(rw, capsys)
    # Dovecot forgets its UIDs when the maildir's uidlist and indexes go: new UIDVALIDITY.
    maildir = dovecot.maildir(rw.user)
    for name in ("dovecot-uidlist", "dovecot.index", "dovecot.index.log", "dovecot.index.cache"):
        (maildir / name).unlink(missing_ok=True)
    shutil.rmtree(maildir / ".." / "mail" / "INBOX", ignore_errors=True)
    second = check(rw, capsys)
    inbox = second["accounts"][0]["folders"][0]  # type: ignore[index]
    assert ([(app_id, "v1@acme.com", "from_them", "contact")], [], 1, 0, 1) == (
        matches(first), matches(second), inbox["read"], inbox["new"],
        len(show(rw, capsys, app_id)["events"]))  # type: ignore[arg-type]


def test_check_first_pass_reads_back_lookback_days_only(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch, lookback_days=30)
    rw.add(eml(sender="old@example.net", msgid="old@x"), days_ago=45)
    rw.add(eml(sender="new@example.net", msgid="new@x"), days_ago=10)
    data = check(rw, capsys)
    assert 1 == data["accounts"][0]["folders"][0]["read"]  # type: ignore[index]


# -- failures -----------------------------------------------------------------------


def test_check_tls_with_private_ca_works(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path, dovecot_ca: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch, port=dovecot.tls_port,
                    security="tls", ca_file=dovecot_ca)
    rw.add(eml(sender="a@example.net", msgid="t@x"))
    assert 1 == check(rw, capsys)["accounts"][0]["folders"][0]["read"]  # type: ignore[index]


def test_check_starttls_with_private_ca_works(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path, dovecot_ca: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch, security="starttls",
                    ca_file=dovecot_ca)
    rw.add(eml(sender="a@example.net", msgid="t@x"))
    assert 1 == check(rw, capsys)["accounts"][0]["folders"][0]["read"]  # type: ignore[index]


def test_check_unverified_certificate_fails_naming_account(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch, port=dovecot.tls_port,
                    security="tls")
    code, _, err = rw.run(capsys, "check")
    assert (1, True) == (code, "account 'mail'" in err and "certificate verification failed"
                         in err)
    assert "Traceback" not in err


def test_check_wrong_password_fails_one_account_and_others_go_on(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch)
    write_config(rw.config, [
        account_block(dovecot, imap_user + "x", name="bad", password="wrong-pw"),
        account_block(dovecot, imap_user, name="good"),
    ])
    rw.add(eml(sender="a@example.net", msgid="g@x"))
    code, out, err = rw.run(capsys, "check", "--json")
    data = json.loads(out)
    accounts = {a["name"]: (a["ok"], sum(f["read"] for f in a["folders"]))
                for a in data["accounts"]}
    assert (1, {"bad": (False, 0), "good": (True, 1)}) == (code, accounts)
    assert "account 'bad'" in err
    assert "login refused" in err
    assert "wrong-pw" not in out + err


def test_check_unreachable_server_fails_with_one_line(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch, port=closed_port)
    code, _, err = rw.run(capsys, "check")
    lines = [line for line in err.splitlines() if line.startswith("replywatch: error")]
    assert (1, 1) == (code, len(lines))
    assert "account 'mail'" in lines[0]
    assert "cannot connect" in lines[0]


def test_check_failed_account_leaves_store_unchanged(
        rw: Setup, capsys: pytest.CaptureFixture[str], dovecot: LocalDovecot) -> None:
    rw.add(eml(sender="a@example.net", msgid="first@x"))
    check(rw, capsys)
    db = rw.data / "replywatch" / "replywatch.db"
    import sqlite3

    def snapshot() -> list[tuple[object, ...]]:
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT * FROM folder_state ORDER BY folder").fetchall()
        rows += conn.execute("SELECT key FROM messages ORDER BY key").fetchall()
        conn.close()
        return rows

    state = snapshot()
    rw.add(eml(sender="a@example.net", msgid="second@x"))
    write_config(rw.config, [account_block(dovecot, rw.user, password="wrong")])
    code, _, _ = rw.run(capsys, "check")
    assert (1, state) == (code, snapshot())


def test_check_human_summary_names_match_and_due(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com",
            "--applied", days_ago(5))
    app_add(rw, capsys, "--company", "Globex", "--applied", days_ago(8))
    rw.add(eml(sender="jane@acme.com", subject="Let's talk", msgid="h@acme.com"))
    code, out, _ = rw.run(capsys, "check")
    assert 0 == code
    assert "mail: 1 new message (INBOX 1)" in out
    assert 'matched: Acme — reply from them (contact) "Let\'s talk"' in out
    assert "Globex — follow-up 1 of 3 due since" in out


def test_check_every_corpus_message_in_the_mailbox_passes_without_crash(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.corpus import corpus_messages

    messages = corpus_messages()
    app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    for _, raw in messages:
        rw.add(raw)
    rw.add(eml(sender="jane@acme.com", msgid="after-corpus@acme.com"))
    data = check(rw, capsys)
    inbox = data["accounts"][0]["folders"][0]  # type: ignore[index]
    assert len(messages) + 1 == inbox["read"]
    assert ("after-corpus@acme.com", "from_them") in [
        (m[1], m[2]) for m in matches(data)]


# -- a kept connection (the daemon's) ---------------------------------------------


class Kept:
    """run_pass with the daemon's kept connections, against the Setup's mailbox."""

    def __init__(self, rw: Setup) -> None:
        from replywatch.config import load_config
        from replywatch.store import Store

        self.rw = rw
        self.config = load_config(rw.config)
        self.store = Store.open(rw.data / "replywatch" / "replywatch.db")
        self.sessions: dict[str, Mailbox] = {}

    def run(self) -> PassReport:
        from replywatch.engine import run_pass

        return run_pass(self.config, self.store, datetime.now(UTC), sessions=self.sessions)

    def commands(self) -> list[str]:
        return [c.split()[0] for c in self.rw.dovecot.commands_sent(self.rw.user)]


def test_kept_connection_nothing_new_costs_one_noop_and_a_status_per_folder(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    rw.add(eml(sender="jane@acme.com", msgid="k1@acme.com"))
    kept = Kept(rw)
    kept.run()
    before = len(kept.commands())
    kept.run()
    # INBOX first (left selected by the pass before: a NOOP), then the others.
    assert ["NOOP", "STATUS", "STATUS", "STATUS"] == kept.commands()[before:]


def test_first_pass_reads_inbox_last_and_its_texts_without_examining_it_again(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    # EXAMINE of a large INBOX costs Dovecot its whole index (250 ms at 180,000
    # messages): read last, it stays selected for the text of the reply matched in it,
    # and for the next pass's NOOP.
    app_id = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    rw.add(eml(sender=ME, to="jane@acme.com", msgid="k0@example.org"), folder="Sent")
    rw.add(eml(sender="jane@acme.com", msgid="k1@acme.com", body="We would like to invite"
               " you to an interview next week."))
    kept = Kept(rw)
    report = kept.run()
    assert [(app_id, "k0@example.org"), (app_id, "k1@acme.com")] == sorted(
        (m.app_id, m.message_id) for m in report.matched)
    sent = kept.rw.dovecot.commands_sent(kept.rw.user)
    examined = [c for c in sent if c.startswith("EXAMINE")]
    assert 'EXAMINE "INBOX"' == examined[-1]
    assert 1 == examined.count('EXAMINE "INBOX"')
    # The reply's text was read after INBOX was examined (BODY.PEEK, nothing marked).
    assert any("BODY.PEEK[" in c for c in sent[sent.index('EXAMINE "INBOX"'):])
    before = len(kept.commands())
    kept.run()
    assert "NOOP" == kept.commands()[before]


def test_first_pass_asks_for_texts_before_discovery_runs(
        rw: Setup, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # The server works out the first texts while discovery looks at the unmatched mail.
    from replywatch import discovery
    from replywatch.mail.imap import ImapMailbox

    app_id = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    rw.add(eml(sender="jane@acme.com", msgid="t1@acme.com",
               body="We would like to invite you to an interview next week."))
    order: list[str] = []
    ask, propose = ImapMailbox._ask_structures, discovery.propose_pending

    def asking(self: ImapMailbox, uids: list[int]) -> bytes:
        order.append("texts")
        return ask(self, uids)

    def proposing(*args: Any, **kwargs: Any) -> Any:
        order.append("discovery")
        return propose(*args, **kwargs)

    monkeypatch.setattr(ImapMailbox, "_ask_structures", asking)
    monkeypatch.setattr(discovery, "propose_pending", proposing)
    report = Kept(rw).run()
    assert (["texts", "discovery"], [(app_id, "t1@acme.com", "interview")]) == (
        order, [(m.app_id, m.message_id, m.kind) for m in report.matched])


def test_kept_connection_finds_new_inbox_mail_after_noop(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    kept = Kept(rw)
    kept.run()
    rw.add(eml(sender="jane@acme.com", msgid="k2@acme.com"))
    report = kept.run()
    assert [(app_id, "k2@acme.com")] == [(m.app_id, m.message_id)
                                        for m in report.matched]


def test_kept_connection_finds_new_sent_mail_by_status(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = app_add(rw, capsys, "--company", "Acme", "--contact", "jane@acme.com")
    kept = Kept(rw)
    kept.run()
    rw.add(eml(sender=ME, to="jane@acme.com", msgid="k3@example.org"), folder="Sent")
    before = len(kept.commands())
    report = kept.run()
    assert [(app_id, "k3@example.org")] == [(m.app_id, m.message_id)
                                           for m in report.matched]
    examined = [c for c in kept.rw.dovecot.commands_sent(kept.rw.user)[before:]
                if c.startswith("EXAMINE")]
    # Sent was examined to read it; the pass ends with INBOX selected again (settle).
    assert ['EXAMINE "Sent"', 'EXAMINE "INBOX"'] == examined[:1] + examined[-1:]


def test_kept_connection_dropped_by_server_is_replaced_without_failing(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    kept = Kept(rw)
    kept.run()
    mailbox = kept.sessions["mail"]
    mailbox._client._imap.sock.close()  # type: ignore[attr-defined]  # the server hung up
    rw.add(eml(sender="a@example.net", msgid="k4@x"))
    report = kept.run()
    assert (True, 1) == (report.ok, sum(f.new for f in report.accounts[0].folders))


# -- errors: once, in words, with a hint ----------------------------------------------


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def test_check_login_refused_said_once_decoded_with_hint(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch)
    write_config(rw.config, [account_block(dovecot, imap_user, password="wrong-pw")])
    code, out, err = rw.run(capsys, "check")
    assert (1, [f"replywatch: error: account 'mail' ({dovecot.host}:{dovecot.port}): login: "
                "login refused: [AUTHENTICATIONFAILED] Authentication failed.",
                f"replywatch: hint: check username = '{imap_user}' and the password its "
                "source gives (the password keys of account 'mail')"]) == (
        code, error_lines(err))
    assert "mail: not read (the error follows on standard error)" == out.splitlines()[0]


def test_check_untrusted_certificate_hint_names_ca_file(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch, port=dovecot.tls_port,
                    security="tls")
    code, _, err = rw.run(capsys, "check")
    lines = error_lines(err)
    assert (1, 2) == (code, len(lines))
    assert "certificate verification failed" in lines[0]
    assert lines[1].startswith("replywatch: hint: the server's certificate is not trusted")
    assert 'set ca_file = "/path/to/ca.pem" in account \'mail\'' in lines[1]


def test_check_tls_on_a_plain_port_hint_is_starttls(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch, security="tls")
    code, _, err = rw.run(capsys, "check")
    lines = error_lines(err)
    assert (1, 2, True) == (code, len(lines), "WRONG_VERSION_NUMBER" in lines[0])
    assert 'for port 143 use security = "starttls"' in lines[1]
