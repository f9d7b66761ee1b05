"""A model: a small TOML file of inputs, formulas and a pitch, read and checked.

    [model]
    title = "Cold start to checkout revenue"
    output = "revenue"            # the headline result (default: the last formula)
    pitch = "We can cut p95 cold-start from {before} to {after}: ≈{revenue}/qtr."

    [inputs]
    before = "1.8 s"
    after = "600 ms to 700 ms"    # a 90% interval

    [formulas]
    saved = "before - after"
    revenue = { formula = "saved * ...", unit = "$/qtr", above = "$300k/qtr" }

    [units]
    widget = "count"              # units of the model's own

Every problem is reported with the file, the line and the name at fault, as one line.
`--set name=value` replaces an input or a formula (or adds one) without editing the file.
"""

from __future__ import annotations

import dataclasses
import graphlib
import keyword
import re
import string
import tomllib
from typing import Any

from luckos.errors import LuckError
from luckos.estimate.formula import FUNCTIONS, Formula, FormulaError, parse_formula
from luckos.estimate.inputs import Dist, InputError, parse_input, parse_text

SECTIONS = ("model", "inputs", "formulas", "units")
_MODEL_KEYS = ("title", "about", "output", "pitch", "samples", "seed")
_FORMULA_KEYS = ("formula", "unit", "label", "above", "below", "hide")
STATS = ("mean", "median", "p5", "p50", "p95", "low", "high", "range", "sd", "above",
         "p_above", "below", "p_below")
MAX_SAMPLES = 2_000_000  # about 300 MB of arrays for a ten-input model
DEFAULT_SAMPLES = 100_000
DEFAULT_SEED = 1


class ModelError(LuckError):
    """A model that cannot be run; the message names the file, line and name at fault."""


@dataclasses.dataclass(frozen=True)
class Input:
    """An uncertain input of a model: its name, its distribution and its label."""

    name: str
    dist: Dist
    label: str = ""


@dataclasses.dataclass(frozen=True)
class FormulaItem:
    """A result a model computes from its inputs and earlier results, with its unit,
    its label and the thresholds it is read against."""

    name: str
    formula: Formula
    unit: str = ""
    label: str = ""
    above: str = ""
    below: str = ""
    hide: bool = False


@dataclasses.dataclass(frozen=True)
class Model:
    """A rough-math model: its inputs, its formulas in the order they are computed, the
    result it pitches and how it is sampled."""

    source: str  # where it came from: a path, "starter cold-start", "est3", "--set"
    text: str  # the TOML text that reproduces it (with any --set applied)
    title: str
    about: str
    output: str
    pitch: str
    samples: int | None
    seed: int | None
    inputs: dict[str, Input]
    formulas: dict[str, FormulaItem]  # in the order they are computed
    unit_definitions: dict[str, str]
    overridden: frozenset[str] = frozenset()

    written: str = ""  # the text as the user wrote it (for line numbers)

    def fail(self, section: str, key: str, message: str) -> ModelError:
        return ModelError(_place(self.source, self.written or self.text, section, key,
                                 self.overridden) + message)

    def label(self, name: str) -> str:
        item = self.inputs.get(name) or self.formulas.get(name)
        return (item.label if item else "") or name.replace("_", " ")

    def all_labels(self) -> list[str]:
        return [i.dist.unit for i in self.inputs.values()] + \
            [f.unit for f in self.formulas.values()]

    def needs_units(self) -> bool:
        return bool(self.unit_definitions) or any(self.all_labels()) or any(
            f.above or f.below for f in self.formulas.values())

    def depends_on(self, name: str) -> list[str]:
        """The inputs a result depends on, in the order they are written."""
        seen: set[str] = set()
        stack = [name]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            if current in self.formulas:
                stack.extend(self.formulas[current].formula.names)
        return [n for n in self.inputs if n in seen]

    def computes(self, name: str) -> list[str]:
        """The formulas needed to compute `name`, in order."""
        needed: set[str] = set()
        stack = [name]
        while stack:
            current = stack.pop()
            if current in needed or current not in self.formulas:
                continue
            needed.add(current)
            stack.extend(self.formulas[current].formula.names)
        return [n for n in self.formulas if n in needed]


