"""The classify step's helpers: who wrote a message, and whether a no gave reasons."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from replywatch.classifying import automated, gave_reasons
from replywatch.core.model import Message

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("sender", "rule", "extra", "expected"),
    [
        ("no-reply@us.greenhouse-mail.io", "ats", {}, True),
        ("jane@acme.com", "contact", {}, False),
        ("noreply@acme.com", "domain", {}, True),
        ("careers@acme.com", "domain", {}, False),  # a person may write from a role address
        ("notifications@acme.com", "domain", {}, True),
        ("jane@acme.com", "contact", {"auto_reply": True}, True),
        ("jane@acme.com", "contact", {"precedence": "bulk"}, True),
        ("acme@myworkday.com", "ats", {}, True),
    ],
)
def test_automated_sender_or_headers_decide(sender: str, rule: str, extra: dict[str, object],
                                            expected: bool) -> None:
    msg = Message(folder="INBOX", uid=1, internal_date=NOW, from_addr=sender, **extra)  # type: ignore[arg-type]
    assert expected == automated(msg, rule)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We went with another candidate because the role needs more Go.", True),
        ("Vi har valgt en annen kandidat fordi vi trenger mer erfaring med Go.", True),
        ("Wir haben uns anders entschieden, weil wir mehr Erfahrung suchen.", True),
        ("Unfortunately we will not move forward with your application.", False),
    ],
)
def test_gave_reasons_in_several_languages(text: str, expected: bool) -> None:
    assert expected == gave_reasons(text)


def test_gave_reasons_is_linear_on_a_2_mb_token() -> None:
    token = "a" * 2_000_000
    start = time.perf_counter()
    gave_reasons(token)
    hostile = time.perf_counter() - start
    start = time.perf_counter()
    gave_reasons("because " * 2048)
    baseline = time.perf_counter() - start
    assert hostile < 20 * baseline + 0.05
