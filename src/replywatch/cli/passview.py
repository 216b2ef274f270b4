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
from replywatch.i18n import _, ngettext, short_day
from replywatch.report.words import kind_words
from replywatch.store.book import action_json, describe

if TYPE_CHECKING:  # types only: `status` and `app list` need not load the engine
    from replywatch.core.discover import Proposal
    from replywatch.engine import Matched, PassReport


def ambiguous_text(sender: str | None, subject: str, ids: Sequence[int]) -> str:
    """Return one line about a message that fits several applications."""
    return _("message from {sender} \"{subject}\" fits applications {ids}; tell them apart "
             "with `{add_contact}` or `{add_thread}`").format(
        sender=clean_line(sender or "?", 80), subject=clean_line(subject, 60),
        ids=", ".join(str(i) for i in ids), add_contact="app set ID --add-contact",
        add_thread="app add --thread")


def review_text(sender: str | None, subject: str, app_id: int, company: str) -> str:
    """Return one line about a message that names a thread from an unrelated sender."""
    who = clean_line(sender or "?", 80)
    return _("message from {sender} \"{subject}\" names a thread of application {id} "
             "({company}) but its sender has nothing to do with it; if it is theirs: "
             "`{command}`").format(
        sender=who, subject=clean_line(subject, 60), id=app_id,
        company=clean_line(company, 40), command=f"app set {app_id} --add-contact {who}")


def matched_text(m: Matched) -> str:
    """Return how a matched message is described: its direction, rule and subject."""
    if m.direction is not Direction.FROM_THEM:
        way = _("your message to them")
    elif m.kind is None or m.reply:
        way = (_("reply from them, {kind}").format(kind=kind_words(m.kind))
               if m.kind and m.kind != "other" else _("reply from them"))
    else:
        way = _("{kind} from them, no reply").format(kind=kind_words(m.kind))
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
    via = {"relay": _("a receipt from {contact}"),
           "board": _("a job board's receipt from {contact}"),
           "sent": _("your application to {contact}")}[p.source]
    return _("[{id}] {company}, applied {when}: {via}").format(
        id=proposal_id, company=clean_line(p.company, 60) + role,
        when=short_day(p.applied.astimezone(tz)),
        via=via.format(contact=clean_line(p.contact, 80)))


def check_lines(report: PassReport, now: datetime, tz: tzinfo) -> list[str]:
    """Return the short human summary of a pass, a line per fact."""
    lines = []
    for acct in report.accounts:
        if acct.ok:
            new = sum(f.new for f in acct.folders)
            parts = ", ".join(f"{f.name} {f.new}" for f in acct.folders if f.new)
            count = ngettext("{account}: {count} new message", "{account}: {count} new messages",
                             new).format(account=acct.name, count=new)
            lines.append(count + (f" ({parts})" if parts else ""))
        else:
            lines.append(_("{account}: not read (the error follows on standard error)").format(
                account=acct.name))
    lines += [_("matched: {company} — {what}").format(
        company=clean_line(m.company, 60), what=matched_text(m)) for m in report.matched]
    lines += [_("ambiguous: {what}").format(what=ambiguous_text(a.sender, a.subject, a.candidates))
              for a in report.ambiguous]
    lines += [_("review: {what}").format(what=review_text(r.sender, r.subject, r.app_id,
                                                           r.company)) for r in report.review]
    lines += [_("found: {what}").format(what=proposal_line(p.id, p.proposal, tz))
              for p in report.proposed]
    if report.proposed:
        lines.append("  " + _("add them with `{accept}` (or {all}), or `{dismiss}`").format(
            accept="replywatch app accept ID", all="--all", dismiss="replywatch app dismiss ID"))
    lines += [_("due: [{id}] {what}").format(id=app.id, what=describe(app, action, now, tz))
              for app, action in report.due]
    lines += [_("set aside: {account} {folder} UID {uid}: {error}").format(
        account=m.account, folder=clean_line(m.folder, 60), uid=m.uid,
        error=clean_line(m.error, 100)) for m in report.set_aside]
    if not (report.matched or report.ambiguous or report.review or report.due
            or report.proposed):
        lines.append(_("nothing new for your applications"))
    return lines
