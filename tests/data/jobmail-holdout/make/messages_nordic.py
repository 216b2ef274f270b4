"""Held-out Norwegian (Bokmål, Nynorsk), Swedish and Danish messages, each written whole."""

M = [
    # -- Bokmål
    ("acknowledgement", "nb", "Bergen Havnevesen <noreply@webcruiter.no>",
     "Søknad registrert - Ingeniør, havneteknikk",
     "Hei Marius,\n\nDin søknad på stillingen Ingeniør, havneteknikk (ref. 4471102233) er "
     "registrert hos oss.\n\nSøknadsfristen er 30.03. Etter fristen går vi gjennom søknadene, og "
     "aktuelle kandidater vil bli kontaktet. Vi gjør oppmerksom på at opplysninger om søkeren kan "
     "bli offentliggjort selv om søkeren har bedt om ikke å bli oppført på søkerlisten.\n\n"
     "Med hilsen\nBergen Havnevesen", "plain"),
    ("acknowledgement", "nb", "Kvitfjell Energi <no-reply@kvitfjellenergi.teamtailor-mail.com>",
     "Takk for at du søkte hos Kvitfjell Energi!",
     "Hei Marius!\n\nSå gøy at du vil bli en del av Kvitfjell Energi. Vi har fått søknaden din på "
     "Dataingeniør og ser frem til å bli bedre kjent med deg gjennom den.\n\nVi går gjennom "
     "søknadene fortløpende, så du hører fra oss så snart vi har vurdert din.\n\nBeste hilsen\n"
     "Kvitfjell Energi", "html"),
    ("acknowledgement", "nb", "Oslo universitetssykehus <noreply@jobbnorge.no>",
     "Bekreftelse - søknad på stilling 248113",
     "Vi bekrefter at din søknad på stillingen Spesialrådgiver IKT er mottatt.\n\nDu kan følge "
     "søknaden din og gjøre endringer frem til søknadsfristen ved å logge inn på Jobbnorge.\n\n"
     "Dette er en automatisk generert e-post og kan ikke besvares.", "plain"),
    ("acknowledgement", "nb", "Silje Aamodt <silje.aamodt@nordvikmedia.no>", "SV: Søknad",
     "Hei Marius,\n\nTusen takk for søknaden, den er kommet frem! Jeg tar den med meg inn i "
     "ledermøtet på torsdag, og så hører du fra meg etter det.\n\nSilje\n\nFra: Marius Dahl "
     "<marius.dahl@example.com>\nSendt: mandag 10. mars 2025 21:14\nTil: Silje Aamodt\nEmne: "
     "Søknad\n\nHei Silje! Vedlagt er søknad og CV. Jeg stiller gjerne til intervju.", "plain"),
    ("acknowledgement", "nb", "Trønderbanken <noreply@hrmanager.no>", "Din søknad er mottatt",
     "Hei Marius Dahl,\n\nTakk for interessen for stillingen som Kundeansvarlig bedrift i "
     "Trønderbanken. Dette er en bekreftelse på at vi har mottatt søknaden din.\n\nIntervjuer vil "
     "bli gjennomført fortløpende i april.\n\nVennlig hilsen\nTrønderbanken", "html"),
    ("acknowledgement", "nb", "FINN <agent@finn.no>", "Søknaden din er sendt til Lysaker Bygg AS",
     "Søknaden din er sendt!\n\nProsjektleder byggeteknikk - Lysaker Bygg AS\nSendt 11. mars\n\n"
     "Du finner søknadene dine under Mine søknader på FINN.", "html"),
    ("rejection", "nb", "Bergen Havnevesen <noreply@webcruiter.no>",
     "Ingeniør, havneteknikk - svar på søknad",
     "Hei Marius,\n\nTakk for din søknad på stillingen. Vi mottok mange søknader fra godt "
     "kvalifiserte søkere. Etter en helhetsvurdering er du ikke blant de som blir kalt inn til "
     "intervju.\n\nVi takker for din interesse for Bergen Havnevesen.\n\nMed hilsen\nBergen "
     "Havnevesen", "plain"),
    ("rejection", "nb", "Kvitfjell Energi <no-reply@kvitfjellenergi.teamtailor-mail.com>",
     "Oppdatering om søknaden din",
     "Hei Marius,\n\nTusen takk for at du søkte på Dataingeniør hos oss. Vi har nå sett på alle "
     "søknadene, og denne gangen går vi videre med kandidater som har mer erfaring med "
     "sanntidssystemer.\n\nVi håper du søker igjen senere!\n\nBeste hilsen\nKvitfjell Energi",
     "html"),
    ("rejection", "nb", "Oslo universitetssykehus <noreply@jobbnorge.no>",
     "Informasjon om stilling 248113",
     "Stillingen Spesialrådgiver IKT er nå besatt. Vi takker for din søknad og interessen du har "
     "vist for stillingen.", "plain"),
    ("rejection", "nb", "Silje Aamodt <silje.aamodt@nordvikmedia.no>", "SV: Søknad",
     "Hei igjen Marius,\n\nVi har diskutert søknaden din i ledergruppen. Du har en spennende "
     "bakgrunn, men vi har landet på en kandidat med mer erfaring fra mediebransjen. Takk for at "
     "du tok kontakt, og lykke til!\n\nSilje", "plain"),
    ("rejection", "nb", "Trønderbanken <noreply@hrmanager.no>", "Kundeansvarlig bedrift",
     "Hei Marius,\n\nVi takker for at du tok deg tid til intervju med oss. Det har vært en "
     "krevende prosess med mange sterke kandidater, og vi har nå tilbudt stillingen til en annen "
     "søker.\n\nVennlig hilsen\nTrønderbanken", "html"),
    ("rejection", "nb", "Rambekk Consulting <noreply@webcruiter.no>", "Vedrørende din søknad",
     "Hei,\n\nTakk for søknaden din. Vi har dessverre ikke funnet deg aktuell for denne "
     "stillingen.\n\nMed vennlig hilsen\nRambekk Consulting", "plain"),
    ("interview", "nb", "Silje Aamodt <silje.aamodt@nordvikmedia.no>", "Intervju hos Nordvik Media",
     "Hei Marius,\n\nVi vil veldig gjerne møte deg! Har du anledning til å komme innom kontoret "
     "vårt i Storgata tirsdag 18. mars kl. 14? Intervjuet tar rundt en time.\n\nSilje", "plain"),
    ("interview", "nb", "Kvitfjell Energi <no-reply@kvitfjellenergi.teamtailor-mail.com>",
     "Book et intervju med Kvitfjell Energi",
     "Hei Marius!\n\nVi har lest søknaden din og vil gjerne ta deg med videre i prosessen. Velg "
     "et tidspunkt som passer deg for et digitalt intervju på 45 minutter via lenken under.\n\n"
     "Velg tidspunkt", "html"),
    ("action", "nb", "Trønderbanken <noreply@hrmanager.no>", "Neste steg: kartleggingstester",
     "Hei Marius,\n\nSom neste steg i prosessen ber vi deg ta to tester fra Aon: en verbal test og "
     "en numerisk test. Testene må være fullført innen søndag kl. 23.59.\n\nVennlig hilsen\n"
     "Trønderbanken", "plain"),
    ("offer", "nb", "Silje Aamodt <silje.aamodt@nordvikmedia.no>", "Tilbud!",
     "Hei Marius,\n\nSå hyggelig å møte deg igjen i går. Vi vil gjerne at du blir med på laget, "
     "og jeg sender deg herved et tilbud om fast stilling som utvikler hos Nordvik Media. "
     "Arbeidsavtalen ligger vedlagt.\n\nSilje", "plain"),
    ("account", "nb", "Jobbnorge <noreply@jobbnorge.no>", "Bekreft e-postadressen din",
     "Hei!\n\nFor å fullføre registreringen av brukeren din på Jobbnorge må du bekrefte "
     "e-postadressen din. Klikk på knappen under.", "html"),
    ("job_alert", "nb", "NAV Arbeidsplassen <noreply@arbeidsplassen.nav.no>",
     "Nye treff på søket ditt: utvikler Bergen",
     "Det er 7 nye annonser som passer søket ditt «utvikler Bergen».\n\nSe annonsene på "
     "arbeidsplassen.nav.no", "html"),
    ("other", "nb", "Henrik Solberg <henrik@solbergrekruttering.no>", "Stilling som teamleder",
     "Hei Marius,\n\nJeg rekrutterer til en teamlederstilling hos en av mine kunder i Bergen, og "
     "profilen din dukket opp. Kunne det vært interessant med en uforpliktende prat?\n\nHenrik",
     "plain"),
    # -- Nynorsk
    ("acknowledgement", "nn", "Sunnfjord kommune <noreply@webcruiter.no>",
     "Søknaden din er motteken",
     "Hei Marius,\n\nVi stadfestar at vi har motteke søknaden din på stillinga som Sakshandsamar "
     "plan og bygg. Søknadsfristen er 1. april. Etter fristen vil vi vurdere søknadene og kalle "
     "inn aktuelle kandidatar til intervju.\n\nMed helsing\nSunnfjord kommune", "plain"),
    ("acknowledgement", "nn", "Høgskulen i Vest <noreply@jobbnorge.no>",
     "Stadfesting på søknad",
     "Takk for søknaden din på stillinga som førstelektor. Søknaden er registrert, og du vil få "
     "melding når saka er ferdig handsama.", "plain"),
    ("acknowledgement", "nn", "Ragnhild Vik <ragnhild.vik@fjordbussen.no>", "SV: Søknad",
     "Hei,\n\nTakk for søknaden! Eg er på ferie denne veka, men les han når eg er tilbake og gjev "
     "deg svar.\n\nRagnhild", "plain"),
    ("rejection", "nn", "Sunnfjord kommune <noreply@webcruiter.no>", "Svar på søknaden din",
     "Hei Marius,\n\nTakk for søknaden din. Det var mange godt kvalifiserte søkjarar til "
     "stillinga, og du er diverre ikkje mellom dei vi har valt å kalle inn til intervju.\n\nMed "
     "helsing\nSunnfjord kommune", "plain"),
    ("rejection", "nn", "Høgskulen i Vest <noreply@jobbnorge.no>", "Tilsetjing i stillinga",
     "Vi har no tilsett i stillinga som førstelektor. Takk for at du søkte, og lukke til "
     "vidare.", "plain"),
    ("rejection", "nn", "Ragnhild Vik <ragnhild.vik@fjordbussen.no>", "SV: Søknad",
     "Hei Marius,\n\nTakk for praten i går. Vi har bestemt oss for å tilsetje ein annan kandidat "
     "som har meir erfaring med ruteplanlegging. Lukke til med jobbsøkinga!\n\nRagnhild",
     "plain"),
    ("interview", "nn", "Sunnfjord kommune <noreply@webcruiter.no>", "Innkalling til intervju",
     "Hei Marius,\n\nDu er kalla inn til intervju for stillinga som Sakshandsamar plan og bygg, "
     "måndag 14. april klokka 09.00 på rådhuset i Førde. Ver venleg og stadfest at tidspunktet "
     "passar.\n\nMed helsing\nSunnfjord kommune", "plain"),
    ("other", "nn", "Ragnhild Vik <ragnhild.vik@fjordbussen.no>", "Spørsmål",
     "Hei Marius,\n\nEg har eit spørsmål før vi går vidare: har du førarkort klasse D?\n\n"
     "Ragnhild", "plain"),
    # -- Swedish
    ("acknowledgement", "sv", "Västkustens Energi <noreply@varbi.com>",
     "Vi har tagit emot din ansökan",
     "Hej Linnea,\n\nTack för din ansökan till tjänsten som Elnätsingenjör. Den har nu kommit in "
     "till oss. Vi tillämpar löpande urval, så tjänsten kan komma att tillsättas innan sista "
     "ansökningsdag.\n\nVänliga hälsningar\nVästkustens Energi", "plain"),
    ("acknowledgement", "sv", "Frostmark AB <no-reply@frostmark.teamtailor-mail.com>",
     "Tack för din ansökan till Frostmark!",
     "Hej Linnea!\n\nVad roligt att du vill jobba med oss på Frostmark. Vi har fått din ansökan "
     "till rollen som Product Designer och kommer att läsa den noggrant. Vi hör av oss inom två "
     "veckor.\n\nHälsningar,\nFrostmark", "html"),
    ("acknowledgement", "sv", "Region Gävlestad <noreply@reachmee.com>", "Bekräftelse",
     "Din ansökan till tjänsten Systemförvaltare (ref 2025/118) är registrerad. Du kan logga in "
     "på Mina sidor för att se din ansökan.\n\nDetta mejl går inte att svara på.", "plain"),
    ("acknowledgement", "sv", "Johan Ek <johan.ek@ljusdata.se>", "SV: Ansökan backend",
     "Hej Linnea,\n\nTack, ansökan är mottagen! Jag kikar på den i helgen och återkommer till dig "
     "på måndag.\n\n/Johan\n\nDen mån 10 mars 2025 kl 19:03 skrev Linnea Berg "
     "<linnea.berg@example.com>:\n> Hej Johan, här kommer min ansökan. Jag ser fram emot en "
     "intervju!", "plain"),
    ("rejection", "sv", "Västkustens Energi <noreply@varbi.com>", "Angående tjänsten som Elnätsingenjör",
     "Hej Linnea,\n\nTack för ditt intresse för tjänsten. Vi har nu gått igenom samtliga "
     "ansökningar och har valt att kalla andra kandidater till intervju, vars profiler bättre "
     "motsvarar kraven.\n\nVänliga hälsningar\nVästkustens Energi", "plain"),
    ("rejection", "sv", "Frostmark AB <no-reply@frostmark.teamtailor-mail.com>",
     "Uppdatering om din ansökan",
     "Hej Linnea,\n\nTack för att du sökte rollen som Product Designer. Efter mycket funderande "
     "har vi bestämt oss för att gå vidare med en kandidat vars erfarenhet ligger närmare det vi "
     "behöver just nu.\n\nLycka till framöver!\nFrostmark", "html"),
    ("rejection", "sv", "Region Gävlestad <noreply@reachmee.com>", "Rekryteringen är avslutad",
     "Rekryteringen till tjänsten Systemförvaltare (ref 2025/118) är nu avslutad och tjänsten har "
     "tillsatts. Tack för ditt intresse för att arbeta hos oss.", "plain"),
    ("rejection", "sv", "Johan Ek <johan.ek@ljusdata.se>", "SV: Ansökan backend",
     "Hej Linnea,\n\nTack för samtalet i torsdags. Vi har tyvärr bestämt oss för att inte gå "
     "vidare, då vi behöver någon med mer erfarenhet av Kotlin.\n\n/Johan", "plain"),
    ("interview", "sv", "Frostmark AB <no-reply@frostmark.teamtailor-mail.com>",
     "Välj en tid för intervju",
     "Hej Linnea!\n\nVi blev nyfikna på dig och vill gärna boka in en första intervju på 30 "
     "minuter via Teams. Välj en tid som passar dig i länken nedan.\n\nHälsningar,\nFrostmark",
     "html"),
    ("interview", "sv", "Johan Ek <johan.ek@ljusdata.se>", "Intervju",
     "Hej Linnea,\n\nJag har läst din ansökan och vill gärna ses för en intervju. Passar "
     "onsdag 19/3 kl. 13 hos oss på Kungsgatan?\n\n/Johan", "ics"),
    ("action", "sv", "Region Gävlestad <noreply@reachmee.com>", "Komplettera din ansökan",
     "Hej Linnea,\n\nFör att din ansökan ska kunna bedömas behöver du ladda upp kopior på "
     "examensbevis och tjänstgöringsintyg senast fredag.", "plain"),
    ("account", "sv", "Varbi <noreply@varbi.com>", "Återställ ditt lösenord",
     "Någon har begärt att lösenordet för ditt konto ska återställas. Klicka på länken för att "
     "välja ett nytt lösenord. Om det inte var du kan du bortse från detta mejl.", "plain"),
    ("job_alert", "sv", "Platsbanken <noreply@arbetsformedlingen.se>", "Nya annonser för din bevakning",
     "Det finns 12 nya annonser som matchar din bevakning \"UX designer Göteborg\".\n\nVisa "
     "annonserna", "html"),
    # -- Danish
    ("acknowledgement", "da", "Fynske Vandværker <noreply@emply.com>", "Tak for din ansøgning",
     "Kære Mikkel\n\nTak for din ansøgning til stillingen som Driftsingeniør. Vi bekræfter hermed, "
     "at vi har modtaget den.\n\nVi forventer at holde samtaler i uge 16 og giver alle ansøgere "
     "besked, når vi har truffet en beslutning.\n\nVenlig hilsen\nFynske Vandværker", "plain"),
    ("acknowledgement", "da", "Nordlyd ApS <no-reply@nordlyd.teamtailor-mail.com>",
     "Vi har fået din ansøgning",
     "Hej Mikkel!\n\nFedt at du har søgt job som Lyddesigner hos Nordlyd. Vi har fået din "
     "ansøgning og kigger på den hurtigst muligt.\n\nKh. Nordlyd", "html"),
    ("acknowledgement", "da", "Karen Lund <karen.lund@aarhusbryg.dk>", "SV: Ansøgning",
     "Hej Mikkel\n\nTak for din ansøgning - den er modtaget. Jeg læser den igennem i løbet af "
     "ugen og vender tilbage.\n\nKaren", "plain"),
    ("rejection", "da", "Fynske Vandværker <noreply@emply.com>", "Vedr. stillingen som Driftsingeniør",
     "Kære Mikkel\n\nTak for din interesse for stillingen. Vi har nu gennemgået alle ansøgninger, "
     "og vi må desværre meddele, at du ikke er blandt de kandidater, vi har valgt at invitere til "
     "samtale.\n\nVenlig hilsen\nFynske Vandværker", "plain"),
    ("rejection", "da", "Nordlyd ApS <no-reply@nordlyd.teamtailor-mail.com>", "Opdatering",
     "Hej Mikkel\n\nTak fordi du søgte hos os. Vi har valgt at ansætte en anden kandidat til "
     "stillingen som Lyddesigner.\n\nKh. Nordlyd", "html"),
    ("rejection", "da", "Karen Lund <karen.lund@aarhusbryg.dk>", "SV: Ansøgning",
     "Hej Mikkel\n\nTak for samtalen i går. Vi har besluttet at gå en anden vej og tilbyde "
     "jobbet til en intern kandidat. Held og lykke fremover.\n\nKaren", "plain"),
    ("interview", "da", "Karen Lund <karen.lund@aarhusbryg.dk>", "Samtale",
     "Hej Mikkel\n\nVi vil rigtig gerne se dig til en samtale. Kan du komme torsdag den 20. marts "
     "kl. 10 på bryggeriet?\n\nKaren", "plain"),
    ("interview", "da", "Fynske Vandværker <noreply@emply.com>", "Invitation til jobsamtale",
     "Kære Mikkel\n\nVi er glade for at kunne invitere dig til samtale om stillingen som "
     "Driftsingeniør tirsdag den 15. april kl. 13.00.\n\nVenlig hilsen\nFynske Vandværker",
     "ics"),
    ("action", "da", "Nordlyd ApS <no-reply@nordlyd.teamtailor-mail.com>", "Næste skridt: case",
     "Hej Mikkel\n\nSom næste skridt vil vi bede dig løse en lille case: lav et lyddesign til den "
     "vedhæftede videosekvens og send det til os inden mandag.\n\nKh. Nordlyd", "html"),
    ("job_alert", "da", "Jobindex <jobagent@jobindex.dk>", "Jobagent: 9 nye job",
     "Din jobagent \"ingeniør Odense\" har fundet 9 nye job siden i går.\n\nSe alle", "html"),
    ("other", "da", "Karen Lund <karen.lund@aarhusbryg.dk>", "Spørgsmål",
     "Hej Mikkel\n\nHvornår vil du kunne starte, hvis det bliver dig?\n\nKaren", "plain"),
]
