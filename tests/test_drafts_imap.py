"""Follow-up drafts against a real Dovecot: one APPEND to \\Drafts per due action, in
the thread (checked by the standard library's parser, a JWZ threader and Dovecot's
own THREAD REFERENCES), nothing else written, and nothing at all with drafts off."""

from __future__ import annotations

import email
import email.policy
import imaplib
import itertools
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from replywatch.config import load_config
from replywatch.daemon.drafts import Drafter, Outcome
from replywatch.engine import Mailbox, PassReport, run_pass
from replywatch.store import Store, drafts
from replywatch.store.book import Book
from tests.mail.test_imap_mailbox import drafts_of
from tests.mailfactory import ME, Setup, eml, make_setup
from tests.servers.dovecot import LocalDovecot

WRITES = {"APPEND", "STORE", "UID STORE", "COPY", "UID COPY", "MOVE", "UID MOVE", "EXPUNGE",
          "UID EXPUNGE", "CREATE", "DELETE", "RENAME", "SELECT"}
_ID = re.compile(r"<([^<>\s]+)>")


def ago(days: float) -> datetime:
    return datetime.now(UTC) - timedelta(days=days)


class Thread:
    """A user whose application to Acme went quiet: applied 12 days ago, Jane answered,
    the user wrote back 8 days ago, silence since (follow-up 1 is due)."""

    def __init__(self, rw: Setup, capsys: pytest.CaptureFixture[str], *, drafts_on: bool):
        self.rw = rw
        if drafts_on:
            rw.config.write_text(rw.config.read_text() + "drafts = true\n")
        code, out, err = rw.run(capsys, "app", "add", "--company", "Acme", "--role", "Engineer",
                                "--contact", "jane@acme.com", "--applied",
                                ago(12).isoformat(timespec="seconds"))
        assert 0 == code, err
        self.app_id = int(out)
        rw.add(eml(sender=f"Alex Doe <{ME}>", to="jane@acme.com", subject="Application: Engineer",
                   msgid="app-1@example.org", date=ago(12)), folder="Sent", days_ago=12,
               seen=True)
        rw.add(eml(sender="Jane Roe <jane@acme.com>", subject="Re: Application: Engineer",
                   msgid="r1@acme.com", in_reply_to="app-1@example.org", date=ago(9),
                   body="Hi Alex,\r\n\r\nCould you tell me more about your Kafka work?\r\n"),
               days_ago=9)
        rw.add(eml(sender=f"Alex Doe <{ME}>", to="Jane Roe <jane@acme.com>",
                   subject="Re: Application: Engineer", msgid="s2@example.org",
                   in_reply_to="r1@acme.com", references=["app-1@example.org", "r1@acme.com"],
                   date=ago(8)), folder="Sent", days_ago=8, seen=True)
        self.config = load_config(rw.config)
        self.store = Store.open(rw.data / "replywatch" / "replywatch.db")
        self.sessions: dict[str, Mailbox] = {}
        self.drafter = Drafter()

    def run(self, now: datetime | None = None) -> tuple[PassReport, list[tuple[str, Outcome]]]:
        """One pass on kept connections and the daemon's drafts step after it."""
        now = now or datetime.now(UTC)
        report = run_pass(self.config, self.store, now, sessions=self.sessions)
        return report, self.drafter.after_pass(self.config, self.store, self.sessions,
                                               report.due, now)

    def close(self) -> None:
        for box in self.sessions.values():
            box.close()
        self.store.close()

    def writes(self) -> list[str]:
        sent = self.rw.dovecot.commands_sent(self.rw.user)
        return [c for c in sent if c.split()[0].upper() in WRITES
                or " ".join(c.split()[:2]).upper() in WRITES]


@pytest.fixture
def rw(dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
       monkeypatch: pytest.MonkeyPatch) -> Setup:
    return make_setup(dovecot, imap_user, tmp_path, monkeypatch)


def ids(value: object) -> list[str]:
    return _ID.findall(str(value or ""))


