"""Charts of an audit as PNG or SVG files, drawn with matplotlib (imported only here).

- `meeting-load`: a week-by-hour heat map, average meeting minutes per week in each
  hour of each weekday (local clock);
- `altitude-mix`: meeting hours per week, stacked by altitude.
"""

from __future__ import annotations

from pathlib import Path

from luckos import files
from luckos.calendar.altitude import ORDER
from luckos.calendar.audit import Audit
from luckos.errors import LuckError

FORMATS = ("png", "svg")
COLOURS = {"code": "#4C78A8", "system": "#F58518", "business": "#54A24B",
           "unclassified": "#BAB0AC"}
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


_SOFTWARE = "luckos calendar audit"
OUTPUTS = {"png": files.Output("chart", mark=b"tEXtSoftware\x00" + _SOFTWARE.encode()),
           "svg": files.Output("chart", mark=b"<dc:title>" + _SOFTWARE.encode())}
NAMES = ("meeting-load", "altitude-mix")


def check_charts(folder: Path, fmt: str, *, force: bool = False,
                 home: Path | None = None) -> None:
    """Refuse a folder whose chart files luckos did not draw (unless `force`)."""
    if "\x00" in str(folder):
        raise LuckError(f"--charts {str(folder)!r}: a folder name cannot hold a NUL byte")
    try:
        if folder.exists() and not folder.is_dir():
            raise LuckError(f"--charts {folder} is not a folder")
    except OSError as exc:
        raise LuckError(f"--charts {folder}: {exc.strerror}") from None
    if folder.is_dir():
        for name in NAMES:
            files.check(folder / f"{name}.{fmt}", OUTPUTS[fmt], force=force, home=home)


def write_charts(audit: Audit, folder: Path, fmt: str = "png", *, force: bool = False,
                 home: Path | None = None) -> list[Path]:
    """Draw both charts into `folder` (created if needed); returns the files written.

    A chart luckos drew before (its Software or creator tag says so) is replaced; any
    other file of the same name only with `force`."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    check_charts(folder, fmt, force=force, home=home)
    files.make_folder(folder)
    return [_heat_map(audit, folder / f"meeting-load.{fmt}", force, home),
            _altitude_mix(audit, folder / f"altitude-mix.{fmt}", force, home)]


def _figure(width: float, height: float):  # type: ignore[no-untyped-def]
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=110, layout="constrained")


def _save(figure, path: Path, force: bool, home: Path | None) -> Path:  # type: ignore[no-untyped-def]
    fmt = path.suffix[1:]
    metadata = ({"Date": None, "Creator": _SOFTWARE} if fmt == "svg"
                else {"Software": _SOFTWARE})
    return files.write_with(path, lambda temporary: figure.savefig(
        temporary, metadata=metadata, format=fmt), OUTPUTS[fmt], force=force, home=home)


def _title(audit: Audit) -> str:
    first, last = audit.window
    return f"{first} to {last}"


def _heat_map(audit: Audit, path: Path, force: bool, home: Path | None) -> Path:
    rows = list(range(7))
    if not any(any(audit.heat[d]) for d in (5, 6)):
        rows = rows[:5]  # no weekend meetings: leave the weekend out
    start, end = audit.settings.work_minutes
    busy_hours = [h for d in rows for h in range(24) if audit.heat[d][h] > 0]
    first = min([start // 60, *busy_hours])
    last = max([(end - 1) // 60, *busy_hours])
    hours = list(range(first, last + 1))
    values = [[audit.heat[d][h] for h in hours] for d in rows]
    figure = _figure(max(6.0, 0.45 * len(hours) + 2), 0.45 * len(rows) + 1.6)
    axes = figure.add_subplot()
    image = axes.imshow(values, aspect="auto", cmap="Reds", vmin=0, vmax=60)
    axes.set_xticks(range(len(hours)), [f"{h:02d}" for h in hours])
    axes.set_yticks(range(len(rows)), [_DAY_NAMES[d] for d in rows])
    axes.set_xlabel("hour of the day (local time)")
    axes.set_title(f"Meeting load, {_title(audit)}\naverage minutes of meetings per week in "
                   "each hour", fontsize=10)
    for y, row in enumerate(values):
        for x, minutes in enumerate(row):
            if minutes >= 1:
                axes.text(x, y, f"{minutes:.0f}", ha="center", va="center", fontsize=7,
                          color="white" if minutes > 35 else "black")
    figure.colorbar(image, ax=axes, label="meeting minutes per week")
    return _save(figure, path, force, home)


def _altitude_mix(audit: Audit, path: Path, force: bool, home: Path | None) -> Path:
    weeks = audit.weeks
    labels = [w.week_start.strftime("%m-%d") for w in weeks]
    figure = _figure(max(6.0, 0.32 * len(weeks) + 2), 3.8)
    axes = figure.add_subplot()
    bottom = [0.0] * len(weeks)
    for altitude in ORDER:
        heights = [w.altitude_hours.get(altitude, 0.0) for w in weeks]
        if not any(heights):
            continue
        axes.bar(range(len(weeks)), heights, bottom=bottom, label=altitude,
                 color=COLOURS[altitude])
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_xticks(range(len(weeks)), labels, rotation=90 if len(weeks) > 16 else 0,
                    fontsize=7 if len(weeks) > 16 else 9)
    axes.set_xlabel("week starting")
    axes.set_ylabel("meeting hours")
    axes.set_title(f"Altitude mix per week, {_title(audit)}", fontsize=10)
    if any(bottom):
        axes.legend(loc="upper left", fontsize=8, frameon=False)
    return _save(figure, path, force, home)
