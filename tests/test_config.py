"""The config loader: defaults, every validation rule with its FILE:LINE: key message,
where config files live, and the starter and example configs."""

from __future__ import annotations

import stat
from datetime import time
from pathlib import Path
from textwrap import dedent

import pytest

from replywatch.config import (
    Account,
    Alerts,
    CommandAlerts,
    Config,
    Daemon,
    EmailAlerts,
    PasswordSource,
    Policy,
    Security,
    default_store_path,
    load_config,
    resolve_config_path,
    write_starter_config,
)
from replywatch.config.generate import example_toml, reference_markdown, starter_toml
from replywatch.config.keys import SECTIONS, Key, Section
from replywatch.config.tomlpos import KeyLines
from replywatch.errors import ConfigError, UserError

EXAMPLE = Path(__file__).parents[1] / "config.example.toml"

# Line 1 is [[accounts]]; a test appends its own keys from line 5 on.
ACCOUNT = """\
[[accounts]]
name = "gmail"
host = "imap.gmail.com"
username = "jane@gmail.com"
"""

# Line 1 is [alerts]; a test appends its own keys from line 7 on.
EMAIL = """\
[alerts]
channels = ["email"]
[alerts.email]
host = "smtp.gmail.com"
from = "jane@gmail.com"
to = "jane@gmail.com"
"""


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Messages name the file as given, so a relative "config.toml" keeps them short.
    monkeypatch.chdir(tmp_path)


def load(text: str) -> Config:
    path = Path("config.toml")
    path.write_text(dedent(text), encoding="utf-8")
    return load_config(path)


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load(text)
    return caught.value.problems


def account(text: str) -> Account:
    return load(ACCOUNT + text).accounts[0]


def email(text: str) -> EmailAlerts:
    alerts_email = load(EMAIL + text).alerts.email
    assert alerts_email is not None
    return alerts_email


# -- defaults -------------------------------------------------------------------


def test_load_config_empty_file_returns_all_defaults() -> None:
    assert Config(path=Path("config.toml")) == load("")


def test_load_config_empty_sections_return_all_defaults() -> None:
    text = "[policy]\n[alerts]\n[daemon]\n[store]\n"
    assert Config(path=Path("config.toml")) == load(text)


def test_config_defaults_are_those_of_the_design() -> None:
    expected = Config(
        accounts=(),
        policy=Policy(
            follow_up_after_days=7,
            follow_up_after_interview_days=5,
            thank_you_after_hours=2,
            thank_you_overdue_hours=24,
            max_follow_ups=3,
            follow_up_window_days=14,
            follow_up_spacing_days=4,
            ghosted_after_days=7,
            business_days=False,
            timezone="",
        ),
        alerts=Alerts(channels=("desktop",), quiet_hours=(time(21, 0), time(8, 0))),
        daemon=Daemon(poll_minutes=15, idle_minutes=20),
        store_path=None,
    )
    assert expected == Config()


def test_load_config_minimal_account_gets_defaults() -> None:
    expected = Account(
        name="gmail",
        host="imap.gmail.com",
        username="jane@gmail.com",
        port=993,
        security=Security.TLS,
        addresses=("jane@gmail.com",),
        ca_file=None,
        lookback_days=120,
        password=PasswordSource(kind="keyring"),
    )
    assert expected == account("")


def test_load_config_minimal_email_alerts_get_defaults() -> None:
    expected = EmailAlerts(
        host="smtp.gmail.com",
        from_addr="jane@gmail.com",
        to=("jane@gmail.com",),
        port=465,
        security=Security.TLS,
        username="",
        password=PasswordSource(kind="keyring"),
        ca_file=None,
    )
    assert expected == email("")


def test_load_config_every_policy_key_is_read() -> None:
    text = """\
        [policy]
        follow_up_after_days = 10
        follow_up_after_interview_days = 3
        thank_you_after_hours = 1.5
        thank_you_overdue_hours = 12
        max_follow_ups = 0
        follow_up_window_days = 21
        follow_up_spacing_days = 5
        ghosted_after_days = 30
        business_days = true
        timezone = "Europe/Oslo"
    """
    expected = Policy(10, 3, 1.5, 12, 0, 21, 5, 30, True, "Europe/Oslo")
    assert expected == load(text).policy


