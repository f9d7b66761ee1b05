"""Documents drafted from the records, registered as artifacts, and linted.

`draft` gathers what the workspace knows about a theme and a window (the problem, the
bet, the milestone, three metrics and their latest readings, the window's date and prep
deadline, promises and stakeholders, a decision's options, estimates), fills the kind's
template, writes the file and registers it as an artifact linked to the theme and the
window, so that the window's readiness sees its brief.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from luckos import files
from luckos.app import records
from luckos.domain.records import KINDS, METRIC_SLOT_NAMES, METRIC_SLOTS, short_id
from luckos.errors import Conflict, Invalid, LuckError, NotFound
from luckos.workspace import Workspace
from luckos.writing import drafts
from luckos.writing.catalog import DOC_KINDS, RULES, kind_name
from luckos.writing.lint import Report, lint_document

STDOUT = "-"
DRAFT = files.Output("draft", replace=False)  # luck doc new never overwrites a document
PAGE = files.Output("HTML page", mark=b'<meta name="generator" content="luckos">')


@dataclasses.dataclass(frozen=True)
class Draft:
    kind: str
    text: str
    path: Path | None  # None when printed instead of written
    artifact: Any  # the Artifact registered, or None
    report: Report


def draft(ws: Workspace, kind: str, today: dt.date, *, theme_ref: str | None = None,
          window_ref: str | None = None, out: str | None = None, title: str | None = None,
          decider: str | None = None, start: dt.date | None = None, ai: bool = False,
          compliance: bool = False, fill: Callable[[str], str] | None = None,
          front_extra: dict[str, Any] | None = None, note: str | None = None) -> Draft:
    """Write the first draft of a `kind` document and register it as an artifact.

    `ai`: the document is about an AI tool (front matter `ai: true`, and the sections
    the linter's ai-safeguards rule asks for); `compliance`: a runbook tagged for
    compliance, with its evidence for auditors. `fill` rewrites the rendered draft before
    it is written (`luck ai run` puts a model's sections into it); `front_extra` adds
    front matter keys; `note` is the artifact's note.
    """
    kind = kind_name(kind) or kind  # an alias the linter knows: two-pager is a brief
    spec = DOC_KINDS.get(kind)
    if spec is None:
        raise Invalid(f"unknown document kind {kind!r}: use one of {', '.join(DOC_KINDS)}",
                      where=kind)
    for flag, wanted, rule in (("--ai", ai, "ai-safeguards"),
                               ("--compliance", compliance, "auditor-evidence")):
        kinds = RULES[rule].kinds or ()
        if wanted and kind not in kinds:
            names = [DOC_KINDS[k].title for k in kinds]
            which = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
            raise LuckError(f"{flag} is for {_a(which)}, not {_a(spec.title)}")
    window = records.fetch(ws, KINDS["window"], window_ref) if window_ref else None
    theme = records.fetch(ws, KINDS["theme"], theme_ref) if theme_ref else None
    if theme is None and window is not None and window.theme_id is not None:
        theme = ws.store.get("theme", window.theme_id)
    if spec.needs_theme and theme is None:
        raise LuckError(f"a {spec.title} is about a theme: give --theme ID "
                        "(luck theme list shows them)")
    context = gather(ws, kind, today, theme=theme, window=window, decider=decider, start=start)
    context["title"] = drafts.md(title) if title else _title(kind, context)
    context.update(ai=ai, compliance=compliance)
    front: dict[str, Any] = {"kind": kind, "title": title or _plain_title(kind, context),
                             "date": today}
    if ai:
        front["ai"] = True
    if compliance:
        front["tags"] = ["compliance"]
    if theme is not None:
        front["theme"] = short_id(KINDS["theme"], theme.id)
        front["label"] = theme.label
    if window is not None:
        front["window"] = short_id(KINDS["window"], window.id)
    if context["decision"] and kind in ("brief", "pre-read", "architecture-note"):
        front["decision"] = context["decision"]["id"]
    if decider:
        front["decider"] = decider
    if kind == "reboot-plan":
        front["start"] = context["start"]
    front.update(front_extra or {})
    finish = fill or (lambda text: text)

    if out == STDOUT:
        text = finish(drafts.render(kind, context, front))
        return Draft(kind, text, None, None, lint_document(text, config=ws.config))
    path = _target(ws, out, today, kind, theme, window)
    home = ws.home.absolute()
    link = str(path.relative_to(home)) if path.is_relative_to(home) else str(path)
    with ws.store.transaction():
        raw = {"title": front["title"], "kind": spec.artifact_kind, "on": today, "link": link,
               "theme_id": theme.id if theme else None,
               "window_id": window.id if window else None,
               "note": note or f"drafted with luck doc new {kind}"}
        artifact, _ = records.add(ws, KINDS["artifact"], raw, today)
        front["artifact"] = short_id(KINDS["artifact"], artifact.id)
        text = finish(drafts.render(kind, context, front))
        files.write(path, text, DRAFT, home=ws.home)
    return Draft(kind, text, path, artifact, lint_document(text, config=ws.config))


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _target(ws: Workspace, out: str | None, today: dt.date, kind: str, theme: Any,
            window: Any) -> Path:
    about = theme.label if theme is not None else (window.name if window is not None else "")
    name = "-".join(p for p in (today.isoformat(), kind, drafts.slug(about)) if p) + ".md"
    if out is None:
        files.make_folder(ws.docs)
        path = ws.docs / name
    else:
        path = Path(out).expanduser()
        if path.is_dir():
            path = path / name
        elif not path.parent.is_dir():
            raise LuckError(f"cannot write {path}: the folder {path.parent} does not exist")
    if path.exists():
        raise Conflict(f"{path} already exists: luck doc new never overwrites a document; "
                       "give another --out", where=str(path))
    return path.absolute()


def _plain_title(kind: str, context: dict[str, Any]) -> str:
    theme, window = context["theme"], context["window"]
    label = theme["label"] if theme else None
    if kind == "one-pager":
        return str(label)
    if kind == "brief":
        if label and window:
            return f"{label} — the two-pager for {window['name']}"
        return f"{label} — a two-page brief" if label else "Two-page brief"
    if kind == "reboot-plan":
        return f"90-day reboot from {context['start']}"
    if kind == "pre-read":
        about = window["name"] if window else (context["decision"] or {}).get("title")
        return f"Pre-read: {about}" if about else "Pre-read"
    about = label or (window["name"] if window else None)
    name = DOC_KINDS[kind].title
    name = name[0].upper() + name[1:]
    return f"{name}: {about}" if about else name


def _title(kind: str, context: dict[str, Any]) -> str:
    return drafts.md(_plain_title(kind, context))


# --- what the records say ------------------------------------------------------------------


def gather(ws: Workspace, kind: str, today: dt.date, *, theme: Any = None, window: Any = None,
           decider: str | None = None, start: dt.date | None = None) -> dict[str, Any]:
    """The template context: plain values, with record text made Markdown-safe."""
    store = ws.store
    decision = _decision(ws, theme, kind)
    promises = []
    if theme is not None:
        found = store.find("promise", where={"theme_id": theme.id, "status": "open"},
                           order="due", descending=False)
        promises = [{"id": short_id(KINDS["promise"], p.id), "what": p.what,
                     "to_whom": p.to_whom, "due": p.due} for p in found]
    stakeholders = _stakeholders(ws, theme)
    objections: list[dict[str, Any]] = []
    prewired: list[str] = []  # the stakeholders of the window (else of the decision)
    wired = None
    if window is not None:
        from luckos.app.people import prewire

        wired = prewire(ws, "window", short_id(KINDS["window"], window.id), today)
    elif decision is not None:
        from luckos.app.people import shown_prewire

        made = store.get("decision", int(decision["id"][1:]))
        wired = shown_prewire(ws, made, today) if made is not None else None
    if wired is not None:
        prewired = [f"{line.person.name} ({line.stakeholder.role}): {_step(line.stakeholder)}"
                    for line in wired.lines]
        if wired.lines:
            deciders = [line.person.name for line in wired.lines
                        if line.stakeholder.role == "decides"]
            decider = decider or (", ".join(deciders) if deciders else None)
        objections = [
            {"who": line.person.name, "text": line.stakeholder.objection,
             "raised": line.stakeholder.objection_on or "date not recorded",
             "handled": line.stakeholder.handled, "how": line.stakeholder.handled_how}
            for line in wired.lines if line.stakeholder.objection]
    options = _options(decision)
    recommended = next((o for o in options if decision and decision["choice"]
                        and o["raw"].strip().lower() == decision["choice"].strip().lower()),
                       None)
    begin = start or today
    return {
        "kind": kind,
        "today": today,
        "theme": _theme(theme),
        "metrics": _metrics(ws, theme) if theme is not None else [],
        "window": _window(window, today),
        "windows_ahead": _windows_ahead(ws, begin),
        "promises": promises,
        "stakeholders": stakeholders,
        "objections": objections,
        "prewired": prewired,
        "owed": _owed(ws),
        "decision": decision,
        "options": options,
        "recommended": recommended,
        "alternatives": [o for o in (decision["options"] if decision else [])
                         if not decision or o != decision["choice"]],
        "estimates": estimate_pitches(ws, theme),
        "decider": decider,
        "start": begin,
        "end": begin + dt.timedelta(weeks=12, days=-1),
        "weeks": drafts.reboot_weeks(begin),
    }


def estimate_pitches(ws: Workspace, theme: Any) -> list[str] | None:
    """The pitch sentences of the theme's estimates; None when the workspace has no
    estimates at all (the record kind is not there), [] when none is linked."""
    if KINDS.get("estimate") is None:
        return None
    if theme is None:
        return []
    found = ws.store.find("estimate", where={"theme_id": theme.id})
    return [str(e.pitch).strip() for e in found if str(getattr(e, "pitch", "") or "").strip()]


def _theme(theme: Any) -> dict[str, Any] | None:
    if theme is None:
        return None
    return {"id": short_id(KINDS["theme"], theme.id), "label": theme.label,
            "sentence": theme.sentence, "problem": theme.problem, "bet": theme.bet,
            "milestone": theme.milestone, "blast_radius": theme.blast_radius,
            "pain": theme.pain, "advantage": theme.advantage, "progress": theme.progress}


def _number(value: float, unit: str) -> str:
    text = f"{value:,g}" if abs(value) < 1e15 else f"{value:g}"
    if not unit:
        return text
    if unit in ("$", "€", "£", "¥"):
        return f"-{unit}{text[1:]}" if text.startswith("-") else f"{unit}{text}"
    return f"{text}{unit}" if unit in ("%", "x", "×") else f"{text} {unit}"


def _metrics(ws: Workspace, theme: Any) -> list[dict[str, Any]]:
    from luckos.domain.themes import metric_statuses

    store = ws.store
    statuses = metric_statuses([theme], store.find("metric", where={"theme_id": theme.id}),
                               store.readings_latest(2))
    lines = []
    for status in statuses:
        slot = METRIC_SLOT_NAMES[status.slot]
        slot = slot[0].upper() + slot[1:]
        metric = status.metric
        if metric is None:
            lines.append({"slot": status.slot, "line": f"{slot}: " + drafts.todo(
                f"the {METRIC_SLOT_NAMES[status.slot]} metric and its value today "
                f"(luck metric add --theme {short_id(KINDS['theme'], theme.id)})")})
            continue
        direction = "higher is better" if metric.good == "up" else "lower is better"
        if status.latest is None:
            reading = drafts.todo(f"no reading yet (luck metric read "
                                  f"{short_id(KINDS['theme'], theme.id)} {status.slot} VALUE)")
        else:
            reading = f"{_number(status.latest.value, metric.unit)} in {status.latest.month}"
            if status.previous is not None:
                reading += (f", from {_number(status.previous.value, metric.unit)} in "
                            f"{status.previous.month}")
        line = f"{slot}: {drafts.md(metric.name)}, {reading} ({direction})"
        narrative = status.latest.narrative if status.latest else ""
        if narrative:
            line += f". {drafts.md(narrative)}"
        lines.append({"slot": status.slot, "line": line})
    order = {slot: i for i, slot in enumerate(METRIC_SLOTS)}
    return sorted(lines, key=lambda x: order[x["slot"]])


def _window(window: Any, today: dt.date) -> dict[str, Any] | None:
    if window is None:
        return None
    from luckos.domain.windows import occurrences

    upcoming = occurrences(window, today, today + dt.timedelta(days=800))
    on = upcoming[0] if upcoming else window.on
    return {"id": short_id(KINDS["window"], window.id), "name": window.name, "on": on,
            "prep_due": on - dt.timedelta(days=window.prep_lead_days),
            "send_by": on - dt.timedelta(days=1)}


def _windows_ahead(ws: Workspace, start: dt.date) -> list[dict[str, Any]]:
    from luckos.domain.windows import occurrences

    end = start + dt.timedelta(weeks=12, days=-1)
    ahead = []
    for window in ws.store.windows_active(start):
        for day in occurrences(window, start, end):
            ahead.append({"on": day, "name": window.name,
                          "prep_due": day - dt.timedelta(days=window.prep_lead_days)})
    return sorted(ahead, key=lambda w: (w["on"], w["name"]))


def _decision(ws: Workspace, theme: Any, kind: str) -> dict[str, Any] | None:
    """The theme's decision a draft is about: for an architecture note, the latest one
    made (it has a choice); otherwise the latest one still open (no outcome yet), as a
    brief or a pre-read asks for a decision, not for one already settled. Decisions that
    list options come first."""
    if theme is None:
        return None
    found = ws.store.find("decision", where={"theme_id": theme.id})
    if kind == "architecture-note":
        found = [d for d in found if d.choice]
    else:
        found = [d for d in found if not d.outcome]
    chosen = next((d for d in found if d.options), found[0] if found else None)
    if chosen is None:
        return None
    return {"id": short_id(KINDS["decision"], chosen.id), "title": chosen.title,
            "options": list(chosen.options), "choice": chosen.choice}


def _options(decision: dict[str, Any] | None) -> list[dict[str, Any]]:
    named = list(decision["options"]) if decision else []
    if decision and decision["choice"] and not any(
            o.strip().lower() == decision["choice"].strip().lower() for o in named):
        named.append(decision["choice"])
    options = []
    for index in range(max(3, len(named))):
        letter = chr(ord("A") + index) if index < 26 else str(index + 1)
        raw = named[index] if index < len(named) else ""
        name = drafts.md(raw) if raw else drafts.todo("name the option" if index else
                                                      "name the option (doing nothing is one)")
        options.append({"letter": letter, "name": name, "raw": raw})
    return options


def _step(s: Any) -> str:
    """Where the pre-wire stands with one stakeholder, with its date."""
    from luckos.domain.people import state

    now = state(s)
    on = {"brief sent": s.brief_sent_on, "met": s.met_on, "objection raised": s.objection_on,
          "objection handled": s.handled_on, "supports": s.supports_on}.get(now)
    return f"{now} {on}" if on else now


def _owed(ws: Workspace) -> list[dict[str, Any]]:
    """Every person you owe an open promise to, with those promises, the soonest due first.

    A brief's "Pre-wired with" and a scope letter's "Who's already on board" list them as
    people to talk to, not as people who agreed: no record says who has read the draft."""
    people: dict[str, dict[str, Any]] = {}
    for p in ws.store.find("promise", where={"status": "open"}, order="due",
                           descending=False):
        name = " ".join(str(p.to_whom).split())
        entry = people.setdefault(name.casefold(), {"person": name, "promises": []})
        entry["promises"].append({"id": short_id(KINDS["promise"], p.id), "what": p.what,
                                  "due": p.due})
    return list(people.values())


def _stakeholders(ws: Workspace, theme: Any) -> list[str]:
    names: list[str] = []
    if theme is not None:
        for promise in ws.store.find("promise", where={"theme_id": theme.id}):
            if promise.to_whom not in names:
                names.append(promise.to_whom)
    for sponsor in ws.store.find("sponsor", order="since", descending=False):
        label = f"{sponsor.person} ({sponsor.role})" if sponsor.role else sponsor.person
        if sponsor.person not in names and label not in names:
            names.append(label)
    return names


# --- linting and rendering files ---------------------------------------------------------


def lint_settings(home: Path, config_path: Path | None, ignored: tuple[str, ...] | list[str]
                  ) -> Any:
    """The settings `luck doc lint` uses: the workspace's luck.toml (or --config), with the
    rules named by --ignore turned off. No workspace is needed: defaults apply."""
    from luckos.config import load_config
    from luckos.workspace import CONFIG_NAME
    from luckos.writing.catalog import INPUT_RULES, RULES

    if config_path is not None:
        if not config_path.is_file():
            raise NotFound(f"{config_path}: no such file (--config)", where=str(config_path))
        config = load_config(config_path)
    else:
        config = load_config(home / CONFIG_NAME)  # no luck.toml: every default
    for rule in ignored:
        if rule in INPUT_RULES:
            raise LuckError(f"--ignore {rule}: a file that cannot be read is always reported")
        if rule not in RULES:
            raise Invalid(f"--ignore {rule}: no such rule (luck doc rules lists them)", where=rule)
    if not ignored:
        return config
    rules = dict(config.lint.rules)
    rules.update({rule: "off" for rule in ignored})
    lint = dataclasses.replace(config.lint, rules=tuple(sorted(rules.items())))
    return config.replace(lint=lint)


def render_file(source: Path, out: str, *, redactor: Any = None, force: bool = False,
                home: Path | None = None) -> tuple[str, Path | None]:
    """Render a document to a standalone HTML page; write it to `out` ('-': return only).
    With a `Redactor`, its text goes through it first (`--redact`).

    Returns the page and the path written. The source is only read. An existing page is
    replaced when luckos made it (its generator tag says so), anything else only with
    `force`; never the workspace's files (`home`) or a SQLite database.
    """
    from luckos.writing.render import page
    from luckos.writing.sources import decode

    try:
        found = source.is_file()
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        raise LuckError(f"{source}: cannot read it ({exc})") from None
    if not found:
        raise NotFound(f"{source}: no such file", where=str(source))
    target = Path(out).expanduser()
    if out != STDOUT:
        try:
            itself = target.exists() and target.samefile(source)
        except (OSError, ValueError):
            itself = False  # a name the system cannot look up: check() names it
        if itself:
            raise LuckError(f"--html {out} is the document itself: give another file")
        files.check(target, PAGE, force=force, home=home)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise LuckError(f"{source}: cannot read it: {exc.strerror or exc}") from None
    text, problem = decode(data)
    if text is None:
        assert problem is not None
        raise LuckError(f"{source}:{problem.line}:{problem.column}: {problem.message}")
    html = page(text, name=source.stem, where=str(source),
                redact=None if redactor is None else lambda t: redactor.redact(t).text)
    if out == STDOUT:
        return html, None
    files.write(target, html, PAGE, force=force, home=home)
    return html, target
