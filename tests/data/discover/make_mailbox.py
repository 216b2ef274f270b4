"""Write the labelled mailbox that bench/discover.py and tests/core/test_discover.py read.

Every message is written out here by hand, in the phrasing that applicant-tracking
systems, job boards and job seekers use (English, Norwegian Bokmål and Nynorsk,
Swedish, Danish, German), with a label: the company and role it proposes, or
nothing. Run it to rewrite ``inbox/``, ``sent/`` and ``labels.csv`` beside it:

    python tests/data/discover/make_mailbox.py
"""

from __future__ import annotations

import csv
import shutil
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ME = "alex.berg@gmail.com"
START = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)

# (sender name, sender address, subject, body, company, role); "" company: not proposed.
RECEIVED: list[tuple[str, str, str, str, str, str]] = [
    # -- ATS receipts, English ------------------------------------------------------
    ("Fabrikam Recruiting", "no-reply@us.greenhouse-mail.io",
     "Thank you for applying to Fabrikam",
     "Hi Alex,\n\nThanks for applying to Fabrikam. Your application for the Senior Backend "
     "Engineer position has been received and our team will review it.\n\nBest,\nFabrikam "
     "Talent Team", "Fabrikam", "Senior Backend Engineer"),
    ("Northwind", "no-reply@greenhouse.io", "Thank you for your application to Northwind",
     "Hello Alex,\n\nThank you for your interest in Northwind! We wanted to let you know we "
     "received your application for Data Engineer, and we are delighted that you would "
     "consider joining our team.", "Northwind", "Data Engineer"),
    ("Contoso Hiring Team", "no-reply@hire.lever.co", "Thanks for applying to Contoso",
     "Hi Alex,\n\nThank you for applying for the Platform Engineer role at Contoso. We have "
     "received your application and will be in touch if your skills match our needs.",
     "Contoso", "Platform Engineer"),
    ("Tailspin Toys", "notifications@tailspintoys.ashbyhq.com",
     "Thanks for applying to Tailspin Toys!",
     "Hi Alex, thanks for your application to the Frontend Developer role. Our team will "
     "review your application and get back to you.", "Tailspin Toys", "Frontend Developer"),
    ("Workday", "wingtip@myworkday.com", "Application Received: Site Reliability Engineer",
     "Dear Alex,\n\nThank you for applying for the Site Reliability Engineer position at "
     "Wingtip Airlines. We have received your application.", "Wingtip Airlines",
     "Site Reliability Engineer"),
    ("SmartRecruiters", "noreply@smartrecruiters.com",
     "Your application to Litware has been received",
     "Dear Alex, thank you for your interest in Litware. We have received your application "
     "for the position of Machine Learning Engineer.", "Litware", "Machine Learning Engineer"),
    ("Adventure Works Careers", "careers@adventureworks.workable.com",
     "Thanks for applying to Adventure Works",
     "Hi Alex, we received your application for Product Designer. We'll review it and be in "
     "touch.", "Adventure Works", "Product Designer"),
    ("iCIMS", "donotreply@talent.icims.eu",
     "Thank you for your application with Proseware",
     "Dear Alex,\nThank you for applying for the Cloud Architect position at Proseware. Your "
     "application has been successfully submitted.", "Proseware", "Cloud Architect"),
    ("Woodgrove Bank", "no-reply@woodgrove.recruitee.com",
     "Your application for Security Analyst",
     "Hi Alex,\n\nThanks for applying for the Security Analyst position at Woodgrove Bank. "
     "We received your application and will review it shortly.", "Woodgrove Bank",
     "Security Analyst"),
    ("Blue Yonder Airlines via Greenhouse", "no-reply@greenhouse.io",
     "Application received", "Dear Alex, we have received your application. We will review "
     "it and be in touch.", "Blue Yonder Airlines", ""),
    ("Jobvite", "no-reply@jobvite.com", "Thank you for applying to Coho Winery",
     "Thank you for applying to Coho Winery. A member of our recruiting team will review "
     "your background.", "Coho Winery", ""),
    ("BambooHR", "notifications@app.bamboohr.com",
     "Thanks for applying to Lucerne Publishing",
     "Hi Alex, thanks for applying for the Technical Writer job at Lucerne Publishing. We "
     "have received your application.", "Lucerne Publishing", "Technical Writer"),
    ("Graphic Design Institute", "no-reply@jobs.personio.de",
     "Your application at Graphic Design Institute",
     "Dear Alex,\n\nthank you for your application as UX Researcher. We have received it "
     "and will get back to you.", "Graphic Design Institute", ""),
    ("Margie's Travel Talent Acquisition", "noreply@successfactors.com",
     "We have received your application", "Dear Alex, thank you for your application. Our "
     "team is reviewing it.", "Margie's Travel", ""),
    ("Humongous Insurance", "noreply@humongous.teamtailor-mail.com",
     "Thanks for your application", "Hi Alex! Thanks for applying for the DevOps Engineer "
     "position at Humongous Insurance. We will be in touch.", "Humongous Insurance",
     "DevOps Engineer"),
    ("Alpine Ski House", "noreply@join.com", "Your application was submitted",
     "Hello Alex, your application for Backend Developer at Alpine Ski House was "
     "successfully submitted.", "Alpine Ski House", "Backend Developer"),
    ("Trey Research", "jobs@treyresearch.comeet-notifications.com",
     "Thank you for applying to Trey Research",
     "Hi Alex, we've received your application for the Research Engineer role.",
     "Trey Research", "Research Engineer"),
    ("Fourth Coffee Recruiting", "no-reply@us.greenhouse-mail.io",
     "Fourth Coffee: application received",
     "Hi Alex, thanks for applying! We've received your application for Barista Operations "
     "Lead and will review it soon.", "Fourth Coffee", ""),
    ("Relecloud", "no-reply@ashbyhq.com", "Thank you for applying to Relecloud",
     "Thank you for applying to Relecloud. We will review your application for Staff "
     "Software Engineer and get back to you.", "Relecloud", ""),
    ("Datum Corporation", "noreply@datum.bamboohr.com",
     "Thank you for your interest in Datum Corporation",
     "Dear Alex, thank you for your interest in Datum Corporation. We received your "
     "application for Data Analyst.", "Datum Corporation", "Data Analyst"),
    # -- ATS receipts, Nordic and German -------------------------------------------------
    ("Nordlys Energi", "noreply@webcruiter.no", "Takk for din søknad til Nordlys Energi",
     "Hei Alex,\n\nTakk for din søknad på stillingen som Systemutvikler hos Nordlys Energi. "
     "Vi har mottatt søknaden din og vil ta kontakt.", "Nordlys Energi", "Systemutvikler"),
    ("Fjordkraft Rekruttering", "noreply@jobbnorge.no", "Søknaden din er mottatt",
     "Hei Alex!\nVi har mottatt din søknad på stillingen Dataingeniør. Vi vil gå gjennom "
     "søknadene etter søknadsfristen.", "Fjordkraft", "Dataingeniør"),
    ("Vestland fylkeskommune", "noreply@jobbnorge.no",
     "Takk for søknaden din", "Hei Alex,\n\nTakk for di søknad til Vestland "
     "fylkeskommune. Vi har motteke søknaden din på stillinga som rådgjevar.",
     "Vestland fylkeskommune", ""),
    ("Solberg Tech", "no-reply@solberg.teamtailor-mail.com",
     "Takk for din søknad!", "Hei Alex! Takk for din søknad til Solberg Tech. Vi ser på den "
     "så snart vi kan.", "Solberg Tech", ""),
    ("Havbruk AS", "noreply@reachmee.com", "Bekreftelse på mottatt søknad",
     "Hei Alex,\nVi har mottatt din søknad på stillingen som Prosjektleder. Takk for din "
     "interesse for Havbruk AS.", "Havbruk AS", "Prosjektleder"),
    ("Svea Logistik", "noreply@jobylon.com", "Tack för din ansökan till Svea Logistik",
     "Hej Alex,\n\nTack för din ansökan till tjänsten som Lagerchef. Vi har tagit emot din "
     "ansökan och återkommer.", "Svea Logistik", "Lagerchef"),
    ("Göta Bank", "noreply@reachmee.com", "Vi har tagit emot din ansökan",
     "Hej Alex! Tack för din ansökan till Göta Bank. Vi har tagit emot din ansökan för "
     "tjänsten som Systemutvecklare.", "Göta Bank", "Systemutvecklare"),
    ("Dansk Energi Rekruttering", "noreply@easycruit.com",
     "Tak for din ansøgning", "Kære Alex,\n\nTak for din ansøgning til Dansk Energi. Vi har "
     "modtaget din ansøgning til stillingen som Softwareudvikler.", "Dansk Energi",
     "Softwareudvikler"),
    ("Kobenhavns Vand", "noreply@emply.hr-manager.net",
     "Tak for din ansøgning", "Vi har modtaget din ansøgning.", "Kobenhavns Vand", ""),
    ("Rhein Software GmbH", "noreply@jobs.personio.de",
     "Vielen Dank für Ihre Bewerbung bei Rhein Software GmbH",
     "Sehr geehrter Herr Berg,\n\nvielen Dank für Ihre Bewerbung als Backend-Entwickler. "
     "Wir haben Ihre Bewerbung erhalten und melden uns bald.", "Rhein Software GmbH",
     "Backend-Entwickler"),
    ("Berliner Verkehr Recruiting", "noreply@successfactors.eu",
     "Ihre Bewerbung ist eingegangen", "Hallo Alex, vielen Dank für Ihre Bewerbung bei der "
     "Berliner Verkehr. Ihre Bewerbung ist eingegangen.", "Berliner Verkehr", ""),
    ("Alpenwerk", "no-reply@alpenwerk.recruitee.com", "Danke für deine Bewerbung!",
     "Hi Alex, danke für deine Bewerbung als Data Scientist bei Alpenwerk. Wir melden uns.",
     "Alpenwerk", "Data Scientist"),
    # -- job boards: receipts -----------------------------------------------------------
    ("LinkedIn", "jobs-noreply@linkedin.com", "Alex, your application was sent to Healthify",
     "Your application was sent to Healthify\nSenior Data Engineer\nHealthify · Oslo\n"
     "Applied on November 3", "Healthify", ""),
    ("LinkedIn", "jobs-noreply@linkedin.com", "Your application was sent to Vipps MobilePay",
     "Your application was sent to Vipps MobilePay.", "Vipps MobilePay", ""),
    ("Indeed Apply", "indeedapply@indeed.com", "Indeed Application: Python Developer",
     "Your application has been submitted. Python Developer - Acme Analytics - Bergen. "
     "You applied to Python Developer at Acme Analytics.", "Acme Analytics",
     "Python Developer"),
    ("Glassdoor", "noreply@glassdoor.com", "Your application to Fabrikam Robotics",
     "Thanks for using Glassdoor. Your application to Fabrikam Robotics for Controls "
     "Engineer was submitted.", "Fabrikam Robotics", ""),
    ("FINN.no", "no-reply@finn.no", "Søknaden din er sendt til Sparebank Nord",
     "Hei Alex, søknaden din er sendt til Sparebank Nord. Lykke til!", "Sparebank Nord", ""),
    ("StepStone", "noreply@stepstone.de",
     "Ihre Bewerbung wurde erfolgreich an Lindwurm AG gesendet",
     "Ihre Bewerbung bei Lindwurm AG wurde erfolgreich versendet.", "Lindwurm AG", ""),
    ("NAV Arbeidsplassen", "noreply@arbeidsplassen.nav.no", "Søknaden din er sendt",
     "Søknaden din er sendt til Trondheim kommune for stillingen Rådgiver.",
     "Trondheim kommune", ""),
    ("LinkedIn", "jobs-noreply@linkedin.com", "Alex, your application was sent to Contoso Ltd",
     "Your application was sent to Contoso Ltd. Software Engineer II.", "Contoso Ltd", ""),
    # -- not proposals ------------------------------------------------------------------
    ("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com",
     "30+ new jobs for 'Backend Engineer' in Oslo",
     "Fabrikam is hiring: Backend Engineer. Northwind: Data Engineer. Apply now.", "", ""),
    ("LinkedIn", "jobs-listings@linkedin.com", "Contoso is hiring a Platform Engineer",
     "A job that matches your profile. Contoso - Platform Engineer. Apply now.", "", ""),
    ("Indeed", "alert@indeed.com", "Python Developer jobs in Bergen",
     "New jobs for you: Python Developer at Acme Analytics. Apply now.", "", ""),
    ("Glassdoor Jobs", "noreply@glassdoor.com", "Jobs you may like at Fabrikam Robotics",
     "Recommended jobs for you at Fabrikam Robotics.", "", ""),
    ("FINN.no", "no-reply@finn.no", "Nye stillinger for deg: Utvikler",
     "12 nye stillinger som passer ditt søk. Søk nå.", "", ""),
    ("Greenhouse", "no-reply@greenhouse.io", "Your security code",
     "Your Greenhouse security code is 482913. It expires in 10 minutes.", "", ""),
    ("Fabrikam Recruiting", "no-reply@us.greenhouse-mail.io",
     "Update on your application to Fabrikam",
     "Hi Alex, thank you for applying to Fabrikam. Unfortunately, we have decided to move "
     "forward with other candidates.", "", ""),
    ("Northwind", "no-reply@greenhouse.io", "Interview invitation: Northwind",
     "Hi Alex, we'd like to invite you to an interview for the Data Engineer role. Please "
     "pick a time.", "", ""),
    ("Contoso", "no-reply@hire.lever.co", "Your Contoso coding assessment",
     "Hi Alex, please complete the HackerRank assessment within 5 days.", "", ""),
    ("Workday", "noreply@myworkday.com", "Verify your email address",
     "Please confirm your email address to create your candidate account.", "", ""),
    ("Jane Roe", "jane.roe@fabrikam.com", "Re: Senior Backend Engineer",
     "Hi Alex, thanks for your note. Are you free on Thursday for a call?", "", ""),
    ("Mum", "mum.berg@gmail.com", "Middag søndag?", "Kommer du på middag søndag?", "", ""),
    ("Talentbridge Recruiting", "sam@talentbridge-recruiting.com",
     "Exciting opportunity at a fast-growing fintech",
     "Hi Alex, I came across your profile and think you'd be a great fit for a role with "
     "my client. Do you have 15 minutes?", "", ""),
    ("Northwind Newsletter", "news@northwind.com", "Northwind monthly: our new office",
     "Read about our new office and open positions.", "", ""),
    ("Teamtailor", "noreply@teamtailor.com", "Welcome to the Solberg Tech talent community",
     "Thanks for joining our talent community! We will keep you posted on new jobs.", "",
     ""),
    ("Webcruiter", "noreply@webcruiter.no", "Ny stilling som passer deg",
     "Det er publisert en ny stilling som passer din jobbagent.", "", ""),
    ("Xing", "mailrobot@mail.xing.com", "Neue Jobs für Sie", "20 neue Jobs passen zu Ihrem "
     "Profil.", "", ""),
    ("Indeed", "donotreply@indeed.com", "Alex, an employer viewed your application",
     "Acme Analytics viewed your application for Python Developer.", "", ""),
    ("SmartRecruiters", "noreply@smartrecruiters.com", "Reset your password",
     "Click the link to reset your password.", "", ""),
    ("Ola Nordmann", "ola@nordmann.no", "Søknad", "Hei, har du sendt søknaden til "
     "Fjordkraft ennå?", "", ""),
    ("Lever", "no-reply@hire.lever.co", "Contoso: Thank you for your time",
     "Thank you for taking the time to interview with Contoso. We have decided not to move "
     "forward.", "", ""),
    ("Göta Bank", "noreply@reachmee.com", "Inbjudan till intervju",
     "Hej Alex! Vi vill gärna träffa dig för en intervju för tjänsten som "
     "Systemutvecklare.", "", ""),
    ("Dansk Energi", "noreply@easycruit.com", "Afslag på din ansøgning",
     "Kære Alex, desværre har vi valgt en anden kandidat.", "", ""),
    ("Rhein Software GmbH", "noreply@jobs.personio.de", "Ihre Bewerbung - Absage",
     "Leider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten "
     "entschieden haben.", "", ""),
    ("Stack Overflow", "do-not-reply@stackoverflow.email", "The Overflow #212",
     "This week: how to hire engineers.", "", ""),
    ("GitHub", "noreply@github.com", "[GitHub] A new SSH key was added",
     "A new public key was added to your account.", "", ""),
]

