"""The phrases that say what a job message is, in English, Norwegian (Bokmål and
Nynorsk), Swedish, Danish and German; data for ``core/classify.py``.

Each entry is (weight, pattern). Weight 3 decides a kind on its own; 2 is good
evidence; 1 only counts together with more. Patterns are written for text that
``classify`` has normalised: lower-cased (``casefold``: "ß" is "ss"), typographic
apostrophes straightened, blanks folded to one space, paragraph breaks as "\\n".

Every pattern must stay linear: literal words, alternations and the bounded gaps
``{G}`` (up to 40 characters within one sentence) and ``{g}`` (up to 15); never an
unbounded quantifier next to another that can match the same characters.
"""

from __future__ import annotations

from replywatch.core.kinds import Kind

Phrases = tuple[tuple[int, str], ...]

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

REJECTION: Phrases = (
    # English
    (1, r"unfortunately"),
    (1, r"regrettably"),
    (2, r"we regret to (?:inform|let you know|tell you)"),
    (2, r"(?:not|un)(?: been)? ?successful"),
    (3, r"(?:move|moving|go|going|proceed|proceeding|continue|continuing) (?:forward |ahead )?"
        r"with (?:other|another|a different|different|the other|more suitable|candidates? wh)"),
    (3, r"(?:decided|chosen|elected|opted) (?:not to|to not) (?:move|go|proceed|progress|"
        r"continue|pursue|advance|take)"),
    (3, r"(?:not|n't) (?:be )?(?:moving|move|going|proceeding|proceed|progressing|progress|"
        r"advancing|advance|taking|continuing|pursuing|pursue) (?:forward |further )?"
        r"(?:with )?(?:your (?:application|candidacy|candidature|profile)|it|you) ?"
        r"(?:forward|further|any further)?"),
    (3, r"(?:no longer|not) (?:be )?(?:under )?consider(?:ed|ing|ation)"),
    (3, r"(?:were|was|have|has|are|is|'ve|'re) not (?:been )?(?:selected|shortlisted|chosen|"
        r"progressed|successful)"),
    (3, r"not (?:been )?(?:selected|shortlisted) (?:for|to)"),
    (3, r"(?:position|role|vacancy|job|opening|requisition){G} (?:is|has been|was|have been) "
        r"(?:now |already )?(?:filled|closed|cancelled|canceled|put on hold|withdrawn)"),
    (3, r"(?:filled|closed) the (?:position|role|vacancy)"),
    (3, r"(?:offered|given) the (?:position|role|job) to (?:another|someone|a different)"),
    (3, r"(?:hired|selected|chosen|appointed|found) (?:another|a different|someone else|"
        r"other) (?:candidate|applicant|person)?"),
    (3, r"(?:other|another|a different|different) (?:candidates?|applicants?|profiles?) "
        r"(?:whose|who|with)"),
    (2, r"more closely (?:match|matches|matched|align|aligns|aligned)"),
    (3, r"pursue (?:other|another|different|more suitable) (?:candidates?|applicants?|profiles?)"),
    (3, r"(?:was|were|has been|have been|is|are) unsuccessful"),
    (3, r"(?:offer|offered|give|given|extend|extended) (?:an offer for )?(?:the|this) (?:position|"
        r"role|job) to (?:another|someone|a different|an internal|a candidate|other)"),
    (3, r"(?:made|extended|accepted) (?:an|the|a) offer (?:to|from) (?:another|a different|"
        r"someone|an internal|other)"),
    (3, r"(?:selected|chosen|identified) (?:other |another |a different )?(?:candidates?|"
        r"applicants?) (?:whose|who|that) (?:more|better|are more|were more)"),
    (3, r"(?:move|moving|moved) on with (?:other|another|a different)"),
    (3, r"(?:not|unable)(?: be)?(?: able)? to (?:offer you|invite you|move forward|proceed|"
        r"progress|consider your|take your application)"),
    (3, r"(?:close|closed|cancel|cancelled|canceled) (?:this|the) (?:position|role|requisition|"
        r"vacancy|opening)"),
    (3, r"(?:unable|not able|not in a position) to (?:offer you|move forward|proceed|progress|"
        r"take your application|invite you)"),
    (3, r"(?:go|going|went|move|moving) in a different direction"),
    (2, r"not (?:the right|a|the best|a strong) (?:fit|match)"),
    (2, r"wish you (?:the very best|the best|every success|all the best|success|luck|good luck)"
        r"{G}(?:search|endeavou?rs|career|future)"),
    (1, r"keep your (?:resume|cv|details|profile|information|application) on (?:file|record)"),
    (2, r"(?:no longer|not currently) (?:hiring|recruiting|available|open)"),
    # Norwegian, Bokmål and Nynorsk
    (1, r"dessverre|diverre|beklageligvis"),
    (3, r"(?:gå|gått|går|gjekk) (?:videre|vidare) med (?:andre|en annen|ein annan|ei anna|"
        r"(?:en|ein|ei) annen|de andre|dei andre)"),
    (3, r"(?:valgt|valt|besluttet|bestemt) (?:å )?(?:ikke|ikkje) (?:å )?(?:gå|ta|prioritere)"),
    (3, r"(?:ikke|ikkje) (?:blant|en av|ein av|ei av) (?:de|dem|dei)"),
    (3, r"(?:ikke|ikkje) (?:blitt |vorte |vore |bli |verte )?(?:valgt|valt|innstilt|prioritert|"
        r"plukket ut|plukka ut|aktuell)"),
    (3, r"(?:ikke|ikkje) (?:har )?(?:nådd|kommet|komme|kome|gått|gått) (?:opp|videre|vidare)"),
    (3, r"(?:stillingen|stillinga|jobben){G} (?:er|har blitt|har vorte|vart|ble|blei) (?:nå |no )?"
        r"(?:besatt|besett|fylt|lukket|lukka|trukket|trekt|tilsatt|tilsett|kansellert)"),
    (3, r"(?:ansatt|tilsatt|tilsett|engasjert|valgt|valt|innstilt) (?:en annen|ein annan|"
        r"ei anna|annen|en anna|andre) (?:kandidat|søker|søkjar|person)?"),
    (3, r"(?:tilbudt|tilbydd|tilbode|tilboden) (?:en annen|ein annan|andre)"),
    (3, r"(?:ansette|tilsette|tilby|tilbudt|tilbode|tilboda) (?:stillingen |stillinga |jobben )?"
        r"(?:til )?(?:en annen|ein annan|ei anna|andre)"),
    (3, r"(?:når|nådde|nådd|når) (?:dessverre |diverre |altså )?(?:ikke|ikkje) opp"),
    (3, r"(?:ikke|ikkje) (?:lenger|lenger|lengre) (?:med|aktuell|i prosessen|vurdert)"),
    (3, r"(?:ikke|ikkje) (?:ført|nådd) (?:frem|fram)"),
    (3, r"(?:ikke|ikkje|inte|ikke) (?:blitt |vorte |blivit )?(?:kalt|kalla|innkalt|invitert|"
        r"inbjuden|kallad|indkaldt|inviteret) (?:inn )?til (?:intervju|samtale|interview)"),
    (3, r"(?:ikke|ikkje|inte) (?:mulighet|moglegheit|möjlighet|mulighed) (?:til|for) (?:å|att|at) "
        r"(?:tilby|invitere|gå|erbjuda|bjuda|tilbyde|gå videre)"),
    (2, r"avslag"),
    (2, r"(?:lykke|lukke) til (?:videre|vidare|med (?:jobbsøk|videre jobbsøk|vidare jobbsøk|"
        r"den videre|den vidare))"),
    (2, r"(?:bedre|betre) (?:kvalifisert|kvalifiserte|egnet|eigna|match)"),
    # Swedish
    (1, r"tyvärr|beklagligtvis"),
    (3, r"(?:gå|gått|går) vidare med (?:andra|en annan|någon annan|annan kandidat)"),
    (3, r"(?:valt|beslutat|bestämt) att inte"),
    (3, r"(?:inte|ej) (?:har )?(?:gått|går|gå) vidare"),
    (3, r"(?:inte|ej) (?:blivit |blev |har blivit )?(?:utvald|vald|aktuell|kallad|längre aktuell)"),
    (3, r"(?:inte|ej) (?:en|ett) av (?:de|dem)"),
    (3, r"valt (?:en annan|annan|andra) (?:kandidat|sökande)"),
    (2, r"rekryteringen (?:är|har) (?:nu )?(?:avslutad|avslutats)"),
    (3, r"tjänsten{G} (?:är|har) (?:nu |redan )?(?:blivit )?tillsatt"),
    (2, r"lycka till (?:i|med) (?:ditt|det|framtiden|fortsatta|jobbsök)"),
    # Danish
    (1, r"desværre|beklageligvis"),
    (3, r"(?:gå|gået|går) videre med (?:andre|en anden|anden kandidat)"),
    (3, r"(?:valgt|besluttet) (?:ikke at|at ikke)"),
    (3, r"ikke (?:blevet |er blevet )?(?:udvalgt|valgt|indkaldt|gået videre|kommet videre)"),
    (3, r"(?:valgt|ansat) (?:en anden|anden) (?:kandidat|ansøger)?"),
    (3, r"stillingen{G} er (?:nu |blevet )?besat"),
    (2, r"afslag"),
    (2, r"held og lykke (?:med|i|fremover)"),
    # German
    (1, r"leider"),
    (3, r"(?:nicht|keine) (?:weiter |mehr )?(?:berücksichtig|in die engere|in die nächste|"
        r"weiterverfolg|weiter verfolg|zusage|positive)"),
    (3, r"(?:für|zugunsten) (?:einen anderen|eine andere|andere|einen anderen)"
        r"{G}(?:entschieden|entscheiden)"),
    (3, r"uns (?:leider )?(?:gegen (?:ihre|deine|sie|dich)|anders|für (?:eine|einen) "
        r"ander)"),
    (3, r"(?:stelle|position|vakanz){G} (?:ist |wurde |wurde bereits |ist bereits |ist inzwischen "
        r"|ist mittlerweile )?(?:besetzt|vergeben)"),
    (2, r"absage"),
    (3, r"anderweitig (?:besetzt|vergeben|entschieden)"),
    (3, r"(?:profil|erfahrung|qualifikation|qualifikationen){SHORT_GAP} (?:passt|passen|entspricht|"
        r"entsprechen) (?:leider )?nicht"),
    (3, r"(?:können|konnten) (?:wir )?(?:ihnen|dir) (?:leider )?(?:kein|keine|keinen|nicht)"),
    (2, r"(?:viel erfolg|alles gute)(?: und viel erfolg)? (?:bei|für|auf) (?:ihrer|ihre|ihrem|"
        r"deiner|deine|deinem|der|die|den) (?:weitere|berufliche|zukunft|stellensuche|jobsuche)"),
    (2, r"(?:nicht|keine) (?:in )?(?:die )?(?:engere|nächste) (?:auswahl|runde)"),
)

