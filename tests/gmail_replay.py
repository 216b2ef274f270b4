"""A scripted IMAP server that answers the way Gmail (imap.gmail.com) does.

Gmail's extensions (X-GM-EXT-1, ``\\All``, X-GM-MSGID, X-GM-THRID) are not in Dovecot.
Every line here copies recorded imap.gmail.com sessions (openssl s_client and client
debug logs): greeting, CAPABILITY before and after LOGIN, the ``[Gmail]`` LIST with
SPECIAL-USE flags (a Norwegian account), EXAMINE, SEARCH, FETCH items in Gmail's
order, ``(Success)``/``(Failure)`` texts. Anything else gets ``BAD``. Plain TCP on
127.0.0.1; ``commands`` records every command received, without its tag.
"""

from __future__ import annotations

import contextlib
import re
import shlex
import socket
import socketserver
import threading
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Self

PREAUTH_CAPS = ("IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 XYZZY"
                " SASL-IR AUTH=XOAUTH2 AUTH=PLAIN AUTH=PLAIN-CLIENTTOKEN AUTH=OAUTHBEARER"
                " AUTH=XOAUTH")
CAPS = ("IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 UIDPLUS"
        " COMPRESS=DEFLATE ENABLE MOVE CONDSTORE ESEARCH UTF8=ACCEPT LIST-EXTENDED LIST-STATUS"
        " LITERAL- SPECIAL-USE APPENDLIMIT=35651584")
SESSION = "b30mb110421474edj"  # Gmail ends its greeting with a session id like this
HIGHESTMODSEQ = 24096  # one counter for the whole account, as on Gmail

# Wire names (modified UTF-7) of a Norwegian Gmail account.
ALL = "[Gmail]/Alle e-poster"
JUNK = "[Gmail]/S&APg-ppelpost"  # Søppelpost
SENT = "[Gmail]/Sendt e-post"
# (flags, wire name, UIDVALIDITY), in the order and with the flag order Gmail lists them.
FOLDERS: tuple[tuple[str, str, int], ...] = (
    ("\\HasNoChildren", "INBOX", 1),
    ("\\HasChildren \\Noselect", "[Gmail]", 0),
    ("\\All \\HasNoChildren", ALL, 12),
    ("\\HasNoChildren \\Trash", "[Gmail]/Papirkurv", 2),
    ("\\HasNoChildren \\Junk", JUNK, 3),
    ("\\HasNoChildren \\Sent", SENT, 5),
    ("\\Flagged \\HasNoChildren", "[Gmail]/Stjernemerket", 4),
    ("\\Drafts \\HasNoChildren", "[Gmail]/Utkast", 6),
    ("\\HasNoChildren \\Important", "[Gmail]/Viktig", 9),
)


@dataclass(frozen=True)
class GmMessage:
    """One message as Gmail stores it in a folder: the header block is raw bytes."""

    uid: int
    gm_msgid: int
    gm_thrid: int
    internal_date: datetime
    header: bytes


def header_fields(header: bytes, names: Sequence[str]) -> bytes:
    """Return the fields of a header block named in ``names`` (with continuations) + CRLF."""
    alt = b"|".join(re.escape(n.encode()) for n in names)
    rx = rb"^(?:" + alt + rb")[ \t]*:.*\n(?:[ \t].*\n)*"
    return b"".join(re.findall(rx, header, re.MULTILINE | re.IGNORECASE)) + b"\r\n"


def uid_set(text: str, uids: Sequence[int]) -> set[int]:
    """Return the UIDs of ``uids`` in an IMAP set such as ``1,4:7,9:*``."""
    top = max(uids, default=0)
    found: set[int] = set()
    for part in text.split(","):
        lo, _, hi = part.partition(":")
        a, b = sorted(top if x == "*" else int(x) for x in (lo, hi or lo))
        found |= {u for u in uids if a <= u <= b}
    return found


