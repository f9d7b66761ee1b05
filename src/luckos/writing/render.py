"""A document as a clean standalone HTML page: one file, styles inline, no scripts.

Markdown is rendered by markdown-it-py (CommonMark with tables); HTML comments (such as
`<!-- luck: ignore ... -->`) are dropped and any other raw HTML is shown as text, so a
page made from someone else's document runs nothing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from luckos.errors import LuckError
from luckos.writing import frontmatter
from luckos.writing.drafts import TEMPLATES, slug
from luckos.writing.headings import plain

META_KEYS = ("kind", "date", "theme", "window", "decision", "decider", "owner", "artifact",
             "start")


def _markdown() -> Any:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")

    def raw_html(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        content = tokens[idx].content
        if content.lstrip().startswith("<!--"):
            return ""
        return html.escape(content)

    parser.add_render_rule("html_block", raw_html)
    parser.add_render_rule("html_inline", raw_html)
    return parser


def page(text: str, *, name: str = "document", where: str = "document",
         redact: Callable[[str], str] | None = None) -> str:
    """The HTML page for a Markdown document (front matter shown as a header). `redact`
    rewrites the body's Markdown and the front matter's values before they are rendered
    (the front matter is parsed first, so that a token never changes its meaning)."""
    import jinja2

    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    front = frontmatter.split(lines)
    if front.error is not None:
        line, message, column = front.error
        raise LuckError(f"{where}:{line}:{column}: {message}")
    parser = _markdown()
    source = "\n".join(lines[front.body_start:])
    clean = redact or (lambda text: text)
    tokens = parser.parse(clean(source))
    first_h1 = None
    used: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        words = plain(tokens[index + 1].content)
        if token.tag == "h1" and first_h1 is None:
            first_h1 = words
        anchor = slug(words, 60) or "section"
        candidate, n = anchor, 2
        while candidate in used:
            candidate, n = f"{anchor}-{n}", n + 1
        used.add(candidate)
        token.attrSet("id", candidate)
    body = _mark_placeholders(parser.renderer.render(tokens, parser.options, {}))
    title = clean(front.text("title") or "") or first_h1 or clean(name)
    meta = [(key, clean(_scalar(front.data[key]))) for key in META_KEYS
            if key in front.data and _scalar(front.data[key])]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    return env.get_template("page.html.j2").render(
        title=title, meta=meta, body=body, show_title=first_h1 is None)


_CODE = re.compile(r"(<pre\b.*?</pre>|<code>.*?</code>)", re.DOTALL)
_PROMPT = re.compile(r"\[(?:TODO|TBD|FIXME)\b[^\]<]*\]")


def _mark_placeholders(body: str) -> str:
    """Prompts left to fill stand out on the page (never inside code)."""
    parts = _CODE.split(body)
    for index in range(0, len(parts), 2):
        parts[index] = _PROMPT.sub(lambda m: f'<mark class="todo">{m.group(0)}</mark>',
                                   parts[index])
    return "".join(parts)


def _scalar(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ""
    return re.sub(r"\s+", " ", str(value)).strip()
