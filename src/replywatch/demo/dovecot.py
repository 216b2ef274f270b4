"""A throwaway local Dovecot IMAP server, for ``replywatch demo`` and the test suite.

``LocalDovecot`` writes its own ``dovecot.conf`` into a fresh ``tempfile.mkdtemp()``
folder, runs ``/usr/sbin/dovecot -F`` on free ports of 127.0.0.1 and removes
everything again on ``stop()``. It never touches the system's Dovecot set-up.

Contract:

- Any user name logs in with the one password ``password``; each name gets its own
  empty mailbox on first use (INBOX plus the special-use folders Sent, Drafts, Junk,
  Trash, Archive), so every test can take a fresh, isolated mailbox. Dovecot folds
  user names to lower case (``auth_username_format = %Lu``); so does ``maildir()``.
- ``add_message`` seeds a mailbox by writing maildir files directly (no IMAP round
  trip, no subprocess): fast enough for tens of thousands of messages.
- Subclasses add settings through ``_extra_config`` and files through
  ``_prepare_folder`` (the test suite's ``tests/servers/dovecot.py`` adds a rawlog
  of every command, to prove replywatch read-only).

Running as root (CI does), the whole instance runs as ``nobody``: Dovecot refuses
mail UID 0 and will not run its login process as root. Either way Dovecot runs as a
non-root user, so every service's ``chroot`` is switched off. Linux only.
"""

from __future__ import annotations

import contextlib
import grp
import itertools
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import weakref
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Self

DOVECOT_BINARY = Path("/usr/sbin/dovecot")

# Special-use folders every fresh mailbox gets; names as Gmail-less clients expect.
SPECIAL_USE: dict[str, str] = {
    "Sent": r"\Sent",
    "Drafts": r"\Drafts",
    "Junk": r"\Junk",
    "Trash": r"\Trash",
    "Archive": r"\Archive",
}

# Dovecot's default auth_username_chars, minus nothing: a name outside it is refused
# at login, and "/" or ".." would escape the home folder in maildir().
_USERNAME = re.compile(r"[a-z0-9._@-]+")

# Services whose default chroot needs root. Dovecot runs as a non-root user here.
_CHROOTED_SERVICES = (
    "anvil",
    "imap-login",
    "ipc",
    "old-stats",
    "imap-urlauth-login",
    "aggregator",
    "director",
)

class DovecotError(RuntimeError):
    """The local Dovecot did not start; the message carries the tail of its log."""


@dataclass(frozen=True)
class _RunAs:
    """Who Dovecot and its files belong to."""

    user: str
    group: str
    uid: int
    gid: int
    as_root: bool  # we are root and must switch to ``user`` ourselves


def _run_as() -> _RunAs:
    if os.geteuid() == 0:
        pw = pwd.getpwnam("nobody")
        return _RunAs(pw.pw_name, grp.getgrgid(pw.pw_gid).gr_name, pw.pw_uid, pw.pw_gid, True)
    uid, gid = os.geteuid(), os.getegid()
    return _RunAs(pwd.getpwuid(uid).pw_name, grp.getgrgid(gid).gr_name, uid, gid, False)


