"""Golden files of every alert and notice, in English and in Norwegian.

Each kind of alert is rendered as each channel shows it — the desktop summary, body
and action labels, the email subject and body, the console block and the command's
JSON — and compared with ``tests/snapshots/alerts/<case>.<language>.txt``.
``REPLYWATCH_UPDATE_SNAPSHOTS=1`` rewrites the files (see tests/snapshot.py).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from replywatch import i18n
from replywatch.alerts.console import print_alert
from replywatch.alerts.deliver import Alerter
from replywatch.alerts.digest import compose
from replywatch.alerts.found import render_found
from replywatch.alerts.render import RenderedAlert, ReplyInfo, render
from replywatch.alerts.summary import summarize
from replywatch.config import Account, Alerts, Config, PasswordSource, Policy
from replywatch.core.discover import Proposal
from replywatch.core.kinds import Kind
from replywatch.core.model import (
    Action,
    ActionKind,
    Application,
    Direction,
    Event,
    Interview,
    Stage,
)
from replywatch.daemon import notices
from replywatch.store import Store, proposals
from replywatch.store.book import Book
from tests import snapshot

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # Tuesday 24 November, 13:00 in Oslo
OSLO = ZoneInfo("Europe/Oslo")
DAY, HOUR = timedelta(days=1), timedelta(hours=1)
LANGUAGES = ("en", "nb")


def _app(company: str = "Fjordkraft", role: str = "Backend-utvikler", app_id: int = 7,
         **fields: object) -> Application:
    values: dict[str, object] = {
        "id": app_id, "company": company, "role": role, "stage": Stage.APPLIED,
        "applied_at": NOW - 30 * DAY,
        "contacts": ("kari.nordmann@fjordkraft.example",),
    }
    values.update(fields)
    return Application(**values)  # type: ignore[arg-type]


def _said(kind: Kind, *evidence: str, automated: bool = False, reasons: bool = False) -> Event:
    return Event(at=NOW - HOUR, direction=Direction.FROM_THEM, source="mail",
                 message_id="mid:1@fjordkraft.example", kind=kind, evidence=evidence,
                 automated=automated, reasons=reasons)


_MESSAGE = ReplyInfo(sender="Kari Nordmann <kari.nordmann@fjordkraft.example>",
                     subject="Re: Søknad på stillingen som backend-utvikler", at=NOW - HOUR)


def _one(action: Action, reply: ReplyInfo | None = None, app: Application | None = None
         ) -> RenderedAlert:
    return render(app or _app(), action, now=NOW, tz=OSLO, reply=reply)


def _reply(says: Kind | None, *evidence: str, message: ReplyInfo | None = _MESSAGE
           ) -> RenderedAlert:
    cause = _said(says, *evidence) if says is not None else None
    return _one(Action(7, ActionKind.REPLY, due=NOW - HOUR, since=NOW - HOUR, cause=cause),
                message)


def _thank_you(*, overdue: bool) -> RenderedAlert:
    ended = NOW - (30 if overdue else 3) * HOUR
    app = _app(interviews=(Interview(ended - HOUR, ended, ("kari.nordmann@fjordkraft.example",)),))
    return _one(Action(7, ActionKind.THANK_YOU_DUE, due=ended + 2 * HOUR, since=ended,
                       overdue_at=ended + DAY), app=app)


def _follow_up(n: int) -> RenderedAlert:
    return _one(Action(7, ActionKind.FOLLOW_UP_DUE, due=NOW - DAY, since=NOW - 8 * DAY,
                       n=n, max_n=3))


def _rejected(*, automated: bool, reasons: bool) -> RenderedAlert:
    cause = _said(Kind.REJECTION, "gå videre med andre kandidater", automated=automated,
                  reasons=reasons)
    return _one(Action(7, ActionKind.REJECTED, due=NOW - HOUR, since=NOW - HOUR, cause=cause))


def _summary() -> RenderedAlert:
    companies = ("Fjordkraft", "Equinor", "Kahoot!", "Vipps", "NAV IT", "Schibsted")
    alerts = [render(_app(company, app_id=i), Action(i, ActionKind.FOLLOW_UP_DUE, due=NOW - DAY,
                                                     since=NOW - 8 * DAY, n=1, max_n=3),
                     now=NOW, tz=OSLO) for i, company in enumerate(companies, start=1)]
    alerts.append(render(_app("Vipps", app_id=4), Action(4, ActionKind.REPLY, due=NOW - HOUR,
                                                         since=NOW - HOUR), now=NOW, tz=OSLO))
    return summarize(alerts)


def _found() -> RenderedAlert:
    def stored(pid: int, company: str, role: str, source: str) -> proposals.Stored:
        return proposals.Stored(pid, Proposal(company, role, NOW - 2 * DAY,
                                              f"jobb@{company.lower()}.example", f"m{pid}@x",
                                              source, ()), "new", None)

    return render_found([stored(3, "Equinor", "Dataingeniør", "relay"),
                         stored(4, "Kahoot!", "", "board"),
                         stored(5, "Oda", "Utvikler", "sent")])


def _account() -> Account:
    return Account(name="jobb", host="imap.example.no", username="ola@example.no",
                   password=PasswordSource(kind="keyring"))


class _Keeper:
    """A channel that keeps what it is given: the notices made inside the Alerter."""

    name = "console"

    def __init__(self) -> None:
        self.sent: list[RenderedAlert] = []

    def send(self, alert: RenderedAlert, app: Application | None) -> int | None:
        self.sent.append(alert)
        return None


def _alerter_notice(tmp_path: Path, make: Callable[[Alerter], object]) -> RenderedAlert:
    keeper = _Keeper()
    store = Store.open(tmp_path / "s.db")
    config = Config(policy=Policy(timezone="Europe/Oslo"),
                    alerts=Alerts(channels=("console",), quiet_hours=None))
    try:
        make(Alerter(config, store, [keeper]))
    finally:
        store.close()
    [alert] = keeper.sent
    return alert


def _digest(tmp_path: Path) -> RenderedAlert:
    store = Store.open(tmp_path / "digest.db")
    try:
        book = Book(store, Policy(timezone="Europe/Oslo"), OSLO, NOW)
        for company, days in (("Fjordkraft", 9), ("Equinor", 8), ("Vipps", 40)):
            book.add(company=company, role="Utvikler", applied_at=NOW - days * DAY)
        title, body, _page = compose(book, OSLO, 3)
    finally:
        store.close()
    return RenderedAlert(key="digest", kind="digest", app_id=0, title=title, body=body,
                         email_subject=f"[replywatch] {title}", email_body=body + "\n",
                         payload={"kind": "digest", "title": title, "body": body})


CASES: dict[str, Callable[[Path], RenderedAlert]] = {
    "reply": lambda _t: _reply(None, message=None),
    "reply_message": lambda _t: _reply(Kind.OTHER),
    "reply_interview": lambda _t: _reply(Kind.INTERVIEW),
    "reply_offer": lambda _t: _reply(Kind.OFFER),
    "reply_action": lambda _t: _reply(Kind.ACTION, "fyll ut vedlagte skjema"),
    "thank_you": lambda _t: _thank_you(overdue=False),
    "thank_you_overdue": lambda _t: _thank_you(overdue=True),
    "follow_up_1": lambda _t: _follow_up(1),
    "follow_up_last": lambda _t: _follow_up(3),
    "ghosted": lambda _t: _one(Action(7, ActionKind.GHOSTED, due=NOW - DAY,
                                      since=NOW - 20 * DAY)),
    "rejected_automated": lambda _t: _rejected(automated=True, reasons=False),
    "rejected_person": lambda _t: _rejected(automated=False, reasons=False),
    "rejected_reasons": lambda _t: _rejected(automated=False, reasons=True),
    "summary": lambda _t: _summary(),
    "found": lambda _t: _found(),
    "digest": _digest,
    "signin_paused": lambda _t: notices.signin_paused(_account(), 3, 30),
    "signin_resumed": lambda _t: notices.signin_resumed(_account()),
    "store_failed": lambda _t: notices.store_failed("database is locked: s.db"),
    "account_failing": lambda t: _alerter_notice(t, lambda a: a.account_failed(
        "jobb", "cannot connect to imap.example.no:993: Connection refused", NOW)),
    "test_alert": lambda t: _alerter_notice(t, lambda a: a.send_test(NOW)),
}


def sheet(alert: RenderedAlert) -> str:
    """Return the alert as each channel shows it, one titled section per channel."""
    console = io.StringIO()
    print_alert(alert, console)
    actions = "\n".join(f"{key}: {label}" for key, label in alert.actions)
    sections = [
        ("desktop summary", alert.title),
        ("desktop body", alert.body),
        ("desktop actions", actions),
        ("desktop body, for a server without actions", alert.no_actions_text),
        ("email subject", alert.email_subject),
        ("email body", alert.email_body.rstrip("\n")),
        ("console", console.getvalue().rstrip("\n")),
        ("command (JSON on stdin)",
         json.dumps(alert.payload, ensure_ascii=False, indent=2, sort_keys=True)),
    ]
    return "".join(f"=== {name}\n{text}\n" for name, text in sections if text)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", sorted(CASES))
def test_alert_snapshot_each_kind_and_language_matches_the_golden_file(
        case: str, language: str, tmp_path: Path) -> None:
    i18n.use(language)
    text = sheet(CASES[case](tmp_path))
    assert [] == snapshot.check(f"alerts/{case}.{language}.txt", text)


def test_alert_snapshot_norwegian_sheets_hold_no_english_sentence() -> None:
    # A message missing from the catalogue would show in English inside a Norwegian
    # sheet: these words only appear in English texts of replywatch.
    english = (" your ", " the ", "They ", " since ", "Snooze", " you ")
    found = []
    for path in sorted((snapshot.SNAPSHOTS / "alerts").glob("*.nb.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith(("=== ", '  "')) and any(w in line for w in english):
                found.append(f"{path.name}: {line}")
    assert [] == found
