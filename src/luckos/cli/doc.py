"""`luck doc`: draft documents from the records, lint any Markdown against the essay's
rules, render a document to a standalone HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from luckos.cli.output import emit_json, json_option, on_tty, paged, paged_output, table
from luckos.cli.session import session
from luckos.writing.catalog import DOC_KINDS, SEVERITIES


class _DocKindChoice(click.Choice):
    """A document kind by its name or by an alias the linter knows (`two-pager`)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> Any:
        from luckos.writing.catalog import kind_name

        return kind_name(value) or super().convert(value, param, ctx)


_KINDS = _DocKindChoice(list(DOC_KINDS))


@click.group(name="doc")
def group() -> None:
    """Documents that age well: one-pagers, two-page briefs, scope letters, post-mortems,
    runbooks, architecture notes, change plans, reboot plans and pre-reads.

    `luck doc new` drafts one from your records, `luck doc lint` checks any Markdown
    against the essay's rules (like Vale or a code linter), `luck doc render` makes an
    HTML page.
    """


@group.command("new", short_help="Draft a document from the records; register it.")
@click.argument("kind", type=_KINDS, metavar="KIND")
@click.option("--theme", "theme_ref", metavar="ID", help="the theme it is about (t1)")
@click.option("--window", "window_ref", metavar="ID",
              help="the decision window it prepares (w2); its theme is used if --theme is "
                   "not given")
@click.option("--out", metavar="PATH",
              help="file or folder to write (default: the workspace's docs/ folder); '-' "
                   "prints it and registers nothing")
@click.option("--title", help="the title (default: from the theme or window)")
@click.option("--decider", metavar="WHO", help="who decides (brief, pre-read, scope letter)")
@click.option("--on", "start", metavar="DATE",
              help="reboot-plan: the first day of week 1 (default: today)")
@click.option("--start", "start_old", metavar="DATE", hidden=True)  # its name until --on
@click.option("--ai", is_flag=True,
              help="about an AI tool (architecture note, runbook, change plan): adds data "
                   "and redaction, the pinned model version, evaluation and monitoring")
@click.option("--compliance", is_flag=True,
              help="a runbook tagged for compliance: adds its evidence for auditors")
@json_option
def new(kind: str, theme_ref: str | None, window_ref: str | None, out: str | None,
        title: str | None, decider: str | None, start: str | None, start_old: str | None,
        ai: bool, compliance: bool, as_json: bool) -> None:
    """Draft a KIND document from the records and register it as an artifact.

    KIND is one of: one-pager, brief, scope-letter, post-mortem, runbook,
    architecture-note, change-plan, reboot-plan, pre-read, or an alias of one (two-pager,
    adr, playbook...: `luck doc kinds KIND` lists them). The draft is filled from the
    theme (problem, bet, milestone, three metrics with their latest readings), the window
    (date, prep deadline), promises, sponsors and the theme's latest decision; what the
    records cannot say is left as [TODO: ...] for you. It never overwrites a file.
    """
    from luckos.app.docs import STDOUT, draft
    from luckos.dates import parse_date

    s = session()
    given, flag = (start, "--on") if start else (start_old, "--start")
    first = parse_date(given, s.today, what=flag) if given else None
    result = draft(s.ws, kind, s.today, theme_ref=theme_ref, window_ref=window_ref, out=out,
                   title=title, decider=decider, start=first, ai=ai,
                   compliance=compliance)
    report = result.report
    counts = {sev: report.count(sev) for sev in SEVERITIES}
    if as_json:
        from luckos.app.records import as_json as record_json

        emit_json({"kind": kind, "path": str(result.path) if result.path else None,
                   "artifact": record_json(result.artifact) if result.artifact else None,
                   "lint": counts, "text": result.text if out == STDOUT else None})
        return
    if out == STDOUT:
        click.echo(result.text, nl=False)
        return
    artifact = result.artifact
    links = [x for x in (f"t{artifact.theme_id}" if artifact.theme_id else "",
                         f"w{artifact.window_id}" if artifact.window_id else "") if x]
    linked = f", linked to {' and '.join(links)}" if links else ""
    click.echo(f"created {result.path}")
    click.echo(f"  artifact a{artifact.id} ({artifact.kind}){linked}")
    click.echo(f"  lint: {_counts(counts)}; see them with: luck doc lint {result.path}")


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n:,} {sev}{'' if n == 1 else 's'}" for sev, n in counts.items())


@group.command("lint")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--kind", metavar="KIND",
              help="the kind of documents whose front matter names none (or an unknown "
                   "one); a known `kind:` in the front matter wins")
@click.option("--min-severity", type=click.Choice(list(SEVERITIES)), default="suggestion",
              show_default=True, help="show findings of this severity and above")
@click.option("--ignore", "ignored", multiple=True, metavar="RULE",
              help="turn a rule off for this run (repeat it)")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="the luck.toml whose [lint] table to use (default: the workspace's)")
