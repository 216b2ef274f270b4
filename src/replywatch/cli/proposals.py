"""`replywatch app proposals | accept | dismiss`: applications found in the mailbox."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from replywatch.errors import UserError
from replywatch.i18n import N_, _


def cmd_proposals(args: argparse.Namespace) -> int:
    """List the applications found in the mailbox that wait for accept or dismiss."""
    from replywatch.cli import passview
    from replywatch.cli.context import context as _context
    from replywatch.cli.context import emit
    from replywatch.store import proposals

    ctx = _context(args)
    waiting = proposals.waiting(ctx.book.store)
    if args.json:
        emit([passview.proposal_json(s.id, s.proposal, ctx.tz) for s in waiting])
        return 0
    if not waiting:
        print(_("no applications found that are not in your book yet (`{command}` reads new "
                "mail)").format(command="replywatch check"))
        return 0
    for stored in waiting:
        print(passview.proposal_line(stored.id, stored.proposal, ctx.tz))
    print(_("add one with `{accept}` (or {all}); `{dismiss}` and it never comes back").format(
        accept="replywatch app accept ID", all="--all", dismiss="replywatch app dismiss ID"))
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    """Make real applications of proposals, already matched to their mail."""
    from replywatch.cli.app import _rematch
    from replywatch.cli.context import context as _context
    from replywatch.store import proposals

    ctx = _context(args)
    store = ctx.book.store
    if args.all:
        if args.company or args.role:
            raise UserError(_("{options} name one application: not with {all}").format(
                options="--company, --role", all="--all"))
        chosen = proposals.waiting(store)
    else:
        if args.id is None:
            raise UserError(_("name a proposal: `{command}`, or {all}").format(
                                command="replywatch app accept ID", all="--all"),
                            hint=_("`{command}` lists them").format(
                                command="replywatch app proposals"))
        chosen = [_waiting(store, args.id)]
    made = []
    for stored in chosen:
        if args.company is not None and not args.company.strip():
            raise UserError(_("{option}: must not be empty").format(option="--company"))
        with store.tx():  # the application and the proposal's new state, or neither
            app_id = proposals.accept(store, stored, ctx.book.now, company=args.company or "",
                                      role=args.role or "")
        made.append(app_id)
        print(app_id)
    if made:
        _rematch(ctx)
    return 0


def cmd_dismiss(args: argparse.Namespace) -> int:
    """Dismiss a proposal: neither its message nor its company and role come back."""
    from replywatch.cli.context import context as _context
    from replywatch.store import proposals

    ctx = _context(args)
    stored = _waiting(ctx.book.store, args.id)
    with ctx.book.store.tx():
        proposals.mark(ctx.book.store, stored.id, "dismissed")
    print(_("dismissed [{id}] {company}").format(id=stored.id, company=stored.proposal.company))
    return 0


# A proposal's state in words (store/proposals.py keeps the codes).
_STATUS = {"new": N_("waiting"), "accepted": N_("accepted"), "dismissed": N_("dismissed")}


def _waiting(store: Any, proposal_id: int) -> Any:
    from replywatch.store import proposals

    stored = proposals.get(store, proposal_id)
    if stored is None or stored.status != "new":
        state = (_("no proposal with id {id}").format(id=proposal_id) if stored is None
                 else _("proposal {id} is {status}").format(
                     id=proposal_id, status=_(_STATUS.get(stored.status, stored.status))))
        raise UserError(state, hint=_("`{command}` lists the waiting ones").format(
            command="replywatch app proposals"))
    return stored


def register(command: Callable[..., argparse.ArgumentParser], app_sub: Any) -> None:
    """Add proposals, accept and dismiss to the ``app`` commands."""
    p = command("proposals", cmd_proposals, "applications found in your mailbox", app_sub)
    p.add_argument("--json", action="store_true", help="as JSON, for scripts")
    p = command("accept", cmd_accept, "add a found application to your book", app_sub)
    p.add_argument("id", type=int, nargs="?", metavar="ID", help="the proposal's id")
    p.add_argument("--all", action="store_true", help="accept every waiting proposal")
    p.add_argument("--company", metavar="NAME", help="the company, if the mail named it wrong")
    p.add_argument("--role", metavar="TEXT", help="the role, if the mail named none")
    p = command("dismiss", cmd_dismiss, "dismiss a found application for good", app_sub)
    p.add_argument("id", type=int, metavar="ID", help="the proposal's id")
