"""What a follow-up draft costs (issue 14): composing it from the store, and putting it
into Drafts on a throwaway local Dovecot.

Seeds an application whose thread has N messages (the user's and theirs in turn, each
answering the one before), then measures, best of 5:

- ``compose``: read the thread from the store, parse its headers, plan and word the
  draft (the daemon does this once per due action; a click on "Write follow-up" too);
- ``message_bytes`` and ``mailto``: the RFC 822 message and the link;
- ``put``: one draft into Drafts on a connected ImapMailbox (LIST, APPEND), with its
  command count; and a second ``put`` of the same action (no command at all).

Not a test: figures vary by machine.

    python bench/drafts.py [--messages 200]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from replywatch import log
from replywatch.config import Account, Security
from replywatch.core.model import Action, ActionKind, Direction, Event, RawMessage
from replywatch.daemon.drafts import put
from replywatch.demo.dovecot import LocalDovecot
from replywatch.mail.draft import compose, mailto, message_bytes, thread
from replywatch.mail.headers import raw_key
from replywatch.mail.imap import ImapMailbox
from replywatch.store import Store, mailstate

ME = "alex@example.org"
THEM = "jane@acme.com"


def seed(store: Store, n: int, now: datetime) -> tuple[int, Action]:
    """An application with a thread of ``n`` messages; return its id and a due follow-up."""
    with store.tx():
        app_id = store.add_application(company="Acme", role="Engineer", now=now,
                                       applied_at=now - timedelta(days=n + 8),
                                       contacts=[THEM])
        refs: list[str] = []
        for i in range(n):
            mine = i % 2 == 0
            when = now - timedelta(days=n + 8 - i)
            mid = f"m{i}@{'example.org' if mine else 'acme.com'}"
            header = (f"From: {'Alex Doe <' + ME if mine else 'Jane Roe <' + THEM}>\r\n"
                      f"To: {THEM if mine else ME}\r\nSubject: Re: Application\r\n"
                      f"Message-ID: <{mid}>\r\n"
                      + (f"In-Reply-To: <{refs[-1]}>\r\nReferences: "
                         + " ".join(f"<{r}>" for r in refs) + "\r\n" if refs else "")
                      + "\r\n").encode()
            raw = RawMessage("Sent" if mine else "INBOX", i + 1, when, header)
            mailstate.save_messages(store, "mail", [raw], raw_key)
            store.add_event(app_id, Event(at=when, direction=Direction.TO_THEM if mine
                                          else Direction.FROM_THEM, source="mail",
                                          message_id=raw_key(raw)))
            refs.append(mid)
    action = Action(app_id, ActionKind.FOLLOW_UP_DUE, now, now - timedelta(days=8), n=1,
                    max_n=3)
    return app_id, action


def best(work: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    args = parser.parse_args()
    log.setup(verbose=False, quiet=True)
    now = datetime.now(UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory() as folder, LocalDovecot() as dovecot:
        store = Store.open(Path(folder) / "bench.db")
        app_id, action = seed(store, args.messages, now)
        app = store.get(app_id)
        # Store -> draft: the thread read from the store and parsed, then composed.
        draft = compose(thread(store, app), app, action, own={ME}, fallback_from=ME)
        if draft is None:
            raise SystemExit("no draft composed")
        t_compose = best(lambda: compose(thread(store, app), app, action, own={ME},
                                         fallback_from=ME))
        t_bytes = best(lambda: (message_bytes(draft, now), mailto(draft)))
        account = Account(name="mail", host=dovecot.host, port=dovecot.port, username="bench",
                          security=Security.PLAIN)
        with ImapMailbox(account, dovecot.password) as box:
            before = box.commands
            start = time.perf_counter()
            put(store, box, draft, action, account="mail", now=now)
            t_put = time.perf_counter() - start
            first = box.commands - before
            before = box.commands
            put(store, box, draft, action, account="mail", now=now)
            second = box.commands - before
        store.close()
    print(f"thread of {args.messages} messages, {len(draft.plan.references)} references kept")
    print(f"compose (store -> draft):        {t_compose * 1000:8.2f} ms")
    print(f"message_bytes + mailto:          {t_bytes * 1000:8.2f} ms")
    print(f"put into Drafts (first):         {t_put * 1000:8.2f} ms, {first} IMAP commands")
    print(f"put again (same action):         {second} IMAP commands")


if __name__ == "__main__":
    main()
