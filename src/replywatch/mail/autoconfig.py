"""Find the IMAP and SMTP servers of an email address, the ways mail clients do.

In order: a built-in table of the large providers by address domain; the domain's
MX records for hosted mail on a custom domain (Google Workspace, Microsoft 365);
RFC 6186 SRV records (``_imaps._tcp``, ``_imap._tcp``, ``_submissions._tcp``,
``_submission._tcp``); then the provider's autoconfig document (Thunderbird's
``config-v1.1.xml`` at ``autoconfig.DOMAIN`` or ``DOMAIN/.well-known``). What none
of them tells, ``replywatch init`` asks.

Everything from the network is hostile: DNS answers are checked for shape, the
autoconfig document is read with a size cap and a timeout over HTTPS, and an
answer that makes no sense is skipped, never trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from replywatch import log
from replywatch.core.domains import domain_of
from replywatch.i18n import N_, _

if TYPE_CHECKING:
    import ssl

    import dns.resolver

TIMEOUT = 5.0
MAX_DOCUMENT = 64 * 1024


@dataclass(frozen=True)
class Server:
    """One server: host, port, and "tls", "starttls" or "plain"."""

    host: str
    port: int
    security: str


@dataclass(frozen=True)
class Found:
    """Where an address's mail lives, and how that was found.

    ``provider`` names a known provider ("Gmail", "Microsoft 365 / Outlook") or is
    "" for an own server; ``how`` says where the answer came from, for the user;
    ``oauth`` names the provider whose OAuth2 sign-in the account can use.
    """

    imap: Server
    smtp: Server | None
    provider: str
    how: str
    oauth: str = ""


# Shown as `how` a server was found; translated where it is shown (``_(found.how)``).
KNOWN_PROVIDER = N_("known provider")
_GMAIL = Found(Server("imap.gmail.com", 993, "tls"), Server("smtp.gmail.com", 465, "tls"),
               "Gmail", KNOWN_PROVIDER, "google")
_MICROSOFT = Found(Server("outlook.office365.com", 993, "tls"),
                   Server("smtp.office365.com", 587, "starttls"),
                   "Microsoft 365 / Outlook", KNOWN_PROVIDER, "microsoft")
_KNOWN: dict[str, Found] = {
    **dict.fromkeys(("gmail.com", "googlemail.com"), _GMAIL),
    **dict.fromkeys(("outlook.com", "hotmail.com", "live.com", "msn.com", "outlook.no",
                     "hotmail.no", "live.no", "outlook.de", "hotmail.de", "live.de",
                     "hotmail.co.uk", "live.co.uk", "outlook.se", "hotmail.se", "live.se",
                     "outlook.dk", "hotmail.dk", "live.dk"), _MICROSOFT),
    **dict.fromkeys(("icloud.com", "me.com", "mac.com"), Found(
        Server("imap.mail.me.com", 993, "tls"), Server("smtp.mail.me.com", 587, "starttls"),
        "iCloud Mail", KNOWN_PROVIDER)),
    **dict.fromkeys(("fastmail.com", "fastmail.fm", "messagingengine.com"), Found(
        Server("imap.fastmail.com", 993, "tls"), Server("smtp.fastmail.com", 465, "tls"),
        "Fastmail", KNOWN_PROVIDER)),
    **dict.fromkeys(("yahoo.com", "ymail.com", "yahoo.co.uk", "yahoo.de", "yahoo.se",
                     "yahoo.no", "yahoo.dk"), Found(
        Server("imap.mail.yahoo.com", 993, "tls"), Server("smtp.mail.yahoo.com", 465, "tls"),
        "Yahoo Mail", KNOWN_PROVIDER)),
    **dict.fromkeys(("aol.com",), Found(
        Server("imap.aol.com", 993, "tls"), Server("smtp.aol.com", 465, "tls"),
        "AOL Mail", KNOWN_PROVIDER)),
    # Proton has no IMAP of its own: Proton Mail Bridge serves it on this machine.
    **dict.fromkeys(("proton.me", "protonmail.com", "protonmail.ch", "pm.me"), Found(
        Server("127.0.0.1", 1143, "starttls"), Server("127.0.0.1", 1025, "starttls"),
        "Proton Mail (through Proton Mail Bridge)", KNOWN_PROVIDER)),
    **dict.fromkeys(("gmx.com", "gmx.net", "gmx.de", "gmx.at", "gmx.ch"), Found(
        Server("imap.gmx.net", 993, "tls"), Server("mail.gmx.net", 465, "tls"),
        "GMX", KNOWN_PROVIDER)),
    **dict.fromkeys(("web.de",), Found(
        Server("imap.web.de", 993, "tls"), Server("smtp.web.de", 587, "starttls"),
        "WEB.DE", KNOWN_PROVIDER)),
    **dict.fromkeys(("zoho.com", "zohomail.com"), Found(
        Server("imap.zoho.com", 993, "tls"), Server("smtp.zoho.com", 465, "tls"),
        "Zoho Mail", KNOWN_PROVIDER)),
    **dict.fromkeys(("yandex.com", "yandex.ru"), Found(
        Server("imap.yandex.com", 993, "tls"), Server("smtp.yandex.com", 465, "tls"),
        "Yandex Mail", KNOWN_PROVIDER)),
}
# Hosted mail on one's own domain, recognised by where its MX records point.
_MX_PROVIDERS: tuple[tuple[str, Found], ...] = (
    ("google.com", _GMAIL), ("googlemail.com", _GMAIL),
    ("outlook.com", _MICROSOFT),  # *.mail.protection.outlook.com
    ("messagingengine.com", _KNOWN["fastmail.com"]),
    ("icloud.com", _KNOWN["icloud.com"]),
    ("zoho.com", _KNOWN["zoho.com"]), ("zoho.eu", _KNOWN["zoho.com"]),
)

Lookup = Callable[[str, str], Sequence[object]]  # (name, rdtype) -> answers
Fetch = Callable[[str], bytes | None]  # url -> document, or None


def known(domain: str) -> Found | None:
    """Return the settings of a large provider that serves ``domain``, or None."""
    return _KNOWN.get(domain)


def find(address: str, *, lookup: Lookup | None = None, fetch: Fetch | None = None
         ) -> Found | None:
    """Given an email address, return where its mail lives, or None when no way
    found it. ``lookup`` and ``fetch`` default to DNS and HTTPS."""
    domain = domain_of(address) if "@" in address else ""
    if "." not in domain:
        return None
    if (found := known(domain)) is not None:
        return found
    dns_lookup = lookup or dns_answers
    for way in (_by_mx, _by_srv):
        if (found := way(domain, dns_lookup)) is not None:
            return found
    return _by_autoconfig(domain, address, fetch or https_get)


def _by_mx(domain: str, lookup: Lookup) -> Found | None:
    hosts = [str(getattr(a, "exchange", "")).rstrip(".").lower() for a in lookup(domain, "MX")]
    for host in hosts:
        for suffix, found in _MX_PROVIDERS:
            if host == suffix or host.endswith("." + suffix):
                return Found(found.imap, found.smtp, found.provider,
                             _("MX records point to {suffix}").format(suffix=suffix),
                             found.oauth)
    return None


def _srv(domain: str, service: str, security: str, lookup: Lookup) -> Server | None:
    answers = sorted(lookup(f"_{service}._tcp.{domain}", "SRV"),
                     key=lambda a: (getattr(a, "priority", 0), -getattr(a, "weight", 0)))
    for answer in answers:
        host = str(getattr(answer, "target", "")).rstrip(".").lower()
        port = getattr(answer, "port", 0)
        # RFC 6186: a target of "." says the service is not offered.
        if host and host != "." and isinstance(port, int) and 0 < port < 65536:
            return Server(host, port, security)
    return None


def _by_srv(domain: str, lookup: Lookup) -> Found | None:
    imap = _srv(domain, "imaps", "tls", lookup) or _srv(domain, "imap", "starttls", lookup)
    if imap is None:
        return None
    smtp = (_srv(domain, "submissions", "tls", lookup)
            or _srv(domain, "submission", "starttls", lookup))
    return Found(imap, smtp, "", _("SRV records (RFC 6186)"))


def _by_autoconfig(domain: str, address: str, fetch: Fetch) -> Found | None:
    for url in (f"https://autoconfig.{domain}/mail/config-v1.1.xml?emailaddress={address}",
                f"https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml"):
        document = fetch(url)
        if document is None:
            continue
        found = parse_autoconfig(document)
        if found is not None:
            return Found(found.imap, found.smtp, found.provider,
                         _("autoconfig document at {url}").format(url=url.split("?")[0]))
    return None


def parse_autoconfig(document: bytes) -> Found | None:
    """Given a Thunderbird autoconfig document (config-v1.1.xml), return its first
    IMAP and SMTP servers, or None when it has no usable IMAP server."""
    if len(document) > MAX_DOCUMENT:
        return None
    import xml.etree.ElementTree as ET  # here: a command that reads no document skips it

    try:
        root = ET.fromstring(document)  # noqa: S314 - capped, expat refuses entity bombs
    except ET.ParseError:
        return None
    provider = root.find("emailProvider")
    if provider is None:
        return None
    name = (provider.findtext("displayName") or "").strip()[:80]

    def server(kind: str) -> Server | None:
        tag = "incomingServer" if kind == "imap" else "outgoingServer"
        for node in provider.iter(tag):
            if node.get("type") != kind:
                continue
            host = (node.findtext("hostname") or "").strip().lower()
            port = (node.findtext("port") or "").strip()
            socket = (node.findtext("socketType") or "").strip().upper()
            security = {"SSL": "tls", "STARTTLS": "starttls", "PLAIN": "plain"}.get(socket)
            if host and port.isdigit() and 0 < int(port) < 65536 and security:
                return Server(host, int(port), security)
        return None

    imap = server("imap")
    return None if imap is None else Found(imap, server("smtp"), name, "autoconfig document")


def dns_answers(name: str, rdtype: str, resolver: dns.resolver.Resolver | None = None
                ) -> Sequence[object]:
    """Return the DNS answers of ``name`` and ``rdtype`` (MX, SRV), [] on any failure.
    ``resolver`` defaults to the system's (resolv.conf)."""
    import dns.exception
    import dns.resolver

    try:
        asker = resolver or dns.resolver.get_default_resolver()
        return list(asker.resolve(name, rdtype, lifetime=TIMEOUT))
    except dns.exception.DNSException:
        return []


def https_get(url: str, context: ssl.SSLContext | None = None) -> bytes | None:
    """Return the body of ``url`` (HTTPS, certificate verified against the system's
    CAs or ``context``'s, capped), or None."""
    if not url.startswith("https://"):
        return None
    import urllib.error  # here: `init` is the only command that fetches
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT,  # noqa: S310 - https only
                                    context=context) as reply:
            body: bytes = reply.read(MAX_DOCUMENT + 1)
            return body if reply.status == 200 else None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        log.get(url=url).debug("autoconfig_unavailable", error=str(exc))
        return None
