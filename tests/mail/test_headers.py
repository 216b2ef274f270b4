"""Tests of mail/headers.py: raw header bytes -> Message, on clean, broken and real mail."""

from __future__ import annotations

import email
import random
import re
from datetime import UTC, datetime, timedelta, timezone
from email.policy import compat32
from email.utils import parseaddr, parsedate_to_datetime

import pytest
from tests.corpus import corpus_messages, header_part

from replywatch.core.model import Message
from replywatch.mail.addresses import _general_mailboxes, _simple_mailboxes
from replywatch.mail.headers import (
    HEADER_FIELDS,
    MAX_NAME,
    MAX_REFERENCES,
    MAX_SUBJECT,
    normalize_address,
    parse_address_list,
    parse_headers,
)

ARRIVED = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def parse(*lines: str | bytes) -> Message:
    """Parse header lines joined by CRLF and ended by a blank line, as IMAP sends them."""
    raw = b"".join((line.encode() if isinstance(line, str) else line) + b"\r\n" for line in lines)
    return parse_headers(raw + b"\r\n", folder="INBOX", uid=7, internal_date=ARRIVED)


def parse_raw(raw: bytes) -> Message:
    """Parse raw bytes as they are, into a message of folder INBOX, uid 1."""
    return parse_headers(raw, folder="INBOX", uid=1, internal_date=ARRIVED)


def parse_date(value: str) -> datetime | None:
    return parse(f"Date: {value}").date


# --- HEADER_FIELDS -----------------------------------------------------------------


def test_header_fields_required_names_all_present() -> None:
    required = {
        "From", "To", "Cc", "Reply-To", "Date", "Subject", "Message-ID", "In-Reply-To",
        "References", "List-Id", "List-Unsubscribe", "Auto-Submitted", "Precedence",
    }  # fmt: skip
    assert set() == required - set(HEADER_FIELDS)


def test_header_fields_auto_response_suppress_left_out() -> None:
    assert "x-auto-response-suppress" not in {name.lower() for name in HEADER_FIELDS}


# --- addresses ---------------------------------------------------------------------


def test_parse_headers_plain_from_sets_address_and_name() -> None:
    message = parse("From: Jane Doe <jane@example.com>")
    assert ("jane@example.com", "Jane Doe") == (message.from_addr, message.from_name)


def test_parse_headers_plus_addressed_uppercase_from_lowercased_tag_kept() -> None:
    assert "jane+jobs@example.com" == parse("From: <Jane+Jobs@Example.COM>").from_addr


def test_parse_headers_from_with_quoted_comma_name_one_address() -> None:
    message = parse('From: "Doe, Jane" <jane@example.com>')
    assert ("jane@example.com", "Doe, Jane") == (message.from_addr, message.from_name)


def test_parse_headers_from_with_comment_name_uses_comment() -> None:
    message = parse("From: jane@example.com (Jane Doe)")
    assert ("jane@example.com", "Jane Doe") == (message.from_addr, message.from_name)


def test_parse_headers_from_spoofed_name_address_in_brackets_wins() -> None:
    assert "bob@example.com" == parse("From: alice@example.com <bob@example.com>").from_addr


def test_parse_headers_missing_from_no_address_empty_name() -> None:
    message = parse("Subject: hello")
    assert (None, "") == (message.from_addr, message.from_name)


def test_parse_headers_garbled_from_no_address() -> None:
    assert parse("From: <<<@@>").from_addr is None


def test_parse_headers_from_without_address_keeps_name() -> None:
    message = parse("From: Jane Doe")
    assert (None, "Jane Doe") == (message.from_addr, message.from_name)


def test_parse_headers_from_first_address_of_several_used() -> None:
    assert "a@example.com" == parse("From: a@example.com, b@example.com").from_addr


def test_parse_headers_long_from_name_capped() -> None:
    assert MAX_NAME == len(parse(f"From: {'x' * 1000} <a@example.com>").from_name)


