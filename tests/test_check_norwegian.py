"""`replywatch check` in Norwegian against the local Dovecot: the summary of a pass
(new mail, what matched, what is due) in the user's language, the rule names and the
subject as they are."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.mailfactory import account_block, eml, make_setup, write_config
from tests.servers.dovecot import LocalDovecot


def test_check_norwegian_summary_names_new_mail_match_and_due(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch)
    write_config(rw.config, [account_block(dovecot, imap_user)], '[ui]\nlanguage = "nb"\n')
    applied = (datetime.now(UTC) - timedelta(days=8)).isoformat(timespec="seconds")
    rw.run(capsys, "app", "add", "--company", "Acme", "--contact", "kari@acme.example",
           "--applied", applied)
    rw.run(capsys, "app", "add", "--company", "Bølgen", "--applied", applied)
    rw.add(eml(sender="kari@acme.example", subject="Intervju?", msgid="n1@acme.example"))
    code, out, err = rw.run(capsys, "check")
    lines = out.splitlines()
    assert (0, "", "mail: 1 ny melding (INBOX 1)",
            'koblet: Acme — svar fra dem (contact) "Intervju?"') == (code, err, *lines[:2])
    # Soonest first: Bølgen's follow-up fell due before Acme's reply came.
    assert lines[2].startswith("å gjøre: [2] Bølgen — oppfølging 1 av 3 forfalt "), lines
    assert (True, True) == (lines[3].startswith("å gjøre: [1] Acme — svarte "),
                            lines[3].endswith(": din tur å svare")), lines


def test_mail_list_and_kind_norwegian_show_kinds_in_words(
        dovecot: LocalDovecot, imap_user: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rw = make_setup(dovecot, imap_user, tmp_path, monkeypatch)
    write_config(rw.config, [account_block(dovecot, imap_user)], '[ui]\nlanguage = "nb"\n')
    applied = (datetime.now(UTC) - timedelta(days=3)).isoformat(timespec="seconds")
    rw.run(capsys, "app", "add", "--company", "Acme", "--contact", "kari@acme.example",
           "--applied", applied)
    rw.add(eml(sender="kari@acme.example", subject="Takk for søknaden",
               msgid="n2@acme.example"))
    rw.run(capsys, "check")
    code, out, _ = rw.run(capsys, "mail", "kind", "n2@acme.example", "acknowledgement")
    assert (0, True) == (code, out.startswith(
        "mid:n2@acme.example: bekreftelse (ikke et svar); fase søkt; Acme — oppfølging 1 av 3 "
        "forfaller ")), out
    code, out, _ = rw.run(capsys, "mail", "list")
    cells = [cell.strip() for cell in out.splitlines()[0].split("  ") if cell.strip()]
    assert (0, "bekreftelse (rettet)", "Takk for søknaden") == (code, cells[2], cells[4]), out
