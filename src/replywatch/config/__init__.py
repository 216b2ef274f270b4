"""The TOML config file: load it, say where it lives, write a starter one.

``load_config(path)`` reads and parses the file and raises ``ConfigError`` listing
every problem, each as ``FILE:LINE: key.path: message``. The typed settings are in
model.py, the rules that check them in schema.py, and the generic TOML
reading and line finding in tomlread.py and tomlpos.py; the settings classes are
re-exported here, where the rest of replywatch imports them from.
``resolve_config_path`` and ``default_store_path`` say where files live;
``write_starter_config`` writes the starter file for ``replywatch init``. Every key
is declared once, in keys.py; generate.py makes the starter, the example and the
README's reference from those declarations.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from replywatch import i18n
from replywatch.config.model import (
    CHANNELS,
    Account,
    Alerts,
    Auth,
    Calendar,
    CommandAlerts,
    Config,
    Daemon,
    Digest,
    Drafts,
    EmailAlerts,
    OAuth2,
    PasswordSource,
    Policy,
    Security,
    Ui,
)
from replywatch.errors import ConfigError, UserError
from replywatch.i18n import _

__all__ = [
    "CHANNELS",
    "Account",
    "Alerts",
    "Auth",
    "Calendar",
    "CommandAlerts",
    "Config",
    "Daemon",
    "Digest",
    "Drafts",
    "EmailAlerts",
    "OAuth2",
    "PasswordSource",
    "Policy",
    "Security",
    "Ui",
    "default_store_path",
    "load_config",
    "resolve_config_path",
    "write_config_text",
    "write_starter_config",
]


def load_config(path: Path) -> Config:
    """Given the path of a TOML config file, return it as a validated Config.

    Raise ConfigError listing every problem at once, each as
    ``FILE:LINE: key.path: message``, if the file is missing, unreadable, not TOML,
    or breaks the schema. A valid config's ``[ui] language`` becomes the language the
    process speaks from then on (i18n.use); raise CatalogueMissing if it is not installed.
    """
    # Here, not at the top: reading TOML and checking it against the schema (keys.py
    # declares every key) is a tenth of a command's start, and a command run without
    # a config file, or one that never reads it, needs none of it.
    import tomllib

    from replywatch.config.schema import build_config
    from replywatch.config.tomlpos import KeyLines
    from replywatch.config.tomlread import Problems, syntax_problem

    file = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            _("{file}: config file not found").format(file=file),
            hint=_("run `{command}` to create a starter config").format(
                command="replywatch init"),
        ) from None
    except OSError as error:
        raise ConfigError(_("{file}: cannot read config file: {reason}").format(
            file=file, reason=error.strerror or error)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ConfigError(_("{file}:{line}: syntax error: not UTF-8 text").format(
            file=file, line=line)) from None
    try:
        data: dict[str, object] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(syntax_problem(file, text, error)) from None
    problems = Problems(file, KeyLines.scan(text))
    config = build_config(data, problems, path)
    if problems:
        raise ConfigError(problems.messages())
    i18n.use(config.ui.language or None)
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
    """Given a path, create the commented starter config there (see
    ``write_config_text``). Raise UserError as it does."""
    from replywatch.config.generate import starter_toml

    write_config_text(path, starter_toml())


def write_config_text(path: Path, text: str) -> None:
    """Given a path and a config's text, create the file with mode 0600; missing
    parent directories are created with mode 0700.

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
        raise UserError(_("{path} already exists; not overwriting").format(path=path)) from None
    except OSError as error:
        raise UserError(_("cannot create {path}: {reason}").format(
            path=path, reason=error.strerror or error)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as error:
        path.unlink(missing_ok=True)  # a half-written config would fail later, confusingly
        raise UserError(_("cannot write {path}: {reason}").format(
            path=path, reason=error.strerror or error)) from None


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
