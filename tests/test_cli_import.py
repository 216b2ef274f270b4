"""`app import` is idempotent: a row already in the book is updated or left, never added
twice; it reports added / updated / unchanged and has --dry-run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.clirun import Cli, make_cli, table_rows

TABLES = ("applications", "contacts", "domains", "thread_anchors", "interviews", "events")


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Cli:
    config = tmp_path / "cfg" / "replywatch" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[policy]\ntimezone = "Europe/Oslo"\n')
    return make_cli(tmp_path, monkeypatch, capsys)


def everything(tmp_path: Path) -> list[list[tuple[object, ...]]]:
    return [table_rows(tmp_path, t) for t in TABLES]


def book(cli: Cli) -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads(cli("app", "list", "--all", "--json")[1])
    return data


def write(tmp_path: Path, text: str, name: str = "book.csv") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_import_own_export_again_changes_nothing(cli: Cli, tmp_path: Path, fmt: str) -> None:
    cli("app", "add", "--company", "Acme", "--role", "SRE", "--contact", "a@acme.com",
        "--applied", "2026-10-01T09:30")
    cli("app", "interview", "1", "--start", "2026-10-10T10:00", "--with", "c@acme.com")
    cli("app", "log", "1", "--received", "--at", "2026-10-12T08:00", "--note", "call")
    cli("app", "add", "--company", "Globex", "--applied", "2026-10-03")
    exported = cli("app", "export", "--format", fmt)[1]
    before = everything(tmp_path)
    result = cli("app", "import", write(tmp_path, exported, f"book.{fmt}"))
    assert (0, "added 0, updated 0, unchanged 2\n") == result[:2]
    assert before == everything(tmp_path)


def test_import_same_company_role_and_day_without_id_is_the_same_application(
        cli: Cli, tmp_path: Path) -> None:
    cli("app", "add", "--company", "Acme Robotics", "--role", "Backend Engineer",
        "--applied", "2026-10-01T09:30")
    path = write(tmp_path, "company,role,applied_at\n"
                           "acme  robotics,BACKEND engineer,2026-10-01\n"
                           "Acme Robotics,Backend Engineer,2026-10-20\n")
    assert (0, "added 1, updated 0, unchanged 1\n") == cli("app", "import", path)[:2]
    assert [("Acme Robotics", "2026-10-01"), ("Acme Robotics", "2026-10-20")] == [
        (a["company"], str(a["applied_at"])[:10]) for a in book(cli)]


def test_import_row_without_applied_date_matches_the_one_company_and_role(
        cli: Cli, tmp_path: Path) -> None:
    cli("app", "add", "--company", "Acme", "--role", "SRE", "--applied", "2026-10-01")
    path = write(tmp_path, "company,role\nAcme,SRE\nAcme,Designer\n")
    assert (0, "added 1, updated 0, unchanged 1\n") == cli("app", "import", path)[:2]


def test_import_matching_row_updates_and_never_takes_away(cli: Cli, tmp_path: Path) -> None:
    cli("app", "add", "--company", "Acme", "--contact", "a@acme.com", "--applied", "2026-10-01")
    cli("app", "set", "1", "--stage", "interviewing")
    path = write(tmp_path, "id,company,stage,contacts,notes\n"
                           "1,Acme,applied,b@acme.com,ask about remote\n")
    assert (0, "added 0, updated 1, unchanged 0\n") == cli("app", "import", path)[:2]
    [app] = book(cli)
    # The stage only moves forward: an older file never undoes interviewing.
    assert ("interviewing", ["a@acme.com", "b@acme.com"], "ask about remote") == (
        app["stage"], app["contacts"], json.loads(cli("app", "show", "1", "--json")[1])["notes"])
    assert (0, "added 0, updated 0, unchanged 1\n") == cli("app", "import", path)[:2]


def test_import_id_of_another_company_adds_a_new_application(cli: Cli, tmp_path: Path) -> None:
    cli("app", "add", "--company", "Globex", "--applied", "2026-10-01")
    path = write(tmp_path, "id,company,applied_at\n1,Acme,2026-10-01\n")
    assert (0, "added 1, updated 0, unchanged 0\n") == cli("app", "import", path)[:2]
    assert [(1, "Globex"), (2, "Acme")] == [(a["id"], a["company"]) for a in book(cli)]


def test_import_same_row_twice_in_one_file_adds_it_once(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, "company,role,applied_at\nAcme,SRE,2026-10-01\nAcme,SRE,2026-10-01\n")
    assert (0, "added 1, updated 0, unchanged 1\n") == cli("app", "import", path)[:2]


def test_import_dry_run_reports_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    cli("app", "add", "--company", "Acme", "--applied", "2026-10-01")
    path = write(tmp_path, "company,applied_at,notes\nAcme,2026-10-01,new note\n"
                           "Globex,2026-10-02,\n")
    before = everything(tmp_path)
    code, out, _ = cli("app", "import", "--dry-run", path)
    assert (0, "dry run, nothing written: would have added 1, updated 1, unchanged 0\n",
            before) == (code, out, everything(tmp_path))
