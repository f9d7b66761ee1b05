"""YAML front matter: the `---` block at the top of a document, read with PyYAML."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

_KEY_LINE = re.compile(r"^[A-Za-z_][\w -]*:(\s|$)")


@dataclasses.dataclass(frozen=True)
class FrontMatter:
    data: dict[str, Any]
    body_start: int  # how many lines come before the body (0 when there is no front matter)
    error: tuple[int, str, int] | None = None  # (line, message, column) when it is broken

    def text(self, key: str) -> str | None:
        """A scalar value as text, or None when absent or not a scalar."""
        value = self.data.get(key)
        if value is None or isinstance(value, (dict, list)):
            return None
        return str(value).strip() or None


def split(lines: list[str]) -> FrontMatter:
    """Read the front matter from a document's lines (already split on newlines)."""
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter({}, 0)
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if close is None:
        if len(lines) > 1 and _KEY_LINE.match(lines[1]):
            return FrontMatter({}, 0, (1, "the front matter opened on line 1 is never "
                                          "closed: add a line '---' after its last key", 1))
        return FrontMatter({}, 0)  # a thematic break, not front matter
    source = "\n".join(lines[1:close])
    import yaml

    try:
        data = yaml.load(source, Loader=_loader())  # noqa: S506 - a safe loader
    except (ValueError, OverflowError, RecursionError) as exc:  # a value YAML cannot build
        return FrontMatter({}, close + 1, (2, f"the front matter has a value YAML cannot read:"
                                              f" {exc}", 1))
    except yaml.YAMLError as exc:
        line, column = _where(exc, close - 1)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return FrontMatter({}, close + 1, (line, f"the front matter is not valid YAML: {problem}"
                                                 f" (fix line {line} or quote the value)",
                                           column))
    if data is None:
        return FrontMatter({}, close + 1)
    if not isinstance(data, dict):
        return FrontMatter({}, close + 1, (2, "the front matter must be 'key: value' lines, "
                                              f"not a {type(data).__name__}", 1))
    return FrontMatter({str(k): v for k, v in data.items()}, close + 1)


_LOADER: Any = None


def _loader() -> Any:
    """PyYAML's safe loader (the C one when there is one), with dates kept as text: a
    document's `date: 2026-02-30` is the writer's business, not a reason to fail."""
    global _LOADER
    if _LOADER is None:
        import yaml

        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class Loader(base):  # type: ignore[misc, valid-type]
            pass

        Loader.add_constructor("tag:yaml.org,2002:timestamp",
                               lambda loader, node: loader.construct_scalar(node))
        _LOADER = Loader
    return _LOADER


def _where(exc: Exception, lines: int) -> tuple[int, int]:
    """The file line and column of a YAML error: where the problem is, or where the
    construct it broke began when the problem is only found at the end of the block."""
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    mark = problem
    if context is not None and (problem is None or problem.line >= lines):
        mark = context
    if mark is None:
        return 2, 1
    return mark.line + 2, mark.column + 1


def dump(data: dict[str, Any]) -> str:
    """Front matter text for `data`, keys in the order given, closed by `---`."""
    import yaml

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True  # the same date twice is written twice, not as &id001 / *id001

    body = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{body}---\n"
