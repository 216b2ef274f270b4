"""What a message says: its kind, from sender, subject and the start of its text.

DESIGN.md "What a message says". A pure function: ``classify(MailText)`` reads the
display name and subject, and the start of the first text part with quoted history
cut off, looks for the phrases of ``core/phrases.py`` in six languages, and decides
by a fixed order of precedence, because job mail mixes its messages: a rejection
thanks you for applying, an interview invitation confirms your application, an
acknowledgement describes the interviews to come. Weak evidence gives ``other``:
missing a person's reply costs more than a needless "answer due".

Every pattern is linear and the input is capped, so one message costs a few
milliseconds whatever it holds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from replywatch.core import kindmodel, phrases
from replywatch.core.domains import domain_of, is_ats, is_board
from replywatch.core.kindmodel import KindModel
from replywatch.core.kinds import Classification, Kind, MailText
from replywatch.core.phrasescan import PhraseScan, is_word

# What is read of a message: the decision is made at its start, and a cap keeps a
# hostile message as cheap as a short one.
MAX_SUBJECT = 400
MAX_NAME = 200
MAX_BODY_IN = 16 * 1024  # what is looked at for quoted history
MAX_BODY = 5000  # what is read for phrases, after the quote is cut
# How far back a negation reaches (within its clause) and a condition (within its
# sentence): "not" turns "invite you" around, "If ..., we will invite you" describes.
_NEGATION_WINDOW = 40
_CONDITION_WINDOW = 90
_MAX_EVIDENCE = 4
DECIDES = 3  # a score at which a kind decides on its own
SUGGESTS = 2


def _alternations(table: phrases.Phrases) -> list[tuple[int, tuple[str, ...]]]:
    """Given a kind's phrases, return per weight (strongest first) its patterns' sources."""
    by_weight: dict[int, list[str]] = {}
    for weight, template in table:
        source = template.replace("{G}", phrases.GAP).replace("{SHORT_GAP}", phrases.SHORT_GAP)
        by_weight.setdefault(weight, []).append(source)
    # One alternation per weight: a few scans per kind instead of one per phrase (five
    # times faster). Two phrases of one weight that start at the same place count once;
    # where both together should decide, a phrase of the next weight says so.
    return sorted(((weight, tuple(sources)) for weight, sources in by_weight.items()),
                  reverse=True)


# The (kind, weight) of each alternation, in the order hits are reported: evidence is
# listed in that order.
_ORDER = tuple((kind, weight) for kind, table in phrases.PHRASES.items()
               for weight, _ in _alternations(table))


def phrase_alternations() -> list[tuple[str, ...]]:
    """Return the alternatives of each phrase alternation, in the order scanned."""
    return [sources for table in phrases.PHRASES.values()
            for _, sources in _alternations(table)]


@functools.cache
def _scanner() -> PhraseScan:
    """The phrase alternations, read at the first message, not at import; how their
    alternatives begin was worked out when the phrases last changed (phrasestarts.py:
    35 ms of parsing saved in every process that classifies)."""
    from replywatch.core.phrasestarts import STARTS

    return PhraseScan(phrase_alternations(), known=STARTS)


_NEGATOR_RE = re.compile(phrases.NEGATORS)
_SUBJECT_INTERVIEW_RE = re.compile(
    r"\b(?:interview|intervju|intervjun|vorstellungsgespräch|jobsamtale|jobbintervju)\b"
)
_CONDITIONAL_RE = re.compile(phrases.CONDITIONALS)
_CONDITIONAL_AFTER_RE = re.compile(phrases.CONDITIONALS_AFTER)
_REQUEST_RE = re.compile(phrases.REQUESTS)
# A negation before a comma or a "but" belongs to another clause: "I'm not sure
# Tuesday works, but we'd like to schedule a call".
_NEGATION_WORD_RE = re.compile(phrases.NEGATION_WORDS)
_ABOUT_OTHERS_RE = re.compile(phrases.ABOUT_OTHERS)
_PROGRESS_RE = re.compile(phrases.PROGRESS_WORDS)
_PRONOUN_RE = re.compile(phrases.PRONOUNS)
_BOARD_MESSAGE_RE = re.compile(r"\b(?:inmail|sent you a message|new message from|replied to your "
                               r"message|has sent you|sendte deg en melding|skickade ett "
                               r"meddelande|hat ihnen eine nachricht)")
_REGRET_RE = re.compile(r"\b(?:unfortunately|regrettably|regret|sorry|dessverre|diverre|"
                        r"tyvärr|desværre|beklageligvis|leider|bedauerlicherweise)\b")
_CLAUSE_END_RE = re.compile(r"[.!?\n;,]")
_PROGRESS_REACH = 32
_CLAUSE_RE = re.compile(r"[,;:]| (?:but|men|aber|mais|dock|however|jedoch|doch) ")
# "17. april", "kl. 13", "ref. 4471": a dot after one of these words (or a number of
# one or two digits), followed by a blank, ends no sentence.
_ABBREVIATIONS = frozenset((
    "kl", "nr", "ref", "ca", "bzw", "evt", "ev", "osv", "inkl", "ekskl", "tlf", "tel", "mr",
    "mrs", "ms", "dr", "st", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "okt", "oct", "nov", "des", "dec", "man", "tir", "ons", "tor", "fre", "mon",
    "tue", "wed", "thu", "fri"))
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))
# Blanks of every kind become a space as the text is folded (so that a run of them is a
# run of spaces); soft hyphens and zero-width spaces go; curly quotes become straight.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                       "\u00ad": None, "\u200b": None,
                       **dict.fromkeys("\t\r\f\v\u00a0\u2007\u202f", " ")})
# Searched for by its two literal spaces: plain text, a space between each word,
# costs nearly nothing (a class that also matched one space replaced every one).
_SPACE_RUN_RE = re.compile(r"  +")
_PARAGRAPH_RE = re.compile(r"\n(?: ?\n)+")

# Quoted history. A reply header line: "On <date>, <name> wrote:" and its Nordic and
# German forms; the check is on a line's end, which is cheap and language-neutral.
_WROTE_ENDINGS = ("wrote:", "schrieb:", "skrev:", "skreiv:", "écrit :", "écrit:", "kirjoitti:",
                  "schreef:", "escribió:", "scritto:", "napisał:", "wrote :", "skrev :")
_WROTE_VERBS = (" wrote ", " schrieb ", " skrev ", " skreiv ", " a écrit ", " kirjoitti ",
                " schreef ")
_REPLY_INTROS = ("on ", "am ", "den ", "le ", "el ", "op ", "il ", "på ", "d. ", "tir. ", "man. ")
_SEPARATORS = (
    "-----original message-----", "----- original message -----", "-----ursprüngliche nachricht",
    "-----opprinnelig melding", "-----opphavleg melding", "-----ursprungligt meddelande",
    "-----oprindelig meddelelse", "---------- forwarded message", "----- forwarded message",
    "-------- weitergeleitete nachricht", "---------- videresendt melding",
    "-------- vidarebefordrat meddelande", "begin forwarded message:",
    "-------- videresendt besked",
)
_HEADER_FROM = ("from:", "fra:", "från:", "von:", "fra :", "de :", "de:")
_HEADER_NEXT = ("sent:", "sendt:", "skickat:", "gesendet:", "date:", "dato:", "datum:", "to:",
                "til:", "till:", "an:", "subject:", "emne:", "ämne:", "betreff:", "envoyé :")
_MAX_QUOTE_LINE = 400


@dataclass(frozen=True)
class _Hit:
    kind: Kind
    weight: int
    phrase: str


def prepare() -> None:
    """Build the phrase scanner with every pattern it may need compiled, and load the
    packaged model, now, not at the first messages (a long-lived process does this
    before its first pass)."""
    _scanner().warm()
    kindmodel.packaged()


def classify(mail: MailText) -> Classification:
    """Given what a message says (sender, display name, subject, start of its text),
    return its kind, a confidence from 0.0 to 1.0 and the phrases that decided it.

    The rules decide; where they find too little evidence (``other``), the model
    shipped in the package (``core/kindmodel.py``) may name the kind, as
    ``classify_with`` describes.
    """
    return classify_with(mail, kindmodel.packaged())


def classify_with(mail: MailText, model: KindModel | None) -> Classification:
    """Given what a message says and a learned model (or None: the rules alone),
    return its kind, a confidence and its evidence.

    Quoted history ("On ... wrote:", "> ", "-----Original Message-----", an Outlook
    "From:/Sent:" block) never decides. Precedence: account codes, rejection, offer,
    interview, action, acknowledgement, job alert; weak evidence gives ``other``.
    Only where the rules would say ``other`` and no person asks something is the
    model consulted, and its kind taken only at a probability of at least its
    threshold; its word is in the evidence ("model: rejection 0.93").
    """
    name, subject, body, domain, automated = _read(mail)
    board = _is_board(domain)
    hits = [*_hits(subject, automated), *_hits(body, automated), *_negated_progress(body),
            *_hits(name, automated, only=Kind.JOB_ALERT)]
    if _within(domain, phrases.ASSESSMENT_DOMAINS):
        hits.append(_Hit(Kind.ACTION, 2, domain))
    if mail.has_calendar:
        hits.append(_Hit(Kind.INTERVIEW, DECIDES, "calendar invitation"))
    if _SUBJECT_INTERVIEW_RE.search(subject) and not _NEGATOR_RE.search(subject):
        hits.append(_Hit(Kind.INTERVIEW, SUGGESTS, "interview in the subject"))
    if board and not hits and not _BOARD_MESSAGE_RE.search(subject + " " + body):
        # A board's own mail is never a company's answer; a recruiter's message written
        # through the board (InMail) is, and stays ``other``.
        hits.append(_Hit(Kind.JOB_ALERT, DECIDES, domain))
    scores, evidence = _tally(hits)
    asks = not automated and _REQUEST_RE.search(body) is not None
    kind = _decide(scores, asks=asks, automated=automated,
                   regrets=_REGRET_RE.search(body) is not None)
    if kind is not Kind.OTHER:
        return Classification(kind, _confidence(kind, scores),
                              tuple(evidence[kind][:_MAX_EVIDENCE]))
    weak = tuple(phrase for found in evidence.values() for phrase in found)
    if model is not None and not asks:
        # The rules found too little: a second opinion from the words as a whole. A
        # person's question stays ``other`` (their answer is due whatever else it says).
        guess, probability = model.predict(kindmodel.features(subject, body,
                                                              automated=automated))
        if guess is not Kind.OTHER and probability >= model.threshold:
            return Classification(guess, round(min(0.95, probability), 2),
                                  (f"model: {guess.value} {probability:.2f}",
                                   *weak[: _MAX_EVIDENCE - 1]))
    return Classification(Kind.OTHER, 0.4 if weak else 0.6, weak[:_MAX_EVIDENCE])


def learned_features(mail: MailText) -> list[str]:
    """Given what a message says, return the features the learned model reads of it:
    those of ``kindmodel.features`` over the normalised subject and body (quoted
    history cut), as ``classify_with`` passes them."""
    _, subject, body, _, automated = _read(mail)
    return kindmodel.features(subject, body, automated=automated)


def _read(mail: MailText) -> tuple[str, str, str, str, bool]:
    """Return the normalised display name, subject and body (quoted history cut), the
    sender's domain, and whether the message is automated."""
    name = _normalise(mail.display_name[:MAX_NAME])
    subject = _normalise(mail.subject[:MAX_SUBJECT])
    body = _normalise(cut_quoted(mail.body[:MAX_BODY_IN]))[:MAX_BODY]
    domain = domain_of(mail.sender[:MAX_NAME])
    local = mail.sender[:MAX_NAME].partition("@")[0].lower()
    automated = (mail.automated or _is_board(domain) or is_ats(domain)
                 or any(marker in local for marker in phrases.NO_REPLY_MARKERS))
    return name, subject, body, domain, automated


