"""`replywatch draft ID` against Dovecot: the RFC 822 draft on stdout (as a real
subprocess), --mailto, --append (once), Norwegian, and one-line errors (in-process)."""

from __future__ import annotations

import email
import email.policy
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.mail.test_imap_mailbox import drafts_of
from tests.mailfactory import ME, Setup, eml, make_setup
from tests.servers.dovecot import LocalDovecot


@pytest.fixture
def rw(dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
       monkeypatch: pytest.MonkeyPatch) -> Setup:
    return make_setup(dovecot, imap_user, tmp_path, monkeypatch)


def replywatch(rw: Setup, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "replywatch", "--config", str(rw.config), *args],
                          capture_output=True, text=True, env=dict(os.environ), timeout=60,
                          check=False)


def quiet(rw: Setup, capsys: pytest.CaptureFixture[str]) -> int:
    """An application to Globex whose one message, the user's, went unanswered 8 days;
    `check` has read it."""
    when = datetime.now(UTC) - timedelta(days=8)
    code, out, err = rw.run(capsys, "app", "add", "--company", "Globex", "--role", "Analyst",
                            "--contact", "hr@globex.io", "--applied",
                            when.isoformat(timespec="seconds"))
    assert 0 == code, err
    rw.add(eml(sender=f"Alex Doe <{ME}>", to="Hank Scorpio <hr@globex.io>",
               subject="Søknad: Analyst", msgid="g-1@example.org", date=when),
           folder="Sent", days_ago=8, seen=True)
    assert 0 == rw.run(capsys, "check")[0]
    return int(out)


def test_draft_cli_prints_the_rfc822_draft_in_the_thread(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = quiet(rw, capsys)
    done = replywatch(rw, "draft", str(app_id))
    msg = email.message_from_string(done.stdout, policy=email.policy.default)
    assert (0, "", f"Alex Doe <{ME}>", "Hank Scorpio <hr@globex.io>", "Re: Søknad: Analyst",
            "<g-1@example.org>", "<g-1@example.org>") == (
        done.returncode, done.stderr, str(msg["From"]), str(msg["To"]), str(msg["Subject"]),
        str(msg["In-Reply-To"]), str(msg["References"]))
    assert "Hi Hank," == msg.get_content().splitlines()[0]


def test_draft_cli_in_norwegian_greets_and_signs_off_the_norwegian_way(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = quiet(rw, capsys)
    rw.config.write_text(rw.config.read_text() + '\n[ui]\nlanguage = "nb"\n')
    out = rw.run(capsys, "draft", str(app_id))[1]
    text = email.message_from_string(out, policy=email.policy.default).get_content()
    lines = text.splitlines()
    assert ("Hei Hank,", "Med vennlig hilsen", "Alex Doe") == (lines[0], lines[-2], lines[-1])
    assert "søknaden min på stillingen som Analyst hos Globex" in text


def test_draft_cli_mailto_prints_one_link(rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = quiet(rw, capsys)
    code, out, _ = rw.run(capsys, "draft", str(app_id), "--mailto")
    assert (0, 1, True) == (code, len(out.splitlines()),
                            out.startswith("mailto:hr@globex.io?subject=Re%3A%20S%C3%B8knad"))


def test_draft_cli_append_puts_it_into_drafts_once_and_says_so(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = quiet(rw, capsys)
    first = rw.run(capsys, "draft", str(app_id), "--append")[1]
    second = rw.run(capsys, "draft", str(app_id), "--append")[1]
    appends = [c for c in rw.dovecot.commands_sent(rw.user) if c.startswith("APPEND")]
    assert ([f"application {app_id}: draft put into Drafts (account 'mail')"],
            [f"application {app_id}: the draft is in Drafts already (account 'mail')"],
            1, 1) == (first.splitlines(), second.splitlines(), len(appends),
                      len(drafts_of(rw.dovecot, rw.user)))


def test_draft_cli_application_with_nothing_to_draft_is_a_one_line_error(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    app_id = rw.run(capsys, "app", "add", "--company", "Hooli")[1].strip()
    code, out, err = rw.run(capsys, "draft", app_id)
    assert (2, "", [f"replywatch: error: application {app_id} (Hooli): no address to "
                    "write to", f"replywatch: hint: add one: replywatch app set {app_id} "
                    "--contact ADDRESS"]) == (code, out, err.splitlines())


def test_doctor_with_drafts_on_names_the_drafts_folder(
        rw: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    rw.config.write_text(rw.config.read_text() + "drafts = true\n")
    out = rw.run(capsys, "doctor")[1]
    imap_line = next(line for line in out.splitlines() if "IMAP" in line)
    assert (True, True) == (imap_line.endswith(", drafts=Drafts"),
                            "account 'mail'" in imap_line)
