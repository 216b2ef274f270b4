"""The one builder of the held-out job-mail sets (tests/data/jobmail-holdout*/):
each set's make/build.py names its writer's voice and calls ``build``.

Every message in a set's messages_*.py was written whole; this only wraps it as mail
(plain, HTML only, multipart/alternative, or with a calendar invite) and writes the
labels, the same way for every set.
"""

from __future__ import annotations

import base64
import csv
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path


@dataclass(frozen=True)
class HeldOut:
    """One set: where it goes, its file prefix and tag, its users and first date."""

    out: Path
    prefix: str
    tag: str
    users: dict[str, str]
    start: datetime
    encode_to: bool = False


def header_text(value: str) -> str:
    if value.isascii():
        return value
    return "=?utf-8?b?" + base64.b64encode(value.encode("utf-8")).decode("ascii") + "?="


def sender_header(value: str) -> str:
    name, _, address = value.rpartition(" <")
    return f"{header_text(name)} <{address}" if name else value


def part(text: str, ctype: str) -> str:
    payload = base64.encodebytes(text.encode("utf-8")).decode("ascii")
    return (f"Content-Type: {ctype}; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
            f"{payload}")


def html(text: str) -> str:
    paragraphs = "".join(f"<p style=\"margin:0 0 12px\">{escape(p).replace(chr(10), '<br/>')}</p>"
                         for p in text.split("\n\n"))
    return ("<html><head><style>body{font-family:Helvetica}</style></head><body><div class=\"wrap\">"
            f"<table><tr><td>{paragraphs}</td></tr></table>"
            "<div style=\"color:#888;font-size:10px\">Sent with care by our hiring platform.</div>"
            "</div></body></html>")


def ics(n: int, when: datetime, tag: str) -> str:
    start = (when + timedelta(days=7)).strftime("%Y%m%dT090000Z")
    return ("Content-Type: text/calendar; charset=utf-8; method=REQUEST\n\n"
            "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//holdout//EN\nMETHOD:REQUEST\nBEGIN:VEVENT\n"
            f"UID:{tag}-{n}@example.org\nDTSTART:{start}\nSUMMARY:Interview\nEND:VEVENT\n"
            "END:VCALENDAR\n")


def render(n: int, lang: str, sender: str, subject: str, body: str, form: str, *,
           held: HeldOut) -> str:
    when = held.start + timedelta(hours=5 * n)
    to = sender_header(held.users[lang]) if held.encode_to else held.users[lang]
    heads = [f"From: {sender_header(sender)}", f"To: {to}",
             f"Subject: {header_text(subject)}", f"Date: {format_datetime(when)}",
             f"Message-ID: <{held.prefix}{n}@{held.tag}.example.org>", "MIME-Version: 1.0"]
    boundary = f"hb{n}x"
    if form == "plain":
        content = part(body, "text/plain")
    elif form == "html":
        content = part(html(body), "text/html")
    elif form == "alt":
        content = (f"Content-Type: multipart/alternative; boundary=\"{boundary}\"\n\n"
                   f"--{boundary}\n{part(body, 'text/plain')}--{boundary}\n"
                   f"{part(html(body), 'text/html')}--{boundary}--\n")
    else:
        content = (f"Content-Type: multipart/mixed; boundary=\"{boundary}\"\n\n"
                   f"--{boundary}\n{part(body, 'text/plain')}--{boundary}\n{ics(n, when, held.tag)}"
                   f"--{boundary}--\n")
    return "\r\n".join(heads) + "\r\n" + content.replace("\n", "\r\n")


def build(held: HeldOut, messages: list[tuple[str, str, str, str, str, str]]) -> None:
    """Write one held-out set's messages as ``PREFIXnnn-LANG.eml`` files and its labels
    into ``held.out``."""
    out = held.out
    for old in out.glob("*.eml"):
        old.unlink()
    rows = []
    for n, (kind, lang, sender, subject, body, form) in enumerate(messages, 1):
        name = f"{held.prefix}{n:03d}-{lang}.eml"
        text = render(n, lang, sender, subject, body, form, held=held)
        (out / name).write_bytes(text.encode("ascii"))
        rows.append((name, kind, lang, f"{sender.rpartition('@')[2].rstrip('>')}, {form}"))
    with (out / "labels.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "kind", "language", "note"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} messages to {out}")
