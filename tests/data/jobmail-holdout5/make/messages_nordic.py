"""Round-5 held-out Norwegian (Bokmål, Nynorsk), Swedish and Danish messages."""

M = [
    # -- Bokmål
    ("acknowledgement", "nb", "Statnett <noreply@easycruit.com>", "Bekreftelse på søknad",
     "Hei Ingrid,\n\nDette er en bekreftelse på at vi har mottatt din søknad på stillingen "
     "Dataarkitekt i Statnett. Søknadsfristen er 21. september, og vi starter utvelgelsen "
     "kort tid etter.\n\nMed vennlig hilsen\nStatnett HR", "plain"),
    ("acknowledgement", "nb", "Kongsberg <noreply@kongsberg.wd3.myworkdayjobs.com>",
     "Takk for søknaden", "Hei Ingrid,\n\nTakk for at du har søkt stillingen som "
     "Programvareingeniør i Kongsberg Maritime. Søknaden din er nå registrert hos oss, og "
     "rekrutteringsteamet vil gå gjennom den i løpet av de neste ukene.\n\nKongsberg "
     "Talent Acquisition", "html"),
    ("acknowledgement", "nb", "Anders Moe <anders.moe@tindedata.no>", "SV: Utvikler",
     "Hei Ingrid,\n\nTakk, fint å høre fra deg! Jeg tar med meg CV-en din inn i møtet med "
     "teamet på torsdag og gir deg en lyd etterpå.\n\nAnders", "plain"),
    ("rejection", "nb", "Statnett <noreply@easycruit.com>", "Vedrørende din søknad",
     "Hei Ingrid,\n\nTakk for søknaden din på stillingen Dataarkitekt. Vi har hatt mange "
     "sterke søkere, og vi har nå gått videre med kandidater som samsvarer bedre med "
     "kravene. Vi ønsker deg lykke til.\n\nMed vennlig hilsen\nStatnett HR", "plain"),
    ("rejection", "nb", "Kongsberg <noreply@kongsberg.wd3.myworkdayjobs.com>",
     "Status på søknaden din", "Hei Ingrid,\n\nVi har nå gjennomført intervjuer for "
     "stillingen som Programvareingeniør. Stillingen er besatt, og vi må derfor meddele at "
     "du ikke nådde opp denne gangen.\n\nKongsberg Talent Acquisition", "html"),
    ("rejection", "nb", "Anders Moe <anders.moe@tindedata.no>", "SV: Utvikler",
     "Hei igjen Ingrid,\n\nVi snakket om deg i teamet. Vi har valgt en kandidat med mer "
     "erfaring fra Kotlin, så vi går ikke videre denne gangen. Takk for en hyggelig "
     "prat!\n\nAnders", "plain"),
    ("interview", "nb", "Statnett <noreply@easycruit.com>", "Invitasjon til samtale",
     "Hei Ingrid,\n\nVi har lest søknaden din med interesse og ønsker å møte deg til en "
     "første samtale. Passer det mandag 29. september kl. 10.00 på Nydalen? Bekreft gjerne "
     "tidspunktet ved å svare på denne e-posten.\n\nStatnett HR", "plain"),
    ("interview", "nb", "Anders Moe <anders.moe@tindedata.no>", "Teams-møte torsdag",
     "Hei Ingrid,\n\nJeg har sendt deg en kalenderinvitasjon til et Teams-møte med meg og "
     "teknisk leder torsdag kl. 13. Vi snakker om erfaringen din og viser deg hva teamet "
     "jobber med.\n\nAnders", "ics"),
    ("action", "nb", "Kongsberg <noreply@kongsberg.wd3.myworkdayjobs.com>",
     "Personlighetstest", "Hei Ingrid,\n\nSom en del av prosessen ber vi deg fylle ut en "
     "personlighetskartlegging. Lenken er gyldig i fem dager og testen tar omtrent 25 "
     "minutter.\n\nKongsberg Talent Acquisition", "html"),
    ("offer", "nb", "Statnett <noreply@easycruit.com>", "Tilbud om stilling",
     "Hei Ingrid,\n\nDet er en glede å kunne tilby deg stillingen som Dataarkitekt i "
     "Statnett. Arbeidsavtalen ligger vedlagt. Vi ber om svar innen 10. oktober.\n\nMed "
     "vennlig hilsen\nStatnett HR", "plain"),
    ("job_alert", "nb", "FINN jobb <agent@finn.no>", "Nye treff på søket ditt",
     "Vi har funnet 6 nye stillinger som passer søket ditt «dataingeniør Oslo».\n\nDataingeniør "
     "- Tinde Data - Oslo\nSenior utvikler - Fjellkraft - Oslo\n\nSe alle treff", "html"),
    ("other", "nb", "Anders Moe <anders.moe@tindedata.no>", "SV: Utvikler",
     "Hei Ingrid,\n\nEt kjapt spørsmål før vi går videre: når kan du tidligst begynne, og har "
     "du oppsigelsestid i nåværende jobb?\n\nAnders", "plain"),
    # -- Nynorsk
    ("acknowledgement", "nn", "Høgskulen på Vestlandet <noreply@jobbnorge.no>",
     "Stadfesting av søknad", "Hei Sigrid Aase,\n\nVi stadfestar at søknaden din på "
     "stillinga som rådgjevar i dataforvalting er motteken. Søknadsfristen er 15. september. "
     "Du vil høyre frå oss når vurderinga er ferdig.\n\nHøgskulen på Vestlandet", "plain"),
    ("acknowledgement", "nn", "Sunnfjord Energi <post@sunnfjordenergi.no>", "Søknaden din",
     "Hei Sigrid,\n\nTakk for søknaden! Han er komen fram til oss, og vi ser på alle "
     "søknadene saman etter fristen.\n\nHelsing\nSunnfjord Energi", "plain"),
    ("rejection", "nn", "Høgskulen på Vestlandet <noreply@jobbnorge.no>",
     "Svar på søknad", "Hei Sigrid Aase,\n\nTakk for interessa for stillinga som rådgjevar. "
     "Det kom inn mange gode søknader, og du er diverre ikkje blant dei vi kallar inn til "
     "intervju.\n\nHøgskulen på Vestlandet", "plain"),
    ("rejection", "nn", "Sunnfjord Energi <post@sunnfjordenergi.no>", "Stillinga som analytikar",
     "Hei Sigrid,\n\nVi har no tilsett ein person i stillinga. Takk for at du søkte hos oss, "
     "og lukke til vidare!\n\nHelsing\nSunnfjord Energi", "plain"),
    ("interview", "nn", "Sunnfjord Energi <post@sunnfjordenergi.no>", "Intervju i Førde",
     "Hei Sigrid,\n\nVi vil gjerne ha deg inn på intervju hjå oss i Førde onsdag 24. "
     "september klokka 09.00. Gje oss ei stadfesting på at tidspunktet passar.\n\nHelsing\n"
     "Sunnfjord Energi", "plain"),
    ("action", "nn", "Høgskulen på Vestlandet <noreply@jobbnorge.no>",
     "Dokumentasjon", "Hei Sigrid Aase,\n\nFør intervjuet ber vi deg laste opp kopi av "
     "vitnemål og attestar i søknaden din på Jobbnorge innan fredag.\n\nHøgskulen på "
     "Vestlandet", "plain"),
    ("offer", "nn", "Sunnfjord Energi <post@sunnfjordenergi.no>", "Tilbod",
     "Hei Sigrid,\n\nTakk for sist! Vi har bestemt oss, og vi vil gjerne tilby deg stillinga "
     "som analytikar. Kontrakten kjem på e-post i morgon.\n\nHelsing\nSunnfjord Energi",
     "plain"),
    ("account", "nn", "Jobbnorge <noreply@jobbnorge.no>", "Stadfest e-postadressa di",
     "Klikk på lenkja under for å stadfeste e-postadressa di og aktivere brukarkontoen din "
     "på Jobbnorge.", "plain"),
    # -- Swedish
    ("acknowledgement", "sv", "Trafikverket <noreply@trafikverket.varbi.com>",
     "Tack för din ansökan", "Hej Elin,\n\nTack för din ansökan till tjänsten som "
     "Dataanalytiker. Vi har tagit emot den och kommer att gå igenom alla ansökningar efter "
     "sista ansökningsdag.\n\nMed vänliga hälsningar\nTrafikverket", "plain"),
    ("acknowledgement", "sv", "Lingon Pay <jobs@lingonpay.teamtailor-mail.com>",
     "Vi har fått din ansökan!", "Hej Elin!\n\nKul att du vill bli en del av Lingon Pay. "
     "Din ansökan till Backend Engineer ligger nu hos oss och rekryteraren återkommer inom "
     "två veckor.\n\nLingon Pay", "html"),
    ("acknowledgement", "sv", "Oskar Nyström <oskar.nystrom@granit-it.se>", "Sv: Ansökan",
     "Hej Elin,\n\nTack, jag har fått ditt CV. Jag läser igenom det i helgen och hör av mig "
     "på måndag.\n\nOskar", "plain"),
    ("rejection", "sv", "Trafikverket <noreply@trafikverket.varbi.com>",
     "Besked gällande din ansökan", "Hej Elin,\n\nTack för ditt intresse för tjänsten som "
     "Dataanalytiker. Rekryteringen är nu avslutad och tjänsten har tillsatts med en annan "
     "sökande.\n\nMed vänliga hälsningar\nTrafikverket", "plain"),
    ("rejection", "sv", "Lingon Pay <jobs@lingonpay.teamtailor-mail.com>",
     "Uppdatering om Backend Engineer", "Hej Elin,\n\nTack för att du tog dig tid för "
     "intervjun. Vi har bestämt oss för att gå vidare med en annan kandidat, men vi hoppas att "
     "våra vägar korsas igen.\n\nLingon Pay", "html"),
    ("rejection", "sv", "Oskar Nyström <oskar.nystrom@granit-it.se>", "Sv: Ansökan",
     "Hej Elin,\n\nJag har pratat med teamet. Vi behöver tyvärr någon med längre erfarenhet "
     "av Azure just nu, så det blir inte du den här gången.\n\nOskar", "plain"),
    ("interview", "sv", "Lingon Pay <jobs@lingonpay.teamtailor-mail.com>",
     "Intervju med Lingon Pay", "Hej Elin,\n\nVi skulle gärna vilja träffa dig för en "
     "intervju! Välj en tid som passar dig i kalendern nedan.\n\nBoka tid: "
     "https://lingonpay.teamtailor.com/meetings/5521\n\nLingon Pay", "html"),
    ("interview", "sv", "Oskar Nyström <oskar.nystrom@granit-it.se>", "Möte nästa vecka",
     "Hej Elin,\n\nDitt CV ser intressant ut. Jag bokar in oss på ett möte på vårt kontor i "
     "Göteborg tisdag kl. 14, så kan du träffa teamet.\n\nOskar", "ics"),
    ("action", "sv", "Trafikverket <noreply@trafikverket.varbi.com>",
     "Kompletterande uppgifter", "Hej Elin,\n\nInför nästa steg ber vi dig genomföra ett "
     "logiskt test online. Du hittar länken nedan, testet ska vara gjort senast den 26 "
     "september.\n\nTrafikverket", "plain"),
    ("job_alert", "sv", "Platsbanken <noreply@arbetsformedlingen.se>",
     "Nya annonser för din bevakning", "Det finns 4 nya annonser som matchar din bevakning "
     "\"dataanalytiker Göteborg\".\n\nDataanalytiker - Granit IT - Göteborg\n\nVisa "
     "annonserna", "html"),
    # -- Danish
    ("acknowledgement", "da", "Danske Bank <noreply@danskebank.wd3.myworkdayjobs.com>",
     "Tak for din ansøgning", "Kære Freja,\n\nTak for din ansøgning til stillingen som Data "
     "Engineer. Vi har modtaget den og vender tilbage, når vi har gennemgået alle "
     "ansøgninger.\n\nMed venlig hilsen\nDanske Bank Talent Acquisition", "html"),
    ("acknowledgement", "da", "Aarhus Universitet <noreply@au.emply.net>",
     "Kvittering for ansøgning", "Kære Freja Holm,\n\nHermed bekræftes modtagelsen af din "
     "ansøgning til stillingen som Videnskabelig assistent. Ansøgningsfristen er 30. "
     "september.\n\nAarhus Universitet", "plain"),
    ("acknowledgement", "da", "Rasmus Lund <rasmus@bolgedata.dk>", "Sv: Ansøgning",
     "Hej Freja,\n\nTusind tak for dit CV. Jeg sender det videre til vores CTO i dag og "
     "melder tilbage i næste uge.\n\nRasmus", "plain"),
    ("rejection", "da", "Danske Bank <noreply@danskebank.wd3.myworkdayjobs.com>",
     "Din ansøgning hos Danske Bank", "Kære Freja,\n\nTak for din interesse for stillingen. "
     "Vi har valgt at gå videre med andre kandidater, hvis profiler matcher vores behov "
     "bedre.\n\nMed venlig hilsen\nDanske Bank Talent Acquisition", "html"),
    ("rejection", "da", "Aarhus Universitet <noreply@au.emply.net>",
     "Vedrørende din ansøgning", "Kære Freja Holm,\n\nBedømmelsesudvalget har nu vurderet "
     "ansøgningerne. Vi må desværre meddele, at du ikke er udvalgt til samtale.\n\nAarhus "
     "Universitet", "plain"),
    ("rejection", "da", "Rasmus Lund <rasmus@bolgedata.dk>", "Sv: Ansøgning",
     "Hej Freja,\n\nVi har desværre besluttet at sætte ansættelsen på pause resten af året, "
     "så vi kan ikke gå videre med din ansøgning.\n\nRasmus", "plain"),
    ("interview", "da", "Danske Bank <noreply@danskebank.wd3.myworkdayjobs.com>",
     "Invitation til samtale", "Kære Freja,\n\nVi vil gerne invitere dig til en første "
     "samtale på Teams. Vælg venligst et tidspunkt via linket herunder.\n\nDanske Bank "
     "Talent Acquisition", "html"),
    ("offer", "da", "Rasmus Lund <rasmus@bolgedata.dk>", "Kontrakt",
     "Hej Freja,\n\nVi er rigtig glade for at kunne tilbyde dig jobbet! Jeg har vedhæftet "
     "kontrakten - kig den igennem, og sig til hvis noget skal justeres.\n\nRasmus", "plain"),
    ("other", "da", "Rasmus Lund <rasmus@bolgedata.dk>", "Sv: Ansøgning",
     "Hej Freja,\n\nHar du mulighed for at sende mig et par eksempler på dashboards, du har "
     "bygget? Og hvad er din forventning til løn?\n\nRasmus", "plain"),
]
