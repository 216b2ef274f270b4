"""The phrases of the steps between: acknowledgement, interview, action, in six
languages.

Weights and notation as in ``core/phrases.py``: 3 decides a kind on its own, 2 is good
evidence, 1 counts only with more; text is normalised (lower-cased, "n't" as " not",
blanks folded); ``{G}`` and ``{SHORT_GAP}`` are bounded gaps within one sentence.
"""

from __future__ import annotations

Phrases = tuple[tuple[int, str], ...]

ACKNOWLEDGEMENT: Phrases = (
    # English
    (2, r"(?:thank(?:s| you)|cheers|many thanks) (?:so much |very much |heaps |a lot )?for "
        r"(?:applying|your application|your "
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
    (2, r"(?:will|'ll) (?:notify|inform|update) you|(?:vil|kommer att|vil blive|kjem til å|kommer "
        r"til å) (?:informere|varsle|underrette|informera|meddela|orientere) (?:deg|dig)|"
        r"wir informieren (?:sie|dich)|(?:sie|du) (?:erhalten|erhältst|bekommst|bekommen) "
        r"(?:eine |in kürze )?(?:rückmeldung|nachricht|antwort)"),
    (2, r"(?:take|have|had) a (?:look|closer look|proper look|read)"),
    (2, r"(?:look|looking) (?:at|over|through|into) (?:it|this|your|them)"),
    (2, r"(?:due to|given) the (?:high|large|significant) (?:volume|number) of"),
    (1, r"we appreciate your interest"),
    (1, r"(?:next|coming) (?:week|few days|days|weeks)"),
    (3, r"(?:application|applications|søknad|søknaden|søknadene|ansökan|ansökningar|ansøgning|"
        r"ansøgningen|bewerbung|unterlagen|bewerbungsunterlagen|documents|dokumente|cv|resume)"
        # the role's name and reference ("(ref. 4471102233)") may stand between
        r"[^!?\n]{0,80} (?:is|was|has been|have been|er|ble|blei|vart|har|är|ist|sind|wurde|"
        r"wurden) "
        r"(?:now |nå |no |nu |nun |successfully |safely |erfolgreich |vollständig |bei uns )?"
        r"(?:bei uns )?(?:received|registered|submitted|in|registrert|mottatt|motteke|motteken|"
        r"registrerad|mottagen|inkommen|kommit in|modtaget|registreret|eingegangen|erhalten|"
        r"übermittelt|angekommen|eingelangt|eingetroffen|landed|arrived|kommet frem|kommet fram|"
        r"kome fram|komen fram|på plass|sendt inn|innsendt|kommit fram|through|in place|"
        r"safely with us|with us|came through|come through)\b"),
    (3, r"(?:application|cv|resume|it|søknaden|ansökan|ansøgningen) (?:came|come|has come|got|"
        r"went|kom|er kommet) (?:through|fram|frem)"),
    (3, r"(?:ist|sind) (?:gut |bei uns |heil )?(?:angekommen|eingegangen|eingetroffen)|"
        r"(?:application|cv|resume|it) (?:is )?(?:safely |now )?with us\b"),
    (2, r"noted,? with thanks|thanks,? noted|(?:it's|it is|is now|ligger nå|ligger no|ligger nu) "
        r"(?:with|hos) (?:the |our |rekrutterings|rekrytering|rekrutterings)?[a-z]{0,10} ?"
        r"(?:hiring|recruit|team|manager|leder|leiar|chef|teamet|avdelingen)|make sure (?:he|she|"
        r"they|the team|we) (?:reviews?|sees?|looks? at|reads?)|chasing (?:for )?(?:feedback|an "
        r"update)|(?:should|will) have (?:something|an update|news|an answer) for you|"
        r"(?:gir|gi|gjev|ger|giver) (?:deg|dig|dykk) (?:beskjed|svar|tilbakemelding|besked)"),
    (3, r"(?:den|det|søknaden|cv-en|ansökan|ansøgningen|unterlagen|bewerbung|it) (?:har|habe|"
        r"haben) (?:jeg|eg|jag|vi|ich|wir) (?:fått|mottatt|motteke|fået|modtaget|erhalten|"
        r"bekommen)|(?:habe ich|haben wir) (?:sie |ihre unterlagen |die unterlagen |alles )?"
        r"(?:erhalten|bekommen)|(?:haben|habe) (?:alles|es) (?:erhalten|bekommen)"),
    (2, r"(?:sender|sende|skickar|skicka|gebe|geben) (?:den|det|sie|ihn) (?:videre|vidare|"
        r"weiter)|(?:komme|kommen) {SHORT_GAP}auf (?:sie|dich) zu"),
    (3, r"(?:we|vi|wir|i|jeg|jag|eg|ich)(?: have| har| haben| habe|'ve)? (?:now |nå |nu )?"
        r"(?:received|got|fått|fået|modtaget|mottatt|motteke|tagit emot|erhalten|bekommen) "
        r"(?:din|your|deine|ihre|dine|søknaden|ansökan|ansøgningen|the application|it|den|det|"
        r"sie|dem)\b"),
    (2, r"received,? with thanks|well received|safely received|got it,? thanks|"
        r"(?:passing|passed|forwarded|forwarding|shared|sharing) (?:this|it|your (?:cv|resume|"
        r"application|details)) (?:along|on|with|to)"),
    (2, r"(?:'ll|will|going to) (?:read|review|look|go through|check|discuss|pass|share|forward|"
        r"come back|circle back|revert|follow up)|circle back|come back to you|get back to you"),
    (2, r"(?:skal|vil|tar|ta) (?:se på|sjå på|lese|lesa|gå gjennom|ta (?:den|han|det) med)|"
        r"(?:hører|høyrer|høre|høyre) du (?:fra|frå) meg|(?:kommet|kome|komen) (?:frem|fram)"),
    (2, r"(?:kikar|tittar|läser|går igenom|kigger|læser|ser) (?:på |igennem |igenom )?(?:den|det|"
        r"ansökan|ansøgningen)"),
    (2, r"(?:schauen|schaue|sehen|sehe|lese|lesen|prüfen|prüfe|bespreche|besprechen) (?:wir |"
        r"ich )?(?:sie|es|die unterlagen|ihre unterlagen|deine bewerbung|ihre bewerbung)|"
        r"bescheid (?:geben|sagen)|(?:geben|gebe) (?:dir|ihnen) bescheid"),
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
    # A day and a time, asked: "does Thursday at 3pm work?", "können wir am Montag um 11
    # Uhr telefonieren?"
    (3, r"(?:monday|tuesday|wednesday|thursday|friday|tomorrow|mandag|tirsdag|onsdag|torsdag|"
        r"fredag|måndag|tisdag|montag|dienstag|mittwoch|donnerstag|freitag|morgen|i morgen)"
        r"[^.!?\n]{0,25}(?:\d{1,2}[:.]\d{2}|kl\.? ?\d{1,2}|klokka \d|\d{1,2} ?(?:am|pm|uhr))"
        r"[^.!\n]{0,30}\?"),
    # A day in a question: with a time or a meeting word it proposes a meeting.
    (2, r"(?:monday|tuesday|wednesday|thursday|friday|tomorrow|mandag|tirsdag|onsdag|torsdag|"
        r"fredag|måndag|tisdag|montag|dienstag|mittwoch|donnerstag|freitag|morgen|imorgen|i morgen)"
        r"[^.!\n]{0,40}\?"),
    (3, r"(?:kan vi|can we|können wir|kunne vi|skal vi|ska vi) (?:ses|meet|talk|snakke|prate|tale|"
        r"treffen|telefonieren|sprechen|mødes|møtes|træffes|prata|ta en prat|ta ein prat|"
        r"hoppe på|hop on)"),
    (3, r"(?:har du|hätten sie|hast du|harr du) (?:tid|zeit) (?:til|for|för|für) (?:en|ein|et|eit|"
        r"ett|einen) (?:snak|snakk|pratstund|kaffe|fika|call|kaffee|videosamtale|teams|kort|"
        r"kurzen|quick)"),
    (3, r"(?:would like|'d like|wants|want|'d love|would love) (?:a|an) (?:[a-z0-9-]{1,15} ){0,3}"
        r"(?:call|chat|interview|meeting|conversation)"),
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
    (2, r"your availability"),
    (3, r"(?:share|send|let me know|provide|what is|what's|confirm|tell us) your availability|"
        r"available (?:for|to) (?:a|an) (?:call|interview|chat|meeting|conversation)"),
    (3, r"(?:\d{1,2} ?(?:am|pm)|\d{1,2}[:.]\d{2}) or (?:\d{1,2} ?(?:am|pm)|\d{1,2}[:.]\d{2})"),
    (3, r"(?:can|could|would) you do (?:a |an )?(?:[a-z0-9-]{1,15} ){0,3}(?:call|chat|review|"
        r"interview|meeting|session)"),
    (3, r"(?:sie|dich|euch) (?:gerne |gern )?(?:persönlich |kurz )?(?:treffen|sehen|kennenlernen|"
        r"sprechen)\b"),
    (3, r"(?:hätten|haben|hast|hättest) (?:sie|du)[^!?\n]{0,40} zeit\?"),
    (2, r"calendar invit|kalenderinvitasjon|kalenderinbjudan|kalenderinvitation|kalendereinladung"),
    (2, r"(?:monday|tuesday|wednesday|thursday|friday|mandag|tirsdag|onsdag|torsdag|fredag|"
        r"måndag|tysdag|tisdag|montag|dienstag|mittwoch|donnerstag|freitag)[^.!?\n]{0,25}"
        r"(?:\d{1,2}[:.]\d{2}|kl\.? ?\d{1,2}|klokka \d|\d{1,2} ?(?:am|pm|uhr))"),
    (3, r"(?:speaking|talking|meeting|chatting) (?:with|to) you (?:on|tomorrow|next|this|at|"
        r"soon|later)|(?:gleder|gleda|glæder) (?:meg|mig) til (?:å|at) (?:møte|treffe|snakke med|"
        r"tale med|se) (?:deg|dig)|ser fram emot att (?:träffa|prata med|ses)|freue mich auf "
        r"(?:das|unser|ein) (?:gespräch|kennenlernen|interview)"),
    (3, r"(?:invitation|invite|inviting you) to (?:an |a |the )?(?:interview|phone|video|"
        r"technical|final|first|second|onsite)"),
    (3, r"interview (?:invitation|invite|confirmation|confirmed|scheduled|request|rescheduled|"
        r"details|reminder)"),
    (3, r"(?:confirm|confirming|reminder of|reminder for) (?:your|the) (?:upcoming )?"
        r"(?:interview|call|meeting)"),
    (3, r"(?:interview|call|meeting|conversation|chat){G} (?:is|has been|was) (?:now )?"
        r"(?:scheduled|confirmed|rescheduled|moved|booked|set)"),
    (3, r"(?:speak|talk|chat|meet) with you (?:about|further|in more|more|on|next|this|regarding)"),
    (3, r"(?:choose|pick|select|grab|book|velg|vel|välj|vælg|wähle|wählen sie|such dir|suchen sie "
        r"sich)(?: [a-zæøåäöü]{1,10}){0,3} (?:time|slot|tidspunkt|tid|termin|zeit|date)"),
    (3, r"(?:shortlisted|selected|invited|innstilt|plukket ut|plukka ut|utvald|utvalgt|udvalgt|"
        r"ausgewählt) (?:for|to|til|till|zu|zum|zur)\b{SHORT_GAP}(?:interview|intervju|samtale|"
        r"samtal|gespräch|next round|next stage|final round|assessment cent)"),
    (3, r"(?:like|love|want|glad|happy|pleased|keen) to (?:meet|see) you|meet you in person"),
    (3, r"(?:gjerne|gärna|gerne|gern)(?: [a-zæøåäöü]{1,12})? (?:se|møte|treffe|träffa|møde|mødes "
        r"med|sehen|kennenlernen|sprechen|snakke med|prate med) (?:deg|dig|dich|sie|dykk)"),
    (3, r"(?:gespräch|interview|telefonat|call) mit (?:dir|ihnen) führen|(?:can|could) you come "
        r"(?:in|by|to|over)|(?:kan|kunne) du (?:komme|kome|komma)|har du (?:anledning|mulighet|"
        r"moglegheit|möjlighet|mulighed) (?:til å|til|att|at) (?:komme|kome|komma|møte|delta)"),
    (2, r"(?:videre|vidare) i prosessen|further in the process|next step in (?:the|our) process|"
        r"weiter im (?:prozess|bewerbungsprozess)"),
    (2, r"(?:confirm|bekreft|stadfest|bekräfta|bekræft|bestätigen sie)(?: [a-zæøåäöü]{1,10}){0,2} "
        r"(?:time|date|tidspunkt|tidspunktet|tiden|termin|appointment|which of these times)"),
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
    (3, r"(?:answer|complete|respond to|fill (?:in|out)) (?:the |our |some |a few |these )?"
        r"(?:screening |additional |following |short )?questions"),
    (3, r"(?:ber (?:vi )?(?:deg|dykk|dig)|beder (?:vi )?dig|bede dig|bitten (?:wir )?(?:sie|dich)|"
        r"please|kindly|we ask you|like you to|vil at du|vill att du|ønsker at du|invite you to "
        r"(?:take|complete|do))\b{G}\b(?:test|tester|testar|tests|testen|case|opgave|oppgave|"
        r"oppgåve|uppgift|aufgabe|fallstudie|assessment|arbeidsprøve|arbetsprov|challenge|"
        r"questionnaire|skjema|formulär|spørgeskema|fragebogen)"),
    (3, r"(?:tar|ta|take|taking|göra|gör|gøre|tage|machst|machen|absolvieren|gjere|gjer) "
        r"(?:en |ein |eit |et |a |an |ett |einen |the |our |this )?(?:kort |short |liten |lille |"
        r"kurzen |quick )?[a-zæøåäöü-]{0,15}(?:test|tester|testen)\b"),
    (2, r"upload|ladda upp|last opp|laste opp|uploade|hochladen|komplettera|komplettere|"
        r"vervollständig|(?:need|require) (?:a bit |some )?more information"),
    (1, r"examensbevis|eksamensbevis|tjänstgöringsintyg|vitnemål|zeugnis|transcripts|diploma"),
    (3, r"(?:additional|further|missing|outstanding) (?:information|documents|documentation|"
        r"details) (?:is |are )?(?:required|needed|requested)"),
    (2, r"(?:hackerrank|codility|codesignal|testgorilla|hirevue|criteria|alva labs|sova|"
        r"pymetrics|saville|shl|cut-e|harver|matrigma|assessio|mettl|coderbyte|devskiller)"),
    # Norwegian, Bokmål and Nynorsk
    (3, r"(?:gjennomføre|gjennomføra|ta|fullføre|fullføra|svare på|svara på) (?:en |ein |eit |et "
        r"|ei |to |noen |nokre )?(?:test|tester|testen|testane|testene|kartlegging|personlighets"
        r"|evnetest|kodeoppgave|kodeoppgåve|case|oppgave|oppgåve|spørreskjema)"),
    (3, r"(?:fylle|fylla) ut{SHORT_GAP}(?:skjema|spørreskjema)"),
    (3, r"(?:ber om at du|ber (?:vi )?deg|ber dig|beder (?:vi )?dig|bitten (?:wir )?sie|ask you to)"
        r"{G}(?:referanser|referenser|referencer|referenzen|references|vitnemål|attester|"
        r"dokumentasjon|dokumentation|zeugnisse)"),
    (3, r"(?:genomför|gjennomfører|gennemfører|durchführst|absolvierst) (?:ett |en |et |ein |eit )?"
        r"(?:test|tester|arbetsprov|arbeidsprøve|case|opgave|oppgave|uppgift|aufgabe)"),
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
