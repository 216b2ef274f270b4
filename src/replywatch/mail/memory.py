"""An in-memory mailbox: the engine's fast stand-in for IMAP in unit tests and tools.

``MemoryServer`` holds folders of raw messages; ``MemoryMailbox`` is one connection
to it, with the engine's ``Mailbox`` methods and the semantics of ``ImapMailbox``
that the engine relies on (UIDs grow, a UIDVALIDITY change means re-read, the first
read looks back to a date). The same contract suite runs against both
(tests/mail/mailbox_contract.py), so an engine test on this one tells the truth
about the real one.
"""

from __future__ import annotations

import email
import email.policy
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from replywatch.core.model import FolderState, RawMessage
from replywatch.errors import MailboxError
from replywatch.mail.bodies import PART_CAP, MailBody, Part, decode_part
from replywatch.mail.folders import Folder
from replywatch.mail.headers import peek_message_id

_validities = itertools.count(1000)


@dataclass
class _Folder:
    role: str
    uidvalidity: int = field(default_factory=lambda: next(_validities))
    messages: list[tuple[int, datetime, bytes]] = field(default_factory=list)
    uidnext: int = 1


class MemoryServer:
    """Folders of raw messages: INBOX, Sent, Junk and Archive, by role."""

    def __init__(self, password: str = "secret") -> None:  # noqa: S107 - a fake's known password
        self.password = password
        self.folders: dict[str, _Folder] = {
            "INBOX": _Folder("inbox"), "Sent": _Folder("sent"),
            "Junk": _Folder("junk"), "Archive": _Folder("archive"),
            "Drafts": _Folder("drafts"),
        }
        self.flags: dict[tuple[str, int], frozenset[str]] = {}  # (folder, UID) -> flags

    def add(self, raw: bytes, *, folder: str = "INBOX",
            internal_date: datetime | None = None) -> int:
        """Append one message; return its UID. ``internal_date`` is aware (default now)."""
        box = self.folders[folder]
        uid = box.uidnext
        box.uidnext += 1
        box.messages.append((uid, internal_date or datetime.now(UTC), raw))
        return uid

    def renumber(self, folder: str) -> None:
        """Give ``folder`` a new UIDVALIDITY and new UIDs, as a server that lost its
        index does: a client must read the folder again."""
        box = self.folders[folder]
        box.uidvalidity = next(_validities)
        box.messages = [(i, when, raw) for i, (_, when, raw)
                        in enumerate(box.messages, start=1)]
        box.uidnext = len(box.messages) + 1


class MemoryMailbox:
    """One connection to a MemoryServer; ``commands`` counts the calls that would be
    IMAP commands."""

    def __init__(self, server: MemoryServer, password: str) -> None:
        self.server = server
        self._password = password
        self._connected = False
        self.commands = 0

    def connect(self) -> None:
        """Log in. Raise MailboxError when the password is wrong."""
        self.commands += 1
        if self._password != self.server.password:
            raise MailboxError("memory mailbox: login refused: wrong password")
        self._connected = True

    def close(self) -> None:
        """Disconnect."""
        self._connected = False

    def settle(self) -> None:
        """End a pass on a kept connection: nothing to do here (no folder is selected)."""
        self._check()

    def folders(self) -> list[Folder]:
        """Return the folders to read: INBOX and the special-use ones, by role."""
        self._check()
        self.commands += 1
        # Drafts is where replywatch writes, not a folder it reads (as on IMAP).
        return [Folder(name, box.role) for name, box in self.server.folders.items()
                if box.role != "drafts"]

    def read_folder(
        self, folder: Folder, state: FolderState | None, since: date
    ) -> tuple[FolderState, Iterator[RawMessage]]:
        """Return the folder's new state and the messages new since ``state``: all
        since ``since`` when there is no state or its UIDVALIDITY changed."""
        self._check()
        self.commands += 1
        box = self.server.folders[folder.name]
        if state is not None and state.uidvalidity == box.uidvalidity:
            picked = [m for m in box.messages if m[0] > state.last_uid]
            last = max((m[0] for m in picked), default=state.last_uid)
        else:
            picked = [m for m in box.messages if m[1].astimezone(UTC).date() >= since]
            last = max((m[0] for m in picked), default=0)
        new_state = FolderState(box.uidvalidity, last, None, box.uidnext)
        messages = [RawMessage(folder.name, uid, when, raw) for uid, when, raw in picked]
        return new_state, iter(messages)

    def fetch_texts(self, folder: str, uids: list[int]) -> dict[int, MailBody]:
        """Return the start of the text (and calendar part) of messages still in the
        folder, chosen and capped as the IMAP edge does."""
        self._check()
        self.commands += 2  # BODYSTRUCTURE, then the parts
        wanted = set(uids)
        return {uid: _body(raw) for uid, _, raw in self.server.folders[folder].messages
                if uid in wanted}

    def texts(self, folder: str, uids: list[int], size: int) -> Iterator[dict[int, MailBody]]:
        """Yield ``fetch_texts`` of ``uids`` a batch of ``size`` at a time."""
        for start in range(0, len(uids), size):
            yield self.fetch_texts(folder, uids[start:start + size])

    def drafts_folder(self) -> str | None:
        """Return the folder whose role is drafts, or None when the server has none."""
        self._check()
        self.commands += 1
        return next((name for name, box in self.server.folders.items()
                     if box.role == "drafts"), None)

    def has_message_id(self, folder: str, message_id: str) -> bool:
        """Return True if ``folder`` holds a message with this Message-ID."""
        self._check()
        self.commands += 2  # EXAMINE, SEARCH HEADER
        return any(peek_message_id(raw) == message_id
                   for _, _, raw in self.server.folders[folder].messages)

    def append_draft(self, folder: str, raw: bytes, when: datetime) -> None:
        """Append ``raw`` to ``folder`` with the flags \\Draft and \\Seen."""
        self._check()
        self.commands += 1
        if folder not in self.server.folders:
            raise MailboxError(f"memory mailbox: APPEND to {folder}: no such folder")
        uid = self.server.add(raw, folder=folder, internal_date=when)
        self.server.flags[(folder, uid)] = frozenset({"\\Draft", "\\Seen"})

    def _check(self) -> None:
        if not self._connected:
            raise MailboxError("memory mailbox: not connected")


def _body(raw: bytes) -> MailBody:
    """Return what the IMAP edge would read of one message: the first inline text part
    (plain, else HTML) and the first calendar part, each cut at ``PART_CAP`` bytes."""
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    found: dict[str, tuple[Part, bytes]] = {}
    for n, part in enumerate(msg.walk()):
        if part.get_content_maintype() != "text" or len(found) == 3:
            continue
        subtype = part.get_content_subtype()
        inline = subtype == "calendar" or part.get_content_disposition() != "attachment"
        if inline and subtype in ("plain", "html", "calendar") and subtype not in found:
            payload = part.get_payload(decode=False)
            data = payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) \
                else b""
            encoding = str(part.get("Content-Transfer-Encoding", "7bit")).strip().lower()
            found[subtype] = (Part(str(n), subtype, encoding, part.get_content_charset() or ""),
                              data[:PART_CAP])
    text = found.get("plain") or found.get("html")
    calendar = found.get("calendar")
    names = tuple(name.lower()[:200] for part in msg.walk()
                  if (name := part.get_filename()))[:20]
    return MailBody(decode_part(*text) if text else "",
                    decode_part(*calendar) if calendar else None, names)
