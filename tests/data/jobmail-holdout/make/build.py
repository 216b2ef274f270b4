"""Write the held-out job-mail set: ../hNNN-LANG.eml files and ../labels.csv.

Each message in messages_*.py was written whole, after the classifier was frozen; this
script only wraps it as mail (plain, HTML only, multipart/alternative, or with a
calendar invite) and writes the labels.

    python tests/data/jobmail-holdout/make/build.py
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

USERS = {"en": "Jordan Reyes <jordan.reyes@example.com>", "nb": "Marius Dahl <marius.dahl@example.com>",
         "nn": "Marius Dahl <marius.dahl@example.com>", "sv": "Linnea Berg <linnea.berg@example.com>",
         "da": "Mikkel Friis <mikkel.friis@example.com>", "de": "Felix Keller <felix.keller@example.com>"}


if __name__ == "__main__":
    build(HeldOut(HERE.parent, "h", "holdout", USERS, datetime(2025, 3, 3, 8, 0, tzinfo=UTC)),
          messages_en.M + messages_nordic.M + messages_de.M)
