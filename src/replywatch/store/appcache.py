"""The applications loaded once and kept, re-read only where this connection wrote.

Loading every application with its contacts, anchors, interviews and events costs
tens of milliseconds at a few thousand; the daemon asks after every pass and every
tick, and a pass that recorded one reply changed one application. Temporary
triggers (this connection's only: they live in its temp schema) note the id of
every application whose rows or whose events' message kinds this connection
inserts, updates or deletes; the next answer re-reads just those, and every other
``Application`` object stays the very same object, so that callers may compare by
identity to see what changed. A commit by another connection (the CLI's) shows in
``PRAGMA data_version`` and means a full load. What was read inside a transaction
is read again after it, in case it was rolled back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from replywatch.core.model import Application

# Every table an Application is read from, keyed by the column naming the application.
_CHILDREN = ("contacts", "domains", "thread_anchors", "relay_senders", "interviews", "events")


def _triggers() -> list[str]:
    """Return the statements that create the temp table and its triggers."""
    # No key on purpose: an outer INSERT OR REPLACE or upsert would impose its own
    # conflict handling on the trigger's insert. Duplicates are read as one.
    made = ["CREATE TEMP TABLE IF NOT EXISTS touched_apps (id INTEGER)"]

    def note(name: str, table: str, event: str, ids: list[str]) -> None:
        body = " ".join(f"INSERT INTO touched_apps SELECT {i};" for i in ids)
        made.append(f"CREATE TEMP TRIGGER IF NOT EXISTS {name} AFTER {event} ON main.{table} "
                    f"BEGIN {body} END")

    for table, key in (("applications", "id"), *((child, "app_id") for child in _CHILDREN)):
        note(f"touch_{table}_ins", table, "INSERT", [f"NEW.{key}"])
        note(f"touch_{table}_upd", table, "UPDATE", [f"NEW.{key}", f"OLD.{key}"])
        note(f"touch_{table}_del", table, "DELETE", [f"OLD.{key}"])
    # An event's kind is read from message_kinds (a correction, a body read later).
    for event, rows in (("INSERT", ["NEW"]), ("UPDATE", ["NEW", "OLD"]), ("DELETE", ["OLD"])):
        body = " ".join(f"INSERT INTO touched_apps SELECT app_id FROM "  # noqa: S608
                        f"main.events WHERE message_id = {row}.key;" for row in rows)
        made.append(f"CREATE TEMP TRIGGER IF NOT EXISTS touch_kinds_{event.lower()} "
                    f"AFTER {event} ON main.message_kinds BEGIN {body} END")
    return made


Loader = Callable[[str, Sequence[object]], list[Application]]


class AppCache:
    """Every application not removed, by id, kept up to date at the least cost."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        """Given a migrated connection, install the triggers; nothing is loaded yet."""
        self._conn = conn
        for statement in _triggers():
            conn.execute(statement)
        self._version: int | None = None
        self._apps: dict[int, Application] = {}
        self._lists: dict[bool, list[Application]] = {}
        # Read inside a transaction that may yet be rolled back: read again after it.
        self._provisional: set[int] = set()

    def applications(self, load: Loader, *, include_closed: bool) -> list[Application]:
        """Return the applications ordered by id (open ones only unless
        ``include_closed``), read with ``load(where, params)`` where needed.
        """
        version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        rows = self._conn.execute("SELECT DISTINCT id FROM temp.touched_apps").fetchall()
        touched = {int(row[0]) for row in rows}
        if touched:
            self._conn.execute("DELETE FROM temp.touched_apps")
        if self._conn.in_transaction:
            self._provisional |= touched
        else:
            touched |= self._provisional
            self._provisional = set()
        if version != self._version:
            self._apps = {app.id: app for app in load(" WHERE removed_at IS NULL", ())}
            self._version, self._lists = version, {}
        elif touched:
            marks = ", ".join("?" for _ in touched)
            fresh = {app.id: app for app in
                     load(f" WHERE removed_at IS NULL AND id IN ({marks})", sorted(touched))}
            for app_id in sorted(touched):
                if app_id in fresh:
                    self._apps[app_id] = fresh[app_id]
                else:
                    self._apps.pop(app_id, None)  # deleted, or removed
            self._lists = {}
        if include_closed not in self._lists:
            every = sorted(self._apps.values(), key=lambda app: app.id)
            self._lists[include_closed] = (every if include_closed
                                           else [a for a in every if not a.stage.is_closed])
        return list(self._lists[include_closed])