def test_load_config_path_is_the_file_read() -> None:
    assert Path("config.toml") == load("").path


# -- accounts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("security", "port"),
    [("tls", 993), ("starttls", 143), ("plain", 143)],
)
def test_load_config_account_without_port_gets_port_of_its_security(
    security: str, port: int
) -> None:
    assert port == account(f'security = "{security}"\n').port


def test_load_config_account_port_out_of_range_is_reported() -> None:
    expected = ["config.toml:5: accounts[0].port: must be 1-65535, got 99999"]
    assert expected == problems(ACCOUNT + "port = 99999\n")


def test_load_config_account_port_zero_is_reported() -> None:
    expected = ["config.toml:5: accounts[0].port: must be 1-65535, got 0"]
    assert expected == problems(ACCOUNT + "port = 0\n")


def test_load_config_unknown_security_is_reported() -> None:
    expected = [
        'config.toml:5: accounts[0].security: must be one of "tls", "starttls", "plain", got "ssl"'
    ]
    assert expected == problems(ACCOUNT + 'security = "ssl"\n')


def test_load_config_missing_required_keys_are_reported_at_the_header() -> None:
    text = '\n[[accounts]]\nusername = "jane"\n'
    expected = [
        "config.toml:2: accounts[0].name: required key missing",
        "config.toml:2: accounts[0].host: required key missing",
    ]
    assert expected == problems(text)


def test_load_config_empty_host_is_reported() -> None:
    text = '[[accounts]]\nname = "a"\nhost = " "\nusername = "jane"\n'
    assert ["config.toml:3: accounts[0].host: must not be empty"] == problems(text)


def test_load_config_duplicate_account_name_is_reported() -> None:
    expected = ['config.toml:6: accounts[1].name: duplicate account name "gmail" (see accounts[0])']
    assert expected == problems(ACCOUNT + ACCOUNT)


def test_load_config_username_is_added_first_to_addresses() -> None:
    addresses = account('addresses = ["jane@work.example"]\n').addresses
    assert ("jane@gmail.com", "jane@work.example") == addresses


def test_load_config_username_already_listed_is_not_added_twice() -> None:
    addresses = account('addresses = ["Jane@Work.example", "JANE@gmail.com"]\n').addresses
    assert ("jane@work.example", "jane@gmail.com") == addresses


def test_load_config_username_that_is_no_address_is_not_added() -> None:
    text = '[[accounts]]\nname = "a"\nhost = "h"\nusername = "jane"\n'
    assert () == load(text).accounts[0].addresses


def test_load_config_invalid_address_is_reported_at_its_own_line() -> None:
    text = ACCOUNT + 'addresses = [\n  "jane@work.example",\n  "jane",\n]\n'
    expected = [
        "config.toml:7: accounts[0].addresses[1]: must be an email address (local@domain), "
        'got "jane"'
    ]
    assert expected == problems(text)


def test_load_config_addresses_as_a_string_is_a_type_error() -> None:
    expected = [
        'config.toml:5: accounts[0].addresses: must be an array, got the string "jane@work.example"'
    ]
    assert expected == problems(ACCOUNT + 'addresses = "jane@work.example"\n')


def test_load_config_ca_file_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "ca.pem").write_text("not really a certificate")
    assert tmp_path / "ca.pem" == account('ca_file = "~/ca.pem"\n').ca_file


def test_load_config_missing_ca_file_is_reported() -> None:
    expected = ["config.toml:5: accounts[0].ca_file: no such file: nowhere/ca.pem"]
    assert expected == problems(ACCOUNT + 'ca_file = "nowhere/ca.pem"\n')


def test_load_config_ca_file_that_is_a_directory_is_reported() -> None:
    expected = ["config.toml:5: accounts[0].ca_file: not a file: ."]
    assert expected == problems(ACCOUNT + 'ca_file = "."\n')


@pytest.mark.parametrize("days", [0, 3651])
def test_load_config_lookback_days_out_of_range_is_reported(days: int) -> None:
    expected = [f"config.toml:5: accounts[0].lookback_days: must be 1-3650, got {days}"]
    assert expected == problems(ACCOUNT + f"lookback_days = {days}\n")


