"""Round-2 held-out English messages, each written whole (see ../SOURCES.md)."""

M = [
    ("acknowledgement", "en", "Hollis & Brandt LLP <recruiting@hollisbrandt.com>",
     "Hollis & Brandt: Application for Associate, Corporate",
     "Dear Ms. Okafor,\n\nOn behalf of Hollis & Brandt, thank you for submitting your "
     "application for the Associate, Corporate position in our Chicago office. Our recruiting "
     "committee meets every other week to consider new applications. Please allow three to four "
     "weeks for a response.\n\nHollis & Brandt Legal Recruiting", "plain"),
    ("acknowledgement", "en", "Cobalt Payments <no-reply@us.greenhouse-mail.io>",
     "Thanks from Cobalt!",
     "Hi Ada,\n\nWe just wanted to say thanks for applying to Cobalt for our Staff Data Engineer "
     "opening. We're reading through applications now and will reach back out soon with an update "
     "either way.\n\nThe Cobalt Talent team", "html"),
    ("acknowledgement", "en", "NHS Jobs <noreply@jobs.nhs.uk>",
     "Application submitted: Band 6 Data Analyst",
     "Dear Ada Okafor,\n\nYour application for Band 6 Data Analyst (reference 281-DA-4410) has "
     "been submitted to Northshire NHS Foundation Trust. The closing date for this vacancy is 14 "
     "April 2025. The shortlisting outcome will be available in your NHS Jobs account.\n\nNHS "
     "Jobs", "plain"),
    ("acknowledgement", "en", "Fernhill Analytics <noreply@fernhill.bamboohr.com>",
     "Application received", "Thank you for applying for Data Scientist at Fernhill Analytics. "
     "This email is to confirm your application came through. We review every submission and will "
     "be in contact within 10 working days.", "plain"),
    ("acknowledgement", "en", "Marisol Vega <marisol@pellucid.design>", "Re: Design Lead",
     "Ada, thanks so much! Great portfolio at first glance. Let me dig into it properly tonight "
     "and I'll come back with thoughts on next steps by Thursday.\n\nM.\n\nOn Mon, Mar 10, 2025 at "
     "3:03 PM Ada Okafor <ada.okafor@example.com> wrote:\n> Hi Marisol - attaching my portfolio "
     "for the Design Lead role. Happy to jump on a call whenever works.", "plain"),
    ("acknowledgement", "en", "Atlas Freight Careers <talent@atlasfreight.icims.com>",
     "Atlas Freight - Thank you",
     "Ada,\n\nThank you for your interest in Atlas Freight. We have your application for Logistics "
     "Data Analyst and our team is looking at it. Only candidates selected for interviews will be "
     "contacted.\n\nAtlas Freight Talent Acquisition", "html"),
    ("acknowledgement", "en", "Wellspring Foundation <jobs@wellspringfoundation.org>",
     "Your application: Policy Officer",
     "Dear Ada,\n\nThank you for applying for the role of Policy Officer. We confirm receipt of "
     "your application. Interviews are scheduled for the week commencing 28 April; we will write "
     "to all applicants after shortlisting.\n\nBest wishes,\nHR Team", "plain"),
    ("acknowledgement", "en", "Glassdoor <noreply@glassdoor.com>",
     "You applied to Lattice Robotics",
     "Application submitted\n\nMachine Learning Engineer\nLattice Robotics - Boston, MA\n\nWhat's "
     "next? The employer will review your application. Track it in your Glassdoor account.",
     "html"),
    ("acknowledgement", "en", "Oren Blum <oren.blum@saltmarsh.vc>", "RE: Analyst position",
     "Hi Ada - appreciate the note and the CV. I'm out at a conference this week; I'll take a "
     "proper look when I'm back on Monday.\n\nOren\n\nFrom: Ada Okafor <ada.okafor@example.com>\n"
     "Sent: Tuesday, March 11, 2025 9:15 AM\nTo: Oren Blum\nSubject: Analyst position\n\nHi Oren, "
     "would you have time for an interview next week?", "plain"),
    ("acknowledgement", "en", "Tidewater Energy <tidewaterenergy@myworkday.com>",
     "Thank you for applying!",
     "Hello Ada,\n\nThank you for applying to Tidewater Energy. We've received your submission for "
     "Reservoir Data Scientist (JR-10442) and our recruiters are currently reviewing it.\n\nIn the "
     "meantime, explore life at Tidewater on our careers site.", "alt"),
    ("acknowledgement", "en", "Juniper Health <noreply@juniperhealth.workable.com>",
     "Your application to Juniper Health",
     "Hi Ada,\n\nThanks for your application for Clinical Informatics Lead. We have it and we'll be "
     "reviewing it over the coming days. Keep an eye on your inbox.\n\nJuniper Health", "html"),
    ("rejection", "en", "Hollis & Brandt LLP <recruiting@hollisbrandt.com>",
     "Hollis & Brandt: your application",
     "Dear Ms. Okafor,\n\nThank you for your interest in Hollis & Brandt. The recruiting committee "
     "has carefully considered your application; regrettably, we are not in a position to extend "
     "an invitation to interview at this time.\n\nWe wish you well in your legal career.\n\nHollis "
     "& Brandt Legal Recruiting", "plain"),
    ("rejection", "en", "Cobalt Payments <no-reply@us.greenhouse-mail.io>",
     "Your Cobalt application",
     "Hi Ada,\n\nThanks for your patience. After reviewing your application for Staff Data "
     "Engineer, we've decided to pursue other applicants for this role. We know this isn't the "
     "news you hoped for and truly appreciate you considering Cobalt.\n\nThe Cobalt Talent team",
     "html"),
    ("rejection", "en", "NHS Jobs <noreply@jobs.nhs.uk>", "Shortlisting outcome: Band 6 Data Analyst",
     "Dear Ada Okafor,\n\nThank you for applying for Band 6 Data Analyst. We regret to inform you "
     "that on this occasion your application has not been shortlisted.\n\nNHS Jobs", "plain"),
    ("rejection", "en", "Fernhill Analytics <noreply@fernhill.bamboohr.com>", "Data Scientist",
     "Hi Ada,\n\nWe appreciate the time you took to apply for the Data Scientist opening. We've "
     "now completed our review and won't be inviting you to interview. We hope you'll keep an eye "
     "on our careers page.\n\nFernhill Analytics", "plain"),
    ("rejection", "en", "Marisol Vega <marisol@pellucid.design>", "Re: Design Lead",
     "Ada,\n\nI owe you an update. We met a few great people for the Design Lead role and ended up "
     "making an offer to a designer who has led a team of our size before. It was close. I'd "
     "love to keep you in mind for the senior IC role we're opening in the summer.\n\nMarisol",
     "plain"),
    ("rejection", "en", "Atlas Freight Careers <talent@atlasfreight.icims.com>",
     "Atlas Freight - Logistics Data Analyst",
     "Ada,\n\nThank you for applying. The Logistics Data Analyst position has been filled by "
     "another candidate. Your profile will remain in our database.\n\nAtlas Freight Talent "
     "Acquisition", "html"),
    ("rejection", "en", "Wellspring Foundation <jobs@wellspringfoundation.org>",
     "Policy Officer - update",
     "Dear Ada,\n\nThank you for your interest in the Policy Officer role. We received over 200 "
     "applications and, I'm sorry to say, you have not been shortlisted for interview on this "
     "occasion.\n\nBest wishes,\nHR Team", "plain"),
    ("rejection", "en", "Tidewater Energy <tidewaterenergy@myworkday.com>",
     "Update regarding your application",
     "Hello Ada,\n\nThank you for your interest in the Reservoir Data Scientist (JR-10442) role. "
     "After careful consideration we have moved your application to 'not selected'. We encourage "
     "you to apply to other roles that match your experience.", "alt"),
    ("rejection", "en", "Juniper Health <noreply@juniperhealth.workable.com>",
     "Clinical Informatics Lead at Juniper Health",
     "Hi Ada,\n\nThanks again for applying. We wanted to let you know that we have decided to "
     "close the Clinical Informatics Lead vacancy without hiring. Thank you for your time.\n\n"
     "Juniper Health", "html"),
    ("rejection", "en", "Oren Blum <oren.blum@saltmarsh.vc>", "Re: Analyst position",
     "Hi Ada,\n\nGood to meet you last week. We've gone another way for this analyst seat - we need "
     "someone with more early-stage deal experience. Happy to be a reference point if useful "
     "later.\n\nOren", "plain"),
    ("interview", "en", "Cobalt Payments <no-reply@us.greenhouse-mail.io>",
     "Cobalt: let's find a time to chat",
     "Hi Ada,\n\nWe enjoyed reviewing your application and would like to have you speak with our "
     "hiring manager for 30 minutes. Please use the link below to select a time that suits you.\n\n"
     "The Cobalt Talent team", "html"),
    ("interview", "en", "Marisol Vega <marisol@pellucid.design>", "Re: Design Lead",
     "Ada - loved the portfolio. Can you do a 45-minute portfolio review with me and our CEO next "
     "Wednesday afternoon? 2pm or 4pm, your pick.\n\nM.", "plain"),
    ("interview", "en", "Wellspring Foundation <jobs@wellspringfoundation.org>",
     "Interview: Policy Officer",
     "Dear Ada,\n\nI am pleased to let you know that you have been shortlisted for the Policy "
     "Officer role. We would like to see you for a panel interview on Tuesday 29 April at 11:00 "
     "at our Bristol office.\n\nBest wishes,\nHR Team", "ics"),
    ("interview", "en", "Tidewater Energy <tidewaterenergy@myworkday.com>",
     "Interview confirmation - Reservoir Data Scientist",
     "Hello Ada,\n\nThis email confirms your virtual interview on 3 April 2025, 15:00 CET, with "
     "two members of the subsurface team. A Teams link is included in the attached invitation.",
     "ics"),
    ("action", "en", "HackerRank <support@hackerrank.com>",
     "Atlas Freight has invited you to take a test",
     "Hi Ada,\n\nAtlas Freight has invited you to attempt the Data Analyst Test. Duration: 75 "
     "minutes. Please take the test before 23 March 2025.\n\nTake the test", "html"),
    ("action", "en", "Juniper Health <noreply@juniperhealth.workable.com>",
     "A quick questionnaire",
     "Hi Ada,\n\nTo help us move quickly, please fill in this short questionnaire about your "
     "availability and salary expectations. It takes about 5 minutes.\n\nJuniper Health", "html"),
    ("offer", "en", "Oren Blum <oren.blum@saltmarsh.vc>", "Saltmarsh - offer",
     "Ada,\n\nFollowing our conversations, we're excited to offer you the Analyst position at "
     "Saltmarsh. Terms attached. Let's speak Friday to go through them.\n\nOren", "plain"),
    ("account", "en", "Tidewater Energy <tidewaterenergy@myworkday.com>",
     "Verify your candidate account",
     "Please click the link below to verify your email address and activate your candidate "
     "account. The link is valid for 24 hours.", "plain"),
    ("account", "en", "Cobalt Payments <no-reply@us.greenhouse-mail.io>",
     "Your Greenhouse security code",
     "Enter this code to continue: 839 114. It will expire in 10 minutes.", "plain"),
    ("job_alert", "en", "LinkedIn <jobs-listings@linkedin.com>",
     "\"data engineer\": Cobalt Payments - Senior Data Engineer and more",
     "Your job alert for data engineer in United Kingdom\n\nSenior Data Engineer - Cobalt "
     "Payments - London\nData Engineer II - Fernhill Analytics - Remote\n\nSee all jobs on "
     "LinkedIn", "html"),
    ("other", "en", "Marisol Vega <marisol@pellucid.design>", "Re: Design Lead",
     "Ada, one more question - would you be OK with a 3-month contract-to-hire, or do you need a "
     "permanent role from day one?\n\nM.", "plain"),
    ("other", "en", "Devon Price <devon@northbeam-talent.com>", "Opportunity at a fintech",
     "Hi Ada,\n\nI'm working with a Series B fintech on a Lead Data Engineer hire and your profile "
     "stood out. Could I send you the details?\n\nDevon", "plain"),
]
