"""The labelled matching set: agreement with the labels, per category, and the misses.

Runs every case of tests/data/matching/cases.json (a book of applications and one
message's headers each) through the real header parser and matcher, and prints the
share of cases where the outcome (application id, none, ambiguous, review) is the
label's; then the time match() takes per message of the set (parsing apart). Not a
test: tests/test_matchset.py holds the 95 % floor.

    python bench/matching.py
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.matchset import evaluate, load

from replywatch.core.matching import match

ROUNDS = 200


def main() -> int:
    """Print agreement overall and per category, then each miss."""
    outcomes = evaluate()
    agree = sum(o.agrees for o in outcomes)
    print(f"agreement: {agree}/{len(outcomes)} = {agree / len(outcomes):.1%}")
    by: dict[str, list[bool]] = defaultdict(list)
    for o in outcomes:
        by[o.case["category"]].append(o.agrees)
        by[f"lang:{o.case['lang']}"].append(o.agrees)
    for key in sorted(by):
        hits = by[key]
        print(f"  {key:<14} {sum(hits):>3}/{len(hits):<3} {sum(hits) / len(hits):.0%}")
    misses = [o for o in outcomes if not o.agrees]
    print(f"misses: {len(misses)}")
    for o in misses:
        note = f"  ({o.case['note']})" if o.case.get("note") else ""
        print(f"  #{o.case['id']} expected {o.expected}, got {o.actual}: "
              f"{' | '.join(o.case['headers'])}{note}")
    index, cases = load()
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(ROUNDS):
            for _, msg in cases:
                match(msg, index)
        best = min(best, time.perf_counter() - start)
    per = best / (ROUNDS * len(cases)) * 1e6
    print(f"match(): {per:.1f} us per message, book of {len(index.names)} applications")
    return 0


if __name__ == "__main__":
    sys.exit(main())