def test_parse_headers_from_name_control_characters_removed() -> None:
    assert "Jane Doe" == parse(b"From: Jane\x07 Doe\x1b <jane@example.com>").from_name


def test_parse_headers_folded_from_unfolded() -> None:
    message = parse("From: Jane", " Doe", "\t<jane@example.com>")
    assert ("jane@example.com", "Jane Doe") == (message.from_addr, message.from_name)


def test_parse_headers_to_and_cc_merged_in_order_without_duplicates() -> None:
    message = parse("To: A@x.com, b@x.com", "Cc: c@x.com, a@x.com")
    assert ("a@x.com", "b@x.com", "c@x.com") == message.to


def test_parse_headers_duplicate_to_headers_merged() -> None:
    assert ("a@x.com", "b@x.com") == parse("To: a@x.com", "To: b@x.com").to


def test_parse_headers_reply_to_listed() -> None:
    assert ("jobs@acme.com",) == parse("Reply-To: Acme Jobs <Jobs@Acme.com>").reply_to


def test_parse_headers_undisclosed_recipients_empty_to() -> None:
    assert () == parse("To: undisclosed-recipients:;").to


# --- encoded words -----------------------------------------------------------------


def test_parse_headers_utf8_encoded_subject_decoded() -> None:
    assert (
        "Søknad på stilling" == parse("Subject: =?UTF-8?B?U8O4a25hZCBww6Ugc3RpbGxpbmc=?=").subject
    )


def test_parse_headers_iso_8859_1_encoded_name_decoded() -> None:
    assert "Jörg Müller" == parse("From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <j@x.de>").from_name


def test_parse_headers_encoded_word_in_quotes_decoded() -> None:
    assert "Jörg" == parse('From: "=?utf-8?q?J=C3=B6rg?=" <j@x.de>').from_name


def test_parse_headers_unknown_charset_decoded_as_fallback() -> None:
    assert "Jörg" == parse("Subject: =?x-unknown?q?J=F6rg?=").subject


def test_parse_headers_non_text_codec_charset_decoded_as_fallback() -> None:
    assert "hello" == parse("Subject: =?zlib?q?hello?=").subject


def test_parse_headers_encoded_words_split_mid_character_joined() -> None:
    # "ø" is C3 B8 in UTF-8; a sloppy encoder put the two bytes in two words.
    assert "Bølgen" == parse("Subject: =?utf-8?q?B=C3?= =?utf-8?q?=B8lgen?=").subject


def test_parse_headers_blank_between_encoded_words_dropped() -> None:
    assert "ab" == parse("Subject: =?utf-8?q?a?=   =?utf-8?q?b?=").subject


def test_parse_headers_blank_between_encoded_and_plain_kept() -> None:
    assert "Re: Jörg" == parse("Subject: Re: =?utf-8?q?J=C3=B6rg?=").subject


def test_parse_headers_bad_base64_in_encoded_word_decoded_partly() -> None:
    assert "Hi" == parse("Subject: =?utf-8?b?SGk*!?=").subject


def test_parse_headers_invalid_bytes_in_encoded_word_replaced() -> None:
    assert "a\ufffdb" == parse("Subject: =?utf-8?q?a=FFb?=").subject


def test_parse_headers_raw_latin1_subject_decoded_as_windows_1252() -> None:
    # 0x80 is "€" in Windows-1252 but a control character in ISO-8859-1.
    assert "Lønn: 500 €" == parse("Subject: Lønn: 500 €".encode("cp1252")).subject


def test_parse_headers_raw_utf8_subject_kept() -> None:
    assert "Søknad" == parse("Subject: Søknad".encode()).subject


# --- subject -----------------------------------------------------------------------


def test_parse_headers_folded_subject_one_space_per_fold() -> None:
    assert "Your application to Acme" == parse("Subject: Your application", "  to Acme").subject


def test_parse_headers_subject_control_characters_removed() -> None:
    assert "Hello world" == parse("Subject: Hel\x00lo\x7f \x1bworld\x9b".encode()).subject


