"""Alerts sent as email to the user's own address (smtplib).

The only module of replywatch that speaks SMTP. Certificates are always
verified; subject and body come from hostile mail, so the message is built with
``email.policy.SMTP`` after ``core.text`` dropped control characters and capped
lengths: no text can add a header. Every failure becomes an ``AlertChannelError`` with
``channel="email"``, one line naming ``host:port``, never the password.
"""

from __future__ import annotations

import base64
import hashlib
import re
import smtplib
import ssl
from collections.abc import Sequence
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate
from typing import TYPE_CHECKING

from replywatch.alerts import AlertChannelError
from replywatch.alerts.render import RenderedAlert
from replywatch.config import Config, EmailAlerts, Security
from replywatch.core.model import Application
from replywatch.core.text import clean_line, clean_text
from replywatch.errors import SecretError, UserError
from replywatch.i18n import N_, _
from replywatch.oauth.sources import email_credential

if TYPE_CHECKING:
    from replywatch.oauth.sources import AccessTokens

    Login = str | AccessTokens | None

CHANNEL = "email"
MAX_SUBJECT_CHARS = 200
MAX_BODY_CHARS = 100_000
_PORT_HINT = N_("check port and security (tls: usually port 465, starttls: usually 587)")

# policy.SMTP (CRLF, headers refolded and RFC 2047-encoded, CR/LF refused in
# header values) with 7-bit bodies: non-ASCII text goes quoted-printable, so the
# message is valid even on a server that does not announce 8BITMIME.
_POLICY = SMTP.clone(cte_type="7bit")
# A Message-ID's id-left@id-right (RFC 5322 3.6.4, dot-atom text on both sides).
_MESSAGE_ID = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+")


class EmailChannel:
    """Send alerts as mail to the user's own address."""

    name = CHANNEL

    def __init__(self, config: Config) -> None:
        """Given a config with ``[alerts.email]``. Raise ValueError without it (a bug)."""
        if config.alerts.email is None:
            raise ValueError("EmailChannel needs [alerts.email] in the config")
        self.settings = config.alerts.email

    def send(self, alert: RenderedAlert, app: Application | None) -> int | None:
        """Send one message whose Message-ID is derived from the alert key.

        Raise AlertChannelError if the password cannot be had or the mail not sent.
        """
        settings = self.settings
        try:
            password = email_credential(settings)
        except SecretError as exc:
            raise AlertChannelError(CHANNEL, exc.problems, hint=exc.hint) from exc
        send_email(settings, password, subject=alert.email_subject, body=alert.email_body,
                   message_id=message_id_for(alert.key, settings.from_addr),
                   attachments=alert.attachments)
        return None


