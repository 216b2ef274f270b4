"""The lookup tokens of a message as read from the server (core/lookup.py says why).

The fields are read by the same functions as ``headers.parse_headers`` reads them,
so that a token stands for exactly what matching will see; only relay and job-board
mail, matched by the company's name in its words, has its display name and subject
decoded.
"""

from __future__ import annotations

from replywatch.core.lookup import ALWAYS, is_relayed, mail_tokens, text_tokens
from replywatch.core.model import MAX_HEADER_BYTES, RawMessage
from replywatch.mail.addresses import parse_sender
from replywatch.mail.headers import _addresses, _first, _ids, _split_fields, parse_raw


def message_tokens(raw: RawMessage) -> set[str]:
    """Given a message as read, return the tokens it is stored under.

    A message the parser fails on goes in the "always" bucket: matching will set it
    aside, and until then every change of the book looks at it.
    """
    try:
        fields = _split_fields(raw.header[:MAX_HEADER_BYTES])
        from_value = _first(fields, "from")
        sender = parse_sender(from_value)[0] if from_value is not None else None
        addresses = _addresses(fields, "reply-to", "to", "cc")
        ids = (*_ids(fields, "in-reply-to"), *_ids(fields, "references"))
        tokens = mail_tokens((sender, *addresses) if sender else addresses, ids, raw.gm_thrid)
        if is_relayed(sender):
            msg = parse_raw(raw)
            if msg.from_addr is not None:
                tokens |= text_tokens(msg.from_name, msg.subject, msg.from_addr)
    except Exception:  # one hostile message must not stop a sync
        return {ALWAYS}
    return tokens
