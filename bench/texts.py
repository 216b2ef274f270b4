"""What reading matched mail's text costs (issue #10): a first pass with and without it.

Seeds a throwaway local Dovecot with N messages from one application's contact (each
with a text body of SIZE bytes, half plain, half HTML-only) among 9*N unrelated ones,
then measures on fresh stores:

- ``run_pass`` as the product runs it: sync, match, classify from the headers, read
  the text of the N matched messages (BODY.PEEK, 16 KB a part), classify again; and
  the same pass with no application, so that nothing matches and no text is read;
- the text reading alone: ``ImapMailbox.fetch_texts`` over the N UIDs, with its
  command count.

Best of 3 each. Not a test: figures vary by machine.

    python bench/texts.py [--matched 200] [--size 100000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from replywatch import log
from replywatch.config import Account, Config, PasswordSource, Policy, Security
from replywatch.demo.dovecot import LocalDovecot
from replywatch.engine import run_pass
from replywatch.mail.imap import ImapMailbox
from replywatch.store import Store

USER = "bench"
CONTACT = "jane@contoso.com"


def message(n: int, sender: str, size: int, html: bool, when: datetime) -> bytes:
    """One message of about ``size`` bytes of text."""
    # A receipt as ATSs write it, then a long footer (legal text, privacy notice) that
    # holds no phrase of any kind, up to ``size``.
    receipt = ("Hi Alex,\r\n\r\nThank you for applying to Contoso. We have received your "
               "application and our team will review it. If your profile matches what we "
               "are looking for, we will be in touch.\r\n\r\nContoso Talent Team\r\n\r\n")
    footer = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod. "
    words = (receipt + footer * (size // len(footer) + 1))[:size]
    body = f"<html><body><p>{words}</p></body></html>" if html else words
    kind = "text/html" if html else "text/plain"
    return (f"From: {sender}\r\nTo: me@example.org\r\nSubject: Application {n}\r\n"
            f"Date: {format_datetime(when)}\r\nMessage-ID: <b{n}@bench>\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: {kind}; charset=utf-8\r\n\r\n{body}\r\n"
            ).encode()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--matched", type=int, default=200)
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args()
    log.setup(verbose=False, quiet=True)
    now = datetime.now(UTC)
    with LocalDovecot() as server:
        for n in range(args.matched * 10):
            sender = CONTACT if n % 10 == 0 else f"someone{n}@example.net"
            when = now - timedelta(hours=n)
            server.add_message(USER, message(n, sender, args.size, n % 20 == 0, when),
                               internal_date=when)
        account = Account(name="bench", host="127.0.0.1", port=server.port, username=USER,
                          security=Security.PLAIN, addresses=("me@example.org",),
                          password=PasswordSource(kind="command",
                                                  command=("printf", "%s", server.password)))
        config = Config(accounts=(account,), policy=Policy(timezone="UTC"))
        passes: dict[bool, list[float]] = {True: [], False: []}
        kinds: set[str | None] = set()
        for _ in range(3):
            for with_app in (False, True):
                with tempfile.TemporaryDirectory(prefix="replywatch-bench-") as folder:
                    store = Store.open(Path(folder) / "s.db")
                    if with_app:
                        with store.tx():
                            store.add_application(company="Contoso", role="", now=now,
                                                  applied_at=now - timedelta(days=200),
                                                  contacts=[CONTACT])
                    start = time.perf_counter()
                    report = run_pass(config, store, now)
                    passes[with_app].append(time.perf_counter() - start)
                    kinds |= {m.kind for m in report.matched}
                    store.close()
        fetches = []
        with ImapMailbox(account, server.password) as mailbox:
            uids = [n + 1 for n in range(0, args.matched * 10, 10)]
            mailbox.examine("INBOX")
            for _ in range(3):
                before = mailbox.commands
                start = time.perf_counter()
                texts = mailbox.fetch_texts("INBOX", uids)
                fetches.append(time.perf_counter() - start)
                commands = mailbox.commands - before
        longest = max(len(t.text) for t in texts.values())
        print(f"mailbox: {args.matched * 10} messages, {args.matched} matched, "
              f"{args.size} bytes of text each")
        print(f"first pass, nothing matched (no text read): {min(passes[False]):.3f} s")
        print(f"first pass, {args.matched} matched (classified, texts read): "
              f"{min(passes[True]):.3f} s; kinds: {sorted(k or '-' for k in kinds)}")
        print(f"reading {len(texts)} texts: {min(fetches):.3f} s in {commands} commands "
              f"({min(fetches) / len(texts) * 1000:.2f} ms a message); "
              f"longest text kept: {longest} characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