def test_parse_headers_long_subject_capped() -> None:
    assert MAX_SUBJECT == len(parse(f"Subject: {'x' * 5000}").subject)


def test_parse_headers_duplicate_subject_first_wins() -> None:
    assert "first" == parse("Subject: first", "Subject: second").subject


def test_parse_headers_blank_subject_then_real_one_real_one_used() -> None:
    assert "real" == parse("Subject:   ", "Subject: real").subject


# --- ids ---------------------------------------------------------------------------


def test_parse_headers_message_id_brackets_and_blanks_stripped() -> None:
    assert (
        "abc.123@mail.example.com" == parse("Message-ID:  <abc.123@mail.example.com> ").message_id
    )


def test_parse_headers_folded_message_id_inner_blanks_removed() -> None:
    assert (
        "abc.123@mail.example.com"
        == parse("Message-ID: <abc.123@", " mail.example.com>").message_id
    )


def test_parse_headers_message_id_without_brackets_taken_as_written() -> None:
    assert "abc@example.com" == parse("Message-ID: abc@example.com").message_id


def test_parse_headers_no_message_id_none() -> None:
    assert parse("Subject: hi").message_id is None


def test_parse_headers_empty_message_id_brackets_none() -> None:
    assert parse("Message-ID: <>").message_id is None


def test_parse_headers_in_reply_to_ids_without_brackets() -> None:
    assert ("a@x", "b@x") == parse("In-Reply-To: <a@x> <b@x>").in_reply_to


def test_parse_headers_in_reply_to_with_comment_id_kept() -> None:
    assert ("a@x",) == parse('In-Reply-To: <a@x> (from "Jane" on Tue)').in_reply_to


def test_parse_headers_references_repeated_id_kept_at_last_place() -> None:
    assert ("b@x", "a@x", "c@x") == parse("References: <a@x> <b@x>", " <a@x> <c@x>").references


def test_parse_headers_references_without_brackets_split_on_blanks() -> None:
    assert ("a@x", "b@x") == parse("References: a@x, b@x").references


def test_parse_headers_one_megabyte_references_last_100_kept() -> None:
    ids = [f"<{i:07d}.thread@mail.example.com>" for i in range(32_000)]
    raw = ("References: " + "\r\n ".join(ids) + "\r\n\r\n").encode()
    assert len(raw) > 1_000_000
    message = parse_raw(raw)
    expected = tuple(i.strip("<>") for i in ids[-MAX_REFERENCES:])
    assert expected == message.references


def test_parse_headers_references_with_repeats_last_100_distinct_kept() -> None:
    ids = [f"<{i}@x>" for i in range(150)] * 2000  # 300,000 ids, 150 distinct
    message = parse("References: " + " ".join(ids))
    assert tuple(f"{i}@x" for i in range(50, 150)) == message.references


# --- Date --------------------------------------------------------------------------


def test_parse_headers_rfc2822_date_converted_to_utc() -> None:
    assert datetime(2007, 3, 24, 21, 0, tzinfo=UTC) == parse_date("Sat, 24 Mar 2007 23:00:00 +0200")


def test_parse_headers_missing_date_none() -> None:
    assert parse("Subject: hi").date is None


def test_parse_headers_garbage_date_none() -> None:
    assert parse_date("next Tuesday, probably") is None


def test_parse_headers_minus_zero_zone_date_taken_as_utc() -> None:
    assert datetime(2007, 3, 24, 23, 0, tzinfo=UTC) == parse_date("Sat, 24 Mar 2007 23:00:00 -0000")


def test_parse_headers_obsolete_est_zone_date_converted() -> None:
    assert datetime(2007, 3, 25, 4, 0, tzinfo=UTC) == parse_date("Sat, 24 Mar 2007 23:00:00 EST")


