"""From install to the first real application found and its reply matched, in at most
five commands, against a local Dovecot standing in for the user's provider."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.mailfactory import eml
from tests.servers.dovecot import LocalDovecot
from tests.servers.fixtures import SecretServiceBus
from tests.servers.notify_server import NotifyServer


def test_first_run_finds_an_application_and_matches_its_reply_in_four_commands(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str,
        secret_service: SecretServiceBus, notify_server: NotifyServer) -> None:
    email = f"{imap_user}@mail.example"
    # The mailbox already holds a receipt and the user's own application.
    dovecot.add_message(imap_user, eml(
        sender="Fabrikam Recruiting <no-reply@us.greenhouse-mail.io>", to=email,
        subject="Thank you for applying to Fabrikam", msgid="gh-1@greenhouse-mail.io"))
    dovecot.add_message(imap_user, eml(
        sender=f"Alex <{email}>", to="jobs@northwind.example",
        subject="Application for Data Engineer", msgid="app-1@mail.example"), folder="Sent")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_KEYRING")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "data"),
               DBUS_SESSION_BUS_ADDRESS=secret_service.bus_address, HOME=str(tmp_path))
    env.pop("REPLYWATCH_CONFIG", None)
    commands: list[list[str]] = []

    def replywatch(*args: str, stdin: str = "") -> str:
        commands.append(list(args))
        done = subprocess.run([sys.executable, "-m", "replywatch", *args], input=stdin,
                              capture_output=True, text=True, timeout=90, env=env, check=False)
        assert 0 == done.returncode, done.stdout + done.stderr
        return done.stdout

    # 1. set up: the server (here given, as flags for a script), the password, doctor,
    #    and a first look at the mailbox, which finds both applications
    setup = replywatch("init", "--email", email, "--host", dovecot.host,
                       "--port", str(dovecot.port), "--security", "plain",
                       "--username", imap_user, "--password-stdin",
                       stdin=dovecot.password + "\n")
    # 2. add what was found
    added = replywatch("app", "accept", "--all").split()
    # Northwind answers the application, in its thread.
    dovecot.add_message(imap_user, eml(
        sender="Jane Roe <jane@northwind.example>", to=email, subject="Re: Application",
        msgid="reply-1@northwind.example", in_reply_to="app-1@mail.example"))
    # 3. read new mail
    report = json.loads(replywatch("check", "--json"))
    matched = [(m["company"], m["message_id"], m["rule"]) for m in report["matched"]]
    assert ("found 2 application(s)" in setup, 2,
            [("Northwind", "reply-1@northwind.example", "thread")], True) == (
        "found 2 application(s)" in setup, len(added), matched, len(commands) <= 5), setup
