"""Drafts in the running daemon (`replywatch run` as a subprocess against Dovecot and a
private D-Bus): one APPEND across passes and a restart, and the notification's "Write
follow-up" action opening the draft's mailto: link with xdg-open (a fake on PATH)."""

from __future__ import annotations

import os
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from tests.mail.test_imap_mailbox import drafts_of
from tests.mailfactory import ME, eml
from tests.servers.notify_server import NotifyServer
from tests.test_daemon import World, ago, wait_until


def quiet_thread(world: World) -> int:
    """An application whose one message, the user's, went unanswered for 8 days."""
    app_id = world.add_app("--company", "Initech", "--contact", "bill@initech.com",
                           "--applied", ago(8))
    world.dovecot.add_message(
        world.user, eml(sender=f"Alex Doe <{ME}>", to="Bill <bill@initech.com>",
                        subject="Application: SRE", msgid="app-9@example.org",
                        date=datetime.now(UTC) - timedelta(days=8)),
        folder="Sent", internal_date=datetime.now(UTC) - timedelta(days=8), seen=True)
    world.config.write_text(world.config.read_text() + "\n[drafts]\nenabled = true\n")
    return app_id


def appends(world: World) -> list[str]:
    return [c for c in world.dovecot.commands_sent(world.user) if c.upper().startswith("APPEND")]


def test_daemon_drafts_appends_once_across_passes_and_a_restart(
        world: World, notify_server: NotifyServer) -> None:
    quiet_thread(world)
    world.start()
    world.daemon.wait_log("draft_appended")
    assert world.daemon.proc is not None
    os.kill(world.daemon.proc.pid, signal.SIGHUP)
    world.daemon.wait_log("pass_done", count=2)
    world.daemon.stop()
    world.notify.messages.clear()
    world.start()
    world.daemon.wait_log("pass_done", count=3)
    assert (1, 1) == (len(appends(world)), len(drafts_of(world.dovecot, world.user)))
    assert 1 == sum(1 for e in world.daemon.log() if e.get("event") == "draft_appended")


def test_daemon_write_follow_up_click_opens_the_drafts_mailto_link_with_xdg_open(
        world: World, notify_server: NotifyServer, tmp_path: Path) -> None:
    quiet_thread(world)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "xdg-open.argv"
    fake = bin_dir / "xdg-open"
    # Written whole, then renamed: the test never reads half a file.
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$0" "$@" > {record}.tmp\n'
                    f"mv {record}.tmp {record}\n")
    fake.chmod(0o755)
    world.env["PATH"] = f"{bin_dir}{os.pathsep}{world.env['PATH']}"
    world.start()
    note = notify_server.wait_for(1)[0]
    world.daemon.wait_log("alerts_done")
    notify_server.invoke_action(note.id, "write")
    world.daemon.wait_log("draft_opened")
    wait_until(record.exists, "xdg-open ran")
    program, link = record.read_text().splitlines()[:2]
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    assert ("write", "Write follow-up") == note.actions[0]
    assert (str(fake), "mailto", "bill@initech.com", ["Re: Application: SRE"],
            ["<app-9@example.org>"]) == (program, parts.scheme, unquote(parts.path),
                                         query["subject"], query["In-Reply-To"])
    assert query["body"][0].startswith("Hi Bill,\r\n")
