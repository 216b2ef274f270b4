"""The command line: the application book commands, output contracts, bad input."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replywatch.cli.main import main

Run = tuple[int, str, str]
Cli = Callable[..., Run]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Cli:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.delenv("REPLYWATCH_CONFIG", raising=False)

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def ago(days: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")


def db_rows(tmp_path: Path) -> list[tuple[object, ...]]:
    import sqlite3

    conn = sqlite3.connect(tmp_path / "data" / "replywatch" / "replywatch.db")
    rows = []
    for table in ("applications", "contacts", "domains", "thread_anchors", "interviews",
                  "events"):
        rows += [(table, *r) for r in conn.execute(f"SELECT * FROM {table}")]
    conn.close()
    return rows


def test_cli_app_add_prints_id_and_list_json_has_contract_fields(cli: Cli) -> None:
    code, out, _ = cli("app", "add", "--company", "Acme", "--role", "Backend",
                       "--contact", "Jane@Acme.com", "--applied", "2026-11-02",
                       "--thread", "<app1@example.org>", "--note", "via referral")
    assert (0, "1\n") == (code, out)
    code, out, _ = cli("app", "list", "--json")
    apps = json.loads(out)
    assert {"id", "company", "role", "stage", "contacts", "domains", "applied_at",
            "last_from_them", "last_to_them", "follow_ups_sent", "waiting_on", "next_action",
            "snoozed_until", "thread_ids"} <= set(apps[0])
    app = apps[0]
    assert (1, "Acme", ["jane@acme.com"], ["acme.com"], ["app1@example.org"], "them",
            "follow_up_due", 1) == (app["id"], app["company"], app["contacts"], app["domains"],
                                    app["thread_ids"], app["waiting_on"],
                                    app["next_action"]["kind"], app["next_action"]["n"])
    assert datetime.fromisoformat(app["applied_at"]).tzinfo is not None


def test_cli_show_json_is_exactly_one_document_on_stdout(cli: Cli) -> None:
    cli("app", "add", "--company", "Acme")
    code, out, _ = cli("app", "show", "1", "--json")
    assert (0, "Acme") == (code, json.loads(out)["company"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["app", "show", "42"], "no application with id 42"),
        (["app", "add", "--company", "X", "--applied", "last tuesday"],
         "--applied: not a date or date-time: 'last tuesday'"),
        (["app", "add", "--company", "X", "--contact", "jane.acme.com"],
         "--contact: not an email address: 'jane.acme.com'"),
        (["app", "add", "--company", "  "], "--company: must not be empty"),
        (["app", "interview", "1", "--start", "2026-11-30T10:00", "--end", "2026-11-30T09:00"],
         "--end: the interview cannot end before it starts"),
        (["app", "snooze", "1", "--days", "0"], "--days: must be at least 1"),
        (["app", "set", "1", "--max-follow-ups", "-1"], "--max-follow-ups: must be 0 or more"),
        (["app", "log", "7", "--sent"], "no application with id 7"),
    ],
)
def test_cli_bad_input_one_line_exit_2_store_unchanged(
        cli: Cli, tmp_path: Path, args: list[str], message: str) -> None:
    cli("app", "add", "--company", "Acme", "--contact", "jane@acme.com")
    before = db_rows(tmp_path)
    code, out, err = cli(*args)
    assert (2, "", f"replywatch: error: {message}") == (code, out, err.splitlines()[0])
    assert "Traceback" not in err
    assert before == db_rows(tmp_path)


def test_cli_unknown_argument_exits_2(cli: Cli) -> None:
    with pytest.raises(SystemExit) as exc:
        cli("app", "add", "--compnay", "Acme")
    assert 2 == exc.value.code


def test_cli_interview_then_thank_you_due_then_log_sent_clears_it(cli: Cli) -> None:
    cli("app", "add", "--company", "Acme", "--applied", ago(10))
    cli("app", "interview", "1", "--start", ago(1), "--with", "bob@acme.com")
    shown = json.loads(cli("app", "show", "1", "--json")[1])
    cli("app", "log", "1", "--sent", "--note", "thank-you by LinkedIn")
    after = json.loads(cli("app", "show", "1", "--json")[1])
    assert ("interviewing", "thank_you_due", ["bob@acme.com"], "follow_up_due") == (
        shown["stage"], shown["next_action"]["kind"], shown["contacts"],
        after["next_action"]["kind"])


def test_cli_log_received_puts_ball_in_users_court(cli: Cli) -> None:
    cli("app", "add", "--company", "Acme", "--applied", ago(3))
    cli("app", "log", "1", "--received", "--at", ago(1))
    app = json.loads(cli("app", "show", "1", "--json")[1])
    assert ("you", "reply") == (app["waiting_on"], app["next_action"]["kind"])


def test_cli_set_overrides_and_stage(cli: Cli) -> None:
    applied = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    cli("app", "add", "--company", "Acme", "--applied", applied.isoformat())
    cli("app", "set", "1", "--follow-up-after-days", "3", "--max-follow-ups", "1",
        "--role", "SRE", "--add-contact", "hr@acme.io")
    app = json.loads(cli("app", "show", "1", "--json")[1])
    assert ("SRE", ["hr@acme.io"], ["acme.io"], applied + timedelta(days=3), 1) == (
        app["role"], app["contacts"], app["domains"],
        datetime.fromisoformat(app["next_action"]["due"]), app["next_action"]["max"])
    cli("app", "set", "1", "--stage", "rejected")
    assert ([], "rejected") == (json.loads(cli("app", "list", "--json")[1]),
                                json.loads(cli("app", "list", "--all", "--json")[1])[0]["stage"])


def test_cli_snooze_moves_due_past_it(cli: Cli) -> None:
    cli("app", "add", "--company", "Acme", "--applied", ago(10))
    cli("app", "snooze", "1", "--until", "2099-01-01")
    app = json.loads(cli("app", "show", "1", "--json")[1])
    assert "2099-01-01" == app["next_action"]["due"][:10]


def test_cli_status_soonest_first_one_line_each(cli: Cli) -> None:
    cli("app", "add", "--company", "Later Inc", "--applied", ago(1))
    cli("app", "add", "--company", "Acme", "--applied", ago(9))
    cli("app", "add", "--company", "Globex", "--applied", ago(8))
    code, out, _ = cli("status")
    lines = out.splitlines()
    assert 0 == code
    assert ["Due now:", "Next:"] == [line for line in lines if not line.startswith("  ")]
    companies = [line.split("] ", 1)[1].split(" — ")[0] for line in lines if "] " in line]
    assert ["Acme", "Globex", "Later Inc"] == companies
    assert "follow-up 1 of 3 due since" in lines[1]


def test_cli_status_json(cli: Cli) -> None:
    cli("app", "add", "--company", "Acme", "--applied", ago(9))
    data = json.loads(cli("status", "--json")[1])
    assert [("Acme", "follow_up_due", 1, True)] == [
        (d["company"], d["kind"], d["n"], d["is_due"]) for d in data["due"]]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_cli_export_import_round_trip_loses_nothing(cli: Cli, tmp_path: Path, fmt: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    cli("app", "add", "--company", "Acme, Inc.", "--role", 'Dev "ops"', "--contact",
        "a@acme.com", "--contact", "b@acme.com", "--thread", "t1@x", "--note", "line1\nline2",
        "--applied", "2026-10-01T09:30:00+02:00")
    cli("app", "interview", "1", "--start", "2026-10-10T10:00", "--with", "c@acme.com")
    cli("app", "log", "1", "--received", "--at", "2026-10-12T08:00", "--note", "call")
    cli("app", "set", "1", "--follow-up-after-days", "3", "--max-follow-ups", "2")
    cli("app", "snooze", "1", "--until", "2026-12-24")
    cli("app", "add", "--company", "Globex")
    cli("app", "set", "2", "--stage", "withdrawn")
    _, exported, _ = cli("app", "export", "--format", fmt)
    path = tmp_path / f"book.{fmt}"
    path.write_text(exported)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "other"))
    assert (0, "added 2, updated 0, unchanged 0\n") == cli("app", "import", str(path))[:2]
    assert exported == cli("app", "export", "--format", fmt)[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("role,contacts\nDev,a@acme.com\n",
         "book.csv:2: company: missing (every row needs a company)"),
        ("company,colour\nAcme,blue\n", "book.csv:2: unknown column 'colour'"),
        ("company,contacts\nAcme,a@acme.com\nGlobex,not-an-address\n",
         "book.csv:3: contacts: not an email address: 'not-an-address'"),
        ("company,applied_at\nAcme,yesterday-ish\n",
         "book.csv:2: applied_at: not a date or date-time: 'yesterday-ish'"),
        ("company,stage\nAcme,hired\n", "book.csv:2: stage: unknown stage 'hired'"),
    ],
)
def test_cli_import_bad_row_names_line_and_column_and_writes_nothing(
        cli: Cli, tmp_path: Path, content: str, message: str) -> None:
    os.chdir(tmp_path)
    Path("book.csv").write_text(content)
    code, _, err = cli("app", "import", "book.csv")
    assert (2, f"replywatch: error: {message}") == (code, err.splitlines()[0])
    assert [] == json.loads(cli("app", "list", "--all", "--json")[1])


def test_cli_init_writes_0600_starter_and_never_overwrites(cli: Cli, tmp_path: Path) -> None:
    code, _, _ = cli("init")
    path = tmp_path / "cfg" / "replywatch" / "config.toml"
    mode = stat.S_IMODE(path.stat().st_mode)
    path.write_text(path.read_text() + "\n# mine\n")
    again = cli("init")
    assert (0, 0o600, 2, True) == (code, mode, again[0], path.read_text().endswith("# mine\n"))
    assert 0 == cli("config", "check")[0]


def test_cli_bad_config_refuses_every_command_with_file_line_key(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[daemon]\npoll_minutes = 0\n\n[policy]\nmax_follow_up = 3\n')
    for args in (["config", "check"], ["app", "list"], ["status"]):
        code, out, err = cli("--config", str(bad), *args)
        assert (2, "") == (code, out)
        assert f"{bad}:2: daemon.poll_minutes: " in err
        assert f"{bad}:5: policy.max_follow_up: unknown key" in err


def test_cli_config_option_after_command_is_honoured(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[daemon]\nidle_minutes = 40\n")
    assert 2 == cli("status", "--config", str(bad))[0]


def test_cli_python_m_replywatch_runs(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "d"),
           "XDG_CONFIG_HOME": str(tmp_path / "c")}
    done = subprocess.run([sys.executable, "-m", "replywatch", "status"], capture_output=True,
                          text=True, env=env, check=False)
    assert (0, "nothing due: no open application is waiting on you\n") == (done.returncode,
                                                                          done.stdout)


def test_cli_internal_error_has_no_traceback_without_verbose(
        cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import replywatch.store.book

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr(replywatch.store.book.Book, "add", boom)
    code, _, err = cli("app", "add", "--company", "Acme")
    verbose = cli("--verbose", "app", "add", "--company", "Acme")
    assert (70, False, True) == (code, "Traceback" in err, "Traceback" in verbose[2])


def test_json_is_indented_on_a_terminal_and_one_line_in_a_pipe(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from replywatch.cli.context import emit

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    data = [{"id": 1, "company": "Acme"}, {"id": 2, "company": "Ørsted"}]
    for stream, expected in ((io.StringIO(), '[{"id": 1, "company": "Acme"}, {"id": 2, '
                                             '"company": "Ørsted"}]\n'),
                             (Terminal(), '[\n  {\n    "id": 1,\n    "company": "Acme"\n  },\n'
                                          '  {\n    "id": 2,\n    "company": "Ørsted"\n  }\n]\n')):
        monkeypatch.setattr("sys.stdout", stream)
        emit(data)
        assert expected == stream.getvalue()
