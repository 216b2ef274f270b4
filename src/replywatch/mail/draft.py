"""A follow-up draft as mail: the thread read from the store, the RFC 822 message, and
the RFC 6068 ``mailto:`` link that opens the user's mail client on the same reply.

core/draft.py plans it (who, subject, thread headers); drafttext.py words it; this
module turns the two into bytes for an IMAP APPEND or a link, and is the one place
that knows where a thread's messages live.
"""

from __future__ import annotations

import email.policy
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import format_datetime
from urllib.parse import quote

from replywatch.config import Account, Config
from replywatch.core.draft import DraftPlan, ThreadMail, draft_message_id, plan
from replywatch.core.model import Action, Application
from replywatch.mail import drafttext
from replywatch.mail.addresses import parse_address_list
from replywatch.mail.headers import MAX_ADDRESSES, MAX_HEADER_BYTES, parse_raw
from replywatch.store import Store, mailstate

# Lines of a mailto body: RFC 6068 wants CRLF, percent-encoded.
_CRLF = "\r\n"


@dataclass(frozen=True)
class Draft:
    """One composed draft: its plan, account (where the thread was read; None when
    the application has no mail yet), Message-ID (no brackets), subject and text."""

    plan: DraftPlan
    account: str | None
    message_id: str
    subject: str
    text: str


def thread(store: Store, app: Application) -> list[tuple[ThreadMail, str]]:
    """Return the application's matched messages as ThreadMail, each with its account,
    oldest first. Messages no longer in the store are left out."""
    found: list[tuple[ThreadMail, str]] = []
    for event in app.events:
        if event.source != "mail" or not event.message_id:
            continue
        raw = mailstate.message(store, event.message_id)
        place = mailstate.place(store, event.message_id)
        if raw is None or place is None:
            continue
        msg = parse_raw(raw)
        automated = (event.automated or msg.auto_reply or msg.list_id is not None
                     or msg.list_unsubscribe)
        found.append((ThreadMail(
            direction=event.direction, when=msg.when, message_id=msg.message_id,
            from_addr=msg.from_addr, from_name=msg.from_name, to=msg.to,
            reply_to=msg.reply_to, subject=msg.subject, references=msg.references,
            in_reply_to=msg.in_reply_to, automated=automated,
            to_names=_recipient_names(raw.header)), place[0]))
    found.sort(key=lambda pair: pair[0].when)
    return found


def _recipient_names(header: bytes) -> tuple[tuple[str, str], ...]:
    """Return (address, display name) of the To and Cc recipients that have a name.

    ``header`` is the stored, capped header block; the address lists are read by the
    same hostile-mail parser as matching's.
    """
    fields = BytesHeaderParser(policy=email.policy.compat32).parsebytes(
        header[:MAX_HEADER_BYTES])
    found: list[tuple[str, str]] = []
    for name in ("to", "cc"):
        for value in fields.get_all(name) or []:
            found += [(address, display) for display, address in parse_address_list(str(value))
                      if display]
    return tuple(found[:MAX_ADDRESSES])


def compose(mails: list[tuple[ThreadMail, str]], app: Application, action: Action, *,
            own: Collection[str], fallback_from: str) -> Draft | None:
    """Given the application's ``thread``, return the draft of ``action`` in the language
    in use, or None when the action takes no draft or there is nobody to write to."""
    made = plan(app, action, [m for m, _ in mails], own=own, fallback_from=fallback_from)
    if made is None:
        return None
    account = None
    if mails:
        replied = [acct for m, acct in mails if m.message_id == made.in_reply_to]
        account = replied[-1] if replied else mails[-1][1]
    subject = made.subject or drafttext.fallback_subject(made)
    return Draft(plan=made, account=account,
                 message_id=draft_message_id(action.key, made.from_addr),
                 subject=subject, text=drafttext.body(made))


def own_from(config: Config, account: Account | None) -> tuple[set[str], str]:
    """Return the user's own addresses and the address to write from when a thread
    shows none: the account's first own address, else its username."""
    own = config.own_addresses()
    if account is None:
        return own, next(iter(sorted(own)), "")
    return own, (account.addresses[0] if account.addresses else account.username)


def compose_for(config: Config, store: Store, app: Application, action: Action
                ) -> Draft | None:
    """Return the draft of ``action`` in the language in use, or None (see compose)."""
    mails = thread(store, app)  # read once: both tries below write in the same thread
    first = config.accounts[0] if config.accounts else None
    own, fallback = own_from(config, first)
    made = compose(mails, app, action, own=own, fallback_from=fallback)
    if made is None or made.account is None or made.account == (first.name if first else None):
        return made
    # The thread lives in another account: write from that account's address.
    account = next((a for a in config.accounts if a.name == made.account), None)
    own, fallback = own_from(config, account)
    return compose(mails, app, action, own=own, fallback_from=fallback)


def _address(name: str, address: str) -> Address:
    try:
        return Address(display_name=name, addr_spec=address)
    except (HeaderParseError, ValueError, IndexError):
        # A name the header parser cannot take is left out; the address stays.
        return Address(addr_spec=address)


def message_bytes(draft: Draft, when: datetime) -> bytes:
    """Return the draft as an RFC 822 message: UTF-8 text/plain, quoted-printable,
    headers RFC 2047-encoded where they need it, CRLF line ends."""
    p = draft.plan
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = _address(p.from_name, p.from_addr)
    msg["To"] = _address(p.to_name, p.to_addr)
    msg["Subject"] = draft.subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{draft.message_id}>"
    if p.in_reply_to:
        msg["In-Reply-To"] = f"<{p.in_reply_to}>"
    if p.references:
        msg["References"] = " ".join(f"<{mid}>" for mid in p.references)
    msg["User-Agent"] = "replywatch"
    msg.set_content(draft.text, charset="utf-8", cte="quoted-printable")
    return msg.as_bytes()


def mailto(draft: Draft) -> str:
    """Return the RFC 6068 link that opens a mail client on the draft: To, Subject,
    body and In-Reply-To, each percent-encoded as UTF-8."""
    fields = [("subject", draft.subject),
              ("body", _CRLF.join(draft.text.rstrip("\n").split("\n")))]
    if draft.plan.in_reply_to:
        fields.append(("In-Reply-To", f"<{draft.plan.in_reply_to}>"))
    query = "&".join(f"{name}={quote(value, safe='')}" for name, value in fields)
    return f"mailto:{quote(draft.plan.to_addr, safe='@')}?{query}"
