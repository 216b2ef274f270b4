"""Composing a follow-up draft: the plan (who, subject, thread headers), the four texts
in English and Norwegian (snapshots), the RFC 822 message and the mailto: link, each
read back with the standard library's own parsers."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from replywatch import i18n
from replywatch.core.draft import (
    MAX_REFERENCES,
    ThreadMail,
    Variant,
    cap_references,
    draft_message_id,
    first_name,
    plan,
    reply_subject,
)
from replywatch.core.model import Action, ActionKind, Application, Direction, Interview, Stage
from replywatch.mail import drafttext
from replywatch.mail.draft import Draft, mailto, message_bytes
from tests.test_linear import RATIO, SHAPES, _baseline, _seconds

NOW = datetime(2026, 11, 27, 14, 5, tzinfo=UTC)
ME = "alex@example.org"
APP = Application(id=1, company="Acme", role="Engineer", stage=Stage.INTERVIEWING,
                  applied_at=NOW - timedelta(days=20), contacts=("jane@acme.com",),
                  notes="Kafka migration",
                  interviews=(Interview(NOW, NOW, ("jane@acme.com", "bob@acme.com")),))
THREAD = [
    ThreadMail(Direction.TO_THEM, NOW - timedelta(days=20), "app-1@example.org", ME, "Alex Doe",
               ("jane@acme.com",), subject="Application: Engineer"),
    ThreadMail(Direction.FROM_THEM, NOW - timedelta(days=3), "r0@acme.com", "bob@acme.com",
               "Bob Smith", (ME,), subject="SV: Application: Engineer",
               references=("app-1@example.org",)),
    ThreadMail(Direction.FROM_THEM, NOW - timedelta(days=2), "r1@acme.com", "jane@acme.com",
               "Jane Roe", (ME,), subject="Re: SV: Application: Engineer",
               references=("app-1@example.org", "r0@acme.com")),
]
ACTIONS = {
    Variant.THANK_YOU: Action(1, ActionKind.THANK_YOU_DUE, NOW, NOW),
    Variant.FOLLOW_UP: Action(1, ActionKind.FOLLOW_UP_DUE, NOW, NOW, n=1, max_n=3),
    Variant.FOLLOW_UP_AGAIN: Action(1, ActionKind.FOLLOW_UP_DUE, NOW, NOW, n=2, max_n=3),
    Variant.LAST_FOLLOW_UP: Action(1, ActionKind.FOLLOW_UP_DUE, NOW, NOW, n=3, max_n=3),
}
SNAPSHOTS = {
    ("en", Variant.THANK_YOU): (
        "Hi Jane,\n\nThank you for taking the time to talk with me about the Engineer role at"
        " Acme.\nPlease pass my thanks on to Bob Smith as well.\n\n[Fill in a line or two "
        "below, delete the rest, then send.]\n[A highlight of our conversation: …]\n"
        "[Something I learned about Acme that surprised me: …]\n[Something that resonated "
        "with my own values: …]\n[Your notes: Kafka migration]\n\nI look forward to hearing "
        "from you.\n\nBest regards,\nAlex Doe\n"),
    ("en", Variant.FOLLOW_UP): (
        "Hi Jane,\n\nI hope all is well. I am following up on my application for the Engineer"
        " role at Acme, which I am still very interested in.\n\n[Fill in a line or two below,"
        " delete the rest, then send.]\n[A highlight of our conversation: …]\n[Something I "
        "learned about Acme that surprised me: …]\n[Something that resonated with my own "
        "values: …]\n[A pressing problem of yours that I have solved before: …]\n[Your notes:"
        " Kafka migration]\n\nI would be glad to tell you more.\n\nBest regards,\nAlex Doe\n"),
    ("en", Variant.FOLLOW_UP_AGAIN): (
        "Hi Jane,\n\nI wanted to share one more thought about the Engineer role at Acme since "
        "my last message.\n\n[Fill in a line or two below, delete the rest, then send.]\n[A "
        "pressing problem of yours that I have solved before: …]\n[Something I learned about "
        "Acme that surprised me: …]\n[Your notes: Kafka migration]\n\nHappy to talk whenever "
        "it suits you.\n\nBest regards,\nAlex Doe\n"),
    ("en", Variant.LAST_FOLLOW_UP): (
        "Hi Jane,\n\nI know you have a lot on your plate, so this will be my last note about "
        "the Engineer role at Acme.\n\n[Fill in a line or two below, delete the rest, then "
        "send.]\n[A highlight of our conversation: …]\n[Your notes: Kafka migration]\n\nIf the"
        " timing is not right, I understand completely. Thank you for your time, and all the "
        "best to you and the team; I would be glad to stay in touch.\n\nBest regards,\n"
        "Alex Doe\n"),
    ("nb", Variant.THANK_YOU): (
        "Hei Jane,\n\nTakk for en hyggelig samtale om stillingen som Engineer hos Acme.\nSend "
        "gjerne takken videre til Bob Smith også.\n\n[Fyll ut en linje eller to nedenfor, "
        "slett resten og send.]\n[Et høydepunkt fra samtalen vår: …]\n[Noe jeg lærte om Acme "
        "som overrasket meg: …]\n[Noe som stemte godt med mine egne verdier: …]\n[Notatene "
        "dine: Kafka migration]\n\nJeg ser fram til å høre fra dere.\n\nMed vennlig hilsen\n"
        "Alex Doe\n"),
    ("nb", Variant.FOLLOW_UP): (
        "Hei Jane,\n\nJeg håper alt står bra til. Jeg følger opp søknaden min på stillingen "
        "som Engineer hos Acme, som jeg fortsatt er svært interessert i.\n\n[Fyll ut en linje"
        " eller to nedenfor, slett resten og send.]\n[Et høydepunkt fra samtalen vår: …]\n"
        "[Noe jeg lærte om Acme som overrasket meg: …]\n[Noe som stemte godt med mine egne "
        "verdier: …]\n[En utfordring dere står i, som jeg har løst før: …]\n[Notatene dine: "
        "Kafka migration]\n\nJeg forteller gjerne mer.\n\nMed vennlig hilsen\nAlex Doe\n"),
    ("nb", Variant.FOLLOW_UP_AGAIN): (
        "Hei Jane,\n\nJeg ville dele én tanke til om stillingen som Engineer hos Acme siden "
        "sist jeg skrev.\n\n[Fyll ut en linje eller to nedenfor, slett resten og send.]\n[En "
        "utfordring dere står i, som jeg har løst før: …]\n[Noe jeg lærte om Acme som "
        "overrasket meg: …]\n[Notatene dine: Kafka migration]\n\nJeg tar gjerne en prat når "
        "det passer for dere.\n\nMed vennlig hilsen\nAlex Doe\n"),
    ("nb", Variant.LAST_FOLLOW_UP): (
        "Hei Jane,\n\nJeg vet at dere har mye å gjøre, så dette blir min siste henvendelse om "
        "stillingen som Engineer hos Acme.\n\n[Fyll ut en linje eller to nedenfor, slett "
        "resten og send.]\n[Et høydepunkt fra samtalen vår: …]\n[Notatene dine: Kafka "
        "migration]\n\nHvis tidspunktet ikke passer, har jeg full forståelse for det. Takk "
        "for at dere tok dere tid, og lykke til videre til deg og teamet. Jeg holder gjerne "
        "kontakten.\n\nMed vennlig hilsen\nAlex Doe\n"),
}


def draft_of(variant: Variant, app: Application = APP,
             thread: list[ThreadMail] = THREAD) -> Draft:
    action = ACTIONS[variant]
    made = plan(app, action, thread, own={ME}, fallback_from=ME)
    assert made is not None
    return Draft(made, "mail", draft_message_id(action.key, made.from_addr),
                 made.subject or drafttext.fallback_subject(made), drafttext.body(made))


@pytest.mark.parametrize(("language", "variant"), sorted(SNAPSHOTS))
def test_drafttext_body_each_variant_in_each_language_reads_as_written(
        language: str, variant: Variant) -> None:
    i18n.use(language)
    assert SNAPSHOTS[(language, variant)] == draft_of(variant).text


def test_plan_replies_to_the_last_person_from_the_address_used_in_the_thread() -> None:
    made = draft_of(Variant.FOLLOW_UP).plan
    assert (ME, "Alex Doe", "jane@acme.com", "Jane Roe", "Jane", "Re: Application: Engineer",
            "r1@acme.com", ("app-1@example.org", "r0@acme.com", "r1@acme.com")) == (
        made.from_addr, made.from_name, made.to_addr, made.to_name, made.greeting,
        made.subject, made.in_reply_to, made.references)


def test_plan_last_message_ours_writes_to_whom_we_wrote_and_uses_their_reply_to() -> None:
    ours = [THREAD[0]]
    theirs = [ThreadMail(Direction.FROM_THEM, NOW, "x1@ats.example", "noreply@ats.example",
                         "Acme Recruiting", (ME,), reply_to=("talent@acme.com",),
                         subject="Your application")]
    to_ours = draft_of(Variant.FOLLOW_UP, thread=ours).plan
    to_theirs = draft_of(Variant.FOLLOW_UP, thread=theirs).plan
    assert (("jane@acme.com", "app-1@example.org", ("app-1@example.org",)),
            ("talent@acme.com", "", "Re: Your application")) == (
        (to_ours.to_addr, to_ours.in_reply_to, to_ours.references),
        (to_theirs.to_addr, to_theirs.greeting, to_theirs.subject))


def test_plan_without_thread_or_contact_is_none_and_reply_action_takes_no_draft() -> None:
    lonely = Application(id=2, company="Hooli", role="", stage=Stage.APPLIED, applied_at=NOW)
    reply = Action(1, ActionKind.REPLY, NOW, NOW)
    assert (None, None) == (plan(lonely, ACTIONS[Variant.FOLLOW_UP], [], own={ME},
                                 fallback_from=ME),
                            plan(APP, reply, THREAD, own={ME}, fallback_from=ME))


@pytest.mark.parametrize(("subject", "expected"), [
    ("Application", "Re: Application"),
    ("Re: Re: Application", "Re: Application"),
    ("SV: VS: Søknad", "Re: Søknad"),
    ("AW: Fwd: RE[2]: Bewerbung", "Re: Bewerbung"),
    ("Reply needed", "Re: Reply needed"),
    ("  ", ""),
])
def test_reply_subject_prefixes_stripped_once_re_added(subject: str, expected: str) -> None:
    assert expected == reply_subject(subject)


def test_reply_subject_hostile_run_of_prefixes_finishes_and_is_capped() -> None:
    assert len(reply_subject("Re: " * 500_000 + "x" * 1_000_000)) <= 204


def test_cap_references_keeps_root_and_nearest_without_repeats() -> None:
    refs = [f"m{i}@x" for i in range(50)] + ["m49@x"]
    capped = cap_references(refs)
    assert (MAX_REFERENCES, "m0@x", "m49@x", "m31@x") == (
        len(capped), capped[0], capped[-1], capped[1])


@pytest.mark.parametrize(("display", "expected"), [
    ("Jane Roe", "Jane"), ("Roe, Jane", "Jane"), ("Acme Recruiting", ""),
    ("noreply", ""), ("", ""), ("Anne-Marie Berg", "Anne-Marie"), ("R2D2 Bot", ""),
])
def test_first_name_person_or_team(display: str, expected: str) -> None:
    assert expected == first_name(display)


def test_message_bytes_parse_back_with_encoded_names_and_thread_headers() -> None:
    i18n.use("nb")
    thread = [*THREAD[:2], ThreadMail(Direction.FROM_THEM, NOW, "r1@acme.com",
                                      "jane@acme.com", "Åse Ødegård", (ME,),
                                      subject="Intervju på tirsdag",
                                      references=("app-1@example.org", "r0@acme.com"))]
    draft = draft_of(Variant.THANK_YOU, thread=thread)
    raw = message_bytes(draft, NOW)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert (True, "Åse Ødegård <jane@acme.com>", "Re: Intervju på tirsdag",
            "<r1@acme.com>", "<app-1@example.org> <r0@acme.com> <r1@acme.com>",
            f"<{draft.message_id}>", "text/plain", "utf-8", "Hei Åse,") == (
        raw.isascii(), str(msg["To"]), str(msg["Subject"]), str(msg["In-Reply-To"]),
        str(msg["References"]), str(msg["Message-ID"]), msg.get_content_type(),
        msg.get_content_charset(), msg.get_content().splitlines()[0])
    assert draft.message_id.endswith("@example.org")


def test_mailto_round_trips_through_urllib() -> None:
    i18n.use("nb")
    draft = draft_of(Variant.LAST_FOLLOW_UP)
    link = urlsplit(mailto(draft))
    query = parse_qs(link.query, keep_blank_values=True)
    assert ("mailto", "jane@acme.com", [draft.subject], [draft.text.rstrip("\n").replace(
        "\n", "\r\n")], ["<r1@acme.com>"]) == (
        link.scheme, unquote(link.path), query["subject"], query["body"],
        query["In-Reply-To"])
    assert " " not in mailto(draft) and "\n" not in mailto(draft)


def test_draft_message_id_is_stable_per_action_and_differs_between_actions() -> None:
    one = draft_message_id(ACTIONS[Variant.FOLLOW_UP].key, ME)
    assert (one, False) == (draft_message_id(ACTIONS[Variant.FOLLOW_UP].key, ME),
                            one == draft_message_id(ACTIONS[Variant.LAST_FOLLOW_UP].key, ME))


@pytest.mark.parametrize(("language", "kind", "label"), [
    ("en", ActionKind.FOLLOW_UP_DUE, "Write follow-up"), ("nb", ActionKind.FOLLOW_UP_DUE,
                                                          "Skriv oppfølging"),
    ("en", ActionKind.THANK_YOU_DUE, "Write thank-you"), ("nb", ActionKind.THANK_YOU_DUE,
                                                          "Skriv takk"),
])
def test_render_due_action_with_a_thread_offers_write_first_in_the_users_language(
        language: str, kind: ActionKind, label: str) -> None:
    from replywatch.alerts.render import render
    from replywatch.core.model import Event

    i18n.use(language)
    app = APP._replace(events=(Event(NOW, Direction.TO_THEM, "mail", "mid:app-1@example.org"),))
    action = Action(1, kind, NOW, NOW, n=1, max_n=3)
    without = render(APP, action, now=NOW, tz=UTC).actions
    assert (("write", label), False) == (render(app, action, now=NOW, tz=UTC).actions[0],
                                         "write" in dict(without))


@pytest.mark.parametrize("shape", ["folded_lines", "named_recipients", "nested_angles",
                                   "only_blanks", "short_encoded_words", "no_blanks"])
def test_draft_readers_of_stored_mail_hostile_header_at_its_cap_linear_time(shape: str) -> None:
    # A thread's headers come from the store, capped at MAX_HEADER_BYTES: timed over
    # exactly that much, against the linear baseline over the same text.
    from replywatch.core.model import MAX_HEADER_BYTES
    from replywatch.mail.draft import _recipient_names

    token = SHAPES[shape][:MAX_HEADER_BYTES - 10]
    raw = b"To: " + token.encode("utf-8", "surrogateescape") + b"\r\n\r\n"
    allowed = RATIO * min(_baseline(token) for _ in range(3))
    spent = _seconds(lambda: (reply_subject(token), first_name(token), _recipient_names(raw),
                              cap_references(token.split()[:10_000])))
    assert spent <= allowed


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ("Hi,", "Thank you for the conversation",
            "My application for the position at Hooli",
            "Thank you for taking the time to talk with me about the position at Hooli.")),
    ("nb", ("Hei,", "Takk for samtalen", "Søknaden min på stillingen hos Hooli",
            "Takk for en hyggelig samtale om stillingen hos Hooli.")),
])
def test_drafttext_without_name_role_or_subject_falls_back_in_each_language(
        language: str, expected: tuple[str, str, str, str]) -> None:
    i18n.use(language)
    app = Application(id=2, company="Hooli", role="", stage=Stage.APPLIED, applied_at=NOW,
                      contacts=("jobs@hooli.example",))
    thanks = plan(app, ACTIONS[Variant.THANK_YOU], [], own={ME}, fallback_from=ME)
    follow = plan(app, ACTIONS[Variant.FOLLOW_UP], [], own={ME}, fallback_from=ME)
    assert thanks is not None and follow is not None
    lines = drafttext.body(thanks).splitlines()
    assert expected == (lines[0], drafttext.fallback_subject(thanks),
                        drafttext.fallback_subject(follow), lines[2])
    assert ("", None, "jobs@hooli.example") == (thanks.subject, thanks.in_reply_to,
                                                thanks.to_addr)
