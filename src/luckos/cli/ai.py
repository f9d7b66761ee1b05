"""`luck ai`: a versioned prompt library over your own records, any OpenAI-compatible
model, redaction that cannot be skipped, and a log of every call."""

from __future__ import annotations

from typing import Any

import click

from luckos.cli.output import (
    emit_json,
    json_option,
    limit_option,
    line,
    paged_output,
    pairs,
    table,
)
from luckos.cli.session import session


@click.group()
def group() -> None:
    """Run the prompts of your library over your own records, with the model set under
    [ai] in luck.toml (any OpenAI-compatible endpoint: llama.cpp, Ollama, vLLM, a hosted
    API). Every text sent goes through redaction first; private notes never leave unless
    --include-private and the model runs on this machine; every call is logged.
    """


@group.command("status")
@json_option
@paged_output
def status(as_json: bool) -> None:
    """What [ai] configures, whether the key is there, and whether the endpoint answers
    (it asks GET {base_url}/models and waits 3 seconds at most); with embeddings, how
    many records the vector index holds and how many wait for `luck ai index`."""
    from luckos.app.ai import status as get_status

    result = get_status(session().ws)
    if as_json:
        emit_json(result.to_json())
        return
    s = result.settings
    vectors = []
    if result.index is not None:
        i = result.index
        built = ("no index yet" if i.built_for is None else
                 f"{i.vectors:,} records embedded" + ("" if i.built_for == i.model else
                                                     f" by {i.built_for}, not this model"))
        wait = f"; {i.waiting:,} waiting for luck ai index" if i.waiting else ""
        vectors = [("embeddings", f"{i.model} ({built}{wait})")]
    if not s.configured:
        click.echo("no model configured: nothing is sent anywhere")
        click.echo("  set base_url and model under [ai] in luck.toml (see docs/ai.md)")
        if vectors:
            pairs(vectors)
        return
    answer = ("yes" if result.answers else f"no: {result.problem}")
    if result.answers:
        listed = s.model in result.models
        answer += (f", and it serves {s.model}" if listed else
                   f", but it does not list {s.model} (it lists "
                   f"{', '.join(result.models[:5]) or 'no model'})")
    pairs([("endpoint", f"{s.base_url} ({'this machine' if s.loopback else 'remote'})"),
           ("model", s.model),
           ("temperature", f"{s.temperature:g}"),
           ("max_tokens", s.max_tokens),
           ("timeout", f"{s.timeout:g} s"),
           ("matches", s.matches),
           ("key", "none sent" if result.key == "not needed" else
            f"{s.api_key_env} is {'set' if result.key == 'set' else 'NOT set'}"),
           ("answers", answer), *vectors])


@group.command("prompts")
@json_option
@paged_output
def prompts(as_json: bool) -> None:
    """The prompts of the workspace's library (prompts/NAME.md), with their versions.

    The built-in starters are copied in the first time; an edited prompt is never
    replaced, and a newer built-in version is shown here (delete your copy to take it)."""
    from luckos.app.ai import library

    entries = library(session().ws)
    if as_json:
        emit_json([{"name": e.path.stem, "path": str(e.path),
                    "version": e.prompt.version if e.prompt else None,
                    "input": list(e.prompt.inputs) if e.prompt else None,
                    "output": e.prompt.output if e.prompt else None,
                    "description": e.prompt.description if e.prompt else None,
                    "builtin_version": e.builtin_version, "newer_builtin": e.newer_builtin,
                    "copied": e.copied, "problem": e.problem or None} for e in entries])
        return
    rows = []
    for e in entries:
        if e.prompt is None:
            rows.append((e.path.stem, "?", "", f"cannot be used: {e.problem}"))
            continue
        p = e.prompt
        note = p.description
        if e.newer_builtin:
            note += f" (built-in v{e.builtin_version} is newer)"
        rows.append((p.name, f"v{p.version}", p.output, note))
    table(("prompt", "version", "output", "what it does"), rows, empty="no prompts")
    copied = [e.path.stem for e in entries if e.copied]
    if copied:
        line(f"copied the built-in {', '.join(copied)} into "
             f"{entries[0].path.parent}")


@group.command("run")
@click.argument("name", metavar="PROMPT")
@click.option("--theme", "theme_ref", metavar="ID", help="the theme it is about")
@click.option("--window", "window_ref", metavar="ID", help="the decision window it is for")
@click.option("--since", metavar="DATE",
              help="records since this date (default: 30 days ago)")
@click.option("--show-context", is_flag=True,
              help="print exactly what is sent (after redaction) before sending it, with "
                   "which search found each related record")
@click.option("--dry-run", is_flag=True,
              help="print what would be sent, and send nothing")
@click.option("--include-private", is_flag=True,
              help="include private notes (only to a model on this machine)")
@click.option("--out", metavar="PATH",
              help="where a document prompt's draft goes (default: docs/)")
