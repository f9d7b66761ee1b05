"""The demo's evidence: a small git repository (built with `git fast-import`, one process)
and a folder of Markdown documents, imported so that `luck evidence list` and
`luck packet` have something to show. Dates are relative to `today`, like the rest of the
demo. Without git on the machine the demo simply has no repository.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from luckos.workspace import Workspace

REPO_NAME = "checkout-web"
ME = ("Alex Rivera", "alex@demo.example")
KOFI = ("Kofi Mensah", "kofi@demo.example")
BOT = ("GitHub", "noreply@demo.example")

# (days before today, author, subject, {path: text}); branch commits carry a branch name
_MAIN_EARLY = (
    (68, ME, "Measure cold-start per shard (CHK-101)", {"perf/coldstart.py": 18}),
    (66, KOFI, "Bump the widget bundle", {"web/package.json": 3}),
    (61, ME, "Pre-warm the edge cache for EU", {"infra/prewarm.sh": 24}),
    (60, ME, "Pre-warm: retry once on timeout", {"infra/prewarm.sh": 6}),
)
_BRANCH = (  # merged as pull request #42
    (47, ME, "Lazy-load the payment widgets", {"web/checkout/widgets.ts": 40}),
    (46, ME, "Keep the card form eager (CHK-118)", {"web/checkout/widgets.ts": 8}),
)
_MERGE = (45, BOT, "Merge pull request #42 from alex/lazy-widgets",
          "Lazy-load the payment widgets: p95 cold-start 720 -> 680 ms")
_MAIN_LATE = (
    (33, ME, "Shard rollout runbook v2 (#57)", {"docs/rollout.md": 30}),
    (19, KOFI, "Fix flaky test", {"web/checkout/widgets.test.ts": 4}),
    (12, ME, "Cost dashboard: cost per checkout by region (CHK-131)",
     {"dash/cost.sql": 22, "dash/cost.json": 12}),
    (11, ME, "Cost dashboard: APAC numbers", {"dash/cost.sql": 5}),
    (3, ME, "Drop the retry loop that paged on Fridays", {"web/auth/retry.ts": 2}),
)

DOCS = {
    "edge-prewarm.md": ("---\ntitle: Edge pre-warm, and why it is not a cache\n"
                        "kind: architecture-note\ndate: {d20}\n---\n# Edge pre-warm\n\n"
                        "## Context\n\nCheckout p95 cold-start is 680 ms; the EU shard warms "
                        "in 40 s.\n"),
    "rollout-runbook.md": ("---\nkind: runbook\n---\n# Shard rollout runbook\n\n## Steps\n\n"
                           "1. Drain the shard.\n2. Roll forward.\n"),
    "post-mortem-friday-pages.md": ("# Post-mortem: the Friday auth-timeout pages\n\n"
                                    "## Impact\n\n14 pages in 6 weeks.\n"),
}


def build(ws: Workspace, home: Path, today: dt.date) -> None:
    """Write the repository and the documents into `home` and import both."""
    from luckos.app import evidence

    docs = home / "docs"
    docs.mkdir(exist_ok=True)
    for name, text in DOCS.items():
        (docs / name).write_text(text.format(d20=today - dt.timedelta(days=20)),
                                 encoding="utf-8")
        stamp = _epoch(today - dt.timedelta(days=30))
        os.utime(docs / name, (stamp, stamp))
    evidence.import_docs(ws, docs)
    repo = home / REPO_NAME
    try:
        write_repository(repo, today)
    except (OSError, subprocess.CalledProcessError):
        return  # no git here: the demo goes on without a repository
    evidence.import_git(ws, [repo], authors=[ME[1]])
    themes = {t.label: t.id for t in ws.store.all("theme")}
    first = next(iter(themes.values()), None)
    for record in ws.store.find("evidence", where={"source": "git"}, descending=False):
        if record.key == "pr:42":
            evidence.accept(ws, f"e{record.id}", as_="win", kind=None,
                            theme_ref=str(first) if first else None, today=today)
        elif record.key == "pr:57":
            evidence.accept(ws, f"e{record.id}", as_="artifact", kind="runbook",
                            theme_ref=str(first) if first else None, today=today)


def write_repository(path: Path, today: dt.date) -> None:
    """A repository of a few weeks of work, with a colleague, a merged pull request, a
    squashed one and ticket mentions."""
    path.mkdir(parents=True)
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"}
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True, env=env,
                   capture_output=True)
    stream = _stream(today)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=path, input=stream, check=True,
                   env=env, capture_output=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=path, check=True, env=env,
                   capture_output=True)
    subprocess.run(["git", "config", "user.email", ME[1]], cwd=path, check=True, env=env)


def _stream(today: dt.date) -> bytes:
    out: list[bytes] = []
    mark = 0

    def commit(ref: str, days: int, who: tuple[str, str], message: str,
               files: dict[str, int], parents: list[int]) -> int:
        nonlocal mark
        mark += 1
        when = _epoch(today - dt.timedelta(days=days)) + 10 * 3600
        body = message.encode()
        out.append(f"commit {ref}\nmark :{mark}\n".encode())
        out.append(f"author {who[0]} <{who[1]}> {when} +0000\n".encode())
        out.append(f"committer {who[0]} <{who[1]}> {when} +0000\n".encode())
        out.append(f"data {len(body)}\n".encode() + body + b"\n")
        for i, parent in enumerate(parents):
            out.append(f"{'from' if i == 0 else 'merge'} :{parent}\n".encode())
        for name, lines in files.items():
            text = "".join(f"// {name} line {n} at {mark}\n" for n in range(lines)).encode()
            out.append(f"M 100644 inline {name}\ndata {len(text)}\n".encode() + text + b"\n")
        return mark

    last = 0
    for days, who, subject, files in _MAIN_EARLY:
        last = commit("refs/heads/main", days, who, subject, files, [last] if last else [])
    base = last
    tip = base
    for days, who, subject, files in _BRANCH:
        tip = commit("refs/heads/alex/lazy-widgets", days, who, subject, files, [tip])
    days, who, subject, body = _MERGE
    last = commit("refs/heads/main", days, who, f"{subject}\n\n{body}", {}, [base, tip])
    for days, who, subject, files in _MAIN_LATE:
        last = commit("refs/heads/main", days, who, subject, files, [last])
    return b"".join(out)


def _epoch(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())