ACKNOWLEDGEMENT: Phrases = (
    # English
    (2, r"thank(?:s| you) (?:so much |very much )?for (?:applying|your application|your "
        r"interest|submitting|your submission|considering)"),
    (3, r"(?:we|we've|we have|i|i've|i have) (?:have )?(?:successfully |now )?received your "
        r"(?:application|cv|resume|résumé|submission|details)"),
    (3, r"your (?:job )?application (?:for|to)?{G}(?:has been|was|is|have been) "
        r"(?:successfully )?(?:received|submitted|sent|delivered|registered|viewed|forwarded)"),
    (3, r"application (?:received|submitted|confirmation|acknowledg)"),
    (3, r"(?:we've|we have|we) got your (?:application|cv|resume)"),
    (2, r"(?:glad|excited|happy|thrilled|delighted) (?:that )?you(?:'ve| have)? applied"),
    (3, r"your application was sent to"),
    (3, r"(?:confirm|confirms|confirming) (?:that )?(?:we have |we've )?(?:received|receipt)"),
    (2, r"(?:is|are) (?:currently |now )?(?:being )?(?:reviewed|under review|in review|"
        r"being considered)"),
    (2, r"(?:will|'ll|are) (?:now |carefully |currently )?(?:be )?(?:review|reviewing|"
        r"consider|considering|assess|assessing|evaluate|evaluating) (?:your|all|the)"),
    (2, r"(?:will|'ll) (?:be )?(?:in touch|get back to you|contact you|reach out|come back to "
        r"you|revert|update you|let you know|be contacted)"),
    (2, r"(?:hear|be hearing) (?:back )?from (?:us|me)"),
    (2, r"(?:take|have|had) a (?:look|closer look|proper look|read)"),
    (2, r"(?:look|looking) (?:at|over|through|into) (?:it|this|your|them)"),
    (2, r"(?:due to|given) the (?:high|large|significant) (?:volume|number) of"),
    (1, r"we appreciate your interest"),
    (1, r"(?:next|coming) (?:week|few days|days|weeks)"),
    # Norwegian, Bokmål and Nynorsk
    (2, r"takk for (?:din |at du |interessen|søknaden|søknad|at du søkte)"),
    (3, r"(?:mottatt|motteke|mottekje|fått|registrert) (?:din |søknaden|søknad)"),
    (3, r"søknaden (?:din )?(?:er|har blitt|har vorte|vart|ble|blei) (?:nå |no )?(?:registrert|"
        r"mottatt|motteke|sendt|levert|motteken)"),
    (3, r"(?:bekreftelse|stadfesting|kvittering) (?:på|av|for) (?:mottatt |motteken |din )?søknad"),
    (2, r"(?:vil|skal|kommer til å|kjem til å) (?:nå |no )?(?:gå gjennom|vurdere|behandle|se på|"
        r"sjå på|lese|lesa)"),
    (2, r"(?:under behandling|til vurdering|blir vurdert|vert vurdert|blir behandlet|vert "
        r"behandla)"),
    (2, r"(?:vil|skal) (?:ta kontakt|kontakte deg|gi deg (?:en |ei |ein )?tilbakemelding|gje deg "
        r"tilbakemelding|høre fra|høyre frå|komme tilbake|kome tilbake|svare deg|gi beskjed|gje "
        r"beskjed)"),
    (2, r"(?:tar|ta) kontakt (?:med deg )?(?:dersom|hvis|om|når|viss|etter)"),
    (2, r"(?:høre|høyre|hører|høyrer) (?:fra|frå) (?:oss|meg)"),
    (2, r"vil (?:få|motta|ta imot) (?:et |eit )?(?:svar|tilbakemelding|beskjed)"),
    (1, r"søknadsfrist"),
    (1, r"søkerliste|søkjarliste"),
    # Swedish
    (2, r"tack för (?:din ansökan|att du (?:har )?sökt|ditt intresse|visat intresse)"),
    (3, r"(?:tagit emot|mottagit|fått|registrerat) din ansökan"),
    (3, r"din ansökan (?:har|är) (?:nu )?(?:tagits emot|mottagen|registrerad|skickad|inskickad)"),
    (2, r"(?:kommer att|ska|vi) (?:nu )?(?:gå igenom|granska|läsa|behandla|se över)"),
    (2, r"(?:återkommer|hör av oss|höra av oss|kontaktar dig|återkomma)"),
    # Danish
    (2, r"tak for (?:din ansøgning|ansøgningen|din interesse|interessen|at du|fordi du)"),
    (3, r"(?:modtaget|registreret) (?:din |ansøgningen)"),
    (3, r"(?:din )?ansøgning(?:en)? (?:er|er nu|er blevet) (?:modtaget|registreret|sendt)"),
    (2, r"(?:vender tilbage|vende tilbage|kontakter dig|høre fra os|hører fra os)"),
    (2, r"(?:vil|skal) (?:nu )?(?:gennemgå|behandle|vurdere|læse)"),
    # German
    (2, r"(?:vielen |herzlichen )?dank für (?:ihre|deine|die) (?:bewerbung|interesse)"),
    (2, r"(?:vielen |herzlichen )?dank für (?:ihr|dein) interesse"),
    (3, r"(?:ihre|deine) (?:bewerbung|unterlagen|bewerbungsunterlagen) (?:ist|sind|haben wir)"
        r"{SHORT_GAP}(?:eingegangen|erhalten)"),
    (3, r"(?:bewerbung|unterlagen|bewerbungsunterlagen) (?:erhalten|eingegangen)"),
    (3, r"eingangsbestätigung|bestätigung (?:ihrer|deiner) bewerbung"),
    (2, r"(?:werden|wird) (?:ihre|deine|die) (?:bewerbung|unterlagen){SHORT_GAP}(?:prüfen|"
        r"sichten|geprüft|gesichtet)"),
    (2, r"(?:melden uns|melde mich|bei ihnen melden|bei dir melden|rückmeldung geben|in kürze|"
        r"zeitnah)"),
    (2, r"(?:schaue|schauen|sehe|sehen) (?:sie |es |ihn |die unterlagen )?(?:mir|uns) "
        r"{SHORT_GAP} an\b"),
)

