"""The labelled mailbox of tests/data/discover, read into what discovery sees."""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from pathlib import Path

from replywatch.core.discover import Seen
from replywatch.core.names import CompanyName

DATA = Path(__file__).resolve().parent / "data" / "discover"
ME = "alex.berg@gmail.com"


@dataclass(frozen=True)
class Labelled:
    file: str
    seen: Seen
    company: str
    role: str
    set: str  # "tuned" (the rules were made on it) or "holdout" (written after)


def seen_of(raw: bytes, folder: str) -> Seen:
    """Read one .eml as discovery's input: headers, the first text part, attachments."""
    msg = message_from_bytes(raw, policy=default)
    assert isinstance(msg, EmailMessage)
    name, addr = parseaddr(str(msg.get("From", "")))
    body_part = msg.get_body(preferencelist=("plain", "html"))
    body = body_part.get_content() if body_part is not None else ""
    files = tuple(part.get_filename() or "" for part in msg.iter_attachments())
    return Seen(
        sent_by_user=folder == "sent", from_addr=addr.lower(), from_name=name,
        to=tuple(a.lower() for _, a in getaddresses([str(msg.get("To", ""))])),
        subject=str(msg.get("Subject", "")),
        when=parsedate_to_datetime(str(msg["Date"])),
        message_id=str(msg.get("Message-ID", "")).strip("<>") or None,
        body=str(body), attachments=files,
        bulk=bool(msg.get("List-Unsubscribe") or msg.get("List-Id")),
        reply=bool(msg.get("In-Reply-To")))


def mailbox() -> list[Labelled]:
    """Return every labelled message."""
    with (DATA / "labels.csv").open(encoding="utf-8") as rows:
        return [Labelled(r["file"], seen_of((DATA / r["file"]).read_bytes(), r["folder"]),
                         r["company"], r["role"], r["set"]) for r in csv.DictReader(rows)]


def same_company(proposed: str, labelled: str) -> bool:
    """Return True when two company names are the same name written differently."""
    return bool(labelled) and CompanyName.of(proposed).squashed == CompanyName.of(labelled).squashed


def headers_only(seen: Seen) -> Seen:
    """Return what a pass reads of an unmatched message: no body, no attachment names,
    and the classifier's kind from the headers where they decide one."""
    from replywatch.core.classify import classify
    from replywatch.core.kinds import Kind, MailText

    kind = None
    if not seen.sent_by_user:
        said = classify(MailText(sender=seen.from_addr, display_name=seen.from_name,
                                 subject=seen.subject))
        kind = None if said.kind is Kind.OTHER else said.kind
    return replace(seen, body="", attachments=(), kind=kind)
