"""Round-5 held-out English messages, each written whole (see ../SOURCES.md)."""

M = [
    ("acknowledgement", "en", "Wattle Analytics <noreply@wattle.jobadder.com>",
     "Wattle Analytics - application received",
     "G'day Sam,\n\nThanks for putting your hand up for the Analytics Engineer role in "
     "Melbourne. Your application has landed safely with our talent team. We review every "
     "application personally, so please allow up to ten business days.\n\nCheers,\nWattle "
     "Analytics Talent", "html"),
    ("acknowledgement", "en", "Halden Robotics <no-reply@ats.rippling.com>",
     "Application confirmation: Controls Engineer",
     "Hi Sam,\n\nThis is an automatic confirmation that Halden Robotics has your application "
     "for Controls Engineer. No reply is needed. If your experience is a match, a member of "
     "the hiring team will contact you directly.\n\nHalden Robotics", "plain"),
    ("acknowledgement", "en", "NHS Lothian <no-reply@apply.jobs.scot.nhs.uk>",
     "Application Acknowledgement - Ref LTH-44120",
     "Dear Sam Okafor,\n\nYour application for Band 6 Information Analyst (LTH-44120) was "
     "successfully submitted on 2 September 2025. Shortlisting will take place after the "
     "closing date. Please check your account regularly for updates.\n\nRecruitment Services",
     "plain"),
    ("acknowledgement", "en", "Bluegum Energy <careers@bluegum.homerun.co>",
     "We've got it, Sam!",
     "Nice one, Sam! Your application for Energy Data Scientist is with us now. Our team "
     "reads every application, and you'll hear from us either way.\n\nThe Bluegum crew",
     "html"),
    ("acknowledgement", "en", "Meera Iyer <meera.iyer@tarangsoft.in>", "Re: Application - QA Lead",
     "Dear Sam,\n\nThank you for sharing your profile. I have forwarded the same to our "
     "delivery head and shall revert once I hear from him.\n\nRegards,\nMeera Iyer\nHR, "
     "Tarang Software", "plain"),
    ("acknowledgement", "en", "Cobalt Freight <noreply@cobaltfreight.applytojob.com>",
     "Thank you for your interest",
     "Sam,\n\nThank you for applying for the Logistics Analyst position at Cobalt Freight. We "
     "are currently reviewing applications and will reach out to candidates whose experience "
     "best matches the role.\n\nHuman Resources\nCobalt Freight", "alt"),
    ("rejection", "en", "Wattle Analytics <noreply@wattle.jobadder.com>",
     "Your application with Wattle Analytics",
     "Hi Sam,\n\nThanks again for your interest in the Analytics Engineer role. We had a huge "
     "response and, after careful consideration, we won't be moving your application forward "
     "on this occasion. We'd love you to keep an eye on our careers page.\n\nCheers,\nWattle "
     "Analytics Talent", "html"),
    ("rejection", "en", "Halden Robotics <no-reply@ats.rippling.com>", "Controls Engineer update",
     "Hi Sam,\n\nWe appreciate the time you spent interviewing with us. The team has decided to "
     "extend an offer to a candidate whose experience more closely aligns with the role's "
     "needs. We're grateful for your interest in Halden.\n\nHalden Robotics", "plain"),
    ("rejection", "en", "NHS Lothian <no-reply@apply.jobs.scot.nhs.uk>",
     "Outcome of your application - Ref LTH-44120",
     "Dear Sam Okafor,\n\nThank you for applying for Band 6 Information Analyst. Following "
     "shortlisting, I am sorry to let you know that you have not been shortlisted for "
     "interview on this occasion.\n\nRecruitment Services", "plain"),
    ("rejection", "en", "Meera Iyer <meera.iyer@tarangsoft.in>", "Re: Application - QA Lead",
     "Dear Sam,\n\nOur delivery head has gone through your profile. At present the position "
     "has been closed internally, hence we will not be able to take your candidature ahead. "
     "We will keep your CV in our database for future openings.\n\nRegards,\nMeera", "plain"),
    ("rejection", "en", "Tom Becker <tom@ferncastle.co.uk>", "Re: Product Analyst",
     "Hi Sam,\n\nReally enjoyed chatting last week. I'll be straight with you - we've decided "
     "to go a different direction with this hire, someone with more B2B payments background. "
     "Genuinely sorry it's not better news.\n\nTom", "plain"),
    ("interview", "en", "Bluegum Energy <careers@bluegum.homerun.co>",
     "Let's meet! Energy Data Scientist",
     "Hi Sam,\n\nGreat news - we'd like to get to know you better. Please pick a 45-minute "
     "slot for a video call with Priyanka, our Head of Data, using the link below.\n\nBook "
     "your slot: https://bluegum.homerun.co/book/8831\n\nThe Bluegum crew", "html"),
    ("interview", "en", "Cobalt Freight <noreply@cobaltfreight.applytojob.com>",
     "Interview confirmation - Logistics Analyst",
     "Sam,\n\nYour interview for Logistics Analyst is confirmed for Tuesday 16 September at "
     "10:30 at our Rotterdam office. Please bring a photo ID to reception.\n\nHuman Resources",
     "ics"),
    ("interview", "en", "Tom Becker <tom@ferncastle.co.uk>", "Product Analyst - chat?",
     "Hi Sam,\n\nThanks for applying. Your background in pricing caught my eye and I'd like to "
     "set up a 30 min call with you and our CPO this week. Tuesday 2pm or Thursday 11am "
     "both work on our side.\n\nTom", "plain"),
    ("action", "en", "Halden Robotics <no-reply@ats.rippling.com>",
     "Next step: take-home exercise",
     "Hi Sam,\n\nThanks for your time on the phone screen. The next stage is a short "
     "take-home exercise. You'll find the brief attached; please return your solution within "
     "seven days.\n\nHalden Robotics", "plain"),
    ("offer", "en", "Meera Iyer <meera.iyer@tarangsoft.in>", "Offer Letter - QA Lead",
     "Dear Sam,\n\nWith reference to your interviews, we are pleased to extend to you an "
     "offer for the post of QA Lead. Please find the offer letter attached and confirm your "
     "acceptance by 20 September.\n\nRegards,\nMeera Iyer", "plain"),
    ("account", "en", "NHS Lothian <no-reply@apply.jobs.scot.nhs.uk>",
     "Reset your password",
     "A password reset was requested for your recruitment account. Use this link to choose "
     "a new password; it expires in 60 minutes. If you did not ask for this, ignore this "
     "email.", "plain"),
    ("job_alert", "en", "Seek <jobmail@s.seek.com.au>", "8 new Data Engineer jobs in Melbourne",
     "Sam, here are the latest jobs that match your saved search.\n\nData Engineer - Wattle "
     "Analytics - Melbourne VIC\nSenior Data Engineer - Koala Pay - Richmond VIC\n\nView all "
     "jobs", "html"),
    ("other", "en", "Tom Becker <tom@ferncastle.co.uk>", "Re: Product Analyst",
     "Hi Sam,\n\nQuick one before I put you forward: what are your salary expectations, and "
     "would you be open to two days a week in our Leeds office?\n\nTom", "plain"),
]
