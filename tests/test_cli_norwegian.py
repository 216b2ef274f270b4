"""The rest of the command line in Norwegian: the short answers of the commands that
change the book, and the empty lists. Codes, ids and commands stay as they are typed.
(status, app list and app show are snapshots: tests/test_cli_snapshots.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clirun import Cli, make_cli


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Cli:
    config = tmp_path / "cfg" / "replywatch" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[ui]\nlanguage = "nb"\n[policy]\ntimezone = "Europe/Oslo"\n',
                      encoding="utf-8")
    return make_cli(tmp_path, monkeypatch, capsys)


def test_cli_norwegian_empty_lists_say_what_to_do(cli: Cli) -> None:
    assert [(0, "ingen åpne søknader; legg til en med "
                "`replywatch app add --company NAME`\n", ""),
            (0, "ingen fjernede søknader\n", ""),
            (0, "fant ingen søknader som ikke allerede er i oversikten din "
                "(`replywatch check` leser ny e-post)\n", ""),
            (0, "ingen e-post koblet til søknader\n", ""),
            (0, "ingenting å gjøre nå: ingen åpne søknader venter på deg\n", "")] == [
        cli("app", "list"), cli("app", "list", "--removed"), cli("app", "proposals"),
        cli("mail", "list"), cli("status")]


def test_cli_norwegian_remove_restore_and_import_report_in_norwegian(
        cli: Cli, tmp_path: Path) -> None:
    cli("app", "add", "--company", "Fjord Tech", "--role", "Utvikler")
    code, out, _ = cli("app", "remove", "1", "--yes")
    assert (0, True) == (code, out.startswith(
        "fjernet [1] Fjord Tech (Utvikler); `replywatch app restore 1` henter den tilbake "
        "fram til ")), out
    assert (0, "hentet tilbake [1] Fjord Tech (Utvikler)\n", "") == cli("app", "restore", "1")
    rows = tmp_path / "søknader.csv"
    rows.write_text("company,role\nFjord Tech,Utvikler\nNordlys Energi,\n", encoding="utf-8")
    assert [(0, "prøvekjøring, ingenting skrevet: ville lagt til 1, oppdatert 0, uendret 1\n"),
            (0, "lagt til 1, oppdatert 0, uendret 1\n")] == [
        cli("app", "import", str(rows), "--dry-run")[:2], cli("app", "import", str(rows))[:2]]


def test_cli_norwegian_bad_arguments_keep_option_names_and_exit_codes(cli: Cli) -> None:
    cli("app", "add", "--company", "Acme")
    assert [(2, "", "replywatch: feil: --days: må være minst 1\n"),
            (2, "", "replywatch: feil: --contact: ikke en e-postadresse: 'kari(at)acme'\n"),
            (2, "", "replywatch: feil: ingen forslag med id 4\n"
                    "replywatch: tips: `replywatch app proposals` viser de som venter\n")] == [
        cli("app", "snooze", "1", "--days", "0"),
        cli("app", "add", "--company", "Acme", "--contact", "kari(at)acme"),
        cli("app", "dismiss", "4")]


def test_cli_norwegian_import_error_names_file_row_and_column(cli: Cli, tmp_path: Path) -> None:
    rows = tmp_path / "søknader.csv"
    rows.write_text("company,stage\nFjord Tech,applied\nNordlys,venter\n", encoding="utf-8")
    assert (2, "", f"replywatch: feil: {rows}:3: stage: ukjent fase 'venter'\n"
                   "replywatch: tips: faser: applied, interviewing, offer, accepted, "
                   "rejected, withdrawn, ghosted\n") == cli("app", "import", str(rows))


def test_cli_norwegian_locale_help_of_an_unknown_command_names_it(
        cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    # `help` reads no config: the locale alone chooses its language.
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    code, _, err = cli("help", "app", "frobnicate")
    assert (2, "replywatch: feil: help: ingen kommando 'replywatch app frobnicate'") == (
        code, err.splitlines()[0])


def test_cli_norwegian_json_is_the_same_as_in_english(cli: Cli, tmp_path: Path) -> None:
    cli("app", "add", "--company", "Bølgen", "--role", "Utvikler",
        "--applied", "2026-11-02T10:00", "--contact", "kari@bolgen.example")
    cli("app", "interview", "1", "--start", "2026-11-20T10:00")
    norwegian = [cli("app", "list", "--json"), cli("app", "show", "1", "--json")]
    config = tmp_path / "cfg" / "replywatch" / "config.toml"
    config.write_text('[ui]\nlanguage = "en"\n[policy]\ntimezone = "Europe/Oslo"\n',
                      encoding="utf-8")
    english = [cli("app", "list", "--json"), cli("app", "show", "1", "--json")]
    assert (english, True) == (norwegian, '"stage": "interviewing"' in english[1][1])
