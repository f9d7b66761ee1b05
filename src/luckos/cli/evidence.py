"""`luck import git`, `luck import docs` and `luck evidence ...`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from luckos.cli.completion import complete_ids
from luckos.cli.output import (
    cut_note,
    emit_json,
    json_option,
    limit_option,
    paged,
    pairs,
    table,
    warn,
)
from luckos.cli.session import session


@click.command("git")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...",
                type=click.Path(path_type=Path))
@click.option("--author", "authors", multiple=True, metavar="EMAIL",
              help="your author address (repeat; default: [evidence] authors in luck.toml, "
                   "else git config user.email); the repository's .mailmap applies")
@click.option("--since", metavar="DATE", help="only commits on or after DATE")
@click.option("--until", metavar="DATE", help="only commits on or before DATE")
@json_option
def import_git(paths: tuple[Path, ...], authors: tuple[str, ...], since: str | None,
               until: str | None, as_json: bool) -> None:
    """Bring in your commits from local git repositories as candidate evidence.

    Commits are grouped by pull request (a merge "Merge pull request #12", a squash
    "... (#12)") or merged branch where the history shows one, else by ISO week and the
    top-level folder they touch. Importing again adds only commits not seen before.
    Review the candidates with `luck evidence list`.
    """
    from luckos.app.evidence import import_git as run
    from luckos.dates import parse_date

    s = session()
    result = run(s.ws, list(paths), authors=authors,
                 since=parse_date(since, s.today, what="--since") if since else None,
                 until=parse_date(until, s.today, what="--until") if until else None)
    for message in result.warnings:
        warn(message)
    if as_json:
        emit_json([{"repository": r.repository, "authors": list(r.authors),
                    "commits_read": r.read, "yours": r.mine, "new": r.new,
                    "candidates_created": r.created, "candidates_extended": r.extended,
                    "shallow": r.shallow, "binary_files": r.binary_files}
                   for r in result.repositories])
        return
    for r in result.repositories:
        if not r.new:
            click.echo(f"{r.repository}: nothing new ({r.mine} of your commits imported "
                       "before)")
            continue
        grown = f", {r.extended} extended" if r.extended else ""
        click.echo(f"{r.repository}: {r.new} new commits of yours -> {r.created} "
                   f"candidates{grown} (luck evidence list)")


@click.command("docs")
@click.argument("folder", type=click.Path(path_type=Path))
@json_option
def import_docs(folder: Path, as_json: bool) -> None:
    """Bring in a folder of Markdown documents as artifacts.

    Each file becomes an artifact of the kind its front matter or title names, titled
    by its front matter or first heading, dated by its front matter, its last commit or
    its modification time, and linked to its file by path and content hash. Importing
    again updates those artifacts; it never duplicates them.
    """
    from luckos.app.evidence import import_docs as run

    result = run(session().ws, folder)
    for message in result.problems:
        warn(message)
    if as_json:
        emit_json({"folder": result.folder,
                   "created": [f"a{a.id}" for a in result.created],
                   "updated": [f"a{a.id}" for a in result.updated],
                   "unchanged": result.unchanged, "skipped": len(result.problems)})
        return
    skipped = f", {len(result.problems)} skipped" if result.problems else ""
    click.echo(f"{result.folder}: {len(result.created)} new artifacts, "
               f"{len(result.updated)} updated, {result.unchanged} unchanged{skipped}")


# --- luck evidence ----------------------------------------------------------------------


@click.group("evidence")
def group() -> None:
    """Work found in git history and documents (`luck import git`, `luck import docs`).

    Candidates stay candidates until you accept them (as a win or an artifact, linked to
    a theme) or reject them; the packet counts accepted evidence only.
    """


@group.command("list")
@click.option("--status", type=click.Choice(["candidate", "accepted", "rejected", "all"]),
              default="candidate", show_default=True, help="which to list")
@click.option("--source", type=click.Choice(["git", "doc"]), default=None,
              help="only from git or from documents")
@click.option("--since", metavar="DATE", help="last commit on or after DATE")
@click.option("--until", metavar="DATE", help="last commit on or before DATE")
@limit_option
@json_option
def list_(status: str, source: str | None, since: str | None, until: str | None,
          limit: int | None, as_json: bool) -> None:
    """List evidence, newest first."""
    from luckos.app import records
    from luckos.dates import parse_date
    from luckos.domain.evidence import summary_line

    s = session()
    kind = records.kind_named("evidence")
    where: dict[str, Any] = {} if status == "all" else {"status": status}
    if source:
        where["source"] = source
    if limit is None:
        limit = 0 if as_json else 50
    found = records.page(
        s.ws, kind, where=where,
        since=parse_date(since, s.today, what="--since") if since else None,
        until=parse_date(until, s.today, what="--until") if until else None,
        limit=limit or None, today=s.today)
    if as_json:
        emit_json([records.as_json(x) for x in found.records])
        return
    with paged():
        table(["id", "until", "status", "title", "what"],
              [[f"e{x.id}", x.until, x.status, x.title, summary_line(x)]
               for x in found.records],
              empty=f"no {'' if status == 'all' else status + ' '}evidence", clip=True)
        cut_note(len(found.records), found.total)


@group.command("show")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("evidence"))
@json_option
def show(ref: str, as_json: bool) -> None:
    """Show one piece of evidence, with its commits."""
    from luckos.app import records
    from luckos.cli.kinds import cell
    from luckos.domain.evidence import summary_line

    kind = records.kind_named("evidence")
    record = records.fetch(session().ws, kind, ref)
    if as_json:
        emit_json(records.as_json(record))
        return
    items: list[tuple[str, Any]] = [("id", f"e{record.id}"), ("title", record.title),
                                    ("status", record.status), ("source", record.source),
                                    ("period", f"{record.since} to {record.until}"),
                                    ("repository", record.repository), ("key", record.key),
                                    ("holds", summary_line(record))]
    for name in ("artifact_id", "note_id", "theme_id", "window_id", "promise_id"):
        if getattr(record, name) is not None:
            items.append((name.removesuffix("_id").replace("note", "win"),
                          cell(kind, record, name)))
    if record.digest:
        items.append(("sha256", record.digest))
    if record.commits:
        items.append(("commits", " ".join(sha[:10] for sha in record.commits[:20])
                      + (" …" if len(record.commits) > 20 else "")))
    if record.note:
        items.append(("subjects", " | ".join(line for line in record.note.splitlines()
                                            if line.strip())))
    with paged():
        pairs(items, title=f"evidence e{record.id}")


@group.command("accept")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("evidence"))
@click.option("--as", "as_", type=click.Choice(["win", "artifact"]), default=None,
              help="what it becomes (default: a win for git work; a document is already "
                   "an artifact)")
@click.option("--kind", default=None, help="the artifact's kind, with --as artifact")
@click.option("--theme", default=None, metavar="ID", shell_complete=complete_ids("theme"),
              help="the theme it serves")
@json_option
def accept(ref: str, as_: str | None, kind: str | None, theme: str | None,
           as_json: bool) -> None:
    """Accept a candidate: it becomes a win or an artifact the packet can cite."""
    from luckos.app import evidence, records
    from luckos.domain.records import kind_of, short_id

    s = session()
    record, became = evidence.accept(s.ws, ref, as_=as_, kind=kind, theme_ref=theme,
                                     today=s.today)
    if as_json:
        emit_json({"evidence": records.as_json(record), "became": records.as_json(became)})
        return
    what = "win" if kind_of(became).name == "note" else kind_of(became).name
    click.echo(f"accepted e{record.id} as {what} {short_id(kind_of(became), became.id)}")


@group.command("reject")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("evidence"))
def reject(ref: str) -> None:
    """Reject a candidate: it stays out of lists and packets (imports skip its commits)."""
    from luckos.app import evidence

    record = evidence.reject(session().ws, ref)
    click.echo(f"rejected e{record.id}")


@group.command("link")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("evidence"))
@click.option("--theme", default=None, metavar="ID", shell_complete=complete_ids("theme"),
              help="the theme it serves")
@click.option("--window", default=None, metavar="ID", shell_complete=complete_ids("window"),
              help="the decision window it prepares")
@click.option("--promise", default=None, metavar="ID", shell_complete=complete_ids("promise"),
              help="the promise it kept")
def link(ref: str, theme: str | None, window: str | None, promise: str | None) -> None:
    """Link evidence to a theme, a decision window or a promise."""
    from luckos.app import evidence

    record = evidence.link(session().ws, ref, theme=theme, window=window, promise=promise)
    links = [f"{prefix}{value}" for prefix, value in
             (("t", record.theme_id), ("w", record.window_id), ("p", record.promise_id))
             if value is not None]
    click.echo(f"linked e{record.id} to {', '.join(links)}")
