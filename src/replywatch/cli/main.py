"""Command line: parse arguments, call one function per command, map errors to exit codes.

Standard output carries only a command's result (with ``--json``, exactly one JSON
document); logs and errors go to standard error. Exit codes: 0 success, 1 a server
or channel failed, 2 bad input (config, argument, file), 3 the store cannot be
written or read (disk full, read-only, locked, damaged), 70 an internal error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from replywatch import __version__
from replywatch.cli.context import Command, Handler, error_line, help_of, hint_line
from replywatch.errors import UserError

# -- parser --------------------------------------------------------------------


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, asking the terminal's width once, not once per argument
    (argparse makes a formatter for every argument it adds: 13 ms of every command).
    """

    columns: int | None = None

    def __init__(self, prog: str) -> None:
        if _Formatter.columns is None:
            _Formatter.columns = _terminal_columns() - 2
        super().__init__(prog, width=_Formatter.columns)


def _terminal_columns() -> int:
    """Return the terminal's width as shutil.get_terminal_size reads it ($COLUMNS, then
    standard output's terminal, then 80), without importing shutil (and bz2, lzma).
    """
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser (and, through add_subparsers, every subparser) with _Formatter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


# -- the command modules, imported only when their commands are wanted ----------
# Importing every command's module (and what it imports) and registering all of
# them cost about 20 ms of each run; a run needs one command. Each group names the
# top-level commands its module registers; tests/test_cli_lazy.py holds this table
# to the parser that registers everything.


def _group(module: str, function: str = "register") -> Callable[[Any, Command], None]:
    """Return what registers the commands of ``replywatch.cli.<module>``, importing it
    only when called: ``<module>.<function>(sub, command)``."""
    def register(sub: Any, command: Command) -> None:
        getattr(importlib.import_module(f"replywatch.cli.{module}"), function)(sub, command)

    return register


# In the order `replywatch --help` lists them. The shell group (help, completion,
# man) is absent from the names: those commands always see the whole parser.
GROUPS: tuple[tuple[frozenset[str], Callable[[Any, Command], None]], ...] = (
    (frozenset({"demo", "init", "config"}), _group("commands")),
    (frozenset({"app"}), _group("app")),
    (frozenset({"check", "run", "doctor", "status"}), _group("commands", "register_watch")),
    (frozenset({"report", "ics"}), _group("report")),
    (frozenset({"classify"}), _group("classify")),
    (frozenset({"login"}), _group("login")),
    (frozenset({"mail"}), _group("mail")),
    (frozenset({"draft"}), _group("draft")),
    (frozenset(), _group("shell")),
)

# The options accepted before a command, and whether each takes a value.
_GLOBAL_OPTIONS = {"--config": True, "-v": False, "--verbose": False}


def command_of(argv: Sequence[str]) -> str | None:
    """Given the arguments, return the top-level command they run, when it can be told
    for certain without the whole parser; otherwise (no command, --help, an unknown or
    abbreviated option, an unknown command) return None.
    """
    words = iter(argv)
    for word in words:
        if word.startswith("--config="):
            continue
        if word in _GLOBAL_OPTIONS:
            if _GLOBAL_OPTIONS[word]:
                next(words, None)
            continue
        if word.startswith("-"):
            return None  # --help, --version, an abbreviation, --: the whole parser decides
        return word if any(word in names for names, _ in GROUPS) else None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Return the argument parser of every command; given ``only`` (a top-level command
    name), one with just the commands registered together with it.
    """
    _Formatter.columns = None  # the terminal may have changed since the last parser
    def options(parser: argparse.ArgumentParser, default: Any) -> argparse.ArgumentParser:
        # The options are accepted before and after the command; a subcommand's
        # default must not overwrite a value given before it, hence SUPPRESS there.
        parser.add_argument("--config", metavar="PATH", default=default,
                            help="config file (default: $REPLYWATCH_CONFIG or "
                                 "$XDG_CONFIG_HOME/replywatch/config.toml)")
        parser.add_argument("-v", "--verbose", action="store_true",
                            default=False if default is None else default,
                            help="debug logs, and a traceback on errors")
        return parser

    common = options(_Parser(add_help=False), argparse.SUPPRESS)

    parser = options(_Parser(
        prog="replywatch",
        description="Watch your mailbox for replies to job applications; "
                    "get reminded when a follow-up is due.",
    ), None)
    parser.add_argument("--version", action="version", version=f"replywatch {__version__}",
                        help="print the version and exit")
    # `replywatch` alone (like `replywatch app` alone) prints its help.
    sub = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    parser.set_defaults(func=help_of(parser))

    def command(name: str, handler: Handler, helptext: str,
                parent: Any = sub) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, parents=[common], help=helptext,
                                                       description=helptext)
        p.set_defaults(func=handler)
        return p

    for names, register in GROUPS:
        if only is None or only in names:
            register(sub, command)
    return parser


def _internal_error(exc: Exception, *, verbose: bool) -> int:
    """Report a bug: one line, the traceback only with --verbose; return 70."""
    import traceback

    from replywatch.i18n import _

    if verbose:
        traceback.print_exception(exc)
    print(_("replywatch: internal error: {error}").format(
        error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
    print(hint_line(_("run again with --verbose for the traceback")), file=sys.stderr)
    return 70


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from replywatch import i18n, log
    from replywatch.store import db

    i18n.use()  # the locale's language until a config says otherwise
    # Completion asks about any command: it needs the whole parser.
    completing = "_ARGCOMPLETE" in os.environ
    parser = build_parser(None if completing else command_of(
        sys.argv[1:] if argv is None else argv))
    if completing:
        # A shell asks for completions (the scripts of `replywatch completion`):
        # argcomplete answers from this parser and exits.
        import argcomplete

        argcomplete.autocomplete(parser, always_complete_options=False)
    args = parser.parse_args(argv)
    # A command's own output tells what happened; its logs only speak up for trouble.
    # The daemon (`run`) logs what it does at info, for journald.
    daemon = getattr(args, "command", "") == "run"
    log.setup(verbose=args.verbose, quiet=not daemon, lazy=not (daemon or args.verbose))
    try:
        code: int = args.func(args)
    except UserError as exc:
        if args.verbose:
            import traceback  # here: ~2 ms (with textwrap) of every run that needs none

            traceback.print_exc()
        for problem in exc.problems:
            print(error_line(problem), file=sys.stderr)
        if exc.hint:
            print(hint_line(exc.hint), file=sys.stderr)
        return exc.exit_code
    except db.Error as exc:
        # Disk full, read-only, locked, damaged: the user's to fix, not a bug (exit 3).
        from replywatch.store.faults import describe as describe_store_fault

        fault = describe_store_fault(exc)
        if fault is None:
            return _internal_error(exc, verbose=args.verbose)
        if args.verbose:
            import traceback

            traceback.print_exc()
        print(error_line(fault.problems[0]), file=sys.stderr)
        return fault.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`replywatch app list | head`): not an error of ours.
        sys.stderr.close()
        return 0
    except Exception as exc:
        return _internal_error(exc, verbose=args.verbose)
    return code
