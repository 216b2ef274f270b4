"""The IMAP edge: connect, find folders, read new headers incrementally, IDLE.

The only module that imports imapclient. Read-only: folders are opened with EXAMINE
and headers fetched with BODY.PEEK, so no flag ever changes. The one write is
``append_draft``, an APPEND to the Drafts folder, made only where the user turned
drafts on.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import ssl
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import imapclient
import imapclient.exceptions

from replywatch.config import Account, Security
from replywatch.core.model import FolderState, RawMessage
from replywatch.core.timeutil import to_utc
from replywatch.errors import AuthError, MailboxError, UserError
from replywatch.i18n import _
from replywatch.mail import failures, fetchparse, fetchread
from replywatch.mail.bodies import PART_CAP, MailBody, Part, choose_parts, decode_part
from replywatch.mail.folders import PRIMARY_ROLES, Folder
from replywatch.mail.headers import HEADER_FIELDS, MAX_HEADER_BYTES
from replywatch.mail.wire import (
    int_or_none,
    numbers,
    parse_esearch_all,
    raise_if_closed,
    sequence_set,
    uid_array,
)
from replywatch.wakeup import Wakeup

if TYPE_CHECKING:
    from replywatch.oauth.sources import AccessTokens

BATCH = 500  # UIDs per FETCH: bounds memory whatever the mailbox size
TEXT_BATCH = 200  # messages per text FETCH: at most 200 x 2 parts x 16 KB in memory
CONNECT_TIMEOUT = 15.0
READ_TIMEOUT = 60.0
_FIELDS = " ".join(name.upper() for name in HEADER_FIELDS)
# The header fields of one message are fetched partially (MAX_HEADER_BYTES at most):
# one message's cost is bounded whatever it carries (a 2 MB Subject, a References of
# thousands of ids). Real fields fill a few KiB; the parser copes with a cut-off line.
_HEADER_ITEM = f"BODY.PEEK[HEADER.FIELDS ({_FIELDS})]<0.{MAX_HEADER_BYTES}>"
# Messages per SEARCH: a first pass searches its folder in windows of message numbers,
# so that a reply (plain SEARCH: up to 11 bytes per UID) stays well inside imaplib's
# 1 MB line limit at any folder size.
SEARCH_WINDOW = 5_000
_IMAP_ERRORS = (imapclient.exceptions.IMAPClientError, OSError, ssl.SSLError, socket.timeout)


def tls_context(ca_file: str | None) -> ssl.SSLContext:
    """Return a verifying TLS context; ``ca_file`` adds a private CA."""
    return ssl.create_default_context(cafile=ca_file)


def _decode(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _aware(value: Any) -> datetime:
    """Return an INTERNALDATE as aware UTC (now, if the server sent none)."""
    return to_utc(value) if isinstance(value, datetime) else datetime.now(UTC)


FOLDERS_TTL = 3600.0  # a kept connection lists folders again hourly (a new Archive)


class ImapMailbox:
    """One account's connection. Use as a context manager or call ``close()``.

    ``commands`` counts the IMAP commands this object sent (the benchmark and the
    tests read it).
    """

    def __init__(self, account: Account, password: str | AccessTokens, *,
                 read_timeout: float = READ_TIMEOUT) -> None:
        self.account = account
        self._password = password  # a password, or the account's OAuth2 token source
        self._read_timeout = read_timeout
        self._client: Any = None
        self.commands = 0
        self.capabilities: frozenset[str] = frozenset()
        self._selected: str | None = None
        # UIDNEXT of each folder as last read; a primary folder selected again at the
        # end of a pass with another UIDNEXT holds mail its NOOP will not announce.
        self._read_uidnext: dict[str, int | None] = {}
        self._unread_mail = False
        self._first_status: dict[str, dict[str, int]] = {}  # asked right after login
        self._folders: tuple[float, list[Folder]] | None = None
        self._broken = False  # a command failed: close without a LOGOUT round trip
        self._texts_ahead: bytes | None = None  # a text FETCH sent and not yet read

    # -- connection ---------------------------------------------------------------

    def _fail(self, what: str, exc: BaseException) -> MailboxError:
        self._broken = True
        # Gmail says so before login (X-GM-EXT-1 in imaplib's greeting capabilities),
        # which is what a refused login's hint needs to know.
        greeting = getattr(getattr(self._client, "_imap", None), "capabilities", None) or ()
        return failures.mailbox_error(
            self.account, what, exc,
            login_refused=isinstance(exc, imapclient.exceptions.LoginError),
            gmail="X-GM-EXT-1" in greeting, oauth=not isinstance(self._password, str))

    def connect(self) -> None:
        """Connect, secure and log in. Raise MailboxError naming the account on failure,
        UserError (OAuthError, SignInExpired) when no access token can be had.
        """
        acct = self.account
        # A token first: a sign-in that cannot work must not cost the server a connection.
        token = None if isinstance(self._password, str) else self._password.token()
        # A plain connection makes no TLS context: loading the system's CA store
        # costs more than a no-change pass itself.
        ctx = None if acct.security is Security.PLAIN else tls_context(
            str(acct.ca_file) if acct.ca_file else None)
        timeout = imapclient.SocketTimeout(connect=CONNECT_TIMEOUT, read=self._read_timeout)
        try:
            client = imapclient.IMAPClient(
                acct.host, port=acct.port, ssl=acct.security is Security.TLS,
                ssl_context=ctx, timeout=timeout,
            )
        except _IMAP_ERRORS as exc:
            raise self._fail(_("cannot connect"), exc) from exc
        client.normalise_times = False
        # imapclient turns imaplib's protocol trace on (debug 5) and feeds every line
        # to a debug logger: mail text in a log, and a third of a large first pass
        # spent formatting lines that nobody reads. Off.
        client._imap.debug = 0
        self._client = client
        try:
            if acct.security is Security.STARTTLS:
                self._send(client.starttls, ctx)
            self._login(client, token)
            self.capabilities = frozenset(
                _decode(c).upper() for c in self._send(client.capabilities)
            )
            self._ask_inbox_first()
            # No ENABLE CONDSTORE (nor HIGHESTMODSEQ in STATUS, which enables it too):
            # UIDNEXT (required in EXAMINE and STATUS since RFC 3501) says whether
            # mail arrived, and flag changes do not concern us. On Dovecot, the
            # session that first enables CONDSTORE on a large folder pays a full
            # resync for every later STATUS of it: 24 ms a command at 50,000
            # messages, 74 ms at 200,000, for as long as the daemon kept it.
        except _IMAP_ERRORS as exc:
            what = _("login") if isinstance(exc, imapclient.exceptions.LoginError) else _("connect")
            error = self._fail(what, exc)
            self.close()
            if isinstance(exc, imapclient.exceptions.LoginError):
                # Its own type: the caller re-reads the secret and limits retries.
                raise AuthError(error.problems, hint=error.hint) from exc
            raise error from exc
        except UserError:  # a second token could not be had
            self.close()
            raise

    def _ask_inbox_first(self) -> None:
        """STATUS INBOX as the session's first mailbox command, kept for the first read
        of INBOX on this connection.

        Dovecot answers it in 4 ms there, and in 100-150 ms after a LIST or another
        folder's STATUS (a 200,000-message INBOX): a no-change check on a new
        connection would cost that much. Not on Gmail, where All Mail is read
        instead. A failure here is left to the read that follows.
        """
        if self.is_gmail:
            return
        try:
            self._first_status["INBOX"] = numbers(
                self._send(self._client.folder_status, "INBOX", ["UIDVALIDITY", "UIDNEXT"]))
        except _IMAP_ERRORS:
            return

    def _login(self, client: Any, token: str | None) -> None:
        """Log in with the password, or with SASL OAUTHBEARER (where the server offers
        it) or XOAUTH2. A refused token is dropped and a fresh one tried once: it may
        have expired or been revoked at the server before its announced expiry.
        """
        acct = self.account
        if token is None:
            if not isinstance(self._password, str):
                raise TypeError("a password login needs a password, not a token source")
            if (acct.username + self._password).isascii():
                self._send(client.login, acct.username, self._password)
            else:
                # LOGIN goes out as ASCII (imaplib raises UnicodeEncodeError on
                # "blåbær"); SASL PLAIN carries UTF-8 (RFC 4616).
                self._send(client.plain_login, acct.username, self._password)
            return
        if isinstance(self._password, str):
            raise TypeError("an OAuth2 login needs a token source, not a password")
        offered = {_decode(c).upper() for c in self._send(client.capabilities)}
        for attempt in (1, 2):
            try:
                if "AUTH=OAUTHBEARER" in offered:
                    self._send(client.oauthbearer_login, acct.username, token)
                else:
                    self._send(client.oauth2_login, acct.username, token)
                return
            except imapclient.exceptions.LoginError:
                if attempt == 2:
                    raise
                self._password.invalidate(token)
                token = self._password.token()

    def _send(self, method: Any, *args: Any, **kwargs: Any) -> Any:
        self.commands += 1
        return method(*args, **kwargs)

    def close(self) -> None:
        """Log out (best effort) and drop the connection."""
        client, self._client = self._client, None
        self._selected = None
        if client is None:
            return
        if self._broken or self._texts_ahead is not None:
            # A dead or silent peer would hold a LOGOUT for the whole read timeout,
            # and the caller's next connection with it: drop the socket at once.
            with contextlib.suppress(*_IMAP_ERRORS):
                client.shutdown()
            return
        try:
            client.logout()
        except _IMAP_ERRORS:
            with contextlib.suppress(*_IMAP_ERRORS):
                client.shutdown()

    def __enter__(self) -> ImapMailbox:
        self.connect()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def is_gmail(self) -> bool:
        """Return True on Gmail (capability X-GM-EXT-1)."""
        return "X-GM-EXT-1" in self.capabilities

    # -- folders ------------------------------------------------------------------

    def folders(self) -> list[Folder]:
        """Return the folders to read, found by SPECIAL-USE attribute, never by name.

        Listed once an hour on a kept connection. INBOX, \\Sent, \\Junk and \\Archive;
        on Gmail \\All and \\Junk instead (\\All holds INBOX, Sent and Archive already,
        deduplicated by X-GM-MSGID). A Gmail user may hide All Mail from IMAP; then
        INBOX and \\Sent are read as elsewhere.
        """
        if self._folders is not None and time.monotonic() - self._folders[0] < FOLDERS_TTL:
            return self._folders[1]
        try:
            listing = self._send(self._client.list_folders)
        except _IMAP_ERRORS as exc:
            raise self._fail("LIST", exc) from exc
        by_flag: dict[str, str] = {}
        for flags, _delim, name in listing:
            names = {_decode(f).upper() for f in flags}
            if "\\NOSELECT" in names or _decode(name).upper() == "INBOX":
                continue
            for flag in ("\\ALL", "\\SENT", "\\JUNK", "\\ARCHIVE"):
                if flag in names:
                    by_flag.setdefault(flag, _decode(name))
        if self.is_gmail and "\\ALL" in by_flag:
            wanted = {"\\ALL": "all", "\\JUNK": "junk"}
            found = []
        else:
            wanted = {"\\SENT": "sent", "\\JUNK": "junk", "\\ARCHIVE": "archive"}
            found = [Folder("INBOX", "inbox")]
        found += [Folder(by_flag[flag], role) for flag, role in wanted.items() if flag in by_flag]
        self._folders = (time.monotonic(), found)
        return found

    def examine(self, folder: str) -> dict[str, int]:
        """Open a folder read-only; return UIDVALIDITY, UIDNEXT, EXISTS, HIGHESTMODSEQ."""
        try:
            info = self._send(self._client.select_folder, folder, readonly=True)
        except _IMAP_ERRORS as exc:
            raise self._fail(f"EXAMINE {folder}", exc) from exc
        self._selected = folder
        # From here on, an EXISTS the server sends means mail arrived after this.
        self._client._imap.untagged_responses.pop("EXISTS", None)
        return numbers(info)

    def status(self, folder: str) -> dict[str, int]:
        """Return UIDVALIDITY and UIDNEXT of a folder not selected."""
        what = ["UIDVALIDITY", "UIDNEXT"]
        try:
            return numbers(self._send(self._client.folder_status, folder, what))
        except _IMAP_ERRORS as exc:
            raise self._fail(f"STATUS {folder}", exc) from exc

    def _mail_arrived(self) -> bool:
        """NOOP on the selected folder; return True if the server announced new mail
        since it was examined (here or in the answer to any command since).
        """
        try:
            _, responses = self._send(self._client.noop)
        except _IMAP_ERRORS as exc:
            raise self._fail(f"NOOP in {self._selected}", exc) from exc
        stashed = self._client._imap.untagged_responses.pop("EXISTS", None)
        unread, self._unread_mail = self._unread_mail, False
        return unread or bool(stashed) or any(len(r) > 1 and r[1] == b"EXISTS"
                                              for r in responses)

    def settle(self) -> None:
        """End a pass on a kept connection with the primary folder (INBOX, or All Mail
        on Gmail) selected, so that the next pass asks it with one NOOP.

        Reading texts leaves another folder selected, and a STATUS of a large folder
        on this connection costs the server a resync each time (Dovecot: 20 ms at
        50,000 messages). Mail that came between the pass's read and this EXAMINE is
        read by the next pass. Raise MailboxError on failure, and for a connection that
        a pass left owing an answer (a batch asked ahead and never read): it is not
        kept.
        """
        if self._broken or self._texts_ahead is not None:
            raise self._fail("settle", OSError(_("an answer of the server was left unread")))
        self._first_status.clear()  # the connection's first pass is over: stale now
        primary = next((f.name for f in (self._folders[1] if self._folders else ())
                        if f.role in PRIMARY_ROLES), None)
        if primary is None or self._selected == primary or primary not in self._read_uidnext:
            return
        info = self.examine(primary)
        self._unread_mail = info.get("UIDNEXT") != self._read_uidnext[primary]

    # -- reading ------------------------------------------------------------------

    def read_folder(
        self, folder: Folder, state: FolderState | None, since: date
    ) -> tuple[FolderState, Iterator[RawMessage]]:
        """Return a folder's new state and the messages new since ``state``.

        With no state, or a changed UIDVALIDITY, read everything since ``since``.
        Nothing new costs one command: a NOOP when the folder is still selected on
        this connection (the primary folder, kept selected between passes of a
        long-lived connection), else a STATUS, and EXAMINE only for a folder whose
        UIDNEXT moved. (EXAMINE of a large folder costs the server its whole index:
        85 ms for a 50,000-message Dovecot INBOX, against 1.5 ms for STATUS.)
        Messages are fetched lazily in batches.
        """
        new_state, messages = self._read_folder(folder, state, since)
        self._read_uidnext[folder.name] = new_state.uidnext
        return new_state, messages

    def _read_folder(
        self, folder: Folder, state: FolderState | None, since: date
    ) -> tuple[FolderState, Iterator[RawMessage]]:
        if state is not None and folder.name == self._selected:
            if not self._mail_arrived():
                return state, iter(())
            return self._read_new(folder, state, state.uidvalidity, state.highest_modseq, None)
        if state is not None:
            info = self._first_status.pop(folder.name, None) or self.status(folder.name)
            if (info.get("UIDVALIDITY") == state.uidvalidity
                    and info.get("UIDNEXT") is not None
                    and info.get("UIDNEXT") == state.uidnext):
                return state, iter(())
        info = self.examine(folder.name)
        validity = info.get("UIDVALIDITY", 0)
        uidnext = info.get("UIDNEXT")
        modseq = info.get("HIGHESTMODSEQ")
        if state is not None and state.uidvalidity == validity:
            # UIDNEXT says whether mail arrived; HIGHESTMODSEQ stands in where a
            # server leaves UIDNEXT out. Flag changes and expunges do not concern us.
            unchanged = (uidnext == state.uidnext) if uidnext is not None else (
                modseq is not None and modseq == state.highest_modseq)
            if unchanged or info.get("EXISTS", 0) == 0:
                return FolderState(validity, state.last_uid, modseq, uidnext), iter(())
            return self._read_new(folder, state, validity, modseq, uidnext)
        last, batches = self._search_since(since, info.get("EXISTS", 0))
        return FolderState(validity, last, modseq, uidnext), self._fetch(folder.name, batches)

    def _read_new(self, folder: Folder, state: FolderState, validity: int,
                  modseq: int | None, uidnext: int | None
                  ) -> tuple[FolderState, Iterator[RawMessage]]:
        """Return the state after, and the messages with a UID above ``state.last_uid``."""
        criteria = ["UID", f"{state.last_uid + 1}:*"]
        # ESEARCH answers a run of new mail of any length as one short range.
        uids = [u for u in self._searched(self._ask_search(criteria))
                if u > state.last_uid]  # n:* always returns the last one
        last = max(uids, default=state.last_uid)
        if uidnext is None:
            uidnext = max(last + 1, state.uidnext or 0) or None
        return FolderState(validity, last, modseq, uidnext), self._fetch(folder.name,
                                                                          _in_batches(uids))

    def _search_since(self, since: date, exists: int) -> tuple[int, Iterator[list[int]]]:
        """Return the highest UID of the selected folder's messages since ``since``
        (0: none), and their UIDs in batches of BATCH, in order.

        Searched in windows of SEARCH_WINDOW message numbers: with ESEARCH the reply
        is a compact UID set (``1:5000``), otherwise a list of UIDs. The last window
        with any such mail is searched first (the folder's new state needs its
        highest UID); each other window's SEARCH goes out with the FETCH of the window
        before, so that the server searches while the caller keeps that one's mail,
        not while it waits: 0.5 s of a first pass over 200,000 messages on Dovecot.
        """
        windows = [(first, min(first + SEARCH_WINDOW - 1, exists))
                   for first in range(1, exists + 1, SEARCH_WINDOW)]
        found: dict[int, list[int]] = {}
        for number in reversed(range(len(windows))):
            found[number] = self._searched(self._ask_search(_since(windows[number], since)))
            if found[number]:
                return found[number][-1], self._window_batches(windows, found, since)
        return 0, iter(())

    def _window_batches(self, windows: list[tuple[int, int]], found: dict[int, list[int]],
                        since: date) -> Iterator[list[int]]:
        """Yield the UIDs of each window in batches, asking each window's SEARCH ahead."""
        ahead: bytes | None = None
        try:
            for number, window in enumerate(windows):
                if number in found:
                    uids = found.pop(number)
                else:
                    tag, ahead = ahead or self._ask_search(_since(window, since)), None
                    uids = self._searched(tag)
                if number + 1 < len(windows) and number + 1 not in found:
                    ahead = self._ask_search(_since(windows[number + 1], since))
                yield from _in_batches(uids)
        finally:
            if ahead is not None:
                self._broken = True  # its answer is still coming: see _fetch

    def _ask_search(self, criteria: list[Any]) -> bytes:
        """Send UID SEARCH (RETURN (ALL) where ESEARCH is offered); return its tag."""
        imap = self._client._imap
        args = [a.decode("ascii") for a in _search_args(criteria)]
        esearch = "ESEARCH" in self.capabilities
        # One SEARCH at a time is out: what is stored under its name is its own.
        imap.untagged_responses.pop("ESEARCH" if esearch else "SEARCH", None)
        try:
            tag: bytes = self._send(imap._command, "UID", "SEARCH",
                                    *(("RETURN", "(ALL)") if esearch else ()), *args)
        except _IMAP_ERRORS as exc:
            raise self._fail(f"SEARCH in {self._selected}", exc) from exc
        return tag

    def _searched(self, tag: bytes) -> list[int]:
        """Return the UIDs found by the SEARCH sent under ``tag``, sorted, once each."""
        imap = self._client._imap
        esearch = "ESEARCH" in self.capabilities
        try:
            typ, data = imap._command_complete("SEARCH", tag)
            if typ != "OK":
                raise imapclient.exceptions.IMAPClientError(
                    f"SEARCH failed: {_decode(data[0] if data else b'')}")
            replies = imap.untagged_responses.pop("ESEARCH" if esearch else "SEARCH", [])
        except _IMAP_ERRORS as exc:
            raise self._fail(f"SEARCH in {self._selected}", exc) from exc
        uids: list[int] = []
        for reply in replies:
            if esearch:
                uids += parse_esearch_all(_decode(reply))
            else:
                uids += [int(word) for word in _decode(reply).split() if word.isdigit()]
        return list(uid_array([uids]))

    def _fetch(self, folder: str, batches: Iterator[list[int]]) -> Iterator[RawMessage]:
        items = [_HEADER_ITEM, "INTERNALDATE"]
        if self.is_gmail:
            items += ["X-GM-MSGID", "X-GM-THRID"]
        wanted = f"({' '.join(items)})"
        imap = self._client._imap
        # The underlying imaplib connection (imapclient's own) sends each FETCH,
        # fetchread reads the responses three times faster than imaplib, and
        # fetchparse parses them six times faster than imapclient's parser. The next
        # batch is asked for before this one is handed on: the server reads it out
        # while the caller keeps this one, instead of waiting for the next command.
        sent: bytes | None = None
        batch = next(batches, None)
        try:
            while batch is not None:
                try:
                    if sent is None:
                        sent = self._send(fetchread.send, imap, sequence_set(batch), wanted)
                    records: list[fetchparse.Fetched] = []
                    typ, data = fetchread.receive(imap, sent, records)
                    sent = None
                    following = next(batches, None)
                    if following:
                        sent = self._send(fetchread.send, imap, sequence_set(following),
                                          wanted)
                    if typ != "OK":
                        raise imapclient.exceptions.IMAPClientError(
                            f"FETCH failed: {_decode(data[0] if data else b'')}")
                    if data != [None]:  # responses of another shape, read as lines
                        parsed = fetchparse.parse(data)
                        records += _fallback(data) if parsed is None else parsed
                except _IMAP_ERRORS as exc:
                    raise self._fail(f"FETCH in {folder}", exc) from exc
                asked = set(batch)
                for rec in records:
                    # Unsolicited responses for other messages, and answers without
                    # the items asked for, are dropped.
                    if (rec.uid in asked and rec.uid is not None and rec.header is not None
                            and rec.internal_date is not None):
                        yield RawMessage(folder, rec.uid, rec.internal_date, rec.header,
                                         gm_msgid=rec.gm_msgid, gm_thrid=rec.gm_thrid)
                del data, records
                batch = following
        finally:
            close = getattr(batches, "close", None)
            if close is not None:
                close()  # a SEARCH asked ahead marks the connection too
            if sent is not None:
                # Left with an answer still coming (the caller stopped, or failed): this
                # connection cannot take another command; it is dropped, not reused.
                self._broken = True

    def fetch_texts(self, folder: str, uids: list[int]) -> dict[int, MailBody]:
        """Return the start of the text (and any calendar invite) of a few messages.

        For messages matched to an application only: a FETCH of BODYSTRUCTURE, then
        the chosen parts with ``BODY.PEEK[section]<0.16384>`` — never more than
        16 KB a part, and never a flag changed — in batches of ``TEXT_BATCH``
        messages, so that memory stays bounded. A message gone from the folder is
        left out of the answer. Raise MailboxError on failure.
        """
        if not uids:
            return {}
        if self._selected != folder:
            self.examine(folder)
        bodies: dict[int, MailBody] = {}
        try:
            for start in range(0, len(uids), TEXT_BATCH):
                bodies.update(self._fetch_texts(uids[start:start + TEXT_BATCH]))
        except _IMAP_ERRORS as exc:
            raise self._fail(f"FETCH text in {folder}", exc) from exc
        return bodies

    def texts(self, folder: str, uids: list[int], size: int = TEXT_BATCH
              ) -> Iterator[dict[int, MailBody]]:
        """Return an iterator of what ``fetch_texts`` returns, for ``uids`` in batches of
        ``size``, one dict a batch. The first batch is asked for now, before the caller
        takes it (the server works on it meanwhile), and each next batch before this one
        is handed on (while the caller classifies it): about 0.4 s of a first pass
        matching 2,000 messages on Dovecot. Raise MailboxError on failure; a caller that
        stops early leaves the connection to be dropped.
        """
        if not uids:
            return iter(())
        if self._selected != folder:
            self.examine(folder)
        batches = [uids[start:start + size] for start in range(0, len(uids), size)]
        try:
            ahead = self._ask_structures(batches[0])
        except _IMAP_ERRORS as exc:
            raise self._fail(f"FETCH text in {folder}", exc) from exc
        return self._texts(folder, batches, ahead)

    def _texts(self, folder: str, batches: list[list[int]], ahead: bytes
               ) -> Iterator[dict[int, MailBody]]:
        """Yield each batch's bodies; ``ahead`` is the tag of the first batch's FETCH,
        and each next batch's is sent before this one is handed on."""
        imap = self._client._imap
        try:
            for number, batch in enumerate(batches):
                try:
                    typ, data = fetchread.receive(imap, ahead)
                    self._texts_ahead = None
                    if typ != "OK":
                        raise imapclient.exceptions.IMAPClientError(
                            f"FETCH failed: {_decode(data[0] if data else b'')}")
                    from imapclient.response_parser import parse_fetch_response

                    bodies = self._bodies(batch, parse_fetch_response(
                        data, normalise_times=False, uid_is_key=True))
                    if number + 1 < len(batches):
                        ahead = self._ask_structures(batches[number + 1])
                except _IMAP_ERRORS as exc:
                    raise self._fail(f"FETCH text in {folder}", exc) from exc
                yield bodies
        finally:
            if self._texts_ahead is not None:
                self._broken = True  # its answer is still coming: see _fetch

    def _ask_structures(self, uids: list[int]) -> bytes:
        # With the first section, which holds the text of most mail (a plain message, or
        # the plain part of an alternative): read now, it needs no FETCH of its own.
        tag: bytes = self._send(fetchread.send, self._client._imap,
                                sequence_set(sorted(set(uids))),
                                f"(BODYSTRUCTURE BODY.PEEK[1]<0.{PART_CAP}>)")
        self._texts_ahead = tag  # until received: close drops a connection still owed it
        return tag

    def _fetch_texts(self, uids: list[int]) -> dict[int, MailBody]:
        structures = self._send(self._client.fetch, sorted(set(uids)), ["BODYSTRUCTURE"])
        return self._bodies(uids, structures)

    def _bodies(self, uids: list[int], structures: dict[Any, Any]) -> dict[int, MailBody]:
        """Fetch the parts the structures name, a FETCH per set of sections."""
        asked = set(uids)
        # Messages with the same sections to read share one FETCH.
        groups: dict[tuple[Part, ...], list[int]] = {}
        names: dict[int, tuple[str, ...]] = {}
        for uid, items in structures.items():
            if int(uid) in asked:  # unsolicited answers for other messages are dropped
                choice = choose_parts(items.get(b"BODYSTRUCTURE"))
                parts = tuple(p for p in (choice.text, choice.calendar) if p is not None)
                groups.setdefault(parts, []).append(int(uid))
                names[int(uid)] = choice.attachments
        bodies = {uid: MailBody() for uid in groups.pop((), [])}
        for parts, group in groups.items():
            if all(p.section == "1" for p in parts):
                read = {uid: structures[uid] for uid in group
                        if _FIRST_SECTION in structures.get(uid, {})}
                bodies.update((uid, _decoded(items, parts)) for uid, items in read.items())
            else:
                read = {}
            unread = [uid for uid in group if uid not in read]
            if unread:
                bodies.update(self._fetch_parts(unread, parts))
        return {uid: replace(body, attachments=names.get(uid, ())) for uid, body in
                bodies.items()}

    def _fetch_parts(self, uids: list[int], parts: tuple[Part, ...]) -> dict[int, MailBody]:
        """Fetch the same sections of several messages, capped, and decode them."""
        items = [f"BODY.PEEK[{p.section}]<0.{PART_CAP}>" for p in parts]
        found = self._send(self._client.fetch, sorted(uids), items)
        asked = set(uids)
        # Unsolicited answers (another message's flags changed meanwhile) are dropped.
        return {int(uid): _decoded(data, parts) for uid, data in found.items()
                if int(uid) in asked}

    # -- drafts -------------------------------------------------------------------

    def drafts_folder(self) -> str | None:
        """Return the folder with the SPECIAL-USE attribute \\Drafts (RFC 6154), else
        one named "Drafts" (any case, also below INBOX), else None: replywatch never
        creates a folder. Raise MailboxError on failure.
        """
        try:
            listing = self._send(self._client.list_folders)
        except _IMAP_ERRORS as exc:
            raise self._fail("LIST", exc) from exc
        named: str | None = None
        for flags, delim, name in listing:
            names = {_decode(f).upper() for f in flags}
            if "\\NOSELECT" in names:
                continue
            if "\\DRAFTS" in names:
                return _decode(name)
            leaf = _decode(name).rsplit(_decode(delim), 1)[-1] if delim else _decode(name)
            if named is None and leaf.lower() == "drafts":
                named = _decode(name)
        return named

    def has_message_id(self, folder: str, message_id: str) -> bool:
        """Return True if ``folder`` (opened read-only) holds a message with this
        Message-ID (SEARCH HEADER). Raise MailboxError on failure."""
        self.examine(folder)
        try:
            found = self._send(self._client.search, ["HEADER", "Message-ID", f"<{message_id}>"])
        except _IMAP_ERRORS as exc:
            raise self._fail(f"SEARCH in {folder}", exc) from exc
        return bool(found)

    def append_draft(self, folder: str, raw: bytes, when: datetime) -> None:
        """APPEND ``raw`` to ``folder`` with the flags \\Draft and \\Seen (a draft is the
        user's own text, kept read as Thunderbird and Gmail keep theirs). The only
        command of replywatch that changes a mailbox. Raise MailboxError on failure.
        """
        try:
            self._send(self._client.append, folder, raw, flags=(b"\\Draft", b"\\Seen"),
                       msg_time=when)
        except _IMAP_ERRORS as exc:
            raise self._fail(f"APPEND to {folder}", exc) from exc

    # -- push ---------------------------------------------------------------------

    @property
    def can_idle(self) -> bool:
        """Return True if the server offers IDLE."""
        return "IDLE" in self.capabilities

    def idle_wait(self, folder: str, seconds: float, stop: Wakeup, *,
                  on_mail: Callable[[], None] | None = None) -> bool:
        """IDLE on ``folder`` for up to ``seconds``; return True if the server announced mail.

        Asleep on the socket and on ``stop`` together: wakes when the server says
        something, when ``stop`` is set, or at the end of the wait, never in between.
        ``on_mail`` is called as soon as mail is announced, before the round trip
        that ends the IDLE (the caller's pass need not wait for it).
        One IDLE command covers the whole wait (re-issuing it is the caller's loop,
        well inside RFC 2177's 29 minutes). Raise MailboxError when the connection fails.
        """
        client = self._client
        deadline = time.monotonic() + seconds
        new_mail = False
        try:
            if self._selected != folder:
                self.examine(folder)
            self._send(client.idle)
            stuck = 0
            with selectors.DefaultSelector() as selector:
                sock = client.socket()
                selector.register(sock, selectors.EVENT_READ)
                selector.register(stop, selectors.EVENT_READ)
                while not stop.is_set() and not new_mail:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        break
                    woken = {key.fd for key, _ in selector.select(left)}
                    if sock.fileno() not in woken:
                        continue  # the stop, or the end of the wait
                    responses = client.idle_check(timeout=0)
                    if any(r and r[0] == b"BYE" for r in responses):
                        raise ConnectionAbortedError("server said BYE")
                    if not responses:
                        # imapclient's idle_check swallows EOF and socket errors and
                        # returns []: a closed connection would look like a quiet one.
                        pending = raise_if_closed(sock)
                        # Woken by bytes that make no line, again and again: a TLS
                        # stream that broke (its reads fail) would spin here for the
                        # whole wait.
                        stuck = stuck + 1 if pending else 0
                        if stuck >= _MAX_STUCK:
                            raise ConnectionAbortedError("unreadable data from the server")
                    new_mail = any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT")
                                   for r in responses)
                    if new_mail and on_mail is not None:
                        on_mail()
            # DONE, answered within the read timeout: the round trip that proves a
            # quiet connection is still alive (a silent peer times out here).
            self._send(client.idle_done)
        except _IMAP_ERRORS as exc:
            raise self._fail("IDLE", exc) from exc
        return new_mail

    def noop(self) -> None:
        """Send NOOP: keeps the connection alive and proves it still works."""
        try:
            self._send(self._client.noop)
        except _IMAP_ERRORS as exc:
            raise self._fail("NOOP", exc) from exc


