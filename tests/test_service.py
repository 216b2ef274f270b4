"""Pieces of the daemon that need no subprocess: the retry backoff."""

from __future__ import annotations

import random

import pytest

from replywatch.daemon.idle import BACKOFF_CAP, BACKOFF_FIRST, backoff


@pytest.mark.parametrize(
    ("attempt", "ceiling"),
    [(1, BACKOFF_FIRST), (2, 2 * BACKOFF_FIRST), (5, 16 * BACKOFF_FIRST), (9, BACKOFF_CAP),
     (10_000, BACKOFF_CAP)],
)
def test_backoff_doubles_then_caps_with_jitter(attempt: int, ceiling: float) -> None:
    rng = random.Random(7)
    waits = [backoff(attempt, rng) for _ in range(200)]
    assert (True, True) == (all(ceiling / 2 <= w <= ceiling for w in waits),
                            len({round(w, 6) for w in waits}) > 100)  # jittered, not fixed
