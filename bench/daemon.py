"""The daemon at rest and on a reply: idle CPU, wake-ups, reply -> alert latency,
each beside its baseline measured in the same run. Not a test: figures vary.

    .venv/bin/python bench/daemon.py [--apps 2000] [--idle 20] [--replies 30]
    .venv/bin/python bench/daemon.py --src /tmp/old/src   # another checkout's code

A throwaway Dovecot (demo/dovecot.py LocalDovecot) and the real daemon process
(`python -m replywatch run`, console alerts on its stdout, systemd's notify socket
and watchdog played by this script, WatchdogSec as in systemd/replywatch.service)
over a store of ``--apps`` applications at mixed ages.

(a) At rest, once the start-up alerts are out: CPU time of all the daemon's
threads (/proc/PID/task/*/schedstat, ns; /proc/PID/stat utime+stime in clock
ticks) and context switches (voluntary + involuntary, all threads: each is a
wake-up) over ``--idle`` seconds, beside a `sleep` process and an idle python
process measured over the same seconds.

(b) Reply -> alert: a reply from one application's contact is APPENDed to INBOX
through a connection of its own; the time until the daemon prints the alert,
against the time until a bare imaplib client, IDLE on the same INBOX, hears of
the same APPEND (Dovecot's own IDLE delay, the floor). Medians, and the difference:
replywatch's own share.
"""

from __future__ import annotations

import argparse
import imaplib
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.mailfactory import account_block, eml  # noqa: E402

from replywatch.demo.dovecot import LocalDovecot  # noqa: E402
from replywatch.store import Store  # noqa: E402

WATCHDOG_SEC = 120  # systemd/replywatch.service
SETTLE = 3.0  # start-up is over once the daemon printed nothing for this long


def company(n: int) -> str:
    return f"Company {n:04d}"


def seed(store_path: Path, apps: int) -> None:
    """Store ``apps`` applications applied 0-59 days ago, each with one contact."""
    store = Store.open(store_path)
    now = datetime.now(UTC)
    with store.tx():
        for n in range(apps):
            store.add_application(company=company(n), role="Engineer",
                                  applied_at=now - timedelta(days=n % 60), now=now,
                                  contacts=[f"jobs@company{n:04d}.example"])
    store.close()


class Lines:
    """Lines read from a stream by a thread, each with the moment it arrived."""

    def __init__(self, readline: Callable[[], bytes]) -> None:
        self.lines: list[tuple[float, str]] = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, args=(readline,), daemon=True).start()

    def _read(self, readline: Callable[[], bytes]) -> None:
        while True:
            try:
                raw = readline()
            except OSError:
                return
            if not raw:
                return
            with self.cond:
                self.lines.append((time.perf_counter(), raw.decode(errors="replace")))
                self.cond.notify_all()

    def mark(self) -> int:
        with self.cond:
            return len(self.lines)

    def wait(self, test: Callable[[str], bool], timeout: float, since: int = 0) -> float:
        """Return when the first line from index ``since`` on that passes ``test``
        arrived. Raise TimeoutError."""
        deadline = time.monotonic() + timeout
        seen = since
        with self.cond:
            while True:
                for at, line in self.lines[seen:]:
                    if test(line):
                        return at
                seen = len(self.lines)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("not seen")
                self.cond.wait(left)

    def quiet_for(self, seconds: float, timeout: float) -> None:
        """Return once no line arrived for ``seconds``. Raise TimeoutError."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while time.monotonic() < deadline:
                last = self.lines[-1][0] if self.lines else 0.0
                left = last + seconds - time.perf_counter()
                if left <= 0:
                    return
                self.cond.wait(left)
        raise TimeoutError("never quiet")


class NotifySocket:
    """systemd's notify socket, played: collects READY=1, WATCHDOG=1 ..."""

    def __init__(self, path: Path) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.fields: list[tuple[float, str]] = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                data = self.sock.recv(4096).decode()
            except OSError:
                return
            with self.cond:
                self.fields += [(time.monotonic(), f) for f in data.split("\n")]
                self.cond.notify_all()

    def wait(self, field: str, timeout: float) -> None:
        with self.cond:
            if not self.cond.wait_for(lambda: any(f == field for _, f in self.fields), timeout):
                raise TimeoutError(f"{field} not received")

    def count(self, field: str, since: float) -> int:
        with self.cond:
            return sum(1 for at, f in self.fields if f == field and at >= since)


