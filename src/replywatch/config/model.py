"""The config as typed data: named tuples with their defaults, and Security.

configschema.py builds them from a parsed file and config.py loads that file; code that
only reads settings needs nothing but these classes (all re-exported by config.py).

Named tuples, not frozen dataclasses: as immutable, and every command defines them
all at its start, where a frozen dataclass costs about three times as much (and
importing dataclasses, with inspect, more than all of them). Change one with
``settings._replace(field=value)``.
"""

from __future__ import annotations

from datetime import time
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from replywatch import i18n
from replywatch.core.policy import Policy as Policy  # noqa: PLC0414  (re-exported: [policy])


class Security(StrEnum):
    """How a connection to a server is protected."""

    TLS = "tls"
    STARTTLS = "starttls"
    PLAIN = "plain"


class PasswordSource(NamedTuple):
    """Exactly one way to get a password.

    ``kind`` is ``"keyring"`` (service ``replywatch``, user ``USERNAME@HOST``),
    ``"command"`` (``command`` is an argv list, run without a shell) or
    ``"credential"`` (``credential`` names a file in ``$CREDENTIALS_DIRECTORY``).
    """

    kind: str = "keyring"
    command: tuple[str, ...] = ()
    credential: str = ""


class Auth(StrEnum):
    """How replywatch signs in to a mail server."""

    PASSWORD = "password"  # noqa: S105 - the name of a sign-in method, not a password
    OAUTH2 = "oauth2"


PROVIDERS = ("google", "microsoft", "custom")


class OAuth2(NamedTuple):
    """OAuth2 sign-in settings of one server (``auth = "oauth2"``).

    Either ``token_command`` (an argv whose standard output is a current access
    token; nothing else is used then), or a ``provider`` with the user's own
    ``client_id``: "google" and "microsoft" know their endpoints and scopes,
    "custom" names them. ``client_secret`` is None for a public client, else a
    source of kind "command" or "keyring" (keyring user ``oauth2-client:CLIENT_ID``).
    ``scope`` is space-separated; "" means the provider's default.
    """

    provider: str = ""
    client_id: str = ""
    client_secret: PasswordSource | None = None
    authorization_url: str = ""
    token_url: str = ""
    device_url: str = ""
    scope: str = ""
    tenant: str = "common"  # Microsoft Entra ID: "common", "organizations" or a tenant id
    token_command: tuple[str, ...] = ()


class Account(NamedTuple):
    """One IMAP account to watch."""

    name: str
    host: str
    username: str
    port: int = 993
    security: Security = Security.TLS
    addresses: tuple[str, ...] = ()
    ca_file: Path | None = None
    lookback_days: int = 120
    password: PasswordSource = PasswordSource()
    auth: Auth = Auth.PASSWORD
    oauth2: OAuth2 | None = None  # set exactly when auth is OAUTH2
    drafts: bool | None = None  # follow-up drafts into Drafts; None: as [drafts] enabled


class EmailAlerts(NamedTuple):
    """SMTP settings for alerts sent as email."""

    host: str
    from_addr: str
    to: tuple[str, ...]
    port: int = 465
    security: Security = Security.TLS
    username: str = ""
    password: PasswordSource = PasswordSource()
    ca_file: Path | None = None
    auth: Auth = Auth.PASSWORD
    oauth2: OAuth2 | None = None  # set exactly when auth is OAUTH2


class CommandAlerts(NamedTuple):
    """Run ``argv`` with the alert as JSON on standard input."""

    argv: tuple[str, ...]


class Alerts(NamedTuple):
    """Where and when alerts go. ``quiet_hours`` is (start, end) or None when off."""

    channels: tuple[str, ...] = ("desktop",)
    quiet_hours: tuple[time, time] | None = (time(21, 0), time(8, 0))
    email: EmailAlerts | None = None
    command: CommandAlerts | None = None


class Daemon(NamedTuple):
    """Timing of the background service."""

    poll_minutes: int = 15
    idle_minutes: int = 20
    heartbeat_seconds: int = 120  # a silent IMAP connection is noticed within this


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EIGHT = time(8, 0)  # outside Digest, whose field `time` hides the type from mypy there


class Digest(NamedTuple):
    """The weekly digest: when, and on which channels (none: off)."""

    day: str = "monday"
    time: time = _EIGHT
    channels: tuple[str, ...] = ("email",)


class Calendar(NamedTuple):
    """The iCalendar feed the daemon rewrites after every pass."""

    enabled: bool = True
    path: Path | None = None  # None: next to the store, replywatch.ics


class Drafts(NamedTuple):
    """Follow-up drafts: put into each account's Drafts folder when due (``enabled``,
    the default of accounts that do not say), and the command that opens a draft's
    mailto: link from a notification (empty: ``xdg-open`` on PATH)."""

    enabled: bool = False
    open_command: tuple[str, ...] = ()


LANGUAGES = i18n.SUPPORTED


class Ui(NamedTuple):
    """How replywatch speaks to the user."""

    language: str | None = None  # "en", "nb"; None: the language of the environment's locale


class Config(NamedTuple):
    """The whole config file. ``path`` is where it was read from (None for defaults)."""

    accounts: tuple[Account, ...] = ()
    policy: Policy = Policy()
    alerts: Alerts = Alerts()
    daemon: Daemon = Daemon()
    digest: Digest = Digest()
    calendar: Calendar = Calendar()
    drafts: Drafts = Drafts()
    ui: Ui = Ui()
    store_path: Path | None = None  # None: $XDG_DATA_HOME/replywatch/replywatch.db
    path: Path | None = None

    def own_addresses(self) -> set[str]:
        """Return the user's own addresses over all accounts (usernames that are ones too)."""
        own = {a.lower() for acct in self.accounts for a in acct.addresses}
        own |= {acct.username.lower() for acct in self.accounts if "@" in acct.username}
        return own

    def drafts_on(self, account: Account) -> bool:
        """Return True when follow-up drafts go into ``account``'s Drafts folder."""
        return self.drafts.enabled if account.drafts is None else account.drafts


CHANNELS = ("desktop", "email", "command", "console")
