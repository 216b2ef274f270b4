"""The phrases of mail that is not an answer: account mail and job alerts, in six
languages.

Weights and notation as in ``core/phrases.py``: 3 decides a kind on its own, 2 is good
evidence, 1 counts only with more; text is normalised (lower-cased, "n't" as " not",
blanks folded); ``{G}`` and ``{SHORT_GAP}`` are bounded gaps within one sentence.
"""

from __future__ import annotations

Phrases = tuple[tuple[int, str], ...]

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
    (3, r"(?:sign-in|sign in|login|log-in|magic|access|verification|confirmation) link|"
        r"bestätigungslink|verifizierungslink|innloggingslenke|engangslenke|inloggningslänk"),
    (3, r"(?:lösenord|passord|adgangskode|passwort|password)(?:et|en)?{G}(?:återställ|tilbakestill|"
        r"nullstill|nulstil|zurückgesetzt|zurücksetzen|reset)"),
    (3, r"(?:account|profile|konto|profil|brukar|bruker)[^.!?\n]{0,40} (?:has been|was|is|er|"
        r"har blitt|vart|har|ist|wurde) (?:now |nå |successfully |erfolgreich )?(?:created|"
        r"activated|registered|opprettet|oppretta|aktivert|skapats|skapades|aktiverats|oprettet|"
        r"aktiveret|erstellt|angelegt|aktiviert)"),
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
    (3, r"\d{1,6} (?:new )?(?:jobs?|roles|positions|openings)"),
    (3, r"\d{1,6}\+? (?:new |nye |nya |neue )?(?:jobs?|roles|positions|openings|annonser|annonsar|"
        r"treff|stillinger|stillingar|jobb|job|stellenangebote|stellen|tjänster)\b"),
    (3, r"(?:match|matches|matching|passer|passar|matcher|matchar|passen) (?:to )?(?:your|ditt|"
        r"din|dine|dit|ihr|ihrem|ihren|zu ihrem) (?:search|søk|søket|sök|bevakning|profil|profile|"
        r"criteria|kriterier|suche|suchauftrag)"),
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
