"""The reliability scorecard: each promise of replywatch under hostile mail and
faults, its figure and pass/fail. Not a test: run it on your machine.

    python bench/reliability.py            # about a minute
    python bench/reliability.py --json     # the same, as one JSON document

Uses only public behaviour: the `replywatch` command line and daemon processes
against a throwaway local Dovecot (the test suite's LocalDovecot) and aiosmtpd
server, the store file read afterwards, and /proc. The wall-clock step needs an
injected clock, so that one row runs the daemon in-process (tests/daemonkit.py).
Needs Dovecot (Debian package dovecot-imapd) and the test extras installed.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOSTILE_LIMIT = 120.0
sys.path.insert(0, str(ROOT))

from tests.mailfactory import account_block, eml  # noqa: E402
from tests.secret_canary import CANARY, leaks  # noqa: E402
from tests.servers.crashrig import CrashRig  # noqa: E402
from tests.servers.smtp import SmtpServer  # noqa: E402
from tests.tls import TlsFiles, make_ca_and_server_cert  # noqa: E402

from replywatch.config import Security  # noqa: E402
from replywatch.core.model import MAX_HEADER_BYTES  # noqa: E402
from replywatch.demo.dovecot import LocalDovecot  # noqa: E402


@dataclass
class Row:
    """One promise, measured."""

    promise: str
    figure: str
    passed: bool


class Bench:
    """A Dovecot, an SMTP server and a fresh folder per promise."""

    def __init__(self, top: Path, dovecot: LocalDovecot, smtp: SmtpServer, tls: TlsFiles) -> None:
        self.top, self.dovecot, self.smtp, self.tls = top, dovecot, smtp, tls
        self._n = 0

    def user(self) -> tuple[Path, str, dict[str, str]]:
        """Return a fresh folder, IMAP user and environment."""
        self._n += 1
        folder = self.top / f"case{self._n}"
        folder.mkdir()
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("NOTIFY_", "WATCHDOG_", "REPLYWATCH_"))}
        env.update(XDG_DATA_HOME=str(folder / "data"), XDG_CONFIG_HOME=str(folder / "cfg"),
                   PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
        return folder, f"bench{self._n}-{os.getpid()}", env

    def config(self, folder: Path, user: str) -> Path:
        path = folder / "config.toml"
        out = folder / "alerts.jsonl"
        command = ["sh", "-c", f"cat >> {out}; echo >> {out}"]
        path.write_text(account_block(self.dovecot, user)
                        + '\n[alerts]\nchannels = ["command"]\nquiet_hours = []\n'
                        + f"\n[alerts.command]\nargv = {json.dumps(command)}\n"
                        + "\n[daemon]\nidle_minutes = 1\n")
        return path


def cli(config: Path, env: dict[str, str], *args: str, timeout: float = 120
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "replywatch", "--config", str(config), *args],
                          env=env, capture_output=True, text=True, timeout=timeout, check=False)


def ago(days: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")


class Daemon:
    """`replywatch --verbose run` with its log in a file, waited on line by line."""

    def __init__(self, config: Path, env: dict[str, str], log: Path) -> None:
        self.log = log
        with log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "replywatch", "--verbose", "--config", str(config), "run"],
                env=env, stdout=out, stderr=subprocess.STDOUT)

    def events(self) -> list[str]:
        out = []
        for line in self.log.read_text().splitlines():
            try:
                out.append(str(json.loads(line).get("event")))
            except (json.JSONDecodeError, AttributeError):
                continue
        return out

    def wait(self, event: str, count: int = 1, timeout: float = 60) -> float:
        """Return the seconds until ``event`` was logged ``count`` times (inf if never)."""
        start = time.monotonic()
        while self.events().count(event) < count:
            if time.monotonic() - start > timeout or self.proc.poll() is not None:
                return float("inf")
            time.sleep(0.02)  # a benchmark polling a log file, not a test
        return time.monotonic() - start

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()


# -- the promises ---------------------------------------------------------------------


def hostile_message(b: Bench) -> list[Row]:
    """A 2 MB one-line Subject and a 1 MB References: check's time against a pass over
    a normal message, and the bytes stored for the hostile one.
    """
    rows = []
    times = {}
    for kind in ("normal", "hostile"):
        folder, user, env = b.user()
        config = b.config(folder, user)
        cli(config, env, "app", "add", "--company", "Acme", "--contact", "jane@acme.com")
        subject = "x" * 2_000_000 if kind == "hostile" else "Interview"
        refs = [f"r{n}.{'y' * 40}@example.org" for n in range(20_000)] if kind == "hostile" else []
        b.dovecot.add_message(user, eml(sender="x@spam.example", subject=subject, msgid="h@x",
                                        references=refs))
        b.dovecot.add_message(user, eml(sender="jane@acme.com", subject="Hello", msgid="ok@acme"))
        start = time.monotonic()
        try:
            code = cli(config, env, "check", "--json", timeout=HOSTILE_LIMIT).returncode
        except subprocess.TimeoutExpired:
            code = None  # a pass stuck on one message
        times[kind] = time.monotonic() - start
        if kind == "hostile":
            conn = sqlite3.connect(folder / "data" / "replywatch" / "replywatch.db")
            stored = conn.execute("SELECT max(length(header)) FROM messages").fetchone()[0] or 0
            matched = conn.execute("SELECT count(*) FROM messages WHERE app_id IS NOT NULL"
                                   ).fetchone()[0]
            conn.close()
            rows.append(Row("one hostile message costs a bounded time",
                            f"check {times['hostile']:.2f} s vs {times['normal']:.2f} s normal"
                            + (f" (exit {code})" if code is not None else
                               f" (stopped after {HOSTILE_LIMIT:.0f} s)"),
                            code == 0 and times["hostile"] < 5 * times["normal"] + 2))
            rows.append(Row("stored size per message is capped",
                            f"{stored:,} bytes stored for a 3 MB header (cap "
                            f"{MAX_HEADER_BYTES:,})", stored <= MAX_HEADER_BYTES))
            rows.append(Row("the reply next to it is still matched", f"{matched} of 1",
                            matched == 1))
    return rows


def dead_connection(b: Bench) -> Row:
    """Kill the server side of the daemon's connections; time until IDLE is back."""
    folder, user, env = b.user()
    d = Daemon(b.config(folder, user), env, folder / "daemon.log")
    try:
        d.wait("idle_started")
        killed = imap_processes(b.dovecot)
        for pid in killed:
            os.kill(pid, signal.SIGKILL)  # the client sees EOF, as after a server crash
        took = d.wait("idle_started", count=2, timeout=30)
    finally:
        d.stop()
    return Row("a dead connection is noticed and IDLE resumes",
               f"{took:.1f} s after EOF ({len(killed)} server processes killed)",
               took <= 10 and bool(killed))


