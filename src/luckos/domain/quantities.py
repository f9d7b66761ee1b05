"""Numbers typed with their unit, in the forms the tool itself prints them.

`700`, `700 ms`, `7.2%`, `$400k`, `$1,200`, `650 ms` for a metric in ms; `70%` for a
share between 0 and 1 (a decision's confidence); `2h`, `90m`, `1.5 hours` where hours
are asked. A unit that is not the one asked for is refused with one line naming both.
A small parser rather than pint (which the estimates use): it costs a capture nothing.
"""

from __future__ import annotations

import re

from luckos.errors import Invalid

SHARE = "share"  # a number from 0 to 1, also typed as a percentage: 70% is 0.7
HOURS = "h"  # hours, also typed in minutes: 90m is 1.5

_NUMBER = re.compile(
    r"^(?P<sign>[-+])?(?P<currency>[$€£])?\s*(?P<number>\d[\d,]*(?:\.\d*)?|\.\d+)(?![\d.,])"
    r"(?:(?P<scale>k|K|M|B|bn)(?![A-Za-z]))?\s*(?P<unit>.*)$"
)
_SCALES = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "bn": 1e9}
_HOUR_WORDS = {"h", "hr", "hrs", "hour", "hours"}
_MINUTE_WORDS = {"m", "min", "mins", "minute", "minutes"}


def _same_unit(typed: str, unit: str) -> bool:
    def norm(text: str) -> str:
        return "".join(text.split()).casefold()

    return norm(typed) == norm(unit)




def parse_quantity(text: str | float | int, unit: str, *, what: str = "value") -> float:
    """The number in `text`, in `unit`; raises LuckError naming `what` when it is not a
    number, or is written with another unit."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        return float(text)
    raw = str(text).strip()
    match = _NUMBER.match(raw)
    if not match:
        raise Invalid(f"invalid {what} {raw!r}: expected a number"
                      + (f" in {unit}" if unit and unit != SHARE else ""), where=what)
    digits = match["number"].replace(",", "")
    value = float(digits) * _SCALES.get(match["scale"] or "", 1.0)
    if match["sign"] == "-":
        value = -value
    typed = (match["currency"] or "") + match["unit"].strip()
    if not typed:
        return value
    if unit == SHARE:
        if typed == "%":
            return value / 100
        raise Invalid(f"invalid {what} {raw!r}: expected a share such as 0.7 or 70%", where=what)
    if unit == HOURS:
        word = typed.casefold()
        if word in _HOUR_WORDS:
            return value
        if word in _MINUTE_WORDS:
            return value / 60
        raise Invalid(f"invalid {what} {raw!r}: expected hours such as 2, 2h or 90m", where=what)
    if not _same_unit(typed, unit):
        wanted = f"not {unit}" if unit else "but it takes a plain number"
        raise Invalid(f"invalid {what} {raw!r}: in {typed}, {wanted}", where=what)
    return value
