"""systemd/replywatch.service: valid for systemd, hardened, and in step with the code.

Needs ``systemd-analyze`` (Debian package ``systemd``) but no running systemd. Works
as root and as an ordinary user: ``--user`` only needs some $XDG_RUNTIME_DIR.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

from replywatch.config import default_store_path, resolve_config_path

UNIT = Path(__file__).resolve().parents[1] / "systemd" / "replywatch.service"
SHIPPED_EXEC_START = "ExecStart=%h/.local/bin/replywatch run"
MAX_EXPOSURE = 2.5


def unit_settings(text: str) -> dict[tuple[str, str], list[str]]:
    """Given unit file text, return {(section, key): [values in order]}; a key may
    repeat (systemd appends, or resets on an empty value), so every value is kept.
    """
    settings: dict[tuple[str, str], list[str]] = {}
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        key, _, value = line.partition("=")
        settings.setdefault((section, key.strip()), []).append(value.strip())
    return settings


def systemd_analyze() -> str:
    path = shutil.which("systemd-analyze")
    if path is None:
        pytest.fail("systemd-analyze not found: install the Debian package 'systemd' "
                    "(`apt-get install systemd`; it needs no running systemd)")
    return path


def installed_script() -> Path:
    # The script of the interpreter running the tests first: a plain PATH lookup can
    # find a version manager's shim or another environment's copy.
    found = (shutil.which("replywatch", path=sysconfig.get_path("scripts"))
             or shutil.which("replywatch"))
    if found is None:
        pytest.fail("the replywatch console script is not installed: pip install -e .")
    return Path(found).resolve()


def unit_quoted(path: Path) -> str:
    """Given a path, return it as one word of an Exec line: quoted (spaces),
    with backslashes, quotes and % (a specifier) escaped.
    """
    text = str(path).replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'"{text}"'


@pytest.fixture
def testable_unit(tmp_path: Path) -> Path:
    """A copy of the unit whose ExecStart names the installed script: verify checks
    that the binary exists, and ~/.local/bin/replywatch need not.
    """
    text = UNIT.read_text(encoding="utf-8")
    assert 1 == text.splitlines().count(SHIPPED_EXEC_START)
    exec_start = f"ExecStart={unit_quoted(installed_script())} run"
    copy = tmp_path / "unit" / UNIT.name  # verify wants the real unit name
    copy.parent.mkdir()
    copy.write_text(text.replace(SHIPPED_EXEC_START, exec_start), encoding="utf-8")
    return copy


def run_analyze(*args: str, runtime_dir: Path,
                extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # A user manager, even an offline one, insists on $XDG_RUNTIME_DIR; colours
    # and a pager would only get in the way of reading the output.
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime_dir), "SYSTEMD_COLORS": "0",
           "SYSTEMD_PAGER": "", "SYSTEMD_LOG_COLOR": "0", **(extra_env or {})}
    return subprocess.run([systemd_analyze(), "--no-pager", *args], env=env, capture_output=True,
                          text=True, timeout=60, check=False)


@pytest.fixture
def runtime_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    return folder


def test_unit_verify_reports_nothing(testable_unit: Path, runtime_dir: Path) -> None:
    # verify exits 0 on an unknown or misspelt key and only prints a warning,
    # so any output at all is a failure.
    result = run_analyze("--user", "--man=no", "verify", str(testable_unit),
                         runtime_dir=runtime_dir)
    assert ("", "", 0) == (result.stdout, result.stderr, result.returncode)


def test_unit_verify_without_man_pages_reports_nothing(
        testable_unit: Path, runtime_dir: Path, tmp_path: Path) -> None:
    # verify checks every man: page of Documentation= with `man`; on a minimal
    # system (no man pages, or no libsystemd-dev for sd_notify(3)) that failed.
    # MANPATH at an empty folder plays that system.
    empty = tmp_path / "man"
    empty.mkdir()
    result = run_analyze("--user", "verify", str(testable_unit), runtime_dir=runtime_dir,
                         extra_env={"MANPATH": str(empty)})
    assert ("", "", 0) == (result.stdout, result.stderr, result.returncode)


def test_unit_verify_without_man_pages_catches_a_man_reference(
        testable_unit: Path, runtime_dir: Path, tmp_path: Path) -> None:
    # The guard of the test above: the empty MANPATH really hides the pages.
    text = testable_unit.read_text(encoding="utf-8")
    testable_unit.write_text(text.replace("[Unit]\n", "[Unit]\nDocumentation=man:sd_notify(3)\n",
                                          1), encoding="utf-8")
    empty = tmp_path / "man"
    empty.mkdir()
    result = run_analyze("--user", "verify", str(testable_unit), runtime_dir=runtime_dir,
                         extra_env={"MANPATH": str(empty)})
    assert "sd_notify(3)" in result.stdout + result.stderr


def test_unit_documentation_is_web_addresses_only() -> None:
    settings = unit_settings(UNIT.read_text(encoding="utf-8"))
    pages = [page for value in settings[("Unit", "Documentation")] for page in value.split()]
    assert [] == [page for page in pages if not page.startswith("https://")]


def test_unit_verify_catches_an_unknown_key(testable_unit: Path, runtime_dir: Path) -> None:
    # The guard of the test above: a misspelt key must show up in the output.
    text = testable_unit.read_text(encoding="utf-8")
    testable_unit.write_text(text.replace("[Service]\n", "[Service]\nProtectHomes=yes\n", 1),
                             encoding="utf-8")
    result = run_analyze("--user", "--man=no", "verify", str(testable_unit),
                         runtime_dir=runtime_dir)
    assert "ProtectHomes" in result.stdout + result.stderr


def test_unit_exposure_level_is_low(testable_unit: Path, runtime_dir: Path) -> None:
    result = run_analyze("--user", "security", "--offline=true", str(testable_unit),
                         runtime_dir=runtime_dir)
    output = result.stdout + result.stderr
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", output)
    assert match is not None, output
    assert float(match[1]) <= MAX_EXPOSURE, output


def test_unit_is_type_notify_with_a_watchdog() -> None:
    settings = unit_settings(UNIT.read_text(encoding="utf-8"))
    assert ["notify"] == settings[("Service", "Type")]
    assert ["main"] == settings[("Service", "NotifyAccess")]
    assert [SHIPPED_EXEC_START.partition("=")[2]] == settings[("Service", "ExecStart")]
    assert ("Service", "WatchdogSec") in settings


def test_unit_reload_sends_sighup_to_the_daemon() -> None:
    settings = unit_settings(UNIT.read_text(encoding="utf-8"))
    assert ["/bin/kill -HUP $MAINPID"] == settings[("Service", "ExecReload")]


def test_unit_writes_only_the_default_store_and_config_folders() -> None:
    # %h is what systemd puts for the home folder; the code's own defaults, with
    # HOME=%h and no XDG overrides, must name exactly the folders the unit opens.
    home = {"HOME": "%h"}
    expected = {str(default_store_path(home).parent),
                str(resolve_config_path(None, home).parent)}
    settings = unit_settings(UNIT.read_text(encoding="utf-8"))
    paths = [p for value in settings[("Service", "ReadWritePaths")] for p in value.split()]
    assert expected == set(paths)
    assert len(expected) == len(paths)
    assert ["strict"] == settings[("Service", "ProtectSystem")]
    # A missing ReadWritePaths= folder fails the start: ExecStartPre makes them all.
    [make_folders] = settings[("Service", "ExecStartPre")]
    assert make_folders.startswith("+mkdir -p ")
    assert expected <= set(make_folders.split())


def test_unit_keeps_network_and_session_bus_reachable() -> None:
    settings = unit_settings(UNIT.read_text(encoding="utf-8"))
    # "yes" or "tmpfs" would hide /run/user/UID/bus (notifications, keyring).
    assert ["read-only"] == settings[("Service", "ProtectHome")]
    families = {f for value in settings[("Service", "RestrictAddressFamilies")]
                for f in value.split()}
    assert {"AF_UNIX", "AF_INET", "AF_INET6"} == families
    assert ("Service", "PrivateNetwork") not in settings
    # systemd 252 ignores mount sandboxing in user units without it.
    assert ["yes"] == settings[("Service", "PrivateUsers")]
