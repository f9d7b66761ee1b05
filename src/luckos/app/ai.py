"""`luck ai`: run a prompt of the workspace's library over the user's own records.

The order is fixed and every path takes it: gather the records the prompt names (and the
best full-text matches), render them, pass every message through one `Redactor` (so a
token means one thing in the whole call), hash what is sent, send it, log the call, then
check and keep the answer. Private notes only go with `include_private` to an endpoint on
this machine. Nothing is sent when `[ai]` is not configured or on a dry run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from luckos.ai import client, context, structured
from luckos.ai import log as ai_log
from luckos.ai.prompts import Entry, Prompt, sync
from luckos.errors import LuckError
from luckos.workspace import Workspace

PROMPTS = "prompts"  # the library's folder in the workspace
OUTPUTS = "outputs"  # where text answers are kept


def library(ws: Workspace) -> list[Entry]:
    """The workspace's prompts, the built-in starters copied in the first time."""
    return sync(ws.home / PROMPTS)


def prompt_named(ws: Workspace, name: str) -> Prompt:
    entries = library(ws)
    for entry in entries:
        if entry.path.stem == name:
            if entry.prompt is None:
                raise LuckError(entry.problem)
            return entry.prompt
    known = ", ".join(e.path.stem for e in entries)
    raise LuckError(f"no prompt {name!r} in {ws.home / PROMPTS} (luck ai prompts lists "
                    f"them: {known})")


# --- status ------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Status:
    settings: Any
    key: str  # "not needed" | "set" | "missing"
    answers: bool | None  # None: not asked (nothing configured)
    models: list[str]
    problem: str
    index: Any = None  # luckos.app.ai_index.IndexState, when embeddings are configured

    def to_json(self) -> dict[str, Any]:
        s = self.settings
        return {"configured": s.configured, "base_url": s.base_url or None,
                "model": s.model or None, "temperature": s.temperature,
                "max_tokens": s.max_tokens, "timeout": s.timeout, "matches": s.matches,
                "api_key_env": s.api_key_env or None, "key": self.key,
                "loopback": s.loopback if s.configured else None,
                "answers": self.answers, "model_listed": (s.model in self.models
                                                          if self.answers else None),
                "problem": self.problem or None,
                "embeddings": self.index.to_json() if self.index else None}


def status(ws: Workspace, environ: Mapping[str, str] = os.environ) -> Status:
    settings = ws.config.ai
    if not settings.api_key_env:
        key_state = "not needed"
    else:
        key_state = "set" if environ.get(settings.api_key_env, "").strip() else "missing"
    index = None
    if settings.embeddings:
        from luckos.app.ai_index import state

        index = state(ws)
    if not settings.configured:
        return Status(settings, key_state, None, [], "", index)
    try:
        key = client.api_key(settings, environ)
        names = client.models(settings, key)
    except LuckError as exc:
        return Status(settings, key_state, False, [], exc.message, index)
    return Status(settings, key_state, True, names, "", index)


# --- a run -------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Run:
    prompt: Prompt
    messages: list[dict[str, str]]  # exactly what is (or would be) sent, after redaction
    context_hash: str
    redacted: dict[str, int]  # findings by kind
    private_left_out: int
    sent: bool
    answer: str = ""  # the text answer, or the filled document
    path: Path | None = None  # where the answer was kept
    artifact: Any = None
    lint: dict[str, int] | None = None
    tokens: tuple[int | None, int | None] = (None, None)
    model: str = ""
    found_by: dict[str, dict[str, int]] = dataclasses.field(default_factory=dict)
    vector_note: str = ""  # why vector search was left out, or what waits for luck ai index


