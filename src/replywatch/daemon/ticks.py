"""When the daemon next looks at what is due: the first moment that has work.

A tick judges the book and sends what fell due. Every minute would be simple,
and 1,440 wake-ups a day of which almost all find nothing. Instead each tick
asks for the next one at the first instant something can happen: an action
falls due or changes (the agenda keeps each application's next boundary), the
quiet hours end while alerts are held, the weekly digest is due, or a failed
send is tried again. Each pass (every ``poll_minutes``, or on new mail) ends with
a tick as well, which also covers a wall clock stepped forward.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from replywatch.alerts.deliver import Alerter, Delivery, quiet_until
from replywatch.config import Config
from replywatch.daemon.outputs import Outputs


def next_tick(now: datetime, delivery: Delivery, alerter: Alerter, outputs: Outputs,
              config: Config, *, retry: timedelta) -> datetime | None:
    """Given the outcome of the tick at ``now``, return when the next tick has work,
    or None when nothing but a pass can bring any.
    """
    moments = [alerter.agenda.next_change(), outputs.next_moment(now)]
    if delivery.held:
        moments.append(quiet_until(now, alerter.tz, config.alerts.quiet_hours))
    if delivery.failed:
        moments.append(now + retry)
    return min((moment for moment in moments if moment is not None), default=None)
