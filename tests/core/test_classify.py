"""classify(): one behaviour each: every kind in every language, the precedence of kinds,
quoted history, negation, conditions, weak evidence, and linear time on hostile input."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from replywatch.core.classify import classify, cut_quoted
from replywatch.core.kinds import Kind, MailText

ATS = "no-reply@us.greenhouse-mail.io"
PERSON = "kari.berg@havbris.no"

# (language, kind, sender, subject, body): a representative message of each kind, in
# each language, written in the phrasing employers use.
REPRESENTATIVE = [
    ("en", Kind.ACKNOWLEDGEMENT, ATS, "Thanks for applying to Acme",
     "We have received your application for Data Engineer and will review it shortly."),
    ("en", Kind.REJECTION, ATS, "Your application to Acme",
     "Thank you for applying. Unfortunately we have decided to move forward with other "
     "candidates for this role."),
    ("en", Kind.INTERVIEW, PERSON, "Acme - next steps",
     "We were impressed by your profile and would like to invite you to a video interview. "
     "Which times work for you next week?"),
    ("en", Kind.ACTION, ATS, "Acme assessment",
     "As the next step, please complete the online assessment within five days."),
    ("en", Kind.OFFER, PERSON, "Good news", "I'm delighted to offer you the Data Engineer role!"),
    ("en", Kind.ACCOUNT, ATS, "Your code", "Your verification code is 123456."),
    ("en", Kind.JOB_ALERT, "jobalerts-noreply@linkedin.com", "Jobs for you",
     "12 new jobs match your preferences. Data Engineer at Fabrikam. View all jobs."),
    ("en", Kind.OTHER, PERSON, "Re: Data Engineer",
     "Thanks. What is your notice period, and would you consider relocating to Bergen?"),
    ("nb", Kind.ACKNOWLEDGEMENT, "noreply@webcruiter.no", "Søknad mottatt",
     "Takk for din søknad. Vi har mottatt søknaden din og vil behandle den etter fristen."),
    ("nb", Kind.REJECTION, "noreply@webcruiter.no", "Din søknad",
     "Vi har vurdert alle søkerne og har dessverre valgt å gå videre med andre kandidater."),
    ("nb", Kind.INTERVIEW, PERSON, "Intervju",
     "Vi vil gjerne invitere deg til intervju. Passer det torsdag kl. 10?"),
    ("nb", Kind.ACTION, PERSON, "Tester",
     "Vi ber deg gjennomføre en personlighetstest før vi går videre."),
    ("nb", Kind.OFFER, PERSON, "Tilbud",
     "Vi er glade for å kunne tilby deg stillingen som rådgiver."),
    ("nb", Kind.ACCOUNT, "noreply@webcruiter.no", "Kode", "Din engangskode er 445566."),
    ("nb", Kind.JOB_ALERT, "agent@finn.no", "Jobbvarsel",
     "Vi har funnet 5 nye stillinger for deg."),
    ("nb", Kind.OTHER, PERSON, "SV: Søknad", "Hva er lønnsforventningene dine?"),
    ("nn", Kind.ACKNOWLEDGEMENT, "noreply@jobbnorge.no", "Stadfesting",
     "Takk for søknaden din. Vi har motteke søknaden og tek kontakt etter søknadsfristen."),
    ("nn", Kind.REJECTION, "noreply@jobbnorge.no", "Svar på søknad",
     "Vi har diverre valt å gå vidare med andre kandidatar. Lukke til vidare!"),
    ("nn", Kind.INTERVIEW, PERSON, "Intervju",
     "Vi vil gjerne invitere deg til intervju. Kva tid passar det for deg?"),
    ("nn", Kind.ACTION, PERSON, "Referansar",
     "Vi ber deg sende oss vitnemål og oppgje referansar."),
    ("nn", Kind.OFFER, PERSON, "Tilbod", "Vi ønskjer å gje deg tilbod om stilling hos oss."),
    ("nn", Kind.ACCOUNT, "noreply@jobbnorge.no", "Stadfest", "Stadfest e-postadressa di her."),
    ("nn", Kind.JOB_ALERT, "agent@finn.no", "Jobbvarsel", "Nye stillingar som passar for deg."),
    ("nn", Kind.OTHER, PERSON, "SV: Søknad", "Når kan du eventuelt byrje hos oss?"),
    ("sv", Kind.ACKNOWLEDGEMENT, "noreply@reachmee.com", "Tack för din ansökan",
     "Vi har tagit emot din ansökan och återkommer efter sista ansökningsdag."),
    ("sv", Kind.REJECTION, "noreply@reachmee.com", "Besked",
     "Vi har tyvärr valt att gå vidare med andra kandidater i processen."),
    ("sv", Kind.INTERVIEW, PERSON, "Intervju",
     "Vi skulle vilja bjuda in dig till en intervju. Vilka tider passar dig?"),
    ("sv", Kind.ACTION, PERSON, "Tester", "Vi ber dig genomföra ett personlighetstest."),
    ("sv", Kind.OFFER, PERSON, "Erbjudande", "Vi vill erbjuda dig tjänsten som utvecklare."),
    ("sv", Kind.ACCOUNT, "noreply@reachmee.com", "Kod", "Din engångskod är 991122."),
    ("sv", Kind.JOB_ALERT, "noreply@arbetsformedlingen.se", "Jobb", "Nya jobb som passar dig."),
    ("sv", Kind.OTHER, PERSON, "SV: Ansökan", "Vilken uppsägningstid har du?"),
    ("da", Kind.ACKNOWLEDGEMENT, "noreply@emply.com", "Kvittering",
     "Tak for din ansøgning. Vi har modtaget din ansøgning og vender tilbage."),
    ("da", Kind.REJECTION, "noreply@emply.com", "Din ansøgning",
     "Vi har desværre valgt at gå videre med andre kandidater."),
    ("da", Kind.INTERVIEW, PERSON, "Samtale",
     "Vi vil gerne invitere dig til en samtale. Hvornår passer det dig?"),
    ("da", Kind.ACTION, PERSON, "Test", "Vi beder dig gennemføre en personlighedstest."),
    ("da", Kind.OFFER, PERSON, "Tilbud", "Vi vil gerne tilbyde dig stillingen som udvikler."),
    ("da", Kind.ACCOUNT, "noreply@emply.com", "Kode", "Din engangskode er 123123."),
    ("da", Kind.JOB_ALERT, "jobagent@jobindex.dk", "Jobagent", "Din jobagent har 4 nye job."),
    ("da", Kind.OTHER, PERSON, "SV: Ansøgning", "Hvad er din opsigelsesperiode?"),
    ("de", Kind.ACKNOWLEDGEMENT, "noreply@m.personio.de", "Eingangsbestätigung",
     "Vielen Dank für Ihre Bewerbung. Ihre Unterlagen sind bei uns eingegangen."),
    ("de", Kind.REJECTION, "noreply@m.personio.de", "Ihre Bewerbung",
     "Leider müssen wir Ihnen mitteilen, dass wir uns für andere Bewerber entschieden haben."),
    ("de", Kind.INTERVIEW, PERSON, "Einladung",
     "Wir möchten Sie gerne zu einem Vorstellungsgespräch einladen."),
    ("de", Kind.ACTION, PERSON, "Assessment", "Bitte absolvieren Sie den Online-Test bis Freitag."),
    ("de", Kind.OFFER, PERSON, "Angebot", "Wir freuen uns, Ihnen die Stelle anbieten zu können."),
    ("de", Kind.ACCOUNT, "noreply@m.personio.de", "Code", "Ihr Bestätigungscode lautet 445566."),
    ("de", Kind.JOB_ALERT, "jobagent@stepstone.de", "Jobs", "Neue Jobs, die zu Ihnen passen."),
    ("de", Kind.OTHER, PERSON, "AW: Bewerbung", "Wie hoch ist Ihre Gehaltsvorstellung?"),
]


def mail(body: str, subject: str = "Your application", sender: str = PERSON, *,
         name: str = "", calendar: bool = False) -> MailText:
    return MailText(sender=sender, display_name=name, subject=subject, body=body,
                    has_calendar=calendar)


@pytest.mark.parametrize(("language", "kind", "sender", "subject", "body"), REPRESENTATIVE,
                         ids=[f"{r[0]}-{r[1].value}" for r in REPRESENTATIVE])
def test_classify_representative_message_yields_its_kind(
    language: str, kind: Kind, sender: str, subject: str, body: str
) -> None:
    assert kind == classify(mail(body, subject, sender)).kind


def test_classify_rejection_that_thanks_for_applying_is_rejection() -> None:
    body = ("Thank you for applying to Acme! We have received many applications. After careful "
            "review, we will not be moving forward with your application.")
    assert Kind.REJECTION == classify(mail(body, sender=ATS)).kind


def test_classify_interviews_described_later_is_acknowledgement() -> None:
    body = ("Thanks for applying! We have received your application. If your profile matches, "
            "we will invite you to an interview in April.")
    assert Kind.ACKNOWLEDGEMENT == classify(mail(body, sender=ATS)).kind


def test_classify_condition_after_the_invitation_in_receipt_is_acknowledgement() -> None:
    body = ("We have received your application and will reach out to schedule an interview if "
            "you are shortlisted.")
    assert Kind.ACKNOWLEDGEMENT == classify(mail(body, sender=ATS)).kind


def test_classify_negated_invitation_is_rejection() -> None:
    body = "Thank you for your time. We will not be inviting you to an interview for this role."
    assert Kind.REJECTION == classify(mail(body)).kind


def test_classify_negated_move_forward_is_rejection() -> None:
    result = classify(mail("We are not able to move forward with your application."))
    assert (Kind.REJECTION, ("not able to move forward",)) == (result.kind, result.evidence[:1])


def test_classify_positive_move_forward_is_interview() -> None:
    body = "Great news: we'd like to move forward with you. Are you available on Monday?"
    assert Kind.INTERVIEW == classify(mail(body)).kind


def test_classify_negated_offer_is_rejection() -> None:
    body = "Vi har dessverre ikke mulighet til å tilby deg stillingen denne gangen."
    assert Kind.REJECTION == classify(mail(body)).kind


def test_classify_persons_holding_reply_is_acknowledgement() -> None:
    body = "Thanks for sending this. I'll look at it over the weekend and get back to you."
    assert Kind.ACKNOWLEDGEMENT == classify(mail(body)).kind


def test_classify_persons_holding_reply_with_a_question_is_other() -> None:
    body = "Thanks for sending this. I'll get back to you. Could you also send your portfolio?"
    assert Kind.OTHER == classify(mail(body)).kind


def test_classify_weak_evidence_is_other() -> None:
    result = classify(mail("Unfortunately I'm out of office on Monday. Talk soon."))
    assert (Kind.OTHER, ("unfortunately",)) == (result.kind, result.evidence)


def test_classify_no_evidence_is_other() -> None:
    assert Kind.OTHER == classify(mail("Hi, see you at the meetup on Thursday!")).kind


def test_classify_quoted_reply_history_does_not_decide() -> None:
    body = ("Sounds good, see you then.\n\nOn Mon, 3 Mar 2025 at 10:14, Jane <jane@x.com> wrote:\n"
            "> Unfortunately we have decided to move forward with other candidates.")
    assert Kind.OTHER == classify(mail(body)).kind


def test_classify_quoted_outlook_history_does_not_decide() -> None:
    body = ("Noted, thanks.\n\nFra: Jane <jane@x.com>\nSendt: 4. mars 2025 09:02\nTil: Kari\n"
            "Emne: Søknad\n\nVi vil gjerne invitere deg til intervju.")
    assert Kind.OTHER == classify(mail(body)).kind


@pytest.mark.parametrize("header", [
    "Am Di., 4. März 2025 um 09:02 Uhr schrieb Anna <anna@x.de>:",
    "Den tir. 4. mars 2025 kl. 09:02 skrev Nora <nora@x.no>:",
    "-----Original Message-----",
    "-----Ursprüngliche Nachricht-----",
])
def test_cut_quoted_reply_header_drops_the_rest(header: str) -> None:
    assert "Kept line." == cut_quoted(f"Kept line.\n{header}\nQuoted offer of employment.")


def test_cut_quoted_wrapped_reply_header_drops_its_first_line() -> None:
    body = "Kept.\nOn Tue, Mar 4, 2025 at 9:02 AM Jane Doe <jane@x.com>\nwrote:\n> old"
    assert "Kept." == cut_quoted(body)


def test_classify_calendar_invite_is_interview() -> None:
    assert Kind.INTERVIEW == classify(mail("Interview with Acme", calendar=True)).kind


def test_classify_security_code_in_application_mail_is_account() -> None:
    body = "Your security code is 551203. Use it to continue your application to Acme."
    assert Kind.ACCOUNT == classify(mail(body, sender=ATS)).kind


def test_classify_talent_pool_in_rejection_is_rejection() -> None:
    body = ("Unfortunately you have not been selected for this role. Join our talent community "
            "to hear about new jobs that match your profile.")
    assert Kind.REJECTION == classify(mail(body, sender=ATS)).kind


def test_classify_test_before_interview_is_action() -> None:
    body = "Before your interview, please complete the coding challenge on HackerRank."
    assert Kind.ACTION == classify(mail(body)).kind


def test_classify_conditional_rejection_in_receipt_is_acknowledgement() -> None:
    body = ("We have received your application. If you have not heard from us within four "
            "weeks, your application has not been successful.")
    assert Kind.ACKNOWLEDGEMENT == classify(mail(body, sender=ATS)).kind


def test_classify_board_receipt_is_acknowledgement() -> None:
    result = classify(mail("Your application was sent to Healthify.",
                           sender="jobs-noreply@linkedin.com"))
    assert Kind.ACKNOWLEDGEMENT == result.kind


def test_classify_confidence_is_between_zero_and_one() -> None:
    result = classify(mail("Unfortunately we have decided to move forward with other "
                           "candidates. We wish you the best of luck in your job search."))
    assert 0.0 <= result.confidence <= 1.0


def test_classify_evidence_names_the_deciding_phrase() -> None:
    result = classify(mail("Stillingen er nå besatt.", sender="noreply@webcruiter.no"))
    assert ("stillingen er nå besatt",) == result.evidence


def test_classify_negated_step_in_any_wording_is_rejection() -> None:
    result = classify(mail("Takk for søknaden. Vi har dessverre ikke funnet deg aktuell.",
                           sender="noreply@webcruiter.no"))
    assert (Kind.REJECTION, "ikke funnet deg aktuel") == (result.kind, result.evidence[0])


def test_classify_negation_about_other_candidates_in_receipt_is_acknowledgement() -> None:
    body = ("We have received your application. Candidates who are not selected for interview "
            "will be notified by email.")
    assert Kind.ACKNOWLEDGEMENT == classify(mail(body, sender=ATS)).kind


def test_classify_automated_regret_without_receipt_is_rejection() -> None:
    body = "Thank you for your interest in Acme. Unfortunately, this time it did not work out."
    assert Kind.REJECTION == classify(mail(body, sender=ATS)).kind


def test_classify_persons_question_with_a_pause_is_other() -> None:
    body = "We have paused hiring for a few weeks. Are you still interested in the role?"
    assert Kind.OTHER == classify(mail(body)).kind


def test_classify_declined_application_is_rejection() -> None:
    body = "Din ansökan till tjänsten som utvecklare har tyvärr blivit avböjd."
    assert Kind.REJECTION == classify(mail(body, sender="noreply@varbi.com")).kind


def test_classify_board_mail_without_evidence_is_job_alert() -> None:
    result = classify(mail("Data Engineer - Fabrikam - Oslo", sender="jobs-noreply@linkedin.com"))
    assert Kind.JOB_ALERT == result.kind


def test_classify_recruiter_message_through_board_is_other() -> None:
    result = classify(mail("Priya Raman sent you a message: Hi Jane, saw your profile.",
                           sender="messaging-digest-noreply@linkedin.com"))
    assert Kind.OTHER == result.kind


def test_classify_ordinal_date_dot_does_not_end_the_sentence() -> None:
    body = "Hätten Sie am Donnerstag, 17. April, um 14 Uhr Zeit?"
    assert Kind.INTERVIEW == classify(mail(body)).kind


def test_classify_only_shortlisted_contacted_in_receipt_is_acknowledgement() -> None:
    body = ("We have your application and our team is looking at it. Only candidates selected "
            "for interviews will be contacted.")
    assert Kind.ACKNOWLEDGEMENT == classify(mail(body, sender=ATS)).kind


def test_classify_offer_made_to_someone_else_is_rejection() -> None:
    body = "We ended up making an offer to a designer who has led a team of our size before."
    assert Kind.REJECTION == classify(mail(body)).kind


def test_classify_negated_interview_subject_is_not_interview_evidence() -> None:
    result = classify(mail("Your availability is noted, thanks.", "Interview - not for now"))
    assert Kind.OTHER == result.kind


# -- linear time -------------------------------------------------------------------

def _best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("token", ["a", "not ", "invite you to ", "ikke ", ". ", "\n> ",
                                   "on x wrote:\n", "7", "you are not selected "])
def test_classify_two_megabyte_token_grows_less_than_a_linear_pass(token: str) -> None:
    # A subject, name and body made of one token repeated, at 256 KB and at 2 MB: a
    # linear pass (str.lower) takes about 8 times as long on the larger; classify,
    # which caps what it reads, must not grow faster than that. A quadratic pattern
    # would grow 64 times.
    def hostile(size: int) -> MailText:
        text = (token * (size // len(token) + 1))[:size]
        return MailText(sender="x@y.com", display_name=text, subject=text, body=text)

    small, large = hostile(256 * 1024), hostile(2 * 1024 * 1024)
    linear = _best_of(3, large.body.lower) / _best_of(3, small.body.lower)
    growth = _best_of(3, lambda: classify(large)) / _best_of(3, lambda: classify(small))
    assert growth < linear * 1.5, (growth, linear)
