"""German job mail: the building blocks of the labelled set (see ../SOURCES.md)."""

GREET = ["Hallo {first},", "Sehr geehrte/r {first} {last},", "Liebe/r {first},",
         "Guten Tag {first} {last},", "Hi {first},"]
SIGN_ATS = ["Mit freundlichen Grüßen\nIhr {company} Recruiting-Team", "Viele Grüße\n{company} HR",
            "Beste Grüße\nDas Team von {company}"]
SIGN_PERSON = ["Viele Grüße\n{recruiter}\nTalent Acquisition, {company}", "Beste Grüße\n{recruiter}"]

SUBJECTS = {
    "acknowledgement": ["Eingangsbestätigung Ihrer Bewerbung", "Vielen Dank für Ihre Bewerbung",
                        "Ihre Bewerbung bei {company}", "Bewerbung als {role}"],
    "rejection": ["Ihre Bewerbung bei {company}", "Ihre Bewerbung als {role}",
                  "Rückmeldung zu Ihrer Bewerbung", "Absage: {role}"],
    "interview": ["Einladung zum Vorstellungsgespräch", "Terminvorschlag: Kennenlernen",
                  "Ihre Bewerbung - nächste Schritte", "Einladung zum Interview"],
    "action": ["Online-Assessment für Ihre Bewerbung", "Fehlende Unterlagen"],
    "offer": ["Vertragsangebot", "Unser Angebot an Sie"],
    "account": ["Bitte bestätigen Sie Ihre E-Mail-Adresse", "Ihr Bestätigungscode"],
    "job_alert": ["Neue Jobs für Sie", "Ihr Jobagent: {n} neue Stellenangebote"],
    "other": ["AW: Ihre Bewerbung", "Rückfrage zu Ihrer Bewerbung"],
}

CORES = {
    "acknowledgement": [
        "vielen Dank für Ihre Bewerbung als {role} und Ihr Interesse an {company}. Hiermit "
        "bestätigen wir den Eingang Ihrer Bewerbungsunterlagen. Wir werden Ihre Unterlagen "
        "sorgfältig prüfen und uns so schnell wie möglich bei Ihnen melden.",
        "Ihre Bewerbung ist bei uns eingegangen. Bitte haben Sie etwas Geduld, die Sichtung aller "
        "Bewerbungen kann einige Wochen dauern.",
        "danke für deine Bewerbung! Wir haben deine Unterlagen erhalten und melden uns zeitnah. "
        "Falls dein Profil passt, laden wir dich zu einem ersten Kennenlernen ein.",
        "wir haben Ihre Bewerbung erhalten. Sie können den Status jederzeit in Ihrem "
        "Bewerberkonto einsehen.",
    ],
    "ack_person": [
        "danke für die Unterlagen. Ich schaue sie mir am Wochenende an und melde mich Anfang "
        "nächster Woche bei Ihnen.",
    ],
    "rejection": [
        "vielen Dank für Ihre Bewerbung und das damit verbundene Interesse an {company}. Leider "
        "müssen wir Ihnen mitteilen, dass wir uns für andere Bewerber entschieden haben, deren "
        "Profil noch besser zu unseren Anforderungen passt. Wir wünschen Ihnen für Ihre berufliche "
        "Zukunft alles Gute und viel Erfolg.",
        "nach sorgfältiger Prüfung Ihrer Unterlagen müssen wir Ihnen leider eine Absage erteilen.",
        "die Stelle als {role} ist inzwischen besetzt. Wir bedanken uns für Ihr Interesse.",
        "leider können wir Ihre Bewerbung nicht weiter berücksichtigen. Wir wünschen Ihnen viel "
        "Erfolg bei Ihrer weiteren Stellensuche.",
        "vielen Dank für das angenehme Gespräch. Wir haben uns nach reiflicher Überlegung für eine "
        "andere Kandidatin entschieden.",
    ],
    "interview": [
        "vielen Dank für Ihre Bewerbung. Wir möchten Sie gerne zu einem Vorstellungsgespräch "
        "einladen. Passt Ihnen Dienstag, der 11. März, um 10 Uhr?",
        "wir würden dich gerne in einem ersten Videocall kennenlernen. Bitte wähle über den Link "
        "einen Termin, der dir passt.",
        "hiermit laden wir Sie zu einem persönlichen Gespräch in unser Büro in Hamburg ein. Bitte "
        "bestätigen Sie uns den Termin.",
    ],
    "action": [
        "als nächsten Schritt bitten wir Sie, ein Online-Assessment zu absolvieren. Der Test dauert "
        "etwa 45 Minuten.",
        "für die Vervollständigung Ihrer Bewerbung fehlen uns noch Unterlagen. Bitte senden Sie "
        "uns Ihre Arbeitszeugnisse zu.",
    ],
    "offer": ["wir freuen uns, Ihnen die Stelle als {role} anbieten zu können! Den Arbeitsvertrag "
              "finden Sie im Anhang."],
    "account": ["Ihr Bestätigungscode lautet 228391. Er ist 10 Minuten gültig.",
                "bitte bestätigen Sie Ihre E-Mail-Adresse, um Ihr Konto zu aktivieren."],
    "job_alert": ["wir haben {n} neue Stellenangebote gefunden, die zu Ihrem Profil passen. "
                  "Passende Jobs ansehen."],
    "other": ["vielen Dank für Ihre Bewerbung. Könnten Sie uns Ihre Gehaltsvorstellung und Ihre "
              "Kündigungsfrist mitteilen?"],
}

QUOTED_USER = ["Hallo,\n\nvielen Dank für die Einladung zum Vorstellungsgespräch! Ich nehme das "
               "Angebot gerne an.\n\n{first}"]
QUOTE_HEADERS = ["Am Di., 4. März 2025 um 09:02 Uhr schrieb {first} {last} <{user}>:",
                 "Von: {first} {last} <{user}>\nGesendet: Dienstag, 4. März 2025 09:02\nAn: "
                 "{recruiter}\nBetreff: Bewerbung"]
