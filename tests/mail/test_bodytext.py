"""body_text() and mail_text(): the start of the first text part, from any raw message."""

from __future__ import annotations

import base64
import time

import pytest
from tests.corpus import corpus_messages

from replywatch.core.classify import classify
from replywatch.core.kinds import Kind
from replywatch.mail.bodytext import MAX_TEXT, body_text, mail_text


def test_body_text_plain_part_read() -> None:
    raw = b"From: a@b.no\nSubject: x\nContent-Type: text/plain\n\nHello there.\n"
    assert "Hello there.\n" == body_text(raw).text


def test_body_text_plain_preferred_over_html() -> None:
    raw = (b"Content-Type: multipart/alternative; boundary=XX\n\n--XX\nContent-Type: text/html\n\n"
           b"<p>html</p>\n--XX\nContent-Type: text/plain\n\nplain\n--XX--\n")
    assert "plain" == body_text(raw).text.strip()


def test_body_text_html_only_reduced_to_text() -> None:
    raw = (b"Content-Type: text/html; charset=utf-8\n\n<html><style>p{}</style>"
           b"<p>Vi har mottatt</p><p>s\xc3\xb8knaden</p></html>")
    assert "Vi har mottatt\n\nsøknaden" == body_text(raw).text


def test_body_text_base64_latin1_decoded() -> None:
    payload = base64.encodebytes("Takk for søknaden".encode("iso-8859-1"))
    raw = (b"Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\n"
           + payload)
    assert "Takk for søknaden" == body_text(raw).text.strip()


def test_body_text_quoted_printable_decoded() -> None:
    raw = (b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable"
           b"\n\nVielen Dank f=C3=BCr Ihre Bewerbung=\n und Ihr Interesse\n")
    assert "Vielen Dank für Ihre Bewerbung und Ihr Interesse" == body_text(raw).text.strip()


def test_body_text_unknown_charset_falls_back() -> None:
    raw = b"Content-Type: text/plain; charset=x-nonsense\n\nS\xf8knad\n"
    assert "Søknad" == body_text(raw).text.strip()


def test_body_text_attachment_skipped() -> None:
    raw = (b"Content-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n"
           b"Content-Disposition: attachment; filename=cv.txt\n\nmy cv\n--B\n"
           b"Content-Type: text/plain\n\nthe message\n--B--\n")
    assert "the message" == body_text(raw).text.strip()


def test_body_text_calendar_part_returned() -> None:
    raw = (b"Content-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n\n"
           b"Invite\n--B\nContent-Type: text/calendar; method=REQUEST\n\nBEGIN:VCALENDAR\n"
           b"END:VCALENDAR\n--B--\n")
    assert b"BEGIN:VCALENDAR\nEND:VCALENDAR" == body_text(raw).calendar


def test_body_text_output_capped() -> None:
    raw = b"Content-Type: text/plain\n\n" + b"word " * 20_000
    assert MAX_TEXT == len(body_text(raw).text)


def test_body_text_missing_boundary_does_not_raise() -> None:
    raw = b"Content-Type: multipart/mixed\n\n--\nContent-Type: text/plain\n\nx"
    assert isinstance(body_text(raw).text, str)


def test_body_text_deep_nesting_is_cut_quickly() -> None:
    raw = b"Content-Type: multipart/mixed; boundary=b0\n\n"
    for i in range(1, 5000):
        raw += b"--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n" % (i - 1, i)
    started = time.perf_counter()
    body_text(raw)
    # The email package alone spends ~0.7 s here and raises RecursionError; bounded
    # boundaries keep it to a few milliseconds. Generous: a busy CI machine.
    assert time.perf_counter() - started < 0.3


@pytest.mark.parametrize("raw", [b"", b"\r\n\r\n", b"Content-Type: text/plain; charset=\"",
                                 b"Content-Type: multipart/alternative; boundary=\"\"\n\n--\n",
                                 b"Content-Transfer-Encoding: base64\n\n====!!", b"\xff\xfe\x00"])
def test_body_text_malformed_mime_does_not_raise(raw: bytes) -> None:
    assert isinstance(body_text(raw).text, str)


def test_body_text_every_corpus_message_does_not_raise() -> None:
    messages = corpus_messages()
    texts = [body_text(raw).text for _, raw in messages]
    assert len(messages) == len(texts)


def test_classify_every_corpus_message_gets_a_kind() -> None:
    messages = corpus_messages()
    kinds = [classify(mail_text(raw)).kind for _, raw in messages]
    assert set(kinds) <= set(Kind)


def test_mail_text_from_and_subject_from_headers() -> None:
    raw = (b"From: =?utf-8?q?Havbris_AS?= <noreply@webcruiter.no>\nSubject: =?utf-8?b?"
           + base64.b64encode("Søknad mottatt".encode()) + b"?=\n\nTakk\n")
    text = mail_text(raw)
    assert ("noreply@webcruiter.no", "Havbris AS", "Søknad mottatt", "Takk\n", True) == (
        text.sender, text.display_name, text.subject, text.body, text.automated)


def test_mail_text_person_sender_not_automated() -> None:
    assert not mail_text(b"From: Kari <kari@havbris.no>\nSubject: Hei\n\nHei\n").automated


def test_mail_text_list_header_automated() -> None:
    raw = b"From: news@havbris.no\nList-Unsubscribe: <https://x>\nSubject: x\n\nx\n"
    assert mail_text(raw).automated


def test_mail_text_calendar_flagged() -> None:
    raw = (b"From: a@b.no\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: "
           b"text/calendar\n\nBEGIN:VCALENDAR\n--B--\n")
    assert mail_text(raw).has_calendar