def test_drafts_on_due_follow_up_appends_one_threaded_draft_and_a_second_pass_none(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    thread = Thread(rw, capsys, drafts_on=True)
    _, first = thread.run()
    _, second = thread.run()
    thread.close()
    found = drafts_of(rw.dovecot, rw.user)
    msg = email.message_from_bytes(found[0][0], policy=email.policy.default)
    assert ([Outcome.APPENDED], [], 1) == ([o for _, o in first], second, len(found))
    assert [["APPEND", "\"Drafts\"", "(\\Draft", "\\Seen)"]] == [w.split()[:4]
                                                            for w in thread.writes()]
    assert (f"Alex Doe <{ME}>", "Jane Roe <jane@acme.com>", "Re: Application: Engineer",
            ["s2@example.org"], ["app-1@example.org", "r1@acme.com", "s2@example.org"],
            frozenset({"\\Draft", "\\Seen"})) == (
        str(msg["From"]), str(msg["To"]), str(msg["Subject"]), ids(msg["In-Reply-To"]),
        ids(msg["References"]), found[0][1])
    assert "Hi Jane," == msg.get_content().splitlines()[0]


def test_drafts_off_pass_with_due_follow_up_writes_nothing_to_the_mailbox(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    thread = Thread(rw, capsys, drafts_on=False)
    report, outcomes = thread.run()
    thread.run()
    thread.close()
    due = [(a.id, act.kind.value) for a, act in report.due]
    assert ([(thread.app_id, "follow_up_due")], [], [], []) == (
        due, outcomes, thread.writes(), drafts_of(rw.dovecot, rw.user))


def jwz_roots(messages: dict[str, list[str]]) -> dict[str, str]:
    """Thread messages as JWZ's algorithm does (steps 1A-1C: link each message's
    References in order, never making a loop, then make the last one its parent);
    return each message id -> the id of its thread's root."""
    parent: dict[str, str | None] = {}

    def ancestors(mid: str) -> set[str]:
        seen = set()
        while mid in parent and parent[mid] is not None and mid not in seen:
            seen.add(mid)
            mid = parent[mid]  # type: ignore[assignment]
        return seen | {mid}

    for mid, refs in messages.items():
        for up, down in itertools.pairwise(refs):
            parent.setdefault(up, None)
            if parent.get(down) is None and up not in ancestors(down) | {down}:
                parent[down] = up
        parent.setdefault(mid, None)
        if refs and refs[-1] != mid and refs[-1] not in ancestors(mid) - {mid}:
            parent[mid] = refs[-1]
    roots = {}
    for mid in messages:
        node = mid
        while parent.get(node) is not None:
            node = parent[node]  # type: ignore[assignment]
        roots[mid] = node
    return roots


def _everything(rw: Setup) -> list[bytes]:
    client = imaplib.IMAP4(rw.dovecot.host, rw.dovecot.port)
    client.login(rw.user, rw.dovecot.password)
    raws = []
    for folder in ("INBOX", "Sent", "Drafts"):
        client.select(folder, readonly=True)
        _, data = client.fetch("1:*", "(BODY.PEEK[])")
        raws += [item[1] for item in data if isinstance(item, tuple)]
    client.logout()
    return raws


def test_drafts_draft_threads_with_the_conversation_by_jwz_and_dovecot_thread_references(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    thread = Thread(rw, capsys, drafts_on=True)
    thread.run()
    thread.close()
    raws = _everything(rw)
    parsed = [email.message_from_bytes(raw, policy=email.policy.default) for raw in raws]
    refs = {ids(m["Message-ID"])[0]: ids(m["References"]) or ids(m["In-Reply-To"])
            for m in parsed}
    draft_id = next(mid for mid in refs if mid.startswith("draft."))
    roots = jwz_roots(refs)
    # Dovecot threads within one folder: a scratch folder of copies, made by the test.
    client = imaplib.IMAP4(rw.dovecot.host, rw.dovecot.port)
    client.login(rw.user, rw.dovecot.password)
    client.create("Scratch")
    for raw in raws:
        client.append("Scratch", "", None, raw)
    client.select("Scratch", readonly=True)
    _, data = client.thread("REFERENCES", "UTF-8", "ALL")
    client.logout()
    assert ({"app-1@example.org"}, 4) == (set(roots.values()), len(roots))
    assert draft_id in refs
    # One thread of all four, a chain (by sequence number): the draft under the last reply.
    seq = {mid: n for n, mid in enumerate(refs, start=1)}
    chain = [seq[mid] for mid in ("app-1@example.org", "r1@acme.com", "s2@example.org",
                                  draft_id)]
    assert [f"({' '.join(map(str, chain))})".encode()] == data


def test_drafts_user_reply_in_sent_marks_the_draft_done_and_adds_no_other(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    thread = Thread(rw, capsys, drafts_on=True)
    thread.run()
    rw.add(eml(sender=f"Alex Doe <{ME}>", to="jane@acme.com", subject="Re: Application: Engineer",
               msgid="s3@example.org", in_reply_to="s2@example.org",
               references=["app-1@example.org", "r1@acme.com", "s2@example.org"],
               date=datetime.now(UTC) + timedelta(minutes=1)), folder="Sent", seen=True)
    report, outcomes = thread.run(datetime.now(UTC) + timedelta(minutes=2))
    records = drafts.open_drafts(thread.store)
    app = thread.store.get(thread.app_id)
    later = datetime.now(UTC) + timedelta(minutes=2)
    evaluation = Book(thread.store, thread.config.policy, UTC, later).evaluate(app)
    thread.close()
    # The reply in Sent is the user's follow-up 1: follow-up 2 is next, days away.
    assert (1, "follow_up_due", 2, True) == (
        evaluation.follow_ups_sent, evaluation.action.kind.value if evaluation.action else None,
        evaluation.action.n if evaluation.action else None,
        evaluation.action is not None and evaluation.action.due > later)
    assert ([], [], 1, 1) == (report.due, outcomes, len(drafts_of(rw.dovecot, rw.user)),
                              len(thread.writes()))
    assert [] == records
    assert "s3@example.org" in [e.message_id.removeprefix("mid:") for e in app.events
                                if e.message_id]
