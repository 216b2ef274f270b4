"""The codes of the book in words: a stage, whose move it is, what a message says.

``--json``, ``app set --stage`` and ``mail kind`` keep the English codes
("interviewing", "job_alert"); people read these words in the language in use.
"""

from __future__ import annotations

from replywatch.core.kinds import Kind
from replywatch.core.model import Stage
from replywatch.i18n import NP_, pgettext

_STAGES = {
    Stage.APPLIED: NP_("stage", "applied"),
    Stage.INTERVIEWING: NP_("stage", "interviewing"),
    Stage.OFFER: NP_("stage", "offer"),
    Stage.ACCEPTED: NP_("stage", "accepted"),
    Stage.REJECTED: NP_("stage", "rejected"),
    Stage.WITHDRAWN: NP_("stage", "withdrawn"),
    Stage.GHOSTED: NP_("stage", "ghosted"),
}
_SIDES = {"them": NP_("waiting on", "them"), "you": NP_("waiting on", "you"),
          "nobody": NP_("waiting on", "nobody")}
_KINDS = {
    Kind.ACKNOWLEDGEMENT: NP_("message kind", "acknowledgement"),
    Kind.REJECTION: NP_("message kind", "rejection"),
    Kind.INTERVIEW: NP_("message kind", "interview"),
    Kind.ACTION: NP_("message kind", "action"),
    Kind.OFFER: NP_("message kind", "offer"),
    Kind.ACCOUNT: NP_("message kind", "account"),
    Kind.JOB_ALERT: NP_("message kind", "job alert"),
    Kind.OTHER: NP_("message kind", "other"),
}


def stage_words(stage: Stage) -> str:
    """Return a stage's name in the language in use: "applied", "søkt"."""
    return pgettext(*_STAGES[stage])


def waiting_words(side: str) -> str:
    """Return whose move it is ("them", "you", "nobody") in the language in use."""
    return pgettext(*_SIDES[side]) if side in _SIDES else side


def kind_words(kind: str) -> str:
    """Return what a message kind ("job_alert") is called in the language in use.

    A code this version does not know is shown as it is, spaced.
    """
    try:
        return pgettext(*_KINDS[Kind(kind)])
    except ValueError:
        return kind.replace("_", " ")
