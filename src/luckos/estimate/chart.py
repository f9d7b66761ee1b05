"""The headline result's histogram: lines of text for the terminal, and a PNG file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from luckos.errors import LuckError
from luckos.estimate import pitch as wording

if TYPE_CHECKING:  # writing a file is only for --png: the terminal's histogram needs none
    from luckos import files

_BLOCKS = " ▏▎▍▌▋▊▉█"
BAR_WIDTH = 40


def _bar(count: int, most: int, width: int) -> str:
    if most <= 0:
        return ""
    eighths = round(count / most * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (_BLOCKS[part] if part else "")


def text_histogram(result: Any, width: int = BAR_WIDTH) -> list[str]:
    """One line per bin: its lower edge, a bar, the share of samples; the bins holding
    the 5th percentile, the median and the 95th percentile are marked."""
    hist = result.histogram
    summary = result.headline
    unit = summary.unit
    total = hist.total or 1
    most = max(hist.counts) if hist.counts else 0
    edges = hist.edges
    marks: dict[int, list[str]] = {}
    for value, name in ((summary.p5, "5%"), (summary.p50, "median"), (summary.p95, "95%")):
        index = _bin_of(edges, value)
        if index is not None:
            marks.setdefault(index, []).append(name)
    short = "$" if unit.startswith("$") else "%" if unit.startswith("%") else ""
    labels = [wording.quantity(edge, short, 3) for edge in edges[:-1]]
    label_width = max((len(x) for x in labels), default=0)
    lines = []
    for index, count in enumerate(hist.counts):
        bar = _bar(count, most, width).ljust(width)
        mark = f"  ← {', '.join(marks[index])}" if index in marks else ""
        share = wording.percent(count / total).rjust(6)
        lines.append(f"  {labels[index].rjust(label_width)}  {bar} {share}{mark}".rstrip())
    if hist.under or hist.over:
        lines.append(
            f"  (below {wording.quantity(edges[0], short, 3)}: "
            f"{wording.percent(hist.under / total)}; above "
            f"{wording.quantity(edges[-1], short, 3)}: {wording.percent(hist.over / total)})"
        )
    return lines


def _bin_of(edges: list[float], value: float) -> int | None:
    if len(edges) < 2 or value < edges[0] or value > edges[-1]:
        return None
    for index in range(len(edges) - 1):
        if value < edges[index + 1]:
            return index
    return len(edges) - 2


def png_output() -> files.Output:
    """A chart file: it replaces a chart luckos drew (its Software tag says so), any other
    file only with --force."""
    from luckos import files

    return files.Output("chart", mark=b"tEXtSoftware\x00luckos")


def write_png(result: Any, path: Path, *, force: bool = False,
              home: Path | None = None) -> Path:
    """Draw the headline's histogram with its 5th, 50th and 95th percentiles and mean.

    A PNG luckos drew before (its Software tag says so) is replaced; any other file only
    with `force`."""
    from luckos import files

    if path.suffix.lower() != ".png":
        raise LuckError(f"--png {path}: the file name must end in .png")
    if not files.is_folder(path.parent):
        raise LuckError(f"--png {path}: no such folder {path.parent}")
    output = png_output()
    files.check(path, output, force=force, home=home)
    import numpy as np
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    summary = result.headline
    hist = result.histogram
    unit = summary.unit
    values = np.asarray(result.values, dtype=float)
    low, high = hist.edges[0], hist.edges[-1]
    shown = values[(values >= low) & (values <= high)] if high > low else values
    figure = Figure(figsize=(8, 4.5), dpi=110, layout="constrained")
    axes = figure.subplots()
    axes.hist(shown, bins=60, color="#4C72B0", alpha=0.85,
              weights=np.full(len(shown), 100.0 / max(len(values), 1)))
    for value, name, style in ((summary.p5, "5%", ":"), (summary.p50, "median", "-"),
                               (summary.p95, "95%", ":"), (summary.mean, "mean", "--")):
        axes.axvline(value, color="#333333", linestyle=style, linewidth=1.2,
                     label=f"{name}: {wording.quantity(value, unit)}")
    if summary.above is not None:
        axes.axvline(summary.above, color="#C44E52", linewidth=1.5,
                     label=f"above {wording.quantity(summary.above, unit)}: "
                           f"{wording.percent(summary.p_above or 0)}")
    if summary.below is not None:
        axes.axvline(summary.below, color="#DD8452", linewidth=1.5,
                     label=f"below {wording.quantity(summary.below, unit)}: "
                           f"{wording.percent(summary.p_below or 0)}")
    short = "$" if unit.startswith("$") else "%" if unit.startswith("%") else ""
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: wording.quantity(x, short, 3)))
    axes.set_ylabel("share of samples (%)")
    axes.set_xlabel(f"{summary.label} ({unit})" if unit else summary.label)
    title = result.model.title or summary.label
    axes.set_title(f"{title}\n{result.samples:,} samples, seed {result.seed}", fontsize=10)
    axes.legend(fontsize=8, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    files.write_with(path, lambda temporary: figure.savefig(
        temporary, format="png", metadata={"Software": "luckos estimate"}), output,
        force=force, home=home)
    return path
