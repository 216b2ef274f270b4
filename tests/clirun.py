"""Run the command line in-process on real SQLite files in a test's own folders."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from replywatch.cli.main import main

Run = tuple[int, str, str]
Cli = Callable[..., Run]


def make_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> Cli:
    """Return ``run(*args) -> (exit code, stdout, stderr)`` with data and config in
    ``tmp_path`` (``data/`` and ``cfg/``), no REPLYWATCH_CONFIG, and no terminal.
    """
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.delenv("REPLYWATCH_CONFIG", raising=False)

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def store_path(tmp_path: Path) -> Path:
    """Return the store file of a ``make_cli`` run."""
    return tmp_path / "data" / "replywatch" / "replywatch.db"


def table_rows(tmp_path: Path, table: str) -> list[tuple[object, ...]]:
    """Return every row of one table of the store, in rowid order."""
    conn = sqlite3.connect(store_path(tmp_path))
    try:
        return list(conn.execute(f"SELECT * FROM {table} ORDER BY rowid"))
    finally:
        conn.close()