class _Handler(socketserver.StreamRequestHandler):
    server: GmailReplay
    wbufsize = 1 << 16  # one write per answer: no Nagle / delayed-ACK stalls

    def send(self, *lines: str | bytes) -> None:
        for line in lines:
            self.wfile.write(line if isinstance(line, bytes) else line.encode() + b"\r\n")

    def readline(self) -> bytes:
        # imapclient sends a command and its CRLF in two writes: ACK at once (Linux), or
        # Nagle on the client's side meets delayed ACK here and each command costs 40 ms.
        with contextlib.suppress(AttributeError, OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        return self.rfile.readline()

    def handle(self) -> None:
        self.authed = False
        self.selected: str | None = None
        self.send(f"* OK Gimap ready for requests from {self.client_address[0]} {SESSION}")
        self.wfile.flush()
        while line := self.readline():
            tag, _, rest = line.decode("utf-8", "replace").rstrip("\r\n").partition(" ")
            self.server.commands.append(rest)
            if not self.answer(tag, rest):
                return  # finish() flushes the LOGOUT answer
            self.wfile.flush()

    def answer(self, tag: str, rest: str) -> bool:
        verb, _, args = rest.partition(" ")
        verb = verb.upper()
        if verb == "UID":
            verb, _, args = args.partition(" ")
            verb = "UID " + verb.upper()
        srv = self.server
        if verb == "LOGOUT":
            self.send("* BYE LOGOUT Requested", f"{tag} OK 73 good day (Success)")
            return False
        if verb == "CAPABILITY":
            done = "Success" if self.authed else f"Thats all she wrote! {SESSION}"
            self.send(f"* CAPABILITY {CAPS if self.authed else PREAUTH_CAPS}", f"{tag} OK {done}")
        elif verb == "NOOP":
            self.send(f"{tag} OK Success")
        elif verb == "LOGIN" and not self.authed:
            user, password = shlex.split(args)
            if (user, password) != (srv.user, srv.password):
                self.send(f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)")
            else:
                self.authed = True
                self.send(f"* CAPABILITY {CAPS}", f"{tag} OK {user} authenticated (Success)")
        elif not self.authed:
            self.send(f"{tag} BAD Unknown command: {verb}")
        elif verb == "ENABLE":
            on = " ".join(c for c in args.upper().split() if c in ("CONDSTORE", "UTF8=ACCEPT"))
            self.send(f"* ENABLED {on}".rstrip(), f"{tag} OK Success")
        elif verb == "LIST":
            _ref, pattern = shlex.split(args)
            rx = re.escape(pattern).replace(r"\*", ".*").replace("%", "[^/]*")
            self.send(*(f'* LIST ({flags}) "/" "{name}"' for flags, name, _v in srv.folders
                        if re.fullmatch(rx, name)), f"{tag} OK Success")
        elif verb == "EXAMINE":
            self.examine(tag, shlex.split(args)[0])
        elif verb == "STATUS":
            self.status(tag, args)
        elif verb in ("UID SEARCH", "UID FETCH") and self.selected is not None:
            messages = sorted(srv.mailbox.get(self.selected, ()), key=lambda m: m.uid)
            try:
                (self.search if verb == "UID SEARCH" else self.fetch)(tag, args, messages)
            except (ValueError, IndexError):
                self.send(f"{tag} BAD Could not parse command")
        else:
            self.send(f"{tag} BAD Unknown command: {verb}")
        return True

    def examine(self, tag: str, name: str) -> None:
        found = [v for flags, n, v in self.server.folders if n == name and "Noselect" not in flags]
        if not found:
            self.selected = None
            self.send(f"{tag} NO [NONEXISTENT] Unknown Mailbox: {name} (now in authenticated"
                      " state) (Failure)")
            return
        self.selected = name
        uids = [m.uid for m in self.server.mailbox.get(name, ())]
        self.send("* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen $NotPhishing $Phishing)",
                  "* OK [PERMANENTFLAGS ()] Flags permitted.",
                  f"* OK [UIDVALIDITY {found[0]}] UIDs valid.",
                  f"* {len(uids)} EXISTS", "* 0 RECENT",
                  f"* OK [UIDNEXT {max(uids, default=0) + 1}] Predicted next UID.",
                  f"* OK [HIGHESTMODSEQ {HIGHESTMODSEQ}]",
                  f"{tag} OK [READ-ONLY] {name} selected. (Success)")

    def status(self, tag: str, args: str) -> None:
        # Gmail answers STATUS for any selectable folder: * STATUS "name" (ITEM n ...)
        name = shlex.split(args.split("(", 1)[0])[0]
        found = [v for flags, n, v in self.server.folders if n == name and "Noselect" not in flags]
        if not found:
            self.send(f"{tag} NO [NONEXISTENT] Unknown Mailbox: {name} (Failure)")
            return
        uids = [m.uid for m in self.server.mailbox.get(name, ())]
        values = {"MESSAGES": len(uids), "UIDNEXT": max(uids, default=0) + 1,
                  "UIDVALIDITY": found[0], "HIGHESTMODSEQ": HIGHESTMODSEQ, "UNSEEN": 0,
                  "RECENT": 0}
        asked = args.split("(", 1)[1].rstrip(")").split()
        items = " ".join(f"{item} {values[item.upper()]}" for item in asked)
        self.send(f'* STATUS "{name}" ({items})', f"{tag} OK Success")

    def search(self, tag: str, args: str, messages: list[GmMessage]) -> None:
        hits = {m.uid for m in messages}
        words = shlex.split(args)
        esearch = words[:2] == ["RETURN", "(ALL)"]  # RFC 4731, which Gmail offers
        if esearch:
            words = words[2:]
        while words:
            key = words.pop(0).upper()
            if key == "ALL":
                continue
            if key[0].isdigit():  # a set of message numbers
                numbers = uid_set(key, range(1, len(messages) + 1))
                hits &= {m.uid for n, m in enumerate(messages, 1) if n in numbers}
                continue
            if key == "UID":
                hits &= uid_set(words.pop(0), [m.uid for m in messages])
            elif key == "SINCE":
                day = datetime.strptime(words.pop(0), "%d-%b-%Y").replace(tzinfo=UTC)
                hits &= {m.uid for m in messages if m.internal_date >= day}
            else:
                raise ValueError(key)
        if esearch:
            found = f" ALL {','.join(str(u) for u in sorted(hits))}" if hits else ""
            self.send(f'* ESEARCH (TAG "{tag}") UID{found}', f"{tag} OK SEARCH completed (Success)")
            return
        self.send(" ".join(["* SEARCH", *(str(u) for u in sorted(hits))]),
                  f"{tag} OK SEARCH completed (Success)")

    def fetch(self, tag: str, args: str, messages: list[GmMessage]) -> None:
        which, _, items = args.partition(" ")
        if "BODYSTRUCTURE" in items.upper() or "BODY.PEEK[1]" in items.upper():
            self.fetch_text(tag, which, items, messages)
            return
        section = r"BODY(?:\.PEEK)?\[HEADER\.FIELDS \(([^)]*)\)\](?:<(\d+)\.(\d+)>)?"
        body = re.search(section, items, re.I)
        rest = re.sub(section, "", items, flags=re.I)
        names = set(rest.strip("() ").upper().split())
        if names - {"UID", "INTERNALDATE", "X-GM-MSGID", "X-GM-THRID"}:
            raise ValueError(items)
        wanted = uid_set(which, [m.uid for m in messages])
        for seq, m in enumerate(messages, 1):
            if m.uid not in wanted:
                continue
            parts = [f"X-GM-THRID {m.gm_thrid}"] if "X-GM-THRID" in names else []
            parts += [f"X-GM-MSGID {m.gm_msgid}"] if "X-GM-MSGID" in names else []
            parts.append(f"UID {m.uid}")
            if "INTERNALDATE" in names:
                when = m.internal_date.astimezone(UTC)  # Gmail: "01-Jan-2013 23:36:00 +0000"
                parts.append(f'INTERNALDATE "{when:%d-%b-%Y %H:%M:%S %z}"')
            if body is None:
                self.send(f"* {seq} FETCH ({' '.join(parts)})")
                continue
            data = header_fields(m.header, body[1].split())
            origin = ""
            if body[2] is not None:  # a partial fetch: <origin.length>, answered <origin>
                data = data[int(body[2]):int(body[2]) + int(body[3])]
                origin = f"<{body[2]}>"
            parts.append(f"BODY[HEADER.FIELDS ({body[1]})]{origin} {{{len(data)}}}")
            self.send(f"* {seq} FETCH ({' '.join(parts)}", data + b")\r\n")
        self.send(f"{tag} OK Success")


    def fetch_text(self, tag: str, which: str, items: str, messages: list[GmMessage]) -> None:
        """Answer what Gmail answers for a one-part text/plain message: its structure,
        or the start of its text (``BODY.PEEK[1]<0.N>``)."""
        wanted = uid_set(which, [m.uid for m in messages])
        text = b"Hello,\r\n\r\nThanks.\r\n"
        for seq, m in enumerate(messages, 1):
            if m.uid not in wanted:
                continue
            if "BODYSTRUCTURE" in items.upper():
                self.send(f'* {seq} FETCH (UID {m.uid} BODYSTRUCTURE ("text" "plain" '
                          f'("charset" "UTF-8") NIL NIL "7bit" {len(text)} 3 NIL NIL NIL '
                          'NIL))')
            else:
                self.send(f"* {seq} FETCH (UID {m.uid} BODY[1]<0> {{{len(text)}}}",
                          text + b")\r\n")
        self.send(f"{tag} OK Success")


class GmailReplay(socketserver.ThreadingTCPServer):
    """The replay; use as a context manager. ``mailbox`` maps wire folder names (``ALL``,
    ``JUNK``, ...) to their messages; a folder left out is empty. ``hidden`` folders are
    the ones unticked under "Show in IMAP" in Gmail's settings: not listed, not found."""

    daemon_threads = True

    def __init__(self, mailbox: Mapping[str, Sequence[GmMessage]], user: str,
                 password: str, hidden: Collection[str] = ()) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.folders = tuple(f for f in FOLDERS if f[1] not in hidden)
        self.mailbox, self.user, self.password = mailbox, user, password
        self.commands: list[str] = []  # every command received, without its tag
        self.port = int(self.server_address[1])
        self._thread = threading.Thread(target=self.serve_forever, args=(0.01,), daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join()
