"""Applications found in the mailbox, proposed to the user (DESIGN.md "Finding
applications").

Three kinds of mail say "you applied": an applicant-tracking system's receipt
("Thank you for applying to Acme"), a job board's "your application was sent to
Acme", and the user's own application (to a company address, with a CV or cover
letter attached, or with an application subject). ``propose`` reads one message
and returns a ``Proposal`` (company, role where the mail names it, the date, the
first contact, the message as thread anchor, and the evidence) or None.

A wrong proposal costs the user's trust more than a missed one, so every path asks
for two signs: who sent it (a relay, a board, the user to a company) and what it
says (a receipt's or an application's words in English, Norwegian, Swedish, Danish
or German). Newsletters, job alerts, replies and forwards, and mail to free-mail
addresses are never proposed. Pure; every pattern is linear and inputs are capped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from replywatch.core.domains import (
    board_base,
    domain_of,
    is_free_mail,
    registrable_label,
    relay_base,
)
from replywatch.core.kinds import Kind
from replywatch.core.names import squash
from replywatch.core.senders import relay_slots

MAX_SUBJECT = 300
MAX_NAME = 200
MAX_BODY = 4000
MAX_RECIPIENTS = 3
_NAME_CHARS = 60


@dataclass(frozen=True)
class Seen:
    """What discovery reads of one message.

    ``sent_by_user`` is True for the user's own mail; ``body`` is the start of its
    first text part (read for received mail that might be a receipt);
    ``attachments`` the file names of its parts (read for sent mail); ``kind`` the
    classifier's verdict on a received message, where there is one; ``bulk`` is set
    for list mail (List-Id, List-Unsubscribe, Precedence: bulk); ``reply`` when it
    answers another message (In-Reply-To).
    """

    sent_by_user: bool
    from_addr: str
    from_name: str
    to: tuple[str, ...]
    subject: str
    when: datetime
    message_id: str | None
    body: str = ""
    attachments: tuple[str, ...] = ()
    kind: Kind | None = None
    bulk: bool = False
    reply: bool = False


@dataclass(frozen=True)
class Proposal:
    """An application the mailbox suggests: ``source`` is "relay", "board" or "sent";
    ``evidence`` the sender, subject, date and the words that decided it."""

    company: str
    role: str
    applied: datetime
    contact: str
    message_id: str | None
    source: str
    evidence: tuple[str, ...]


# -- the words ------------------------------------------------------------------------

# The company after the words that introduce it, up to punctuation or a clause word;
# the lazy, bounded run keeps each start position to a fixed cost (linear in all).
_STOP = r"(?=\s*(?:[.,!?:;()\[\]|\n\"]|\s-\s|\s\u2013\s|$|\s(?:for|as|and|via|in|i|som|på|als|für|"
_STOP += r"und|og|och|with|med|mit|has|have|har|hat|was|is|er|ist|är|we|vi|wir|gesendet|versendet|"
_STOP += r"übermittelt|eingegangen|sendt|skickad|skickats|sent|submitted|received|wurde|wird|"
_STOP += r"wurden|worden|ble|blir|blev|blevet|bliver)\b))"
_NAME = rf"(?P<company>[^\s.,!?:;()\[\]|\n\"][^.,!?:;()\[\]|\n\"]{{0,{_NAME_CHARS}}}?){_STOP}"

_RECEIPT_COMPANY = re.compile(
    r"(?i)\b(?:"
    r"(?:thank you|thanks) for (?:applying|your application|your interest"
    r"|applying for [^\n.!]{1,80}?) (?:to|at|with|in)"
    r"|your application (?:to|at|with|for [^\n.!]{1,80}? at)"
    r"|application (?:received|submitted|sent)(?: to| at| by| for [^\n.!]{1,80}? at)?"
    r"|(?:we|i) (?:have|'ve) received your application (?:to|at|for [^\n.!]{1,80}? at)"
    r"|was (?:successfully )?(?:sent|submitted) to"
    r"|takk for (?:din|di) søknad (?:til|hos|på [^\n.!]{1,80}? (?:hos|i))"
    r"|(?:din|di) søknad (?:til|hos)"
    r"|søknaden (?:din )?(?:er|ble) (?:sendt|levert|mottatt) (?:til|hos)"
    r"|tack för (?:din|att du sökt|din ansökan) (?:ansökan )?(?:till|hos|på)"
    r"|din ansökan (?:till|hos)"
    r"|tak for (?:din )?ansøgning (?:til|hos)"
    r"|din ansøgning (?:til|hos)"
    r"|(?:vielen )?danke? für (?:ihre|deine) bewerbung (?:bei|an)(?: der| dem| den)?"
    r"|(?:ihre|deine) bewerbung (?:bei|an)(?: der| dem| den)?"
    r"|bewerbung (?:bei|an)(?: der| dem| den)? "
    r"|interest in (?:joining|working at|a career (?:at|with))?"
    r"|(?:takk for|tak for|tack för) (?:din |di )?(?:interesse|intresse) (?:for|för|i)"
    r"|interesse an(?: der| dem| den)?"
    r"|bewerbung als [^\n.!]{1,80}? (?:bei|an)(?: der| dem| den)?"
    r")\s+" + _NAME)

_RECEIPT_WORDS = re.compile(
    r"(?i)\b(?:thank(?:s| you) for (?:applying|your application|submitting your application)"
    r"|(?:we|i) (?:have |'ve )?received your application|application (?:received|submitted)"
    r"|your application (?:has been|was) (?:received|submitted|sent)"
    r"|we(?: will|'ll) (?:review|be in touch|get back)"
    r"|takk for (?:din|di) søknad|vi har mottatt (?:din|di) søknad|søknaden (?:din )?er "
    r"(?:mottatt|sendt|levert)|tack för (?:din ansökan|att du sökt)|vi har (?:tagit emot|mottagit)"
    r" din ansökan|tak for (?:din )?ansøgning|vi har modtaget din ansøgning"
    r"|(?:vielen )?danke? für (?:ihre|deine) bewerbung|(?:wir haben|haben wir) (?:ihre|deine) "
    r"bewerbung erhalten|(?:ihre|deine) bewerbung (?:ist|wurde) (?:eingegangen|erfolgreich))")

# A receipt in other words: a word for the application and a word for its arrival in
# one sentence ("we got your application", "søknaden din er registrert",
# "wir bestätigen den Eingang Ihrer Bewerbung").
_APPLICATION_WORD = re.compile(
    r"(?i)\b(?:applications?|søknad(?:en|er)?|søknaden din|ansøgning(?:en)?|ansökan|"
    r"ansökningar|bewerbung(?:en)?|bewerbungsunterlagen)\b")
_ARRIVED_WORD = re.compile(
    r"(?i)\b(?:received|got|receipt|confirm(?:s|ing)?|submitted|mottatt|motteke|mottatte|"
    r"registrert|kvittering|bekreftelse|modtaget|modtagelse|mottagit|tagit emot|"
    r"mottagningsbekräftelse|erhalten|eingegangen|eingang|eingangsbestätigung)\b")
_SENTENCE = re.compile(r"[^.!?\n]{1,400}")
# "hos Storebrand", "bei der Siemens AG": the employer after a strong "at" word, in a
# sentence about the application. A sentence that says "not" reports no arrival.
_NEGATED = re.compile(r"(?i)\b(?:not|n't|never|ikke|inte|ikkje|nicht|noch nicht|kein)\b")
# ("at" is left out: it is Norwegian and Danish for "that".)
_AT_COMPANY = re.compile(r"(?i)\b(?:hos|bei(?: der| dem| den)?)\s+" + _NAME)
_NOT_COMPANY = re.compile(
    r"(?i)^(?:the )?(?:stilling(?:en|a)?|stillinga|position|role|job|tjänsten|stelle|jobbet|"
    r"rollen|vacancy|opening|us|you|oss|uns|dig|deg|dich)\b")


def _says_received(text: str) -> str:
    """Return the sentence that says an application arrived, or ""."""
    for sentence in _SENTENCE.findall(text[:MAX_BODY]):
        if (_APPLICATION_WORD.search(sentence) and _ARRIVED_WORD.search(sentence)
                and not _NEGATED.search(sentence)):
            return str(sentence).strip()
    return ""


def _at_company(text: str) -> str:
    """Return the employer after "hos"/"bei"/"at" in a sentence about the application."""
    for sentence in _SENTENCE.findall(text[:MAX_BODY]):
        if not (_APPLICATION_WORD.search(sentence) or re.search(r"(?i)\bsøk|\bsök|\bapply",
                                                                sentence)):
            continue
        for match in _AT_COMPANY.finditer(sentence):
            company = _clean_company(match["company"])
            if company:
                return company
    return ""


_BOARD_SENT = re.compile(
    r"(?i)\b(?:your application was sent to|application (?:sent|submitted) to"
    r"|you applied (?:to|for) [^\n.!]{1,80}? at|you applied to|your application to"
    r"|søknaden din (?:er|ble) sendt til|du har søkt (?:på|hos)|din søknad til"
    r"|din ansökan (?:har skickats )?till|din ansøgning (?:er sendt )?til"
    r"|(?:ihre|deine) bewerbung (?:bei|an)(?: der| dem| den)?"
    r"|bewerbung (?:wurde )?(?:erfolgreich )?(?:an|bei)(?: der| dem| den)?)\s+" + _NAME)

# A role: a word, then up to 70 characters that hold no "for"/"to" (the start of
# another phrase), lazily; bounded, so linear in the text.
_R = (r"(?P<r>(?!(?:the|a|an|our|to|for)\b)[^\W\d_]"
      r"(?:(?!\s(?:for|to)\s)[^\n.,!?;:()\"]){1,70}?)")
_ROLE_END = r"(?=\s*(?:[.,!?;:()\"\n]|\s[-\u2013]\s|\s(?:at|with|in|hos|i|ved|til|bei|an|på|vid|"
_ROLE_END += r"has|have|was|is|har|hat|ist|er|är|here|and|og|och|und)\b|$))"
_ROLES = tuple(re.compile("(?i)" + source) for source in (
    r"\b(?:for|to) (?:the |our |a |an )?" + _R + r" (?:position|role|job|opening|vacancy|post)\b",
    r"\bbewerbung\b[^\n.]{0,60}? als " + _R + _ROLE_END,
    r"\b(?:position|role|vacancy|opening) (?:of |as )" + _R + _ROLE_END,
    r"\b(?:stilling(?:en|a)?|tjänsten|rollen) (?:som )?" + _R + _ROLE_END,
    r"\b(?:bewerbung|bewerbe mich) (?:als|für die stelle(?: als)?|um die stelle(?: als)?) "
    + _R + _ROLE_END,
    r"\bapplication(?: received| submitted)?(?: for| as|:| -| \u2013) (?:the )?" + _R + _ROLE_END,
    r"\b(?:applying|applied) for (?:the )?" + _R + _ROLE_END,
    r"\byour application (?:for|as) (?:the )?" + _R + _ROLE_END,
))
# The subject of one's own application: "Søknad - Dataingeniør", "Ansökan som X".
_SENT_ROLE = re.compile(
    r"(?i)^\s*(?:job )?(?:application|søknad|ansökan|ansøgning|bewerbung|applying)"
    r"(?: på| om| som| til| for| to| as| um| für| till)?(?: stillingen| tjänsten| die stelle)?"
    r"(?: som| als)?:? (?:[-\u2013] )?" + _R + _ROLE_END)
_NOT_ROLE = re.compile(
    r"(?i)\b(?:your|our|we|you|application|applying|received|submitted|thank|thanks|takk|"
    r"tack|tak|danke|stilling(?:en)?|tjänsten|position|role)\b")

_SENT_SUBJECT = re.compile(
    r"(?i)^\s*(?:(?:job )?application(?: for| to|:| as| -)|applying\b|"
    r"søknad(?: på| til| om| som|:| -)?|soknad\b|jobbsøknad|ansökan(?: om| till| till tjänsten"
    r"| som|:)?|ansøgning(?: om| til| som|:)?|bewerbung(?: als| um| für| bei|:)?|"
    r"initiativbewerbung|spontanbewerbung|open application|unsolicited application|"
    r"åpen søknad|spontansøknad|spontanansökan|uopfordret ansøgning)")
_ATTACHMENT = re.compile(
    r"(?i)(?:^|[\W_])(?:cv|resume|résumé|résume|curriculum|lebenslauf|cover[\W_]?letter|"
    r"coverletter|motivation(?:al)?[\W_]?letter|søknad|soknad|søknadsbrev|motivasjonsbrev|"
    r"følgebrev|ansökan|ansokan|personligt[\W_]brev|ansøgning|ansogning|anschreiben|"
    r"bewerbung|motivationsschreiben)(?:$|[\W_\d])")
_REPLY_PREFIX = re.compile(r"(?i)^\s*(?:re|fwd?|sv|vs|aw|wg|antw|odp|ynt)\s*(?:\[\d+\])?\s*:")
_SUBJECT_COMPANY = re.compile(r"(?i)\s(?:at|hos|bei|@)\s+" + _NAME + r"\s*$")
# A receipt never says no, invites or tests: those are answers, not proposals.
_ANSWER = re.compile(
    r"(?i)\b(?:unfortunately|regret|not (?:be )?(?:moving|move) forward|other candidates?|"
    r"decided (?:not|to move forward with)|invite you|schedule (?:a|an) (?:call|interview)|"
    r"assessment|coding (?:test|challenge)|dessverre|diverre|tyvärr|desværre|beklager|leider|"
    r"absage|invitere deg|intervju|interview|inbjudan|einladung|vorstellungsgespräch)")
# Relays whose sender address carries the employer in a tenant label or local part.
_TENANT_RELAYS = frozenset({
    "teamtailor-mail.com", "teamtailor.com", "recruitee.com", "bamboohr.com", "workable.com",
    "comeet-notifications.com", "ashbyhq.com", "breezy.hr", "myworkday.com", "workday.com",
})
# Display names that name the system, not the employer.
_GENERIC_NAME = re.compile(
    r"(?i)^(?:no[\W_]?reply|do[\W_]?not[\W_]?reply|notifications?|careers?|jobs?|recruit\w*|"
    r"talent(?: acquisition)?|hiring(?: team)?|hr|team|applications?|"
    r"greenhouse|lever|workday|smartrecruiters|ashby|workable|icims|teamtailor|recruitee|"
    r"personio|bamboohr|jobylon|webcruiter|jobbnorge|reachmee|easycruit|successfactors|"
    r"jobvite|join|comeet|linkedin|indeed|glassdoor|finn|stepstone|nav)$")
_TEAM_SUFFIX = re.compile(
    r"(?i)\s*(?:[-\u2013|@]\s*)?(?:\bvia\s+\S+|(?:\b(?:recruiting|recruitment|rekruttering|"
    r"rekrytering|rekruttering|talent(?: acquisition)?(?: team)?|hiring(?: team)?|careers?|"
    r"jobs|karriere|karriär|people(?: team)?|hr(?: team)?|team|no[\W_]?reply|notifications?)"
    r"\b\s*)+)$")
_SHOUT = re.compile(r"[!?.]+$")
_PERSON_AT = re.compile(r"(?i)\s(?:at|from|@|hos|bei|\||-|\u2013)\s+(?P<company>[^|@<>]{2,60})$")


def _cap(text: str, n: int) -> str:
    return text[:n]


def _clean_company(raw: str) -> str:
    name = raw.strip().strip("'\"\u201c\u201d\u2018\u2019«»").strip()
    if _NOT_COMPANY.match(name):
        return ""
    name = re.sub(r"(?i)^the\s+", "", name)
    name = _SHOUT.sub("", name).strip()
    # "Acme's" -> Acme
    name = re.sub(r"(?i)['\u2019]s$", "", name).strip()
    return name if 2 <= len(name) <= _NAME_CHARS and not _GENERIC_NAME.match(name) else ""


def _from_display_name(name: str) -> str:
    """Return the employer a relay's display name carries ("Acme Recruiting", "Acme
    via Greenhouse", "Jane at Acme", "Acme"), or "" when it names only the system or
    may be a person ("Jane Roe")."""
    name = name.strip()
    at = _PERSON_AT.search(name)
    if at:
        return _clean_company(at["company"])
    # A receipt's sender name is the employer ("Nordic Seafood AS"), or the employer
    # with its team ("Acme Recruiting"); a person's name comes with a person's words,
    # which the classifier does not call a receipt.
    return _clean_company(_TEAM_SUFFIX.sub("", name).strip(" -\u2013|,"))


def _tenant(address: str) -> str:
    """Return the employer slot of a relay address when it reads as a name: the
    tenant label (acme.teamtailor-mail.com) or the local part (acme@myworkday.com)."""
    if relay_base(domain_of(address)) not in _TENANT_RELAYS:
        return ""
    # The slots matching reads too (core.senders): tenant labels, then the local part,
    # without region, service and role words; an id cannot name a company.
    label = next(iter(relay_slots(address)), "")
    if len(label) < 3 or any(c.isdigit() for c in label):
        return ""
    return label.replace("-", " ").title()


def _role(company: str, texts: tuple[str, ...], *, sent: bool = False) -> str:
    """Return the role the texts name ("for the Data Engineer position", "på
    stillingen som Systemutvikler", "Bewerbung als Backend-Entwickler"), or "".
    Never the company's own name."""
    patterns = (_SENT_ROLE, *_ROLES) if sent else _ROLES
    own = squash(company)
    for text in texts:
        for pattern in patterns:
            for match in pattern.finditer(text):
                role = match["r"].strip().strip("'\"\u201c\u201d\u2018\u2019").strip()
                if (2 <= len(role) <= 70 and not _NOT_ROLE.search(role)
                        and own not in squash(role)):
                    return role
    return ""


def _evidence(seen: Seen, *more: str) -> tuple[str, ...]:
    who = f"{seen.from_name} <{seen.from_addr}>" if seen.from_name else seen.from_addr
    return (f"from: {_cap(who, 120)}", f"subject: {_cap(seen.subject, 160)}",
            f"date: {seen.when:%Y-%m-%d}", *more)


def sent_could_propose(subject: str) -> bool:
    """Return False only if the user's own message with this subject cannot be
    proposed from its headers alone (no attachment known): ``_from_sent`` wants a
    subject that says it is an application, and no reply."""
    subject = _cap(subject, MAX_SUBJECT)
    return _REPLY_PREFIX.match(subject) is None and _SENT_SUBJECT.match(subject) is not None


def propose(seen: Seen) -> Proposal | None:
    """Given one message, return the application it proposes, or None."""
    if seen.bulk:
        return None
    subject = _cap(seen.subject, MAX_SUBJECT)
    if seen.sent_by_user:
        return _from_sent(seen, subject)
    if seen.kind is not None and seen.kind is not Kind.ACKNOWLEDGEMENT:
        return None  # a rejection, an interview, a job alert: not a receipt
    domain = domain_of(seen.from_addr)
    body = _cap(seen.body, MAX_BODY)
    if relay_base(domain) is not None:
        return _from_relay(seen, subject, body)
    if board_base(domain) is not None:
        return _from_board(seen, subject, body)
    return None


def _from_relay(seen: Seen, subject: str, body: str) -> Proposal | None:
    if _ANSWER.search(subject) or _ANSWER.search(body):
        return None
    words = _RECEIPT_WORDS.search(subject) or _RECEIPT_WORDS.search(body)
    said = words.group(0) if words else (_says_received(subject) or _says_received(body))
    if not said and seen.kind is not Kind.ACKNOWLEDGEMENT:
        return None
    company = ""
    why = ""
    for text in (subject, body):
        for match in _RECEIPT_COMPANY.finditer(text):
            if company := _clean_company(match["company"]):
                why = match.group(0)
                break
        if company:
            break
    if not company:
        company = _at_company(subject) or _at_company(body)
        why = "an employer named after hos/bei/at"
    if not company:
        company = _from_display_name(_cap(seen.from_name, MAX_NAME))
        why = f"sender name {seen.from_name!r}"
    if not company:
        company = _tenant(seen.from_addr)
        why = f"sender address {seen.from_addr}"
    if not company:
        return None
    said = said or "acknowledgement"
    return Proposal(company, _role(company, (subject, body)), seen.when, seen.from_addr,
                    seen.message_id, "relay", _evidence(seen, f"says: {_cap(said, 80)}",
                                       f"company from: {_cap(why, 100)}"))


def _from_board(seen: Seen, subject: str, body: str) -> Proposal | None:
    if _ANSWER.search(subject):
        return None
    for text in (subject, body):
        match = _BOARD_SENT.search(text)
        if match and (company := _clean_company(match["company"])):
            return Proposal(company, _role(company, (subject, body)), seen.when, seen.from_addr,
                            seen.message_id, "board",
                            _evidence(seen, f"says: {_cap(match.group(0), 100)}"))
    return None


def _from_sent(seen: Seen, subject: str) -> Proposal | None:
    if seen.reply or _REPLY_PREFIX.match(subject):
        return None
    if not 1 <= len(seen.to) <= MAX_RECIPIENTS:
        return None
    contact = seen.to[0]
    domain = domain_of(contact)
    if ("." not in domain or is_free_mail(domain) or relay_base(domain) is not None
            or board_base(domain) is not None):
        return None
    files = [name for name in seen.attachments[:20] if _ATTACHMENT.search(name[:200])]
    subject_says = _SENT_SUBJECT.match(subject)
    if not files and not subject_says:
        return None
    match = _SUBJECT_COMPANY.search(subject)
    company = _clean_company(match["company"]) if match else ""
    if not company:
        company = registrable_label(domain).replace("-", " ").title()
    why = [f"attached: {_cap(', '.join(files), 100)}"] if files else []
    if subject_says:
        why.append(f"subject says: {subject_says.group(0).strip()}")
    return Proposal(company, _role(company, (subject,), sent=True), seen.when, contact,
                    seen.message_id, "sent",
                    _evidence(seen, *why))
