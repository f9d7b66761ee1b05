"""An ICS file as content lines and components (RFC 5545 sections 3.1 and 3.4).

This is the first, cheap pass over a file: unfold the lines, find the components and
split each VEVENT line into name, parameters and value. Values are decoded only for the
properties the audit reads. It is tolerant the way calendar programs are: a line that
lost its folding space is joined to the line before, an unclosed VEVENT is reported
and the rest of the file is still read.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import mmap
import re
from collections import Counter

from luckos.errors import LuckError

_MARKS = frozenset("BbEe")
_NAME = re.compile(r"[A-Za-z0-9-]+(?=[;:])")
_ESCAPE = re.compile(r"\\([\\;,nN])")
_UNESCAPED = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}

Line = tuple[str, str, str]  # NAME (upper case), raw parameters (";A=b;C=d"), raw value
# a file's bytes: read whole, or mapped (pages are read from the file as they are touched)
Data = bytes | mmap.mmap


@dataclasses.dataclass(eq=False)
class Block:
    """One top-level component: where its lines lie in the file's bytes, nested
    components left out (VALARM) or kept (a VTIMEZONE's STANDARD and DAYLIGHT). The
    lines are decoded only when asked for, so that a file is never held as text."""

    name: str
    index: int  # the how-many-th component of its name in the file (from 1)
    closed: bool = True
    source: Source | None = None
    inside: bool = False  # the scan found that it may touch the audit window: read it
    # the scan found an RRULE, RDATE, RECURRENCE-ID, EXDATE or DURATION line: read it
    # (`values.outside_window` would find the same line)
    recurs: bool = False
    parts: list[tuple[int, int]] = dataclasses.field(default_factory=list)
    _lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            if self.source is None:
                return []
            self._lines = [line for start, end in self.parts
                           for line in self.source.lines(start, end)]
        return self._lines

    def forget(self) -> None:
        """Drop the decoded lines (they are decoded again if asked for)."""
        if self.source is not None:
            self._lines = None

    def peek(self, names: tuple[bytes, ...]) -> list[str] | None:
        """The (unfolded) lines whose names start with one of `names`, read without
        decoding the rest of the block; None when a name may be folded (read it all)."""
        if self.source is None:
            return None
        return self.source.peek(self.parts, names)

    def times(self) -> list[Line] | None:
        """The DTSTART, DTEND and DURATION lines (whatever the case of their names) as
        `content_lines` reads them, without decoding the rest of the block; None unless
        that is sure to give what reading the whole block gives (a name may be folded,
        or a line after one of them may be a continuation that lost its folding space)."""
        if self.source is None or not self.closed:
            return None
        return self.source.times(self.parts)


@dataclasses.dataclass
class Document:
    """A calendar file split into its parts."""

    properties: dict[str, str]  # calendar properties: X-WR-TIMEZONE, X-WR-CALNAME, ...
    timezones: list[Block]
    events: list[Block]
    other: Counter[str]  # components the audit does not read (VTODO, VJOURNAL, ...)
    # plain single events that cannot touch the window the scan was given, left unread:
    # (first day as written, index, where the lines lie); not in `events`
    outside: list[tuple[dt.date, int, tuple[tuple[int, int], ...]]]
    vevents: int  # VEVENT components in the file, `outside` included
    source: Source | None = None

    def block(self, index: int, parts: tuple[tuple[int, int], ...]) -> Block:
        """The block of an event left in `outside`, to read it after all."""
        return Block("VEVENT", index, source=self.source, parts=list(parts))


class Source:
    """A calendar file's bytes and encoding, decoded a few lines at a time."""

    def __init__(self, data: Data, encoding: str) -> None:
        self.data = data
        self.encoding = encoding
        self._released = 0

    def release(self, end: int) -> None:
        """Let the pages before `end` of a mapped file leave memory (see `release`): the
        components before it have been read."""
        if end > self._released:
            release(self.data, self._released, end)
            self._released = end

    def text(self, start: int, end: int) -> str:
        text = self.data[start:end].decode(self.encoding, errors="replace")
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        return text

    def lines(self, start: int, end: int) -> list[str]:
        """The unfolded lines of data[start:end] (whole lines, the last newline included)."""
        text = self.text(start, end)
        if "\n " in text or "\n\t" in text:
            text = text.replace("\n ", "").replace("\n\t", "")
        if text.endswith("\n"):
            text = text[:-1]
        return text.split("\n")

    def peek(self, parts: list[tuple[int, int]], names: tuple[bytes, ...]) -> list[str] | None:
        pattern = _peeking.get(names)
        if pattern is None:
            alternatives = b"|".join(map(re.escape, names))
            pattern = _peeking[names] = re.compile(
                rb"\n((?:" + alternatives + rb")[^\r\n]*+(?:\r?\n[ \t][^\r\n]*+)*+)")
        found: list[str] = []
        data = self.data
        for start, end in parts:
            if _SHORT_FOLDED.search(data, start - 1, end):
                return None
            for match in pattern.finditer(data, start - 1, end):
                text = match.group(1).decode(self.encoding, errors="replace")
                if "\n" in text:
                    text = text.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "")
                found.append(text.rstrip("\r"))
        return found


    def times(self, parts: list[tuple[int, int]]) -> list[Line] | None:
        found: list[Line] = []
        names: set[str] = set()
        data = self.data
        for start, end in parts:
            for match in _TIMES.finditer(data, start - 1, end):
                raw, after = match.group(1, 2)
                if after is None:
                    return None
                text = raw.decode(self.encoding, errors="replace")
                if "\n" in text:
                    text = text.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "")
                text = text.rstrip("\r")
                name, params, value = _name_and_rest(text)
                if not name or (not value and ":" not in text):
                    return None  # (a continuation to `content_lines`)
                found.append((name, params, value))
                names.add(name)
                if "DTSTART" in names and "DTEND" in names:  # (the first of each counts)
                    if _SHORT_FOLDED.search(data, start - 1, match.end()):
                        return None
                    return found
            if _SHORT_FOLDED.search(data, start - 1, end):
                return None
        return found


