"""Command latency against `python -c pass`, measured in the same run.

    .venv/bin/python bench/cli.py [--apps 2000] [--runs 7]

A throwaway store holds ``--apps`` applications; each command runs as a fresh
process (as a user's shell runs it), ``--runs`` times, and the median is reported
with its ratio to the interpreter's own start. Target (issue "Fast at every size"):
`status` and `app list` within 12x `python -c pass`. Not a test: figures vary.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from replywatch.store import Store


def seed(store_path: Path, apps: int) -> None:
    store = Store.open(store_path)
    now = datetime.now(UTC)
    with store.tx():
        for n in range(apps):
            store.add_application(company=f"Company {n}", role="Engineer",
                                  applied_at=now - timedelta(days=n % 60), now=now,
                                  contacts=[f"jobs@company{n}.example"])
    store.close()


def timed(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Return the medians of a command's wall-clock and CPU (user + system) seconds.

    On a machine shared with other work the CPU time is the steadier of the two.
    """
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apps", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rw-bench-cli-") as tmp:
        env = {**os.environ, "XDG_DATA_HOME": f"{tmp}/data", "XDG_CONFIG_HOME": f"{tmp}/cfg"}
        env.pop("REPLYWATCH_CONFIG", None)
        # As an installed program runs: from cached bytecode (the first, untimed run of
        # each command writes it), not compiling every module on every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        seed(Path(tmp) / "data" / "replywatch" / "replywatch.db", args.apps)
        rw = [sys.executable, "-m", "replywatch"]
        floor_argv = [sys.executable, "-c", "pass"]
        floor, floor_cpu = timed(floor_argv, env, args.runs)
        print(f"python -c pass: {floor * 1000:.0f} ms wall, {floor_cpu * 1000:.0f} ms CPU "
              f"(median of {args.runs}); {args.apps:,} applications in the store")
        print("  (each ratio: the median of the ratios of runs paired with a run of "
              "`python -c pass` just before, so that the machine's load cancels out)")
        for name, argv in (("--version", [*rw, "--version"]), ("status", [*rw, "status"]),
                           ("app list", [*rw, "app", "list"]),
                           ("app list --json", [*rw, "app", "list", "--json"])):
            timed(argv, env, 1)  # writes the bytecode cache
            pairs = [(timed(floor_argv, env, 1), timed(argv, env, 1)) for _ in range(args.runs)]
            took = statistics.median(run[0] for _, run in pairs)
            cpu = statistics.median(run[1] for _, run in pairs)
            ratio = statistics.median(run[0] / base[0] for base, run in pairs)
            cpu_ratio = statistics.median(run[1] / max(base[1], 1e-3) for base, run in pairs)
            verdict = "" if name == "--version" else (
                "OK" if ratio <= 12 else "MISSED (target 12x)")
            print(f"  {name:<16} {took * 1000:6.0f} ms  {ratio:5.1f}x  "
                  f"{cpu * 1000:5.0f} ms CPU {cpu_ratio:5.1f}x  {verdict}")

if __name__ == "__main__":
    main()
