"""Static SVG charts for the report: a Sankey diagram of the funnel and bar charts.

Drawn here, in plain SVG, rather than with a charting library: none of the
well-kept Python ones (matplotlib, plotly, altair, pygal) draws a Sankey as static
SVG without a browser or a JavaScript runtime, and a bar chart is a few rectangles.
Every text comes escaped; colours come from CSS classes, so the page's light and
dark schemes apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from replywatch.core.report import OUTCOMES, STAGES, Funnel
from replywatch.i18n import NP_, _, pgettext

_WIDTH, _HEIGHT = 900, 420
_NODE_W, _GAP = 14, 18

# The funnel's stages and outcomes (core.report) in words; data-node keeps the names.
_STAGE_LABELS = {
    "Applied": NP_("funnel", "Applied"), "Acknowledged": NP_("funnel", "Acknowledged"),
    "Replied": NP_("funnel", "Replied"), "Interview": NP_("funnel", "Interview"),
    "Offer": NP_("funnel", "Offer"), "Accepted": NP_("funnel", "Accepted"),
    "Rejected": NP_("funnel", "Rejected"), "Withdrawn": NP_("funnel", "Withdrawn"),
    "Ghosted": NP_("funnel", "Ghosted"), "Still waiting": NP_("funnel", "Still waiting"),
}


def stage_label(name: str) -> str:
    """Return a funnel node's name ("Still waiting") in the user's language."""
    label = _STAGE_LABELS.get(name)
    return pgettext(*label) if label else name



def _columns(funnel: Funnel) -> list[list[str]]:
    """Return the nodes of each column: one column per stage, the outcomes last."""
    columns = [[name] for name in STAGES if name in funnel.nodes]
    columns.append([name for name in OUTCOMES if name in funnel.nodes])
    return [c for c in columns if c]


def sankey(funnel: Funnel, title_id: str) -> str:
    """Return an SVG Sankey of the funnel: nodes with their names and counts, and
    flows labelled with their counts (``data-flow`` holds "source->target:count")."""
    total = max(funnel.nodes.get("Applied", 0), 1)
    columns = _columns(funnel)
    usable = _HEIGHT - 40
    scale = (usable - _GAP * (max(len(c) for c in columns) - 1)) / total
    step = (_WIDTH - 220) / max(len(columns) - 1, 1)
    places: dict[str, tuple[float, float, float]] = {}  # name -> x, y, height
    for index, column in enumerate(columns):
        x = 10 + index * step
        y = 20.0
        for name in column:
            height = max(funnel.nodes[name] * scale, 2.0)
            places[name] = (x, y, height)
            y += height + _GAP
    out_used = dict.fromkeys(places, 0.0)
    in_used = dict.fromkeys(places, 0.0)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart sankey" role="img" '
             f'aria-labelledby="{title_id}" viewBox="0 0 {_WIDTH} {_HEIGHT}">']
    for source, target, count in funnel.flows:
        sx, sy, _height = places[source]
        tx, ty, _height = places[target]
        band = max(count * scale, 1.0)
        y0 = sy + out_used[source]
        y1 = ty + in_used[target]
        out_used[source] += band
        in_used[target] += band
        x0, x1 = sx + _NODE_W, tx
        mid = (x0 + x1) / 2
        path = (f"M{x0:.1f},{y0 + band / 2:.1f} C{mid:.1f},{y0 + band / 2:.1f} "
                f"{mid:.1f},{y1 + band / 2:.1f} {x1:.1f},{y1 + band / 2:.1f}")
        kind = "flow-out" if target in OUTCOMES else "flow"
        label = _("{source} to {target}: {count}").format(
            source=stage_label(source), target=stage_label(target), count=count)
        parts.append(
            f'<g class="{kind}" data-flow="{escape(source)}-&gt;{escape(target)}:{count}">'
            f'<title>{escape(label)}</title>'
            f'<path d="{path}" stroke-width="{band:.1f}" fill="none"/>'
            f'<text class="flow-label" x="{mid:.1f}" y="{(y0 + y1) / 2 + band / 2 + 4:.1f}" '
            f'text-anchor="middle">{count}</text></g>')
    for name, (x, y, height) in places.items():
        parts.append(
            f'<g class="node" data-node="{escape(name)}:{funnel.nodes[name]}">'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{_NODE_W}" height="{height:.1f}"/>'
            f'<text x="{x + _NODE_W + 4:.1f}" y="{y + height / 2 + 4:.1f}">'
            f'{escape(stage_label(name))} ({funnel.nodes[name]})</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def bars(rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[str], title_id: str
         ) -> str:
    """Return an SVG bar chart: one group of bars per row label, one bar per series,
    each bar labelled with its value (``data-bar`` holds "label/series:value")."""
    if not rows:
        return ""
    top = max((v for _label, values in rows for v in values), default=0) or 1
    group = 26 * len(series) + 16
    height = 40 + group * len(rows)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart bars" role="img" '
             f'aria-labelledby="{title_id}" viewBox="0 0 {_WIDTH} {height}">']
    for r, (label, values) in enumerate(rows):
        y = 20 + r * group
        parts.append(f'<text class="row-label" x="150" y="{y + 16}" text-anchor="end">'
                     f'{escape(label)}</text>')
        for s, value in enumerate(values):
            width = value / top * (_WIDTH - 260)
            by = y + s * 26
            parts.append(
                f'<g class="bar series-{s}" data-bar="{escape(label)}/{escape(series[s])}:'
                f'{value}"><title>{escape(series[s])}: {value}</title>'
                f'<rect x="160" y="{by}" width="{width:.1f}" height="22"/>'
                f'<text x="{164 + width:.1f}" y="{by + 16}">{value}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
