"""Charts as inline SVG built on the server: no JavaScript, no network, and nothing the
Content-Security-Policy has to allow. Colours are presentation attributes (a style
attribute would need 'unsafe-inline')."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

_W, _H, _PAD = 560, 180, 32


def line(points: Sequence[tuple[str, float | None]], *, label: str, percent: bool = False,
         flagged: Sequence[bool] = ()) -> Markup:
    """A line over labelled x positions; None leaves a gap. Flagged points are hollow."""
    values = [v for _, v in points if v is not None]
    if not values:
        return Markup(f'<p class="empty">no data for {escape(label)} yet</p>')
    low, high = (0.0, 1.0) if percent else (min(values), max(values))
    if high == low:
        high, low = high + 1, low - 1
    step = (_W - 2 * _PAD) / max(len(points) - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return (_PAD + i * step,
                _H - _PAD - (v - low) / (high - low) * (_H - 2 * _PAD))

    parts = [f'<svg class="chart" viewBox="0 0 {_W} {_H}" role="img" '
             f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{_PAD}" y1="{_H - _PAD}" x2="{_W - _PAD}" y2="{_H - _PAD}" '
             'stroke="#999"/>']
    path: list[str] = []
    for i, (_, v) in enumerate(points):
        if v is None:
            continue
        x, y = xy(i, v)
        path.append(f"{'M' if not path else 'L'}{x:.1f},{y:.1f}")
    parts.append(f'<path d="{" ".join(path)}" fill="none" stroke="#2b6cb0" stroke-width="2"/>')
    for i, (x_label, v) in enumerate(points):
        x = _PAD + i * step
        every = -(-len(points) // 8)  # at most eight labels, so that they never overlap
        if i % every == 0 or i == len(points) - 1 and i % every >= every // 2 + 1:
            parts.append(f'<text x="{x:.1f}" y="{_H - 10}" font-size="10" '
                         f'text-anchor="middle" fill="#555">{escape(x_label)}</text>')
        if v is None:
            continue
        _, y = xy(i, v)
        shown = f"{v:.0%}" if percent else f"{v:g}"
        hollow = i < len(flagged) and flagged[i]
        parts.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="4" '
                     f'fill="{"#fff" if hollow else "#2b6cb0"}" stroke="#2b6cb0">'
                     f'<title>{escape(x_label)}: {escape(shown)}</title></circle>')
    top = f"{high:.0%}" if percent else f"{high:g}"
    bottom = f"{low:.0%}" if percent else f"{low:g}"
    parts += [f'<text x="2" y="{_PAD}" font-size="10" fill="#555">{escape(top)}</text>',
              f'<text x="2" y="{_H - _PAD}" font-size="10" fill="#555">{escape(bottom)}</text>',
              "</svg>"]
    return Markup("".join(parts))


def bars(points: Sequence[tuple[str, float | None]], *, label: str) -> Markup:
    """Bars of a share (0..1) per label, for the hit rate by quarter."""
    if not points:
        return Markup(f'<p class="empty">no data for {escape(label)} yet</p>')
    width = (_W - 2 * _PAD) / len(points)
    parts = [f'<svg class="chart" viewBox="0 0 {_W} {_H}" role="img" '
             f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">']
    for i, (x_label, v) in enumerate(points):
        x = _PAD + i * width
        if v is not None:
            height = v * (_H - 2 * _PAD)
            parts.append(f'<rect class="bar" x="{x + 2:.1f}" y="{_H - _PAD - height:.1f}" '
                         f'width="{width - 4:.1f}" height="{height:.1f}" fill="#2b6cb0">'
                         f'<title>{escape(x_label)}: {v:.0%}</title></rect>')
            parts.append(f'<text x="{x + width / 2:.1f}" y="{_H - _PAD - height - 4:.1f}" '
                         f'font-size="10" text-anchor="middle">{v:.0%}</text>')
        parts.append(f'<text x="{x + width / 2:.1f}" y="{_H - 10}" font-size="10" '
                     f'text-anchor="middle" fill="#555">{escape(x_label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def heat(grid: Sequence[Sequence[float]], rows: Sequence[str], columns: Sequence[str], *,
         label: str) -> Markup:
    """A heat map (weekday × hour): darker is more."""
    top = max((v for row in grid for v in row), default=0) or 1
    cell_w, cell_h, left = 20, 18, 40
    width, height = left + cell_w * len(columns), 20 + cell_h * len(rows)
    parts = [f'<svg class="heat" viewBox="0 0 {width} {height}" width="{width * 1.6:.0f}" '
             f'role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">']
    for c, name in enumerate(columns):
        parts.append(f'<text x="{left + c * cell_w + cell_w / 2}" y="12" font-size="9" '
                     f'text-anchor="middle" fill="#555">{escape(name)}</text>')
    for r, name in enumerate(rows):
        y = 20 + r * cell_h
        parts.append(f'<text x="0" y="{y + 13}" font-size="10" fill="#555">'
                     f'{escape(name[:3])}</text>')
        for c, v in enumerate(grid[r]):
            shade = v / top
            parts.append(f'<rect x="{left + c * cell_w}" y="{y}" width="{cell_w - 1}" '
                         f'height="{cell_h - 1}" fill="#2b6cb0" fill-opacity="{shade:.2f}">'
                         f'<title>{escape(name)} {escape(columns[c])}: {v:g}</title></rect>')
    parts.append("</svg>")
    return Markup("".join(parts))