INTERVIEW: Phrases = (
    # English
    (3, r"invite you (?:to|for){G}(?:interview|call|chat|conversation|meeting|screen|"
        r"discussion|onsite|on-site|coffee)"),
    (3, r"(?:like|love|want|pleased|happy|excited|delighted) to (?:schedule|arrange|set up|book|"
        r"organi[sz]e|invite you)"),
    (3, r"(?:like|love|want) to (?:have you|speak|chat|talk|meet|get to know|hop on)"),
    (3, r"do you have (?:time|a moment|a few minutes) (?:for|to) (?:a |an )?(?:quick |short |brief "
        r")?(?:call|chat|talk|conversation|interview|meeting)|can we (?:talk|chat|speak|meet)"),
    (3, r"(?:har du|hätten sie|hast du) (?:tid|zeit) (?:til|for|för|für) (?:en|ein|et|eit|ett) "
        r"(?:prat|samtale|samtal|møte|möte|intervju|telefonsamtale)"),
    (3, r"(?:are|would|will) you (?:be )?(?:available|free) (?:for|on|to|this|next|at|tomorrow)"),
    (3, r"(?:times?|slots?|days?) (?:that )?(?:works?|suits?) (?:best )?(?:for )?you"),
    (3, r"(?:link|calendar) to (?:schedule|book)|self-schedule|calendly\.com"),
    (3, r"you(?:'re| are| have been) invited to (?:an |a |the |our )?(?:interview|call|chat|"
        r"meeting|video call|phone|virtual|onsite|on-site|conversation)"),
    (3, r"(?:schedule|book|pick|choose|select|find) (?:a|an|your|some) (?:time|slot|call|"
        r"interview|meeting|date)"),
    (3, r"(?:schedule|book) (?:your|an|a) {SHORT_GAP}(?:interview|call|conversation)"),
    (3, r"(?:when|what times?|which times?|which days?|what days?) (?:are|would|will|works?|"
        r"suits?) (?:you|be|best|for you)"),
    (2, r"your availability|available (?:for|to) (?:a|an) (?:call|interview|chat|meeting|"
        r"conversation)"),
    (3, r"(?:invitation|invite|inviting you) to (?:an |a |the )?(?:interview|phone|video|"
        r"technical|final|first|second|onsite)"),
    (3, r"interview (?:invitation|invite|confirmation|confirmed|scheduled|request|rescheduled|"
        r"details|reminder)"),
    (3, r"(?:confirm|confirming|reminder of|reminder for) (?:your|the) (?:upcoming )?"
        r"(?:interview|call|meeting)"),
    (3, r"(?:interview|call|meeting|conversation|chat){G} (?:is|has been|was) (?:now )?"
        r"(?:scheduled|confirmed|rescheduled|moved|booked|set)"),
    (3, r"(?:speak|talk|chat|meet) with you (?:about|further|in more|more|on|next|this|regarding)"),
    (2, r"(?:move|moving|take|taking|progress|advance) (?:you |your application )?(?:forward|to "
        r"the next (?:stage|step|round))"),
    # Norwegian, Bokmål and Nynorsk
    (3, r"(?:invitere|inviterer|invitera|innkalle|innkalla|kalle|kalla|kaller|kallar) "
        r"(?:deg|dykk|deg inn)(?: inn)? til{G}(?:intervju|samtale|møte|prat)"),
    (3, r"(?:invitasjon|innkalling|innkalling) til{SHORT_GAP}(?:intervju|samtale)"),
    (3, r"(?:ønsker|ønskjer|ønske|vil gjerne|vil|gjerne) (?:å )?(?:møte|treffe|snakke med|prate "
        r"med|ta en prat med|ta ein prat med|bli kjent med) deg"),
    (3, r"(?:når|kva tid|hvilke tidspunkt|hvilket tidspunkt|kva for tidspunkt) (?:passer|passar|"
        r"høver) (?:det|du|deg|best|for deg|eit|et)"),
    (3, r"(?:passer|høver) (?:det|et|eit|ett|ein|en) (?:av )?(?:disse |desse )?(?:tidspunkt|"
        r"tidspunkta|tidspunktene|dagene|dagane)"),
    (3, r"intervju(?:et)? (?:er|blir|vert) (?:nå |no )?(?:bekreftet|stadfesta|flyttet|flytta|"
        r"booket|satt opp)"),
    (2, r"(?:foreslå|forslag til|finne) (?:et |eit |ett |ein )?(?:tidspunkt|tid)"),
    (3, r"(?:ha|få) deg (?:inn )?(?:på|til) (?:et |eit )?(?:intervju|samtale)"),
    (3, r"(?:komme|kome|komma) (?:på|til) (?:et |eit |en |ett )?(?:intervju|samtale|jobsamtale)"),
    (3, r"snakke (?:mer|litt mer|videre|vidare) med deg"),
    # Swedish
    (3, r"bjuda in dig till{G}(?:intervju|samtal|träff|möte)"),
    (3, r"(?:inbjudan|kallelse) till{SHORT_GAP}(?:intervju|samtal)"),
    (3, r"(?:träffa|prata med|ses med) dig"),
    (3, r"(?:när|vilka tider|vilken tid|vilken dag) (?:passar|fungerar)"),
    (2, r"boka (?:en |ett )?(?:tid|intervju|samtal|möte)"),
    # Danish
    (3, r"(?:invitere|indkalde) dig til{G}(?:samtale|jobsamtale|interview|møde)"),
    (3, r"(?:invitation|indkaldelse) til{SHORT_GAP}(?:samtale|jobsamtale|interview)"),
    (3, r"(?:møde|mødes med|tale med) dig"),
    (3, r"hvornår passer det"),
    # German
    (3, r"einlad[a-zäöü]{0,4} {G}(?:vorstellungsgespräch|gespräch|interview|kennenlernen|termin)"),
    (3, r"(?:vorstellungsgespräch|gespräch|interview|kennenlernen|videocall|telefonat)"
        r"{SHORT_GAP}einladen"),
    (3, r"laden (?:wir )?(?:sie|dich) {G}(?:gespräch|interview|kennenlernen)"),
    (3, r"(?:sie|dich) (?:gerne |gern )?(?:persönlich )?kennen ?lernen"),
    (3, r"terminvorschl|termin (?:vereinbaren|finden|abstimmen|bestätigen)"),
    (3, r"einladung (?:zum|zu einem|zur)"),
    (3, r"(?:zeit|lust) (?:für|auf) (?:ein|einen) (?:telefonat|gespräch|call|videocall|"
        r"kennenlernen|austausch)"),
    (3, r"wann (?:passt|hätten|haben|hättest) (?:es |sie |du )?"),
)