def test_parse_headers_unknown_zone_name_date_taken_as_utc() -> None:
    assert datetime(2023, 6, 5, 10, 0, tzinfo=UTC) == parse_date("Mon, 5 Jun 2023 10:00:00 CET")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 1 Jan 2019 10:00:00 -0800 (PST)", datetime(2019, 1, 1, 18, 0, tzinfo=UTC)),
        ("1 Jan 2019 10:00 +0100", datetime(2019, 1, 1, 9, 0, tzinfo=UTC)),
        ("Tue,  1 Jan 19 10:00:00 GMT", datetime(2019, 1, 1, 10, 0, tzinfo=UTC)),
        ("Monday, 01-Jan-19 10:00:00 GMT", datetime(2019, 1, 1, 10, 0, tzinfo=UTC)),
        ("2019-01-01T10:00:00+02:00", datetime(2019, 1, 1, 8, 0, tzinfo=UTC)),
        ("tue, 1 JAN 2019 10:00:00 +0530", datetime(2019, 1, 1, 4, 30, tzinfo=UTC)),
    ],
)
def test_parse_headers_odd_date_formats_read(value: str, expected: datetime) -> None:
    assert expected == parse_date(value)


@pytest.mark.parametrize(
    "value",
    ["Mon, 5 Jun 2023 10:00:00 +9999", "Mon, 30 Feb 2023 10:00:00 +0000",
     "Mon, 5 Jun 99999 10:00:00 +0000", "Mon, 5 Jun 2023 25:00:00 +0000", "1 2 3 4 5"],
)  # fmt: skip
def test_parse_headers_impossible_date_none(value: str) -> None:
    assert parse_date(value) is None


def test_parse_headers_folded_date_read() -> None:
    date = parse("Date: Sat, 24 Mar 2007", "  23:00:00 +0200").date
    assert datetime(2007, 3, 24, 21, 0, tzinfo=UTC) == date


# --- auto-replies and bulk ---------------------------------------------------------


def test_parse_headers_auto_submitted_auto_replied_auto_reply() -> None:
    message = parse("Auto-Submitted: auto-replied")
    assert (True, "auto-replied") == (message.auto_reply, message.auto_submitted)


def test_parse_headers_auto_submitted_no_not_auto_reply() -> None:
    message = parse("Auto-Submitted: No")
    assert (False, "no") == (message.auto_reply, message.auto_submitted)


def test_parse_headers_ordinary_mail_not_auto_reply() -> None:
    message = parse("From: jane@acme.com", "Subject: Interview on Tuesday?")
    assert (False, None, None) == (message.auto_reply, message.auto_submitted, message.precedence)


def test_parse_headers_auto_submitted_parameters_dropped() -> None:
    assert "auto-replied" == parse('Auto-Submitted: Auto-Replied; owner-email="x@y"').auto_submitted


def test_parse_headers_blank_auto_submitted_not_auto_reply() -> None:
    message = parse("Auto-Submitted:  ")
    assert (False, None) == (message.auto_reply, message.auto_submitted)


def test_parse_headers_x_autoreply_yes_auto_reply() -> None:
    assert parse("X-Autoreply: yes").auto_reply


def test_parse_headers_x_autoreply_no_not_auto_reply() -> None:
    assert not parse("X-Autoreply: no").auto_reply


def test_parse_headers_x_autorespond_auto_reply() -> None:
    assert parse("X-Autorespond: Out of office").auto_reply


def test_parse_headers_precedence_auto_reply_auto_reply() -> None:
    assert parse("Precedence: auto_reply").auto_reply


def test_parse_headers_x_auto_response_suppress_not_auto_reply() -> None:
    assert not parse("X-Auto-Response-Suppress: All").auto_reply


def test_parse_headers_precedence_bulk_lowercased_not_auto_reply() -> None:
    message = parse("Precedence: Bulk")
    assert ("bulk", False) == (message.precedence, message.auto_reply)


def test_parse_headers_list_id_id_kept() -> None:
    assert "news.acme.com" == parse('List-Id: "Acme News" <news.acme.com>').list_id


def test_parse_headers_list_id_without_brackets_text_kept() -> None:
    assert "news.acme.com" == parse("List-Id: news.acme.com").list_id


def test_parse_headers_list_unsubscribe_present_true() -> None:
    assert parse("List-Unsubscribe: <mailto:unsub@acme.com>").list_unsubscribe


