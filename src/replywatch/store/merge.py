"""Importing into a book that may already hold the rows: match, then add, update or leave.

A row is the same application as one in the store when it has the same id and the
same company, or else the same company, role and applied date (the date in the
user's zone; a row without an applied date matches on company and role when that
names exactly one application). Names compare case- and space-insensitively.

A matched application is updated, never diminished: the file's company details,
notes, snooze and overrides win where the file gives them; contacts, threads,
interviews and events are added where missing and none is taken away; the stage
only moves forward, so importing an old export never undoes what the mailbox
taught since. A row that changes nothing counts as unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from replywatch.core.model import Application, Event, Stage
from replywatch.store.db import Store


@dataclass
class Row:
    """One imported application, checked and parsed."""

    company: str
    id: int | None = None
    role: str = ""
    stage: Stage = Stage.APPLIED
    applied_at: datetime | None = None
    contacts: list[str] = field(default_factory=list)
    thread_ids: list[str] = field(default_factory=list)
    interviews: list[tuple[datetime, datetime, list[str]]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    snoozed_until: datetime | None = None
    notes: str = ""
    follow_up_after_days: int | None = None
    max_follow_ups: int | None = None


@dataclass
class ImportReport:
    """What an import did (or, with ``dry_run``, would do): ids added and updated."""

    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: int = 0
    dry_run: bool = False


def _name(text: str) -> str:
    return " ".join(text.casefold().split())


def _day(when: datetime, tz: tzinfo) -> date:
    return when.astimezone(tz).date()


@dataclass
class _Book:
    """The applications already there, indexed the ways a row can match them."""

    by_id: dict[int, Application]
    by_day: dict[tuple[str, str, date], Application]
    by_name: dict[tuple[str, str], dict[int, Application]]
    tz: tzinfo

    @classmethod
    def of(cls, apps: list[Application], tz: tzinfo) -> _Book:
        book = cls({}, {}, {}, tz)
        for app in apps:
            book.index(app)
        return book

    def index(self, app: Application) -> None:
        self.by_id[app.id] = app
        self.by_day.setdefault((_name(app.company), _name(app.role),
                                _day(app.applied_at, self.tz)), app)
        self.by_name.setdefault((_name(app.company), _name(app.role)), {})[app.id] = app

    def find(self, row: Row) -> Application | None:
        same = self.by_id.get(row.id) if row.id is not None else None
        if same is not None and _name(same.company) == _name(row.company):
            return same
        if row.applied_at is not None:
            return self.by_day.get((_name(row.company), _name(row.role),
                                    _day(row.applied_at, self.tz)))
        named = list(self.by_name.get((_name(row.company), _name(row.role)), {}).values())
        return named[0] if len(named) == 1 else None


def _changes(app: Application, row: Row) -> dict[str, object]:
    """Return the columns a row changes on an application (empty: nothing to do)."""
    fields: dict[str, object] = {}
    if row.stage.rank > app.stage.rank:
        fields["stage"] = row.stage
    if row.role and _name(row.role) != _name(app.role):
        fields["role"] = row.role
    if row.notes and row.notes != app.notes:
        fields["notes"] = row.notes
    if row.snoozed_until is not None and row.snoozed_until != app.snoozed_until:
        fields["snoozed_until"] = row.snoozed_until
    if row.follow_up_after_days not in (None, app.overrides.follow_up_after_days):
        fields["follow_up_after_days"] = row.follow_up_after_days
    if row.max_follow_ups not in (None, app.overrides.max_follow_ups):
        fields["max_follow_ups"] = row.max_follow_ups
    return fields


def _event_key(event: Event) -> tuple[datetime, str, str | None]:
    return (event.at, event.direction.value, event.message_id)


def _missing(app: Application, row: Row) -> Row:
    """Return a Row holding only what ``row`` has that ``app`` lacks (lists only)."""
    have_interviews = {(i.start, i.end) for i in app.interviews}
    have_events = {_event_key(e) for e in app.events}
    return Row(
        company=app.company,
        contacts=[c for c in row.contacts if c.lower() not in app.contacts],
        thread_ids=[t for t in row.thread_ids if t not in app.thread_ids],
        interviews=[i for i in row.interviews if (i[0], i[1]) not in have_interviews],
        events=[e for e in row.events if _event_key(e) not in have_events],
    )


def _write_lists(store: Store, app_id: int, row: Row) -> None:
    for address in row.contacts:
        store.add_contact(app_id, address)
    for anchor in row.thread_ids:
        store.add_thread_anchor(app_id, anchor)
    for start, end, people in row.interviews:
        store.add_interview(app_id, start, end, people)
    for event in row.events:
        store.add_event(app_id, event)


def _id_free(store: Store, app_id: int | None) -> bool:
    # A removed application keeps its id until it is purged.
    return app_id is not None and app_id > 0 and store.conn.execute(
        "SELECT 1 FROM applications WHERE id = ?", (app_id,)).fetchone() is None


def merge_rows(store: Store, rows: list[Row], tz: tzinfo, now: datetime, *,
               dry_run: bool = False) -> ImportReport:
    """Add, update or leave each row as the module docstring says; return the counts.

    Everything is written in one transaction; with ``dry_run`` nothing is written
    (the transaction is rolled back) and the report says what would have been.
    """
    report = ImportReport(dry_run=dry_run)
    store.conn.execute("BEGIN IMMEDIATE")
    try:
        book = _Book.of(store.applications(include_closed=True), tz)
        for row in rows:
            app = book.find(row)
            if app is None:
                app_id = store.add_application(
                    company=row.company, role=row.role, applied_at=row.applied_at or now,
                    stage=row.stage, notes=row.notes, now=now,
                    app_id=row.id if _id_free(store, row.id) else None)
                report.added.append(app_id)
                changes: dict[str, object] = _changes(store.get(app_id), row)
                lists = row
            else:
                app_id = app.id
                changes, lists = _changes(app, row), _missing(app, row)
                if not changes and not (lists.contacts or lists.thread_ids
                                        or lists.interviews or lists.events):
                    report.unchanged += 1
                    continue
                if app_id not in report.added and app_id not in report.updated:
                    report.updated.append(app_id)
            if changes:
                store.update_application(app_id, now, **changes)
            _write_lists(store, app_id, lists)
            book.index(store.get(app_id))  # a later row of the same file matches it
    except BaseException:
        store.conn.execute("ROLLBACK")
        raise
    store.conn.execute("ROLLBACK" if dry_run else "COMMIT")
    return report