@click.option("--jobs", type=click.IntRange(0, 64), default=0, show_default=True,
              help="processes to use; 0 picks one per core for large folders")
@click.option("--explain-kind", is_flag=True,
              help="say which kind each file was read as and which signals decided it "
                   "(front matter, title, path, sections); lint nothing")
@json_option
def lint(paths: tuple[str, ...], kind: str | None, min_severity: str,
         ignored: tuple[str, ...], config_path: Path | None, jobs: int, explain_kind: bool,
         as_json: bool) -> None:
    """Check Markdown documents against the essay's rules.

    PATH is a file, a folder (searched for .md and .markdown files) or - for standard
    input. Each finding prints as `file:line:col: severity rule-id message`. The kind
    comes from the front matter (`kind: brief`), else --kind, else what the document
    shows: the kind named in its title ('Security postmortem for ...'), its path
    (doc/adr/0007-....md, runbooks/, postmortems/, 2026-02-23-brief-....md) and its
    sections (Status / Context / Decision / Consequences; Meaning / Impact / Diagnosis /
    Mitigation; Impact / Timeline / Root causes / Action items). --explain-kind shows the
    signals; a file whose kind cannot be found gets a kind-unknown warning.
    Silence a line with `<!-- luck: ignore RULE -->`; settings live in luck.toml [lint].

    Exit status: 0 no errors, 1 an error was found, 2 a file could not be linted or the
    input was unusable. Files are never modified.
    """
    from luckos.app.docs import lint_settings
    from luckos.writing.catalog import SEVERITY_RANK
    from luckos.writing.lint import lint_paths

    config = lint_settings(session().home, config_path, ignored)
    results, notes = lint_paths(list(paths), kind=kind, config=config, jobs=jobs)
    if not results:
        raise _nothing(notes)
    for note in notes:
        click.echo(f"warning: {note}", err=True)
    if explain_kind:
        _explain(results, as_json)
        return
    threshold = SEVERITY_RANK[min_severity]
    totals = {sev: 0 for sev in SEVERITIES}
    unusable = 0
    for result in results:
        unusable += result.report.unusable
        for finding in result.report.findings:
            totals[finding.severity] += 1
    if as_json:
        emit_json({
            "files": [{"path": r.name, "kind": r.report.kind, "kind_from": r.report.kind_from,
                       "words": r.report.words,
                       "findings": [_finding_json(f) for f in r.report.findings
                                    if SEVERITY_RANK[f.severity] <= threshold]}
                      for r in results],
            "summary": {"files": len(results), "errors": totals["error"],
                        "warnings": totals["warning"], "suggestions": totals["suggestion"],
                        "unusable": unusable},
        })
    else:
        with paged():
            _print_findings(results, threshold)
            click.echo(_summary(len(results), totals, unusable))
    _exit(unusable, len(results), totals["error"])


def _explain(results: list[Any], as_json: bool) -> None:
    """`--explain-kind`: each file's kind, how sure, and the signals behind it."""
    entries = []
    for result in results:
        report = result.report
        guess = report.guess
        problem = next((f.message for f in report.findings if report.unusable), None)
        entries.append({
            "path": result.name, "kind": report.kind, "kind_from": report.kind_from,
            "format": guess.format if guess else None,
            "confidence": guess.confidence if guess else 0.0,
            "signals": list(guess.signals) if guess else [problem] if problem else []})
    if as_json:
        emit_json({"files": entries})
        return
    lines = []
    for entry in entries:
        if entry["kind"]:
            fmt = f", {entry['format']}" if entry["format"] else ""
            lines.append(f"{entry['path']}: {entry['kind']}{fmt} (from the {entry['kind_from']}"
                         f", confidence {entry['confidence']:.2f})")
        else:
            lines.append(f"{entry['path']}: no kind found")
        lines.extend(f"  - {signal}" for signal in entry["signals"])
    click.echo("\n".join(lines))


def _nothing(notes: list[str]) -> Exception:
    from luckos.errors import LuckError

    return LuckError("nothing to lint: " + ("; ".join(notes) if notes else "no files"))


def _finding_json(finding: Any) -> dict[str, Any]:
    return {"line": finding.line, "column": finding.column, "severity": finding.severity,
            "rule": finding.rule, "message": finding.message}


_STYLES: dict[str, dict[str, Any]] = {"error": {"fg": "red", "bold": True},
                                      "warning": {"fg": "yellow"}, "suggestion": {"fg": "cyan"}}


def _print_findings(results: list[Any], threshold: int) -> None:
    import os

    from luckos.writing.catalog import SEVERITY_RANK

    colour = on_tty() and not os.environ.get("NO_COLOR")
    lines = []
    for result in results:
        for f in result.report.findings:
            if SEVERITY_RANK[f.severity] > threshold:
                continue
            severity = click.style(f.severity, **_STYLES[f.severity]) if colour else f.severity
            lines.append(f"{result.name}:{f.line}:{f.column}: {severity} {f.rule} {f.message}")
    if lines:
        click.echo("\n".join(lines))


