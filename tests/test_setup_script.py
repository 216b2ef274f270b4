"""scripts/without-services.sh: an install through it starts no system service and
leaves the named units disabled (setup.sh installs Dovecot through it).

These tests drive Debian's own machinery (invoke-rc.d, which a package's postinst
uses to start its service, and systemctl's offline enable/disable), so they need
root, as CI and setup.sh have. They put /usr/sbin/policy-rc.d back as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "without-services.sh"
POLICY = Path("/usr/sbin/policy-rc.d")
ALLOW_ALL = "#!/bin/sh\n# a test's stand-in: every action allowed\nexit 0\n"

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="writes /usr/sbin/policy-rc.d: root")


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True,
                          timeout=60, check=False)


@pytest.fixture
def permissive_policy() -> Iterator[None]:
    """A policy-rc.d that allows every start, like a desktop without one at all;
    the machine's own (Docker images ship one that forbids all) comes back after.
    """
    saved = POLICY.read_bytes() if POLICY.exists() else None
    mode = POLICY.stat().st_mode if POLICY.exists() else 0o755
    POLICY.write_text(ALLOW_ALL)
    POLICY.chmod(0o755)
    try:
        yield
    finally:
        if saved is None:
            POLICY.unlink(missing_ok=True)
        else:
            POLICY.write_bytes(saved)
            POLICY.chmod(mode)


def query_start(unit: str = "dovecot") -> str:
    # --query asks policy-rc.d only and never runs anything: 101 forbidden, 104 allowed.
    return f"invoke-rc.d --query {unit} start; echo status=$?"


@pytest.mark.usefixtures("permissive_policy")
def test_without_services_command_may_start_no_service_policy_restored_after() -> None:
    outside = subprocess.run(["sh", "-c", query_start()], capture_output=True, text=True,
                             check=False)
    inside = run_script("--", "sh", "-c", query_start())
    assert ("status=104", 0, "status=101") == (outside.stdout.strip(), inside.returncode,
                                               inside.stdout.strip())
    assert ALLOW_ALL == POLICY.read_text()


@pytest.mark.usefixtures("permissive_policy")
def test_without_services_failing_command_still_restores_policy() -> None:
    result = run_script("--", "sh", "-c", "exit 7")
    assert (7, ALLOW_ALL) == (result.returncode, POLICY.read_text())


@pytest.fixture
def enabled_unit() -> Iterator[str]:
    """A throwaway system unit, enabled the way a package's postinst enables its own."""
    if shutil.which("systemctl") is None:
        pytest.fail("systemctl not found: install the Debian package 'systemd'")
    name = f"replywatch-test-{uuid.uuid4().hex[:8]}.service"
    path = Path("/etc/systemd/system") / name
    path.write_text("[Unit]\nDescription=replywatch test unit\n[Service]\nExecStart=/bin/true\n"
                    "[Install]\nWantedBy=multi-user.target\n")
    subprocess.run(["systemctl", "enable", "--quiet", name], check=True, capture_output=True)
    try:
        yield name
    finally:
        subprocess.run(["systemctl", "disable", "--quiet", name], check=False,
                       capture_output=True)
        path.unlink()


def is_enabled(unit: str) -> str:
    return subprocess.run(["systemctl", "is-enabled", unit], capture_output=True, text=True,
                          check=False).stdout.strip()


def test_without_services_named_unit_left_disabled(enabled_unit: str) -> None:
    before = is_enabled(enabled_unit)
    result = run_script(enabled_unit, "no-such-unit.socket", "--", "true")
    assert ("enabled", 0, "", "disabled") == (before, result.returncode, result.stderr,
                                              is_enabled(enabled_unit))


def test_without_services_without_a_command_exits_2_with_usage() -> None:
    result = run_script("dovecot.service")
    assert (2, True) == (result.returncode, result.stderr.startswith("usage: "))
