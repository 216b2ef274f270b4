"""How the application book is shown on a terminal: ``app list`` and ``app show``.

Times are local (the policy's zone) and in words; company, role, notes and
addresses may come from an import or a mail, so every piece is cleaned before it
reaches the terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from replywatch.core.cadence import Evaluation
from replywatch.core.model import Action, ActionKind, Application, Direction
from replywatch.core.text import clean_line
from replywatch.i18n import NP_, _, clock, humanize, ngettext, pgettext
from replywatch.report.words import stage_words, waiting_words
from replywatch.store.book import Book, action_text

if TYPE_CHECKING:  # `app list --removed` imports it; `app list` needs none of it
    from replywatch.store.removed import Removed

_HEADERS = (NP_("column", "ID"), NP_("column", "COMPANY"), NP_("column", "ROLE"),
            NP_("column", "STAGE"), NP_("column", "WAITING ON"), NP_("column", "NEXT"))
_REMOVED_HEADERS = (NP_("column", "ID"), NP_("column", "COMPANY"), NP_("column", "ROLE"),
                    NP_("column", "REMOVED"), NP_("column", "KEPT UNTIL"))
_CAPS = (10, 28, 24, 12, 10, 200)  # the widest a column may grow, in characters


def width(text: str) -> int:
    """Return how many terminal cells ``text`` takes (wide East Asian letters take two)."""
    if text.isascii():  # no ASCII character is combining or wide; `app list` is mostly ASCII
        return len(text)
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _pad(text: str, cells: int, *, right: bool = False) -> str:
    gap = " " * max(0, cells - width(text))
    return gap + text if right else text + gap


def _kind_words(action: Action) -> str:
    if action.kind is ActionKind.REPLY:
        return _("your answer")
    if action.kind is ActionKind.THANK_YOU_DUE:
        return _("thank-you note")
    if action.kind is ActionKind.FOLLOW_UP_DUE:
        return _("follow-up {n} of {max}").format(n=action.n, max=action.max_n)
    if action.kind is ActionKind.REJECTED:
        return _("the notice that they said no")
    return _("ghosted if still silent")


def next_words(app: Application, ev: Evaluation, now: datetime, tz: tzinfo) -> str:
    """Return what comes next for an application, in words; a snooze says so first."""
    if app.snoozed_until is not None and app.snoozed_until > now:
        until = humanize(app.snoozed_until, now, tz)
        if ev.action is None:
            return _("snoozed until {when}").format(when=until)
        return _("snoozed until {when}; then {next}").format(when=until,
                                                              next=_kind_words(ev.action))
    if ev.action is not None:
        return action_text(ev.action, now, tz)
    if app.stage.is_closed:
        return _("nothing: {stage}").format(stage=stage_words(app.stage))
    return _("nothing due")


def _table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Return aligned lines: the first column right-aligned, the last one not padded."""
    table = [headers, *rows]
    # Each cell measured once: `app list` lays out thousands of rows.
    measured = [[width(cell) for cell in row] for row in table]
    widths = [max(column) for column in zip(*measured, strict=True)]
    lines = []
    for row, cells in zip(table, measured, strict=True):
        padded = [" " * (widths[0] - cells[0]) + row[0]]
        padded += [cell + " " * (w - n)
                   for cell, w, n in zip(row[1:-1], widths[1:-1], cells[1:-1], strict=True)]
        lines.append("  ".join([*padded, row[-1]]))
    return lines


def removed_table(gone: list[Removed], now: datetime, tz: tzinfo) -> list[str]:
    """Return the ``app list --removed`` table."""
    return _table(tuple(pgettext(*h) for h in _REMOVED_HEADERS), [
        (str(r.id), clean_line(r.company, _CAPS[1]), clean_line(r.role, _CAPS[2]) or "—",
         humanize(r.removed_at, now, tz), humanize(r.purge_at, now, tz)) for r in gone])


