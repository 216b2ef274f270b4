"""Norwegian Bokmål job mail: the building blocks of the labelled set (see ../SOURCES.md)."""

GREET = ["Hei {first},", "Hei {first}!", "Hei,", "Kjære {first},", "Hei {first} {last},"]
SIGN_ATS = ["Med vennlig hilsen\n{company}", "Vennlig hilsen\nHR-avdelingen i {company}",
            "Mvh\nRekrutteringsteamet, {company}", "Med hilsen\n{company} v/ personalavdelingen"]
SIGN_PERSON = ["Mvh\n{recruiter}\nRekrutteringsrådgiver, {company}", "Hilsen {recruiter}",
               "Vennlig hilsen\n{recruiter}\nAvdelingsleder, {company}"]

SUBJECTS = {
    "acknowledgement": [
        "Bekreftelse på mottatt søknad", "Takk for din søknad", "Søknad mottatt: {role}",
        "Din søknad til {company}", "Kvittering for søknad på stilling som {role}",
        "Vi har mottatt søknaden din", "Søknad på stillingen {role}",
    ],
    "rejection": [
        "Angående din søknad", "Din søknad på stillingen {role}", "Svar på søknad",
        "Tilbakemelding på søknad - {role}", "Avslag på søknad", "Stillingen som {role}",
        "Informasjon om stillingen {role}",
    ],
    "interview": [
        "Invitasjon til intervju", "Innkalling til intervju - {role}", "Intervju hos {company}",
        "Videre prosess - {role}", "Neste steg i prosessen", "Tidspunkt for intervju",
    ],
    "action": [
        "Tester i forbindelse med søknad", "Vi trenger mer informasjon", "Referanser - {role}",
        "Kartlegging i forbindelse med rekruttering", "Dokumentasjon til søknaden din",
    ],
    "offer": ["Tilbud om stilling", "Tilbud om ansettelse som {role}", "Gode nyheter fra {company}"],
    "account": ["Bekreft e-postadressen din", "Din engangskode", "Brukerkonto opprettet",
                "Tilbakestill passord"],
    "job_alert": ["Nye stillinger som passer for deg", "Jobbvarsel: {role}", "{n} nye jobber",
                  "Anbefalte stillinger denne uken", "Nyhetsbrev fra {company}"],
    "other": ["SV: Søknad {role}", "Spørsmål om søknaden din", "SV: Stilling som {role}",
              "Oppfølging"],
}

