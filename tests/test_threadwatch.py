"""Mail that only a thread can claim is kept settled as it is read, with the ids it
names, and claimed by the anchors the same pass adds (store/threadwatch.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replywatch import engine
from replywatch.config import Account, Config, PasswordSource, Policy
from replywatch.core.model import RawMessage
from replywatch.engine import PassReport, match_pending, run_pass
from replywatch.mail.headers import raw_key
from replywatch.mail.memory import MemoryMailbox, MemoryServer
from replywatch.oauth.sources import Credential
from replywatch.store import Store, mailstate
from replywatch.store.threadwatch import ThreadWatch
from replywatch.triage import Verdict, settled_test
from tests.mailfactory import count_parses

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
ME = "me@example.org"
SENT = (b"From: Me <me@example.org>\r\nTo: jane@acme.com\r\nSubject: Application\r\n"
        b"Date: Tue, 24 Nov 2026 08:00:00 +0000\r\nMessage-ID: <sent-1@example.org>\r\n\r\n")
# From an address nothing ties to the application: only the thread can claim it.
STRANGER = (b"From: Bob <bob@personal.example>\r\nTo: me@example.org\r\nSubject: Re: Application"
            b"\r\nIn-Reply-To: <sent-1@example.org>\r\nMessage-ID: <r1@personal.example>\r\n\r\n")
NEWS = (b"From: news@shop.example\r\nTo: me@example.org\r\nIn-Reply-To: <n0@shop.example>\r\n"
        b"Message-ID: <n1@shop.example>\r\n\r\n")


def _acme(store: Store) -> int:
    with store.tx():
        return store.add_application(company="Acme", role="", applied_at=NOW, now=NOW,
                                     contacts=["jane@acme.com"])


def _keep(store: Store, watch: ThreadWatch | None, *messages: RawMessage) -> None:
    index = engine.book_index(list(engine._matchable(store).values()), {ME})
    with store.tx():
        mailstate.save_messages(store, "mail", messages, raw_key,
                                settled=settled_test(index, {ME}), watch=watch)


def _pending(store: Store) -> list[int]:
    return [r[0] for r in store.conn.execute(
        "SELECT uid FROM messages WHERE processed = 0 ORDER BY uid")]


def _mark(store: Store) -> object:
    return store.conn.execute("SELECT value FROM meta WHERE key = 'thread_watch'").fetchone()


def test_reply_naming_a_thread_started_in_the_same_pass_is_claimed(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    app_id = _acme(store)
    watch = ThreadWatch(store)
    _keep(store, watch, RawMessage("Sent", 1, NOW, SENT),
          RawMessage("INBOX", 2, NOW + timedelta(hours=2), STRANGER))
    settled_at_once = _pending(store)
    report = PassReport()
    match_pending(store, {ME}, report, NOW, watch=watch)
    # Only the user's own mail waited; the stranger's reply was kept settled, then
    # claimed by the anchor its thread got, and shown for review.
    assert ([1], [(app_id, "sent-1@example.org")], [(app_id, "r1@personal.example")],
            None) == (settled_at_once, [(m.app_id, m.message_id) for m in report.matched],
                      [(r.app_id, r.message_id) for r in report.review], _mark(store))


def test_reply_read_before_the_message_it_answers_is_claimed(tmp_path: Path) -> None:
    # The Sent copy was uploaded a day after the answer arrived.
    store = Store.open(tmp_path / "s.db")
    app_id = _acme(store)
    watch = ThreadWatch(store)
    _keep(store, watch, RawMessage("INBOX", 2, NOW, STRANGER),
          RawMessage("Sent", 1, NOW + timedelta(days=1), SENT))
    report = PassReport()
    match_pending(store, {ME}, report, NOW, watch=watch)
    assert [(app_id, "r1@personal.example")] == [(r.app_id, r.message_id)
                                                for r in report.review]


def test_watched_mail_no_new_anchor_names_is_never_read_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(tmp_path / "s.db")
    _acme(store)
    parsed = count_parses(monkeypatch, engine)
    watch = ThreadWatch(store)
    _keep(store, watch, RawMessage("Sent", 1, NOW, SENT), RawMessage("INBOX", 2, NOW, NEWS))
    match_pending(store, {ME}, PassReport(), NOW, watch=watch)
    assert [1] == parsed


def test_thread_of_a_gmail_thread_id_claims_the_rest_of_the_thread(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    app_id = _acme(store)
    watch = ThreadWatch(store)
    _keep(store, watch,
          RawMessage("All", 1, NOW, b"From: jane@acme.com\r\nTo: me@example.org\r\n"
                     b"Message-ID: <j1@acme.com>\r\n\r\n", gm_msgid=11, gm_thrid=77),
          RawMessage("All", 2, NOW + timedelta(hours=1), b"From: bob@personal.example\r\n"
                     b"To: me@example.org\r\nMessage-ID: <b1@personal.example>\r\n\r\n",
                     gm_msgid=12, gm_thrid=77),
          RawMessage("All", 3, NOW + timedelta(hours=1), b"From: bob@personal.example\r\n"
                     b"To: me@example.org\r\nMessage-ID: <b2@personal.example>\r\n\r\n",
                     gm_msgid=13, gm_thrid=78))
    settled_at_once = _pending(store)
    report = PassReport()
    match_pending(store, {ME}, report, NOW, watch=watch)
    assert ([1], [(app_id, "b1@personal.example")]) == (
        settled_at_once, [(r.app_id, r.message_id) for r in report.review])


def test_claimed_mail_that_matches_adds_its_anchor_for_later_mail(tmp_path: Path) -> None:
    # The prefilter sends mail from a related sender to the sweep, so the triage never
    # watches it; a verdict made by hand shows that the claims go on from what a
    # claimed message adds: to the watched mail naming it, and to the pending mail
    # read after it (the main sweep had passed that already).
    store = Store.open(tmp_path / "s.db")
    app_id = _acme(store)
    watch = ThreadWatch(store)
    claimed = (b"From: jane@acme.com\r\nIn-Reply-To: <sent-1@example.org>\r\n"
               b"Message-ID: <j1@acme.com>\r\n\r\n")
    second = (b"From: jane@acme.com\r\nIn-Reply-To: <j1@acme.com>\r\n"
              b"Message-ID: <j2@acme.com>\r\n\r\n")
    own = (b"From: me@example.org\r\nTo: bob@personal.example\r\n"
           b"In-Reply-To: <j1@acme.com>\r\nMessage-ID: <m2@example.org>\r\n\r\n")

    def verdicts(raw: RawMessage) -> Verdict:
        return {2: ("sent-1@example.org",), 3: ("j1@acme.com",)}.get(raw.uid)

    with store.tx():
        mailstate.save_messages(store, "mail", [
            RawMessage("Sent", 1, NOW, SENT),
            RawMessage("INBOX", 2, NOW + timedelta(hours=1), claimed),
            RawMessage("INBOX", 3, NOW + timedelta(hours=2), second),
            RawMessage("Sent", 4, NOW + timedelta(hours=3), own),
        ], raw_key, settled=verdicts, watch=watch)
    report = PassReport()
    match_pending(store, {ME}, report, NOW, watch=watch)
    assert {(app_id, "sent-1@example.org"), (app_id, "j1@acme.com"), (app_id, "j2@acme.com"),
            (app_id, "m2@example.org")} == {(m.app_id, m.message_id) for m in report.matched}


@pytest.mark.parametrize("next_watch", [False, True])
def test_mail_watched_by_a_pass_that_ended_before_matching_is_matched_again(
        tmp_path: Path, next_watch: bool) -> None:
    # The daemon died between keeping the mail and matching it: its watch is gone
    # with it; the next match (a pass, or a rematch in another process) looks at all
    # unmatched mail again.
    store = Store.open(tmp_path / "s.db")
    app_id = _acme(store)
    _keep(store, ThreadWatch(store), RawMessage("Sent", 1, NOW, SENT),
          RawMessage("INBOX", 2, NOW + timedelta(hours=2), STRANGER))
    store.close()
    store = Store.open(tmp_path / "s.db")
    marked = _mark(store) is not None
    report = PassReport()
    match_pending(store, {ME}, report, NOW, watch=ThreadWatch(store) if next_watch else None)
    assert (True, [(app_id, "r1@personal.example")], None) == (
        marked, [(r.app_id, r.message_id) for r in report.review], _mark(store))


def test_pass_leaves_no_mark_and_nothing_watched(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    app_id = _acme(store)
    server = MemoryServer()
    server.add(SENT, folder="Sent", internal_date=NOW - timedelta(days=2))
    server.add(STRANGER, internal_date=NOW - timedelta(days=1))
    server.add(NEWS, internal_date=NOW - timedelta(days=1))
    account = Account(name="mail", host="memory", username=ME, addresses=(ME,),
                      password=PasswordSource(kind="command", command=("echo", "unused")))

    def open_memory(account: Account, password: Credential) -> MemoryMailbox:
        return MemoryMailbox(server, server.password)

    report = run_pass(Config(accounts=(account,), policy=Policy(timezone="UTC")), store, NOW,
                      open_mailbox=open_memory)
    watched = store.conn.execute(
        "SELECT count(*) FROM temp.sqlite_master WHERE name = 'thread_watch'").fetchone()[0]
    left = store.conn.execute("SELECT count(*) FROM temp.thread_watch").fetchone()[0] \
        if watched else 0
    assert ([(app_id, "r1@personal.example")], None, 1, 0) == (
        [(r.app_id, r.message_id) for r in report.review], _mark(store), watched, left)
