"""The engine's matching step on a real store, without a server."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from replywatch import engine
from replywatch.core.model import RawMessage
from replywatch.engine import PassReport, match_pending
from replywatch.mail.headers import raw_key
from replywatch.store import Store, mailstate

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_engine_garbled_sender_is_logged_and_still_matched_by_thread(tmp_path: Path) -> None:
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
    assert ([(app_id, "thread")], ["message_without_sender"]) == (
        [(m.app_id, m.rule) for m in report.matched],
        [e["event"] for e in logs if e["event"] == "message_without_sender"])


def test_engine_messages_that_cannot_match_are_never_parsed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(tmp_path / "s.db")
    parsed: list[int] = []
    real = engine.parse_raw

    def counting(raw: RawMessage):  # type: ignore[no-untyped-def]
        parsed.append(raw.uid)
        return real(raw)

    monkeypatch.setattr(engine, "parse_raw", counting)
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
            # The reply from an unknown address arrived first ...
            RawMessage("INBOX", 1, NOW, b"From: jane.private@gmail.com\r\n"
                       b"In-Reply-To: <sent-1@example.org>\r\nMessage-ID: <r1@gmail.com>\r\n\r\n"),
            # ... the Sent copy it answers was uploaded a day late.
            RawMessage("Sent", 1, later, b"From: me@example.org\r\nTo: jane@acme.com\r\n"
                       b"Date: Tue, 24 Nov 2026 08:00:00 +0000\r\n"
                       b"Message-ID: <sent-1@example.org>\r\n\r\n"),
        ])
    report = PassReport()
    match_pending(store, {"me@example.org"}, report)
    assert [(app_id, "contact", "sent-1@example.org"), (app_id, "thread", "r1@gmail.com")] == [
        (m.app_id, m.rule, m.message_id) for m in report.matched]
