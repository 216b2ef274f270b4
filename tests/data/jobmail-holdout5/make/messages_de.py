"""Round-5 held-out German messages (Germany and Austria), each written whole."""

M = [
    ("acknowledgement", "de", "Deutsche Bahn <noreply@db.jobs>", "Eingangsbestätigung",
     "Hallo Frau Vogt,\n\nvielen Dank für Ihre Bewerbung als Data Engineer (w/m/d). Ihre "
     "Unterlagen sind bei uns eingegangen und werden nun von unserem Recruiting-Team "
     "geprüft.\n\nMit freundlichen Grüßen\nDB Recruiting", "html"),
    ("acknowledgement", "de", "Stadtwerke Graz <bewerbung@stadtwerke-graz.prescreen.io>",
     "Ihre Bewerbung", "Sehr geehrte Frau Vogt,\n\nwir bestätigen den Eingang Ihrer "
     "Bewerbung für die Position Datenanalystin. Sobald die Vorauswahl abgeschlossen ist, "
     "melden wir uns bei Ihnen.\n\nFreundliche Grüße\nStadtwerke Graz", "plain"),
    ("acknowledgement", "de", "Jonas Keller <jonas.keller@wolkenwerk.de>", "AW: Bewerbung",
     "Hallo Lena,\n\ndanke dir, ist angekommen! Ich gebe deine Unterlagen an unser Team weiter "
     "und melde mich Anfang nächster Woche.\n\nViele Grüße\nJonas", "plain"),
    ("rejection", "de", "Deutsche Bahn <noreply@db.jobs>", "Ihre Bewerbung bei der DB",
     "Hallo Frau Vogt,\n\nnach sorgfältiger Prüfung müssen wir Ihnen leider mitteilen, dass "
     "wir Ihre Bewerbung nicht weiter berücksichtigen können. Wir wünschen Ihnen für Ihre "
     "berufliche Zukunft alles Gute.\n\nDB Recruiting", "html"),
    ("rejection", "de", "Stadtwerke Graz <bewerbung@stadtwerke-graz.prescreen.io>",
     "Rückmeldung zu Ihrer Bewerbung", "Sehr geehrte Frau Vogt,\n\ndie Stelle "
     "Datenanalystin konnte inzwischen besetzt werden. Wir danken Ihnen für Ihr Interesse "
     "an den Stadtwerken Graz.\n\nFreundliche Grüße\nStadtwerke Graz", "plain"),
    ("rejection", "de", "Jonas Keller <jonas.keller@wolkenwerk.de>", "AW: Bewerbung",
     "Hallo Lena,\n\nwir haben uns im Team lange beraten und uns am Ende für jemanden mit "
     "mehr Erfahrung im Bereich Go entschieden. Tut mir echt leid!\n\nViele Grüße\nJonas",
     "plain"),
    ("interview", "de", "Jonas Keller <jonas.keller@wolkenwerk.de>", "Kennenlernen",
     "Hallo Lena,\n\ndeine Bewerbung hat uns gut gefallen. Ich habe dir eine Einladung für "
     "ein Kennenlernen per Video am Mittwoch um 15 Uhr geschickt.\n\nViele Grüße\nJonas",
     "ics"),
    ("action", "de", "Deutsche Bahn <noreply@db.jobs>", "Online-Test",
     "Hallo Frau Vogt,\n\nals nächsten Schritt bitten wir Sie, unseren Online-Test zu "
     "absolvieren. Der Link ist sieben Tage gültig.\n\nDB Recruiting", "html"),
    ("job_alert", "de", "StepStone Jobagent <jobagent@stepstone.at>",
     "3 neue Jobs für Sie: Data Analyst Graz",
     "Ihr Jobagent hat neue Stellen gefunden.\n\nData Analyst (m/w/d) - Stadtwerke Graz\n"
     "BI Analyst - Murtal Logistik\n\nAlle Jobs ansehen", "html"),
]
