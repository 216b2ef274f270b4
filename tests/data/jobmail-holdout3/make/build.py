"""Write the round-3 held-out job-mail set: ../qNNN-LANG.eml files and ../labels.csv.

Each message in messages_*.py was written whole, after the classifier was frozen again
(commit d5eb049); this script only wraps it as mail (plain, HTML only,
multipart/alternative, or with a calendar invite) and writes the labels.

    python tests/data/jobmail-holdout3/make/build.py
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

import messages_de  # noqa: E402
import messages_en  # noqa: E402
import messages_nordic  # noqa: E402
from jobmail_builder import HeldOut, build  # noqa: E402

USERS = {"en": "Sam Patel <sam.patel@example.com>", "nb": "Ingrid Moe <ingrid.moe@example.com>",
         "nn": "Ingrid Moe <ingrid.moe@example.com>", "sv": "Karin Ek <karin.ek@example.com>",
         "da": "Anders Holm <anders.holm@example.com>", "de": "Jan Wolf <jan.wolf@example.com>"}


if __name__ == "__main__":
    build(HeldOut(HERE.parent, "q", "holdout3", USERS, datetime(2025, 3, 3, 8, 0, tzinfo=UTC)),
          messages_en.M + messages_nordic.M + messages_de.M)
