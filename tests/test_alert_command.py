"""The command channel (alerts/command.py) against real processes."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from replywatch.alerts import AlertChannelError
from replywatch.alerts.command import run_command

PAYLOAD: dict[str, object] = {
    "key": "7:reply:0:2026-11-24T11:00:00+00:00",
    "kind": "reply",
    "title": 'Acme <a href="x">replied</a> & café',
    "application": {"id": 7, "contacts": ["jane@acme.example"]},
}


def failure(argv: list[str], *, timeout: float = 5.0) -> AlertChannelError:
    with pytest.raises(AlertChannelError) as caught:
        run_command(argv, PAYLOAD, timeout=timeout)
    return caught.value


def test_run_command_shell_script_receives_payload_json_on_stdin(tmp_path: Path) -> None:
    out = tmp_path / "payload.json"

    run_command(["/bin/sh", "-c", 'cat > "$1"', "sh", str(out)], PAYLOAD)

    assert PAYLOAD == json.loads(out.read_text("utf-8"))


def test_run_command_python_script_reads_one_json_line(tmp_path: Path) -> None:
    out = tmp_path / "kind.txt"
    script = (
        "import json, sys; open(sys.argv[1], 'w').write(json.loads(sys.stdin.readline())['kind'])"
    )

    run_command([sys.executable, "-c", script, str(out)], PAYLOAD)

    assert "reply" == out.read_text("utf-8")


def test_run_command_shell_syntax_in_argument_is_not_interpreted(tmp_path: Path) -> None:
    out = tmp_path / "args.txt"
    argument = f"$(touch {tmp_path}/pwned); `id`"

    run_command(["/bin/sh", "-c", 'printf %s "$1" > "$2"', "sh", argument, str(out)], PAYLOAD)

    assert (argument, False) == (out.read_text("utf-8"), (tmp_path / "pwned").exists())


def test_run_command_not_reading_stdin_succeeds_with_large_payload() -> None:
    run_command(["/bin/true"], {"body": "x" * 1_000_000})


def test_run_command_non_zero_exit_raises_with_code_and_last_stderr_line() -> None:
    err = failure(["/bin/sh", "-c", "echo first >&2; echo 'no route to pager' >&2; exit 3"])

    assert ("command", "command /bin/sh exited with code 3: no route to pager") == (
        err.channel,
        str(err),
    )


def test_run_command_non_zero_exit_without_stderr_raises_with_code_only() -> None:
    err = failure(["/bin/false"])

    assert "command /bin/false exited with code 1" == str(err)


def test_run_command_stderr_with_escape_codes_and_long_line_is_cleaned_and_capped() -> None:
    err = failure(
        [
            sys.executable,
            "-c",
            "import sys; sys.stderr.write('\\x1b[31m' + 'e' * 5000); sys.exit(2)",
        ]
    )

    message = str(err)
    assert (False, True, True) == ("\x1b" in message, message.endswith("e…"), len(message) < 300)


def test_run_command_killed_by_signal_raises_naming_signal() -> None:
    err = failure(["/bin/sh", "-c", "kill -TERM $$"])

    assert "command /bin/sh was killed by SIGTERM" == str(err)


def test_run_command_missing_binary_raises_not_found(tmp_path: Path) -> None:
    err = failure([str(tmp_path / "no-such-notifier")])

    assert (f"command not found: {tmp_path}/no-such-notifier", "command") == (str(err), err.channel)


def test_run_command_file_not_executable_raises_cannot_run(tmp_path: Path) -> None:
    script = tmp_path / "notify.sh"
    script.write_text("#!/bin/sh\nexit 0\n")
    script.chmod(0o644)

    err = failure([str(script)])

    assert f"cannot run command {script}: Permission denied" == str(err)


def test_run_command_timeout_raises_quickly() -> None:
    started = time.monotonic()

    err = failure(["/bin/sleep", "5"], timeout=0.5)

    elapsed = time.monotonic() - started
    assert ("command /bin/sleep did not finish within 0.5 s and was killed", True) == (
        str(err),
        elapsed < 2.5,
    )


def test_run_command_timeout_kills_processes_the_command_started(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"

    failure(["/bin/sh", "-c", f"sleep 30 & echo $! > {pid_file}; wait"], timeout=0.5)

    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 2
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert False is running(pid)


def running(pid: int) -> bool:
    """Return whether process ``pid`` exists and is not a zombie."""
    try:
        stat = (Path("/proc") / str(pid) / "stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def test_run_command_empty_argv_raises_value_error() -> None:
    with pytest.raises(ValueError, match="argv must not be empty"):
        run_command([], PAYLOAD)
