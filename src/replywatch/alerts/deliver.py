"""Deliver due actions as alerts, once each, on the channels the user chose.

The channel classes live with their transports (``console.py``, ``command.py``,
``email.py``, ``desktop.py``); this module chooses them and keeps the ledger.

An alert is keyed (application, kind, n, round) and recorded in the store before it
is sent; each channel's delivery is marked after it succeeds. Restarts, repeated
passes or a message seen in two folders never alert twice; a crash between
sending and marking can repeat that one channel's delivery once. A failing
channel is retried on the next tick and reported once per failure streak.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from typing import Protocol, TextIO

from replywatch import log
from replywatch.alerts import AlertChannelError
from replywatch.alerts.agenda import Agenda
from replywatch.alerts.render import SNOOZE_DAYS, RenderedAlert, ReplyInfo, gmail_thread, render
from replywatch.alerts.summary import SUMMARY_AFTER, summarize
from replywatch.config import Config
from replywatch.config.timeinput import zone
from replywatch.core.kinds import Kind
from replywatch.core.model import Action, ActionKind, Application, Direction, Event, Stage
from replywatch.core.timeutil import from_wall_clock
from replywatch.i18n import _
from replywatch.mail.headers import parse_raw
from replywatch.store import Store, kinds, ledger, mailstate, utc_text
from replywatch.store.book import Book


class Channel(Protocol):
    """One way of telling the user."""

    name: str

    def send(self, alert: RenderedAlert, app: Application | None) -> int | None:
        """Deliver the alert; return a notification id where the channel has one.

        Raise AlertChannelError when it cannot be delivered.
        """


def make_channels(config: Config, *, stream: TextIO | None = None,
                  bus_address: str | None = None) -> list[Channel]:
    """Return the channels named in ``[alerts] channels``."""
    # Imported here: a transport (jeepney, smtplib) loads only when its channel is on.
    made: list[Channel] = []
    for name in config.alerts.channels:
        if name == "console":
            from replywatch.alerts.console import ConsoleChannel

            made.append(ConsoleChannel(stream))
        elif name == "command" and config.alerts.command is not None:
            from replywatch.alerts.command import CommandChannel

            made.append(CommandChannel(config.alerts.command.argv))
        elif name == "email" and config.alerts.email is not None:
            from replywatch.alerts.email import EmailChannel

            made.append(EmailChannel(config))
        elif name == "desktop":
            from replywatch.alerts.desktop import DesktopChannel

            made.append(DesktopChannel(bus_address))
    return made


def in_quiet_hours(now: datetime, tz: tzinfo, quiet: tuple[time, time] | None) -> bool:
    """Return True if ``now`` (local in ``tz``) falls in the quiet hours [start, end)."""
    if quiet is None:
        return False
    start, end = quiet
    local = now.astimezone(tz).time()
    if start < end:
        return start <= local < end
    return local >= start or local < end  # over midnight: 21:00-08:00


def quiet_until(now: datetime, tz: tzinfo, quiet: tuple[time, time] | None) -> datetime | None:
    """Return when the quiet hours that hold ``now`` end, or None outside them."""
    if quiet is None or not in_quiet_hours(now, tz, quiet):
        return None
    day = now.astimezone(tz).date()
    end = from_wall_clock(datetime.combine(day, quiet[1]), tz)
    return end if end > now else from_wall_clock(
        datetime.combine(day + timedelta(days=1), quiet[1]), tz)


@dataclass
class Delivery:
    """What one round of alerting did."""

    sent: list[tuple[str, str]]  # (key, channel)
    held: int = 0  # held back by quiet hours
    failed: int = 0
    due: int = 0  # open applications with an action due now


def broadcast(channels: Sequence[Channel], alert: RenderedAlert) -> int:
    """Send a notice that belongs to no application on every channel, logging each
    failure; return on how many it went out. (No ledger: the caller keeps it once.)"""
    sent = 0
    for channel in channels:
        try:
            channel.send(alert, None)
            sent += 1
        except AlertChannelError as exc:
            log.get(channel=channel.name).warning("channel_failed", error=exc.problems[0])
    return sent


class Alerter:
    """Turns due actions into alerts on every channel, exactly once each."""

    def __init__(self, config: Config, store: Store, channels: Sequence[Channel],
                 *, opener: Callable[[str], object] = webbrowser.open) -> None:
        self.config = config
        self.store = store
        self.channels = list(channels)
        self.tz = zone(config.policy.timezone)
        self._opener = opener
        self._failing: dict[str, str] = {}  # channel or account -> its reason
        self.agenda = Agenda()  # the next actions, kept between ticks
        # Keys every channel delivered: that never changes back, so no need to ask again.
        self._everywhere: set[str] = set()

    # -- due actions --------------------------------------------------------------

    def due(self, now: datetime, since: datetime | None = None
            ) -> list[tuple[Application, Action]]:
        """Return the actions to alert at ``now``: those due now and, when ``since`` (the
        last tick) is given, those that fell due after it and were overtaken before
        ``now`` — a thank-you overtaken by a follow-up, a follow-up by ghosted — so a
        machine that slept through them still alerts each once.
        """
        return self._due(now, since)[0]

    def _due(self, now: datetime, since: datetime | None
             ) -> tuple[list[tuple[Application, Action]], int]:
        """Return ``due``'s list and how many of its actions are the current ones."""
        return self.agenda.due(Book(self.store, self.config.policy, self.tz, now), since)

    def deliver_due(self, now: datetime, since: datetime | None = None) -> Delivery:
        """Alert every action due (see ``due``) not yet alerted on each channel.

        Quiet hours hold follow-up, thank-you and ghosted alerts; replies go at once.
        More than ``SUMMARY_AFTER`` alerts for one channel go as one summary, and
        every alert in it counts as delivered there. A ghosted alert delivered
        everywhere moves the application to ``ghosted``. Only what some channel has
        not delivered yet is recorded and rendered: most due actions went out before.
        """
        quiet = in_quiet_hours(now, self.tz, self.config.alerts.quiet_hours)
        pairs, current_count = self._due(now, since)
        result = Delivery(sent=[], due=current_count)
        names = {channel.name for channel in self.channels}
        pairs = [(app, action) for app, action in pairs if action.key not in self._everywhere]
        done = ledger.delivered(self.store, [action.key for _, action in pairs])
        ready: list[tuple[Application, Action, RenderedAlert]] = []
        for app, action in pairs:
            if names <= done[action.key]:
                self._everywhere.add(action.key)
                continue
            if quiet and action.kind is not ActionKind.REPLY:
                result.held += 1
                continue
            ledger.record(self.store, action, now)
            alert = render(app, action, now=now, tz=self.tz, reply=self._reply_info(app, action))
            ready.append((app, action, alert))
        for channel in self.channels:
            pending = [(app, alert) for app, _, alert in ready
                       if channel.name not in done[alert.key]]
            if len(pending) > SUMMARY_AFTER:
                self._send(channel, summarize([alert for _, alert in pending]), None,
                           keys=[alert.key for _, alert in pending], now=now, result=result)
                continue
            for app, alert in pending:
                self._send(channel, alert, app, keys=[alert.key], now=now, result=result)
        for key, channel_name in result.sent:
            done[key].add(channel_name)
        for app, action in pairs:
            if action.kind is ActionKind.GHOSTED and names <= done[action.key]:
                with self.store.tx():
                    self.store.update_application(app.id, now, stage=Stage.GHOSTED)
                log.get(application=app.id).info("application_ghosted")
        return result

    def _send(self, channel: Channel, alert: RenderedAlert, app: Application | None, *,
              keys: list[str], now: datetime, result: Delivery) -> None:
        """Send ``alert`` on ``channel``; on success mark each of ``keys`` delivered there."""
        logger = log.get(channel=channel.name, application=alert.app_id, key=alert.key)
        try:
            notification_id = channel.send(alert, app)
        except AlertChannelError as exc:
            result.failed += 1
            self._report_failure(channel.name, exc.problems[0])
            return
        self._recover(channel.name)
        for key in keys:
            ledger.mark_delivered(self.store, key, channel.name, now, notification_id)
        result.sent += [(key, channel.name) for key in keys]
        if len(keys) > 1:
            logger.info("alert_summary_sent", kind=alert.kind, alerts=len(keys))
        else:
            logger.info("alert_sent", kind=alert.kind)

    def _reply_info(self, app: Application, action: Action) -> ReplyInfo | None:
        if action.kind is not ActionKind.REPLY:
            return None
        theirs = [e for e in app.events if e.direction is Direction.FROM_THEM and e.message_id]
        cause = action.cause if action.cause is not None and action.cause.message_id else None
        if cause is None and not theirs:
            return None
        raw = mailstate.message(self.store, (cause or theirs[-1]).message_id or "")
        if raw is None:
            return None
        msg = parse_raw(raw)
        sender = f"{msg.from_name} <{msg.from_addr}>" if msg.from_name else (msg.from_addr or "")
        return ReplyInfo(sender=sender, subject=msg.subject, at=msg.when)

    # -- failures -------------------------------------------------------------------

    def _report_failure(self, what: str, reason: str) -> bool:
        """Log a failure once per streak; return True the first time.

        The streak ends only with a success: a reason that changes while the server
        stays unreachable ("timed out", then "connection refused") is the same trouble.
        """
        first = what not in self._failing
        self._failing[what] = reason
        if first:
            log.get(subject=what).warning("channel_failed" if ":" not in what
                                          else "account_failing", error=reason)
        return first

    def _recover(self, what: str) -> None:
        if self._failing.pop(what, None) is not None:
            log.get(subject=what).info("recovered")

    def account_failed(self, account: str, reason: str, now: datetime) -> None:
        """Report an account that cannot be read: once per failure streak, log and alert."""
        if not self._report_failure(f"account:{account}", reason):
            return
        title = _("replywatch cannot read account '{account}'").format(account=account)
        body = "\n".join([reason, _("replywatch keeps trying; `replywatch doctor` shows "
                                    "what is wrong.")])
        alert = RenderedAlert(
            key=f"account:{account}:{utc_text(now)}", kind="account_failing", app_id=0,
            title=title, body=body, email_subject=f"[replywatch] {title}",
            email_body=body + "\n", payload={"kind": "account_failing", "account": account,
                                              "title": title, "body": body})
        broadcast(self.channels, alert)

    def account_ok(self, account: str) -> None:
        """Note that an account was read again."""
        self._recover(f"account:{account}")

    # -- clicks -----------------------------------------------------------------------

    def on_action(self, notification_id: int, action_key: str, now: datetime) -> bool:
        """Apply a clicked notification action; return True if it was one of ours.

        "snooze" snoozes the application; "replied" logs a message sent to them
        now; "open" opens the Gmail thread in the browser; "not_reply" marks the
        message behind a reply alert as an acknowledgement (as ``mail kind``); "write"
        opens the follow-up draft's mailto: link in the mail client.
        """
        # None also for a summary: it stands for several applications, a click for none.
        app_id = ledger.app_of_notification(self.store, notification_id)
        if app_id is None:
            return False
        logger = log.get(application=app_id, action=action_key)
        if action_key == "snooze":
            with self.store.tx():
                self.store.update_application(app_id, now,
                                              snoozed_until=now + timedelta(days=SNOOZE_DAYS))
        elif action_key == "replied":
            with self.store.tx():
                self.store.add_event(app_id, Event(at=now, direction=Direction.TO_THEM,
                                                   source="manual", note="marked replied"))
        elif action_key == "not_reply":
            message_key = ledger.message_of_notification(self.store, notification_id)
            if message_key is None:
                return False
            with self.store.tx():
                kinds.correct(self.store, message_key, Kind.ACKNOWLEDGEMENT, now)
        elif action_key == "open":
            link = gmail_thread(self.store.get(app_id))
            if link:
                self._opener(link)
        elif action_key == "write":  # "Write follow-up": the draft in the mail client
            from replywatch.alerts.writer import open_draft

            open_draft(self.config, self.store, app_id, now)
        else:
            return False
        logger.info("notification_action")
        return True

    def send_test(self, now: datetime) -> dict[str, str | None]:
        """Send a test alert on every channel; return channel -> error (None if sent)."""
        title = _("replywatch test alert")
        body = _("If you can read this, replywatch can reach you on this channel.")
        alert = RenderedAlert(key=f"test:{utc_text(now)}", kind="test", app_id=0, title=title,
                              body=body, email_subject=f"[replywatch] {title}",
                              email_body=body + "\n",
                              payload={"kind": "test", "title": title, "body": body})
        results: dict[str, str | None] = {}
        for channel in self.channels:
            try:
                channel.send(alert, None)
                results[channel.name] = None
            except AlertChannelError as exc:
                results[channel.name] = exc.problems[0]
        return results
