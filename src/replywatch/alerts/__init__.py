"""Alert channels: how replywatch tells the user (desktop notification, email).

``desktop.py`` is the only module that speaks D-Bus, ``email.py`` the only one
that speaks SMTP. Both raise ``AlertChannelError`` for every failure of their
transport, so callers handle one error type per channel.
"""

from __future__ import annotations

from collections.abc import Iterable

from replywatch.errors import UserError


class AlertChannelError(UserError):
    """An alert could not be delivered over ``channel`` ("desktop", "email").

    A user problem, not a bug: no bus, no notification server, wrong SMTP
    password, a certificate that does not verify. The message never holds a secret.
    """

    def __init__(
        self, channel: str, problems: str | Iterable[str], *, hint: str | None = None
    ) -> None:
        super().__init__(problems, hint=hint, exit_code=1)
        self.channel = channel
