"""The secret canary's own checks: they find the password where it must not be."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.secret_canary import CANARY, ProcessWatch, leaks
from tests.secret_canary import _watch as PLUGIN_WATCH

ROOT = Path(__file__).resolve().parents[1]


def test_canary_found_plain_url_encoded_and_in_base64_at_every_alignment() -> None:
    blobs = [CANARY, f"pw={CANARY.replace('+', '%2B').replace('/', '%2F')}"]
    blobs += [base64.b64encode(b"\0alex" + b"x" * n + b"\0" + CANARY.encode()).decode()
              for n in range(3)]  # AUTH PLAIN, at each of base64's three alignments
    assert ([True] * 5, []) == ([bool(leaks(b)) for b in blobs], leaks("[redacted]"))


def test_canary_process_watch_sees_a_child_argv_and_environ() -> None:
    env = {**os.environ, "SOME_TOKEN": CANARY}
    # The session's own watch must not sample this planted child (it would fail the run).
    with PLUGIN_WATCH.held():
        child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()", CANARY],
                                 stdin=subprocess.PIPE, env=env)
        try:
            watch = ProcessWatch()
            watch.sample()
        finally:
            assert child.stdin is not None
            child.stdin.close()
            child.wait(10)
    parts = sorted({line.split(" ")[0].rsplit("/", 1)[1] for line in watch.found})
    assert ["cmdline", "environ"] == parts


LEAKY = f'''
def test_prints_it(capsys):
    print("logging in with {CANARY}")

def test_stores_it(tmp_path):
    (tmp_path / "state.db").write_text("x{CANARY}x")
'''


def test_canary_plugin_fails_a_run_that_prints_or_stores_it() -> None:
    # Outside pytest's temp folder: this run's own sweep would find the leaks too.
    tmp_path = Path(tempfile.mkdtemp(prefix="rw-leaky-"))
    try:
        out, code = run_leaky(tmp_path)
    finally:
        shutil.rmtree(tmp_path)
    assert (1, True, True) == (code, "Captured stdout call holds" in out,
                               "state.db holds" in out), out


def run_leaky(tmp_path: Path) -> tuple[str, int]:
    (tmp_path / "test_leaky.py").write_text(LEAKY)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.secret_canary", "-p",
         "no:cacheprovider", "--rootdir", str(tmp_path), "--basetemp",
         str(tmp_path / "base"), str(tmp_path / "test_leaky.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False)
    return done.stdout + done.stderr, done.returncode
