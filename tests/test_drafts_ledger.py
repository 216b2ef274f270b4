"""The drafts step on the in-memory mailbox (the contract's fake): one draft per due
action, a crash between record and APPEND repaired by Message-ID, a missing Drafts
folder said once and never created, and drafts only for accounts that turned them on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from structlog.testing import capture_logs

from replywatch.config import Account, Config, Drafts, PasswordSource, Policy
from replywatch.core.model import Action, ActionKind, Application
from replywatch.daemon.drafts import Drafter, Outcome, put
from replywatch.engine import Mailbox, run_pass
from replywatch.mail.draft import compose_for
from replywatch.mail.memory import MemoryMailbox, MemoryServer
from replywatch.oauth.sources import Credential
from replywatch.store import Store, drafts
from replywatch.store.book import Book
from tests.mailfactory import eml

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
ME = "me@mail.example"


class World:
    """One account on a MemoryServer, an application whose follow-up 1 is due."""

    def __init__(self, tmp_path: Path, *, enabled: bool = True,
                 account_drafts: bool | None = None) -> None:
        self.server = MemoryServer()
        self.account = Account(name="mail", host="memory", username=ME, addresses=(ME,),
                               password=PasswordSource(kind="command", command=("echo", "unused")),
                               drafts=account_drafts)
        self.config = Config(accounts=(self.account,), policy=Policy(timezone="UTC"),
                             drafts=Drafts(enabled=enabled))
        self.store = Store.open(tmp_path / "s.db")
        with self.store.tx():
            self.app_id = self.store.add_application(
                company="Acme", role="", applied_at=NOW - timedelta(days=9), now=NOW,
                contacts=["jane@acme.com"])
        self.server.add(eml(sender=ME, to="jane@acme.com", subject="Application",
                            msgid="a1@mail.example", date=NOW - timedelta(days=9)),
                        folder="Sent", internal_date=NOW - timedelta(days=9))
        self.sessions: dict[str, Mailbox] = {}
        self.drafter = Drafter()

    def open(self, account: Account, password: Credential) -> MemoryMailbox:
        return MemoryMailbox(self.server, self.server.password)

    def run(self) -> list[tuple[str, Outcome]]:
        report = run_pass(self.config, self.store, NOW, open_mailbox=self.open,
                          sessions=self.sessions)
        return self.drafter.after_pass(self.config, self.store, self.sessions, report.due, NOW)

    def drafts(self) -> list[bytes]:
        box = self.server.folders.get("Drafts")
        return [raw for _, _, raw in box.messages] if box else []


def test_drafter_two_passes_append_one_draft_to_the_contact(tmp_path: Path) -> None:
    world = World(tmp_path)
    first, second = world.run(), world.run()
    assert ([Outcome.APPENDED], [], 1) == ([o for _, o in first], second, len(world.drafts()))
    assert b"To: jane@acme.com" in world.drafts()[0]


def test_drafter_account_says_no_though_drafts_enabled_appends_nothing(tmp_path: Path) -> None:
    world = World(tmp_path, enabled=True, account_drafts=False)
    assert ([], []) == (world.run(), world.drafts())


def test_drafter_account_says_yes_though_drafts_disabled_appends(tmp_path: Path) -> None:
    world = World(tmp_path, enabled=False, account_drafts=True)
    assert [Outcome.APPENDED] == [o for _, o in world.run()]


def test_drafter_without_drafts_folder_says_so_once_and_creates_none(tmp_path: Path) -> None:
    world = World(tmp_path)
    del world.server.folders["Drafts"]
    with capture_logs() as logs:
        world.run()
        world.run()
    assert (["drafts_folder_missing"], ["INBOX", "Sent", "Junk", "Archive"]) == (
        [e["event"] for e in logs if e["event"].startswith("draft")],
        list(world.server.folders))


def _due(world: World) -> tuple[Application, Action]:
    book = Book(world.store, world.config.policy, UTC, NOW)
    run_pass(world.config, world.store, NOW, open_mailbox=world.open)
    app, action = book.due(include_future=False)[0]
    assert ActionKind.FOLLOW_UP_DUE is action.kind
    return app, action


def test_put_after_a_crash_with_the_draft_appended_marks_it_and_appends_no_second(
        tmp_path: Path) -> None:
    world = World(tmp_path)
    app, action = _due(world)
    draft = compose_for(world.config, world.store, app, action)
    assert draft is not None
    box = world.open(world.account, "")
    box.connect()
    # The crash: recorded, APPENDed, but never marked.
    drafts.record(world.store, action.key, world.app_id, account="mail",
                  folder="Drafts", message_id=draft.message_id, now=NOW)
    box.append_draft("Drafts", b"Message-ID: <" + draft.message_id.encode() + b">\r\n\r\n", NOW)
    outcome = put(world.store, box, draft, action, account="mail", now=NOW)
    record = drafts.get(world.store, action.key)
    assert (Outcome.PRESENT, 1, NOW) == (outcome, len(world.drafts()),
                                         record.appended_at if record else None)


def test_put_again_appends_a_draft_the_user_deleted_but_not_one_still_there(
        tmp_path: Path) -> None:
    world = World(tmp_path)
    world.run()
    app, action = _due(world)
    draft = compose_for(world.config, world.store, app, action)
    assert draft is not None
    box = world.open(world.account, "")
    box.connect()
    still = put(world.store, box, draft, action, account="mail", now=NOW,
                again=True)
    world.server.folders["Drafts"].messages.clear()  # the user deleted it
    anew = put(world.store, box, draft, action, account="mail", now=NOW,
               again=True)
    assert (Outcome.PRESENT, Outcome.APPENDED, 1) == (still, anew, len(world.drafts()))


def test_network_mailbox_draft_calls_are_marked_network_waits_of_the_pulse() -> None:
    from replywatch.daemon.liveness import NetworkMailbox, Pulse

    clock = [0.0]
    pulse = Pulse(lambda: clock[0])
    seen: list[bool] = []

    class Slow(MemoryMailbox):
        """Each draft call takes an hour of the worker's clock."""

        def _slow(self) -> None:
            clock[0] += 3600
            seen.append(pulse.alive(60, 10**6))  # a hang unless marked as a network wait

        def drafts_folder(self) -> str | None:
            self._slow()
            return super().drafts_folder()

        def has_message_id(self, folder: str, message_id: str) -> bool:
            self._slow()
            return super().has_message_id(folder, message_id)

        def append_draft(self, folder: str, raw: bytes, when: datetime) -> None:
            self._slow()
            super().append_draft(folder, raw, when)

    server = MemoryServer()
    inner = Slow(server, server.password)
    inner.connect()
    box = NetworkMailbox(inner, pulse)
    folder = box.drafts_folder() or ""
    box.append_draft(folder, b"Message-ID: <d@x>\r\n\r\n", NOW)
    assert (True, [True, True, True]) == (box.has_message_id(folder, "d@x"), seen)
