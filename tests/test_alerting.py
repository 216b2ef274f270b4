"""Alert bookkeeping: once per key and channel, quiet hours, snooze, catch-up, retries."""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from replywatch.alerts.command import CommandChannel
from replywatch.alerts.console import ConsoleChannel
from replywatch.alerts.deliver import Alerter, in_quiet_hours
from replywatch.alerts.desktop import DesktopChannel
from replywatch.alerts.email import EmailChannel, message_id_for
from replywatch.alerts.render import RenderedAlert
from replywatch.config import (
    Alerts,
    Config,
    EmailAlerts,
    PasswordSource,
    Policy,
    Security,
)
from replywatch.core.model import Application, Direction, Event, Stage
from replywatch.store import Store
from tests.secret_canary import password_command
from tests.servers.notify_server import NotifyServer
from tests.servers.smtp import SmtpServer
from tests.tls import TlsFiles

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # a Tuesday, noon UTC
DAY = timedelta(days=1)
CONFIG = Config(policy=Policy(timezone="UTC"), alerts=Alerts(channels=("console",),
                                                             quiet_hours=None))


class Recorder:
    """A channel that records what it is asked to send and can be told to fail."""

    name = "console"

    def __init__(self) -> None:
        self.sent: list[RenderedAlert] = []
        self.fail = False

    def send(self, alert: RenderedAlert, app: Application | None) -> int | None:
        from replywatch.alerts import AlertChannelError

        if self.fail:
            raise AlertChannelError("console", "down")
        self.sent.append(alert)
        return None


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "s.db")


def add(store: Store, company: str, applied: datetime, role: str = "", **kw: object) -> int:
    with store.tx():
        return store.add_application(company=company, role=role, applied_at=applied, now=applied,
                                     **kw)  # type: ignore[arg-type]


def test_alerter_same_due_action_is_alerted_once_across_ticks_and_restarts(store: Store) -> None:
    add(store, "Acme", NOW - 8 * DAY)
    channel = Recorder()
    Alerter(CONFIG, store, [channel]).deliver_due(NOW)
    Alerter(CONFIG, store, [channel]).deliver_due(NOW + timedelta(minutes=1))
    Alerter(CONFIG, store, [channel]).deliver_due(NOW + DAY)
    assert ["Follow up with Acme (1 of 3)"] == [a.title for a in channel.sent]


def test_alerter_failed_channel_is_retried_on_next_tick(store: Store) -> None:
    add(store, "Acme", NOW - 8 * DAY)
    channel = Recorder()
    alerter = Alerter(CONFIG, store, [channel])
    channel.fail = True
    first = alerter.deliver_due(NOW)
    channel.fail = False
    second = alerter.deliver_due(NOW + timedelta(minutes=1))
    third = alerter.deliver_due(NOW + timedelta(minutes=2))
    assert (1, 1, 0, 1) == (first.failed, len(second.sent), len(third.sent), len(channel.sent))


def test_alerter_failing_channel_does_not_block_the_others(store: Store) -> None:
    add(store, "Acme", NOW - 8 * DAY)
    broken, working = Recorder(), Recorder()
    broken.fail = True
    broken.name = "command"
    Alerter(CONFIG, store, [broken, working]).deliver_due(NOW)
    assert 1 == len(working.sent)


@pytest.mark.parametrize(
    ("now_hour", "kinds"),
    [(22, ["reply"]), (7, ["reply"]), (8, ["follow_up_due", "reply"]),
     (12, ["follow_up_due", "reply"])],
)
def test_alerter_quiet_hours_hold_reminders_but_not_replies(
        store: Store, now_hour: int, kinds: list[str]) -> None:
    now = NOW.replace(hour=now_hour)
    add(store, "Acme", now - 8 * DAY)
    replied = add(store, "Globex", now - 8 * DAY)
    with store.tx():
        store.add_event(replied, Event(at=now - DAY, direction=Direction.FROM_THEM))
    config = CONFIG._replace(alerts=Alerts(channels=("console",),
                                           quiet_hours=(time(21, 0), time(8, 0))))
    channel = Recorder()
    Alerter(config, store, [channel]).deliver_due(now)
    assert kinds == sorted(a.kind for a in channel.sent)


