"""One pass: sync every account -> match new messages -> classify -> store -> evaluate.

The mailbox sits behind the ``Mailbox`` protocol so that the engine does not know
IMAP; ``open_imap`` is the real one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from replywatch import __version__, log
from replywatch.config import Account, Config
from replywatch.config.timeinput import zone
from replywatch.core.lookup import app_tokens, changed_tokens
from replywatch.core.matching import Index, Prefilter, match, thread_anchor
from replywatch.core.model import (
    Action,
    Application,
    Direction,
    Event,
    FolderState,
    Message,
    RawMessage,
    Stage,
)
from replywatch.errors import MailboxError, UserError
from replywatch.mail.folders import PRIMARY_ROLES, Folder
from replywatch.mail.headers import parse_raw, raw_key
from replywatch.mail.lookup import message_tokens
from replywatch.store import Store, kinds, lookup, mailstate, removed, setaside
from replywatch.store.book import Book
from replywatch.store.faults import StoreFault
from replywatch.store.threadwatch import ThreadWatch, forget, orphaned

if TYPE_CHECKING:
    # Loaded where a pass needs them: a rematch that matches nothing (app add) and
    # the read-only commands start without classification, discovery and sign-in.
    from replywatch.discovery import Candidate, Proposed
    from replywatch.mail.bodies import MailBody
    from replywatch.oauth.sources import Credential

# Stages whose mail is still worth matching: a ghosted application can come back.
_MATCHABLE = frozenset(s for s in Stage if not s.is_closed) | {Stage.GHOSTED}
# Messages a pass indexes for lookups (store/lookup.py), about 0.1 s of CPU: a first
# pass of 200,000 messages stays fast; the daemon catches up in batches of this size
# right after the pass (index_backlog), `check` on its next passes or first rematch.
INDEX_PER_PASS = 2000
# What made the stored tokens: an upgrade may read mail (or lists of domains) otherwise.
LOOKUP_VERSION = f"1:{__version__}"


class Mailbox(Protocol):
    """What the engine needs of a mailbox connection."""

    commands: int

    def connect(self) -> None:
        """Connect and log in."""

    def close(self) -> None:
        """Disconnect."""

    def folders(self) -> list[Folder]:
        """Return the folders to read."""

    def read_folder(
        self, folder: Folder, state: FolderState | None, since: date
    ) -> tuple[FolderState, Iterator[RawMessage]]:
        """Return the folder's new state and its messages new since ``state``."""

    def fetch_texts(self, folder: str, uids: list[int]) -> dict[int, MailBody]:
        """Return the start of the text of each message still in the folder."""

    def texts(self, folder: str, uids: list[int], size: int) -> Iterator[dict[int, MailBody]]:
        """Yield ``fetch_texts`` of ``uids``, a batch of ``size`` at a time."""

    def drafts_folder(self) -> str | None:
        """Return the Drafts folder (SPECIAL-USE \\Drafts, else named so), or None."""

    def has_message_id(self, folder: str, message_id: str) -> bool:
        """Return True if the folder holds a message with this Message-ID."""

    def append_draft(self, folder: str, raw: bytes, when: datetime) -> None:
        """Append a draft (flags \\Draft \\Seen): the one write, where drafts are on."""

    def settle(self) -> None:
        """End a pass on a kept connection, ready for the next one's cheapest check."""


MailboxFactory = Callable[[Account, "Credential"], Mailbox]


def open_imap(account: Account, password: Credential) -> Mailbox:
    """Return an (unconnected) IMAP mailbox for the account."""
    from replywatch.mail.imap import ImapMailbox

    return ImapMailbox(account, password)


@dataclass
class FolderReport:
    """Messages read from one folder in a pass."""

    name: str
    role: str
    read: int = 0
    new: int = 0


@dataclass
class AccountReport:
    """How one account's sync went."""

    name: str
    ok: bool = True
    error: str | None = None
    hint: str | None = None
    folders: list[FolderReport] = field(default_factory=list)
    commands: int = 0


