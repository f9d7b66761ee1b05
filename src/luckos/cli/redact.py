"""`luck redact`: what a text would look like after redaction, and what was replaced."""

from __future__ import annotations

import sys
from typing import Any

import click

from luckos.cli.output import emit_json, json_option
from luckos.cli.session import session


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE|-")
@click.option("--check", is_flag=True,
              help="print only the report and exit 1 if anything would be redacted (for a "
                   "pre-commit hook; takes several files)")
@json_option
def redact(files: tuple[str, ...], check: bool, as_json: bool) -> None:
    """Redact FILE (`-`: standard input) before it leaves the machine.

    The redacted text goes to standard output, the report of what was replaced (kind,
    line and column, never the original) to standard error. Replaced: secrets (API keys,
    tokens, private keys, connection strings with passwords, through detect-secrets),
    email addresses, phone numbers, internal host names and URLs, private IP addresses,
    and the sensitive terms listed under [redact] in luck.toml (with `names = true`, the
    people named in your records too). The same original gets the same token, such as
    [EMAIL-1] or [CUSTOMER-2], everywhere in the output.

    With --json the text and the report come as one JSON object on standard output.
    """
    from luckos.app.redaction import redact_files, redactor_for

    if len(files) > 1 and not check:
        raise click.UsageError("give one FILE to redact (several only with --check)")
    sources = [(name, sys.stdin.buffer.read() if name == "-" else None) for name in files]
    done = redact_files(redactor_for(workspace_or_none()), sources)
    found = sum(len(f.redacted.findings) for f in done)
    if as_json:
        emit_json({"redacted": found,
                   "counts": _counts(done),
                   "files": [{"file": f.name, **f.redacted.to_json(),
                              **({} if check else {"text": f.redacted.text})}
                             for f in done]})
    else:
        if not check:
            sys.stdout.write(done[0].redacted.text)
            sys.stdout.flush()
        for f in done:
            _report(f, check)
        if check and not found:
            many = "1 file" if len(done) == 1 else f"{len(done)} files"
            click.echo(f"nothing to redact in {many}")
    if check and found:
        raise click.exceptions.Exit(1)


def workspace_or_none() -> Any:
    """The workspace for its [redact] settings and names; none yet: every default."""
    from luckos.workspace import DB_NAME

    s = session()
    return s.ws if (s.home / DB_NAME).exists() else None


def _counts(done: list[Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in done:
        for kind, n in f.redacted.counts.items():
            counts[kind] = counts.get(kind, 0) + n
    return counts


def _report(done: Any, check: bool) -> None:
    from luckos.app.redaction import summary

    err = not check  # the redacted text owns standard output
    redacted = done.redacted
    for f in redacted.findings:
        detail = f" ({f.detail})" if f.detail else ""
        click.echo(f"{done.name}:{f.line}:{f.column}: {f.kind}{detail} -> {f.replacement}",
                   err=err)
    if redacted.findings:
        verb = "to redact" if check else "redacted"
        click.echo(f"{done.name}: {verb} {summary(redacted.counts)}", err=err)
    elif not check:  # --check names only the files with something to redact
        click.echo(f"{done.name}: nothing to redact", err=err)
