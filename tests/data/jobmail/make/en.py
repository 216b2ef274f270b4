"""English job mail: the building blocks of the labelled set (see ../SOURCES.md)."""

GREET = ["Hi {first},", "Dear {first},", "Hello {first},", "Hi {first}!", "Dear {first} {last},",
         "Hey {first},"]
SIGN_ATS = ["Best regards,\nThe {company} Recruiting Team", "Thanks,\n{company} Talent Acquisition",
            "Kind regards,\n{company} Hiring Team", "All the best,\nThe {company} People Team",
            "Sincerely,\n{company} Careers"]
SIGN_PERSON = ["Best,\n{recruiter}\nTalent Partner, {company}", "Cheers,\n{recruiter}",
               "Thanks,\n{recruiter}\nSenior Recruiter | {company}",
               "Kind regards,\n{recruiter}\nHead of Engineering, {company}"]

SUBJECTS = {
    "acknowledgement": [
        "Thank you for applying to {company}", "Your application to {company}",
        "Application received: {role}", "We've received your application - {role}",
        "{company} | Application confirmation", "Thanks for your application!",
        "Your application for {role} at {company}", "Application submitted: {role}",
        "Thank you for your interest in {company}", "{role} - application received",
    ],
    "rejection": [
        "Your application to {company}", "Update on your application", "{company} - {role}",
        "Regarding your application for {role}", "Your application for {role} at {company}",
        "Thank you for your interest in {company}", "An update from {company}",
        "Following up on your {role} application", "{role} at {company}",
    ],
    "interview": [
        "Interview invitation: {role} at {company}", "Next steps with {company}",
        "{company} - let's talk!", "Invitation to interview - {role}",
        "Schedule your interview with {company}", "Interview confirmed: {role}",
        "{role} - next steps", "Your application to {company} - next steps",
        "Quick chat about the {role} role?",
    ],
    "action": [
        "{company} - online assessment", "Next step: coding challenge for {role}",
        "Action required: complete your application", "{company} assessment invitation",
        "Please complete your {company} questionnaire", "References for {role}",
        "Documents needed for your application",
    ],
    "offer": [
        "Offer of employment - {role}", "Your offer from {company}", "Great news from {company}!",
        "{company} - offer letter", "Congratulations! {role} offer",
    ],
    "account": [
        "Verify your email address", "Your {company} candidate account",
        "Your verification code", "Confirm your email for {company} Careers",
        "Reset your password", "Welcome to the {company} candidate portal",
    ],
    "job_alert": [
        "New jobs that match your profile", "{n} new jobs for {role}", "Jobs you may be interested in",
        "Your job alert for {role}", "Recommended for you: {role} and more",
        "{company} is hiring: roles picked for you", "Welcome to the {company} Talent Community",
    ],
    "other": [
        "Re: {role} application", "Quick question", "Re: Your application", "Following up",
        "Re: {role} at {company}", "Your application - a few questions", "Hello from {company}",
    ],
}

