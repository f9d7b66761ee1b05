"""`luck init` and `luck demo`."""

from __future__ import annotations

from pathlib import Path

import click

from luckos.cli.session import session


@click.command()
def init() -> None:
    """Create a workspace: luck.db, luck.toml and a docs/ folder.

    The folder is --home, else LUCK_HOME, else the platform's data folder. Running it
    again on an existing workspace changes nothing.
    """
    from luckos.workspace import init_workspace

    s = session()
    ws, created = init_workspace(s.home)
    s.adopt(ws)
    if created:
        click.echo(f"created a luckos workspace in {ws.home}")
        click.echo("next: luck promise add \"WHAT\" --to WHO --due fri    then: luck review")
    else:
        click.echo(f"a luckos workspace is already in {ws.home}; nothing changed")


@click.command()
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="where to build it (default: a 'demo' folder in the platform's data "
                   "folder, never your real workspace)")
@click.option("--json", "as_json", is_flag=True, help="print the review as JSON")
def demo(folder: Path | None, as_json: bool) -> None:
    """Build a demo workspace (18 months of a fictional career) and print its review.

    The demo lives in a folder of its own and is rebuilt from scratch each time. Explore
    it afterwards with `luck --home FOLDER ...`.
    """
    from luckos.app.review import review_json, weekly
    from luckos.demo.build import build_demo, demo_home

    s = session()
    home = folder or demo_home()
    ws = build_demo(home, s.today, real_home=s.home)
    s.adopt(ws)
    report = weekly(ws, s.today)
    if as_json:
        from luckos.cli.output import emit_json

        emit_json(review_json(report))
        return
    from luckos.cli.render import render_review

    click.echo(f"demo workspace: {ws.home}")
    click.echo(f"explore it: luck --home {ws.home} ledger | check | stay-or-move | surface")
    render_review(report)