# -- (a) at rest -------------------------------------------------------------------------


def cpu_ns(pid: int) -> int:
    """Return the CPU time of all of ``pid``'s threads, in ns (schedstat)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        total += int((task / "schedstat").read_text().split()[0])
    return total


def cpu_ticks(pid: int) -> int:
    """Return utime + stime of ``pid`` (all threads), in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def switches(pid: int) -> int:
    """Return the context switches of all of ``pid``'s threads: each one a wake-up."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        for line in (task / "status").read_text().splitlines():
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                total += int(line.split()[1])
    return total


def snapshot(pid: int) -> tuple[int, int, int]:
    return cpu_ns(pid), cpu_ticks(pid), switches(pid)


def at_rest(pids: dict[str, int], seconds: float) -> None:
    """Print CPU % and wake-ups per second of each process over the same ``seconds``."""
    hz = os.sysconf("SC_CLK_TCK")
    before = {name: snapshot(pid) for name, pid in pids.items()}
    began = time.perf_counter()
    threading.Event().wait(seconds)
    elapsed = time.perf_counter() - began
    after = {name: snapshot(pid) for name, pid in pids.items()}
    print(f"(a) at rest, {elapsed:.1f} s:")
    print(f"    {'process':<22}{'CPU % of a core':>16}{'(stat ticks)':>14}{'wake-ups/s':>12}")
    for name in pids:
        ns = after[name][0] - before[name][0]
        ticks = after[name][1] - before[name][1]
        wakes = after[name][2] - before[name][2]
        print(f"    {name:<22}{100 * ns / 1e9 / elapsed:>16.4f}"
              f"{100 * ticks / hz / elapsed:>14.3f}{wakes / elapsed:>12.2f}")


# -- (b) reply -> alert ------------------------------------------------------------------


def idle_floor(dovecot: LocalDovecot, user: str) -> Lines:
    """Return the lines a bare imaplib client IDLE on INBOX hears (one IDLE command
    lasts the whole run, well inside Dovecot's and RFC 2177's limits)."""
    imap = imaplib.IMAP4(dovecot.host, dovecot.port)
    imap.login(user, dovecot.password)
    imap.select("INBOX", readonly=True)
    imap.send(b"F1 IDLE\r\n")
    if not imap.readline().startswith(b"+"):
        raise RuntimeError("the server refused IDLE")
    return Lines(imap.readline)


def settle(pid: int, quiet: float = 0.3, timeout: float = 60.0) -> None:
    """Return once ``pid`` used under 1 % of a core for ``quiet`` seconds (its pass,
    tick and feed are over; a daemon that polls still uses a little), so that the
    next reply does not queue behind them."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = cpu_ns(pid)
        threading.Event().wait(quiet)
        if cpu_ns(pid) - before < quiet * 1e9 / 100:
            return


