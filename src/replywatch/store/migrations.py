"""The store's schema, as ordered migrations: MIGRATIONS[i] brings a file from
version i to version i + 1. A new table or column is a new migration appended at the
end, never an edit of an old one: files out there are at every version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def _script(sql: str) -> Migration:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return run


# Ordered migrations: MIGRATIONS[i] brings a file from version i to version i + 1.
# Never edit a released migration; append a new one.
MIGRATIONS: list[Migration] = [
    _script(
        """
        CREATE TABLE applications (
            id INTEGER PRIMARY KEY,
            company TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            stage TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            snoozed_until TEXT,
            notes TEXT NOT NULL DEFAULT '',
            follow_up_after_days INTEGER,
            max_follow_ups INTEGER,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE contacts (
            app_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            address TEXT NOT NULL,
            PRIMARY KEY (app_id, address)
        );
        CREATE TABLE domains (
            app_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            domain TEXT NOT NULL,
            PRIMARY KEY (app_id, domain)
        );
        CREATE TABLE thread_anchors (
            app_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            anchor TEXT NOT NULL,
            PRIMARY KEY (app_id, anchor)
        );
        CREATE INDEX thread_anchors_anchor ON thread_anchors(anchor);
        CREATE TABLE interviews (
            id INTEGER PRIMARY KEY,
            app_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            start TEXT NOT NULL,
            end TEXT NOT NULL,
            interviewers TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            app_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('from_them', 'to_them')),
            source TEXT NOT NULL,
            message_id TEXT,
            note TEXT,
            UNIQUE (app_id, message_id)
        );
        CREATE INDEX events_app ON events(app_id, at)
        """
    ),
    # 2: the mailbox sync (folder state, every message read, in compact form).
    _script(
        """
        CREATE TABLE folder_state (
            account TEXT NOT NULL,
            folder TEXT NOT NULL,
            uidvalidity INTEGER NOT NULL,
            last_uid INTEGER NOT NULL,
            highest_modseq INTEGER,
            uidnext INTEGER,
            PRIMARY KEY (account, folder)
        );
        CREATE TABLE messages (
            key TEXT PRIMARY KEY,
            account TEXT NOT NULL,
            folder TEXT NOT NULL,
            uid INTEGER NOT NULL,
            at TEXT NOT NULL,
            header BLOB NOT NULL,
            gm_msgid INTEGER,
            gm_thrid INTEGER,
            processed INTEGER NOT NULL DEFAULT 0,
            app_id INTEGER REFERENCES applications(id) ON DELETE SET NULL,
            direction TEXT,
            rule TEXT,
            candidates TEXT
        );
        CREATE INDEX messages_pending ON messages(processed, at);
        CREATE INDEX messages_at ON messages(at)
        """
    ),
    # 3: alerts, recorded before they are sent and marked per channel after.
    _script(
        """
        CREATE TABLE alerts (
            key TEXT PRIMARY KEY,
            app_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            n INTEGER NOT NULL DEFAULT 0,
            due TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE alert_deliveries (
            key TEXT NOT NULL REFERENCES alerts(key) ON DELETE CASCADE,
            channel TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            notification_id INTEGER,
            PRIMARY KEY (key, channel)
        );
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)
        """
    ),
    # 4: relay addresses learned for an application (acme@myworkday.com), and mail
    # that names an application's thread from an unrelated sender, set aside for review.
    _script(
        """
        CREATE TABLE relay_senders (
            app_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            address TEXT NOT NULL,
            PRIMARY KEY (app_id, address)
        );
        ALTER TABLE messages ADD COLUMN review_app INTEGER
            REFERENCES applications(id) ON DELETE SET NULL
        """
    ),
    # 5: applications found in the mailbox, waiting for the user's accept or dismiss.
    _script(
        """
        CREATE TABLE proposals (
            id INTEGER PRIMARY KEY,
            message_key TEXT NOT NULL UNIQUE,
            name_key TEXT NOT NULL,
            company TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            applied_at TEXT NOT NULL,
            contact TEXT NOT NULL,
            message_id TEXT,
            source TEXT NOT NULL,
            evidence TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'new',
            app_id INTEGER REFERENCES applications(id) ON DELETE SET NULL,
            notified INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE INDEX proposals_by_name ON proposals (name_key, status)
        """
    ),
    # 6: what each matched message from them says (DESIGN.md "What a message says"),
    # the user's corrections, and the stage a message moved on its own. Keyed by the
    # message key and kept apart from `messages`, so a re-scan keeps them.
    _script(
        """
        CREATE TABLE message_kinds (
            key TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            confidence REAL NOT NULL,
            evidence TEXT NOT NULL DEFAULT '[]',
            automated INTEGER NOT NULL DEFAULT 0,
            reasons INTEGER NOT NULL DEFAULT 0,
            body INTEGER NOT NULL DEFAULT 0,
            tries INTEGER NOT NULL DEFAULT 0,
            corrected TEXT,
            corrected_at TEXT
        );
        CREATE INDEX message_kinds_body ON message_kinds(body);
        CREATE TABLE stage_moves (
            app_id INTEGER PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            before TEXT NOT NULL,
            after TEXT NOT NULL
        );
        ALTER TABLE interviews ADD COLUMN source TEXT;
        ALTER TABLE alerts ADD COLUMN message_key TEXT
        """
    ),
    # 7: `app remove` keeps an application (removed_at set) for 30 days, so that
    # `app restore` can bring it back; a removed application is out of every view
    # and matches no mail (store/removed.py).
    _script(
        """
        ALTER TABLE applications ADD COLUMN removed_at TEXT;
        CREATE INDEX applications_removed ON applications(removed_at)
        """
    ),
    # 8: messages set aside: parsing or matching them failed once; never retried.
    _script(
        """
        CREATE TABLE set_aside (
            key TEXT PRIMARY KEY,
            account TEXT NOT NULL,
            folder TEXT NOT NULL,
            uid INTEGER NOT NULL,
            at TEXT NOT NULL,
            error TEXT NOT NULL
        );
        CREATE INDEX set_aside_at ON set_aside(at)
        """
    ),
    # 9: follow-up drafts put into an account's Drafts folder, one per due action
    # (keyed by the action's key): recorded before the APPEND, marked after it.
    _script(
        """
        CREATE TABLE drafts (
            key TEXT PRIMARY KEY,
            app_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,
            account TEXT NOT NULL,
            folder TEXT NOT NULL,
            message_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            appended_at TEXT,
            done_at TEXT
        );
        CREATE INDEX drafts_app ON drafts(app_id)
        """
    ),
    # 10: the lookup index of stored messages and the book's tokens as last matched, so
    # that a change of the book matches again only the mail it can affect
    # (store/lookup.py). Existing messages are indexed by the next sync or rematch
    # (the watermark starts at 0), and the first rematch matches everything again.
    _script(
        """
        CREATE TABLE message_lookup (
            token INTEGER NOT NULL,
            msg INTEGER NOT NULL,
            PRIMARY KEY (token, msg)
        ) WITHOUT ROWID;
        CREATE TABLE book_lookup (
            app_id INTEGER PRIMARY KEY,
            tokens TEXT NOT NULL
        )
        """
    ),
    # 11: the pending messages' index holds pending messages only, in the order they are
    # matched (at, key). Paging through them no longer sorts each page's ties in a
    # temporary B-tree nor walks settled rows, and settling one drops its entry: a
    # first pass over 50,000 messages read and settled its pending mail 3x faster.
    _script(
        """
        DROP INDEX messages_pending;
        CREATE INDEX messages_pending ON messages(at, key) WHERE processed = 0
        """
    ),
    # 12: events by message: the trigger that notes whose kinds changed (appcache.py)
    # looked the message up in every event, each time a matched message was
    # classified: 143 us a message with 2,000 events, quadratic over a first pass.
    _script(
        """
        CREATE INDEX events_message ON events(message_id)
        """
    ),
]
