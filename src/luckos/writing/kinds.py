"""What kind of document this is, from what it says and how it is built.

    infer_kind(text, path=None, config=None) -> KindGuess

The front matter's `kind:` decides when there is one. Otherwise three kinds of signal
add up, and the kind with the most wins:

- the title: the kind named anywhere in it ("Security postmortem for ...", "... the
  two-pager for FY27", "Decision record for ...", "Runbook: ...", "ADR 12: ...");
- the path: folders such as `doc/adr/`, `docs/decisions/`, `runbooks/`, `postmortems/`,
  `rfcs/`, and file names as `luck doc new` and adr-tools write them
  (`2026-02-23-brief-....md`, `adr-0007-....md`, `doc/adr/0007-....md`);
- the structure: the roles of its sections, matched by heading (an ADR's Status /
  Context / Decision / Consequences; MADR's Considered Options / Decision Outcome; a
  post-mortem's Impact, Timeline, Root causes, Action items; an alert runbook's Meaning /
  Impact / Diagnosis / Mitigation; an RFC's Summary / Motivation / Drawbacks /
  Alternatives / Unresolved questions).

Design docs and RFCs are read as architecture notes: the essay's rules for those (the
alternatives weighed, the consequences, failure modes and owners) are the ones that apply.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from luckos.writing.catalog import DOC_KINDS, kind_name
from luckos.writing.headings import Vocabulary, synonym_phrases

TITLE_WEIGHT = 3
PATH_WEIGHT = 2
FILE_NAME_WEIGHT = 3
MIN_ROLES = 2  # sections of a kind's fingerprint needed for the structure to count
MIN_SCORE = 2


@dataclasses.dataclass(frozen=True)
class KindGuess:
    """A document's kind, how sure the guess is (0 to 1), and the signals behind it."""

    kind: str | None
    confidence: float
    source: str | None  # front matter | --kind | title | path | structure | None
    signals: tuple[str, ...]
    format: str | None = None  # the widely used format it follows, when one is recognised


# --- the title ---------------------------------------------------------------------------

_TITLE_WORDS: tuple[tuple[str, re.Pattern[str], str | None], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE), fmt) for kind, pattern, fmt in (
        ("post-mortem", r"\bpost[- ]?mortems?\b|\bincident (?:report|review|analysis|"
                        r"retrospective|summary)\b|\bretrospective\b|\broot cause analysis\b"
                        r"|\bpir\b|\bincident\b|\boutage report\b|\bwhat went wrong\b", None),
        ("runbook", r"\brun ?books?\b|\bplaybooks?\b|\bsop\b|\bstandard operating procedure\b",
         None),
        ("architecture-note", r"\badrs?\b(?:[- ]?\d+)?|\barchitecture(?:al)? decision"
                              r"|\bdecision records?\b|\barchitecture notes?\b", "ADR"),
        ("architecture-note", r"\bdesign (?:doc(?:ument)?|proposal|note)s?\b|\brfcs?\b"
                              r"|\btechnical design\b", "design doc / RFC"),
        ("brief", r"\btwo[- ]pagers?\b|\b2[- ]pagers?\b|\bdecision brief\b|(?<!\ba )\bbrief\b",
         None),
        ("one-pager", r"\bone[- ]?pagers?\b|\b1[- ]pager\b", None),
        ("scope-letter", r"\bscope (?:letter|note)\b", None),
        ("change-plan", r"\b(?:change|rollout|roll-out|migration|launch) plan\b", None),
        ("pre-read", r"\bpre[- ]?reads?\b|\bread[- ]ahead\b", None),
        ("reboot-plan", r"\b90[- ]day (?:reboot|plan)\b|\breboot plan\b", None),
    ))


def _title_signals(title: str) -> list[tuple[str, str, str | None]]:
    found = []
    seen = set()
    for kind, pattern, fmt in _TITLE_WORDS:
        match = pattern.search(title)
        if match and kind not in seen:
            seen.add(kind)
            found.append((kind, f"the title names it ('{match.group(0)}')", fmt))
    return found


# --- the path ----------------------------------------------------------------------------