def test_load_config_bool_port_is_not_an_int() -> None:
    expected = ["config.toml:5: accounts[0].port: must be an integer, got the boolean true"]
    assert expected == problems(ACCOUNT + "port = true\n")


def test_load_config_string_port_is_a_type_error() -> None:
    expected = ['config.toml:5: accounts[0].port: must be an integer, got the string "993"']
    assert expected == problems(ACCOUNT + 'port = "993"\n')


def test_load_config_accounts_as_a_single_table_is_a_type_error() -> None:
    text = '[accounts]\nname = "gmail"\n'
    expected = ["config.toml:1: accounts: must be an array of tables ([[accounts]]), got a table"]
    assert expected == problems(text)


def test_load_config_accounts_as_inline_tables_are_located() -> None:
    text = """\
        accounts = [
          {name = "a", host = "h", username = "u"},
          {name = "b", port = 0},
        ]
    """
    expected = [
        "config.toml:3: accounts[1].host: required key missing",
        "config.toml:3: accounts[1].username: required key missing",
        "config.toml:3: accounts[1].port: must be 1-65535, got 0",
    ]
    assert expected == problems(text)


# -- password sources -------------------------------------------------------------


def test_load_config_password_command_is_an_argv_tuple() -> None:
    password = account('password_command = ["pass", "show", "mail/gmail"]\n').password
    assert PasswordSource(kind="command", command=("pass", "show", "mail/gmail")) == password


def test_load_config_password_credential_is_read() -> None:
    password = account('password_credential = "imap-password"\n').password
    assert PasswordSource(kind="credential", credential="imap-password") == password


def test_load_config_password_keyring_false_with_command_uses_command() -> None:
    password = account('password_keyring = false\npassword_command = ["pass"]\n').password
    assert PasswordSource(kind="command", command=("pass",)) == password


def test_load_config_two_password_sources_are_reported() -> None:
    text = ACCOUNT + 'password_command = ["pass"]\npassword_credential = "imap"\n'
    expected = [
        "config.toml:6: accounts[0].password_credential: conflicts with password_command; "
        "give at most one password source"
    ]
    assert expected == problems(text)


def test_load_config_keyring_true_with_command_is_two_sources() -> None:
    text = ACCOUNT + 'password_keyring = true\npassword_command = ["pass"]\n'
    expected = [
        "config.toml:5: accounts[0].password_keyring: conflicts with password_command; "
        "give at most one password source"
    ]
    assert expected == problems(text)


def test_load_config_password_keyring_false_alone_is_reported() -> None:
    expected = [
        "config.toml:5: accounts[0].password_keyring: is false, so password_command or "
        "password_credential is required"
    ]
    assert expected == problems(ACCOUNT + "password_keyring = false\n")


def test_load_config_empty_password_command_is_reported() -> None:
    expected = [
        "config.toml:5: accounts[0].password_command: must be a non-empty array of strings, got []"
    ]
    assert expected == problems(ACCOUNT + "password_command = []\n")


def test_load_config_password_command_as_a_string_is_a_type_error() -> None:
    expected = [
        'config.toml:5: accounts[0].password_command: must be an array, got the string "pass show"'
    ]
    assert expected == problems(ACCOUNT + 'password_command = "pass show"\n')


def test_load_config_password_command_with_a_number_is_reported() -> None:
    expected = [
        "config.toml:5: accounts[0].password_command[1]: must be a string, got the number 3"
    ]
    assert expected == problems(ACCOUNT + 'password_command = ["pass", 3]\n')


def test_load_config_credential_name_with_slash_is_reported() -> None:
    expected = [
        "config.toml:5: accounts[0].password_credential: must be a credential name without '/', "
        'got "../secret"'
    ]
    assert expected == problems(ACCOUNT + 'password_credential = "../secret"\n')


def test_load_config_plain_text_password_key_is_reported_with_hint() -> None:
    expected = [
        "config.toml:5: accounts[0].password: unknown key 'password'; a plain-text password is "
        "not supported: use password_keyring, password_command or password_credential"
    ]
    assert expected == problems(ACCOUNT + 'password = "hunter2"\n')


