"""Write the labelled job-mail set: ../NNN-LANG.eml files and ../labels.csv.

Messages are assembled from hand-written parts (en.py, nb.py, nn.py, sv.py, da.py,
de.py: subjects, the decisive paragraph of each kind, greetings, signatures, quoted
history), wrapped as the senders that send them wrap them (ATS no-reply relays, job
boards, a recruiter's own mailbox), and encoded as real mail is: plain text, HTML only,
multipart/alternative, a calendar invite, quoted-printable, base64, Latin-1. Seeded:
the same files every run.

    python tests/data/jobmail/make/build.py
"""

from __future__ import annotations

import base64
import csv
import quopri
import random
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import da  # noqa: E402
import de  # noqa: E402
import en  # noqa: E402
import nb  # noqa: E402
import nn  # noqa: E402
import sv  # noqa: E402

LANGS = {"en": en, "nb": nb, "nn": nn, "sv": sv, "da": da, "de": de}
# Realistic proportions: most job mail is acknowledgements and rejections.
COUNTS = {
    "en": {"acknowledgement": 40, "rejection": 38, "interview": 15, "action": 8, "offer": 4,
           "account": 5, "job_alert": 7, "other": 8},
    "nb": {"acknowledgement": 20, "rejection": 20, "interview": 7, "action": 4, "offer": 2,
           "account": 2, "job_alert": 2, "other": 3},
    "nn": {"acknowledgement": 8, "rejection": 9, "interview": 3, "action": 1, "offer": 1,
           "account": 1, "job_alert": 1, "other": 1},
    "sv": {"acknowledgement": 13, "rejection": 13, "interview": 5, "action": 2, "offer": 2,
           "account": 1, "job_alert": 2, "other": 2},
    "da": {"acknowledgement": 10, "rejection": 10, "interview": 4, "action": 2, "offer": 1,
           "account": 1, "job_alert": 1, "other": 1},
    "de": {"acknowledgement": 12, "rejection": 12, "interview": 4, "action": 2, "offer": 1,
           "account": 1, "job_alert": 2, "other": 1},
}
COMPANIES = {
    "en": [("Fabrikam", "fabrikam.com"), ("Contoso", "contoso.io"), ("Northwind Traders",
           "northwind.com"), ("Tailspin Toys", "tailspintoys.com"), ("Proseware", "proseware.dev"),
           ("Litware", "litware.co.uk"), ("Adatum", "adatum.com"), ("Woodgrove Bank",
           "woodgrovebank.com"), ("Lamna Healthcare", "lamna.health"), ("Relecloud",
           "relecloud.ai")],
    "nb": [("Havbris AS", "havbris.no"), ("Solstrand Data AS", "solstranddata.no"),
           ("Tindevik kommune", "tindevik.kommune.no"), ("Nordlys Energi ASA", "nordlysenergi.no"),
           ("Fjellsikt Bank", "fjellsikt.no")],
    "nn": [("Vestvind AS", "vestvind.no"), ("Sogneheim kommune", "sogneheim.kommune.no"),
           ("Fjordlaks AS", "fjordlaks.no")],
    "sv": [("Ljungberg Teknik AB", "ljungbergteknik.se"), ("Skärgårdsbanken", "skargardsbanken.se"),
           ("Norrsken Data AB", "norrskendata.se")],
    "da": [("Kystlys A/S", "kystlys.dk"), ("Bøgeskov Software ApS", "bogeskov.dk"),
           ("Havnefront Energi", "havnefront.dk")],
    "de": [("Brandtwerk GmbH", "brandtwerk.de"), ("Lindenhof Logistik AG", "lindenhof-logistik.de"),
           ("Sonnenfeld Software", "sonnenfeld.io")],
}
RECRUITERS = {
    "en": ["Priya Raman", "Tom Becker", "Alicia Gomez", "Sam Okafor", "Megan Li"],
    "nb": ["Kari Nordmann", "Ola Haugen", "Ingrid Berg", "Jonas Lie"],
    "nn": ["Solveig Aasen", "Torleiv Nes"],
    "sv": ["Anna Lindqvist", "Erik Sjöberg", "Maja Holm"],
    "da": ["Mette Kjær", "Søren Dahl"],
    "de": ["Julia Hoffmann", "Markus Wagner", "Lena Krause"],
}
USERS = {"en": ("Jane", "Doe"), "nb": ("Nora", "Bakke"), "nn": ("Sigrid", "Hove"),
         "sv": ("Elsa", "Lund"), "da": ("Freja", "Holm"), "de": ("Anna", "Schmidt")}
