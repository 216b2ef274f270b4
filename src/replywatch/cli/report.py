"""`replywatch report` and `replywatch ics`: the whole search as a page and a calendar."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from replywatch.errors import UserError
from replywatch.i18n import _

Handler = Callable[[argparse.Namespace], int]


def cmd_report(args: argparse.Namespace) -> int:
    """Write the HTML report to --out (default: standard output); --open shows it."""
    from replywatch.cli.context import context, when
    from replywatch.report import data, html, ics

    ctx = context(args)
    since = when(args.since, ctx.tz, "--since")
    page = html.render(data.load(ctx.book, since), ctx.tz, since=since,
                       max_follow_ups=ctx.config.policy.max_follow_ups)
    if args.out is None and not args.open:
        sys.stdout.write(page)
        return 0
    out = Path(args.out) if args.out else ics.beside_store(ctx.config, "report.html")
    _write(out, page.encode("utf-8"))
    print(_("wrote {path}").format(path=out))
    if args.open:
        import webbrowser  # here: every other command starts without it

        webbrowser.open(out.resolve().as_uri())
    return 0


def cmd_ics(args: argparse.Namespace) -> int:
    """Write the iCalendar feed to --out (default: standard output)."""
    from replywatch.cli.context import context
    from replywatch.report import data, ics

    ctx = context(args)
    content = ics.feed(data.load(ctx.book, with_facts=False), ctx.tz)
    if args.out is None:
        sys.stdout.write(content.decode("utf-8"))  # CRLF line ends kept as they are
        return 0
    _write(Path(args.out), content)
    print(_("wrote {path}").format(path=args.out))
    return 0


def _write(path: Path, content: bytes) -> None:
    from replywatch.report.ics import write_atomically

    try:
        write_atomically(path, content)
    except OSError as exc:
        raise UserError(_("cannot write {path}: {reason}").format(
            path=path, reason=exc.strerror or exc)) from None


def register(sub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the report and ics commands to the parser's sub-commands."""
    p = command("report", cmd_report, "the whole search as one HTML page (charts and tables)")
    p.add_argument("--out", metavar="FILE", help="write the page here (default: stdout)")
    p.add_argument("--open", action="store_true",
                   help="write it (to --out, or next to the store) and open it in a browser")
    p.add_argument("--since", metavar="DATE",
                   help="only applications sent on or after DATE (ISO 8601)")
    p = command("ics", cmd_ics, "interviews and due follow-ups as an iCalendar feed")
    p.add_argument("--out", metavar="FILE", help="write the feed here (default: stdout)")
