"""What a failed IMAP call is called in words: the reason, decoded, and a hint where one helps.

The server's own text arrives as bytes, and imapclient hands it on as ``str(bytes)``
(``b'[AUTHENTICATIONFAILED] ...'``): it is decoded here, once, for every message.
"""

from __future__ import annotations

import ast
import re
import socket
import ssl

from replywatch.config import Account, Security
from replywatch.errors import MailboxError
from replywatch.i18n import _

_MAX_REASON = 300  # a server's error text is hostile too: capped before it is shown
_BYTES_REPR = re.compile(r"""b(['"]).*\1""", re.DOTALL)
_GMAIL_HOSTS = ("imap.gmail.com", "imap.googlemail.com")


def server_text(value: object) -> str:
    """Given an exception argument from imaplib/imapclient, return its text, decoded.

    ``b'...'`` reprs and bytes become the words inside; control characters become
    spaces; the result is at most ``_MAX_REASON`` characters.
    """
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    text = text.strip()[: _MAX_REASON * 4 + 3]
    if _BYTES_REPR.fullmatch(text):
        try:
            raw = ast.literal_eval(text)  # a literal only: never runs code
        except (ValueError, SyntaxError):
            raw = None
        if isinstance(raw, bytes):
            text = raw.decode("utf-8", "replace")
    text = "".join(c if c.isprintable() else " " for c in text).strip()
    return text[:_MAX_REASON] + ("…" if len(text) > _MAX_REASON else "")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _("TLS certificate verification failed: {reason}").format(
            reason=exc.verify_message)
    if isinstance(exc, ssl.SSLError):
        return _("TLS failed: {reason}").format(reason=getattr(exc, "reason", None) or exc)
    if isinstance(exc, TimeoutError | socket.timeout):
        return _("timed out")
    if isinstance(exc, ConnectionRefusedError):
        return _("connection refused")
    words = " ".join(server_text(arg) for arg in exc.args) if exc.args else ""
    return words or type(exc).__name__


def _hint(account: Account, exc: BaseException, *, login_refused: bool,
          gmail: bool, oauth: bool) -> str | None:
    name, user = repr(account.name), repr(account.username)
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _("the server's certificate is not trusted by the system store: if {host} "
                 "uses a private CA, set {setting} in account {account}; otherwise check the "
                 "host name and the system's CA certificates (Debian: the ca-certificates "
                 "package)").format(host=account.host, setting='ca_file = "/path/to/ca.pem"',
                                    account=name)
    if isinstance(exc, ssl.SSLError) and "WRONG_VERSION_NUMBER" in str(exc):
        return _("the port does not speak TLS: {tls} wants port 993; for port 143 use "
                 "{starttls}").format(tls='security = "tls"', starttls='security = "starttls"')
    if login_refused and oauth:
        # A fresh token refused too: the grant is for another user, or lacks the scope.
        return _("is username {username} the account you signed in as, with the mail scope? "
                 "run `{command}` again").format(username=user,
                                                 command=f"replywatch login {account.name}")
    if login_refused and (gmail or account.host.lower() in _GMAIL_HOSTS):
        return _("Gmail refuses your normal password over IMAP: sign in with OAuth2 ({auth} "
                 "in account {account}, then `{login}`), or create an app password ({url}, "
                 "needs 2-Step Verification) and store that one (`{keyring}`)").format(
            auth='auth = "oauth2"', account=name, login=f"replywatch login {account.name}",
            url="https://myaccount.google.com/apppasswords",
            keyring=f"keyring set replywatch {account.username}@{account.host}")
    if login_refused:
        return _("check username = {username} and the password its source gives (the "
                 "password keys of account {account})").format(username=user, account=name)
    if isinstance(exc, ConnectionRefusedError):
        usual = "993" if account.security is Security.TLS else "143"
        return _("check host and port (IMAP with security = {security} is usually on port "
                 "{port})").format(security=repr(account.security.value), port=usual)
    return None


def mailbox_error(account: Account, what: str, exc: BaseException, *,
                  login_refused: bool = False, gmail: bool = False,
                  oauth: bool = False) -> MailboxError:
    """Given a failed IMAP step ``what`` and its exception, return the MailboxError to raise.

    Its one problem line names the account, host and port, the step and the reason
    in words; its hint says what to change, where a likely fix is known.
    ``login_refused`` is set by the IMAP edge (the only imapclient user) when the
    server refused the credentials, ``gmail`` when the server said it is Gmail,
    ``oauth`` when the credentials were an OAuth2 access token.
    """
    reason = _reason(exc)
    if login_refused:
        reason = _("login refused: {reason}").format(reason=reason)
    return MailboxError(
        _("account {account} ({host}:{port}): {step}: {reason}").format(
            account=repr(account.name), host=account.host, port=account.port, step=what,
            reason=reason),
        hint=_hint(account, exc, login_refused=login_refused, gmail=gmail, oauth=oauth),
    )
