"""The local state: SQLite in WAL mode, a schema version and ordered migrations.

Times are stored as ISO 8601 text in UTC (``2026-11-24T09:00:00+00:00``), which
sorts correctly as text. Every write runs in a transaction (``with store.tx():``).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from replywatch.core.domains import company_domain
from replywatch.core.kinds import Kind
from replywatch.core.model import Application, Direction, Event, Interview, Overrides, Stage
from replywatch.errors import UserError
from replywatch.i18n import _
from replywatch.store.appcache import AppCache
from replywatch.store.faults import fault_from, fault_from_os, remember
from replywatch.store.migrations import MIGRATIONS, Migration


def utc_text(value: datetime) -> str:
    """Return the stored form of an aware datetime: ISO 8601 in UTC, to the second."""
    if value.tzinfo is UTC and not value.microsecond:  # every message's INTERNALDATE
        return value.isoformat()
    return value.astimezone(UTC).isoformat(timespec="seconds")


def parse_utc(text: str) -> datetime:
    """Return the aware datetime of a stored time."""
    return datetime.fromisoformat(text)


# The error SQLite raises when the file is locked, busy, full or unreadable; callers
# above the store catch it under this name so that only the store imports sqlite3.
OperationalError = sqlite3.OperationalError
Error = sqlite3.Error  # every SQLite error; store/faults.py tells the user's from bugs


def is_busy(exc: BaseException) -> bool:
    """Return True when ``exc`` says another process holds the store's write lock."""
    text = str(exc)
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def _opt_time(text: str | None) -> datetime | None:
    return parse_utc(text) if text else None


