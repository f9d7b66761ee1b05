"""An ICS file as content lines and components (RFC 5545 sections 3.1 and 3.4).

This is the first, cheap pass over a file: unfold the lines, find the components and
split each VEVENT line into name, parameters and value. Values are decoded only for the
properties the audit reads. It is tolerant the way calendar programs are: a line that
lost its folding space is joined to the line before, an unclosed VEVENT is reported
and the rest of the file is still read.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from luckos.errors import LuckError

_MARKS = frozenset("BbEe")
_NAME = re.compile(r"[A-Za-z0-9-]+(?=[;:])")
_ESCAPE = re.compile(r"\\([\\;,nN])")
_UNESCAPED = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}

Line = tuple[str, str, str]  # NAME (upper case), raw parameters (";A=b;C=d"), raw value


@dataclasses.dataclass
class Block:
    """The lines of one top-level component, nested components left out (VALARM) or kept
    (a VTIMEZONE's STANDARD and DAYLIGHT)."""

    name: str
    lines: list[str]
    index: int  # the how-many-th component of its name in the file (from 1)
    closed: bool = True


@dataclasses.dataclass
class Document:
    """A calendar file split into its parts."""

    properties: dict[str, str]  # calendar properties: X-WR-TIMEZONE, X-WR-CALNAME, ...
    timezones: list[Block]
    events: list[Block]
    other: Counter[str]  # components the audit does not read (VTODO, VJOURNAL, ...)


def decode(data: bytes, where: str) -> str:
    """Bytes of a file to text; refuses what is clearly not a text calendar."""
    head = data[:4096]
    if b"\x00" in head:
        raise LuckError(f"{where}: not an iCalendar file (it is binary)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # older Outlook exports


def split(text: str, where: str) -> Document:
    """Find the calendar's properties, time zones and events."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.replace("\n ", "").replace("\n\t", "").split("\n")
    first = next((line.strip() for line in lines if line.strip()), "")
    if first.upper() != "BEGIN:VCALENDAR":
        what = "it is empty" if not first else f"it starts with {first[:40]!r}"
        raise LuckError(f"{where}: not an iCalendar file ({what}; expected BEGIN:VCALENDAR)")
    properties: dict[str, str] = {}
    timezones: list[Block] = []
    events: list[Block] = []
    other: Counter[str] = Counter()
    current: Block | None = None
    keep_nested = False
    depth = 0  # nesting inside the current component
    for line in lines:
        if line[:1] not in _MARKS:  # most lines: neither BEGIN nor END
            if current is None:
                name, _, value = _name_and_rest(line)
                if name and name not in properties:
                    properties[name] = value
            elif depth == 1 or keep_nested:
                current.lines.append(line)
            continue
        head = line[:6].upper()
        if head == "BEGIN:":
            name = line[6:].strip().upper()
            if current is None:
                if name == "VCALENDAR":
                    continue
                counter = events if name == "VEVENT" else timezones
                if name in ("VEVENT", "VTIMEZONE"):
                    current = Block(name, [], len(counter) + 1)
                    keep_nested = name == "VTIMEZONE"
                    depth = 1
                else:
                    other[name] += 1
                    current = Block(name, [], 0)
                    depth = 1
                continue
            if depth == 1 and name == current.name:  # a new one began: this one never ended
                current.closed = False
                _finish(current, timezones, events)
                current = Block(name, [], len(events if name == "VEVENT" else timezones) + 1)
                continue
            depth += 1
            if keep_nested:
                current.lines.append(line)
            continue
        if head[:4] == "END:":
            name = line[4:].strip().upper()
            if current is None:
                continue  # END:VCALENDAR
            if name == "VCALENDAR":  # the file ended inside a component
                current.closed = False
                _finish(current, timezones, events)
                current = None
                continue
            depth -= 1
            if depth == 0:
                _finish(current, timezones, events)
                current = None
            elif keep_nested:
                current.lines.append(line)
            continue
        if current is None:
            name, _, value = _name_and_rest(line)
            if name and name not in properties:
                properties[name] = value
        elif depth == 1 or keep_nested:
            current.lines.append(line)
    if current is not None:
        current.closed = False
        _finish(current, timezones, events)
    return Document(properties, timezones, events, other)


def _finish(block: Block, timezones: list[Block], events: list[Block]) -> None:
    if block.name == "VEVENT":
        events.append(block)
    elif block.name == "VTIMEZONE":
        timezones.append(block)


def _name_and_rest(line: str) -> tuple[str, str, str]:
    """Split a content line into NAME, raw parameters and value ("" for a non-line)."""
    colon = line.find(":")
    semi = line.find(";", 0, colon) if colon >= 0 else line.find(";")
    end = semi if semi >= 0 else colon
    if end <= 0:
        return "", "", ""
    name = line[:end]
    if not (name.isascii() and name.replace("-", "").isalnum()):
        return "", "", ""
    name = name.upper()
    if semi < 0:
        return name, "", line[colon + 1:]
    if colon >= 0 and '"' not in line[semi:colon]:
        return name, line[semi:colon], line[colon + 1:]
    colon = _colon_outside_quotes(line, semi)
    if colon < 0:
        return name, line[semi:], ""
    return name, line[semi:colon], line[colon + 1:]


def _colon_outside_quotes(text: str, start: int) -> int:
    quoted = False
    for i in range(start, len(text)):
        char = text[i]
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return i
    return -1


def content_lines(block: Block) -> tuple[list[Line], int]:
    """The block's content lines as (NAME, parameters, value), and how many broken lines
    (no name before a colon: a fold that lost its leading space) were joined back."""
    result: list[Line] = []
    joined = 0
    for line in block.lines:
        name, params, value = _name_and_rest(line)
        if not name or (not value and ":" not in line):
            if result:  # a continuation that lost its folding space
                last = result[-1]
                result[-1] = (last[0], last[1], last[2] + line)
                joined += 1
            continue
        result.append((name, params, value))
    return result, joined


def parameters(raw: str) -> dict[str, str]:
    """`;TZID="Pacific Standard Time";VALUE=DATE` -> {"TZID": "Pacific...", "VALUE": "DATE"}."""
    if not raw:
        return {}
    result: dict[str, str] = {}
    if '"' not in raw:
        for part in raw[1:].split(";"):
            key, _, value = part.partition("=")
            result[key.upper()] = value
        return result
    for match in re.finditer(r';([A-Za-z0-9-]+)=((?:"[^"]*"|[^;"]*)(?:,(?:"[^"]*"|[^;"]*))*)',
                             raw):
        result[match.group(1).upper()] = match.group(2).replace('"', "")
    return result


def attendee(raw: str) -> tuple[str, str]:
    """(CUTYPE, PARTSTAT) of an ATTENDEE's parameters, upper case, with RFC defaults."""
    if '"' in raw:  # a quoted value may hide a ";": read them all
        found = parameters(raw)
        return (found.get("CUTYPE", "INDIVIDUAL").upper(),
                found.get("PARTSTAT", "NEEDS-ACTION").upper())
    upper = raw.upper()  # parameter names are case-insensitive
    return (_one(upper, ";CUTYPE=", "INDIVIDUAL"), _one(upper, ";PARTSTAT=", "NEEDS-ACTION"))


def _one(raw: str, key: str, default: str) -> str:
    at = raw.find(key)
    if at < 0:
        return default
    at += len(key)
    end = raw.find(";", at)
    return raw[at:end] if end >= 0 else raw[at:]


def text(value: str) -> str:
    """Unescape a TEXT value (RFC 5545 section 3.3.11)."""
    if "\\" not in value:
        return value
    return _ESCAPE.sub(lambda m: _UNESCAPED[m.group(1)], value)


def address(value: str) -> str:
    """A CAL-ADDRESS as a plain lower-case address: `MAILTO:Ann@X.com` -> `ann@x.com`."""
    value = value.strip()
    if value[:7].lower() == "mailto:":
        value = value[7:]
    return value.strip().lower()
