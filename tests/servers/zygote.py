"""A process that has imported replywatch once and forks a fresh `replywatch run`
on request: each daemon is a real, separate process (kill -9 kills it alone),
without paying the interpreter's start-up for every one of thirty crash cycles.

Protocol, one line each on stdin/stdout:
``spawn LOGFILE ARG...`` -> ``PID`` (the child runs ``main([ARG...])``, its stdout
and stderr appended to LOGFILE); ``reap PID`` -> ``EXITCODE`` (waits for it);
``quit`` or EOF ends the zygote.
"""

from __future__ import annotations

import os
import sys


def _child(log: str, argv: list[str]) -> None:
    code = 70
    try:
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
        sys.stdout = os.fdopen(1, "w", buffering=1)
        sys.stderr = os.fdopen(2, "w", buffering=1)
        from replywatch.cli.main import main

        code = main(argv)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def serve() -> None:
    """Answer spawn/reap requests until EOF or ``quit``."""
    # Everything a daemon needs, imported before the first fork (no threads yet).
    import replywatch.alerts.command
    import replywatch.alerts.console
    import replywatch.alerts.email
    import replywatch.cli.app
    import replywatch.cli.commands
    import replywatch.cli.main
    import replywatch.daemon.service
    import replywatch.mail.imap  # noqa: F401

    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            return
        if words[0] == "spawn":
            pid = os.fork()
            if pid == 0:
                _child(words[1], words[2:])
            print(pid, flush=True)
        elif words[0] == "reap":
            _, status = os.waitpid(int(words[1]), 0)
            print(os.waitstatus_to_exitcode(status), flush=True)


if __name__ == "__main__":
    serve()
