"""The SASL client messages that carry an OAuth2 bearer token (before base64).

XOAUTH2 is Google's and Microsoft's (https://developers.google.com/gmail/imap/xoauth2-protocol);
OAUTHBEARER is RFC 7628, with the GS2 header of RFC 5801. imapclient builds the
same strings for IMAP; SMTP (smtplib) needs them here.
"""

from __future__ import annotations


def xoauth2(username: str, token: str) -> str:
    """Return the XOAUTH2 initial response for ``username`` and access ``token``."""
    return f"user={username}\x01auth=Bearer {token}\x01\x01"


def oauthbearer(username: str, token: str) -> str:
    """Return the OAUTHBEARER initial response (RFC 7628 3.1) with ``username`` as
    the authorization identity (``=`` and ``,`` escaped as RFC 5801 says).
    """
    identity = username.replace("=", "=3D").replace(",", "=2C")
    return f"n,a={identity},\x01auth=Bearer {token}\x01\x01"