@dataclass(frozen=True)
class Matched:
    """A message found to belong to an application."""

    app_id: int
    company: str
    message_id: str | None
    direction: Direction
    rule: str
    at: datetime
    subject: str
    kind: str | None = None  # what a message from them says; None for the user's own
    reply: bool = False  # True when it counts as their reply for the cadence
    key: str = ""


@dataclass(frozen=True)
class Ambiguous:
    """A message that fits several applications equally: shown, never guessed."""

    message_id: str | None
    candidates: tuple[int, ...]
    sender: str | None
    subject: str


@dataclass(frozen=True)
class Review:
    """A message naming an application's thread from an unrelated sender: shown, not
    counted (a Message-ID is no secret).
    """

    message_id: str | None
    app_id: int
    company: str
    sender: str | None
    subject: str


@dataclass
class PassReport:
    """Everything one pass did."""

    accounts: list[AccountReport] = field(default_factory=list)
    matched: list[Matched] = field(default_factory=list)
    ambiguous: list[Ambiguous] = field(default_factory=list)
    review: list[Review] = field(default_factory=list)
    proposed: list[Proposed] = field(default_factory=list)
    # Unmatched mail whose text may make it a proposal; read while connections are open.
    candidates: list[Candidate] = field(default_factory=list)
    due: list[tuple[Application, Action]] = field(default_factory=list)
    set_aside: list[setaside.SetAside] = field(default_factory=list)  # in this pass
    set_aside_total: int = 0  # every message set aside still in the store
    rematched: list[int] = field(default_factory=list)  # a rematch's candidates, per round

    @property
    def ok(self) -> bool:
        """Return True if every account was read."""
        return all(a.ok for a in self.accounts)


def sync_account(store: Store, account: Account, mailbox: Mailbox, now: datetime,
                 own: set[str] | None = None, *, index: int | None = None,
                 watch: ThreadWatch | None = None) -> AccountReport:
    """Read what is new in every folder of a connected mailbox into the store.

    The primary folder (INBOX, or All Mail on Gmail) is read first once it has been
    read before: Dovecot answers a STATUS of a large INBOX in 4 ms as a session's
    first, and in 180 ms after a STATUS of another folder (200,000 messages), and a
    kept connection that has it selected (``Mailbox.settle``) asks it with one NOOP.
    Read for the first time, it is read last: it stays selected for the texts of
    the mail matched in it, which a new EXAMINE would cost the server its whole
    index again (about 65 ms at 45,000 messages, 250 ms at 180,000). All
    of the account's changes are written in one transaction: on a failure
    half-way the store is as it was (the error propagates). With ``own`` (the
    user's addresses), mail that no application can claim is kept settled
    (``triage``): matching never reads it back; with ``watch``, also mail that only
    a thread anchor added by this pass's matching could claim (``match_pending``
    with the same ``watch`` claims it). At most ``index`` stored messages
    (default INDEX_PER_PASS) are indexed for lookups in the same transaction.
    """
    from replywatch import triage  # with discovery: loaded where a pass reads mail

    report = AccountReport(account.name)
    since = (now - timedelta(days=account.lookback_days)).date()
    states = mailstate.folder_states(store, account.name)
    commands_before = mailbox.commands
    folders = mailbox.folders()
    primary_last = not any(f.name in states for f in folders if f.role in PRIMARY_ROLES)
    order = sorted(folders, key=lambda f: (f.role in PRIMARY_ROLES) == primary_last)
    found: dict[str, FolderReport] = {}
    with store.tx():
        # Made inside the transaction (and only if a message comes): a book changed
        # by another process is either seen here or reopens this mail when it
        # commits after us.
        # The same index the match step uses (book_index), not one of its own.
        settled = None if own is None else triage.lazy(
            lambda: book_index(list(_matchable(store).values()), own), own)
        for folder in order:
            before = states.get(folder.name)
            state, messages = mailbox.read_folder(folder, before, since)
            # After a UIDVALIDITY change, mail already kept is found under new UIDs.
            moved = before is not None and before.uidvalidity != state.uidvalidity
            read, new = mailstate.save_messages(store, account.name, messages, raw_key,
                                                relocate=moved, settled=settled, watch=watch)
            if state != states.get(folder.name):  # an unchanged folder writes nothing
                mailstate.save_folder_state(store, account.name, folder.name, state)
            found[folder.name] = FolderReport(folder.name, folder.role, read, new)
        lookup.index_new(store, message_tokens, version=LOOKUP_VERSION,
                         limit=INDEX_PER_PASS if index is None else index)
    report.folders = [found[f.name] for f in folders]
    report.commands = mailbox.commands - commands_before
    return report


