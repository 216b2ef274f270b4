"""The lines of `replywatch doctor` in English and in Norwegian, against golden files
(``tests/snapshots/doctor/``; ``REPLYWATCH_UPDATE_SNAPSHOTS=1`` rewrites them).
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from replywatch import i18n
from replywatch.config import Alerts, CommandAlerts, Config
from replywatch.doctor import run_doctor
from tests import snapshot


@pytest.mark.parametrize("language", ["en", "nb"])
def test_doctor_snapshot_passes_warnings_and_failures_read_in_the_language(
        language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No session bus: the desktop check and its test alert fail; `cat` takes the
    # command channel's test alert; no account is a warning.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    config = Config(store_path=tmp_path / "replywatch.db",
                    alerts=Alerts(channels=("desktop", "command"),
                                  command=CommandAlerts(argv=("cat",))))
    i18n.use(language)
    out = io.StringIO()
    code = run_doctor(config, out, send_test=True)
    # The machine's own facts: where cat is, how many migrations the store has.
    text = out.getvalue().replace(str(tmp_path), "TMP").replace(shutil.which("cat") or "?", "CAT")
    text = re.sub(r"(schema|skjema) [0-9]+", r"\1 N", text)
    assert (1, []) == (code, snapshot.check(f"doctor/doctor.{language}.txt", text))