def _decide(scores: dict[Kind, int], *, asks: bool, automated: bool, regrets: bool) -> Kind:
    """Apply the precedence of kinds to the scores; ``asks``: a person asked something;
    ``regrets``: the text says "unfortunately" or the like."""
    def s(kind: Kind) -> int:
        return scores.get(kind, 0)

    progress = max(s(Kind.INTERVIEW), s(Kind.OFFER))
    if s(Kind.ACCOUNT) >= DECIDES and s(Kind.ACCOUNT) >= s(Kind.ACKNOWLEDGEMENT) and (
        s(Kind.REJECTION) < DECIDES and progress < DECIDES
    ):
        return Kind.ACCOUNT
    # A rejection also thanks you for applying and points to the talent pool.
    if s(Kind.REJECTION) >= DECIDES and s(Kind.REJECTION) >= progress:
        return Kind.REJECTION
    # Weaker signs of a rejection decide only where nothing else does, and never over
    # a person's question ("we've paused hiring, are you still interested?").
    if s(Kind.REJECTION) >= SUGGESTS and progress < DECIDES and s(Kind.ACTION) < DECIDES and (
        s(Kind.ACKNOWLEDGEMENT) < DECIDES and not asks
    ):
        return Kind.REJECTION
    if s(Kind.OFFER) >= DECIDES:
        return Kind.OFFER
    # An automated message that regrets something and confirms nothing ("Thank you for
    # your interest. Unfortunately ...") is a rejection in words we have not listed.
    if automated and regrets and s(Kind.ACKNOWLEDGEMENT) < DECIDES and max(
        progress, s(Kind.ACTION), s(Kind.ACCOUNT)
    ) < DECIDES:
        return Kind.REJECTION
    # An interview invitation confirms the application too; a test before the interview
    # is the next move, so a stronger action wins.
    if s(Kind.INTERVIEW) >= DECIDES and s(Kind.INTERVIEW) >= s(Kind.ACTION):
        return Kind.INTERVIEW
    if s(Kind.ACTION) >= DECIDES:
        return Kind.ACTION
    if s(Kind.INTERVIEW) >= DECIDES:
        return Kind.INTERVIEW
    # A person's holding reply is an acknowledgement only when it asks nothing.
    if s(Kind.ACKNOWLEDGEMENT) >= SUGGESTS and not asks and (
        s(Kind.ACKNOWLEDGEMENT) >= DECIDES or s(Kind.JOB_ALERT) < DECIDES
    ):
        return Kind.ACKNOWLEDGEMENT
    if s(Kind.JOB_ALERT) >= DECIDES:
        return Kind.JOB_ALERT
    return Kind.OTHER


