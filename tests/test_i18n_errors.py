"""The common errors in Norwegian, made for real: a refused login, an untrusted
certificate and a closed port on the local Dovecot, a full and a locked SQLite store.
What stays as it was: the exit code, the account, host and port, the file at fault,
and the server's own words.
"""

from __future__ import annotations

import socket
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from replywatch import i18n
from replywatch.store.db import Store
from replywatch.store.faults import StoreFault
from tests.mailfactory import account_block, make_setup, write_config
from tests.servers.dovecot import LocalDovecot

NOW = datetime(2026, 11, 27, 13, 5, tzinfo=UTC)
NORWEGIAN = '[ui]\nlanguage = "nb"\n'


def _lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def test_check_norwegian_login_refused_keeps_account_server_words_and_exit_code(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch)
    write_config(rw.config, [account_block(dovecot, imap_user, password="wrong-pw")],
                 NORWEGIAN)
    code, out, err = rw.run(capsys, "check")
    assert (1, [f"replywatch: feil: konto 'mail' ({dovecot.host}:{dovecot.port}): innlogging: "
                "innloggingen ble avvist: [AUTHENTICATIONFAILED] Authentication failed.",
                f"replywatch: tips: sjekk username = '{imap_user}' og passordet kilden gir "
                "(passordnøklene i konto 'mail')"]) == (code, _lines(err))
    assert "mail: ikke lest (feilen følger på standard error)" == out.splitlines()[0]


def test_check_norwegian_untrusted_certificate_hint_names_ca_file(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch)
    write_config(rw.config, [account_block(dovecot, imap_user, port=dovecot.tls_port,
                                           security="tls")], NORWEGIAN)
    code, _, err = rw.run(capsys, "check")
    error, hint = _lines(err)
    assert (1, True, True) == (
        code,
        error.startswith(f"replywatch: feil: konto 'mail' ({dovecot.host}:{dovecot.tls_port}): "
                         "kan ikke koble til: TLS-sertifikatet kunne ikke bekreftes: "),
        hint.startswith("replywatch: tips: systemet stoler ikke på serverens sertifikat: "
                        f'hvis {dovecot.host} bruker en egen CA, sett ca_file = '))


def test_check_norwegian_closed_port_says_refused_and_which_port_to_try(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:  # a port nothing listens on once this is closed
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch)
    write_config(rw.config, [account_block(dovecot, imap_user, port=closed)], NORWEGIAN)
    code, _, err = rw.run(capsys, "check")
    assert (1, [f"replywatch: feil: konto 'mail' ({dovecot.host}:{closed}): kan ikke koble "
                "til: tilkoblingen ble avvist",
                "replywatch: tips: sjekk host og port (IMAP med security = 'plain' bruker "
                "vanligvis port 143)"]) == (code, _lines(err))


def test_store_norwegian_disk_full_names_the_file_and_what_to_do(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
    i18n.use("nb")
    with pytest.raises(StoreFault) as caught, store.tx():
        for _ in range(200):
            store.add_application(company="X" * 2000, role="", applied_at=NOW, now=NOW)
    assert caught.value.problems[0].startswith(
        f"{tmp_path / 's.db'}: disken er full: frigjør litt plass på disken; replywatch "
        "prøver igjen og mister ingenting (SQLite: "), caught.value.problems[0]


def test_store_norwegian_locked_store_says_who_to_stop(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db", busy_timeout=0.05)
    other = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    i18n.use("nb")
    try:
        with pytest.raises(StoreFault) as caught, store.tx():
            store.add_application(company="Acme", role="", applied_at=NOW, now=NOW)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert caught.value.problems[0].startswith(
        f"{tmp_path / 's.db'}: databasen er låst av en annen prosess: stopp den andre "
        "replywatch-prosessen (eller verktøyet som holder filen) og prøv igjen (SQLite: "
    ), caught.value.problems[0]


def test_config_norwegian_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    from replywatch.config import load_config
    from replywatch.errors import ConfigError

    path = tmp_path / "config.toml"
    path.write_text('[policy]\ntimezone = Europe/Oslo\n', encoding="utf-8")
    i18n.use("nb")  # from the locale: the file cannot say it
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert [f"{path}:2: syntaksfeil: invalid value (kolonne 12)"] == caught.value.problems
