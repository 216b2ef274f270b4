"""Command line: parse arguments, call one function per command, map errors to exit codes.

Standard output carries only a command's result (with ``--json``, exactly one JSON
document); logs and errors go to standard error. Exit codes: 0 success, 1 a server
or channel failed, 2 bad input (config, argument, file), 3 the store cannot be
written or read (disk full, read-only, locked, damaged), 70 an internal error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from replywatch import __version__
from replywatch import config as cfg
from replywatch.cli import login, passview
from replywatch.cli import mail as mail_commands
from replywatch.config.timeinput import parse_when, zone
from replywatch.core.model import Direction, Stage
from replywatch.core.text import clean_line
from replywatch.errors import UserError
from replywatch.store import Store
from replywatch.store.book import Book, action_json, check_address, check_message_id, describe
from replywatch.store.faults import describe as describe_store_fault

Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Context:
    """What a command needs: the config, the open book and how to judge it."""

    config: cfg.Config
    book: Book
    tz: tzinfo


def _load_config(args: argparse.Namespace) -> cfg.Config:
    path = cfg.resolve_config_path(args.config, os.environ)
    explicit = args.config is not None or "REPLYWATCH_CONFIG" in os.environ
    if not path.exists() and not explicit:
        # No config yet: the application book works on defaults; `init` writes one.
        return cfg.Config()
    return cfg.load_config(path)


def _context(args: argparse.Namespace) -> Context:
    config = _load_config(args)
    tz = zone(config.policy.timezone)
    store = Store.open(config.store_path or cfg.default_store_path(os.environ))
    now = datetime.now(UTC).replace(microsecond=0)
    return Context(config=config, book=Book(store, config.policy, tz, now), tz=tz)


def _emit(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _when(text: str | None, tz: tzinfo, what: str) -> datetime | None:
    return None if text is None else parse_when(text, tz, what=what)


# -- commands ------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    """Set up an account (guided on a terminal, or from flags); or, with --starter or
    without a terminal, write the commented starter config. Never overwrite one."""
    from replywatch.cli import setup

    if args.starter or (args.email is None and not sys.stdin.isatty()):
        path = cfg.resolve_config_path(args.config, os.environ)
        cfg.write_starter_config(path)
        print(f"wrote {path}")
        return 0
    return setup.run(args, setup.terminal_io())


def cmd_config_example(args: argparse.Namespace) -> int:
    """Print config.example.toml: every key, documented, made from the declarations."""
    from replywatch.config.generate import example_toml

    sys.stdout.write(example_toml())
    return 0


def cmd_config_check(args: argparse.Namespace) -> int:
    """Validate the config file; print every problem."""
    path = cfg.resolve_config_path(args.config, os.environ)
    config = cfg.load_config(path)
    print(f"{path}: ok ({len(config.accounts)} account(s), channels: "
          f"{', '.join(config.alerts.channels) or 'none'})")
    return 0


def cmd_app_add(args: argparse.Namespace) -> int:
    """Add an application and print its id."""
    ctx = _context(args)
    contacts = [check_address(c, what="--contact") for c in args.contact]
    threads = [check_message_id(t) for t in args.thread]
    applied = _when(args.applied, ctx.tz, "--applied")
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
    ctx = _context(args)
    apps = ctx.book.store.applications(include_closed=args.all)
    if args.json:
        _emit([ctx.book.as_json(app) for app in apps])
        return 0
    if not apps:
        print("no applications" + ("" if args.all else " open") + "; add one with "
              "`replywatch app add --company NAME`")
        return 0
    for app in apps:
        ev = ctx.book.evaluate(app)
        nxt = describe(app, ev.action, ctx.book.now, ctx.tz).split(" — ", 1)[1] if ev.action \
            else "—"
        print(f"{app.id:>4}  {clean_line(app.company, 28):<28}  {clean_line(app.role, 24):<24}"
              f"  {app.stage.value:<12}"
              f"  waiting on {ev.waiting_on:<6}  {nxt}")
    return 0


def cmd_app_show(args: argparse.Namespace) -> int:
    """Show one application."""
    ctx = _context(args)
    data = ctx.book.as_json(ctx.book.store.get(args.id))
    if args.json:
        _emit(data)
        return 0
    for key, value in data.items():
        text = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
        print(f"{key:>16}: {'' if text is None else clean_line(str(text), 2000)}")
    return 0


def cmd_app_interview(args: argparse.Namespace) -> int:
    """Record an interview."""
    ctx = _context(args)
    start = _when(args.start, ctx.tz, "--start")
    assert start is not None
    people = [check_address(a, what="--with") for a in args.with_]
    ctx.book.interview(args.id, start, _when(args.end, ctx.tz, "--end"), people)
    return 0


def cmd_app_log(args: argparse.Namespace) -> int:
    """Record a contact made outside the mailbox."""
    ctx = _context(args)
    direction = Direction.TO_THEM if args.sent else Direction.FROM_THEM
    ctx.book.log(args.id, direction, _when(args.at, ctx.tz, "--at"), args.note or "")
    return 0


def cmd_app_set(args: argparse.Namespace) -> int:
    """Change stage, role, contacts or overrides."""
    ctx = _context(args)
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
    """Snooze an application for some days or until a date."""
    ctx = _context(args)
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
    _context(args).book.remove(args.id)
    return 0


def cmd_app_import(args: argparse.Namespace) -> int:
    """Import applications from CSV or JSON."""
    from replywatch.store.transfer import import_file

    ctx = _context(args)
    ids = import_file(ctx.book.store, Path(args.file), ctx.tz, ctx.book.now)
    _rematch(ctx)
    print(f"imported {len(ids)} application(s)")
    return 0


def cmd_app_export(args: argparse.Namespace) -> int:
    """Export every application as CSV or JSON."""
    from replywatch.store.transfer import export_text

    ctx = _context(args)
    apps = ctx.book.store.applications(include_closed=True)
    sys.stdout.write(export_text(apps, ctx.tz, args.format))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Print what is due now and next, soonest first, and mail that needs telling apart."""
    from replywatch.store import mailstate

    ctx = _context(args)
    pairs = ctx.book.due()
    now = ctx.book.now
    from replywatch.mail.headers import parse_raw

    unclear = [(parse_raw(raw), ids) for raw, ids in mailstate.ambiguous(ctx.book.store)]
    review = [(parse_raw(raw), app_id, ctx.book.store.get(app_id).company)
              for raw, app_id in mailstate.for_review(ctx.book.store)]
    if args.json:
        _emit({
            "now": now.astimezone(ctx.tz).isoformat(timespec="seconds"),
            "due": [{"id": a.id, "company": a.company, "role": a.role,
                     **(action_json(x, ctx.tz) or {}), "is_due": x.due <= now}
                    for a, x in pairs],
            "ambiguous": [{"message_id": m.message_id, "from": m.from_addr,
                           "subject": m.subject, "candidates": ids} for m, ids in unclear],
            "review": [{"message_id": m.message_id, "from": m.from_addr, "subject": m.subject,
                        "application": i, "company": c, "reason": "unrelated_sender"}
                       for m, i, c in review],
        })
        return 0
    if not pairs and not unclear and not review:
        print("nothing due: no open application is waiting on you")
        return 0
    due_now = [(a, x) for a, x in pairs if x.due <= now]
    later = [(a, x) for a, x in pairs if x.due > now]
    for heading, group in (("Due now:", due_now), ("Next:", later)):
        if group:
            print(heading)
            for app, action in group:
                print(f"  [{app.id}] {describe(app, action, now, ctx.tz)}")
    if unclear:
        print("Which application? (replywatch never guesses):")
        for msg, ids in unclear:
            print(f"  {passview.ambiguous_text(msg.from_addr, msg.subject, ids)}")
    if review:
        print("Check these (a known thread, an unrelated sender; not counted as a reply):")
        for msg, app_id, company in review:
            print(f"  {passview.review_text(msg.from_addr, msg.subject, app_id, company)}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """One pass over every account: read new mail, match it, show what is due."""
    from replywatch.engine import run_pass

    ctx = _context(args)
    if not ctx.config.accounts:
        raise UserError(f"{ctx.config.path or 'config'}: no [[accounts]] to check",
                        hint="add an account to the config (see `replywatch init`)")
    report = run_pass(ctx.config, ctx.book.store, ctx.book.now)
    if args.json:
        _emit(passview.check_json(report, ctx.tz))
    else:
        print("\n".join(passview.check_lines(report, ctx.book.now, ctx.tz)))
    for acct in report.accounts:
        if not acct.ok:
            print(f"replywatch: error: {acct.error}", file=sys.stderr)
    return 0 if report.ok else 1


def cmd_demo(args: argparse.Namespace) -> int:
    """Run a whole pass against a throwaway local Dovecot with a sample mailbox."""
    from replywatch.demo.run import run_demo

    return run_demo(sys.stdout)


def cmd_run(args: argparse.Namespace) -> int:
    """Run the daemon until SIGTERM or SIGINT."""
    from replywatch.alerts.deliver import make_channels
    from replywatch.daemon.service import Daemon

    ctx = _context(args)
    return Daemon(ctx.config, ctx.book.store, make_channels(ctx.config),
                  make_channels=make_channels).run()


def cmd_doctor(args: argparse.Namespace) -> int:
    """Check every part of the set-up, one pass/fail line each."""
    from replywatch.doctor import run_doctor

    config = _load_config(args)
    return run_doctor(config, sys.stdout, send_test=args.send_test)


# -- parser --------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of every command."""
    def options(parser: argparse.ArgumentParser, default: Any) -> argparse.ArgumentParser:
        # The options are accepted before and after the command; a subcommand's
        # default must not overwrite a value given before it, hence SUPPRESS there.
        parser.add_argument("--config", metavar="PATH", default=default,
                            help="config file (default: $REPLYWATCH_CONFIG or "
                                 "$XDG_CONFIG_HOME/replywatch/config.toml)")
        parser.add_argument("-v", "--verbose", action="store_true",
                            default=False if default is None else default,
                            help="debug logs, and a traceback on errors")
        return parser

    common = options(argparse.ArgumentParser(add_help=False), argparse.SUPPRESS)

    parser = options(argparse.ArgumentParser(
        prog="replywatch",
        description="Watch your mailbox for replies to job applications; "
                    "get reminded when a follow-up is due.",
    ), None)
    parser.add_argument("--version", action="version", version=f"replywatch {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, handler: Handler, helptext: str,
                parent: Any = sub) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, parents=[common], help=helptext,
                                                       description=helptext)
        p.set_defaults(func=handler)
        return p

    command("demo", cmd_demo, "see replywatch work on a sample mailbox (needs Dovecot)")
    from replywatch.cli import setup

    setup.add_arguments(command("init", cmd_init,
                                "set up your mailbox: guided on a terminal, or from flags"))
    config_p = sub.add_parser("config", help="config file commands")
    config_sub = config_p.add_subparsers(dest="config_command", metavar="COMMAND", required=True)
    command("check", cmd_config_check, "validate the config file", config_sub)
    command("example", cmd_config_example,
            "print an example config with every key documented", config_sub)

    app_p = sub.add_parser("app", help="manage applications")
    _add_app_commands(app_p.add_subparsers(dest="app_command", metavar="COMMAND",
                                           required=True), command)
    p = command("check", cmd_check, "read new mail once, match it, show what is due")
    p.add_argument("--json", action="store_true")
    command("run", cmd_run, "watch continuously and alert (the systemd service runs this)")
    p = command("doctor", cmd_doctor, "check config, secrets, servers and alert channels")
    p.add_argument("--send-test", action="store_true", help="send a test alert on every channel")
    p = command("status", cmd_status, "what is due now and next")
    p.add_argument("--json", action="store_true")
    from replywatch.cli import classify, report

    report.register(command, sub)
    classify.register(command, sub)
    login.register(sub, command)
    mail_commands.register(command, sub)
    return parser


