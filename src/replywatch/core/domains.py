"""Which mail domains say something about a company, and which say nothing.

A company's domain comes from its contacts' addresses, but never from a free-mail
provider (a recruiter writing from gmail.com does not make gmail.com the company)
nor from an applicant-tracking system (one ATS sends for thousands of employers).
"""

from __future__ import annotations

FREE_MAIL = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk",
        "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "ymail.com",
        "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com",
        "pm.me", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "zoho.com",
        "yandex.com", "yandex.ru", "mail.ru", "fastmail.com", "fastmail.fm", "hey.com",
        "tutanota.com", "tuta.io", "qq.com", "163.com", "126.com", "naver.com",
        "hushmail.com", "posteo.de", "mailbox.org", "online.no", "hotmail.no",
        "live.no", "outlook.no", "t-online.de", "orange.fr", "free.fr", "laposte.net",
        "libero.it", "seznam.cz", "wp.pl", "o2.pl", "onet.pl", "rambler.ru",
    }
)

ATS_RELAYS = frozenset(
    {
        "greenhouse.io", "greenhouse-mail.io", "lever.co", "hire.lever.co",
        "myworkday.com", "workday.com", "myworkdayjobs.com", "smartrecruiters.com",
        "ashbyhq.com", "workable.com", "workablemail.com", "icims.com", "jobvite.com",
        "successfactors.com", "successfactors.eu", "sapsf.com", "recruitee.com",
        "bamboohr.com", "teamtailor.com", "teamtailor-mail.com", "jobylon.com",
        "webcruiter.no", "webcruiter.com", "jobbnorge.no", "taleo.net", "oraclecloud.com",
        "breezy.hr", "jazzhr.com", "applytojob.com", "personio.de", "personio.com",
        "pinpointhq.com", "comeet.co", "recruiterbox.com", "hirehive.com", "jobscore.com",
        "freshteam.com", "zohorecruit.com", "rippling.com", "gem.com", "dover.com",
        "linkedin.com", "indeed.com", "indeedemail.com", "glassdoor.com",
        "hrmanager.no", "reachmee.com", "varbi.com", "emply.com", "hr-manager.net",
    }
)


def domain_of(address: str) -> str:
    """Return the lower-cased domain of ``local@domain`` ("" when there is none)."""
    _, _, domain = address.rpartition("@")
    return domain.strip().strip(".").lower()


def _suffixes(domain: str) -> list[str]:
    """Return the domain and each parent: a.b.c -> [a.b.c, b.c, c]."""
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts))]


def is_free_mail(domain: str) -> bool:
    """Return True if the domain (or a parent) is a free-mail provider."""
    return any(d in FREE_MAIL for d in _suffixes(domain))


def is_ats(domain: str) -> bool:
    """Return True if the domain (or a parent) belongs to an applicant-tracking system."""
    return any(d in ATS_RELAYS for d in _suffixes(domain))


def company_domain(address: str) -> str | None:
    """Given a contact address, return the company domain it implies, or None.

    None for free-mail and ATS domains, which say nothing about the company.
    """
    domain = domain_of(address)
    if "." not in domain or is_free_mail(domain) or is_ats(domain):
        return None
    return domain

