"""``replywatch app ...``: keep the application book by hand."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from replywatch.cli import passview, proposals, views
from replywatch.cli.context import Command, Context, context, emit, when
from replywatch.config.timeinput import parse_when
from replywatch.core.model import Direction, Stage
from replywatch.errors import UserError
from replywatch.store.book import check_address, check_message_id


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


def _rematch(ctx: Context) -> None:
    """Match mail read earlier against the changed book, at once and with no fetch."""
    from replywatch.engine import rematch

    report = rematch(ctx.config, ctx.book.store)
    for m in report.matched:
        print(f"matched earlier mail: {m.company} — {passview.matched_text(m)}",
              file=sys.stderr)


def cmd_app_list(args: argparse.Namespace) -> int:
    """List applications: a table, or a JSON list."""
    ctx = context(args)
    apps = ctx.book.store.applications(include_closed=args.all)
    if args.json:
        emit([ctx.book.as_json(app) for app in apps])
        return 0
    if not apps:
        print("no applications" + ("" if args.all else " open") + "; add one with "
              "`replywatch app add --company NAME`")
        return 0
    print("\n".join(views.app_table(ctx.book, apps)))
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
    assert start is not None
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
            raise UserError("--days: must be at least 1")
        until = ctx.book.now + timedelta(days=args.days)
    else:
        until = parse_when(args.until, ctx.tz, what="--until")
    ctx.book.snooze(args.id, until)
    return 0


def cmd_app_remove(args: argparse.Namespace) -> int:
    """Delete an application."""
    context(args).book.remove(args.id)
    return 0


def cmd_app_import(args: argparse.Namespace) -> int:
    """Import applications from CSV or JSON."""
    from replywatch.store.transfer import import_file

    ctx = context(args)
    ids = import_file(ctx.book.store, Path(args.file), ctx.tz, ctx.book.now)
    _rematch(ctx)
    print(f"imported {len(ids)} application(s)")
    return 0


def cmd_app_export(args: argparse.Namespace) -> int:
    """Export every application as CSV or JSON."""
    from replywatch.store.transfer import export_text

    ctx = context(args)
    apps = ctx.book.store.applications(include_closed=True)
    sys.stdout.write(export_text(apps, ctx.tz, args.format))
    return 0


def register(sub: Any, command: Command) -> None:
    """Add ``app`` and its subcommands to the top-level subparsers ``sub``."""
    app_p = sub.add_parser("app", help="manage applications")
    app_sub = app_p.add_subparsers(dest="app_command", metavar="COMMAND", required=True)
    proposals.register(command, app_sub)
    p = command("add", cmd_app_add, "add an application; prints its id", app_sub)
    p.add_argument("--company", required=True, metavar="NAME")
    p.add_argument("--role", metavar="TEXT")
    p.add_argument("--contact", action="append", default=[], metavar="EMAIL")
    p.add_argument("--applied", metavar="DATE|DATETIME", help="default: now")
    p.add_argument("--thread", action="append", default=[], metavar="MESSAGE-ID")
    p.add_argument("--note", metavar="TEXT")
    p = command("list", cmd_app_list, "list open applications", app_sub)
    p.add_argument("--all", action="store_true", help="closed ones too")
    p.add_argument("--json", action="store_true")
    p = command("show", cmd_app_show, "show one application", app_sub)
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p = command("interview", cmd_app_interview, "record an interview", app_sub)
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--start", required=True, metavar="DATETIME")
    p.add_argument("--end", metavar="DATETIME", help="default: one hour after the start")
    p.add_argument("--with", dest="with_", action="append", default=[], metavar="EMAIL")
    p = command("log", cmd_app_log, "record a contact made outside the mailbox", app_sub)
    p.add_argument("id", type=int, metavar="ID")
    way = p.add_mutually_exclusive_group(required=True)
    way.add_argument("--sent", action="store_true", help="you contacted them")
    way.add_argument("--received", action="store_true", help="they contacted you")
    p.add_argument("--at", metavar="DATETIME", help="default: now")
    p.add_argument("--note", metavar="TEXT")
    p = command("set", cmd_app_set, "change an application", app_sub)
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--stage", choices=[s.value for s in Stage])
    p.add_argument("--role", metavar="TEXT")
    p.add_argument("--add-contact", action="append", default=[], metavar="EMAIL")
    p.add_argument("--follow-up-after-days", type=int, metavar="N")
    p.add_argument("--max-follow-ups", type=int, metavar="N")
    p = command("snooze", cmd_app_snooze, "keep an application quiet for a while", app_sub)
    p.add_argument("id", type=int, metavar="ID")
    until = p.add_mutually_exclusive_group(required=True)
    until.add_argument("--days", type=int, metavar="N")
    until.add_argument("--until", metavar="DATE")
    until.add_argument("--off", action="store_true")
    p = command("remove", cmd_app_remove, "delete an application", app_sub)
    p.add_argument("id", type=int, metavar="ID")
    p = command("import", cmd_app_import, "import applications from CSV or JSON", app_sub)
    p.add_argument("file", metavar="FILE")
    p = command("export", cmd_app_export, "export all applications", app_sub)
    p.add_argument("--format", choices=["csv", "json"], default="csv")
