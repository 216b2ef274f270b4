"""core.rawfields finds exactly what a ``^name`` MULTILINE, IGNORECASE pattern finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from replywatch.core.rawfields import Fields

NAMES = rb"in-reply-to|references"
# The pattern Fields replaces: the meaning to keep.
OLD = re.compile(rb"^(?:" + NAMES + rb")[ \t]*:(.*(?:\r?\n[ \t].*)*)",
                 re.MULTILINE | re.IGNORECASE)
PIECES = [b"References", b"references", b"IN-REPLY-TO", b"In-Reply-To", b"X-References",
          b"From", b":", b" : ", b" ", b"\t", b"\r\n", b"\n", b"\r", b"<a@b>", b"x",
          b"\xc3\xa6", b"Subject: re: references: <c@d>"]


@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_rawfields_same_values_as_multiline_pattern(pieces: list[bytes]) -> None:
    header = b"".join(pieces)
    fields = Fields(NAMES)
    assert OLD.findall(header) == fields.values(header)


def test_rawfields_first_field_and_folded_value() -> None:
    header = b"References: <a@b>\r\n <c@d>\r\nSubject: x\r\nin-reply-to :<e@f>\r\n\r\n"
    assert [b" <a@b>\r\n <c@d>\r", b"<e@f>\r"] == Fields(NAMES).values(header)  # CR kept


def test_rawfields_name_inside_another_is_not_a_field() -> None:
    header = b"X-References: <a@b>\r\nSubject: see references: <c@d>\r\n"
    assert [] == Fields(NAMES).values(header)
