"""Swedish job mail: the building blocks of the labelled set (see ../SOURCES.md)."""

GREET = ["Hej {first},", "Hej {first}!", "Hej!", "Hej {first} {last},"]
SIGN_ATS = ["Med vänliga hälsningar\n{company}", "Vänliga hälsningar\nRekryteringsteamet på {company}",
            "Hälsningar\n{company} HR"]
SIGN_PERSON = ["Vänliga hälsningar\n{recruiter}\nRekryterare, {company}", "Mvh {recruiter}"]

SUBJECTS = {
    "acknowledgement": ["Tack för din ansökan", "Bekräftelse på din ansökan",
                        "Din ansökan till {company}", "Ansökan mottagen: {role}"],
    "rejection": ["Angående din ansökan", "Din ansökan till {role}", "Besked om din ansökan",
                  "Återkoppling på din ansökan"],
    "interview": ["Inbjudan till intervju", "Intervju hos {company}", "Nästa steg i rekryteringen"],
    "action": ["Tester i rekryteringsprocessen", "Referenser - {role}"],
    "offer": ["Erbjudande om anställning", "Goda nyheter från {company}"],
    "account": ["Bekräfta din e-postadress", "Din engångskod"],
    "job_alert": ["Nya jobb som matchar din profil", "Jobbförslag för dig"],
    "other": ["SV: Ansökan {role}", "Fråga om din ansökan"],
}

CORES = {
    "acknowledgement": [
        "Tack för din ansökan till tjänsten som {role}. Vi har tagit emot din ansökan och kommer "
        "att gå igenom alla ansökningar efter sista ansökningsdag. Om din profil matchar kommer vi "
        "att kontakta dig för en intervju.",
        "Vi bekräftar att din ansökan har tagits emot. Urvalet sker löpande och vi återkommer så "
        "snart vi kan.",
        "Tack för ditt intresse för {company}! Din ansökan är registrerad och du kan följa "
        "processen via ditt konto i ReachMee.",
        "Tack för att du har sökt tjänsten. På grund av det stora antalet ansökningar kan det ta "
        "några veckor innan du hör av oss.",
        "Vi har mottagit din ansökan. Intervjuer planeras att hållas under vecka 15.",
    ],
    "ack_person": [
        "Tack för ansökan! Jag läser den under helgen och hör av mig i början av nästa vecka.",
        "Tack för ditt CV. Jag har skickat det vidare till chefen och återkommer när jag hört "
        "något.",
    ],
    "rejection": [
        "Tack för din ansökan till tjänsten som {role}. Vi har fått många kvalificerade "
        "ansökningar och har tyvärr valt att gå vidare med andra kandidater. Vi önskar dig lycka "
        "till i ditt fortsatta jobbsökande.",
        "Tjänsten som {role} är nu tillsatt. Tack för ditt intresse för {company}.",
        "Efter noggrant övervägande har vi beslutat att inte gå vidare med din ansökan. Tack för "
        "att du tog dig tid att söka.",
        "Tack för att du deltog i intervjun. Vi har valt att gå vidare med en annan kandidat vars "
        "erfarenhet bättre matchar våra behov.",
        "Du har tyvärr inte gått vidare i rekryteringsprocessen. Vi sparar gärna din profil för "
        "framtida tjänster.",
    ],
    "interview": [
        "Tack för din ansökan! Vi skulle vilja bjuda in dig till en intervju. Passar det på "
        "torsdag kl. 10.00? Boka gärna en tid via länken nedan.",
        "Vi vill gärna träffa dig för ett första samtal om tjänsten. Vilka tider passar dig nästa "
        "vecka?",
        "Här kommer en kallelse till intervju för tjänsten som {role} den 12 mars kl. 14.00 på "
        "vårt kontor i Göteborg.",
    ],
    "action": [
        "Som nästa steg i processen ber vi dig genomföra ett personlighetstest och ett logiktest. "
        "Testerna tar cirka 30 minuter.",
        "Kan du skicka namn och kontaktuppgifter till två referenser så snart som möjligt?",
    ],
    "offer": ["Vi är glada att kunna erbjuda dig tjänsten som {role}! Anställningsavtalet bifogas.",
              "Grattis! Vi vill ge dig ett erbjudande om anställning hos {company}."],
    "account": ["Din engångskod är 884120. Koden gäller i 10 minuter.",
                "Bekräfta din e-postadress genom att klicka på länken nedan."],
    "job_alert": ["Vi har hittat {n} nya jobb som matchar din profil. Se alla jobb.",
                  "Här är veckans jobbförslag baserat på din bevakning."],
    "other": ["Tack för din ansökan. Vilken uppsägningstid har du, och vilka löneanspråk har du?",
              "Är du fortfarande intresserad av tjänsten? Processen har dragit ut på tiden."],
}

QUOTED_USER = ["Hej,\n\nTack för inbjudan till intervju! Jag har genomfört testet.\n\n{first}"]
QUOTE_HEADERS = ["Den tis 4 mars 2025 kl 09:02 skrev {first} {last} <{user}>:",
                 "Från: {first} {last} <{user}>\nSkickat: den 4 mars 2025 09:02\nTill: "
                 "{recruiter}\nÄmne: Ansökan"]
