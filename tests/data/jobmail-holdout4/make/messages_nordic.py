"""Round-4 held-out Norwegian (Bokmål, Nynorsk), Swedish and Danish messages."""

M = [
    # -- Bokmål
    ("acknowledgement", "nb", "Equinor <noreply@equinor.wd3.myworkdayjobs.com>",
     "Takk for søknaden din", "Hei Henrik,\n\nTakk for at du søker hos oss. Vi har registrert "
     "søknaden din på Lead Data Engineer og går gjennom den så raskt vi kan.\n\nVennlig hilsen\n"
     "Equinor Talent Acquisition", "html"),
    ("acknowledgement", "nb", "Skatteetaten <noreply@webcruiter.no>", "Søknad mottatt",
     "Hei Henrik Berg,\n\nVi har fått din søknad til stillingen Senior dataanalytiker (ref. "
     "2025/7781). Søknadsfristen er 27. mars. Vi tar kontakt med aktuelle kandidater for "
     "intervju i april.\n\nSkatteetaten", "plain"),
    ("acknowledgement", "nb", "Lise Hagen <lise.hagen@nordkappdata.no>", "SV: Søknad",
     "Hei Henrik! Tusen takk - søknaden er mottatt med takk. Vi er midt i en travel periode, men "
     "jeg ser på den innen fredag.\n\nLise", "plain"),
    ("acknowledgement", "nb", "Posten Bring <noreply@postenbring.teamtailor-mail.com>",
     "Vi har mottatt søknaden din!", "Hei Henrik,\n\nTusen takk for søknaden til Dataplattform-"
     "utvikler! Den er trygt mottatt, og vi gleder oss til å lese den.\n\nHilsen Posten Bring",
     "html"),
    ("acknowledgement", "nb", "Oslo kommune <noreply@webcruiter.no>", "Kvittering",
     "Søknaden din på stillingen Spesialkonsulent ved Utdanningsetaten er levert. Du får "
     "beskjed når prosessen er avsluttet.", "plain"),
    ("rejection", "nb", "Equinor <noreply@equinor.wd3.myworkdayjobs.com>", "Oppdatering",
     "Hei Henrik,\n\nTakk for din interesse for stillingen Lead Data Engineer. Etter en nøye "
     "gjennomgang har vi besluttet å ikke gå videre med din søknad.\n\nVennlig hilsen\nEquinor "
     "Talent Acquisition", "html"),
    ("rejection", "nb", "Skatteetaten <noreply@webcruiter.no>", "Svar på søknad",
     "Hei Henrik Berg,\n\nDet kom inn mange godt kvalifiserte søknader til stillingen. Du er "
     "dessverre ikke valgt ut til intervju.\n\nSkatteetaten", "plain"),
    ("rejection", "nb", "Lise Hagen <lise.hagen@nordkappdata.no>", "SV: Søknad",
     "Hei Henrik,\n\nTakk for en fin samtale på tirsdag. Vi har landet på å gå videre med en som "
     "har mer erfaring med Azure. Jeg håper vi krysser spor igjen!\n\nLise", "plain"),
    ("rejection", "nb", "Posten Bring <noreply@postenbring.teamtailor-mail.com>",
     "Dataplattform-utvikler", "Hei Henrik,\n\nTakk for tålmodigheten. Vi har nå fått på plass "
     "en ny kollega i rollen, og avslutter derfor prosessen.\n\nHilsen Posten Bring", "html"),
    ("rejection", "nb", "Oslo kommune <noreply@webcruiter.no>", "Melding om vedtak",
     "Stillingen Spesialkonsulent ved Utdanningsetaten er nå besatt. Takk for din søknad.",
     "plain"),
    ("interview", "nb", "Lise Hagen <lise.hagen@nordkappdata.no>", "Prat?",
     "Hei Henrik,\n\nSpennende søknad! Kan vi ta en prat på Teams tirsdag kl. 09.00?\n\nLise",
     "plain"),
    ("interview", "nb", "Skatteetaten <noreply@webcruiter.no>", "Innkalling til intervju",
     "Hei Henrik Berg,\n\nVi vil gjerne invitere deg til intervju 8. april kl. 13.00 i "
     "Skattens hus, Oslo. Bekreft at du kan komme.\n\nSkatteetaten", "ics"),
    ("action", "nb", "Equinor <noreply@equinor.wd3.myworkdayjobs.com>", "Neste steg",
     "Hei Henrik,\n\nSom neste steg ber vi deg gjennomføre en personlighetskartlegging og en "
     "evnetest. Du får lenke i egen e-post.\n\nEquinor Talent Acquisition", "html"),
    ("job_alert", "nb", "NAV Arbeidsplassen <noreply@arbeidsplassen.nav.no>", "Lagret søk",
     "Det har kommet 4 nye stillinger på ditt lagrede søk «data». Se stillingene.", "html"),
    ("other", "nb", "Lise Hagen <lise.hagen@nordkappdata.no>", "Spørsmål",
     "Hei Henrik, hvilke lønnsforventninger har du til denne rollen?\n\nLise", "plain"),
    # -- Nynorsk
    ("acknowledgement", "nn", "Nordfjord sjukehus <noreply@webcruiter.no>", "Søknad motteken",
     "Hei Henrik,\n\nSøknaden din på stillinga som IKT-rådgjevar er motteken. Vi vurderer "
     "søknadene etter fristen.\n\nMed helsing\nNordfjord sjukehus", "plain"),
    ("acknowledgement", "nn", "Ingvild Sæbø <ingvild.saebo@fjordnett.no>", "SV: Søknad",
     "Hei, takk for søknaden! Eg skal lesa han i helga og høyrest frå meg over helga.\n\n"
     "Ingvild", "plain"),
    ("rejection", "nn", "Nordfjord sjukehus <noreply@webcruiter.no>", "Svar på søknad",
     "Hei Henrik,\n\nTakk for søknaden din. Vi har valt å kalle inn andre søkjarar til intervju, "
     "og du er diverre ikkje med vidare.\n\nMed helsing\nNordfjord sjukehus", "plain"),
    ("rejection", "nn", "Ingvild Sæbø <ingvild.saebo@fjordnett.no>", "SV: Søknad",
     "Hei Henrik,\n\nTakk for praten. Vi har gått for ein annan kandidat denne gongen. Lukke "
     "til!\n\nIngvild", "plain"),
    ("interview", "nn", "Ingvild Sæbø <ingvild.saebo@fjordnett.no>", "Intervju",
     "Hei Henrik,\n\nVi vil gjerne treffe deg. Passar det med intervju måndag klokka 10?\n\n"
     "Ingvild", "plain"),
    ("offer", "nn", "Ingvild Sæbø <ingvild.saebo@fjordnett.no>", "Tilbod",
     "Hei Henrik,\n\nVi vil gjerne tilsetje deg som utviklar hos Fjordnett! Eg sender "
     "arbeidsavtalen i morgon.\n\nIngvild", "plain"),
    ("account", "nn", "Jobbnorge <noreply@jobbnorge.no>", "Eingongskode",
     "Koden din for innlogging er 771 204.", "plain"),
    # -- Swedish
    ("acknowledgement", "sv", "Volvo Cars <noreply@volvocars.wd3.myworkdayjobs.com>",
     "Tack för din ansökan", "Hej Johanna,\n\nTack för att du har sökt tjänsten Data Scientist. "
     "Vi har registrerat din ansökan och kommer att kontakta dig om nästa steg.\n\nVolvo Cars "
     "Talent Acquisition", "html"),
    ("acknowledgement", "sv", "Skatteverket <noreply@varbi.com>", "Ansökan mottagen",
     "Din ansökan till tjänsten Verksamhetsutvecklare (dnr 8-2025-1123) har kommit in. Vi går "
     "igenom ansökningarna efter sista ansökningsdag den 30 mars.", "plain"),
    ("acknowledgement", "sv", "Emma Sjögren <emma@byggbit.se>", "SV: Ansökan",
     "Hej Johanna! Tack för ansökan, den är mottagen. Jag återkommer nästa vecka.\n\nEmma",
     "plain"),
    ("rejection", "sv", "Volvo Cars <noreply@volvocars.wd3.myworkdayjobs.com>", "Din ansökan",
     "Hej Johanna,\n\nTack för ditt intresse för Volvo Cars. Efter noggrann granskning har vi "
     "beslutat att inte gå vidare med din ansökan för tjänsten Data Scientist.\n\nVolvo Cars "
     "Talent Acquisition", "html"),
    ("rejection", "sv", "Skatteverket <noreply@varbi.com>", "Besked",
     "Hej Johanna,\n\nVi har nu gjort urvalet till intervjuer. Du har tyvärr inte blivit "
     "kallad till intervju den här gången.\n\nSkatteverket", "plain"),
    ("rejection", "sv", "Emma Sjögren <emma@byggbit.se>", "SV: Ansökan",
     "Hej Johanna,\n\nTack för intervjun i måndags. Vi har gått vidare med en annan sökande "
     "som har mer erfarenhet av bygg-ERP.\n\nEmma", "plain"),
    ("interview", "sv", "Emma Sjögren <emma@byggbit.se>", "Intervju?",
     "Hej Johanna,\n\nDin ansökan ser jättebra ut! Vill du komma på en intervju hos oss på "
     "torsdag kl. 13?\n\nEmma", "plain"),
    ("interview", "sv", "Volvo Cars <noreply@volvocars.wd3.myworkdayjobs.com>",
     "Intervjuinbjudan", "Hej Johanna,\n\nVi vill gärna bjuda in dig till en digital intervju. "
     "Välj en tid som passar dig i bokningslänken.\n\nVolvo Cars Talent Acquisition", "html"),
    ("action", "sv", "Skatteverket <noreply@varbi.com>", "Komplettering",
     "Hej Johanna,\n\nVi behöver att du skickar in kopia på ditt examensbevis senast den 4 "
     "april.\n\nSkatteverket", "plain"),
    ("job_alert", "sv", "LinkedIn <jobalerts-noreply@linkedin.com>", "Nya jobb: Data Scientist",
     "Data Scientist - Volvo Cars - Göteborg\nML Engineer - Spotify - Stockholm\n\nSe alla jobb",
     "html"),
    # -- Danish
    ("acknowledgement", "da", "Mærsk <noreply@maersk.wd3.myworkdayjobs.com>",
     "Tak for din ansøgning", "Kære Mads\n\nTak for din ansøgning til stillingen Data Engineer. "
     "Vi har modtaget den og vender tilbage hurtigst muligt.\n\nMærsk Talent Acquisition",
     "html"),
    ("acknowledgement", "da", "Region Hovedstaden <noreply@emply.com>", "Kvittering for ansøgning",
     "Kære Mads Jensen\n\nDin ansøgning er registreret. Vi holder samtaler i uge 16 og giver "
     "alle ansøgere svar.\n\nRegion Hovedstaden", "plain"),
    ("acknowledgement", "da", "Sofie Lund <sofie@pixelhavn.dk>", "SV: Ansøgning",
     "Hej Mads, tusind tak! Ansøgningen er modtaget, og jeg læser den i morgen.\n\nSofie",
     "plain"),
    ("rejection", "da", "Mærsk <noreply@maersk.wd3.myworkdayjobs.com>", "Din ansøgning",
     "Kære Mads\n\nTak for din interesse for Mærsk. Vi har desværre besluttet ikke at gå videre "
     "med din ansøgning.\n\nMærsk Talent Acquisition", "html"),
    ("rejection", "da", "Region Hovedstaden <noreply@emply.com>", "Afslag på ansøgning",
     "Kære Mads Jensen\n\nVi har nu besat stillingen. Tak for din interesse.\n\nRegion "
     "Hovedstaden", "plain"),
    ("rejection", "da", "Sofie Lund <sofie@pixelhavn.dk>", "SV: Ansøgning",
     "Hej Mads\n\nTak for snakken. Vi har valgt at gå videre med en kandidat med mere erfaring "
     "i Unity. Held og lykke!\n\nSofie", "plain"),
    ("interview", "da", "Sofie Lund <sofie@pixelhavn.dk>", "Samtale",
     "Hej Mads\n\nVi vil gerne møde dig! Kan du komme forbi torsdag kl. 10?\n\nSofie", "plain"),
    ("action", "da", "Region Hovedstaden <noreply@emply.com>", "Dokumentation",
     "Kære Mads Jensen\n\nSend venligst kopi af dit eksamensbevis og to referencer inden "
     "fredag.\n\nRegion Hovedstaden", "plain"),
]
