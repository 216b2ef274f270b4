"""Removed applications: kept for 30 days so that a removal can be undone.

``app remove`` sets ``removed_at``; from then on the application is in no view, no
pass matches mail to it and no alert is sent for it (``Store.applications`` and
``Store.require`` leave it out), but nothing recorded for it is lost. ``restore``
clears the mark; ``purge`` deletes for good what was removed more than
``KEEP_DAYS`` ago (called on every removal and every pass).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from replywatch.errors import UserError
from replywatch.i18n import _
from replywatch.store.db import Store, parse_utc, utc_text

KEEP_DAYS = 30


@dataclass(frozen=True)
class Removed:
    """One removed application, as ``app list --removed`` shows it."""

    id: int
    company: str
    role: str
    removed_at: datetime

    @property
    def purge_at(self) -> datetime:
        """Return when it is deleted for good."""
        return self.removed_at + timedelta(days=KEEP_DAYS)


def remove(store: Store, app_id: int, now: datetime) -> None:
    """Mark an application removed at ``now``. Raise UserError if there is none to remove.

    Call inside ``tx()``.
    """
    store.require(app_id)
    store.conn.execute("UPDATE applications SET removed_at = ?, updated_at = ? WHERE id = ?",
                       (utc_text(now), utc_text(now), app_id))


def restore(store: Store, app_id: int, now: datetime) -> None:
    """Bring a removed application back. Raise UserError if it is not a removed one.

    Call inside ``tx()``.
    """
    row = store.conn.execute("SELECT removed_at FROM applications WHERE id = ?",
                             (app_id,)).fetchone()
    if row is None:
        raise UserError(_("no application with id {id}").format(id=app_id),
                        hint=_("removed applications are kept {days} days; see `{command}`")
                        .format(days=KEEP_DAYS, command="replywatch app list --removed"))
    if row[0] is None:
        raise UserError(_("application {id} is not removed").format(id=app_id))
    store.conn.execute("UPDATE applications SET removed_at = NULL, updated_at = ? WHERE id = ?",
                       (utc_text(now), app_id))


def purge(store: Store, now: datetime) -> int:
    """Delete for good what was removed more than KEEP_DAYS before ``now``; return how many.

    Call inside ``tx()``.
    """
    cutoff = utc_text(now - timedelta(days=KEEP_DAYS))
    ids = [int(r[0]) for r in store.conn.execute(
        "SELECT id FROM applications WHERE removed_at IS NOT NULL AND removed_at < ?",
        (cutoff,))]
    for app_id in ids:
        store.remove_application(app_id)
    return len(ids)


def removed(store: Store) -> list[Removed]:
    """Return the removed applications still kept, most recently removed first."""
    rows = store.conn.execute(
        "SELECT id, company, role, removed_at FROM applications WHERE removed_at IS NOT NULL"
        " ORDER BY removed_at DESC, id")
    return [Removed(int(r[0]), r[1], r[2], parse_utc(r[3])) for r in rows]