# -- policy -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        "follow_up_after_days",
        "follow_up_after_interview_days",
        "follow_up_window_days",
        "follow_up_spacing_days",
        "ghosted_after_days",
    ],
)
def test_load_config_day_count_below_one_is_reported(key: str) -> None:
    expected = [f"config.toml:2: policy.{key}: must be 1-3650, got 0"]
    assert expected == problems(f"[policy]\n{key} = 0\n")


def test_load_config_max_follow_ups_above_ten_is_reported() -> None:
    expected = ["config.toml:2: policy.max_follow_ups: must be 0-10, got 11"]
    assert expected == problems("[policy]\nmax_follow_ups = 11\n")


def test_load_config_zero_thank_you_hours_is_reported() -> None:
    expected = ["config.toml:2: policy.thank_you_after_hours: must be greater than 0, got 0"]
    assert expected == problems("[policy]\nthank_you_after_hours = 0\n")


def test_load_config_infinite_thank_you_hours_is_reported() -> None:
    expected = ["config.toml:2: policy.thank_you_overdue_hours: must be greater than 0, got inf"]
    assert expected == problems("[policy]\nthank_you_overdue_hours = inf\n")


def test_load_config_overdue_not_after_thank_you_is_reported() -> None:
    text = "[policy]\nthank_you_after_hours = 4\nthank_you_overdue_hours = 3.5\n"
    expected = [
        "config.toml:3: policy.thank_you_overdue_hours: must be greater than "
        "thank_you_after_hours (4), got 3.5"
    ]
    assert expected == problems(text)


def test_load_config_thank_you_after_default_overdue_is_reported_at_its_line() -> None:
    text = "[policy]\n\nthank_you_after_hours = 30\n"
    expected = [
        "config.toml:3: policy.thank_you_overdue_hours: must be greater than "
        "thank_you_after_hours (30), got 24"
    ]
    assert expected == problems(text)


def test_load_config_business_days_string_is_a_type_error() -> None:
    expected = ['config.toml:2: policy.business_days: must be true or false, got the string "yes"']
    assert expected == problems('[policy]\nbusiness_days = "yes"\n')


def test_load_config_unknown_timezone_is_reported_with_suggestion() -> None:
    expected = [
        'config.toml:2: policy.timezone: unknown time zone "Europe/Olso"; '
        'did you mean "Europe/Oslo"?'
    ]
    assert expected == problems('[policy]\ntimezone = "Europe/Olso"\n')


def test_load_config_dotted_key_problem_is_located() -> None:
    text = "# policy\n\npolicy.max_follow_ups = 11\n"
    assert ["config.toml:3: policy.max_follow_ups: must be 0-10, got 11"] == problems(text)


# -- alerts -----------------------------------------------------------------------


def test_load_config_quiet_hours_empty_turns_them_off() -> None:
    assert load("[alerts]\nquiet_hours = []\n").alerts.quiet_hours is None


def test_load_config_quiet_hours_are_read_as_times() -> None:
    quiet = load('[alerts]\nquiet_hours = ["22:30", "7:00"]\n').alerts.quiet_hours
    assert (time(22, 30), time(7, 0)) == quiet


def test_load_config_quiet_hours_with_one_time_is_reported() -> None:
    expected = [
        'config.toml:2: alerts.quiet_hours: must be [] or two "HH:MM" times [start, end], '
        "got 1 items"
    ]
    assert expected == problems('[alerts]\nquiet_hours = ["21:00"]\n')


def test_load_config_quiet_hours_bad_time_is_reported() -> None:
    expected = [
        'config.toml:2: alerts.quiet_hours[1]: must be a time "HH:MM", got the string "8am"'
    ]
    assert expected == problems('[alerts]\nquiet_hours = ["21:00", "8am"]\n')


def test_load_config_quiet_hours_equal_start_and_end_is_reported() -> None:
    expected = ["config.toml:2: alerts.quiet_hours: start and end must differ, got 08:00 twice"]
    assert expected == problems('[alerts]\nquiet_hours = ["08:00", "8:00"]\n')


def test_load_config_unknown_channel_is_reported_with_suggestion() -> None:
    expected = [
        'config.toml:2: alerts.channels[1]: must be one of "desktop", "email", "command", '
        '"console", got "emial"; did you mean "email"?'
    ]
    assert expected == problems('[alerts]\nchannels = ["desktop", "emial"]\n')


