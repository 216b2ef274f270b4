"""Discovery's look at raw header bytes before parsing: the user's own mail is found
by an own address in From (not in To or Cc, which every received message carries),
a relay's or board's mail by its domain in From."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from replywatch.core.model import RawMessage
from replywatch.discovery import could_propose, propose_pending
from replywatch.mail.headers import parse_headers, peek_sender, raw_key
from replywatch.store import Store, mailstate
from tests import discover_mailbox
from tests.corpus import corpus_messages, header_part
from tests.mailfactory import count_parses

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

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


def _propose_all(tmp_path: Path, skip: bool, monkeypatch: pytest.MonkeyPatch
                 ) -> tuple[list[tuple[str, str]], list[int]]:
    """Propose from the whole labelled mailbox, headers only (no text will be read);
    return the proposals and the UIDs parsed."""
    from replywatch import discovery

    parsed = count_parses(monkeypatch, discovery)
    if not skip:
        monkeypatch.setattr(discovery, "sent_could_propose", lambda subject: True)
    store = Store.open(tmp_path / f"{skip}.db")
    labelled = discover_mailbox.mailbox()
    with store.tx():
        mailstate.save_messages(store, "mail", [
            RawMessage("Sent" if m.seen.sent_by_user else "INBOX", uid, NOW,
                       (discover_mailbox.DATA / m.file).read_bytes().split(b"\n\n")[0]
                       .split(b"\r\n\r\n")[0] + b"\r\n\r\n")
            for uid, m in enumerate(labelled, 1)], raw_key)
        made = propose_pending(store, {discover_mailbox.ME}, [], NOW, None)
    return sorted((p.proposal.company, p.proposal.source) for p in made), parsed


def test_propose_own_mail_skipped_by_its_subject_proposes_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # With no text to be read, the user's own mail whose subject says no application
    # is settled without a parse: the labelled mailbox gives the same proposals.
    skipped, parsed_skipping = _propose_all(tmp_path, True, monkeypatch)
    monkeypatch.undo()
    every, parsed_all = _propose_all(tmp_path, False, monkeypatch)
    assert (every, True) == (skipped, len(parsed_skipping) < len(parsed_all))
    assert any(source == "sent" for _, source in every)


def test_peek_sender_agrees_with_full_parse() -> None:
    corpus = [header_part(raw) for _, raw in corpus_messages()]
    corpus += [(discover_mailbox.DATA / m.file).read_bytes() for m in discover_mailbox.mailbox()]
    corpus += [b"From: =?utf-8?q?J=C3=B8rn?= <j@x.no>\r\nSubject: =?utf-8?q?S=C3=B8knad?=\r\n\r\n",
               b"From: \xe5se <a@b.no>\r\nSubject: \xf8l \r\n and more\r\n\r\n",
               b"Subject:\r\nFrom: <<<@@>\r\n\r\n", b""]
    differ = [raw[:80] for raw in corpus
              if peek_sender(raw) != ((m := parse_headers(raw, folder="I", uid=1,
                                                          internal_date=NOW)).from_addr,
                                      m.subject)]
    assert [] == differ


def _headers_with_senders() -> Any:
    """Raw headers whose From (and other fields) name relays, boards, their parents and
    subdomains, look-alikes, in any case, folded or not."""
    from hypothesis import strategies as st

    from replywatch.core.domains import ATS_RELAYS, JOB_BOARDS

    known = sorted(ATS_RELAYS | JOB_BOARDS)
    domain = st.one_of(
        st.sampled_from(known),
        st.builds(lambda sub, d: f"{sub}.{d}", st.sampled_from(["mail", "eu", "x-y"]),
                  st.sampled_from(known)),
        st.builds(lambda d: d.replace(".", "-", 1), st.sampled_from(known)),  # look-alike
        st.sampled_from(["gmail.com", "example.org", "acme.example", "n\xf8rd.no"]))
    address = st.builds(lambda local, d, upper: (f"{local}@{d.upper() if upper else d}"),
                        st.sampled_from(["jobs", "no-reply", "me"]), domain, st.booleans())
    field = st.builds(lambda name, a, fold: f"{name}: Someone{fold}<{a}>",
                      st.sampled_from(["From", "from", "To", "Cc", "Reply-To", "Subject"]),
                      address, st.sampled_from([" ", "\r\n ", "\r\n\t"]))
    return st.lists(field, min_size=1, max_size=5).map(
        lambda fields: ("\r\n".join(fields) + "\r\n\r\n").encode("utf-8"))


def test_from_mine_with_the_book_prefilter_covers_could_propose() -> None:
    # The triage tests the whole header against the book's prefilter, which knows
    # every relay and board, and From for the user's own addresses alone.
    from hypothesis import given, settings

    from replywatch.core.matching import Index
    from replywatch.discovery import from_mine

    mine = re.compile(re.escape(b"me@example.org"), re.IGNORECASE)
    empty_book = Index.build([], {"me@example.org"}).prefilter()

    @settings(max_examples=1500, deadline=None)
    @given(_headers_with_senders())
    def covers(header: bytes) -> None:
        if could_propose(header, mine):
            assert empty_book.could_match_sender(header) or from_mine(header, mine)

    covers()
    corpus = [header_part(raw) for _, raw in corpus_messages()]
    corpus += [(discover_mailbox.DATA / m.file).read_bytes() for m in discover_mailbox.mailbox()]
    missed = [h[:80] for h in corpus if could_propose(h, mine) and not (
        empty_book.could_match_sender(h) or from_mine(h, mine))]
    assert [] == missed
