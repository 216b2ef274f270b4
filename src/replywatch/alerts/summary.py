"""Many alerts at once as one: a first run, or a restored backup, must not bury the
user under a wall of notifications. Pure, like ``render``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from replywatch.alerts.render import URGENCY_CRITICAL, URGENCY_NORMAL, RenderedAlert
from replywatch.core.text import clean_line, clean_text
from replywatch.i18n import _, ngettext

# More alerts than this for one channel in one delivery become one summary.
SUMMARY_AFTER = 5
MAX_EMAIL_BODY_CHARS = 50_000
MAX_NAMED = 3  # companies named in the summary's body before "and N more"

_SIGNATURE = "-- \nreplywatch"


def summarize(alerts: Sequence[RenderedAlert]) -> RenderedAlert:
    """Given two or more rendered alerts, return one alert that stands for them all.

    Its title counts the applications ("7 applications need you"), its body counts
    the alerts by kind, names a few companies and says where to see them all; its
    email holds every alert's title and body; its payload (kind "summary") holds
    every alert's payload. It is critical if any alert is, and offers no actions
    (a click could not say which application it meant). Its key is derived from
    the members' keys. Raise ValueError for fewer than two alerts.
    """
    if len(alerts) < 2:
        raise ValueError("a summary needs at least two alerts")
    apps = len({alert.app_id for alert in alerts})
    title = ngettext("{count} application needs you", "{count} applications need you",
                     apps).format(count=apps)
    counts = Counter(alert.kind for alert in alerts)
    counted = ", ".join(_count(kind, n) for kind, n in counts.most_common())
    companies = list(dict.fromkeys(_company(alert) for alert in alerts))
    named = ", ".join(companies[:MAX_NAMED])
    if len(companies) > MAX_NAMED:
        named = _("{names} and {count} more").format(names=named,
                                                     count=len(companies) - MAX_NAMED)
    body = clean_text("\n".join([counted, named, _("See them all: replywatch status")]))
    details = "\n\n".join(f"{alert.title}\n{alert.body}" for alert in alerts)
    email_body = clean_text(
        "\n\n".join([title, counted, details, _SIGNATURE]) + "\n", MAX_EMAIL_BODY_CHARS
    )
    digest = hashlib.sha256("\n".join(sorted(a.key for a in alerts)).encode()).hexdigest()
    urgency = (URGENCY_CRITICAL if any(a.urgency == URGENCY_CRITICAL for a in alerts)
               else URGENCY_NORMAL)
    return RenderedAlert(
        key=f"summary:{digest[:24]}", kind="summary", app_id=0, title=title, body=body,
        email_subject=clean_line(f"[replywatch] {title}"), email_body=email_body,
        payload={"kind": "summary", "title": title, "body": body, "urgency": urgency,
                 "count": len(alerts), "counts": dict(counts),
                 "alerts": [alert.payload for alert in alerts]},
        urgency=urgency,
    )


def _count(kind: str, n: int) -> str:
    """Return ``n`` alerts of ``kind`` in words: "2 follow-ups"; an unknown kind reads
    as itself."""
    if kind == "reply":
        words = ngettext("{count} reply", "{count} replies", n)
    elif kind == "follow_up_due":
        words = ngettext("{count} follow-up", "{count} follow-ups", n)
    elif kind == "thank_you_due":
        words = ngettext("{count} thank-you note", "{count} thank-you notes", n)
    elif kind == "ghosted":
        words = ngettext("{count} gone quiet", "{count} gone quiet", n)
    elif kind == "rejected":
        words = ngettext("{count} rejection", "{count} rejections", n)
    else:
        return f"{n} {kind.replace('_', ' ')}"
    return words.format(count=n)


def _company(alert: RenderedAlert) -> str:
    application = alert.payload.get("application")
    if isinstance(application, dict):
        return clean_line(str(application.get("company", "")), 60)
    return clean_line(alert.title, 60)