class Store:
    """The SQLite file. Open it with ``Store.open(path)``; close it with ``close()``."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._apps: AppCache | None = None

    @classmethod
    def open(cls, path: Path, *, migrations: Sequence[Migration] = MIGRATIONS,
             busy_timeout: float = 10.0) -> Store:
        """Given a path, open (creating if needed) the store and bring it to the latest schema.

        A write waits up to ``busy_timeout`` seconds for another process's write to end.
        The folder is created 0700 and the file 0600: it holds the user's job search.
        Raise UserError if the file is not a replywatch store or is newer than this
        program.
        """
        path = path.expanduser()
        try:
            if not path.parent.exists():
                path.parent.mkdir(parents=True, mode=0o700)
            if not path.exists():
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError as exc:
            raise fault_from_os(exc, path) from exc
        try:
            # isolation_level=None: we issue BEGIN ourselves, so every write is explicit.
            # check_same_thread=False: the daemon's worker and its D-Bus listener
            # share the connection; Daemon serialises every use with one lock.
            conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None,
                                   check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            # Pages of 16 KiB (a new file only: an existing one keeps its own): a first
            # pass inserts a few hundred bytes per message under a random key, and
            # larger pages make that 12% cheaper at 200,000 messages, and the log's
            # checkpoint half the work.
            conn.execute(f"PRAGMA page_size = {_PAGE_SIZE}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(conn, path)
            remember(path)
            store._migrate(migrations)
        except sqlite3.DatabaseError as exc:
            fault = fault_from(exc, path)
            if fault is not None:
                raise fault from exc
            raise UserError(_("{path}: not a usable replywatch store: {error}").format(
                path=path, error=exc)) from exc
        return store

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def defer_checkpoints(self) -> None:
        """Leave copying the write-ahead log into the database to ``checkpoint``.

        By default the commit that makes the log pass 1,000 pages also copies the
        whole log into the database, and a first pass over a large mailbox writes
        hundreds of megabytes: a long-lived process (the daemon) copies it after its
        alerts went out instead. The log is cut back to 64 MiB once copied.
        """
        self.conn.execute("PRAGMA wal_autocheckpoint = 0")
        self.conn.execute(f"PRAGMA journal_size_limit = {_WAL_KEPT}")

    def checkpoint(self) -> None:
        """Copy what the write-ahead log holds into the database, as far as no reader
        of an older snapshot holds it back (a passive checkpoint: nothing waits).
        Raise StoreFault when the disk fails.
        """
        try:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.DatabaseError as exc:
            fault = fault_from(exc, self.path)
            if fault is not None:
                raise fault from exc
            raise

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one IMMEDIATE transaction: all of it is written, or none.

        Raise StoreFault (exit code 3) when the disk is full, the file read-only,
        locked by another process or damaged; the transaction is rolled back.
        """
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                # On SQLITE_FULL, IOERR, BUSY (and others) SQLite has rolled the
                # transaction back itself already: a second ROLLBACK would fail and
                # hide the real error.
                self._rollback()
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()  # a failed COMMIT leaves the transaction open
            fault = fault_from(exc, self.path)
            if fault is None:
                raise
            raise fault from exc

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            # A ROLLBACK that fails too (the disk is gone) must not hide the first error.
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    # -- schema -----------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        """Return the schema version of the open file."""
        row = self.conn.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        with self.tx() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            current = self.schema_version
            if current > len(migrations):
                raise UserError(
                    _("{path}: store schema version {version} is newer than this "
                      "replywatch understands ({known})").format(
                        path=self.path, version=current, known=len(migrations)),
                    hint=_("upgrade replywatch"),
                )
            for version in range(current, len(migrations)):
                migrations[version](conn)
            conn.execute("DELETE FROM schema_version")
            conn.execute("INSERT INTO schema_version VALUES (?)", (len(migrations),))

    # -- applications -----------------------------------------------------------

    def add_application(
        self,
        *,
        company: str,
        role: str,
        applied_at: datetime,
        contacts: Iterable[str] = (),
        thread_ids: Iterable[str] = (),
        notes: str = "",
        stage: Stage = Stage.APPLIED,
        now: datetime,
        app_id: int | None = None,
    ) -> int:
        """Insert a new application with its contacts, derived domains and anchors.

        Return its id: ``app_id`` when given (an import keeping an export's id; it
        must be free), else the next one. Call inside ``tx()``.
        """
        cur = self.conn.execute(
            "INSERT INTO applications (id, company, role, stage, applied_at, notes, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (app_id, company, role, stage.value, utc_text(applied_at), notes, utc_text(now),
             utc_text(now)),
        )
        app_id = int(cur.lastrowid or 0)
        for address in contacts:
            self.add_contact(app_id, address)
        for anchor in thread_ids:
            self.add_thread_anchor(app_id, anchor)
        return app_id

    def add_contact(self, app_id: int, address: str) -> None:
        """Add a contact address and the company domain it implies (if any)."""
        self.conn.execute(
            "INSERT OR IGNORE INTO contacts (app_id, address) VALUES (?, ?)",
            (app_id, address.lower()),
        )
        domain = company_domain(address)
        if domain:
            self.conn.execute(
                "INSERT OR IGNORE INTO domains (app_id, domain) VALUES (?, ?)", (app_id, domain)
            )

    def add_relay_sender(self, app_id: int, address: str) -> bool:
        """Remember a relay address that wrote for the application; return True if new.

        It is no contact: it implies no company domain, and it is the relay's, not a
        person's.
        """
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO relay_senders (app_id, address) VALUES (?, ?)",
            (app_id, address.lower()),
        )
        return cur.rowcount > 0

    def add_thread_anchor(self, app_id: int, anchor: str) -> bool:
        """Add a known Message-ID (or ``gmthr:<id>``) of the application's threads.

        Return True if it was new.
        """
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO thread_anchors (app_id, anchor) VALUES (?, ?)",
            (app_id, anchor),
        )
        return cur.rowcount > 0

    def add_interview(
        self, app_id: int, start: datetime, end: datetime, interviewers: Sequence[str]
    ) -> int:
        """Record an interview; return its id."""
        cur = self.conn.execute(
            "INSERT INTO interviews (app_id, start, end, interviewers) VALUES (?, ?, ?, ?)",
            (app_id, utc_text(start), utc_text(end), json.dumps(list(interviewers))),
        )
        return int(cur.lastrowid or 0)

    def add_event(self, app_id: int, event: Event) -> bool:
        """Record a contact; return False if the same message was recorded for it already."""
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO events (app_id, at, direction, source, message_id, note)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (app_id, utc_text(event.at), event.direction.value, event.source, event.message_id,
             event.note),
        )
        return cur.rowcount > 0

    def update_application(self, app_id: int, now: datetime, **fields: object) -> None:
        """Set columns of one application (stage, role, snoozed_until, notes, overrides)."""
        allowed = {"stage", "role", "snoozed_until", "notes", "follow_up_after_days",
                   "max_follow_ups", "company", "applied_at"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"not an application column: {sorted(unknown)}")
        values: list[object] = []
        for value in fields.values():
            if isinstance(value, datetime):
                values.append(utc_text(value))
            elif isinstance(value, Stage):
                values.append(value.value)
            else:
                values.append(value)
        assignments = ", ".join(f"{name} = ?" for name in fields)
        self.conn.execute(
            f"UPDATE applications SET {assignments}, updated_at = ? WHERE id = ?",  # noqa: S608
            (*values, utc_text(now), app_id),
        )

    def remove_application(self, app_id: int) -> None:
        """Delete an application and everything recorded for it, for good.

        ``app remove`` does not: it marks the application removed (store/removed.py),
        and the purge 30 days later comes here.
        """
        self.conn.execute("DELETE FROM applications WHERE id = ?", (app_id,))

    def require(self, app_id: int) -> None:
        """Raise UserError if no application has this id (or it was removed)."""
        row = self.conn.execute("SELECT removed_at FROM applications WHERE id = ?",
                                (app_id,)).fetchone()
        if row is None:
            raise UserError(_("no application with id {id}").format(id=app_id),
                            hint=_("see `{command}`").format(command="replywatch app list"))
        if row[0] is not None:
            raise UserError(_("application {id} was removed").format(id=app_id),
                            hint=_("`{command}` brings it back").format(
                                command=f"replywatch app restore {app_id}"))

    def get(self, app_id: int) -> Application:
        """Return one application. Raise UserError if the id is unknown."""
        self.require(app_id)
        return self._load(" WHERE id = ?", (app_id,))[0]

    def applications(self, *, include_closed: bool = False) -> list[Application]:
        """Return applications ordered by id; open ones only unless ``include_closed``.

        The answer is kept, and after a write of ours only what it changed is read
        again (store/appcache.py); after a commit by another connection (the CLI's)
        everything is: the daemon judges the book after every pass and tick.
        """
        if self._apps is None:  # made on first use: after the migrations, for the triggers
            self._apps = AppCache(self.conn)
        return self._apps.applications(self._load, include_closed=include_closed)

    def _load(self, where: str, params: Sequence[object]) -> list[Application]:
        # Plain tuples, read by position: a sqlite3.Row read by name costs more than the
        # row itself, and `status` loads every application with all of its history.
        plain = self.conn.cursor()
        plain.row_factory = None
        rows = plain.execute(
            f"SELECT {_APP_COLUMNS} FROM applications{where} ORDER BY id", params  # noqa: S608
        ).fetchall()
        if not rows:
            return []
        ids = [int(row[0]) for row in rows]
        # Most of the book: SQLite reads every related row sooner than it filters them
        # by thousands of ids; the rows of applications not asked for stay unused.
        whole = len(ids) > _FILTER_AT_MOST
        args = [] if whole else ids
        marks = ", ".join("?" for _ in args)

        def narrow(column: str) -> str:
            return "" if whole else f" WHERE {column} IN ({marks})"

        values = related_values(plain, narrow("app_id"), args)
        interviews: dict[int, list[Interview]] = {}
        query = ("SELECT app_id, start, end, interviewers, id FROM interviews"  # noqa: S608
                 f"{narrow('app_id')} ORDER BY start, id")
        for app_id, start, end, interviewers, interview_id in plain.execute(query, args):
            interviews.setdefault(app_id, []).append(Interview(
                start=parse_utc(start), end=parse_utc(end),
                interviewers=tuple(json.loads(interviewers)), id=int(interview_id)))
        events: dict[int, list[Event]] = {}
        for r in plain.execute(_EVENTS_WITH_KINDS.format(where=narrow("e.app_id")), args):
            events.setdefault(r[0], []).append(_event(r))
        return [_application(row, values, interviews.get(app_id, ()), events.get(app_id, ()))
                for row, app_id in zip(rows, ids, strict=True)]


