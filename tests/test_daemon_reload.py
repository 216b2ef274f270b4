"""SIGHUP reloads the config of a running `replywatch run` (a real subprocess):
a broken file is reported with file:line and the running config stays in
force; a good one takes effect without a restart.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.mailfactory import eml
from tests.servers.dovecot import LocalDovecot
from tests.servers.notify_server import NotifyServer
from tests.servers.smtp import SmtpServer
from tests.test_daemon import World, ago


def hup(world: World) -> None:
    assert world.daemon.proc is not None
    world.daemon.proc.send_signal(signal.SIGHUP)


def test_daemon_sighup_with_broken_config_reports_file_line_and_keeps_running(
        world: World, notify_server: NotifyServer) -> None:
    world.add_app("--company", "Acme", "--contact", "jane@acme.com", "--applied", ago(2))
    world.start()
    world.daemon.wait_log("idle_started")
    good = world.config.read_text()
    lines = good.splitlines()
    line = lines.index("idle_minutes = 1") + 1
    world.config.write_text(good.replace("idle_minutes = 1", 'idle_minutes = "soon"'))
    hup(world)
    world.daemon.wait_log("reload_failed")
    errors = [str(e["error"]) for e in world.daemon.log() if e.get("event") == "reload_failed"]
    world.notify.wait_for("RELOADING=1")
    assert world.daemon.proc is not None
    running = world.daemon.proc.poll() is None
    # Still working on the old config: a reply is still noticed and alerted.
    world.dovecot.add_message(world.user, eml(sender="Jane <jane@acme.com>", subject="Hi",
                                              msgid="hup@acme.com"))
    notes = notify_server.wait_for(1)
    assert (True, True, "Acme replied — your answer is due") == (
        running, errors[0].startswith(f"{world.config}:{line}: "), notes[0].summary), errors


def test_daemon_sighup_with_good_config_puts_new_channels_in_force(
        world: World, notify_server: NotifyServer, smtp_server: SmtpServer) -> None:
    full = world.config.read_text()
    world.config.write_text(full.replace('channels = ["desktop", "email"]',
                                         'channels = ["desktop"]'))
    world.add_app("--company", "Globex", "--contact", "hr@globex.io", "--applied", ago(8))
    world.start()
    notify_server.wait_for(1)
    world.daemon.wait_log("alerts_done")
    world.config.write_text(full)  # email as well, from now on
    hup(world)
    world.daemon.wait_log("config_reloaded")
    mails = smtp_server.wait_for(1)  # the due follow-up, now also by email
    world.notify.wait_for("RELOADING=1")
    ready = [m for m in world.notify.messages if "READY=1" in m.split("\n")]
    assert (1, 2) == (len(notify_server.notifications), len(ready))
    assert "Follow up with Globex (1 of 3)" in str(mails[0].message["Subject"])


def test_daemon_reload_puts_a_new_account_and_policy_in_force_without_restart(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.daemonkit import Harness
    from tests.mailfactory import account_block

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    other = imap_user + "b"
    alerts = '\n[alerts]\nchannels = ["console"]\nquiet_hours = []\n'
    config = tmp_path / "config.toml"
    config.write_text(account_block(dovecot, imap_user) + alerts)
    store = tmp_path / "data" / "replywatch" / "replywatch.db"  # the CLI's too
    from replywatch.cli.main import main

    assert 0 == main(["--config", str(config), "app", "add", "--company", "Initech",
                      "--contact", "bill@initech.com", "--applied", ago(3)])
    with Harness(config, store) as h:  # after the CLI: it sets up logging its own way
        h.wait_log("pass_done")
        # A second mailbox, and follow-ups after 2 days instead of 7.
        config.write_text(account_block(dovecot, imap_user)
                          + account_block(dovecot, other, name="second") + alerts
                          + "\n[policy]\nfollow_up_after_days = 2\n")
        h.daemon.request_reload()
        h.wait_log("config_reloaded")
        h.console.wait(lambda t: "Follow up with Initech (1 of 3)" in t)
        dovecot.add_message(other, eml(sender="Bill <bill@initech.com>", subject="Re: SRE",
                                       msgid="b1@initech.com"))
        h.daemon.request_pass()
        h.console.wait(lambda t: "Initech replied" in t)
        idle = [e.get("account") for e in h.wait_log("idle_started", count=3)]
        text = h.console.text()
    assert ({"mail", "second"}, 0) == (set(idle), text.count("cannot read account"))