_peeking: dict[tuple[bytes, ...], re.Pattern[bytes]] = {}
# the lines `Source.times` reads, in any case, each with an empty group when the line
# after it is surely a line of its own: a name, then its value or parameters and value,
# or the BEGIN or END line at which each part of a block ends
_TIMES = re.compile(rb"\n((?i:DTSTART|DTEND|DURATION)[^\r\n]*+(?:\r?\n[ \t][^\r\n]*+)*+)"
                    rb"(?:(?=\r?\n(?:[A-Za-z0-9-]++(?::|;[^\r\n:]*+:)|\Z))())?")
_RELEASE_STEP = 1 << 20  # bytes of a mapped file scanned between two releases
# a line of up to 8 characters continued on the next: a property name may be folded
# (possessive: the search gives up on a longer line at its ninth character)
_SHORT_FOLDED = re.compile(rb"\n[^\r\n]{0,8}+\r?\n[ \t]")
# a line that may be a BEGIN or END line, with the lines that continue it (folded)
# (each pattern starts at the newline before its line, which regular expressions find fast)
_MARK = re.compile(rb"\n([bBeE][^\n]*(?:\n[ \t][^\n]*)*)")
# a carriage return that does not end a line with the newline after it (a class, not a
# look-ahead: the engine fails sooner at each of a file's carriage returns)
_LONE_CR = re.compile(rb"\r[^\n]")
_FIRST_MARK = re.compile(rb"[bBeE][^\n]*(?:\n[ \t][^\n]*)*")


def release(data: Data, start: int, end: int) -> None:
    """Let the pages of data[start:end] of a mapped file leave this process's memory:
    the file stays in the system's cache and a page touched again is mapped again. A
    scan touches every page once; without this, the whole file would stay resident."""
    if not isinstance(data, mmap.mmap) or not hasattr(mmap, "MADV_DONTNEED"):
        return
    start -= start % mmap.PAGESIZE
    end = min(end, len(data))
    if end > start:
        data.madvise(mmap.MADV_DONTNEED, start, end - start)


def encoding(data: Data, where: str) -> str:
    """The encoding of a file's bytes; refuses what is clearly not a text calendar."""
    if b"\x00" in data[:4096]:
        raise LuckError(f"{where}: not an iCalendar file (it is binary)")
    step = 1 << 20
    if isinstance(data, bytes):
        if data.isascii():
            return "utf-8"
    else:
        ascii_only = True
        for at in range(0, len(data), step):
            ascii_only = data[at:at + step].isascii()
            release(data, at, at + step)
            if not ascii_only:
                break
        if ascii_only:
            return "utf-8"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for at in range(0, len(data), step):
            decoder.decode(data[at:at + step])
            release(data, at, at + step)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"  # older Outlook exports
    return "utf-8"


