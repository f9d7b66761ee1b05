"""Asking the person at the terminal: before something destructive, before a date in the
future is stored, for a body to write; refusing clearly when nobody can answer."""

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


def confirm_future(problem: str) -> bool:
    """Asked before a past-only date after today is stored: yes or no on a terminal;
    elsewhere the answer is no, and the date is refused."""
    if not sys.stdin.isatty():
        return False
    return click.confirm(f"{problem}; store it anyway?", default=False)


def read_body(text: str | None, noun: str) -> str:
    """A body given as an argument, `-` (read from standard input), or, with no argument
    on a terminal, written in $EDITOR. An empty body is refused with one line."""
    if text == "-":
        body = sys.stdin.read()
        if not body.strip():
            raise LuckError(f"standard input was empty: no {noun} added")
    elif text is not None:
        return text
    elif sys.stdin.isatty() and sys.stdout.isatty():
        body = click.edit("", extension=".md", require_save=True) or ""
        if not body.strip():
            raise LuckError(f"nothing was written in the editor: no {noun} added")
    else:
        raise LuckError(f"no {noun} given: pass it as an argument, or `-` to read it from "
                        "standard input")
    return body.strip("\n")
