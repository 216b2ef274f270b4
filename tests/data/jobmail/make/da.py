"""Danish job mail: the building blocks of the labelled set (see ../SOURCES.md)."""

GREET = ["Hej {first},", "Kære {first},", "Hej {first}!", "Kære {first} {last},"]
SIGN_ATS = ["Med venlig hilsen\n{company}", "Venlig hilsen\nHR, {company}", "Mvh.\n{company}"]
SIGN_PERSON = ["Med venlig hilsen\n{recruiter}\nRekrutteringspartner, {company}",
               "Bedste hilsner\n{recruiter}"]

SUBJECTS = {
    "acknowledgement": ["Tak for din ansøgning", "Kvittering for modtaget ansøgning",
                        "Din ansøgning til {company}", "Ansøgning modtaget: {role}"],
    "rejection": ["Vedrørende din ansøgning", "Svar på din ansøgning", "Din ansøgning til {role}"],
    "interview": ["Invitation til samtale", "Jobsamtale hos {company}", "Næste skridt"],
    "action": ["Test i forbindelse med din ansøgning", "Dokumentation til din ansøgning"],
    "offer": ["Tilbud om ansættelse", "Godt nyt fra {company}"],
    "account": ["Bekræft din e-mailadresse", "Din engangskode"],
    "job_alert": ["Nye job til dig", "Din jobagent: {n} nye job"],
    "other": ["SV: Ansøgning", "Spørgsmål til din ansøgning"],
}

CORES = {
    "acknowledgement": [
        "Tak for din ansøgning til stillingen som {role}. Vi har modtaget din ansøgning og vil "
        "gennemgå alle ansøgninger efter ansøgningsfristen. Du vil høre fra os hurtigst muligt.",
        "Hermed bekræfter vi, at din ansøgning er modtaget. Vi forventer at afholde samtaler i uge "
        "11, og vi kontakter de kandidater, vi ønsker at se.",
        "Tak for din interesse for {company}. Din ansøgning er registreret, og du kan følge den på "
        "din profil.",
        "Tak fordi du har søgt stillingen. Vi vender tilbage, når vi har behandlet alle "
        "ansøgninger.",
    ],
    "ack_person": [
        "Tak for din ansøgning. Jeg kigger på den i weekenden og vender tilbage til dig i starten "
        "af næste uge.",
    ],
    "rejection": [
        "Tak for din ansøgning til stillingen som {role}. Vi har modtaget mange kvalificerede "
        "ansøgninger og har desværre valgt at gå videre med andre kandidater. Held og lykke med "
        "jobsøgningen.",
        "Stillingen er nu besat. Tak for din interesse for {company}.",
        "Vi har desværre valgt ikke at gå videre med din ansøgning. Tak fordi du søgte.",
        "Tak for samtalen. Vi har valgt en anden kandidat, hvis erfaring passer bedre til "
        "stillingen.",
        "Du er desværre ikke blevet udvalgt til samtale denne gang.",
    ],
    "interview": [
        "Tak for din ansøgning. Vi vil gerne invitere dig til en samtale. Hvornår passer det dig "
        "i næste uge?",
        "Vi vil meget gerne møde dig til en jobsamtale torsdag kl. 10 på vores kontor i Aarhus.",
        "Hermed en invitation til samtale om stillingen som {role}. Svar venligst om tidspunktet "
        "passer.",
    ],
    "action": ["Som næste skridt beder vi dig gennemføre en personlighedstest og en logiktest.",
               "Vil du sende os dit eksamensbevis og to referencer?"],
    "offer": ["Vi er glade for at kunne tilbyde dig stillingen som {role}! Kontrakten er vedhæftet."],
    "account": ["Din engangskode er 441029. Koden udløber om 10 minutter.",
                "Bekræft din e-mailadresse for at aktivere din profil."],
    "job_alert": ["Din jobagent har fundet {n} nye job, der matcher dine kriterier. Se alle job."],
    "other": ["Tak for din ansøgning. Hvad er din opsigelsesperiode, og hvilke lønforventninger har "
              "du?"],
}

QUOTED_USER = ["Hej,\n\nTak for invitationen til samtale! Jeg takker ja.\n\n{first}"]
QUOTE_HEADERS = ["Den tirs. 4. mar. 2025 kl. 09.02 skrev {first} {last} <{user}>:",
                 "Fra: {first} {last} <{user}>\nSendt: 4. marts 2025 09:02\nTil: {recruiter}\n"
                 "Emne: Ansøgning"]