@json_option
def run(name: str, theme_ref: str | None, window_ref: str | None, since: str | None,
        show_context: bool, dry_run: bool, include_private: bool, out: str | None,
        as_json: bool) -> None:
    """Run PROMPT (luck ai prompts lists them) over your records.

    A text answer is printed and kept in outputs/; a document prompt's JSON answer is
    checked against the document's sections (one retry with the problem if it is not),
    put into the draft `luck doc new` writes from the same template, linted, saved in
    docs/ and registered as an artifact. Neither ever overwrites a file.
    """
    from luckos.app.ai import run as run_prompt
    from luckos.app.redaction import summary
    from luckos.dates import parse_date

    s = session()
    first = parse_date(since, s.today, what="--since") if since else None
    result = run_prompt(s.ws, name, s.today, theme_ref=theme_ref, window_ref=window_ref,
                        since=first, include_private=include_private, dry_run=dry_run,
                        out=out)
    if as_json:
        emit_json({"prompt": result.prompt.name, "version": result.prompt.version,
                   "sent": result.sent, "context": result.context_hash,
                   "redacted": result.redacted, "private_left_out": result.private_left_out,
                   "messages": result.messages if (show_context or dry_run) else None,
                   "model": result.model or None, "answer": result.answer or None,
                   "path": str(result.path) if result.path else None,
                   "artifact": f"a{result.artifact.id}" if result.artifact else None,
                   "lint": result.lint, "found_by": result.found_by or None,
                   "vector_note": result.vector_note or None,
                   "tokens": {"prompt": result.tokens[0], "completion": result.tokens[1]}})
        return
    if show_context or dry_run:
        for message in result.messages:
            click.echo(f"----- {message['role']} -----")
            click.echo(message["content"].rstrip("\n"))
        click.echo("-----")
    about = (f"{result.prompt.name} v{result.prompt.version}: context {result.context_hash}, "
             f"redacted {summary(result.redacted)}")
    if result.private_left_out:
        about += f", {result.private_left_out} private left out"
    if result.vector_note:
        click.echo(f"note: {result.vector_note}", err=True)
    if not result.sent:
        click.echo(f"dry run, nothing sent: {about}", err=True)
        return
    if result.artifact is not None:
        click.echo(f"created {result.path}")
        click.echo(f"  artifact a{result.artifact.id} ({result.artifact.kind}), "
                   f"from {result.model}")
        lint = result.lint or {}
        counts = ", ".join(f"{n} {sev}{'' if n == 1 else 's'}" for sev, n in lint.items())
        click.echo(f"  lint: {counts}; see them with: luck doc lint {result.path}")
    else:
        click.echo(result.answer.rstrip("\n"))
        click.echo(f"kept in {result.path}", err=True)
    click.echo(f"{about}; model {result.model}", err=True)


@group.command("log")
@limit_option
@json_option
@paged_output
def log(limit: int | None, as_json: bool) -> None:
    """Every call made to a model, newest first: when, which prompt and version, which
    model, the hash of the context sent, what redaction replaced, tokens, time, outcome."""
    from luckos.app.ai import calls

    entries, broken = calls(session().ws)
    entries.reverse()
    if as_json:
        emit_json(entries if limit in (None, 0) else entries[:limit])
        return
    shown = entries if limit == 0 else entries[:limit or 50]
    rows = []
    for e in shown:
        tokens = e.get("tokens") or {}
        used = "/".join(str(tokens.get(k, "?")) for k in ("prompt", "completion")) \
            if tokens else ""
        redacted = sum((e.get("redacted") or {}).values())
        rows.append((str(e.get("at", "")), f"{e.get('prompt')} v{e.get('version')}",
                     e.get("model", ""), e.get("context", ""), redacted, used,
                     f"{e.get('seconds', 0):g} s", e.get("outcome", "")))
    table(("at", "prompt", "model", "context", "redacted", "tokens", "took", "outcome"), rows,
          empty="no calls yet")
    if len(shown) < len(entries):
        line(f"{len(shown)} of {len(entries)} shown; --limit 0 for all")
    if broken:
        line(f"{broken} line(s) of ai-log.jsonl could not be read")


@group.command("index")
@click.option("--rebuild", is_flag=True, help="embed every record again")
@json_option
def index(rebuild: bool, as_json: bool) -> None:
    """Embed the records for vector search, with the model [ai] embeddings names.

    Only what changed since the last run is embedded (every record the first time, or
    when the model changes); private notes never are. `luck ai run` embeds a few changed
    records itself; after many changes, or on a schedule, run this."""
    from luckos.app.ai_index import index as build
    from luckos.app.ai_index import state

    ws = session().ws
    if not ws.config.ai.embeddings:
        if as_json:
            emit_json({"model": None, "embedded": 0, "removed": 0, "vectors": 0,
                       "waiting": 0, "seconds": 0.0})
            return
        click.echo("no embedding model configured: nothing to index")
        click.echo("  set embeddings under [ai] in luck.toml (see docs/ai.md)")
        return
    bar = _Bar()
    try:
        done = build(ws, rebuild=rebuild, progress=bar)
    finally:
        bar.close()
    now = state(ws)
    if as_json:
        emit_json({"model": now.model, "embedded": done.embedded, "removed": done.removed,
                   "vectors": now.vectors, "waiting": now.waiting,
                   "seconds": round(done.seconds, 3)})
        return
    click.echo(f"embedded {done.embedded:,} records, removed {done.removed:,} in "
               f"{done.seconds:.1f} s; {now.vectors:,} records in the index of {now.model}")


class _Bar:
    """A progress bar on stderr while a terminal watches more than one batch embedded."""

    def __init__(self) -> None:
        self._progress: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        import sys

        if self._progress is None:
            if total <= 256 or not sys.stderr.isatty():
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._progress = Progress(TextColumn("embedding"), BarColumn(),
                                      MofNCompleteColumn(), console=Console(stderr=True),
                                      transient=True)
            self._progress.start()
            self._task = self._progress.add_task("embedding", total=total)
        self._progress.update(self._task, completed=done)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
