"""kill -9 at random moments of `replywatch run` while mail arrives and alerts
fall due; then count what was lost and what was alerted twice.

Used by tests/test_crash.py and bench/reliability.py. Only public behaviour: the
CLI (app add), daemon processes (forked by tests/servers/zygote.py, so that a
cycle costs a fork, not an interpreter start), the command channel writing
every alert to a file, the SMTP fixture, and the store file read afterwards.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.mailfactory import account_block, eml
from tests.secret_canary import password_command
from tests.servers.dovecot import LocalDovecot
from tests.servers.smtp import SmtpServer

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class CrashResult:
    """What the crash cycles did and what they left behind."""

    kills: int
    seconds: float
    replies_sent: int
    replies_matched: int
    alerts: int  # distinct alert keys in the ledger
    repeats_command: int  # deliveries beyond the first, command channel
    repeats_email: int  # the same, email
    undelivered: int  # ledger keys never delivered on some channel
    integrity: str

    @property
    def lost(self) -> int:
        """Return the replies that never became a match."""
        return self.replies_sent - self.replies_matched

    @property
    def ok(self) -> bool:
        """Return True if nothing was lost and no alert repeated more than once a kill."""
        return (self.lost == 0 and self.undelivered == 0 and self.integrity == "ok"
                and self.repeats_command <= self.kills and self.repeats_email <= self.kills)


class Zygote:
    """tests/servers/zygote.py as a child process."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.servers.zygote"], env=env,
                                     cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True)

    def _ask(self, line: str) -> int:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def spawn(self, log: Path, *argv: str) -> int:
        return self._ask(f"spawn {log} {' '.join(argv)}")

    def reap(self, pid: int) -> int:
        return self._ask(f"reap {pid}")

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(10)


class LogPipe:
    """A FIFO every daemon logs into; its JSON lines are copied to a file and their
    events counted, so that a test can wait for "the 3rd alert_sent" without polling.
    """

    def __init__(self, fifo: Path, copy: Path) -> None:
        os.mkfifo(fifo)
        self.path = fifo
        # Read-write: the FIFO never reads as closed between two writers.
        self._fd = os.open(fifo, os.O_RDWR)
        self._copy = copy.open("ab")
        self.events: list[str] = []
        self._cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        with os.fdopen(self._fd, "rb") as pipe:
            for line in pipe:
                self._copy.write(line)
                self._copy.flush()
                try:
                    event = str(json.loads(line).get("event", ""))
                except (json.JSONDecodeError, AttributeError):
                    continue
                with self._cond:
                    self.events.append(event)
                    self._cond.notify_all()

    def mark(self) -> int:
        """Return a position: events logged after it count for ``wait``."""
        with self._cond:
            return len(self.events)

    def wait(self, event: str, count: int, since: int, timeout: float,
             or_event: str | None = None) -> bool:
        """Wait until ``event`` was logged ``count`` times after ``since`` (or
        ``or_event`` once); return False on timeout.
        """
        def seen() -> bool:
            after = self.events[since:]
            return after.count(event) >= count or (or_event is not None and or_event in after)

        with self._cond:
            return self._cond.wait_for(seen, timeout)


# Where a daemon is killed: right after one of these, chosen at random, plus up
# to 20 ms. Start-up, the sync, the pass's writes, and sends with their marks.
MOMENTS = ("daemon_started", "account_synced", "pass_done", "alert_sent", "alert_sent",
           "alert_sent")


