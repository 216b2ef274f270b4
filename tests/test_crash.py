"""30 kill -9 at random moments of `replywatch run` while mail arrives and alerts
fall due: no reply lost, no alert repeated more than once per kill, and the
store intact.
"""

from __future__ import annotations

from pathlib import Path

from tests.servers.crashrig import CrashRig
from tests.servers.dovecot import LocalDovecot
from tests.servers.smtp import SmtpServer
from tests.tls import TlsFiles

KILLS = 30


def test_daemon_30_kill_9_lose_no_reply_repeat_no_alert_twice_per_kill(
        tmp_path: Path, dovecot: LocalDovecot, imap_user: str, smtp_server: SmtpServer,
        tls_files: TlsFiles) -> None:
    rig = CrashRig(tmp_path, dovecot, imap_user, smtp_server, tls_files.ca_cert)
    result = rig.run(KILLS)
    assert (0, 0, "ok", True) == (result.lost, result.undelivered, result.integrity,
                                  result.ok), result
    # Every reply and every due follow-up was alerted: the ledger holds 10 + 6 keys.
    assert (10, 16) == (result.replies_sent, result.alerts), result
