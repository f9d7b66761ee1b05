"""Asking before something destructive, and refusing clearly when nobody can answer."""

from __future__ import annotations

import sys

import click

from luckos.errors import LuckError


def confirm(question: str) -> bool:
    """Ask a yes/no question (default no). Answers may come piped on standard input;
    when none comes and it is not a terminal, refuse with the option that goes ahead."""
    try:
        return click.confirm(question, default=False)
    except click.exceptions.Abort as exc:
        if isinstance(exc.__context__, EOFError) and not sys.stdin.isatty():
            raise LuckError(f"not confirmed ({question}): standard input is not a terminal;"
                            " add --yes (or -y) to go ahead without asking") from None
        raise
