"""The linter: a document's text in, its findings out, as values.

    lint_text(text, kind=None, config=None) -> list[Finding]

A document "lints clean" when no finding has severity "error". Findings on a line can be
silenced with a comment, as linters allow:

    a line with a vague claim <!-- luck: ignore vague-claim -->
    <!-- luck: ignore -->             (alone on its line: silences the next line)
    <!-- luck: disable word-budget --> ... <!-- luck: enable word-budget -->
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from luckos.config import Config, LintConfig, Thresholds
from luckos.errors import Invalid
from luckos.writing.catalog import DOC_KINDS, INPUT_RULES, RULES, SEVERITY_RANK, kind_name
from luckos.writing.findings import Finding, input_finding
from luckos.writing.headings import section_patterns
from luckos.writing.sources import discover, read
from luckos.writing.structure import Document

if TYPE_CHECKING:
    from luckos.writing.kinds import KindGuess


@dataclasses.dataclass(frozen=True)
class Report:
    """What linting one document found, and what it learned on the way."""

    findings: list[Finding]
    kind: str | None = None
    kind_from: str | None = None  # front matter | --kind | title | path | file name | structure
    words: int = 0
    guess: KindGuess | None = None  # how the kind was found (luck doc lint --explain-kind)

    @property
    def unusable(self) -> bool:
        """The file could not be linted: unreadable, broken front matter, unknown kind."""
        return any(f.rule in INPUT_RULES for f in self.findings)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def lint_text(text: str, *, kind: str | None = None, config: Any = None) -> list[Finding]:
    """Check a Markdown document against the essay's rules.

    `kind` is used when the front matter names none (`kind:` in the front matter wins);
    `config` is a `Config` or a `LintConfig` (default: every default).
    """
    return lint_document(text, kind=kind, config=config).findings


def resolve(config: Any) -> tuple[LintConfig, int]:
    """The lint settings and the naming test's word limit from any config given."""
    if config is None:
        return LintConfig(), Thresholds().theme_label_max_words
    if isinstance(config, Config):
        return config.lint, config.thresholds.theme_label_max_words
    if isinstance(config, LintConfig):
        return config, Thresholds().theme_label_max_words
    raise TypeError(f"config must be a Config or a LintConfig, not {type(config).__name__}")


def lint_document(text: str, *, kind: str | None = None, config: Any = None,
                  file_name: str | None = None) -> Report:
    from luckos.writing.rules import CHECKS, Context

    settings, label_words = resolve(config)
    fallback = None
    if kind is not None:
        fallback = kind_name(kind)
        if fallback is None:
            raise Invalid(f"unknown document kind {kind!r}: use one of "
                          f"{', '.join(DOC_KINDS)}", where=kind)
    doc = Document(text, patterns=section_patterns(settings.synonyms))
    if doc.front.error is not None:
        line, message, column = doc.front.error
        return Report([input_finding("front-matter", message, line, column)])
    guessed, problem = _kind_of(doc, fallback, file_name)
    if problem is not None or guessed is None:
        return Report([problem] if problem else [])
    resolved, source = guessed.kind, guessed.source
    native = (FORMAT_SECTIONS.get(guessed.format or "")
              if source not in ("front matter", "--kind") else None)
    context = Context(resolved, settings, label_words, native)
    severities = _severities(settings)
    hits: list[tuple[str, int, int, str]] = []
    capped: set[tuple[str, int, int, str]] = set()
    for rule_id, spec in RULES.items():
        if spec.kinds is not None and resolved not in spec.kinds:
            continue
        if severities[rule_id] == "off" or rule_id not in CHECKS:
            continue
        for hit in CHECKS[rule_id](doc, context):
            line, column, message = hit[:3]
            hits.append((rule_id, line, column, message))
            if len(hit) > 3:
                capped.add(hits[-1])
    if resolved is None and severities["kind-unknown"] != "off":
        hits.append(("kind-unknown", doc.title_line, 1,
                     "no kind found in the front matter, the title, the path or the "
                     "sections, so only the prose rules ran: add `kind: brief` (or another "
                     "kind: luck doc kinds) to the front matter, or pass --kind (luck doc "
                     "lint --explain-kind FILE shows the signals)"))
    hits = _one_finding_per_problem(hits)
    silenced, comment_hits = _suppressions(doc)
    if severities["unknown-rule"] != "off":
        hits.extend(comment_hits)
    findings = [Finding(hit[0], _capped(severities[hit[0]], hit in capped), *hit[1:])
                for hit in hits if not _silenced(silenced, hit[0], hit[1])]
    findings.sort(key=lambda f: (f.line, f.column, SEVERITY_RANK[f.severity], f.rule))
    return Report(findings, resolved, source, doc.word_count, guessed)


