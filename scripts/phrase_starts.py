"""Write src/replywatch/core/phrasestarts.py after core/phrases.py changes.

    .venv/bin/python scripts/phrase_starts.py

How each phrase alternative's matches begin (phrasescan.known_starts), worked out once
instead of in every process that classifies (parsing 325 alternatives: 35 ms).
"""

from __future__ import annotations

import sys
from pathlib import Path

from replywatch.core import phrasestarts
from replywatch.core.classify import phrase_alternations
from replywatch.core.phrasescan import render_starts

if __name__ == "__main__":
    target = Path(phrasestarts.__file__)
    target.write_text(render_starts(phrase_alternations()), encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)