_PAGE_SIZE = 16 * 1024
_WAL_KEPT = 64 * 1024 * 1024  # bytes of write-ahead log kept on disk once copied
_RELATED = (("contacts", "address"), ("domains", "domain"), ("thread_anchors", "anchor"),
            ("relay_senders", "address"))


def related_values(cursor: sqlite3.Cursor, where: str = "", params: Sequence[object] = ()
                   ) -> dict[str, dict[int, list[str]]]:
    """Return, for each table of what matching reads of an application (contacts,
    domains, thread_anchors, relay_senders), its values per application id in the order
    they were added. ``where`` (with ``params``) narrows the rows by ``app_id``; the
    cursor must hand back plain tuples.
    """
    values: dict[str, dict[int, list[str]]] = {}
    for table, column in _RELATED:
        grouped: dict[int, list[str]] = {}
        query = f"SELECT app_id, {column} FROM {table}{where} ORDER BY rowid"  # noqa: S608
        for app_id, value in cursor.execute(query, params):
            grouped.setdefault(app_id, []).append(value)
        values[table] = grouped
    return values


# Events with what their message says: the user's correction wins over the classifier.
# The columns are read by position in _event.
_EVENTS_WITH_KINDS = (
    "SELECT e.app_id, e.at, e.direction, e.source, e.message_id, e.note, e.id,"
    " coalesce(k.corrected, k.kind) AS kind, k.evidence, k.automated, k.reasons"
    " FROM events e LEFT JOIN message_kinds k ON k.key = e.message_id{where}"
    " ORDER BY e.at, e.id"
)

