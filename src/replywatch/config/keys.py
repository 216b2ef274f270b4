"""Every config key, declared once: its section, type, bounds, default and documentation.

This is the one source of the config's facts. ``schema.py`` validates a file with it
(the keys allowed in each table, their types and bounds), ``generate.py`` writes the
starter file of ``replywatch init``, ``config.example.toml`` and the README's key
reference from it. Defaults are not repeated here: they are read from the typed
settings in ``model.py`` (and ``core.policy``), which the rest of replywatch uses.

To add a key: add the field to the settings class, a ``Key`` to its ``Section``
below, and read it in ``schema.py``; then ``python -m replywatch.config.generate``
rewrites config.example.toml and the README's reference (a test fails until the
committed files match what it makes).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, NamedTuple

from replywatch.config.model import (
    LANGUAGES,
    PROVIDERS,
    WEEKDAYS,
    Account,
    Alerts,
    Auth,
    Daemon,
    Digest,
    Drafts,
    EmailAlerts,
)
from replywatch.core.policy import Policy


class Kind(StrEnum):
    """The type of a key's value, as the user writes it in TOML."""

    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    ARGV = "argv"  # a non-empty array of strings, run without a shell
    ADDRESS = "address"
    ADDRESSES = "addresses"  # an address or an array of them
    PATH = "path"
    TIMEZONE = "timezone"
    TIMES = "times"  # ["HH:MM", "HH:MM"] or []
    TIME = "time"  # "HH:MM"
    CHANNELS = "channels"


REQUIRED = object()  # marks a key without a default
UNSET = object()  # marks a key whose absence means "not used" (ca_file, path)


class Key(NamedTuple):
    """One key of a section.

    ``doc`` is the full explanation for the example file (sentences); ``short`` the
    few words of the starter file's comment. ``example`` is the value the example
    file shows (the default when ``None``); ``commented`` shows it as a comment.
    ``low``/``high`` bound integers; ``choices`` lists a choice's values.
    ``default_text`` describes a default that is not one value (a port that
    depends on ``security``).
    """

    name: str
    kind: Kind
    doc: str
    short: str
    default: object = REQUIRED
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()
    example: object = None
    commented: bool = False
    default_text: str = ""


