"""Password sources: command, systemd credential, keyring (a real Secret Service)."""

from __future__ import annotations

import sys
from pathlib import Path

import keyring
import pytest
from structlog.testing import capture_logs

from replywatch import secrets
from replywatch.config import PasswordSource
from replywatch.errors import SecretError
from tests.servers.fixtures import SecretServiceBus


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    secrets.forget()


def command(*argv: str) -> PasswordSource:
    return PasswordSource(kind="command", command=argv)


def test_secrets_command_first_line_is_the_password() -> None:
    source = command("printf", "s3cret-pw\\nuser: alex\\n")
    assert "s3cret-pw" == secrets.resolve(source, "alex", what="account 'a'")


def test_secrets_command_failure_names_account_and_exit_code_not_stdout() -> None:
    script = "import sys; print('leaked-pw'); print('gpg: decryption failed', file=sys.stderr);" \
             " sys.exit(2)"
    with pytest.raises(SecretError) as exc:
        secrets.resolve(command(sys.executable, "-c", script), "alex", what="account 'a'")
    text = str(exc.value)
    assert "account 'a'" in text
    assert "exited 2: gpg: decryption failed" in text
    assert "leaked-pw" not in text


def test_secrets_command_missing_binary_is_clear() -> None:
    with pytest.raises(SecretError, match="password_command not found: 'no-such-tool-xyz'"):
        secrets.resolve(command("no-such-tool-xyz"), "alex", what="account 'a'")


def test_secrets_empty_password_is_an_error_never_a_fallback() -> None:
    with pytest.raises(SecretError, match="gave an empty password"):
        secrets.resolve(command("true"), "alex", what="account 'a'")


def test_secrets_command_is_run_once_and_cached(tmp_path: Path) -> None:
    counter = tmp_path / "count"
    script = f"p={str(counter)!r}; open(p, 'a').write('x'); print('pw')"
    source = command(sys.executable, "-c", script)
    for _ in range(3):
        secrets.resolve(source, "alex", what="a")
    assert "x" == counter.read_text()


def test_secrets_credential_read_from_credentials_directory(tmp_path: Path) -> None:
    (tmp_path / "imap").write_text("cred-pw\n")
    source = PasswordSource(kind="credential", credential="imap")
    env = {"CREDENTIALS_DIRECTORY": str(tmp_path)}
    assert "cred-pw" == secrets.resolve(source, "alex", what="a", environ=env)


def test_secrets_credential_without_directory_is_clear() -> None:
    source = PasswordSource(kind="credential", credential="imap")
    with pytest.raises(SecretError, match=r"needs \$CREDENTIALS_DIRECTORY"):
        secrets.resolve(source, "alex", what="a", environ={})


def test_secrets_credential_missing_file_is_clear(tmp_path: Path) -> None:
    source = PasswordSource(kind="credential", credential="nope")
    with pytest.raises(SecretError, match="cannot read credential"):
        secrets.resolve(source, "alex", what="a",
                        environ={"CREDENTIALS_DIRECTORY": str(tmp_path)})


def test_secrets_keyring_reads_real_secret_service(secret_service: SecretServiceBus) -> None:
    keyring.set_password("replywatch", "alex@example.org", "ring-pw")
    assert "ring-pw" == secrets.resolve(PasswordSource(), "alex@example.org", what="a")


def test_secrets_keyring_missing_entry_says_how_to_store_one(
        secret_service: SecretServiceBus) -> None:
    with pytest.raises(SecretError) as exc:
        secrets.resolve(PasswordSource(), "nobody@example.org", what="account 'a'")
    assert "no password in the keyring" in str(exc.value)
    assert "store one with: keyring set replywatch nobody@example.org" == exc.value.hint


def test_secrets_keyring_same_user_on_two_hosts_keeps_two_entries(
        secret_service: SecretServiceBus) -> None:
    keyring.set_password("replywatch", "alex@imap.one.example", "pw-one")
    keyring.set_password("replywatch", "alex@imap.two.example", "pw-two")
    got = [secrets.resolve(PasswordSource(), "alex", host=host, what="a")
           for host in ("imap.one.example", "imap.two.example")]
    assert ["pw-one", "pw-two"] == got


def test_secrets_keyring_old_entry_by_user_name_is_copied_once_with_a_log_line(
        secret_service: SecretServiceBus) -> None:
    keyring.set_password("replywatch", "old.user@example.org", "legacy-pw")
    with capture_logs() as logs:
        first = secrets.resolve(PasswordSource(), "old.user@example.org",
                                host="imap.example.org", what="a")
        secrets.forget()
        second = secrets.resolve(PasswordSource(), "old.user@example.org",
                                 host="imap.example.org", what="a")
    copied = [e for e in logs if e["event"] == "keyring_entry_copied"]
    assert ("legacy-pw", "legacy-pw", "legacy-pw", 1) == (
        first, second,
        keyring.get_password("replywatch", "old.user@example.org@imap.example.org"),
        len(copied))


def test_secrets_keyring_missing_entry_names_the_per_host_user(
        secret_service: SecretServiceBus) -> None:
    with pytest.raises(SecretError) as exc:
        secrets.resolve(PasswordSource(), "nobody", host="imap.example.org", what="a")
    assert "store one with: keyring set replywatch nobody@imap.example.org" == exc.value.hint


def test_secrets_forget_one_source_reads_that_one_again_only(tmp_path: Path) -> None:
    counter = tmp_path / "count"
    script = f"p={str(counter)!r}; open(p, 'a').write('x'); print('pw')"
    source, other = command(sys.executable, "-c", script), command("printf", "other-pw")
    secrets.resolve(other, "alex", what="a")
    for _ in range(2):
        secrets.resolve(source, "alex", what="a")
        secrets.forget(source, "alex")  # after a refused login
    assert ("xx", True) == (counter.read_text(), secrets._cache != {})


@pytest.mark.parametrize(("source", "hint"), [
    (PasswordSource(), "update it with `keyring set replywatch alex@example.org@imap.example.org`"),
    (PasswordSource(kind="command", command=("pass", "mail")),
     "update what your password_command 'pass' prints"),
])
def test_secrets_how_to_update_names_the_source(source: PasswordSource, hint: str) -> None:
    assert hint == secrets.how_to_update(source, "alex@example.org", "imap.example.org")
