"""Follow-up drafts into the Drafts folder: one per due action, where drafts are on.

After each pass the daemon hands its due actions here. For a thank-you note or a
follow-up of an account with drafts on, the reply is composed in the application's
thread (mail/draft.py) and appended to the account's Drafts folder on the kept
connection, once: the drafts ledger (store/drafts.py) records it before the APPEND
and marks it after, and a record left unmarked by a crash is first looked for by
its Message-ID, never appended blindly again. A draft's action is done once a
message to them is matched after it (the Sent folder is read every pass). Nothing
is ever sent, and no folder is ever created.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from enum import StrEnum

from replywatch import engine, log
from replywatch.config import Config
from replywatch.core.draft import variant_of
from replywatch.core.model import Action, Application, Direction
from replywatch.errors import MailboxError, UserError
from replywatch.mail.draft import Draft, compose_for, message_bytes
from replywatch.store import Store, drafts


class Outcome(StrEnum):
    """What became of one due action's draft."""

    APPENDED = "appended"  # put into the Drafts folder now
    PRESENT = "present"  # it is in the Drafts folder already
    RECORDED = "recorded"  # appended before; not again
    NO_FOLDER = "no_folder"  # the account has no Drafts folder


def put(store: Store, mailbox: engine.Mailbox, draft: Draft, action: Action, *,
        account: str, now: datetime, again: bool = False) -> Outcome:
    """Put the draft of ``action`` into ``account``'s Drafts folder once.

    A draft recorded as appended is not appended again, unless ``again`` (the user
    asked, `replywatch draft --append`) and it is no longer in the folder. Raise
    MailboxError when the server fails.
    """
    rec = drafts.get(store, action.key)
    if rec is not None and rec.appended_at is not None and not again:
        return Outcome.RECORDED
    folder = rec.folder if rec is not None else mailbox.drafts_folder()
    if folder is None:
        return Outcome.NO_FOLDER
    if rec is not None:
        draft = replace(draft, message_id=rec.message_id)
        if mailbox.has_message_id(folder, rec.message_id):
            if rec.appended_at is None:
                drafts.mark_appended(store, action.key, now)
            return Outcome.PRESENT
    else:
        drafts.record(store, action.key, action.app_id, account=account, folder=folder,
                      message_id=draft.message_id, now=now)
    mailbox.append_draft(folder, message_bytes(draft, now), now)
    drafts.mark_appended(store, action.key, now)
    return Outcome.APPENDED


class Drafter:
    """The daemon's drafts step: remembers which accounts lack a Drafts folder, so
    that it says so once per run rather than every pass."""

    def __init__(self) -> None:
        self._told: set[str] = set()

    def after_pass(self, config: Config, store: Store, sessions: Mapping[str, engine.Mailbox],
                   due: Sequence[tuple[Application, Action]], now: datetime
                   ) -> list[tuple[str, Outcome]]:
        """Put a draft for each due thank-you note and follow-up of an account with
        drafts on, on that account's kept connection; mark drafts whose action is done.
        Return (action key, outcome) of each draft tried. A server failure is logged
        and tried again after the next pass.
        """
        self._mark_done(store, now)
        accounts = {a.name: a for a in config.accounts}
        if not any(config.drafts_on(a) for a in accounts.values()):
            return []  # the common case: drafts off, no thread read at all
        outcomes: list[tuple[str, Outcome]] = []
        for app, action in due:
            if variant_of(action) is None or action.due > now:
                continue
            rec = drafts.get(store, action.key)
            if rec is not None and rec.appended_at is not None:
                continue  # cheap: no thread read for a draft made already
            draft = compose_for(config, store, app, action)
            account = accounts.get(draft.account or "") if draft is not None else None
            mailbox = sessions.get(account.name) if account is not None else None
            if draft is None or account is None or mailbox is None:
                continue  # no thread to reply in, or the account was not read
            if not config.drafts_on(account):
                continue
            logger = log.get(account=account.name, application=app.id)
            try:
                outcome = put(store, mailbox, draft, action, account=account.name, now=now)
            except MailboxError as exc:
                logger.warning("draft_failed", error=exc.problems[0])
                continue
            if outcome is Outcome.NO_FOLDER:
                if account.name not in self._told:
                    self._told.add(account.name)
                    logger.warning("drafts_folder_missing")
                continue
            if outcome is Outcome.APPENDED:
                logger.info("draft_appended", kind=action.kind.value, n=action.n)
            outcomes.append((action.key, outcome))
        return outcomes

    def _mark_done(self, store: Store, now: datetime) -> None:
        """Mark each open draft whose application got a message to them after it."""
        for rec in drafts.open_drafts(store):
            try:
                app = store.get(rec.app_id)
            except UserError:  # removed meanwhile
                drafts.mark_done(store, rec.key, now)
                continue
            since = rec.appended_at or now
            if any(e.direction is Direction.TO_THEM and e.at >= since for e in app.events):
                drafts.mark_done(store, rec.key, now)
                log.get(application=app.id).info("draft_done")