def app_table(book: Book, apps: list[Application]) -> list[str]:
    """Return the ``app list`` table: a header line, then one aligned line per application."""
    rows = []
    for app in apps:
        ev = book.evaluate(app)
        rows.append((str(app.id), clean_line(app.company, _CAPS[1]),
                     clean_line(app.role, _CAPS[2]) or "—", stage_words(app.stage),
                     waiting_words(ev.waiting_on), next_words(app, ev, book.now, book.tz)))
    return _table(tuple(pgettext(*h) for h in _HEADERS), rows)


def _history(app: Application, now: datetime, tz: tzinfo) -> list[str]:
    """Return the history lines of one application, oldest first."""
    entries: list[tuple[datetime, str]] = [(app.applied_at, _("applied"))]
    for e in app.events:
        if e.direction is Direction.FROM_THEM:
            what = _("they wrote") if e.source == "mail" else _("they contacted you (logged)")
        else:
            what = _("you wrote") if e.source == "mail" else _("you contacted them (logged)")
        if e.note:
            what += f": {clean_line(e.note, 200)}"
        entries.append((e.at, what))
    for i in app.interviews:
        people = ", ".join(clean_line(p, 80) for p in i.interviewers)
        end = clock(i.end.astimezone(tz))
        what = (_("interview until {end} with {people}").format(end=end, people=people)
                if people else _("interview until {end}").format(end=end))
        entries.append((i.start, what))
    entries.sort(key=lambda entry: entry[0])
    labels = [humanize(at, now, tz) for at, _what in entries]
    cells = max(width(label) for label in labels)
    return [f"  {_pad(label, cells)}  {what}" for label, (_, what) in zip(labels, entries,
                                                                          strict=True)]


def app_lines(book: Book, app: Application) -> list[str]:
    """Return the lines of ``app show``: a title, the facts that matter, the history."""
    now, tz = book.now, book.tz
    ev = book.evaluate(app)
    title = clean_line(app.company, 200) + (f" — {clean_line(app.role, 200)}" if app.role else "")

    def when(value: datetime | None) -> str:
        return "—" if value is None else humanize(value, now, tz)

    facts: list[tuple[str, str]] = [
        (_("Stage"), stage_words(app.stage)),
        (_("Next"), next_words(app, ev, now, tz)),
        (_("Waiting on"), waiting_words(ev.waiting_on)),
        (_("Applied"), humanize(app.applied_at, now, tz)),
        (_("Last from them"), when(ev.last_from_them)),
        (_("Last to them"), when(ev.last_to_them)),
        (_("Follow-ups sent"), str(ev.follow_ups_sent)),
        (_("Contacts"), ", ".join(clean_line(c, 200) for c in app.contacts) or "—"),
        (_("Company domains"), ", ".join(app.domains) or "—"),
    ]
    if app.thread_ids:
        facts.append((_("Threads"),
                      ", ".join(f"<{clean_line(t, 200)}>" for t in app.thread_ids)))
    overrides = []
    if (days := app.overrides.follow_up_after_days) is not None:
        overrides.append(ngettext("first follow-up after {days} day",
                                  "first follow-up after {days} days", days).format(days=days))
    if (most := app.overrides.max_follow_ups) is not None:
        overrides.append(ngettext("at most {count} follow-up", "at most {count} follow-ups",
                                  most).format(count=most))
    if overrides:
        facts.append((_("Own cadence"), ", ".join(overrides)))
    notes = [clean_line(line, 500) for line in app.notes.splitlines() if line.strip()]
    cells = max(width(label) for label, _value in facts) + 1
    lines = [f"[{app.id}] {title}"]
    lines += [f"  {_pad(label + ':', cells)}  {value}" for label, value in facts]
    if notes:
        label = _("Notes") + ":"
        lines.append(f"  {_pad(label, cells)}  {notes[0]}")
        lines += [f"  {' ' * cells}  {line}" for line in notes[1:]]
    lines.append(_("History (times in {zone}):").format(zone=tz))
    lines += _history(app, now, tz)
    return lines
