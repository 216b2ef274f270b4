"""Write the round-5 held-out job-mail set: ../rNNN-LANG.eml files and ../labels.csv.

Each message in messages_*.py was written whole, after the classifier was frozen again
(commit 52777ec: rules and model); this script only wraps it as mail (plain, HTML only,
multipart/alternative, or with a calendar invite) and writes the labels.

    python tests/data/jobmail-holdout5/make/build.py
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

USERS = {"en": "Sam Okafor <sam.okafor@example.com>", "nb": "Ingrid Dahl <ingrid.dahl@example.com>",
         "nn": "Sigrid Aase <sigrid.aase@example.com>", "sv": "Elin Sjöberg <elin.sjoberg@example.com>",
         "da": "Freja Holm <freja.holm@example.com>", "de": "Lena Vogt <lena.vogt@example.com>"}


if __name__ == "__main__":
    build(HeldOut(HERE.parent, "r", "holdout5", USERS, datetime(2025, 9, 1, 7, 0, tzinfo=UTC), encode_to=True),
          messages_en.M + messages_nordic.M + messages_de.M)
