"""`app remove` asks (or takes --yes), keeps the application 30 days, and `app restore`
brings it back; a removed application matches no mail."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replywatch.store import Store
from replywatch.store.removed import KEEP_DAYS, purge, remove
from tests.clirun import Cli, make_cli, table_rows
from tests.mailfactory import eml, make_setup
from tests.servers.dovecot import LocalDovecot

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Cli:
    return make_cli(tmp_path, monkeypatch, capsys)


def shown(cli: Cli, app_id: int) -> dict[str, object]:
    data: dict[str, object] = json.loads(cli("app", "show", str(app_id), "--json")[1])
    return data


def test_app_remove_without_terminal_or_yes_refuses_one_line(cli: Cli, tmp_path: Path) -> None:
    cli("app", "add", "--company", "Acme")
    before = table_rows(tmp_path, "applications")
    code, out, err = cli("app", "remove", "1")  # pytest's stdin is no terminal
    assert (2, "", ["replywatch: error: app remove 1: not asking without a terminal; add "
                    "--yes to remove it"]) == (code, out, err.splitlines())
    assert before == table_rows(tmp_path, "applications")


def test_app_remove_yes_hides_it_and_restore_brings_it_all_back(cli: Cli) -> None:
    cli("app", "add", "--company", "Acme", "--role", "SRE", "--contact", "jane@acme.com",
        "--note", "kept")
    cli("app", "log", "1", "--received", "--note", "call")
    before = shown(cli, 1)
    code, out, _ = cli("app", "remove", "1", "--yes")
    assert (0, True) == (code, out.startswith(
        "removed [1] Acme (SRE); `replywatch app restore 1` brings it back until "))
    assert [] == json.loads(cli("app", "list", "--all", "--json")[1])
    assert (2, "replywatch: error: application 1 was removed") == (
        cli("app", "show", "1")[0], cli("app", "show", "1")[2].splitlines()[0])
    [gone] = json.loads(cli("app", "list", "--removed", "--json")[1])
    removed_at = datetime.fromisoformat(gone["removed_at"])
    assert (1, removed_at + timedelta(days=KEEP_DAYS)) == (
        gone["id"], datetime.fromisoformat(gone["purge_at"]))
    assert (0, "restored [1] Acme (SRE)\n") == cli("app", "restore", "1")[:2]
    assert before == shown(cli, 1)
    assert [] == json.loads(cli("app", "list", "--removed", "--json")[1])


def test_app_restore_of_an_application_not_removed_is_refused(cli: Cli) -> None:
    cli("app", "add", "--company", "Acme")
    code, _, err = cli("app", "restore", "1")
    assert (2, "replywatch: error: application 1 is not removed") == (code, err.splitlines()[0])


def run_on_terminal(tmp_path: Path, answer: bytes, *args: str) -> tuple[int, str, str]:
    """Run replywatch as a subprocess whose standard input is a terminal (a pty)."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    env.pop("REPLYWATCH_CONFIG", None)
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "replywatch", *args], stdin=follower,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        os.close(follower)
        os.write(leader, answer)
        out, err = proc.communicate(timeout=30)
    finally:
        os.close(leader)
    return proc.returncode, out.decode(), err.decode()


@pytest.mark.parametrize(("answer", "expected_code", "expected_left"),
                         [(b"y\n", 0, []), (b"n\n", 1, ["Acme"]), (b"\n", 1, ["Acme"])])
def test_app_remove_on_a_terminal_asks_and_only_yes_removes(
        cli: Cli, tmp_path: Path, answer: bytes, expected_code: int,
        expected_left: list[str]) -> None:
    cli("app", "add", "--company", "Acme")
    code, _, err = run_on_terminal(tmp_path, answer, "app", "remove", "1")
    left = [a["company"] for a in json.loads(cli("app", "list", "--json")[1])]
    assert (expected_code, expected_left) == (code, left)
    assert err.startswith("Remove [1] Acme? It is kept 30 days (`replywatch app restore 1`). "
                          "[y/N] ")


def test_purge_deletes_only_what_was_removed_more_than_30_days_ago(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        old = store.add_application(company="Old", role="", applied_at=NOW, now=NOW,
                                    contacts=["a@old.com"])
        recent = store.add_application(company="Recent", role="", applied_at=NOW, now=NOW)
        remove(store, old, NOW - timedelta(days=KEEP_DAYS, seconds=1))
        remove(store, recent, NOW - timedelta(days=KEEP_DAYS - 1))
        purged = purge(store, NOW)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM applications")]
    contacts = store.conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
    assert (1, [recent], 0) == (purged, ids, contacts)


def test_check_removed_application_matches_no_mail_until_restored(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch)
    rw.run(capsys, "app", "add", "--company", "Acme", "--contact", "jane@acme.com")
    rw.run(capsys, "app", "remove", "1", "--yes")
    rw.add(eml(sender="jane@acme.com", msgid="while-removed@acme.com"))
    code, out, _ = rw.run(capsys, "check", "--json")
    assert (0, []) == (code, json.loads(out)["matched"])
    code, _, err = rw.run(capsys, "app", "restore", "1")
    app = json.loads(rw.run(capsys, "app", "show", "1", "--json")[1])
    assert (0, True, "you") == (code, "matched earlier mail: Acme" in err, app["waiting_on"])


def test_status_removed_application_has_nothing_to_review(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # Mail naming a thread of an application from an unrelated sender is set aside for
    # review; once that application is removed, status neither shows nor trips on it.
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch)
    rw.run(capsys, "app", "add", "--company", "Initech", "--thread", "<app-9@example.org>")
    rw.add(eml(sender="bill@evil.example", subject="Re: Application",
               msgid="f9@evil.example", in_reply_to="app-9@example.org"))
    rw.run(capsys, "check")
    before = json.loads(rw.run(capsys, "status", "--json")[1])["review"]
    rw.run(capsys, "app", "remove", "1", "--yes")
    code, out, _ = rw.run(capsys, "status", "--json")
    assert (1, 0, []) == (len(before), code, json.loads(out)["review"])


def test_app_remove_on_a_terminal_in_norwegian_asks_and_ja_removes(
        cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "cfg" / "replywatch" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[ui]\nlanguage = "nb"\n', encoding="utf-8")
    cli("app", "add", "--company", "Bølgen")
    code, out, err = run_on_terminal(tmp_path, b"ja\n", "app", "remove", "1")
    assert (0, "Fjerne [1] Bølgen? Den tas vare på i 30 dager "
               "(`replywatch app restore 1`). [j/N] ") == (code, err)
    assert out.startswith("fjernet [1] Bølgen; `replywatch app restore 1` henter den tilbake "
                          "fram til "), out
