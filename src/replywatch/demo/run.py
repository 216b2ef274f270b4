"""``replywatch demo``: a whole pass against a throwaway local Dovecot.

It seeds a sample mailbox (applications sent, a reply in the thread, a reply
through an applicant-tracking system, a newsletter, an out-of-office, follow-ups
that got no answer), keeps its own config and store in a temporary folder (the
user's own are never touched), runs the same engine as ``check``, and prints what
a user would see. Needs Dovecot (Debian: ``dovecot-imapd``).
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import TextIO

from replywatch.alerts.deliver import Alerter, make_channels
from replywatch.config import load_config
from replywatch.config.timeinput import zone
from replywatch.core.model import Application, Direction
from replywatch.core.text import clean_line
from replywatch.demo.dovecot import DovecotError, LocalDovecot
from replywatch.engine import PassReport, run_pass
from replywatch.errors import UserError
from replywatch.i18n import _, ngettext
from replywatch.store import Store
from replywatch.store.book import Book, describe

ME = "alex.doe@example.org"
USER = "alex"
CREDENTIAL = "demo-imap"


def _mail(sender: str, to: str, subject: str, msgid: str, when: datetime,
          *, in_reply_to: str | None = None, extra: tuple[str, ...] = (),
          body: str = "Hello,\r\n\r\n(sample message)") -> bytes:
    lines = [f"From: {sender}", f"To: {to}", f"Subject: {subject}",
             f"Date: {format_datetime(when)}", f"Message-ID: <{msgid}>"]
    if in_reply_to:
        lines += [f"In-Reply-To: <{in_reply_to}>", f"References: <{in_reply_to}>"]
    lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", *extra]
    return ("\r\n".join(lines) + "\r\n\r\n" + body + "\r\n").encode()


def seed(server: LocalDovecot, now: datetime) -> None:
    """Fill the demo user's mailbox with the sample story."""
    def ago(days: float) -> datetime:
        return now - timedelta(days=days)

    def put(raw: bytes, when: datetime, folder: str = "INBOX", seen: bool = False) -> None:
        server.add_message(USER, raw, folder=folder, internal_date=when, seen=seen)

    # Acme: applied 12 days ago; Jane answered in the thread 2 days ago.
    put(_mail(ME, "jane.roe@acmerobotics.com", "Application: Backend Engineer",
              "app-acme@example.org", ago(12)), ago(12), "Sent", seen=True)
    put(_mail("Jane Roe <jane.roe@acmerobotics.com>", ME, "Re: Application: Backend Engineer",
              "r1@acmerobotics.com", ago(2), in_reply_to="app-acme@example.org"), ago(2))
    # Acme's newsletter: bulk mail from the company's domain is not an answer.
    put(_mail("Acme Robotics <news@acmerobotics.com>", ME, "This month at Acme Robotics",
              "news-11@acmerobotics.com", ago(1),
              extra=("List-Unsubscribe: <mailto:leave@acmerobotics.com>",)), ago(1))
    # Globex: applied 9 days ago; only an out-of-office came back.
    put(_mail(ME, "careers@globex.io", "Application: Data Engineer", "app-globex@example.org",
              ago(9)), ago(9), "Sent", seen=True)
    put(_mail("Globex Careers <careers@globex.io>", ME, "Automatic reply: Application",
              "ooo@globex.io", ago(9), in_reply_to="app-globex@example.org",
              extra=("Auto-Submitted: auto-replied",)), ago(9))
    # Umbrella: the answer comes through an applicant-tracking system.
    put(_mail("Umbrella Corp Recruiting <no-reply@us.greenhouse-mail.io>", ME,
              "Your interview with Umbrella Corp", "gh-7731@greenhouse-mail.io", ago(1)), ago(1))
    # Fabrikam: not in the book, but its ATS's receipt says you applied there, and a
    # Greenhouse security code (account mail) is no application at all.
    put(_mail("Fabrikam Recruiting <no-reply@us.greenhouse-mail.io>", ME,
              "Thank you for applying to Fabrikam", "gh-9120@greenhouse-mail.io", ago(5),
              body="Your application for the Platform Engineer position was received."),
        ago(5))
    put(_mail("Greenhouse <no-reply@greenhouse.io>", ME, "Your Greenhouse security code",
              "gh-code@greenhouse.io", ago(4), body="Your security code is 482913."), ago(4))
    # Hooli: three follow-ups, no answer.
    put(_mail(ME, "jobs@hooli.xyz", "Application: SRE", "app-hooli@example.org", ago(40)),
        ago(40), "Sent", seen=True)
    for n, days in enumerate((33, 29, 25), start=1):
        put(_mail(ME, "jobs@hooli.xyz", "Re: Application: SRE", f"f{n}-hooli@example.org",
                  ago(days), in_reply_to="app-hooli@example.org"), ago(days), "Sent", seen=True)


