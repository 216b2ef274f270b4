"""Alerts handed to a command of the user's choice, the alert as JSON on its stdin.

The command is an argv list from the config, run without a shell in a session of
its own (so that a timeout kills its children too); its stdout and stderr are
captured, never shown. Every failure becomes an ``AlertChannelError`` with
``channel="command"`` and one line: the exit code and the last line of stderr.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
from collections.abc import Mapping, Sequence

from replywatch.alerts import AlertChannelError
from replywatch.alerts.render import RenderedAlert
from replywatch.core.model import Application
from replywatch.core.text import clean_line

CHANNEL = "command"
MAX_STDERR_CHARS = 200
_HINT = "check argv in [alerts.command]"


class CommandChannel:
    """Run the configured command with the alert as JSON on standard input."""

    name = CHANNEL

    def __init__(self, argv: Sequence[str]) -> None:
        self.argv = tuple(argv)

    def send(self, alert: RenderedAlert, app: Application | None) -> int | None:
        """Run the command; raise AlertChannelError if it fails."""
        run_command(self.argv, alert.payload)
        return None


def run_command(
    argv: Sequence[str], payload: Mapping[str, object], *, timeout: float = 30.0
) -> None:
    """Run ``argv`` (no shell) with ``payload`` as one line of JSON on stdin; wait for it.

    Given a non-empty argv, a JSON-ready payload and the seconds the command may
    take. Raise ValueError for an empty argv, a timeout that is not positive or a
    payload that is not JSON (bugs), and AlertChannelError if the command cannot be
    started, exits non-zero or by a signal, or runs longer than ``timeout`` (it is
    killed with the processes it started).
    """
    if not argv:
        raise ValueError("argv must not be empty")
    if not timeout > 0:
        raise ValueError(f"timeout must be positive, not {timeout}")
    data = (json.dumps(payload, allow_nan=False) + "\n").encode("ascii")
    name = clean_line(argv[0])
    try:
        process = subprocess.Popen(
            list(argv),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except FileNotFoundError:
        raise AlertChannelError(CHANNEL, f"command not found: {name}", hint=_HINT) from None
    except OSError as err:  # not executable, a directory, exec format error
        raise AlertChannelError(
            CHANNEL, f"cannot run command {name}: {err.strerror or err}", hint=_HINT
        ) from None
    with process:
        try:
            _, stderr = process.communicate(data, timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_session(process)
            # Only wait: a grandchild that left the session may still hold the pipes.
            process.wait()
            raise AlertChannelError(
                CHANNEL, f"command {name} did not finish within {timeout:g} s and was killed"
            ) from None
    if process.returncode != 0:
        raise AlertChannelError(CHANNEL, _failure(name, process.returncode, stderr))


def _kill_session(process: subprocess.Popen[bytes]) -> None:
    """Kill the process group the command leads (it started a new session)."""
    with contextlib.suppress(ProcessLookupError):  # all gone already
        os.killpg(process.pid, signal.SIGKILL)


def _failure(name: str, returncode: int, stderr: bytes) -> str:
    """Return one line: how the command ended, and the last line it wrote to stderr."""
    if returncode < 0:
        try:
            how = f"was killed by {signal.Signals(-returncode).name}"
        except ValueError:
            how = f"was killed by signal {-returncode}"
    else:
        how = f"exited with code {returncode}"
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    last = clean_line(lines[-1], MAX_STDERR_CHARS) if lines else ""
    return f"command {name} {how}" + (f": {last}" if last else "")
