"""The secret canary: one recognisable password for every test account, and a
pytest plugin that fails the run if it shows up where a secret must never be.

Looked for, plain, base64 (at any alignment, as inside ``AUTH PLAIN``) and
URL-encoded, in:

- the captured stdout, stderr and log of every test (a leak fails that test),
  including what a test read through ``capsys``/``capfd``;
- the command line and environment of every process the test run starts,
  sampled from /proc while they run (daemons, password commands, channels);
- every file the tests left under pytest's temporary folder: the SQLite stores
  and their WAL files, daemon logs, configs (checked at the end of the session).

Test code may hold the canary (it is the password); only what replywatch writes,
prints or passes on is checked. Passwords reach replywatch through a file that
lives outside pytest's temporary folder (``password_command``: ``cat FILE``), so
that no argv carries them.
"""

from __future__ import annotations

import base64
import contextlib
import os
import tempfile
import threading
import urllib.parse
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

CANARY = "Canary-7f3+Qz/Jx"  # '+' and '/' change under both base64 and URL-encoding

_files: dict[str, Path] = {}
_folder: list[Path] = []


def password_file(password: str = CANARY) -> Path:
    """Return a file (outside pytest's temp folder) holding ``password``."""
    if password not in _files:
        if not _folder:
            _folder.append(Path(tempfile.mkdtemp(prefix="rw-secrets-")))
            os.chmod(_folder[0], 0o755)  # the daemon may run as another user one day
        path = _folder[0] / f"pw{len(_files)}"
        path.write_text(password)
        _files[password] = path
    return _files[password]


def password_command(password: str = CANARY) -> list[str]:
    """Return a password_command that prints ``password`` with no secret in its argv."""
    return ["cat", str(password_file(password))]


def forms(secret: str = CANARY) -> list[bytes]:
    """Return the byte strings that betray ``secret``: plain, URL-encoded, and its
    base64 at each of the three alignments it can have inside a longer blob.
    """
    raw = secret.encode()
    found = {raw, urllib.parse.quote(secret, safe="").encode(),
             urllib.parse.quote_plus(secret).encode(), urllib.parse.quote(secret).encode()}
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + raw)
        # Drop the characters that also depend on the bytes around the secret.
        start = (shift * 4 + 2) // 3
        end = len(encoded) - (4 if (shift + len(raw)) % 3 else 0)
        if end - start >= 8:
            found.add(encoded[start:end])
    return sorted(found)


_FORMS = forms()


def leaks(data: bytes | str) -> list[str]:
    """Return which forms of the canary ``data`` holds."""
    blob = data.encode(errors="replace") if isinstance(data, str) else data
    return [form.decode() for form in _FORMS if form in blob]


# -- processes ------------------------------------------------------------------------


def _children(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        fields = stat.rsplit(")", 1)[1].split()
        parents[int(entry)] = int(fields[1])
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, parent in parents.items() if parent == pid]
        found += kids
        frontier += kids
    return found


class ProcessWatch:
    """Samples argv and environment of every descendant process."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.found: list[str] = []
        self.checked = 0
        self._stop = threading.Event()
        self._held = threading.Lock()  # held while the canary's own test plants a leak
        self._thread = threading.Thread(target=self._run, name="canary-procs", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def sample(self) -> None:
        for pid in _children(os.getpid()):
            for part in ("cmdline", "environ"):
                try:
                    data = Path(f"/proc/{pid}/{part}").read_bytes()
                except OSError:
                    continue  # gone already, or another user's environ
                self.checked += 1
                for form in leaks(data):
                    self.found.append(f"/proc/{pid}/{part} holds {form!r}: "
                                      f"{data[:200]!r}")

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Keep the background sampling off for the block: a test planting a leak."""
        with self._held:
            yield

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            with self._held:
                self.sample()


# -- the plugin -------------------------------------------------------------------------

_read_leaks: list[str] = []
_watch = ProcessWatch()


def pytest_configure(config: pytest.Config) -> None:
    from _pytest.capture import CaptureFixture

    original = CaptureFixture.readouterr

    def readouterr(self: Any) -> Any:
        result = original(self)
        for stream in (result.out, result.err):
            for form in leaks(stream if isinstance(stream, str | bytes) else str(stream)):
                _read_leaks.append(f"captured output holds {form!r}")
        return result

    CaptureFixture.readouterr = readouterr  # type: ignore[method-assign]
    _watch.start()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]
                               ) -> Generator[None, Any, None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    found = list(_read_leaks)
    _read_leaks.clear()
    for name, text in report.sections:
        found += [f"{name} holds {form!r}" for form in leaks(text)]
    found += _watch.found
    _watch.found = []
    if found and report.when in ("call", "teardown"):
        report.outcome = "failed"
        report.longrepr = "secret canary leaked:\n" + "\n".join(found)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _watch.stop()
    _watch.sample()
    found = list(_watch.found)
    base = session.config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    files = 0
    for path in Path(base).rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        files += 1
        found += [f"{path} holds {form!r}" for form in leaks(data)]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if found:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if reporter is not None:
            reporter.write_line("secret canary leaked:", red=True)
            for line in found:
                reporter.write_line(f"  {line}", red=True)
    elif reporter is not None and files:
        reporter.write_line(f"secret canary: not found in {files} files, "
                            f"{_watch.checked} process argv/environ samples")