OFFER: Phrases = (
    (3, r"(?:pleased|delighted|happy|excited|thrilled|glad) to (?:offer|extend|make you|present)"),
    (3, r"(?:like|love|want) to (?:offer|extend) you|make you an offer"),
    (3, r"(?:offer|offering) you the (?:position|role|job)"),
    (3, r"(?:offer of employment|employment offer|job offer|formal offer|written offer|verbal "
        r"offer|offer letter|offer package)"),
    (2, r"accept (?:the|our|this|your) offer"),
    (3, r"tilby(?:r)? deg {SHORT_GAP}(?:stilling|jobb|engasjement|vikariat)"),
    (3, r"(?:tilbud|tilbod) om (?:fast )?(?:stilling|ansettelse|tilsetting|tilsetjing|arbeid|"
        r"jobb)"),
    (3, r"erbjuda dig {SHORT_GAP}(?:tjänst|jobb|anställning|rollen)"),
    (3, r"erbjudande om anställning|anställningserbjudande"),
    (3, r"tilbyde dig {SHORT_GAP}(?:stilling|job|ansættelse)"),
    (3, r"(?:ihnen|dir) (?:die stelle|die position|ein angebot|einen arbeitsvertrag|einen "
        r"vertrag){G}(?:anbieten|machen|unterbreiten|zukommen)"),
    (3, r"(?:arbeitsvertrag|vertragsangebot|jobangebot für sie)"),
)

