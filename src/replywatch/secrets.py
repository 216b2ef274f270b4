"""Resolve a password from its configured source: keyring, a command, or a systemd credential.

Resolved lazily (only when a connection needs it), cached only while it works
(a refused login drops it with ``forget``, so a rotated password is read again
on the next try), and never degraded quietly: an empty or missing secret is a
``SecretError``, never a prompt that would hang under systemd, nor a fallback to
another source. Every resolved value is registered with the log redactor.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from replywatch import log
from replywatch.config import PasswordSource
from replywatch.errors import SecretError
from replywatch.i18n import _

KEYRING_SERVICE = "replywatch"
_cache: dict[tuple[str, str, str, tuple[str, ...], str], str] = {}


def keyring_user(username: str, host: str) -> str:
    """Return the keyring's user name for a login at ``host``: ``USERNAME@HOST``, so
    that two accounts with one user name on different servers keep two entries."""
    return f"{username}@{host}" if host else username


def describe(source: PasswordSource, username: str, host: str = "") -> str:
    """Return where a password comes from, for messages (never the password)."""
    if source.kind == "command":
        return f"password_command {source.command[0]!r}"
    if source.kind == "credential":
        return f"systemd credential {source.credential!r}"
    return f"keyring (service {KEYRING_SERVICE!r}, user {keyring_user(username, host)!r})"


def resolve(
    source: PasswordSource,
    username: str,
    *,
    what: str,
    host: str = "",
    environ: Mapping[str, str] | None = None,
    timeout: float = 30.0,
) -> str:
    """Given a password source and the user (at ``host``) it belongs to, return the
    password.

    ``what`` names the owner for messages (``account 'work'``). Raise SecretError
    when the source fails or yields an empty secret.
    """
    key = (source.kind, username, host, source.command, source.credential)
    if key in _cache:
        return _cache[key]
    env = os.environ if environ is None else environ
    if source.kind == "command":
        secret = _from_command(source.command, what, timeout)
    elif source.kind == "credential":
        secret = _from_credential(source.credential, what, env)
    else:
        secret = _from_keyring(username, host, what)
    if not secret:
        raise SecretError(f"{what}: {describe(source, username, host)} gave an empty password")
    log.register_secret(secret)
    _cache[key] = secret
    return secret


def forget(source: PasswordSource | None = None, username: str = "", host: str = "") -> None:
    """Drop the cached secret of ``source`` for ``username`` at ``host`` (all of them
    without a source): after a refused login, so that a changed password is read again.
    """
    if source is None:
        _cache.clear()
        return
    _cache.pop((source.kind, username, host, source.command, source.credential), None)


def how_to_update(source: PasswordSource, username: str, host: str = "") -> str:
    """Return what the user does to give replywatch a new password from ``source``."""
    if source.kind == "command":
        return _("update what your password_command {command} prints").format(
            command=repr(source.command[0]))
    if source.kind == "credential":
        return _("update the systemd credential {credential} (LoadCredential=) and "
                 "restart replywatch").format(credential=repr(source.credential))
    return _("update it with `{command}`").format(
        command=" ".join(["keyring", "set", KEYRING_SERVICE, keyring_user(username, host)]))


def _from_command(argv: tuple[str, ...], what: str, timeout: float) -> str:
    try:
        done = subprocess.run(
            list(argv), capture_output=True, timeout=timeout, check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError as exc:
        raise SecretError(f"{what}: password_command not found: {argv[0]!r}") from exc
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SecretError(f"{what}: password_command {argv[0]!r} failed: "
                          f"{type(exc).__name__}") from exc
    if done.returncode != 0:
        # Its stderr is the user's tool talking; its stdout might hold a secret.
        err = done.stderr.decode(errors="replace").strip().splitlines()
        tail = f": {err[-1][:200]}" if err else ""
        raise SecretError(
            f"{what}: password_command {argv[0]!r} exited {done.returncode}{tail}"
        )
    # The first line is the password, as pass(1) and most tools print it.
    lines = done.stdout.decode(errors="replace").splitlines()
    return lines[0].rstrip("\r") if lines else ""


def _from_credential(name: str, what: str, env: Mapping[str, str]) -> str:
    folder = env.get("CREDENTIALS_DIRECTORY")
    if not folder:
        raise SecretError(
            f"{what}: password_credential {name!r} needs $CREDENTIALS_DIRECTORY",
            hint="run under systemd with LoadCredential=, or choose another password source",
        )
    path = Path(folder) / name
    try:
        return path.read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as exc:
        raise SecretError(f"{what}: cannot read credential {path}: {exc.strerror}") from exc


def _from_keyring(username: str, host: str, what: str) -> str:
    import keyring
    import keyring.errors

    user = keyring_user(username, host)
    try:
        secret = keyring.get_password(KEYRING_SERVICE, user)
        if secret is None and user != username:
            # Before 0.2 the entry was keyed by user name alone: copy it to the
            # per-host entry once. The old one stays, for another account that may
            # still share it until it, too, has been read.
            secret = keyring.get_password(KEYRING_SERVICE, username)
            if secret is not None:
                keyring.set_password(KEYRING_SERVICE, user, secret)
                log.get().info("keyring_entry_copied", old_user=username, new_user=user)
    except keyring.errors.KeyringError as exc:
        raise SecretError(f"{what}: keyring failed: {exc}",
                          hint="is a Secret Service (e.g. gnome-keyring) running and unlocked?"
                          ) from exc
    if secret is None:
        raise SecretError(
            f"{what}: no password in the keyring for service {KEYRING_SERVICE!r}, "
            f"user {user!r}",
            hint=f"store one with: keyring set {KEYRING_SERVICE} {user}",
        )
    return secret