def run(ws: Workspace, name: str, today: dt.date, *, theme_ref: str | None = None,
        window_ref: str | None = None, since: dt.date | None = None,
        include_private: bool = False, dry_run: bool = False, out: str | None = None,
        environ: Mapping[str, str] = os.environ) -> Run:
    from luckos.app.ai_context import gather
    from luckos.app.redaction import redactor_for
    from luckos.writing.catalog import DOC_KINDS

    settings = ws.config.ai
    if include_private and not (settings.configured and settings.loopback):
        where = settings.host or "no endpoint"
        raise LuckError(f"--include-private sends private notes only to a model on this "
                        f"machine (ai.base_url on 127.0.0.1, ::1 or localhost), not {where}")
    if not dry_run and not settings.configured:
        raise LuckError("no model is configured: set base_url and model under [ai] in "
                        f"{ws.home / 'luck.toml'} (nothing was sent; --dry-run shows what "
                        "would be)")
    prompt = prompt_named(ws, name)
    found = gather(ws, prompt, today, theme_ref=theme_ref, window_ref=window_ref,
                   since=since, private=include_private, matches=settings.matches)
    if prompt.structured and found.theme is None and DOC_KINDS[prompt.output].needs_theme:
        raise LuckError(f"the {prompt.name} prompt fills a {DOC_KINDS[prompt.output].title} "
                        "about a theme: give --theme ID (luck theme list shows them)")
    rules = structured.rules(prompt.sections) if prompt.structured else ""
    plain = context.messages(prompt.body, context.render(found.groups), today, rules)
    redactor = redactor_for(ws)  # one for the whole call: stable tokens
    sent, tokens = [], {}
    for message in plain:
        done = redactor.redact(message["content"])
        sent.append({"role": message["role"], "content": done.text})
        tokens.update({k: v for k, v in context.originals(message["content"], done.findings)
                       .items() if k not in tokens})
    counts = dict(redactor.counts)
    digest = context.context_hash(sent)
    base = Run(prompt, sent, digest, counts, found.private_left_out, False,
               found_by=found.found_by, vector_note=found.vector_note)
    if dry_run:
        return base
    key = client.api_key(settings, environ)
    entry = {"prompt": prompt.name, "version": prompt.version, "model": settings.model,
             "host": settings.host, "context": digest, "redacted": counts}
    reply = _call(ws, settings, sent, key, entry, attempt=1)
    used = (reply.prompt_tokens, reply.completion_tokens)
    if not prompt.structured:
        answer = context.restore(reply.content, tokens)
        path = _keep_text(ws, prompt, answer, reply.model or settings.model, counts, digest,
                          today)
        _log(ws, entry, reply, "ok", 1, path)
        return dataclasses.replace(base, sent=True, answer=answer, path=path, tokens=used,
                                   model=reply.model)
    try:
        sections = structured.parse(reply.content, prompt.sections)
        attempt = 1
    except structured.ReplyInvalid as first:
        _log(ws, entry, reply, f"invalid: {first}", 1, None)
        again = [*sent, {"role": "assistant", "content": reply.content},
                 {"role": "user", "content": f"That reply cannot be used: {first}. Reply "
                                             "again with only the JSON object asked for."}]
        reply = _call(ws, settings, again, key, entry, attempt=2)
        try:
            sections = structured.parse(reply.content, prompt.sections)
        except structured.ReplyInvalid as second:
            _log(ws, entry, reply, f"invalid: {second}", 2, None)
            raise LuckError(f"the model's reply is not the JSON the {prompt.name} prompt "
                            f"asks for, after one retry: {second} (nothing was written)"
                            ) from None
        attempt = 2
    sections = {k: context.restore(v, tokens) for k, v in sections.items()}
    done = _draft(ws, prompt, sections, today, window_ref, found, reply.model, counts,
                  digest, out)
    _log(ws, entry, reply, "ok", attempt, done.path)
    lint = {sev: done.report.count(sev) for sev in ("error", "warning", "suggestion")}
    return dataclasses.replace(base, sent=True, answer=done.text, path=done.path,
                               artifact=done.artifact, lint=lint, tokens=used,
                               model=reply.model)


def _call(ws: Workspace, settings: Any, messages: list[dict[str, str]], key: str | None,
          entry: dict[str, Any], attempt: int) -> client.Reply:
    started = dt.datetime.now(dt.UTC)
    try:
        return client.chat(settings, messages, key)
    except LuckError as exc:
        seconds = (dt.datetime.now(dt.UTC) - started).total_seconds()
        ai_log.append(ws.home, {"at": _stamp(started), **entry, "attempt": attempt,
                                "tokens": None, "seconds": round(seconds, 3),
                                "outcome": f"error: {exc.message}", "output": None})
        raise


def _log(ws: Workspace, entry: dict[str, Any], reply: client.Reply, outcome: str,
         attempt: int, path: Path | None) -> None:
    now = dt.datetime.now(dt.UTC)
    ai_log.append(ws.home, {
        "at": _stamp(now - dt.timedelta(seconds=reply.seconds)), **entry,
        "answered_by": reply.model, "attempt": attempt,
        "tokens": {"prompt": reply.prompt_tokens, "completion": reply.completion_tokens},
        "seconds": round(reply.seconds, 3), "outcome": outcome,
        "output": _relative(ws, path) if path else None})


def _stamp(moment: dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _relative(ws: Workspace, path: Path) -> str:
    home = ws.home.absolute()
    return str(path.relative_to(home)) if path.is_relative_to(home) else str(path)


def _provenance(prompt: Prompt, model: str, counts: dict[str, int], digest: str
                ) -> dict[str, Any]:
    return {"prompt": prompt.name, "prompt_version": prompt.version, "model": model,
            "context": digest, "redacted": counts}


def _draft(ws: Workspace, prompt: Prompt, sections: dict[str, str], today: dt.date,
           window_ref: str | None, found: Any, model: str, counts: dict[str, int],
           digest: str, out: str | None) -> Any:
    """The document `luck doc new` drafts from the same records and template, its
    sections filled with the model's, registered as an artifact like any draft."""
    from luckos.app.docs import draft
    from luckos.domain.records import KINDS, short_id
    from luckos.writing.catalog import DOC_KINDS

    every = DOC_KINDS[prompt.output].sections
    theme = found.theme
    return draft(ws, prompt.output, today,
                 theme_ref=short_id(KINDS["theme"], theme.id) if theme else None,
                 window_ref=window_ref, out=out,
                 fill=lambda text: structured.fill(text, every, sections),
                 front_extra={"ai": _provenance(prompt, model, counts, digest)},
                 note=f"drafted with luck ai run {prompt.name} (v{prompt.version}, {model})")


def _keep_text(ws: Workspace, prompt: Prompt, answer: str, model: str,
               counts: dict[str, int], digest: str, today: dt.date) -> Path:
    """The answer, kept as `outputs/DATE-PROMPT[-N].md` with its provenance."""
    from luckos import files
    from luckos.writing import frontmatter

    folder = ws.home / OUTPUTS
    files.make_folder(folder)
    front = {"kind": "ai-output", "date": today,
             **_provenance(prompt, model, counts, digest)}
    text = frontmatter.dump(front) + "\n" + answer.strip() + "\n"
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        path = folder / f"{today.isoformat()}-{prompt.name}{suffix}.md"
        if files.write_new(path, text):
            return path.absolute()
    raise LuckError(f"{folder}: too many answers of {prompt.name} today")


def calls(ws: Workspace) -> tuple[list[dict[str, Any]], int]:
    """The log of calls, oldest first, and how many of its lines could not be read."""
    return ai_log.read(ws.home)
