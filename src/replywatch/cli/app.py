"""``replywatch app ...``: keep the application book by hand."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from replywatch.cli import passview, proposals, views
from replywatch.cli.context import Command, Context, context, emit, help_of, load_config, when
from replywatch.config.timeinput import parse_when
from replywatch.core.model import Application, Direction, Stage
from replywatch.core.timeutil import iso
from replywatch.errors import UserError
from replywatch.i18n import _, humanize
from replywatch.store.book import app_name, check_address, check_message_id


def cmd_app_add(args: argparse.Namespace) -> int:
    """Add an application and print its id."""
    ctx = context(args)
    contacts = [check_address(c, what="--contact") for c in args.contact]
    threads = [check_message_id(t) for t in args.thread]
    applied = when(args.applied, ctx.tz, "--applied")
    app_id = ctx.book.add(company=args.company, role=args.role or "", contacts=contacts,
                          applied_at=applied, thread_ids=threads, notes=args.note or "")
    _rematch(ctx)
    print(app_id)
    return 0


def _rematch(ctx: Context, touched: tuple[int, ...] = ()) -> None:
    """Match mail read earlier against the changed book, at once and with no fetch.

    ``touched`` names applications changed in ways the book cannot show (restored).
    """
    from replywatch.engine import rematch

    report = rematch(ctx.config, ctx.book.store, touched)
    for m in report.matched:
        print(_("matched earlier mail: {company} — {what}").format(
            company=m.company, what=passview.matched_text(m)), file=sys.stderr)


def cmd_app_list(args: argparse.Namespace) -> int:
    """List applications: a table, or a JSON list."""
    ctx = context(args)
    if args.removed:
        return _list_removed(ctx, as_json=args.json)
    apps = ctx.book.store.applications(include_closed=args.all)
    if args.json:
        emit([ctx.book.as_json(app) for app in apps])
        return 0
    if not apps:
        add = "replywatch app add --company NAME"
        print(_("no applications; add one with `{command}`").format(command=add) if args.all
              else _("no applications open; add one with `{command}`").format(command=add))
        return 0
    print("\n".join(views.app_table(ctx.book, apps)))
    return 0


def _list_removed(ctx: Context, *, as_json: bool) -> int:
    from replywatch.store.removed import removed

    gone = removed(ctx.book.store)
    if as_json:
        emit([{"id": r.id, "company": r.company, "role": r.role,
               "removed_at": iso(r.removed_at, ctx.tz), "purge_at": iso(r.purge_at, ctx.tz)}
              for r in gone])
    elif not gone:
        print(_("no removed applications"))
    else:
        print("\n".join(views.removed_table(gone, ctx.book.now, ctx.tz)))
    return 0


def cmd_app_show(args: argparse.Namespace) -> int:
    """Show one application."""
    ctx = context(args)
    app = ctx.book.store.get(args.id)
    if args.json:
        emit(ctx.book.as_json(app))
        return 0
    print("\n".join(views.app_lines(ctx.book, app)))
    return 0


def cmd_app_interview(args: argparse.Namespace) -> int:
    """Record an interview."""
    ctx = context(args)
    start = when(args.start, ctx.tz, "--start")
    if start is None:  # argparse requires --start; this only narrows the type
        raise UserError(_("{option}: required").format(option="--start"))
    people = [check_address(a, what="--with") for a in args.with_]
    ctx.book.interview(args.id, start, when(args.end, ctx.tz, "--end"), people)
    return 0


def cmd_app_log(args: argparse.Namespace) -> int:
    """Record a contact made outside the mailbox."""
    ctx = context(args)
    direction = Direction.TO_THEM if args.sent else Direction.FROM_THEM
    ctx.book.log(args.id, direction, when(args.at, ctx.tz, "--at"), args.note or "")
    return 0


def cmd_app_set(args: argparse.Namespace) -> int:
    """Change stage, role, contacts or overrides."""
    ctx = context(args)
    ctx.book.set(
        args.id,
        stage=Stage(args.stage) if args.stage else None,
        role=args.role,
        add_contacts=[check_address(a, what="--add-contact") for a in args.add_contact],
        follow_up_after_days=args.follow_up_after_days,
        max_follow_ups=args.max_follow_ups,
    )
    if args.add_contact:
        _rematch(ctx)
    return 0


def cmd_app_snooze(args: argparse.Namespace) -> int:
    """Snooze an application for some days or until a date, or end its snooze."""
    ctx = context(args)
    if args.off:
        ctx.book.snooze(args.id, None)
        return 0
    if args.days is not None:
        if args.days < 1:
            raise UserError(_("{option}: must be at least 1").format(option="--days"))
        until = ctx.book.now + timedelta(days=args.days)
    else:
        until = parse_when(args.until, ctx.tz, what="--until")
    ctx.book.snooze(args.id, until)
    return 0


def _ask(question: str) -> bool:
    """Ask a yes/no question on the terminal; only "y" or "yes" is a yes."""
    # The question goes to standard error: standard output carries results only.
    sys.stderr.write(_("{question} [y/N] ").format(question=question))
    sys.stderr.flush()
    # English y/yes always count: a habit of years should not turn into a "no".
    yes = {"y", "yes", *_("y|yes").split("|")}
    return sys.stdin.readline().strip().lower() in yes


def cmd_app_remove(args: argparse.Namespace) -> int:
    """Remove an application, after asking; it is kept 30 days for `app restore`."""
    from replywatch.store.removed import KEEP_DAYS

    ctx = context(args)
    app = ctx.book.store.get(args.id)
    name = app_name(app)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(_("app remove {id}: not asking without a terminal; add {option} to "
                              "remove it").format(id=args.id, option="--yes"))
        if not _ask(_("Remove [{id}] {name}? It is kept {days} days (`{command}`).").format(
                id=app.id, name=name, days=KEEP_DAYS,
                command=f"replywatch app restore {app.id}")):
            print(_("replywatch: nothing removed"), file=sys.stderr)
            return 1
    ctx.book.remove(args.id)
    until = humanize(ctx.book.now + timedelta(days=KEEP_DAYS), ctx.book.now, ctx.tz)
    print(_("removed [{id}] {name}; `{command}` brings it back until {when}").format(
        id=app.id, name=name, command=f"replywatch app restore {app.id}", when=until))
    return 0


def cmd_app_restore(args: argparse.Namespace) -> int:
    """Bring back a removed application."""
    ctx = context(args)
    app = ctx.book.restore(args.id)
    _rematch(ctx, (app.id,))  # mail read while it was removed matched nothing
    print(_("restored [{id}] {name}").format(id=app.id, name=app_name(app)))
    return 0


def cmd_app_import(args: argparse.Namespace) -> int:
    """Import applications from CSV or JSON; rows already in the book are not added again."""
    from replywatch.store.transfer import import_file

    ctx = context(args)
    report = import_file(ctx.book.store, Path(args.file), ctx.tz, ctx.book.now,
                         dry_run=args.dry_run)
    numbers = {"added": len(report.added), "updated": len(report.updated),
               "unchanged": report.unchanged}
    if report.dry_run:
        print(_("dry run, nothing written: would have added {added}, updated {updated}, "
                "unchanged {unchanged}").format(**numbers))
        return 0
    if report.added or report.updated:
        _rematch(ctx)
    print(_("added {added}, updated {updated}, unchanged {unchanged}").format(**numbers))
    return 0


def cmd_app_export(args: argparse.Namespace) -> int:
    """Export every application as CSV or JSON."""
    from replywatch.store.transfer import export_text

    ctx = context(args)
    apps = ctx.book.store.applications(include_closed=True)
    sys.stdout.write(export_text(apps, ctx.tz, args.format))
    return 0


def _complete_ids(prefix: str, parsed_args: argparse.Namespace, *,
                  removed_ones: bool = False, **_context: object) -> dict[str, str]:
    """Return {id: "Company (Role)"} of the applications an ID may name, for completion.

    Reads an existing store only (a completion never creates one); any trouble
    means no suggestions rather than an error in the middle of the user's typing.
    """
    from replywatch import config as cfg
    from replywatch.store import Store, db
    from replywatch.store.removed import removed

    try:
        config = load_config(parsed_args)
        path = (config.store_path or cfg.default_store_path(os.environ)).expanduser()
        if not path.exists():
            return {}
        store = Store.open(path)
        try:
            if removed_ones:
                return {str(r.id): app_name(Application(  # only the name is shown
                    id=r.id, company=r.company, role=r.role, stage=Stage.APPLIED,
                    applied_at=r.removed_at)) for r in removed(store)}
            return {str(a.id): app_name(a) for a in store.applications(include_closed=True)
                    if str(a.id).startswith(prefix)}
        finally:
            store.close()
    except (UserError, db.OperationalError, OSError):
        return {}


def _id(p: argparse.ArgumentParser, what: str = "the application", *,
        removed_ones: bool = False) -> None:
    action = p.add_argument("id", type=int, metavar="ID",
                            help=f"{what}'s id (see `replywatch app list`)")
    # argcomplete asks an argument's `completer` for its values.
    action.completer = functools.partial(  # type: ignore[attr-defined]
        _complete_ids, removed_ones=removed_ones)


def _json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print one JSON document (for scripts)")


def register(sub: Any, command: Command) -> None:
    """Add ``app`` and its subcommands to the top-level subparsers ``sub``."""
    app_p = sub.add_parser("app", help="manage applications", description="manage applications")
    app_p.set_defaults(func=help_of(app_p))
    app_sub = app_p.add_subparsers(title="commands", dest="app_command", metavar="COMMAND")
    proposals.register(command, app_sub)
    p = command("add", cmd_app_add, "add an application; prints its id", app_sub)
    p.add_argument("--company", required=True, metavar="NAME", help="the employer's name")
    p.add_argument("--role", metavar="TEXT", help="the job title")
    p.add_argument("--contact", action="append", default=[], metavar="EMAIL",
                   help="a person's address there (repeat for several); mail from it matches")
    p.add_argument("--applied", metavar="DATE|DATETIME",
                   help="when you applied, ISO 8601 in your zone (default: now)")
    p.add_argument("--thread", action="append", default=[], metavar="MESSAGE-ID",
                   help="the Message-ID of the mail you applied with (repeatable); replies "
                        "in its thread match")
    p.add_argument("--note", metavar="TEXT", help="a note for yourself")
    p = command("list", cmd_app_list, "list open applications as a table", app_sub)
    p.add_argument("--all", action="store_true", help="closed ones too")
    p.add_argument("--removed", action="store_true",
                   help="the removed ones still kept (for `app restore`)")
    _json(p)
    p = command("show", cmd_app_show, "show one application: facts, next action, history",
                app_sub)
    _id(p)
    _json(p)
    p = command("interview", cmd_app_interview, "record an interview", app_sub)
    _id(p)
    p.add_argument("--start", required=True, metavar="DATETIME",
                   help="when it starts, ISO 8601 in your zone")
    p.add_argument("--end", metavar="DATETIME", help="when it ends (default: an hour later)")
    p.add_argument("--with", dest="with_", action="append", default=[], metavar="EMAIL",
                   help="an interviewer's address (repeatable); becomes a contact")
    p = command("log", cmd_app_log, "record a contact made outside the mailbox", app_sub)
    _id(p)
    way = p.add_mutually_exclusive_group(required=True)
    way.add_argument("--sent", action="store_true", help="you contacted them")
    way.add_argument("--received", action="store_true", help="they contacted you")
    p.add_argument("--at", metavar="DATETIME", help="when, ISO 8601 in your zone (default: now)")
    p.add_argument("--note", metavar="TEXT", help="what it was (a call, a LinkedIn message)")
    _register_changes(app_sub, command)


def _register_changes(app_sub: Any, command: Command) -> None:
    p = command("set", cmd_app_set, "change an application", app_sub)
    _id(p)
    p.add_argument("--stage", choices=[s.value for s in Stage], help="move it to this stage")
    p.add_argument("--role", metavar="TEXT", help="the job title")
    p.add_argument("--add-contact", action="append", default=[], metavar="EMAIL",
                   help="add a contact address (repeatable)")
    p.add_argument("--follow-up-after-days", type=int, metavar="N",
                   help="its own wait before the first follow-up (default: [policy])")
    p.add_argument("--max-follow-ups", type=int, metavar="N",
                   help="its own number of follow-ups (default: [policy])")
    p = command("snooze", cmd_app_snooze, "keep an application quiet for a while", app_sub)
    _id(p)
    until = p.add_mutually_exclusive_group(required=True)
    until.add_argument("--days", type=int, metavar="N", help="for N days from now")
    until.add_argument("--until", metavar="DATE", help="until this date or date-time")
    until.add_argument("--off", action="store_true", help="end the snooze now")
    p = command("remove", cmd_app_remove,
                "remove an application (asks first; kept 30 days for `app restore`)", app_sub)
    _id(p)
    p.add_argument("-y", "--yes", action="store_true",
                   help="do not ask (needed without a terminal)")
    p = command("restore", cmd_app_restore, "bring back a removed application", app_sub)
    _id(p, "the removed application", removed_ones=True)
    p = command("import", cmd_app_import,
                "import applications from CSV or JSON (again: nothing doubles)", app_sub)
    p.add_argument("file", metavar="FILE", help="a CSV (header names the columns) or JSON file, "
                                                "as `app export` writes")
    p.add_argument("-n", "--dry-run", action="store_true",
                   help="say what would be added, updated and unchanged; write nothing")
    p = command("export", cmd_app_export, "export all applications", app_sub)
    p.add_argument("--format", choices=["csv", "json"], default="csv",
                   help="csv (default) or json")
