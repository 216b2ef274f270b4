"""Write the round-5 held-out job-mail set: ../rNNN-LANG.eml files and ../labels.csv.

Each message in messages_*.py was written whole, after the classifier was frozen again
(commit 52777ec: rules and model); this script only wraps it as mail (plain, HTML only,
multipart/alternative, or with a calendar invite) and writes the labels.

    python tests/data/jobmail-holdout5/make/build.py
"""

from __future__ import annotations

import base64
import csv
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import messages_de  # noqa: E402
import messages_en  # noqa: E402
import messages_nordic  # noqa: E402

USERS = {"en": "Sam Okafor <sam.okafor@example.com>", "nb": "Ingrid Dahl <ingrid.dahl@example.com>",
         "nn": "Sigrid Aase <sigrid.aase@example.com>", "sv": "Elin Sjöberg <elin.sjoberg@example.com>",
         "da": "Freja Holm <freja.holm@example.com>", "de": "Lena Vogt <lena.vogt@example.com>"}


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


def ics(n: int, when: datetime) -> str:
    start = (when + timedelta(days=7)).strftime("%Y%m%dT090000Z")
    return ("Content-Type: text/calendar; charset=utf-8; method=REQUEST\n\n"
            "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//holdout//EN\nMETHOD:REQUEST\nBEGIN:VEVENT\n"
            f"UID:holdout5-{n}@example.org\nDTSTART:{start}\nSUMMARY:Interview\nEND:VEVENT\n"
            "END:VCALENDAR\n")


def render(n: int, lang: str, sender: str, subject: str, body: str, form: str) -> str:
    when = datetime(2025, 9, 1, 7, 0, tzinfo=UTC) + timedelta(hours=5 * n)
    heads = [f"From: {sender_header(sender)}", f"To: {sender_header(USERS[lang])}",
             f"Subject: {header_text(subject)}", f"Date: {format_datetime(when)}",
             f"Message-ID: <r{n}@holdout5.example.org>", "MIME-Version: 1.0"]
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
                   f"--{boundary}\n{part(body, 'text/plain')}--{boundary}\n{ics(n, when)}"
                   f"--{boundary}--\n")
    return "\r\n".join(heads) + "\r\n" + content.replace("\n", "\r\n")


def main() -> None:
    out = HERE.parent
    for old in out.glob("*.eml"):
        old.unlink()
    rows = []
    messages = messages_en.M + messages_nordic.M + messages_de.M
    for n, (kind, lang, sender, subject, body, form) in enumerate(messages, 1):
        name = f"r{n:03d}-{lang}.eml"
        (out / name).write_bytes(render(n, lang, sender, subject, body, form).encode("ascii"))
        rows.append((name, kind, lang, f"{sender.rpartition('@')[2].rstrip('>')}, {form}"))
    with (out / "labels.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "kind", "language", "note"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} messages to {out}")


if __name__ == "__main__":
    main()
