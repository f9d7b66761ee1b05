"""`luck completion SHELL`: Click's shell completion script, and record ids completed
from the workspace for every ID argument."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

_SHELLS = ("bash", "zsh", "fish")


def complete_ids(kind_name: str) -> Callable[[click.Context, Any, str], list[Any]]:
    """A shell_complete for an ID parameter: the kind's short ids, newest first, with
    their titles as help (zsh and fish show it)."""

    def complete(ctx: click.Context, param: Any, incomplete: str) -> list[Any]:
        from click.shell_completion import CompletionItem

        from luckos.domain.records import KINDS
        from luckos.store.ids import ids_and_titles
        from luckos.workspace import DB_NAME, default_home

        home = ctx.find_root().params.get("home")
        folder = click.format_filename(home) if home else None
        from pathlib import Path

        db = (Path(folder).expanduser() if folder else default_home()) / DB_NAME
        prefix = KINDS[kind_name].prefix
        return [CompletionItem(f"{prefix}{rid}", help=" ".join(title.split())[:60])
                for rid, title in ids_and_titles(db, kind_name)
                if f"{prefix}{rid}".startswith(incomplete)]

    return complete


@click.command("completion")
@click.argument("shell", type=click.Choice(_SHELLS))
def completion(shell: str) -> None:
    """Print the shell completion script for bash, zsh or fish.

    Commands, options and choices complete, and so do record ids (p12, t1...) read
    from the workspace. To turn it on:

    \b
      bash: add to ~/.bashrc   eval "$(luck completion bash)"
      zsh:  add to ~/.zshrc    eval "$(luck completion zsh)"
      fish: run once           luck completion fish > ~/.config/fish/completions/luck.fish
    """
    from click.shell_completion import get_completion_class

    from luckos.cli import cli

    shell_class = get_completion_class(shell)
    assert shell_class is not None
    click.echo(shell_class(cli, {}, "luck", "_LUCK_COMPLETE").source())