def imap_processes(dovecot: LocalDovecot) -> list[int]:
    """Return the imap processes of this Dovecot (Dovecot blanks their environment:
    found by their parent, the master started with this server's config).
    """
    parents: dict[int, int] = {}
    names: dict[int, bytes] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                names[int(entry)] = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    conf = str(dovecot.folder / "dovecot.conf").encode()
    masters = {pid for pid, cmd in names.items() if conf in cmd}
    return [pid for pid, cmd in names.items()
            if parents.get(pid) in masters and cmd.startswith(b"dovecot/imap\0")]


def catch_up(b: Bench) -> Row:
    """Mail that came while the daemon was down is alerted right after start."""
    folder, user, env = b.user()
    config = b.config(folder, user)
    cli(config, env, "app", "add", "--company", "Acme", "--contact", "jane@acme.com",
        "--applied", ago(2))
    b.dovecot.add_message(user, eml(sender="Jane <jane@acme.com>", subject="Re", msgid="c@acme"))
    start = time.monotonic()
    d = Daemon(config, env, folder / "daemon.log")
    alerts = folder / "alerts.jsonl"
    while not (alerts.exists() and "reply" in alerts.read_text()):
        if time.monotonic() - start > 60:
            break
        time.sleep(0.02)
    took = time.monotonic() - start
    d.stop()
    return Row("catch-up after a restart", f"reply alerted {took:.2f} s after start", took <= 5)


def crash_cycles(b: Bench, kills: int) -> list[Row]:
    folder, user, _ = b.user()
    result = CrashRig(folder, b.dovecot, user, b.smtp, b.tls.ca_cert).run(kills)
    return [
        Row(f"{kills} kill -9 during mail and alerts: nothing lost",
            f"{result.lost} of {result.replies_sent} replies lost, "
            f"{result.undelivered} alerts undelivered, integrity {result.integrity}",
            result.lost == 0 and result.undelivered == 0 and result.integrity == "ok"),
        Row(f"{kills} kill -9: no alert twice (at most one repeat per kill)",
            f"{result.repeats_command} + {result.repeats_email} repeats of {result.alerts} "
            f"alerts on 2 channels, {result.seconds:.1f} s",
            result.repeats_command <= kills and result.repeats_email <= kills),
    ]


def wall_clock_step(b: Bench) -> Row:
    """In-process: the daemon with an injected wall clock stepped -1 h, +2 h, -2 h."""
    from tests.daemonkit import Harness, VirtualClock, WallClock

    folder, user, env = b.user()
    config = b.config(folder, user)
    cli(config, env, "app", "add", "--company", "Globex", "--contact", "hr@globex.io",
        "--applied", ago(8))
    mono, wall = VirtualClock(), WallClock()
    wall.offset = timedelta(hours=1)
    with Harness(config, folder / "data" / "replywatch" / "replywatch.db", clock=wall,
                 monotonic=mono) as h:
        h.wait_log("pass_done")
        poll = h.config.daemon.poll_minutes * 60
        for step, offset in enumerate((timedelta(0), timedelta(hours=2), timedelta(0))):
            wall.offset = offset
            mono.advance(poll)
            h.wait_log("pass_done", count=2 + step)
        passes = h.count("pass_done")
    sent = (folder / "alerts.jsonl").read_text().count('"follow_up_due"')
    return Row("a wall-clock step neither pauses polling nor repeats an alert",
               f"{passes} of 4 polls, follow-up alerted {sent}x", passes == 4 and sent == 1)


