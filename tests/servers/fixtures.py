"""Fixtures for the alert channels' real servers: D-Bus, notifications, SMTP, keyring.

Loaded from ``tests/conftest.py`` with ``pytest_plugins = ["tests.servers.fixtures"]``.
``smtp_server`` uses the session's ``tls_files`` fixture from that conftest.
Every fixture is per test: a private bus starts in about 5 ms, an SMTP server in
a few, so isolation costs nothing worth sharing state for.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import keyring
import keyring.backend
import pytest
from keyring.backends import SecretService

from replywatch.config import Security
from tests.secret_canary import CANARY
from tests.servers.dbus import DbusDaemon
from tests.servers.dunst import Dunst, Xvfb
from tests.servers.notify_server import BROADCAST, NotifyServer
from tests.servers.oauth_dovecot import OAuthDovecot
from tests.servers.oauth_server import OAuthServer
from tests.servers.secret_service import GnomeKeyring
from tests.servers.smtp import SmtpServer
from tests.tls import TlsFiles


@pytest.fixture
def dbus_session() -> Iterator[str]:
    """The address of a private, empty D-Bus session bus.

    Nothing global is set: pass the address on, or
    ``monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", dbus_session)``.
    """
    with DbusDaemon() as daemon:
        yield daemon.address


@pytest.fixture
def notify_server(dbus_session: str, request: pytest.FixtureRequest) -> Iterator[NotifyServer]:
    """A recording notification server on ``dbus_session``; capabilities actions, body.

    It broadcasts its signals, as GNOME Shell does; parametrize it indirectly
    with "unicast" to play dunst, which sends them to the notifying connection only.
    """
    signals = getattr(request, "param", BROADCAST)
    with NotifyServer(dbus_session, capabilities=("actions", "body"), signals=signals) as server:
        yield server


@pytest.fixture(scope="session")
def xvfb_display() -> Iterator[str]:
    """A virtual X server for the whole session (about 0.2 s to start); its display."""
    with Xvfb() as server:
        yield server.display


@pytest.fixture
def dunst(dbus_session: str, xvfb_display: str, request: pytest.FixtureRequest) -> Iterator[Dunst]:
    """A real dunst on ``dbus_session``, drawing on ``xvfb_display``, with markup on.

    Parametrize it indirectly with "no" for a dunst without body markup.
    """
    with Dunst(dbus_session, xvfb_display, markup=getattr(request, "param", "full")) as server:
        yield server


@pytest.fixture
def smtp_server(tls_files: TlsFiles) -> Iterator[SmtpServer]:
    """A recording SMTP server requiring STARTTLS (cert from ``tls_files``) and AUTH.

    Log in with ``.username`` / ``.password``; clients trust ``tls_files.ca_cert``.
    """
    with SmtpServer(tls_files, security=Security.STARTTLS, password=CANARY) as server:
        yield server


@dataclass(frozen=True)
class SecretServiceBus:
    """A running Secret Service: its bus, and the keyring backend pinned to it."""

    bus_address: str
    backend: keyring.backend.KeyringBackend


@pytest.fixture
def secret_service(
    dbus_session: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SecretServiceBus]:
    """gnome-keyring's Secret Service on ``dbus_session``, with its login keyring unlocked.

    For the test's duration ``DBUS_SESSION_BUS_ADDRESS`` points at that bus (the
    SecretService backend has no other way to be told) and ``keyring``'s global
    backend is pinned to it, so ``keyring.get_password`` reaches the real daemon.
    Both are restored afterwards.
    """
    # Before the variable changes: if no backend was chosen yet, keyring chooses
    # now, and must not remember one bound to a bus that is about to go away.
    previous = keyring.get_keyring()
    with GnomeKeyring(dbus_session):
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", dbus_session)
        backend = SecretService.Keyring()  # type: ignore[no-untyped-call]
        keyring.set_keyring(backend)
        try:
            yield SecretServiceBus(bus_address=dbus_session, backend=backend)
        finally:
            keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def _oauth_server_shared() -> Iterator[OAuthServer]:
    with OAuthServer() as server:
        yield server


@pytest.fixture
def oauth_server(_oauth_server_shared: OAuthServer) -> OAuthServer:
    """The test authorization server, with no grants and every count at 0.

    One per session (the OAuth2 Dovecots point at it); reset for each test.
    """
    _oauth_server_shared.reset()
    return _oauth_server_shared


@pytest.fixture(scope="session")
def oauth_dovecot(_oauth_server_shared: OAuthServer) -> Iterator[OAuthDovecot]:
    """A Dovecot signing users in with OAuth2 tokens (XOAUTH2 and OAUTHBEARER offered),
    checked at ``oauth_server``'s introspection endpoint by POST.
    """
    with OAuthDovecot(f"{_oauth_server_shared.url}/introspect", mode="post") as server:
        yield server


@pytest.fixture(scope="session")
def xoauth2_dovecot(_oauth_server_shared: OAuthServer) -> Iterator[OAuthDovecot]:
    """Like ``oauth_dovecot``, but offering XOAUTH2 only (as Outlook does), and asking
    the introspection endpoint by GET.
    """
    url = f"{_oauth_server_shared.url}/introspect?token="
    with OAuthDovecot(url, mode="get", mechanisms="xoauth2") as server:
        yield server
