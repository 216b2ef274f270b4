"""The top-level commands: init, config check, check, status, run, doctor, demo."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from replywatch import config as cfg
from replywatch.cli import passview, views
from replywatch.cli.context import (
    Command,
    context,
    emit,
    error_line,
    help_of,
    hint_line,
    load_config,
    warning_line,
)
from replywatch.errors import UserError
from replywatch.i18n import _, ngettext, pgettext
from replywatch.store.book import action_json, app_name, describe


def cmd_init(args: argparse.Namespace) -> int:
    """Set up an account (guided on a terminal, or from flags); or, with --starter or
    without a terminal, write the commented starter config. Never overwrite one."""
    from replywatch.cli import setup

    if args.starter or (args.email is None and not sys.stdin.isatty()):
        path = cfg.resolve_config_path(args.config, os.environ)
        cfg.write_starter_config(path)
        print(_("wrote {path}").format(path=path))
        print(_("next: uncomment an {section} section in it and fill in host and username; "
                "store the password (`{keyring}`); then run `{doctor}`").format(
            section="[[accounts]]", keyring="keyring set replywatch USERNAME@HOST",
            doctor="replywatch doctor"))
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
    accounts = ngettext("{count} account", "{count} accounts", len(config.accounts)).format(
        count=len(config.accounts))
    print(_("{path}: ok ({accounts}, channels: {channels})").format(
        path=path, accounts=accounts,
        channels=", ".join(config.alerts.channels) or pgettext("channels", "none")))
    if not config.accounts:
        # Valid, but replywatch would read no mail: say so, without failing the check.
        print(warning_line(_("{path}: no {section}: no mail will be read; add one (the starter "
                             "file and {example} show how)").format(
            path=path, section="[[accounts]]", example="config.example.toml")),
            file=sys.stderr)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Print what is due now and next, soonest first, and mail that needs telling apart."""
    from replywatch.store import mailstate

    ctx = context(args)
    pairs = ctx.book.due()
    now = ctx.book.now
    ambiguous = mailstate.ambiguous(ctx.book.store)
    for_review = mailstate.for_review(ctx.book.store)
    if ambiguous or for_review:  # the header parser loads only when there is mail to show
        from replywatch.mail.headers import parse_raw

    unclear = [(parse_raw(raw), ids) for raw, ids in ambiguous]
    review = [(parse_raw(raw), app_id, ctx.book.store.get(app_id).company)
              for raw, app_id in for_review]
    if args.json:
        emit({
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
        print(_("nothing due: no open application is waiting on you"))
        return 0
    due_now = [(a, x) for a, x in pairs if x.due <= now]
    later = [(a, x) for a, x in pairs if x.due > now]
    lines = []  # printed at once: a print per line costs more than the line (2,000 lines)
    for heading, group in ((_("Due now:"), due_now), (_("Next:"), later)):
        if group:
            lines.append(heading)
            for app, action in group:
                if app.snoozed_until is not None and app.snoozed_until > now:
                    # Its due time is the snooze's end: say so, not just a date.
                    snoozed = views.next_words(app, ctx.book.evaluate(app), now, ctx.tz)
                    lines.append(f"  [{app.id}] {app_name(app)} — {snoozed}")
                else:
                    lines.append(f"  [{app.id}] {describe(app, action, now, ctx.tz)}")
    if unclear:
        lines.append(_("Which application? (replywatch never guesses):"))
        lines += [f"  {passview.ambiguous_text(msg.from_addr, msg.subject, ids)}"
                  for msg, ids in unclear]
    if review:
        lines.append(_("Check these (a known thread, an unrelated sender; not counted as a "
                       "reply):"))
        lines += [f"  {passview.review_text(msg.from_addr, msg.subject, app_id, company)}"
                  for msg, app_id, company in review]
    print("\n".join(lines))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """One pass over every account: read new mail, match it, show what is due."""
    from replywatch.engine import run_pass

    ctx = context(args)
    if not ctx.config.accounts:
        raise UserError(_("{path}: no {section} to check").format(
                            path=ctx.config.path or "config", section="[[accounts]]"),
                        hint=_("add an account to the config (see `{command}`)").format(
                            command="replywatch init"))
    report = run_pass(ctx.config, ctx.book.store, ctx.book.now)
    if args.json:
        emit(passview.check_json(report, ctx.tz))
    else:
        print("\n".join(passview.check_lines(report, ctx.book.now, ctx.tz)))
    # Each failure once, on standard error, with its hint (the summary above says
    # only that the account was not read).
    for acct in report.accounts:
        if not acct.ok:
            print(error_line(str(acct.error)), file=sys.stderr)
            if acct.hint:
                print(hint_line(acct.hint), file=sys.stderr)
    return 0 if report.ok else 1


def cmd_demo(args: argparse.Namespace) -> int:
    """Run a whole pass against a throwaway local Dovecot with a sample mailbox."""
    from replywatch.demo.run import run_demo

    return run_demo(sys.stdout)


def cmd_run(args: argparse.Namespace) -> int:
    """Run the daemon until SIGTERM or SIGINT; only one per store (a lock next to it)."""
    from replywatch.alerts.deliver import make_channels
    from replywatch.daemon.runlock import RunLock
    from replywatch.daemon.service import Daemon

    config = load_config(args)
    # Before the store is opened (and migrated): a second daemon stops right here.
    with RunLock(config.store_path or cfg.default_store_path(os.environ)):
        ctx = context(args, config)
        return Daemon(ctx.config, ctx.book.store, make_channels(ctx.config),
                      make_channels=make_channels).run()


def cmd_doctor(args: argparse.Namespace) -> int:
    """Check every part of the set-up, one pass/fail line each."""
    from replywatch.doctor import run_doctor

    config = load_config(args)
    return run_doctor(config, sys.stdout, send_test=args.send_test)


def register(sub: Any, command: Command) -> None:
    """Add the top-level commands (and ``config check``) to the subparsers ``sub``."""
    command("demo", cmd_demo, "see replywatch work on a sample mailbox (needs Dovecot)")
    from replywatch.cli import setup

    setup.add_arguments(command("init", cmd_init,
                                "set up your mailbox: guided on a terminal, or from flags"))
    config_p = sub.add_parser("config", help="config file commands",
                              description="config file commands")
    config_p.set_defaults(func=help_of(config_p))
    config_sub = config_p.add_subparsers(title="commands", dest="config_command", metavar="COMMAND")
    command("check", cmd_config_check, "validate the config file", config_sub)
    command("example", cmd_config_example,
            "print an example config with every key documented", config_sub)


def register_watch(sub: Any, command: Command) -> None:
    """Add the commands that read mail and tell what is due: check, run, doctor, status."""
    p = command("check", cmd_check, "read new mail once, match it, show what is due")
    p.add_argument("--json", action="store_true", help="print one JSON document (for scripts)")
    command("run", cmd_run, "watch continuously and alert (the systemd service runs this)")
    p = command("doctor", cmd_doctor, "check config, secrets, servers and alert channels")
    p.add_argument("--send-test", action="store_true", help="send a test alert on every channel")
    p = command("status", cmd_status, "what is due now and next")
    p.add_argument("--json", action="store_true", help="print one JSON document (for scripts)")