def test_parse_headers_no_list_headers_not_bulk() -> None:
    message = parse("Subject: hi")
    assert (None, False) == (message.list_id, message.list_unsubscribe)


# --- framing -----------------------------------------------------------------------


def test_parse_headers_lf_line_endings_same_as_crlf() -> None:
    lines = ["From: Jane <jane@x.com>", "Subject: a", " b", "Message-ID: <m@x>"]
    lf = parse_raw(("\n".join(lines) + "\n\n").encode())
    assert parse_raw(("\r\n".join(lines) + "\r\n\r\n").encode()) == lf


def test_parse_headers_field_names_any_case_read() -> None:
    assert "x@y.z" == parse("FROM: x@y.z").from_addr


def test_parse_headers_blank_before_colon_read() -> None:
    assert "hi" == parse("Subject : hi").subject


def test_parse_headers_full_message_body_ignored() -> None:
    raw = b"Subject: real\r\n\r\nSubject: in the body\r\nFrom: evil@x.com\r\n"
    message = parse_raw(raw)
    assert ("real", None) == (message.subject, message.from_addr)


def test_parse_headers_mbox_from_line_ignored() -> None:
    raw = b"From jane@x.com  Fri Feb 22 17:06:23 2008\nFrom: a@b.c\n\nbody\n"
    assert "a@b.c" == parse_raw(raw).from_addr


def test_parse_headers_empty_input_defaults() -> None:
    expected = Message(folder="INBOX", uid=1, internal_date=ARRIVED)
    assert expected == parse_raw(b"")


def test_parse_headers_other_fields_ignored() -> None:
    assert "" == parse("X-Subject: no", "Subjectline: no").subject


def test_parse_headers_gmail_ids_and_place_kept() -> None:
    message = parse_headers(b"", folder="Gm", uid=9, internal_date=ARRIVED, gm_msgid=1, gm_thrid=2)
    assert ("Gm", 9, 1, 2) == (message.folder, message.uid, message.gm_msgid, message.gm_thrid)


def test_parse_headers_aware_internal_date_converted_to_utc() -> None:
    oslo = datetime(2024, 5, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    message = parse_headers(b"", folder="INBOX", uid=1, internal_date=oslo)
    assert (ARRIVED, UTC) == (message.internal_date, message.internal_date.tzinfo)


# --- normalize_address and parse_address_list --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane.Doe@Example.COM", "jane.doe@example.com"),
        (" <jane@example.com> ", "jane@example.com"),
        ("mailto:Jane@example.com", "jane@example.com"),
        ("jane@example.com.", "jane@example.com"),
        ("jane+jobs@example.com", "jane+jobs@example.com"),
        ('"jane doe"@example.com', '"jane doe"@example.com'),
        ("jane@[192.0.2.1]", "jane@[192.0.2.1]"),
    ],
)
def test_normalize_address_valid_forms_normalised(text: str, expected: str) -> None:
    assert expected == normalize_address(text)


@pytest.mark.parametrize(
    "text",
    ["", "jane", "@example.com", "jane@", "@@", "<<<@@>", "jane doe@example.com",
     "jane@exa mple.com", "a@b@c", "jane\x00@example.com", "x" * 400 + "@example.com"],
)  # fmt: skip
def test_normalize_address_invalid_forms_none(text: str) -> None:
    assert normalize_address(text) is None


def test_parse_address_list_mixed_list_pairs_in_order() -> None:
    text = 'Jane <Jane@X.com>, "Doe, John" <john@x.com>, bob@x.com (Bob)'
    expected = [("Jane", "jane@x.com"), ("Doe, John", "john@x.com"), ("Bob", "bob@x.com")]
    assert expected == parse_address_list(text)


def test_parse_address_list_group_flattened() -> None:
    expected = [("", "a@x.com"), ("", "b@x.com"), ("", "c@x.com")]
    assert expected == parse_address_list("Team: a@x.com, b@x.com;, c@x.com")


