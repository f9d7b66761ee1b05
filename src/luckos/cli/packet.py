"""`luck packet`: the case for a manager, a skip-level, a review, a promotion or a move."""

from __future__ import annotations

from pathlib import Path

import click

from luckos.cli.output import emit_json, json_option, paged
from luckos.cli.session import session
from luckos.files import Output

# a packet goes to other people: an existing file is replaced only with --force
OUTPUT = Output("packet")


@click.command()
@click.option("--for", "kind", required=True,
              type=click.Choice(["weekly", "skip-level", "review", "promotion", "move"]),
              help="who it is for: weekly (7 days), skip-level (a month), review (6 months), "
                   "promotion or move (12 months)")
@click.option("--since", metavar="DATE", help="start of the period (default: by --for)")
@click.option("--until", metavar="DATE", help="end of the period (default: today)")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md",
              show_default=True, help="Markdown to paste, HTML that prints well, or PDF")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="write to this file (default: print; PDF needs --out)")
@click.option("--force", is_flag=True, help="replace --out if it exists")
@click.option("--redact", is_flag=True,
              help="redact secrets, addresses, hosts and sensitive terms ([redact] in "
                   "luck.toml); what was redacted is counted on stderr")
@click.option("--check", is_flag=True,
              help="list the claims no evidence backs, and exit 1 if there are any")
@json_option
def packet(kind: str, since: str | None, until: str | None, fmt: str, out: Path | None,
           force: bool, redact: bool, check: bool, as_json: bool) -> None:
    """Assemble a packet from the records: every claim cites the records it rests on.

    weekly and skip-level: what landed, what is next, the themes' numbers, risks and
    asks. review, promotion and move: each theme's numbers then and now, the ledger's hit
    rate and trend, windows met, decisions and how they turned out, the bench, artifacts
    with their testimonials, glue that unlocked deliverables, and accepted git evidence.
    Private notes never enter a packet.
    """
    from luckos.app import packet as app
    from luckos.dates import parse_date

    s = session()
    made = app.make(s.ws, kind,
                    parse_date(since, s.today, what="--since") if since else None,
                    parse_date(until, s.today, what="--until") if until else None, s.today)
    if check:
        _check(made, as_json)
        return
    if fmt == "pdf" and out is None:
        from luckos.errors import LuckError

        raise LuckError("--format pdf writes a file: give --out PATH")
    if out is not None:
        from luckos import files

        files.check(out, OUTPUT, force=force, home=s.home)
    cited = app.describe_refs(s.ws, made.refs)
    findings: list = []  # type: ignore[type-arg]
    if redact:
        made, cited, findings = app.redact(s.ws, made, cited)
    if as_json:
        emit_json(_json(made, cited))
        return
    from luckos.evidence import packet as render

    data: bytes
    if fmt == "md":
        data = render.to_markdown(made, cited).encode("utf-8")
    else:
        html = render.to_html(made, cited)
        data = render.to_pdf(html) if fmt == "pdf" else html.encode("utf-8")
    if redact:
        _report(findings)
    if out is None:
        with paged():  # a long packet on a terminal goes through the pager
            click.echo(data.decode("utf-8"), nl=False)
        return
    from luckos import files

    files.write(out, data, OUTPUT, force=force, home=s.home)
    click.echo(f"wrote {out} ({made.title.lower()}, {made.since} to {made.until}, "
               f"{len(made.claims)} claims)", err=True)


def _check(made, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    gaps = made.gaps
    if as_json:
        emit_json([{"section": s.title, "claim": c.text, "refs": list(c.refs), "gap": c.gap}
                   for s, c in gaps])
    elif not gaps:
        click.echo(f"every claim of the {made.kind} packet rests on evidence "
                   f"({len(made.claims)} claims)")
    else:
        for section, claim in gaps:
            click.echo(f"{section.title}: {claim.text} [{', '.join(claim.refs)}]: {claim.gap}")
        click.echo(f"{len(gaps)} of {len(made.claims)} claims have no evidence behind them")
    if gaps:
        raise SystemExit(1)


def _json(made, cited: dict[str, str]) -> dict:  # type: ignore[no-untyped-def]
    return {"kind": made.kind, "title": made.title, "since": made.since.isoformat(),
            "until": made.until.isoformat(),
            "sections": [{"key": s.key, "title": s.title, "claims": [
                {"text": c.text, "refs": list(c.refs), "detail": c.detail,
                 "backed": c.backed, "gap": c.gap} for c in s.claims]}
                for s in made.sections],
            "credibility_by_quarter": [{"quarter": q, "hit_rate": rate}
                                       for q, rate in made.quarters],
            "records": cited}


def _report(findings: list) -> None:  # type: ignore[type-arg]
    if not findings:
        click.echo("redacted nothing", err=True)
        return
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    parts = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
    click.echo(f"redacted {len(findings)}: {parts}", err=True)