class CrashRig:
    """A user with applications due, a mailbox receiving replies, and daemons to kill."""

    def __init__(self, folder: Path, dovecot: LocalDovecot, user: str, smtp: SmtpServer,
                 ca_file: Path, *, companies: int = 16, overdue: int = 6) -> None:
        self.folder, self.dovecot, self.user, self.smtp = folder, dovecot, user, smtp
        self.alerts_file = folder / "alerts.jsonl"
        self.log = folder / "daemon.log"
        self.pipe = LogPipe(folder / "daemon.fifo", self.log)
        self.config = folder / "config.toml"
        command = ["sh", "-c", f"cat >> {self.alerts_file}"]
        self.config.write_text(
            account_block(dovecot, user)
            + '\n[alerts]\nchannels = ["command", "email"]\nquiet_hours = []\n'
            + f"\n[alerts.command]\nargv = {json.dumps(command)}\n"
            + "\n[alerts.email]\n"
            + f'host = "{smtp.host}"\nport = {smtp.port}\nsecurity = "starttls"\n'
            + f'username = "{smtp.username}"\n'
            + f"password_command = {json.dumps(password_command(smtp.password))}\n"
            + f'ca_file = "{ca_file}"\nfrom = "replywatch@example.org"\n'
            + 'to = "alex.doe@example.org"\n'
            + "\n[daemon]\nidle_minutes = 1\n")
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("NOTIFY_", "WATCHDOG_", "REPLYWATCH_"))}
        self.env.update(XDG_DATA_HOME=str(folder / "data"), XDG_CONFIG_HOME=str(folder / "cfg"),
                        PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
        self.store = folder / "data" / "replywatch" / "replywatch.db"
        self.companies = [f"Company{n}" for n in range(companies)]
        self.overdue = overdue
        self.replies: list[str] = []

    def _cli(self, *args: str) -> None:
        subprocess.run([sys.executable, "-m", "replywatch", "--config", str(self.config), *args],
                       env=self.env, check=True, capture_output=True, timeout=60)

    def add_applications(self) -> None:
        """Applications: the first ``overdue`` have a follow-up due now."""
        rows = []
        for n, company in enumerate(self.companies):
            days = 8 if n < self.overdue else 2
            applied = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
            rows.append({"company": company, "contacts": [f"hr@{company.lower()}.example"],
                         "applied_at": applied})
        path = self.folder / "apps.json"
        path.write_text(json.dumps(rows))
        self._cli("app", "import", str(path))

    def _mail(self, stop: threading.Event, rng: random.Random) -> None:
        """Replies arrive one by one, from the companies whose follow-up is not due."""
        for n, company in enumerate(self.companies[self.overdue:]):
            if stop.wait(rng.uniform(0.05, 0.25)):
                return
            msgid = f"reply{n}@{company.lower()}.example"
            self.dovecot.add_message(self.user, eml(
                sender=f"HR <hr@{company.lower()}.example>", subject=f"Re: {company}",
                msgid=msgid))
            self.replies.append(msgid)

    def run(self, kills: int, *, seed: int = 7, max_life: float = 2.0) -> CrashResult:
        """kill -9 ``kills`` daemons, each at a random moment of its work (see
        MOMENTS; at ``max_life`` seconds at the latest) while replies arrive; then
        run one daemon to the end of a pass, stop it, and count.
        """
        rng = random.Random(seed)
        self.add_applications()
        zygote = Zygote(self.env)
        stop = threading.Event()
        mail = threading.Thread(target=self._mail, args=(stop, rng), daemon=True)
        started = time.monotonic()
        mail.start()
        argv = ("--verbose", "--config", str(self.config), "run")
        try:
            for _ in range(kills):
                since = self.pipe.mark()
                pid = zygote.spawn(self.pipe.path, *argv)
                moment = rng.choice(MOMENTS)
                count = rng.randint(1, 4) if moment == "alert_sent" else 1
                # A daemon with nothing left to do is killed while it idles.
                self.pipe.wait(moment, count, since, max_life, or_event="daemon_ready")
                threading.Event().wait(rng.uniform(0.0, 0.02))  # a random instant after
                os.kill(pid, signal.SIGKILL)
                zygote.reap(pid)
            mail.join()
            self._final(zygote, argv)
        finally:
            stop.set()
            zygote.close()
        return self._count(kills, time.monotonic() - started)

    def _final(self, zygote: Zygote, argv: tuple[str, ...]) -> None:
        """One daemon that is not killed: it finishes its first pass (READY), then stops."""
        since = self.pipe.mark()
        pid = zygote.spawn(self.pipe.path, *argv)
        ready = self.pipe.wait("daemon_ready", 1, since, 60)
        os.kill(pid, signal.SIGTERM)
        zygote.reap(pid)
        if not ready:
            raise TimeoutError(self.log.read_text()[-3000:])

    def _count(self, kills: int, seconds: float) -> CrashResult:
        conn = sqlite3.connect(self.store)
        try:
            matched = conn.execute(
                "SELECT count(*) FROM messages WHERE app_id IS NOT NULL"
                " AND direction = 'from_them'").fetchone()[0]
            keys = [r[0] for r in conn.execute("SELECT key FROM alerts")]
            channels = Counter(r[0] for r in conn.execute("SELECT channel FROM alert_deliveries"))
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        payloads = [json.loads(line) for line in self.alerts_file.read_text().splitlines()
                    if line.strip()]
        # An alert, or a summary of several (its "alerts"); notices carry no key.
        sent = Counter(a["key"] for p in payloads for a in p.get("alerts", [p]) if "key" in a)
        mails = Counter(str(m.message["Message-ID"]) for m in self.smtp.messages)
        return CrashResult(
            kills=kills, seconds=seconds, replies_sent=len(self.replies),
            replies_matched=int(matched), alerts=len(keys),
            repeats_command=sum(n - 1 for n in sent.values()),
            repeats_email=sum(n - 1 for n in mails.values()),
            undelivered=sum(1 for k in keys if k not in sent) + len(keys) - channels["email"],
            integrity=str(integrity))