# (to, subject, attachment file names, body, company, role); "" company: not proposed.
SENT: list[tuple[tuple[str, ...], str, tuple[str, ...], str, str, str]] = [
    (("jobs@fabrikam.com",), "Application for Senior Backend Engineer",
     ("Alex_Berg_CV.pdf", "Cover_letter_Fabrikam.pdf"),
     "Dear Hiring Team, please find attached my application.", "Fabrikam",
     "Senior Backend Engineer"),
    (("careers@northwind.com",), "Application: Data Engineer at Northwind",
     ("CV_Alex_Berg.pdf",), "Hello, I am applying for the Data Engineer position.",
     "Northwind", "Data Engineer"),
    (("hr@contoso.com",), "Job application - Platform Engineer", ("resume.pdf",),
     "Hi, I would like to apply.", "Contoso", "Platform Engineer"),
    (("jane.roe@tailspintoys.com",), "Frontend Developer role", ("Alex Berg - Resume.pdf",),
     "Hi Jane, as discussed, here is my resume for the Frontend Developer role.",
     "Tailspintoys", ""),
    (("rekruttering@nordlysenergi.no",), "Søknad på stilling som systemutvikler",
     ("CV Alex Berg.pdf", "Søknadsbrev.pdf"), "Hei, vedlagt er min søknad.",
     "Nordlysenergi", "systemutvikler"),
    (("post@fjordkraft.no",), "Søknad – Dataingeniør", ("CV.pdf",),
     "Hei, jeg søker herved på stillingen som dataingeniør.", "Fjordkraft", ""),
    (("jobb@havbruk.no",), "Søknad på stillingen som prosjektleder hos Havbruk",
     (), "Hei! Jeg vil søke på stillingen som prosjektleder.", "Havbruk", "prosjektleder"),
    (("rekrytering@sveabank.se",), "Ansökan till tjänsten som systemutvecklare",
     ("CV_Alex_Berg.pdf", "Personligt_brev.pdf"), "Hej, här är min ansökan.", "Sveabank",
     "systemutvecklare"),
    (("job@danskenergi.dk",), "Ansøgning som softwareudvikler", ("ansøgning.pdf", "cv.pdf"),
     "Kære Dansk Energi, hermed min ansøgning.", "Danskenergi", "softwareudvikler"),
    (("karriere@rheinsoftware.de",), "Bewerbung als Backend-Entwickler",
     ("Lebenslauf_Alex_Berg.pdf", "Anschreiben.pdf"),
     "Sehr geehrte Damen und Herren, anbei meine Bewerbung.", "Rheinsoftware",
     "Backend-Entwickler"),
    (("jobs@alpenwerk.at",), "Initiativbewerbung", ("Lebenslauf.pdf",),
     "Guten Tag, ich bewerbe mich initiativ.", "Alpenwerk", ""),
    (("talent@wingtipairlines.com",), "Open application", ("CV.pdf",),
     "Hello, I am sending an open application.", "Wingtipairlines", ""),
    (("recruiting@litware.io",), "Applying for Machine Learning Engineer",
     (), "Hi, I am applying for the Machine Learning Engineer opening.", "Litware",
     "Machine Learning Engineer"),
    (("hiring@proseware.com",), "Cloud Architect", ("Alex_Berg_resume_2026.pdf",),
     "Dear team, attached is my resume for the Cloud Architect opening.", "Proseware", ""),
    (("mia@woodgrovebank.com",), "Security Analyst application", ("cover-letter.pdf",
                                                                   "cv.pdf"),
     "Hi Mia, thanks for the chat. Attached my application.", "Woodgrovebank", ""),
    (("jobs@coho-winery.com",), "Application for Sommelier", ("CV.docx",), "Hello!",
     "Coho Winery", "Sommelier"),
    (("post@vestlandfylke.no",), "Søknad på stilling som rådgjevar", ("CV.pdf",),
     "Hei, her er søknaden min.", "Vestlandfylke", "rådgjevar"),
    (("jobb@solbergtech.no",), "Åpen søknad", ("CV_AlexBerg.pdf",), "Hei!", "Solbergtech", ""),
    (("hr@gotabank.se",), "Spontanansökan", ("cv.pdf",), "Hej!", "Gotabank", ""),
    (("bewerbung@lindwurm.de",), "Bewerbung um die Stelle als Projektmanager",
     ("Bewerbungsunterlagen.pdf",), "Sehr geehrte Frau Weber, ...", "Lindwurm",
     "Projektmanager"),
    # -- not applications ----------------------------------------------------------------
    (("jane.roe@fabrikam.com",), "Re: Senior Backend Engineer", ("CV.pdf",),
     "Hi Jane, here is my CV as you asked.", "", ""),
    (("sara.berg@gmail.com",), "CV for you to check", ("Alex_Berg_CV.pdf",),
     "Hei Sara, kan du se over CV-en min?", "", ""),
    (("ola@nordmann.no",), "Middag", (), "Kommer på søndag!", "", ""),
    (("support@fabrikam.com",), "Problem with my order", ("receipt.pdf",),
     "Hello, my order never arrived.", "", ""),
    (("jane.roe@fabrikam.com",), "Thank you for today", (),
     "Hi Jane, thank you for the interview today.", "", ""),
    (("team@northwind.com", "a@northwind.com", "b@northwind.com", "c@northwind.com"),
     "Application for Data Engineer", ("CV.pdf",), "Hi all", "", ""),
    (("mum.berg@gmail.com",), "Søknad sendt!", (), "Hei mamma, jeg har sendt søknaden til "
     "Fjordkraft.", "", ""),
    (("jobs@linkedin.com",), "Application for Product Manager", ("CV.pdf",),
     "Hello LinkedIn", "", ""),
    (("no-reply@greenhouse.io",), "Application for Backend Engineer", ("CV.pdf",),
     "Hello", "", ""),
    (("jane.roe@fabrikam.com",), "Fwd: Application for Senior Backend Engineer",
     ("CV.pdf",), "Forwarding as requested.", "", ""),
    (("landlord@utleie.no",), "Depositum", ("kontrakt.pdf",), "Hei, her er kontrakten.", "",
     ""),
    (("nav@nav.no",), "Meldekort", (), "Hei", "", ""),
    (("accountant@regnskap.no",), "Skattemelding 2025", ("skattemelding.pdf",), "Hei", "",
     ""),
    (("jane.roe@fabrikam.com",), "SV: Intervju", (), "Hei Jane, tirsdag passer fint.", "", ""),
]