def latency(dovecot: LocalDovecot, user: str, out: Lines, replies: int, *, first: int,
            pid: int) -> None:
    """Print the medians of reply -> alert and of the IDLE floor over ``replies`` APPENDs."""
    floor = idle_floor(dovecot, user)
    writer = imaplib.IMAP4(dovecot.host, dovecot.port)
    writer.login(user, dovecot.password)
    exists = re.compile(r"^\* \d+ EXISTS")
    floors, alerts = [], []
    for k in range(replies):
        n = first + k
        message = eml(sender=f"Kim Recruiter <jobs@company{n:04d}.example>",
                      subject="Re: Engineer", msgid=f"bench-{n}@company{n:04d}.example",
                      body="Hi,\r\n\r\nI read your application and have a question "
                           "about your last project.\r\n\r\nBest, Kim\r\n")
        heard_mark, out_mark = floor.mark(), out.mark()
        began = time.perf_counter()
        writer.append("INBOX", "", imaplib.Time2Internaldate(time.time()), message)
        heard = floor.wait(lambda line: bool(exists.match(line)), 10, heard_mark)
        alerted = out.wait(lambda line, n=n: f"{company(n)} replied" in line, 15, out_mark)
        floors.append((heard - began) * 1000)
        alerts.append((alerted - began) * 1000)
        settle(pid)
    floor_ms, alert_ms = statistics.median(floors), statistics.median(alerts)
    print(f"(b) reply -> alert, {replies} replies (APPEND to INBOX, medians):")
    print(f"    IDLE floor (bare imaplib client): {floor_ms:7.1f} ms "
          f"(min {min(floors):.1f}, max {max(floors):.1f})")
    print(f"    replywatch alert:                 {alert_ms:7.1f} ms "
          f"(min {min(alerts):.1f}, max {max(alerts):.1f})")
    shares = [a - f for a, f in zip(alerts, floors, strict=True)]
    print(f"    replywatch's own share:           {statistics.median(shares):7.1f} ms "
          f"(median of per-reply differences; max {max(shares):.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apps", type=int, default=2000)
    parser.add_argument("--idle", type=float, default=20.0, help="seconds at rest measured")
    parser.add_argument("--replies", type=int, default=30)
    parser.add_argument("--src", type=Path, help="run the daemon from this src/ folder")
    args = parser.parse_args()
    with LocalDovecot() as dovecot, tempfile.TemporaryDirectory(prefix="rw-bench-d-") as tmp:
        top, user = Path(tmp), f"bench-{os.getpid()}"
        seed(top / "data" / "replywatch" / "replywatch.db", args.apps)
        config = top / "config.toml"
        config.write_text(account_block(dovecot, user)
                          + '\n[alerts]\nchannels = ["console"]\nquiet_hours = []\n')
        notify = NotifySocket(top / "notify")
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("NOTIFY_", "WATCHDOG_", "REPLYWATCH_"))}
        env.update(XDG_DATA_HOME=str(top / "data"), XDG_CONFIG_HOME=str(top / "cfg"),
                   NOTIFY_SOCKET=str(top / "notify"), WATCHDOG_USEC=str(WATCHDOG_SEC * 10**6),
                   PYTHONUNBUFFERED="1", PYTHONPATH=str(args.src or ROOT / "src"))
        with (top / "daemon.log").open("wb") as log:
            daemon = subprocess.Popen([sys.executable, "-m", "replywatch", "--config",
                                       str(config), "run"], env=env, stdout=subprocess.PIPE,
                                      stderr=log)
        sleepers = {
            "sleep": subprocess.Popen(["sleep", "3600"]),
            "idle python": subprocess.Popen([sys.executable, "-c",
                                             "import threading; threading.Event().wait()"]),
        }
        try:
            assert daemon.stdout is not None
            out = Lines(daemon.stdout.readline)
            started = time.perf_counter()
            notify.wait("READY=1", 120)
            out.quiet_for(SETTLE, 300)
            print(f"daemon over {args.apps:,} applications: ready and its start-up alerts "
                  f"out in {time.perf_counter() - started:.1f} s; WatchdogSec={WATCHDOG_SEC}")
            since = time.monotonic()
            at_rest({"replywatch run": daemon.pid,
                     **{name: proc.pid for name, proc in sleepers.items()}}, args.idle)
            print(f"    watchdog pings in that time: {notify.count('WATCHDOG=1', since)}")
            latency(dovecot, user, out, args.replies, first=1, pid=daemon.pid)
        finally:
            for proc in (daemon, *sleepers.values()):
                proc.terminate()
                proc.wait(10)


if __name__ == "__main__":
    main()
