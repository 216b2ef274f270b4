"""Logging: JSON lines off a terminal, and no secret in any line, even at --verbose."""

from __future__ import annotations

import io
import json

import pytest

from replywatch import log


@pytest.fixture
def lines() -> io.StringIO:
    stream = io.StringIO()
    log.setup(verbose=True, stream=stream, json=True)
    return stream


def records(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_log_is_one_json_object_per_line_with_bound_context(lines: io.StringIO) -> None:
    log.get(account="work").bind(application=3).info("reply_matched", rule="thread")
    (record,) = records(lines)
    assert ("reply_matched", "work", 3, "thread", "info") == (
        record["event"], record["account"], record["application"], record["rule"],
        record["level"])


def test_log_registered_secret_never_appears(lines: io.StringIO) -> None:
    log.register_secret("hunter2-pw")
    log.get().debug("connect_failed", error="LOGIN failed for alex hunter2-pw", detail=[
        {"nested": "hunter2-pw"}])
    assert "hunter2-pw" not in lines.getvalue()
    assert "[redacted]" in lines.getvalue()


@pytest.mark.parametrize(
    ("key", "value"),
    [("password", "p1"), ("smtp_password", "p2"), ("token", "p3"), ("auth", "p4")],
)
def test_log_secret_named_keys_are_blanked(lines: io.StringIO, key: str, value: str) -> None:
    log.get().info("event", **{key: value})
    assert "[redacted]" == records(lines)[0][key]


@pytest.mark.parametrize(
    "text",
    ["password=abc123", "a LOGIN alex abc123", "AUTHENTICATE PLAIN YWxleABhYmMxMjM=",
     "Authorization: abc123", "Authorization: Bearer abc123", "user=u\x01auth=Bearer abc123",
     "AUTHENTICATE OAUTHBEARER YWxleABhYmMxMjM=", "AUTH XOAUTH2 YWxleABhYmMxMjM="],
)
def test_log_secret_looking_values_are_scrubbed(lines: io.StringIO, text: str) -> None:
    log.get().info("event", text=text)
    value = records(lines)[0]["text"]
    assert isinstance(value, str)
    assert "abc123" not in value
    assert "YWxleABhYmMxMjM=" not in value


def test_log_exception_text_is_scrubbed(lines: io.StringIO) -> None:
    log.register_secret("tb-secret-99")
    try:
        raise RuntimeError("failed with tb-secret-99")
    except RuntimeError:
        log.get().exception("crashed")
    assert "tb-secret-99" not in lines.getvalue()


def test_log_quiet_shows_errors_only(lines: io.StringIO) -> None:
    stream = io.StringIO()
    log.setup(quiet=True, stream=stream, json=True)
    log.get().info("chatty")
    log.get().warning("reported_elsewhere")
    log.get().error("trouble")
    assert ["trouble"] == [r["event"] for r in records(stream)]


def test_log_prose_about_a_login_is_not_redacted(lines: io.StringIO) -> None:
    log.get().info("event", error="login refused: [AUTHENTICATIONFAILED] Invalid credentials")
    assert "login refused: [AUTHENTICATIONFAILED] Invalid credentials" == records(lines)[0]["error"]