EXTRA_RECEIVED: list[tuple[str, str, str, str, str, str]] = [
    # More receipts with varied voices (no company in the text: the sender names it).
    ("Proseware Talent Acquisition", "noreply@talent.icims.eu", "Application received",
     "Thank you for submitting your application. We will review it and get back to you.",
     "Proseware", ""),
    ("Nordic Seafood AS", "noreply@webcruiter.no", "Bekreftelse på søknad",
     "Vi har mottatt din søknad. Takk for at du søkte.", "Nordic Seafood AS", ""),
    ("Vinmonopolet", "noreply@jobbnorge.no", "Kvittering for søknad",
     "Takk for din søknad. Søknaden din er mottatt.", "Vinmonopolet", ""),
    ("Skanska Sverige", "noreply@jobylon.com", "Vi har mottagit din ansökan",
     "Hej Alex, vi har mottagit din ansökan och återkommer.", "Skanska Sverige", ""),
    ("Novo Talent", "noreply@successfactors.com", "Vi har modtaget din ansøgning",
     "Kære Alex, vi har modtaget din ansøgning.", "Novo", ""),
    ("Zalando Careers", "noreply@myworkday.com", "Wir haben Ihre Bewerbung erhalten",
     "Vielen Dank für Ihre Bewerbung. Wir haben Ihre Bewerbung erhalten.", "Zalando", ""),
    ("Klarna", "no-reply@greenhouse.io", "Thanks for applying!",
     "Thanks for applying! We've received your application for Senior iOS Engineer.",
     "Klarna", ""),
    ("Spotify Jobs", "no-reply@hire.lever.co", "Thank you for applying",
     "We have received your application and will review it.", "Spotify", ""),
    ("Equinor", "noreply@successfactors.eu", "Thank you for your application",
     "Dear Alex, thank you for your application for the position of Data Scientist.",
     "Equinor", "Data Scientist"),
    ("Telenor Recruitment", "noreply@webcruiter.no", "Takk for søknaden",
     "Hei Alex, takk for din søknad på stillingen som Nettverksingeniør hos Telenor.",
     "Telenor", "Nettverksingeniør"),
    ("DNB", "no-reply@dnb.teamtailor-mail.com", "Takk for din søknad",
     "Hei! Takk for din søknad til DNB. Vi tar kontakt.", "DNB", ""),
    ("Ericsson Talent", "noreply@myworkday.com", "Application submitted",
     "Your application for Software Developer has been submitted.", "Ericsson", ""),
    ("Maersk", "noreply@successfactors.com", "Thank you for applying to Maersk",
     "We have received your application for Operations Analyst.", "Maersk", ""),
    ("SAP", "noreply@successfactors.eu", "Ihre Bewerbung bei SAP",
     "Vielen Dank für Ihre Bewerbung bei SAP als Cloud Engineer.", "SAP",
     "Cloud Engineer"),
    ("Schibsted", "no-reply@schibsted.teamtailor-mail.com", "Thanks for your application!",
     "Thank you for applying to Schibsted. We'll get back to you.", "Schibsted", ""),
    ("Kahoot!", "no-reply@ashbyhq.com", "Thank you for applying to Kahoot!",
     "Thanks for applying to Kahoot! We'll review your application.", "Kahoot", ""),
    ("Oda", "no-reply@oda.recruitee.com", "Takk for søknaden!",
     "Takk for din søknad til Oda. Vi ser på søknaden din.", "Oda", ""),
    ("Statnett", "noreply@webcruiter.no", "Søknad mottatt",
     "Takk for din søknad på stillingen som Senioringeniør. Vi har mottatt søknaden.",
     "Statnett", "Senioringeniør"),
    ("Volvo Cars", "noreply@successfactors.com", "Tack för din ansökan",
     "Hej Alex! Tack för din ansökan till Volvo Cars.", "Volvo Cars", ""),
    ("Vestas", "noreply@successfactors.eu", "Tak for din ansøgning",
     "Tak for din ansøgning til Vestas. Vi vender tilbage.", "Vestas", ""),
    # More that must not be proposed.
    ("Kahoot!", "no-reply@ashbyhq.com", "Kahoot! is hiring", "Check out our open roles and "
     "join our talent community.", "", ""),
    ("LinkedIn", "messages-noreply@linkedin.com", "Jane sent you a message",
     "Jane Roe (Recruiter at Fabrikam): Hi Alex, would you be open to a chat?", "", ""),
    ("Indeed", "invitationtoapply@indeed.com", "You're invited to apply to Acme Analytics",
     "Acme Analytics thinks you'd be a great fit. Apply now.", "", ""),
    ("Telenor Recruitment", "noreply@webcruiter.no", "Invitasjon til intervju",
     "Hei Alex, vi vil gjerne invitere deg til intervju.", "", ""),
    ("Equinor", "noreply@successfactors.eu", "Complete your application",
     "You started an application but have not submitted it. Complete it now.", "", ""),
    ("Workday", "noreply@myworkday.com", "Your candidate account has been created",
     "Welcome! Your candidate account has been created.", "", ""),
    ("Spotify Jobs", "no-reply@hire.lever.co", "Your application status",
     "Unfortunately, we will not be moving forward with your application.", "", ""),
    ("Greenhouse", "no-reply@greenhouse.io", "Please confirm your email",
     "Please verify your email to continue.", "", ""),
    ("FINN.no", "no-reply@finn.no", "Lagret søk: 5 nye treff", "Nye annonser i ditt lagrede "
     "søk.", "", ""),
    ("The Hub", "hello@thehub.io", "New startup jobs this week",
     "Fabrikam is hiring a Backend Engineer.", "", ""),
]