def test_load_config_duplicate_channel_is_reported() -> None:
    expected = ['config.toml:2: alerts.channels[1]: duplicate channel "desktop"']
    assert expected == problems('[alerts]\nchannels = ["desktop", "desktop"]\n')


def test_load_config_channels_as_a_string_is_a_type_error() -> None:
    expected = ['config.toml:2: alerts.channels: must be an array, got the string "desktop"']
    assert expected == problems('[alerts]\nchannels = "desktop"\n')


def test_load_config_email_channel_without_email_section_is_reported() -> None:
    expected = [
        "config.toml:3: alerts.email: section [alerts.email] is required: "
        'alerts.channels has "email"'
    ]
    assert expected == problems('[alerts]\n\nchannels = ["desktop", "email"]\n')


def test_load_config_command_channel_without_command_section_is_reported() -> None:
    expected = [
        "config.toml:2: alerts.command: section [alerts.command] is required: "
        'alerts.channels has "command"'
    ]
    assert expected == problems('[alerts]\nchannels = ["command"]\n')


def test_load_config_unused_command_section_is_kept() -> None:
    text = '[alerts.command]\nargv = ["notify", "--json"]\n'
    assert CommandAlerts(argv=("notify", "--json")) == load(text).alerts.command


def test_load_config_command_section_without_argv_is_reported() -> None:
    expected = ["config.toml:1: alerts.command.argv: required key missing"]
    assert expected == problems("[alerts.command]\n")


@pytest.mark.parametrize(
    ("security", "port"),
    [("tls", 465), ("starttls", 587), ("plain", 25)],
)
def test_load_config_email_without_port_gets_port_of_its_security(security: str, port: int) -> None:
    assert port == email(f'security = "{security}"\n').port


def test_load_config_email_to_list_is_a_tuple() -> None:
    text = """\
        [alerts.email]
        host = "smtp.gmail.com"
        from = "jane@gmail.com"
        to = ["jane@gmail.com", "jane@work.example"]
    """
    alerts_email = load(text).alerts.email
    assert alerts_email is not None
    assert ("jane@gmail.com", "jane@work.example") == alerts_email.to


def test_load_config_email_without_from_and_to_is_reported() -> None:
    text = '[alerts.email]\nhost = "smtp.gmail.com"\n'
    expected = [
        "config.toml:1: alerts.email.from: required key missing",
        "config.toml:1: alerts.email.to: required key missing",
    ]
    assert expected == problems(text)


def test_load_config_email_bad_to_address_is_reported() -> None:
    text = '[alerts.email]\nhost = "h"\nfrom = "a@b.example"\nto = ["a@b.example", "me"]\n'
    expected = [
        'config.toml:4: alerts.email.to[1]: must be an email address (local@domain), got "me"'
    ]
    assert expected == problems(text)


def test_load_config_email_empty_to_list_is_reported() -> None:
    text = '[alerts.email]\nhost = "h"\nfrom = "a@b.example"\nto = []\n'
    expected = ["config.toml:4: alerts.email.to: must name at least one address, got []"]
    assert expected == problems(text)


def test_load_config_email_two_password_sources_are_reported() -> None:
    text = EMAIL + 'password_command = ["pass"]\npassword_credential = "smtp"\n'
    expected = [
        "config.toml:8: alerts.email.password_credential: conflicts with password_command; "
        "give at most one password source"
    ]
    assert expected == problems(text)


# -- daemon and store -------------------------------------------------------------


def test_load_config_idle_minutes_beyond_rfc_2177_is_reported() -> None:
    expected = ["config.toml:2: daemon.idle_minutes: must be 1-28, got 29"]
    assert expected == problems("[daemon]\nidle_minutes = 29\n")


def test_load_config_poll_minutes_float_is_a_type_error() -> None:
    expected = ["config.toml:2: daemon.poll_minutes: must be an integer, got the number 2.5"]
    assert expected == problems("[daemon]\npoll_minutes = 2.5\n")


def test_load_config_store_path_expands_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/jane")
    assert Path("/home/jane/r.db") == load('[store]\npath = "~/r.db"\n').store_path


def test_load_config_store_path_expands_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATE", "/var/state")
    assert Path("/var/state/r.db") == load('[store]\npath = "$STATE/r.db"\n').store_path


