"""Discovery's look at raw header bytes: the user's own mail is found by an own
address in From, not in To or Cc, which every received message carries."""

from __future__ import annotations

import re

from replywatch.discovery import from_names

MINE = re.compile(re.escape(b"me@example.org"), re.IGNORECASE)


def test_from_names_own_address_in_from_true() -> None:
    header = b"From: Alex Doe <me@example.org>\r\nTo: jobs@northwind.example\r\n\r\n"
    assert True is from_names(header, MINE)


def test_from_names_own_address_only_in_to_and_cc_false() -> None:
    header = (b"From: Sara <sara@gmail.com>\r\nTo: Alex <me@example.org>\r\n"
              b"Cc: ME@EXAMPLE.ORG\r\nSubject: from me@example.org\r\n\r\n")
    assert False is from_names(header, MINE)


def test_from_names_address_on_a_continuation_line_true() -> None:
    header = b"To: x@y.example\r\nfrom :\r\n \"Alex Doe\"\r\n\t<Me@Example.org>\r\n\r\n"
    assert True is from_names(header, MINE)


def test_from_names_field_name_inside_another_field_false() -> None:
    header = b"Subject: Fwd: From: me@example.org\r\nX-From: me@example.org\r\n\r\n"
    assert False is from_names(header, MINE)
