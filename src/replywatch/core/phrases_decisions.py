"""The phrases of a decision: a rejection or an offer, in six languages.

Weights and notation as in ``core/phrases.py``: 3 decides a kind on its own, 2 is good
evidence, 1 counts only with more; text is normalised (lower-cased, "n't" as " not",
blanks folded); ``{G}`` and ``{SHORT_GAP}`` are bounded gaps within one sentence.
"""

from __future__ import annotations

Phrases = tuple[tuple[int, str], ...]

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
    (3, r"(?:offer|offered|tilby|tilbyde|tilbudt|tilbode|erbjuda|erbjudit|anbieten|angeboten|"
        r"ansætte|ansette|tilsette|anställa|einstellen|hire|hired|hiring|ansatt|tilsatt|ansat|"
        r"anställt|eingestellt)(?: [a-zæøåäöü]{1,12}){0,2} (?:til |to |åt |an )?(?:en anden|en "
        r"annen|ein annan|ei anna|en annan|another|someone|a different|an internal|en intern|"
        r"einen anderen|eine andere|jemand anderen|intern)"),
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
    (3, r"(?:go|going|went|gone|proceed|proceeding|proceeded|move|moving|moved|continue|"
        r"continuing|opted|decided to go|settled|landed) (?:forward |ahead |on )?(?:with|on) "
        r"(?:someone|somebody|a candidate|an applicant|a person|another|a different|an internal|"
        r"the other)"),
    (2, r"(?:proceed|proceeding|move|moving|go|going) (?:forward |ahead )?with (?:candidates|"
        r"applicants)"),
    (2, r"(?:paused|pausing|put on hold|frozen|froze|freezing|cancelled|canceled) (?:the )?"
        r"(?:hiring|recruitment|recruiting|the role|this role|the position|this position)"),
    (2, r"not (?:better|good|the news|the outcome)"),
    (2, r"(?:sorry|afraid|regret) (?:to (?:tell|inform|say|let you know|share)|that)"),
    (1, r"\b(?:sorry|afraid)\b"),
    (3, r"(?:application|applications|candidacy|søknad|søknaden|ansökan|ansøgning|ansøgningen|"
        r"bewerbung)[^!?\n]{0,60} (?:has been|was|is|have been|er|ble|vart|har blivit|är|blev|"
        r"er blevet|wurde|ist) (?:now |nå |unfortunately |dessverre |tyvärr |desværre |leider )?"
        r"(?:declined|rejected|avslått|avvist|avslagen|avböjd|afvist|afslået|abgelehnt)"),
    (3, r"status:?[^.!?\n]{0,20}(?:not selected|rejected|declined|unsuccessful|avslått|avslag|"
        r"ikke aktuell|abgelehnt|afvist)"),
    (3, r"(?:blev|ble|blei|vart) (?:det )?(?:inte|ikke|ikkje) (?:du|deg|dig)\b"),
    (3, r"(?:mit|durch) (?:einer anderen|einem anderen|jemand anderem|einer anderen person|einem "
        r"anderen kandidaten|einer anderen kandidatin) (?:zu )?besetzen"),
    (3, r"(?:decided|settled|landed) on (?:another|a different|someone|an internal|other)"),
    (3, r"(?:have|'ve|has|har|haben|hat) (?:now |nå |nu |no |inzwischen |bereits )?(?:hired|"
        r"appointed|recruited|filled|ansatt|tilsatt|tilsett|anställt|ansat|besat|besatt|eingestellt)"
        r" (?:for |i |til |in )?(?:the|this|that|stillingen|stillinga|rollen|tjänsten|jobbet|die "
        r"stelle|die position)\b"),
    (3, r"(?:endt|endte|ended|enda|endade|landat|landet|landa)[^.!?\n]{0,30}(?:annen|annan|anden|"
        r"another|someone|någon|nogen|noen|a different|other|andre|andra)\b"),
    (3, r"(?:it's|it is) a no\b|det (?:blir|blev|bliver|vart) (?:inget|ingenting|ikke noe|ikkje "
        r"noko|ikke noget|inte du)|wird (?:es )?nichts"),
    (3, r"(?:made|making|extended|extending) (?:an |the )?offer to (?:a|an|another|someone|the "
        r"other|one of)"),
    (3, r"(?:close|closed|closing|cancel|cancelled|canceled) (?:this|the)(?: [a-z-]{1,20}){0,4} "
        r"(?:position|role|requisition|vacancy|opening|search)"),
    (2, r"without (?:hiring|filling|making a hire)"),
    (3, r"(?:gone|went|go|going|gå|gått|går|gehen|gegangen) (?:another|a different|en annen|en "
        r"anden|en annan|einen anderen) (?:way|route|direction|vei|vej|väg|weg)"),
    (3, r"(?:valgt|valt|bestämt|beslutat|besluttet|bestemt|decided|chosen|entschieden|opted)"
        r"[^.!?\n]{0,25} (?:kandidater|kandidaten|en kandidat|ein kandidat|kandidatar|candidates|"
        r"a candidate|another candidate|eine kandidatin|einen kandidaten|en annan|en annen|"
        r"en anden|andra|andre)\b"),
    (3, r"(?:fortsätta|fortsette|fortsetje|fortsætte|continue|weitermachen) med (?:kandidater|"
        r"kandidatar|andre|andra|en annan|en annen|en anden)"),
    (3, r"(?:bestämt|bestämde|bestemt|bestemte|besluttet|besluttede) (?:oss|os) (?:för|for) "
        r"(?:en annan|en annen|en anden|ein annan|andra|andre)"),
    (3, r"(?:blir|bliver|blei|blev|ble|vart) (?:det )?(?:dessverre |diverre |tyvärr |desværre )?"
        r"(?:ikke|ikkje|inte) (?:deg|dig|du)\b"),
    (1, r"keep your (?:resume|cv|details|profile|information|application) on (?:file|record)"),
    (2, r"(?:no longer|not currently) (?:hiring|recruiting|available|open)"),
    # Norwegian, Bokmål and Nynorsk
    (1, r"dessverre|diverre|beklageligvis"),
    (3, r"(?:gå|gått|går|gjekk) (?:vi |de |dei )?(?:videre|vidare) med (?:andre|en annen|"
        r"ein annan|ei anna|(?:en|ein|ei) annen|de andre|dei andre)"),
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
    (3, r"(?:gå|går|gått|gjekk|gick) (?:vi |de |dei )?(?:videre|vidare) med (?:kandidater|"
        r"kandidatar|kandidaten|en kandidat|ein kandidat|søkere|søkjarar|sökande|ansøgere|"
        r"personer) (?:som|med|vars|hvis|der)"),
    (3, r"(?:landet|landa|endte|enda|falt|fall|bestemt oss|bestemte oss|gått|gjekk|gikk) "
        r"(?:på|for) (?:en|ein|ei) (?:annen |annan |anna |annen )?(?:kandidat|søker|søkjar|"
        r"person)"),
    (3, r"(?:kalla|kalle|kalde|invitere|invitera|bjuda in|indkalde|einladen|invite|inviting) "
        r"(?:andra|andre|other|andere|anderen) (?:kandidater|kandidatar|candidates|bewerber|"
        r"søkere|sökande|ansøgere)"),
    (1, r"(?:andre|andra|other|anderen|andere) (?:kandidater|kandidatar|candidates|søkere|"
        r"søkjarar|sökande|ansøgere|bewerber|bewerbende|bewerberinnen|applicants)"),
    (3, r"(?:gå|går|go|going) (?:en anden vej|ein annan veg|en annen vei|en annan väg|"
        r"another way)"),
    (1, r"beklager|beklagar"),
    # Swedish
    (1, r"tyvärr|beklagligtvis"),
    (3, r"(?:gå|gått|går) (?:vi )?vidare med (?:andra|en annan|någon annan|annan kandidat)"),
    (3, r"(?:valt|beslutat|bestämt) att inte"),
    (3, r"(?:inte|ej) (?:har )?(?:gått|går|gå) vidare"),
    (3, r"(?:inte|ej) (?:blivit |blev |har blivit )?(?:utvald|vald|aktuell|kallad|längre aktuell)"),
    (3, r"(?:inte|ej) (?:en|ett) av (?:de|dem)"),
    (3, r"valt (?:en annan|annan|andra) (?:kandidat|sökande)"),
    (2, r"rekryteringen (?:är|har) (?:nu )?(?:avslutad|avslutats)"),
    (3, r"tjänsten{G} (?:är|har) (?:nu |redan )?(?:blivit )?(?:tillsatt|tillsatts)"),
    (2, r"lycka till (?:i|med) (?:ditt|det|framtiden|fortsatta|jobbsök)"),
    # Danish
    (1, r"desværre|beklageligvis"),
    (3, r"(?:gå|gået|går) (?:vi )?videre med (?:andre|en anden|anden kandidat)"),
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
    (3, r"dagegen entschieden|gegen (?:sie|dich|ihre bewerbung|deine bewerbung) entschieden"),
    (3, r"für (?:eine person|einen kandidaten|eine kandidatin|einen bewerber|eine bewerberin|"
        r"jemand|jemanden){G}entschieden"),
    (1, r"bedauern|bedauerlicherweise"),
    (3, r"(?:profil|erfahrung|qualifikation|qualifikationen){SHORT_GAP} (?:passt|passen|entspricht|"
        r"entsprechen) (?:leider )?nicht"),
    (3, r"(?:können|konnten) (?:wir )?(?:ihnen|dir) (?:leider )?(?:kein|keine|keinen|nicht)"),
    (2, r"(?:viel erfolg|alles gute)(?: und viel erfolg)? (?:bei|für|auf) (?:ihrer|ihre|ihrem|"
        r"deiner|deine|deinem|der|die|den) (?:weitere|berufliche|zukunft|stellensuche|jobsuche)"),
    (2, r"(?:nicht|keine) (?:in )?(?:die )?(?:engere|nächste) (?:auswahl|runde)"),
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
    (3, r"(?:love|like|want) (?:for )?you to join|(?:welcome you|have you) (?:on board|aboard|to "
        r"the team)"),
    (3, r"einstellen möchten|einzustellen|vertragsentwurf"),
    (3, r"(?:ansætte|ansette|tilsette|anställa|hire|einstellen) (?:dig|deg|you|sie|dich)\b"),
)
