"""Lookup tokens: what a stored message can be found by, and what a book change asks for.

After the book changes, only mail that the change can affect is matched again
(engine.rematch). Each stored message is indexed under tokens of what
``matching.match`` reads of it (its parsed addresses, the ids it refers to, and for
relay or job-board mail the words of its display name and subject); each
application has the tokens that its contacts, domains, thread anchors, relay
addresses and name look for. An application can decide differently about a message
only if the message carries one of its tokens, so the candidates of a change are the
messages indexed under the tokens that changed (plus an "always" bucket of messages
that could not be read).

Tokens are short strings with a kind prefix (the store keeps their CRCs):

- ``r:`` the ids a message refers to (In-Reply-To, References, ``gmthr:`` thread);
  an application's thread anchors.
- ``a:`` a message's From, Reply-To, To and Cc, canonical (no ``+tag``); an
  application's contacts and relay addresses.
- ``d:`` those addresses' domains and parents, but free mail, relays and boards
  (the domain rule passes them over); a company's domains.
- ``l:`` the registrable label of such a domain, squashed; the run-together forms
  of the name of an application with no contact and no domain.
- ``w:`` relay and board mail only: the words of display name and subject, and the
  sender's employer slots; the first word and run-together forms of a name.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from replywatch.core.domains import (
    board_base,
    domain_of,
    registrable_label,
    relay_base,
    says_nothing,
)
from replywatch.core.matching import canonical, thread_anchor
from replywatch.core.model import Application
from replywatch.core.names import CompanyName, squash, words
from replywatch.core.senders import relay_slots

ALWAYS = "*"  # the bucket of messages that every change looks at
SIGNATURE = "s:"  # prefix of an application's signature token (never looked up)

def mail_tokens(addresses: Iterable[str], ids: Iterable[str], gm_thrid: int | None
                ) -> set[str]:
    """Given a message's parsed addresses (From, Reply-To, To, Cc), the ids it refers
    to (In-Reply-To, References) and its Gmail thread id, return its tokens.

    These are what ``matching.match`` reads of a message apart from its words: an
    application can only decide differently about a message that carries one of its
    tokens.
    """
    found = {f"r:{i}" for i in ids}
    if gm_thrid is not None:
        found.add(f"r:{thread_anchor(gm_thrid)}")
    for address in addresses:
        found.add(f"a:{canonical(address)}")
        found |= _domain_tokens(domain_of(address))
    return found


@lru_cache(maxsize=4096)  # a mailbox's mail comes from few domains, over and over
def _domain_tokens(domain: str) -> frozenset[str]:
    if says_nothing(domain):  # the domain rule passes these over
        return frozenset()
    parts = domain.split(".")
    found = {"d:" + ".".join(parts[i:]) for i in range(len(parts) - 1)}
    found.add(f"l:{squash(registrable_label(domain))}")
    return frozenset(found)


def is_relayed(address: str | None) -> bool:
    """Return True if mail from this sender is matched by the words it carries (a
    relay's or a job board's), so that its ``text_tokens`` are needed.
    """
    if address is None:
        return False
    domain = domain_of(address)
    return relay_base(domain) is not None or board_base(domain) is not None


def text_tokens(from_name: str, subject: str, sender: str) -> set[str]:
    """Given relay or board mail's display name, subject and sender, return the ``w:``
    tokens under which a company name in them (or in the address's slots) is found.
    """
    found = {f"w:{w}" for w in words(f"{from_name} {subject}")}
    for slot in relay_slots(sender):
        found |= {f"w:{w}" for w in words(slot)}
        found.add(f"w:{squash(slot)}")
    return found


def app_tokens(app: Application) -> set[str]:
    """Given a matchable application, return every token its matching looks for, and
    its signature: the company and role, which decide ties and name matches.
    """
    found = {f"{SIGNATURE}{app.company}\x00{app.role}"}
    found |= {f"r:{anchor}" for anchor in app.thread_ids}
    found |= {f"a:{canonical(address)}" for address in (*app.contacts, *app.relay_senders)}
    found |= {f"d:{domain}" for domain in app.domains}
    name = CompanyName.of(app.company)
    if name.usable:
        if not app.contacts and not app.domains:
            found |= {f"l:{form}" for form in name.forms}
        found |= {f"w:{form}" for form in name.forms if form}
        found.add(f"w:{name.short[0]}")
    return found


def changed_tokens(before: dict[int, set[str]], after: dict[int, set[str]],
                   touched: Iterable[int] = ()) -> set[str]:
    """Given each application's tokens before and after a change, return the tokens
    whose mail may match differently: those added or dropped, and every token of an
    application that came, went, changed its signature, or is named in ``touched``
    (changed in between in ways the two cannot show, such as removed and restored).
    """
    changed: set[str] = set()
    touched = frozenset(touched)
    for app_id in before.keys() | after.keys():
        old, new = before.get(app_id, set()), after.get(app_id, set())
        if old == new and app_id not in touched:
            continue
        if app_id in touched or _signature(old) != _signature(new):
            changed |= old | new
        else:
            changed |= old ^ new
    return {t for t in changed if not t.startswith(SIGNATURE)}


def _signature(tokens: set[str]) -> str | None:
    return next((t for t in tokens if t.startswith(SIGNATURE)), None)