_FOLDERS = {
    "adr": "architecture-note", "adrs": "architecture-note", "decisions": "architecture-note",
    "decision-records": "architecture-note", "architecture-decisions": "architecture-note",
    "architecture": "architecture-note", "rfcs": "architecture-note",
    "rfc": "architecture-note", "design": "architecture-note",
    "designs": "architecture-note", "design-docs": "architecture-note",
    "runbooks": "runbook", "runbook": "runbook", "playbooks": "runbook", "playbook": "runbook",
    "postmortems": "post-mortem", "post-mortems": "post-mortem", "postmortem": "post-mortem",
    "incidents": "post-mortem", "incident-reports": "post-mortem",
    "retrospectives": "post-mortem",
}
_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}[-_](?P<rest>.+)$")
# Undated file names that name their kind without doubt ("brief-history.md" is not a brief).
_NAMED_FILES = re.compile(r"^(?P<k>one-pager|scope-letter|post-?mortem|runbook|"
                          r"architecture-note|adr|change-plan|reboot-plan|pre-read|two-pager)"
                          r"(?:[-_]|$)")
_NUMBERED = re.compile(r"^\d{3,5}[-_]")  # adr-tools: doc/adr/0007-use-sqlite.md


def _path_signals(path: str) -> list[tuple[str, str, int]]:
    parts = [p for p in path.replace("\\", "/").lower().split("/") if p]
    if not parts:
        return []
    stem = parts[-1].rsplit(".", 1)[0]
    found: list[tuple[str, str, int]] = []
    dated = _DATED.match(stem)
    if dated:
        words = re.split(r"[-_]", dated.group("rest"))
        for size in (2, 1):
            candidate = kind_name("-".join(words[:size]))
            if candidate:
                found.append((candidate, f"the file name says it ('{parts[-1]}')",
                              FILE_NAME_WEIGHT))
                break
    named = _NAMED_FILES.match(stem)
    if named:
        found.append((kind_name(named.group("k")) or "",
                      f"the file name says it ('{parts[-1]}')", FILE_NAME_WEIGHT))
    for folder in reversed(parts[:-1]):
        kind = _FOLDERS.get(folder)
        if kind:
            weight = PATH_WEIGHT
            if kind == "architecture-note" and _NUMBERED.match(stem):
                weight = FILE_NAME_WEIGHT  # a numbered record in a decisions folder
            found.append((kind, f"it lives in a '{folder}/' folder", weight))
            break
    return found


# --- the structure -----------------------------------------------------------------------

# Sections that mark a widely used format without being a part the essay asks for.
_MARKERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "adr-status": ("architecture-note", ("status",)),
    "madr": ("architecture-note", ("considered options", "decision outcome",
                                   "decision drivers", "pros and cons of the options")),
    "rfc": ("architecture-note", ("motivation", "drawbacks", "unresolved questions",
                                  "prior art", "rationale and alternatives",
                                  "guide-level explanation", "reference-level explanation",
                                  "detailed design", "goals and non-goals", "non-goals")),
    "alert": ("runbook", ("meaning", "diagnosis", "mitigation")),
    "incident": ("post-mortem", ("trigger", "detection", "resolution", "lessons learned",
                                 "what happened", "root cause", "root causes",
                                 "action items", "follow-ups")),
}
_MARKER_VOCABULARY = Vocabulary({name: synonym_phrases(words)
                                 for name, (_, words) in _MARKERS.items()})
# The roles that count for each kind: the essay's sections, less those other kinds share
# so widely that they say nothing ("context", "rollback", "options").
_SHARED = {"context", "options", "rollback", "owner", "owners", "problem", "impact"}
_FINGERPRINTS = {name: tuple(s for s in kind.sections if s not in _SHARED)
                 for name, kind in DOC_KINDS.items()}
_FINGERPRINTS["post-mortem"] = (*_FINGERPRINTS["post-mortem"], "impact")


def _structure_signals(doc: Any) -> list[tuple[str, str, int, str | None]]:
    keys = [s.key for s in doc.headed_sections] + [s.key for s in doc.labelled_sections
                                                   if len(s.key.split()) <= 3]
    if not keys:
        return []
    vocabulary = doc.patterns
    roles: set[str] = set()
    titles: dict[str, str] = {}
    for section in (*doc.headed_sections, *doc.labelled_sections):
        for role in vocabulary.roles(section.key):
            roles.add(role)
            titles.setdefault(role, section.title)
    marks: dict[str, list[str]] = {}
    for section in doc.headed_sections:
        for marker in _MARKER_VOCABULARY.roles(section.key):
            kind = _MARKERS[marker][0]
            label = f"{marker}:{section.title}"
            if label not in marks.setdefault(kind, []):
                marks[kind].append(label)
    found = []
    for kind, fingerprint in _FINGERPRINTS.items():
        matched = [titles[r] for r in fingerprint if r in roles]
        extra = [m.split(":", 1)[1] for m in marks.get(kind, [])
                 if m.split(":", 1)[1] not in matched]
        headings = list(dict.fromkeys(matched + extra))
        if len(headings) >= MIN_ROLES:
            formats = {m.split(":", 1)[0] for m in marks.get(kind, [])}
            fmt = _format_name(formats)
            name = fmt or DOC_KINDS[kind].title
            article = "an" if name[0].lower() in "aeiou" else "a"
            found.append((kind, f"its sections are those of {article} {name}: "
                          + ", ".join(f"'{h}'" for h in headings), len(headings), fmt))
    return found


