"""The email channel signing in with OAuth2 against aiosmtpd, whose authenticator
checks each bearer token at the test authorization server: XOAUTH2, OAUTHBEARER
where offered, a refused token refreshed once, a revoked grant as one clear error.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from replywatch.alerts import AlertChannelError
from replywatch.alerts.email import EmailChannel, send_email
from replywatch.alerts.render import RenderedAlert
from replywatch.config import Alerts, Auth, Config, EmailAlerts, OAuth2, Security
from replywatch.oauth import sources
from replywatch.oauth.tokens import TokenSource, save_refresh_token
from tests.servers.fixtures import SecretServiceBus
from tests.servers.oauth_server import OAuthServer
from tests.servers.smtp import SmtpServer
from tests.tls import TlsFiles

USER = "jane@example.test"


@pytest.fixture(autouse=True)
def _fresh_sources() -> Iterator[None]:
    sources.forget()
    yield
    sources.forget()


def oauth_settings(server: OAuthServer) -> OAuth2:
    return OAuth2(provider="custom", client_id=server.client_id,
                  authorization_url=f"{server.url}/authorize", token_url=f"{server.url}/token",
                  scope="mail")


def email_settings(smtp: SmtpServer, oauth: OAuthServer, tls_files: TlsFiles) -> EmailAlerts:
    return EmailAlerts(host=smtp.host, port=smtp.port, security=smtp.security,
                       from_addr=USER, to=(USER,), username=USER, ca_file=tls_files.ca_cert,
                       auth=Auth.OAUTH2, oauth2=oauth_settings(oauth))


def tokens_for(oauth: OAuthServer) -> TokenSource:
    save_refresh_token(USER, "127.0.0.1", oauth.issue_grant(USER))
    return TokenSource(oauth_settings(oauth), username=USER, host="127.0.0.1",
                       what="[alerts.email]", login=sources.EMAIL_LOGIN)


def send(settings: EmailAlerts, tokens: TokenSource) -> None:
    send_email(settings, tokens, subject="Acme wrote back", body="Reply due.",
               message_id="a1@example.test")


def test_send_email_xoauth2_server_gets_a_valid_token(
        oauth_server: OAuthServer, tls_files: TlsFiles,
        secret_service: SecretServiceBus) -> None:
    with SmtpServer(tls_files, security=Security.STARTTLS, bearer=oauth_server.valid,
                    mechanisms=("XOAUTH2",)) as smtp:
        send(email_settings(smtp, oauth_server, tls_files), tokens_for(oauth_server))
        received = smtp.wait_for(1)
        assert (["XOAUTH2"], USER, 0) == (smtp.bearer_mechanisms, received[0].login,
                                          smtp.failed_logins)


def test_send_email_refused_token_on_oauthbearer_is_refreshed_once(
        oauth_server: OAuthServer, tls_files: TlsFiles,
        secret_service: SecretServiceBus) -> None:
    tokens = tokens_for(oauth_server)
    tokens.token()
    oauth_server.expire_access_tokens()  # the server says no before the announced expiry
    with SmtpServer(tls_files, security=Security.TLS, bearer=oauth_server.valid) as smtp:
        send(email_settings(smtp, oauth_server, tls_files), tokens)
        received = smtp.wait_for(1)
        assert (["OAUTHBEARER", "OAUTHBEARER"], 1, 2, USER) == (
            smtp.bearer_mechanisms, smtp.failed_logins, oauth_server.count("refresh_token"),
            received[0].login)


def test_email_channel_revoked_grant_is_one_line_naming_the_login_command(
        oauth_server: OAuthServer, tls_files: TlsFiles,
        secret_service: SecretServiceBus) -> None:
    oauth_server.revoke(oauth_server.issue_grant(USER))
    save_refresh_token(USER, "127.0.0.1", oauth_server.granted_refresh_tokens()[0])
    with SmtpServer(tls_files, security=Security.STARTTLS, bearer=oauth_server.valid) as smtp:
        settings = email_settings(smtp, oauth_server, tls_files)
        channel = EmailChannel(Config(alerts=Alerts(channels=("email",), email=settings)))
        alert = RenderedAlert(key="k1", kind="test", app_id=0, title="t", body="b",
                              email_subject="s", email_body="b\n", payload={})
        errors = []
        for _ in range(3):
            with pytest.raises(AlertChannelError) as caught:
                channel.send(alert, None)
            errors.append(caught.value.problems)
        expected = ["[alerts.email]: the sign-in to 127.0.0.1 was revoked or has expired "
                    "(invalid_grant): run `replywatch login --alerts-email`"]
        assert ([expected] * 3, 1, []) == (errors, oauth_server.count("refresh_token"),
                                           smtp.bearer_mechanisms)
