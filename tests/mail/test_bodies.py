"""Choosing and decoding the text of a message, and reading its calendar invite."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime, timedelta

import pytest

from replywatch.mail.bodies import PART_CAP, Part, choose_parts, decode_part
from replywatch.mail.calendar import read_invite


def text(subtype: str, encoding: str = "7bit", charset: str = "utf-8",
         disposition: object = None) -> tuple[object, ...]:
    """A text part as imapclient gives BODYSTRUCTURE: type, subtype, params ... lines, ext."""
    return (b"text", subtype.encode(), (b"charset", charset.encode()), None, None,
            encoding.encode(), 100, 4, None, disposition, None, None)


def multi(subtype: str, *parts: object) -> tuple[object, ...]:
    return (list(parts), subtype.encode(), (b"boundary", b"b"), None, None, None)


def test_choose_parts_single_plain_is_section_1() -> None:
    assert (Part("1", "plain", "8bit", "iso-8859-1"), None, ()) == tuple(
        vars(choose_parts(text("plain", "8bit", "iso-8859-1"))).values())


def test_choose_parts_names_the_attachments_by_disposition_or_type_parameter() -> None:
    pdf = ("application", "pdf", ("name", "cover.pdf"), None, None, "base64", 900, None,
           ("attachment", ("filename", "Alex_CV.pdf")))
    odt = ("application", "vnd.oasis.opendocument.text", ("name", "Soknad.odt"), None, None,
           "base64", 900)
    chosen = choose_parts(multi("mixed", text("plain"), pdf, odt))
    assert ("1", ("alex_cv.pdf", "soknad.odt")) == (
        chosen.text.section if chosen.text else None, chosen.attachments)


def test_choose_parts_alternative_prefers_plain_over_html() -> None:
    chosen = choose_parts(multi("alternative", text("html", "base64"), text("plain")))
    assert ("2", "plain") == (chosen.text.section, chosen.text.subtype)  # type: ignore[union-attr]


def test_choose_parts_html_only_in_mixed_with_calendar_and_attachment() -> None:
    structure = multi(
        "mixed",
        multi("related", text("html", "quoted-printable")),
        text("plain", disposition=(b"attachment", (b"filename", b"cv.txt"))),
        text("calendar"),
    )
    chosen = choose_parts(structure)
    assert (("1.1", "html"), ("3", "calendar")) == (
        (chosen.text.section, chosen.text.subtype),  # type: ignore[union-attr]
        (chosen.calendar.section, chosen.calendar.subtype))  # type: ignore[union-attr]


def test_choose_parts_deep_nesting_and_junk_give_nothing_without_error() -> None:
    deep: object = text("plain")
    for _ in range(1000):
        deep = multi("mixed", deep)
    assert (None, None, None) == (choose_parts(deep).text, choose_parts(None).text,
                                  choose_parts((b"x",)).text)


@pytest.mark.parametrize(
    ("part", "data", "expected"),
    [
        (Part("1", "plain", "base64", "utf-8"),
         base64.b64encode(b"Vi beklager, stillingen er besatt.")[:-3],
         "Vi beklager, stillingen er besatt"),
        (Part("1", "plain", "quoted-printable", "utf-8"), b"Gr=C3=BC=C3=9Fe aus K=C3=B6ln =C3",
         "Grüße aus Köln "),
        (Part("1", "plain", "8bit", "iso-8859-1"), "Søknad mottatt".encode("latin-1"),
         "Søknad mottatt"),
        (Part("1", "plain", "8bit", "x-unknown"), "Søknad".encode("cp1252"), "Søknad"),
        (Part("1", "html", "7bit", "utf-8"),
         b"<html><style>p{}</style><body><p>We received<br>your application</p></body>",
         "We received\nyour application"),
    ],
)
def test_decode_part_undoes_encoding_and_charset_even_when_cut(
        part: Part, data: bytes, expected: str) -> None:
    assert expected == decode_part(part, data).rstrip("\ufffd")


def test_decode_part_never_reads_past_the_cap() -> None:
    data = b"a" * (PART_CAP + 10)
    assert PART_CAP == len(decode_part(Part("1", "plain", "7bit", ""), data))


def test_decode_part_time_is_linear_in_hostile_html() -> None:
    hostile = b"<" * PART_CAP
    start = time.perf_counter()
    decode_part(Part("1", "html", "7bit", ""), hostile)
    hostile_time = time.perf_counter() - start
    start = time.perf_counter()
    decode_part(Part("1", "html", "7bit", ""), b"<p>x</p>" * (PART_CAP // 8))
    plain_time = time.perf_counter() - start
    assert hostile_time < 20 * plain_time + 0.05


START = datetime(2026, 12, 1, 13, 0, tzinfo=UTC)


def ics(*lines: str, method: str = "REQUEST") -> str:
    return "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", f"METHOD:{method}", "BEGIN:VEVENT",
                        "UID:abc@cal", *lines, "END:VEVENT", "END:VCALENDAR", ""])


def test_read_invite_zoned_start_end_and_people() -> None:
    invite = read_invite(ics("DTSTART;TZID=Europe/Oslo:20261201T140000",
                             "DTEND;TZID=Europe/Oslo:20261201T144500",
                             "ORGANIZER;CN=Sam:mailto:Sam@Northwind.io",
                             "ATTENDEE:mailto:alex@example.org"))
    assert ("abc@cal", START, START + timedelta(minutes=45),
            ("sam@northwind.io", "alex@example.org"), False) == (
        invite.uid, invite.start, invite.end, invite.attendees,  # type: ignore[union-attr]
        invite.cancelled)  # type: ignore[union-attr]


def test_read_invite_duration_and_cancel() -> None:
    invite = read_invite(ics("DTSTART:20261201T130000Z", "DURATION:PT30M", method="CANCEL"))
    assert (START + timedelta(minutes=30), True) == (invite.end, invite.cancelled)  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["", "not a calendar", ics("DTSTART;VALUE=DATE:20261201"),
                                  ics("SUMMARY:no start"), "BEGIN:VCALENDAR\r\n" * 5000])
def test_read_invite_broken_or_all_day_gives_none(text: str) -> None:
    assert None is read_invite(text)
