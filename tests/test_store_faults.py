"""Storage faults made for real: a full database (SQLite's max_page_count), a
read-only folder (as an unprivileged user), a lock held by another process, a
damaged file. Each is one line naming the file, exit code 3, nothing committed
lost, and ``PRAGMA integrity_check`` ok afterwards.
"""

from __future__ import annotations

import contextlib
import io
import os
import pwd
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from replywatch.cli.main import main
from replywatch.store.db import Store
from replywatch.store.faults import EXIT_STORE, StoreFault

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def companies(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT company FROM applications ORDER BY id")]
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def store_with(path: Path, *names: str, busy_timeout: float = 10.0) -> Store:
    store = Store.open(path, busy_timeout=busy_timeout)
    with store.tx():
        for name in names:
            store.add_application(company=name, role="", applied_at=NOW, now=NOW)
    return store


def add_many(store: Store, count: int) -> None:
    with store.tx():
        for _ in range(count):
            store.add_application(company="X" * 2000, role="", applied_at=NOW, now=NOW)


def fill_up(store: Store) -> None:
    """Let the database grow no further: the next page it needs is SQLITE_FULL."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_store_disk_full_is_a_store_fault_naming_the_file_and_what_to_do(
        tmp_path: Path) -> None:
    store = store_with(tmp_path / "s.db", "Acme")
    fill_up(store)
    with pytest.raises(StoreFault) as caught:
        add_many(store, 200)
    problem = caught.value.problems[0]
    assert ("SQLITE_FULL", EXIT_STORE, True, True, False) == (
        caught.value.kind, caught.value.exit_code, problem.startswith(f"{tmp_path / 's.db'}: "),
        "free some space" in problem, store.conn.in_transaction)


def test_store_disk_full_loses_nothing_committed_and_resumes_when_space_returns(
        tmp_path: Path) -> None:
    store = store_with(tmp_path / "s.db", "Acme", "Globex")
    fill_up(store)
    with pytest.raises(StoreFault):
        add_many(store, 200)
    store.conn.execute("PRAGMA max_page_count = 1073741823")  # space is back
    with store.tx():
        store.add_application(company="Initech", role="", applied_at=NOW, now=NOW)
    store.close()
    assert (["Acme", "Globex", "Initech"], "ok") == (companies(tmp_path / "s.db"),
                                                    integrity(tmp_path / "s.db"))


HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO meta VALUES ('held', 'yes')")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


@pytest.fixture
def locked_store(tmp_path: Path) -> Iterator[Path]:
    """A store with one application, whose write lock another process holds."""
    path = tmp_path / "s.db"
    store_with(path, "Acme").close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    assert "locked\n" == holder.stdout.readline()
    yield path
    assert holder.stdin is not None
    holder.stdin.write("\n")
    holder.stdin.close()
    holder.wait(10)


def test_store_locked_by_another_process_is_a_store_fault_and_keeps_data(
        locked_store: Path) -> None:
    with pytest.raises(StoreFault) as caught:  # opening writes too (the migrations)
        add_many(Store.open(locked_store, busy_timeout=0.2), 1)
    assert ("SQLITE_BUSY", True, ["Acme"], "ok") == (
        caught.value.kind, "locked by another process" in caught.value.problems[0],
        companies(locked_store), integrity(locked_store))


def test_store_damaged_header_cli_says_file_and_exits_3(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.delenv("REPLYWATCH_CONFIG", raising=False)
    assert 0 == main(["app", "add", "--company", "Acme"])
    path = tmp_path / "data" / "replywatch" / "replywatch.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything into the main file
    conn.close()
    with path.open("r+b") as f:  # the 16-byte magic string and the page size after it
        f.write(b"this is not sqlite!!")
    capsys.readouterr()
    code = main(["app", "list"])
    err = capsys.readouterr().err.splitlines()
    assert (EXIT_STORE, 1, True, True) == (
        code, len(err), err[0].startswith(f"replywatch: error: {path}: "),
        "move it aside" in err[0])


def run_as_nobody(argv: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run ``main(argv)`` in a forked child as an unprivileged user (root ignores
    file modes); return its exit code and standard error. Everything the child
    imports must be imported already: it may not read the interpreter's folder.
    """
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 99
        try:
            os.close(read)
            if os.geteuid() == 0:
                nobody = pwd.getpwnam("nobody")
                os.setgroups([])
                os.setgid(nobody.pw_gid)
                os.setuid(nobody.pw_uid)
            os.environ.update(env)
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = main(argv)
            os.write(write, err.getvalue().encode())
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        text = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), text


def test_store_read_only_folder_cli_says_file_exits_3_and_keeps_data(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Not tmp_path: it sits in a folder only root may enter.
    top = Path(tempfile.mkdtemp(prefix="rw-ro-"))
    try:
        env = {"XDG_DATA_HOME": str(top / "data"), "XDG_CONFIG_HOME": str(top / "cfg")}
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        monkeypatch.delenv("REPLYWATCH_CONFIG", raising=False)
        with contextlib.redirect_stdout(io.StringIO()):
            assert 0 == main(["app", "add", "--company", "Acme"])  # imports all it needs
            assert 0 == main(["app", "list"])
        folder = top / "data" / "replywatch"
        path = folder / "replywatch.db"
        os.chmod(top, 0o755)
        os.chmod(top / "data", 0o755)
        os.chmod(folder, 0o555)  # read-only folder: no -wal, -shm, or journal can be made
        os.chmod(path, 0o444)
        for name in ("replywatch.db-wal", "replywatch.db-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.chmod(folder / name, 0o444)
        code, err = run_as_nobody(["app", "add", "--company", "Globex"], env)
        lines = err.splitlines()
        assert (EXIT_STORE, 1, True) == (code, len(lines), f"{folder}" in lines[0]), err
        os.chmod(folder, 0o700)
        os.chmod(path, 0o600)
        assert (["Acme"], "ok") == (companies(path), integrity(path))
    finally:
        import shutil

        for sub in top.rglob("*"):
            with contextlib.suppress(OSError):
                os.chmod(sub, 0o700)
        shutil.rmtree(top, ignore_errors=True)
