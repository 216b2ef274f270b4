"""The two alert transports against real servers: a private D-Bus with a recording
notification server, aiosmtpd over STARTTLS and SMTPS, and gnome-keyring's
Secret Service. Also a sanity test of each of those fixtures.
"""

from __future__ import annotations

import queue
import smtplib
import ssl
import threading
from pathlib import Path

import keyring
import pytest
from jeepney import DBusAddress, HeaderFields, new_method_call, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import Proxy, open_dbus_connection

from replywatch.alerts import AlertChannelError
from replywatch.alerts.desktop import DesktopNotifier
from replywatch.alerts.email import send_email
from replywatch.config import EmailAlerts, Security
from replywatch.errors import UserError
from replywatch.wakeup import Wakeup
from tests.servers.dbus import DbusDaemon
from tests.servers.fixtures import SecretServiceBus
from tests.servers.notify_server import NotifyServer
from tests.servers.smtp import SmtpServer
from tests.tls import TlsFiles, make_ca_and_server_cert

NOTIFICATIONS = DBusAddress(
    "/org/freedesktop/Notifications",
    bus_name="org.freedesktop.Notifications",
    interface="org.freedesktop.Notifications",
)


def email_settings(server: SmtpServer, ca_file: Path) -> EmailAlerts:
    """Alert settings pointing at ``server``, logging in as its user, trusting ``ca_file``."""
    return EmailAlerts(
        host=server.host,
        port=server.port,
        security=server.security,
        from_addr="replywatch@example.test",
        to=("seeker@example.test",),
        username=server.username,
        ca_file=ca_file,
    )


# --- the fixtures themselves ---------------------------------------------------------


def test_dbus_session_fixture_bus_answers_hello(dbus_session: str) -> None:
    with open_dbus_connection(dbus_session) as connection:
        (names,) = Proxy(message_bus, connection, timeout=2).ListNames()

    assert connection.unique_name in names


def test_notify_server_fixture_records_raw_notify_call(
    dbus_session: str, notify_server: NotifyServer
) -> None:
    call = new_method_call(
        NOTIFICATIONS,
        "Notify",
        "susssasa{sv}i",
        ("app", 0, "icon", "sum", "body", ["k", "K"], {"urgency": ("y", 2)}, 5000),
    )
    with open_dbus_connection(dbus_session) as connection:
        reply = connection.send_and_get_reply(call, timeout=2)

    [recorded] = notify_server.wait_for(1)
    assert (reply.body[0], recorded.summary, recorded.actions, recorded.hints) == (
        recorded.id,
        "sum",
        (("k", "K"),),
        {"urgency": 2},
    )


def test_smtp_server_fixture_refuses_mail_before_starttls(smtp_server: SmtpServer) -> None:
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=5) as client:
        client.ehlo()
        code, _ = client.mail("a@example.test")

    assert code == 530


def test_smtp_server_fixture_records_mail_after_starttls_and_login(
    smtp_server: SmtpServer, tls_files: TlsFiles
) -> None:
    context = ssl.create_default_context(cafile=tls_files.ca_cert)
    with smtplib.SMTP(smtp_server.host, smtp_server.port, timeout=5) as client:
        client.starttls(context=context)
        client.login(smtp_server.username, smtp_server.password)
        client.sendmail("a@example.test", ["b@example.test"], b"Subject: hi\r\n\r\nbody\r\n")

    [received] = smtp_server.wait_for(1)
    assert (received.rcpt_tos, received.login, received.tls, received.message["Subject"]) == (
        ("b@example.test",),
        smtp_server.username,
        True,
        "hi",
    )


def test_secret_service_fixture_owns_secrets_name(secret_service: SecretServiceBus) -> None:
    with open_dbus_connection(secret_service.bus_address) as connection:
        (owned,) = Proxy(message_bus, connection, timeout=2).NameHasOwner("org.freedesktop.secrets")

    assert owned


# --- desktop notifications ---------------------------------------------------------


def test_desktop_notify_server_receives_summary_body_and_actions(
    dbus_session: str, notify_server: NotifyServer
) -> None:
    with DesktopNotifier(dbus_session) as notifier:
        notification_id = notifier.notify(
            "Reply from Acme", "Re: Backend engineer", [("open", "Open"), ("snooze", "Snooze")]
        )

    [recorded] = notify_server.wait_for(1)
    assert (
        recorded.id,
        recorded.app_name,
        recorded.summary,
        recorded.body,
        recorded.actions,
        recorded.hints,
    ) == (
        notification_id,
        "replywatch",
        "Reply from Acme",
        "Re: Backend engineer",
        (("open", "Open"), ("snooze", "Snooze")),
        {"urgency": 1},
    )