# Up to this many applications, Store._load asks SQLite for their related rows by id.
_FILTER_AT_MOST = 200


def _event(r: tuple[Any, ...]) -> Event:
    _, at, direction, source, message_id, note, event_id, kind, evidence, automated, reasons = r
    return Event(
        at=parse_utc(at),
        direction=_DIRECTION[direction],
        source=source,
        message_id=message_id,
        note=note,
        id=int(event_id),
        kind=Kind(kind) if kind else None,
        evidence=tuple(json.loads(evidence)) if evidence else (),
        automated=bool(automated),
        reasons=bool(reasons),
    )


# The columns of an application, read by position in _application.
_APP_COLUMNS = ("id, company, role, stage, applied_at, snoozed_until, notes,"
                " follow_up_after_days, max_follow_ups")


# Enum members by stored value, and the one Overrides of an application with none:
# a dict lookup and a shared frozen object cost less than Stage(...) and a new
# Overrides for each of thousands of applications.
_STAGE = {stage.value: stage for stage in Stage}
_DIRECTION = {direction.value: direction for direction in Direction}
_NO_OVERRIDES = Overrides()


def _application(row: tuple[Any, ...], values: dict[str, dict[int, list[str]]],
                 interviews: Iterable[Interview], events: Iterable[Event]) -> Application:
    app_id, company, role, stage, applied_at, snoozed_until, notes, after, max_n = row
    return Application(
        id=app_id,
        company=company,
        role=role,
        stage=_STAGE[stage],
        applied_at=parse_utc(applied_at),
        contacts=tuple(values["contacts"].get(app_id, ())),
        domains=tuple(values["domains"].get(app_id, ())),
        thread_ids=tuple(values["thread_anchors"].get(app_id, ())),
        relay_senders=tuple(values["relay_senders"].get(app_id, ())),
        interviews=tuple(interviews),
        events=tuple(events),
        snoozed_until=_opt_time(snoozed_until),
        notes=notes,
        overrides=(_NO_OVERRIDES if after is None and max_n is None
                   else Overrides(follow_up_after_days=after, max_follow_ups=max_n)),
    )

