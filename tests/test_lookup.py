"""A change of the book matches again only the mail it can affect, and nothing less.

The lookup index must find every stored message whose outcome a change can alter:
properties over generated mail (encoded words, plus-addresses, relays, boards,
threads) and books, then the same on a real store against a full rescan.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replywatch import engine
from replywatch.config import Account, Config, PasswordSource, Policy
from replywatch.core.lookup import ALWAYS, app_tokens, changed_tokens
from replywatch.core.matching import Index, match
from replywatch.core.model import Application, RawMessage, Stage
from replywatch.engine import PassReport, match_pending, rematch
from replywatch.mail.headers import parse_raw, raw_key
from replywatch.mail.lookup import message_tokens
from replywatch.store import Store, lookup, mailstate

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
ME = "me@example.org"

# -- vocabulary of generated mail and books -------------------------------------

COMPANIES = ["Acme", "Acme Robotics AS", "Jump Trading LLC", "Søstrene Grene A/S", "Globex",
             "Umbrella Corp", "DNB Bank", "Procter & Gamble", "Initech"]
ADDRESSES = ["jane@acme.com", "Jane+jobs@ACME.com", "bob@eng.acme.com", "hr@acmerobotics.com",
             "recruiter@gmail.com", "recruiter+acme@gmail.com", "other@gmail.com",
             "talent@jumptrading.com", "jo@careers.jump-trading.co.uk", "hr@sostrenegrene.dk",
             "people@globex.io", "x@umbrella.com", "post@dnb.no", "pg@pg.com",
             "no-reply@us.greenhouse-mail.io", "no-reply@acme.teamtailor-mail.com",
             "umbrella@myworkday.com", "e113-jobs@m.personio.de", "do_not_reply@talent.icims.eu",
             "inmail-hit-reply@linkedin.com", "jobs-noreply@linkedin.com", "abc1@indeedemail.com",
             "stranger@example.net", ME]
IDS = ["app-1@mail.example.org", "sent-2@example.org", "x9@acme.com", "CA+z=1@mail.gmail.com"]
NAMES = ["", "Jane", "Acme Recruiting", "=?utf-8?Q?Umbrella_Corp?=", '"Acme, Inc."',
         "Jane Roe via LinkedIn", "=?utf-8?B?SnVtcCBUcmFkaW5n?=", "=?utf-8?Q?S=C3=B8strene_Grene?=",
         "=?utf-8?q?broken", "DNB", "Globex Talent"]
SUBJECTS = ["Hi", "Your application to Umbrella Corp", "Re: next steps", "Opportunity at Acme",
            "InMail from Jane", "=?utf-8?Q?S=C3=B8knad:_Sostrene_Grene?=", "Jump Trading",
            "Procter and Gamble interview", "Initech: Data Engineer", "=?iso-8859-1?q?Gl=F6bex?="]
GM_THREADS = [None, None, 77, 78]
# Senders as mail writes them, not as a user types a contact.
ODD_SENDERS = ["Jane+x@Acme.Com.", "jane @ acme.com", '"jane"@acme.com', "JANE@acme.com (Jane)",
               "mailto:hr@acmerobotics.com", "<<@@>"]


def header(sender: str, name: str, subject: str, *, to: str = ME, reply_to: str | None = None,
           refs: tuple[str, ...] = (), msgid: str = "m@x", extra: tuple[str, ...] = ()) -> bytes:
    """Return raw header bytes as a server hands them over."""
    lines = [f"From: {name} <{sender}>" if name else f"From: {sender}", f"To: {to}",
             f"Subject: {subject}", f"Message-ID: <{msgid}>", *extra]
    if reply_to:
        lines.append(f"Reply-To: {reply_to}")
    if refs:
        lines += [f"In-Reply-To: <{refs[-1]}>", "References: " + " ".join(f"<{r}>" for r in refs)]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def application(app_id: int, company: str, *, contacts: tuple[str, ...] = (),
                threads: tuple[str, ...] = (), relays: tuple[str, ...] = (), role: str = "",
                stage: Stage = Stage.APPLIED) -> Application:
    from replywatch.core.domains import company_domain

    domains = tuple(dict.fromkeys(d for c in contacts if (d := company_domain(c.lower()))))
    return Application(id=app_id, company=company, role=role, stage=stage, applied_at=NOW,
                       contacts=tuple(c.lower() for c in contacts), domains=domains,
                       thread_ids=threads, relay_senders=relays)


def matchable(apps: list[Application]) -> list[Application]:
    return [a for a in apps if not a.stage.is_closed or a.stage is Stage.GHOSTED]


def outcome(raw: RawMessage, apps: list[Application]) -> object:
    """Return what the engine decides about a message: the prefilter, then the rules."""
    index = Index.build(matchable(apps), [ME])  # afresh: matching may learn into it
    if not index.prefilter().could_match(raw.header, raw.gm_thrid):
        return None
    m = match(parse_raw(raw), index)
    if m.app_id is None and not m.candidates and m.review is None:
        return None  # stored alike: matched to nothing
    return (m.app_id, m.rule, m.candidates, m.review, m.learn, m.direction)


def book_tokens(apps: list[Application]) -> dict[int, set[str]]:
    return {a.id: app_tokens(a) for a in matchable(apps)}


# -- strategies --------------------------------------------------------------------

apps_st = st.lists(st.builds(
    lambda company, contacts, threads, relays, role, closed: (
        company, contacts, threads, relays, role, closed),
    st.sampled_from(COMPANIES),
    st.lists(st.sampled_from(ADDRESSES[:-1]), max_size=2),
    st.lists(st.sampled_from([*IDS, "gmthr:77"]), max_size=2),
    st.lists(st.sampled_from(ADDRESSES[14:20]), max_size=1),
    st.sampled_from(["", "Data Engineer", "Recruiting"]),
    st.booleans(),
), min_size=1, max_size=4).map(lambda rows: [
    application(n + 1, c, contacts=tuple(cs), threads=tuple(ts), relays=tuple(rs), role=r,
                stage=Stage.REJECTED if closed and n % 2 else Stage.APPLIED)
    for n, (c, cs, ts, rs, r, closed) in enumerate(rows)])

raw_st = st.builds(
    lambda sender, name, subject, to, reply_to, refs, gm, extra: RawMessage(
        "INBOX", 1, NOW, header(sender, name, subject, to=to, reply_to=reply_to,
                                refs=tuple(refs), extra=extra), None, gm),
    st.sampled_from([*ADDRESSES, *ODD_SENDERS]), st.sampled_from(NAMES),
    st.sampled_from(SUBJECTS),
    st.sampled_from([ME, "jane@acme.com", f"{ME}, Hr@Acme.com", "careers@globex.io"]),
    st.sampled_from([None, None, "jane+x@acme.com", "people@globex.io"]),
    st.lists(st.sampled_from(IDS), max_size=3), st.sampled_from(GM_THREADS),
    st.sampled_from([(), ("List-Id: <news.acme.com>",), ("Auto-Submitted: auto-generated",)]),
)


def change_st(apps: list[Application]) -> st.SearchStrategy[list[Application]]:
    """Return a strategy of the book after one change a user (or a pass) can make."""
    pick = st.integers(0, len(apps) - 1)

    def edit(i: int, how: str, value: str) -> list[Application]:
        app = apps[i]
        changed = {
            "contact": lambda: application(app.id, app.company, role=app.role, stage=app.stage,
                                           contacts=(*app.contacts, value), threads=app.thread_ids,
                                           relays=app.relay_senders),
            "thread": lambda: app._replace(thread_ids=(*app.thread_ids, value)),
            "relay": lambda: app._replace(relay_senders=(*app.relay_senders, value)),
            "role": lambda: app._replace(role=value),
            "company": lambda: app._replace(company=value),
            "close": lambda: app._replace(stage=Stage.REJECTED),
            "reopen": lambda: app._replace(stage=Stage.INTERVIEWING),
        }[how]()
        return [changed if a.id == app.id else a for a in apps]

    add = st.builds(lambda c, contacts, threads: [*apps, application(
        len(apps) + 1, c, contacts=tuple(contacts), threads=tuple(threads))],
        st.sampled_from(COMPANIES), st.lists(st.sampled_from(ADDRESSES[:-1]), max_size=2),
        st.lists(st.sampled_from(IDS), max_size=1))
    remove = pick.map(lambda i: [a for n, a in enumerate(apps) if n != i])
    edits = st.builds(edit, pick, st.sampled_from(
        ["contact", "thread", "relay", "role", "company", "close", "reopen"]),
        st.sampled_from([*ADDRESSES[:-1], *IDS, *COMPANIES, "Data Engineer"]))
    return st.one_of(add, remove, edits)


# -- the property ------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(data=st.data(), apps=apps_st, messages=st.lists(raw_st, min_size=1, max_size=8))
def test_lookup_any_book_change_finds_every_message_it_changes(
        data: st.DataObject, apps: list[Application], messages: list[RawMessage]) -> None:
    after = data.draw(change_st(apps))
    changed = changed_tokens(book_tokens(apps), book_tokens(after))
    missed = [raw.header for raw in messages
              if outcome(raw, apps) != outcome(raw, after)
              and not (message_tokens(raw) & (changed | {ALWAYS}))]
    assert [] == missed


@settings(max_examples=60, deadline=None)
@given(apps=apps_st, messages=st.lists(raw_st, min_size=1, max_size=8))
def test_lookup_touched_application_finds_all_its_mail(
        apps: list[Application], messages: list[RawMessage]) -> None:
    # Removed, mail read meanwhile, restored: the same book before and after, so the
    # caller names it, and every message it can match is a candidate.
    changed = changed_tokens(book_tokens(apps), book_tokens(apps), touched=[apps[0].id])
    missed = [raw.header for raw in messages
              if outcome(raw, apps) != outcome(raw, apps[1:])
              and not message_tokens(raw) & changed]
    assert [] == missed


def test_lookup_message_tokens_plus_address_and_encoded_name_are_read() -> None:
    raw = RawMessage("INBOX", 1, NOW, header(
        "Jane+Jobs@Acme.COM", "=?utf-8?Q?J=C3=A4ne?=", "Hi", refs=("a@b",)))
    assert {"a:jane@acme.com", "d:acme.com", "l:acme", "r:a@b", f"a:{ME}", "d:example.org",
            "l:example"} == message_tokens(raw)


def test_lookup_message_tokens_relay_mail_carries_its_words() -> None:
    raw = RawMessage("INBOX", 1, NOW, header(
        "no-reply@jumptrading.na.teamtailor-mail.com", "=?utf-8?B?SnVtcCBUcmFkaW5n?=",
        "=?utf-8?Q?S=C3=B8knad?="))
    words = {t for t in message_tokens(raw) if t.startswith("w:")}
    assert {"w:jump", "w:trading", "w:soknad", "w:jumptrading"} == words


# -- on a real store, against a full rescan ----------------------------------------


def config() -> Config:
    account = Account(name="mail", host="memory", username=ME, addresses=(ME,),
                      password=PasswordSource(kind="command", command=("echo", "unused")))
    return Config(accounts=(account,), policy=Policy(timezone="UTC"))


def generated_mail(seed: int, count: int) -> list[RawMessage]:
    """Return ``count`` messages in arrival order: replies refer to earlier ones."""
    rng = random.Random(seed)
    sent: list[str] = [*IDS]
    mail = []
    for n in range(count):
        when = NOW - timedelta(days=30) + timedelta(minutes=30 * n)
        own = rng.random() < 0.15
        sender = ME if own else rng.choice(ADDRESSES[:-1])
        refs = tuple(rng.sample(sent[-12:], rng.randint(1, 2))) if rng.random() < 0.35 else ()
        msgid = f"g{seed}-{n}@{rng.choice(['mail.gmail.com', 'acme.com', 'x.example'])}"
        date = f"Date: {when.strftime('%a, %d %b %Y %H:%M:%S +0000')}"
        raw = header(sender, rng.choice(NAMES), rng.choice(SUBJECTS),
                     to=rng.choice(ADDRESSES[:-1]) if own else ME,
                     reply_to=rng.choice([None, None, "jane+x@acme.com"]), refs=refs,
                     msgid=msgid, extra=(date,))
        sent.append(msgid)
        mail.append(RawMessage("Sent" if own else "INBOX", n + 1, when, raw))
    return mail


def seeded_store(path: Path, mail: list[RawMessage]) -> Store:
    """Return a store that read ``mail`` with a small book, matched, rematched once."""
    store = Store.open(path)
    with store.tx():
        store.add_application(company="Globex", role="", applied_at=NOW, now=NOW,
                              contacts=["people@globex.io"])
        store.add_application(company="Umbrella Corp", role="Data Engineer", applied_at=NOW,
                              now=NOW, contacts=["x@umbrella.com"])
        mailstate.save_messages(store, "mail", mail, raw_key)
        lookup.index_new(store, message_tokens, version=engine.LOOKUP_VERSION)
    match_pending(store, {ME}, PassReport(), propose=False)
    rematch(config(), store)  # the first one matches everything: the base of the next
    return store


def outcomes(store: Store) -> list[tuple[object, ...]]:
    rows = store.conn.execute(
        "SELECT key, processed, app_id, direction, rule, candidates, review_app FROM messages"
        " ORDER BY key").fetchall()
    anchors = store.conn.execute(
        "SELECT app_id, anchor FROM thread_anchors ORDER BY 1, 2").fetchall()
    relays = store.conn.execute("SELECT * FROM relay_senders ORDER BY 1, 2").fetchall()
    return [tuple(r) for r in (*rows, *anchors, *relays)]


def full_rescan(store: Store) -> None:
    """Match every unmatched message again, as a rematch did before the index, until
    nothing changes: a relay address or thread learned late in one rescan claims
    earlier mail in the next one, where rematch's rounds claim it at once.
    """
    before: list[tuple[object, ...]] = []
    while before != (before := outcomes(store)):
        with store.tx():
            mailstate.reopen_unmatched(store)
        match_pending(store, {ME}, PassReport(), propose=False)


CHANGES: dict[str, Callable[[Store], object]] = {
    "new application with a plus-address contact": lambda s: s.add_application(
        company="Acme", role="", applied_at=NOW, now=NOW, contacts=["jane+apply@acme.com"]),
    "new application with a free-mail contact and a thread": lambda s: s.add_application(
        company="Jump Trading", role="", applied_at=NOW, now=NOW,
        contacts=["recruiter@gmail.com"], thread_ids=["sent-2@example.org"]),
    "new application known by name only": lambda s: s.add_application(
        company="Søstrene Grene", role="", applied_at=NOW, now=NOW),
    "contact added to an application": lambda s: s.add_contact(1, "hr@acmerobotics.com"),
    "thread added to an application": lambda s: s.add_thread_anchor(2, "x9@acme.com"),
}


def test_lookup_rematch_after_each_change_equals_a_full_rescan(tmp_path: Path) -> None:
    mail = generated_mail(7, 250)
    differ = []
    for n, (name, change) in enumerate(CHANGES.items()):
        narrow = seeded_store(tmp_path / f"narrow{n}.db", mail)
        full = seeded_store(tmp_path / f"full{n}.db", mail)
        for store in (narrow, full):
            with store.tx():
                change(store)
        rematch(config(), narrow)
        full_rescan(full)
        if outcomes(narrow) != outcomes(full):
            differ.append(name)
    assert [] == differ


def test_lookup_rematch_matches_again_only_mail_with_a_changed_token(tmp_path: Path) -> None:
    mail = generated_mail(8, 250)
    store = seeded_store(tmp_path / "s.db", mail)
    unmatched = {(r[0], r[1]) for r in store.conn.execute(
        "SELECT folder, uid FROM messages WHERE app_id IS NULL")}
    with store.tx():
        app_id = store.add_application(company="Initech", role="", applied_at=NOW, now=NOW,
                                       contacts=["post@dnb.no"])
    wanted = app_tokens(store.get(app_id)) - {t for t in app_tokens(store.get(app_id))
                                               if t.startswith("s:")}
    expected = sum(1 for raw in mail if (raw.folder, raw.uid) in unmatched
                   and message_tokens(raw) & wanted)
    report = rematch(config(), store)
    assert (True, expected) == (expected < len(unmatched) / 4, report.rematched[0])


def test_lookup_store_from_before_the_index_is_indexed_by_its_first_rematch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "INDEX_PER_PASS", 7)  # several batches, one tx each
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        mailstate.save_messages(store, "mail", generated_mail(9, 50), raw_key)  # no index
    match_pending(store, {ME}, PassReport(), propose=False)
    with store.tx():
        store.add_application(company="Acme", role="", applied_at=NOW, now=NOW,
                              contacts=["jane@acme.com"])
    report = rematch(config(), store)
    indexed = store.conn.execute("SELECT count(DISTINCT msg) FROM message_lookup").fetchone()[0]
    from_jane = store.conn.execute("SELECT count(*) FROM messages WHERE app_id = 1").fetchone()
    assert (50, from_jane[0]) == (indexed, len(report.matched))


def test_lookup_prune_forgets_pairs_and_a_reused_rowid_is_indexed(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    old = RawMessage("INBOX", 1, NOW - timedelta(days=200), header("jane@acme.com", "", "a"))
    new = RawMessage("INBOX", 2, NOW, header("jane@acme.com", "", "b", msgid="n@x"))
    with store.tx():
        mailstate.save_messages(store, "mail", [old], raw_key)
        lookup.index_new(store, message_tokens, version=engine.LOOKUP_VERSION)
        mailstate.prune(store, NOW - timedelta(days=120), message_tokens)
        left = store.conn.execute("SELECT count(*) FROM message_lookup").fetchone()[0]
        mailstate.save_messages(store, "mail", [new], raw_key)  # takes the rowid again
        lookup.index_new(store, message_tokens, version=engine.LOOKUP_VERSION)
    found = store.conn.execute(
        "SELECT count(*) FROM message_lookup JOIN messages ON messages.rowid = msg").fetchone()
    assert (0, len(message_tokens(new))) == (left, found[0])


def test_lookup_reopen_finds_candidates_by_rowid_not_by_scanning(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    plan = [str(tuple(r)[3]) for r in store.conn.execute(
        f"EXPLAIN QUERY PLAN {lookup.REOPEN}", ("[1]",))]
    assert ["SEARCH messages USING INTEGER PRIMARY KEY (rowid=?)",
            "SEARCH message_lookup USING PRIMARY KEY (token=?)"] == [
        p for p in plan if p.startswith("SEARCH") or p.startswith("SCAN messages")]


def test_lookup_index_new_with_limit_indexes_oldest_first_and_resumes(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    mail = generated_mail(10, 5)
    with store.tx():
        mailstate.save_messages(store, "mail", mail, raw_key)
        done = [lookup.index_new(store, message_tokens, limit=2, version=engine.LOOKUP_VERSION)
                for _ in range(4)]
    indexed = store.conn.execute("SELECT count(DISTINCT msg) FROM message_lookup").fetchone()
    assert ([2, 2, 1, 0], 5) == (done, indexed[0])


def test_lookup_index_of_another_version_is_dropped_and_made_anew(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    mail = generated_mail(11, 6)
    with store.tx():
        mailstate.save_messages(store, "mail", mail, raw_key)
        lookup.index_new(store, lambda raw: {"x:made-by-0.0.9"}, version="1:0.0.9")
    rematch(config(), store)
    stale = store.conn.execute("SELECT count(*) FROM message_lookup WHERE token IN ("
                               "SELECT value FROM json_each(?))",
                               (json.dumps(sorted(lookup.token_ids({"x:made-by-0.0.9"}))),))
    indexed = store.conn.execute("SELECT count(DISTINCT msg) FROM message_lookup").fetchone()
    assert (0, 6) == (stale.fetchone()[0], indexed[0])