def test_desktop_notify_server_with_body_markup_gets_escaped_body(dbus_session: str) -> None:
    with (
        NotifyServer(dbus_session, capabilities=("actions", "body", "body-markup")) as server,
        DesktopNotifier(dbus_session) as notifier,
    ):
        notifier.notify("<b>A & B</b>", '<a href="http://x">click</a> & more')

    [recorded] = server.wait_for(1)
    assert (recorded.summary, recorded.body) == (
        "<b>A & B</b>",
        '&lt;a href="http://x"&gt;click&lt;/a&gt; &amp; more',
    )


def test_desktop_notify_server_without_body_markup_gets_raw_body(
    dbus_session: str, notify_server: NotifyServer
) -> None:
    with DesktopNotifier(dbus_session) as notifier:
        notifier.notify("Reply", "<a href='http://x'>click</a> & more")

    [recorded] = notify_server.wait_for(1)
    assert recorded.body == "<a href='http://x'>click</a> & more"


def test_desktop_notify_server_without_actions_capability_gets_no_actions(
    dbus_session: str,
) -> None:
    with (
        NotifyServer(dbus_session, capabilities=("body",)) as server,
        DesktopNotifier(dbus_session) as notifier,
    ):
        notifier.notify("Reply", "body", [("open", "Open")])

    [recorded] = server.wait_for(1)
    assert recorded.actions == ()


def test_desktop_notify_text_with_nul_and_lone_surrogate_arrives_cleaned(
    dbus_session: str, notify_server: NotifyServer
) -> None:
    # Unclean, a NUL makes the bus drop the connection and a surrogate cannot be encoded.
    with DesktopNotifier(dbus_session) as notifier:
        notifier.notify("Re:\x00 offer\udcff", "line\x00 one\r\nline two\x1b[31m")

    [recorded] = notify_server.wait_for(1)
    assert (recorded.summary, recorded.body) == ("Re: offer?", "line one\nline two[31m")


def test_desktop_notifier_without_bus_address_raises_user_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)

    with pytest.raises(UserError) as caught:
        DesktopNotifier()

    assert str(caught.value) == "no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set"


def test_desktop_available_without_notification_server_is_false_with_reason(
    dbus_session: str,
) -> None:
    with DesktopNotifier(dbus_session) as notifier:
        ok, reason = notifier.available()

    assert (ok, "nobody owns org.freedesktop.Notifications" in reason) == (False, True)


def test_desktop_available_with_notification_server_is_true(
    dbus_session: str, notify_server: NotifyServer
) -> None:
    with DesktopNotifier(dbus_session) as notifier:
        ok, reason = notifier.available()

    assert (ok, reason) == (
        True,
        "notification server replywatch-test-notify 1.0 (replywatch, spec 1.2)",
    )


def test_desktop_notify_bus_socket_missing_raises_alert_channel_error(tmp_path: Path) -> None:
    notifier = DesktopNotifier(f"unix:path={tmp_path}/no-bus")

    with pytest.raises(AlertChannelError, match="cannot connect to the D-Bus session bus"):
        notifier.notify("Reply", "body")


class Listener:
    """``DesktopNotifier.listen`` in a thread, recording clicks and closes until stopped."""

    def __init__(self, notifier: DesktopNotifier) -> None:
        self.clicks: queue.Queue[tuple[int, str]] = queue.Queue()
        self.closed: queue.Queue[tuple[int, int]] = queue.Queue()
        self.stop, self.ready = Wakeup(), threading.Event()
        self.thread = threading.Thread(
            target=notifier.listen,
            args=(lambda nid, key: self.clicks.put((nid, key)), self.stop),
            kwargs={"ready": self.ready, "on_closed": lambda nid, why: self.closed.put((nid, why))},
        )

    def __enter__(self) -> Listener:
        self.thread.start()
        assert self.ready.wait(5)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(5)


@pytest.mark.parametrize("notify_server", ["unicast", "broadcast"], indirect=True)
def test_desktop_listen_click_unicast_or_broadcast_reaches_handler_then_close(
    notify_server: NotifyServer,
) -> None:
    # dunst addresses the signals to the notifying connection, GNOME broadcasts:
    # a listener on a second connection would hear only the broadcast.
    with DesktopNotifier(notify_server.bus_address) as notifier, Listener(notifier) as listener:
        notification_id = notifier.notify("Reply", "body", [("open", "Open")])
        notify_server.invoke_action(notification_id, "open")
        click = listener.clicks.get(timeout=5)
        closed = listener.closed.get(timeout=5)

    assert ((notification_id, "open"), (notification_id, 2)) == (click, closed)


