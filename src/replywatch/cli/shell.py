"""The command line about itself: ``help``, ``completion`` and ``man``.

Shell completion and the manual page are generated from the one parser that
``build_parser`` builds, never written by hand, so they cannot drift from it:

- completion by argcomplete: its scripts for bash, zsh and fish call back into
  ``replywatch`` (with ``_ARGCOMPLETE`` set), which answers from the live parser;
- the man page by argparse-manpage, with the sections a parser cannot tell
  (files, environment, exit status) added here.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from replywatch import __version__
from replywatch.cli.context import Command
from replywatch.errors import UserError
from replywatch.i18n import _, pgettext

SHELLS = ("bash", "zsh", "fish")


def _root() -> argparse.ArgumentParser:
    # Imported here: main imports this module to register its commands.
    from replywatch.cli.main import build_parser

    return build_parser()


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Return a parser's subcommands by name (empty for a leaf command)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def find_command(root: argparse.ArgumentParser, words: list[str]) -> argparse.ArgumentParser:
    """Given command words ("app", "snooze"), return their parser. Raise UserError if unknown."""
    parser = root
    for n, word in enumerate(words):
        found = subcommands(parser)
        if word not in found:
            known = ", ".join(found) or pgettext("commands", "none")
            raise UserError(_("help: no command {name}").format(
                                name=repr(" ".join(["replywatch", *words[:n + 1]]))),
                            hint=_("commands here: {names}").format(names=known))
        parser = found[word]
    return parser


def cmd_help(args: argparse.Namespace) -> int:
    """Print the help of the whole program or of one command."""
    find_command(_root(), args.topic).print_help()
    return 0


def cmd_completion(args: argparse.Namespace) -> int:
    """Print the completion script of one shell."""
    from argcomplete.shell_integration import shellcode

    sys.stdout.write(shellcode(["replywatch"], shell=args.shell))
    return 0


_FILES = r""".TP
.I $XDG_CONFIG_HOME/replywatch/config.toml
The config (default \fI~/.config/replywatch/config.toml\fR); \fBreplywatch init\fR writes a
commented starter.
.TP
.I $XDG_DATA_HOME/replywatch/replywatch.db
The store: applications, mail read, alerts sent (SQLite; default under \fI~/.local/share\fR).
.TP
.I $XDG_DATA_HOME/replywatch/replywatch.db.lock
Held by \fBreplywatch run\fR for its life: one daemon per store.
"""

_ENVIRONMENT = r""".TP
.B REPLYWATCH_CONFIG
The config file, unless \fB\-\-config\fR names one.
.TP
.B XDG_CONFIG_HOME\fR, \fBXDG_DATA_HOME
Where the config and the store live.
.TP
.B CREDENTIALS_DIRECTORY
Where systemd puts the credentials a \fIpassword_credential\fR names.
.TP
.B DBUS_SESSION_BUS_ADDRESS
The session bus of desktop notifications and the keyring.
"""

_EXIT_STATUS = r""".TP
.B 0
Success (\fBdoctor\fR: every check passed; warnings fail nothing).
.TP
.B 1
A server could not be reached, refused the login or failed TLS verification; a
\fBdoctor\fR check failed; another \fBrun\fR holds the store.
.TP
.B 2
Bad input: the config, an argument or a file, with a message naming what is wrong.
.TP
.B 70
An internal error; \fB\-\-verbose\fR shows its traceback.
"""


def man_page() -> str:
    """Return the manual page of replywatch(1) in roff, built from the parser."""
    from argparse_manpage.manpage import Manpage

    page = Manpage(_root())
    page.description = "watch your mailbox for replies to job applications"
    page.source = f"replywatch {__version__}"
    page.manual = "replywatch manual"
    page.add_section("files", "=", _FILES)
    page.add_section("environment", "=", _ENVIRONMENT)
    page.add_section("exit status", "=", _EXIT_STATUS)
    page.add_section("see also", "=", r"\fBsystemctl\fR(1), \fBjournalctl\fR(1)")
    return str(page)


def cmd_man(args: argparse.Namespace) -> int:
    """Print the manual page (roff) on standard output."""
    sys.stdout.write(man_page())
    return 0


def register(sub: Any, command: Command) -> None:
    """Add ``help``, ``completion`` and ``man`` to the top-level subparsers ``sub``."""
    p = command("help", cmd_help, "show the help of replywatch or of one command")
    p.add_argument("topic", nargs="*", metavar="COMMAND",
                   help="a command, e.g. `app snooze` (default: all of replywatch)")
    p = command("completion", cmd_completion,
                "print a shell completion script (see the README to install it)")
    p.add_argument("shell", choices=SHELLS, help="the shell: bash, zsh or fish")
    command("man", cmd_man, "print the manual page (roff; see the README to install it)")
