"""The matching index kept between passes: reused while the book's application objects
are the same, built afresh after a change or a rolled-back match."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from replywatch.core.model import Direction, Event, RawMessage
from replywatch.engine import PassReport, book_index, match_pending
from replywatch.mail.headers import raw_key
from replywatch.store import Store, mailstate

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
OWN = {"me@example.org"}


def book(path: Path) -> tuple[Store, int]:
    store = Store.open(path)
    with store.tx():
        app_id = store.add_application(company="Acme", role="", applied_at=NOW, now=NOW,
                                       contacts=["jane@acme.com"])
        store.add_application(company="Globex", role="", applied_at=NOW, now=NOW)
    return store, app_id


def test_book_index_same_applications_reuse_it_a_changed_one_makes_a_new_one(
        tmp_path: Path) -> None:
    store, app_id = book(tmp_path / "s.db")
    first = book_index(store.applications(include_closed=True), OWN)
    again = book_index(store.applications(include_closed=True), OWN)
    with store.tx():
        store.add_event(app_id, Event(at=NOW, direction=Direction.TO_THEM, source="manual"))
    changed = book_index(store.applications(include_closed=True), OWN)
    assert (True, False) == (again is first, changed is first)


class Exploding(list[object]):
    """A report list that fails when a match is recorded: a failure mid-transaction."""

    def append(self, item: object) -> None:
        raise RuntimeError("failed half way")


def test_match_pending_rolled_back_forgets_the_index_it_added_to(tmp_path: Path) -> None:
    store, _ = book(tmp_path / "s.db")
    with store.tx():
        mailstate.save_messages(store, "mail", key_of=raw_key, messages=[RawMessage(
            "INBOX", 1, NOW, b"From: jane@acme.com\r\nMessage-ID: <2@acme.com>\r\n\r\n")])
    before = book_index(store.applications(include_closed=True), OWN)
    report = PassReport()
    report.matched = Exploding()  # type: ignore[assignment]
    with pytest.raises(RuntimeError):
        match_pending(store, OWN, report)
    after = book_index(store.applications(include_closed=True), OWN)
    assert (None, False, ["mid:2@acme.com"]) == (
        store.applications()[0].events or None, after is before,
        [k for k, _ in mailstate.pending(store)])