@pytest.mark.parametrize(
    ("local", "quiet"),
    [(time(20, 59), False), (time(21, 0), True), (time(23, 0), True), (time(0, 0), True),
     (time(7, 59), True), (time(8, 0), False)],
)
def test_in_quiet_hours_over_midnight(local: time, quiet: bool) -> None:
    now = datetime.combine(NOW.date(), local, tzinfo=UTC)
    assert quiet == in_quiet_hours(now, UTC, (time(21, 0), time(8, 0)))


def test_alerter_snoozed_application_is_silent_until_snooze_ends(store: Store) -> None:
    app_id = add(store, "Acme", NOW - 8 * DAY)
    with store.tx():
        store.update_application(app_id, NOW, snoozed_until=NOW + 2 * DAY)
    channel = Recorder()
    alerter = Alerter(CONFIG, store, [channel])
    alerter.deliver_due(NOW)
    alerter.deliver_due(NOW + 2 * DAY - timedelta(seconds=1))
    silent = len(channel.sent)
    alerter.deliver_due(NOW + 2 * DAY)
    assert (0, 1) == (silent, len(channel.sent))


def test_alerter_resume_after_sleep_alerts_overtaken_actions_once_each(store: Store) -> None:
    applied = NOW - 40 * DAY
    add(store, "Acme", applied)
    channel = Recorder()
    alerter = Alerter(CONFIG, store, [channel])
    # Asleep from day 6 to day 30: follow-up 1 fell due on day 7 and was overtaken by
    # ghosted on day 28 (window of 14 days after day 7, then 7 days).
    alerter.deliver_due(applied + 30 * DAY, since=applied + 6 * DAY)
    alerter.deliver_due(applied + 30 * DAY + timedelta(minutes=1), since=applied + 30 * DAY)
    assert ["follow_up_due", "ghosted"] == [a.kind for a in channel.sent]


def test_alerter_ghosted_alert_delivered_closes_application(store: Store) -> None:
    applied = NOW - 40 * DAY
    app_id = add(store, "Acme", applied)
    with store.tx():
        for days in (7, 11, 15):
            store.add_event(app_id, Event(at=applied + days * DAY, direction=Direction.TO_THEM))
    channel = Recorder()
    Alerter(CONFIG, store, [channel]).deliver_due(NOW)
    assert (["ghosted"], Stage.GHOSTED) == ([a.kind for a in channel.sent],
                                           store.get(app_id).stage)


def test_alerter_new_reply_after_answer_alerts_again(store: Store) -> None:
    app_id = add(store, "Acme", NOW - 10 * DAY)
    channel = Recorder()
    alerter = Alerter(CONFIG, store, [channel])
    with store.tx():
        store.add_event(app_id, Event(at=NOW - 3 * DAY, direction=Direction.FROM_THEM))
    alerter.deliver_due(NOW)
    with store.tx():
        store.add_event(app_id, Event(at=NOW - 2 * DAY, direction=Direction.TO_THEM))
        store.add_event(app_id, Event(at=NOW - DAY, direction=Direction.FROM_THEM))
    alerter.deliver_due(NOW)
    assert ["reply", "reply"] == [a.kind for a in channel.sent]


def test_alerter_account_failure_reported_once_per_streak(store: Store) -> None:
    channel = Recorder()
    alerter = Alerter(CONFIG, store, [channel])
    for reason in ("timed out", "connection refused", "timed out"):
        alerter.account_failed("work", reason, NOW)
    alerter.account_ok("work")
    alerter.account_failed("work", "timed out", NOW + DAY)
    assert 2 == len(channel.sent)


def test_alerter_command_channel_gets_json_on_stdin(store: Store, tmp_path: Path) -> None:
    add(store, "Acme", NOW - 8 * DAY)
    out = tmp_path / "payload.json"
    script = f"import sys; open({str(out)!r}, 'w').write(sys.stdin.read())"
    Alerter(CONFIG, store, [CommandChannel([sys.executable, "-c", script])]).deliver_due(NOW)
    import json

    payload = json.loads(out.read_text())
    assert ("follow_up_due", 1, "Acme") == (payload["kind"], payload["n"],
                                            payload["application"]["company"])


HOSTILE = ('<a href="http://evil.example/x">Evil</a> & Co\x1b[31m\x1b]0;pwned\x07\r\n'
           "Bcc: victim@example.org\n" + "A" * 10_000)


