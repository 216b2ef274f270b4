"""`replywatch mail ...`: the matched messages and what each says; the user's correction.

``mail list [--app ID] [--json]`` shows every matched message with its kind;
``mail kind MESSAGE KIND`` corrects one (by key or Message-ID): the correction
survives re-scans and the application is judged again at once.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from replywatch.core.kinds import Kind
from replywatch.core.text import clean_line
from replywatch.core.timeutil import iso
from replywatch.i18n import _
from replywatch.report.words import kind_words, stage_words

if TYPE_CHECKING:  # loaded by the commands that use it: others start faster
    from replywatch.store import kinds


def _context(args: argparse.Namespace) -> Any:
    from replywatch.cli.context import context as make

    return make(args)


def _row(ctx: Any, m: kinds.MatchedMail) -> dict[str, Any]:
    from replywatch.mail.headers import parse_raw
    from replywatch.store import kinds

    msg = parse_raw(m.raw) if m.raw is not None else None
    stored = m.kind
    return {
        "key": m.key,
        "message_id": msg.message_id if msg else None,
        "application": m.app_id,
        "at": iso(m.at, ctx.tz),
        "direction": m.direction,
        "rule": m.rule,
        "from": msg.from_addr if msg else None,
        "subject": msg.subject if msg else "",
        "kind": stored.effective.value if stored else None,
        "reply": stored.effective.is_reply if stored else None,
        "classified": stored.kind.value if stored else None,
        "corrected": stored.corrected is not None if stored else False,
        "confidence": stored.confidence if stored else None,
        "evidence": list(stored.evidence) if stored else [],
        "text_read": stored.body is kinds.Body.READ if stored else False,
    }


def cmd_mail_list(args: argparse.Namespace) -> int:
    """List matched messages with what each says."""
    from replywatch.cli.context import emit
    from replywatch.store import kinds

    ctx = _context(args)
    store = ctx.book.store
    if args.app is not None:
        store.require(args.app)
    rows = [_row(ctx, m) for m in kinds.matched(store, args.app)]
    if args.json:
        emit(rows)
        return 0
    if not rows:
        print(_("no matched mail for application {id}").format(id=args.app)
              if args.app else _("no matched mail"))
        return 0
    for r in rows:
        if r["direction"] == "to_them":
            what = _("you wrote")
        else:
            what = kind_words(r["kind"]) if r["kind"] else "?"
            what = _("{kind} (corrected)").format(kind=what) if r["corrected"] else what
        print(f"{r['application']:>4}  {(r['at'] or '')[:16]:<16}  {clean_line(what, 26):<26}"
              f"  {clean_line(r['from'] or '?', 36):<36}  {clean_line(r['subject'], 60)}")
        print(f"      {clean_line(r['message_id'] or r['key'], 100)}")
    return 0


def cmd_mail_kind(args: argparse.Namespace) -> int:
    """Correct what a matched message says; judge its application again."""
    from replywatch.store import kinds
    from replywatch.store.book import describe

    ctx = _context(args)
    store = ctx.book.store
    kind = Kind(args.kind)
    with store.tx():
        key, app_id = kinds.find_key(store, args.message)
        kinds.correct(store, key, kind, ctx.book.now)
    app = store.get(app_id)
    action = ctx.book.evaluate(app).action
    state = describe(app, action, ctx.book.now, ctx.tz) if action else (
        _("{company} — nothing due").format(company=clean_line(app.company, 60)))
    said = kind_words(kind) if kind.is_reply else _("{kind} (not a reply)").format(
        kind=kind_words(kind))
    print(_("{key}: {kind}; stage {stage}; {state}").format(
        key=clean_line(key, 100), kind=said, stage=stage_words(app.stage), state=state))
    return 0


def register(sub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``mail`` commands to the top-level subparsers ``sub``."""
    from replywatch.cli.context import help_of

    mail_p = sub.add_parser("mail", help="matched mail and what each message says",
                            description="matched mail and what each message says")
    mail_p.set_defaults(func=help_of(mail_p))
    mail_sub = mail_p.add_subparsers(title="commands", dest="mail_command", metavar="COMMAND")
    p = command("list", cmd_mail_list, "list matched messages with their kinds", mail_sub)
    p.add_argument("--app", type=int, metavar="ID", help="only this application's")
    p.add_argument("--json", action="store_true", help="print one JSON document (for scripts)")
    p = command("kind", cmd_mail_kind, "correct what a message says (it sticks)", mail_sub)
    p.add_argument("message", metavar="MESSAGE", help="its key or Message-ID (see mail list)")
    p.add_argument("kind", choices=[k.value for k in Kind], metavar="KIND",
                   help=", ".join(k.value for k in Kind))
