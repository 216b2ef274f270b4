"""Finding an address's mail server: known providers, MX, SRV (RFC 6186) and the
autoconfig document, against a real DNS server and a real HTTPS server on loopback."""

from __future__ import annotations

import http.server
import ssl
import threading
from collections.abc import Callable, Iterator

import pytest
from tests.servers.dns import DnsServer
from tests.tls import TlsFiles

from replywatch.mail.autoconfig import Server, dns_answers, find, https_get, parse_autoconfig

AUTOCONFIG = b"""<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="example.org">
  <displayName>Example Mail</displayName>
  <incomingServer type="pop3"><hostname>pop.example.org</hostname><port>995</port>
    <socketType>SSL</socketType></incomingServer>
  <incomingServer type="imap"><hostname>imap.example.org</hostname><port>993</port>
    <socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>
  <outgoingServer type="smtp"><hostname>smtp.example.org</hostname><port>587</port>
    <socketType>STARTTLS</socketType></outgoingServer>
</emailProvider></clientConfig>"""


@pytest.mark.parametrize(("address", "host", "port", "security", "oauth"), [
    ("alex@gmail.com", "imap.gmail.com", 993, "tls", "google"),
    ("alex@outlook.com", "outlook.office365.com", 993, "tls", "microsoft"),
    ("alex@hotmail.no", "outlook.office365.com", 993, "tls", "microsoft"),
    ("alex@icloud.com", "imap.mail.me.com", 993, "tls", ""),
    ("alex@fastmail.com", "imap.fastmail.com", 993, "tls", ""),
    ("alex@yahoo.com", "imap.mail.yahoo.com", 993, "tls", ""),
    ("alex@proton.me", "127.0.0.1", 1143, "starttls", ""),
])
def test_find_known_provider_asks_no_network(
        address: str, host: str, port: int, security: str, oauth: str) -> None:
    def no_lookup(name: str, rdtype: str) -> list[object]:
        raise AssertionError("a known provider needs no lookup")

    def no_fetch_at_all(url: str) -> bytes | None:
        raise AssertionError("a known provider needs no document")

    found = find(address, lookup=no_lookup, fetch=no_fetch_at_all)
    assert (Server(host, port, security), oauth) == (
        (found.imap, found.oauth) if found else None)


@pytest.fixture
def dns_server() -> Iterator[DnsServer]:
    with DnsServer({
        ("hosted.example", "MX"): ["10 aspmx.l.google.com.", "20 alt1.aspmx.l.google.com."],
        ("m365.example", "MX"): ["0 m365-example.mail.protection.outlook.com."],
        ("own.example", "MX"): ["10 mx.own.example."],
        ("_imaps._tcp.own.example", "SRV"): ["0 1 993 mail.own.example."],
        ("_submission._tcp.own.example", "SRV"): ["0 1 587 mail.own.example."],
        ("_imaps._tcp.plain.example", "SRV"): ["0 0 0 ."],
        ("_imap._tcp.plain.example", "SRV"): ["10 0 143 imap.plain.example."],
    }) as server:
        yield server


def lookup_on(server: DnsServer) -> Callable[[str, str], list[object]]:
    resolver = server.resolver()
    return lambda name, rdtype: list(dns_answers(name, rdtype, resolver))


def no_fetch(url: str) -> None:
    return None


def test_find_hosted_google_domain_by_its_mx_records(dns_server: DnsServer) -> None:
    found = find("alex@hosted.example", lookup=lookup_on(dns_server), fetch=no_fetch)
    assert ("imap.gmail.com", "google", "MX records point to google.com") == (
        (found.imap.host, found.oauth, found.how) if found else None)


def test_find_microsoft_365_tenant_by_its_mx_records(dns_server: DnsServer) -> None:
    found = find("alex@m365.example", lookup=lookup_on(dns_server), fetch=no_fetch)
    assert ("outlook.office365.com", "microsoft") == (
        (found.imap.host, found.oauth) if found else None)


def test_find_own_domain_by_srv_records(dns_server: DnsServer) -> None:
    found = find("alex@own.example", lookup=lookup_on(dns_server), fetch=no_fetch)
    assert (Server("mail.own.example", 993, "tls"), Server("mail.own.example", 587, "starttls"),
            "SRV records (RFC 6186)") == ((found.imap, found.smtp, found.how) if found else None)


def test_find_srv_target_dot_means_not_offered_and_the_next_record_counts(
        dns_server: DnsServer) -> None:
    found = find("alex@plain.example", lookup=lookup_on(dns_server), fetch=no_fetch)
    assert Server("imap.plain.example", 143, "starttls") == (found.imap if found else None)


def test_find_unknown_domain_without_records_or_document_is_none(
        dns_server: DnsServer) -> None:
    assert None is find("alex@nothing.example", lookup=lookup_on(dns_server), fetch=no_fetch)


@pytest.fixture
def https_autoconfig(tls_files: TlsFiles) -> Iterator[tuple[int, ssl.SSLContext, list[str]]]:
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            if self.path.startswith("/mail/config-v1.1.xml"):
                self.send_response(200)
                self.end_headers()
                self.wfile.write(AUTOCONFIG)
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(tls_files.server_cert, tls_files.server_key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    client = ssl.create_default_context(cafile=str(tls_files.ca_cert))
    yield server.server_address[1], client, asked
    server.shutdown()
    server.server_close()


def test_find_by_autoconfig_document_over_verified_https(
        dns_server: DnsServer, https_autoconfig: tuple[int, ssl.SSLContext, list[str]]) -> None:
    port, client, asked = https_autoconfig

    def fetch(url: str) -> bytes | None:
        # autoconfig.own2.example is this machine: the URL keeps its path and query.
        local = url.replace("autoconfig.own2.example", f"localhost:{port}")
        return https_get(local, context=client) if "localhost" in local else None

    found = find("alex@own2.example", lookup=lookup_on(dns_server), fetch=fetch)
    assert (Server("imap.example.org", 993, "tls"), Server("smtp.example.org", 587, "starttls"),
            ["/mail/config-v1.1.xml?emailaddress=alex@own2.example"]) == (
        (found.imap, found.smtp, asked) if found else None)


def test_https_get_refuses_a_certificate_it_cannot_verify(
        https_autoconfig: tuple[int, ssl.SSLContext, list[str]]) -> None:
    port, _, asked = https_autoconfig
    assert (None, []) == (https_get(f"https://localhost:{port}/mail/config-v1.1.xml"), asked)


def test_https_get_refuses_plain_http() -> None:
    assert None is https_get("http://127.0.0.1:9/mail/config-v1.1.xml")


@pytest.mark.parametrize("document", [
    b"<clientConfig><emailProvider><incomingServer type='imap'><hostname>h</hostname>"
    b"<port>99999</port><socketType>SSL</socketType></incomingServer></emailProvider>"
    b"</clientConfig>",  # a port out of range
    b"<not-xml",
    b"<!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
    b"<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;"
    b"&c;'>]><clientConfig><emailProvider><displayName>&d;&d;&d;&d;&d;</displayName>"
    b"</emailProvider></clientConfig>",  # entities: no IMAP server either way
    b"<x>" + b"a" * 70_000 + b"</x>",  # over the size cap
])
def test_parse_autoconfig_hostile_or_useless_document_is_none(document: bytes) -> None:
    assert None is parse_autoconfig(document)


def test_parse_autoconfig_reads_first_imap_server_and_smtp() -> None:
    found = parse_autoconfig(AUTOCONFIG)
    assert ("Example Mail", Server("imap.example.org", 993, "tls")) == (
        (found.provider, found.imap) if found else None)
