"""Held-out English messages, each written whole (see ../SOURCES.md).

(kind, language, From, Subject, body, form): form is "plain", "html", "alt" or "ics".
"""

M = [
    ("acknowledgement", "en", "Brightline Careers <careers-noreply@brightline.travel>",
     "We got it! Your Brightline application",
     "Hey Jordan,\n\nHigh five for applying to Brightline! Your application for Mobile Engineer "
     "(iOS) landed safely in our inbox.\n\nWhat now? A real human on our talent team reads every "
     "single application. It usually takes us 2-3 weeks to work through them. We'll be in touch "
     "about interviews later in the process.\n\nTalk soon,\nBrightline Talent", "html"),
    ("acknowledgement", "en", "Meridian Health Systems <noreply@meridianhealth.wd5.myworkday.com>",
     "Meridian Health Systems - Application Acknowledgement",
     "Dear Jordan Reyes,\n\nThank you for your interest in employment opportunities with Meridian "
     "Health Systems. This message acknowledges receipt of your application for Requisition "
     "R-20931, Clinical Data Analyst.\n\nOur Talent Acquisition team will evaluate your "
     "qualifications against the requirements of the position. Candidates selected for further "
     "consideration will be contacted directly.\n\nMeridian Health Systems is an Equal "
     "Opportunity Employer.", "plain"),
    ("acknowledgement", "en", "Quillstone <no-reply@ashbyhq.com>",
     "Thanks for applying to Quillstone",
     "Hi Jordan,\n\nThanks for your interest in the Staff Backend Engineer role at Quillstone. "
     "We're excited to learn more about you!\n\nOur team reviews every application and we aim to "
     "respond within 10 business days.\n\nBest,\nQuillstone Recruiting", "alt"),
    ("acknowledgement", "en", "Harbor & Vine <notifications@app.bamboohr.com>",
     "Application Received - Harbor & Vine",
     "Jordan,\n\nThis is a quick note to let you know your application for Operations Lead has "
     "been received by Harbor & Vine. Hiring managers will look over submissions in the next few "
     "weeks.\n\nPlease do not reply to this automated message.", "plain"),
    ("acknowledgement", "en", "Tom Whitaker <tom@corvid-labs.io>", "Re: ML Engineer role",
     "Hi Jordan,\n\nCheers for this - really appreciate you reaching out directly. I'm heads down "
     "on a release until Friday, so I'll read through your CV properly then and come back to you "
     "next week.\n\nTom\n\nOn Wed, 5 Mar 2025 at 08:41, Jordan Reyes <jordan.reyes@example.com> "
     "wrote:\n> Hi Tom, I'd love to be considered for the ML Engineer role. Could we set up a call "
     "to discuss? I've attached my CV.\n> Jordan", "plain"),
    ("acknowledgement", "en", "Pinecrest Financial <donotreply@pinecrest.icims.com>",
     "Your application has been submitted",
     "Jordan,\n\nSuccess! You have submitted your application for the position Risk Analyst II "
     "(Req 44812). You can view the status of your submission at any time from your candidate "
     "dashboard.\n\nIf your background aligns with our needs, a recruiter will reach out to set "
     "up a phone screen.", "html"),
    ("acknowledgement", "en", "LinkedIn <jobs-noreply@linkedin.com>",
     "Jordan, your application was sent to Orbital Freight",
     "Your application was sent to Orbital Freight\n\nSenior Logistics Analyst\nOrbital Freight · "
     "Rotterdam (Hybrid)\nApplied on March 4\n\nView similar jobs\nMore jobs from Orbital "
     "Freight", "html"),
    ("acknowledgement", "en", "Kestrel Robotics Hiring <hiring@kestrelrobotics.com>",
     "Kestrel Robotics - we've received your application",
     "Hello Jordan,\n\nMany thanks for putting yourself forward for the Embedded Firmware Engineer "
     "vacancy. Your documents have reached us and are now with the hiring panel.\n\nShortlisting "
     "will happen after the closing date of 21 March; interviews are expected to take place in "
     "early April.\n\nKind regards,\nPeople Operations", "plain"),
    ("acknowledgement", "en", "Anika Sharma <anika.sharma@tessellate.ai>", "RE: Application",
     "Hi Jordan - thank you, received with thanks. Passing this along to our VP of Engineering "
     "and I'll circle back once she's had a chance to look.\n\nAnika\n\nFrom: Jordan Reyes "
     "<jordan.reyes@example.com>\nSent: Monday, March 3, 2025 4:12 PM\nTo: Anika Sharma\nSubject: "
     "Application\n\nHi Anika, please find my application attached. I'd welcome an interview.",
     "plain"),
    ("acknowledgement", "en", "Greyhaven Studios <no-reply@hire.lever.co>",
     "Greyhaven Studios: thanks for your application",
     "Hi Jordan,\n\nThanks for applying for the Technical Artist position. We wanted to confirm "
     "that your application is in and will be reviewed by the team.\n\nWe get a lot of "
     "applications, so please bear with us while we go through them.\n\nGreyhaven Studios", "alt"),
    ("acknowledgement", "en", "Sable Systems <noreply@smartrecruiters.com>",
     "Thank you for your application to Sable Systems",
     "Dear Jordan,\n\nWe appreciate your interest in joining Sable Systems as a Security Engineer. "
     "We have received your application and our recruitment team is currently assessing all "
     "candidates. You will hear back from us regardless of the outcome.\n\nRegards,\nSable "
     "Systems Talent Team", "html"),
    ("rejection", "en", "Brightline Careers <careers-noreply@brightline.travel>",
     "An update on your Brightline application",
     "Hey Jordan,\n\nThanks for your patience while we reviewed applications for Mobile Engineer "
     "(iOS). This one was tough - we had over 900 applicants. We've decided not to take your "
     "application to the next stage this time.\n\nThis isn't a reflection of your talent, and "
     "we'd love to see you apply again.\n\nBrightline Talent", "html"),
    ("rejection", "en", "Meridian Health Systems <noreply@meridianhealth.wd5.myworkday.com>",
     "Meridian Health Systems - Application Status",
     "Dear Jordan Reyes,\n\nThank you for applying for Clinical Data Analyst (R-20931). After "
     "reviewing your qualifications, we have determined that other candidates more closely meet "
     "the needs of this position. Your application will no longer be considered for this "
     "requisition.\n\nWe encourage you to visit our careers site for future opportunities.",
     "plain"),
    ("rejection", "en", "Quillstone <no-reply@ashbyhq.com>", "Your application to Quillstone",
     "Hi Jordan,\n\nThank you for taking the time to apply to Quillstone and for your interest "
     "in the Staff Backend Engineer role. We've had a chance to review your background and, "
     "unfortunately, we won't be moving ahead with your candidacy at this time.\n\nWe wish you "
     "all the best in your search.\n\nQuillstone Recruiting", "alt"),
    ("rejection", "en", "Tom Whitaker <tom@corvid-labs.io>", "Re: ML Engineer role",
     "Hi Jordan,\n\nThanks again for the chat on Tuesday, I enjoyed it. I've talked it over with "
     "the founders and we've decided to go with someone who has more production MLOps experience "
     "for this first hire. Sorry it's not better news - I'd genuinely like to stay in touch.\n\n"
     "Tom\n\nOn Thu, 13 Mar 2025 at 17:20, Jordan Reyes <jordan.reyes@example.com> wrote:\n> "
     "Thanks Tom! Looking forward to hearing about next steps and the offer stage.", "plain"),
    ("rejection", "en", "Pinecrest Financial <donotreply@pinecrest.icims.com>",
     "Regarding Risk Analyst II (Req 44812)",
     "Jordan,\n\nThank you for your interest in Pinecrest Financial. We have now filled the Risk "
     "Analyst II role. We appreciate the time you invested in applying and wish you success in "
     "your career.\n\nPinecrest Financial Talent Acquisition", "html"),
    ("rejection", "en", "Harbor & Vine <notifications@app.bamboohr.com>",
     "Operations Lead at Harbor & Vine",
     "Hi Jordan,\n\nWe wanted to reach out and let you know that we've paused hiring for the "
     "Operations Lead position, and the role is no longer open. We're sorry for any "
     "inconvenience and thank you for your interest.", "plain"),
    ("rejection", "en", "Greyhaven Studios <no-reply@hire.lever.co>", "Greyhaven Studios update",
     "Hi Jordan,\n\nThank you for your interest in Greyhaven and for the time you spent on our "
     "art test. After careful review, the team has opted to proceed with other applicants whose "
     "portfolios are a closer match for this particular project.\n\nBest of luck,\nGreyhaven "
     "Studios", "alt"),
    ("rejection", "en", "Sable Systems <noreply@smartrecruiters.com>",
     "Your Sable Systems application",
     "Dear Jordan,\n\nThank you for your application for Security Engineer. We regret that we are "
     "unable to progress your application further on this occasion.\n\nKind regards,\nSable "
     "Systems Talent Team", "html"),
    ("rejection", "en", "Nadia Okoro <nadia.okoro@fernwood.org>",
     "Programme Manager - outcome",
     "Dear Jordan,\n\nThank you for attending the panel interview last week. I'm sorry to tell you "
     "that on this occasion you have not been successful. The panel felt that another candidate "
     "demonstrated stronger experience of grant management.\n\nI'm happy to give you feedback over "
     "the phone if that would be useful.\n\nWith best wishes,\nNadia Okoro\nHead of Programmes",
     "plain"),
    ("rejection", "en", "Kestrel Robotics Hiring <hiring@kestrelrobotics.com>",
     "Embedded Firmware Engineer - your application",
     "Hello Jordan,\n\nThank you for your patience. Shortlisting for the Embedded Firmware "
     "Engineer vacancy is now complete and I'm afraid we will not be taking your application "
     "forward. We received a very high number of strong applications.\n\nKind regards,\nPeople "
     "Operations", "plain"),
    ("interview", "en", "Anika Sharma <anika.sharma@tessellate.ai>", "Tessellate - intro call",
     "Hi Jordan,\n\nGood news - our VP of Engineering enjoyed your CV and would like to meet you. "
     "Could you grab a 45-minute slot on my calendar for next week? Here's the link: "
     "https://cal.com/anika-tessellate/45min\n\nThanks!\nAnika", "plain"),
    ("interview", "en", "Quillstone <no-reply@ashbyhq.com>",
     "Interview scheduled: Quillstone - Technical Interview",
     "Hi Jordan,\n\nYour technical interview with Quillstone is all set for Wednesday, March 19 at "
     "3:00 PM CET (60 min) on Google Meet. Interviewers: Dana Park, Luis Ortega.\n\nNeed to make a "
     "change? Use the link below to reschedule.", "ics"),
    ("interview", "en", "Google Calendar <calendar-notification@google.com>",
     "Invitation: Corvid Labs <> Jordan - culture chat @ Fri Mar 21, 2025 11am - 11:30am (CET)",
     "Tom Whitaker has invited you to this event.\n\nCorvid Labs <> Jordan - culture chat\nFriday "
     "Mar 21, 2025 11am - 11:30am (Central European Time)\nJoin with Google Meet\n\nReply for "
     "jordan.reyes@example.com: Yes No Maybe", "ics"),
    ("interview", "en", "Nadia Okoro <nadia.okoro@fernwood.org>",
     "Programme Manager - interview",
     "Dear Jordan,\n\nThank you for your application. I'm pleased to let you know that you have "
     "been shortlisted for interview. Interviews will be held in person on 2 April at our London "
     "office. Please reply to confirm which of these times you can attend: 10:00, 11:30 or "
     "14:00.\n\nBest wishes,\nNadia", "plain"),
    ("interview", "en", "Pinecrest Financial <donotreply@pinecrest.icims.com>",
     "Pinecrest Financial: phone screen request",
     "Jordan,\n\nA recruiter has requested a phone screen with you for Risk Analyst II. Please "
     "choose a time from the available slots using the scheduling link below.\n\nScheduling "
     "link: https://pinecrest.icims.com/schedule", "html"),
    ("action", "en", "Codility <no-reply@codility.com>",
     "Brightline invites you to a Codility test",
     "Hello Jordan,\n\nBrightline has invited you to take a programming test on Codility. You'll "
     "have 90 minutes to solve 3 tasks once you start. The invitation expires on March 24.\n\n"
     "Start the test: https://app.codility.com/c/run/XYZ", "html"),
    ("action", "en", "Sable Systems <noreply@smartrecruiters.com>",
     "Additional questions for your application",
     "Dear Jordan,\n\nThank you for your interest in Security Engineer. Before we can continue, "
     "we need a bit more information: please answer the screening questions in your candidate "
     "portal within 3 days.", "plain"),
    ("offer", "en", "Anika Sharma <anika.sharma@tessellate.ai>", "Your offer from Tessellate",
     "Hi Jordan,\n\nI'm so happy to write this one: the team would love for you to join "
     "Tessellate as a Senior Engineer! Your offer letter is attached, with salary, equity and a "
     "proposed start date of 1 May. Have a read and let me know when you'd like to talk it "
     "through.\n\nAnika", "plain"),
    ("account", "en", "Meridian Health Systems <noreply@meridianhealth.wd5.myworkday.com>",
     "Workday account created",
     "Your candidate account for Meridian Health Systems has been created. Your username is "
     "jordan.reyes@example.com. If you did not create this account, please contact us.", "plain"),
    ("account", "en", "Brightline Careers <careers-noreply@brightline.travel>",
     "Your sign-in link", "Hi Jordan,\n\nClick the magic link below to sign in to your Brightline "
     "candidate profile. The link expires in 15 minutes and can only be used once.\n\nSign in",
     "html"),
    ("job_alert", "en", "Indeed <alert@indeed.com>", "Data Analyst jobs in Amsterdam",
     "25+ new jobs in Amsterdam match your search\n\nData Analyst - Orbital Freight - Rotterdam\n"
     "Easily apply\n\nJunior Data Analyst - Canalside Media - Amsterdam\n\nSee all jobs", "html"),
    ("job_alert", "en", "Quillstone Careers <talent@quillstone.com>",
     "Quillstone is hiring across Europe",
     "Hi Jordan,\n\nYou're part of our talent network, so we wanted you to be the first to hear: "
     "we just opened 14 roles in Berlin, Lisbon and remote. Take a look and apply if something "
     "catches your eye.\n\nQuillstone Talent", "html"),
    ("other", "en", "Tom Whitaker <tom@corvid-labs.io>", "Re: ML Engineer role",
     "Hey Jordan,\n\nQuick one before I share your profile with the founders - what's your "
     "earliest start date, and are you open to being in the Leeds office two days a week?\n\nTom",
     "plain"),
    ("other", "en", "Priyanka Das <priyanka@talentbridge-search.com>",
     "Senior Data role - confidential",
     "Hi Jordan,\n\nI'm a recruiter at TalentBridge working on a confidential Head of Data search "
     "for a scale-up in Amsterdam. Your background looks like a strong fit. Would you be open to "
     "hearing more?\n\nBest,\nPriyanka", "plain"),
    ("other", "en", "Nadia Okoro <nadia.okoro@fernwood.org>", "Re: Programme Manager - outcome",
     "Dear Jordan,\n\nOf course. The main point from the panel was that your answers on budget "
     "oversight were shorter than they hoped; your stakeholder examples were excellent. I hope "
     "that's useful.\n\nNadia\n\n-----Original Message-----\nFrom: Jordan Reyes\nSent: 14 March "
     "2025 10:02\nTo: Nadia Okoro\nSubject: RE: Programme Manager - outcome\n\nThank you Nadia. "
     "Could you share any feedback? I was sorry not to be offered the position.", "plain"),
]
