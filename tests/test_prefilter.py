"""The prefilter must pass every message some rule would match: a miss loses a reply."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from replywatch.core.matching import Index, Prefilter, match, thread_anchor, thread_refs
from replywatch.core.model import Application, Stage
from replywatch.mail.headers import parse_headers, peek_message_id
from tests.corpus import corpus_messages, header_part

NOW = datetime(2026, 11, 24, tzinfo=UTC)
ME = "me@example.org"


def app(app_id: int, company: str, contacts: tuple[str, ...] = (),
        domains: tuple[str, ...] = (), threads: tuple[str, ...] = (),
        relay_senders: tuple[str, ...] = ()) -> Application:
    return Application(id=app_id, company=company, role="", stage=Stage.APPLIED, applied_at=NOW,
                       contacts=contacts, domains=domains, thread_ids=threads,
                       relay_senders=relay_senders)


INDEX = Index.build([
    app(1, "Acme", ("Jane@Acme.com",), ("acme.com",), ("app-1@mail.example.org",)),
    app(2, "Globex", ("recruiter@gmail.com",), (), ("gmthr:77",)),
    app(3, "Umbrella Corp", (), ("umbrella.com",)),
    # no contact, no domain: its name run together is its domain (jumptrading.com)
    app(4, "Jump Trading LLC", relay_senders=("e113-jobs@m.personio.de",)),
    app(5, "Søstrene Grene A/S"),
], [ME])
PREFILTER = INDEX.prefilter()

SENDERS = ["jane@acme.com", "JANE+jobs@ACME.COM", "bob@eng.acme.com", "x@notacme.com",
           "recruiter@gmail.com", "other@gmail.com", "no-reply@us.greenhouse-mail.io",
           "jobs@umbrella.com.", "jane @ acme.com", ME, "stranger@example.net", "<<@@>",
           # relay slots, learned relay senders, boards, name-domains
           "no-reply@acme.teamtailor-mail.com", "no-reply@jumptrading.na.teamtailor-mail.com",
           "umbrella@myworkday.com", "e113-jobs@m.personio.de", "e207-jobs@m.personio.de",
           "do_not_reply@talent.icims.eu", "noreply@x.comeet-notifications.com",
           "inmail-hit-reply@linkedin.com", "messages-noreply@linkedin.com",
           "jobs-noreply@linkedin.com", "abc1@indeedemail.com", "talent@jumptrading.com",
           "jo@careers.jump-trading.co.uk", "hr@sostrenegrene.dk", "hr@sostrene-grene.com",
           "x@jumptradingllc.com"]
IDS = ["app-1@mail.example.org", "APP-1@mail.example.org", "other@x", "app-1@mail.\r\n example.org",
       "r1@y"]
NAMES = ["", "Jane", "Umbrella Corp Recruiting", "=?utf-8?Q?Umbrella_Corp?=", '"Acme, Inc."',
         "Jane Roe via LinkedIn", "Jump Trading", "=?utf-8?Q?S=C3=B8strene_Grene?="]
SUBJECTS = ["Hi", "Your application to Umbrella Corp", "Re: x", "Opportunity at Acme",
            "InMail from Jane", "Søknad: Sostrene Grene", "Jump Trading - next steps",
            "Umbrella Corp: Data Engineer"]


def random_header(rng: random.Random) -> bytes:
    sender = rng.choice(SENDERS)
    name = rng.choice(NAMES)
    lines = [f"From: {name} <{sender}>" if name else f"From: {sender}",
             f"To: {rng.choice([ME, 'jane@acme.com', 'careers@acme.com', 'a@b.c'])}",
             f"Subject: {rng.choice(SUBJECTS)}",
             f"Message-ID: <{rng.randrange(10**6)}@m.example>"]
    if rng.random() < 0.5:
        lines.append(f"In-Reply-To: <{rng.choice(IDS)}>")
    if rng.random() < 0.3:
        lines.append("References: " + " ".join(f"<{i}>" for i in rng.sample(IDS, 2)))
    if rng.random() < 0.2:
        lines.append(f"Reply-To: {rng.choice(SENDERS)}")
    if rng.random() < 0.1:
        lines.append("References: app-1@mail.example.org")  # no angle brackets
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def test_prefilter_passes_every_message_a_rule_matches() -> None:
    rng = random.Random(20261126)
    missed = []
    matched = 0
    for n in range(5000):
        raw = random_header(rng)
        gm_thrid = rng.choice([None, None, 77, 78])
        msg = parse_headers(raw, folder="INBOX", uid=n, internal_date=NOW, gm_thrid=gm_thrid)
        outcome = match(msg, INDEX)
        if outcome.app_id is not None or outcome.ambiguous or outcome.review is not None:
            matched += 1
            if not PREFILTER.could_match(raw, gm_thrid):
                missed.append(raw)
    assert [] == missed
    assert matched > 1000  # the generator does exercise the rules


def test_thread_refs_name_every_id_the_parser_finds() -> None:
    # Mail kept settled with the ids it names is claimed by an anchor added later
    # (store.threadwatch): an id the parser finds and this misses loses a reply.
    rng = random.Random(20261129)
    corpus = [header_part(raw) for _, raw in corpus_messages()]
    missed = []
    for n, raw in enumerate([random_header(rng) for _ in range(3000)] + corpus):
        gm_thrid = rng.choice([None, 77])
        msg = parse_headers(raw, folder="INBOX", uid=n, internal_date=NOW, gm_thrid=gm_thrid)
        refs = thread_refs(raw, gm_thrid)
        wanted = {*msg.in_reply_to, *msg.references,
                  *([thread_anchor(gm_thrid)] if gm_thrid is not None else [])}
        if refs is not None and not wanted <= set(refs):
            missed.append((raw, wanted - set(refs)))
    assert [] == missed


def test_prefilter_rejects_mail_no_rule_can_match() -> None:
    raw = (b"From: Newsletter <news@shop.example>\r\nTo: me@example.org\r\n"
           b"Subject: Sale\r\nMessage-ID: <n1@shop.example>\r\n\r\n")
    assert False is PREFILTER.could_match(raw, None)


def test_prefilter_sees_anchor_added_after_it_was_made() -> None:
    index = Index.build([app(1, "Acme")], [ME])
    prefilter = index.prefilter()
    raw = b"From: x@unrelated.example\r\nIn-Reply-To: <later@example.org>\r\n\r\n"
    before = prefilter.could_match(raw, None)
    index.add_anchor(1, "later@example.org")
    assert (False, True) == (before, prefilter.could_match(raw, None))


def test_prefilter_passes_every_corpus_message_a_rule_matches() -> None:
    corpus = corpus_messages()
    parsed = [parse_headers(header_part(raw), folder="I", uid=i, internal_date=NOW)
              for i, (_, raw) in enumerate(corpus)]
    # Every corpus sender is somebody's contact; every corpus Message-ID an anchor.
    apps = [app(i + 1, f"Company {i}", (m.from_addr,) if m.from_addr else (),
                threads=(m.message_id,) if m.message_id else ())
            for i, m in enumerate(parsed)]
    index = Index.build(apps, [ME])
    prefilter = index.prefilter()
    missed = [name for (name, raw), msg in zip(corpus, parsed, strict=True)
              if (match(msg, index).app_id or match(msg, index).ambiguous)
              and not prefilter.could_match(header_part(raw), None)]
    assert [] == missed


def test_peek_message_id_agrees_with_full_parse_on_every_corpus_message() -> None:
    corpus = corpus_messages()
    differ = [name for name, raw in corpus
              if peek_message_id(raw) != parse_headers(raw, folder="I", uid=1,
                                                       internal_date=NOW).message_id]
    assert [] == differ


@pytest.mark.parametrize(
    "raw",
    [
        b"Message-ID: <a@b>\r\n\r\n",
        b"Message-ID:\r\n <folded@b>\r\n\r\n",
        b"Message-Id:    \r\nMessage-ID: <second@b>\r\n\r\n",
        b"message-id: bare@b\r\n\r\n",
        b"Message-ID: <caf\xe9@b>\r\n\r\n",
        b"Subject: none\r\n\r\n",
        b"\r\nMessage-ID: <after-blank@b>\r\n",
        b"Message-ID: <a\r\n b@c>\r\n\r\nMessage-ID: <body@x>\r\n",
    ],
)
def test_peek_message_id_agrees_with_full_parse(raw: bytes) -> None:
    assert parse_headers(raw, folder="I", uid=1, internal_date=NOW).message_id == \
        peek_message_id(raw)


def test_prefilter_anchor_in_a_folded_oddly_cased_thread_field_passes() -> None:
    raw = (b"From: x@unrelated.example\r\nreferences :\r\n <a@b>\r\n\t<app-1@mail.example.org>"
           b"\r\nSubject: hi\r\n\r\n")
    assert True is PREFILTER.could_match(raw, None)


def test_prefilter_anchor_outside_the_thread_fields_rejected() -> None:
    # Only In-Reply-To and References make a thread match: an id in a Subject, a
    # Message-ID or an X- field is not read (the cheap path for most mail).
    raw = (b"From: x@unrelated.example\r\nSubject: <app-1@mail.example.org>\r\n"
           b"Message-ID: <app-1@mail.example.org>\r\nX-References: <app-1@mail.example.org>"
           b"\r\n\r\n")
    assert False is PREFILTER.could_match(raw, None)


def test_prefilter_of_anchors_only_rejects_any_address() -> None:
    # The late-upload sweep's prefilter knows new anchors only: an address, even 8-bit,
    # cannot make a message match there.
    only = Prefilter({"a1@x.example": {1}}, frozenset())
    raw = b"From: j\xc3\xb8rn@\xc3\xa6.example\r\nTo: jane@acme.com\r\n\r\n"
    threaded = b"From: x@y.example\r\nIn-Reply-To: <a1@x.example>\r\n\r\n"
    assert (False, True) == (only.could_match(raw, None), only.could_match(threaded, None))
