"""Alerts in Norwegian on the wire: an email through a real SMTP server (aiosmtpd), a
notification through a private D-Bus, and the daemon speaking `[ui] language = "nb"`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from replywatch import i18n
from replywatch.alerts import AlertChannelError
from replywatch.alerts.command import run_command
from replywatch.alerts.desktop import DesktopChannel
from replywatch.alerts.email import send_email
from replywatch.alerts.render import RenderedAlert, render
from replywatch.config import Security
from replywatch.core.model import Action, ActionKind, Application, Interview, Stage
from tests.servers.notify_server import NotifyServer
from tests.servers.smtp import SmtpServer
from tests.test_alert_transports import email_settings
from tests.test_daemon import World, ago
from tests.tls import TlsFiles

NOW = datetime(2026, 11, 27, 13, 5, tzinfo=UTC)  # Friday 27 November
HOUR = timedelta(hours=1)


def _thank_you_to_bodo() -> tuple[Application, RenderedAlert]:
    """Return an application and its thank-you alert, rendered in Norwegian."""
    i18n.use("nb")
    ended = NOW - 3 * HOUR
    app = Application(id=4, company="Bodø Energi", role="Økonomirådgiver", stage=Stage.INTERVIEWING,
                      applied_at=NOW - timedelta(days=20),
                      interviews=(Interview(ended - HOUR, ended, ()),))
    action = Action(4, ActionKind.THANK_YOU_DUE, due=ended + 2 * HOUR, since=ended,
                    overdue_at=ended + timedelta(days=1))
    return app, render(app, action, now=NOW, tz=UTC)


def test_email_alert_in_norwegian_arrives_with_rfc2047_subject_and_utf8_body(
        smtp_server: SmtpServer, tls_files: TlsFiles) -> None:
    _app, alert = _thank_you_to_bodo()
    send_email(email_settings(smtp_server, tls_files.ca_cert), smtp_server.password,
               subject=alert.email_subject, body=alert.email_body,
               message_id="nb-1@replywatch.local", timeout=5)

    [received] = smtp_server.wait_for(1)
    raw_subject = next(line for line in received.raw.split(b"\r\n")
                       if line.startswith(b"Subject:"))
    parsed = received.message
    assert (
        True,
        True,
        "[replywatch] Takk Bodø Energi for intervjuet",
        alert.email_body,
        True,
    ) == (
        received.raw.isascii(),  # 7-bit on the wire: any server takes it
        b"=?utf-8?" in raw_subject.lower(),  # RFC 2047 encoded word
        str(parsed["Subject"]),
        parsed.get_content(),
        "Send Bodø Energi en takkemelding etter intervjuet" in parsed.get_content(),
    )


def test_desktop_alert_in_norwegian_reaches_the_notification_server(
        dbus_session: str, notify_server: NotifyServer) -> None:
    app, alert = _thank_you_to_bodo()
    DesktopChannel(dbus_session).send(alert, app)

    [recorded] = notify_server.wait_for(1)
    assert (
        "Takk Bodø Energi for intervjuet",
        "Intervjuet ditt sluttet fre. 27. nov. kl. 10:05: send gjerne en takk innen et døgn.\n"
        "Stilling: Økonomirådgiver",
        (("snooze", "Utsett 2 dager"), ("replied", "Jeg har svart")),
    ) == (recorded.summary, recorded.body, recorded.actions)


def test_daemon_with_ui_language_nb_alerts_in_norwegian_on_desktop_and_email(
        world: World, notify_server: NotifyServer, smtp_server: SmtpServer) -> None:
    world.config.write_text(world.config.read_text(encoding="utf-8")
                            + '\n[ui]\nlanguage = "nb"\n', encoding="utf-8")
    world.add_app("--company", "Kværner", "--contact", "hr@kvaerner.example",
                  "--applied", ago(8))
    world.start()
    [note] = notify_server.wait_for(1)
    [mail] = smtp_server.wait_for(1)
    body = mail.message.get_content()
    assert (
        "Følg opp søknaden hos Kværner (1 av 3)",
        [("snooze", "Utsett 2 dager"), ("replied", "Jeg har svart")],
        "[replywatch] Følg opp søknaden hos Kværner (1 av 3)",
        True,
        True,
    ) == (
        note.summary,
        list(note.actions),
        str(mail.message["Subject"]),
        "Oppfølging 1 av 3 til Kværner kan sendes nå" in body,
        "En god oppfølging nevner gjerne én av disse:" in body,
    )


def test_email_channel_refused_login_in_norwegian_names_the_server_not_the_password(
        smtp_server: SmtpServer, tls_files: TlsFiles) -> None:
    i18n.use("nb")
    wrong = "Feil-Passord-1"
    with pytest.raises(AlertChannelError) as caught:
        send_email(email_settings(smtp_server, tls_files.ca_cert), wrong, subject="s",
                   body="b", message_id="nb-2@replywatch.local", timeout=5)
    where = f"{smtp_server.host}:{smtp_server.port}"
    text = caught.value.problems[0]
    assert (True, "email", False) == (
        text.startswith(f"SMTP-serveren {where} avviste innloggingen til "
                        f"{smtp_server.username}: 535"),
        caught.value.channel, wrong in f"{text} {caught.value.hint}")


def test_command_channel_failure_in_norwegian_says_the_exit_code() -> None:
    i18n.use("nb")
    with pytest.raises(AlertChannelError) as caught:
        run_command(["sh", "-c", "echo 'ingen tilgang' >&2; exit 3"], {"kind": "test"})
    assert ("command", "kommandoen sh avsluttet med kode 3: ingen tilgang") == (
        caught.value.channel, caught.value.problems[0])


def test_send_email_password_with_aeoeaa_logs_in_and_a_wrong_one_is_refused(
        tls_files: TlsFiles) -> None:
    # smtplib's login encodes the password as ASCII: "blåbær" raised UnicodeEncodeError,
    # a crash instead of an alert or a one-line error.
    password = "Blåbær-syltetøy-7"
    with SmtpServer(tls_files, security=Security.STARTTLS, password=password) as server:
        settings = email_settings(server, tls_files.ca_cert)
        send_email(settings, password, subject="s", body="b",
                   message_id="nb-3@replywatch.local", timeout=5)
        [received] = server.wait_for(1)
        with pytest.raises(AlertChannelError) as caught:
            send_email(settings, "Blåbær-feil", subject="s", body="b",
                       message_id="nb-4@replywatch.local", timeout=5)
    assert (server.username, True, False) == (
        received.login, "refused the login" in caught.value.problems[0],
        "Blåbær" in f"{caught.value.problems[0]} {caught.value.hint}")