# Written after the rules were frozen, in other words and for other employers: the
# bench reports this set on its own, as an estimate for mail never seen.
HOLDOUT_RECEIVED: list[tuple[str, str, str, str, str, str]] = [
    ("Cognite", "no-reply@cognite.teamtailor-mail.com", "We got your application!",
     "Hey Alex, we got your application for Solutions Architect and we're excited to take a "
     "look. Expect to hear from us within two weeks.", "Cognite", "Solutions Architect"),
    ("Aker BP Recruitment", "noreply@successfactors.eu", "Application confirmation",
     "Dear Alex, this is to confirm that we have received your application for the role "
     "of Drilling Data Analyst.", "Aker BP", "Drilling Data Analyst"),
    ("Posten Bring", "noreply@webcruiter.no", "Vi har mottatt søknaden din",
     "Hei Alex! Vi har mottatt søknaden din på stillingen som Logistikkplanlegger.",
     "Posten Bring", "Logistikkplanlegger"),
    ("Norsk Hydro", "noreply@myworkday.com", "Thank you for applying at Hydro",
     "Dear Alex, thank you for applying at Hydro. Our recruitment team will review your "
     "profile.", "Hydro", ""),
    ("Storebrand", "noreply@jobbnorge.no", "Kvittering: søknad mottatt",
     "Takk for at du søkte jobb hos Storebrand. Vi har registrert søknaden din.",
     "Storebrand", ""),
    ("Ericsson", "noreply@myworkday.com", "Your application has been received",
     "Hi Alex, your application to Ericsson for the position of Test Engineer has been "
     "received.", "Ericsson", "Test Engineer"),
    ("H&M Group", "noreply@smartrecruiters.com", "Thanks for your application, Alex!",
     "Thanks for applying to H&M Group. We're reviewing applications and will contact "
     "you if there is a match.", "H&M Group", ""),
    ("IKEA", "noreply@successfactors.com", "Tack för att du sökt jobb hos IKEA",
     "Hej Alex, tack för att du sökt jobb hos IKEA. Vi har tagit emot din ansökan.",
     "IKEA", ""),
    ("Lego Group", "noreply@successfactors.eu", "Thank you for your application",
     "Dear Alex, thank you for your application to The LEGO Group. We will review it "
     "carefully.", "LEGO Group", ""),
    ("Ørsted", "noreply@successfactors.eu", "Vi har modtaget din ansøgning",
     "Kære Alex, tak for din ansøgning til stillingen som Dataanalytiker hos Ørsted.",
     "Ørsted", "Dataanalytiker"),
    ("Siemens Talent Acquisition", "noreply@successfactors.eu", "Eingangsbestätigung",
     "Sehr geehrter Herr Berg, wir bestätigen den Eingang Ihrer Bewerbung als "
     "Softwareentwickler. Vielen Dank für Ihre Bewerbung.", "Siemens", "Softwareentwickler"),
    ("N26", "no-reply@greenhouse.io", "Thanks for applying to N26!",
     "Hi Alex, thanks for applying to N26! We'll review your application for Backend "
     "Engineer (Kotlin).", "N26", ""),
    ("Wolt", "no-reply@greenhouse.io", "Your application to Wolt",
     "Hey Alex, thank you for your application to Wolt. We'll be in touch.", "Wolt", ""),
    ("LinkedIn", "jobs-noreply@linkedin.com", "Alex, your application was sent to Cognite",
     "Your application was sent to Cognite. Solutions Architect · Oslo.", "Cognite", ""),
    ("Indeed", "indeedapply@indeed.com", "Indeed Application: Backend Engineer",
     "Your application has been submitted. You applied to Backend Engineer at Oda.", "Oda",
     "Backend Engineer"),
    ("FINN.no", "no-reply@finn.no", "Søknaden din er sendt til Posten Bring",
     "Søknaden din er sendt til Posten Bring. Lykke til!", "Posten Bring", ""),
    # not proposals
    ("Cognite", "no-reply@cognite.teamtailor-mail.com", "Next steps with Cognite",
     "Hi Alex, we'd love to set up an interview. Please book a time.", "", ""),
    ("Aker BP Recruitment", "noreply@successfactors.eu", "Your application",
     "Dear Alex, after careful consideration we have decided to proceed with other "
     "candidates.", "", ""),
    ("LinkedIn", "jobs-noreply@linkedin.com", "Cognite and 12 other companies are hiring",
     "Jobs you might be interested in.", "", ""),
    ("Storebrand", "noreply@jobbnorge.no", "Ny stilling hos Storebrand",
     "Storebrand har lagt ut en ny stilling som kan passe deg.", "", ""),
    ("N26", "no-reply@greenhouse.io", "Your N26 HackerRank test",
     "Please complete the coding test within 7 days.", "", ""),
    ("Ola Hansen", "ola.hansen@outlook.com", "Tips om stilling",
     "Hei Alex, Cognite søker folk, kanskje noe for deg?", "", ""),
]