def test_alerter_hostile_company_is_harmless_in_notification_and_email(
        store: Store, dbus_session: str, smtp_server: SmtpServer, tls_files: TlsFiles) -> None:
    add(store, HOSTILE, NOW - 8 * DAY, role=HOSTILE)
    email = EmailAlerts(host=smtp_server.host, port=smtp_server.port, security=Security.STARTTLS,
                        username=smtp_server.username, from_addr="rw@example.org",
                        to=("alex@example.org",), ca_file=tls_files.ca_cert,
                        password=PasswordSource(kind="command",
                                                command=tuple(password_command(smtp_server.password))))
    config = CONFIG._replace(alerts=Alerts(channels=("desktop", "email"), quiet_hours=None,
                                           email=email))
    with NotifyServer(dbus_session, capabilities=("actions", "body", "body-markup")) as server:
        Alerter(config, store, [DesktopChannel(dbus_session), EmailChannel(config)]
                ).deliver_due(NOW)
        note = server.wait_for(1)[0]
    mail = smtp_server.wait_for(1)[0]
    subject = str(mail.message["Subject"])
    body = mail.message.get_content()
    for text in (note.summary, note.body, subject, body):
        assert "\x1b" not in text
        assert "\x07" not in text
    assert "\n" not in note.summary
    assert len(note.summary) <= 120
    assert "<a href" not in note.body  # escaped for the body-markup server
    assert "&lt;a href" in note.body
    assert None is mail.message["Bcc"]
    assert ["alex@example.org"] == list(mail.rcpt_tos)
    assert len(body) < 5000
    assert '<a href="http://evil.example/x">Evil</a> &' in subject


def test_alerter_email_message_id_derived_from_key(
        store: Store, smtp_server: SmtpServer, tls_files: TlsFiles) -> None:
    add(store, "Acme", NOW - 8 * DAY)
    email = EmailAlerts(host=smtp_server.host, port=smtp_server.port, security=Security.STARTTLS,
                        username=smtp_server.username, from_addr="rw@example.org",
                        to=("alex@example.org",), ca_file=tls_files.ca_cert,
                        password=PasswordSource(kind="command",
                                                command=tuple(password_command(smtp_server.password))))
    config = CONFIG._replace(alerts=Alerts(channels=("email",), quiet_hours=None, email=email))
    alerter = Alerter(config, store, [EmailChannel(config)])
    key = alerter.due(NOW)[0][1].key
    alerter.deliver_due(NOW)
    mail = smtp_server.wait_for(1)[0]
    assert f"<{message_id_for(key, 'rw@example.org')}>" == mail.message["Message-ID"]


def test_alerter_console_channel_prints_alert(store: Store) -> None:
    add(store, "Acme", NOW - 8 * DAY)
    out = io.StringIO()
    Alerter(CONFIG, store, [ConsoleChannel(out)]).deliver_due(NOW)
    assert out.getvalue().startswith("Follow up with Acme (1 of 3)\n    ")


def test_alerter_missing_session_bus_fails_desktop_only(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    add(store, "Acme", NOW - 8 * DAY)
    other = Recorder()
    result = Alerter(CONFIG, store, [DesktopChannel(), other]).deliver_due(NOW)
    assert (1, 1) == (result.failed, len(other.sent))


def test_alerter_gmail_thread_offers_open_and_click_opens_it(
        store: Store, dbus_session: str, notify_server: NotifyServer) -> None:
    add(store, "Acme", NOW - 8 * DAY, thread_ids=["gmthr:1789"])
    opened: list[str] = []
    config = CONFIG._replace(alerts=Alerts(channels=("desktop",), quiet_hours=None))
    alerter = Alerter(config, store, [DesktopChannel(dbus_session)], opener=opened.append)
    alerter.deliver_due(NOW)
    note = notify_server.wait_for(1)[0]
    clicked = alerter.on_action(note.id, "open", NOW)
    assert ("open", True, ["https://mail.google.com/mail/u/0/#all/6fd"]) == (
        note.actions[0][0], clicked, opened)


def test_alerter_click_on_unknown_notification_changes_nothing(store: Store) -> None:
    assert False is Alerter(CONFIG, store, []).on_action(4242, "replied", NOW)
