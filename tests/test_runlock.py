"""One daemon per store: a second `replywatch run` exits at once while the first lives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from replywatch.daemon.runlock import RunLock, lock_path
from replywatch.errors import UserError
from tests.mailfactory import account_block
from tests.servers.dovecot import LocalDovecot
from tests.test_daemon import Daemon, NotifySocket


@pytest.fixture
def setup(tmp_path: Path, dovecot: LocalDovecot, imap_user: str) -> Iterator[
        tuple[Path, dict[str, str], NotifySocket]]:
    config = tmp_path / "config.toml"
    config.write_text(account_block(dovecot, imap_user) + '\n[alerts]\nchannels = ["console"]\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NOTIFY_", "WATCH"))}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               NOTIFY_SOCKET=str(tmp_path / "notify"), PYTHONUNBUFFERED="1")
    notify = NotifySocket(tmp_path / "notify")
    yield config, env, notify
    notify.close()


def test_run_second_daemon_on_the_same_store_exits_at_once_naming_the_first(
        tmp_path: Path, setup: tuple[Path, dict[str, str], NotifySocket]) -> None:
    config, env, notify = setup
    first = Daemon(env, config, tmp_path / "first.log")
    first.start()
    try:
        notify.wait_for("READY=1")
        assert first.proc is not None
        second = subprocess.run([sys.executable, "-m", "replywatch", "--config", str(config),
                                 "run"], env={**env, "NOTIFY_SOCKET": ""},
                                capture_output=True, text=True, timeout=30, check=False)
        store = tmp_path / "data" / "replywatch" / "replywatch.db"
        assert (1, "", [
            f"replywatch: error: {store}: another `replywatch run` (pid {first.proc.pid}) is "
            "already watching this store",
            "replywatch: hint: stop that one first (`systemctl --user stop replywatch`, if it "
            "is the service); one store has one daemon",
        ]) == (second.returncode, second.stdout, second.stderr.splitlines())
        assert None is first.proc.poll()  # the first one runs on, untouched
        assert 0 == first.signal(signal.SIGTERM)
    finally:
        first.stop()
    # Its end (here a clean stop; the kernel does it on a kill too) frees the store.
    with RunLock(store):
        assert f"{os.getpid()}\n" == lock_path(store).read_text()


def test_runlock_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    with subprocess.Popen(
            [sys.executable, "-c", "import sys; from pathlib import Path; "
             "from replywatch.daemon.runlock import RunLock; lock = RunLock(Path(sys.argv[1])); "
             "lock.acquire(); print('held', flush=True); sys.stdin.read()", str(store)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdout is not None
        assert "held\n" == holder.stdout.readline()
        with pytest.raises(UserError, match=f"pid {holder.pid}"):
            RunLock(store).acquire()
        holder.kill()
    lock = RunLock(store)
    lock.acquire()
    lock.release()