def _confidence(kind: Kind, scores: dict[Kind, int]) -> float:
    own = scores.get(kind, 0)
    rival = max((v for k, v in scores.items() if k is not kind), default=0)
    value = 0.5 + 0.1 * own - 0.05 * rival
    return round(min(0.99, max(0.3, value)), 2)


def _tally(hits: list[_Hit]) -> tuple[dict[Kind, int], dict[Kind, list[str]]]:
    """Sum weights per kind, each distinct phrase once; evidence strongest first."""
    scores: dict[Kind, int] = {}
    evidence: dict[Kind, list[str]] = {}
    seen: set[tuple[Kind, str]] = set()
    for hit in sorted(hits, key=lambda h: -h.weight):
        if (hit.kind, hit.phrase) in seen:
            continue
        seen.add((hit.kind, hit.phrase))
        scores[hit.kind] = scores.get(hit.kind, 0) + hit.weight
        evidence.setdefault(hit.kind, []).append(hit.phrase)
    return scores, evidence


def _hits(text: str, automated: bool, only: Kind | None = None) -> Iterator[_Hit]:
    """Yield every phrase found in ``text``, turned by what comes before it (and, in
    automated mail, by a condition after it)."""
    if not text:
        return
    # Every alternation at once, with what each one's finditer would find, in its order.
    found = _scanner().scan(text)
    for (kind, weight), spans in zip(_ORDER, found, strict=True):
        if only is not None and kind is not only:
            continue
        for start, end in spans:
            phrase = text[start:end].strip()[:80]
            if kind in (Kind.REJECTION, Kind.INTERVIEW, Kind.OFFER) and (
                _conditional(text, start, end, after=automated) or _about_others(text, start)
            ):
                # "if you have not heard from us in four weeks, you were not
                # selected", "should your profile fit, we will invite you",
                # "candidates who are not selected will be told": the process
                # described, not news: an acknowledgement.
                yield _Hit(Kind.ACKNOWLEDGEMENT, SUGGESTS, phrase)
            elif kind in phrases.FLIP_WHEN_NEGATED and _negated(text, start, end):
                yield _Hit(Kind.REJECTION, weight, phrase)
            elif kind in phrases.FLIP_WHEN_NEGATED or kind is Kind.REJECTION or not _negated(
                text, start, end
            ):
                yield _Hit(kind, weight, phrase)


