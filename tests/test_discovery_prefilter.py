"""Discovery's look at raw header bytes before parsing: the user's own mail is found
by an own address in From (not in To or Cc, which every received message carries),
a relay's or board's mail by its domain in From."""

from __future__ import annotations

import re

from replywatch.discovery import could_propose
from tests import discover_mailbox

MINE = re.compile(re.escape(b"me@example.org"), re.IGNORECASE)


def test_could_propose_own_address_in_from_true() -> None:
    header = b"From: Alex Doe <me@example.org>\r\nTo: jobs@northwind.example\r\n\r\n"
    assert True is could_propose(header, MINE)


def test_could_propose_own_address_only_in_to_and_cc_false() -> None:
    header = (b"From: Sara <sara@gmail.com>\r\nTo: Alex <me@example.org>\r\n"
              b"Cc: ME@EXAMPLE.ORG\r\nSubject: from me@example.org\r\n\r\n")
    assert False is could_propose(header, MINE)


def test_could_propose_own_address_on_a_continuation_line_true() -> None:
    header = b"To: x@y.example\r\nfrom :\r\n \"Alex Doe\"\r\n\t<Me@Example.org>\r\n\r\n"
    assert True is could_propose(header, MINE)


def test_could_propose_field_name_inside_another_field_false() -> None:
    header = b"Subject: Fwd: From: me@example.org\r\nX-From: me@example.org\r\n\r\n"
    assert False is could_propose(header, MINE)


def test_could_propose_relay_subdomain_in_from_true() -> None:
    header = b"From: Acme Hiring <no-reply@Acme.Teamtailor-Mail.com>\r\nTo: me@example.org\r\n\r\n"
    assert True is could_propose(header, None)


def test_could_propose_board_domain_outside_from_false() -> None:
    header = (b"From: Sara <sara@gmail.com>\r\nTo: me@example.org\r\n"
              b"List-Unsubscribe: <https://www.linkedin.com/u>, <mailto:u@linkedin.com>\r\n\r\n")
    assert False is could_propose(header, MINE)


def test_could_propose_every_labelled_application_passes() -> None:
    # The labelled mailbox of real-looking receipts and own applications: a message
    # the prefilter dropped would never be proposed.
    mine = re.compile(re.escape(discover_mailbox.ME.encode()), re.IGNORECASE)
    wanted = [m for m in discover_mailbox.mailbox() if m.company]
    dropped = [m.file for m in wanted
               if not could_propose((discover_mailbox.DATA / m.file).read_bytes(), mine)]
    assert len(wanted) > 50
    assert [] == dropped
