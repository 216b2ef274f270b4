"""structlog set-up: readable on a terminal, one JSON object per line otherwise.

A redaction processor runs before the renderer, so no password or token reaches a
log line, whatever a caller binds.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import MutableMapping
from typing import Any, TextIO


# The patterns are compiled when a log line is first scrubbed: most commands log nothing.
@functools.cache
def _secret_keys() -> re.Pattern[str]:
    return re.compile(r"pass(word|wd)?|secret|token|auth|credential|cookie", re.IGNORECASE)


@functools.cache
def _secret_values() -> re.Pattern[str]:
    """Return the pattern of values that look like credentials wherever they appear."""
    return re.compile(
        r"(?i)(?P<key>\b(?:password|passwd|pass|token|secret|authorization)\b\s*[=:]\s*)"
        r"(?P<val>(?:bearer\s+)?\S+)"
        # IMAP/SMTP commands are upper case on the wire; "login refused" in prose is no
        # command.
        r"|(?P<login>(?-i:\bLOGIN)\s+\S+\s+)(?P<pw>\S+)"
        r"|(?P<auth>(?-i:\bAUTH(?:ENTICATE)?\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER))\s+)"
        r"(?P<blob>\S+)"
        # An OAuth2 access token as HTTP and SASL carry it (RFC 6750, RFC 7628).
        r"|(?P<bearer>(?-i:\bBearer)\s+)(?P<token>\S+)"
    )


REDACTED = "[redacted]"
_known_secrets: set[str] = set()


def register_secret(value: str) -> None:
    """Remember a secret value so that it is blanked wherever it shows up in a log line."""
    if len(value) >= 4:
        _known_secrets.add(value)


def _scrub(text: str) -> str:
    for secret in _known_secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)

    def repl(match: re.Match[str]) -> str:
        if match.group("key"):
            return match.group("key") + REDACTED
        if match.group("login"):
            return match.group("login") + REDACTED
        if match.group("bearer"):
            return match.group("bearer") + REDACTED
        return match.group("auth") + REDACTED

    return _secret_values().sub(repl, text)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _scrub(value)
    if isinstance(value, BaseException):
        return _scrub(f"{type(value).__name__}: {value}")
    if isinstance(value, dict):
        return {k: (REDACTED if _is_secret_key(k) else _clean(v)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


@functools.lru_cache(maxsize=1024)  # a program logs a few dozen keys, again and again
def _is_secret_key(key: object) -> bool:
    return isinstance(key, str) and bool(_secret_keys().search(key))


def redact(
    _logger: object, _name: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: blank secret-named keys and secret-looking values, nested too."""
    for key, value in list(event_dict.items()):
        event_dict[key] = REDACTED if _is_secret_key(key) else _clean(value)
    return event_dict


# The settings of a lazy ``setup``, until the first ``get`` applies them (at most one).
_pending: list[dict[str, Any]] = []


def setup(*, verbose: bool = False, quiet: bool = False, stream: TextIO | None = None,
          json: bool | None = None, lazy: bool = False) -> None:
    """Configure structlog to write to ``stream`` (stderr by default).

    JSON lines unless the stream is a terminal (override with ``json``); debug
    lines with ``verbose``; errors only with ``quiet`` (a command that reports its
    own failures, such as a failed account in ``check``, would otherwise say it twice).
    With ``lazy``, structlog is loaded and configured by the first ``get``: a command
    that logs nothing (``status``, ``app list``) does not pay for its import.
    """
    _pending.clear()
    if lazy:
        _pending.append({"verbose": verbose, "quiet": quiet, "stream": stream, "json": json})
        return
    import logging  # here: a command that logs nothing never loads it

    import structlog

    out = stream or sys.stderr
    use_json = (not out.isatty()) if json is None else json
    # Tracebacks become data first, so that redaction sees their text too; the level
    # and time, which no caller writes, are added after it (and land last, as before).
    processors: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.dict_tracebacks if use_json else structlog.processors.format_exc_info,
        redact,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.JSONRenderer() if use_json
        else structlog.dev.ConsoleRenderer(colors=False),
    ]
    structlog.configure(
        processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.DEBUG if verbose else logging.ERROR if quiet else logging.INFO
        ),
        logger_factory=structlog.PrintLoggerFactory(file=out),
        cache_logger_on_first_use=False,
    )


def get(name: str = "replywatch", **context: Any) -> Any:
    """Return a bound structlog logger (configuring it first after a lazy ``setup``)."""
    if _pending:
        setup(**_pending.pop())
    import structlog

    return structlog.get_logger(name).bind(**context)


def reset() -> None:
    """Forget a lazy ``setup`` that no logger used (between tests)."""
    _pending.clear()