def _negated_progress(text: str) -> Iterator[_Hit]:
    """Yield a rejection hit for each negated step of the process ("you were not
    selected", "du er ikkje mellom dei"), unless it is a condition or names no one."""
    for negation in _NEGATION_WORD_RE.finditer(text):
        start, end = negation.span()
        rest = text[end : end + _PROGRESS_REACH]
        stop = _CLAUSE_END_RE.search(rest)
        clause = rest[: stop.start()] if stop else rest
        progress = _PROGRESS_RE.search(clause)
        if progress is None:
            continue
        before = _CLAUSE_RE.split(_sentence_before(text, start, _NEGATION_WINDOW))[-1]
        if _PRONOUN_RE.search(before) is None and _PRONOUN_RE.search(clause) is None:
            continue
        phrase = text[start : end + progress.end()]
        if _conditional(text, start, end, after=False) or _about_others(text, start):
            yield _Hit(Kind.ACKNOWLEDGEMENT, SUGGESTS, phrase)
        else:
            yield _Hit(Kind.REJECTION, DECIDES, phrase)


def _sentence_before(text: str, start: int, width: int) -> str:
    window = text[max(0, start - width) : start]
    cut = max(window.rfind("."), window.rfind("!"), window.rfind("?"), window.rfind("\n"))
    return window[cut + 1 :]


