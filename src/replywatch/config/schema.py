"""Validation: a parsed TOML document -> Config, with every problem recorded.

The keys of each table, their types, bounds and defaults come from the declarations
in keys.py; one function per table reads them through tomlread.Table, so that one
pass finds every problem with its line and key path, and a value with a problem gets
its default. Checks across keys (one password source, thank_you_overdue_hours >
thank_you_after_hours, a section for each alert channel) live here too. Reading the
file is config/__init__.py's job.
"""

from __future__ import annotations

import os
import re
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from replywatch.config import keys
from replywatch.config.keys import ACCOUNTS, ALERTS, ALERTS_EMAIL, DAEMON, POLICY, Key, Section
from replywatch.config.model import (
    CHANNELS,
    Account,
    Alerts,
    Calendar,
    CommandAlerts,
    Config,
    Daemon,
    Digest,
    Drafts,
    EmailAlerts,
    PasswordSource,
    Policy,
    Security,
    Ui,
)
from replywatch.config.oauthschema import read_auth
from replywatch.config.tomlpos import KeyPath
from replywatch.config.tomlread import Problems, Table, choice_message, describe, quote

_PASSWORD_KEYS = ("password_command", "password_keyring", "password_credential")  # in order
_PASSWORD_HINT = {
    "password": "a plain-text password is not supported: use password_keyring, "
    "password_command or password_credential"
}
_ALERTS_KEYS = (*ALERTS.names, "email", "command")  # the two sub-tables
_SECURITY = keys.SECURITY_CHOICES
_IMAP_PORTS = {Security.TLS: 993, Security.STARTTLS: 143, Security.PLAIN: 143}
_SMTP_PORTS = {Security.TLS: 465, Security.STARTTLS: 587, Security.PLAIN: 25}
_NOT_IN_ADDRESS = r"@\s<>(),;:\"\[\]\\"
_ADDRESS = re.compile(rf"[^{_NOT_IN_ADDRESS}]+@[^{_NOT_IN_ADDRESS}.]+(\.[^{_NOT_IN_ADDRESS}.]+)*")
_HHMM = re.compile(r"(\d{1,2}):(\d{2})")


def build_config(data: dict[str, object], problems: Problems, path: Path) -> Config:
    """Given a parsed config file read from ``path``, return it as a Config, and record
    every problem in ``problems``.

    A value with a problem is replaced by its default, so the result is only to be
    used when ``problems`` is still empty afterwards.
    """
    root = Table(problems, (), data, keys.ROOT_KEYS)
    return Config(
        accounts=_accounts(root),
        policy=_policy(root.section("policy", POLICY.names)),
        alerts=_alerts(root.section("alerts", _ALERTS_KEYS)),
        daemon=_daemon(root.section("daemon", DAEMON.names)),
        digest=_digest(root.section("digest", keys.DIGEST.names)),
        calendar=_calendar(root.section("calendar", keys.CALENDAR.names)),
        drafts=_drafts(root.section("drafts", keys.DRAFTS.names)),
        ui=_ui(root.section("ui", keys.UI.names)),
        store_path=_store_path(root.section("store", keys.STORE.names)),
        path=path,
    )


def _accounts(root: Table) -> tuple[Account, ...]:
    accounts: list[Account] = []
    first_with_name: dict[str, int] = {}
    for index, table in enumerate(root.get_tables("accounts", ACCOUNTS.names, _PASSWORD_HINT)):
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
    auth, oauth2 = read_auth(table)
    return Account(
        name=name,
        host=host,
        username=username,
        port=_int(table, ACCOUNTS.key("port"), _IMAP_PORTS[security]),
        security=security,
        addresses=_own_addresses(table, username),
        ca_file=_ca_file(table),
        lookback_days=_int(table, ACCOUNTS.key("lookback_days")),
        password=_password_source(table) if oauth2 is None else PasswordSource(),
        auth=auth,
        oauth2=oauth2,
        drafts=table.get_bool("drafts", False) if table.has("drafts") else None,
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


def _int(table: Table, key: Key, default: int | None = None) -> int:
    """Return the integer at ``key`` within its declared bounds."""
    if key.low is None or key.high is None:
        raise TypeError(f"{key.name} is declared without bounds")
    fallback = default if default is not None else key.default
    if not isinstance(fallback, int):
        raise TypeError(f"{key.name} is declared without an integer default")
    return table.get_int(key.name, fallback, key.low, key.high)


def _ints(table: Table, section: Section) -> dict[str, int]:
    """Return every integer key of ``section``, each within its declared bounds."""
    return {k.name: _int(table, k) for k in section.keys if k.kind is keys.Kind.INTEGER}


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
        **_ints(table, POLICY),
        thank_you_after_hours=after,
        thank_you_overdue_hours=overdue,
        business_days=table.get_bool("business_days", default.business_days),
        timezone=_timezone(table),
    )


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
    email = table.get_table("email", ALERTS_EMAIL.names, _PASSWORD_HINT)
    command = table.get_table("command", keys.ALERTS_COMMAND.names)
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
    auth, oauth2 = read_auth(table)
    username = table.get_str("username", "", empty_ok=True)
    if oauth2 is not None and not username.strip() and "username" not in table.bad:
        table.problem("username", 'required with auth = "oauth2": the account to sign in as',
                      at="auth")
    return EmailAlerts(
        host=host,
        from_addr=from_addr,
        to=_recipients(table),
        port=_int(table, ALERTS_EMAIL.key("port"), _SMTP_PORTS[security]),
        security=security,
        username=username,
        password=_password_source(table) if oauth2 is None else PasswordSource(),
        ca_file=_ca_file(table),
        auth=auth,
        oauth2=oauth2,
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
    # idle_minutes is at most 28: RFC 2177 lets a server drop an IDLE after 29 minutes.
    return Daemon(**_ints(table, DAEMON))


def _digest(table: Table) -> Digest:
    default = Digest()
    when = default.time
    if table.has("time"):
        parsed = _parse_hhmm(table.data["time"])
        if parsed is None:
            table.problem("time", f'must be a time "HH:MM", got {describe(table.data["time"])}')
        else:
            when = parsed
    channels = _channels(table)
    return Digest(
        day=table.get_choice("day", keys.DIGEST.key("day").choices, default.day),
        time=when,
        channels=default.channels if channels is None else channels,
    )


def _calendar(table: Table) -> Calendar:
    return Calendar(enabled=table.get_bool("enabled", Calendar().enabled),
                    path=_store_path(table))


def _drafts(table: Table) -> Drafts:
    return Drafts(enabled=table.get_bool("enabled", Drafts().enabled),
                  open_command=_argv(table, "open_command") if table.has("open_command")
                  else ())


def _ui(table: Table) -> Ui:
    if not table.has("language"):
        return Ui()
    return Ui(language=table.get_choice("language", keys.UI.key("language").choices, "en"))


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
