"""A bare five-command Click program: the yardstick `run.py` measures `luck` against.

    python benchmarks/bare_click.py add "send the figures" --due fri

Five commands with an argument and options each, no work beyond echoing: what any
Click CLI pays to start (Python, Click and its imports), in the same virtualenv.
"""

import click


@click.group()
@click.option("--home", help="a folder")
@click.option("--today", help="a date")
def cli(home: str | None, today: str | None) -> None:
    """Five commands."""


@cli.command()
@click.argument("what")
@click.option("--to", default="")
@click.option("--due", default="")
def add(what: str, to: str, due: str) -> None:
    click.echo(f"added {what} to {to} due {due}")


@cli.command("list")
@click.option("--limit", type=int, default=20)
@click.option("--json", "as_json", is_flag=True)
def list_(limit: int, as_json: bool) -> None:
    click.echo(f"{limit} {as_json}")


@cli.command()
@click.argument("ref")
def show(ref: str) -> None:
    click.echo(ref)


@cli.command()
@click.argument("words", nargs=-1)
def search(words: tuple[str, ...]) -> None:
    click.echo(" ".join(words))


@cli.command()
@click.option("--json", "as_json", is_flag=True)
def review(as_json: bool) -> None:
    click.echo("review")


if __name__ == "__main__":
    cli()
