"""Golden files: a text compared with a file committed in ``tests/snapshots/``.

Run with ``REPLYWATCH_UPDATE_SNAPSHOTS=1`` to write the files anew (then read the
diff before committing it: the files are the reviewed texts users see).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE_VARIABLE = "REPLYWATCH_UPDATE_SNAPSHOTS"


def updating() -> bool:
    """Return True when the run was asked to rewrite the golden files."""
    return os.environ.get(UPDATE_VARIABLE, "") not in ("", "0")


def check(name: str, actual: str) -> list[str]:
    """Given a file name under ``tests/snapshots/`` and the text made now, return the
    lines of a unified diff from the committed file to ``actual`` ([] when they agree).

    When updating, write ``actual`` to the file and return []. A missing file is a
    difference: its diff says how to create it.
    """
    path = SNAPSHOTS / name
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return []
    if not path.exists():
        return [f"{path} does not exist: run the test with {UPDATE_VARIABLE}=1 to write it"]
    expected = path.read_text(encoding="utf-8")
    return list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                     f"{name} (committed)", f"{name} (now)", lineterm=""))