def _summary(files: int, totals: dict[str, int], unusable: int) -> str:
    noun = "file" if files == 1 else "files"
    if not any(totals.values()):
        return f"{files:,} {noun} checked: no problems"
    text = f"{files:,} {noun} checked: {_counts(totals)}"
    if unusable:
        text += f"; {unusable:,} could not be linted"
    return text


def _exit(unusable: int, files: int, errors: int) -> None:
    from luckos.errors import LuckError

    if unusable:
        noun = "file" if files == 1 else "files"
        raise LuckError(f"{unusable:,} of {files:,} {noun} could not be linted (see the "
                        "input-*, front-matter and unknown-kind findings above)")
    if errors:
        raise click.exceptions.Exit(1)


@group.command("render")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--html", "out", required=True, metavar="OUT",
              help="the HTML file to write ('-' prints it)")
@click.option("--redact", is_flag=True,
              help="replace secrets, addresses, hosts and sensitive terms on the page "
                   "(see `luck redact`)")
@click.option("--force", is_flag=True, help="replace OUT even if luckos did not write it")
def render(file: Path, out: str, redact: bool, force: bool) -> None:
    """Render a Markdown document to a clean standalone HTML page.

    OUT is written whole or not at all. It replaces a page luckos rendered before; any
    other existing file only with --force, and never the workspace's own files or a
    SQLite database.
    """
    from luckos.app.docs import render_file

    redactor = None
    if redact:
        from luckos.app.redaction import redactor_for
        from luckos.cli.redact import workspace_or_none

        redactor = redactor_for(workspace_or_none())
    html, written = render_file(file, out, redactor=redactor, force=force,
                                home=session().home)
    note = ""
    if redactor is not None:
        from luckos.app.redaction import summary

        note = f"; redacted {summary(dict(redactor.counts))}"
        if written is None:
            click.echo(note.removeprefix("; "), err=True)
    if written is None:
        click.echo(html, nl=False)
        return
    size = written.stat().st_size
    click.echo(f"rendered {file} to {written} ({size / 1024:,.1f} KB){note}")


@group.command("kinds", short_help="The document kinds and the sections they need.")
@click.argument("kind", type=_KINDS, required=False, metavar="[KIND]")
@json_option
@paged_output
def kinds(kind: str | None, as_json: bool) -> None:
    """The document kinds and the sections each needs; with KIND, the heading words that
    count for each of its sections."""
    from luckos.writing.catalog import SECTIONS

    chosen = [DOC_KINDS[kind]] if kind else list(DOC_KINDS.values())
    if as_json:
        emit_json([{"kind": k.name, "title": k.title, "artifact_kind": k.artifact_kind,
                    "aliases": list(k.aliases), "essay": k.essay,
                    "sections": [{"id": s, "heading": SECTIONS[s].heading,
                                  "synonyms": list(SECTIONS[s].synonyms)}
                                 for s in k.sections]} for k in chosen])
        return
    if kind is None:
        table(["kind", "registered as", "sections"],
              [[k.name, k.artifact_kind,
                ", ".join(SECTIONS[s].heading for s in k.sections) or "weeks 1-12"]
               for k in chosen])
        return
    spec = DOC_KINDS[kind]
    click.echo(f"{spec.name}: {spec.essay}")
    if spec.aliases:
        click.echo(f"also read from front matter as: {', '.join(spec.aliases)}")
    table(["section", "id", "headings that count"],
          [[SECTIONS[s].heading, s, ", ".join(SECTIONS[s].synonyms)] for s in spec.sections],
          empty="no sections: see `luck doc rules --kind " + kind + "`")


@group.command("rules", short_help="Every rule: id, severity, kinds, what it asks.")
@click.option("--kind", type=_KINDS, metavar="KIND", help="only the rules that check KIND")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="the luck.toml whose [lint] table to use (default: the workspace's)")
@json_option
@paged_output
def rules(kind: str | None, config_path: Path | None, as_json: bool) -> None:
    """Every rule: its id, its severity (after luck.toml), the kinds it checks, and what
    it asks."""
    from luckos.app.docs import lint_settings
    from luckos.writing.catalog import INPUT_RULES, RULES

    settings = lint_settings(session().home, config_path, ()).lint
    rows = []
    for spec in [*RULES.values(), *INPUT_RULES.values()]:
        if kind and spec.kinds is not None and kind not in spec.kinds:
            continue
        rows.append({"rule": spec.id, "severity": settings.severity(spec.id, spec.severity),
                     "default": spec.severity,
                     "kinds": list(spec.kinds) if spec.kinds is not None else "all",
                     "configurable": spec.configurable, "summary": spec.summary})
    if as_json:
        emit_json(rows)
        return
    table(["rule", "severity", "kinds", "what it asks"],
          [[r["rule"], r["severity"],
            "every kind" if r["kinds"] == list(DOC_KINDS) else (
                "any file" if r["kinds"] == "all" else ", ".join(r["kinds"])),
            r["summary"]] for r in rows])
