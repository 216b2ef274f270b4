"""How a pass is shown: the JSON of ``check --json`` and the lines of its summary.

Subjects, senders and company names come from mail or imports: every piece is
cleaned before it reaches a terminal, so an escape code is shown as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from replywatch.core.model import Direction
from replywatch.core.text import clean_line
from replywatch.store.book import action_json, describe

if TYPE_CHECKING:  # types only: `status` and `app list` need not load the engine
    from replywatch.core.discover import Proposal
    from replywatch.engine import Matched, PassReport


def ambiguous_text(sender: str | None, subject: str, ids: Sequence[int]) -> str:
    """Return one line about a message that fits several applications."""
    return (f"message from {clean_line(sender or '?', 80)} \"{clean_line(subject, 60)}\" fits "
            f"applications {', '.join(str(i) for i in ids)}; tell them apart with "
            "`app set ID --add-contact` or `app add --thread`")


def review_text(sender: str | None, subject: str, app_id: int, company: str) -> str:
    """Return one line about a message that names a thread from an unrelated sender."""
    who = clean_line(sender or "?", 80)
    return (f"message from {who} \"{clean_line(subject, 60)}\" names a thread of application "
            f"{app_id} ({clean_line(company, 40)}) but its sender has nothing to do with it; "
            f"if it is theirs: `app set {app_id} --add-contact {who}`")


def matched_text(m: Matched) -> str:
    """Return how a matched message is described: its direction, rule and subject."""
    if m.direction is not Direction.FROM_THEM:
        way = "your message to them"
    elif m.kind is None or m.reply:
        way = "reply from them" + (f", {m.kind}" if m.kind and m.kind != "other" else "")
    else:
        way = f"{m.kind.replace('_', ' ')} from them, no reply"
    subject = f" \"{clean_line(m.subject, 60)}\"" if m.subject else ""
    return f"{way} ({m.rule}){subject}"


def check_json(report: PassReport, tz: tzinfo) -> dict[str, Any]:
    """Return the JSON document of ``check --json``."""
    return {
        "accounts": [
            {"name": a.name, "ok": a.ok, "error": a.error, "commands": a.commands,
             "folders": [{"name": f.name, "role": f.role, "read": f.read, "new": f.new}
                         for f in a.folders]}
            for a in report.accounts
        ],
        "matched": [
            {"application": m.app_id, "company": m.company, "message_id": m.message_id,
             "direction": m.direction.value, "rule": m.rule,
             "at": m.at.astimezone(tz).isoformat(timespec="seconds"), "subject": m.subject,
             "kind": m.kind, "reply": m.reply}
            for m in report.matched
        ],
        "ambiguous": [
            {"message_id": a.message_id, "candidates": list(a.candidates), "from": a.sender,
             "subject": a.subject}
            for a in report.ambiguous
        ],
        "review": [
            {"message_id": r.message_id, "application": r.app_id, "company": r.company,
             "from": r.sender, "subject": r.subject, "reason": "unrelated_sender"}
            for r in report.review
        ],
        "proposed": [proposal_json(p.id, p.proposal, tz) for p in report.proposed],
        "due": [{"id": app.id, "company": app.company, **(action_json(x, tz) or {})}
                for app, x in report.due],
        # Messages whose parsing or matching failed: skipped, never retried.
        "set_aside": {
            "count": report.set_aside_total,
            "new": [{"account": m.account, "folder": m.folder, "uid": m.uid, "error": m.error}
                    for m in report.set_aside],
        },
    }


def proposal_json(proposal_id: int, p: Proposal, tz: tzinfo) -> dict[str, Any]:
    """Return a proposal as ``app proposals --json`` and ``check --json`` show it."""
    return {"id": proposal_id, "company": p.company, "role": p.role,
            "applied": p.applied.astimezone(tz).isoformat(timespec="seconds"),
            "contact": p.contact, "message_id": p.message_id, "source": p.source,
            "evidence": list(p.evidence)}


def proposal_line(proposal_id: int, p: Proposal, tz: tzinfo) -> str:
    """Return one line about a proposal: id, company, role, date and where it came from."""
    role = f" ({clean_line(p.role, 60)})" if p.role else ""
    via = {"relay": "a receipt from", "board": "a job board's receipt from",
           "sent": "your application to"}[p.source]
    return (f"[{proposal_id}] {clean_line(p.company, 60)}{role}, applied "
            f"{p.applied.astimezone(tz):%a %d %b}: {via} {clean_line(p.contact, 80)}")


def check_lines(report: PassReport, now: datetime, tz: tzinfo) -> list[str]:
    """Return the short human summary of a pass, a line per fact."""
    lines = []
    for acct in report.accounts:
        if acct.ok:
            new = sum(f.new for f in acct.folders)
            parts = ", ".join(f"{f.name} {f.new}" for f in acct.folders if f.new)
            lines.append(f"{acct.name}: {new} new message(s)" + (f" ({parts})" if parts else ""))
        else:
            lines.append(f"{acct.name}: not read (the error follows on standard error)")
    lines += [f"matched: {clean_line(m.company, 60)} — {matched_text(m)}" for m in report.matched]
    lines += [f"ambiguous: {ambiguous_text(a.sender, a.subject, a.candidates)}"
              for a in report.ambiguous]
    lines += [f"review: {review_text(r.sender, r.subject, r.app_id, r.company)}"
              for r in report.review]
    lines += [f"found: {proposal_line(p.id, p.proposal, tz)}" for p in report.proposed]
    if report.proposed:
        lines.append("  add them with `replywatch app accept ID` (or --all), or "
                     "`replywatch app dismiss ID`")
    lines += [f"due: [{app.id}] {describe(app, action, now, tz)}" for app, action in report.due]
    lines += [f"set aside: {m.account} {clean_line(m.folder, 60)} UID {m.uid}: "
              f"{clean_line(m.error, 100)}" for m in report.set_aside]
    if not (report.matched or report.ambiguous or report.review or report.due
            or report.proposed):
        lines.append("nothing new for your applications")
    return lines