def parse_model(text: str, source: str, overrides: list[str] | tuple[str, ...] = ()) -> Model:
    """Read a model from TOML text; `overrides` are `name=value` strings from `--set`."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ModelError(f"{source}: not a TOML model: {exc}") from None
    overridden = _apply_overrides(raw, overrides, source)
    effective = text
    if overridden:
        import tomli_w

        effective = tomli_w.dumps(raw)
    model = _build(raw, text, source, frozenset(overridden))
    return dataclasses.replace(model, text=effective)


def _apply_overrides(raw: dict[str, Any], overrides: list[str] | tuple[str, ...],
                     source: str) -> list[str]:
    names = []
    for item in overrides:
        name, sep, value = item.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name or not value:
            raise ModelError(f"--set {item!r}: write NAME=VALUE, e.g. --set "
                             "\"after=600 ms to 700 ms\"")
        inputs = raw.setdefault("inputs", {})
        formulas = raw.setdefault("formulas", {})
        if not isinstance(inputs, dict) or not isinstance(formulas, dict):
            break  # reported by _build, with its place
        try:
            parse_text(value)
            is_input = True
        except InputError as input_error:
            try:
                parse_formula(value)
            except FormulaError:
                raise ModelError(f"--set {name}: {input_error}") from None
            is_input = False
        if is_input:
            formulas.pop(name, None)
            inputs[name] = value
        else:
            inputs.pop(name, None)
            old = formulas.get(name)
            formulas[name] = {**old, "formula": value} if isinstance(old, dict) else value
        names.append(name)
    return names


def _build(raw: dict[str, Any], text: str, source: str, overridden: frozenset[str]) -> Model:
    def fail(section: str, key: str, message: str) -> ModelError:
        return ModelError(_place(source, text, section, key, overridden) + message)

    for section, value in raw.items():
        if section not in SECTIONS:
            raise ModelError(f"{_place(source, text, section, '', overridden)}unknown section "
                             f"(a model has {', '.join(f'[{s}]' for s in SECTIONS)})")
        if not isinstance(value, dict):
            raise fail(section, "", "must be a table of name = value lines")
    head = raw.get("model", {})
    for key in head:
        if key not in _MODEL_KEYS:
            raise fail("model", key, f"unknown setting (known: {', '.join(_MODEL_KEYS)})")
    inputs = {}
    for name, value in raw.get("inputs", {}).items():
        _check_name(name, fail, "inputs")
        label = value.get("label", "") if isinstance(value, dict) else ""
        try:
            inputs[name] = Input(name, parse_input(value), str(label))
        except InputError as exc:
            raise fail("inputs", name, exc.message) from None
    written: dict[str, FormulaItem] = {}
    for name, value in raw.get("formulas", {}).items():
        _check_name(name, fail, "formulas")
        if name in inputs:
            raise fail("formulas", name, "is also an input: give each name one meaning")
        written[name] = _formula_item(name, value, fail)
    _check_names_known(inputs, written, fail)
    formulas = {name: written[name] for name in _order(written, fail)}
    units = {}
    for name, value in raw.get("units", {}).items():
        if not isinstance(value, str):
            raise fail("units", name, 'write a definition, e.g. widget = "count"')
        units[name] = value
    output = _text(head, "output", fail) or (next(reversed(written), "") if written
                                             else next(reversed(inputs), ""))
    if not output:
        raise ModelError(f"{source}: no inputs and no formulas: nothing to estimate")
    if output not in inputs and output not in formulas:
        raise fail("model", "output",
                   f"unknown name {output!r}{_did_you_mean(output, [*inputs, *formulas])}")
    pitch = _text(head, "pitch", fail)
    _check_template(pitch, [*inputs, *formulas], fail)
    return Model(
        source=source,
        text=text,
        title=_text(head, "title", fail),
        about=_text(head, "about", fail),
        output=output,
        pitch=pitch,
        samples=_count(head, "samples", fail, 100, MAX_SAMPLES),
        seed=_count(head, "seed", fail, 0, 2**63 - 1),
        inputs=inputs,
        formulas=formulas,
        unit_definitions=units,
        overridden=overridden,
        written=text,
    )


def _formula_item(name: str, value: Any, fail: Any) -> FormulaItem:
    settings: dict[str, Any] = {}
    if isinstance(value, dict):
        for key in value:
            if key not in _FORMULA_KEYS:
                raise fail("formulas", name,
                           f"unknown key {key!r} (known: {', '.join(_FORMULA_KEYS)})")
        settings = dict(value)
        value = settings.pop("formula", None)
        if value is None:
            raise fail("formulas", name, 'needs formula = "..."')
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise fail("formulas", name, 'write the formula as text, e.g. total = "a * b"')
    try:
        formula = parse_formula(str(value))
    except FormulaError as exc:
        raise fail("formulas", name, exc.message) from None
    for key in ("unit", "label", "above", "below"):
        if not isinstance(settings.get(key, ""), str | int | float):
            raise fail("formulas", name, f"{key} must be text")
    hide = settings.get("hide", False)
    if not isinstance(hide, bool):
        raise fail("formulas", name, "hide must be true or false")
    return FormulaItem(name, formula, str(settings.get("unit", "")).strip(),
                       str(settings.get("label", "")), str(settings.get("above", "")),
                       str(settings.get("below", "")), hide)


def _check_name(name: str, fail: Any, section: str) -> None:
    if not name.isidentifier() or keyword.iskeyword(name) or not name.isascii():
        raise fail(section, name, "is not a usable name (letters, digits and _, not starting "
                   "with a digit)")
    if name in FUNCTIONS:
        raise fail(section, name, f"is the name of a function ({name}); choose another name")


def _check_names_known(inputs: dict[str, Input], formulas: dict[str, FormulaItem],
                       fail: Any) -> None:
    known = [*inputs, *formulas]
    for name, item in formulas.items():
        for used in sorted(item.formula.names):
            if used not in inputs and used not in formulas:
                raise fail("formulas", name,
                           f"unknown name {used!r} in `{item.formula.text}`"
                           f"{_did_you_mean(used, known)}")


def _order(formulas: dict[str, FormulaItem], fail: Any) -> list[str]:
    sorter: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
    for name, item in formulas.items():
        sorter.add(name, *(n for n in sorted(item.formula.names) if n in formulas))
    try:
        sorter.prepare()
    except graphlib.CycleError as exc:
        cycle = list(reversed(exc.args[1]))
        first = min(cycle, key=list(formulas).index)
        start = cycle.index(first)
        loop = cycle[start:-1] + cycle[:start] + [first] if cycle[0] == cycle[-1] else cycle
        raise fail("formulas", first,
                   f"cycle between formulas: {' → '.join(loop)}") from None
    # no cycle: order them as written, each after the formulas it uses
    order: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        for used in formulas[name].formula.names:
            if used in formulas:
                visit(used)
        order.append(name)

    for name in formulas:
        visit(name)
    return order


def _did_you_mean(name: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _text(table: dict[str, Any], key: str, fail: Any) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise fail("model", key, "must be text")
    return value.strip()


def _count(table: dict[str, Any], key: str, fail: Any, least: int, most: int) -> int | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        raise fail("model", key, f"must be a whole number from {least:,} to {most:,}")
    return value


def template_fields(template: str) -> list[tuple[str, str, str]]:
    """(name, stat, digits) of every {field} of a pitch template; ValueError if unreadable."""
    fields = []
    for _, field, spec, conversion in string.Formatter().parse(template):
        if field is None:
            continue
        if conversion:
            raise ValueError(f"{{{field}!{conversion}}}: write {{name}} or {{name.stat}}")
        name, _, stat = field.partition(".")
        fields.append((name, stat or "mean", spec or ""))
    return fields


def _check_template(template: str, known: list[str], fail: Any) -> None:
    if not template:
        return
    try:
        fields = template_fields(template)
    except ValueError as exc:
        raise fail("model", "pitch", f"cannot read the template: {exc}") from None
    for name, stat, spec in fields:
        if name not in known:
            raise fail("model", "pitch", f"unknown name {name!r} in {{{name}}}"
                       f"{_did_you_mean(name, known)}")
        if stat not in STATS:
            raise fail("model", "pitch", f"{{{name}.{stat}}}: unknown statistic (known: "
                       f"{', '.join(STATS)})")
        if spec and not re.fullmatch(r"[1-6]?n?", spec):
            raise fail("model", "pitch", f"{{{name}:{spec}}}: after ':' write the number of "
                       "significant digits (1 to 6), n for no unit, or both (3n)")


_HEADER = re.compile(r"^\s*\[\s*([^\]\[]+?)\s*\]\s*(#.*)?$")


def _place(source: str, text: str, section: str, key: str, overridden: frozenset[str]) -> str:
    """"model.toml:12: [formulas] revenue: " — where a problem is, for one line of error."""
    if key and key in overridden and section in ("inputs", "formulas"):
        return f"--set {key}: "
    line = _line_of(text, section, key)
    where = f"{source}:{line}" if line else source
    name = f" {key}" if key else ""
    return f"{where}: [{section}]{name}: "


def _line_of(text: str, section: str, key: str) -> int | None:
    current = ""
    key_line = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')"""
                          r"\s*=") if key else None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = header.group(1).replace(" ", "").replace('"', "")
            if current == section and not key:
                return number
            if key and current == f"{section}.{key}":
                return number
            continue
        if current == section and key_line and key_line.match(line):
            return number
    return None