def book_sample(book: Book, now: datetime) -> list[Application]:
    """Add the sample applications; return them."""
    def ago(days: float) -> datetime:
        return now - timedelta(days=days)

    book.add(company="Acme Robotics", role="Backend Engineer",
                    contacts=["jane.roe@acmerobotics.com"], applied_at=ago(12))
    book.add(company="Globex", role="Data Engineer", contacts=["careers@globex.io"],
             applied_at=ago(9))
    initech = book.add(company="Initech", role="Site Reliability Engineer",
                       contacts=["bill@initech.com"], applied_at=ago(20))
    book.interview(initech, ago(1) - timedelta(hours=3), ago(1) - timedelta(hours=2),
                   ["bill@initech.com"])
    book.add(company="Umbrella Corp", role="Platform Engineer",
             contacts=["talent@umbrella-corp.com"], applied_at=ago(4))
    book.add(company="Hooli", role="SRE", contacts=["jobs@hooli.xyz"], applied_at=ago(40))
    return book.store.applications()


def write_config(folder: Path, server: LocalDovecot) -> Path:
    """Write the demo's config: one plain-IMAP account on the loopback server."""
    path = folder / "config.toml"
    path.write_text(
        "# replywatch demo: a throwaway Dovecot on 127.0.0.1; plaintext is allowed\n"
        "# here only because the config says so explicitly.\n"
        "[[accounts]]\n"
        'name = "demo"\n'
        f'host = "{server.host}"\n'
        f"port = {server.port}\n"
        'security = "plain"\n'
        f'username = "{USER}"\n'
        f'addresses = ["{ME}"]\n'
        f'password_credential = "{CREDENTIAL}"\n'
        "\n[alerts]\n"
        'channels = ["console"]\n'
        "quiet_hours = []\n"
        f'\n[store]\npath = "{folder / "replywatch.db"}"\n'
    )
    return path


def print_report(report: PassReport, book: Book, out: TextIO) -> None:
    """Print what the pass found."""
    tz = book.tz
    for acct in report.accounts:
        read = sum(f.read for f in acct.folders)
        folders = ", ".join(f"{f.name} {f.read}" for f in acct.folders)
        print("  " + ngettext("read {count} message ({folders}) with {commands} IMAP commands, "
                              "read-only",
                              "read {count} messages ({folders}) with {commands} IMAP "
                              "commands, read-only", read).format(
                  count=read, folders=folders, commands=acct.commands), file=out)
    for m in report.matched:
        way = _("reply from them") if m.direction is Direction.FROM_THEM else _("your message")
        print("  " + _("matched: {company} {way} by {rule} \"{subject}\"").format(
            company=f"{m.company:<14}", way=f"{way:<16}", rule=f"{m.rule:<8}",
            subject=clean_line(m.subject)), file=out)
    print("  " + _("passed over: the newsletter (bulk mail) and the out-of-office "
                   "(auto-reply)"), file=out)
    for found in report.proposed:
        p = found.proposal
        role = f" ({clean_line(p.role)})" if p.role else ""
        print("  " + _("found in your mail: {company}{role}, from its ATS's receipt "
                       "(replywatch app proposals; app accept {id} adds it)").format(
                           company=clean_line(p.company), role=role, id=found.id), file=out)
    print("\n" + _("What is due now (replywatch status):"), file=out)
    for app, action in book.due():
        print(f"  [{app.id}] {describe(app, action, book.now, tz)}", file=out)


def run_demo(out: TextIO) -> int:
    """Run the demo, printing to ``out``; return the exit code."""
    now = datetime.now(UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory(prefix="replywatch-demo-") as tmp:
        folder = Path(tmp)
        try:
            server = LocalDovecot()
            server.start()
        except (DovecotError, FileNotFoundError, PermissionError) as exc:
            raise UserError(_("demo: cannot start a local Dovecot: {error}").format(error=exc),
                            hint=_("install it: apt-get install dovecot-imapd")) from exc
        try:
            print(_("Started a throwaway Dovecot on {host}:{port} and seeded a sample "
                    "mailbox.").format(host=server.host, port=server.port), file=out)
            seed(server, now)
            creds = folder / "credentials"
            creds.mkdir(mode=0o700)
            (creds / CREDENTIAL).write_text(server.password)
            os.environ["CREDENTIALS_DIRECTORY"] = str(creds)
            config = load_config(write_config(folder, server))
            store = Store.open(config.store_path or folder / "replywatch.db")
            book = Book(store, config.policy, zone(config.policy.timezone), now)
            apps = book_sample(book, now)
            print(ngettext("Added {count} application (replywatch app list):",
                           "Added {count} applications (replywatch app list):",
                           len(apps)).format(count=len(apps)), file=out)
            for app in apps:
                print(f"  [{app.id}] {app.company} — {app.role}", file=out)
            print("\n" + _("One pass over the mailbox (replywatch check):"), file=out)
            report = run_pass(config, store, now)
            print_report(report, book, out)
            print("\n" + _("Alerts raised (replywatch run; here on the console channel, "
                           "once each):") + "\n", file=out)
            channels = make_channels(config, stream=out)
            delivery = Alerter(config, store, channels).deliver_due(now)
            again = Alerter(config, store, channels).deliver_due(now + timedelta(minutes=1))
            print(ngettext("{count} alert raised; the next tick raised {again} (each alert "
                           "goes out once).",
                           "{count} alerts raised; the next tick raised {again} (each alert "
                           "goes out once).", len(delivery.sent)).format(
                               count=len(delivery.sent), again=len(again.sent)), file=out)
            store.close()
        finally:
            os.environ.pop("CREDENTIALS_DIRECTORY", None)
            server.stop()
    print("\n" + _("Next: `replywatch init` writes your own config; see README.md."),
          file=out)
    return 0 if report.ok else 1
