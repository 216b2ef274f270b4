"""OAuth2 sign-in: provider endpoints, the login flows, and access tokens.

``providers`` knows Google's, Microsoft's and a custom server's endpoints;
``flows`` runs ``replywatch login`` (authorization code with PKCE on a loopback
redirect, or the device code); ``tokens`` keeps one account's access token fresh
from the refresh token in the keyring; ``sources`` hands the IMAP and SMTP edges
one shared token source per server. Only the standard library speaks HTTP here.
"""
