"""Each application's next action, judged again only when it can have changed.

The daemon asks what is due after every pass and every tick. Judging thousands of
applications each time costs tens of milliseconds, while between two asks
usually nothing changed but the clock, and the clock matters only at the
instants the cadence names (``Evaluation.until``: the next follow-up falls due,
a thank-you gives way, a rejection's notice ends). An application is judged
again when the store hands back another object for it (the store re-reads only
what was written: store/appcache.py), when the clock passed its ``until`` or
went back before the moment it was judged at; the rest keep their answer. The
result is the same as judging everything, by the cadence's own promise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from replywatch.core.model import Action, Application
from replywatch.store.book import Book


@dataclass(frozen=True)
class _Judged:
    app: Application  # the very object judged: another one means it changed
    at: datetime
    until: datetime | None
    action: Action | None

    def holds(self, app: Application, start: datetime, end: datetime) -> bool:
        """Return True if this answer holds for ``app`` over all of [start, end]."""
        return (app is self.app and self.at <= start
                and (self.until is None or end < self.until))


class Agenda:
    """The book's next actions, kept between asks (one per Alerter: one policy)."""

    def __init__(self) -> None:
        self._judged: dict[int, _Judged] = {}
        self.judged = 0  # how many applications the last ``due`` judged afresh

    def due(self, book: Book, since: datetime | None
            ) -> tuple[list[tuple[Application, Action]], int]:
        """Return the actions to alert at ``book.now`` (see ``Alerter.due``) and how
        many of them are the current ones.
        """
        now = book.now
        # The store keeps times to the second, so every instant the cadence names is
        # a whole second: an answer judged at ``now`` holds from the start of its second.
        second = now.replace(microsecond=0)
        # ``since`` after ``now``: the clock went back; nothing fell due in between.
        window = since if since is not None and since < now else None
        current: list[tuple[Application, Action]] = []
        overtaken: list[tuple[Application, Action]] = []
        judged: dict[int, _Judged] = {}
        self.judged = 0
        # Judged at the last ask too, for what was overtaken since (see below).
        then = Book(book.store, book.policy, book.tz, window) if window is not None else None
        for app in book.judged():
            kept = self._judged.get(app.id)
            if kept is not None and kept.holds(app, window or now, now):
                judged[app.id] = kept  # the same answer all along: nothing overtaken
                if kept.action is not None and kept.action.due <= now:
                    current.append((app, kept.action))
                continue
            evaluation = book.evaluate(app)
            judged[app.id] = _Judged(app, second, evaluation.until, evaluation.action)
            self.judged += 1
            action = evaluation.action
            due_now = action if action is not None and action.due <= now else None
            if due_now is not None:
                current.append((app, due_now))
            if then is not None and window is not None and not app.stage.is_closed:
                # What fell due after the last ask and is overtaken now (a thank-you by
                # a follow-up) still alerts once: the machine may have slept through it.
                earlier = then.evaluate(app).action
                if (earlier is not None and window < earlier.due <= now
                        and (due_now is None or earlier.key != due_now.key)):
                    overtaken.append((app, earlier))
        self._judged = judged
        pairs = current + overtaken
        pairs.sort(key=lambda pair: (pair[1].due, pair[0].id))
        return pairs, len(current)

    def next_change(self) -> datetime | None:
        """Return the first instant at which time alone changes some answer, or None."""
        return min((j.until for j in self._judged.values() if j.until is not None), default=None)
