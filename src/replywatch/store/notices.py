"""Notices the daemon gives the user about itself (a refused password), once each.

A notice is raised once and cleared once, across restarts: its key lives in the
``meta`` table while it stands.
"""

from __future__ import annotations

from datetime import datetime

from replywatch.store.db import Store, utc_text

_PREFIX = "notice:"


def raise_notice(store: Store, key: str, now: datetime) -> bool:
    """Record notice ``key`` as standing; return True if it was not standing yet."""
    with store.tx():
        cur = store.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                                 (_PREFIX + key, utc_text(now)))
        return cur.rowcount > 0


def clear_notice(store: Store, key: str) -> bool:
    """Clear notice ``key``; return True if it was standing."""
    with store.tx():
        cur = store.conn.execute("DELETE FROM meta WHERE key = ?", (_PREFIX + key,))
        return cur.rowcount > 0


def standing(store: Store, prefix: str) -> set[str]:
    """Return the keys of the standing notices that start with ``prefix``."""
    rows = store.conn.execute("SELECT key FROM meta WHERE substr(key, 1, ?) = ?",
                              (len(_PREFIX + prefix), _PREFIX + prefix)).fetchall()
    return {str(row[0]).removeprefix(_PREFIX) for row in rows}
