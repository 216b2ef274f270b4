"""Which messages read in a pass need matching at all: most mail is settled as it is kept.

On a first pass over a large mailbox nearly every message belongs to no application
and can be proposed as none. Such a message is stored already processed, so that
the pass never reads it back, tests it again or updates it: the prefilter proves
that no contact, domain, relay, board or company-name domain is in it, and that it
names no thread anchor the book holds; and its From names neither the user nor a
relay or board (discovery). A message that names a thread (In-Reply-To, References,
a Gmail thread id) is settled too, with the ids it names: an anchor added later in
the same pass claims it (``store.threadwatch``). A later change of the book reopens
it like any other unmatched message (``mailstate.reopen_unmatched``).
"""

from __future__ import annotations

from collections.abc import Callable

from replywatch.core.matching import Index, thread_refs
from replywatch.core.model import RawMessage
from replywatch.discovery import from_mine, own_pattern
from replywatch.store.threadwatch import MAX_REFS

# None: the message waits for matching; else it is settled, and claimed if an anchor
# added in the same pass is one of these ids (none: nothing can claim it).
Verdict = tuple[str, ...] | None
Settled = Callable[[RawMessage], Verdict]


def settled_test(index: Index, own: set[str]) -> Settled:
    """Given the matching index of the book and the user's own addresses, return the
    test of a raw message: None when a rule could match it now or discovery could
    propose it, else the ids by which a thread anchor added later could still claim it.
    """
    prefilter = index.prefilter()
    anchors = prefilter.anchors
    mine = own_pattern(own)

    def settled(raw: RawMessage) -> Verdict:
        header = raw.header
        refs = thread_refs(header, raw.gm_thrid)
        # could_match_sender knows the relays and boards too: From is read for the
        # user's own addresses only (``discovery.from_mine``).
        if refs is None or prefilter.could_match_sender(header) or from_mine(header, mine):
            return None
        if refs and (len(refs) > MAX_REFS or any(ref in anchors for ref in refs)):
            return None
        return refs

    return settled


def lazy(index: Callable[[], Index], own: set[str]) -> Settled:
    """Return ``settled_test`` of ``index()`` and ``own``, made when the first message is
    tested: a pass with nothing new never loads the book for it.
    """
    made: list[Settled] = []

    def settled(raw: RawMessage) -> Verdict:
        if not made:
            made.append(settled_test(index(), own))
        return made[0](raw)

    return settled