class Section(NamedTuple):
    """One table of the file: ``[name]``, or ``[[name]]`` when ``array``.

    ``optional`` sections are shown commented in the starter file, and only
    needed for the feature they configure; ``trailer`` is text the example file
    adds after the section's keys (a second account, say).
    """

    name: str
    title: str
    doc: str
    keys: tuple[Key, ...]
    array: bool = False
    optional: bool = False
    trailer: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Return the key names allowed in this section."""
        return tuple(key.name for key in self.keys)

    def key(self, name: str) -> Key:
        """Return the key called ``name``. Raise KeyError if the section has none."""
        for key in self.keys:
            if key.name == name:
                return key
        raise KeyError(name)


def _default(cls: Any, name: str) -> object:
    """Return the default of the field ``name`` of ``cls``, a settings class of model.py
    (a named tuple): the one place every default lives. Raise KeyError if it has no
    such field."""
    if name not in cls._fields:
        raise KeyError(f"{cls.__name__}.{name}")
    return cls._field_defaults.get(name, REQUIRED)


SECURITY_CHOICES = ("tls", "starttls", "plain")
MAX_DAYS = 3650  # a typo like 70000 is caught here, not as an OverflowError weeks later

_SOURCES_DOC = (
    "At most one password source. With none of them, the system keyring is used "
    '(service "replywatch", user = username@host).'
)


def _password_keys(owner: str) -> tuple[Key, ...]:
    return (
        Key("password_keyring", Kind.BOOLEAN,
            f"{_SOURCES_DOC} password_keyring = true reads it from the system keyring; "
            "put it there with `keyring set replywatch USERNAME@HOST`.",
            "read the password from the system keyring (the default)",
            default=True, commented=True),
        Key("password_command", Kind.ARGV,
            "Run this command (an argv list, without a shell) and use the first line it "
            "prints as the password.",
            "run without a shell; its first line is the password",
            default=UNSET, example=["pass", "show", f"mail/{owner}"]),
        Key("password_credential", Kind.STRING,
            "Read the systemd credential of this name from $CREDENTIALS_DIRECTORY (see "
            "LoadCredential= in systemd.exec(5)); a name, no '/'.",
            "a systemd credential (LoadCredential=)",
            default=UNSET, example="replywatch-imap", commented=True),
    )


def oauth2_keys(example_user: str) -> tuple[Key, ...]:
    """Return the keys of an OAuth2 sign-in (config/oauthschema.py reads them)."""
    only = 'With auth = "oauth2": '
    return (
        Key("auth", Kind.CHOICE, 'How replywatch signs in: "password" (a password source '
            'above) or "oauth2" (Gmail, Outlook and others, without an app password: sign in '
            "once with `replywatch login NAME`, which keeps the refresh token in the system "
            "keyring, user oauth2:USERNAME@HOST). With \"oauth2\" no password key may be "
            "given.", '"password", or "oauth2" (then `replywatch login`)',
            default=Auth.PASSWORD.value, choices=tuple(a.value for a in Auth)),
        Key("provider", Kind.CHOICE, only + '"google", "microsoft", or "custom" with the '
            "endpoints below. Required unless oauth2_token_command is given.",
            '"google", "microsoft" or "custom"', default=UNSET, choices=PROVIDERS,
            example="google", commented=True),
        Key("client_id", Kind.STRING, only + "the id of your own OAuth client (the README "
            "says how to create one for Gmail and for Microsoft Entra ID). Required with a "
            "provider.", "your own OAuth client's id", default=UNSET,
            example="1234-abc.apps.googleusercontent.com", commented=True),
        Key("client_secret_command", Kind.ARGV, only + "run this command (without a shell) "
            "for the OAuth client's secret, if it has one (Google's Desktop app clients "
            "do; Microsoft's public clients do not).", "prints the client's secret, if any",
            default=UNSET, example=["pass", "show", "oauth/replywatch-client"], commented=True),
        Key("client_secret_keyring", Kind.BOOLEAN, only + "read the client's secret from the "
            "system keyring instead (user oauth2-client:CLIENT_ID). At most one of the two.",
            "or: keyring set replywatch oauth2-client:ID", default=False, commented=True),
        Key("scope", Kind.STRING, only + "the scopes to ask for, space-separated. Default: "
            "the provider's mail scope (Google: https://mail.google.com/; Microsoft: "
            "IMAP.AccessAsUser.All, SMTP.Send and offline_access on "
            'https://outlook.office.com/). Required with "custom".',
            "default: the provider's mail scope", default=UNSET,
            example="https://mail.google.com/", commented=True,
            default_text="the provider's mail scope"),
        Key("tenant", Kind.STRING, 'provider = "microsoft" only: "common" (personal and work '
            "accounts), or the tenant id or domain of an app registered for one "
            "organisation.", 'microsoft only: "common" or a tenant id',
            default="common", commented=True),
        Key("authorization_url", Kind.STRING, 'provider = "custom" only: the authorization '
            "endpoint (https; http only on 127.0.0.1, ::1 or localhost). Required then.",
            "custom only: the authorization endpoint", default=UNSET,
            example="https://id.example.com/authorize", commented=True),
        Key("token_url", Kind.STRING, 'provider = "custom" only: the token endpoint (https; '
            "http only on loopback). Required then.", "custom only: the token endpoint",
            default=UNSET, example="https://id.example.com/token", commented=True),
        Key("device_url", Kind.STRING, 'provider = "custom" only, optional: the device '
            "authorization endpoint (RFC 8628), for `replywatch login --device`.",
            "custom only: the device endpoint", default=UNSET,
            example="https://id.example.com/device", commented=True),
        Key("oauth2_token_command", Kind.ARGV, only + "instead of all the keys above, a "
            "command of yours (a token helper such as oama or mutt_oauth2.py) whose first "
            "line of output is a current access token; run for every login.",
            "instead: your token helper's command", default=UNSET,
            example=["oama", "access", example_user], commented=True),
    )


def _ca_file_key() -> Key:
    return Key("ca_file", Kind.PATH,
               "A CA certificate file (PEM) to trust instead of the system's CAs, for a "
               'server with a certificate from your own CA. "~" is expanded; the file '
               "must exist. Default: the system's trusted CAs.",
               "trust this CA file instead of the system's CAs",
               default=UNSET, example="~/.config/replywatch/my-ca.pem", commented=True)


def _security_key(ports: str) -> Key:
    return Key("security", Kind.CHOICE,
               'How the connection is protected: "tls" (TLS from the first byte), '
               '"starttls" (a plain connection upgraded with STARTTLS) or "plain" (no '
               "encryption at all -- only for a server on localhost).",
               '"tls", "starttls", or "plain" (no encryption)',
               default="tls", choices=SECURITY_CHOICES, default_text=f'"tls"{ports}')


def _days_key(name: str, doc: str, short: str) -> Key:
    return Key(name, Kind.INTEGER, doc, short, default=_default(Policy, name),
               low=1, high=MAX_DAYS)


ACCOUNTS = Section(
    "accounts", "one section per IMAP mailbox to watch",
    "Repeat the section for more mailboxes. replywatch only reads: folders are "
    "opened read-only and no message is ever marked as read; the one exception is "
    "the follow-up drafts you turn on with `drafts`.",
    (
        Key("name", Kind.STRING, "A short name for this account, shown in alerts and used "
            "on the command line. Unique among accounts.",
            "a short name, unique among accounts", example="gmail"),
        Key("host", Kind.STRING, "The IMAP server.", "the IMAP server",
            example="imap.gmail.com"),
        _security_key(""),
        Key("port", Kind.INTEGER, "The server's port.",
            'default 993 for "tls", 143 for "starttls"/"plain"',
            default=993, low=1, high=65535,
            default_text='993 for "tls", 143 for "starttls" and "plain"'),
        Key("username", Kind.STRING, "The login name. When it is an email address, it is "
            "also taken as one of your own addresses.", "the login name",
            example="jane.doe@gmail.com"),
        Key("addresses", Kind.ADDRESSES, "Your own email addresses, so that replywatch can "
            "tell your messages from theirs: aliases, an old address you still receive "
            "mail at. The username is added when it is an address. Stored lower-cased.",
            "your own addresses; username is added if it is one",
            default=_default(Account, "addresses"),
            example=["jane.doe@gmail.com", "jane@janedoe.dev"]),
        Key("lookback_days", Kind.INTEGER, "How many days back the first scan reads; later "
            "scans read only new mail.", "how far back the first scan reads",
            default=_default(Account, "lookback_days"), low=1, high=MAX_DAYS),
        *_password_keys("gmail-app-password"),
        *oauth2_keys("jane.doe@gmail.com"),
        _ca_file_key(),
        Key("drafts", Kind.BOOLEAN, "Put a follow-up draft into this account's Drafts folder "
            "(found by its \\Drafts attribute) when a thank-you note or a follow-up falls "
            "due: a reply in the thread, in your language, with prompts to fill in. It is "
            "never sent; the only change replywatch ever makes to a mailbox is this one "
            "APPEND. Default: [drafts] enabled.", "follow-up drafts into Drafts; default "
            "[drafts] enabled", default=UNSET, example=True, commented=True,
            default_text="[drafts] enabled"),
    ),
    array=True,
    trailer="""\
