"""Norwegian Nynorsk job mail: the building blocks of the labelled set (see ../SOURCES.md)."""

GREET = ["Hei {first},", "Hei!", "Hei {first} {last},", "Kjære {first},"]
SIGN_ATS = ["Med venleg helsing\n{company}", "Venleg helsing\nPersonalavdelinga, {company}",
            "Helsing\n{company}"]
SIGN_PERSON = ["Venleg helsing\n{recruiter}\nRådgjevar, {company}", "Helsing {recruiter}"]

SUBJECTS = {
    "acknowledgement": ["Stadfesting på motteken søknad", "Takk for søknaden din",
                        "Søknad motteken: {role}", "Søknaden din til {company}"],
    "rejection": ["Svar på søknad", "Søknaden din på stillinga {role}", "Tilbakemelding på søknad",
                  "Om stillinga som {role}"],
    "interview": ["Invitasjon til intervju", "Innkalling til intervju", "Intervju - {role}"],
    "action": ["Testar i samband med søknaden", "Referansar - {role}"],
    "offer": ["Tilbod om stilling", "Tilbod om tilsetjing"],
    "account": ["Stadfest e-postadressa di", "Eingongskode for innlogging"],
    "job_alert": ["Nye stillingar som kan passe for deg", "Jobbvarsel"],
    "other": ["SV: Søknad", "Spørsmål om søknaden"],
}

CORES = {
    "acknowledgement": [
        "Takk for søknaden din på stillinga som {role}. Vi har motteke søknaden og vil gå gjennom "
        "alle søknadene etter søknadsfristen. Dersom du er aktuell, tek vi kontakt for intervju.",
        "Søknaden din er no registrert. Du vil høyre frå oss når vi har vurdert alle søkjarane.",
        "Takk for at du søkte stilling hos oss. Vi har fått mange søknader, så det kan ta litt tid "
        "før du får svar.",
        "Dette er ei automatisk stadfesting på at vi har motteke søknaden din. Du kan sjå status "
        "på søknaden på Min side.",
        "Takk for søknaden! Intervju vil truleg bli gjennomført i veke 12, og vi tek kontakt med "
        "dei som blir kalla inn.",
    ],
    "ack_person": [
        "Takk for søknaden. Eg skal sjå på han i helga og kome tilbake til deg over helga.",
        "Takk for at du sende CV. Eg les gjennom han denne veka og gjev deg ei tilbakemelding.",
    ],
    "rejection": [
        "Takk for søknaden din på stillinga som {role}. Vi har hatt mange gode søkjarar, og vi "
        "har diverre valt å gå vidare med andre kandidatar. Lukke til vidare!",
        "Vi har no gått gjennom alle søknadene. Du er diverre ikkje blant dei som blir kalla inn "
        "til intervju. Takk for interessa for {company}.",
        "Stillinga som {role} er no tilsett. Vi takkar for søknaden og ønskjer deg lukke til "
        "vidare.",
        "Takk for at du kom på intervju. Etter ei samla vurdering har vi valt ein annan kandidat "
        "til stillinga.",
        "Du har diverre ikkje nådd opp i konkurransen om stillinga denne gongen. Det var svært "
        "mange kvalifiserte søkjarar.",
    ],
    "interview": [
        "Takk for søknaden din. Vi vil gjerne invitere deg til intervju. Passar det for deg "
        "onsdag 5. mars klokka 10? Gje oss beskjed om tidspunktet høver.",
        "Vi ønskjer å møte deg til ein samtale om stillinga. Kva tid passar det for deg neste "
        "veke?",
        "Du er kalla inn til intervju for stillinga som {role}. Intervjuet blir på Teams fredag "
        "klokka 13.",
    ],
    "action": [
        "Som ein del av prosessen ber vi deg gjennomføre to testar på nett. Testane tek om lag 30 "
        "minutt.",
        "Vi ber deg sende oss vitnemål og attestar, og oppgje to referansar.",
    ],
    "offer": ["Vi har gleda av å tilby deg stillinga som {role}! Arbeidsavtalen ligg ved.",
              "Gratulerer! Vi ønskjer å gje deg tilbod om fast stilling hos {company}."],
    "account": ["Eingongskoden din er 332190. Koden er gyldig i 10 minutt.",
                "Stadfest e-postadressa di ved å klikke på lenka under."],
    "job_alert": ["Vi har funne {n} nye stillingar som kan passe for deg. Sjå alle stillingane."],
    "other": ["Takk for søknaden. Kva er oppseiingstida di, og når kan du eventuelt byrje?",
              "Er du framleis interessert i stillinga? Prosessen har teke lengre tid enn venta."],
}

QUOTED_USER = ["Hei,\n\nTakk for invitasjonen til intervju! Eg takkar ja.\n\nHelsing {first}"]
QUOTE_HEADERS = ["Den ons. 5. mars 2025 kl. 08:10 skreiv {first} {last} <{user}>:",
                 "Fra: {first} {last} <{user}>\nSendt: onsdag 5. mars 2025 08:10\nTil: "
                 "{recruiter}\nEmne: Søknad"]
