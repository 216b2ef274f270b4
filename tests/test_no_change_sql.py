"""A pass where nothing changed costs the same at any mailbox size: no SQL statement
of it reads a whole table that grows with the mail (every query on one uses an index)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from replywatch.config import Account, Config, PasswordSource, Policy
from replywatch.engine import PassReport, run_pass
from replywatch.mail.memory import MemoryMailbox, MemoryServer
from replywatch.oauth.sources import Credential
from replywatch.store import Store

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
# Tables whose rows grow with the mailbox (one row per message read, matched or
# proposed): a statement that scans one costs more at 200,000 messages than at 1,000.
# (set_aside is counted on every pass, over its index: it holds the few messages whose
# parsing failed, not a share of the mail.)
GROWING = ("messages", "message_kinds", "proposals", "events", "thread_anchors")


def _pass(store: Store, server: MemoryServer, now: datetime) -> PassReport:
    account = Account(name="mail", host="memory", username="me@mail.example",
                      addresses=("me@mail.example",),
                      password=PasswordSource(kind="command", command=("echo", "unused")))
    config = Config(accounts=(account,), policy=Policy(timezone="UTC"))

    def open_memory(account: Account, password: Credential) -> MemoryMailbox:
        return MemoryMailbox(server, server.password)

    return run_pass(config, store, now, open_mailbox=open_memory)


def _seeded(tmp_path: Path) -> tuple[Store, MemoryServer]:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        store.add_application(company="Acme", role="Engineer", applied_at=NOW - timedelta(days=9),
                              now=NOW, contacts=["jane@acme.com"])
    server = MemoryServer()
    for n in range(40):
        sender = "Jane <jane@acme.com>" if n % 10 == 0 else f"Shop <news{n}@shop.example>"
        server.add(f"From: {sender}\r\nTo: me@mail.example\r\nSubject: Note {n}\r\n"
                   f"Message-ID: <m{n}@x.example>\r\n\r\nHello.\r\n".encode(),
                   internal_date=NOW - timedelta(days=n % 20))
    server.add(b"From: Me <me@mail.example>\r\nTo: jobs@initech.example\r\n"
               b"Subject: Application for Data Engineer\r\nMessage-ID: <s1@mail.example>\r\n\r\n"
               b"Hello.\r\n", folder="Sent", internal_date=NOW - timedelta(days=3))
    return store, server


def test_no_change_pass_every_query_on_a_growing_table_uses_an_index(tmp_path: Path) -> None:
    store, server = _seeded(tmp_path)
    first = _pass(store, server, NOW)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    _pass(store, server, NOW + timedelta(minutes=1))
    store.conn.set_trace_callback(None)
    # A partial index holds only the rows its WHERE selects (messages_pending: the
    # pending ones, none after a pass): walking it is no table-wide read.
    partial = {str(r[0]) for r in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'")}
    scans = []
    for sql in statements:
        if not sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "INSERT")):
            continue
        plan = [row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        scans += [(sql, step) for step in plan
                  if step.startswith("SCAN ") and step.split()[1] in GROWING
                  and not (" INDEX " in step and step.split(" INDEX ")[1].split()[0] in partial)]
    assert (4, []) == (len(first.matched), scans)
