"""Round-3 held-out Norwegian (Bokmål, Nynorsk), Swedish and Danish messages."""

M = [
    # -- Bokmål
    ("acknowledgement", "nb", "Aker Subsea Solutions <noreply@akersubsea.teamtailor-mail.com>",
     "Vi har fått søknaden din",
     "Hei Ingrid,\n\nTakk for at du søkte som Systemingeniør hos oss! Søknaden ligger nå hos "
     "rekrutteringsteamet, og vi gir deg beskjed så fort vi har sett på den.\n\nHilsen\nAker "
     "Subsea Solutions", "html"),
    ("acknowledgement", "nb", "NAV <noreply@webcruiter.no>", "Bekreftelse på søknad",
     "Hei Ingrid Moe,\n\nDette er en bekreftelse på at du har søkt stillingen Seniorrådgiver "
     "analyse i NAV. Søknaden din vil bli vurdert etter at søknadsfristen har gått ut.\n\nMed "
     "vennlig hilsen\nNAV", "plain"),
    ("acknowledgement", "nb", "Knut Olsen <knut.olsen@polarlab.no>", "SV: Utviklerstilling",
     "Hei Ingrid,\n\nTakk for e-posten og CV-en! Jeg skal lese gjennom den i kveld og gir deg et "
     "svar i løpet av uka.\n\nKnut\n\nFra: Ingrid Moe <ingrid.moe@example.com>\nSendt: søndag 9. "
     "mars 2025 20:41\nTil: Knut Olsen\nEmne: Utviklerstilling\n\nHei! Jeg vil gjerne komme på "
     "intervju.", "plain"),
    ("acknowledgement", "nb", "Kolumbus <noreply@jobbnorge.no>", "Søknad mottatt",
     "Takk for søknaden til stillingen Trafikkplanlegger. Søknadene vil bli behandlet etter "
     "søknadsfristen 2. april, og intervjuer er planlagt i uke 16.", "plain"),
    ("acknowledgement", "nb", "Elkjøp Nordic <noreply@smartrecruiters.com>",
     "Takk for din interesse for Elkjøp",
     "Hei Ingrid,\n\nVi bekrefter at søknaden din til Data Scientist er kommet inn. Vi ser på "
     "alle søknader fortløpende og kontakter deg hvis profilen din passer.\n\nElkjøp Nordic",
     "html"),
    ("rejection", "nb", "Aker Subsea Solutions <noreply@akersubsea.teamtailor-mail.com>",
     "Oppdatering på søknaden din",
     "Hei Ingrid,\n\nTakk igjen for at du søkte. Vi har nå vurdert alle kandidatene, og vi går "
     "ikke videre med deg i denne prosessen.\n\nHilsen\nAker Subsea Solutions", "html"),
    ("rejection", "nb", "NAV <noreply@webcruiter.no>", "Melding om tilsetting",
     "Hei Ingrid Moe,\n\nStillingen Seniorrådgiver analyse er nå besatt. Vi takker for søknaden "
     "din.\n\nMed vennlig hilsen\nNAV", "plain"),
    ("rejection", "nb", "Knut Olsen <knut.olsen@polarlab.no>", "SV: Utviklerstilling",
     "Hei Ingrid,\n\nTakk for at du kom innom i går. Vi har tenkt mye på det, men har endt opp med "
     "en annen kandidat som har mer Rust-erfaring. Beklager, og takk for at du tok deg tid.\n\n"
     "Knut", "plain"),
    ("rejection", "nb", "Kolumbus <noreply@jobbnorge.no>", "Angående søknaden din",
     "Hei,\n\nVi har nå gjennomgått søknadene til stillingen Trafikkplanlegger. Du er dessverre "
     "ikke invitert til intervju.\n\nKolumbus", "plain"),
    ("rejection", "nb", "Elkjøp Nordic <noreply@smartrecruiters.com>", "Data Scientist",
     "Hei Ingrid,\n\nTakk for interessen. Etter nøye vurdering har vi valgt å gå videre med andre "
     "søkere hvis erfaring passer bedre med behovene våre nå.\n\nElkjøp Nordic", "html"),
    ("interview", "nb", "Knut Olsen <knut.olsen@polarlab.no>", "Treffes?",
     "Hei Ingrid,\n\nCV-en din så veldig bra ut. Har du tid til et møte med meg og teamlederen "
     "torsdag kl. 10 eller fredag kl. 14?\n\nKnut", "plain"),
    ("interview", "nb", "Aker Subsea Solutions <noreply@akersubsea.teamtailor-mail.com>",
     "Intervju booket",
     "Hei Ingrid!\n\nIntervjuet ditt for Systemingeniør er booket til tirsdag 8. april kl. 13:00 "
     "på Fornebu. Velkommen!\n\nHilsen\nAker Subsea Solutions", "ics"),
    ("action", "nb", "Elkjøp Nordic <noreply@smartrecruiters.com>", "Neste steg: test",
     "Hei Ingrid,\n\nVi vil gjerne at du tar en kort logikktest som neste steg. Lenken er gyldig i "
     "fem dager.\n\nElkjøp Nordic", "html"),
    ("offer", "nb", "Knut Olsen <knut.olsen@polarlab.no>", "Vil du jobbe hos oss?",
     "Hei Ingrid,\n\nVi har snakket sammen i teamet og vil gjerne ansette deg som utvikler! Jeg "
     "sender over et tilbud med lønn og betingelser i morgen.\n\nKnut", "plain"),
    ("job_alert", "nb", "Finn.no <agent@finn.no>", "Nye jobber for deg",
     "Hei Ingrid! 5 nye jobber matcher søkeagenten din «data scientist Oslo». Se jobbene.",
     "html"),
    ("other", "nb", "Knut Olsen <knut.olsen@polarlab.no>", "Arbeidstillatelse",
     "Hei Ingrid, en ting jeg glemte å spørre om: trenger du arbeidstillatelse i Norge?\n\nKnut",
     "plain"),
    # -- Nynorsk
    ("acknowledgement", "nn", "Universitetet i Bergen <noreply@jobbnorge.no>",
     "Stadfesting av søknad",
     "Vi stadfestar at søknaden din til stillinga som Overingeniør er motteken. Du kan fylgje "
     "saka på Jobbnorge.", "plain"),
    ("acknowledgement", "nn", "Voss herad <noreply@webcruiter.no>", "Takk for søknaden",
     "Hei Ingrid,\n\nTakk for søknaden til stillinga som Planleggar. Vi går gjennom søknadene "
     "etter fristen og tek kontakt med dei vi ønskjer å møte.\n\nVoss herad", "plain"),
    ("rejection", "nn", "Universitetet i Bergen <noreply@jobbnorge.no>", "Svar på søknad",
     "Hei,\n\nDu er diverre ikkje innstilt til stillinga som Overingeniør. Takk for interessa.",
     "plain"),
    ("rejection", "nn", "Voss herad <noreply@webcruiter.no>", "Stillinga som Planleggar",
     "Hei Ingrid,\n\nVi har no tilsett ein annan søkjar i stillinga. Takk for søknaden din, og "
     "lukke til vidare.\n\nVoss herad", "plain"),
    ("interview", "nn", "Voss herad <noreply@webcruiter.no>", "Invitasjon til intervju",
     "Hei Ingrid,\n\nVi vil gjerne ha deg på intervju for stillinga som Planleggar, onsdag 16. "
     "april kl. 10 på heradshuset.\n\nVoss herad", "plain"),
    ("action", "nn", "Universitetet i Bergen <noreply@jobbnorge.no>", "Manglande dokumentasjon",
     "Hei,\n\nVi manglar vitnemål frå masterstudiet ditt. Last opp dokumentet i Jobbnorge innan "
     "fredag.", "plain"),
    ("other", "nn", "Solrun Vik <solrun.vik@vossherad.no>", "Spørsmål",
     "Hei Ingrid, kva tid kan du tidlegast byrje dersom du får stillinga?\n\nSolrun", "plain"),
    # -- Swedish
    ("acknowledgement", "sv", "ICA Gruppen <noreply@varbi.com>", "Vi har fått din ansökan",
     "Hej Karin,\n\nTack för att du har sökt tjänsten som BI-analytiker. Vi har fått din ansökan "
     "och kommer att gå igenom den under de närmaste veckorna.\n\nICA Gruppen", "plain"),
    ("acknowledgement", "sv", "Sandvik <noreply@sandvik.wd3.myworkday.com>", "Tack för din ansökan",
     "Hej Karin,\n\nDin ansökan till tjänsten Data Engineer är nu inskickad. Du kan se statusen "
     "under Mina ansökningar.\n\nSandvik Talent Acquisition", "html"),
    ("acknowledgement", "sv", "Oskar Lind <oskar@fjallstack.se>", "SV: Ansökan utvecklare",
     "Hej Karin! Tack, har fått den. Kollar igenom den under veckan och återkommer.\n\n/Oskar",
     "plain"),
    ("rejection", "sv", "ICA Gruppen <noreply@varbi.com>", "Din ansökan",
     "Hej Karin,\n\nTack för ditt intresse. Vi har nu gjort ett urval och du har tyvärr inte "
     "valts ut till nästa steg i processen.\n\nICA Gruppen", "plain"),
    ("rejection", "sv", "Sandvik <noreply@sandvik.wd3.myworkday.com>", "Besked",
     "Hej Karin,\n\nTack för att du sökte tjänsten Data Engineer. Vi har beslutat att gå vidare "
     "med en kandidat som har mer erfarenhet inom industriell IoT.\n\nSandvik Talent "
     "Acquisition", "html"),
    ("rejection", "sv", "Oskar Lind <oskar@fjallstack.se>", "SV: Ansökan utvecklare",
     "Hej Karin,\n\nTack för samtalet. Vi har landat i att anställa någon med mer Go-erfarenhet, "
     "så det blir inget den här gången. Lycka till!\n\n/Oskar", "plain"),
    ("interview", "sv", "Oskar Lind <oskar@fjallstack.se>", "Ses?",
     "Hej Karin,\n\nDin ansökan ser riktigt intressant ut. Kan vi ses på en fika och prata mer? "
     "Tisdag eller onsdag eftermiddag funkar för mig.\n\n/Oskar", "plain"),
    ("interview", "sv", "ICA Gruppen <noreply@varbi.com>", "Kallelse till intervju",
     "Hej Karin,\n\nDu är välkommen på intervju för tjänsten BI-analytiker den 10 april kl. 9.00 "
     "på vårt kontor i Solna.\n\nICA Gruppen", "ics"),
    ("account", "sv", "Varbi <noreply@varbi.com>", "Bekräfta ditt konto",
     "Klicka på länken nedan för att bekräfta din e-postadress och aktivera ditt konto.",
     "plain"),
    ("job_alert", "sv", "Academic Work <noreply@academicwork.se>", "Lediga jobb för dig",
     "Hej Karin! Vi har 8 nya lediga jobb som matchar din profil. Se jobben.", "html"),
    # -- Danish
    ("acknowledgement", "da", "Novo Nordisk <noreply@novonordisk.wd3.myworkdayjobs.com>",
     "Tak for din ansøgning",
     "Kære Anders\n\nTak for din ansøgning til stillingen Data Scientist. Vi har modtaget din "
     "ansøgning og vender tilbage, når vi har gennemgået alle ansøgninger.\n\nNovo Nordisk",
     "html"),
    ("acknowledgement", "da", "Københavns Kommune <noreply@emply.com>", "Kvittering",
     "Hej Anders\n\nDin ansøgning på stillingen som Specialkonsulent er modtaget. Vi forventer at "
     "afholde samtaler i uge 17.\n\nKøbenhavns Kommune", "plain"),
    ("acknowledgement", "da", "Rasmus Bech <rasmus@fjordsoft.dk>", "SV: Ansøgning",
     "Hej Anders, tak for det - jeg har fået din ansøgning og kigger på den i løbet af ugen.\n\n"
     "Rasmus", "plain"),
    ("rejection", "da", "Novo Nordisk <noreply@novonordisk.wd3.myworkdayjobs.com>",
     "Din ansøgning hos Novo Nordisk",
     "Kære Anders\n\nTak for din interesse. Efter nøje overvejelse har vi besluttet ikke at gå "
     "videre med din ansøgning.\n\nNovo Nordisk", "html"),
    ("rejection", "da", "Københavns Kommune <noreply@emply.com>", "Afslag",
     "Hej Anders\n\nVi har nu besat stillingen som Specialkonsulent. Tak for din ansøgning.\n\n"
     "Københavns Kommune", "plain"),
    ("rejection", "da", "Rasmus Bech <rasmus@fjordsoft.dk>", "SV: Ansøgning",
     "Hej Anders\n\nTak for samtalen. Vi er endt med at vælge en anden profil til stillingen. "
     "Held og lykke!\n\nRasmus", "plain"),
    ("interview", "da", "Rasmus Bech <rasmus@fjordsoft.dk>", "Samtale?",
     "Hej Anders\n\nDin ansøgning ser spændende ud. Har du tid til en snak over Teams på "
     "onsdag kl. 14?\n\nRasmus", "plain"),
    ("action", "da", "Københavns Kommune <noreply@emply.com>", "Test",
     "Hej Anders\n\nSom led i rekrutteringen beder vi dig udfylde en personlighedstest inden "
     "fredag.\n\nKøbenhavns Kommune", "plain"),
    ("other", "da", "Rasmus Bech <rasmus@fjordsoft.dk>", "Spørgsmål",
     "Hej Anders, taler du dansk flydende, eller foretrækker du at arbejde på engelsk?\n\nRasmus",
     "plain"),
]
