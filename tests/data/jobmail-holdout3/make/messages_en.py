"""Round-3 held-out English messages, each written whole (see ../SOURCES.md)."""

M = [
    ("acknowledgement", "en", "Maple Ridge Credit Union <careers@mapleridgecu.ca>",
     "Maple Ridge CU - Application Confirmation",
     "Dear Candidate,\n\nThis is to confirm that Maple Ridge Credit Union has received your "
     "application for the posting: Business Intelligence Developer (Posting #2025-118).\n\n- We "
     "review applications after the posting closes.\n- Shortlisted candidates are usually "
     "contacted within three weeks.\n\nWe thank all applicants for their interest.", "plain"),
    ("acknowledgement", "en", "Kookaburra Logistics <no-reply@kookaburra.pinpointhq.com>",
     "Cheers for applying, Sam!",
     "G'day Sam,\n\nCheers for applying for the Senior Data Engineer role at Kookaburra. Your "
     "application is safely with us and our hiring team will give it a proper read this week.\n\n"
     "Kookaburra People", "html"),
    ("acknowledgement", "en", "Infosphere Technologies <noreply@infosphere.taleo.net>",
     "Acknowledgement: Job Requisition 77120",
     "Dear Sam Patel,\n\nWe acknowledge the receipt of your profile against Job Requisition 77120 "
     "(Lead Data Architect). Our talent acquisition team will evaluate the same and revert in "
     "case of a suitable match.\n\nRegards,\nInfosphere Talent Acquisition", "plain"),
    ("acknowledgement", "en", "Wren & Field <hello@wrenandfield.co>", "Got your application",
     "Hi Sam - just a quick one to say your application came through fine. We're a small team so "
     "it may take a week or so before we reply properly. Thanks for your patience!\n\nWren & "
     "Field", "plain"),
    ("acknowledgement", "en", "Laila Haddad <laila.haddad@brightwater.energy>", "Re: Data role",
     "Hi Sam,\n\nThanks for following up - it's with the hiring manager now and I'm chasing for "
     "feedback. Should have something for you early next week.\n\nLaila\n\nOn Fri, 14 Mar 2025 at "
     "11:02, Sam Patel <sam.patel@example.com> wrote:\n> Hi Laila, any update on my application? "
     "Happy to do an interview any day.", "plain"),
    ("acknowledgement", "en", "Ironbark Mining <noreply@ironbark.myworkdayjobs.com>",
     "We've received your application",
     "Hi Sam,\n\nThanks for your interest in Ironbark. Your application for Geospatial Data "
     "Analyst is now with our recruitment team for review. You can check its status at any time "
     "in your candidate home.\n\nIronbark Talent", "alt"),
    ("acknowledgement", "en", "Pacific Crest Bank <noreply@pacificcrest.jobvite.com>",
     "Thanks for applying to Pacific Crest Bank",
     "Sam,\n\nThank you for applying to the Model Risk Analyst position. A member of our talent "
     "team will review your experience. If there is interest in moving forward, we will reach "
     "out by email.\n\nPacific Crest Bank Recruiting", "html"),
    ("acknowledgement", "en", "Hugo Lindqvist <hugo@northwindlabs.se>", "Re: Application - ML Engineer",
     "Hi Sam, noted with thanks! Our CTO is on holiday until the 24th; I'll make sure he reviews "
     "your application when he's back.\n\nHugo", "plain"),
    ("acknowledgement", "en", "Summit Health Partners <talent@summithealth.recruitee.com>",
     "Application for Data Quality Lead",
     "Hello Sam,\n\nWe're confirming that your application for Data Quality Lead was received "
     "successfully. Our team is currently screening applicants, and we will update you on the "
     "status of your application as soon as possible.\n\nSummit Health Partners", "html"),
    ("acknowledgement", "en", "Indeed <indeedapply@indeed.com>",
     "Application submitted: Analytics Engineer",
     "Your application has been submitted\n\nAnalytics Engineer\nBluefin Media - Sydney NSW\n\n"
     "Good luck with your application! Track it in My Jobs.", "html"),
    ("acknowledgement", "en", "Cedar & Pine Consulting <jobs@cedarpine.com>",
     "Your application - Senior Consultant",
     "Dear Sam,\n\nThank you for your application for Senior Consultant. Please note that the "
     "first round of interviews will be held during the week of 21 April. We will be in contact "
     "with all candidates regardless of outcome once the initial review is complete.\n\nKind "
     "regards,\nCedar & Pine Recruitment", "plain"),
    ("rejection", "en", "Maple Ridge Credit Union <careers@mapleridgecu.ca>",
     "Maple Ridge CU - Posting #2025-118",
     "Dear Candidate,\n\nThank you for your interest in the Business Intelligence Developer "
     "position. We have completed our review and have selected applicants whose qualifications "
     "most closely match the posting. We will not be contacting you further regarding this "
     "competition.\n\nWe thank all applicants for their interest.", "plain"),
    ("rejection", "en", "Kookaburra Logistics <no-reply@kookaburra.pinpointhq.com>",
     "Your application with Kookaburra",
     "Hi Sam,\n\nThanks heaps for your interest in Kookaburra. We've had a really strong field "
     "and after a lot of discussion, we won't be progressing with your application for Senior "
     "Data Engineer. All the best with the hunt!\n\nKookaburra People", "html"),
    ("rejection", "en", "Infosphere Technologies <noreply@infosphere.taleo.net>",
     "Job Requisition 77120 - Status",
     "Dear Sam Patel,\n\nThank you for your interest in Infosphere Technologies. We regret to "
     "inform you that your profile has not been shortlisted for the position of Lead Data "
     "Architect.\n\nRegards,\nInfosphere Talent Acquisition", "plain"),
    ("rejection", "en", "Wren & Field <hello@wrenandfield.co>", "Re: your application",
     "Hi Sam,\n\nThanks so much for your patience. We've now hired for the role - it was a tough "
     "call and we really appreciated your application.\n\nWren & Field", "plain"),
    ("rejection", "en", "Laila Haddad <laila.haddad@brightwater.energy>", "Re: Data role",
     "Hi Sam,\n\nI've heard back from the hiring manager. They've chosen to move ahead with a "
     "candidate who has more SCADA experience, so I'm afraid it's a no this time. I'll keep you "
     "in mind for future roles.\n\nLaila", "plain"),
    ("rejection", "en", "Ironbark Mining <noreply@ironbark.myworkdayjobs.com>",
     "An update on your application",
     "Hi Sam,\n\nThank you for applying for Geospatial Data Analyst. We have decided to progress "
     "other candidates at this stage. We'd encourage you to keep an eye on our careers site.\n\n"
     "Ironbark Talent", "alt"),
    ("rejection", "en", "Pacific Crest Bank <noreply@pacificcrest.jobvite.com>",
     "Model Risk Analyst - Pacific Crest Bank",
     "Sam,\n\nThank you for your interest in Pacific Crest Bank. This role has been cancelled "
     "due to a change in business needs. We apologize for any inconvenience.\n\nPacific Crest "
     "Bank Recruiting", "html"),
    ("rejection", "en", "Summit Health Partners <talent@summithealth.recruitee.com>",
     "Data Quality Lead - update",
     "Hello Sam,\n\nThank you for your time throughout our process. We truly enjoyed getting to "
     "know you; however, we have made the decision to extend an offer to another finalist.\n\n"
     "Summit Health Partners", "html"),
    ("rejection", "en", "Cedar & Pine Consulting <jobs@cedarpine.com>", "Senior Consultant",
     "Dear Sam,\n\nFollowing the initial review, I am sorry to let you know that we won't be "
     "inviting you to the first round of interviews.\n\nKind regards,\nCedar & Pine Recruitment",
     "plain"),
    ("interview", "en", "Hugo Lindqvist <hugo@northwindlabs.se>", "Next step",
     "Hi Sam,\n\nOur CTO liked your profile. Are you free for a video call on Tuesday the 25th, "
     "anytime between 10 and 14 CET?\n\nHugo", "plain"),
    ("interview", "en", "Ironbark Mining <noreply@ironbark.myworkdayjobs.com>",
     "Interview invitation - Geospatial Data Analyst",
     "Hi Sam,\n\nCongratulations - you've been selected for an interview for Geospatial Data "
     "Analyst. Please click the link below to choose from the available interview times.\n\n"
     "Ironbark Talent", "html"),
    ("interview", "en", "GoodTime <scheduling@goodtime.io>",
     "Confirmed: Onsite interview with Pacific Crest Bank",
     "Hi Sam, your onsite interview with Pacific Crest Bank is confirmed.\n\nThursday, April 3 · "
     "9:30 AM - 12:30 PM PDT\n555 Harbour St, Vancouver\n\nAdd to calendar", "ics"),
    ("interview", "en", "Laila Haddad <laila.haddad@brightwater.energy>", "Quick call?",
     "Hi Sam,\n\nThe hiring manager would like a 20-minute intro call. Does Thursday at 3pm "
     "work?\n\nLaila", "plain"),
    ("action", "en", "Summit Health Partners <talent@summithealth.recruitee.com>",
     "Take-home exercise", "Hello Sam,\n\nThanks for the great conversation. The next stage is a "
     "short take-home exercise (about 3 hours). Instructions are attached; please return it "
     "within one week.\n\nSummit Health Partners", "html"),
    ("action", "en", "Criteria <noreply@criteriacorp.com>",
     "Kookaburra Logistics: complete your assessment",
     "Hi Sam,\n\nKookaburra Logistics has requested that you complete the CCAT as part of your "
     "application. It takes about 15 minutes. Start your assessment using the button below.",
     "html"),
    ("offer", "en", "Hugo Lindqvist <hugo@northwindlabs.se>", "Offer - ML Engineer",
     "Hi Sam,\n\nGreat news - we want you on the team! I'll send the formal offer this "
     "afternoon, including the relocation package we discussed.\n\nHugo", "plain"),
    ("account", "en", "Ironbark Mining <noreply@ironbark.myworkdayjobs.com>",
     "Confirm your email address",
     "Thanks for creating a candidate account with Ironbark Mining. Please confirm your email "
     "address to finish setting up your account.", "plain"),
    ("account", "en", "Pinpoint <no-reply@pinpointhq.com>", "Your login code",
     "Use the code 552 019 to log in to your Pinpoint candidate portal. This code expires in 15 "
     "minutes.", "plain"),
    ("job_alert", "en", "Glassdoor Jobs <noreply@glassdoor.com>",
     "Analytics Engineer jobs near Sydney",
     "Jobs for you\n\nAnalytics Engineer - Bluefin Media - 4.1 stars\nSenior Analytics Engineer - "
     "Kookaburra Logistics\n\nView more jobs", "html"),
    ("other", "en", "Laila Haddad <laila.haddad@brightwater.energy>", "Salary",
     "Hi Sam, before I put you forward - what salary range are you targeting? The band for this "
     "role is fairly fixed.\n\nLaila", "plain"),
    ("other", "en", "Wren & Field <hello@wrenandfield.co>", "Which office?",
     "Hi Sam - your cover letter mentions both our Leeds and Bristol studios. Which one were you "
     "thinking of?\n\nWren & Field", "plain"),
]