HOLDOUT_SENT: list[tuple[tuple[str, ...], str, tuple[str, ...], str, str, str]] = [
    (("rekruttering@cognite.com",), "Søknad: Solutions Architect", ("Alex_Berg_CV.pdf",),
     "Hei, vedlagt følger søknad og CV.", "Cognite", "Solutions Architect"),
    (("jobs@wolt.com",), "Application – Backend Engineer", ("Resume_AlexBerg.pdf",),
     "Hi Wolt team, attached is my application.", "Wolt", "Backend Engineer"),
    (("hr@storebrand.no",), "Søknad på stillingen som utvikler", ("cv.pdf", "soknad.pdf"),
     "Hei, jeg søker på utviklerstillingen.", "Storebrand", "utvikler"),
    (("talent@n26.com",), "Applying: Backend Engineer (Kotlin)", (),
     "Hello, I'd like to apply for the Backend Engineer role.", "N26", ""),
    (("karriere@siemens.de",), "Bewerbung: Softwareentwickler", ("Lebenslauf.pdf",),
     "Sehr geehrte Damen und Herren, ...", "Siemens", "Softwareentwickler"),
    (("jobb@postenbring.no",), "CV og søknad", ("CV Alex.pdf", "Søknad Posten.pdf"),
     "Hei! Vedlagt CV og søknad.", "Postenbring", ""),
    (("recruiting@aker-bp.com",), "Application for Drilling Data Analyst",
     ("AlexBerg_CV.pdf",), "Dear Sir or Madam, ...", "Aker BP", "Drilling Data Analyst"),
    # not proposals
    (("ola.hansen@outlook.com",), "Cognite?", (), "Takk for tipset!", "", ""),
    (("jane.doe@cognite.com",), "RE: Interview", (), "See you then.", "", ""),
    (("billing@telenor.no",), "Faktura", ("faktura.pdf",), "Hei", "", ""),
    (("lars@cognite.com",), "Lunsj?", (), "Lunsj fredag?", "", ""),
]


