"""The "Examples:" block that ends every command's help."""

from __future__ import annotations

from collections.abc import Sequence

import click


def examples(*lines: str) -> str:
    """An epilog of example command lines, kept as written (Click's \\b)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


def write_examples(formatter: click.HelpFormatter, lines: Sequence[str]) -> None:
    formatter.write_paragraph()
    formatter.write_text(examples(*lines))
