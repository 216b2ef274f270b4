"""The classify step on whole passes over the in-memory mailbox (the same contract as
Dovecot): text read after the match, a UIDVALIDITY change, mail gone from the server.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from replywatch import classifying
from replywatch.config import Config
from replywatch.engine import rematch
from replywatch.mail.bodies import MailBody
from replywatch.mail.memory import MemoryMailbox, MemoryServer
from replywatch.store import Store, kinds
from tests.test_engine import _memory_pass

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
INVITE = (b"From: Sam Lee <sam@northwind.io>\r\nTo: me@mail.example\r\nSubject: Next steps\r\n"
          b"Message-ID: <i1@northwind.io>\r\nContent-Type: text/plain\r\n\r\n"
          b"Hi, we would like to invite you to an interview next week.\r\n")
OTHER = b"From: news@shop.example\r\nMessage-ID: <n1@shop.example>\r\n\r\nSale!\r\n"


def _app_added_later(store: Store) -> None:
    """The application is added after the mail was read: matched from the headers only."""
    with store.tx():
        store.add_application(company="Northwind", role="", applied_at=NOW, now=NOW,
                              contacts=["sam@northwind.io"])
    rematch(Config(), store)


def test_engine_text_is_read_under_new_uid_after_uidvalidity_change(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    server = MemoryServer()
    server.add(OTHER, internal_date=NOW)
    server.add(INVITE, internal_date=NOW)  # UID 2
    _memory_pass(store, {"mail": server}, NOW)
    _app_added_later(store)
    headers_only = kinds.get(store, "mid:i1@northwind.io")
    # The server loses its index and the first message: the invite is UID 1 now.
    server.folders["INBOX"].messages = server.folders["INBOX"].messages[1:]
    server.renumber("INBOX")
    _memory_pass(store, {"mail": server}, NOW)
    after = kinds.get(store, "mid:i1@northwind.io")
    assert (("other", kinds.Body.PENDING), ("interview", kinds.Body.READ)) == (
        (headers_only.kind.value, headers_only.body) if headers_only else None,
        (after.kind.value, after.body) if after else None)


def test_engine_text_of_mail_gone_from_server_is_given_up_after_three_passes(
        tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    server = MemoryServer()
    server.add(INVITE, internal_date=NOW)
    _memory_pass(store, {"mail": server}, NOW)
    _app_added_later(store)
    server.folders["INBOX"].messages = []  # deleted meanwhile
    states = []
    for _ in range(3):
        _memory_pass(store, {"mail": server}, NOW)
        stored = kinds.get(store, "mid:i1@northwind.io")
        states.append((stored.kind.value, stored.body) if stored else None)
    assert [("other", kinds.Body.PENDING), ("other", kinds.Body.PENDING),
            ("other", kinds.Body.GIVEN_UP)] == states


def test_engine_texts_of_many_matched_messages_read_a_chunk_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(classifying, "TEXT_CHUNK", 2)
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        store.add_application(company="Northwind", role="", applied_at=NOW, now=NOW,
                              contacts=["sam@northwind.io"])
    server = MemoryServer()
    for n in range(5):
        server.add(INVITE.replace(b"<i1@", f"<i{n}@".encode()), internal_date=NOW)
    asked: list[list[int]] = []
    real = MemoryMailbox.fetch_texts

    def recording(self: MemoryMailbox, folder: str, uids: list[int]) -> dict[int, MailBody]:
        asked.append(uids)
        return real(self, folder, uids)

    monkeypatch.setattr(MemoryMailbox, "fetch_texts", recording)
    _memory_pass(store, {"mail": server}, NOW)
    read = [stored.body if (stored := kinds.get(store, f"mid:i{n}@northwind.io")) else None
            for n in range(5)]
    assert ([[1, 2], [3, 4], [5]], [kinds.Body.READ] * 5) == (asked, read)
