"""Structured output: the JSON a document-filling prompt must return, checked, and the
sections put into the document `luck doc new` drafts from the same template.

The shape is the document kind's section ids (`luckos.writing.catalog`): one JSON object,
each section id a key, each value the section's Markdown text (or a list of its lines).
"""

from __future__ import annotations

import json
import re
from typing import Any

from luckos.writing.sections import SECTIONS


class ReplyInvalid(ValueError):
    """The model's reply is not the JSON asked for; the message says why, for the retry."""


def shape(sections: tuple[str, ...]) -> dict[str, str]:
    """Section id -> what to write there."""
    return {section: SECTIONS[section].hint for section in sections}


def rules(sections: tuple[str, ...]) -> str:
    """What the system message adds for a structured prompt."""
    example = json.dumps({s: f"({SECTIONS[s].heading}: {hint})"
                          for s, hint in shape(sections).items()}, ensure_ascii=False,
                         indent=2)
    return ("Reply with one JSON object and nothing else: no prose before or after it, no "
            f"code fence. Its keys are exactly: {', '.join(sections)}. Each value is the "
            "section's text in Markdown (a string), without the section's own heading:\n"
            f"{example}")


_FENCE = re.compile(r"^\s*```[a-zA-Z]*\s*\n(.*)\n\s*```\s*$", re.DOTALL)


def parse(reply: str, sections: tuple[str, ...]) -> dict[str, str]:
    """The sections of a reply, or `ReplyInvalid` naming the first problem."""
    text = reply.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1).strip()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReplyInvalid(f"the reply is not JSON ({exc.msg} at line {exc.lineno} column "
                           f"{exc.colno})") from None
    if not isinstance(data, dict):
        raise ReplyInvalid(f"the reply is a JSON {type(data).__name__}, not an object with "
                           f"the keys {', '.join(sections)}")
    missing = [s for s in sections if s not in data]
    if missing:
        raise ReplyInvalid(f"the reply has no {', '.join(missing)} (keys asked for: "
                           f"{', '.join(sections)})")
    extra = [k for k in data if k not in sections]
    if extra:
        raise ReplyInvalid(f"the reply has keys not asked for: {', '.join(map(str, extra))}")
    found = {}
    for section in sections:
        value = _text(data[section])
        if value is None:
            raise ReplyInvalid(f"{section} must be a string of Markdown (or a list of "
                               f"strings), not {json.dumps(data[section])[:60]}")
        if not value.strip():
            raise ReplyInvalid(f"{section} is empty")
        found[section] = _demote(value.strip())
    return found


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(v if v.lstrip().startswith(("-", "*", "|", "#")) else f"- {v}"
                         for v in value)
    return None


def _demote(text: str) -> str:
    """Headings of level 1 or 2 inside a section become level 3, so that the document's
    own sections stay the only ones."""
    return re.sub(r"^#{1,2}(?=\s)", "###", text, flags=re.MULTILINE)


_HEADING = re.compile(r"^## (.+)$", re.MULTILINE)


def fill(document: str, kind_sections: tuple[str, ...], found: dict[str, str]) -> str:
    """The drafted document with each filled section's body replaced by the model's text.

    A section is found by its heading, the way the linter finds it; one the template does
    not have is added at the end under the kind's heading for it."""
    from luckos.writing.headings import section_patterns

    vocabulary = section_patterns()
    headings = list(_HEADING.finditer(document))
    done: set[str] = set()
    pieces: list[str] = []
    at = 0
    for index, match in enumerate(headings):
        roles = [s for s in kind_sections if s in found and s not in done
                 and vocabulary.names(s, match.group(1))]
        if not roles:
            continue
        section = roles[0]
        end = headings[index + 1].start() if index + 1 < len(headings) else len(document)
        pieces.append(document[at:match.end()])
        pieces.append("\n\n" + found[section] + "\n\n")
        at = end
        done.add(section)
    pieces.append(document[at:])
    text = "".join(pieces).rstrip("\n") + "\n"
    for section in kind_sections:
        if section in found and section not in done:
            text += f"\n## {SECTIONS[section].heading}\n\n{found[section]}\n"
    return text
