"""Held-out German messages, each written whole (see ../SOURCES.md)."""

M = [
    ("acknowledgement", "de", "Rheinbogen Versicherung <noreply@m.personio.de>",
     "Ihre Bewerbung bei der Rheinbogen Versicherung",
     "Sehr geehrter Herr Keller,\n\nherzlichen Dank für Ihre Bewerbung als Aktuar (m/w/d). Hiermit "
     "bestätigen wir Ihnen den Eingang Ihrer Unterlagen.\n\nWir prüfen Ihre Bewerbung sorgfältig "
     "und melden uns spätestens in drei Wochen bei Ihnen.\n\nMit freundlichen Grüßen\nIhr "
     "Recruiting-Team", "plain"),
    ("acknowledgement", "de", "Kranich Mobility <jobs@kranich-mobility.de>", "Danke für deine Bewerbung!",
     "Hi Felix,\n\nschön, dass du dich bei Kranich Mobility beworben hast! Deine Bewerbung als "
     "Frontend Engineer ist angekommen und liegt jetzt bei unserem Team.\n\nWir schauen sie uns in "
     "Ruhe an und geben dir so bald wie möglich Bescheid.\n\nDein Kranich People Team", "html"),
    ("acknowledgement", "de", "Stadtwerke Lahnfeld <noreply@softgarden.io>", "Eingang Ihrer Bewerbung",
     "Guten Tag Herr Keller,\n\nvielen Dank für Ihr Interesse an einer Tätigkeit bei den "
     "Stadtwerken Lahnfeld. Ihre Bewerbungsunterlagen für die Stelle Netzplaner (m/w/d) sind "
     "vollständig bei uns eingegangen.\n\nDie Vorstellungsgespräche finden voraussichtlich in KW 17 "
     "statt.\n\nFreundliche Grüße\nPersonalabteilung", "alt"),
    ("acknowledgement", "de", "Sabine Roth <s.roth@holzhaus-design.de>", "AW: Bewerbung",
     "Hallo Herr Keller,\n\nvielen Dank, Ihre Unterlagen sind angekommen. Ich bespreche sie Ende "
     "der Woche mit unserem Geschäftsführer und melde mich danach bei Ihnen.\n\nBeste Grüße\n"
     "Sabine Roth\n\nVon: Felix Keller <felix.keller@example.com>\nGesendet: Montag, 10. März "
     "2025 18:22\nAn: Sabine Roth\nBetreff: Bewerbung\n\nSehr geehrte Frau Roth, anbei meine "
     "Bewerbung. Über eine Einladung zum Gespräch würde ich mich freuen.", "plain"),
    ("acknowledgement", "de", "Nordstern Logistik <noreply@smartrecruiters.com>",
     "Bewerbung erfolgreich übermittelt",
     "Hallo Felix,\n\nIhre Bewerbung für Disponent (m/w/d) wurde erfolgreich übermittelt. Sie "
     "können den Status jederzeit in Ihrem Kandidatenprofil verfolgen.", "html"),
    ("rejection", "de", "Rheinbogen Versicherung <noreply@m.personio.de>",
     "Ihre Bewerbung als Aktuar (m/w/d)",
     "Sehr geehrter Herr Keller,\n\nnochmals vielen Dank für Ihre Bewerbung. Nach eingehender "
     "Prüfung müssen wir Ihnen leider mitteilen, dass wir Sie im weiteren Auswahlverfahren nicht "
     "berücksichtigen können.\n\nWir wünschen Ihnen für Ihren weiteren Weg alles Gute.\n\nMit "
     "freundlichen Grüßen\nIhr Recruiting-Team", "plain"),
    ("rejection", "de", "Kranich Mobility <jobs@kranich-mobility.de>", "Update zu deiner Bewerbung",
     "Hi Felix,\n\ndanke dir für deine Geduld. Wir haben uns alle Bewerbungen angeschaut und uns "
     "am Ende für eine Person entschieden, die schon mehr Erfahrung mit React Native mitbringt.\n\n"
     "Wir drücken dir die Daumen für deine Suche!\n\nDein Kranich People Team", "html"),
    ("rejection", "de", "Stadtwerke Lahnfeld <noreply@softgarden.io>", "Stelle Netzplaner (m/w/d)",
     "Guten Tag Herr Keller,\n\ndie ausgeschriebene Stelle konnte inzwischen besetzt werden. Wir "
     "bedanken uns für Ihr Interesse und senden Ihnen Ihre Unterlagen nicht zurück, sondern "
     "löschen diese gemäß Datenschutz.\n\nFreundliche Grüße\nPersonalabteilung", "alt"),
    ("rejection", "de", "Sabine Roth <s.roth@holzhaus-design.de>", "AW: Bewerbung",
     "Hallo Herr Keller,\n\ndanke für das nette Gespräch letzte Woche. Wir haben uns nach langem "
     "Überlegen dagegen entschieden, die Stelle mit Ihnen zu besetzen. Ihr Profil ist stark, aber "
     "wir brauchen jemanden mit Schreinerausbildung.\n\nAlles Gute!\nSabine Roth", "plain"),
    ("rejection", "de", "Nordstern Logistik <noreply@smartrecruiters.com>", "Absage",
     "Hallo Felix,\n\nleider hat es diesmal nicht geklappt. Wir haben uns für andere Bewerbende "
     "entschieden.\n\nViele Grüße\nNordstern Logistik", "html"),
    ("interview", "de", "Kranich Mobility <jobs@kranich-mobility.de>", "Lass uns sprechen!",
     "Hi Felix,\n\ndeine Bewerbung hat uns neugierig gemacht. Wir würden gern ein erstes "
     "30-minütiges Gespräch mit dir führen. Such dir einfach einen passenden Slot aus: "
     "https://calendly.com/kranich/erstgespraech\n\nDein Kranich People Team", "html"),
    ("interview", "de", "Rheinbogen Versicherung <noreply@m.personio.de>",
     "Einladung: Vorstellungsgespräch Aktuar (m/w/d)",
     "Sehr geehrter Herr Keller,\n\nwir freuen uns, Sie zu einem persönlichen "
     "Vorstellungsgespräch am 8. April um 10:00 Uhr in unsere Zentrale in Köln einzuladen. Bitte "
     "bestätigen Sie den Termin kurz per E-Mail.\n\nMit freundlichen Grüßen", "ics"),
    ("action", "de", "Nordstern Logistik <noreply@smartrecruiters.com>", "Ihr Online-Test",
     "Hallo Felix,\n\nals nächsten Schritt laden wir Sie ein, unseren Online-Test zur "
     "Disposition zu bearbeiten. Der Link ist sieben Tage gültig.", "html"),
    ("offer", "de", "Sabine Roth <s.roth@holzhaus-design.de>", "Gute Nachrichten",
     "Hallo Herr Keller,\n\nich darf Ihnen heute mitteilen, dass wir Sie gerne als Projektleiter "
     "einstellen möchten. Den Vertragsentwurf schicke ich Ihnen morgen zu; vorab möchte ich mit "
     "Ihnen kurz über das Gehalt sprechen.\n\nBeste Grüße\nSabine Roth", "plain"),
    ("account", "de", "softgarden <noreply@softgarden.io>", "Ihr Bestätigungslink",
     "Bitte bestätigen Sie Ihre E-Mail-Adresse, indem Sie auf den folgenden Link klicken. Danach "
     "können Sie Ihre Bewerbung fortsetzen.", "plain"),
    ("job_alert", "de", "StepStone <jobagent@stepstone.de>", "12 neue Jobs für \"Frontend Berlin\"",
     "Ihr Job-Agent hat 12 neue Stellenangebote für Sie gefunden.\n\nFrontend Entwickler (m/w/d) - "
     "Kranich Mobility - Berlin\n\nAlle Jobs ansehen", "html"),
    ("other", "de", "Sabine Roth <s.roth@holzhaus-design.de>", "Rückfrage",
     "Hallo Herr Keller,\n\neine kurze Frage vorab: Wären Sie bereit, für die Stelle nach "
     "Rosenheim umzuziehen?\n\nBeste Grüße\nSabine Roth", "plain"),
]
