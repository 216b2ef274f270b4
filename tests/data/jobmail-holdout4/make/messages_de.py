"""Round-4 held-out German messages."""

M = [
    ("acknowledgement", "de", "Bosch <noreply@bosch.successfactors.eu>",
     "Ihre Bewerbung ist eingegangen",
     "Hallo Herr Schulz,\n\nvielen Dank für Ihre Bewerbung als Data Engineer (m/w/div). Wir haben "
     "Ihre Unterlagen erhalten und melden uns, sobald wir sie gesichtet haben.\n\nIhr Bosch "
     "Recruiting Team", "html"),
    ("acknowledgement", "de", "Zürcher Kantonalbank <noreply@zkb.ch>", "Bewerbung",
     "Grüezi Herr Schulz\n\nBesten Dank für Ihre Bewerbung. Wir haben diese erhalten und werden "
     "sie innert zwei Wochen prüfen.\n\nFreundliche Grüsse\nZKB Recruiting", "plain"),
    ("acknowledgement", "de", "Tobias Klein <tobias@kleinsoft.de>", "AW: Bewerbung",
     "Hallo Herr Schulz,\n\nbesten Dank, ich habe Ihre Unterlagen bekommen und schaue sie mir "
     "diese Woche an.\n\nGruß\nTobias Klein", "plain"),
    ("acknowledgement", "de", "Otto Group <noreply@otto.softgarden.io>", "Eingangsbestätigung",
     "Hallo Max,\n\ndeine Bewerbung als Data Analyst ist bei uns angekommen. Wir melden uns bei "
     "dir, sobald wir mehr wissen.\n\nDein Otto Recruiting", "alt"),
    ("rejection", "de", "Bosch <noreply@bosch.successfactors.eu>", "Ihre Bewerbung",
     "Hallo Herr Schulz,\n\nleider müssen wir Ihnen mitteilen, dass wir Ihre Bewerbung für die "
     "Position Data Engineer nicht weiter berücksichtigen können.\n\nIhr Bosch Recruiting Team",
     "html"),
    ("rejection", "de", "Zürcher Kantonalbank <noreply@zkb.ch>", "Ihre Bewerbung",
     "Grüezi Herr Schulz\n\nNach sorgfältiger Prüfung haben wir uns für eine andere Person "
     "entschieden. Wir danken Ihnen für Ihr Interesse.\n\nFreundliche Grüsse\nZKB Recruiting",
     "plain"),
    ("rejection", "de", "Tobias Klein <tobias@kleinsoft.de>", "AW: Bewerbung",
     "Hallo Herr Schulz,\n\nvielen Dank für das Gespräch. Wir haben inzwischen jemanden "
     "eingestellt, der schon länger mit Kotlin arbeitet.\n\nGruß\nTobias Klein", "plain"),
    ("rejection", "de", "Otto Group <noreply@otto.softgarden.io>", "Deine Bewerbung",
     "Hallo Max,\n\ndanke für deine Bewerbung. Diesmal hat es leider nicht gepasst - wir haben "
     "uns für andere Kandidat:innen entschieden.\n\nDein Otto Recruiting", "alt"),
    ("interview", "de", "Tobias Klein <tobias@kleinsoft.de>", "Kennenlernen",
     "Hallo Herr Schulz,\n\nIhr Profil gefällt mir. Hätten Sie Lust auf ein Kennenlernen per "
     "Video am Mittwoch um 15 Uhr?\n\nGruß\nTobias Klein", "plain"),
    ("interview", "de", "Otto Group <noreply@otto.softgarden.io>", "Einladung zum Interview",
     "Hallo Max,\n\nwir möchten dich gern zu einem ersten Interview einladen. Bitte buche dir "
     "einen Termin über den Link.\n\nDein Otto Recruiting", "html"),
    ("action", "de", "Zürcher Kantonalbank <noreply@zkb.ch>", "Online-Test",
     "Grüezi Herr Schulz\n\nAls nächsten Schritt bitten wir Sie, einen Online-Test zu "
     "absolvieren. Sie erhalten den Zugang in einer separaten E-Mail.\n\nFreundliche Grüsse\nZKB "
     "Recruiting", "plain"),
    ("offer", "de", "Zürcher Kantonalbank <noreply@zkb.ch>", "Vertragsangebot",
     "Grüezi Herr Schulz\n\nWir freuen uns, Ihnen die Stelle als Data Engineer anzubieten. Den "
     "Vertrag erhalten Sie per Post.\n\nFreundliche Grüsse\nZKB Recruiting", "plain"),
    ("job_alert", "de", "Indeed <alert@indeed.com>", "Neue Jobs für Data Engineer in München",
     "Neue Jobs für Ihre Suche: Data Engineer (m/w/d) - Bosch - München. Alle Jobs anzeigen.",
     "html"),
    ("other", "de", "Tobias Klein <tobias@kleinsoft.de>", "Frage",
     "Hallo Herr Schulz, wären Sie auch an einer Teilzeitstelle interessiert?\n\nGruß\nTobias "
     "Klein", "plain"),
]
