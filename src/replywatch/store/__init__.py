"""The only SQL: connection and migrations, the book, mail state, the alert ledger, transfer."""

from replywatch.store.db import Store, parse_utc, utc_text

__all__ = ["Store", "parse_utc", "utc_text"]
