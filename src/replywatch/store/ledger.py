"""The alert ledger: which due actions were alerted, and on which channels.

An alert is recorded before it is sent and each channel's delivery after it
succeeds, so a restart never repeats an alert (see alerts/deliver.py).
"""

from __future__ import annotations

from datetime import datetime

from replywatch.core.model import Action
from replywatch.store.db import Store, parse_utc, utc_text


def record(store: Store, action: Action, now: datetime) -> None:
    """Record that ``action`` is being alerted (once; a second call changes nothing).

    The message behind it is kept with it: a "Not a reply" click corrects that one.
    """
    message_key = action.cause.message_id if action.cause is not None else None
    with store.tx():
        store.conn.execute(
            "INSERT OR IGNORE INTO alerts (key, app_id, kind, n, due, created_at, message_key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (action.key, action.app_id, action.kind.value, action.n, utc_text(action.due),
             utc_text(now), message_key))


def record_key(store: Store, key: str, kind: str, due: datetime, now: datetime) -> None:
    """Record an alert that belongs to no application (the weekly digest), once."""
    with store.tx():
        store.conn.execute(
            "INSERT OR IGNORE INTO alerts (key, app_id, kind, n, due, created_at)"
            " VALUES (?, NULL, ?, 0, ?, ?)", (key, kind, utc_text(due), utc_text(now)))


def delivered_channels(store: Store, key: str) -> set[str]:
    """Return the names of the channels that already delivered the alert ``key``."""
    rows = store.conn.execute("SELECT channel FROM alert_deliveries WHERE key = ?", (key,))
    return {r[0] for r in rows}


def delivered(store: Store, keys: list[str]) -> dict[str, set[str]]:
    """Return, for each of ``keys``, the names of the channels that delivered it."""
    found: dict[str, set[str]] = {key: set() for key in keys}
    for start in range(0, len(keys), 500):  # well inside SQLite's variable limit
        chunk = keys[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for key, channel in store.conn.execute(
                f"SELECT key, channel FROM alert_deliveries WHERE key IN ({marks})",  # noqa: S608
                chunk):
            found[str(key)].add(str(channel))
    return found


def mark_delivered(store: Store, key: str, channel: str, now: datetime,
                   notification_id: int | None) -> None:
    """Record that ``channel`` delivered the alert ``key`` (with its notification id)."""
    with store.tx():
        store.conn.execute("INSERT OR IGNORE INTO alert_deliveries VALUES (?, ?, ?, ?)",
                           (key, channel, utc_text(now), notification_id))


def key_of_notification(store: Store, notification_id: int) -> str | None:
    """Return the alert key of the latest desktop notification with this id, or None."""
    row = store.conn.execute(
        "SELECT key FROM alert_deliveries WHERE channel = 'desktop' AND notification_id = ?"
        " ORDER BY sent_at DESC LIMIT 1", (notification_id,)).fetchone()
    return None if row is None else str(row[0])


def app_of_notification(store: Store, notification_id: int) -> int | None:
    """Return the application of the latest desktop notification with this id, or None.

    None too when that notification was a summary of several applications' alerts.
    """
    # The latest: servers reuse ids after a restart.
    rows = store.conn.execute(
        "SELECT DISTINCT a.app_id FROM alert_deliveries d JOIN alerts a ON a.key = d.key"
        " WHERE d.channel = 'desktop' AND d.notification_id = ? AND d.sent_at = ("
        "  SELECT MAX(sent_at) FROM alert_deliveries"
        "  WHERE channel = 'desktop' AND notification_id = ?)",
        (notification_id, notification_id)).fetchall()
    return int(rows[0][0]) if len(rows) == 1 and rows[0][0] is not None else None


def message_of_notification(store: Store, notification_id: int) -> str | None:
    """Return the key of the message behind the latest desktop notification with this
    id, or None when it had none.
    """
    row = store.conn.execute(
        "SELECT a.message_key FROM alert_deliveries d JOIN alerts a ON a.key = d.key"
        " WHERE d.channel = 'desktop' AND d.notification_id = ?"
        " ORDER BY d.sent_at DESC LIMIT 1", (notification_id,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def get_meta(store: Store, key: str) -> str | None:
    """Return the value stored under ``key`` in the meta table, or None."""
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(store: Store, key: str, value: str) -> None:
    """Store ``value`` under ``key`` in the meta table."""
    with store.tx():
        store.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def last_tick(store: Store) -> datetime | None:
    """Return when the daemon last evaluated the cadence, or None."""
    value = get_meta(store, "last_tick")
    return parse_utc(value) if value else None


def save_tick(store: Store, now: datetime) -> None:
    """Remember ``now`` as the daemon's last evaluation of the cadence."""
    set_meta(store, "last_tick", utc_text(now))
