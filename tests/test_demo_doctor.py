"""The README's main job (`replywatch demo`) and `replywatch doctor`, end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from replywatch.cli.main import main
from tests.mailfactory import account_block
from tests.secret_canary import password_command
from tests.servers.dovecot import LocalDovecot
from tests.servers.notify_server import NotifyServer
from tests.servers.smtp import SmtpServer
from tests.tls import TlsFiles


def test_demo_shows_reply_matched_and_alert_raised_once(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "d"),
           "XDG_CONFIG_HOME": str(tmp_path / "c")}
    done = subprocess.run([sys.executable, "-m", "replywatch", "demo"], capture_output=True,
                          text=True, env=env, timeout=60, check=False)
    out = done.stdout
    assert 0 == done.returncode, done.stderr
    assert 'matched: Acme Robotics  reply from them  by thread   "Re: Application' in out
    assert 'matched: Umbrella Corp  reply from them  by ats' in out
    assert "\nAcme Robotics replied — your answer is due\n" in out
    assert "\nFollow up with Globex (1 of 3)\n" in out
    assert "5 alerts raised; the next tick raised 0" in out
    assert not (tmp_path / "d").exists()  # the user's own store is never touched


def test_demo_in_a_norwegian_locale_speaks_norwegian(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "d"),
           "XDG_CONFIG_HOME": str(tmp_path / "c"), "LANG": "nb_NO.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "replywatch", "demo"], capture_output=True,
                          text=True, env=env, timeout=60, check=False)
    out = done.stdout
    assert 0 == done.returncode, done.stderr
    assert "La til 5 søknader (replywatch app list):" in out
    assert "koblet: Acme Robotics  svar fra dem     via thread   «Re: Application" in out
    assert "\nFølg opp søknaden hos Globex (1 av 3)\n" in out
    assert "5 varsler sendt; neste runde sendte 0" in out


def _config(tmp_path: Path, dovecot: LocalDovecot, user: str, smtp: SmtpServer,
            tls: TlsFiles, password: str | None = None) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        account_block(dovecot, user, password=password)
        + '\n[alerts]\nchannels = ["desktop", "email"]\n'
        + f'\n[alerts.email]\nhost = "{smtp.host}"\nport = {smtp.port}\n'
        + f'security = "starttls"\nusername = "{smtp.username}"\n'
        + f"password_command = {json.dumps(password_command(smtp.password))}\n"
        + f'ca_file = "{tls.ca_cert}"\nfrom = "rw@example.org"\nto = "alex@example.org"\n'
        + f'\n[store]\npath = "{tmp_path / "rw.db"}"\n')
    return path


def test_doctor_all_parts_pass_and_send_test_reaches_every_channel(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str, dbus_session: str,
        notify_server: NotifyServer, smtp_server: SmtpServer, tls_files: TlsFiles,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", dbus_session)
    config = _config(tmp_path, dovecot, imap_user, smtp_server, tls_files)
    code = main(["--config", str(config), "doctor", "--send-test"])
    out = capsys.readouterr().out
    marks = [line.split("]")[0] + "] " + line.split("] ")[1].split(":")[0]
             for line in out.splitlines() if line.startswith("[")]
    assert 0 == code, out
    assert ["[pass] config", "[pass] store", "[pass] account 'mail'",
            "[pass] account 'mail'", "[pass] desktop notifications", "[pass] email (SMTP)",
            "[pass] test alert on desktop", "[pass] test alert on email"] == marks
    assert "IDLE CONDSTORE" in out
    assert ["replywatch test alert"] == [n.summary for n in notify_server.notifications]
    assert 1 == len(smtp_server.messages)


def test_doctor_wrong_password_and_missing_bus_fail_with_reasons(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str, smtp_server: SmtpServer,
        tls_files: TlsFiles, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    config = _config(tmp_path, dovecot, imap_user, smtp_server, tls_files, password="nope")
    code = main(["--config", str(config), "doctor"])
    out = capsys.readouterr().out
    fails = [line for line in out.splitlines() if line.startswith("[FAIL]")]
    assert 1 == code
    assert 2 == len(fails)
    assert "login refused" in fails[0]
    assert "DBUS_SESSION_BUS_ADDRESS" in fails[1]
    assert "nope" not in out
