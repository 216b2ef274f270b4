"""Where each provider's OAuth2 endpoints are, and what it asks for.

Google's and Microsoft's are fixed here; a "custom" provider names its own in
the config. The mail scopes are those IMAP and SMTP need; ``offline_access``
(Microsoft) and ``access_type=offline`` (Google) make the provider issue a
refresh token.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from replywatch.config import OAuth2

GOOGLE_SCOPE = "https://mail.google.com/"
MICROSOFT_SCOPE = ("https://outlook.office.com/IMAP.AccessAsUser.All "
                   "https://outlook.office.com/SMTP.Send offline_access")
_MICROSOFT = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/"
GOOGLE_NO_DEVICE = (
    "Google's device flow does not allow the mail scope (https://mail.google.com/): "
    "sign in with the browser; on a machine without one, run `replywatch login` with "
    "--port N and forward that port (ssh -L N:127.0.0.1:N host), then open the URL "
    "on your own machine"
)


@dataclass(frozen=True)
class Endpoints:
    """One provider's endpoints and habits.

    ``device_url`` is "" where the device flow cannot grant mail access (then
    ``no_device`` says why). ``redirect_host`` is the host the redirect URI names
    (the listener is always on 127.0.0.1). ``auth_params`` are added to the
    authorization request; ``refresh_scope`` says whether a refresh repeats the scope.
    """

    name: str
    authorization_url: str
    token_url: str
    device_url: str
    scope: str
    redirect_host: str = "127.0.0.1"
    auth_params: dict[str, str] = field(default_factory=dict)
    refresh_scope: bool = True
    no_device: str = ""


def endpoints(settings: OAuth2) -> Endpoints:
    """Given an account's OAuth2 settings (with a provider), return its endpoints."""
    if settings.provider == "google":
        return Endpoints(
            name="Google",
            authorization_url="https://accounts.google.com/o/oauth2/v2/auth",
            token_url="https://oauth2.googleapis.com/token",  # noqa: S106 - a URL
            device_url="",
            scope=settings.scope or GOOGLE_SCOPE,
            # prompt=consent: Google sends a refresh token only on a consent screen.
            auth_params={"access_type": "offline", "prompt": "consent"},
            refresh_scope=False,
            no_device=GOOGLE_NO_DEVICE,
        )
    if settings.provider == "microsoft":
        base = _MICROSOFT.format(tenant=settings.tenant)
        return Endpoints(
            name="Microsoft",
            authorization_url=base + "authorize",
            token_url=base + "token",
            device_url=base + "devicecode",
            scope=settings.scope or MICROSOFT_SCOPE,
            # Entra ID matches a registered http://localhost redirect on any port.
            redirect_host="localhost",
        )
    return Endpoints(
        name="the provider",
        authorization_url=settings.authorization_url,
        token_url=settings.token_url,
        device_url=settings.device_url,
        scope=settings.scope,
        no_device="" if settings.device_url else "the config gives no device_url",
    )