@pytest.mark.parametrize("notify_server", ["unicast"], indirect=True)
def test_notify_server_unicast_click_is_not_heard_on_another_connection(
    notify_server: NotifyServer,
) -> None:
    # The recorder plays dunst faithfully: the bug of issue 8 shows against it.
    with (
        DesktopNotifier(notify_server.bus_address) as sender,
        DesktopNotifier(notify_server.bus_address) as bystander,
        Listener(bystander) as other,
        Listener(sender) as own,
    ):
        bystander.notify("Other", "body", [("open", "Open")])  # it too took a notification
        notification_id = sender.notify("Reply", "body", [("open", "Open")])
        notify_server.invoke_action(notification_id, "open")
        click = own.clicks.get(timeout=5)

    assert ((notification_id, "open"), True) == (click, other.clicks.empty())


def test_desktop_listen_signal_from_a_client_not_the_server_is_ignored(
    notify_server: NotifyServer,
) -> None:
    with DesktopNotifier(notify_server.bus_address) as notifier, Listener(notifier) as listener:
        notification_id = notifier.notify("Reply", "body", [("replied", "Mark replied")])
        our_name = notify_server.wait_for(1)[0].sender
        fake = new_signal(NOTIFICATIONS, "ActionInvoked", "us", (notification_id, "replied"))
        fake.header.fields[HeaderFields.destination] = our_name
        with open_dbus_connection(notify_server.bus_address) as attacker:
            attacker.send(fake)
            # A round trip on the same connection: the fake was delivered before its reply.
            Proxy(message_bus, attacker, timeout=2).GetId()
        notify_server.invoke_action(notification_id, "replied")
        first = listener.clicks.get(timeout=5)
        closed = listener.closed.get(timeout=5)

    assert ((notification_id, "replied"), True) == (first, listener.clicks.empty()), closed


def test_desktop_notify_without_notification_server_raises_channel_error(
    dbus_session: str,
) -> None:
    with DesktopNotifier(dbus_session) as notifier, pytest.raises(AlertChannelError) as caught:
        notifier.notify("Reply", "body")

    assert (
        "no notification server on the D-Bus session bus "
        "(nobody owns org.freedesktop.Notifications)"
    ) == str(caught.value)


def test_desktop_notify_server_without_actions_gets_the_commands_in_the_body(
    dbus_session: str,
) -> None:
    with (
        NotifyServer(dbus_session, capabilities=("body",)) as server,
        DesktopNotifier(dbus_session) as notifier,
    ):
        notifier.notify("Reply", "Maria wrote.", [("snooze", "Snooze")],
                        no_actions_text="Snooze: replywatch app snooze 3 --days 2")

    [recorded] = server.wait_for(1)
    assert ((), "Maria wrote.\nSnooze: replywatch app snooze 3 --days 2") == (
        recorded.actions, recorded.body)


def test_desktop_notify_server_with_actions_gets_no_commands_in_the_body(
    notify_server: NotifyServer,
) -> None:
    with DesktopNotifier(notify_server.bus_address) as notifier:
        notifier.notify("Reply", "Maria wrote.", [("snooze", "Snooze")],
                        no_actions_text="Snooze: replywatch app snooze 3 --days 2")

    [recorded] = notify_server.wait_for(1)
    assert ((("snooze", "Snooze"),), "Maria wrote.") == (recorded.actions, recorded.body)


def test_desktop_listen_bus_gone_raises_channel_error() -> None:
    failures: queue.Queue[BaseException] = queue.Queue()
    stop, ready = Wakeup(), threading.Event()
    with DbusDaemon() as bus:
        notifier = DesktopNotifier(bus.address)

        def run() -> None:
            try:
                notifier.listen(lambda nid, key: None, stop, ready=ready)
            except AlertChannelError as err:
                failures.put(err)

        thread = threading.Thread(target=run)
        thread.start()
        assert ready.wait(5)
    try:
        failure = failures.get(timeout=5)  # the daemon's listener reconnects on this
    finally:
        stop.set()
        thread.join(5)

    assert f"lost the D-Bus session bus at {bus.address}" == str(failure)


# --- email ---------------------------------------------------------------------------


