"""The classify step on whole passes over the in-memory mailbox (the same contract as
Dovecot): text read after the match, a UIDVALIDITY change, mail gone from the server.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from replywatch import classifying
from replywatch.config import Config
from replywatch.core.kinds import Classification, MailText
from replywatch.engine import rematch
from replywatch.errors import MailboxError
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


# -- a pass that reads the text of what it matched classifies it once, from the text ------

# The subject says interview; the text says no.
MIXED = (b"From: Sam Lee <sam@northwind.io>\r\nTo: me@mail.example\r\n"
         b"Subject: Re: Invitation to interview\r\nMessage-ID: <m1@northwind.io>\r\n"
         b"Content-Type: text/plain\r\n\r\nThank you for your time. Unfortunately, we have"
         b" decided not to move forward with your application.\r\n")
MIXED_KEY = "mid:m1@northwind.io"


def _mixed(tmp_path: Path) -> tuple[Store, int, MemoryServer]:
    """Return a store with Sam's application at Northwind, its id, and a server that
    holds Sam's MIXED message."""
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        app_id = store.add_application(company="Northwind", role="", applied_at=NOW, now=NOW,
                                       contacts=["sam@northwind.io"])
    server = MemoryServer()
    server.add(MIXED, internal_date=NOW)
    return store, app_id, server


def _left_deferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                   ) -> tuple[Store, int, MemoryServer]:
    """Return ``_mixed`` after a pass that matched the MIXED message and read no text,
    as if it died there: the message is left DEFERRED."""
    store, app_id, server = _mixed(tmp_path)
    with monkeypatch.context() as patched:
        patched.setattr(classifying, "read_texts", lambda *a, **k: 0)
        _memory_pass(store, {"mail": server}, NOW)
    return store, app_id, server


def _state(store: Store, app_id: int) -> tuple[object, ...]:
    stored = kinds.get(store, MIXED_KEY)
    return (stored.kind.value if stored else None, stored.body if stored else None,
            store.get(app_id).stage.value)


def _counting_classify(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the classify step note the subject of each message it classifies."""
    seen: list[str] = []
    real = classifying.classify  # type: ignore[attr-defined]

    def counting(mail: MailText) -> Classification:
        seen.append("text" if mail.body else "headers")
        return real(mail)

    monkeypatch.setattr(classifying, "classify", counting)
    return seen


def test_engine_pass_classifies_matched_mail_once_from_its_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _counting_classify(monkeypatch)
    store, app_id, server = _mixed(tmp_path)
    report = _memory_pass(store, {"mail": server}, NOW)
    assert (["text"], ("rejection", kinds.Body.READ, "rejected")) == (seen, _state(store, app_id))
    assert [("rejection", False)] == [(m.kind, m.reply) for m in report.matched]


@pytest.mark.parametrize("failure", ["refused", "gone"])
def test_engine_text_unread_in_the_pass_leaves_the_headers_verdict(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    seen = _counting_classify(monkeypatch)

    def texts(self: MemoryMailbox, folder: str, uids: list[int], size: int
              ) -> Iterator[dict[int, MailBody]]:
        if failure == "refused":
            raise MailboxError("FETCH text refused")
        yield {}  # deleted between the sync and the read

    monkeypatch.setattr(MemoryMailbox, "texts", texts)
    store, app_id, server = _mixed(tmp_path)
    report = _memory_pass(store, {"mail": server}, NOW)
    assert (["headers"], ("interview", kinds.Body.PENDING, "interviewing")) == (
        seen, _state(store, app_id))
    assert [("interview", True)] == [(m.kind, m.reply) for m in report.matched]
    monkeypatch.undo()  # the next pass reads the text: it decides, and undoes the move
    _memory_pass(store, {"mail": server}, NOW)
    assert ("rejection", kinds.Body.READ, "rejected") == _state(store, app_id)


def test_engine_mail_matched_by_a_pass_that_died_before_its_texts_is_read_next_pass(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, app_id, server = _mixed(tmp_path)

    def dies(*args: object, **kwargs: object) -> int:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(classifying, "read_texts", dies)
        with pytest.raises(KeyboardInterrupt):
            _memory_pass(store, {"mail": server}, NOW)
    assert ("other", kinds.Body.DEFERRED, "applied") == _state(store, app_id)
    _memory_pass(store, {"mail": server}, NOW)
    assert ("rejection", kinds.Body.READ, "rejected") == _state(store, app_id)


def test_engine_deferred_mail_of_an_account_that_cannot_connect_is_classified_by_headers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, app_id, server = _left_deferred(tmp_path, monkeypatch)
    report = _memory_pass(store, {"mail": server}, NOW, passwords={"mail": "wrong"})
    assert not report.accounts[0].ok
    assert ("interview", kinds.Body.PENDING, "interviewing") == _state(store, app_id)


def test_engine_text_of_mail_whose_application_was_deleted_is_given_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, app_id, server = _left_deferred(tmp_path, monkeypatch)
    with store.tx():
        store.remove_application(app_id)  # the purge, 30 days after `app remove`
    asked: list[list[int]] = []
    real = MemoryMailbox.texts

    def recording(self: MemoryMailbox, folder: str, uids: list[int], size: int
                  ) -> Iterator[dict[int, MailBody]]:
        asked.append(uids)
        return real(self, folder, uids, size)

    monkeypatch.setattr(MemoryMailbox, "texts", recording)
    for _ in range(kinds.MAX_BODY_TRIES + 2):
        _memory_pass(store, {"mail": server}, NOW)
    stored = kinds.get(store, MIXED_KEY)
    assert ([[1]] * kinds.MAX_BODY_TRIES, kinds.Body.GIVEN_UP) == (
        asked, stored.body if stored else None)
