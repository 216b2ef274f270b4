"""The phrases that say what a job message is, in English, Norwegian (Bokmål and
Nynorsk), Swedish, Danish and German; data for ``core/classify.py``.

The tables are in phrases_decisions.py (rejection, offer), phrases_steps.py
(acknowledgement, interview, action) and phrases_noise.py (account, job alert); this
module holds what the classifier needs around them. Each entry is (weight, pattern).
Weight 3 decides a kind on its own; 2 is good evidence; 1 only counts together with
more. Patterns are written for text that ``classify`` has normalised: lower-cased
(``casefold``: "ß" is "ss"), "n't" as " not", typographic apostrophes straightened,
blanks folded to one space, paragraph breaks as "\\n".

Every pattern must stay linear: literal words, alternations and the bounded gaps
``{G}`` (up to 40 characters within one sentence) and ``{SHORT_GAP}`` (up to 15); never an
unbounded quantifier next to another that can match the same characters.
"""

from __future__ import annotations

from replywatch.core.kinds import Kind
from replywatch.core.phrases_decisions import OFFER, REJECTION, Phrases
from replywatch.core.phrases_noise import ACCOUNT, JOB_ALERT
from replywatch.core.phrases_steps import ACKNOWLEDGEMENT, ACTION, INTERVIEW

__all__ = ["PHRASES", "Phrases"]

GAP = "[^.!?\\n]{0,40}"
SHORT_GAP = "[^.!?\\n]{0,15}"

# Words that turn a positive phrase ("invite you to an interview", "offer you the
# role") into its opposite when they come shortly before it in the same sentence.
NEGATORS = (
    r"\b(?:not|never|unable|cannot|no longer|ikke|ikkje|inte|ej|icke|aldri|nicht|kein|"
    r"keine|keinen|niemals|ingen)\b|n't\b"
)
# Words that make a phrase a condition or a description of the process, not news:
# "if your profile matches, we will invite you to an interview".
CONDITIONALS = (
    r"\b(?:if|should (?:your|you|we|there|it|the|this)|unless|in case|in the event|provided|"
    r"hvis|dersom|viss|om (?:du|vi|din|ditt|dine|deg|dig|søknaden|profilen)|ifall|i fall|"
    r"i tilfelle|falls|wenn|sofern|sollten|sollte)\b"
)


PHRASES: dict[Kind, Phrases] = {
    Kind.REJECTION: REJECTION,
    Kind.ACKNOWLEDGEMENT: ACKNOWLEDGEMENT,
    Kind.INTERVIEW: INTERVIEW,
    Kind.OFFER: OFFER,
    Kind.ACTION: ACTION,
    Kind.ACCOUNT: ACCOUNT,
    Kind.JOB_ALERT: JOB_ALERT,
}

# A negated step of the process is a rejection in any wording: "you have not been
# selected", "vi har ikke funnet deg aktuell", "du er ikkje mellom dei", "leider hat es
# nicht geklappt". A negation, then within its clause one of these words, with a
# pronoun near (so that "candidates who are not selected will be told" in a receipt
# describes others and does not count).
NEGATION_WORDS = (
    r"\b(?:not|never|no longer|ikke|ikkje|inte|ej|icke|nicht|kein|keine|keinen|aldri|aldrig)\b"
)
PROGRESS_WORDS = (
    r"\b(?:select|shortlist|invit|interview|intervju|samtal|gespräch|further|forward|ahead|"
    r"videre|vidare|weiter|next (?:stage|step|round)|neste (?:runde|steg|trinn)|nästa (?:steg|"
    r"omgång)|næste (?:runde|skridt)|nächste (?:runde|phase)|aktuel|consider|successful|progress|"
    r"proceed|blant|blandt|bland|mellom|among|valgt|valt|vald|udvalgt|ausgewählt|berücksichtig|"
    r"geklappt|lykkes|lyckats|lykkedes|kalt inn|kalla inn|kallad|indkaldt|offer|tilby|erbjud|"
    r"anbiet|gått vidare|nådd|ført)"
)
PRONOUNS = (
    r"\b(?:you|your|we|i|it|du|deg|din|dine|vi|jeg|eg|dykk|dig|ditt|jag|vi|sie|ihre|ihnen|ihr|"
    r"dich|dir|dein|deine|wir|ich|es|det|den)\b"
)

# A phrase about other people, not the reader: "candidates who are not selected will be
# notified", "søkere som ikke går videre": the process described, as a receipt does.
ABOUT_OTHERS = (
    r"\b(?:candidates|applicants|those|anyone|everyone|all|søkere|søkerne|søkjarar|kandidater|"
    r"kandidatar|kandidatene|kandidatane|kandidaterna|sökande|ansøgere|ansøgerne|bewerber|"
    r"bewerbende|bewerberinnen|alle|dei|de)\b[^.!?\n]{0,15}\b(?:who|that|som|die|der|welche)\b|"
    # "only candidates selected for interview will be contacted"
    r"\bonly (?:candidates|applicants|those|shortlisted|successful|selected)\b|\b(?:kun|bara|"
    r"endast|nur|berre|bare) (?:kandidater|kandidatar|søkere|søkjarar|sökande|ansøgere|"
    r"bewerber|de|dei|dem|die|aktuelle|utvalde|utvalgte|utvalda)\b"
)

# A condition after the phrase: "... to schedule an interview if you are shortlisted".
# Not "hvis", which in Danish is also "whose" ("a candidate whose experience").
CONDITIONALS_AFTER = (
    r"\b(?:if|unless|provided|in case|dersom|viss|ifall|i fall|i tilfelle|falls|wenn|sofern|"
    r"sollten|sollte)\b"
)

# Phrases whose meaning flips when negated ("we will not invite you to an interview"):
# a negated one is evidence of a rejection instead.
FLIP_WHEN_NEGATED = frozenset({Kind.INTERVIEW, Kind.OFFER})

# A person asking something: their message needs an answer, whatever else it says.
REQUESTS = (
    r"\?(?:\s|$)|\b(?:could you|can you|would you (?:be able|mind|like|please)|please "
    r"(?:send|provide|confirm|share|let me know (?:when|what|which|if you(?:'re| are) "
    r"available|your))|let me know (?:when|what|which|your|if you(?:'re| are) available)|"
    r"kan du|kunne du|vil du|ville du|vennligst send|gi (?:meg )?beskjed om|kan ni|skulle du "
    r"kunna|kunne du|könnten sie|können sie|kannst du|bitte (?:senden|teilen|schicken|"
    r"bestätigen))"
)

# Job boards the classifier knows besides core.domains.JOB_BOARDS (the one list that
# matching uses): NAV's own mail and a Norwegian aggregator.
MORE_BOARD_DOMAINS = frozenset({"nav.no", "stillinger.no"})
ASSESSMENT_DOMAINS = frozenset(
    {
        "hackerrank.com", "codility.com", "codesignal.com", "hirevue.com", "criteriacorp.com",
        "testgorilla.com", "alvalabs.io", "sovaassessment.com", "pymetrics.ai", "shl.com",
        "mettl.com", "assessio.com", "matrigma.se", "harver.com", "cut-e.com", "coderbyte.com",
        "devskiller.com", "aon.com", "talentq.com", "saville-consulting.com", "tg-mail.com",
    }
)
NO_REPLY_MARKERS = ("noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
                    "do_not_reply", "notification", "notifications", "mailer", "alerts",
                    "jobalerts", "news")
