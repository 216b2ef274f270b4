"""Alerts printed on a terminal: the title, then the body indented below it."""

from __future__ import annotations

import sys
from typing import TextIO

from replywatch.alerts.render import MAX_BODY_CHARS, MAX_TITLE_CHARS, RenderedAlert
from replywatch.core.model import Application
from replywatch.core.text import clean_line, clean_text

INDENT = "    "


def print_alert(alert: RenderedAlert, stream: TextIO) -> None:
    """Write ``alert`` to ``stream`` as one block: the title line, the body indented.

    ``render`` already cleaned the text; it is cleaned once more here (a no-op on
    clean text) because a terminal is where an escape code would do harm.
    """
    lines = [clean_line(alert.title, MAX_TITLE_CHARS)]
    lines += [
        f"{INDENT}{line}" if line else ""
        for line in clean_text(alert.body, MAX_BODY_CHARS).split("\n")
    ]
    stream.write("\n".join(lines) + "\n")


class ConsoleChannel:
    """Print alerts on a stream (the demo's channel, and a terminal user's)."""

    name = "console"

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    def send(self, alert: RenderedAlert, app: Application | None) -> int | None:
        """Print the alert."""
        stream = self.stream or sys.stdout
        print_alert(alert, stream)
        stream.write("\n")
        stream.flush()
        return None
