"""Write the round-2 held-out job-mail set: ../kNNN-LANG.eml files and ../labels.csv.

Each message in messages_*.py was written whole, after the classifier was frozen again
(commit b3e55e6); this script only wraps it as mail (plain, HTML only,
multipart/alternative, or with a calendar invite) and writes the labels.

    python tests/data/jobmail-holdout2/make/build.py
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

USERS = {"en": "Ada Okafor <ada.okafor@example.com>", "nb": "Jonas Vik <jonas.vik@example.com>",
         "nn": "Jonas Vik <jonas.vik@example.com>", "sv": "Sara Nyberg <sara.nyberg@example.com>",
         "da": "Emil Kjeldsen <emil.kjeldsen@example.com>", "de": "Lea Brunner <lea.brunner@example.com>"}


if __name__ == "__main__":
    build(HeldOut(HERE.parent, "k", "holdout2", USERS, datetime(2025, 3, 3, 8, 0, tzinfo=UTC)),
          messages_en.M + messages_nordic.M + messages_de.M)