def test_parse_address_list_unquoted_colon_in_name_kept() -> None:
    expected = [("Acme: Hiring Team", "jobs@acme.com")]
    assert expected == parse_address_list("Acme: Hiring Team <jobs@acme.com>")


def test_parse_address_list_route_and_mailto_in_brackets_dropped() -> None:
    expected = [("", "a@x.com"), ("", "b@x.com")]
    assert expected == parse_address_list("<@relay.x.com:a@x.com>, <mailto:b@x.com>")


def test_parse_address_list_nested_comment_one_name() -> None:
    assert [("Jane (HR) Doe", "jane@x.com")] == parse_address_list("jane@x.com (Jane (HR) Doe)")


def test_parse_address_list_encoded_word_with_raw_comma_one_name() -> None:
    assert [("Doe, Jane", "j@x.com")] == parse_address_list("=?utf-8?q?Doe, Jane?= <j@x.com>")


def test_parse_address_list_unterminated_quote_runs_to_end_no_address() -> None:
    assert [] == parse_address_list('"Jane <j@x.com>, bob@x.com')


def test_parse_address_list_two_bare_addresses_without_comma_first_kept() -> None:
    assert ["a@x.com"] == [address for _, address in parse_address_list("a@x.com b@x.com")]


def test_parse_address_list_comments_inside_brackets_dropped() -> None:
    assert [("", "user@x.org")] == parse_address_list("<user (c)@ (c) x.org>")


def test_parse_address_list_blanks_around_at_dropped() -> None:
    assert [("Jane", "jane@x.org")] == parse_address_list("Jane jane @ x.org")


def test_parse_address_list_missing_closing_bracket_address_kept() -> None:
    assert [("Jane", "jane@x.com")] == parse_address_list("Jane <jane@x.com")


@pytest.mark.parametrize("text", ["(" * 5000, ":" * 5000, "<" * 5000, '"' * 5001, "\\" * 5000])
def test_parse_address_list_deep_nesting_empty_without_recursion(text: str) -> None:
    # email.utils.getaddresses raises RecursionError on the first two.
    assert [] == parse_address_list(text)


def test_parse_address_list_simple_and_general_parsers_agree() -> None:
    values = [
        "a@b.c", " Jane Doe <jane@x.com> ", '"Doe, Jane" <jane@x.com>', "a@b.c, d@e.f",
        "a@b.c,, <d@e.f>,", "=?utf-8?q?J=C3=B6rg?= <j@x.de>", "<JANE@X.COM>",
        "alice@example.com <bob@example.com>", "Jane\t<jane@x.com>", "a@b@c", "<a@b>>",
    ]  # fmt: skip
    values += [value for fields in _corpus_address_values() for value in fields]
    disagreements = [
        value
        for value in values
        if (simple := _simple_mailboxes(value)) is not None and simple != _general_mailboxes(value)
    ]
    assert [] == disagreements


# --- robustness --------------------------------------------------------------------


def test_parse_headers_random_mutations_never_raise_and_keep_invariants() -> None:
    rng = random.Random(20240501)
    seed = (
        b'From: =?utf-8?q?J=C3=B6rg?= <jorg@x.de>\r\nTo: a@b.c, "D, J" <d@e.f>\r\n'
        b"Subject: =?iso-8859-1?b?SGVq?= Re: x\r\nDate: Sat, 24 Mar 2007 23:00:00 +0200\r\n"
        b"Message-ID: <a@b>\r\nReferences: <a@b>\r\n <c@d>\r\nList-Id: <l.x>\r\n"
        b"Auto-Submitted: no\r\n\r\n"
    )
    junk = [b"=?", b"?=", b"<", b">", b'"', b"(", b")", b"\\", b":", b";", b",", b"@", b"\r\n",
            b"\r\n ", b"\n", b"\x00", b"\xff", b"\xc3", b"=?utf-7?b?", b"=?zlib?q?"]  # fmt: skip
    for _ in range(3000):
        raw = bytearray(seed)
        for _ in range(rng.randrange(1, 8)):
            at = rng.randrange(len(raw) + 1)
            if rng.random() < 0.5:
                raw[at:at] = rng.choice(junk) * rng.randrange(1, 4)
            else:
                del raw[at : at + rng.randrange(1, 6)]
        message = parse_raw(bytes(raw))
        assert len(message.subject) <= MAX_SUBJECT
        assert not _CONTROL_RE.search(message.subject + message.from_name)
        assert message.date is None or message.date.tzinfo is UTC
        assert message.from_addr is None or "@" in message.from_addr