def _format_name(formats: set[str]) -> str | None:
    for marker, name in (("alert", "alert runbook"), ("madr", "MADR decision record"),
                         ("rfc", "design doc / RFC"), ("adr-status", "Nygard ADR")):
        if marker in formats:
            return name
    return None


# --- putting it together -----------------------------------------------------------------

def guess(doc: Any, path: str | None) -> KindGuess:
    """The kind of a parsed `Document` without a kind in its front matter."""
    scores: dict[str, int] = {}
    reasons: dict[str, list[str]] = {}
    sources: dict[str, list[tuple[int, str]]] = {}
    formats: dict[str, str] = {}

    def note(kind: str, reason: str, weight: int, source: str) -> None:
        scores[kind] = scores.get(kind, 0) + weight
        reasons.setdefault(kind, []).append(reason)
        sources.setdefault(kind, []).append((weight, source))

    title = doc.title or ""
    for kind, reason, fmt in _title_signals(title):
        note(kind, reason, TITLE_WEIGHT, "title")
        if fmt:
            formats.setdefault(kind, fmt)
    if path:
        for kind, reason, weight in _path_signals(path):
            if kind:
                note(kind, reason, weight, "file name" if weight == FILE_NAME_WEIGHT
                     and "file name" in reason else "path")
    for kind, reason, weight, fmt in _structure_signals(doc):
        note(kind, reason, weight, "structure")
        if fmt:
            formats[kind] = fmt
    if not scores:
        return KindGuess(None, 0.0, None, ("no kind in the front matter, the title, the path "
                                           "or the section headings",))
    def built(kind: str) -> int:  # a tie goes to the kind the sections show
        return sum(w for w, src in sources[kind] if src == "structure")

    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -built(kv[0]),
                                                    list(DOC_KINDS).index(kv[0])))
    kind, score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    tied = len(ranked) > 1 and score == runner and built(kind) == built(ranked[1][0])
    if score < MIN_SCORE or tied:
        rivals = " and ".join(k for k, s in ranked[:2])
        signals = tuple(r for k, _ in ranked[:3] for r in reasons[k])
        why = ("too weak a signal" if score < MIN_SCORE
               else f"the signals are split between {rivals}")
        return KindGuess(None, 0.0, None, (*signals, f"no kind decided: {why}"))
    # a path alone 0.5, a title alone 0.75, two signals that agree 1; a rival takes its share
    confidence = round(min(1.0, score / 4) * (1 - runner / (2 * score)), 2)
    named = [src for _, src in sources[kind]]
    source = next(src for src in ("title", "file name", "path", "structure") if src in named)
    return KindGuess(kind, confidence, source, tuple(reasons[kind]), formats.get(kind))


def infer_kind(text: str, path: str | None = None, *, config: Any = None) -> KindGuess:
    """The kind of a Markdown document: `kind:` in its front matter, else its title, its
    path and its sections. `config` (a `Config` or `LintConfig`) adds `[lint.synonyms]`.

    Never raises on odd input: an unreadable front matter gives no kind (confidence 0).
    """
    from luckos.writing.headings import section_patterns
    from luckos.writing.lint import resolve
    from luckos.writing.structure import Document

    settings, _ = resolve(config)
    doc = Document(text, patterns=section_patterns(settings.synonyms))
    if doc.front.error is not None:
        return KindGuess(None, 0.0, None, (f"the front matter is broken: {doc.front.error[1]}",))
    value = doc.front.data.get("kind")
    if isinstance(value, str) and kind_name(value):
        return KindGuess(kind_name(value), 1.0, "front matter",
                         (f"the front matter says 'kind: {value}'",))
    return guess(doc, path)