ROLES = {
    "en": ["Senior Software Engineer", "Data Analyst", "Product Manager", "Backend Developer",
           "UX Designer", "Site Reliability Engineer"],
    "nb": ["Seniorutvikler", "Rådgiver", "Prosjektleder", "Dataanalytiker", "Systemutvikler"],
    "nn": ["Rådgjevar", "Utviklar", "Prosjektleiar"],
    "sv": ["Systemutvecklare", "Projektledare", "Dataanalytiker"],
    "da": ["Softwareudvikler", "Projektleder", "Dataanalytiker"],
    "de": ["Softwareentwickler (m/w/d)", "Projektmanager (m/w/d)", "Data Analyst (m/w/d)"],
}
# How each language's employers send: (kind of sender, address template, display template).
ATS = {
    "en": [("greenhouse", "no-reply@us.greenhouse-mail.io", "{company} Hiring Team"),
           ("lever", "no-reply@hire.lever.co", "{company}"),
           ("workday", "{slug}@myworkday.com", "{company} Careers"),
           ("smartrecruiters", "noreply@smartrecruiters.com", "{company} Recruiting"),
           ("ashby", "no-reply@ashbyhq.com", "{company} Recruiting"),
           ("workable", "noreply@candidates.workablemail.com", "{company}"),
           ("icims", "noreply@talent.icims.com", "{company} Talent Acquisition"),
           ("own", "careers@{domain}", "{company} Careers")],
    "nb": [("webcruiter", "noreply@webcruiter.no", "{company}"),
           ("jobbnorge", "noreply@jobbnorge.no", "{company} via Jobbnorge"),
           ("teamtailor", "no-reply@{slug}.teamtailor-mail.com", "{company}"),
           ("hrmanager", "noreply@hrmanager.no", "{company}"),
           ("own", "rekruttering@{domain}", "{company} Rekruttering")],
    "nn": [("webcruiter", "noreply@webcruiter.no", "{company}"),
           ("jobbnorge", "noreply@jobbnorge.no", "{company}")],
    "sv": [("reachmee", "noreply@reachmee.com", "{company}"),
           ("teamtailor", "no-reply@{slug}.teamtailor-mail.com", "{company}"),
           ("varbi", "noreply@varbi.com", "{company} Rekrytering"),
           ("jobylon", "no-reply@jobylon.com", "{company}")],
    "da": [("emply", "noreply@emply.com", "{company}"),
           ("hr-manager", "noreply@hr-manager.net", "{company} HR"),
           ("teamtailor", "no-reply@{slug}.teamtailor-mail.com", "{company}")],
    "de": [("personio", "e113-jobs@m.personio.de", "{company} Recruiting"),
           ("softgarden", "noreply@softgarden.io", "{company}"),
           ("smartrecruiters", "noreply@smartrecruiters.com", "{company} Karriere")],
}
BOARDS = {
    "en": [("linkedin", "jobalerts-noreply@linkedin.com", "LinkedIn Job Alerts"),
           ("indeed", "alert@indeed.com", "Indeed")],
    "nb": [("finn", "agent@finn.no", "FINN jobb")], "nn": [("finn", "agent@finn.no", "FINN jobb")],
    "sv": [("platsbanken", "noreply@arbetsformedlingen.se", "Platsbanken")],
    "da": [("jobindex", "jobagent@jobindex.dk", "Jobindex")],
    "de": [("stepstone", "jobagent@stepstone.de", "StepStone")],
}
FOOTERS = {
    "en": "You are receiving this email because you applied for a position at {company}. "
          "Privacy policy | Powered by {ats}",
    "nb": "Denne e-posten er sendt fra {company} via {ats}. Personvernerklæring",
    "nn": "Denne e-posten er sendt frå {company} via {ats}.",
    "sv": "Detta mejl skickades av {company} via {ats}. Integritetspolicy",
    "da": "Denne e-mail er sendt af {company} via {ats}. Privatlivspolitik",
    "de": "Diese E-Mail wurde von {company} über {ats} versendet. Datenschutz",
}


def slug(company: str) -> str:
    return "".join(c for c in company.lower() if c.isalnum())[:12] or "acme"


