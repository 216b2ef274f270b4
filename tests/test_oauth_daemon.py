"""`replywatch run` as a real subprocess with an OAuth2 account: the worker's pass and
the IDLE connection share one token source, and a revoked grant is one alert."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from replywatch.oauth.tokens import save_refresh_token
from tests.servers.fixtures import SecretServiceBus
from tests.servers.oauth_dovecot import OAuthDovecot
from tests.servers.oauth_server import CANARY_ACCESS, CANARY_REFRESH, OAuthServer
from tests.test_daemon import Daemon, NotifySocket


class OAuthWorld:
    """A daemon watching one OAuth2 account, alerting on its console (the log file)."""

    def __init__(self, tmp: Path, server: OAuthServer, dovecot: OAuthDovecot, user: str,
                 bus: str) -> None:
        config = tmp / "config.toml"
        config.write_text(
            f'[[accounts]]\nname = "work"\nhost = "127.0.0.1"\nport = {dovecot.port}\n'
            f'security = "plain"\nusername = "{user}"\nauth = "oauth2"\nprovider = "custom"\n'
            f'client_id = "{server.client_id}"\nauthorization_url = "{server.url}/authorize"\n'
            f'token_url = "{server.url}/token"\nscope = "mail"\n'
            '[alerts]\nchannels = ["console"]\nquiet_hours = []\n'
            "[daemon]\nidle_minutes = 1\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NOTIFY_", "WATCH"))}
        env.update(XDG_DATA_HOME=str(tmp / "data"), DBUS_SESSION_BUS_ADDRESS=bus,
                   PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring",
                   NOTIFY_SOCKET=str(tmp / "notify"), PYTHONUNBUFFERED="1")
        self.notify = NotifySocket(tmp / "notify")
        self.daemon = Daemon(env, config, tmp / "daemon.log")

    def start(self) -> None:
        self.daemon.start()
        self.notify.wait_first_tick_done()

    def close(self) -> None:
        self.daemon.stop()
        self.notify.close()


@pytest.fixture
def oauth_world(tmp_path: Path, oauth_server: OAuthServer, oauth_dovecot: OAuthDovecot,
                imap_user: str, secret_service: SecretServiceBus) -> Iterator[OAuthWorld]:
    world = OAuthWorld(tmp_path, oauth_server, oauth_dovecot, imap_user,
                       secret_service.bus_address)
    yield world
    world.close()


def test_daemon_pass_and_idle_connection_share_one_refresh(
        oauth_world: OAuthWorld, oauth_server: OAuthServer, imap_user: str) -> None:
    save_refresh_token(imap_user, "127.0.0.1", oauth_server.issue_grant(imap_user))
    oauth_world.start()
    oauth_world.daemon.wait_log("idle_started")
    log = oauth_world.daemon.log_path.read_text()
    # Two logins (the pass, IDLE), one token: one introspection each, one refresh.
    assert (1, 2) == (oauth_server.count("refresh_token"), oauth_server.count("/introspect"))
    assert CANARY_ACCESS not in log and CANARY_REFRESH not in log


def test_daemon_revoked_grant_is_one_alert_naming_the_login_command(
        oauth_world: OAuthWorld, oauth_server: OAuthServer, imap_user: str) -> None:
    refresh = oauth_server.issue_grant(imap_user)
    save_refresh_token(imap_user, "127.0.0.1", refresh)
    oauth_server.revoke(refresh)
    oauth_world.start()
    oauth_world.daemon.wait_log("account_failing")
    log = oauth_world.daemon.log_path.read_text()
    # The pass and the IDLE thread both wanted a token: the provider was asked once.
    assert (1, 1, 0) == (log.count("replywatch cannot read account 'work'"),
                         oauth_server.count("refresh_token"), oauth_server.count("/introspect"))
    assert "run `replywatch login work`" in log
