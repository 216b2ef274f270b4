"""How the application book is shown on a terminal: ``app list`` and ``app show``.

Company, role and notes may come from an import or a mail: every piece is cleaned
before it reaches the terminal.
"""

from __future__ import annotations

import json
from typing import Any

from replywatch.core.model import Application
from replywatch.core.text import clean_line
from replywatch.store.book import Book, describe


def app_table(book: Book, apps: list[Application]) -> list[str]:
    """Return one line per application: id, company, role, stage, whose move, next action."""
    lines = []
    for app in apps:
        ev = book.evaluate(app)
        nxt = describe(app, ev.action, book.now, book.tz).split(" — ", 1)[1] if ev.action \
            else "—"
        lines.append(f"{app.id:>4}  {clean_line(app.company, 28):<28}  "
                     f"{clean_line(app.role, 24):<24}  {app.stage.value:<12}"
                     f"  waiting on {ev.waiting_on:<6}  {nxt}")
    return lines


def app_lines(data: dict[str, Any]) -> list[str]:
    """Return the lines of ``app show``: one ``key: value`` line per field."""
    lines = []
    for key, value in data.items():
        text = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
        lines.append(f"{key:>16}: {'' if text is None else clean_line(str(text), 2000)}")
    return lines
