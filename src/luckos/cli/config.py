"""`luck config show`."""

from __future__ import annotations

import click

from luckos.cli.output import emit_json, json_option, paged_output
from luckos.cli.session import session

_WIDE = 44  # a longer value is cut in the text (--json has it whole)


@click.group()
def group() -> None:
    """luck.toml: every setting, its value and where it came from."""


@group.command()
@click.argument("prefix", required=False, default="")
@json_option
@paged_output
def show(prefix: str, as_json: bool) -> None:
    """Every setting of luck.toml, its value and where it came from: a line of the file
    or the default. PREFIX shows some only: a table (calendar, check.maker-day) or one
    setting.

    The whole file is checked: a bad key anywhere is reported, each with its line, and
    the exit code is 2.
    """
    from luckos.app.settings import plain
    from luckos.app.settings import show as show_settings
    from luckos.setting import toml_value
    from luckos.workspace import CONFIG_NAME

    shown = show_settings(session().home / CONFIG_NAME, prefix)
    if as_json:
        emit_json(shown.as_json())
        return
    where = (f"{shown.set_in_file} of {len(shown.rows)} set in the file" if shown.exists
             else "no such file: every setting is its default")
    click.echo(f"{shown.path}: {where}")
    width = max(len(row.setting.name) for row in shown.rows)
    values = []
    for row in shown.rows:
        value = toml_value(plain(row.setting, row.value), width=10_000)
        values.append(value if len(value) <= _WIDE else value[:_WIDE - 3] + "...")
    wide = max(len(value) for value in values)
    for row, value in zip(shown.rows, values, strict=True):
        source = f"{shown.path.name}:{row.line}" if row.line else "default"
        click.echo(f"{row.setting.name.ljust(width)}  {value.ljust(wide)}  {source}")