_PLAIN_BEGIN = frozenset({b"BEGIN:VEVENT\r", b"BEGIN:VEVENT"})
_ONE = rb"\r?(?=\n(?![ \t]))"  # the end of a line that the next one does not continue
# The lines of plain events that tell whether an event can touch a window, each found
# from the newline before it (a line of none of these kinds is passed over in C):
_PLAIN = re.compile(rb"""\n(?:
  B(?:EGIN:V(?:EVENT""" + _ONE + rb"""(?P<body>)                # an event begins (with the
         (?:\nDTSTART(?P<first>[;:][^\r\n]*+)""" + _ONE + rb""" # DTSTART and DTEND that
           (?:\nDTEND(?P<last>[;:][^\r\n]*+)""" + _ONE + rb""")?)?(?P<begin>)  # follow)
       |ALARM\r?\n(?![ \t])(?:[^bBeE\r\n][^\r\n]*+\r?\n|\r?\n)*+END:VALARM""" + _ONE + rb"""
         (?:\n(?P<closes>END):VEVENT""" + _ONE + rb""")?(?P<alarm>))  # an alarm, whole (and
   |(?P<other_b>))                                              # the end that follows)
| E(?:ND:VEVENT""" + _ONE + rb"""(?P<end>)|XDAT(?P<recur_e>)|(?P<other_e>))
| D(?:TSTART(?P<start>[;:][^\r\n]*+)""" + _ONE + rb"""
     |TEND(?P<stop>[;:][^\r\n]*+)""" + _ONE + rb"""
     |URAT(?P<recur_d>)                                            # (its end needs reading)
     |(?:TSTART[;:]|TEND[;:]|[^\r\n]{0,6}+\r?\n[ \t])(?P<unsure_d>))  # folded, or a
| R(?:RULE|DATE|ECUR)(?P<recur_r>)                              # (it recurs)
| R[^\r\n]{0,6}+\r?\n[ \t](?P<unsure_r>)                       # short line continued: the
| \r?\n[ \t](?P<unsure_n>)                                      # name may be folded
| [be](?P<other_x>)
)""", re.VERBOSE)
_BEGIN, _ALARM, _END, _START, _STOP, _UNSURE, _RECUR, _OTHER = (
    "begin", "alarm", "end", "start", "stop", "unsure", "recur", "other")
# each match's kind, by the number of the group that closed last (`lastindex`)
_KINDS = [""] * (_PLAIN.groups + 1)
for _name, _number in _PLAIN.groupindex.items():
    _KINDS[_number] = _name.partition("_")[0]
_BODY, _FIRST, _LAST, _CLOSES, _VALUE_START, _VALUE_STOP = (
    _PLAIN.groupindex[name] for name in ("body", "first", "last", "closes", "start", "stop"))


