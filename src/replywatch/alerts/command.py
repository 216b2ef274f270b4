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
from replywatch.i18n import N_, _

CHANNEL = "command"
MAX_STDERR_CHARS = 200
_HINT = N_("check argv in [alerts.command]")


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
        raise AlertChannelError(CHANNEL, _("command not found: {command}").format(command=name),
                                hint=_(_HINT)) from None
    except OSError as err:  # not executable, a directory, exec format error
        raise AlertChannelError(CHANNEL, _("cannot run command {command}: {error}").format(
            command=name, error=err.strerror or err), hint=_(_HINT)) from None
    with process:
        try:
            _out, stderr = process.communicate(data, timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_session(process)
            # Only wait: a grandchild that left the session may still hold the pipes.
            process.wait()
            raise AlertChannelError(CHANNEL, _(
                "command {command} did not finish within {seconds} s and was killed").format(
                command=name, seconds=f"{timeout:g}")) from None
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
            signal_name = signal.Signals(-returncode).name
        except ValueError:
            signal_name = f"signal {-returncode}"
        how = _("command {command} was killed by {signal}").format(
            command=name, signal=signal_name)
    else:
        how = _("command {command} exited with code {code}").format(command=name,
                                                                    code=returncode)
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    last = clean_line(lines[-1], MAX_STDERR_CHARS) if lines else ""
    return how + (f": {last}" if last else "")