def storage_faults(b: Bench) -> list[Row]:
    rows = []
    folder, user, env = b.user()
    config = b.config(folder, user)
    cli(config, env, "app", "add", "--company", "Acme")
    db = folder / "data" / "replywatch" / "replywatch.db"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3,sys; c=sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('BEGIN IMMEDIATE'); print('x', flush=True); sys.stdin.readline()"), str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    assert holder.stdin is not None
    holder.stdout.readline()
    start = time.monotonic()
    done = cli(config, env, "app", "add", "--company", "Globex")
    took = time.monotonic() - start
    holder.stdin.write("\n")
    holder.stdin.close()
    holder.wait()
    lines = done.stderr.strip().splitlines()
    rows.append(Row("store locked by another process: one line, exit 3",
                    f"exit {done.returncode} after {took:.1f} s: {lines[-1][:70] if lines else ''}",
                    done.returncode == 3 and len(lines) == 1 and str(db) in lines[0]))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with db.open("r+b") as f:
        f.write(b"not a database at all")
    done = cli(config, env, "app", "list")
    lines = done.stderr.strip().splitlines()
    rows.append(Row("damaged store file: one line naming it, exit 3", f"exit {done.returncode}",
                    done.returncode == 3 and len(lines) == 1 and str(db) in lines[0]))
    return rows


def reload(b: Bench) -> Row:
    folder, user, env = b.user()
    config = b.config(folder, user)
    d = Daemon(config, env, folder / "daemon.log")
    try:
        d.wait("daemon_ready")
        good = config.read_text()
        config.write_text(good.replace("idle_minutes = 1", 'idle_minutes = "x"'))
        d.proc.send_signal(signal.SIGHUP)
        failed = d.wait("reload_failed", timeout=15)
        alive = d.proc.poll() is None
        config.write_text(good)
        d.proc.send_signal(signal.SIGHUP)
        took = d.wait("config_reloaded", timeout=15)
    finally:
        d.stop()
    return Row("SIGHUP: a broken config is refused, a good one applied",
               f"refused in {failed:.2f} s (still running: {alive}), applied in {took:.2f} s",
               alive and failed < 5 and took < 5)


def secret(b: Bench) -> Row:
    """The daemon at --verbose through a first pass: the password in no log line,
    store file, argv or environment.
    """
    folder, user, env = b.user()
    config = b.config(folder, user)
    d = Daemon(config, env, folder / "daemon.log")
    found: list[str] = []
    try:
        d.wait("daemon_ready")
        for part in ("cmdline", "environ"):
            found += leaks(Path(f"/proc/{d.proc.pid}/{part}").read_bytes())
    finally:
        d.stop()
    for path in folder.rglob("*"):
        if path.is_file():
            found += [f"{path.name}: {f}" for f in leaks(path.read_bytes())]
    forms = 1 + 1 + 3  # plain, URL-encoded, base64 at three alignments
    return Row("the password is never written or passed on",
               f"{len(found)} hits of {forms} forms in log, store, argv, environ", not found)


def main() -> int:
    import logging

    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd's deprecation chatter
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--kills", type=int, default=30)
    args = parser.parse_args()
    top = Path(tempfile.mkdtemp(prefix="rw-bench-"))
    tls = make_ca_and_server_cert(top)
    rows: list[Row] = []
    with LocalDovecot(password=CANARY) as dovecot, \
            SmtpServer(tls, security=Security.STARTTLS, password=CANARY) as smtp:
        b = Bench(top, dovecot, smtp, tls)
        steps: list[Callable[[], Row | list[Row]]] = [
            lambda: hostile_message(b), lambda: dead_connection(b), lambda: catch_up(b),
            lambda: crash_cycles(b, args.kills), lambda: wall_clock_step(b),
            lambda: storage_faults(b), lambda: reload(b), lambda: secret(b)]
        for step in steps:
            try:
                got = step()
            except Exception as exc:  # a promise that cannot even be measured fails
                got = Row(getattr(step, "__name__", "step"), f"error: {exc!r}"[:120], False)
            rows += got if isinstance(got, list) else [got]
            if not args.json:
                for row in (got if isinstance(got, list) else [got]):
                    print(f"{'PASS' if row.passed else 'FAIL'}  {row.promise:<62} {row.figure}",
                          flush=True)
    if args.json:
        print(json.dumps([row.__dict__ for row in rows], indent=2))
    else:
        print(f"{sum(r.passed for r in rows)} of {len(rows)} promises kept")
    return 0 if all(r.passed for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
