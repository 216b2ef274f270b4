"""Pending mail is read back a page at a time, in arrival order, on a real SQLite file:
memory stays flat whatever the mailbox size, and the caller may mark rows as it goes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from replywatch.core.model import RawMessage
from replywatch.mail.headers import raw_key
from replywatch.store import Store, mailstate

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def _store(tmp_path: Path, n: int) -> Store:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        mailstate.save_messages(store, "mail", key_of=raw_key, messages=[
            RawMessage("INBOX", i, NOW + timedelta(minutes=i),
                       f"From: a@b.example\r\nMessage-ID: <m{i}@x>\r\n\r\n".encode())
            for i in range(n)])
    return store


def test_pending_between_pages_in_arrival_order_within_the_window(tmp_path: Path) -> None:
    store = _store(tmp_path, 9)
    found = mailstate.pending_between(store, NOW + timedelta(minutes=2),
                                      NOW + timedelta(minutes=7), batch=2)
    assert [2, 3, 4, 5, 6] == [raw.uid for _, raw in found]


def test_pending_between_rows_marked_while_reading_are_skipped(tmp_path: Path) -> None:
    store = _store(tmp_path, 6)
    seen = []
    with store.tx():
        for _, raw in mailstate.pending_between(store, NOW, NOW + timedelta(hours=1), batch=2):
            seen.append(raw.uid)
            if raw.uid == 1:  # a later row is settled before its page is read
                mailstate.mark(store, "mid:m4@x")
    assert [0, 1, 2, 3, 5] == seen