ACTION: Phrases = (
    # English
    (3, r"(?:complete|take|finish|start|attempt|do) (?:a|an|the|our|this|your|these|two|a short|"
        r"the following){G}(?:assessment|test|challenge|questionnaire|exercise|assignment|task|"
        r"survey|form|case study|evaluation)"),
    (3, r"(?:online|coding|technical|cognitive|personality|skills?|take-home|home|programming|"
        r"aptitude|psychometric|logic|numerical|verbal) (?:assessment|test|challenge|assignment|"
        r"exercise|task)"),
    (3, r"(?:one-way|asynchronous|on-demand|pre-recorded) video|record (?:a|your) "
        r"(?:short )?video"),
    (3, r"(?:please|kindly) (?:send|provide|upload|submit|fill in|fill out|complete|sign|share|"
        r"return) {SHORT_GAP}(?:references?|referees|documents?|form|diploma|transcripts?|"
        r"certificates?|copy|copies|portfolio|id|details|information|consent|paperwork|"
        r"questionnaire|work samples?)"),
    (3, r"background (?:check|screening)|reference (?:check|details)|referees"),
    (2, r"(?:complete|finish) your (?:application|profile)"),
    (3, r"(?:additional|further|missing|outstanding) (?:information|documents|documentation|"
        r"details) (?:is |are )?(?:required|needed|requested)"),
    (2, r"(?:hackerrank|codility|codesignal|testgorilla|hirevue|criteria|alva labs|sova|"
        r"pymetrics|saville|shl|cut-e|harver|matrigma|assessio|mettl|coderbyte|devskiller)"),
    # Norwegian, Bokmål and Nynorsk
    (3, r"(?:gjennomføre|gjennomføra|ta|fullføre|fullføra|svare på|svara på) (?:en |ein |eit |et "
        r"|ei |to |noen |nokre )?(?:test|tester|testen|testane|testene|kartlegging|personlighets"
        r"|evnetest|kodeoppgave|kodeoppgåve|case|oppgave|oppgåve|spørreskjema)"),
    (3, r"(?:fylle|fylla) ut{SHORT_GAP}(?:skjema|spørreskjema)"),
    (3, r"(?:send|sende|ettersend|ettersende|last opp|laste opp|oppgi|oppgje|legg ved|legge ved)"
        r"{SHORT_GAP}(?:vitnemål|attest|attester|referanse|referanser|referansar|dokumentasjon|"
        r"kopi|politiattest)"),
    (2, r"politiattest|referansesjekk"),
    # Swedish
    (3, r"(?:genomföra|göra|slutföra|fylla i|besvara) (?:ett |en |två |några )?(?:test|tester|"
        r"testet|testerna|arbetsprov|case|färdighetstest|personlighetstest|bedömning|formulär|"
        r"enkät|arbetsprov)"),
    (3, r"(?:skicka|lämna|uppge|bifoga|ladda upp){G}(?:betyg|intyg|referenser|"
        r"dokumentation|utdrag)"),
    # Danish
    (3, r"(?:gennemføre|tage|udfylde|besvare|løse) (?:en |et |to )?(?:test|tests|testen|"
        r"personlighedstest|spørgeskema|case|opgave|opgaven)"),
    (3, r"(?:send|sende|indsend|indsende|upload|uploade){SHORT_GAP}(?:eksamensbevis|referencer|"
        r"dokumentation|udtalelser|straffeattest)"),
    # German
    (3, r"(?:test|tests|assessment|eignungstest|persönlichkeitstest|fragebogen|aufgabe|"
        r"fallstudie|challenge|case study|testverfahren){G}(?:bearbeiten|ausfüllen|absolvieren|"
        r"durchführen|abschliessen|abzuschliessen|auszufüllen|zu bearbeiten|teilzunehmen|"
        r"teilnehmen)"),
    (3, r"(?:senden|schicken|reichen|laden) (?:sie|du) (?:uns )?{SHORT_GAP}(?:zeugnisse|unterlagen|"
        r"referenzen|nachweise|dokumente)"),
    (3, r"fehlende (?:unterlagen|dokumente|angaben)"),
    (3, r"(?:absolvieren|bearbeiten|ausfüllen|durchführen|abschliessen) (?:sie|du) {G}(?:test|"
        r"assessment|fragebogen|aufgabe|formular|challenge|fallstudie)"),
)