CORES = {
    "acknowledgement": [
        "Thanks for applying to {company}! We have received your application for the {role} "
        "position and our team will review it shortly. If your experience is a good match, a "
        "member of our recruiting team will reach out to schedule an interview.",
        "Thank you for your interest in {company}. This email confirms that we have received your "
        "application for {role}. Our hiring team is currently reviewing applications, and we will "
        "be in touch if your background fits what we're looking for.",
        "We wanted to let you know that your application for {role} has been successfully "
        "submitted. You can check the status of your application at any time by logging in to "
        "your candidate account.",
        "Thank you for applying for the {role} role. Due to the high volume of applications we "
        "receive, it may take us a few weeks to get back to you. We appreciate your patience.",
        "We appreciate you taking the time to apply to {company}. Your application is now under "
        "review. Should your profile match the requirements of the role, we will contact you to "
        "discuss next steps, which usually begin with a 30-minute phone screen.",
        "Your application has been received! Here's what happens next: our recruiters review "
        "every application by hand. If you are selected to move forward, you will hear from us "
        "within two weeks to set up an initial call. If you do not hear from us within four weeks, "
        "unfortunately your application has not been successful this time.",
        "Thank you for submitting your application for {role}. We're excited that you're "
        "interested in joining {company}. Our team will carefully review your qualifications and "
        "we'll let you know about next steps as soon as we can.",
        "This is an automatic confirmation that we have received your application for the "
        "position of {role}. Please do not reply to this email.",
        "Thanks so much for applying! We're reviewing applications on a rolling basis and will "
        "reach out to candidates whose experience aligns with the role. Interviews will take place "
        "during the second half of the month.",
        "Your application was sent to {company}. Good luck! You can track the status of your "
        "application in My Jobs.",
        "Thank you for applying to the {role} position at {company}. We have received your "
        "resume and cover letter. We will review all applications after the closing date and "
        "shortlisted candidates will be contacted for interviews.",
    ],
    "ack_person": [
        "Thanks for sending this over. I'll take a look at your CV over the weekend and get back "
        "to you early next week.",
        "Thank you for your application, we've received it. I'm travelling this week but will "
        "review it properly when I'm back and come back to you.",
        "Got it, thanks! I've forwarded your CV to the hiring manager and will update you once "
        "I hear back from them.",
        "Thanks for the follow-up. We're still reviewing applications for the {role} position "
        "and expect to have an update for you by the end of next week.",
        "Many thanks for your application and for the thoughtful cover letter. I'll go through it "
        "with the team on Thursday and will be in touch after that.",
    ],
    "rejection": [
        "Thank you for applying to the {role} position at {company}. We really appreciate your "
        "interest and the time you invested in your application. Unfortunately, we have decided to "
        "move forward with other candidates whose experience more closely matches our needs at this "
        "time. We wish you the best of luck in your job search.",
        "Thank you for your interest in {company}. After careful review, we regret to inform you "
        "that we will not be moving forward with your application for the {role} role. We "
        "encourage you to apply for future openings that match your skills.",
        "Thanks for taking the time to apply. We've reviewed your application and unfortunately "
        "we won't be progressing it further. We received a large number of strong applications "
        "and the decision was a difficult one.",
        "We appreciate your interest in the {role} position. The position has now been filled, "
        "and we are no longer considering applications. We will keep your resume on file for "
        "future opportunities.",
        "Thank you for interviewing with us for the {role} role. It was a pleasure getting to know "
        "you. After much deliberation, we've decided to proceed with another candidate for this "
        "position. We would be happy to keep in touch about future roles.",
        "I wanted to personally reach out to let you know that we have decided not to move "
        "forward with your candidacy for {role}. This was not an easy decision, as we had many "
        "qualified applicants. Thank you again for your time.",
        "Thank you for applying to {company}. Unfortunately, you have not been selected for the "
        "next stage of the process. We hope you will consider {company} again in the future.",
        "Thanks for your application for {role}. While your background is impressive, we have "
        "chosen to pursue candidates whose qualifications better match the requirements of this "
        "role. We wish you every success in your future endeavours.",
        "We wanted to let you know that the {role} requisition has been closed and we are not "
        "hiring for this role at the moment. We are sorry we could not offer you a better outcome.",
        "Thank you for completing our assessment. After reviewing the results, we are unable to "
        "move forward with your application. We really appreciate the effort you put in.",
        "Thank you for your application. We have carefully reviewed your profile and decided to go "
        "in a different direction for this role.",
        "Thanks again for chatting with us last week. After discussing as a team, we don't think "
        "this is the right fit at this time, so we won't be moving your application forward. "
        "Please don't hesitate to apply again in the future.",
    ],
    "interview": [
        "Thank you for applying to {company}! We were impressed by your background and would like "
        "to invite you to a 30-minute phone interview with our recruiter. Please use the link "
        "below to pick a time that works for you.",
        "Great news - the hiring team would like to move you forward to the next step, a video "
        "interview with {recruiter}, the hiring manager. Could you let me know your availability "
        "for next Tuesday or Wednesday?",
        "I'd love to set up a quick call to tell you more about the role and learn about your "
        "experience. When would you be available for a 20-minute chat this week?",
        "Your interview for {role} has been scheduled for Thursday at 14:00 CET. You will meet "
        "{recruiter} and two engineers from the team. The video link is in the calendar invite.",
        "We would like to invite you for an on-site interview at our office. The interview will "
        "last about three hours and consist of a technical session and a conversation with the "
        "team. Please select a slot using the scheduling link.",
        "Thanks for your application for {role}. We'd like to schedule a first interview with "
        "you. Which of the following times suits you best: Monday 10:00, Tuesday 13:00 or Friday "
        "09:00?",
        "Following your conversation with our recruiter, we'd like to invite you to the final "
        "round of interviews. Please book a time using the link below.",
        "Just a quick note to confirm your interview tomorrow at 11:00 with {recruiter}. Let us "
        "know if anything changes.",
        "Unfortunately the interviewer is ill tomorrow, so we need to move your interview. Would "
        "Friday at 10:00 work for you instead?",
    ],
    "action": [
        "Thank you for your interest in {company}. As the next step in our process, we invite you "
        "to complete an online assessment. The assessment takes about 45 minutes and must be "
        "completed within 5 days of receiving this email.",
        "Congratulations on progressing to the next stage! Please complete the HackerRank coding "
        "challenge linked below within the next 7 days. The test consists of three problems.",
        "To continue with your application for {role}, we need you to complete a short "
        "questionnaire about your work authorisation and availability. Please fill in the form "
        "using the link below.",
        "We are nearly there! Please send us the contact details of two references, ideally "
        "recent managers, so we can complete a reference check.",
        "As part of our hiring process, we ask candidates to record a short one-way video "
        "answering three questions. Please complete the video interview via HireVue by Friday.",
        "Please provide copies of your diploma and your most recent transcripts so we can "
        "complete your application file.",
        "You have been invited to take a personality test and a cognitive ability test as part "
        "of your application. Each test takes about 20 minutes.",
    ],
    "offer": [
        "I'm delighted to offer you the position of {role} at {company}! Attached you will find "
        "your offer letter with the details of your compensation and start date. Please let us "
        "know if you have any questions.",
        "Congratulations! Following your interviews, we are pleased to extend an offer of "
        "employment for the {role} role. The formal offer is attached; we'd love to have you on "
        "board.",
        "The whole team enjoyed meeting you, and I'm thrilled to tell you we'd like to offer you "
        "the role. Do you have time for a call tomorrow to go through the offer?",
        "Please find attached your written offer for {role}. To accept the offer, sign the "
        "document in DocuSign by Friday.",
    ],
    "account": [
        "Please verify your email address to finish creating your candidate account. Click the "
        "button below to confirm your email.",
        "Your verification code is 482913. This code is valid for 10 minutes. If you did not "
        "request this code, you can ignore this email.",
        "Welcome to the {company} candidate portal! Your account has been created. You can use it "
        "to apply for jobs and track your applications.",
        "We received a request to reset your password. Click the link below to choose a new "
        "password.",
        "Your security code for the {company} Careers site is 710244. Enter it on the sign-in page "
        "to continue.",
        "Thanks for registering. Please confirm your email address to activate your account.",
    ],
    "job_alert": [
        "Based on your profile, we found {n} new jobs that match your preferences: {role} at "
        "Northwind, Backend Developer at Tailspin Toys, Platform Engineer at Proseware. View all "
        "jobs.",
        "Here are this week's top job picks for you. {role} - {company} - Oslo. Apply now. "
        "Unsubscribe from these alerts at any time.",
        "Thanks for joining the {company} Talent Community! We'll send you news about our teams "
        "and new opportunities that match your interests.",
        "{company} is hiring! Roles you might like: {role}, Staff Engineer, Engineering Manager. "
        "See more jobs.",
        "Your daily job alert: 12 new jobs for \"{role}\" in Stockholm. Similar jobs are also "
        "listed below.",
        "Our monthly newsletter: life at {company}, upcoming career events and open positions.",
    ],
    "other": [
        "Thanks for your application. Before we go further, could you tell me a bit more about "
        "your notice period and your salary expectations?",
        "I came across your application and wanted to ask whether you'd also be open to a more "
        "senior version of the role. What do you think?",
        "Thanks for the feedback on the process. I've passed it on to the team. Regarding your "
        "question about remote work: we are office-first, with two home days a week.",
        "Are you still interested in the {role} role? We have paused hiring for a few weeks, but "
        "I'd like to know where you stand.",
        "Happy to share some feedback: the panel liked your system design answers but felt the "
        "coding round was not as strong. I hope this helps.",
        "Can you confirm whether you need visa sponsorship to work in Norway?",
    ],
}

# A user's earlier message quoted under a reply: it must never decide the kind.
QUOTED_USER = [
    "Hi {recruiter},\n\nThank you for the interview invitation! I'd like to move forward and I'm "
    "available Tuesday. I have also completed the assessment.\n\nBest,\n{first}",
    "Dear {recruiter},\n\nI recently applied for {role} and wanted to follow up. I'm excited about "
    "the offer of a chance to interview.\n\nKind regards,\n{first}",
    "Hello,\n\nUnfortunately I won't be able to make it on Monday. Thank you for applying my "
    "changes.\n\n{first}",
]
QUOTE_HEADERS = [
    "On Mon, 3 Mar 2025 at 10:14, {first} {last} <{user}> wrote:",
    "On Tue, Mar 4, 2025 at 9:02 AM {first} {last} <{user}>\nwrote:",
    "-----Original Message-----\nFrom: {first} {last} <{user}>\nSent: Tuesday, March 4, 2025 "
    "9:02 AM\nTo: {recruiter} <{sender}>\nSubject: {role}",
    "________________________________\nFrom: {first} {last} <{user}>\nSent: 04 March 2025 09:02\n"
    "To: {recruiter}\nSubject: RE: {role}",
]
