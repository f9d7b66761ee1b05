"""The records of the essay, one frozen dataclass each, and the registry of kinds.

Each field carries a little metadata (its input type, help text, choices) so that the
store, the importer and the CLI all read one description of a record instead of
keeping copies of it.

Building a frozen dataclass costs start-up time, so a record class is built when a
command first uses it: the registry names the module that holds each class, and
`from luckos.domain.records import Promise` loads that module alone.
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from luckos.domain.evidence import Evidence
    from luckos.domain.people import Person, Stakeholder
    from luckos.domain.records.arc import Arc
    from luckos.domain.records.artifact import Artifact
    from luckos.domain.records.bench import BenchEntry
    from luckos.domain.records.decision import Decision
    from luckos.domain.records.diagnosis import Diagnosis
    from luckos.domain.records.estimate import Estimate
    from luckos.domain.records.explore import ExploreEntry
    from luckos.domain.records.glue import GlueEntry
    from luckos.domain.records.note import Note
    from luckos.domain.records.project import Project
    from luckos.domain.records.promise import Promise
    from luckos.domain.records.reboot import Reboot
    from luckos.domain.records.signal import Signal
    from luckos.domain.records.sponsor import Sponsor
    from luckos.domain.records.testimonial import Testimonial
    from luckos.domain.records.theme import Metric, Reading, Theme
    from luckos.domain.records.window import Window

    # Any one record (the base class all of them share is `fields.RecordBase`).
    AnyRecord = (Promise | Signal | Window | Theme | Metric | Reading | Decision | BenchEntry
                 | Sponsor | Artifact | Testimonial | Note | Estimate | GlueEntry
                 | ExploreEntry | Project | Diagnosis | Arc | Reboot | Evidence | Person
                 | Stakeholder)

# Field input types: text, date, month, int, float, bool, choice, list, recurrence, ref:<kind>
PROMISE_STATUSES = ("open", "kept", "missed", "renegotiated", "dropped")
WINDOW_KINDS = ("planning", "headcount", "budget", "retro", "promotion", "post-mortem", "other")
METRIC_SLOTS = ("customer", "reliability", "speed")
METRIC_SLOT_NAMES = {
    "customer": "customer value",
    "reliability": "reliability/safety",
    "speed": "speed/cost",
}
OUTCOMES = ("funded", "declined", "deferred")  # what a window or a brief came to
BENCH_ACTIONS = ("unblocked", "promoted", "placed", "sponsored")
ARTIFACT_KINDS = (
    "talk",
    "post",
    "open-source",
    "design-doc",
    "brief",
    "post-mortem",
    "runbook",
    "one-pager",
    "architecture-note",
    "working-group",
    "demo",
)
SURFACES = ("public", "internal")
NOTE_KINDS = ("journal", "year-in-public", "earned-secret")
PRIVATE_NOTE_KIND = "earned-secret"
# the operating loop's records (glue, explore entries, projects, the diagnosis, role arcs,
# the 90-day reboot): one module each in this package
EXPLORE_KINDS = ("weekend-prototype", "talk", "paper-reproduction", "teardown")
PROJECT_OUTCOMES = ("continue", "pause-publicly")
HEURISTIC_SCORES = (0, 1, 2)  # no, partly, yes
ARC_TRACKS = ("ic", "manager")
BOTTLENECKS = ("coordination", "architecture")
YES_NO = ("yes", "no")


class Kind:
    """How one record kind is named, numbered and shown.

    A plain class with slots rather than a dataclass: the registry below is built by
    every command, and a frozen dataclass costs its generated methods at start-up. The
    kinds are the registry's own, one each (a copy, or a pickled kind read back, is the
    registry's), so that identity is equality."""

    __slots__ = ("_cls", "code", "date_field", "name", "plural", "positional", "prefix",
                 "title_field", "where")

    def __init__(self, name: str, where: str, prefix: str, title_field: str,
                 date_field: str | None, plural: str, code: int, positional: str = "") -> None:
        self.name = name
        self.where = where  # module:Class (in luckos.domain) of its record class
        self.prefix = prefix  # short ids: p12, w3, t1 ...
        self.title_field = title_field
        self.date_field = date_field
        self.plural = plural
        self.code = code  # stable number used in the search index
        self.positional = positional  # the field `add` takes (default: title_field)
        self._cls: type | None = None

    def __repr__(self) -> str:
        return f"Kind({self.name!r})"

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return _registered, (self.name,)

    def __copy__(self) -> Kind:
        return self

    def __deepcopy__(self, memo: Any) -> Kind:
        return self

    @property
    def argument(self) -> str:
        return self.positional or self.title_field

    @property
    def module(self) -> str:
        return "luckos.domain." + self.where.split(":")[0]

    @property
    def cls(self) -> type:
        """The record class, built (its module imported) on first use."""
        found = self._cls
        if found is None:
            found = self._cls = getattr(importlib.import_module(self.module),
                                        self.where.split(":")[1])
        return found