class _Plain:
    """Runs of plain events read in one pass of `_PLAIN`: events one after the other,
    whose BEGIN and END lines (and their alarms') are written plainly. Each is told apart as
    `values.outside_window` tells it from its lines: its last DTSTART and DTEND decide,
    unless a line needs reading first (a recurrence, a folded DTSTART or DTEND), when
    it is left to `outside_window` itself."""

    def __init__(self, data: Data, source: Source, window: tuple[dt.date, dt.date],
                 events: list[Block], outside: list[tuple[dt.date, int,
                                                         tuple[tuple[int, int], ...]]]) -> None:
        self.data = data
        self.source = source
        self.low, self.high = window
        self.events = events
        self.outside = outside
        self.vevents = 0
        self.released = 0
        self._days: dict[bytes, dt.date] = {}

    def run(self, start: int, vevents: int) -> int:
        """Read the plain events from the line at `start` (a BEGIN:VEVENT) on; returns
        where the first line not read starts (`start` itself if that event is not plain)."""
        data, low, high, events, outside = (self.data, self.low, self.high, self.events,
                                            self.outside)
        kinds, days, day_of_line = _KINDS, self._days, self._day
        done = start
        inside = unsure = recurs = False
        parts: list[tuple[int, int]] = []
        at = 0
        first: bytes | None = None
        last: bytes | None = None
        for match in _PLAIN.finditer(data, start - 1):
            kind = kinds[match.lastindex]  # type: ignore[index]
            if kind == _BEGIN:
                if inside or match.start() + 1 != done:
                    break
                inside, unsure, recurs = True, False, False
                first, last = match.group(_FIRST, _LAST)
                at = match.start(_BODY) + 1
                parts = []
                if at - self.released > _RELEASE_STEP:
                    release(data, self.released, at)
                    self.released = at
                continue
            if not inside:
                break
            if kind == _START:
                first = match.group(_VALUE_START)
                continue
            if kind == _STOP:
                last = match.group(_VALUE_STOP)
                continue
            if kind == _UNSURE:
                unsure = True
                continue
            if kind == _RECUR:
                unsure = recurs = True
                continue
            if kind == _OTHER:
                break
            begins = match.start() + 1
            if at < begins:
                parts.append((at, begins))
            if kind == _ALARM and match.start(_CLOSES) < 0:  # (else the event ends too)
                at = match.end() + 1
                continue
            vevents += 1
            inside = False
            at = done = match.end() + 1
            if not unsure and first is not None:
                day = days.get(first[first.rfind(b":") + 1:][:8]) or day_of_line(first)
                if day is not None:
                    if day > high:
                        outside.append((day, vevents, tuple(parts)))
                        continue
                    end = day if last is None else (
                        days.get(last[last.rfind(b":") + 1:][:8]) or day_of_line(last))
                    if end is not None and day <= end < low:
                        outside.append((day, vevents, tuple(parts)))
                        continue
            events.append(Block("VEVENT", vevents, source=self.source, parts=parts,
                                inside=not unsure, recurs=recurs))
        self.vevents = vevents
        return done

    def _day(self, line: bytes) -> dt.date | None:
        """`day_of` the value of a DTSTART or DTEND line (from the bytes, when ASCII)."""
        value = line.rpartition(b":")[2]
        if not value.isascii():
            return day_of(value.decode(self.source.encoding, errors="replace"))
        key = value[:8]
        if len(key) < 8 or not key.isdigit():
            return None
        try:
            day = dt.date(int(key[:4]), int(key[4:6]), int(key[6:8]))
        except ValueError:
            return None
        self._days[key] = day  # (only the days that are read, so that a key found is one)
        return day


def day_of(value: str) -> dt.date | None:
    """The day a DATE or DATE-TIME value starts with, as written (None if it does not)."""
    if len(value) < 8 or not value[:8].isdigit():
        return None
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


