"""Folders to read, and their roles: plain data, free of imapclient.

The engine plans passes with these without loading the IMAP edge itself.
"""

from __future__ import annotations

from dataclasses import dataclass

# Folders whose new mail a kept connection hears through IDLE/NOOP; the others are
# polled with STATUS.
PRIMARY_ROLES = frozenset({"inbox", "all"})


@dataclass(frozen=True)
class Folder:
    """A folder to read and why: ``role`` is inbox, sent, junk, archive or all."""

    name: str
    role: str
