"""The labelled matching set: enough cases of every sort, and >= 95 % agreement."""

from __future__ import annotations

from collections import Counter

from tests.matchset import evaluate

OUTCOMES = evaluate()


def test_matchset_covers_every_sort_of_mail_in_english_and_nordic() -> None:
    categories = Counter(o.case["category"] for o in OUTCOMES)
    langs = Counter(o.case["lang"] for o in OUTCOMES)
    labels = {o.expected if not o.expected.isdigit() else "id" for o in OUTCOMES}
    wanted = {"relay", "board", "inmail", "agency", "newsletter", "thread", "contact",
              "name_domain", "own", "none"}
    assert (True, set(), True, {"id", "none", "ambiguous", "review"}) == (
        len(OUTCOMES) >= 100, wanted - set(categories),
        langs["en"] >= 30 and langs["no"] + langs["sv"] + langs["da"] >= 30, labels)


def test_matchset_agreement_is_at_least_95_percent() -> None:
    misses = [(o.case["id"], o.expected, o.actual) for o in OUTCOMES if not o.agrees]
    assert len(misses) <= len(OUTCOMES) * 0.05, misses
