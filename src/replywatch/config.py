"""The TOML config file, parsed once into frozen dataclasses.

``load_config(path)`` validates the whole file and raises ``ConfigError`` listing
every problem, each as ``FILE:LINE: key.path: message``; the generic reading and
line finding live in tomlpos.py, the schema lives here. ``resolve_config_path``
and ``default_store_path`` say where files live; ``write_starter_config`` writes
``STARTER_CONFIG`` for ``replywatch init``.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import time
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from replywatch.errors import ConfigError, UserError
from replywatch.tomlpos import (
    KeyLines,
    KeyPath,
    Problems,
    Table,
    choice_message,
    describe,
    quote,
    syntax_problem,
)


class Security(StrEnum):
    """How a connection to a server is protected."""

    TLS = "tls"
    STARTTLS = "starttls"
    PLAIN = "plain"


@dataclass(frozen=True)
class PasswordSource:
    """Exactly one way to get a password.

    ``kind`` is ``"keyring"`` (service ``replywatch``, user = ``username``),
    ``"command"`` (``command`` is an argv list, run without a shell) or
    ``"credential"`` (``credential`` names a file in ``$CREDENTIALS_DIRECTORY``).
    """

    kind: str = "keyring"
    command: tuple[str, ...] = ()
    credential: str = ""


@dataclass(frozen=True)
class Account:
    """One IMAP account to watch."""

    name: str
    host: str
    username: str
    port: int = 993
    security: Security = Security.TLS
    addresses: tuple[str, ...] = ()
    ca_file: Path | None = None
    lookback_days: int = 120
    password: PasswordSource = field(default_factory=PasswordSource)


@dataclass(frozen=True)
class Policy:
    """The follow-up cadence; defaults are those of DESIGN.md."""

    follow_up_after_days: int = 7
    follow_up_after_interview_days: int = 5
    thank_you_after_hours: float = 2
    thank_you_overdue_hours: float = 24
    max_follow_ups: int = 3
    follow_up_window_days: int = 14
    follow_up_spacing_days: int = 4
    ghosted_after_days: int = 7
    business_days: bool = False
    timezone: str = ""  # IANA name; "" means the system's zone


@dataclass(frozen=True)
class EmailAlerts:
    """SMTP settings for alerts sent as email."""

    host: str
    from_addr: str
    to: tuple[str, ...]
    port: int = 465
    security: Security = Security.TLS
    username: str = ""
    password: PasswordSource = field(default_factory=PasswordSource)
    ca_file: Path | None = None


@dataclass(frozen=True)
class CommandAlerts:
    """Run ``argv`` with the alert as JSON on standard input."""

    argv: tuple[str, ...]


@dataclass(frozen=True)
class Alerts:
    """Where and when alerts go. ``quiet_hours`` is (start, end) or None when off."""

    channels: tuple[str, ...] = ("desktop",)
    quiet_hours: tuple[time, time] | None = (time(21, 0), time(8, 0))
    email: EmailAlerts | None = None
    command: CommandAlerts | None = None


@dataclass(frozen=True)
class Daemon:
    """Timing of the background service."""

    poll_minutes: int = 15
    idle_minutes: int = 20


@dataclass(frozen=True)
class Config:
    """The whole config file. ``path`` is where it was read from (None for defaults)."""

    accounts: tuple[Account, ...] = ()
    policy: Policy = field(default_factory=Policy)
    alerts: Alerts = field(default_factory=Alerts)
    daemon: Daemon = field(default_factory=Daemon)
    store_path: Path | None = None  # None: $XDG_DATA_HOME/replywatch/replywatch.db
    path: Path | None = None


CHANNELS = ("desktop", "email", "command", "console")

_PASSWORD_KEYS = ("password_command", "password_keyring", "password_credential")
_PASSWORD_HINT = {
    "password": "a plain-text password is not supported: use password_keyring, "
    "password_command or password_credential"
}
_ROOT_KEYS = ("accounts", "policy", "alerts", "daemon", "store")
_ACCOUNT_KEYS = (
    "name", "host", "port", "security", "username", "addresses", "ca_file", "lookback_days",
    *_PASSWORD_KEYS,
)  # fmt: skip
_POLICY_KEYS = tuple(f.name for f in fields(Policy))  # the TOML keys are the field names
_ALERTS_KEYS = ("channels", "quiet_hours", "email", "command")
_EMAIL_KEYS = ("host", "port", "security", "username", *_PASSWORD_KEYS, "ca_file", "from", "to")
_DAEMON_KEYS = ("poll_minutes", "idle_minutes")
_SECURITY = tuple(security.value for security in Security)
_IMAP_PORTS = {Security.TLS: 993, Security.STARTTLS: 143, Security.PLAIN: 143}
_SMTP_PORTS = {Security.TLS: 465, Security.STARTTLS: 587, Security.PLAIN: 25}
# Cap day counts so that a typo like 70000 is caught here, not as an OverflowError
# in date arithmetic weeks later.
_MAX_DAYS = 3650
_NOT_IN_ADDRESS = r"@\s<>(),;:\"\[\]\\"
_ADDRESS = re.compile(rf"[^{_NOT_IN_ADDRESS}]+@[^{_NOT_IN_ADDRESS}.]+(\.[^{_NOT_IN_ADDRESS}.]+)*")
_HHMM = re.compile(r"(\d{1,2}):(\d{2})")


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
    root = Table(problems, (), data, _ROOT_KEYS)
    config = Config(
        accounts=_accounts(root),
        policy=_policy(root.section("policy", _POLICY_KEYS)),
        alerts=_alerts(root.section("alerts", _ALERTS_KEYS)),
        daemon=_daemon(root.section("daemon", _DAEMON_KEYS)),
        store_path=_store_path(root.section("store", ("path",))),
        path=path,
    )
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


# -- the schema, one function per table ---------------------------------------------


def _accounts(root: Table) -> tuple[Account, ...]:
    accounts: list[Account] = []
    first_with_name: dict[str, int] = {}
    for index, table in enumerate(root.get_tables("accounts", _ACCOUNT_KEYS, _PASSWORD_HINT)):
        account = _account(table)
        if "name" not in table.bad:
            first = first_with_name.setdefault(account.name, index)
            if first != index:
                message = f"duplicate account name {quote(account.name)} (see accounts[{first}])"
                table.problem("name", message)
        accounts.append(account)
    return tuple(accounts)


def _account(table: Table) -> Account:
    name = table.get_str("name")
    host = table.get_str("host")
    security = Security(table.get_choice("security", _SECURITY, Security.TLS))
    username = table.get_str("username")
    return Account(
        name=name,
        host=host,
        username=username,
        port=table.get_int("port", _IMAP_PORTS[security], 1, 65535),
        security=security,
        addresses=_own_addresses(table, username),
        ca_file=_ca_file(table),
        lookback_days=table.get_int("lookback_days", Account.lookback_days, 1, 3650),
        password=_password_source(table),
    )


def _own_addresses(table: Table, username: str) -> tuple[str, ...]:
    # Lower-cased, because matching compares addresses case-insensitively.
    addresses: list[str] = []
    for index, item in enumerate(table.get_list("addresses") or []):
        address = _address(table, "addresses", item, sub=(index,)).lower()
        if address and address not in addresses:
            addresses.append(address)
    if _ADDRESS.fullmatch(username) and username.lower() not in addresses:
        addresses.insert(0, username.lower())
    return tuple(addresses)


def _address(table: Table, key: str, value: object, sub: KeyPath = ()) -> str:
    """Return ``value`` if it is an address, else "" after recording the problem."""
    if not isinstance(value, str):
        table.problem(key, f"must be an email address, got {describe(value)}", sub=sub)
        return ""
    if not _ADDRESS.fullmatch(value):
        table.problem(key, f"must be an email address (local@domain), got {quote(value)}", sub=sub)
        return ""
    return value


def _ca_file(table: Table) -> Path | None:
    if not table.has("ca_file"):
        return None
    raw = table.get_str("ca_file")
    if "ca_file" in table.bad:
        return None
    path = Path(raw).expanduser()
    if not path.exists():
        table.problem("ca_file", f"no such file: {path}")
    elif not path.is_file():
        table.problem("ca_file", f"not a file: {path}")
    return path


def _password_source(table: Table) -> PasswordSource:
    command = _argv(table, "password_command") if table.has("password_command") else ()
    table.get_bool("password_keyring", True)
    credential = table.get_str("password_credential", "")
    if "/" in credential:
        message = f"must be a credential name without '/', got {quote(credential)}"
        table.problem("password_credential", message)
    # `password_keyring = false` is the absence of a source, not a source.
    given = [
        key
        for key in _PASSWORD_KEYS
        if table.has(key) and key not in table.bad and table.data[key] is not False
    ]
    for extra in given[1:]:
        table.problem(extra, f"conflicts with {given[0]}; give at most one password source")
    others = ("password_command", "password_credential")
    if table.data.get("password_keyring") is False and not any(map(table.has, others)):
        message = "is false, so password_command or password_credential is required"
        table.problem("password_keyring", message)
    if command:
        return PasswordSource(kind="command", command=command)
    if credential:
        return PasswordSource(kind="credential", credential=credential)
    return PasswordSource(kind="keyring")


def _argv(table: Table, key: str) -> tuple[str, ...]:
    """Return the required command line at ``key``; it is run later without a shell."""
    if not table.has(key):
        table.problem(key, "required key missing")
        return ()
    argv = table.get_str_list(key)
    if argv is None:
        return ()
    if not argv:
        table.problem(key, "must be a non-empty array of strings, got []")
    elif not argv[0].strip():
        table.problem(key, "the program name must not be empty", sub=(0,))
    return tuple(argv)


def _policy(table: Table) -> Policy:
    default = Policy()
    after = table.get_positive("thank_you_after_hours", default.thank_you_after_hours)
    overdue = table.get_positive("thank_you_overdue_hours", default.thank_you_overdue_hours)
    if not {"thank_you_after_hours", "thank_you_overdue_hours"} & table.bad and overdue <= after:
        message = f"must be greater than thank_you_after_hours ({after:g}), got {overdue:g}"
        # When only thank_you_after_hours is set, that is the line to point at.
        at = None if table.has("thank_you_overdue_hours") else "thank_you_after_hours"
        table.problem("thank_you_overdue_hours", message, at=at)
    return Policy(
        follow_up_after_days=_days(table, "follow_up_after_days", default.follow_up_after_days),
        follow_up_after_interview_days=_days(
            table, "follow_up_after_interview_days", default.follow_up_after_interview_days
        ),
        thank_you_after_hours=after,
        thank_you_overdue_hours=overdue,
        max_follow_ups=table.get_int("max_follow_ups", default.max_follow_ups, 0, 10),
        follow_up_window_days=_days(table, "follow_up_window_days", default.follow_up_window_days),
        follow_up_spacing_days=_days(
            table, "follow_up_spacing_days", default.follow_up_spacing_days
        ),
        ghosted_after_days=_days(table, "ghosted_after_days", default.ghosted_after_days),
        business_days=table.get_bool("business_days", default.business_days),
        timezone=_timezone(table),
    )


def _days(table: Table, key: str, default: int) -> int:
    return table.get_int(key, default, 1, _MAX_DAYS)


def _timezone(table: Table) -> str:
    name = table.get_str("timezone", "", empty_ok=True)
    if not name or "timezone" in table.bad:
        return name
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        table.problem("timezone", choice_message(name, sorted(available_timezones()), "time zone"))
    return name


def _alerts(table: Table) -> Alerts:
    default = Alerts()
    channels = _channels(table)
    if channels is None:
        channels = default.channels
    email = table.get_table("email", _EMAIL_KEYS, _PASSWORD_HINT)
    command = table.get_table("command", ("argv",))
    for channel, section in (("email", email), ("command", command)):
        if channel in channels and section is None and channel not in table.bad:
            message = f'section [alerts.{channel}] is required: alerts.channels has "{channel}"'
            table.problem(channel, message, at="channels")
    return Alerts(
        channels=channels,
        quiet_hours=_quiet_hours(table, default.quiet_hours),
        email=None if email is None else _email_alerts(email),
        command=None if command is None else CommandAlerts(argv=_argv(command, "argv")),
    )


def _channels(table: Table) -> tuple[str, ...] | None:
    items = table.get_list("channels")
    if items is None:
        return None
    channels: list[str] = []
    for index, channel in enumerate(items):
        if not isinstance(channel, str):
            table.problem("channels", f"must be a string, got {describe(channel)}", sub=(index,))
        elif channel in channels:
            table.problem("channels", f"duplicate channel {quote(channel)}", sub=(index,))
        elif channel not in CHANNELS:
            table.problem("channels", choice_message(channel, CHANNELS), sub=(index,))
        else:
            channels.append(channel)
    return tuple(channels)


def _quiet_hours(table: Table, default: tuple[time, time] | None) -> tuple[time, time] | None:
    items = table.get_list("quiet_hours")
    if items is None:
        return default
    if not items:
        return None  # [] is how the user turns quiet hours off
    if len(items) != 2:
        message = f'must be [] or two "HH:MM" times [start, end], got {len(items)} items'
        table.problem("quiet_hours", message)
        return default
    times = [_parse_hhmm(item) for item in items]
    for index, (item, parsed) in enumerate(zip(items, times, strict=True)):
        if parsed is None:
            message = f'must be a time "HH:MM", got {describe(item)}'
            table.problem("quiet_hours", message, sub=(index,))
    start, end = times
    if start is None or end is None:
        return default
    if start == end:
        table.problem("quiet_hours", f"start and end must differ, got {start:%H:%M} twice")
    return (start, end)


def _parse_hhmm(value: object) -> time | None:
    match = _HHMM.fullmatch(value) if isinstance(value, str) else None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return time(int(match[1]), int(match[2]))


def _email_alerts(table: Table) -> EmailAlerts:
    host = table.get_str("host")
    security = Security(table.get_choice("security", _SECURITY, Security.TLS))
    if table.has("from"):
        from_addr = _address(table, "from", table.data["from"])
    else:
        from_addr = table.get_str("from")  # reports the missing key
    return EmailAlerts(
        host=host,
        from_addr=from_addr,
        to=_recipients(table),
        port=table.get_int("port", _SMTP_PORTS[security], 1, 65535),
        security=security,
        username=table.get_str("username", "", empty_ok=True),
        password=_password_source(table),
        ca_file=_ca_file(table),
    )


def _recipients(table: Table) -> tuple[str, ...]:
    value = table.data.get("to")
    if value is None:
        table.problem("to", "required key missing")
        return ()
    if isinstance(value, str):
        return (_address(table, "to", value),)
    if not isinstance(value, list):
        message = f"must be an address or an array of addresses, got {describe(value)}"
        table.problem("to", message)
        return ()
    if not value:
        table.problem("to", "must name at least one address, got []")
    items = list[object](value)
    return tuple(_address(table, "to", item, sub=(i,)) for i, item in enumerate(items))


def _daemon(table: Table) -> Daemon:
    default = Daemon()
    return Daemon(
        poll_minutes=table.get_int("poll_minutes", default.poll_minutes, 1, 1440),
        # RFC 2177: a server may drop an IDLE connection after 29 minutes.
        idle_minutes=table.get_int("idle_minutes", default.idle_minutes, 1, 28),
    )


def _store_path(table: Table) -> Path | None:
    if not table.has("path"):
        return None
    raw = table.get_str("path")
    if "path" in table.bad:
        return None
    path = Path(os.path.expanduser(os.path.expandvars(raw)))
    # Under systemd the working directory is /, so a relative path would surprise.
    if not path.is_absolute():
        message = f"must be an absolute path after expanding ~ and $VARS, got {quote(str(path))}"
        table.problem("path", message)
    return path


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
