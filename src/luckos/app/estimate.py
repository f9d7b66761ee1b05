"""Estimates: load a model (a file, a starter, a saved estimate or `--set` values), run
it, write a starter, and save a result linked to a theme, a decision window or a brief.

The doc templates read saved estimates through `for_theme` and `rough_math`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from luckos.errors import LuckError, NotFound

if TYPE_CHECKING:  # the workspace is opened only for a saved estimate or a link
    from luckos.app import records
    from luckos.domain.records import Estimate, Kind
    from luckos.workspace import Workspace


def kind() -> Kind:
    """The saved estimate's kind of record (read when a command needs it: running a model
    needs neither the record registry nor the workspace)."""
    from luckos.domain.records import KINDS

    return KINDS["estimate"]


def _is_saved_id(source: str) -> bool:
    # only a name with a digit can be one (est3): a starter's or a file's name does not
    # need the record registry
    return any(c.isdigit() for c in source) and \
        re.match(rf"^{kind().prefix}\d+$", source) is not None


@dataclasses.dataclass(frozen=True)
class Loaded:
    model: Any  # luckos.estimate.model.Model
    saved: Estimate | None = None  # when the model came from a saved estimate


def load(source: str | None, overrides: tuple[str, ...] | list[str],
         workspace: Callable[[], Workspace]) -> Loaded:
    """Find the model: a TOML file, a saved estimate (est3), a starter's name, or nothing
    but `--set` values. The workspace is opened only for a saved estimate."""
    from luckos.estimate.model import parse_model
    from luckos.estimate.starters import is_starter, starter

    if source is None:
        if not overrides:
            raise LuckError("give a model: a MODEL.toml file, a starter name (see `luck "
                            "estimate models`), a saved estimate id, or --set NAME=VALUE")
        return Loaded(parse_model("", "--set", overrides))
    path = Path(source)
    if path.is_dir():
        raise LuckError(f"{source}: is a folder, not a model file")
    if path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise LuckError(f"{source}: not a TOML model: not UTF-8 text") from None
        except OSError as exc:
            raise LuckError(f"{source}: cannot read it ({exc.strerror})") from None
        return Loaded(parse_model(text, source, overrides))
    if _is_saved_id(source):
        from luckos.app import records

        record = records.fetch(workspace(), kind(), source)
        return Loaded(parse_model(record.model, source, overrides), record)
    if is_starter(source):
        item = starter(source)
        return Loaded(parse_model(item.text, f"{item.name}.toml", overrides))
    raise NotFound(f"{source}: no such file, starter model or saved estimate "
                   "(starters: `luck estimate models`)", where=str(source))


def run(loaded: Loaded, *, samples: int | None = None, seed: int | None = None,
        output: str | None = None, above: str | None = None, below: str | None = None,
        bins: int = 20, spread: bool = True) -> Any:
    """Run a model. A saved estimate runs again with its own samples and seed unless
    others are given, so that it reproduces its numbers. `spread=False`: for a face that
    shows no standard deviations (see `simulate`)."""
    from luckos.estimate.simulate import simulate

    if not 5 <= bins <= 60:
        raise LuckError(f"--bins {bins}: choose from 5 to 60")
    saved = loaded.saved
    if saved is not None:
        samples = samples if samples is not None else saved.samples
        seed = seed if seed is not None else saved.seed
        output = output or saved.output or None
    return simulate(loaded.model, samples=samples, seed=seed, output=output, above=above,
                    below=below, bins=bins, spread=spread)


def check_links(ws: Workspace, theme: str | None, window: str | None) -> None:
    """Refuse unknown theme or window ids before any work is done."""
    from luckos.app import records
    from luckos.domain.records import KINDS

    if theme:
        records.fetch(ws, KINDS["theme"], theme)
    if window:
        records.fetch(ws, KINDS["window"], window)


def save(ws: Workspace, result: Any, today: dt.date, *, name: str | None = None,
         theme: str | None = None, window: str | None = None,
         doc: str | None = None) -> Estimate:
    from luckos.app import records

    headline = result.headline
    raw = {
        "name": name or result.model.title or headline.label,
        "theme_id": theme,
        "window_id": window,
        "doc": doc,
        "output": result.output,
        "model": result.model.text,
        "pitch": result.pitch,
        "mean": headline.mean,
        "p5": headline.p5,
        "p50": headline.p50,
        "p95": headline.p95,
        "unit": headline.unit,
        "samples": result.samples,
        "seed": result.seed,
    }
    record, _ = records.add(ws, kind(), raw, today)
    return record


def link(ws: Workspace, ref: str, today: dt.date, *, theme: str | None = None,
         window: str | None = None, doc: str | None = None, unlink: bool = False) -> Estimate:
    """Link a saved estimate to a theme, a window or a brief (`unlink` clears them first)."""
    from luckos.app import records
    from luckos.domain.records import KINDS

    record = records.fetch(ws, kind(), ref)
    if not (theme or window or doc or unlink):
        raise LuckError("nothing to change: give --theme, --window, --doc or --unlink")
    changes: dict[str, Any] = {}
    if unlink:
        changes.update(theme_id=None, window_id=None, doc="")
    if theme:
        changes["theme_id"] = records.fetch(ws, KINDS["theme"], theme).id
    if window:
        changes["window_id"] = records.fetch(ws, KINDS["window"], window).id
    if doc:
        changes["doc"] = doc
    updated = dataclasses.replace(record, **changes)
    with ws.store.transaction():
        return ws.store.update(updated)


def listing(ws: Workspace, today: dt.date, *, theme: str | None = None,
            window: str | None = None, limit: int | None = 50) -> records.Page:
    from luckos.app import records

    where = {}
    if theme:
        where["theme_id"] = theme
    if window:
        where["window_id"] = window
    return records.page(ws, kind(), where=where, limit=limit, today=today)


def for_theme(ws: Workspace, theme_id: int) -> list[Estimate]:
    """Saved estimates linked to a theme, newest first (for a brief's rough math)."""
    return ws.store.find("estimate", where={"theme_id": theme_id})


def rough_math(record: Estimate) -> str:
    """A saved estimate as a brief embeds it: the pitch and where the numbers come from."""
    from luckos.domain.records import short_id
    from luckos.estimate.pitch import interval, quantity

    numbers = ""
    if record.mean is not None and record.p5 is not None and record.p95 is not None:
        numbers = (f" Mean {quantity(record.mean, record.unit)}, 90% interval "
                   f"{interval(record.p5, record.p95, record.unit)}.")
    source = (f" ({short_id(kind(), record.id or 0)}: {record.samples or 0:,} samples, seed "
              f"{record.seed}, {record.on.isoformat() if record.on else 'undated'})")
    return f"{record.pitch}{numbers}{source}".strip()


def new_model(template: str, path: str | None, *, force: bool = False,
              home: Path | None = None) -> Path:
    """Copy a starter model to PATH (default: TEMPLATE.toml here) for the user to edit."""
    from luckos import files
    from luckos.estimate.starters import starter

    item = starter(template)
    target = Path(path) if path else Path(f"{item.name}.toml")
    if files.is_folder(target):
        target = target / f"{item.name}.toml"
    # a starter model is meant to be edited: an existing file is replaced only with --force
    files.write(target, item.text, files.Output("model"), force=force, home=home)
    return target


def result_json(result: Any) -> dict[str, Any]:
    """A run as JSON: summaries, histogram, sensitivity and pitch (stable keys)."""
    def summary(s: Any) -> dict[str, Any]:
        data = {"label": s.label, "unit": s.unit, "written": s.written, "mean": s.mean,
                "sd": s.sd, "p5": s.p5, "median": s.p50, "p95": s.p95}
        if s.above is not None:
            data["above"] = {"threshold": s.above, "probability": s.p_above}
        if s.below is not None:
            data["below"] = {"threshold": s.below, "probability": s.p_below}
        return data

    model = result.model
    return {
        "model": {"title": model.title, "source": model.source},
        "samples": result.samples,
        "seed": result.seed,
        "output": result.output,
        "headline": summary(result.headline),
        "inputs": {n: summary(s) for n, s in result.summaries.items() if s.role == "input"},
        "results": {n: summary(s) for n, s in result.summaries.items() if s.role == "result"},
        "histogram": {"edges": result.histogram.edges, "counts": result.histogram.counts,
                      "below": result.histogram.under, "above": result.histogram.over},
        "sensitivity": [
            {"input": d.name, "rank_correlation": d.rank_correlation, "share": d.share,
             "input_p5": d.input_low, "input_p95": d.input_high,
             "output_at_input_p5": d.output_low, "output_at_input_p95": d.output_high}
            for d in result.sensitivity
        ],
        "pitch": result.pitch,
    }