def match_pending(store: Store, own: set[str], report: PassReport,
                  now: datetime | None = None, *, propose: bool = True,
                  watch: ThreadWatch | None = None,
                  matched: Callable[[], None] | None = None) -> None:
    """Match every message not yet matched, in arrival order, and record the outcomes.

    Each matched message's Message-ID joins its application's thread anchors at
    once, so a thread that starts in Sent is followed into the reply in INBOX. A
    reply that arrived before the message it answers was read (a Sent copy uploaded
    late) is caught by another sweep over what is left, for the new anchors only.
    Only messages that pass a prefilter are parsed: most mail belongs to no
    application, and the prefilter proves it from the raw bytes. Each matched
    message from them is classified from its headers (``classifying``), or, with
    ``matched`` (the pass reads matched mail's text next), marked to be classified
    from its text (``classify_matched(defer=True)``). With
    ``propose``, what is left unmatched is offered to discovery (new mail only: a
    rematch after a book change has looked at it before). Mail the sync kept
    settled under ``watch`` is claimed by the anchors this matching adds; mail kept
    under a watch that is gone (its pass ended before matching) is matched again,
    all unmatched mail with it. ``matched`` is called once the sweeps are done,
    before discovery (the pass asks for the texts to read there).
    """
    if orphaned(store, watch):
        with store.tx():
            mailstate.reopen_unmatched(store)
            forget(store)
    if not mailstate.has_pending(store):
        if watch is not None and watch.watching:
            with store.tx():  # no match, so no new anchor: nothing claims it
                watch.close()
        return
    apps = _matchable(store)
    index = book_index(list(apps.values()), own)
    prefilter = index.prefilter()
    try:
        _match_in_tx(store, own, report, now, propose=propose, apps=apps, index=index,
                     prefilter=prefilter, watch=watch, matched=matched)
    except BaseException:
        # The sweep added to the index what the rolled-back transaction did not keep.
        global _last_index  # noqa: PLW0603 - see book_index
        _last_index = None
        raise