# The sections each widely used format has of its own (kinds.py names the formats).
FORMAT_SECTIONS: dict[str, frozenset[str]] = {
    "Nygard ADR": frozenset(("context", "adr-decision", "consequences")),
    "MADR decision record": frozenset(("context", "adr-decision", "alternatives",
                                       "consequences")),
    "design doc / RFC": frozenset(("context", "adr-decision", "alternatives",
                                   "consequences")),
}


def _capped(severity: str, capped: bool) -> str:
    """A severity no higher than a warning, when the check asked for that."""
    return "warning" if capped and severity == "error" else severity


# An empty section is reported once: not also as unquantified, unnumbered or unhandled.
_EMPTY_COVERS = frozenset(("impact-quantified", "numbered-steps", "three-metrics",
                           "objection-handled", "action-owner-date", "decision-owner-date",
                           "quantified-consequence", "rollback-rehearsed", "brief-options"))


def _one_finding_per_problem(hits: list[tuple[str, int, int, str]]
                             ) -> list[tuple[str, int, int, str]]:
    empty = {line for rule, line, _, _ in hits if rule == "section-empty"}
    if not empty:
        return hits
    return [h for h in hits if not (h[0] in _EMPTY_COVERS and h[1] in empty)]


@lru_cache(maxsize=16)
def _severities(settings: LintConfig) -> dict[str, str]:
    """Each rule's severity under these settings ("off" included)."""
    return {rule_id: settings.severity(rule_id, spec.severity) for rule_id, spec in RULES.items()}


# --- the document's kind -------------------------------------------------------------------

def _kind_of(doc: Document, fallback: str | None, file_name: str | None
             ) -> tuple[KindGuess | None, Finding | None]:
    from luckos.writing.kinds import KindGuess, guess

    if "kind" in doc.front.data:
        value = doc.front.data["kind"]
        line = next((n for n in range(2, doc.front.body_start)
                     if doc.line(n).startswith("kind")), 1)
        if not isinstance(value, str):
            return None, input_finding(
                "front-matter", f"kind must be a single word such as 'brief', not {value!r}",
                line)
        named = kind_name(value)
        if named is not None:
            return KindGuess(named, 1.0, "front matter",
                             (f"the front matter says 'kind: {value}'",)), None
        if fallback is not None:
            return KindGuess(fallback, 1.0, "--kind", ("--kind names it",)), None
        return None, input_finding(
            "unknown-kind", f"unknown kind {value!r}: use one of {', '.join(DOC_KINDS)} "
                            "(or lint it as one of them with --kind)", line)
    if fallback is not None:
        return KindGuess(fallback, 1.0, "--kind", ("--kind names it",)), None
    return guess(doc, file_name), None


# --- silencing comments ----------------------------------------------------------------------

_COMMENT = re.compile(r"<!--\s*luck:\s*(?P<verb>ignore|disable|enable)\b(?P<rules>[^>]*?)-->")
_ALL = "*"


@dataclasses.dataclass
class _Silenced:
    lines: dict[int, set[str]]
    ranges: list[tuple[int, int, set[str]]]


