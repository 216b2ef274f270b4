"""Round-4 held-out English messages, each written whole (see ../SOURCES.md)."""

M = [
    ("acknowledgement", "en", "Civil Service Jobs <noreply@csjobs.cabinetoffice.gov.uk>",
     "Application submitted - Senior Data Analyst (Ref 392118)",
     "Dear Applicant,\n\nThank you for submitting an application for the role of Senior Data "
     "Analyst with the Department for Transport. The vacancy closes on 6 April 2025. We will "
     "notify you of the sift outcome after that date.\n\nCivil Service Jobs", "plain"),
    ("acknowledgement", "en", "Veldhoven Semiconductors <no-reply@veldhoven.eightfold.ai>",
     "Your application at Veldhoven Semiconductors",
     "Dear Robin,\n\nWe are happy to inform you that we have successfully received your "
     "application for the vacancy Process Data Engineer. Our recruiters will look into it and "
     "contact you about the next steps in the coming weeks.\n\nKind regards,\nVeldhoven Talent "
     "Acquisition", "html"),
    ("acknowledgement", "en", "Shannon Medical <careers@shannonmedical.ie>", "Thank you",
     "Hi Robin,\n\nA quick note to say thanks - we've got your CV and cover letter for the Quality "
     "Data Specialist post. We'll be shortlisting at the end of the month.\n\nShannon Medical HR",
     "plain"),
    ("acknowledgement", "en", "Priya Nair <priya@lumenstack.io>", "Re: Backend role",
     "Thanks Robin - got it. I'm passing your details to our engineering lead today and will let "
     "you know what she thinks.\n\nPriya\n\nOn Tue, 11 Mar 2025 at 14:20, Robin Meyer "
     "<robin.meyer@example.com> wrote:\n> Hi Priya, here is my CV for the backend role. Could we "
     "schedule an interview next week?", "plain"),
    ("acknowledgement", "en", "Orchard Bank <no-reply@orchardbank.avature.net>",
     "Application confirmation",
     "Hello Robin,\n\nThis email confirms your application for Credit Risk Modeller (req "
     "58812). There's nothing more you need to do right now. We'll be in touch to let you know "
     "whether you've been successful at this stage.\n\nOrchard Bank Careers", "alt"),
    ("acknowledgement", "en", "Brisa Renewables <jobs@brisa-renewables.com>",
     "Receipt of your application",
     "Dear Robin Meyer,\n\nWe acknowledge receipt of your application for Grid Analytics "
     "Engineer. The selection committee will meet after the deadline and we will inform all "
     "applicants of the outcome.\n\nBrisa Renewables - People & Culture", "plain"),
    ("acknowledgement", "en", "Nimbus Games <noreply@nimbusgames.breezy.hr>",
     "Thanks for applying to Nimbus!",
     "Hey Robin! Your application for Gameplay Data Analyst is in. We'll have a look and get "
     "back to you as soon as we can - usually within two weeks.\n\nTeam Nimbus", "html"),
    ("acknowledgement", "en", "Conor Walsh <conor.walsh@harbourlight.ie>", "RE: Application",
     "Robin,\n\nThanks for that. Swamped this week but it's on my list - I'll be back to you by "
     "Friday.\n\nConor", "plain"),
    ("acknowledgement", "en", "Stellar Insurance <donotreply@stellarins.successfactors.eu>",
     "We received your application",
     "Dear Robin,\n\nThank you for your interest in Stellar Insurance. Your application for the "
     "position of Pricing Analyst has been received. We will review your qualifications and "
     "contact you if your profile matches our requirements.\n\nStellar Insurance HR", "plain"),
    ("acknowledgement", "en", "Wellfound <no-reply@wellfound.com>", "You applied to Gridwise",
     "Your application to Gridwise for Data Engineer has been sent. We'll notify you when the "
     "company responds.", "html"),
    ("rejection", "en", "Civil Service Jobs <noreply@csjobs.cabinetoffice.gov.uk>",
     "Sift outcome - Senior Data Analyst (Ref 392118)",
     "Dear Applicant,\n\nThank you for your application. Unfortunately, on this occasion, you "
     "have not met the required standard at the sift stage and will not be progressing further "
     "in this campaign.\n\nCivil Service Jobs", "plain"),
    ("rejection", "en", "Veldhoven Semiconductors <no-reply@veldhoven.eightfold.ai>",
     "Update on your application",
     "Dear Robin,\n\nThank you for your interest in Veldhoven Semiconductors. We have reviewed "
     "your application carefully and we regret to say that we will not continue with your "
     "candidacy for the Process Data Engineer vacancy.\n\nKind regards,\nVeldhoven Talent "
     "Acquisition", "html"),
    ("rejection", "en", "Shannon Medical <careers@shannonmedical.ie>", "Quality Data Specialist",
     "Hi Robin,\n\nThanks for applying. We had a strong response and have now completed "
     "shortlisting; I'm afraid you haven't been shortlisted this time.\n\nShannon Medical HR",
     "plain"),
    ("rejection", "en", "Priya Nair <priya@lumenstack.io>", "Re: Backend role",
     "Hi Robin,\n\nThanks for your time on Wednesday. The team decided to hold off on this hire "
     "until next quarter, so we won't be taking things further for now. Sorry to bring "
     "disappointing news.\n\nPriya", "plain"),
    ("rejection", "en", "Orchard Bank <no-reply@orchardbank.avature.net>",
     "Your application for Credit Risk Modeller",
     "Hello Robin,\n\nThank you for the time you have invested in applying. On this occasion we "
     "have chosen to proceed with applicants whose experience is a closer fit to the role.\n\n"
     "Orchard Bank Careers", "alt"),
    ("rejection", "en", "Brisa Renewables <jobs@brisa-renewables.com>",
     "Grid Analytics Engineer - outcome",
     "Dear Robin Meyer,\n\nThe selection committee has concluded its review. We are sorry to "
     "inform you that your application was not successful.\n\nBrisa Renewables - People & "
     "Culture", "plain"),
    ("rejection", "en", "Nimbus Games <noreply@nimbusgames.breezy.hr>", "About your application",
     "Hey Robin, thanks a lot for applying to Nimbus. We've gone through every application and "
     "decided to move on with other folks for this one. Don't be a stranger!\n\nTeam Nimbus",
     "html"),
    ("rejection", "en", "Conor Walsh <conor.walsh@harbourlight.ie>", "RE: Application",
     "Robin,\n\nI've had a chat with the directors. Honestly, we need someone more senior for "
     "this, so it's not going to work out. Best of luck with it all.\n\nConor", "plain"),
    ("rejection", "en", "Stellar Insurance <donotreply@stellarins.successfactors.eu>",
     "Pricing Analyst",
     "Dear Robin,\n\nFollowing a review of all applications, we have decided that other "
     "candidates better meet the needs of the position. We appreciate your interest in Stellar "
     "Insurance.\n\nStellar Insurance HR", "plain"),
    ("interview", "en", "Priya Nair <priya@lumenstack.io>", "Re: Backend role",
     "Hi Robin,\n\nOur engineering lead would love to chat. Would 45 minutes on Monday morning "
     "work? I can send a Meet link.\n\nPriya", "plain"),
    ("interview", "en", "Orchard Bank <no-reply@orchardbank.avature.net>",
     "Invitation: assessment day",
     "Hello Robin,\n\nCongratulations, you've progressed to our assessment day, which includes a "
     "competency interview and a case discussion. Please book one of the available dates via "
     "the link below.\n\nOrchard Bank Careers", "html"),
    ("interview", "en", "Conor Walsh <conor.walsh@harbourlight.ie>", "Coffee?",
     "Robin - liked your CV. Fancy a coffee at our office on Thursday to talk about the role? "
     "Say 10.30?\n\nConor", "plain"),
    ("interview", "en", "Calendly <notifications@calendly.com>",
     "New Event: Robin Meyer - 30 Minute Interview on Wed, Mar 19",
     "Hi Robin,\n\nA new event has been scheduled.\n\nEvent Type: 30 Minute Interview\nInvitee: "
     "Robin Meyer\nEvent Date/Time: 10:00am - Wednesday, March 19, 2025 (GMT)\nLocation: Zoom",
     "ics"),
    ("action", "en", "Stellar Insurance <donotreply@stellarins.successfactors.eu>",
     "Next step: online assessment",
     "Dear Robin,\n\nWe would like to invite you to complete our online numerical reasoning "
     "assessment. Please complete it within 72 hours.\n\nStellar Insurance HR", "plain"),
    ("action", "en", "Orchard Bank <no-reply@orchardbank.avature.net>", "Pre-employment checks",
     "Hello Robin,\n\nTo proceed, we need you to submit proof of right to work and two "
     "referee contacts through the portal.\n\nOrchard Bank Careers", "html"),
    ("offer", "en", "Conor Walsh <conor.walsh@harbourlight.ie>", "Good news",
     "Robin,\n\nThe directors loved you. We'd like you to join Harbourlight as Senior Analyst - "
     "contract coming tomorrow. Call me when you're free.\n\nConor", "plain"),
    ("account", "en", "Civil Service Jobs <noreply@csjobs.cabinetoffice.gov.uk>",
     "Your account: verify your email",
     "Please use the link below to verify the email address for your Civil Service Jobs "
     "account.", "plain"),
    ("job_alert", "en", "Civil Service Jobs <noreply@csjobs.cabinetoffice.gov.uk>",
     "Job alert: Data", "There are 11 new jobs matching your saved search 'Data'. View jobs.",
     "plain"),
    ("other", "en", "Priya Nair <priya@lumenstack.io>", "One question",
     "Hi Robin, are you currently on a notice period, and if so how long?\n\nPriya", "plain"),
]