_MAX_STUCK = 3


_FIRST_SECTION = b"BODY[1]<0>"  # how the answer names BODY.PEEK[1]<0.n>


def _decoded(items: dict[bytes, Any], parts: tuple[Part, ...]) -> MailBody:
    """Decode the fetched sections of one message into its text and calendar."""
    text, calendar = "", None
    for part in parts:
        # The answer names the section without .PEEK and with the origin.
        raw = items.get(f"BODY[{part.section}]<0>".encode())
        raw = raw if isinstance(raw, bytes) else b""
        if part.subtype == "calendar":
            calendar = decode_part(part, raw)
        else:
            text = decode_part(part, raw)
    return MailBody(text, calendar)


def _since(window: tuple[int, int], since: date) -> list[Any]:
    """The SEARCH criteria of a window of message numbers, since a date."""
    return [f"{window[0]}:{window[1]}", "SINCE", since]


def _in_batches(uids: Sequence[int]) -> Iterator[list[int]]:
    """Yield ``uids`` in batches of BATCH."""
    for start in range(0, len(uids), BATCH):
        yield list(uids[start:start + BATCH])


def _search_args(criteria: list[Any]) -> list[bytes]:
    from imapclient.imapclient import _normalise_search_criteria  # dates as IMAP wants

    return list(_normalise_search_criteria(criteria))


def _fallback(data: list[Any]) -> list[fetchparse.Fetched]:
    """Parse a FETCH reply of an unexpected shape with imapclient's general parser."""
    from imapclient.response_parser import parse_fetch_response

    records = []
    for uid, items in parse_fetch_response(data, normalise_times=False).items():
        rec = fetchparse.Fetched()
        rec.uid = int(uid)
        rec.internal_date = _aware(items.get(b"INTERNALDATE"))
        rec.header = b""
        for key, value in items.items():
            # The key comes back as BODY[HEADER.FIELDS (...)], without .PEEK.
            if isinstance(key, bytes) and key.startswith(b"BODY[HEADER"):
                rec.header = value or b""
        rec.gm_msgid = int_or_none(items.get(b"X-GM-MSGID"))
        rec.gm_thrid = int_or_none(items.get(b"X-GM-THRID"))
        if b"UID" in items:
            rec.uid = int(items[b"UID"])
        records.append(rec)
    return records
