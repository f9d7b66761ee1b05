"""The packet's charts as inline SVG: the credibility trend by quarter (bars) and each
metric over the months (a line).

Written as SVG text directly rather than drawn with matplotlib: a packet of a long
career has thirty metric charts or more, and matplotlib spends about 150 ms laying out
each figure (its tick labels, its constrained layout) where the packet has a budget of
one second in all. Bars and a polyline need none of that. Text is escaped; the same
data gives the same SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from luckos.domain.packet import Series

_FONT = 'font-family="Helvetica, Arial, sans-serif"'
BAR = "#4C78A8"
LINE = "#F58518"


def _number(value: float) -> str:
    if value == int(value) and abs(value) < 1e6:
        return f"{int(value):,}"
    return f"{value:,.3g}"


def credibility_trend(quarters: Sequence[tuple[str, float | None]]) -> str | None:
    """Hit rate by quarter as bars; None when no quarter has a rate."""
    if not any(rate is not None for _, rate in quarters):
        return None
    width, height, left, top, bottom = 560, 200, 36, 28, 26
    plot_h = height - top - bottom
    step = (width - left - 8) / len(quarters)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Credibility: hit rate by quarter">',
             f'<text x="{width / 2:.0f}" y="16" text-anchor="middle" font-size="13" {_FONT}>'
             'Credibility: hit rate by quarter</text>']
    for percent in (0, 50, 100):
        y = top + plot_h * (1 - percent / 100)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 8}" y2="{y:.1f}" '
                     'stroke="#ddd" stroke-width="1"/>')
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" '
                     f'font-size="10" {_FONT}>{percent}%</text>')
    for index, (quarter, rate) in enumerate(quarters):
        x = left + index * step + step * 0.15
        bar_w = step * 0.7
        centre = x + bar_w / 2
        if rate is not None:
            bar_h = plot_h * rate
            y = top + plot_h - bar_h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
                         f'height="{bar_h:.1f}" fill="{BAR}"/>')
            parts.append(f'<text x="{centre:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                         f'font-size="10" {_FONT}>{rate * 100:.0f}%</text>')
        parts.append(f'<text x="{centre:.1f}" y="{height - 8}" text-anchor="middle" '
                     f'font-size="10" {_FONT}>{escape(quarter)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def metric_line(series: Series) -> str:
    """One metric over the months, with its first and last values labelled."""
    width, height, left, right, top, bottom = 340, 170, 44, 12, 30, 26
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for _, v in series.points]
    low, high = min(values), max(values)
    if high == low:
        low, high = low - 1, high + 1
    span = high - low

    def x(i: int) -> float:
        return left + plot_w * (i / (len(values) - 1) if len(values) > 1 else 0.5)

    def y(v: float) -> float:
        return top + plot_h * (1 - (v - low) / span)

    title = series.label + (f" ({series.unit})" if series.unit else "")
    points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
             f'<text x="{width / 2:.0f}" y="15" text-anchor="middle" font-size="11" {_FONT}>'
             f'{escape(title)}</text>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" '
             f'y2="{top + plot_h}" stroke="#bbb" stroke-width="1"/>']
    for value in (high, low):
        parts.append(f'<text x="{left - 4}" y="{y(value) + 4:.1f}" text-anchor="end" '
                     f'font-size="9" {_FONT}>{_number(value)}</text>')
    parts.append(f'<polyline points="{points}" fill="none" stroke="{LINE}" '
                 'stroke-width="2"/>')
    for i, v in enumerate(values):
        parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="2.5" fill="{LINE}"/>')
    months = [m for m, _ in series.points]
    stride = max(1, (len(months) + 5) // 6)
    for i in range(0, len(months), stride):
        parts.append(f'<text x="{x(i):.1f}" y="{height - 8}" text-anchor="middle" '
                     f'font-size="9" {_FONT}>{escape(months[i])}</text>')
    parts.append("</svg>")
    return "".join(parts)