def _negated(text: str, start: int, end: int) -> bool:
    """True when a negation comes shortly before the phrase, in its clause, and the
    phrase itself does not already carry one."""
    if _NEGATOR_RE.search(text, start, end):
        return False
    clause = _CLAUSE_RE.split(_sentence_before(text, start, _NEGATION_WINDOW))[-1]
    return _NEGATOR_RE.search(clause) is not None


def _about_others(text: str, start: int) -> bool:
    """True when the phrase is said of other people ("candidates who are ...")."""
    return _ABOUT_OTHERS_RE.search(_sentence_before(text, start, _NEGATION_WINDOW)) is not None


def _conditional(text: str, start: int, end: int, *, after: bool) -> bool:
    """True when the phrase is in a sentence that starts as a condition ("If your
    profile matches, we will invite you ..."); with ``after``, also when the condition
    follows it ("We will contact you to schedule an interview if you are shortlisted"),
    which a receipt says and a person inviting you does not mean."""
    if _CONDITIONAL_RE.search(_sentence_before(text, start, _CONDITION_WINDOW)):
        return True
    if not after:
        return False
    rest = text[end : end + _NEGATION_WINDOW]
    stop = min((i for i in (rest.find("."), rest.find("!"), rest.find("?"), rest.find("\n"))
                if i >= 0), default=len(rest))
    return _CONDITIONAL_AFTER_RE.search(rest[:stop]) is not None


