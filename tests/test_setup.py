"""`replywatch init`: the guided set-up, with scripted answers, on a real terminal,
and from flags; the password goes to the real Secret Service, doctor checks Dovecot."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import pty
import select
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from replywatch.cli import setup
from replywatch.cli.main import build_parser
from replywatch.config import load_config
from replywatch.errors import UserError
from replywatch.mail.autoconfig import Found, Server
from tests.servers.dovecot import LocalDovecot
from tests.servers.fixtures import SecretServiceBus
from tests.servers.notify_server import NotifyServer


def init_args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["init", *argv])


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("REPLYWATCH_CONFIG", raising=False)
    return tmp_path / "cfg" / "replywatch" / "config.toml"


def scripted(answers: dict[str, str], secret: str) -> tuple[setup.Io, list[str]]:
    asked: list[str] = []

    def ask(question: str, default: str) -> str:
        asked.append(question)
        return answers.get(question, default)

    def ask_secret(question: str) -> str:
        asked.append(question)
        return secret

    return setup.Io(ask, ask_secret, io.StringIO()), asked


def test_setup_guided_finds_server_stores_password_in_keyring_and_runs_doctor(
        home: Path, dovecot: LocalDovecot, imap_user: str,
        secret_service: SecretServiceBus, notify_server: NotifyServer) -> None:
    email = f"{imap_user}@mail.example"
    found = Found(Server(dovecot.host, dovecot.port, "plain"), None, "Example Mail", "test")
    term, asked = scripted({"Your email address": email}, dovecot.password)
    code = setup.run(init_args(), term, find=lambda _: found)
    output = term.out.getvalue()  # type: ignore[attr-defined]
    account = load_config(home).accounts[0]
    stored = keyring.get_password("replywatch", f"{email}@{dovecot.host}")
    assert (0, ["Your email address", f"Password for {email} (not shown)"],
            (dovecot.host, dovecot.port, email), dovecot.password, 0o600) == (
        code, asked, (account.host, account.port, account.username), stored,
        stat.S_IMODE(home.stat().st_mode)), output
    assert ("[pass] account" in output, dovecot.password in output + home.read_text()) == (
        True, False)


def test_setup_guided_asks_for_the_server_only_when_it_cannot_be_found(
        home: Path, dovecot: LocalDovecot, imap_user: str,
        secret_service: SecretServiceBus, notify_server: NotifyServer) -> None:
    answers = {"Your email address": f"{imap_user}@own.example",
               "IMAP server": dovecot.host, "Security (tls, starttls, plain)": "plain",
               "Port": str(dovecot.port), "Login name": imap_user}
    term, asked = scripted(answers, dovecot.password)
    code = setup.run(init_args(), term, find=lambda _: None)
    assert (0, ["Your email address", "IMAP server", "Security (tls, starttls, plain)",
                "Port", "Login name", f"Password for {imap_user} (not shown)"]) == (code, asked)


def test_setup_flags_without_a_server_that_cannot_be_found_name_the_flag(home: Path) -> None:
    term, _ = scripted({}, "pw")
    with pytest.raises(UserError) as caught:
        setup.run(init_args("--email", "a@own.example"), term, find=lambda _: None)
    assert ("cannot find the IMAP server of own.example", False) == (
        caught.value.problems[0], home.exists())
    assert "--host" in (caught.value.hint or "")


def test_setup_existing_config_is_never_overwritten(home: Path) -> None:
    home.parent.mkdir(parents=True)
    home.write_text("# mine\n")
    term, asked = scripted({}, "pw")
    with pytest.raises(UserError, match="already exists"):
        setup.run(init_args(), term, find=lambda _: None)
    assert ("# mine\n", []) == (home.read_text(), asked)


def test_setup_empty_password_writes_nothing(home: Path) -> None:
    term, _ = scripted({"Your email address": "a@gmail.com"}, "")
    with pytest.raises(UserError, match="empty"):
        setup.run(init_args(), term)
    assert False is home.exists()


def _env(tmp_path: Path, bus: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_KEYRING")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "data"),
               DBUS_SESSION_BUS_ADDRESS=bus, HOME=str(tmp_path))
    env.pop("REPLYWATCH_CONFIG", None)
    return env


def test_setup_from_flags_with_password_on_stdin_for_scripts(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str,
        secret_service: SecretServiceBus, notify_server: NotifyServer) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "replywatch", "init", "--email", f"{imap_user}@x.example",
         "--host", dovecot.host, "--port", str(dovecot.port), "--security", "plain",
         "--username", imap_user, "--password-stdin"],
        input=dovecot.password + "\n", capture_output=True, text=True, timeout=60,
        env=_env(tmp_path, secret_service.bus_address), check=False)
    config = tmp_path / "cfg" / "replywatch" / "config.toml"
    assert (0, True, False) == (done.returncode, "[pass] account" in done.stdout,
                                dovecot.password in done.stdout + config.read_text()), done


@pytest.fixture
def terminal() -> Iterator[tuple[int, int]]:
    primary, secondary = pty.openpty()
    yield primary, secondary
    for fd in (primary, secondary):
        with contextlib.suppress(OSError):
            os.close(fd)


def _read_until(fd: int, wanted: str, seen: list[str], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while wanted not in "".join(seen):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"{wanted!r} not shown; screen: {''.join(seen)!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                seen.append(os.read(fd, 4096).decode(errors="replace"))
            except OSError:
                return


def test_setup_on_a_real_terminal_asks_and_never_echoes_the_password(
        tmp_path: Path, terminal: tuple[int, int], secret_service: SecretServiceBus) -> None:
    primary, secondary = terminal
    proc = subprocess.Popen(
        [sys.executable, "-m", "replywatch", "init", "--no-doctor"],
        stdin=secondary, stdout=secondary, stderr=secondary, close_fds=True,
        env=_env(tmp_path, secret_service.bus_address), start_new_session=True)
    screen: list[str] = []
    _read_until(primary, "Your email address: ", screen)
    os.write(primary, b"alex.berg@gmail.com\n")
    _read_until(primary, "(not shown): ", screen)
    os.write(primary, b"canary-app-password-77\n")
    _read_until(primary, "next:", screen)
    code = proc.wait(timeout=20)
    text = "".join(screen)
    assert (0, "found Gmail (known provider)" in text, "canary-app-password-77" in text,
            "canary-app-password-77") == (
        code, True, False,
        keyring.get_password("replywatch", "alex.berg@gmail.com@imap.gmail.com")), text


def test_setup_norwegian_asks_and_answers_in_norwegian(home: Path) -> None:
    from replywatch import i18n

    i18n.use("nb")  # as LANG=nb_NO does before a config exists
    answers = {"E-postadressen din": "a@own.example", "IMAP-server": "imap.own.example",
               "Sikkerhet (tls, starttls, plain)": "tls", "Brukernavn": "a"}
    term, asked = scripted(answers, "")
    with pytest.raises(UserError) as caught:
        setup.run(init_args(), term, find=lambda _: None)
    assert (["E-postadressen din", "IMAP-server", "Sikkerhet (tls, starttls, plain)", "Port",
             "Brukernavn", "Passord for a (vises ikke)"],
            ["passordet er tomt; ingenting ble skrevet"], False) == (
        asked, caught.value.problems, home.exists())
    assert ("fant ikke IMAP-serveren til own.example; den står på hjelpesidene til "
            "e-postleverandøren din\n") == term.out.getvalue()  # type: ignore[attr-defined]