def _free_port() -> int:
    # Racy by nature (the port is free now, Dovecot binds it a few ms later);
    # start() retries with new ports when Dovecot reports the address in use.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _stop_group(proc: subprocess.Popen[bytes], folder: str | None) -> None:
    """SIGTERM Dovecot's process group, SIGKILL it after 2 s, remove the folder."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


class LocalDovecot:
    """A private Dovecot on 127.0.0.1 with any-user/one-password logins.

    Use as a context manager, or call ``start()`` and ``stop()``. ``tls`` is a
    ``(cert, key)`` pair of PEM files (copied into the server's folder, so any
    readable path works); with it an ``imaps`` listener runs on ``tls_port`` and the
    plain port offers STARTTLS. ``port``, ``tls_port`` and ``folder`` exist only
    while the server runs. A server that is not stopped explicitly is stopped when
    it is garbage-collected or when the interpreter exits.

    ``parent`` is where the private folder is made (default: the
    system temp folder, ``TMPDIR``); a tmpfs such as ``/dev/shm`` makes seeding
    steady and fast, at the price of RAM (about 4 KiB per message). A failed login
    is answered after about 0.5 s: Dovecot's auth process queues failures on a
    fixed 500 ms timer that no setting turns off.
    """

    host = "127.0.0.1"

    def __init__(
        self,
        *,
        tls: tuple[Path, Path] | None = None,
        password: str = "secret",  # noqa: S107 - a throwaway server's known password
        binary: Path = DOVECOT_BINARY,
        start_timeout: float = 10.0,
        parent: Path | None = None,
    ) -> None:
        if not password or any(c in password for c in "\n\r\0 \t"):
            # It is written unquoted into passdb's args.
            raise ValueError("password must be non-empty and contain no whitespace")
        self.password = password
        self._tls = tls
        self._binary = binary
        self._start_timeout = start_timeout
        self._parent = parent
        self._run_as = _run_as()
        self._folder: Path | None = None
        self._port: int | None = None
        self._tls_port: int | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._finalizer: weakref.finalize[..., LocalDovecot] | None = None
        # (user, folder) -> its maildir's tmp/, new/ and cur/ with a trailing slash.
        self._ready_dirs: dict[tuple[str, str], tuple[str, str, str]] = {}
        self._names = itertools.count()

    # --- lifecycle -------------------------------------------------------------

    def start(self) -> None:
        """Start Dovecot; return once it greets on ``port``, or raise DovecotError."""
        if self._proc is not None:
            raise RuntimeError("LocalDovecot is already running")
        folder = Path(tempfile.mkdtemp(prefix="replywatch-dovecot-", dir=self._parent))
        try:
            self._prepare_folder(folder)
            # A free port can be taken between picking and binding: retry then.
            for attempt in range(3):
                self._port = _free_port()
                self._tls_port = _free_port() if self._tls else None
                (folder / "dovecot.conf").write_text(self._config(folder))
                self._chown(folder / "dovecot.conf")
                proc = self._spawn(folder)
                self._finalizer = weakref.finalize(self, _stop_group, proc, str(folder))
                self._proc, self._folder = proc, folder
                try:
                    self._wait_ready(proc, folder)
                    return
                except DovecotError as e:
                    self._finalizer.detach()
                    _stop_group(proc, None)  # keep the folder for the next attempt
                    self._proc = self._folder = None
                    if "Address already in use" not in str(e) or attempt == 2:
                        raise
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise

    def stop(self) -> None:
        """Stop Dovecot (SIGTERM, SIGKILL after 2 s) and remove its folder. Idempotent."""
        if self._finalizer is not None:
            self._finalizer()  # runs _stop_group at most once
        self._finalizer = None
        self._proc = self._folder = None
        self._port = self._tls_port = None
        self._ready_dirs.clear()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- where it is -----------------------------------------------------------

    @property
    def folder(self) -> Path:
        """The server's private folder (config, logs, homes); gone after stop()."""
        if self._folder is None:
            raise RuntimeError("LocalDovecot is not running")
        return self._folder

    @property
    def port(self) -> int:
        """The plain IMAP port (STARTTLS offered when TLS is configured)."""
        if self._port is None:
            raise RuntimeError("LocalDovecot is not running")
        return self._port

    @property
    def tls_port(self) -> int:
        """The implicit-TLS (imaps) port; only with ``tls=``."""
        if self._tls_port is None:
            raise RuntimeError("LocalDovecot is not running with TLS")
        return self._tls_port

    @property
    def log_path(self) -> Path:
        """Dovecot's log file (logins, errors)."""
        return self.folder / "dovecot.log"

    def home(self, user: str) -> Path:
        """The user's home folder (it may not exist yet)."""
        name = user.lower()  # as Dovecot's auth_username_format = %Lu
        if not _USERNAME.fullmatch(name) or name.strip(".") == "":
            raise ValueError(f"unusable IMAP user name: {user!r}")
        return self.folder / "home" / name

    def maildir(self, user: str) -> Path:
        """The user's Maildir++ root (= INBOX; other folders are ``.Name`` in it)."""
        return self.home(user) / "Maildir"

    # --- seeding ---------------------------------------------------------------

    def add_message(
        self,
        user: str,
        raw: bytes,
        *,
        folder: str = "INBOX",
        internal_date: datetime | None = None,
        seen: bool = False,
    ) -> None:
        """Put one message into ``user``'s ``folder`` by writing a maildir file.

        ``internal_date`` (timezone-aware) becomes the file's mtime, which Dovecot
        reports as INTERNALDATE; default now. Seen messages go to ``cur/`` with flag
        ``S``, unseen ones to ``new/``. ``folder`` is an IMAP name with "." as the
        hierarchy separator ("INBOX", "Sent", "Jobs.2024"); it is created when
        missing. Files are written to ``tmp/`` and renamed into place, so a client
        watching the mailbox (IDLE) never sees half a message. Messages keep the
        order of the calls (Dovecot assigns UIDs by file name).
        """
        if internal_date is not None and internal_date.utcoffset() is None:
            raise ValueError("internal_date must be timezone-aware")
        # Plain strings, cached per folder: pathlib would double the cost of a seed.
        dirs = self._ready_dirs.get((user, folder))
        if dirs is None:
            dirs = self._ready_dirs[(user, folder)] = self._ensure_maildir(user, folder)
        tmp_dir, new_dir, cur_dir = dirs
        # Dovecot sorts new files by the "<secs>.M<usecs>" part of the name: a fixed
        # prefix and a growing counter keep UIDs in call order. ",S=" spares a stat.
        name = f"1.M{next(self._names)}P{os.getpid()}.replywatch,S={len(raw)}"
        tmp = tmp_dir + name
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            if os.write(fd, raw) != len(raw):  # a regular file: only on a full disk
                raise OSError(f"short write to {tmp}")
            if self._run_as.as_root:
                os.fchown(fd, self._run_as.uid, self._run_as.gid)
            if internal_date is not None:
                ts = internal_date.timestamp()
                os.utime(fd, (ts, ts))
        finally:
            os.close(fd)
        if seen:
            os.rename(tmp, f"{cur_dir}{name}:2,S")
        else:
            os.rename(tmp, new_dir + name)

    # --- internals -------------------------------------------------------------

    def _chown(self, path: Path) -> None:
        if self._run_as.as_root:
            os.chown(path, self._run_as.uid, self._run_as.gid)

    def _prepare_folder(self, folder: Path) -> None:
        for sub in ("home", "run", "state"):
            (folder / sub).mkdir()
            self._chown(folder / sub)
        self._chown(folder)
        if self._tls:
            cert, key = self._tls
            # Copied so that Dovecot (as nobody) can read them wherever they live.
            for src, dst in ((cert, "tls-cert.pem"), (key, "tls-key.pem")):
                shutil.copyfile(src, folder / dst)
                os.chmod(folder / dst, 0o600)
                self._chown(folder / dst)

    def _spawn(self, folder: Path) -> subprocess.Popen[bytes]:
        stderr = open(folder / "stderr.log", "wb")  # noqa: SIM115 - the child keeps it
        with stderr:
            if self._run_as.as_root:
                return subprocess.Popen(
                    [str(self._binary), "-F", "-c", str(folder / "dovecot.conf")],
                    stdin=subprocess.DEVNULL,
                    stdout=stderr,
                    stderr=stderr,
                    start_new_session=True,  # one process group: stop() signals it all
                    user=self._run_as.uid,
                    group=self._run_as.gid,
                    extra_groups=[],
                )
            return subprocess.Popen(
                [str(self._binary), "-F", "-c", str(folder / "dovecot.conf")],
                stdin=subprocess.DEVNULL,
                stdout=stderr,
                stderr=stderr,
                start_new_session=True,
            )

    def _wait_ready(self, proc: subprocess.Popen[bytes], folder: Path) -> None:
        deadline = time.monotonic() + self._start_timeout
        while True:
            if proc.poll() is not None:
                raise DovecotError(self._failure(folder, f"dovecot exited with {proc.returncode}"))
            try:
                with socket.create_connection((self.host, self.port), timeout=1.0) as s:
                    if s.recv(64).startswith(b"* OK"):
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise DovecotError(self._failure(folder, "dovecot did not greet in time"))
            time.sleep(0.01)

    @staticmethod
    def _failure(folder: Path, what: str) -> str:
        tail: list[str] = []
        for name in ("stderr.log", "dovecot.log"):
            with contextlib.suppress(OSError):
                tail += (folder / name).read_text(errors="replace").splitlines()[-20:]
        return "\n".join([f"{what}; log tail:", *tail])

    def _folder_dir(self, user: str, folder: str) -> Path:
        root = self.maildir(user)
        if folder.upper() == "INBOX":
            return root
        if (
            not folder.isascii()
            or "/" in folder
            or any(part in ("", ".", "..") for part in folder.split("."))
            or folder.startswith("&")
        ):
            # Non-ASCII names would need modified UTF-7; no caller needs them yet.
            raise ValueError(f"unsupported folder name: {folder!r}")
        return root / f".{folder}"

    def _ensure_maildir(self, user: str, folder: str) -> tuple[str, str, str]:
        """Create ``folder``'s maildir (and the home above) if missing; its sub-folders."""
        # Only directories are chowned, once each: files get fchown at creation.
        target = self._folder_dir(user, folder)
        home = self.home(user)
        subs = [target / "tmp", target / "new", target / "cur"]
        for path in (home, home / "Maildir", target, *subs):
            if not path.exists():
                path.mkdir(mode=0o700, exist_ok=True)
                self._chown(path)
        if target.name.startswith(".") and not (target / "maildirfolder").exists():
            (target / "maildirfolder").touch(mode=0o600)  # Maildir++ marks sub-folders
            self._chown(target / "maildirfolder")
        tmp_dir, new_dir, cur_dir = (f"{sub}{os.sep}" for sub in subs)
        return tmp_dir, new_dir, cur_dir

    # A subclass may sign users in another way (the test suite's OAuth2 Dovecot).
    _auth_mechanisms = "plain login"

    def _passdb(self, folder: Path) -> str:
        """Return the passdb section: any user, the one password."""
        return f"passdb {{\n  driver = static\n  args = password={self.password}\n}}"

    def _config(self, folder: Path) -> str:
        ra = self._run_as
        mailboxes = "".join(
            f"  mailbox {name} {{\n    special_use = {use}\n    auto = subscribe\n  }}\n"
            for name, use in SPECIAL_USE.items()
        )
        chroots = "".join(f"service {s} {{\n  chroot =\n}}\n" for s in _CHROOTED_SERVICES)
        tls = "ssl = no\n"
        imaps = ""
        if self._tls:
            tls = f"ssl = yes\nssl_cert = <{folder}/tls-cert.pem\nssl_key = <{folder}/tls-key.pem\n"
            imaps = f"  inet_listener imaps {{\n    port = {self._tls_port}\n    ssl = yes\n  }}\n"
        extra = self._extra_config(folder)
        return f"""\
# Written by replywatch.demo.dovecot.LocalDovecot; removed on stop.
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
protocols = imap
listen = {self.host}
{tls}\
disable_plaintext_auth = no
auth_mechanisms = {self._auth_mechanisms}
auth_failure_delay = 0
auth_username_format = %Lu
default_internal_user = {ra.user}
default_internal_group = {ra.group}
default_login_user = {ra.user}
first_valid_uid = {ra.uid}
first_valid_gid = {ra.gid}
mail_location = maildir:~/Maildir
# Throwaway data: no fsync; many parallel test clients per user.
mail_fsync = never
mail_max_userip_connections = 1000
{self._passdb(folder)}
userdb {{
  driver = static
  args = uid={ra.uid} gid={ra.gid} home={folder}/home/%u
}}
namespace inbox {{
  inbox = yes
  separator = .
{mailboxes}}}
service imap-login {{
  inet_listener imap {{
    port = {self._port}
  }}
{imaps}}}
# After one failed login anvil would delay the next one from 127.0.0.1 by ~4 s.
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
{chroots}{extra}"""

    def _extra_config(self, folder: Path) -> str:
        """Return more settings for ``dovecot.conf`` (none here; for subclasses)."""
        return ""
