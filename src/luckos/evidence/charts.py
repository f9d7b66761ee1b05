"""The packet's charts as inline SVG, drawn with matplotlib (imported only here, and only
when an HTML or PDF packet has something to chart)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from luckos.domain.packet import Series


def _figure(width: float, height: float):  # type: ignore[no-untyped-def]
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=96, layout="constrained")


def _svg(figure) -> str:  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "luckos"  # the same chart, the same SVG
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: small, searchable
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    text = out.getvalue()
    return text[text.index("<svg"):]  # inline: no XML declaration or doctype


def credibility_trend(quarters: Sequence[tuple[str, float | None]]) -> str | None:
    """Hit rate by quarter, as a bar chart; None when no quarter has a rate."""
    if not any(rate is not None for _, rate in quarters):
        return None
    figure = _figure(6.0, 2.2)
    axes = figure.add_subplot()
    labels = [q for q, _ in quarters]
    values = [(rate or 0) * 100 for _, rate in quarters]
    bars = axes.bar(labels, values, color="#4C78A8")
    for bar, (_, rate) in zip(bars, quarters, strict=True):
        if rate is not None:
            axes.annotate(f"{rate * 100:.0f}%", (bar.get_x() + bar.get_width() / 2,
                                                 bar.get_height()),
                          ha="center", va="bottom", fontsize=8)
    axes.set_ylim(0, 110)
    axes.set_ylabel("kept on time, %")
    axes.set_title("Credibility: hit rate by quarter", fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure)


def metric_line(series: Series) -> str:
    """One metric over months."""
    figure = _figure(3.6, 1.9)
    axes = figure.add_subplot()
    months = [m for m, _ in series.points]
    axes.plot(months, [v for _, v in series.points], marker="o", markersize=3,
              color="#F58518")
    step = max(1, len(months) // 6)
    axes.set_xticks(range(0, len(months), step), months[::step], fontsize=7)
    axes.tick_params(axis="y", labelsize=7)
    axes.set_title(f"{series.label}" + (f" ({series.unit})" if series.unit else ""),
                   fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure)