def fill(text: str, ctx: dict[str, str]) -> str:
    for key, value in ctx.items():
        text = text.replace("{" + key + "}", value)
    return text


def html_doc(paragraphs: list[str], ctx: dict[str, str], footer: str) -> str:
    body = "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>\n" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
        f"{escape(ctx['company'])}</title><style>p {{ font-family: Arial; color: #333; }}"
        ".btn { background: #0a7; }</style><script>var t = 'unfortunately';</script></head>"
        "<body><table width=\"600\" role=\"presentation\"><tr><td><img src=\"cid:logo\" "
        f"alt=\"{escape(ctx['company'])}\"></td></tr><tr><td>\n{body}</td></tr>"
        f"<tr><td style=\"font-size:11px;color:#999\">{escape(footer)}</td></tr></table>"
        "</body></html>"
    )


def encode_part(text: str, ctype: str, rng: random.Random, latin: bool) -> str:
    charset = "iso-8859-1" if latin else "utf-8"
    try:
        data = text.encode(charset)
    except UnicodeEncodeError:
        charset, data = "utf-8", text.encode("utf-8")
    how = rng.choice(["8bit", "quoted-printable", "base64"])
    if how == "8bit" and charset != "utf-8":
        how = "quoted-printable"  # the file is written as UTF-8: Latin-1 goes encoded
    if how == "base64":
        payload = base64.encodebytes(data).decode("ascii")
    elif how == "quoted-printable":
        payload = quopri.encodestring(data).decode("ascii")
    else:
        payload = data.decode(charset)
    return (f"Content-Type: {ctype}; charset=\"{charset}\"\n"
            f"Content-Transfer-Encoding: {how}\n\n{payload}\n")


def calendar(ctx: dict[str, str], when: datetime) -> str:
    start = (when + timedelta(days=5)).strftime("%Y%m%dT100000Z")
    end = (when + timedelta(days=5)).strftime("%Y%m%dT110000Z")
    return (
        "Content-Type: text/calendar; charset=\"utf-8\"; method=REQUEST\n"
        "Content-Transfer-Encoding: 7bit\n\n"
        "BEGIN:VCALENDAR\nPRODID:-//jobmail set//EN\nVERSION:2.0\nMETHOD:REQUEST\n"
        f"BEGIN:VEVENT\nDTSTART:{start}\nDTEND:{end}\nSUMMARY:Interview - {ctx['role']}\n"
        f"ORGANIZER:mailto:{ctx['sender']}\nATTENDEE:mailto:{ctx['user']}\n"
        f"UID:{ctx['n']}-{slug(ctx['company'])}@jobmail.example\nEND:VEVENT\nEND:VCALENDAR\n"
    )


def sender_for(lang: str, kind: str, rng: random.Random) -> tuple[str, bool]:
    """Return the kind of sender ("ats", "board" or "person") and whether it is a person."""
    person_share = {"acknowledgement": 0.15, "rejection": 0.25, "interview": 0.6, "action": 0.3,
                    "offer": 0.8, "account": 0.0, "job_alert": 0.0, "other": 1.0}[kind]
    if kind == "job_alert":
        return ("board" if rng.random() < 0.6 else "ats"), False
    if rng.random() < person_share:
        return "person", True
    return "ats", False