def test_send_email_over_starttls_arrives_with_headers(
    smtp_server: SmtpServer, tls_files: TlsFiles
) -> None:
    settings = email_settings(smtp_server, tls_files.ca_cert)

    send_email(
        settings,
        smtp_server.password,
        subject="Reply from Acme",
        body="Acme replied to your application.\n",
        message_id="alert-1@replywatch.local",
        timeout=5,
    )

    [received] = smtp_server.wait_for(1)
    message = received.message
    assert (
        received.mail_from,
        received.rcpt_tos,
        received.login,
        received.tls,
        message["Subject"],
        message["From"],
        message["To"],
        message["Message-ID"],
        message["Auto-Submitted"],
        message["Date"] is not None,
        message.get_content(),
    ) == (
        "replywatch@example.test",
        ("seeker@example.test",),
        smtp_server.username,
        True,
        "Reply from Acme",
        "replywatch@example.test",
        "seeker@example.test",
        "<alert-1@replywatch.local>",
        "auto-generated",
        True,
        "Acme replied to your application.\n",
    )


def test_send_email_over_smtps_arrives_with_headers(tls_files: TlsFiles) -> None:
    with SmtpServer(tls_files, security=Security.TLS) as server:
        send_email(
            email_settings(server, tls_files.ca_cert),
            server.password,
            subject="Réponse d'Acme",
            body="Acme a répondu.\n",
            message_id="<alert-2@replywatch.local>",
            timeout=5,
        )
        [received] = server.wait_for(1)

    message = received.message
    assert (
        received.tls,
        message["Subject"],
        message["Message-ID"],
        message["Auto-Submitted"],
        message.get_content(),
    ) == (
        True,
        "Réponse d'Acme",
        "<alert-2@replywatch.local>",
        "auto-generated",
        "Acme a répondu.\n",
    )


def test_send_email_wrong_password_raises_without_password(
    smtp_server: SmtpServer, tls_files: TlsFiles
) -> None:
    wrong = "Wr0ng-Passw0rd-xyzzy"

    with pytest.raises(AlertChannelError) as caught:
        send_email(
            email_settings(smtp_server, tls_files.ca_cert),
            wrong,
            subject="s",
            body="b",
            message_id="alert-3@replywatch.local",
            timeout=5,
        )

    text = str(caught.value)
    assert (
        f"{smtp_server.host}:{smtp_server.port}" in text,
        "refused the login" in text,
        wrong in f"{text} {caught.value.hint}",
        caught.value.channel,
    ) == (True, True, False, "email")


def test_send_email_server_cert_from_unknown_ca_raises_certificate_error(
    tmp_path: Path, tls_files: TlsFiles
) -> None:
    other_ca = make_ca_and_server_cert(tmp_path)

    with (
        SmtpServer(other_ca, security=Security.STARTTLS) as server,
        pytest.raises(AlertChannelError, match=r"certificate of 127\.0\.0\.1:\d+ failed"),
    ):
        send_email(
            email_settings(server, tls_files.ca_cert),
            server.password,
            subject="s",
            body="b",
            message_id="alert-4@replywatch.local",
            timeout=5,
        )


def test_send_email_subject_with_crlf_bcc_adds_no_header(
    smtp_server: SmtpServer, tls_files: TlsFiles
) -> None:
    send_email(
        email_settings(smtp_server, tls_files.ca_cert),
        smtp_server.password,
        subject="Hello\r\nBcc: evil@x",
        body="b",
        message_id="alert-5@replywatch.local",
        timeout=5,
    )

    [received] = smtp_server.wait_for(1)
    assert (
        received.message["Bcc"],
        received.message["Subject"],
        received.rcpt_tos,
    ) == (None, "Hello Bcc: evil@x", ("seeker@example.test",))


# --- keyring -------------------------------------------------------------------------


def test_keyring_secret_service_round_trip_returns_password(
    secret_service: SecretServiceBus,
) -> None:
    keyring.set_password("replywatch", "seeker@example.test", "imap-pässword")

    assert keyring.get_password("replywatch", "seeker@example.test") == "imap-pässword"


def test_desktop_listen_after_restart_hears_click_on_earlier_notification(
    notify_server: NotifyServer,
) -> None:
    # GNOME keeps notifications in its tray: one sent before a restart of the
    # daemon can be clicked after it, and the broadcast reaches the new process.
    with DesktopNotifier(notify_server.bus_address) as before:
        notification_id = before.notify("Reply", "body", [("snooze", "Snooze")])
    with DesktopNotifier(notify_server.bus_address) as after, Listener(after) as listener:
        notify_server.invoke_action(notification_id, "snooze")
        click = listener.clicks.get(timeout=5)

    assert (notification_id, "snooze") == click
