"""The command line registers only the commands a run needs: the table of groups in
cli/main.py names every command, a command's parser is the same built alone or with
all the others, and a run imports no other command's module."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from replywatch.cli.main import GROUPS, build_parser, command_of
from replywatch.cli.shell import subcommands

ALWAYS_WHOLE = {"help", "completion", "man"}  # they describe the whole program


def _described(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    """Return a parser's help and that of every subcommand under it, by path."""
    found = [("", parser.format_help())]
    for name, sub in subcommands(parser).items():
        found += [(f"{name} {path}".strip(), text) for path, text in _described(sub)]
    return found


def test_groups_every_command_named_once_outcome_matches_the_whole_parser() -> None:
    named = [name for names, _ in GROUPS for name in names]
    expected = sorted(set(subcommands(build_parser())) - ALWAYS_WHOLE)
    assert expected == sorted(named)


@pytest.mark.parametrize("name", sorted(n for names, _ in GROUPS for n in names))
def test_build_parser_one_command_same_help_as_whole_parser(name: str) -> None:
    expected = _described(subcommands(build_parser())[name])
    assert expected == _described(subcommands(build_parser(name))[name])


@pytest.mark.parametrize(("argv", "expected"), [
    (["status"], "status"),
    (["app", "list", "--json"], "app"),
    (["--config", "status", "app", "list"], "app"),  # a config file named "status"
    (["--config=x.toml", "-v", "--verbose", "status"], "status"),
    ([], None),
    (["--help", "status"], None),  # the whole program's help
    (["-h"], None),
    (["--version"], None),
    (["--conf", "x.toml", "status"], None),  # an abbreviation argparse resolves itself
    (["statsu"], None),  # unknown: argparse lists every command
    (["help", "app"], None),
    (["completion", "bash"], None),
    (["man"], None),
])
def test_command_of_argv_outcome_is_the_command_or_none(argv: list[str],
                                                        expected: str | None) -> None:
    assert expected == command_of(argv)


def test_main_status_imports_no_other_command_module() -> None:
    # A fresh interpreter: this one imported every module long ago.
    code = ("import json, sys; from replywatch.cli.main import build_parser;"
            "build_parser('status');"
            "print(json.dumps([m for m in sys.modules if m.startswith('replywatch.cli.')]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    loaded = set(json.loads(out))
    unwanted = {"replywatch.cli.app", "replywatch.cli.draft", "replywatch.cli.login",
                "replywatch.cli.report", "replywatch.cli.mail", "replywatch.cli.shell",
                "replywatch.cli.classify"}
    assert set() == loaded & unwanted


def test_main_status_with_a_config_imports_nothing_only_errors_need(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[policy]\nfollow_up_after_days = 5\n')
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "REPLYWATCH_CONFIG": str(config)}
    code = ("import json, sys; from replywatch.cli.main import main; code = main(['status']);"
            "print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env)
    exit_code, loaded = json.loads(done.stderr.splitlines()[-1])
    unneeded = {"traceback", "difflib", "replywatch.cli.app", "replywatch.cli.setup"}
    assert (0, set()) == (exit_code, set(loaded) & unneeded)


@pytest.mark.parametrize("argv", [["status"], ["app", "list"]])
def test_main_without_a_config_file_imports_no_toml_reader_or_schema(
        tmp_path: Path, argv: list[str]) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    env.pop("REPLYWATCH_CONFIG", None)
    code = (f"import json, sys; from replywatch.cli.main import main; code = main({argv!r});"
            "print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env)
    exit_code, loaded = json.loads(done.stderr.splitlines()[-1])
    unneeded = {"tomllib", "replywatch.config.schema", "replywatch.config.keys",
                "replywatch.store.removed"}
    assert (0, set()) == (exit_code, set(loaded) & unneeded)


@pytest.mark.parametrize("argv", [["status"], ["app", "list"], ["app", "list", "--json"]])
def test_main_read_only_command_with_a_config_imports_no_dataclasses(
        tmp_path: Path, argv: list[str]) -> None:
    # dataclasses imports inspect (with ast, dis, tokenize): a tenth of these commands'
    # start, for types that are named tuples.
    config = tmp_path / "config.toml"
    config.write_text('[[accounts]]\nname = "work"\nhost = "imap.example.com"\n'
                      'username = "me@example.com"\n\n[policy]\ntimezone = "Europe/Oslo"\n')
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "REPLYWATCH_CONFIG": str(config)}
    code = (f"import json, sys; from replywatch.cli.main import main; code = main({argv!r});"
            "print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env)
    exit_code, loaded = json.loads(done.stderr.splitlines()[-1])
    assert (0, set()) == (exit_code, set(loaded) & {"dataclasses", "inspect"})


def test_a_password_login_loads_no_http_client() -> None:
    # Every pass asks oauth.sources what an account logs in with; the OAuth2 token
    # refresh's urllib (14 ms to import) is for OAuth2 accounts alone.
    code = (
        "import json, sys\n"
        "from replywatch.config import Account, PasswordSource\n"
        "from replywatch.oauth.sources import login_credential\n"
        "account = Account(name='a', host='h', username='u', password=PasswordSource("
        "kind='command', command=('printf', 'pw')))\n"
        "secret = login_credential(account)\n"
        "print(json.dumps([secret == 'pw', sorted(sys.modules)]))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    resolved, loaded = json.loads(done.stdout.splitlines()[-1])
    assert (True, set()) == (resolved, set(loaded) & {"urllib.request", "http.client"})
