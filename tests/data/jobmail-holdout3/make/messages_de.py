"""Round-3 held-out German messages."""

M = [
    ("acknowledgement", "de", "Hansewerk Maschinenbau <bewerbung@hansewerk-mb.de>",
     "Eingangsbestätigung",
     "Sehr geehrter Herr Wolf,\n\nwir bestätigen Ihnen hiermit den Eingang Ihrer Bewerbung als "
     "Konstrukteur (m/w/d). Ihre Unterlagen werden derzeit von der Fachabteilung geprüft.\n\n"
     "Mit freundlichen Grüßen\nPersonalabteilung", "plain"),
    ("acknowledgement", "de", "Lichtblick Labs <no-reply@lichtblick.join.com>", "Bewerbung eingegangen",
     "Hey Jan,\n\ncool, dass du dich bei Lichtblick Labs beworben hast! Wir haben deine "
     "Bewerbung bekommen und schauen sie uns in den nächsten Tagen an.\n\nLichtblick Labs",
     "html"),
    ("acknowledgement", "de", "Deutsche Rentenversicherung <noreply@interamt.de>",
     "Ihre Bewerbung über Interamt",
     "Sehr geehrter Herr Wolf,\n\nIhre Bewerbung auf die Stelle Referent IT-Sicherheit "
     "(Kennziffer 2025-044) ist erfolgreich bei uns eingegangen. Bitte sehen Sie von "
     "Nachfragen ab.\n\nMit freundlichen Grüßen", "plain"),
    ("acknowledgement", "de", "Petra Lang <p.lang@lang-it.de>", "AW: Bewerbung",
     "Hallo Herr Wolf,\n\nvielen Dank, ist angekommen. Ich melde mich, sobald ich Ihre "
     "Unterlagen gelesen habe.\n\nBeste Grüße\nPetra Lang", "plain"),
    ("rejection", "de", "Hansewerk Maschinenbau <bewerbung@hansewerk-mb.de>",
     "Ihre Bewerbung als Konstrukteur",
     "Sehr geehrter Herr Wolf,\n\nnach eingehender Prüfung Ihrer Unterlagen müssen wir Ihnen "
     "mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben.\n\nMit freundlichen "
     "Grüßen\nPersonalabteilung", "plain"),
    ("rejection", "de", "Lichtblick Labs <no-reply@lichtblick.join.com>", "Update",
     "Hey Jan,\n\ndanke für deine Geduld. Wir haben die Stelle inzwischen intern besetzt. Wir "
     "wünschen dir viel Erfolg!\n\nLichtblick Labs", "html"),
    ("rejection", "de", "Deutsche Rentenversicherung <noreply@interamt.de>",
     "Stellenbesetzungsverfahren Kennziffer 2025-044",
     "Sehr geehrter Herr Wolf,\n\nim Rahmen des Auswahlverfahrens konnten wir Ihre Bewerbung "
     "leider nicht berücksichtigen.\n\nMit freundlichen Grüßen", "plain"),
    ("rejection", "de", "Petra Lang <p.lang@lang-it.de>", "AW: Bewerbung",
     "Hallo Herr Wolf,\n\ndanke für das Gespräch. Wir haben uns leider anders entschieden.\n\n"
     "Beste Grüße\nPetra Lang", "plain"),
    ("interview", "de", "Petra Lang <p.lang@lang-it.de>", "Gespräch",
     "Hallo Herr Wolf,\n\nIhre Unterlagen haben mich überzeugt. Können wir am Montag um 11 Uhr "
     "telefonieren?\n\nBeste Grüße\nPetra Lang", "plain"),
    ("interview", "de", "Hansewerk Maschinenbau <bewerbung@hansewerk-mb.de>",
     "Einladung zum Vorstellungsgespräch",
     "Sehr geehrter Herr Wolf,\n\nwir laden Sie herzlich zu einem Vorstellungsgespräch am 14. "
     "April 2025 um 10:00 Uhr ein.\n\nMit freundlichen Grüßen\nPersonalabteilung", "ics"),
    ("action", "de", "Lichtblick Labs <no-reply@lichtblick.join.com>", "Coding Challenge",
     "Hey Jan,\n\nals nächsten Schritt schicken wir dir eine kleine Coding Challenge. Du hast "
     "eine Woche Zeit, sie zu lösen.\n\nLichtblick Labs", "html"),
    ("offer", "de", "Petra Lang <p.lang@lang-it.de>", "Angebot",
     "Hallo Herr Wolf,\n\nwir würden Sie sehr gerne bei uns einstellen. Anbei unser "
     "Vertragsangebot.\n\nBeste Grüße\nPetra Lang", "plain"),
    ("job_alert", "de", "StepStone <jobagent@stepstone.de>", "Neue Jobangebote",
     "Ihr Jobagent „Konstrukteur Hamburg“ hat 4 neue Stellenangebote gefunden. Jetzt ansehen.",
     "html"),
]
