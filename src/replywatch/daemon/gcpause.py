"""Garbage collection between passes, not in the middle of one.

Python starts a collection whenever enough objects were made; with thousands of
applications kept in memory a full one takes tens of milliseconds, and it tends to
land in a pass, between a reply and its alert. The daemon collects once after
each pass instead and freezes what survives (gc.freeze), so that the automatic
collections of the next pass only look at what that pass makes.
"""

from __future__ import annotations

import gc


def collect_and_freeze() -> None:
    """Collect garbage now that the pass's alerts are out, and freeze what lives on.

    With thousands of applications kept in memory, a full collection takes tens of
    milliseconds, and Python starts one whenever enough objects were made: in the
    middle of the next pass, between a reply and its alert. Frozen objects are
    never traversed by automatic collections (only by this one, after each pass,
    which unfreezes first, so nothing in a cycle is kept longer than a pass).
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def thaw() -> None:
    """Put frozen objects back in the collector's care (the daemon stops)."""
    gc.unfreeze()
