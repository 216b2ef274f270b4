"""What the store keeps for matching: learned relay senders, mail set aside for review."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from replywatch.core.model import RawMessage
from replywatch.mail.headers import parse_raw, raw_key
from replywatch.store import mailstate
from replywatch.store.db import Store
from replywatch.store.migrations import MIGRATIONS

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_store_relay_sender_kept_once_lower_cased_and_no_domain(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        app_id = store.add_application(company="Acme", role="", applied_at=NOW, now=NOW)
        first = store.add_relay_sender(app_id, "Acme@MyWorkday.com")
        again = store.add_relay_sender(app_id, "acme@myworkday.com")
    app = store.get(app_id)
    assert (True, False, ("acme@myworkday.com",), (), ()) == (
        first, again, app.relay_senders, app.contacts, app.domains)


def test_store_board_contact_gives_no_domain(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        app_id = store.add_application(company="Acme", role="", applied_at=NOW, now=NOW,
                                       contacts=["jobs-noreply@linkedin.com", "x@finn.no"])
    assert () == store.get(app_id).domains


def test_store_remove_application_forgets_its_relay_senders(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        app_id = store.add_application(company="Acme", role="", applied_at=NOW, now=NOW)
        store.add_relay_sender(app_id, "acme@myworkday.com")
    with store.tx():
        store.remove_application(app_id)
    assert 0 == store.conn.execute("SELECT count(*) FROM relay_senders").fetchone()[0]


def test_store_review_mark_listed_then_cleared_when_reopened(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    raw = RawMessage("INBOX", 1, NOW, b"From: eve@phish.example\r\nSubject: Re: hi\r\n"
                     b"Message-ID: <f@phish.example>\r\nIn-Reply-To: <a@b>\r\n\r\n")
    with store.tx():
        app_id = store.add_application(company="Acme", role="", applied_at=NOW, now=NOW)
        mailstate.save_messages(store, "mail", [raw], key_of=raw_key)
        mailstate.mark(store, "mid:f@phish.example", review=app_id)
    listed = [(parse_raw(m).from_addr, a) for m, a in mailstate.for_review(store)]
    with store.tx():
        mailstate.reopen_unmatched(store)
    assert ([("eve@phish.example", app_id)], []) == (listed, mailstate.for_review(store))


def test_store_version_3_file_gains_relay_senders_and_review(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.open(path, migrations=MIGRATIONS[:3]).close()
    store = Store.open(path)
    columns = {r[1] for r in store.conn.execute("PRAGMA table_info(messages)")}
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert (True, True) == ("review_app" in columns, "relay_senders" in tables)