ACCOUNT: Phrases = (
    # English
    (3, r"(?:verification|security|one-time|one time|confirmation|login|log-in|access|sign-in|"
        r"sign in|authentication|passcode) code"),
    (3, r"(?:your|the) code is|one-time pass(?:word|code)|is your (?:verification |security "
        r")?code"),
    (3, r"(?:verify|confirm|activate|validate) your (?:email|e-mail|account|address|identity|"
        r"registration|profile)"),
    (3, r"(?:reset|change|set|create) (?:a |your )(?:new )?password|password reset|forgot your "
        r"password"),
    (3, r"(?:account|profile) (?:has been |was |is )?(?:successfully )?(?:created|activated|"
        r"registered|set up|verified)"),
    (2, r"welcome to (?:the |our |your )?(?:candidate|career|careers|talent|applicant) "
        r"(?:portal|site|account|home|profile)"),
    (2, r"sign(?:ed)? in (?:to|from) a new device|new sign-in|unusual sign-in"),
    (2, r"complete your registration"),
    # Norwegian, Bokmål and Nynorsk
    (3, r"engangskode|bekreftelseskode|stadfestingskode|verifiseringskode|sikkerhetskode|"
        r"tryggingskode|innloggingskode|kode for (?:å|innlogging)"),
    (3, r"(?:bekreft|stadfest|verifiser|aktiver)(?:e)? (?:din |di |ditt )?(?:e-post|epost|"
        r"e-postadresse|brukar|bruker|konto|profil)"),
    (3, r"(?:brukeren|brukaren|kontoen|profilen|brukerkontoen|brukarkontoen|konto|profil)"
        r"{SHORT_GAP}(?:er|har blitt|har vorte|vart) (?:nå |no )?(?:opprettet|oppretta|"
        r"aktivert|registrert)"),
    (3, r"(?:tilbakestill|nullstill)(?:e)? {SHORT_GAP}passord|nytt passord"),
    # Swedish
    (3, r"verifieringskod|engångskod|säkerhetskod|bekräftelsekod|inloggningskod"),
    (3, r"(?:bekräfta|verifiera|aktivera) (?:din |ditt )?(?:e-post|mejl|e-postadress|konto|"
        r"profil)"),
    (3, r"(?:konto|kontot|profil|profilen) (?:har )?(?:nu )?(?:skapats|skapades|aktiverats|"
        r"registrerats)"),
    (3, r"återställ(?:a)? {SHORT_GAP}lösenord"),
    # Danish
    (3, r"bekræftelseskode|engangskode|sikkerhedskode|verifikationskode"),
    (3, r"(?:bekræft|aktivér|aktiver) (?:din |dit )?(?:e-mail|email|e-mailadresse|konto|profil)"),
    (3, r"(?:konto|profil)(?:en)? (?:er|er nu|er blevet) (?:oprettet|aktiveret)"),
    (3, r"nulstil {SHORT_GAP}(?:adgangskode|kodeord)"),
    # German
    (3, r"bestätigungscode|sicherheitscode|verifizierungscode|einmalcode|einmalpasswort|"
        r"anmeldecode"),
    (3, r"(?:bestätigen|verifizieren|aktivieren) (?:sie |du )?(?:bitte )?(?:ihre|deine|ihr|"
        r"dein) (?:e-mail|email|konto|profil|registrierung)"),
    (3, r"e-?mail-?adresse (?:bestätigen|verifizieren)"),
    (3, r"(?:konto|benutzerkonto|kandidatenkonto|profil|bewerberkonto) (?:wurde |ist )?"
        r"(?:erfolgreich )?(?:erstellt|angelegt|aktiviert|eingerichtet)"),
    (3, r"passwort (?:zurücksetzen|vergessen|ändern)"),
)

