"""Changing the book against stored mail: `app add`, `app set`, `app import`.

    .venv/bin/python bench/book.py [--sizes 0,50000,200000] [--apps 200] [--runs 5]

For each size, a throwaway store is filled directly through the store API with that
many stored messages (realistic small headers: ~10% sent, 30% replies, some relay
and job-board mail, RFC 2047 names and subjects, plus-addresses) and indexed as a
sync indexes them, with ``--apps`` applications whose contacts own ~1% of the mail.
Each command then runs as a fresh process (as a user's shell runs it), ``--runs``
times with a new company or contact each time; the medians of its wall-clock and CPU
time are reported, with the ratio of its CPU time to the same command's on the store
of the smallest size, measured in the same run (on a shared machine the wall clock
mostly measures the neighbours).

Also printed, for the record: the cost of indexing at write time (per message, and
the share of the store it takes) and a full rescan (what every rematch cost before
the index), timed in-process. Target (issue "Fast at every size"): each command
<= 0.3 s, and the same at every size. Not a test: figures vary by machine.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from replywatch import log
from replywatch.config import Config, Policy
from replywatch.core.model import RawMessage
from replywatch.engine import LOOKUP_VERSION, PassReport, match_pending, rematch
from replywatch.mail.headers import raw_key
from replywatch.mail.lookup import message_tokens
from replywatch.store import Store, lookup, mailstate

ME = "alex.doe@example.org"
NOW = datetime.now(UTC)
_WORDS = ["quarterly", "report", "meeting", "notes", "invoice", "schedule", "project",
          "review", "budget", "proposal", "draft", "feedback", "release", "deadline"]
_FIRST = ["Anna", "Jonas", "Renée", "Priya", "Wei", "Olga", "José", "Mia", "Åse", "Lukas"]
_DOMAINS = ["gmail.com", "outlook.com", "posteo.de", "fastmail.fm"] + [
    f"{w}{n}.com" for n, w in enumerate(_WORDS * 4)]
_RELAYS = ["no-reply@us.greenhouse-mail.io", "jobs-noreply@linkedin.com",
           "noreply@{co}.teamtailor-mail.com", "{co}@myworkday.com"]


def _q(text: str) -> str:
    """RFC 2047 Q-encode text that is not ASCII, as mailers do."""
    if text.isascii():
        return text
    return "=?UTF-8?Q?" + "".join(c if c.isascii() and c.isalnum() else "_" if c == " " else
                                  "".join(f"={b:02X}" for b in c.encode()) for c in text) + "?="


def messages(size: int, apps: int) -> list[RawMessage]:
    """Return ``size`` stored messages, oldest first."""
    rng = random.Random(size)
    recent: list[str] = []
    out = []
    start, step = NOW - timedelta(days=100), timedelta(days=100) / max(size, 1)
    for i in range(size):
        when = start + step * i
        first = rng.choice(_FIRST)
        roll = rng.random()
        if roll < 0.01:  # one of the book's contacts
            n = rng.randrange(apps)
            them = f"jobs+{n}@company{n}.example"
        elif roll < 0.05:  # a relay or board writing for some employer
            them = rng.choice(_RELAYS).format(co=f"co{rng.randrange(5000)}")
        else:
            them = f"{first.lower()}.{rng.randrange(999)}@{rng.choice(_DOMAINS)}"
        sent = rng.random() < 0.1
        subject = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 8)))
        msgid = f"CA{rng.getrandbits(96):024x}.{i}@mail.{rng.choice(_DOMAINS)}"
        lines = [f"From: {ME if sent else f'{_q(first)} <{them}>'}",
                 f"To: {them if sent else ME}", f"Subject: {_q('Søknad ' + subject)}",
                 f"Date: {when.strftime('%a, %d %b %Y %H:%M:%S +0000')}",
                 f"Message-ID: <{msgid}>"]
        if recent and rng.random() < 0.3:
            refs = recent[-3:]
            lines += [f"In-Reply-To: <{refs[-1]}>", "References: " + " ".join(
                f"<{r}>" for r in refs)]
        recent = [*recent[-20:], msgid]
        header = ("\r\n".join(lines) + "\r\n\r\n").encode()
        out.append(RawMessage("Sent" if sent else "INBOX", i + 1, when, header))
    return out


def seed(path: Path, size: int, apps: int) -> dict[str, float]:
    """Fill a store; return the CPU seconds its index and a full rescan took."""
    store = Store.open(path)
    with store.tx():
        for n in range(apps):
            store.add_application(company=f"Company {n}", role="Engineer", now=NOW,
                                  applied_at=NOW - timedelta(days=n % 60),
                                  contacts=[f"jobs@company{n}.example"])
    mail = messages(size, apps)
    with store.tx():
        mailstate.save_messages(store, "mail", mail, raw_key)
    started = time.process_time()
    with store.tx():
        lookup.index_new(store, message_tokens, version=LOOKUP_VERSION)
    indexed = time.process_time() - started
    match_pending(store, set(), PassReport(), propose=False)
    config = Config(policy=Policy(timezone="UTC"))
    started = time.process_time()
    rematch(config, store)  # the first one is full, like every rematch before the index
    full = time.process_time() - started
    store.close()
    return {"index": indexed, "full": full}


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a command; return its wall-clock and CPU (user + system) seconds. On a
    shared machine the CPU time is the steadier figure of the two.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def commands(tmp: str, apps: int, runs: int) -> dict[str, list[list[str]]]:
    """Return, per command, ``runs`` argument lists, each changing something new."""
    rw = [sys.executable, "-m", "replywatch"]
    imports = []
    for r in range(runs):
        path = Path(tmp) / f"import{r}.csv"
        path.write_text("company,role,contacts\n" + "".join(
            f"Imported {r}-{k},Engineer,hr{k}@imported{r}.example\n" for k in range(5)))
        imports.append([*rw, "app", "import", str(path)])
    return {
        "app add": [[*rw, "app", "add", "--company", f"Newco {r}", "--contact",
                     f"jobs+{r}@newco{r}.example"] for r in range(runs)],
        "app set": [[*rw, "app", "set", str(1 + r % apps), "--add-contact",
                     f"{_FIRST[r].lower()}.{r}@gmail.com"] for r in range(runs)],
        "app import": imports,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,50000,200000")
    parser.add_argument("--apps", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    log.setup(quiet=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    base: dict[str, float] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="rw-bench-book-") as tmp:
            env = {**os.environ, "XDG_DATA_HOME": f"{tmp}/data", "XDG_CONFIG_HOME": f"{tmp}/cfg"}
            env.pop("REPLYWATCH_CONFIG", None)
            # As an installed program runs: from cached bytecode, which the first
            # command of the smallest store writes (its median takes the rest).
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            store_path = Path(tmp) / "data" / "replywatch" / "replywatch.db"
            costs = seed(store_path, size, args.apps)
            mb = store_path.stat().st_size / 1e6
            per = costs["index"] / size * 1e6 if size else 0.0
            print(f"{size:,} stored messages, {args.apps} applications ({mb:.0f} MB): index "
                  f"{costs['index']:.1f} s CPU ({per:.0f} µs/message); a full rescan (every "
                  f"rematch before the index) {costs['full'] * 1000:.0f} ms CPU")
            for name, runs in commands(tmp, args.apps, args.runs).items():
                times = [timed(argv, env) for argv in runs]
                wall = statistics.median(t[0] for t in times)
                cpu = statistics.median(t[1] for t in times)
                base.setdefault(name, cpu)
                verdict = "OK" if cpu <= 0.3 else "MISSED (target 0.3 s)"
                print(f"  {name:<11} {wall * 1000:6.0f} ms wall, {cpu * 1000:4.0f} ms CPU, "
                      f"{cpu / base[name]:4.2f}x the CPU at {sizes[0]:,}  {verdict}")


if __name__ == "__main__":
    main()