def test_load_config_relative_store_path_is_reported() -> None:
    expected = [
        "config.toml:2: store.path: must be an absolute path after expanding ~ and $VARS, "
        'got "state/r.db"'
    ]
    assert expected == problems('[store]\npath = "state/r.db"\n')


# -- unknown keys, types and syntax -------------------------------------------------


def test_load_config_unknown_key_is_reported_with_suggestion() -> None:
    expected = ["config.toml:5: accounts[0].prot: unknown key 'prot'; did you mean 'port'?"]
    assert expected == problems(ACCOUNT + "prot = 993\n")


def test_load_config_unknown_key_without_close_match_has_no_suggestion() -> None:
    assert ["config.toml:1: colour: unknown key 'colour'"] == problems('colour = "blue"\n')


def test_load_config_section_of_wrong_type_is_reported() -> None:
    assert ["config.toml:1: policy: must be a table, got the number 3"] == problems("policy = 3\n")


def test_load_config_syntax_error_names_its_line() -> None:
    expected = ["config.toml:3: syntax error: invalid value (column 8)"]
    assert expected == problems("[daemon]\npoll_minutes = 15\nidle = ?\n")


def test_load_config_not_utf8_is_reported_with_line() -> None:
    Path("config.toml").write_bytes(b"# ok\n# caf\xe9\n")
    with pytest.raises(ConfigError) as caught:
        load_config(Path("config.toml"))
    assert ["config.toml:2: syntax error: not UTF-8 text"] == caught.value.problems


def test_load_config_missing_file_names_path_and_hints_at_init() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(Path("nowhere/config.toml"))
    assert ["nowhere/config.toml: config file not found"] == caught.value.problems
    assert "replywatch init" in (caught.value.hint or "")


def test_load_config_several_problems_are_reported_at_once_in_file_order() -> None:
    text = """\
        [daemon]
        idle_minutes = 60

        [[accounts]]
        name = "gmail"
        host = "imap.gmail.com"
        prot = 993
        username = "jane@gmail.com"
        lookback_days = false

        [policy]
        max_follow_ups = -1
    """
    expected = [
        "config.toml:2: daemon.idle_minutes: must be 1-28, got 60",
        "config.toml:7: accounts[0].prot: unknown key 'prot'; did you mean 'port'?",
        "config.toml:9: accounts[0].lookback_days: must be an integer, got the boolean false",
        "config.toml:12: policy.max_follow_ups: must be 0-10, got -1",
    ]
    assert expected == problems(text)


# -- the line locator ---------------------------------------------------------------


def test_keylines_text_inside_multiline_string_is_not_a_key() -> None:
    text = 'a = """\n[fake]\nb = 1\n"""\nc = 2\n'
    keys = KeyLines.scan(text)
    assert (5, None) == (keys.line(("c",)), keys.line(("fake", "b")))


def test_keylines_header_inside_array_of_tables_belongs_to_latest_element() -> None:
    text = "[[accounts]]\n[[accounts]]\n[accounts.extra]\nk = 1\n"
    assert 4 == KeyLines.scan(text).line(("accounts", 1, "extra", "k"))


def test_keylines_quoted_keys_are_located_by_their_decoded_names() -> None:
    assert 2 == KeyLines.scan("[t]\n\"a b\".'c' = 1\n").line(("t", "a b", "c"))


def test_keylines_unknown_path_falls_back_to_its_table_header() -> None:
    assert 2 == KeyLines.scan("\n[alerts]\nchannels = []\n").line(("alerts", "email", "host"))


# -- where files live ---------------------------------------------------------------


def test_resolve_config_path_cli_value_wins() -> None:
    environ = {"REPLYWATCH_CONFIG": "/env/c.toml", "XDG_CONFIG_HOME": "/xdg", "HOME": "/h"}
    assert Path("/cli/c.toml") == resolve_config_path("/cli/c.toml", environ)


def test_resolve_config_path_environment_beats_xdg() -> None:
    environ = {"REPLYWATCH_CONFIG": "/env/c.toml", "XDG_CONFIG_HOME": "/xdg", "HOME": "/h"}
    assert Path("/env/c.toml") == resolve_config_path(None, environ)