JOB_ALERT: Phrases = (
    # English
    (3, r"job alerts?|jobs? digest|top job picks|jobs? recommendations?"),
    (3, r"(?:new )?(?:jobs?|roles|positions|opportunities|openings) (?:that )?(?:match|matching|"
        r"for you|you may|you might|recommended|based on|similar)"),
    (3, r"recommended (?:jobs?|for you|roles|positions|opportunities)"),
    (3, r"(?:jobs?|roles|positions|opportunities) for you\b"),
    (3, r"\d+ (?:new )?(?:jobs?|roles|positions|openings)"),
    (2, r"similar jobs|people also viewed|is hiring|are hiring|still hiring"),
    (3, r"(?:welcome to|thanks for joining|joined) (?:our |the )?(?:talent (?:community|network|"
        r"pool)|newsletter)"),
    (2, r"talent (?:community|network)|newsletter"),
    (2, r"based on your (?:profile|search|searches|preferences|activity|saved)"),
    (2, r"(?:career|hiring|recruiting) (?:event|fair|webinar|day)"),
    (1, r"(?:view|see|browse) (?:all |more )?jobs|apply now|unsubscribe"),
    # Norwegian, Swedish, Danish
    (3, r"(?:nye|nya) (?:stillinger|stillingar|jobber|jobbar|jobb|tjänster|job|stillinger)"),
    (3, r"(?:stillinger|stillingar|jobber|jobbar|jobb|tjänster|job) (?:som )?(?:passer|høver|"
        r"matcher|passar|matchar|kan passe|kan passa) (?:for |til )?(?:deg|dig|din|dine|ditt)"),
    (3, r"jobbvarsel|stillingsvarsel|jobbagent|jobagent|jobbvarsling|søkeagent|jobbförslag|"
        r"jobbtips|jobbevakning|bevakning"),
    (3, r"(?:anbefalte|anbefalede|rekommenderade|utvalda) (?:stillinger|stillingar|jobber|"
        r"jobb|job|tjänster)"),
    (2, r"nyhetsbrev|nyheitsbrev|nyhedsbrev|talentbank|talentnettverk|talentpool"),
    # German
    (3, r"jobempfehlung|jobvorschl|neue (?:jobs|stellen|stellenangebote)|jobalarm|job-alarm|"
        r"jobbenachrichtigung|passende (?:jobs|stellen|stellenangebote)"),
    (2, r"talent-?pool"),
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

# Senders that write for many employers and never hold a conversation themselves.
BOARD_DOMAINS = frozenset(
    {
        "linkedin.com", "indeed.com", "indeedemail.com", "glassdoor.com", "ziprecruiter.com",
        "stepstone.de", "stepstone.com", "finn.no", "nav.no", "arbeidsplassen.nav.no",
        "jobindex.dk", "monster.com", "monster.de", "totaljobs.com", "xing.com",
        "karriere.at", "arbetsformedlingen.se", "blocket.se", "jobbsafari.se", "wellfound.com",
        "angel.co", "dice.com", "simplyhired.com", "careerbuilder.com", "jobteaser.com",
        "academicwork.no", "academicwork.se", "jobnet.dk", "stillinger.no",
    }
)
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
