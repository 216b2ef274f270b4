"""The two HTTP requests OAuth2 needs of a client: a form POST, read as JSON.

urllib with a timeout and the system's certificate checks; replies are capped
in size. An OAuth2 error reply (RFC 6749 5.2: ``{"error": ..., "error_description":
...}``) becomes ``ProviderError`` with its code, anything else ``HttpError``.
Nothing here logs: the bodies carry tokens.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from replywatch import __version__

MAX_REPLY = 1_000_000  # a token reply is a few KB
TIMEOUT = 30.0


class HttpError(Exception):
    """The endpoint could not be reached or gave no usable answer."""


class ProviderError(HttpError):
    """The endpoint answered with an OAuth2 error code (``error``)."""

    def __init__(self, error: str, description: str) -> None:
        self.error = error
        self.description = description
        super().__init__(f"{error}: {description}" if description else error)


def post_form(url: str, fields: Mapping[str, str], *, timeout: float = TIMEOUT
              ) -> dict[str, object]:
    """POST ``fields`` form-encoded to ``url``; return the JSON object it answers.

    Raise ProviderError for an OAuth2 error reply, HttpError for anything else
    that went wrong (network, TLS, timeout, a reply that is not a JSON object).
    """
    # Here: urllib.request (with http.client) costs 14 ms to import, and every pass
    # that logs in with a password loads this module too (oauth.sources).
    import urllib.error
    import urllib.parse
    import urllib.request

    body = urllib.parse.urlencode(dict(fields)).encode()
    # https, or http on loopback only: checked by the config schema and providers.py.
    request = urllib.request.Request(url, data=body, method="POST", headers={  # noqa: S310
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
        "User-Agent": f"replywatch/{__version__}",
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:  # noqa: S310
            return _json(reply.read(MAX_REPLY + 1), url)
    except urllib.error.HTTPError as err:
        data = _json_or_none(err.read(MAX_REPLY + 1))
        err.close()
        if data is not None and isinstance(data.get("error"), str):
            description = data.get("error_description")
            raise ProviderError(str(data["error"])[:100],
                                " ".join(str(description or "").split())[:300]) from None
        raise HttpError(f"{url} answered HTTP {err.code} {err.reason}") from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", None) or err
        raise HttpError(f"cannot reach {url}: {reason}") from None


def _json(raw: bytes, url: str) -> dict[str, object]:
    data = _json_or_none(raw)
    if data is None:
        raise HttpError(f"{url} did not answer with a JSON object")
    return data


def _json_or_none(raw: bytes) -> dict[str, object] | None:
    if len(raw) > MAX_REPLY:
        return None
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return dict[str, object](data) if isinstance(data, dict) else None