CORES = {
    "acknowledgement": [
        "Takk for din søknad på stillingen som {role}. Vi har mottatt søknaden din og vil "
        "behandle den så snart som mulig etter søknadsfristen. Dersom du er aktuell, vil vi ta "
        "kontakt for å avtale intervju.",
        "Vi bekrefter herved at vi har mottatt din søknad på stilling som {role} hos {company}. "
        "Søknaden din er nå registrert, og du vil få en tilbakemelding når vi har gått gjennom "
        "alle søknadene.",
        "Takk for at du søkte jobb hos oss! Søknaden din er sendt og blir nå vurdert av "
        "rekrutteringsteamet. Intervjuer planlegges i uke 14.",
        "Dette er en automatisk bekreftelse på at søknaden din er mottatt. Du kan når som helst "
        "logge inn på din side i Webcruiter for å se status på søknaden.",
        "Takk for interessen for stillingen som {role}. Vi har fått mange søknader, og det vil "
        "derfor ta noe tid før du hører fra oss. Vi tar kontakt med de kandidatene vi ønsker å gå "
        "videre med.",
        "Søknaden din er under behandling. Vi gjør oppmerksom på at det vil bli utarbeidet en "
        "offentlig søkerliste etter søknadsfristens utløp.",
        "Takk for søknaden! Vi gleder oss til å lese den. Hvis du ikke hører fra oss innen tre "
        "uker etter søknadsfristen, har du dessverre ikke nådd opp denne gangen.",
    ],
    "ack_person": [
        "Takk for søknaden. Jeg skal se på den i løpet av helgen og komme tilbake til deg tidlig "
        "neste uke.",
        "Takk for at du sendte CV-en. Jeg er på reise denne uken, men ser på den når jeg er tilbake "
        "og gir deg en tilbakemelding.",
        "Takk for oppfølgingen. Vi er fortsatt i gang med å vurdere søknadene og regner med å ha en "
        "avklaring i løpet av neste uke.",
    ],
    "rejection": [
        "Takk for din søknad på stillingen som {role}. Vi har hatt mange gode søkere, og vi har "
        "dessverre valgt å gå videre med andre kandidater. Vi ønsker deg lykke til videre med "
        "jobbsøkingen.",
        "Vi har nå gått gjennom alle søknadene på stillingen. Du er dessverre ikke blant dem vi "
        "går videre med i prosessen. Takk for interessen for {company}.",
        "Stillingen som {role} er nå besatt. Vi takker for din interesse og ønsker deg lykke til "
        "videre.",
        "Takk for at du tok deg tid til å møte oss til intervju. Vi har etter en samlet vurdering "
        "valgt en annen kandidat til stillingen. Dette var en vanskelig avgjørelse.",
        "Vi viser til din søknad på stilling som {role}. Det var mange kvalifiserte søkere, og du "
        "har dessverre ikke nådd opp i konkurransen denne gangen.",
        "Takk for søknaden din. Etter en grundig vurdering har vi kommet frem til at andre "
        "kandidater er bedre kvalifisert for denne stillingen, og vi vil derfor ikke gå videre med "
        "din søknad.",
        "Du er dessverre ikke blitt valgt ut til intervju. Vi vil gjerne beholde CV-en din i vår "
        "database dersom det skulle dukke opp andre stillinger som passer.",
        "Vi har besluttet å ikke gå videre med din kandidatur. Takk for tiden du har brukt på "
        "prosessen, og lykke til videre.",
    ],
    "interview": [
        "Takk for søknaden din. Vi vil gjerne invitere deg til et intervju hos oss. Passer det for "
        "deg tirsdag 12. mars kl. 10.00? Gi beskjed om tidspunktet passer.",
        "Vi har lest søknaden din med interesse og ønsker å møte deg til en første samtale. Kan du "
        "foreslå et tidspunkt neste uke?",
        "Du er herved innkalt til intervju for stillingen som {role}. Intervjuet finner sted på "
        "Teams torsdag kl. 13.00. Lenke kommer i egen kalenderinvitasjon.",
        "Vi ønsker å gå videre med deg og vil gjerne ta en prat på telefon. Når passer det best "
        "for deg?",
        "Intervjuet er nå bekreftet til fredag kl. 09.30 i våre lokaler i Oslo. Ta med gyldig "
        "legitimasjon.",
    ],
    "action": [
        "Som en del av rekrutteringsprosessen ber vi deg gjennomføre to tester: en personlighetstest "
        "og en evnetest. Testene tar om lag 40 minutter.",
        "Vi ber deg sende oss vitnemål og attester innen fredag, slik at søknaden din blir komplett.",
        "Kan du oppgi to referanser, gjerne tidligere ledere, som vi kan kontakte?",
        "For å gå videre i prosessen ber vi deg fylle ut et kort skjema om tilgjengelighet og "
        "lønnsforventninger.",
    ],
    "offer": [
        "Vi er glade for å kunne tilby deg stillingen som {role} hos {company}! Vedlagt finner du "
        "arbeidsavtalen. Gi oss gjerne svar innen fredag.",
        "Gratulerer! Etter intervjuene ønsker vi å gi deg et tilbud om fast stilling. Jeg ringer "
        "deg i morgen for å gå gjennom detaljene.",
    ],
    "account": [
        "Din engangskode er 551203. Koden er gyldig i 15 minutter.",
        "Bekreft e-postadressen din ved å klikke på lenken under. Deretter kan du fullføre "
        "registreringen.",
        "Brukerkontoen din er opprettet. Du kan nå logge inn og søke på ledige stillinger.",
        "Du har bedt om å tilbakestille passordet ditt. Klikk på lenken for å velge et nytt "
        "passord.",
    ],
    "job_alert": [
        "Vi har funnet {n} nye stillinger som passer for deg: {role} i Bergen, Utvikler i Oslo og "
        "flere. Se alle stillingene.",
        "Her er ukens anbefalte stillinger basert på søkene dine. Jobbvarselet kan du endre når som "
        "helst.",
        "Velkommen til vårt nyhetsbrev! Du får informasjon om ledige stillinger og hva som skjer "
        "hos {company}.",
    ],
    "other": [
        "Takk for søknaden. Før vi går videre: hva er oppsigelsestiden din, og hvilke "
        "lønnsforventninger har du?",
        "Jeg så søknaden din og lurer på om du også kunne vært interessert i en lignende stilling "
        "i Trondheim?",
        "Er du fortsatt interessert i stillingen? Prosessen har tatt lengre tid enn planlagt.",
        "Takk for tilbakemeldingen om prosessen, den har jeg sendt videre til teamet.",
    ],
}

QUOTED_USER = [
    "Hei {recruiter},\n\nTakk for invitasjonen til intervju! Jeg har også fullført testen og "
    "takker ja til tilbudet.\n\nMvh\n{first}",
    "Hei,\n\nJeg søkte nylig på stillingen som {role} og lurer på status. Dessverre kan jeg ikke "
    "mandag.\n\nHilsen {first}",
]
QUOTE_HEADERS = [
    "Den tir. 4. mars 2025 kl. 09:02 skrev {first} {last} <{user}>:",
    "Fra: {first} {last} <{user}>\nSendt: tirsdag 4. mars 2025 09:02\nTil: {recruiter} "
    "<{sender}>\nEmne: {role}",
    "tir. 4. mar. 2025 kl. 09:02 skrev {first} {last} <{user}>:",
]
