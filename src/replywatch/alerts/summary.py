"""Many alerts at once as one: a first run, or a restored backup, must not bury the
user under a wall of notifications. Pure, like ``render``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from replywatch.alerts.render import URGENCY_CRITICAL, URGENCY_NORMAL, RenderedAlert
from replywatch.core.text import clean_line, clean_text

# More alerts than this for one channel in one delivery become one summary.
SUMMARY_AFTER = 5
MAX_EMAIL_BODY_CHARS = 50_000
MAX_NAMED = 3  # companies named in the summary's body before "and N more"

# The words for each kind, singular and plural; kinds not listed read as themselves.
_WORDS = {
    "reply": ("reply", "replies"),
    "follow_up_due": ("follow-up", "follow-ups"),
    "thank_you_due": ("thank-you note", "thank-you notes"),
    "ghosted": ("gone quiet", "gone quiet"),
    "rejected": ("rejection", "rejections"),
}
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
    title = f"{apps} applications need you" if apps != 1 else "1 application needs you"
    counts = Counter(alert.kind for alert in alerts)
    counted = ", ".join(_count(kind, n) for kind, n in counts.most_common())
    companies = list(dict.fromkeys(_company(alert) for alert in alerts))
    named = ", ".join(companies[:MAX_NAMED])
    if len(companies) > MAX_NAMED:
        named += f" and {len(companies) - MAX_NAMED} more"
    body = clean_text("\n".join([counted, named, "See them all: replywatch status"]))
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
    one, many = _WORDS.get(kind, (kind.replace("_", " "), kind.replace("_", " ")))
    return f"{n} {one if n == 1 else many}"


def _company(alert: RenderedAlert) -> str:
    application = alert.payload.get("application")
    if isinstance(application, dict):
        return clean_line(str(application.get("company", "")), 60)
    return clean_line(alert.title, 60)
