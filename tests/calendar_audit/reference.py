"""The occurrences icalendar + recurring-ical-events find in a file, used directly: the
reference the audit's own reading is checked against.

Both are asked the same question: the occurrences that touch a window of whole days in
UTC, floating times read in the calendar's X-WR-TIMEZONE (else UTC), which is what
`luck calendar audit FILE --tz UTC --from A --to B` counts.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path


def reference_count(path: Path, first: dt.date, last: dt.date) -> int:
    """Occurrences touching [first, last] (whole UTC days); raises what the libraries
    raise on a file they cannot read."""
    import icalendar
    import recurring_ical_events
    import x_wr_timezone

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        calendar = x_wr_timezone.to_standard(calendar)
        low = dt.datetime.combine(first, dt.time(0), dt.UTC)
        high = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), dt.UTC)
        return len(recurring_ical_events.of(calendar).between(low, high))
