"""Every parser and pattern over mail runs in time linear in its input.

Each is fed a 2 MB hostile token of several shapes, and its time is compared with
a linear baseline measured in the same test over the same input: one regex step per
character. A quadratic pattern on 2 MB takes hours, a linear one a small multiple of
the baseline, so a generous ratio tells them apart on a loaded machine too.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from replywatch.core import text as alert_text
from replywatch.core.htmltext import MAX_HTML, html_to_text
from replywatch.core.matching import Index, match
from replywatch.core.model import Application, Stage
from replywatch.discovery import could_propose
from replywatch.mail import addresses, encoded, fetchparse
from replywatch.mail.bodytext import mail_text
from replywatch.mail.headers import HEADER_FIELDS, parse_headers, peek_message_id

SIZE = 2 * 1024 * 1024
# A parser may take this many baseline passes (it reads its input a few times over,
# and runs Python code per token); a quadratic one on 2 MB needs millions.
RATIO = 25
NOW = datetime(2026, 11, 24, tzinfo=UTC)


def _fill(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


SHAPES: dict[str, str] = {
    "no_blanks": _fill("a"),
    "blanks_no_at": _fill("ab "),
    "only_blanks": _fill(" "),
    "all_equals": _fill("="),
    "bad_charset_words": _fill('=?x-nope*en?b?QUJD?= "\\'),
    "encoded_word_starts": _fill("=?utf-8?q?"),
    "short_encoded_words": _fill("=?utf-8?q?a?= "),
    "nested_angles": "<" * (SIZE // 2) + ">" * (SIZE // 2),
    "open_angles_quotes": _fill('<a"\\('),
    "nested_comments": "(" * (SIZE // 2) + ")" * (SIZE // 2),
    "at_signs": _fill("@"),
    "domain_dots": "x@" + _fill("a.")[2:],
    "recipients": _fill("r@x.example, "),
    "named_recipients": _fill('"Name, Inc." <r@x.example>, '),
    "nuls": _fill("\x00"),
    "folded_lines": _fill("\r\n a"),
    "html_open_tags": _fill("<a<b "),
    "html_open_comments": _fill("<!--[if x]>"),
    "html_open_sections": _fill("<![CDATA[>"),
}

_EACH_CHAR = re.compile(r".", re.DOTALL)


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _baseline(text: str) -> float:
    """Return the time of a linear pass over ``text`` (one regex match per character)."""
    return _seconds(lambda: _EACH_CHAR.findall(text))


@pytest.fixture(scope="module")
def baseline() -> float:
    """The linear baseline over 2 MB, best of three: its cost per character does not
    depend on what the characters are, so one measure serves every shape.
    """
    return min(_baseline(SHAPES["blanks_no_at"]) for _ in range(3))


def _app() -> Application:
    return Application(id=1, company="Acme", role="", stage=Stage.APPLIED, applied_at=NOW,
                       contacts=("jane@acme.com",), domains=("acme.com",),
                       thread_ids=("t1@acme.com",))


INDEX = Index.build([_app()], ["me@example.org"])
PREFILTER = INDEX.prefilter()
MINE = re.compile(re.escape(b"me@example.org"), re.IGNORECASE)


def _header_path(token: str) -> None:
    """The whole path from raw header bytes to a match, a share of the token in every
    field (the input stays the token's size).
    """
    share = token[:len(token) // len(HEADER_FIELDS)]
    raw = "".join(f"{name}: {share}\r\n" for name in HEADER_FIELDS).encode(
        "utf-8", "surrogateescape") + b"\r\n"
    PREFILTER.could_match(raw, None)
    could_propose(raw, MINE)
    peek_message_id(raw)
    msg = parse_headers(raw, folder="INBOX", uid=1, internal_date=NOW)
    match(msg, INDEX)


def _fetch_reply(token: str) -> None:
    data = token.encode("utf-8", "surrogateescape")
    head = (b"1 (UID 7 INTERNALDATE \"24-Nov-2026 10:00:00 +0000\" "
            b"BODY[HEADER.FIELDS (FROM)] {%d}" % len(data))
    fetchparse.parse([(head, data), b")"])
    fetchparse.parse([head + b" " + data])


def _html_mail(token: str) -> None:
    head = b"From: a@b.example\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    mail_text(head + token.encode("utf-8", "surrogateescape"))


PARSERS: dict[str, Callable[[str], object]] = {
    "header_to_match": _header_path,
    "address_list": addresses.parse_address_list,
    "sender": addresses.parse_sender,
    "normalize_address": addresses.normalize_address,
    "decode_words": encoded.decode_words,
    "clean_text": lambda t: encoded.clean_text(t, 500),
    "fetch_reply": _fetch_reply,
    "html_to_text": html_to_text,
    "html_mail_text": _html_mail,
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_mail_parsers_hostile_2mb_token_linear_time(shape: str, baseline: float) -> None:
    token = SHAPES[shape]
    allowed = RATIO * baseline
    slow = {}
    for name, parse in PARSERS.items():
        spent = _seconds(lambda parse=parse: parse(token))  # type: ignore[misc]
        if spent > allowed:
            slow[name] = round(spent / allowed * RATIO, 1)
    assert {} == slow, f"times the baseline (allowed {RATIO})"


@pytest.mark.parametrize("shape", ["only_blanks", "nuls", "folded_lines"])
def test_alert_cleaners_hostile_2mb_token_linear_time(shape: str, baseline: float) -> None:
    token = SHAPES[shape]
    allowed = RATIO * baseline
    spent = _seconds(lambda: (alert_text.clean_line(token), alert_text.clean_text(token)))
    assert spent <= allowed


def test_header_to_match_ten_thousand_recipient_lines_linear_time() -> None:
    raw = "".join(f"To: Person {i} <p{i}@host{i}.example>\r\n" for i in range(10_000))
    raw += "From: jane@acme.com\r\nSubject: hi\r\n"
    allowed = RATIO * _baseline(raw)
    spent = _seconds(lambda: match(parse_headers(raw.encode() + b"\r\n", folder="INBOX",
                                                 uid=1, internal_date=NOW), INDEX))
    assert spent <= allowed


@pytest.mark.parametrize("unit", ["<a<b ", "<!--[if x]>", "<![CDATA[>", "<!--", "<a b='>"])
def test_html_to_text_hostile_markup_at_its_cap_linear_time(unit: str) -> None:
    # html_to_text reads at most MAX_HTML characters: timed over exactly that much, so
    # that a quadratic parse cannot hide behind the cap.
    html = (unit * (MAX_HTML // len(unit) + 1))[:MAX_HTML]
    allowed = RATIO * min(_baseline(html) for _ in range(3))
    spent = _seconds(lambda: html_to_text(html))
    assert spent <= allowed
