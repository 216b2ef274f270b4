"""The report page: one self-contained HTML file, readable offline.

No script, no network, no font or image from elsewhere: charts are inline SVG, and
each has a table beside it with the same numbers (for screen readers and for
copying). Light and dark colour schemes follow the reader's system setting. Every
text from the book (companies, roles) is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from html import escape

from replywatch.core.report import (
    BUCKETS,
    follow_ups_that_worked,
    funnel,
    response_times,
    weekly_activity,
)
from replywatch.core.text import clean_line
from replywatch.report.data import ReportData
from replywatch.report.svg import bars, sankey
from replywatch.store.book import describe

_CSS = """
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #ffffff; --muted: #5f6368;
  --node: #3b5bdb; --flow: rgba(59, 91, 219, .28); --out: rgba(224, 49, 49, .22);
  --bar0: #3b5bdb; --bar1: #2b8a3e; --bar2: #e67700; --line: #d0d4da; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8eaed; --bg: #16181c; --muted: #9aa0a6; --node: #91a7ff;
    --flow: rgba(145, 167, 255, .30); --out: rgba(255, 135, 135, .25);
    --bar0: #91a7ff; --bar1: #8ce99a; --bar2: #ffc078; --line: #3c4043; } }
body { font: 15px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg);
  max-width: 960px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 2em; }
.muted { color: var(--muted); }
figure { margin: 1em 0; } figcaption { font-weight: 600; margin-bottom: .4em; }
svg.chart { width: 100%; height: auto; }
svg text { fill: var(--fg); font-size: 13px; }
.sankey .node rect { fill: var(--node); }
.sankey .flow path { stroke: var(--flow); } .sankey .flow-out path { stroke: var(--out); }
.sankey .flow-label { font-size: 12px; font-weight: 600; }
.bars .series-0 rect { fill: var(--bar0); } .bars .series-1 rect { fill: var(--bar1); }
.bars .series-2 rect { fill: var(--bar2); }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border-bottom: 1px solid var(--line); padding: .25em .8em; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
details { margin: .3em 0 1em; } summary { cursor: pointer; color: var(--muted); }
"""


def _table(headers: list[str], rows: Sequence[Sequence[object]], caption: str = "") -> str:
    head = "".join(f'<th{" class=n" if i else ""}>{escape(h)}</th>'
                   for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f'<td{" class=n" if isinstance(v, int) else ""}>{escape(str(v))}</td>'
                         for v in row) + "</tr>"
        for row in rows)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure(fig_id: str, title: str, chart: str, table: str) -> str:
    """A chart with its title and the same numbers as a table beside it."""
    return (f'<figure><figcaption id="{fig_id}">{escape(title)}</figcaption>{chart}'
            f"<details open><summary>The numbers</summary>{table}</details></figure>")


def render(data: ReportData, tz: tzinfo, *, since: datetime | None = None,
           max_follow_ups: int = 3) -> str:
    """Return the report page for ``data`` as one HTML document."""
    shown = funnel(data.facts)
    times = response_times(data.facts)
    worked = follow_ups_that_worked(data.facts, max_follow_ups)
    weeks = weekly_activity(data.apps, data.facts, tz, since)
    answered = sum(1 for f in data.facts if f.first_reply is not None)
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing loads from anywhere: no script, no network, inline styles only.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>replywatch — your job search</title><style>{_CSS}</style></head><body>",
        "<h1>Your job search</h1>",
        f'<p class="muted">{len(data.apps)} applications; {answered} answered by a person. '
        f"As of {data.now.astimezone(tz):%A %d %B %Y %H:%M}.</p>",
        "<h2>The funnel</h2>",
        _figure("funnel-title", "Where your applications went", sankey(shown, "funnel-title"),
                _table(["from", "to", "applications"],
                       [[s, t, c] for s, t, c in shown.flows])),
        "<h2>How long companies take</h2>",
        _response_section(times),
        "<h2>Follow-ups that worked</h2>",
        _figure("followups-title", "Answers after n follow-ups",
                bars([(f"after {n}", [r]) for n, r, _ in worked], ["answered"],
                     "followups-title"),
                _table(["follow-ups sent", "answered", "applications"],
                       [[n, r, t] for n, r, t in worked])),
        "<h2>Activity by week</h2>",
        _figure("weeks-title", "Applications, replies and interviews per week",
                bars([(f"{w:%d %b}", [a, r, i]) for w, a, r, i in weeks],
                     ["applications", "replies", "interviews"], "weeks-title"),
                _table(["week of", "applications", "replies", "interviews"],
                       [[f"{w:%Y-%m-%d}", a, r, i] for w, a, r, i in weeks])),
        "<h2>What is due</h2>",
        _due_section(data, tz),
        *(["<h2>Found in your mail</h2>", _found_section(data, tz)] if data.found else []),
        "<h2>Open applications</h2>",
        _open_section(data, tz),
        "</body></html>",
    ]
    return "".join(parts)


def _response_section(times: dict[str, dict[str, int]]) -> str:
    if "all" not in times:
        return "<p>No company has answered yet.</p>"
    buckets = [b[0] for b in BUCKETS]
    overall = times["all"]
    chart = bars([(name, [overall[name]]) for name in buckets], ["first replies"],
                 "times-title")
    groups = sorted(k for k in times if k != "all")
    rows = [[k.split(":", 1)[1], "company" if k.startswith("company:") else "channel",
             *(times[k][b] for b in buckets)] for k in groups]
    table = _table(["company, or the channel it came through", "", *buckets], rows)
    return _figure("times-title", "Days to the first reply from a person (not a receipt)",
                   chart, table)


def _due_section(data: ReportData, tz: tzinfo) -> str:
    if not data.due:
        return "<p>Nothing is due.</p>"
    lines = "".join(f"<li>{escape(describe(app, action, data.now, tz))}</li>"
                    for app, action in data.due)
    return f"<ol>{lines}</ol>"


def _open_section(data: ReportData, tz: tzinfo) -> str:
    rows = [[a.id, clean_line(a.company, 60), clean_line(a.role, 60), a.stage.value,
             f"{a.applied_at.astimezone(tz):%Y-%m-%d}"]
            for a in data.apps if not a.stage.is_closed]
    if not rows:
        return "<p>No open applications.</p>"
    return _table(["id", "company", "role", "stage", "applied"], rows)


def _found_section(data: ReportData, tz: tzinfo) -> str:
    rows = [[s.id, clean_line(s.proposal.company, 60), clean_line(s.proposal.role, 60),
             f"{s.proposal.applied.astimezone(tz):%Y-%m-%d}", clean_line(s.proposal.contact, 80)]
            for s in data.found]
    return ("<p>Applications found in your mail, not in your book yet: add them with "
            "<code>replywatch app accept ID</code> (or <code>--all</code>), or drop one "
            "with <code>replywatch app dismiss ID</code>.</p>"
            + _table(["id", "company", "role", "applied", "from or to"], rows))
