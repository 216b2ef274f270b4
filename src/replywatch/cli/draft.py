"""`replywatch draft ID`: the follow-up draft of an application, for people who keep
drafts off or want it now.

Prints the same draft the service would put into Drafts (RFC 822, the application's
next thank-you note or follow-up, due or not); ``--mailto`` prints an RFC 6068 link
that opens the user's mail client on it; ``--append`` puts it into the account's
Drafts folder now, once per due action as the service does.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from replywatch.cli.context import Command, context
from replywatch.core.draft import variant_of
from replywatch.core.text import clean_line
from replywatch.errors import UserError
from replywatch.i18n import _


def cmd_draft(args: argparse.Namespace) -> int:
    """Print (or append, or link) the draft of one application's next action."""
    from replywatch.mail.draft import compose_for, mailto, message_bytes

    ctx = context(args)
    store = ctx.book.store
    app = store.get(args.id)
    action = ctx.book.evaluate(app).action
    company = clean_line(app.company, 60)
    if action is None or variant_of(action) is None:
        problem = (_("application {id} ({company}): nothing is due; a draft is written for "
                     "a thank-you note or a follow-up") if action is None else
                   _("application {id} ({company}): its next action is {what}; a draft is "
                     "written for a thank-you note or a follow-up"))
        raise UserError(problem.format(id=app.id, company=company,
                                       what=repr(action.kind.value) if action else ""),
                        hint=_("see `replywatch app show {id}`").format(id=app.id))
    draft = compose_for(ctx.config, store, app, action)
    if draft is None:
        raise UserError(_("application {id} ({company}): no address to write to").format(
                            id=app.id, company=company),
                        hint=_("add one: replywatch app set {id} --contact ADDRESS").format(
                            id=app.id))
    if args.mailto:
        print(mailto(draft))
        return 0
    if args.append:
        return _append(ctx, app.id, draft, action)
    sys.stdout.write(message_bytes(draft, ctx.book.now).decode("ascii"))
    return 0


def _append(ctx: Any, app_id: int, draft: Any, action: Any) -> int:
    """Put the draft into Drafts of the thread's account (the first account without a
    thread); say where, or that it is there already."""
    from replywatch.daemon.drafts import Outcome, put
    from replywatch.engine import open_imap
    from replywatch.oauth.sources import login_credential

    accounts = ctx.config.accounts
    if not accounts:
        raise UserError(_("--append: no [[accounts]] in the config"),
                        hint=_("add the mailbox whose Drafts folder should get it"))
    account = next((a for a in accounts if a.name == draft.account), accounts[0])
    mailbox = open_imap(account, login_credential(account))
    mailbox.connect()
    try:
        outcome = put(ctx.book.store, mailbox, draft, action, account=account.name,
                      now=ctx.book.now, again=True)
    finally:
        mailbox.close()
    if outcome is Outcome.NO_FOLDER:
        raise UserError(_("account {account} has no Drafts folder").format(
                            account=repr(account.name)),
                        hint=_("create one in your mail client: replywatch never creates "
                               "folders"))
    if outcome is Outcome.PRESENT:
        print(_("application {id}: the draft is in Drafts already (account {account})").format(
            id=app_id, account=repr(account.name)))
    else:
        print(_("application {id}: draft put into Drafts (account {account})").format(
            id=app_id, account=repr(account.name)))
    return 0


def register(sub: Any, command: Command) -> None:
    """Add ``draft`` to the top-level subparsers ``sub``."""
    p = command("draft", cmd_draft, "the follow-up draft of an application, in its thread",
                sub)
    p.add_argument("id", type=int, metavar="ID", help="the application's id")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--append", action="store_true",
                     help="put it into the account's Drafts folder now (once)")
    how.add_argument("--mailto", action="store_true",
                     help="print a mailto: link that opens your mail client on it")