def scan(data: Data, where: str, window: tuple[dt.date, dt.date] | None = None) -> Document:
    """Find the calendar's properties, time zones and events in the file's bytes, line
    by line as `split` does, without decoding the lines of the components.

    With `window` (first and last day), the plain events of the file (see `_plain_run`)
    are told apart in the same pass: one that cannot touch the window is not made a
    `Block` at all but counted in `Document.outside` with its first day."""
    code = encoding(data, where)
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]  # (a mapped file is copied: the positions start after the mark)
    if _LONE_CR.search(data) or data[-1:] == b"\r":  # old Mac line endings: read it whole
        return split(data[:].decode(code, errors="replace"), where)
    release(data, 0, len(data))
    source = Source(data, code)
    visible = re.compile(rb"\S").search(data)
    first = ""
    if visible is not None:
        line_start = data.rfind(b"\n", 0, visible.start()) + 1
        first = next((line.strip() for line in source.lines(line_start, line_start + 4096)
                      if line.strip()), "")
    _begins_a_calendar(first, where)
    properties: dict[str, str] = {}
    timezones: list[Block] = []
    events: list[Block] = []
    outside: list[tuple[dt.date, int, tuple[tuple[int, int], ...]]] = []
    other: Counter[str] = Counter()
    current: Block | None = None
    keep_nested = False
    depth = 0
    vevents = 0  # VEVENT components met so far
    at = 0  # where the lines not yet placed begin

    def place(end: int) -> None:
        if at >= end:
            return
        if current is None:
            for line in source.lines(at, end):
                name, _, value = _name_and_rest(line)
                if name and name not in properties:
                    properties[name] = value
        elif depth == 1 or keep_nested:
            current.parts.append((at, end))

    released = 0
    kinds: dict[bytes, tuple[bool, str]] = {}  # the BEGIN and END lines met, as read
    found = _FIRST_MARK.match(data)
    search = _MARK.search
    plain = _Plain(data, source, window, events, outside) if window is not None else None
    pos = 0  # where the next BEGIN or END line is looked for
    while True:
        if found is not None:
            mark_start, mark_end, raw = 0, found.end(), found.group(0)
            found = None
        else:
            match = search(data, pos)
            if match is None:
                break
            mark_start, mark_end, raw = match.start(1), match.end(1), match.group(1)
        pos = mark_end
        if mark_start - released > _RELEASE_STEP:
            release(data, released, mark_start)
            released = mark_start
        if plain is not None and current is None and raw in _PLAIN_BEGIN:
            if at < mark_start:
                place(mark_start)
            after = plain.run(mark_start, vevents)
            if after > mark_start:
                vevents = plain.vevents
                at = after
                pos = after - 1
                continue
        kind = kinds.get(raw)
        if kind is None:
            known = _mark_kind(raw, code)
            if known is None:
                continue  # EXDATE, a DESCRIPTION's lost fold...: a content line
            kind = known
            if len(kinds) < 64:
                kinds[raw] = kind
        if at < mark_start:
            if current is not None and (depth == 1 or keep_nested):
                current.parts.append((at, mark_start))
            elif current is None:
                place(mark_start)
        line_end = mark_end + 1
        begins, name = kind
        if begins:
            if current is None:
                if name != "VCALENDAR":
                    if name == "VEVENT":
                        vevents += 1
                        current = Block(name, vevents, source=source)
                        keep_nested = False
                    elif name == "VTIMEZONE":
                        current = Block(name, len(timezones) + 1, source=source)
                        keep_nested = True
                    else:
                        other[name] += 1
                        current = Block(name, 0, source=source)
                    depth = 1
            elif depth == 1 and name == current.name:
                current.closed = False
                _finish(current, timezones, events)
                if name == "VEVENT":
                    vevents += 1
                current = Block(name, vevents if name == "VEVENT" else len(timezones) + 1,
                                source=source)
            else:
                depth += 1
                if keep_nested:
                    current.parts.append((mark_start, line_end))
            at = line_end
            continue
        if current is not None:
            if name == "VCALENDAR":
                current.closed = False
                _finish(current, timezones, events)
                current = None
            else:
                depth -= 1
                if depth == 0:
                    _finish(current, timezones, events)
                    current = None
                elif keep_nested:
                    current.parts.append((mark_start, line_end))
        at = line_end
    place(len(data))
    release(data, released, len(data))
    if current is not None and (depth == 1 or keep_nested) and data[-1:] == b"\n":
        current.parts.append((len(data), len(data)))  # the empty last line, as in `split`
    if current is not None:
        current.closed = False
        _finish(current, timezones, events)
    return Document(properties, timezones, events, other, outside, vevents, source)


def _mark_kind(raw: bytes, code: str) -> tuple[bool, str] | None:
    """(True for BEGIN or False for END, the component's NAME) of a line that begins
    with B or E; None for any other line."""
    if b"\n" in raw:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\n ", b"").replace(b"\n\t", b"")
    head = raw[:6].upper()
    if head == b"BEGIN:":
        return True, raw[6:].decode(code, errors="replace").strip().upper()
    if head[:4] == b"END:":
        return False, raw[4:].decode(code, errors="replace").strip().upper()
    return None


def split(text: str, where: str) -> Document:
    """Find the calendar's properties, time zones and events."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.replace("\n ", "").replace("\n\t", "").split("\n")
    first = next((line.strip() for line in lines if line.strip()), "")
    _begins_a_calendar(first, where)
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
                    current = Block(name, len(counter) + 1, _lines=[])
                    keep_nested = name == "VTIMEZONE"
                    depth = 1
                else:
                    other[name] += 1
                    current = Block(name, 0, _lines=[])
                    depth = 1
                continue
            if depth == 1 and name == current.name:  # a new one began: this one never ended
                current.closed = False
                _finish(current, timezones, events)
                current = Block(name, len(events if name == "VEVENT" else timezones) + 1,
                                _lines=[])
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
    return Document(properties, timezones, events, other, [], len(events))


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


def _begins_a_calendar(first: str, where: str) -> None:
    """Refuse a file whose first line is not BEGIN:VCALENDAR, saying what it starts with."""
    if first.upper() != "BEGIN:VCALENDAR":
        what = "it is empty" if not first else f"it starts with {first[:40]!r}"
        raise LuckError(f"{where}: not an iCalendar file ({what}; expected BEGIN:VCALENDAR)")
