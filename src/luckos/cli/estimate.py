"""`luck estimate`: rough math that funds work (Monte Carlo estimates and the pitch)."""

from __future__ import annotations

from typing import Any

import click

from luckos.cli.completion import complete_ids
from luckos.cli.output import (
    cut_note,
    emit_json,
    heading,
    json_option,
    limit_option,
    line,
    paged,
    paged_output,
    pairs,
    table,
)
from luckos.cli.session import session


class _EstimateGroup(click.Group):
    """`luck estimate MODEL ...` runs a model; the other words are subcommands."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_EstimateGroup, invoke_without_command=False, no_args_is_help=True)
def group() -> None:
    """Rough math that funds work: Monte Carlo estimates with a pitch sentence.

    \b
      luck estimate MODEL.toml [--samples N] [--seed S] [--json] [--png PATH]
      luck estimate cold-start              run a starter model as it is
      luck estimate new cold-start          copy a starter to cold-start.toml to edit
      luck estimate MODEL.toml --save --theme t1
    \b
    A model's inputs are values ("1.8 s"), 90% ranges ("600 ms to 700 ms": lognormal
    when both ends are positive, normal otherwise) or distributions ("pert(2, 4, 9)
    days"); its formulas combine them with units checked. See `luck estimate run --help`.
    """


@group.command("run", short_help="Run a model (the default: `luck estimate MODEL`).")
@click.argument("model", required=False, metavar="[MODEL]")
@click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Replace or add an input (\"after=600 ms to 700 ms\") or a formula "
                   "(\"total=a*b\"); repeat it.")
@click.option("--samples", type=int, default=None, metavar="N",
              help="Samples to draw (default: the model's, else 100,000).")
@click.option("--seed", type=int, default=None, metavar="S",
              help="Random seed (default: the model's, else 1): same seed, same numbers.")
@click.option("--output", default=None, metavar="NAME",
              help="The headline result (default: the model's output).")
@click.option("--above", default=None, metavar="VALUE",
              help="Chance the headline exceeds VALUE (\"$300k/qtr\", or a number in its unit).")
@click.option("--below", default=None, metavar="VALUE", help="Chance it falls below VALUE.")
@click.option("--png", "png", default=None, metavar="PATH",
              help="Also draw the headline's histogram into a PNG file (it replaces a "
                   "chart luckos drew; any other file only with --force).")
@click.option("--force", is_flag=True, help="Replace the --png file even if luckos did not "
              "draw it.")
@click.option("--bins", type=int, default=20, show_default=True,
              help="Bars in the terminal histogram.")
@click.option("--save", is_flag=True, help="Save the result in the workspace.")
@click.option("--name", default=None, help="Name of the saved estimate (default: the title).")
@click.option("--theme", default=None, metavar="ID", help="Link the saved estimate to a theme.")
@click.option("--window", default=None, metavar="ID",
              help="Link the saved estimate to a decision window.")
@click.option("--doc", default=None, metavar="PATH",
              help="Link the saved estimate to a brief (a path or link).")
@json_option
@paged_output
def run(model: str | None, overrides: tuple[str, ...], samples: int | None, seed: int | None,
        output: str | None, above: str | None, below: str | None, png: str | None,
        force: bool, bins: int, save: bool, name: str | None, theme: str | None,
        window: str | None, doc: str | None,
        as_json: bool) -> None:
    """Run MODEL: a TOML file, a starter's name, or a saved estimate's id (est3).

    Prints the inputs, the results (mean, 5th percentile, median, 95th percentile),
    the chance of beating a threshold, a histogram, which inputs drive the spread,
    and the pitch sentence.
    """
    from pathlib import Path

    from luckos.app import estimate
    from luckos.errors import LuckError

    s = session()
    if (theme or window or doc or name) and not save:
        raise LuckError("--name, --theme, --window and --doc describe a saved estimate: "
                        "add --save")
    png_path = Path(png) if png else None
    if png_path is not None:
        from luckos import files
        from luckos.estimate.chart import png_output

        if png_path.suffix.lower() != ".png":
            raise LuckError(f"--png {png}: the file name must end in .png")
        if not files.is_folder(png_path.parent):
            raise LuckError(f"--png {png}: no such folder {png_path.parent}")
        files.check(png_path, png_output(), force=force, home=s.home)
    if save:
        estimate.check_links(s.ws, theme, window)
    loaded = estimate.load(model, overrides, lambda: s.ws)
    result = estimate.run(loaded, samples=samples, seed=seed, output=output, above=above,
                          below=below, bins=bins, spread=as_json)
    if png_path is not None:
        from luckos.estimate.chart import write_png

        write_png(result, png_path, force=force, home=s.home)
    record = estimate.save(s.ws, result, s.today, name=name, theme=theme, window=window,
                           doc=doc) if save else None
    if as_json:
        data = estimate.result_json(result)
        if png_path is not None:
            data["png"] = str(png_path)
        if record is not None:
            data["saved"] = f"{estimate.kind().prefix}{record.id}"
        emit_json(data)
        return
    _show_result(result)
    if png_path is not None:
        click.echo(f"\nwrote {png_path}")
    if record is not None:
        links = [f"{k} {v}" for k, v in (("theme", theme), ("window", window), ("doc", doc))
                 if v]
        linked = f" (linked to {', '.join(links)})" if links else ""
        click.echo(f"\nsaved {estimate.kind().prefix}{record.id}: {record.name}{linked}")


def _show_result(result: Any) -> None:
    from luckos.estimate import pitch as wording
    from luckos.estimate.chart import text_histogram

    model = result.model
    headline = result.headline
    title = model.title or headline.label
    line(title, style="bold")
    click.echo(f"{model.source} · {result.samples:,} samples · seed {result.seed}")
    if model.about:
        click.echo(model.about)

    def q(value: float, unit: str) -> str:
        return wording.quantity(value, unit, 3)

    rows = []
    for s in result.summaries.values():
        if s.role != "input":
            continue
        spread = wording.interval(s.p5, s.p95, s.unit, 3) if s.uncertain else ""
        rows.append([s.name, s.written, q(s.mean, s.unit), spread])
    table(["input", "as written", "mean", "90% interval"], rows, title="Inputs",
          empty="no inputs")
    rows = []
    for s in result.summaries.values():
        if s.role != "result" or (model.formulas[s.name].hide and s.name != result.output):
            continue
        mark = " *" if s.name == result.output else ""
        rows.append([s.name + mark, s.label, q(s.mean, s.unit), q(s.p5, s.unit),
                     q(s.p50, s.unit), q(s.p95, s.unit)])
    if rows:
        table(["result", "what", "mean", "5%", "median", "95%"], rows,
              title="Results (* the headline)")
    for s in result.summaries.values():
        if s.above is not None:
            click.echo(f"  chance {s.label} is above {wording.quantity(s.above, s.unit)}: "
                       f"{wording.percent(s.p_above or 0)}")
        if s.below is not None:
            click.echo(f"  chance {s.label} is below {wording.quantity(s.below, s.unit)}: "
                       f"{wording.percent(s.p_below or 0)}")
    if headline.uncertain:
        unit = f"{headline.unit}, " if headline.unit else ""
        heading(f"Histogram of {headline.label} ({unit}{result.samples:,} samples)")
        for text in text_histogram(result):
            click.echo(text)
    if result.sensitivity:
        rows = []
        for d in result.sensitivity:
            unit = result.summaries[d.name].unit
            at = "" if d.output_low is None or d.output_high is None else (
                f"{q(d.output_low, headline.unit)} … {q(d.output_high, headline.unit)}")
            rows.append([d.name, wording.interval(d.input_low, d.input_high, unit, 3),
                         f"{d.rank_correlation:+.2f}", wording.percent(d.share), at])
        table(["input", "its 90% interval", "rank corr", "share",
               f"{headline.name} at its 5% … 95%"], rows,
              title=f"What drives {headline.label}")
    heading("Pitch")
    click.echo(result.pitch)


@group.command("new", short_help="Copy a starter model to a file to edit.")
@click.argument("template", metavar="TEMPLATE")
@click.argument("path", required=False, metavar="[PATH]")
@click.option("--force", is_flag=True, help="Replace PATH if it exists (never the "
              "workspace's files or a SQLite database).")
def new(template: str, path: str | None, force: bool) -> None:
    """Copy the starter model TEMPLATE to PATH (default: TEMPLATE.toml) to edit.

    `luck estimate models` lists the starters.
    """
    from luckos.app import estimate

    target = estimate.new_model(template, path, force=force, home=session().home)
    click.echo(f"wrote {target}: edit the inputs, then run `luck estimate {target}`")


@group.command("models")
@json_option
@paged_output
def models(as_json: bool) -> None:
    """List the starter models (copy one with `luck estimate new NAME`)."""
    from luckos.estimate.starters import starters

    found = starters()
    if as_json:
        emit_json([{"name": s.name, "title": s.title, "about": s.about} for s in found])
        return
    table(["name", "title"], [[s.name, s.title] for s in found], title="Starter models")


@group.command("list")
@click.option("--theme", default=None, metavar="ID", help="Only those linked to this theme.")
@click.option("--window", default=None, metavar="ID", help="Only those for this window.")
@limit_option
@json_option
def list_(theme: str | None, window: str | None, limit: int | None, as_json: bool) -> None:
    """List saved estimates, newest first."""
    from luckos.app import estimate
    from luckos.app.records import as_json as record_json
    from luckos.estimate import pitch as wording

    s = session()
    if limit is None:
        limit = 0 if as_json else 50
    found = estimate.listing(s.ws, s.today, theme=theme, window=window, limit=limit or None)
    if as_json:
        emit_json([_short_json(record_json(x)) for x in found.records])
        return
    rows = []
    for x in found.records:
        value = wording.quantity(x.mean, x.unit) if x.mean is not None else ""
        links = " ".join(f"{p}{i}" for p, i in (("t", x.theme_id), ("w", x.window_id)) if i)
        rows.append([f"{estimate.kind().prefix}{x.id}", x.on.isoformat() if x.on else "",
                     x.name, value, links])
    with paged():
        table(["id", "on", "name", "mean", "linked"], rows, empty="no saved estimates",
              clip=True)
        cut_note(len(found.records), found.total)


def _short_json(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "model"}


@group.command("show")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("estimate"))
@click.option("--model", "model_only", is_flag=True,
              help="Print only the model's TOML (to copy it into a file).")
@json_option
@paged_output
def show(ref: str, model_only: bool, as_json: bool) -> None:
    """Show a saved estimate: its numbers, links and pitch."""
    from luckos.app import estimate, records
    from luckos.estimate import pitch as wording

    record = records.fetch(session().ws, estimate.kind(), ref)
    if model_only:
        click.echo(record.model, nl=not record.model.endswith("\n"))
        return
    if as_json:
        emit_json(records.as_json(record))
        return
    unit = record.unit
    items = [
        ("name", record.name),
        ("on", record.on.isoformat() if record.on else ""),
        ("headline", record.output),
        ("mean", wording.quantity(record.mean, unit, 3) if record.mean is not None else ""),
        ("median", wording.quantity(record.p50, unit, 3) if record.p50 is not None else ""),
        ("90% interval", wording.interval(record.p5, record.p95, unit, 3)
         if record.p5 is not None and record.p95 is not None else ""),
        ("samples", f"{record.samples:,} (seed {record.seed})" if record.samples else ""),
        ("theme", f"t{record.theme_id}" if record.theme_id else ""),
        ("window", f"w{record.window_id}" if record.window_id else ""),
        ("doc", record.doc),
    ]
    pairs(items, title=f"estimate {estimate.kind().prefix}{record.id}")
    heading("Pitch")
    click.echo(record.pitch)
    click.echo(f"\n(run it again: luck estimate {estimate.kind().prefix}{record.id}; its model: "
               f"luck estimate show {estimate.kind().prefix}{record.id} --model)")


@group.command("link")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("estimate"))
@click.option("--theme", default=None, metavar="ID", help="The theme it argues for.")
@click.option("--window", default=None, metavar="ID", help="The decision window it is for.")
@click.option("--doc", default=None, metavar="PATH", help="The brief it belongs in.")
@click.option("--unlink", is_flag=True, help="Clear its links first.")
def link(ref: str, theme: str | None, window: str | None, doc: str | None,
         unlink: bool) -> None:
    """Link a saved estimate to a theme, a decision window or a brief."""
    from luckos.app import estimate

    s = session()
    record = estimate.link(s.ws, ref, s.today, theme=theme, window=window, doc=doc,
                           unlink=unlink)
    links = [f"t{record.theme_id}" if record.theme_id else "",
             f"w{record.window_id}" if record.window_id else "", record.doc]
    shown = ", ".join(x for x in links if x) or "nothing"
    click.echo(f"{estimate.kind().prefix}{record.id} is linked to {shown}")


@group.command("delete")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("estimate"))
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@click.option("--dry-run", is_flag=True, help="Show what would be deleted, delete nothing.")
def delete(ref: str, yes: bool, dry_run: bool) -> None:
    """Delete a saved estimate (saved first to the workspace's deleted/ folder)."""
    from luckos.app import estimate
    from luckos.cli.kinds import delete_record

    delete_record(estimate.kind(), ref, yes=yes, dry_run=dry_run)
