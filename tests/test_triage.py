"""Mail that no application can claim is kept settled as it is read, and is still
matched when the book changes later; mail that only a thread can claim is kept settled
with the ids it names, and claimed by an anchor the same pass adds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from replywatch.config import Account, Config, PasswordSource, Policy
from replywatch.core.matching import Index
from replywatch.core.model import Application, RawMessage, Stage
from replywatch.engine import PassReport, rematch, run_pass
from replywatch.mail.memory import MemoryMailbox, MemoryServer
from replywatch.oauth.sources import Credential
from replywatch.store import Store
from replywatch.store.threadwatch import MAX_REFS
from replywatch.triage import lazy, settled_test

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
ME = "me@mail.example"
ACME = Application(id=1, company="Acme", role="", stage=Stage.APPLIED, applied_at=NOW,
                   contacts=("jane@acme.com",), domains=("acme.com",))
SETTLED = settled_test(Index.build([ACME], {ME}), {ME})


def _raw(header: bytes, gm_thrid: int | None = None) -> RawMessage:
    return RawMessage("INBOX", 1, NOW, header + b"\r\n", gm_thrid=gm_thrid)


def test_settled_test_newsletter_to_the_user_settled_with_nothing_to_watch() -> None:
    assert () == SETTLED(_raw(b"From: News <news@shop.example>\r\nTo: me@mail.example\r\n"
                                b"Subject: Sale\r\nMessage-ID: <n1@shop.example>\r\n"))


def test_settled_test_anything_a_rule_or_discovery_may_need_waits() -> None:
    news = b"From: news@shop.example\r\nTo: me@mail.example\r\n"
    known = settled_test(Index.build([ACME._replace(thread_ids=("s1@mail.example",))], {ME}),
                         {ME})
    cases = {
        "contact domain in cc": _raw(news + b"Cc: boss@eng.acme.com\r\n"),
        "own mail": _raw(b"From: Me <ME@mail.example>\r\nTo: jobs@initech.example\r\n"),
        "relay sender": _raw(b"From: no-reply@us.greenhouse-mail.io\r\nTo: me@mail.example\r\n"),
        "8-bit id": _raw(news + "In-Reply-To: <blåbær@elsewhere.example>\r\n".encode()),
        "too many ids": _raw(news + b"References: " + b" ".join(
            b"<%d@elsewhere.example>" % i for i in range(MAX_REFS + 1)) + b"\r\n"),
    }
    named = _raw(news + b"References: <x@elsewhere.example>\r\n <s1@mail.example >\r\n")
    assert ({}, None) == ({name: SETTLED(raw) for name, raw in cases.items()
                           if SETTLED(raw) is not None}, known(named))


def test_settled_test_mail_that_names_a_thread_settled_with_the_ids_it_names() -> None:
    news = b"From: news@shop.example\r\nTo: me@mail.example\r\n"
    cases = {
        "thread field": _raw(news + b"In-Reply-To: <x@elsewhere.example>\r\n"),
        "folded references": _raw(news + b"REFERENCES :\r\n <x@elsewhere.example>\r\n"
                                  b" <y@elsewhere.example>\r\n"),
        "gmail thread": _raw(news, gm_thrid=77),
        "both, once": _raw(news + b"In-Reply-To: <x@elsewhere.example>\r\n"
                           b"References: <x@elsewhere.example>\r\n", gm_thrid=78),
    }
    assert {"thread field": ("x@elsewhere.example",),
            "folded references": ("x@elsewhere.example", "y@elsewhere.example"),
            "gmail thread": ("gmthr:77",),
            "both, once": ("gmthr:78", "x@elsewhere.example")} == {
        name: SETTLED(raw) for name, raw in cases.items()}


def _pass(store: Store, server: MemoryServer) -> PassReport:
    account = Account(name="mail", host="memory", username=ME, addresses=(ME,),
                      password=PasswordSource(kind="command", command=("echo", "unused")))

    def open_memory(account: Account, password: Credential) -> MemoryMailbox:
        return MemoryMailbox(server, server.password)

    return run_pass(Config(accounts=(account,), policy=Policy(timezone="UTC")), store, NOW,
                    open_mailbox=open_memory)


def test_pass_settled_mail_is_matched_after_the_book_changes(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    server = MemoryServer()
    server.add(b"From: Sara <sara@initech.example>\r\nTo: me@mail.example\r\n"
               b"Subject: Coffee?\r\nMessage-ID: <c1@initech.example>\r\n\r\n",
               internal_date=NOW - timedelta(days=2))
    first = _pass(store, server)
    pending = store.conn.execute("SELECT count(*) FROM messages WHERE processed = 0").fetchone()
    with store.tx():
        store.add_application(company="Initech", role="", applied_at=NOW - timedelta(days=9),
                              now=NOW, contacts=["sara@initech.example"])
    again = rematch(Config(policy=Policy(timezone="UTC")), store)
    assert ([], 0, ["c1@initech.example"]) == (
        first.matched, pending[0], [m.message_id for m in again.matched])


def test_pass_reply_linked_only_by_a_thread_started_in_the_same_pass_is_seen(
        tmp_path: Path) -> None:
    # The user writes to the contact (Sent); the answer comes from another address
    # that only the thread ties to the application: it must not be settled unread
    # (a stranger naming the thread is shown for review).
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        app_id = store.add_application(company="Acme", role="", applied_at=NOW - timedelta(days=9),
                                       now=NOW, contacts=["jane@acme.com"])
    server = MemoryServer()
    server.add(b"From: Me <me@mail.example>\r\nTo: jane@acme.com\r\nSubject: Hello\r\n"
               b"Message-ID: <s1@mail.example>\r\n\r\n", folder="Sent",
               internal_date=NOW - timedelta(days=3))
    server.add(b"From: Bob <bob@personal.example>\r\nTo: me@mail.example\r\nSubject: Re: Hello"
               b"\r\nIn-Reply-To: <s1@mail.example>\r\nMessage-ID: <r1@personal.example>\r\n\r\n",
               internal_date=NOW - timedelta(days=1))
    report = _pass(store, server)
    assert ([(app_id, "s1@mail.example")], [(app_id, "r1@personal.example")]) == (
        [(m.app_id, m.message_id) for m in report.matched],
        [(r.app_id, r.message_id) for r in report.review])


def test_lazy_loads_the_book_at_the_first_message_only() -> None:
    loads: list[int] = []

    def book() -> Index:
        loads.append(1)
        return Index.build([ACME], {ME})

    settled = lazy(book, {ME})
    before = len(loads)
    found = [settled(_raw(b"From: news@shop.example\r\n")),
             settled(_raw(b"From: jane@acme.com\r\n"))]
    assert (0, 1, [(), None]) == (before, len(loads), found)
