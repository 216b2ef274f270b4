"""Round-2 held-out German messages (Germany, Austria, Switzerland)."""

M = [
    ("acknowledgement", "de", "Alpenland Versicherung AG <noreply@m.personio.de>",
     "Bestätigung Ihrer Bewerbung",
     "Sehr geehrte Frau Brunner,\n\nwir bestätigen den Erhalt Ihrer Bewerbung für die Position "
     "Data Scientist (w/m/d) in Innsbruck. Wir werden uns nach Sichtung aller Unterlagen bei Ihnen "
     "melden.\n\nFreundliche Grüsse\nHR Alpenland", "plain"),
    ("acknowledgement", "de", "Rheintal Bahn <karriere@rheintalbahn.ch>", "Ihre Bewerbung",
     "Guten Tag Frau Brunner\n\nBesten Dank für Ihre Bewerbung als Projektleiterin Infrastruktur. "
     "Ihre Unterlagen sind vollständig eingetroffen. Wir prüfen diese und geben Ihnen bis Ende "
     "Monat Bescheid.\n\nFreundliche Grüsse\nPersonaldienst", "plain"),
    ("acknowledgement", "de", "Quelle Digital <noreply@softgarden.io>", "Danke!",
     "Hallo Lea,\n\ndanke für deine Bewerbung bei Quelle Digital! Wir haben alles bekommen und "
     "melden uns in den nächsten zwei Wochen bei dir.\n\nDein Quelle-Team", "html"),
    ("acknowledgement", "de", "Thomas Maier <t.maier@maier-partner.de>", "AW: Bewerbung",
     "Hallo Frau Brunner,\n\ndanke für Ihre Nachricht, die Unterlagen habe ich erhalten. Ich gebe "
     "sie an die Partner weiter und komme nächste Woche auf Sie zu.\n\nViele Grüße\nThomas Maier",
     "plain"),
    ("acknowledgement", "de", "Stadt Graz <noreply@smartrecruiters.com>", "Eingang Ihrer Bewerbung",
     "Sehr geehrte Bewerberin,\n\nIhre Bewerbung ist bei uns eingelangt. Die Auswahlgespräche "
     "finden voraussichtlich im Mai statt.\n\nMit freundlichen Grüßen\nMagistrat Graz", "plain"),
    ("rejection", "de", "Alpenland Versicherung AG <noreply@m.personio.de>",
     "Ihre Bewerbung als Data Scientist",
     "Sehr geehrte Frau Brunner,\n\nvielen Dank für Ihre Bewerbung. Nach sorgfältiger Abwägung "
     "haben wir uns entschieden, Ihre Bewerbung nicht weiterzuverfolgen.\n\nFreundliche Grüsse\nHR "
     "Alpenland", "plain"),
    ("rejection", "de", "Rheintal Bahn <karriere@rheintalbahn.ch>", "Ihre Bewerbung",
     "Guten Tag Frau Brunner\n\nWir haben uns für eine Kandidatin entschieden, deren Profil "
     "unseren Anforderungen noch besser entspricht. Wir danken Ihnen für Ihr Interesse.\n\n"
     "Freundliche Grüsse\nPersonaldienst", "plain"),
    ("rejection", "de", "Quelle Digital <noreply@softgarden.io>", "Deine Bewerbung bei Quelle",
     "Hallo Lea,\n\nleider müssen wir dir heute absagen. Wir hatten sehr viele Bewerbungen und "
     "haben uns für andere Profile entschieden.\n\nDein Quelle-Team", "html"),
    ("rejection", "de", "Thomas Maier <t.maier@maier-partner.de>", "AW: Bewerbung",
     "Hallo Frau Brunner,\n\ndie Partner haben sich nach dem Gespräch für einen anderen Bewerber "
     "entschieden. Es tut mir leid, Ihnen keine bessere Nachricht geben zu können.\n\nViele Grüße\n"
     "Thomas Maier", "plain"),
    ("rejection", "de", "Stadt Graz <noreply@smartrecruiters.com>", "Ihre Bewerbung",
     "Sehr geehrte Bewerberin,\n\nwir bedauern, Ihnen mitteilen zu müssen, dass Ihre Bewerbung "
     "nicht berücksichtigt werden konnte.\n\nMit freundlichen Grüßen\nMagistrat Graz", "plain"),
    ("interview", "de", "Thomas Maier <t.maier@maier-partner.de>", "Gesprächstermin",
     "Hallo Frau Brunner,\n\ndie Partner würden Sie gerne persönlich treffen. Hätten Sie am "
     "Donnerstag, 17. April, um 14 Uhr Zeit?\n\nViele Grüße\nThomas Maier", "plain"),
    ("interview", "de", "Quelle Digital <noreply@softgarden.io>", "Einladung zum Kennenlernen",
     "Hallo Lea,\n\nwir möchten dich gerne näher kennenlernen! Buche dir über den Link einen "
     "Termin für ein 30-minütiges Videogespräch.\n\nDein Quelle-Team", "html"),
    ("action", "de", "Alpenland Versicherung AG <noreply@m.personio.de>", "Nächster Schritt",
     "Sehr geehrte Frau Brunner,\n\nals nächsten Schritt bitten wir Sie, eine kurze Fallstudie zu "
     "bearbeiten und bis Montag an uns zurückzusenden.\n\nFreundliche Grüsse\nHR Alpenland",
     "plain"),
    ("offer", "de", "Rheintal Bahn <karriere@rheintalbahn.ch>", "Zusage",
     "Guten Tag Frau Brunner\n\nWir freuen uns, Ihnen die Stelle als Projektleiterin "
     "Infrastruktur anbieten zu dürfen. Den Arbeitsvertrag senden wir Ihnen per Post.\n\n"
     "Freundliche Grüsse\nPersonaldienst", "plain"),
    ("account", "de", "softgarden <noreply@softgarden.io>", "Passwort zurücksetzen",
     "Sie haben angefordert, Ihr Passwort zurückzusetzen. Klicken Sie auf den Link, um ein neues "
     "Passwort zu vergeben.", "plain"),
    ("job_alert", "de", "XING <jobs@xing.com>", "Neue Jobs, die zu Ihnen passen könnten",
     "Hallo Lea, diese 6 Stellenangebote könnten Sie interessieren: Data Scientist bei Quelle "
     "Digital, Data Analyst bei Alpenland. Alle Jobs ansehen", "html"),
    ("other", "de", "Thomas Maier <t.maier@maier-partner.de>", "Kurze Frage",
     "Hallo Frau Brunner,\n\nab wann könnten Sie frühestens bei uns anfangen?\n\nViele Grüße\n"
     "Thomas Maier", "plain"),
]
