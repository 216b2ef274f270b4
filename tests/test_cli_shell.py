"""The command line about itself: help on every option, `replywatch` alone and `help`,
completion scripts that real bash, zsh and fish run, and a man page groff accepts."""

from __future__ import annotations

import argparse
import os
import subprocess
import sysconfig
from pathlib import Path

import pytest

from replywatch.cli.main import build_parser
from replywatch.cli.shell import find_command, subcommands
from tests.clirun import Cli, make_cli


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Cli:
    return make_cli(tmp_path, monkeypatch, capsys)


def every_command(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[
        tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = [(path, parser)]
    for name, sub in subcommands(parser).items():
        found += every_command(sub, (*path, name))
    return found


def test_help_every_option_argument_and_command_has_help_text() -> None:
    missing = []
    for path, parser in every_command(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                missing += [f"{' '.join(path)} {c.dest}" for c in action._choices_actions
                            if not c.help]
            elif not action.help or action.help == argparse.SUPPRESS:
                missing.append(f"{' '.join(path)} {action.dest}")
    assert [] == missing


@pytest.mark.parametrize("words", [[], ["app"], ["config"]])
def test_help_command_group_alone_prints_its_help(cli: Cli, words: list[str]) -> None:
    expected = find_command(build_parser(), words).format_help()
    assert (0, expected) == cli(*words)[:2]


@pytest.mark.parametrize("words", [[], ["app"], ["app", "snooze"], ["config", "check"]])
def test_help_command_prints_the_help_of_its_topic(cli: Cli, words: list[str]) -> None:
    expected = find_command(build_parser(), words).format_help()
    assert (0, expected) == cli("help", *words)[:2]


def test_help_unknown_topic_one_line_and_the_commands_there(cli: Cli) -> None:
    code, out, err = cli("help", "app", "delete")
    assert (2, "", "replywatch: error: help: no command 'replywatch app delete'") == (
        code, out, err.splitlines()[0])
    here = ", ".join(subcommands(find_command(build_parser(), ["app"])))
    assert ("replywatch: hint: commands here: " + here, True) == (
        err.splitlines()[1], "add, list, show" in here)


# -- completion, run by the real shells ------------------------------------------------


@pytest.fixture
def shell_env(tmp_path: Path, cli: Cli) -> dict[str, str]:
    """The environment a shell completes in: replywatch on PATH, a store with two apps."""
    cli("app", "add", "--company", "Acme", "--role", "SRE")
    cli("app", "add", "--company", "Globex")
    cli("app", "remove", "2", "--yes")
    scripts = sysconfig.get_path("scripts")
    return {**os.environ, "PATH": f"{scripts}:{os.environ.get('PATH', '')}",
            "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
            "HOME": str(tmp_path)}


def run_shell(argv: list[str], env: dict[str, str]) -> list[str]:
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert ("", 0) == (done.stderr, done.returncode)
    return [line.rstrip() for line in done.stdout.splitlines()]


def test_completion_bash_completes_subcommands_and_ids(shell_env: dict[str, str]) -> None:
    def complete(line: str) -> list[str]:
        words = line.split() + ([""] if line.endswith(" ") else [])
        script = (
            "source <(replywatch completion bash)\n"
            f"COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}\n"
            f"COMP_WORDS=({' '.join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}\n"
            f"_python_argcomplete replywatch {words[-1]!r} {words[-2]!r}\n"
            'printf "%s\\n" "${COMPREPLY[@]}"\n')
        return run_shell(["bash", "--norc", "-c", script], shell_env)

    assert (["remove", "restore"], ["1"]) == (complete("replywatch app re"),
                                              complete("replywatch app show "))


def test_completion_zsh_completes_with_descriptions(shell_env: dict[str, str]) -> None:
    # Outside the line editor compsys cannot run: a stand-in _describe prints what the
    # script hands it. The script itself, and replywatch behind it, are the real ones.
    script = ("autoload -U compinit && compinit -u -D\n"
              "source <(replywatch completion zsh)\n"
              '_describe() { print -rl -- "${(@P)2}" }\n'
              "BUFFER='replywatch app re'; CURSOR=${#BUFFER}\n"
              "words=(replywatch app re); CURRENT=3\n"
              "_python_argcomplete\n")
    assert ["remove:remove an application (asks first; kept 30 days for `app restore`)",
            "restore:bring back a removed application"] == run_shell(
        ["zsh", "-f", "-c", script], shell_env)


def test_completion_fish_completes_ids_with_their_names(shell_env: dict[str, str]) -> None:
    script = ("replywatch completion fish | source\n"
              "complete -C 'replywatch app show '\n"
              "complete -C 'replywatch app restore '\n"
              "complete -C 'replywatch app snooze 1 --o'\n")
    assert ["1\tAcme (SRE)", "2\tGlobex", "--off\tend the snooze now"] == run_shell(
        ["fish", "--no-config", "-c", script], shell_env)


# -- the man page --------------------------------------------------------------------


def test_man_page_groff_accepts_it_and_it_names_every_command(cli: Cli) -> None:
    code, page, _ = cli("man")
    warnings = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z"], input=page,
                              capture_output=True, text=True, timeout=60, check=False)
    rendered = subprocess.run(["groff", "-man", "-Tutf8", "-P", "-cbou"], input=page,
                              capture_output=True, text=True, timeout=60, check=True).stdout
    text = " ".join(rendered.split())
    commands = [" ".join(("replywatch", *path)) for path, _ in every_command(build_parser())
                if path]
    assert (0, "", 0) == (code, warnings.stderr, warnings.returncode)
    assert [] == [c for c in commands if f"COMMAND '{c}'" not in text]
    assert ["NAME", "SYNOPSIS", "FILES", "ENVIRONMENT", "EXIT STATUS"] == [
        h for h in ("NAME", "SYNOPSIS", "FILES", "ENVIRONMENT", "EXIT STATUS")
        if f"\n{h}\n" in rendered]