def _suppressions(doc: Document) -> tuple[_Silenced, list[tuple[str, int, int, str]]]:
    silenced = _Silenced({}, [])
    hits: list[tuple[str, int, int, str]] = []
    code: set[int] = set()
    for block in doc.blocks:
        if block.type == "code":
            code.update(range(block.line, block.end + 1))
    open_ranges: dict[str, int] = {}
    for number in range(doc.front.body_start + 1, len(doc.lines) + 1):
        text = doc.lines[number - 1]
        if "luck:" not in text or number in code:
            continue
        for match in _COMMENT.finditer(text):
            rules = {r for r in re.split(r"[\s,]+", match.group("rules").strip()) if r}
            for rule in sorted(rules):
                if rule not in RULES:
                    hits.append(("unknown-rule", number, match.start() + 1,
                                 f"no rule is called {rule!r}: `luck doc rules` lists them"))
            rules = (rules & set(RULES)) if rules else {_ALL}  # unknown names silence nothing
            verb = match.group("verb")
            if verb == "ignore":
                rest = (text[:match.start()] + text[match.end():]).strip()
                target = number if rest else _next_line(doc, number)
                silenced.lines.setdefault(target, set()).update(rules)
            elif verb == "disable":
                for rule in rules:
                    open_ranges.setdefault(rule, number)
            else:
                for rule in list(open_ranges) if _ALL in rules else rules:
                    start = open_ranges.pop(rule, None)
                    if start is not None:
                        silenced.ranges.append((start, number, {rule}))
    for rule, start in open_ranges.items():
        silenced.ranges.append((start, len(doc.lines), {rule}))
    return silenced, hits


def _next_line(doc: Document, number: int) -> int:
    for candidate in range(number + 1, len(doc.lines) + 1):
        if doc.lines[candidate - 1].strip():
            return candidate
    return number


def _silenced(silenced: _Silenced, rule: str, line: int) -> bool:
    rules = silenced.lines.get(line)
    if rules and (rule in rules or _ALL in rules):
        return True
    return any(start <= line <= end and (rule in rules or _ALL in rules)
               for start, end, rules in silenced.ranges)


# --- many files ------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class FileReport:
    name: str  # the path as shown in messages
    report: Report


PARALLEL_FROM = 200  # files; fewer are linted in this process (forking costs more)


def lint_paths(arguments: list[str], *, kind: str | None = None, config: Any = None,
               jobs: int = 0) -> tuple[list[FileReport], list[str]]:
    """Lint files and folders (recursively, Markdown files only); '-' reads standard input.

    Returns a report per file, in a stable order, and notes (folders with no Markdown).
    Files are only ever opened for reading. `jobs`: processes to use (0: one per core
    when there are many files).
    """
    settings, _ = resolve(config)
    if kind is not None and kind_name(kind) is None:
        raise Invalid(f"unknown document kind {kind!r}: use one of {', '.join(DOC_KINDS)}",
                      where=kind)
    sources, notes = discover(arguments)
    limit = settings.max_file_kb * 1024
    tasks = []
    for source in sources:
        if source.path is None:  # standard input is read here, not in a worker
            text, problem = read(source, limit)
            tasks.append((source, text, problem, kind, config, limit))
        else:
            tasks.append((source, None, None, kind, config, limit))
    workers = _workers(jobs, len(tasks))
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            chunk = max(1, len(tasks) // (workers * 8))
            return list(pool.map(_lint_task, tasks, chunksize=chunk)), notes
    return [_lint_task(task) for task in tasks], notes


def _workers(jobs: int, files: int) -> int:
    import multiprocessing
    import os

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if jobs > 0:
        return min(jobs, max(files, 1))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    return min(cores, 8) if files >= PARALLEL_FROM else 1


def _lint_task(task: tuple[Any, ...]) -> FileReport:
    source, text, problem, kind, config, limit = task
    if source.path is not None:
        text, problem = read(source, limit)
    if text is None:
        return FileReport(source.name, Report([problem]))
    return FileReport(source.name, lint_document(text, kind=kind, config=config,
                                                 file_name=source.name))
