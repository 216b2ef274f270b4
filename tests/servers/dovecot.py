"""The test suite's Dovecot: the demo's LocalDovecot plus a record of every command.

With ``rawlog=True`` Dovecot records every command a client sends after login;
``commands_sent`` returns them, so a test can prove a client is read-only.
Pre-login traffic (CAPABILITY, STARTTLS, LOGIN) is not recorded: it cannot change a
mailbox, and it carries the password.
"""

from __future__ import annotations

import bisect
import io
import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from replywatch.demo import dovecot

DovecotError = dovecot.DovecotError

# A rawlog line starts with "<unix seconds>.<micro seconds> ".
_RAWLOG_STAMP = re.compile(rb"(\d+)\.(\d+) ")
# An IMAP synchronising or non-synchronising literal at the end of a line.
_LITERAL = re.compile(rb"\{(\d+)\+?\}\r?\n\Z")

# Runs between login and the imap process (as the user): creates the rawlog folder,
# because Dovecot writes a rawlog only into a folder that already exists, and a
# fresh user's home does not exist yet when the imap process starts.
_POSTLOGIN_SCRIPT = """#!/bin/sh
[ -d "$HOME/rawlog" ] || mkdir -p "$HOME/rawlog"
exec "$@"
"""



class LocalDovecot(dovecot.LocalDovecot):
    """LocalDovecot; ``rawlog=True`` records commands for ``commands_sent`` (costs one
    short shell process per login)."""

    def __init__(self, *, rawlog: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rawlog = rawlog

    # --- what clients did ------------------------------------------------------

    def commands_sent(self, user: str) -> list[str]:
        """Every command ``user``'s clients sent after login, oldest first, tags removed.

        Lines look like ``EXAMINE INBOX`` or ``UID FETCH 1:5 (FLAGS)``; a literal's
        content is left out (its ``{n}`` marker stays). The untagged ``DONE`` that
        ends IDLE is included. Commands of sessions still open are included as far
        as Dovecot has read them. Never contains a password: login happens before
        recording starts, and LOGIN/AUTHENTICATE arguments are dropped regardless.
        """
        if not self.rawlog:
            raise RuntimeError("commands_sent needs LocalDovecot(rawlog=True)")
        stamped: list[tuple[tuple[int, int], int, str]] = []
        for path in sorted((self.home(user) / "rawlog").glob("*.in")):
            for stamp, command in _parse_rawlog(path.read_bytes()):
                stamped.append((stamp, len(stamped), command))
        stamped.sort()
        return [command for _, _, command in stamped]

    def _prepare_folder(self, folder: Path) -> None:
        super()._prepare_folder(folder)
        if self.rawlog:
            script = folder / "postlogin.sh"
            script.write_text(_POSTLOGIN_SCRIPT)
            os.chmod(script, 0o755)

    def _extra_config(self, folder: Path) -> str:
        if not self.rawlog:
            return ""
        # rawlog_dir is read by the imap process after the postlogin script made it.
        return (
            "rawlog_dir = %h/rawlog\n"
            "service imap {\n  executable = imap postlogin\n}\n"
            "service postlogin {\n"
            f"  executable = script-login {folder}/postlogin.sh\n"
            "  unix_listener postlogin {\n  }\n}\n"
        )


def _parse_rawlog(data: bytes) -> Iterator[tuple[tuple[int, int], str]]:
    """Yield ``((secs, usecs), command)`` from one Dovecot ``.in`` rawlog file.

    Dovecot prefixes every line with a timestamp, literal lines included; the
    commands are recovered from the un-stamped stream, skipping literal contents.
    """
    lines: list[tuple[tuple[int, int], bytes]] = []
    for line in io.BytesIO(data):  # splits at LF only, unlike bytes.splitlines()
        m = _RAWLOG_STAMP.match(line)
        if m:
            lines.append(((int(m[1]), int(m[2])), line[m.end() :]))
        elif lines:  # defensive: a line without stamp continues the previous one
            lines[-1] = (lines[-1][0], lines[-1][1] + line)
    stream = b"".join(body for _, body in lines)
    offsets = list(itertools.accumulate((len(body) for _, body in lines), initial=0))

    def stamp_at(pos: int) -> tuple[int, int]:
        return lines[bisect.bisect_right(offsets, pos) - 1][0]

    pos = 0
    while pos < len(stream):
        begin = pos
        parts: list[bytes] = []
        while True:
            end = stream.find(b"\n", pos)
            if end < 0:  # a command still being typed: not sent yet
                return
            line = stream[pos : end + 1]
            pos = end + 1
            m = _LITERAL.search(line)
            if not m:
                parts.append(line.rstrip(b"\r\n"))
                break
            parts.append(line[: m.start()] + b"{" + m[1] + b"}")
            pos += int(m[1])  # skip the literal's content
        yield stamp_at(begin), _command_text(b"".join(parts))


def _command_text(line: bytes) -> str:
    text = line.decode("utf-8", errors="replace")
    tag, _, rest = text.partition(" ")
    if not rest:  # "DONE" after IDLE, or a continuation: no tag to strip
        return tag
    verb = rest.split(" ", 1)[0].upper()
    if verb in ("LOGIN", "AUTHENTICATE"):
        return verb
    return rest