def test_resolve_config_path_xdg_config_home_is_used() -> None:
    environ = {"XDG_CONFIG_HOME": "/xdg", "HOME": "/h"}
    assert Path("/xdg/replywatch/config.toml") == resolve_config_path(None, environ)


def test_resolve_config_path_defaults_to_dot_config() -> None:
    assert Path("/h/.config/replywatch/config.toml") == resolve_config_path(None, {"HOME": "/h"})


def test_resolve_config_path_relative_xdg_config_home_is_ignored() -> None:
    environ = {"XDG_CONFIG_HOME": "relative", "HOME": "/h"}
    assert Path("/h/.config/replywatch/config.toml") == resolve_config_path(None, environ)


def test_resolve_config_path_cli_value_expands_home() -> None:
    assert Path("/h/my.toml") == resolve_config_path("~/my.toml", {"HOME": "/h"})


def test_default_store_path_uses_xdg_data_home() -> None:
    environ = {"XDG_DATA_HOME": "/data", "HOME": "/h"}
    assert Path("/data/replywatch/replywatch.db") == default_store_path(environ)


def test_default_store_path_defaults_to_local_share() -> None:
    assert Path("/h/.local/share/replywatch/replywatch.db") == default_store_path({"HOME": "/h"})


# -- starter and example configs ------------------------------------------------------


def test_write_starter_config_result_passes_load_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    write_starter_config(path)
    assert Config(path=path) == load_config(path)


def test_write_starter_config_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "replywatch" / "config.toml"
    write_starter_config(path)
    modes = (stat.S_IMODE(path.stat().st_mode), stat.S_IMODE(path.parent.stat().st_mode))
    assert (0o600, 0o700) == modes


def test_write_starter_config_existing_file_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("# mine\n")
    with pytest.raises(UserError) as caught:
        write_starter_config(path)
    assert ([f"{path} already exists; not overwriting"], "# mine\n") == (
        caught.value.problems,
        path.read_text(),
    )


def test_starter_config_mentions_every_declared_key() -> None:
    starter = starter_toml()
    missing = [f"{section.name}.{key.name}" for section in SECTIONS for key in section.keys
               if f"# {key.name} = " not in starter]
    assert [] == missing


def test_example_config_committed_is_the_generated_one() -> None:
    assert example_toml() == EXAMPLE.read_text(encoding="utf-8")


def test_readme_key_reference_is_the_generated_one() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- config-reference:start")
    start = readme.index("\n", start) + 1
    end = readme.index("<!-- config-reference:end -->")
    assert reference_markdown() == readme[start:end]


def test_example_config_sets_every_declared_key() -> None:
    # Uncommented, every key of the example is a valid setting: the example documents
    # them all, and validation accepts each one (none is declared but refused).
    text = EXAMPLE.read_text(encoding="utf-8")
    for section in SECTIONS:
        for key in section.keys:
            assert f"{key.name} = " in text, f"{section.name}.{key.name}"


_WRONG_TYPE = {"boolean": "7", "string": "7", "integer": '"x"', "number": '"x"',
               "choice": "7", "argv": "7", "address": "7", "addresses": "7", "path": "7",
               "timezone": "7", "times": "7", "time": "7", "channels": "7"}


@pytest.mark.parametrize(
    ("section", "key"),
    [(s, k) for s in SECTIONS for k in s.keys], ids=lambda v: getattr(v, "name", ""))
def test_every_declared_key_is_validated(section: Section, key: Key) -> None:
    header = f"[[{section.name}]]" if section.array else f"[{section.name}]"
    base = {"accounts": 'name = "a"\nhost = "h"\nusername = "u"\n',
            "alerts.email": 'host = "h"\nfrom = "a@b.example"\nto = "a@b.example"\n',
            "alerts.command": 'argv = ["x"]\n'}.get(section.name, "")
    lines = [line for line in base.splitlines() if not line.startswith(f"{key.name} =")]
    text = "\n".join([header, *lines, f"{key.name} = {_WRONG_TYPE[key.kind.value]}"]) + "\n"
    assert [f"{section.name}" in p and key.name in p for p in problems(text)] == [True]


def test_example_config_passes_load_config() -> None:
    config = load_config(EXAMPLE)
    assert ("gmail", "imap.gmail.com") == (config.accounts[0].name, config.accounts[0].host)
