"""Setting up: `init` says what to do next; `config check` and `doctor` warn when no
account is configured; doctor's exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.clirun import Cli, make_cli


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Cli:
    return make_cli(tmp_path, monkeypatch, capsys)


def config_path(tmp_path: Path) -> Path:
    return tmp_path / "cfg" / "replywatch" / "config.toml"


def test_init_ends_with_the_next_step(cli: Cli, tmp_path: Path) -> None:
    code, out, _ = cli("init")
    assert (0, [f"wrote {config_path(tmp_path)}",
                "next: uncomment an [[accounts]] section in it and fill in host and username; "
                "store the password (`keyring set replywatch USERNAME@HOST`); then run "
                "`replywatch doctor`"]) == (code, out.splitlines())


def test_config_check_without_accounts_passes_with_a_warning(cli: Cli, tmp_path: Path) -> None:
    cli("init")
    code, out, err = cli("config", "check")
    path = config_path(tmp_path)
    assert (0, f"{path}: ok (0 accounts, channels: desktop)\n",
            [f"replywatch: warning: {path}: no [[accounts]]: no mail will be read; add one "
             "(the starter file and config.example.toml show how)"]) == (
        code, out, err.splitlines())


def test_config_check_with_an_account_has_no_warning(cli: Cli, tmp_path: Path) -> None:
    path = config_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text('[[accounts]]\nname = "m"\nhost = "imap.example.com"\nusername = "me"\n')
    assert (0, "") == (cli("config", "check")[0], cli("config", "check")[2])


def test_doctor_without_accounts_warns_and_exits_0(cli: Cli, tmp_path: Path) -> None:
    path = config_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text('[alerts]\nchannels = ["console"]\n')
    code, out, _ = cli("doctor")
    lines = out.splitlines()
    assert (0, "all checks passed, 1 warning") == (code, lines[-1])
    assert (f"[warn] accounts: none in {path}: no mail is read; add an [[accounts]] section "
            "(`replywatch init` writes a starter)") in lines


def test_doctor_invalid_config_exits_2(cli: Cli, tmp_path: Path) -> None:
    path = config_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("[daemon]\npoll_minutes = 0\n")
    code, out, err = cli("doctor")
    assert (2, "", True) == (code, out, err.startswith(f"replywatch: error: {path}:2: "))