def _registered(name: str) -> Kind:
    return KINDS[name]


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("promise", "records.promise:Promise", "p", "what", "due", "promises", 1),
        Kind("signal", "records.signal:Signal", "s", "what", "on", "signals", 2),
        Kind("window", "records.window:Window", "w", "name", "on", "windows", 3),
        Kind("theme", "records.theme:Theme", "t", "label", "started_on", "themes", 4),
        Kind("metric", "records.theme:Metric", "m", "name", None, "metrics", 5),
        Kind("reading", "records.theme:Reading", "r", "month", None, "readings", 6),
        Kind("decision", "records.decision:Decision", "d", "title", "on", "decisions", 7),
        Kind("bench", "records.bench:BenchEntry", "b", "person", "on", "bench", 8),
        Kind("sponsor", "records.sponsor:Sponsor", "sp", "person", "since", "sponsors", 9),
        Kind("artifact", "records.artifact:Artifact", "a", "title", "on", "artifacts", 10),
        Kind("testimonial", "records.testimonial:Testimonial", "u", "who", "on", "testimonials",
             11),
        Kind("note", "records.note:Note", "n", "title", "on", "notes", 12, positional="body"),
        Kind("estimate", "records.estimate:Estimate", "est", "name", "on", "estimates", 40),
        Kind("glue", "records.glue:GlueEntry", "g", "what", "on", "glue", 13),
        Kind("explore", "records.explore:ExploreEntry", "x", "title", "on", "explore entries", 14),
        Kind("project", "records.project:Project", "pj", "name", "started_on", "projects", 15),
        Kind("diagnosis", "records.diagnosis:Diagnosis", "dg", "problem", "on", "diagnoses", 16),
        Kind("arc", "records.arc:Arc", "ar", "role", "started_on", "arcs", 17),
        Kind("reboot", "records.reboot:Reboot", "rb", "focus", "started_on", "reboots", 18),
        Kind("evidence", "evidence:Evidence", "e", "title", "until", "evidence", 19),
        Kind("person", "people:Person", "pe", "name", None, "people", 20),
        Kind("stakeholder", "people:Stakeholder", "sh", "role", None, "stakeholders", 21),
    )
}


_BY_NAME = {f"{kind.module}:{kind.where.split(':')[1]}": kind for kind in KINDS.values()}
_BY_CLASS: dict[type, Kind] = {}


def kind_of(record: Any) -> Kind:
    """The kind of a record, found without building the other kinds' classes."""
    cls = type(record)
    kind = _BY_CLASS.get(cls)
    if kind is None:
        kind = _BY_NAME.get(f"{cls.__module__}:{cls.__qualname__}")
        if kind is None:
            raise TypeError(f"not a record: {record!r}")
        _BY_CLASS[cls] = kind
    return kind


def short_id(kind: Kind, rid: int) -> str:
    return f"{kind.prefix}{rid}"


def fields_of(kind: Kind) -> list[dataclasses.Field]:
    """The record's data fields (everything but the id), in declaration order."""
    return [f for f in dataclasses.fields(kind.cls) if f.name != "id"]


def is_private(record: Any) -> bool:
    return kind_of(record).name == "note" and bool(record.private)


# Names this module offers without building them first: each record class, imported from
# its module when asked for.
_LAZY = {kind.where.split(":")[1]: kind.module for kind in KINDS.values()}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
