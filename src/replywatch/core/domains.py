"""Which mail domains say something about a company, and which say nothing.

A company's domain comes from its contacts' addresses, but never from a free-mail
provider (a recruiter writing from gmail.com does not make gmail.com the company),
nor from an applicant-tracking system or assessment vendor (one relay sends for
thousands of employers), nor from a job board (whose mail is never a company's
reply). Every list matches a domain and all its subdomains.
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
        "yahoo.no", "yahoo.se", "yahoo.dk", "yahoo.de", "hotmail.se", "hotmail.dk",
        "hotmail.de", "live.se", "live.dk", "outlook.se", "outlook.dk", "outlook.de",
        "gmx.at", "gmx.ch", "freenet.de", "arcor.de", "bredband.net", "spray.se",
        "jubii.dk", "mail.dk", "getmail.no", "broadpark.no", "start.no", "c2i.net",
        "aim.com", "rocketmail.com", "duck.com", "zohomail.eu", "inbox.lv", "icloud.se",
    }
)

# Applicant-tracking systems, scheduling tools and assessment vendors: they write
# for an employer, and only the employer's name (or slot in the address) says which.
ATS_RELAYS = frozenset(
    {
        "greenhouse.io", "greenhouse-mail.io", "lever.co", "myworkday.com", "workday.com",
        "myworkdayjobs.com", "smartrecruiters.com", "smartrecruiters-mail.com",
        "ashbyhq.com", "ashbyhq-mail.com", "workable.com", "workablemail.com",
        "icims.com", "icims.eu", "jobvite.com", "successfactors.com", "successfactors.eu",
        "sapsf.com", "sapsf.eu", "recruitee.com", "bamboohr.com", "teamtailor.com",
        "teamtailor-mail.com", "jobylon.com", "webcruiter.no", "webcruiter.com",
        "jobbnorge.no", "taleo.net", "oraclecloud.com", "breezy.hr", "breezyhr.com",
        "jazzhr.com", "applytojob.com", "personio.de", "personio.com", "pinpointhq.com",
        "comeet.co", "comeet.com", "comeet-notifications.com", "join.com",
        "recruiterbox.com", "hirehive.com", "jobscore.com", "freshteam.com",
        "zohorecruit.com", "zohorecruit.eu", "rippling.com", "gem.com", "dover.com",
        "hrmanager.no", "hr-manager.net", "reachmee.com", "varbi.com", "emply.com",
        "emply.net", "easycruit.com", "recman.no", "workbuster.com", "workbuster.se",
        "homerun.co", "manatal.com", "jobadder.com", "avature.net", "phenompeople.com",
        "eightfold.ai", "beamery.com", "csod.com", "ultipro.com", "dayforcehcm.com",
        "adp.com", "paylocity.com", "paycomonline.net", "hibob.com", "talentlyft.com",
        "recruitcrm.io", "kombo.dev", "jobtrain.co.uk", "tribepad.com", "talentech.com",
        "hubert.ai", "paradox.ai", "goodtime.io", "modernloop.io", "prelude.co",
        "calendly.com", "hirevue.com",
        # assessment vendors, writing for an employer
        "hackerrank.com", "hackerrankforwork.com", "codility.com", "codesignal.com",
        "criteriacorp.com", "testgorilla.com", "mettl.com", "pymetrics.com",
        "pymetrics.ai", "harver.com", "shl.com", "alvalabs.io", "alva-labs.com",
        "testdome.com", "coderbyte.com", "karat.io", "karat.com", "modernhire.com",
        "sparkhire.com", "willo.video", "vidcruiter.com", "hireflix.com", "canditech.io",
        "devskiller.com", "qualified.io", "cut-e.com", "aon-assessment.com",
        "talentq.com", "assessio.com", "matchingprofile.com", "saville.com",
    }
)

# Job boards: alerts, recommendations and "your application was sent to Acme" for
# thousands of employers. Never a company's reply (see senders.py for the one
# exception, a recruiter's own message sent through the board).
JOB_BOARDS = frozenset(
    {
        "linkedin.com", "indeed.com", "indeedemail.com", "indeedmail.com", "glassdoor.com",
        "glassdoor.co.uk", "ziprecruiter.com", "stepstone.de", "stepstone.com",
        "stepstone.at", "stepstone.be", "stepstone.nl", "stepstone.fr", "stepstone.dk",
        "stepstone.se", "stepstone.no", "finn.no", "arbeidsplassen.nav.no",
        "arbeidsplassen.no", "monster.com", "monster.de", "monster.se", "monster.co.uk",
        "jobindex.dk", "jobnet.dk", "academicwork.se", "academicwork.no",
        "academicwork.dk", "academicwork.fi", "academicwork.de", "academicwork.com",
        "karriere.at", "karriere.no", "xing.com", "welcometothejungle.com", "wttj.co",
        "wellfound.com", "angel.co", "angellist.com", "hired.com", "dice.com",
        "joinhandshake.com", "handshake.com", "simplyhired.com", "careerbuilder.com",
        "totaljobs.com", "reed.co.uk", "seek.com.au", "jobs.ch", "jobup.ch",
        "arbetsformedlingen.se", "blocket.se", "jobbsafari.se", "ofir.dk", "duunitori.fi",
        "oikotie.fi", "arbeitsagentur.de", "kununu.com", "jobware.de", "stellenanzeigen.de",
        "otta.com", "builtin.com", "weworkremotely.com", "remoteok.com", "remote.co",
        "workatastartup.com", "thehub.io", "jobteaser.com", "theladders.com",
        "flexjobs.com", "snagajob.com", "talent.com", "jooble.org", "adzuna.com",
        "adzuna.co.uk", "jobrapido.com", "careerjet.com", "jobsinnetwork.com",
        "cvlibrary.co.uk", "cv-library.co.uk", "workindenmark.dk", "efinancialcareers.com",
        "jobs.cz", "pracuj.pl", "infojobs.net", "jobsite.co.uk", "naukri.com",
    }
)

# Public suffixes of more than one label: the registrable domain of mail.acme.co.uk
# is acme.co.uk. A short built-in list (no network): the suffixes job mail meets.
MULTI_LABEL_SUFFIXES = frozenset(
    {
        "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk",
        "com.au", "net.au", "org.au", "edu.au", "gov.au", "co.nz", "org.nz", "net.nz",
        "co.jp", "ne.jp", "or.jp", "ac.jp", "co.kr", "or.kr", "com.br", "net.br",
        "org.br", "com.cn", "net.cn", "org.cn", "com.hk", "com.sg", "com.my", "co.in",
        "net.in", "org.in", "co.za", "org.za", "com.mx", "com.ar", "com.tr", "co.il",
        "org.il", "com.tw", "co.id", "co.th", "com.ph", "com.vn", "com.pk", "com.ng",
        "co.ke", "com.eg", "com.sa", "co.ae", "com.pl", "com.ua", "co.at", "or.at",
        "ac.at", "priv.no", "com.es", "com.pt", "co.hu", "com.co", "com.pe", "com.cy",
        "com.mt", "co.ee", "com.ee",
    }
)


def domain_of(address: str) -> str:
    """Return the lower-cased domain of ``local@domain`` ("" when there is none)."""
    _, _, domain = address.rpartition("@")
    return domain.strip().strip(".").lower()


def local_of(address: str) -> str:
    """Return the lower-cased local part of ``local@domain``, without a ``+tag``."""
    local, at, _ = address.strip().lower().rpartition("@")
    return local.split("+", 1)[0] if at else ""


def _suffixes(domain: str) -> list[str]:
    """Return the domain and each parent: a.b.c -> [a.b.c, b.c, c]."""
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts))]


def _listed(domain: str, listing: frozenset[str]) -> str | None:
    """Return the entry of ``listing`` that is the domain or a parent of it, or None."""
    for d in _suffixes(domain):
        if d in listing:
            return d
    return None


def is_free_mail(domain: str) -> bool:
    """Return True if the domain (or a parent) is a free-mail provider."""
    return _listed(domain, FREE_MAIL) is not None


def relay_base(domain: str) -> str | None:
    """Given a sender domain, return the relay (ATS or assessment vendor) it belongs
    to (``acme.teamtailor-mail.com`` -> ``teamtailor-mail.com``), or None.
    """
    return _listed(domain, ATS_RELAYS)


def is_ats(domain: str) -> bool:
    """Return True if the domain (or a parent) belongs to an ATS or assessment vendor."""
    return relay_base(domain) is not None


def board_base(domain: str) -> str | None:
    """Given a sender domain, return the job board it belongs to, or None."""
    return _listed(domain, JOB_BOARDS)


def is_board(domain: str) -> bool:
    """Return True if the domain (or a parent) belongs to a job board."""
    return board_base(domain) is not None


def says_nothing(domain: str) -> bool:
    """Return True for domains that never identify one company: free mail, relays,
    boards, and names without a dot.
    """
    return ("." not in domain or is_free_mail(domain) or is_ats(domain)
            or is_board(domain))


def registrable(domain: str) -> str:
    """Return the registrable part of a domain: mail.acme.com -> acme.com,
    careers.acme.co.uk -> acme.co.uk (by a built-in list of multi-label suffixes).
    """
    parts = domain.strip(".").lower().split(".")
    take = 3 if len(parts) >= 3 and ".".join(parts[-2:]) in MULTI_LABEL_SUFFIXES else 2
    return ".".join(parts[-take:])


def registrable_label(domain: str) -> str:
    """Return the label that names the owner of a domain: careers.acme.co.uk -> acme."""
    return registrable(domain).split(".", 1)[0]


def company_domain(address: str) -> str | None:
    """Given a contact address, return the company domain it implies, or None.

    None for free-mail, relay and job-board domains, which say nothing about the
    company.
    """
    domain = domain_of(address)
    return None if says_nothing(domain) else domain