def _match_in_tx(store: Store, own: set[str], report: PassReport, now: datetime | None, *,
                 propose: bool, apps: dict[int, Application], index: Index,
                 prefilter: Prefilter, watch: ThreadWatch | None,
                 matched: Callable[[], None] | None) -> None:
    """match_pending's sweeps and proposals, in one transaction."""
    with store.tx():
        when = now or datetime.now(UTC)
        # The pass reads matched mail's text next: the headers' verdict would not last.
        defer = matched is not None
        added = _sweep(store, index, prefilter, apps, report=report,
                       messages=mailstate.pending(store), now=when, defer=defer)
        claimed: set[str] = set()
        to_claim, to_sweep = added, dict(added)  # anchors whose mail is not yet looked for
        for round_ in itertools.count():  # each round needs mail newly matched: it ends
            found: dict[str, tuple[datetime, datetime]] = {}
            if watch is not None and to_claim:
                # Kept settled by the sync: the mail that names one of the new anchors.
                keys = [key for key in watch.claims(to_claim) if key not in claimed]
                claimed.update(keys)
                found = _sweep(store, index, prefilter, apps, report=report,
                               messages=mailstate.unmatched(store, keys), now=when,
                               defer=defer)
                # Pending mail read after a claimed message may answer it: the main
                # sweep, in arrival order, would have known its anchor by then.
                to_sweep.update((anchor, (start, _LATEST))
                                for anchor, (start, _) in found.items())
            if not to_sweep or (round_ >= MAX_SWEEPS - 1 and not found):
                break
            # Mail read before a new anchor existed, that could answer it: what arrived
            # after the anchor message was sent and before it was read (a Sent copy
            # uploaded late). In the usual case that window is empty.
            only = Prefilter({anchor: index.anchors[anchor] for anchor in to_sweep},
                             frozenset())
            # Read a page at a time, as the main sweep: the windows may hold much of a
            # first pass's mail.
            candidates = itertools.chain.from_iterable(
                mailstate.pending_between(store, start, end)
                for start, end in _merge(to_sweep.values()))
            swept = _sweep(store, index, only, apps, report=report, messages=candidates,
                           now=when, defer=defer)
            to_claim, to_sweep = {**swept, **found}, swept
        if matched is not None:
            matched()
        if propose:
            from replywatch.discovery import propose_pending

            every = store.applications(include_closed=True)
            report.proposed += propose_pending(store, own, every, when, report.candidates)
        mailstate.mark_rest_processed(store)
        if watch is not None:
            watch.close()


def _matchable(store: Store) -> dict[int, Application]:
    return {a.id: a for a in store.applications(include_closed=True) if a.stage in _MATCHABLE}


# The last index built, with what it was built from. The store hands back the same
# Application objects while they are unchanged (store/appcache.py), so the daemon's
# passes reuse it until the book changes; a sweep that adds to it (an anchor, a relay
# sender) writes the same to the store, which makes the next call build afresh.
_last_index: tuple[list[Application], frozenset[str], Index] | None = None


def book_index(apps: list[Application], own: set[str]) -> Index:
    """Given the matchable applications and the user's addresses, return their index:
    the last one built while these are the very same objects, else a new one."""
    global _last_index  # noqa: PLW0603 - one cache for the process, see above
    kept = _last_index
    if (kept is not None and kept[1] == frozenset(own) and len(kept[0]) == len(apps)
            and all(a is b for a, b in zip(kept[0], apps, strict=True))):
        return kept[2]
    index = Index.build(apps, own)
    _last_index = (apps, frozenset(own), index)
    return index


def load() -> None:
    """Load what a pass that reads mail needs on first use: the triage, discovery and
    classifier modules, the classifier's phrase scanner and the learned kinds model.
    The daemon calls this once, before its first pass; a one-off command (``check``)
    loads each where its pass first needs it, and a command that reads no mail never.
    """
    from replywatch import classifying, discovery, triage  # noqa: F401 - loaded here
    from replywatch.core import classify

    classify.prepare()


def prepare(config: Config, store: Store) -> None:
    """Build the index of the book now, while nothing waits, so that the next pass
    with new mail finds it ready (the daemon calls this after its alerts went out)."""
    book_index(list(_matchable(store).values()), config.own_addresses())


MAX_SWEEPS = 4  # a chain of late uploads longer than this waits for the next pass
CLOCK_SLACK = timedelta(hours=1)  # a sender's clock may be this far off the server's
_LATEST = datetime(9999, 1, 1, tzinfo=UTC)  # a window with no end


