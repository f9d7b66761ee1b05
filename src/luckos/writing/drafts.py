"""First drafts: a Jinja2 template per document kind, filled from a plain context.

The context is built by `luckos.app.docs` from the workspace's records (a theme and its
three numbers, a window's dates, promises, stakeholders, a decision's options, estimates).
Whatever the records cannot say is left as a prompt, `[TODO: ...]`, which the linter's
`placeholder` rule reports until it is filled.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from luckos.writing import frontmatter

TEMPLATES = Path(__file__).with_name("templates")
_LINE_START = re.compile(r"^(\s*)([#>+*-]|\d+[.)])")

REBOOT_WEEKS = (
    (1, 2, "map the terrain",
     ("Shadow critical meetings.", "Draw the dependency graph.", "Interview two users.",
      "Draft the two-pager (`luck doc new brief`).",
      "Map who owns what, which metrics are red, which dates are immovable, which projects "
      "have executive oxygen.")),
    (3, 4, "land the first measurable win",
     ("Land the first measurable change: the metric, before and after.",
      "Ship the smallest change that proves the direction.")),
    (5, 6, "socialize the results",
     ("Socialize the results.", "Ask for the bigger bet.",
      "Write the runbook or template (`luck doc new runbook`).")),
    (7, 8, "expand the blast radius",
     ("Expand the blast radius.", "Automate the win.", "Remove one recurring meeting.")),
    (9, 12, "tell the story",
     ("Tell the story in a one-page post-mortem (`luck doc new post-mortem`).",
      "Hand off maintenance.", "Choose the next theme.")),
)


def todo(prompt: str) -> str:
    """A prompt for what the records could not fill."""
    return f"[TODO: {prompt}]"


def md(value: Any) -> str:
    """Record text made safe inside a Markdown line: one line, no accidental markup."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    text = text.replace("<", "\\<")
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)


def cell(value: str) -> str:
    """Text for a table cell: pipes escaped."""
    return value.replace("|", "\\|")


def _environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML: record text goes through `md` instead
    )
    env.filters.update(md=md, todo=todo, cell=cell)
    return env


def render(kind: str, context: dict[str, Any], front: dict[str, Any]) -> str:
    """The draft of `kind`: front matter, then the template filled from `context`."""
    template = _environment().get_template(f"{kind}.md.j2")
    body = template.render(**context)
    body = re.sub(r"([^\n])\n(#{1,6} )", r"\1\n\n\2", body)  # a blank line before headings
    body = re.sub(r"\n{3,}", "\n\n", body).strip("\n")
    return f"{frontmatter.dump(front)}\n{body}\n"


def reboot_weeks(start: dt.date) -> list[dict[str, Any]]:
    """The essay's week-by-week sketch with real dates from `start`."""
    weeks = []
    for first, last, focus, items in REBOOT_WEEKS:
        weeks.append({
            "label": f"Weeks {first}-{last}",
            "first": start + dt.timedelta(weeks=first - 1),
            "last": start + dt.timedelta(weeks=last, days=-1),
            "focus": focus,
            "tasks": items,
        })
    return weeks


def slug(text: str, size: int = 48) -> str:
    """A file-name-safe version of `text`: lower-case ASCII words joined by hyphens."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    result = "-".join(words)[:size].rstrip("-")
    return result
