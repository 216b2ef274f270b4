"""The command line: argument parsing, one function per command, views and exit codes."""

from replywatch.cli.main import main

__all__ = ["main"]