# --- the corpora of real and broken mail -------------------------------------------


def _corpus_address_values() -> list[list[str]]:
    return [
        [str(value) for name in ("from", "to", "cc") for value in msg.get_all(name, [])]
        for msg in (
            email.message_from_bytes(header_part(raw), policy=compat32)
            for _, raw in corpus_messages()
        )
    ]


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, bytes]]:
    return corpus_messages()


def test_parse_headers_every_corpus_header_never_raises(corpus: list[tuple[str, bytes]]) -> None:
    # The speed of this is bench/headers.py's business; here: no exception, a Message.
    parsed = [parse_raw(header_part(raw)) for _, raw in corpus]
    assert len(corpus) == len(parsed)


def test_parse_headers_every_corpus_full_message_same_asheader_part(
    corpus: list[tuple[str, bytes]],
) -> None:
    different = [name for name, raw in corpus if parse_raw(raw) != parse_raw(header_part(raw))]
    assert [] == different


# "alice@example.com <bob@example.com>": the stdlib takes the display name for the
# address; every mail client (and this parser) takes the one in brackets, which is where
# the mail came from and where a reply goes.
_SPOOFED_NAME_FROM = {"mail_test_15": "do-not-reply@ncs.gov.ng", "mail_test_19": "bob@example.com"}


def test_parse_headers_corpus_parseable_from_same_address_as_stdlib(
    corpus: list[tuple[str, bytes]],
) -> None:
    mismatches = []
    for name, raw in corpus:
        value = email.message_from_bytes(header_part(raw), policy=compat32).get("from")
        expected = normalize_address(parseaddr(str(value))[1]) if value is not None else None
        expected = _SPOOFED_NAME_FROM.get(name, expected)
        if expected is None:
            continue  # no From, or one that the stdlib cannot read either
        actual = parse_raw(header_part(raw)).from_addr
        if actual != expected or "@" not in actual:
            mismatches.append((name, str(value), actual))
    assert [] == mismatches


def test_parse_headers_corpus_dates_same_as_stdlib(corpus: list[tuple[str, bytes]]) -> None:
    mismatches = []
    for name, raw in corpus:
        value = email.message_from_bytes(header_part(raw), policy=compat32).get("date")
        try:
            expected = parsedate_to_datetime(str(value))
        except (TypeError, ValueError):
            continue
        expected = (expected if expected.tzinfo else expected.replace(tzinfo=UTC)).astimezone(UTC)
        actual = parse_raw(header_part(raw)).date
        if actual != expected:
            mismatches.append((name, str(value), actual))
    assert [] == mismatches


def test_raw_key_of_gmail_mail_reads_no_message_id(monkeypatch: pytest.MonkeyPatch) -> None:
    from replywatch.core.model import RawMessage
    from replywatch.mail import headers

    peeked: list[bytes] = []
    real = headers.peek_message_id

    def peek(raw: bytes) -> str | None:
        peeked.append(raw)
        return real(raw)

    monkeypatch.setattr(headers, "peek_message_id", peek)
    header = b"Message-ID: <a@x.example>\r\nFrom: a@x.example\r\n\r\n"
    when = datetime(2026, 1, 1, tzinfo=UTC)
    assert headers.raw_key(RawMessage("[Gmail]/All Mail", 7, when, header, 1234, 99)) == "gm:1234"
    assert peeked == []
    assert headers.raw_key(RawMessage("INBOX", 7, when, header)) == "mid:a@x.example"
    assert peeked == [header]
