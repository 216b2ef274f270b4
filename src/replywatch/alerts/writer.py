"""The "Write follow-up" action of a notification: open the draft's mailto: link.

A click on a due thank-you note or follow-up composes the same draft the service
would put into Drafts (mail/draft.py) and hands its RFC 6068 link to the user's mail
client: ``[drafts] open_command`` or ``xdg-open`` found on PATH, run without a shell
with the link as its last argument, and not waited for (a mail client may stay open).
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime

from replywatch import log
from replywatch.config import Config
from replywatch.config.timeinput import zone
from replywatch.core.draft import variant_of
from replywatch.mail.draft import compose_for, mailto
from replywatch.store import Store
from replywatch.store.book import Book

DEFAULT_OPENER = "xdg-open"


def opener_argv(config: Config) -> list[str] | None:
    """Return the command that opens a link: the configured one, else xdg-open on PATH,
    else None."""
    if config.drafts.open_command:
        return list(config.drafts.open_command)
    found = shutil.which(DEFAULT_OPENER)
    return [found] if found else None


def write_link(config: Config, store: Store, app_id: int, now: datetime) -> str | None:
    """Return the mailto: link of the draft of the application's next action, or None
    when that action takes no draft or there is nobody to write to."""
    book = Book(store, config.policy, zone(config.policy.timezone), now)
    app = store.get(app_id)
    action = book.evaluate(app).action
    if action is None or variant_of(action) is None:
        return None
    draft = compose_for(config, store, app, action)
    return None if draft is None else mailto(draft)


def open_draft(config: Config, store: Store, app_id: int, now: datetime) -> bool:
    """Open the mail client on the application's draft; return True if it was started.

    Every failure (no draft, no opener, a command that cannot start) is logged.
    """
    logger = log.get(application=app_id)
    link = write_link(config, store, app_id, now)
    if link is None:
        logger.info("draft_not_due")
        return False
    argv = opener_argv(config)
    if argv is None:
        logger.warning("draft_opener_missing", hint="set [drafts] open_command")
        return False
    try:
        # Not waited for: xdg-open may hand over and exit, or stay while the client runs.
        subprocess.Popen([*argv, link], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    except OSError as exc:
        logger.warning("draft_opener_failed", program=argv[0], error=str(exc))
        return False
    logger.info("draft_opened")
    return True