def _normalise(text: str) -> str:
    # "won't", "can't": " not", so that one word stands for every negation.
    text = text.translate(_FOLD).casefold().replace("n't", " not")
    text = _join_abbreviations(_SPACE_RUN_RE.sub(" ", text))
    # Hard-wrapped lines are one sentence; a blank line ends a paragraph.
    text = _PARAGRAPH_RE.sub("\x00", text).replace("\n", " ").replace("\x00", "\n")
    return _SPACE_RUN_RE.sub(" ", text).strip()


def _join_abbreviations(text: str) -> str:
    """Drop the dot of each abbreviation or one- or two-digit number followed by a blank
    ("17. april", "kl. 13"), as ``re.sub(r"\\b(17|kl|...)\\.(?= )", r"\\1")`` would: the
    word before a dot is the whole run of word characters that ends there. Each ". " is
    found by ``str.find``; what is read back from it is bounded, so this is linear."""
    dot = text.find(". ")
    if dot < 0:
        return text
    kept: list[str] = []
    last = 0
    while dot >= 0:
        start = dot
        while start > 0 and dot - start <= _LONGEST_ABBREVIATION and is_word(text[start - 1]):
            start -= 1
        word = text[start:dot]
        if (word and (start == 0 or not is_word(text[start - 1])) and (
                word in _ABBREVIATIONS or (len(word) <= 2 and word.isdecimal()))):
            kept.append(text[last:dot])
            last = dot + 1
        dot = text.find(". ", dot + 1)
    kept.append(text[last:])
    return "".join(kept)



def _is_board(domain: str) -> bool:
    return is_board(domain) or _within(domain, phrases.MORE_BOARD_DOMAINS)


def _within(domain: str, domains: frozenset[str]) -> bool:
    parts = domain.split(".")
    return any(".".join(parts[i:]) in domains for i in range(len(parts) - 1))


def cut_quoted(body: str) -> str:
    """Given the text of a message, return it without quoted history: everything from
    the first reply header ("On ... wrote:", "Den ... skrev:", "Am ... schrieb:"), an
    "Original Message" or forward separator, or an Outlook "From:/Sent:" block, and
    every line that starts with ">".
    """
    lines = body.split("\n")
    kept: list[str] = []
    for index, raw_line in enumerate(lines):
        line = raw_line.strip()
        low = line[:_MAX_QUOTE_LINE].lower()
        if low.startswith(">"):
            continue
        if _starts_quote(low, lines, index):
            # "On Mon, 3 Mar 2025 at 10:00, Jane Doe <jane@x.com>" may wrap before
            # "wrote:"; drop the intro line kept just before.
            if kept and not low.startswith(_REPLY_INTROS) and kept[-1].strip().lower().startswith(
                _REPLY_INTROS
            ) and low.endswith(_WROTE_ENDINGS):
                kept.pop()
            break
        kept.append(raw_line)
    return "\n".join(kept)


def _starts_quote(low: str, lines: list[str], index: int) -> bool:
    if len(low) < _MAX_QUOTE_LINE and (
        low.endswith(_WROTE_ENDINGS)
        # "Am ... schrieb Anna <anna@x.de>:", "Den ... skrev Nora <nora@x.no>:"
        or (low.endswith(":") and any(verb in low for verb in _WROTE_VERBS))
    ):
        return True
    if low.startswith(_SEPARATORS):
        return True
    if low.startswith("____") and index + 1 < len(lines):
        return lines[index + 1].strip().lower().startswith(_HEADER_FROM)
    if low.startswith(_HEADER_FROM):
        following = (line.strip().lower() for line in lines[index + 1 : index + 4])
        return any(line.startswith(_HEADER_NEXT) for line in following)
    return False
