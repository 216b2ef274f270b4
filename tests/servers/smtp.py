"""A recording SMTP server for tests (aiosmtpd, on 127.0.0.1 and a free port).

Three modes, named like the product's ``Security``: ``TLS`` (implicit TLS,
SMTPS), ``STARTTLS`` (TLS and AUTH both required before mail is accepted) and
``PLAIN``. AUTH LOGIN/PLAIN is checked against one user and password; with
``bearer`` (a check of user and OAuth2 access token) AUTH XOAUTH2 and
OAUTHBEARER are offered instead, as Gmail and Outlook do. Every
accepted message is recorded with its envelope and parsed into an
``email.message.EmailMessage``; the test API is thread-safe.
"""

from __future__ import annotations

import base64
import email
import email.policy
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from types import TracebackType
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import MISSING, SMTP, AuthResult, Envelope, LoginPassword, Session

from replywatch.config import Security
from tests.secret_canary import CANARY
from tests.tls import TlsFiles


@dataclass(frozen=True)
class ReceivedMessage:
    """One message accepted by the server."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    login: str | None  # the user that authenticated on that connection, if any
    tls: bool  # whether the connection was encrypted when the message arrived
    raw: bytes
    message: EmailMessage


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago.

    aiosmtpd's Controller cannot listen on port 0 and report the port it got, so
    the port is picked here; the race with other processes is accepted in tests.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class _Recorder:
    """aiosmtpd handler and authenticator: records messages, checks one login."""

    def __init__(self, username: str, password: str) -> None:
        self.username = username
        self.password = password
        self.messages: list[ReceivedMessage] = []
        self.failed_logins = 0
        self.changed = threading.Condition()

    def __call__(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        mechanism: str,
        auth_data: Any,
    ) -> AuthResult:
        ok = (
            mechanism in {"LOGIN", "PLAIN"}
            and isinstance(auth_data, LoginPassword)
            and auth_data.login.decode(errors="replace") == self.username
            and auth_data.password.decode(errors="replace") == self.password
        )
        if not ok:
            with self.changed:
                self.failed_logins += 1
            return AuthResult(success=False, handled=False)
        return AuthResult(success=True, auth_data=self.username)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        # Parsed with LF line ends, as a mail store keeps them: CRLF is wire format.
        parsed = email.message_from_bytes(raw.replace(b"\r\n", b"\n"), policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        received = ReceivedMessage(
            mail_from=envelope.mail_from or "",
            rcpt_tos=tuple(envelope.rcpt_tos),
            login=session.auth_data if session.authenticated else None,
            # session.ssl is only set after STARTTLS; the transport knows both cases.
            tls=server.transport is not None
            and server.transport.get_extra_info("ssl_object") is not None,
            raw=raw,
            message=parsed,
        )
        with self.changed:
            self.messages.append(received)
            self.changed.notify_all()
        return "250 Message accepted"


class _BearerRecorder(_Recorder):
    """A recorder that signs users in with OAuth2 bearer tokens, checked by ``bearer``."""

    _ERROR = '{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}'

    def __init__(self, bearer: Callable[[str, str], bool]) -> None:
        super().__init__("", "")
        self.bearer = bearer
        self.mechanisms: list[str] = []

    async def _bearer(self, server: SMTP, args: list[str], mechanism: str) -> AuthResult:
        blob = await server.challenge_auth("") if len(args) == 1 else base64.b64decode(args[1])
        if blob is MISSING:
            return AuthResult(success=False)
        assert isinstance(blob, bytes)
        fields = dict(part.split("=", 1) for part in blob.decode().split("\x01") if "=" in part)
        if mechanism == "OAUTHBEARER":  # "n,a=USER,": the GS2 header carries the user
            user = blob.decode().split(",")[1].removeprefix("a=")
        else:
            user = fields.get("user", "")
        token = fields.get("auth", "").removeprefix("Bearer ")
        with self.changed:
            self.mechanisms.append(mechanism)
        if self.bearer(user, token):
            return AuthResult(success=True, auth_data=user)
        # As Gmail does: an error challenge first, the client answers it, then 535.
        await server.challenge_auth(self._ERROR)
        with self.changed:
            self.failed_logins += 1
        return AuthResult(success=False, handled=False)

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        return await self._bearer(server, args, "XOAUTH2")

    async def auth_OAUTHBEARER(self, server: SMTP, args: list[str]) -> AuthResult:
        return await self._bearer(server, args, "OAUTHBEARER")


class SmtpServer:
    """An aiosmtpd server on 127.0.0.1; use as a context manager.

    Given TLS files (needed for ``TLS`` and ``STARTTLS``), a mode and credentials,
    ``start()`` listens on a free port (``.host``, ``.port``). An empty
    ``username`` turns AUTH off, which only ``PLAIN`` allows.
    """

    host = "127.0.0.1"

    def __init__(
        self,
        tls_files: TlsFiles | None,
        *,
        security: Security = Security.STARTTLS,
        username: str = "alerts@example.test",
        password: str = CANARY,  # the test accounts' one password (tests/secret_canary.py)
        bearer: Callable[[str, str], bool] | None = None,
        mechanisms: tuple[str, ...] = ("XOAUTH2", "OAUTHBEARER"),
    ) -> None:
        if security is not Security.PLAIN and tls_files is None:
            raise ValueError(f"{security} needs tls_files")
        if security is not Security.PLAIN and not username:
            raise ValueError(f"{security} mode always requires AUTH: give a username")
        self.tls_files = tls_files
        self.security = security
        self.username = username
        self.password = password
        self.port = 0
        self._recorder = _Recorder(username, password) if bearer is None else _BearerRecorder(
            bearer)
        # With bearer tokens, PLAIN and LOGIN are not offered, nor the mechanisms left out.
        self._exclude = [] if bearer is None else [
            m for m in ("PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER") if m not in mechanisms]
        self._controller: Controller | None = None

    def _server_context(self) -> ssl.SSLContext:
        assert self.tls_files is not None
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.tls_files.server_cert, self.tls_files.server_key)
        return context

    def _controller_kwargs(self) -> dict[str, Any]:
        auth = bool(self.username)
        if self.security is Security.TLS:
            # On SMTPS the whole connection is TLS, but aiosmtpd only counts
            # STARTTLS as TLS: with auth_require_tls it would never offer AUTH.
            return {
                "ssl_context": self._server_context(),
                "auth_required": True,
                "auth_require_tls": False,
            }
        if self.security is Security.STARTTLS:
            return {
                "tls_context": self._server_context(),
                "require_starttls": True,
                "auth_required": True,
                "auth_require_tls": True,
            }
        return {"auth_required": auth, "auth_require_tls": False}

    def start(self) -> SmtpServer:
        """Listen on a free port; return self once the server answers."""
        for attempt in range(3):
            self.port = free_port()
            controller = Controller(
                self._recorder,
                hostname=self.host,  # the default binds every interface
                port=self.port,
                authenticator=self._recorder,
                server_hostname="localhost",
                ready_timeout=5.0,
                auth_exclude_mechanism=self._exclude,
                **self._controller_kwargs(),
            )
            try:
                controller.start()
            except OSError:  # the free port was taken meanwhile: pick another
                if attempt == 2:
                    raise
                continue
            self._controller = controller
            break
        return self

    def stop(self) -> None:
        """Stop listening; safe to call twice."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def messages(self) -> list[ReceivedMessage]:
        """A copy of the accepted messages, oldest first."""
        with self._recorder.changed:
            return list(self._recorder.messages)

    @property
    def bearer_mechanisms(self) -> list[str]:
        """The SASL mechanisms of every bearer-token AUTH, in order."""
        recorder = self._recorder
        assert isinstance(recorder, _BearerRecorder)
        with recorder.changed:
            return list(recorder.mechanisms)

    @property
    def failed_logins(self) -> int:
        """How many AUTH attempts were refused."""
        with self._recorder.changed:
            return self._recorder.failed_logins

    def wait_for(self, count: int, timeout: float = 5.0) -> list[ReceivedMessage]:
        """Return the accepted messages once there are at least ``count``.

        Raise TimeoutError if fewer arrive within ``timeout`` seconds.
        """
        recorder = self._recorder
        with recorder.changed:
            if not recorder.changed.wait_for(lambda: len(recorder.messages) >= count, timeout):
                raise TimeoutError(f"expected {count} message(s), got {len(recorder.messages)}")
            return list(recorder.messages)
