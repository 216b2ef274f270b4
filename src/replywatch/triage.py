"""Which messages read in a pass need matching at all: most mail is settled as it is kept.

On a first pass over a large mailbox nearly every message belongs to no application
and can be proposed as none. Such a message is stored already processed, so that
the pass never reads it back, tests it again or updates it: the prefilter proves
that no contact, domain, relay, board or company-name domain is in it; it has no
In-Reply-To or References and no Gmail thread id, so that no thread anchor added
later in the same pass can claim it; and its From names neither the user nor a
relay or board (discovery). A later change of the book reopens it like any other
unmatched message (``mailstate.reopen_unmatched``).
"""

from __future__ import annotations

from collections.abc import Callable

from replywatch.core.matching import Index, names_a_thread
from replywatch.core.model import RawMessage
from replywatch.discovery import could_propose, own_pattern

Settled = Callable[[RawMessage], bool]


def settled_test(index: Index, own: set[str]) -> Settled:
    """Given the matching index of the book and the user's own addresses, return the
    test of a raw message that is True only when no rule can match it in this pass
    and discovery cannot propose it.
    """
    prefilter = index.prefilter()
    mine = own_pattern(own)

    def settled(raw: RawMessage) -> bool:
        header = raw.header
        return (raw.gm_thrid is None and not names_a_thread(header)
                and not prefilter.could_match(header, None)
                and not could_propose(header, mine))

    return settled


def lazy(index: Callable[[], Index], own: set[str]) -> Settled:
    """Return ``settled_test`` of ``index()`` and ``own``, made when the first message is
    tested: a pass with nothing new never loads the book for it.
    """
    made: list[Settled] = []

    def settled(raw: RawMessage) -> bool:
        if not made:
            made.append(settled_test(index(), own))
        return made[0](raw)

    return settled