def message(lang: str, kind: str, n: int, rng: random.Random) -> tuple[str, str]:
    """Return (raw message, note) of one labelled message."""
    texts = LANGS[lang]
    company, domain = rng.choice(COMPANIES[lang])
    recruiter = rng.choice(RECRUITERS[lang])
    first, last = USERS[lang]
    who, person = sender_for(lang, kind, rng)
    if who == "board":
        label, address, display = rng.choice(BOARDS[lang])
    elif who == "ats":
        label, address, display = rng.choice(ATS[lang])
    else:
        label = "person"
        address = recruiter.lower().replace(" ", ".").replace("ø", "o").replace("ö", "o") + "@" + (
            domain if rng.random() < 0.85 else "gmail.com")
        display = recruiter
    ctx = {"company": company, "domain": domain, "recruiter": recruiter, "first": first,
           "last": last, "role": rng.choice(ROLES[lang]), "n": str(rng.randint(3, 40)),
           "slug": slug(company), "user": f"{first.lower()}.{last.lower()}@example.com"}
    address = fill(address, ctx)
    ctx["sender"] = address
    display = fill(display, ctx)

    core_kind = kind
    if kind == "acknowledgement" and person and texts.CORES.get("ack_person"):
        core_kind = "ack_person"
    core = fill(rng.choice(texts.CORES[core_kind]), ctx)
    subject = fill(rng.choice(texts.SUBJECTS[kind]), ctx)
    greet = fill(rng.choice(texts.GREET), ctx)
    sign = fill(rng.choice(texts.SIGN_PERSON if person else texts.SIGN_ATS), ctx)
    paragraphs = [greet, core, sign]
    notes = [label]

    quoted = ""
    if person and rng.random() < 0.5:
        header = fill(rng.choice(texts.QUOTE_HEADERS), ctx)
        earlier = fill(rng.choice(texts.QUOTED_USER), ctx)
        if header.startswith(("-----", "____", "Fra:", "From:", "Från:", "Von:")):
            quoted = "\n\n" + header + "\n\n" + earlier
        else:
            quoted = "\n\n" + header + "\n" + "\n".join("> " + line for line in earlier.split("\n"))
        if not subject.lower().startswith(("re:", "sv:", "aw:")):
            subject = {"en": "Re: ", "de": "AW: "}.get(lang, "SV: ") + subject
        notes.append("quoted history")

    when = datetime(2025, 1, 6, 9, 0, tzinfo=UTC) + timedelta(hours=n * 7)
    text = "\n\n".join(paragraphs) + quoted + "\n"
    latin = lang != "en" and rng.random() < 0.3
    footer = fill(FOOTERS[lang], {**ctx, "ats": label.capitalize()})
    with_calendar = kind == "interview" and rng.random() < 0.35
    form = "html" if (who != "person" and rng.random() < 0.35) else rng.choice(
        ["plain", "plain", "alternative"])
    if who == "ats" and form == "plain":
        text = text + "\n--\n" + footer + "\n"
    boundary = f"=_part_{n}_{rng.randint(1000, 9999)}"
    if with_calendar:
        inner = encode_part(text, "text/plain", rng, latin)
        body = (f"Content-Type: multipart/mixed; boundary=\"{boundary}\"\n\n--{boundary}\n{inner}"
                f"--{boundary}\n{calendar(ctx, when)}--{boundary}--\n")
        notes.append("calendar invite")
    elif form == "html":
        body = encode_part(html_doc(paragraphs, ctx, footer) + quoted.replace("\n", "<br>\n"),
                           "text/html", rng, latin)
        notes.append("html only")
    elif form == "alternative":
        html = html_doc(paragraphs, ctx, footer)
        body = (f"Content-Type: multipart/alternative; boundary=\"{boundary}\"\n\n"
                f"--{boundary}\n{encode_part(text, 'text/plain', rng, latin)}"
                f"--{boundary}\n{encode_part(html, 'text/html', rng, latin)}--{boundary}--\n")
        notes.append("multipart/alternative")
    else:
        body = encode_part(text, "text/plain", rng, latin)
    if latin:
        notes.append("latin-1")
    headers = [
        f"From: {display} <{address}>",
        f"To: {first} {last} <{ctx['user']}>",
        f"Subject: {encode_subject(subject)}",
        f"Date: {format_datetime(when)}",
        f"Message-ID: <{n}.{slug(company)}@{address.partition('@')[2]}>",
        "MIME-Version: 1.0",
    ]
    if who == "board" or kind == "job_alert":
        headers.append(f"List-Unsubscribe: <https://{address.partition('@')[2]}/unsubscribe>")
    return "\n".join(headers) + "\n" + body, ", ".join(notes)


def encode_subject(subject: str) -> str:
    if subject.isascii():
        return subject
    return "=?utf-8?b?" + base64.b64encode(subject.encode("utf-8")).decode("ascii") + "?="


def main() -> None:
    out = HERE.parent
    rng = random.Random(20250301)
    for old in out.glob("*.eml"):
        old.unlink()
    rows = []
    n = 0
    for lang, counts in COUNTS.items():
        for kind, count in counts.items():
            for _ in range(count):
                n += 1
                raw, note = message(lang, kind, n, rng)
                name = f"{n:03d}-{lang}.eml"
                (out / name).write_bytes(raw.replace("\n", "\r\n").encode("utf-8"))
                rows.append((name, kind, lang, note))
    with (out / "labels.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "kind", "language", "note"])
        writer.writerows(rows)
    print(f"wrote {n} messages to {out}")


if __name__ == "__main__":
    main()
