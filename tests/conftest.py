"""Shared fixtures. Each group of fixtures lives in its own clearly named section."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import structlog

from replywatch import i18n, log

pytest.register_assert_rewrite("tests.secret_canary")
from tests.secret_canary import CANARY  # noqa: E402 - after the rewrite hook
from tests.servers.dovecot import LocalDovecot  # noqa: E402
from tests.tls import TlsFiles, make_ca_and_server_cert  # noqa: E402

if TYPE_CHECKING:
    from tests.servers.notify_server import NotifyServer
    from tests.servers.smtp import SmtpServer
    from tests.test_daemon import World

pytest_plugins = ["tests.servers.fixtures", "tests.secret_canary"]

# The password of every test account (IMAP and SMTP): the secret canary plugin fails
# the run if it shows up in a log, captured output, a store, an argv or an environ.
CANARY_PASSWORD = CANARY

# --- logging: each test starts from structlog's defaults ------------------------


@pytest.fixture(autouse=True)
def _reset_logging() -> Iterator[None]:
    """Undo a test's log set-up: it may point at a stream pytest has since closed."""
    yield
    structlog.reset_defaults()
    log.reset()


# --- language: tests speak English unless they choose otherwise -----------------


@pytest.fixture(autouse=True, scope="session")
def _english_environment() -> Iterator[None]:
    """Run every test, and every process a test starts, in an English locale.

    A developer's nb_NO locale must not turn the English assertions red; tests of
    Norwegian choose it through ``[ui] language`` or their own environment.
    """
    mp = pytest.MonkeyPatch()
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        mp.delenv(name, raising=False)
    mp.setenv("LANG", "C.UTF-8")
    yield
    mp.undo()


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Undo a test's choice of language (a config with [ui] language = "nb")."""
    yield
    i18n.use("en")


# --- IMAP: one local Dovecot per session, a fresh mailbox per test ---------------


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    """A test CA and a server certificate for localhost / 127.0.0.1 signed by it."""
    return make_ca_and_server_cert(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="session")
def dovecot_ca(tls_files: TlsFiles) -> Path:
    """The CA file a client must trust to verify ``dovecot`` on its TLS port."""
    return tls_files.ca_cert


@pytest.fixture(scope="session")
def dovecot(tls_files: TlsFiles) -> Iterator[LocalDovecot]:
    """A running Dovecot: plain ``port``, TLS ``tls_port``, rawlog on, any user.

    Shared by the whole session: use a fresh ``imap_user`` per test, never a fixed
    name, so that tests cannot see each other's mail.
    """
    # The canary: no doc text contains it, so "not in the output" means it.
    with LocalDovecot(tls=(tls_files.server_cert, tls_files.server_key), rawlog=True,
                      password=CANARY_PASSWORD) as server:
        yield server


@pytest.fixture
def imap_user() -> str:
    """A user name no other test uses: a fresh, empty mailbox on ``dovecot``."""
    return f"u-{uuid.uuid4().hex[:8]}"


# --- the daemon as a subprocess, with its mailbox, bus, SMTP server and store ------


@pytest.fixture
def world(tmp_path: Path, dovecot: LocalDovecot, imap_user: str, dbus_session: str,
          notify_server: NotifyServer, smtp_server: SmtpServer, tls_files: TlsFiles,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """A user with a Dovecot mailbox, a private session bus with a notification server,
    an SMTP server and a config; ``world.start()`` runs `replywatch run` (test_daemon.py)."""
    from tests.test_daemon import World

    w = World(tmp_path, dovecot, imap_user, dbus_session, smtp_server, tls_files, monkeypatch)
    yield w
    w.daemon.stop()
    w.notify.close()
