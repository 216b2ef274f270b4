"""Precision and recall of proposed applications on the labelled mailbox.

    .venv/bin/python bench/discover.py

Targets (issue "Find the applications in the mailbox"): recall >= 95 %, precision
>= 98 %: a wrong proposal costs the user's trust more than a missed one.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.discover_mailbox import Labelled, headers_only, mailbox, same_company

from replywatch.core.discover import propose


def main() -> None:
    every = mailbox()
    for name in ("tuned", "holdout", "all"):
        items = [i for i in every if name in ("all", i.set)]
        print(f"== {name} ==")
        report(items)
    # What a pass sees today: the headers only (no body, no attachment names), with the
    # classifier's kind from those headers, as discovery.py builds it.
    print("== all, headers only (what `check` reads of unmatched mail) ==")
    report([replace(i, seen=headers_only(i.seen)) for i in every])


def report(items: list[Labelled]) -> None:
    start = time.perf_counter()
    results = [(item, propose(item.seen)) for item in items]
    elapsed = time.perf_counter() - start
    positives = [i for i in items if i.company]
    proposed = [(i, p) for i, p in results if p is not None]
    right = [(i, p) for i, p in proposed if same_company(p.company, i.company)]
    roles = [(i, p) for i, p in right if i.role]
    role_ok = sum(1 for i, p in roles if p.role.casefold() == i.role.casefold())
    print(f"messages {len(items)} (to propose {len(positives)}, not {len(items) - len(positives)})")
    print(f"precision {len(right) / max(len(proposed), 1):.1%} ({len(right)}/{len(proposed)})")
    print(f"recall    {len(right) / max(len(positives), 1):.1%} ({len(right)}/{len(positives)})")
    print(f"role named where the mail names it: {role_ok}/{len(roles)}")
    print(f"time: {elapsed / len(items) * 1000:.2f} ms per message")
    for item, prop in results:
        got = prop.company if prop else ""
        if not (same_company(got, item.company) or (not got and not item.company)):
            print(f"  MISS {item.file}: expected {item.company!r}, got {got!r}"
                  f"  [{item.seen.subject[:60]}]")
    for item, prop in roles:
        if prop.role.casefold() != item.role.casefold():
            print(f"  ROLE {item.file}: expected {item.role!r}, got {prop.role!r}")


if __name__ == "__main__":
    main()