def _add_app_commands(app_sub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    from replywatch.cli import proposals

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
    p = command("remove", cmd_app_remove, "delete an application", app_sub)
    p.add_argument("id", type=int, metavar="ID")
    p = command("import", cmd_app_import, "import applications from CSV or JSON", app_sub)
    p.add_argument("file", metavar="FILE")
    p = command("export", cmd_app_export, "export all applications", app_sub)
    p.add_argument("--format", choices=["csv", "json"], default="csv")


def _internal_error(exc: Exception, *, verbose: bool) -> int:
    """Report a bug: one line, the traceback only with --verbose; return 70."""
    if verbose:
        traceback.print_exception(exc)
    print(f"replywatch: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
    print("replywatch: hint: run again with --verbose for the traceback", file=sys.stderr)
    return 70


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from replywatch import log
    from replywatch.store import db

    parser = build_parser()
    args = parser.parse_args(argv)
    # A command's own output tells what happened; its logs only speak up for trouble.
    # The daemon (`run`) logs what it does at info, for journald.
    log.setup(verbose=args.verbose, quiet=getattr(args, "command", "") != "run")
    try:
        code: int = args.func(args)
    except UserError as exc:
        if args.verbose:
            traceback.print_exc()
        for problem in exc.problems:
            print(f"replywatch: error: {problem}", file=sys.stderr)
        if exc.hint:
            print(f"replywatch: hint: {exc.hint}", file=sys.stderr)
        return exc.exit_code
    except db.Error as exc:
        # Disk full, read-only, locked, damaged: the user's to fix, not a bug (exit 3).
        fault = describe_store_fault(exc)
        if fault is None:
            return _internal_error(exc, verbose=args.verbose)
        if args.verbose:
            traceback.print_exc()
        print(f"replywatch: error: {fault.problems[0]}", file=sys.stderr)
        return fault.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`replywatch app list | head`): not an error of ours.
        sys.stderr.close()
        return 0
    except Exception as exc:
        return _internal_error(exc, verbose=args.verbose)
    return code
