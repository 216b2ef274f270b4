"""The engine's matching step on a real store, without a server."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from replywatch import engine
from replywatch.config import Account, Config, PasswordSource, Policy
from replywatch.core.model import RawMessage
from replywatch.engine import PassReport, match_pending, run_pass
from replywatch.mail.headers import raw_key
from replywatch.mail.memory import MemoryMailbox, MemoryServer
from replywatch.oauth.sources import Credential
from replywatch.store import Store, mailstate
from tests.mailfactory import count_parses

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_engine_garbled_sender_in_thread_is_logged_and_set_aside_for_review(
        tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        app_id = store.add_application(company="Acme", role="", applied_at=NOW, now=NOW,
                                       thread_ids=["app-1@example.org"])
        mailstate.save_messages(store, "mail", key_of=raw_key, messages=[RawMessage(
            "INBOX", 7, NOW, b"From: <<<@@>\r\nIn-Reply-To: <app-1@example.org>\r\n"
            b"Message-ID: <r@x>\r\n\r\n")])
    report = PassReport()
    with capture_logs() as logs:
        match_pending(store, {"me@example.org"}, report)
    # A sender nobody can read is not known to be theirs: shown, not counted.
    assert ([], [(app_id, "r@x")], ["message_without_sender"]) == (
        report.matched, [(r.app_id, r.message_id) for r in report.review],
        [e["event"] for e in logs if e["event"] == "message_without_sender"])


def test_engine_messages_that_cannot_match_are_never_parsed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(tmp_path / "s.db")
    parsed = count_parses(monkeypatch, engine)
    with store.tx():
        store.add_application(company="Acme", role="", applied_at=NOW, now=NOW,
                              contacts=["jane@acme.com"])
        mailstate.save_messages(store, "mail", key_of=raw_key, messages=[
            RawMessage("INBOX", 1, NOW, b"From: news@shop.example\r\nMessage-ID: <1@s>\r\n\r\n"),
            RawMessage("INBOX", 2, NOW, b"From: jane@acme.com\r\nMessage-ID: <2@a>\r\n\r\n"),
        ])
    report = PassReport()
    match_pending(store, {"me@example.org"}, report)
    pending = store.conn.execute("SELECT count(*) FROM messages WHERE processed = 0").fetchone()
    assert ([2], 1, 0) == (parsed, len(report.matched), pending[0])


def test_engine_reply_read_before_the_message_it_answers_is_matched_in_same_pass(
        tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    later = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    with store.tx():
        app_id = store.add_application(company="Acme", role="", applied_at=NOW, now=NOW,
                                       contacts=["jane@acme.com"])
        mailstate.save_messages(store, "mail", key_of=raw_key, messages=[
            # The reply from a relay, naming no company, arrived first ...
            RawMessage("INBOX", 1, NOW, b"From: no-reply@us.greenhouse-mail.io\r\n"
                       b"In-Reply-To: <sent-1@example.org>\r\nMessage-ID: <r1@gh.io>\r\n\r\n"),
            # ... the Sent copy it answers was uploaded a day late.
            RawMessage("Sent", 1, later, b"From: me@example.org\r\nTo: jane@acme.com\r\n"
                       b"Date: Tue, 24 Nov 2026 08:00:00 +0000\r\n"
                       b"Message-ID: <sent-1@example.org>\r\n\r\n"),
        ])
    report = PassReport()
    match_pending(store, {"me@example.org"}, report)
    assert [(app_id, "contact", "sent-1@example.org"), (app_id, "thread", "r1@gh.io")] == [
        (m.app_id, m.rule, m.message_id) for m in report.matched]


# -- whole passes on the in-memory mailbox (the same contract as Dovecot) ----------


def _memory_pass(store: Store, servers: dict[str, MemoryServer], now: datetime,
                 passwords: dict[str, str] | None = None) -> PassReport:
    accounts = tuple(
        Account(name=name, host="memory", username=f"me@{name}.example",
                addresses=(f"me@{name}.example",),
                password=PasswordSource(kind="command", command=("echo", "unused")))
        for name in servers)
    config = Config(accounts=accounts, policy=Policy(timezone="UTC"))

    def open_memory(account: Account, password: Credential) -> MemoryMailbox:
        wanted = (passwords or {}).get(account.name, servers[account.name].password)
        return MemoryMailbox(servers[account.name], wanted)

    # The factory decides which password reaches the server; the configured one is unused.
    return run_pass(config, store, now, open_mailbox=open_memory)


def test_engine_pass_on_memory_matches_reply_and_counts_a_copy_in_two_folders_once(
        tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        app_id = store.add_application(company="Acme", role="", applied_at=NOW, now=NOW,
                                       contacts=["jane@acme.com"])
    server = MemoryServer()
    reply = (b"From: Jane <jane@acme.com>\r\nTo: me@mail.example\r\nSubject: Re: role\r\n"
             b"Message-ID: <r1@acme.com>\r\n\r\n")
    server.add(reply, internal_date=NOW)
    server.add(reply, folder="Archive", internal_date=NOW)
    report = _memory_pass(store, {"mail": server}, NOW)
    assert [(app_id, "r1@acme.com", "contact")] == [
        (m.app_id, m.message_id, m.rule) for m in report.matched]


def test_engine_pass_on_memory_changed_uidvalidity_does_not_match_twice(
        tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        store.add_application(company="Acme", role="", applied_at=NOW, now=NOW,
                              contacts=["jane@acme.com"])
    server = MemoryServer()
    server.add(b"From: jane@acme.com\r\nMessage-ID: <r1@acme.com>\r\n\r\n", internal_date=NOW)
    first = _memory_pass(store, {"mail": server}, NOW)
    server.renumber("INBOX")
    second = _memory_pass(store, {"mail": server}, NOW)
    inbox = next(f for f in second.accounts[0].folders if f.name == "INBOX")
    assert (1, 0, 1, 0) == (len(first.matched), len(second.matched), inbox.read, inbox.new)


def test_engine_pass_on_memory_failing_account_leaves_the_others_read(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        store.add_application(company="Acme", role="", applied_at=NOW, now=NOW,
                              contacts=["jane@acme.com"])
    good, bad = MemoryServer(), MemoryServer()
    good.add(b"From: jane@acme.com\r\nMessage-ID: <g@acme.com>\r\n\r\n", internal_date=NOW)
    report = _memory_pass(store, {"bad": bad, "good": good}, NOW,
                          passwords={"bad": "wrong"})
    assert ([("bad", False), ("good", True)], ["g@acme.com"]) == (
        [(a.name, a.ok) for a in report.accounts], [m.message_id for m in report.matched])


def test_engine_load_builds_what_a_pass_first_needs() -> None:
    import sys

    from replywatch.core import classify, kindmodel

    classify._scanner.cache_clear()
    kindmodel.packaged.cache_clear()
    engine.load()
    assert (1, 1) == (classify._scanner.cache_info().currsize,
                      kindmodel.packaged.cache_info().currsize)
    assert {"replywatch.triage", "replywatch.discovery", "replywatch.classifying"} <= set(
        sys.modules)
