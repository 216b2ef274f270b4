"""Round-2 held-out Norwegian (Bokmål, Nynorsk), Swedish and Danish messages."""

M = [
    # -- Bokmål
    ("acknowledgement", "nb", "Statens vegvesen <noreply@webcruiter.no>",
     "Kvittering - søknad på stilling 4301",
     "Hei Jonas Vik,\n\nTakk for søknaden din på stilling nr. 4301 Senioringeniør bru. Vi har "
     "registrert søknaden. Du vil motta en e-post når rekrutteringsprosessen er avsluttet.\n\n"
     "Statens vegvesen", "plain"),
    ("acknowledgement", "nb", "Bekk Nord AS <no-reply@bekknord.teamtailor-mail.com>",
     "Søknaden din er på plass!",
     "Hei Jonas!\n\nSøknaden din til rollen som Fullstack-utvikler er på plass hos oss. Vi leser "
     "alle søknader nøye, så gi oss et par uker.\n\nHilsen oss i Bekk Nord", "html"),
    ("acknowledgement", "nb", "Helse Midt-Norge <noreply@jobbnorge.no>", "Søknad innsendt",
     "Din søknad til stillingen Rådgiver informasjonssikkerhet er sendt inn. Du kan se søknaden "
     "din under Mine søknader. Vi tar kontakt med kvalifiserte søkere for intervju etter "
     "søknadsfristen.", "plain"),
    ("acknowledgement", "nb", "Marte Lunde <marte.lunde@fjordkraftverk.no>", "SV: Søknad elektroingeniør",
     "Hei Jonas,\n\nTakk, den har jeg fått. Sender den videre til avdelingslederen i dag, og så "
     "tar vi kontakt i løpet av neste uke.\n\nMarte", "plain"),
    ("acknowledgement", "nb", "Sparebank Nordvest <noreply@hrmanager.no>",
     "Takk for din interesse", "Hei Jonas,\n\nTakk for at du har søkt stillingen Risikoanalytiker "
     "hos oss. Søknaden er mottatt og blir behandlet fortløpende.\n\nVennlig hilsen\nSparebank "
     "Nordvest", "alt"),
    ("rejection", "nb", "Statens vegvesen <noreply@webcruiter.no>", "Stilling nr. 4301",
     "Hei Jonas Vik,\n\nVi viser til din søknad på stilling nr. 4301. Stillingen er nå besatt, og "
     "vi takker for din interesse for Statens vegvesen.", "plain"),
    ("rejection", "nb", "Bekk Nord AS <no-reply@bekknord.teamtailor-mail.com>", "Takk for søknaden",
     "Hei Jonas,\n\nTusen takk for at du søkte hos oss. Vi har hatt en grundig prosess og har "
     "dessverre kommet fram til at vi ikke går videre med søknaden din denne gangen.\n\nHilsen oss "
     "i Bekk Nord", "html"),
    ("rejection", "nb", "Helse Midt-Norge <noreply@jobbnorge.no>", "Vedrørende søknad",
     "Hei,\n\nVi har nå gjennomført intervjuer, og du er dessverre ikke blitt innstilt til "
     "stillingen som Rådgiver informasjonssikkerhet.\n\nMed vennlig hilsen\nHelse Midt-Norge",
     "plain"),
    ("rejection", "nb", "Marte Lunde <marte.lunde@fjordkraftverk.no>", "SV: Søknad elektroingeniør",
     "Hei Jonas,\n\nTakk for praten forrige uke. Vi har bestemt oss for å gå for en kandidat med "
     "mer erfaring fra høyspent, så det blir dessverre ikke deg denne gangen. Lykke til!\n\nMarte",
     "plain"),
    ("rejection", "nb", "Sparebank Nordvest <noreply@hrmanager.no>", "Risikoanalytiker",
     "Hei Jonas,\n\nTakk for søknaden. Vi mottok mange kvalifiserte søknader, og har valgt å "
     "prioritere kandidater med bankbakgrunn.\n\nVennlig hilsen\nSparebank Nordvest", "alt"),
    ("interview", "nb", "Marte Lunde <marte.lunde@fjordkraftverk.no>", "Intervju?",
     "Hei Jonas,\n\nAvdelingslederen likte søknaden din. Kunne du tenke deg å komme på et intervju "
     "hos oss i Molde neste tirsdag eller onsdag?\n\nMarte", "plain"),
    ("interview", "nb", "Bekk Nord AS <no-reply@bekknord.teamtailor-mail.com>",
     "Vi vil gjerne bli bedre kjent med deg",
     "Hei Jonas!\n\nVi vil gjerne invitere deg til en første prat på video. Finn et tidspunkt som "
     "passer deg i kalenderen under.\n\nHilsen oss i Bekk Nord", "html"),
    ("action", "nb", "Helse Midt-Norge <noreply@jobbnorge.no>", "Referanser",
     "Hei Jonas,\n\nDu er nå blant de siste kandidatene. Vi ber om at du sender navn og "
     "telefonnummer til to referanser innen fredag.", "plain"),
    ("offer", "nb", "Sparebank Nordvest <noreply@hrmanager.no>", "Tilbud om stilling",
     "Hei Jonas,\n\nVi har gleden av å tilby deg stillingen som Risikoanalytiker. Vedlagt følger "
     "tilbudsbrev og utkast til arbeidsavtale. Vi ber om svar innen 10. april.", "plain"),
    ("job_alert", "nb", "FINN <agent@finn.no>", "3 nye treff: Elektroingeniør",
     "Du har 3 nye treff på ditt søk Elektroingeniør i Møre og Romsdal.\n\nSe treffene", "html"),
    ("other", "nb", "Marte Lunde <marte.lunde@fjordkraftverk.no>", "Sertifikat",
     "Hei Jonas, har du førerkort klasse B? Stillingen innebærer en del kjøring.\n\nMarte",
     "plain"),
    # -- Nynorsk
    ("acknowledgement", "nn", "Vestland fylkeskommune <noreply@webcruiter.no>",
     "Søknaden din er registrert",
     "Hei Jonas,\n\nTakk for søknaden på stillinga som Rådgjevar samferdsel. Søknaden din er no "
     "registrert hos oss. Du får melding når tilsetjinga er gjort.\n\nVestland fylkeskommune",
     "plain"),
    ("acknowledgement", "nn", "Sogn Kraft <noreply@jobbnorge.no>", "Stadfesting",
     "Vi har motteke søknaden din til stillinga Driftsoperatør. Intervju vil truleg gå føre seg i "
     "april.", "plain"),
    ("acknowledgement", "nn", "Eirik Fosse <eirik.fosse@hardangerbygg.no>", "SV: Søknad",
     "Hei Jonas,\n\nTakk, søknaden er komen fram. Eg ser på han i morgon og gjev deg ei "
     "tilbakemelding.\n\nEirik", "plain"),
    ("rejection", "nn", "Vestland fylkeskommune <noreply@webcruiter.no>", "Svar på søknad",
     "Hei Jonas,\n\nStillinga som Rådgjevar samferdsel er no tilsett. Takk for søknaden og for "
     "interessa for Vestland fylkeskommune.", "plain"),
    ("rejection", "nn", "Sogn Kraft <noreply@jobbnorge.no>", "Om søknaden din",
     "Hei,\n\nTakk for at du søkte. Vi har gått gjennom alle søknadene og har diverre ikkje "
     "moglegheit til å gå vidare med søknaden din.\n\nSogn Kraft", "plain"),
    ("rejection", "nn", "Eirik Fosse <eirik.fosse@hardangerbygg.no>", "SV: Søknad",
     "Hei Jonas,\n\nTakk for samtalen. Vi har valt å tilsetje ein som har lengre erfaring som "
     "anleggsleiar. Lukke til vidare!\n\nEirik", "plain"),
    ("interview", "nn", "Sogn Kraft <noreply@jobbnorge.no>", "Intervju - Driftsoperatør",
     "Hei Jonas,\n\nVi vil gjerne invitere deg til intervju på kontoret vårt i Sogndal torsdag 10. "
     "april klokka 12. Gje oss beskjed om tidspunktet høver.\n\nSogn Kraft", "plain"),
    ("other", "nn", "Eirik Fosse <eirik.fosse@hardangerbygg.no>", "Spørsmål",
     "Hei Jonas, kor lang oppseiingstid har du i noverande jobb?\n\nEirik", "plain"),
    # -- Swedish
    ("acknowledgement", "sv", "Trafikverket <noreply@varbi.com>", "Tack för din ansökan",
     "Hej Sara,\n\nTack för din ansökan till tjänsten Trafikanalytiker (ref. TRV 2025/3312). Vi "
     "har tagit emot den och återkommer efter sista ansökningsdag.\n\nVänliga hälsningar\n"
     "Trafikverket", "plain"),
    ("acknowledgement", "sv", "Nordvind Tech <no-reply@nordvind.teamtailor-mail.com>",
     "Din ansökan har kommit fram!",
     "Hej Sara!\n\nKul att du sökt rollen som Data Engineer hos Nordvind. Din ansökan har kommit "
     "fram och vi går igenom den inom kort.\n\n/Nordvind", "html"),
    ("acknowledgement", "sv", "Per Ahlgren <per.ahlgren@skogsdata.se>", "SV: Ansökan",
     "Hej Sara,\n\nTack, jag har fått din ansökan. Jag tittar på den efter helgen och hör av "
     "mig.\n\nPer", "plain"),
    ("acknowledgement", "sv", "Region Uppsala <noreply@reachmee.com>", "Bekräftelse på ansökan",
     "Vi bekräftar att vi har mottagit din ansökan till tjänsten Utredare. Urval sker efter sista "
     "ansökningsdag.", "plain"),
    ("rejection", "sv", "Trafikverket <noreply@varbi.com>", "Besked angående tjänsten",
     "Hej Sara,\n\nTack för ditt intresse för tjänsten Trafikanalytiker. Vi har nu slutfört "
     "urvalet och du är tyvärr inte längre aktuell i rekryteringen.\n\nVänliga hälsningar\n"
     "Trafikverket", "plain"),
    ("rejection", "sv", "Nordvind Tech <no-reply@nordvind.teamtailor-mail.com>", "Uppdatering",
     "Hej Sara,\n\nTack för att du sökte. Vi har valt att fortsätta med kandidater som har mer "
     "erfarenhet av Spark.\n\nLycka till!\n/Nordvind", "html"),
    ("rejection", "sv", "Per Ahlgren <per.ahlgren@skogsdata.se>", "SV: Ansökan",
     "Hej Sara,\n\nTack för intervjun. Vi har bestämt oss för en annan kandidat den här gången. "
     "Du gjorde ett bra intryck.\n\nPer", "plain"),
    ("rejection", "sv", "Region Uppsala <noreply@reachmee.com>", "Tjänsten Utredare",
     "Tjänsten som Utredare har nu tillsatts. Tack för att du visade intresse för att arbeta i "
     "Region Uppsala.", "plain"),
    ("interview", "sv", "Per Ahlgren <per.ahlgren@skogsdata.se>", "Intervju",
     "Hej Sara,\n\nJag skulle gärna vilja träffa dig för en intervju. Har du möjlighet torsdag "
     "förmiddag?\n\nPer", "plain"),
    ("interview", "sv", "Nordvind Tech <no-reply@nordvind.teamtailor-mail.com>", "Intervju med Nordvind",
     "Hej Sara!\n\nDin intervju är bokad: onsdag 9 april kl. 10.00 via Google Meet med Elin och "
     "Ali.\n\n/Nordvind", "ics"),
    ("action", "sv", "Trafikverket <noreply@varbi.com>", "Arbetsprov",
     "Hej Sara,\n\nSom ett steg i rekryteringen vill vi att du genomför ett arbetsprov. "
     "Instruktioner finns i bifogad fil. Skicka in ditt svar senast måndag.", "plain"),
    ("job_alert", "sv", "Jobylon <no-reply@jobylon.com>", "Nya jobb för dig",
     "Hej Sara! Här är veckans nya jobb inom data i Stockholm. Se alla jobb.", "html"),
    # -- Danish
    ("acknowledgement", "da", "Aarhus Kommune <noreply@emply.com>", "Kvittering for din ansøgning",
     "Kære Emil\n\nVi har modtaget din ansøgning til stillingen som Byplanlægger. Vi gennemgår "
     "ansøgningerne efter fristen den 4. april.\n\nMed venlig hilsen\nAarhus Kommune", "plain"),
    ("acknowledgement", "da", "Vindkraft Syd A/S <noreply@hr-manager.net>", "Tak for din ansøgning",
     "Hej Emil\n\nTak for din ansøgning. Den er nu registreret, og du hører fra os, så snart vi "
     "har vurderet den.\n\nVindkraft Syd", "alt"),
    ("acknowledgement", "da", "Louise Holm <louise.holm@havblik.dk>", "SV: Ansøgning",
     "Hej Emil\n\nTak - jeg har fået den. Jeg kigger på den i morgen og vender tilbage.\n\n"
     "Louise", "plain"),
    ("rejection", "da", "Aarhus Kommune <noreply@emply.com>", "Vedrørende din ansøgning",
     "Kære Emil\n\nTak for din ansøgning. Vi har nu afsluttet udvælgelsen, og du er desværre ikke "
     "gået videre til samtale.\n\nMed venlig hilsen\nAarhus Kommune", "plain"),
    ("rejection", "da", "Vindkraft Syd A/S <noreply@hr-manager.net>", "Stillingen som ingeniør",
     "Hej Emil\n\nVi har valgt en kandidat, hvis profil matcher vores behov lidt bedre. Tak for "
     "din interesse.\n\nVindkraft Syd", "alt"),
    ("rejection", "da", "Louise Holm <louise.holm@havblik.dk>", "SV: Ansøgning",
     "Hej Emil\n\nTak for samtalen i tirsdags. Vi har desværre besluttet at gå videre med en "
     "anden.\n\nLouise", "plain"),
    ("interview", "da", "Aarhus Kommune <noreply@emply.com>", "Indkaldelse til samtale",
     "Kære Emil\n\nDu indkaldes hermed til samtale tirsdag den 15. april kl. 9.30 på Rådhuset.\n\n"
     "Med venlig hilsen\nAarhus Kommune", "plain"),
    ("interview", "da", "Louise Holm <louise.holm@havblik.dk>", "Samtale",
     "Hej Emil\n\nVi vil meget gerne tale med dig om stillingen. Passer det dig fredag kl. 13?"
     "\n\nLouise", "plain"),
    ("offer", "da", "Louise Holm <louise.holm@havblik.dk>", "Godt nyt",
     "Hej Emil\n\nVi vil rigtig gerne ansætte dig! Jeg sender kontrakten i morgen.\n\nLouise",
     "plain"),
    ("account", "da", "Emply <noreply@emply.com>", "Aktivér din profil",
     "Klik på linket for at aktivere din kandidatprofil.", "plain"),
]
