"""A tiny authoritative DNS server on 127.0.0.1 (UDP), answering from a dict.

Enough for the set-up's lookups: MX and SRV records of test domains, and NXDOMAIN
for everything else. Messages are parsed and built with dnspython.
"""

from __future__ import annotations

import socket
import threading
from types import TracebackType

import dns.message
import dns.rcode
import dns.resolver
import dns.rrset


class DnsServer:
    """Answers ``records[(name, type)]`` (texts of rdata) for names under test domains."""

    def __init__(self, records: dict[tuple[str, str], list[str]]) -> None:
        self.records = {(n.rstrip(".").lower() + ".", t.upper()): v
                        for (n, t), v in records.items()}
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port: int = self.sock.getsockname()[1]
        self.queries: list[tuple[str, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> DnsServer:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()

    def resolver(self) -> dns.resolver.Resolver:
        """Return a resolver that asks only this server."""
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = ["127.0.0.1"]
        resolver.port = self.port
        resolver.lifetime = 2.0
        return resolver

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                data, peer = self.sock.recvfrom(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            query = dns.message.from_wire(data)
            question = query.question[0]
            name = question.name.to_text().lower()
            rdtype = dns.rdatatype.to_text(question.rdtype)
            self.queries.append((name, rdtype))
            response = dns.message.make_response(query)
            answers = self.records.get((name, rdtype))
            if answers:
                response.answer.append(dns.rrset.from_text(name, 300, "IN", rdtype, *answers))
            else:
                response.set_rcode(dns.rcode.NXDOMAIN)
            self.sock.sendto(response.to_wire(), peer)