# An Outlook.com / Microsoft 365 mailbox signing in with OAuth2 (see the README
# for the app registration), then `replywatch login outlook` -- remove the #
# signs to use it.
# [[accounts]]
# name = "outlook"
# host = "outlook.office365.com"
# username = "jane.doe@outlook.com"
# auth = "oauth2"
# provider = "microsoft"
# client_id = "00000000-0000-0000-0000-000000000000"

# A second, self-hosted mailbox -- remove the # signs to use it.
# [[accounts]]
# name = "work"
# host = "mail.janedoe.dev"
# security = "starttls"
# port = 143
# username = "jane"
# addresses = ["jane@janedoe.dev"]
# password_credential = "replywatch-work"
""",
)

POLICY = Section(
    "policy", "the follow-up cadence",
    "The defaults follow what recruiters advise: a thank-you note within a day of an "
    "interview, then up to three follow-ups over two weeks, then move on.",
    (
        _days_key("follow_up_after_days", "Days of silence after you applied before the "
                  "first follow-up is due.", "silence after applying before a follow-up"),
        _days_key("follow_up_after_interview_days", "Days of silence after an interview "
                  "before the first follow-up is due.",
                  "silence after an interview before a follow-up"),
        Key("thank_you_after_hours", Kind.NUMBER, "Hours after an interview ends until the "
            "thank-you note reminder, if you have not written to them since. Greater "
            "than 0.", "remind of a thank-you note this long after",
            default=_default(Policy, "thank_you_after_hours")),
        Key("thank_you_overdue_hours", Kind.NUMBER, "Hours after an interview ends when the "
            "thank-you note is called overdue. Greater than thank_you_after_hours.",
            "... and call it overdue after this long",
            default=_default(Policy, "thank_you_overdue_hours")),
        Key("max_follow_ups", Kind.INTEGER, "At most this many follow-ups per application; "
            "0 means no follow-up reminders at all.", "at most this many follow-ups ...",
            default=_default(Policy, "max_follow_ups"), low=0, high=10),
        _days_key("follow_up_window_days", "... sent within this many days, counted from "
                  "the first follow-up.", "... within this window from the first one"),
        _days_key("follow_up_spacing_days", "Days between two follow-ups.",
                  "days between follow-ups"),
        _days_key("ghosted_after_days", "Days of silence after the last follow-up that "
                  "mark an application ghosted.", "silence after the last one: ghosted"),
        Key("business_days", Kind.BOOLEAN, "Count only business days (Monday to Friday) in "
            "all the day counts above.", "count only Monday to Friday",
            default=_default(Policy, "business_days")),
        Key("timezone", Kind.TIMEZONE, "The time zone that days and quiet hours are counted "
            'in: an IANA name such as "Europe/Oslo" or "America/New_York"; "" is the '
            "system's time zone.", 'IANA name like "Europe/Oslo"; "" = the system\'s',
            default=_default(Policy, "timezone")),
    ),
)

ALERTS = Section(
    "alerts", "how and when you are told", "",
    (
        Key("channels", Kind.CHANNELS, 'Where alerts go, any of: "desktop" (a desktop '
            'notification over D-Bus), "email" (an email to yourself; needs [alerts.email]), '
            '"command" (run a program of yours; needs [alerts.command]), "console" (print '
            "to standard output: the journal, under systemd). No duplicates.",
            'any of "desktop", "email", "command", "console"',
            default=list(Alerts().channels)),
        Key("quiet_hours", Kind.TIMES, 'Quiet hours: ["start", "end"] as "HH:MM" in the '
            "time zone above; start and end differ, and the span may cross midnight. "
            "Follow-up reminders wait until the end; a reply from a company is shown at "
            "once. [] turns quiet hours off.",
            "follow-up reminders wait; [] turns this off",
            default=[f"{t:%H:%M}" for t in Alerts().quiet_hours or ()]),
    ),
)

ALERTS_EMAIL = Section(
    "alerts.email", "alerts as email",
    'Used when channels includes "email"; a section that is present but not in '
    "channels is ignored.",
    (
        Key("host", Kind.STRING, "The SMTP server.", "the SMTP server",
            example="smtp.gmail.com"),
        _security_key(""),
        Key("port", Kind.INTEGER, "The port.", 'default 465 "tls", 587 "starttls", 25 "plain"',
            default=465, low=1, high=65535,
            default_text='465 for "tls", 587 for "starttls", 25 for "plain"'),
        Key("username", Kind.STRING, 'The SMTP login name; "" sends without logging in (a '
            "local relay).", 'SMTP login; "" sends without logging in',
            default=_default(EmailAlerts, "username"), example="jane.doe@gmail.com"),
        *_password_keys("gmail-app-password"),
        *oauth2_keys("jane.doe@gmail.com"),
        _ca_file_key(),
        Key("from", Kind.ADDRESS, "The sender address of alert emails.",
            "the sender address", example="jane.doe@gmail.com"),
        Key("to", Kind.ADDRESSES, "Who gets alert emails: one address, or a list.",
            "an address or a list of addresses", example="jane.doe@gmail.com"),
    ),
    optional=True,
)

ALERTS_COMMAND = Section(
    "alerts.command", "alerts to a program of yours",
    'Used when channels includes "command": the program is run without a shell, with '
    "the alert as JSON on standard input.",
    (
        Key("argv", Kind.ARGV, "The command line, as a non-empty list of strings.",
            "run without a shell; the alert as JSON on stdin",
            example=["/home/jane/bin/replywatch-to-phone", "--quiet"]),
    ),
    optional=True,
)

DAEMON = Section(
    "daemon", "timing of the background service", "",
    (
        Key("poll_minutes", Kind.INTEGER, "Check mailboxes this often, in minutes, where "
            "the server cannot push new mail (IMAP IDLE).", "look for new mail this often",
            default=_default(Daemon, "poll_minutes"), low=1, high=1440),
        Key("idle_minutes", Kind.INTEGER, "Re-issue IMAP IDLE this often, in minutes; "
            "servers may drop an idle connection after 29 minutes (RFC 2177).",
            "re-issue IMAP IDLE this often",
            default=_default(Daemon, "idle_minutes"), low=1, high=28),
        Key("heartbeat_seconds", Kind.INTEGER, "Notice a connection that went silent (a "
            "dropped network, a dead NAT entry) within this many seconds: IMAP IDLE is "
            "ended and answered this often, and a round trip that takes longer counts as "
            "a dead connection.", "notice a silent connection within this",
            default=_default(Daemon, "heartbeat_seconds"), low=2, high=600),
    ),
)

DIGEST = Section(
    "digest", "a weekly summary of the search",
    "The week's numbers, what is due this week and the applications that went quiet, "
    "once a week (however often the service restarts); the email carries the HTML "
    "report as an attachment.",
    (
        Key("day", Kind.CHOICE, "The day the digest comes.", "the day it comes",
            default=Digest().day, choices=WEEKDAYS),
        Key("time", Kind.TIME, 'The time it comes, "HH:MM" in the time zone of [policy].',
            "the time it comes", default=f"{Digest().time:%H:%M}"),
        Key("channels", Kind.CHANNELS, "Where it goes: any of the alert channels that are "
            "set up in [alerts]; [] turns the digest off.", "where it goes; [] is off",
            default=list(Digest().channels)),
    ),
)

CALENDAR = Section(
    "calendar", "a calendar feed of the search",
    "An iCalendar file with each interview and each due thank-you note and follow-up, "
    "rewritten by the service after every pass: subscribe to it in Thunderbird, GNOME "
    "Calendar or any client that reads a local .ics file. `replywatch ics` prints it.",
    (
        Key("enabled", Kind.BOOLEAN, "Whether the service keeps the file.",
            "keep the feed file", default=True),
        Key("path", Kind.PATH, 'Where the file is kept: an absolute path once "~" and '
            "$VARIABLES are expanded.", "~ and $VARS are expanded",
            default=UNSET, example="~/.local/share/replywatch/replywatch.ics", commented=True,
            default_text="replywatch.ics next to the store "
                         "(~/.local/share/replywatch/replywatch.ics)"),
    ),
)

DRAFTS = Section(
    "drafts", "follow-up drafts in the thread",
    "When a thank-you note or a follow-up falls due, replywatch can write the reply "
    "for you to finish: one draft per due action in the account's Drafts folder, "
    "threaded to the last message, never sent. `replywatch draft ID` prints the "
    "same draft whether this is on or not.",
    (
        Key("enabled", Kind.BOOLEAN, "Put drafts into the Drafts folder of every account "
            "that does not say otherwise with its own `drafts` key.",
            "drafts for accounts without their own `drafts` key",
            default=_default(Drafts, "enabled")),
        Key("open_command", Kind.ARGV, "The program that opens a draft's mailto: link in "
            "your mail client when you click \"Write follow-up\" on a notification, run "
            "without a shell with the link as its last argument. Default: xdg-open, "
            "found on PATH.", "opens the mailto: link; default xdg-open",
            default=UNSET, example=["xdg-open"], commented=True, default_text='["xdg-open"]'),
    ),
)

UI = Section(
    "ui", "how replywatch speaks to you",
    "Every alert, the command line's output and the drafts are written in one language.",
    (
        Key("language", Kind.CHOICE, 'The language: "en" (English) or "nb" (Norwegian '
            "Bokmål). Without it, your locale decides (LANGUAGE, LC_ALL, LC_MESSAGES, "
            "LANG): nb_NO, no_NO and nn_NO read Norwegian, anything else English.",
            '"en" or "nb"; default: your locale', default=UNSET, choices=LANGUAGES,
            example="nb", commented=True, default_text="the language of your locale"),
    ),
)

STORE = Section(
    "store", "where replywatch keeps its state",
    "Applications, messages seen and alerts sent live in one SQLite file.",
    (
        Key("path", Kind.PATH, 'The database file: an absolute path once "~" and '
            "$VARIABLES are expanded.", "~ and $VARS are expanded",
            default=UNSET, example="~/.local/share/replywatch/replywatch.db", commented=True,
            default_text="$XDG_DATA_HOME/replywatch/replywatch.db "
                         "(~/.local/share/replywatch/replywatch.db)"),
    ),
)

SECTIONS: tuple[Section, ...] = (ACCOUNTS, POLICY, ALERTS, ALERTS_EMAIL, ALERTS_COMMAND,
                                 DAEMON, DIGEST, CALENDAR, DRAFTS, UI, STORE)
ROOT_KEYS = ("accounts", "policy", "alerts", "daemon", "digest", "calendar", "drafts", "ui",
             "store")