def _merge(windows: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Return the union of time windows as sorted, disjoint windows."""
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(windows):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _sweep(store: Store, index: Index, prefilter: Prefilter, apps: dict[int, Application], *,
           report: PassReport, messages: Iterator[tuple[str, RawMessage]], now: datetime,
           defer: bool = False) -> dict[str, tuple[datetime, datetime]]:
    """Match the messages that pass ``prefilter``; return the anchors added, each with
    the window in which a reply to it may have been read before it. With ``defer``,
    a message from them waits for its text to be classified (the pass reads it next).
    """
    added: dict[str, tuple[datetime, datetime]] = {}
    for key, raw in messages:
        try:
            if not prefilter.could_match(raw.header, raw.gm_thrid):
                continue  # marked with the rest at the end
            msg = parse_raw(raw)
            outcome = match(msg, index)
        except Exception as exc:  # one hostile message must not stop a pass
            _set_aside(store, key, exc, report)
            continue
        if msg.from_addr is None:
            # Garbled or missing From: only a thread can still place it.
            log.get().info("message_without_sender", folder=raw.folder, uid=raw.uid,
                           message_id=msg.message_id)
        if outcome.ambiguous:
            mailstate.mark(store, key, candidates=outcome.candidates)
            report.ambiguous.append(Ambiguous(msg.message_id, outcome.candidates,
                                              msg.from_addr, msg.subject))
            log.get().info("message_ambiguous", message_id=msg.message_id,
                           candidates=list(outcome.candidates))
            continue
        if outcome.review is not None:
            mailstate.mark(store, key, review=outcome.review)
            report.review.append(Review(msg.message_id, outcome.review,
                                        apps[outcome.review].company, msg.from_addr,
                                        msg.subject))
            log.get(application=outcome.review).info("message_for_review",
                                                     message_id=msg.message_id)
            continue
        if outcome.app_id is None or outcome.rule is None:
            continue
        app = apps[outcome.app_id]
        if outcome.learn is not None and store.add_relay_sender(app.id, outcome.learn):
            index.add_relay_sender(app.id, outcome.learn)
            log.get(application=app.id).info("relay_sender_learned")
        window = (min(msg.when, raw.internal_date) - CLOCK_SLACK, raw.internal_date)
        for anchor in _record(store, index, app, msg, key=key, direction=outcome.direction):
            added[anchor] = window
        mailstate.mark(store, key, app_id=app.id, direction=outcome.direction.value,
                       rule=outcome.rule.value)
        kind = None
        if outcome.direction is Direction.FROM_THEM:
            from replywatch import classifying

            found = classifying.classify_matched(store, app.id, key, msg,
                                                 rule=outcome.rule.value, now=now,
                                                 defer=defer)
            kind = found.kind if found is not None else None  # read with the text
        report.matched.append(Matched(app.id, app.company, msg.message_id, outcome.direction,
                                      outcome.rule.value, msg.when, msg.subject,
                                      kind=kind.value if kind else None,
                                      reply=kind is not None and kind.is_reply, key=key))
        log.get(application=app.id).info(
            "reply_matched" if outcome.direction is Direction.FROM_THEM else "sent_matched",
            message_id=msg.message_id, rule=outcome.rule.value,
            kind=kind.value if kind else None)
    return added


def _set_aside(store: Store, key: str, exc: Exception, report: PassReport) -> None:
    """Set a message whose parsing or matching failed aside, with one log line."""
    where = setaside.set_aside(store, key, f"{type(exc).__name__}: {exc}")
    if where is None:
        return
    report.set_aside.append(where)
    log.get(account=where.account).error(
        "message_set_aside", folder=where.folder, uid=where.uid, error=where.error)


def _record(store: Store, index: Index, app: Application, msg: Message, *, key: str,
            direction: Direction) -> set[str]:
    """Record a matched message; return the thread anchors it added."""
    store.add_event(app.id, Event(at=msg.when, direction=direction, source="mail",
                                  message_id=key))
    anchors = [msg.message_id] if msg.message_id else []
    if msg.gm_thrid is not None:
        anchors.append(thread_anchor(msg.gm_thrid))
    added = set()
    for anchor in anchors:
        if store.add_thread_anchor(app.id, anchor):
            added.add(anchor)
        index.add_anchor(app.id, anchor)
    return added


def run_pass(config: Config, store: Store, now: datetime,
             open_mailbox: MailboxFactory = open_imap,
             sessions: dict[str, Mailbox] | None = None,
             *, skip: dict[str, str] | None = None, judge: bool = True,
             index: int | None = None) -> PassReport:
    """Sync every account, match what is new, and return the report with what is due
    (only with ``judge``: the daemon's alert tick right after judges the book itself).

    With ``sessions`` (the daemon's), connections are kept open between passes, so
    that a pass with nothing new costs a NOOP and a STATUS per folder; a kept
    connection that broke is replaced once before the account counts as failed.
    An account that fails (unreachable, login refused, TLS, secret missing) is
    reported with its reason; its part of the store is unchanged and the other
    accounts are still processed. An account named in ``skip`` is not contacted
    (nor its secret read) and counts as failed with the reason given there.
    ``index`` is how many stored messages the pass indexes for lookups (default
    INDEX_PER_PASS); the daemon gives 0 and catches up after its alerts went out.
    """
    report = PassReport()
    # Connections stay open for the pass: matched mail's text is read after matching.
    open_now: dict[str, Mailbox] = sessions if sessions is not None else {}
    try:
        _sync_and_classify(config, store, now, report, open_mailbox=open_mailbox,
                           sessions=open_now, skip=skip or {}, index=index)
    finally:
        if sessions is None:
            for mailbox in open_now.values():
                mailbox.close()
        else:
            _settle(sessions)
    if config.accounts:
        longest = max(a.lookback_days for a in config.accounts)
        with store.tx():
            mailstate.prune(store, now - timedelta(days=longest), message_tokens)
            removed.purge(store, now)
    report.set_aside_total = setaside.count(store)
    if judge:
        book = Book(store, config.policy, zone(config.policy.timezone), now)
        report.due = book.due(include_future=False)
    return report


def _settle(sessions: dict[str, Mailbox]) -> None:
    """Settle each kept connection for the next pass; drop one that fails (the next
    pass connects again)."""
    for name, mailbox in list(sessions.items()):
        try:
            mailbox.settle()
        except MailboxError as exc:
            log.get(account=name).info("reconnecting", error=exc.problems[0])
            mailbox.close()
            del sessions[name]


def _sync_and_classify(config: Config, store: Store, now: datetime, report: PassReport, *,
                       open_mailbox: MailboxFactory, sessions: dict[str, Mailbox],
                       skip: dict[str, str], index: int | None) -> None:
    """Sync every account, match what is new, then read the text of matched mail on
    the connections still open and say in the report what each message says.
    """
    watch = ThreadWatch(store)
    for account in config.accounts:
        logger = log.get(account=account.name)
        if account.name in skip:
            report.accounts.append(AccountReport(account.name, ok=False,
                                                 error=skip[account.name]))
            continue
        try:
            acct_report = _sync_one(config, store, account, now, open_mailbox=open_mailbox,
                                    sessions=sessions, index=index, watch=watch)
        except StoreFault:
            raise  # the store's trouble, not the account's: every account would fail
        except UserError as exc:
            logger.warning("account_failed", error=exc.problems[0])
            report.accounts.append(AccountReport(account.name, ok=False, error=exc.problems[0],
                                                 hint=exc.hint))
            continue
        report.accounts.append(acct_report)
        logger.info("account_synced", new=sum(f.new for f in acct_report.folders),
                    commands=acct_report.commands)
    from replywatch import classifying
    from replywatch.discovery import read_candidates

    own = config.own_addresses()
    reading: list[classifying.Reading] = []
    match_pending(store, own, report, now, watch=watch,
                  matched=lambda: reading.append(classifying.start_texts(store, sessions)))
    classifying.read_texts(store, sessions, now, frozenset(own),
                           reading[0] if reading else None)
    report.matched = [_with_kind(store, m) for m in report.matched]
    report.proposed += read_candidates(store, sessions, report.candidates, now)
    report.candidates.clear()


def _with_kind(store: Store, m: Matched) -> Matched:
    """Return a matched message with what it says now (its text may have been read)."""
    if m.direction is not Direction.FROM_THEM:
        return m
    stored = kinds.get(store, m.key)
    if stored is None:
        return m
    return replace(m, kind=stored.effective.value, reply=stored.effective.is_reply)


def _sync_one(config: Config, store: Store, account: Account, now: datetime, *,
              open_mailbox: MailboxFactory, sessions: dict[str, Mailbox] | None,
              index: int | None = None, watch: ThreadWatch | None = None) -> AccountReport:
    """Sync one account on a kept connection or a new one; raise UserError on failure."""
    own = config.own_addresses()
    kept = sessions.pop(account.name, None) if sessions is not None else None
    if sessions is not None and kept is not None:
        try:
            report = sync_account(store, account, kept, now, own, index=index, watch=watch)
        except MailboxError as exc:
            # A kept connection may have been dropped by the server meanwhile.
            log.get(account=account.name).info("reconnecting", error=exc.problems[0])
            kept.close()
        else:
            sessions[account.name] = kept
            return report
    from replywatch.oauth.sources import login_credential

    mailbox = open_mailbox(account, login_credential(account))
    mailbox.connect()
    try:
        report = sync_account(store, account, mailbox, now, own, index=index, watch=watch)
    except BaseException:
        mailbox.close()
        raise
    if sessions is None:
        mailbox.close()
    else:
        sessions[account.name] = mailbox
    return report


def index_backlog(store: Store, limit: int) -> int:
    """Given a store, index at most ``limit`` of the messages a pass left unindexed for
    lookups, the oldest first, in one transaction of their own; return how many (0
    once the index has caught up). The daemon calls this between passes, a rematch
    before it looks anything up.
    """
    with store.tx():
        return lookup.index_new(store, message_tokens, limit=limit, version=LOOKUP_VERSION)


MAX_REMATCH_ROUNDS = 8  # a longer chain of replies waits for the next rematch


def rematch(config: Config, store: Store, touched: Iterable[int] = ()) -> PassReport:
    """Match mail read earlier against the book again, after the book changed.

    Only the unmatched mail that the change can affect is matched again: what is
    indexed under a token of the book that changed since the last rematch (a new
    contact, domain, thread id, relay address; every token of an application that
    came, went, or changed its name or role, and of the applications the caller
    names in ``touched``). Mail it matches adds thread anchors,
    which are changes too: rounds repeat until the book stands still. The first
    rematch of a store, or one after the user's own addresses changed, matches all
    unmatched mail, as a rematch did before the index existed.
    """
    report = PassReport()
    own = config.own_addresses()
    # What passes left to index (the bulk of a first pass, a store from before the
    # index), a batch per transaction: the daemon's writes wait for one batch at most.
    while index_backlog(store, INDEX_PER_PASS):
        pass
    known = lookup.book_tokens(store, own)
    if known is None:
        with store.tx():
            mailstate.reopen_unmatched(store)
            lookup.save_book_tokens(store, _book_tokens(store), own)
        match_pending(store, own, report, propose=False)
    for round_ in range(MAX_REMATCH_ROUNDS):
        current = _book_tokens(store)
        changed = changed_tokens(lookup.book_tokens(store, own) or {}, current,
                                 touched if round_ == 0 else ())
        if not changed:
            break
        with store.tx():
            candidates = lookup.reopen(store, changed, always=round_ == 0)
            lookup.save_book_tokens(store, current, own)
        # Counted, not logged: a log line would load structlog into every `app add`.
        report.rematched.append(candidates)
        match_pending(store, own, report, propose=False)
    report.matched = [_with_kind(store, m) for m in report.matched]
    return report


def _book_tokens(store: Store) -> dict[int, set[str]]:
    """Return the lookup tokens of every application that mail may still match."""
    return {a.id: app_tokens(a) for a in lookup.book(store) if a.stage in _MATCHABLE}