# Round 2, written after the rules were frozen again (round 1 above was used to fix
# general gaps; the bench reports "holdout2" on its own).
HOLDOUT2_RECEIVED: list[tuple[str, str, str, str, str, str]] = [
    ("Gjensidige", "noreply@webcruiter.no", "Søknad registrert",
     "Hei Alex, søknaden din til stillingen som Aktuar er registrert. Vi tar kontakt etter "
     "søknadsfristen.", "Gjensidige", "Aktuar"),
    ("Sopra Steria", "noreply@smartrecruiters.com", "Application confirmation - Sopra Steria",
     "Thank you, Alex! We confirm receipt of your application for Java Developer.",
     "Sopra Steria", "Java Developer"),
    ("Visma", "no-reply@visma.teamtailor-mail.com", "Thanks for applying!",
     "Hi Alex, thanks a lot for applying to Visma. We will review your application.",
     "Visma", ""),
    ("Elkjøp Nordic", "noreply@myworkday.com", "Din søknad hos Elkjøp",
     "Hei Alex, vi bekrefter at vi har mottatt søknaden din hos Elkjøp.", "Elkjøp", ""),
    ("Nordea", "noreply@successfactors.eu", "Tack för din ansökan",
     "Hej Alex, tack för din ansökan till Nordea. Vi har tagit emot din ansökan för "
     "tjänsten som Risk Analyst.", "Nordea", "Risk Analyst"),
    ("Netcompany", "noreply@emply.net", "Tak for din ansøgning",
     "Hej Alex, tak for din ansøgning til Netcompany. Vi har modtaget den.", "Netcompany",
     ""),
    ("Delivery Hero", "no-reply@greenhouse.io", "Application received - Delivery Hero",
     "Hi Alex, we have received your application for Senior Data Engineer. Thank you!",
     "Delivery Hero", "Senior Data Engineer"),
    ("Bosch", "noreply@smartrecruiters.com", "Ihre Bewerbung bei Bosch",
     "Guten Tag Herr Berg, vielen Dank für Ihre Bewerbung bei Bosch. Wir haben Ihre "
     "Unterlagen erhalten.", "Bosch", ""),
    ("Tibber", "no-reply@tibber.recruitee.com", "Thanks for your interest in Tibber!",
     "Hi Alex, thanks for your interest in Tibber. We received your application.",
     "Tibber", ""),
    ("StepStone", "noreply@stepstone.de", "Ihre Bewerbung an Zeiss wurde versendet",
     "Ihre Bewerbung an Zeiss wurde erfolgreich versendet.", "Zeiss", ""),
    ("LinkedIn", "jobs-noreply@linkedin.com", "Your application was sent to Tibber",
     "Your application was sent to Tibber.", "Tibber", ""),
    # not proposals
    ("Visma", "no-reply@visma.teamtailor-mail.com", "We'd love to meet you",
     "Hi Alex, we'd like to invite you to a first interview.", "", ""),
    ("Nordea", "noreply@successfactors.eu", "Angående din ansökan",
     "Tyvärr har vi valt att gå vidare med andra kandidater.", "", ""),
    ("Delivery Hero", "no-reply@greenhouse.io", "Delivery Hero is hiring in Berlin",
     "Explore our open roles.", "", ""),
    ("StepStone", "noreply@stepstone.de", "Jobs, die zu Ihnen passen",
     "Neue passende Jobs: Data Engineer bei Zeiss.", "", ""),
    ("Workable", "noreply@workable.com", "Confirm your email address",
     "Please confirm your email to finish creating your account.", "", ""),
]

