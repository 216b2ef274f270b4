"""`app list` and `app show` for people: an aligned table, local times, words; and
`app snooze --off`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from replywatch.cli.views import width
from tests.clirun import Cli, make_cli

OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Cli:
    config = tmp_path / "cfg" / "replywatch" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[policy]\ntimezone = "Europe/Oslo"\n')
    return make_cli(tmp_path, monkeypatch, capsys)


def ago(days: float) -> datetime:
    return datetime.now(UTC).replace(microsecond=0) - timedelta(days=days)


def local_label(when: datetime) -> str:
    """How a time reads in the views: "Mon 2 Nov 10:30" in Oslo (year only if not this one)."""
    local = when.astimezone(OSLO)
    year = f" {local.year}" if local.year != datetime.now(OSLO).year else ""
    return f"{local:%a} {local.day} {local:%b}{year} {local:%H:%M}"


def column_at(line: str, text: str) -> int:
    """Return the terminal cell where ``text`` starts in ``line``."""
    return width(line[: line.index(text)])


def test_app_list_has_headers_and_aligned_columns(cli: Cli) -> None:
    cli("app", "add", "--company", "Acme Robotics", "--role", "Backend Engineer",
        "--applied", ago(2).isoformat())
    cli("app", "add", "--company", "株式会社グロービックス", "--applied", ago(9).isoformat())
    cli("app", "add", "--company", "Initech", "--role", "SRE", "--applied", ago(1).isoformat())
    cli("app", "set", "3", "--stage", "interviewing")
    code, out, _ = cli("app", "list")
    header, *rows = out.splitlines()
    assert (0, ["ID", "COMPANY", "ROLE", "STAGE", "WAITING", "ON", "NEXT"]) == (
        code, header.split())
    stage_cells = [column_at(row, stage) for row, stage in
                   zip(rows, ["applied", "applied", "interviewing"], strict=True)]
    assert [column_at(header, "STAGE")] * 3 == stage_cells
    assert [column_at(header, "NEXT")] * 3 == [column_at(row, "follow-up") for row in rows]


def test_app_list_snoozed_application_marked_snoozed_until(cli: Cli) -> None:
    cli("app", "add", "--company", "Acme", "--applied", ago(10).isoformat())
    cli("app", "snooze", "1", "--until", "2099-01-01")
    row = cli("app", "list")[1].splitlines()[1]
    assert "snoozed until Thu 1 Jan 2099; then follow-up 1 of 3" == row.split("them", 1)[1].strip()


def test_app_snooze_off_ends_the_snooze(cli: Cli) -> None:
    applied = ago(10)
    cli("app", "add", "--company", "Acme", "--applied", applied.isoformat())
    cli("app", "snooze", "1", "--until", "2099-01-01")
    code = cli("app", "snooze", "1", "--off")[0]
    app = json.loads(cli("app", "show", "1", "--json")[1])
    assert (0, None, applied + timedelta(days=7)) == (
        code, app["snoozed_until"], datetime.fromisoformat(app["next_action"]["due"]))
    assert "follow-up 1 of 3 due since" in cli("app", "list")[1]


def test_app_snooze_off_with_days_is_refused(cli: Cli) -> None:
    cli("app", "add", "--company", "Acme")
    with pytest.raises(SystemExit) as exc:
        cli("app", "snooze", "1", "--off", "--days", "2")
    assert 2 == exc.value.code


def test_app_show_local_times_history_lines_and_next_in_words(cli: Cli) -> None:
    applied, heard = ago(9).replace(hour=9, minute=30), ago(3).replace(hour=7, minute=5)
    cli("app", "add", "--company", "Acme", "--role", "Backend", "--contact", "jane@acme.com",
        "--applied", applied.isoformat(), "--note", "via referral")
    cli("app", "log", "1", "--received", "--at", heard.isoformat(), "--note", "call from Jane")
    code, out, _ = cli("app", "show", "1")
    lines = out.splitlines()
    facts = {line.split(":", 1)[0].strip(): line.split(":", 1)[1].strip()
             for line in lines[1:] if line.startswith("  ") and ":  " in line}
    assert (0, "[1] Acme — Backend") == (code, lines[0])
    assert {"Stage": "applied", "Waiting on": "you",
            "Applied": local_label(applied), "Last from them": local_label(heard),
            "Contacts": "jane@acme.com", "Notes": "via referral"} == {
        k: facts[k] for k in ("Stage", "Waiting on", "Applied", "Last from them", "Contacts",
                              "Notes")}
    assert facts["Next"].startswith(f"replied {local_label(heard)[:-6]}")
    history = lines[lines.index("History (times in Europe/Oslo):") + 1:]
    assert [f"{local_label(applied)}  applied",
            f"{local_label(heard)}  they contacted you (logged): call from Jane"] == [
        line.strip() for line in history]
    assert not any(c in out for c in "{}\"")


def test_status_snoozed_application_marked_snoozed_until(cli: Cli) -> None:
    cli("app", "add", "--company", "Acme", "--applied", ago(10).isoformat())
    cli("app", "add", "--company", "Globex", "--applied", ago(8).isoformat())
    cli("app", "snooze", "1", "--until", "2099-01-01")
    lines = cli("status")[1].splitlines()
    assert ["Due now:", "Next:", "  [1] Acme — snoozed until Thu 1 Jan 2099; then follow-up 1 of 3"
            ] == [lines[0], lines[2], lines[3]]


def test_app_list_norwegian_letters_align_columns_by_characters(cli: Cli,
                                                                tmp_path: Path) -> None:
    # "ø" and "å" are two bytes in UTF-8 and one cell on a terminal: the columns
    # after them line up with the header's, in the header's own Norwegian words.
    config = tmp_path / "cfg" / "replywatch" / "config.toml"
    config.write_text('[ui]\nlanguage = "nb"\n[policy]\ntimezone = "Europe/Oslo"\n')
    cli("app", "add", "--company", "Bølgen & Moi", "--role", "Utvikler",
        "--applied", ago(2).isoformat())
    cli("app", "add", "--company", "Acme", "--role", "Rådgiver på økonomi",
        "--applied", ago(9).isoformat())
    code, out, _ = cli("app", "list")
    header, *rows = out.splitlines()
    assert (0, ["ID", "ARBEIDSGIVER", "STILLING", "FASE", "VENTER", "PÅ", "NESTE"]) == (
        code, header.split())
    assert [header.index("FASE")] * 2 == [row.index("søkt") for row in rows]
    assert [header.index("NESTE")] * 2 == [row.index("oppfølging") for row in rows]


@pytest.mark.parametrize(("text", "expected"), [
    ("".join(chr(c) for c in range(128)), 128),  # every ASCII character takes one cell
    ("Ærlig Løsning", 13),
    ("日本株式会社", 12),  # wide letters take two
    ("e\u0301tude", 5),  # a combining accent takes none
])
def test_width_text_outcome_is_its_terminal_cells(text: str, expected: int) -> None:
    assert expected == width(text)
