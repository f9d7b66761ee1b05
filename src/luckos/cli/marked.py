"""A search match in a table cell: loaded by the commands that show one (`luck search`),
so that the other commands do not build its class."""

from __future__ import annotations

import dataclasses

from luckos.domain.fields import ValueBase


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Marked(ValueBase):
    """Text with spans to emphasise (start, end): styled on a terminal, [in brackets]
    when piped. `str()` gives the piped form. Equality, hash and repr are the domain's
    shared ones (`ValueBase`), not generated for it."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def __str__(self) -> str:
        from luckos.app.search import bracket

        return bracket(self.text, self.spans)
