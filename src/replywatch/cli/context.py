"""What every command starts from: the config, the open book, and how to print JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import Any, NamedTuple, Protocol

from replywatch import config as cfg
from replywatch.config.timeinput import parse_when, zone
from replywatch.i18n import _
from replywatch.store import Store
from replywatch.store.book import Book

Handler = Callable[[argparse.Namespace], int]


class Command(Protocol):
    """How a module adds one command: ``command(name, handler, help, parent)``."""

    def __call__(self, name: str, handler: Handler, helptext: str,
                 parent: Any = ...) -> argparse.ArgumentParser: ...


# A named tuple: as immutable as a frozen dataclass, and cheaper to define at every start.
class Context(NamedTuple):
    """What a command needs: the config, the open book and how to judge it."""

    config: cfg.Config
    book: Book
    tz: tzinfo


def help_of(parser: argparse.ArgumentParser) -> Handler:
    """Return a handler that prints ``parser``'s help: a command group given alone."""
    def show(args: argparse.Namespace) -> int:
        parser.print_help()
        return 0

    return show


def load_config(args: argparse.Namespace) -> cfg.Config:
    """Return the config named by ``--config``/the environment, or defaults if none exists.

    Raise ConfigError if the file exists (or was named explicitly) and is invalid.
    """
    path = cfg.resolve_config_path(args.config, os.environ)
    explicit = args.config is not None or "REPLYWATCH_CONFIG" in os.environ
    if not path.exists() and not explicit:
        # No config yet: the application book works on defaults; `init` writes one.
        return cfg.Config()
    return cfg.load_config(path)


def context(args: argparse.Namespace, config: cfg.Config | None = None) -> Context:
    """Return the config (loaded unless given) with the store opened and the time taken once."""
    config = config or load_config(args)
    tz = zone(config.policy.timezone)
    store = Store.open(config.store_path or cfg.default_store_path(os.environ))
    now = datetime.now(UTC).replace(microsecond=0)
    return Context(config=config, book=Book(store, config.policy, tz, now), tz=tz)


def emit(data: object) -> None:
    """Print one JSON document on standard output: indented for a person at a
    terminal, on one line for a script or a pipe (``jq .`` indents it), as gh does.
    The standard library encodes indented JSON in Python and compact JSON in C: four
    times faster, a third of ``app list --json`` over 2,000 applications."""
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(json.dumps(data, indent=indent, ensure_ascii=False) + "\n")


def when(text: str | None, tz: tzinfo, what: str) -> datetime | None:
    """Return the parsed date-time of an option, or None when it was not given."""
    return None if text is None else parse_when(text, tz, what=what)


def error_line(problem: str) -> str:
    """Return the line that shows one problem on standard error: "replywatch: error: ..."."""
    return _("replywatch: error: {problem}").format(problem=problem)


def hint_line(hint: str) -> str:
    """Return the line that shows a hint on standard error: "replywatch: hint: ..."."""
    return _("replywatch: hint: {hint}").format(hint=hint)


def warning_line(warning: str) -> str:
    """Return the line that shows a warning on standard error: "replywatch: warning: ..."."""
    return _("replywatch: warning: {warning}").format(warning=warning)