HOLDOUT2_SENT: list[tuple[tuple[str, ...], str, tuple[str, ...], str, str, str]] = [
    (("jobb@gjensidige.no",), "Søknad aktuar", ("CV - Alex Berg.pdf",), "Hei.",
     "Gjensidige", ""),
    (("careers@tibber.com",), "Application: Data Engineer", ("AlexBerg-CV.pdf",), "Hi.",
     "Tibber", "Data Engineer"),
    (("rekrytering@nordea.se",), "Ansökan – Risk Analyst", ("cv.pdf", "personligt-brev.pdf"),
     "Hej!", "Nordea", "Risk Analyst"),
    (("jobs@zeiss.de",), "Bewerbung als Data Engineer", ("Lebenslauf_Berg.pdf",), "Hallo.",
     "Zeiss", "Data Engineer"),
    # not proposals
    (("mari@visma.com",), "Kaffe neste uke?", (), "Hei Mari!", "", ""),
    (("alex.berg@gmail.com",), "Notes", ("cv.pdf",), "Backup of my CV.", "", ""),
]


def _write(path: Path, message: EmailMessage) -> None:
    path.write_bytes(message.as_bytes())


def build() -> list[tuple[str, str, str, str, str]]:
    """Write the mailbox; return (file, folder, company, role, set) rows."""
    for folder in ("inbox", "sent"):
        shutil.rmtree(HERE / folder, ignore_errors=True)
        (HERE / folder).mkdir()
    rows: list[tuple[str, str, str, str, str]] = []
    tuned = len(RECEIVED + EXTRA_RECEIVED + HOLDOUT_RECEIVED)
    received = RECEIVED + EXTRA_RECEIVED + HOLDOUT_RECEIVED + HOLDOUT2_RECEIVED
    for n, (name, addr, subject, body, company, role) in enumerate(received):
        msg = EmailMessage()
        msg["From"] = f"{name} <{addr}>"
        msg["To"] = ME
        msg["Subject"] = subject
        msg["Date"] = format_datetime(START + timedelta(hours=7 * n))
        msg["Message-ID"] = f"<r{n:03d}@{addr.split('@')[1]}>"
        if any(w in subject.lower() for w in ("jobs for", "new jobs", "neue jobs", "nye ",
                                              "are hiring", "passen")):
            msg["List-Unsubscribe"] = f"<mailto:unsubscribe@{addr.split('@')[1]}>"
        msg.set_content(body)
        file = f"inbox/{n:03d}.eml"
        _write(HERE / file, msg)
        rows.append((file, "inbox", company, role, "tuned" if n < tuned else "holdout"))
    sent = SENT + HOLDOUT_SENT + HOLDOUT2_SENT
    for n, (to, subject, files, body, company, role) in enumerate(sent):
        msg = EmailMessage()
        msg["From"] = f"Alex Berg <{ME}>"
        msg["To"] = ", ".join(to)
        msg["Subject"] = subject
        msg["Date"] = format_datetime(START + timedelta(hours=5 * n + 2))
        msg["Message-ID"] = f"<s{n:03d}@gmail.com>"
        if subject.lower().startswith(("re:", "sv:", "fwd:")):
            msg["In-Reply-To"] = "<earlier@fabrikam.com>"
        msg.set_content(body)
        for filename in files:
            msg.add_attachment(b"%PDF-1.4 sample", maintype="application", subtype="pdf",
                               filename=filename)
        file = f"sent/{n:03d}.eml"
        _write(HERE / file, msg)
        tuned_sent = len(SENT + HOLDOUT_SENT)
        rows.append((file, "sent", company, role, "tuned" if n < tuned_sent else "holdout"))
    with (HERE / "labels.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["file", "folder", "company", "role", "set"])
        writer.writerows(rows)
    return rows


if __name__ == "__main__":
    print(f"wrote {len(build())} messages")