def message_id_for(key: str, from_addr: str) -> str:
    """Return a stable Message-ID for an alert key: a resend is recognisably the same."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    domain = from_addr.rpartition("@")[2] or "replywatch.invalid"
    return f"replywatch.{digest}@{domain}"


def send_email(
    settings: EmailAlerts,
    password: Login,
    *,
    subject: str,
    body: str,
    message_id: str,
    timeout: float = 30.0,
    attachments: Sequence[tuple[str, str, bytes]] = (),
) -> None:
    """Send one plain-text alert from ``settings.from_addr`` to ``settings.to``, with
    ``attachments`` as (file name, MIME type, content).

    Given the SMTP settings, the password or OAuth2 token source (needed when
    ``settings.username`` is set), the alert's subject and body (plain text, cleaned here) and a
    Message-ID (``left@right``, angle brackets optional; it lets mail clients
    thread and de-duplicate alerts). Every network step has ``timeout``
    seconds. Raise ValueError for a malformed ``message_id`` (a bug), and
    AlertChannelError if the message cannot be built from the settings or the
    server cannot be reached, verified, logged in to, or refuses the message.
    """
    message = _build_message(settings, subject=subject, body=body, message_id=message_id)
    for filename, mimetype, content in attachments:
        maintype, _, subtype = mimetype.partition("/")
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    _session(settings, password, message, timeout)


def check_login(settings: EmailAlerts, password: Login, *, timeout: float = 30.0) -> None:
    """Connect, secure and log in as for ``send_email``, then quit without sending.

    Raise AlertChannelError as ``send_email`` does.
    """
    _session(settings, password, None, timeout)


def _session(settings: EmailAlerts, password: Login, message: EmailMessage | None,
             timeout: float) -> None:
    where = f"{settings.host}:{settings.port}"
    if settings.username and not password:
        raise AlertChannelError(CHANNEL, _("no password for SMTP user {user} at {server}").format(
            user=settings.username, server=where))
    context = _tls_context(settings, where)
    # "from None" below: the smtplib exception adds nothing the one line does not
    # say, and printing it is one more place a server's reply could surface.
    secret = password if isinstance(password, str) else None
    try:
        _send(settings, password, message, context, timeout)
    except smtplib.SMTPException as err:  # before OSError: it is one
        raise _smtp_error(err, where, settings.username, timeout, secret) from None
    except OSError as err:
        raise _network_error(err, where, timeout) from None
    except AlertChannelError:
        raise
    except UserError as err:  # no OAuth2 access token to be had
        raise AlertChannelError(CHANNEL, err.problems, hint=err.hint) from None


def _tls_context(settings: EmailAlerts, where: str) -> ssl.SSLContext:
    """Return a verifying client context trusting ``settings.ca_file`` (or the system's CAs)."""
    try:
        return ssl.create_default_context(
            cafile=str(settings.ca_file) if settings.ca_file else None
        )
    except ssl.SSLError as err:
        raise AlertChannelError(CHANNEL, _(
            "CA file {file} for {server} holds no usable certificate: {error}").format(
            file=settings.ca_file, server=where, error=err)) from None
    except OSError as err:
        raise AlertChannelError(CHANNEL, _(
            "cannot read CA file {file} for {server}: {error}").format(
            file=settings.ca_file, server=where, error=err.strerror or err)) from None


def _smtp_error(
    err: smtplib.SMTPException, where: str, username: str, timeout: float, password: str | None
) -> AlertChannelError:
    """Return the one-line AlertChannelError for an SMTP-level failure, password redacted."""
    if isinstance(err, smtplib.SMTPAuthenticationError):
        problem = _("SMTP server {server} refused the login of {user}: {reply}").format(
            server=where, user=username, reply=_reply(err.smtp_code, err.smtp_error))
        return AlertChannelError(CHANNEL, _redact(problem, password))
    if isinstance(err, smtplib.SMTPNotSupportedError):
        # STARTTLS or AUTH not offered: likely the wrong port or security setting.
        return AlertChannelError(
            CHANNEL, _redact(f"SMTP server {where}: {err}", password), hint=_(_PORT_HINT)
        )
    if isinstance(err, smtplib.SMTPResponseException):  # sender refused, DATA refused...
        problem = _("SMTP server {server} refused: {reply}").format(
            server=where, reply=_reply(err.smtp_code, err.smtp_error))
        return AlertChannelError(CHANNEL, _redact(problem, password))
    if isinstance(err, smtplib.SMTPRecipientsRefused):
        refused = ", ".join(sorted(err.recipients))
        return AlertChannelError(CHANNEL, _(
            "SMTP server {server} refused the recipients {recipients}").format(
            server=where, recipients=refused))
    if isinstance(err, smtplib.SMTPServerDisconnected):
        # Typical of security = "starttls" on an SMTPS port: the server waits for
        # a TLS handshake while the client waits for a greeting.
        return AlertChannelError(CHANNEL, _(
            "SMTP server {server} closed the connection or did not answer within {seconds} s"
        ).format(server=where, seconds=f"{timeout:g}"), hint=_(_PORT_HINT))
    return AlertChannelError(CHANNEL, _redact(_("SMTP with {server} failed: {error}").format(
        server=where, error=err), password))


def _network_error(err: OSError, where: str, timeout: float) -> AlertChannelError:
    """Return the one-line AlertChannelError for a TLS or socket failure."""
    if isinstance(err, ssl.SSLCertVerificationError):
        return AlertChannelError(
            CHANNEL,
            _("TLS certificate of {server} failed verification: {error}").format(
                server=where, error=err.verify_message),
            hint=_("if the server uses a private CA, set ca_file in [alerts.email]"),
        )
    if isinstance(err, ssl.SSLError):  # e.g. WRONG_VERSION_NUMBER: TLS to a plain port
        return AlertChannelError(CHANNEL, _("TLS with {server} failed: {error}").format(
            server=where, error=err.reason or err), hint=_(_PORT_HINT))
    if isinstance(err, TimeoutError):
        return AlertChannelError(CHANNEL, _(
            "SMTP server {server} did not answer within {seconds} s").format(
            server=where, seconds=f"{timeout:g}"), hint=_(_PORT_HINT))
    # refused, unreachable, name not resolved
    return AlertChannelError(CHANNEL, _("cannot connect to SMTP server {server}: {error}").format(
        server=where, error=err.strerror or err))


def _send(
    settings: EmailAlerts,
    password: Login,
    message: EmailMessage | None,
    context: ssl.SSLContext,
    timeout: float,
) -> None:
    """Connect as ``settings.security`` says, log in if asked, send ``message`` if any."""
    smtp: smtplib.SMTP
    if settings.security is Security.TLS:
        smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
    with smtp:
        if settings.security is Security.STARTTLS:
            smtp.starttls(context=context)  # raises SMTPNotSupportedError if not offered
        if settings.username:
            if password is None:  # send_email checks it; a caller that did not is a bug
                raise ValueError("[alerts.email] username set but no password given")
            if isinstance(password, str) and (settings.username + password).isascii():
                smtp.login(settings.username, password)
            elif isinstance(password, str):
                _utf8_login(smtp, settings.username, password)
            else:
                _oauth2_login(smtp, settings.username, password)
        if message is None:
            return
        refused = smtp.send_message(
            message, from_addr=settings.from_addr, to_addrs=list(settings.to)
        )
        if refused:  # some recipients accepted, some not: still a failure to report
            raise smtplib.SMTPRecipientsRefused(refused)


def _utf8_login(smtp: smtplib.SMTP, username: str, password: str) -> None:
    """AUTH PLAIN with the user name and password in UTF-8, as RFC 4616 defines it.

    smtplib's ``login`` encodes both as ASCII and raises UnicodeEncodeError on a
    password such as "blåbær". Raise SMTPNotSupportedError if the server offers no
    AUTH, SMTPAuthenticationError if it refuses the login.
    """
    smtp.ehlo_or_helo_if_needed()
    if not smtp.has_extn("auth"):
        raise smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server.")
    token = base64.b64encode(b"\0" + username.encode() + b"\0" + password.encode())
    code, reply = smtp.docmd("AUTH", "PLAIN " + token.decode("ascii"))
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _oauth2_login(smtp: smtplib.SMTP, username: str, tokens: AccessTokens) -> None:
    """AUTH OAUTHBEARER where the server offers it, else XOAUTH2; a refused token
    is dropped and a fresh one tried once. Raise SMTPAuthenticationError if refused.
    """
    from replywatch.oauth.sasl import oauthbearer, xoauth2

    smtp.ehlo_or_helo_if_needed()
    if not smtp.has_extn("auth"):
        raise smtplib.SMTPNotSupportedError("SMTP AUTH extension not supported by server.")
    offered = smtp.esmtp_features["auth"].upper().split()
    mechanism = "OAUTHBEARER" if "OAUTHBEARER" in offered else "XOAUTH2"
    build = oauthbearer if mechanism == "OAUTHBEARER" else xoauth2
    for attempt in (1, 2):
        token = tokens.token()
        answer = build(username, token)

        def respond(challenge: bytes | None = None, answer: str = answer) -> str:
            # The first call sends the token; a challenge after it is the server's
            # error report, answered as RFC 7628 says (%x01) so that AUTH ends.
            return answer if challenge is None else "\x01"

        try:
            smtp.auth(mechanism, respond, initial_response_ok=True)
            return
        except smtplib.SMTPAuthenticationError:
            if attempt == 2:
                raise
            tokens.invalidate(token)


def _build_message(
    settings: EmailAlerts, *, subject: str, body: str, message_id: str
) -> EmailMessage:
    """Return the alert as a plain-text message; raise AlertChannelError on bad addresses."""
    bare_id = message_id.strip().removeprefix("<").removesuffix(">")
    if not _MESSAGE_ID.fullmatch(bare_id):
        raise ValueError(f"not a Message-ID (left@right): {message_id!r}")
    message = EmailMessage(policy=_POLICY)
    try:
        message["Subject"] = clean_subject(subject)
        message["From"] = settings.from_addr
        message["To"] = ", ".join(settings.to)
    except (ValueError, TypeError) as err:  # the policy refuses CR/LF in From/To
        raise AlertChannelError(CHANNEL, _(
            "invalid from_addr or to in [alerts.email]: {error}").format(error=err)) from None
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = f"<{bare_id}>"
    # RFC 3834: tells the user's mail rules and any auto-responder not to reply.
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(clean_body(body))
    return message


def clean_subject(subject: str) -> str:
    """Return ``subject`` on one line: no control characters, at most 200 characters."""
    # One line is what keeps a hostile subject from adding a header.
    return clean_line(subject, MAX_SUBJECT_CHARS)


def clean_body(body: str) -> str:
    """Return ``body`` with LF line ends, without control characters, capped."""
    return clean_text(body, MAX_BODY_CHARS)


def _reply(code: int, error: bytes | str) -> str:
    text = error.decode("utf-8", "replace") if isinstance(error, bytes) else error
    return f"{code} {' '.join(text.split())}"


def _redact(text: str, password: str | None) -> str:
    # A server's reply is arbitrary text; make sure it cannot echo the secret to a log.
    return text.replace(password, "***") if password else text
