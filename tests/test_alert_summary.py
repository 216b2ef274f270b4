"""Many alerts at once become one summary per channel, and every alert in it counts
as delivered (the ledger's "each due action alerted once" holds)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replywatch.alerts.command import CommandChannel
from replywatch.alerts.deliver import Alerter
from replywatch.alerts.desktop import DesktopChannel
from replywatch.alerts.email import EmailChannel
from replywatch.alerts.render import RenderedAlert
from replywatch.alerts.summary import SUMMARY_AFTER, summarize
from replywatch.config import Alerts, Config, EmailAlerts, PasswordSource, Policy, Security
from replywatch.core.model import Direction, Event
from replywatch.store import Store
from tests.servers.notify_server import NotifyServer
from tests.servers.smtp import SmtpServer
from tests.tls import TlsFiles

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)
CONFIG = Config(policy=Policy(timezone="UTC"), alerts=Alerts(channels=("console",),
                                                             quiet_hours=None))


class Recorder:
    """A channel that records what it is asked to send."""

    name = "console"

    def __init__(self) -> None:
        self.sent: list[RenderedAlert] = []

    def send(self, alert: RenderedAlert, app: object) -> int | None:
        self.sent.append(alert)
        return None


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "s.db")


def add_due(store: Store, follow_ups: int, replies: int) -> None:
    """Add applications: ``follow_ups`` with a follow-up due, ``replies`` with a reply."""
    with store.tx():
        for i in range(follow_ups + replies):
            app_id = store.add_application(company=f"Company {i}", role="",
                                           applied_at=NOW - 8 * DAY, now=NOW - 8 * DAY)
            if i >= follow_ups:
                store.add_event(app_id, Event(at=NOW - DAY, direction=Direction.FROM_THEM))


def alert(kind: str, app_id: int, company: str) -> RenderedAlert:
    return RenderedAlert(key=f"{app_id}:{kind}", kind=kind, app_id=app_id, title=f"{company} t",
                         body=f"{company} b", email_subject="s", email_body="e",
                         payload={"application": {"company": company}})


def test_summarize_counts_applications_and_kinds_and_names_three() -> None:
    alerts = [alert("follow_up_due", 1, "Acme"), alert("follow_up_due", 2, "Globex"),
              alert("follow_up_due", 3, "Initech"), alert("reply", 4, "Hooli"),
              alert("reply", 5, "Umbrella"), alert("thank_you_due", 6, "Contoso"),
              alert("ghosted", 7, "Wayne")]

    summary = summarize(alerts)

    assert ("7 applications need you",
            "3 follow-ups, 2 replies, 1 thank-you note, 1 gone quiet\n"
            "Acme, Globex, Initech and 4 more\nSee them all: replywatch status",
            (), "normal") == (summary.title, summary.body, summary.actions, summary.urgency)


def test_summarize_with_one_critical_alert_is_critical() -> None:
    alerts = [alert("follow_up_due", 1, "Acme"),
              RenderedAlert(key="2:offer", kind="offer", app_id=2, title="t", body="b",
                            email_subject="s", email_body="e", payload={}, urgency="critical")]

    assert "critical" == summarize(alerts).urgency


def test_summarize_key_is_the_same_for_the_same_alerts_in_any_order() -> None:
    one, two = alert("reply", 1, "Acme"), alert("reply", 2, "Globex")

    assert summarize([one, two]).key == summarize([two, one]).key


def test_alerter_more_than_threshold_due_sends_one_summary_once(store: Store) -> None:
    add_due(store, follow_ups=4, replies=3)
    channel = Recorder()

    first = Alerter(CONFIG, store, [channel]).deliver_due(NOW)
    later = Alerter(CONFIG, store, [channel]).deliver_due(NOW + timedelta(minutes=1))

    assert (["7 applications need you"], "4 follow-ups, 3 replies", 7, 0) == (
        [a.title for a in channel.sent], channel.sent[0].body.splitlines()[0],
        len(first.sent), len(later.sent))


def test_alerter_threshold_or_fewer_due_sends_each_alone(store: Store) -> None:
    add_due(store, follow_ups=SUMMARY_AFTER, replies=0)
    channel = Recorder()

    Alerter(CONFIG, store, [channel]).deliver_due(NOW)

    assert [SUMMARY_AFTER, 0] == [len(channel.sent),
                                  sum(a.kind == "summary" for a in channel.sent)]


def test_alerter_command_channel_gets_summary_payload_with_every_alert(
        store: Store, tmp_path: Path) -> None:
    add_due(store, follow_ups=6, replies=0)
    out = tmp_path / "payloads"
    command = CommandChannel(["sh", "-c", f"cat >> {out}"])

    Alerter(CONFIG, store, [command]).deliver_due(NOW)

    [payload] = [json.loads(line) for line in out.read_text().splitlines()]
    assert ("summary", 6, {"follow_up_due": 6}, 6) == (
        payload["kind"], payload["count"], payload["counts"], len(payload["alerts"]))


def test_alerter_click_on_summary_notification_changes_nothing(
        store: Store, notify_server: NotifyServer) -> None:
    add_due(store, follow_ups=6, replies=0)
    alerter = Alerter(CONFIG, store, [DesktopChannel(notify_server.bus_address)])
    alerter.deliver_due(NOW)
    [note] = notify_server.wait_for(1)

    applied = alerter.on_action(note.id, "snooze", NOW)

    assert (False, (), [None] * 6) == (
        applied, note.actions, [a.snoozed_until for a in store.applications()])


def test_alerter_email_channel_sends_one_message_holding_every_alert(
        store: Store, smtp_server: SmtpServer, tls_files: TlsFiles) -> None:
    add_due(store, follow_ups=6, replies=0)
    email = EmailAlerts(host=smtp_server.host, port=smtp_server.port, security=Security.STARTTLS,
                        username=smtp_server.username, from_addr="rw@example.org",
                        to=("alex@example.org",), ca_file=tls_files.ca_cert,
                        password=PasswordSource(kind="command",
                                                command=("printf", "%s", smtp_server.password)))
    config = CONFIG._replace(alerts=Alerts(channels=("email",), quiet_hours=None, email=email))

    Alerter(config, store, [EmailChannel(config)]).deliver_due(NOW)

    [mail] = smtp_server.wait_for(1)
    body = mail.message.get_content()
    assert ("[replywatch] 6 applications need you", [True] * 6) == (
        str(mail.message["Subject"]),
        [f"Follow up with Company {i} (1 of 3)" in body for i in range(6)])
