"""The TOML config file: load it, say where it lives, write a starter one.

``load_config(path)`` reads and parses the file and raises ``ConfigError`` listing
every problem, each as ``FILE:LINE: key.path: message``. The typed settings are in
configmodel.py, the rules that check them in configschema.py, and the generic TOML
reading and line finding in tomlread.py and tomlpos.py; the settings classes are
re-exported here, where the rest of replywatch imports them from.
``resolve_config_path`` and ``default_store_path`` say where files live;
``write_starter_config`` writes ``STARTER_CONFIG`` for ``replywatch init``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from replywatch.config.model import (
    CHANNELS,
    Account,
    Alerts,
    CommandAlerts,
    Config,
    Daemon,
    EmailAlerts,
    PasswordSource,
    Policy,
    Security,
)
from replywatch.config.schema import build_config
from replywatch.config.tomlpos import KeyLines
from replywatch.config.tomlread import Problems, syntax_problem
from replywatch.errors import ConfigError, UserError

__all__ = [
    "CHANNELS",
    "STARTER_CONFIG",
    "Account",
    "Alerts",
    "CommandAlerts",
    "Config",
    "Daemon",
    "EmailAlerts",
    "PasswordSource",
    "Policy",
    "Security",
    "default_store_path",
    "load_config",
    "resolve_config_path",
    "write_starter_config",
]


def load_config(path: Path) -> Config:
    """Given the path of a TOML config file, return it as a validated Config.

    Raise ConfigError listing every problem at once, each as
    ``FILE:LINE: key.path: message``, if the file is missing, unreadable, not TOML,
    or breaks the schema.
    """
    file = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            f"{file}: config file not found",
            hint="run `replywatch init` to create a starter config",
        ) from None
    except OSError as error:
        raise ConfigError(f"{file}: cannot read config file: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ConfigError(f"{file}:{line}: syntax error: not UTF-8 text") from None
    try:
        data: dict[str, object] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(syntax_problem(file, text, error)) from None
    problems = Problems(file, KeyLines.scan(text))
    config = build_config(data, problems, path)
    if problems:
        raise ConfigError(problems.messages())
    return config


def resolve_config_path(cli_path: str | None, environ: Mapping[str, str]) -> Path:
    """Given the ``--config`` value (None if not given) and the environment, return
    the config file to read: ``--config``, else ``$REPLYWATCH_CONFIG``, else
    ``$XDG_CONFIG_HOME/replywatch/config.toml`` (``~/.config`` by default).
    """
    if cli_path:
        return _expand_user(cli_path, environ)
    if from_env := environ.get("REPLYWATCH_CONFIG"):
        return _expand_user(from_env, environ)
    return _xdg_dir(environ, "XDG_CONFIG_HOME", ".config") / "replywatch" / "config.toml"


def default_store_path(environ: Mapping[str, str]) -> Path:
    """Given the environment, return ``$XDG_DATA_HOME/replywatch/replywatch.db``
    (``~/.local/share`` by default).
    """
    return _xdg_dir(environ, "XDG_DATA_HOME", ".local/share") / "replywatch" / "replywatch.db"


def write_starter_config(path: Path) -> None:
    """Given a path, create STARTER_CONFIG there with mode 0600; missing parent
    directories are created with mode 0700.

    Raise UserError if the file already exists (it is never overwritten) or
    cannot be created.
    """
    try:
        missing = [parent for parent in path.parents if not parent.exists()]
        for parent in reversed(missing):
            parent.mkdir(mode=0o700)
        # O_EXCL: a file that appears meanwhile (another `init`, the user's own) is kept.
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise UserError(f"{path} already exists; not overwriting") from None
    except OSError as error:
        raise UserError(f"cannot create {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(STARTER_CONFIG)
    except OSError as error:
        path.unlink(missing_ok=True)  # a half-written config would fail later, confusingly
        raise UserError(f"cannot write {path}: {error.strerror or error}") from None


STARTER_CONFIG = """\
# replywatch configuration (TOML). Lines starting with # are comments.
# Every key is shown with its default value; uncomment and edit what you need,
# then check the file with `replywatch config check`.

# One [[accounts]] section per IMAP mailbox to watch; repeat it for more.
# [[accounts]]
# name = "personal"             # required: a short name, unique among accounts
# host = "imap.example.com"     # required: the IMAP server
# username = "you@example.com"  # required: the login name
# security = "tls"              # "tls", "starttls", or "plain" (no encryption)
# port = 993                    # default 993 for "tls", 143 for "starttls"/"plain"
# addresses = []                # your own addresses; username is added if it is one
# ca_file = "~/certs/ca.pem"    # trust this CA file instead of the system's CAs
# lookback_days = 120           # how far back the first scan reads (1-3650)
# At most one password source; the system keyring is the default:
# password_keyring = true       # store it: keyring set replywatch you@example.com
# password_command = ["pass", "show", "mail/personal"]  # run without a shell
# password_credential = "imap-password"  # a systemd credential (LoadCredential=)

[policy]
# follow_up_after_days = 7            # silence after applying before a follow-up
# follow_up_after_interview_days = 5  # silence after an interview before a follow-up
# thank_you_after_hours = 2           # remind of a thank-you note this long after
# thank_you_overdue_hours = 24        # ... and call it overdue after this long
# max_follow_ups = 3                  # at most this many follow-ups (0-10) ...
# follow_up_window_days = 14          # ... within this window from the first one
# follow_up_spacing_days = 4          # days between follow-ups
# ghosted_after_days = 7              # silence after the last one: ghosted
# business_days = false               # count only Monday to Friday
# timezone = ""                       # IANA name like "Europe/Oslo"; "" = the system's

[alerts]
# channels = ["desktop"]              # any of "desktop", "email", "command", "console"
# quiet_hours = ["21:00", "08:00"]    # follow-up reminders wait; [] turns this off

# Needed when channels includes "email":
# [alerts.email]
# host = "smtp.example.com"           # required: the SMTP server
# security = "tls"                    # "tls", "starttls" or "plain"
# port = 465                          # default 465 "tls", 587 "starttls", 25 "plain"
# username = ""                       # SMTP login; "" sends without logging in
# password_keyring = true             # or password_command / password_credential
# ca_file = "~/certs/ca.pem"          # trust this CA file instead of the system's CAs
# from = "you@example.com"            # required: the sender address
# to = "you@example.com"              # required: an address or a list of addresses

# Needed when channels includes "command":
# [alerts.command]
# argv = ["my-alert-script"]          # run without a shell; the alert as JSON on stdin

[daemon]
# poll_minutes = 15                   # look for new mail this often (1-1440)
# idle_minutes = 20                   # re-issue IMAP IDLE this often (1-28)

[store]
# path = "~/.local/share/replywatch/replywatch.db"  # ~ and $VARS are expanded
"""

# -- where files live --------------------------------------------------------------


def _expand_user(value: str, environ: Mapping[str, str]) -> Path:
    if value == "~" or value.startswith("~/"):
        return _home(environ) / value[2:]
    return Path(value).expanduser()


def _xdg_dir(environ: Mapping[str, str], variable: str, fallback: str) -> Path:
    # The XDG spec says a relative value is invalid and is to be ignored.
    value = environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else _home(environ) / fallback


def _home(environ: Mapping[str, str]) -> Path:
    home = environ.get("HOME")
    return Path(home) if home else Path.home()
